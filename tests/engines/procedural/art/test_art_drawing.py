"""Things drawn from art: every kind shows, its mask is its pixels, its box is its mask,
it rests on the floor with its silhouette body, it faces the way it goes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import skia
from PIL import Image
from scipy import ndimage

from openreel.engines.procedural.art.icons import ICONS
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.artwork import ArtPainter, art_of, box
from openreel.engines.procedural.render.contact_sheet import contact_sheet, main
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import KINDS, Storyboard

W, H = 200, 160
WHITE = (255, 255, 255, 255)


def _board(entities: list[dict[str, object]], stage: float = 10.0, seconds: float = 0.25,
           place: str = "park", framing: str = "medium") -> Storyboard:
    return Storyboard.model_validate({
        "style": "animated", "environment": {"place": place, "stage_width": stage},
        "shots": [{"duration": seconds, "entities": entities,
                   "camera": {"framing": framing}}]})


def _entities(kinds: list[str]) -> list[EntityFrame]:
    """One simulated frame of each kind standing in a row, well apart."""
    widths = [footprint(KINDS[k].archetype, KINDS[k].size, k)[0] for k in kinds]
    stage = sum(widths) * 2 + 10
    xs = np.cumsum([0.0, *widths])[:-1] * 2 + np.array(widths) + 5
    board = _board([{"id": f"k{i}", "kind": k, "position": [float(x), 0.0]}
                    for i, (k, x) in enumerate(zip(kinds, xs, strict=True))], stage=stage)
    return simulate_storyboard(board, fps=24, seed=0)[0].frames[0].entities


def _layers(entity: EntityFrame) -> tuple[np.ndarray, np.ndarray, tuple[float, ...]]:
    """The entity drawn alone (RGBA), its mask, and its box, framed to fill the canvas."""
    art = art_of(entity)
    assert art is not None, entity.kind
    w, h = footprint(entity.archetype, entity.size, entity.kind)
    ppm = 0.6 * min(W / w, H / h)
    x0, y0, x1, y1 = box(entity, art, View(entity.x, entity.y, ppm, W, H), 0.0)
    # centre the view on the drawn thing, wherever its root is
    dx, dy = ((x0 + x1) / 2 - W / 2) / ppm, ((y0 + y1) / 2 - H / 2) / ppm
    view = View(entity.x + dx, entity.y - dy, ppm, W, H)
    painter = ArtPainter((255, 255, 255), (200, 210, 230), 0.0)
    pixels = np.zeros((H, W, 4), np.uint8)
    surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)
    painter.draw(surface.getCanvas(), entity, art, view, 0.0)
    surface.flushAndSubmit()
    mask = np.zeros((H, W, 4), np.uint8)
    painter.silhouette(mask, entity, art, view, 0.0, WHITE)
    return pixels, mask[..., 3] == 255, box(entity, art, view, 0.0)


DRAWN = sorted(ICONS)


@pytest.mark.parametrize("batch", [DRAWN[i:i + 16] for i in range(0, len(DRAWN), 16)])
def test_every_kind_renders_with_its_mask_and_box(batch: list[str]) -> None:
    for entity in _entities(batch):
        pixels, mask, (x0, y0, x1, y1) = _layers(entity)
        kind = entity.kind
        solid = pixels[..., 3] >= 128
        assert solid.sum() > 0.04 * W * H, kind  # (a stop sign on its pole is thin)
        # the mask is the drawn thing: every solid pixel, and hardly anything else
        assert (solid & ~mask).sum() <= 0.01 * solid.sum() + 4, kind
        assert (mask & (pixels[..., 3] < 20)).sum() <= 0.01 * mask.sum() + 4, kind
        ys, xs = np.nonzero(mask)
        for got, want in ((x0, xs.min()), (y0, ys.min()), (x1, xs.max() + 1), (y1, ys.max() + 1)):
            assert abs(got - want) <= 2.0, (kind, (x0, y0, x1, y1), (xs.min(), ys.min()))


def test_art_faces_the_way_it_goes() -> None:
    [dog] = _entities(["dog"])
    dog.facing = 1
    right, right_mask, (rx0, _, rx1, _) = _layers(dog)
    dog.facing = -1
    left, left_mask, _ = _layers(dog)
    # mirrored about the dog's own x: the masks are each other's reflection
    assert (rx0 + rx1) / 2 == pytest.approx(W / 2, abs=1.5)
    overlap = (right_mask & left_mask[:, ::-1]).sum() / right_mask.sum()
    assert overlap > 0.95
    assert (right_mask & left_mask).sum() < 0.9 * right_mask.sum()
    # the drawing says which way: Fluent's dog looks left, so facing right mirrors it
    assert ICONS["dog"].facing == -1 and not np.array_equal(right, left)


def test_a_prop_falls_and_rests_on_the_floor() -> None:
    kinds = ["laptop", "teddy_bear", "fire_hydrant", "bench", "suitcase", "guitar"]
    board = _board([{"id": k, "kind": k, "motion": "fall", "position": [2.0 + 2.2 * i, 1.5]}
                    for i, k in enumerate(kinds)], stage=16.0, seconds=4.5, place="living_room",
                   framing="wide")  # all six in one frame
    sim = simulate_storyboard(board, fps=24, seed=4)[0]
    state = sim.frames[-1]
    renderer = Renderer(board, width=960, height=540, seed=4)
    mask = renderer.instance_mask(state, sim)
    for i, entity in enumerate(state.entities):
        assert abs(entity.vx) < 0.05 and abs(entity.vy) < 0.05, entity.kind
        ys, _ = np.nonzero(mask == i + 1)
        floor = renderer.project(state, sim, entity.x, 0.0)[1]
        # no hovering, no sinking: the lowest opaque row is on the floor line
        assert abs((ys.max() + 1) - floor) <= 2.0, (entity.kind, ys.max() + 1, floor)
    impacts = [c for c in sim.contacts if c.kind == "impact" and c.b == "ground"]
    assert {c.a for c in impacts} == set(kinds)
    assert {c.material_a for c in impacts} >= {"plastic", "fabric", "metal", "wood"}


def test_a_blue_car_is_blue_and_a_default_car_keeps_its_paint() -> None:
    board = _board([{"id": "a", "kind": "car", "colour": "blue", "position": [3.0, 0.0]},
                    {"id": "b", "kind": "car", "position": [7.0, 0.0]}])
    sim = simulate_storyboard(board, fps=24, seed=1)[0]
    renderer = Renderer(board, width=640, height=360, seed=1)
    state = sim.frames[0]
    rgb = renderer.render(state, sim)[..., :3].astype(int)
    mask = renderer.instance_mask(state, sim)
    r, b = rgb[..., 0], rgb[..., 2]
    blue_car, red_car = mask == 1, mask == 2
    assert ((b > r + 40) & blue_car).sum() > 0.3 * blue_car.sum()
    assert ((r > b + 40) & red_car).sum() > 0.3 * red_car.sum()


def test_a_red_bicycle_is_mostly_paint_and_its_wheels_are_see_through() -> None:
    board = _board([{"id": "a", "kind": "bicycle", "colour": "red", "position": [5.0, 0.0]}],
                   framing="close_up")
    sim = simulate_storyboard(board, fps=24, seed=1)[0]
    renderer = Renderer(board, width=640, height=360, seed=1)
    state = sim.frames[0]
    rgb = renderer.render(state, sim)[..., :3].astype(int)
    bicycle = renderer.instance_mask(state, sim) == 1
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    # the frame, fork and mudguards are what a viewer names the colour by
    assert ((r > g + 80) & (r > b + 80) & bicycle).sum() > 0.35 * bicycle.sum()
    # the backdrop shows between the spokes: the wheels are rims, not discs
    ys, xs = np.nonzero(bicycle)
    assert bicycle.sum() < 0.45 * (np.ptp(ys) + 1) * (np.ptp(xs) + 1)


def test_contact_sheet_draws_every_asked_kind(tmp_path: Path) -> None:
    path = contact_sheet(["giraffe", "laptop", "cup"], tmp_path / "sheet.png", columns=3)
    sheet = np.asarray(Image.open(path))
    assert sheet.shape[1] == 3 * 240
    tiles = [sheet[:180, i * 240:(i + 1) * 240].astype(int) for i in range(3)]
    assert np.abs(tiles[0] - tiles[1]).mean() > 1.0  # a giraffe is not a laptop
    assert main([]) == 2 and main([str(tmp_path / "x.png"), "unicorn"]) == 2


def test_a_lion_keeps_its_rig_body_and_wears_its_face(monkeypatch: pytest.MonkeyPatch) -> None:
    from openreel.engines.procedural.art import library as library_module

    board = _board([{"id": "lion", "kind": "lion", "position": [5.0, 0.0]}])
    sim = simulate_storyboard(board, fps=24, seed=1)[0]
    state = sim.frames[0]
    [lion] = state.entities
    assert art_of(lion) is None  # the body is the rig
    renderer = Renderer(board, width=640, height=360, seed=1)
    with_face = renderer.render(state, sim).astype(int)
    mask = renderer.instance_mask(state, sim) == 1
    lion.visible = False
    empty = renderer.render(state, sim).astype(int)
    lion.visible = True
    monkeypatch.setattr(library_module, "HEADS", {})
    plain = Renderer(board, width=640, height=360, seed=1).render(state, sim).astype(int)
    face = (np.abs(with_face - plain).sum(axis=2) > 30) & mask
    assert face.sum() > 200
    # nothing is drawn beyond the rig's mask (and its antialiased rim) above the contact
    # shadow: the face keeps the ground truth exact
    floor = renderer.project(state, sim, lion.x, 0.0)[1]
    above = np.arange(360)[:, None] < floor - 40
    outside = ~ndimage.binary_dilation(mask, iterations=2) & above
    assert (np.abs(with_face - empty).sum(axis=2)[outside] > 30).sum() <= 10
