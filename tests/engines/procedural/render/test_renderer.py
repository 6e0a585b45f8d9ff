"""The renderer draws what the simulation says, in the look the storyboard asks for."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.scene import ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Storyboard


def _board(entities: list[dict[str, object]], style: str = "animated", place: str = "living_room",
           time: str = "afternoon", duration: float = 1.0, **camera: object) -> Storyboard:
    return Storyboard.model_validate({
        "style": style, "environment": {"place": place, "time_of_day": time},
        "shots": [{"duration": duration, "entities": entities, "camera": camera}]})


def _render(board: Storyboard, size: tuple[int, int] = (360, 640), frame: int = 0,
            image: np.ndarray | None = None) -> tuple[np.ndarray, Renderer, ShotSimulation]:
    sims = simulate_storyboard(board, fps=24, seed=3)
    renderer = Renderer(board, width=size[0], height=size[1], seed=3, image=image)
    sim = sims[0]
    return renderer.render(sim.frames[frame], sim), renderer, sim


def test_red_ball_is_drawn_where_it_is() -> None:
    board = _board([{"id": "ball", "kind": "ball", "colour": "red", "position": [5.0, 0.0]}])
    rgba, renderer, sim = _render(board, frame=10)
    state = sim.frames[10]
    ball = state.entities[0]
    px, py = renderer.project(state, sim, ball.x, ball.y)
    r, g, b = (rgba[int(py), int(px), i].astype(int) for i in range(3))
    assert r > 150 and r > g + 70 and r > b + 70
    assert rgba.shape == (640, 360, 4) and (rgba[..., 3] == 255).all()


def test_three_blue_cubes_are_three_blue_shapes() -> None:
    board = _board([{"id": "c", "kind": "cube", "colour": "blue", "count": 3}])
    rgba, _, _ = _render(board, frame=20)
    r, g, b = (rgba[..., i].astype(int) for i in range(3))
    blue = (b > 110) & (b > r + 50) & (b > g + 25)
    labels, n = ndimage.label(ndimage.binary_opening(blue, iterations=1))
    sizes = ndimage.sum(blue, labels, range(1, n + 1))
    assert int((sizes > 40).sum()) == 3


def test_mask_and_box_agree() -> None:
    board = _board([{"id": "dog", "kind": "dog", "motion": "walk"},
                    {"id": "ball", "kind": "ball", "colour": "red"}])
    _, renderer, sim = _render(board)
    state = sim.frames[5]
    mask = renderer.instance_mask(state, sim)
    for i, entity in enumerate(state.entities):
        ys, xs = np.nonzero(mask == i + 1)
        assert len(xs) > 20
        x0, y0, x1, y1 = renderer.entity_box(state, sim, entity)
        assert x0 - 2 <= xs.min() and xs.max() <= x1 + 2
        assert y0 - 2 <= ys.min() and ys.max() <= y1 + 2


def test_blink_and_mouth_change_the_face() -> None:
    board = _board([{"id": "someone", "kind": "person", "position": [5.0, 0.0]}])
    sims = simulate_storyboard(board, fps=24, seed=3)
    sim = sims[0]
    renderer = Renderer(board, width=360, height=640, seed=3)
    state = sim.frames[0]
    someone = state.entities[0]
    someone.blink, someone.mouth = 0.0, 0.0
    base = renderer.render(state, sim)
    someone.blink = 1.0
    blinked = renderer.render(state, sim)
    someone.blink, someone.mouth = 0.0, 1.0
    talking = renderer.render(state, sim)
    assert np.abs(base.astype(int) - blinked).sum() > 500
    assert np.abs(base.astype(int) - talking).sum() > 500


def test_styles_are_different_looks() -> None:
    entities = [{"id": "ball", "kind": "ball", "colour": "red", "position": [5.0, 0.0]}]
    frames = {s: _render(_board(entities, style=s, place="park"))[0][..., :3].astype(int)
              for s in ("animated", "noir", "cinematic", "pixel")}
    noir = frames["noir"]
    assert np.abs(noir[..., 0] - noir[..., 1]).max() <= 2, "noir is black and white"
    bars = frames["cinematic"][:20]
    assert bars.max() < 10, "cinematic has letterbox bars"
    pixel = frames["pixel"]
    assert (pixel[:, 1:] == pixel[:, :-1]).all(axis=2).mean() > 0.8, "pixel art is blocky"
    assert np.abs(frames["animated"] - frames["cinematic"]).mean() > 5


def test_night_is_darker_than_noon() -> None:
    entities = [{"id": "tree", "kind": "tree"}]
    noon = _render(_board(entities, place="park", time="noon"))[0][..., :3].mean()
    night = _render(_board(entities, place="park", time="night"))[0][..., :3].mean()
    assert night < noon * 0.6


def test_deterministic_and_every_size() -> None:
    board = _board([{"id": "bird", "kind": "bird", "motion": "fly"}], place="beach")
    a = _render(board, frame=7)[0]
    b = _render(board, frame=7)[0]
    assert np.array_equal(a, b)
    for w, h in ((720, 1280), (1280, 720), (1024, 1024), (1920, 1080)):
        assert _render(board, size=(w, h))[0].shape == (h, w, 4)


def test_image_is_the_first_frame() -> None:
    rng = np.random.default_rng(0)
    small = rng.integers(0, 255, (16, 9, 3)).astype(np.uint8)
    picture = np.kron(small, np.ones((40, 40, 1), np.uint8))  # 640 × 360 blocks
    board = _board([{"id": "bird", "kind": "bird", "motion": "fly", "position": [5, 4]}])
    rgba, _, _ = _render(board, image=picture)
    first = rgba[..., :3].astype(float).mean(axis=2).ravel()
    source = picture.astype(float).mean(axis=2).ravel()
    assert np.corrcoef(first, source)[0, 1] > 0.8


def test_close_up_with_the_ground_out_of_frame() -> None:
    board = _board([{"id": "woman", "kind": "person", "motion": "talk"}], place="park",
                   framing="close_up", follow="woman")
    for frame in (0, 12, 23):
        rgba, renderer, sim = _render(board, size=(720, 1280), frame=frame)
        state = sim.frames[frame]
        head = state.entities[0].parts["head"]
        _, py = renderer.project(state, sim, head.x, head.y)
        assert 0.1 * 1280 < py < 0.6 * 1280, "the head sits in the upper part of the frame"
    assert rgba.shape == (1280, 720, 4)
