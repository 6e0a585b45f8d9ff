"""The colour reader names synthetic patches as a viewer would."""

from __future__ import annotations

import numpy as np
import pytest
from bench.adherence_colour import canonical, colour_shares, read_colour


def patch(rgb: tuple[int, int, int], n: int = 400) -> np.ndarray:
    """``n`` pixels of one colour."""
    return np.tile(np.array(rgb, dtype=np.uint8), (n, 1))


def shaded(rgb: tuple[int, int, int], light: float) -> tuple[int, int, int]:
    """The colour under more (>1) or less (<1) light, clipped."""
    r, g, b = (min(255, round(c * light)) for c in rgb)
    return r, g, b


# Several shades of every colour VBench asks for, and the words around them.
SHADES = {
    "red": [(255, 0, 0), (222, 53, 53), (139, 0, 0), (220, 20, 60), (178, 34, 34)],
    "orange": [(255, 165, 0), (255, 140, 0), (244, 140, 36), (230, 120, 30)],
    "yellow": [(255, 255, 0), (250, 205, 40), (255, 215, 0), (240, 230, 140)],
    "green": [(0, 128, 0), (0, 255, 0), (62, 170, 80), (34, 139, 34), (0, 100, 0)],
    "blue": [(0, 0, 255), (45, 105, 220), (65, 105, 225), (0, 0, 128), (30, 144, 255),
             (135, 206, 235)],
    "purple": [(128, 0, 128), (130, 70, 200), (147, 112, 219), (75, 0, 130), (238, 130, 238)],
    "pink": [(255, 192, 203), (245, 140, 180), (255, 105, 180), (255, 20, 147)],
    "brown": [(139, 69, 19), (130, 85, 50), (160, 82, 45)],
    "black": [(0, 0, 0), (30, 30, 34), (20, 24, 40), (45, 40, 38)],
    "white": [(255, 255, 255), (240, 240, 236), (245, 232, 200), (225, 228, 232)],
    "grey": [(128, 128, 128), (135, 138, 145), (110, 110, 104)],
}


@pytest.mark.parametrize(("word", "rgb"),
                         [(word, rgb) for word, shades in SHADES.items() for rgb in shades])
def test_flat_patches_read_as_their_colour(word: str, rgb: tuple[int, int, int]) -> None:
    assert read_colour(patch(rgb)) == word


@pytest.mark.parametrize("word", ["red", "orange", "green", "blue", "purple", "pink"])
def test_a_lit_and_shaded_object_keeps_its_colour(word: str) -> None:
    base = SHADES[word][1]
    pixels = np.concatenate([patch(shaded(base, light), 100) for light in (0.75, 0.9, 1.0, 1.1)])
    assert read_colour(pixels) == word


def test_paint_wins_over_black_tyres_and_grey_spokes() -> None:
    bicycle = np.concatenate([patch((222, 53, 53), 300), patch((30, 30, 34), 450),
                              patch((135, 138, 145), 250)])
    assert read_colour(bicycle) == "red"


GLASS, TYRES = patch((190, 215, 225), 320), patch((30, 30, 34), 80)


def test_pale_window_glass_does_not_paint_a_car_blue() -> None:
    white_body = np.concatenate([patch((240, 240, 236), 300), patch((200, 200, 196), 300)])
    assert read_colour(np.concatenate([white_body, GLASS, TYRES])) == "white"
    black_body = np.concatenate([patch((30, 30, 34), 300), patch((60, 60, 66), 300)])
    assert read_colour(np.concatenate([black_body, GLASS, TYRES])) == "black"
    blue_body = patch((45, 105, 220), 600)
    assert read_colour(np.concatenate([blue_body, GLASS, TYRES])) == "blue"


def test_a_little_colour_does_not_win_over_the_body() -> None:
    black_cat = np.concatenate([patch((30, 30, 34), 900), patch((245, 140, 180), 50),
                                patch((62, 170, 80), 50)])
    assert read_colour(black_cat) == "black"


def test_shares_cover_every_pixel_and_gray_is_grey() -> None:
    shares = colour_shares(np.concatenate([patch((255, 0, 0), 100), patch((0, 0, 255), 300)]))
    assert shares == pytest.approx({"red": 0.25, "blue": 0.75})
    assert canonical("gray") == "grey"
    with pytest.raises(ValueError, match="no pixels"):
        read_colour(np.zeros((0, 3), dtype=np.uint8))
