"""Naming the colour of a thing from its pixels, in the words VBench asks with.

Pixels are read in OKLab (through colour-science) rather than CIELAB because OKLab's hue
angle keeps blue and purple apart: sRGB blue sits at 306° in CIELAB, beside medium purple,
and at 264° in OKLab, 35° away from it. Each pixel gets a name from its lightness, chroma
and hue (near white, a faint tint such as window glass still reads white). A thing's
colour is the name most of its pixels share, except that a chromatic name covering at
least ``PAINT_SHARE`` of them wins over black, white and grey, so a red bicycle with black
tyres and grey spokes still reads red.
"""

from __future__ import annotations

import warnings

import numpy as np

with warnings.catch_warnings():  # colour-science warns on import that matplotlib is absent
    warnings.simplefilter("ignore")
    import colour

ACHROMATIC = ("black", "white", "grey")
CHROMATIC = ("red", "orange", "brown", "yellow", "olive", "green", "cyan", "blue", "purple",
             "pink")
NAMES = ACHROMATIC + CHROMATIC
PAINT_SHARE = 0.3
SYNONYMS = {"gray": "grey"}

DARKEST_COLOURED = 0.25  # OKLab L below which everything reads black
GREY_CHROMA = 0.04  # OKLab chroma below which a pixel is black, grey or white
WHITE_LIGHTNESS, BLACK_LIGHTNESS = 0.78, 0.38  # lightness splits of the achromatic pixels
# Near white, a faint tint still reads white (window glass, a cream wall): pale pixels
# need more chroma than others to be named by their hue.
PALE_CHROMA = 0.06
# Hue bands in OKLab degrees: (lowest hue, name). Red also wraps past 345°.
HUE_BANDS = ((0.0, "red"), (42.0, "orange"), (80.0, "yellow"), (120.0, "green"),
             (175.0, "cyan"), (215.0, "blue"), (285.0, "purple"), (345.0, "red"))


def oklch(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lightness (0..1), chroma and hue (degrees) of (n, 3) uint8 sRGB pixels."""
    lab = colour.convert(np.asarray(rgb, dtype=np.float64).reshape(-1, 3) / 255.0,
                         "sRGB", "Oklab")
    lightness, a, b = lab[:, 0], lab[:, 1], lab[:, 2]
    return lightness, np.hypot(a, b), np.degrees(np.arctan2(b, a)) % 360.0


def pixel_names(rgb: np.ndarray) -> np.ndarray:
    """The index into ``NAMES`` of every (n, 3) uint8 sRGB pixel."""
    lightness, chroma, hue = oklch(rgb)
    code = {name: i for i, name in enumerate(NAMES)}
    starts = np.array([start for start, _ in HUE_BANDS])
    band_codes = np.array([code[name] for _, name in HUE_BANDS])
    names = band_codes[np.searchsorted(starts, hue, side="right") - 1]
    red, orange, yellow = names == code["red"], names == code["orange"], names == code["yellow"]
    # Dark or dull versions of a hue have names of their own.
    names[orange & ((lightness < 0.62) | (chroma < 0.1))] = code["brown"]
    names[red & (lightness < 0.55) & (chroma < 0.09)] = code["brown"]
    names[yellow & (lightness < 0.7)] = code["olive"]
    names[red & (((hue >= 345.0) | (hue < 15.0)) & (lightness >= 0.6) | (lightness >= 0.8))] = (
        code["pink"])
    grey = (chroma < GREY_CHROMA) | ((chroma < PALE_CHROMA) & (lightness >= WHITE_LIGHTNESS))
    names[grey] = np.where(lightness[grey] >= WHITE_LIGHTNESS, code["white"],
                           np.where(lightness[grey] < BLACK_LIGHTNESS, code["black"],
                                    code["grey"]))
    names[lightness < DARKEST_COLOURED] = code["black"]
    return names


def colour_shares(rgb: np.ndarray) -> dict[str, float]:
    """How much of the (n, 3) pixels each colour name covers (names with none left out)."""
    counts = np.bincount(pixel_names(rgb), minlength=len(NAMES))
    total = max(1, int(counts.sum()))
    return {NAMES[i]: counts[i] / total for i in np.flatnonzero(counts)}


def read_colour(rgb: np.ndarray) -> str:
    """The colour name of a thing made of these (n, 3) uint8 sRGB pixels."""
    if len(rgb) == 0:
        raise ValueError("no pixels to read a colour from")
    shares = colour_shares(rgb)
    painted = max(CHROMATIC, key=lambda name: shares.get(name, 0.0))
    if shares.get(painted, 0.0) >= PAINT_SHARE:
        return painted
    return max(shares, key=lambda name: shares[name])


def canonical(name: str) -> str:
    """The classifier's spelling of a colour word ("gray" → "grey")."""
    return SYNONYMS.get(name, name)
