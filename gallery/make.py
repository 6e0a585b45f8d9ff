"""Render every gallery prompt and write a contact sheet PNG (a few frames of each clip)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from gallery.prompts import PROMPTS
from openreel.media import read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.spec import Style

HERE = Path(__file__).resolve().parent
THUMB_W, THUMB_H = 180, 320
FRAMES_PER_CLIP = 4


def _thumbs(video: Path, count: int) -> list[Image.Image]:
    frames = list(read_frames(video))
    picks = np.linspace(0, len(frames) - 1, count + 2)[1:-1].round().astype(int)
    return [Image.fromarray(frames[i]).resize((THUMB_W, THUMB_H), Image.LANCZOS) for i in picks]


def main() -> None:
    """Render the gallery clips and the contact sheet."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, list[Image.Image]]] = []
    for i, (prompt, style) in enumerate(PROMPTS):
        options = GenerateOptions(seconds=args.seconds, size="720x1280", fps=24,
                                  style=Style(style) if style else None, seed=i)
        started = time.perf_counter()
        board = plan(prompt, None, options)
        video = args.out / f"{i:02d}.mp4"
        render_to_file(board, options, video)
        print(f"{i:02d} {time.perf_counter() - started:5.1f}s  {prompt}")
        rows.append((f"{prompt}  [{board.style.value}]", _thumbs(video, FRAMES_PER_CLIP)))
    columns = 2
    cell_w, cell_h = FRAMES_PER_CLIP * THUMB_W + 16, THUMB_H + 40
    sheet_rows = (len(rows) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * cell_w, sheet_rows * cell_h), (18, 18, 22))
    draw = ImageDraw.Draw(sheet)
    for n, (caption, thumbs) in enumerate(rows):
        x0, y0 = (n % columns) * cell_w + 8, (n // columns) * cell_h + 8
        draw.text((x0, y0), caption[:110], fill=(230, 230, 230))
        for k, thumb in enumerate(thumbs):
            sheet.paste(thumb, (x0 + k * THUMB_W, y0 + 24))
    path = args.out / "contact_sheet.png"
    sheet.save(path)
    print(f"contact sheet: {path}")


if __name__ == "__main__":
    main()
