"""A contact sheet of kinds: each standing on the ground beside a person, for scale.

    python -m openreel.engines.procedural.render.contact_sheet out.png [kind ...]

Every tile is a real one-frame render through the simulation and the renderer, so the
sheet shows what a clip shows: the thing at its catalog size, lit, on its floor.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from openreel.engines.procedural.render.renderer import Renderer
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import KINDS, Archetype, Storyboard

TILE = (240, 180)
LABEL_H = 14


def kind_board(kind: str, with_person: bool = True) -> Storyboard:
    """A one-shot storyboard: the kind at rest on the ground, a person beside it."""
    spec = KINDS[kind]
    w, _ = footprint(spec.archetype, spec.size, kind)
    stage = max(10.0, 3.0 * w + 4.0)
    x = stage / 2
    entities: list[dict[str, object]] = [
        {"id": "thing", "kind": kind, "position": [x + (0.6 if with_person else 0.0), 0.0]}]
    if with_person and spec.archetype is not Archetype.HUMANOID:
        entities.append({"id": "person", "kind": "person",
                         "position": [x - 0.5 * w - 0.35, 0.0]})
    place = "ocean" if spec.archetype is Archetype.BOAT else "park"
    return Storyboard.model_validate({
        "style": "animated", "environment": {"place": place, "stage_width": stage},
        "shots": [{"duration": 0.25, "entities": entities, "camera": {"framing": "medium"}}]})


def render_tile(kind: str, size: tuple[int, int] = TILE, zoom: int = 6) -> np.ndarray:
    """One RGB tile of a kind beside a person.

    The frame is rendered ``zoom`` times larger, then cut around the thing so that small
    things fill the tile (the person beside it still shows their scale).
    """
    board = kind_board(kind)
    sim = simulate_storyboard(board, fps=24, seed=1)[0]
    width, height = size[0] * zoom, size[1] * zoom
    renderer = Renderer(board, width=width, height=height, seed=1)
    state = sim.frames[0]
    frame = renderer.render(state, sim)[..., :3]
    x0, y0, x1, y1 = renderer.entity_box(state, sim, state.entities[0])
    crop_h = min(max((y1 - y0) / 0.55, (x1 - x0) / 0.7 * size[1] / size[0], 0.5 * size[1]),
                 height)
    crop_w = crop_h * size[0] / size[1]
    # lean the window toward the person, as far as the thing still fits in it
    lean = min(0.25 * crop_w, max(0.45 * crop_w - 0.5 * (x1 - x0), 0.0))
    cx = min(max((x0 + x1) / 2 - lean, crop_w / 2), width - crop_w / 2)
    bottom = min(max(y1 + 0.2 * crop_h, crop_h), height)
    window = (round(cx - crop_w / 2), round(bottom - crop_h), round(cx + crop_w / 2),
              round(bottom))
    return np.asarray(Image.fromarray(frame).crop(window).resize(size, Image.Resampling.LANCZOS))


def contact_sheet(kinds: Sequence[str], path: Path, columns: int = 10) -> Path:
    """Render every kind into one labelled PNG."""
    w, h = TILE
    rows = (len(kinds) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * w, rows * (h + LABEL_H)), (250, 250, 250))
    draw = ImageDraw.Draw(sheet)
    for n, kind in enumerate(kinds):
        x, y = (n % columns) * w, (n // columns) * (h + LABEL_H)
        sheet.paste(Image.fromarray(render_tile(kind)), (x, y))
        draw.text((x + 4, y + h + 1), kind.replace("_", " "), fill=(20, 20, 20))
    sheet.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: contact_sheet OUT.png [kind ...]", file=sys.stderr)
        return 2
    unknown = [k for k in args[1:] if k not in KINDS]
    if unknown:
        print(f"unknown kinds: {', '.join(unknown)}", file=sys.stderr)
        return 2
    kinds = args[1:] or sorted(KINDS)
    print(contact_sheet(kinds, Path(args[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
