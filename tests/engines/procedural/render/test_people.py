"""People on screen: skin, clothes and faces drawn from the persona, mimed gear in hand."""

from __future__ import annotations

import numpy as np

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.scene import EntityFrame, FrameState, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Storyboard


def _board(entities: list[dict[str, object]], framing: str = "medium",
           follow: str | None = None) -> Storyboard:
    camera: dict[str, object] = {"framing": framing}
    if follow:
        camera["follow"] = follow
    return Storyboard.model_validate({
        "style": "animated", "environment": {"place": "living_room"}, "music": False,
        "shots": [{"duration": 1.0, "entities": entities, "camera": camera}]})


def _scene(board: Storyboard, frame: int = 6) -> tuple[Renderer, ShotSimulation, FrameState]:
    sim = simulate_storyboard(board, fps=12, seed=2)[0]
    return Renderer(board, width=640, height=360, seed=2), sim, sim.frames[frame]


def _near(rgb: np.ndarray, colour: tuple[int, int, int], tol: int = 40) -> np.ndarray:
    return (np.abs(rgb.astype(int) - np.array(colour)).max(axis=-1) < tol)


def _around(renderer: Renderer, state: FrameState, sim: ShotSimulation, e: EntityFrame,
            part: str, radius: float) -> tuple[slice, slice]:
    tr = e.parts[part]
    px, py = renderer.project(state, sim, tr.x, tr.y)
    view = renderer._view(state, sim, renderer.width, renderer.height)
    r = int(radius * view.ppm)
    return slice(max(int(py) - r, 0), int(py) + r), slice(max(int(px) - r, 0), int(px) + r)


def test_skin_and_garment_colours_come_from_the_persona() -> None:
    board = _board([{"id": "w", "kind": "person", "colour": "red", "position": [5.0, 0.0],
                     "persona": {"gender": "female", "outfit": "dress", "skin": "#5a3a28"}}])
    renderer, sim, state = _scene(board)
    rgba = renderer.render(state, sim)[..., :3]
    woman = state.entities[0]
    face = rgba[_around(renderer, state, sim, woman, "head", 0.06)]
    skirt = rgba[_around(renderer, state, sim, woman, "skirt", 0.08)]
    # shading lights and darkens, but the hue stays the persona's
    assert _near(face, (90, 58, 40), 45).mean() > 0.3
    reds = (skirt[..., 0].astype(int) > 150) & (skirt[..., 1] < 90) & (skirt[..., 2] < 90)
    assert reds.mean() > 0.3


def test_faces_open_their_mouths_smile_and_cry() -> None:
    board = _board([{"id": "p", "kind": "person", "position": [5.0, 0.0]}], "close_up", "p")
    renderer, sim, state = _scene(board)
    p = state.entities[0]
    box = _around(renderer, state, sim, p, "head", 0.12)

    def face(mouth: float, **extra: float) -> np.ndarray:
        p.mouth, p.extra = mouth, dict(extra)
        return renderer.render(state, sim)[box][..., :3].astype(int)

    still = face(0.0)
    assert np.abs(face(0.9) - still).sum() > 3000, "the mouth opens"
    assert np.abs(face(0.0, smile=1.0) - face(0.0, smile=-1.0)).sum() > 500

    def blue(img: np.ndarray) -> int:
        return int(((img[..., 2] > 170) & (img[..., 2] > img[..., 0] + 50)).sum())

    assert blue(face(0.0, tears=1.0)) > blue(still) + 10, "tears run down the cheeks"


def test_mimed_gear_is_drawn_in_the_hands() -> None:
    board = _board([{"id": "p", "kind": "person", "motion": "clean", "position": [5.0, 0.0]}])
    renderer, sim, state = _scene(board)
    p = state.entities[0]
    assert "gear:broom" in p.parts
    box = _around(renderer, state, sim, p, "gear:broom", 0.5)
    with_broom = renderer.render(state, sim)[box][..., :3]
    bristles = _near(with_broom, (215, 180, 90), 30).sum()
    del p.parts["gear:broom"]
    without = renderer.render(state, sim)[box][..., :3]
    assert bristles > 30
    assert _near(without, (215, 180, 90), 30).sum() < bristles / 4
