"""Finding the picture inside what boxes it in: bars, a border, a blurred copy of itself."""

from __future__ import annotations

import numpy as np
import pytest

from openreel.provenance.copy_edits import EDITS, edit_frame
from openreel.provenance.framing import content_box


def _night(seed: int = 1) -> np.ndarray:
    """A 640x360 night scene: a dark sky with stars over a grey ground."""
    rng = np.random.default_rng(seed)
    picture = np.empty((640, 360, 3), np.uint8)
    picture[:480] = (12, 16, 40)
    ys, xs = rng.integers(0, 480, 400), rng.integers(0, 360, 400)
    picture[ys, xs] = 230
    ground = 150 + rng.normal(0, 12, (160, 360, 1))
    picture[480:] = np.clip(ground, 0, 255).astype(np.uint8)
    return picture


def _room(seed: int = 2) -> np.ndarray:
    """A 640x360 room: a flat ceiling over a tiled wall, a line between them."""
    rng = np.random.default_rng(seed)
    picture = np.empty((640, 360, 3), np.uint8)
    picture[:120] = (205, 200, 190)
    tiles = 200 + 25 * ((np.indices((520, 360)) // 24).sum(axis=0) % 2)
    picture[120:] = np.clip(tiles[..., None] + rng.normal(0, 6, (520, 360, 1)), 0,
                            255).astype(np.uint8)
    return picture


@pytest.mark.parametrize("edit", ["letterboxed", "blurred_background"])
def test_a_night_scene_is_found_inside_its_box(edit: str) -> None:
    # its dark sky over a darkened, blurred copy of itself differs by a few levels only
    framed = edit_frame(_night(), EDITS[edit])
    assert framed.shape[:2] == (640, 1138)
    box = content_box(framed)
    assert box is not None
    top, bottom, left, right = box
    assert (top, bottom) == (0, 640) and abs(left - 389) <= 1 and abs(right - 749) <= 1


def test_a_border_is_cut_off_to_the_pixel() -> None:
    framed = edit_frame(_room(), EDITS["border_3pct"])
    assert content_box(framed) == (19, 659, 11, 371)


def test_a_picture_that_fills_its_frame_is_cut_at_most_where_a_flat_part_ends() -> None:
    assert content_box(_night()) is None
    # a flat ceiling ending at a straight line looks like a bar: the cut is one more way
    # to look the picture up (used only when it is not found as it is), the other sides
    # stay whole, and no faint line makes a box that is not centred
    assert content_box(_room()) == (120, 640, 0, 360)
