"""Shown text: set inside the frame, where it was placed, faded in, wrapped evenly."""

from __future__ import annotations

import numpy as np
import skia

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.captions import balanced_lines, draw_captions
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Caption, Placement, Storyboard, Style


def _frame(captions: list[dict[str, object]], frame: int) -> np.ndarray:
    board = Storyboard.model_validate({
        "style": "cinematic", "environment": {"place": "living_room"},
        "shots": [{"duration": 2.0, "captions": captions,
                   "entities": [{"id": "cat", "kind": "cat"}]}]})
    sim = simulate_storyboard(board, fps=24, seed=1)[0]
    return Renderer(board, 360, 640, seed=1).render(sim.frames[frame], sim)[..., :3]


def test_a_caption_is_drawn_in_its_band_and_nowhere_else() -> None:
    plain = _frame([], 24).astype(int)
    titled = _frame([{"text": "Summer Sale", "placement": "top"}], 24).astype(int)
    changed = np.abs(titled - plain).sum(axis=2) > 40
    rows = np.nonzero(changed.any(axis=1))[0]
    assert changed.sum() > 2000, "the title is big enough to read"
    assert rows.min() > 0.02 * 640 and rows.max() < 0.35 * 640, "it sits in the top band"
    white = (titled.min(axis=2) > 225) & changed
    assert white.sum() > 800, "set in white"


def test_a_caption_fades_in() -> None:
    plain = _frame([], 1).astype(int)
    early = _frame([{"text": "Summer Sale", "start": 0.0}], 1).astype(int)
    late = _frame([{"text": "Summer Sale", "start": 0.0}], 24).astype(int)
    plain_late = _frame([], 24).astype(int)
    assert np.abs(early - plain).sum() < 0.5 * np.abs(late - plain_late).sum()


def test_captions_outside_their_time_are_not_drawn() -> None:
    surface = skia.Surface(200, 300)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    draw_captions(canvas, [Caption(text="Later", start=1.0, duration=0.5,
                                   placement=Placement.CENTRE)], 0.5, 3.0, 200, 300,
                  Style.ANIMATED)
    assert surface.makeImageSnapshot().toarray()[..., :3].max() == 0


def test_lines_are_balanced_within_the_measure() -> None:
    font = skia.Font(skia.Typeface("DejaVu Sans"), 20)
    text = "Taste the summer in every single sip of our lemonade"
    lines = balanced_lines(text, font, 220)
    assert " ".join(lines) == text and len(lines) >= 2
    widths = [font.measureText(line) for line in lines]
    assert max(widths) <= 220
    assert min(widths) > 0.5 * max(widths), widths
