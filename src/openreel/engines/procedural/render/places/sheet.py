"""A contact sheet of places: each as its bare name directs it, in a tall and a wide frame.

    python -m openreel.engines.procedural.render.places.sheet OUT.png [place ...]
        [--time night] [--weather storm] [--size 720x1280]

Every tile is a real render: the director reads the place's name as a prompt (so the sheet
shows what a viewer gets for "bathroom" or "gas station", cast included), the simulation
runs, and the renderer draws one frame at 720×1280 and at 1280×720, shrunk into the sheet.
A label in red means the director did not read the name as that place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from openreel.spec import PLACES, Storyboard, TimeOfDay, Weather

TALL = (720, 1280)
SHRINK = 4  # each frame appears at a quarter of its size
LABEL_H = 16


def place_board(place: str, time: TimeOfDay | None = None,
                weather: Weather | None = None) -> Storyboard:
    """The director's storyboard for a place's bare name, at a time and in a weather."""
    from openreel.director import direct

    name = place.replace("_", " ")
    words = PLACES[place].words
    board = direct(name if name in words or not words else words[0], seconds=1.0)
    env = board.environment.model_copy(update={
        k: v for k, v in (("time_of_day", time), ("weather", weather)) if v is not None})
    return board.model_copy(update={"environment": env})


def render_place(board: Storyboard, width: int, height: int, seed: int = 0) -> np.ndarray:
    """One RGB frame from the middle of the board's first shot."""
    from openreel.engines.procedural.render.renderer import Renderer
    from openreel.engines.procedural.simulation import simulate_storyboard

    sim = simulate_storyboard(board, fps=12, seed=seed)[0]
    state = sim.frames[len(sim.frames) // 2]
    return Renderer(board, width, height, seed=seed).render(state, sim)[..., :3]


def contact_sheet(places: list[str], path: Path, time: TimeOfDay | None = None,
                  weather: Weather | None = None, tall: tuple[int, int] = TALL,
                  columns: int = 4) -> Path:
    """Render every place into one labelled PNG; returns its path."""
    tw, th = tall[0] // SHRINK, tall[1] // SHRINK
    ww, _wh = tall[1] // SHRINK, tall[0] // SHRINK
    cell_w, cell_h = tw + ww + 12, th + LABEL_H + 8
    rows = (len(places) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * cell_w, rows * cell_h), (250, 250, 250))
    draw = ImageDraw.Draw(sheet)
    for n, place in enumerate(places):
        board = place_board(place, time, weather)
        x, y = (n % columns) * cell_w + 4, (n // columns) * cell_h + 4
        for size, offset in ((tall, 0), ((tall[1], tall[0]), tw + 4)):
            frame = Image.fromarray(render_place(board, *size))
            small = frame.resize((size[0] // SHRINK, size[1] // SHRINK), Image.Resampling.LANCZOS)
            sheet.paste(small, (x + offset, y))
        read = board.environment.place
        label = place.replace("_", " ") + ("" if read == place else f" -> {read}")
        draw.text((x, y + th + 2), label, fill=(20, 20, 20) if read == place else (200, 0, 0))
    sheet.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("places", nargs="*")
    parser.add_argument("--time", choices=[t.value for t in TimeOfDay])
    parser.add_argument("--weather", choices=[w.value for w in Weather])
    parser.add_argument("--columns", type=int, default=4)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    unknown = [p for p in args.places if p not in PLACES]
    if unknown:
        print(f"unknown places: {', '.join(unknown)}", file=sys.stderr)
        return 2
    places = args.places or sorted(PLACES)
    print(contact_sheet(places, args.out, TimeOfDay(args.time) if args.time else None,
                        Weather(args.weather) if args.weather else None,
                        columns=args.columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
