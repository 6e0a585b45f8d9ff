"""Pictures that are not film: watercolour on paper, and pixel art from a small palette.

Both work on a frame's RGBA bytes once per frame with OpenCV and numpy; whatever does
not change from frame to frame (the paper, where the washes wander, the dither pattern)
is made once.
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np
from PIL import Image

from openreel.engines.procedural.render.looks import Medium

RGB = tuple[int, int, int]
PAPER: RGB = (246, 241, 228)
# 4×4 ordered-dither thresholds (Bayer): a stable pattern, so flat areas never flicker
BAYER = (np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]],
                  np.float32) + 0.5) / 16 - 0.5


def _noise(shape: tuple[int, int], cell: float, rng: np.random.Generator) -> np.ndarray:
    """Smooth value noise of about ``cell`` pixels per feature, zero mean, unit spread."""
    h, w = shape
    small = rng.normal(0.0, 1.0, (max(int(h / cell), 2) + 2, max(int(w / cell), 2) + 2))
    big = cv2.resize(small.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    return big / max(float(big.std()), 1e-6)


class Watercolour:
    """Washes that wander past their edges and pool pigment there, on textured paper."""

    def __init__(self, medium: Medium, width: int, height: int, seed: int) -> None:
        self.medium, self.width, self.height = medium, width, height
        rng = np.random.default_rng(seed + 11)
        k = width / 720
        wander = medium.bleed * k
        gx, gy = np.meshgrid(np.arange(width, dtype=np.float32),
                             np.arange(height, dtype=np.float32))
        dx = wander * (0.7 * _noise((height, width), 40 * k, rng)
                       + 0.3 * _noise((height, width), 9 * k, rng))
        dy = wander * (0.7 * _noise((height, width), 40 * k, rng)
                       + 0.3 * _noise((height, width), 9 * k, rng))
        self._maps = cv2.convertMaps(gx + dx, gy + dy, cv2.CV_16SC2)
        self._pool_sigma = max(2.0 * k, 0.8)
        self._pool = np.zeros((1, 256), np.uint8)
        gain = 2.2 * medium.pigment
        self._pool[0] = np.clip(255 - np.arange(256) * gain, 140, 255).astype(np.uint8)
        # the paper's tooth, and the blotches of a wash that dried unevenly
        tooth = 1 + medium.paper * (0.03 * _noise((height, width), 2.5 * k, rng)
                                    + 0.03 * _noise((height, width), 12 * k, rng)
                                    + 0.05 * _noise((height, width), 60 * k, rng))
        across = np.minimum(np.arange(width), width - 1 - np.arange(width))[None, :]
        down = np.minimum(np.arange(height), height - 1 - np.arange(height))[:, None]
        inset = (np.minimum(across, down) / width).astype(np.float32)
        ragged = inset + 0.006 * _noise((height, width), 10 * k, rng)
        painted = np.clip((ragged - 0.012) / 0.02, 0.0, 1.0) if medium.paper > 0 else None
        self.texture = tooth.astype(np.float32)
        self._margin: tuple[np.ndarray, np.ndarray] | None = None
        if painted is not None:
            keep = np.dstack([painted] * 3 + [np.ones_like(painted)])
            paper = np.zeros((height, width, 4), np.float32)
            paper[..., :3] = np.array(PAPER, np.float32) * (1 - painted)[..., None]
            self._margin = ((keep * 255 + 0.5).astype(np.uint8), paper.astype(np.uint8))

    def wash(self, rgba: np.ndarray) -> None:
        """Washes wander and pool pigment along their edges, in place."""
        if self.medium.bleed > 0:
            moved = cv2.remap(rgba, *self._maps, interpolation=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REFLECT)
            rgba[...] = moved
        if self.medium.pigment > 0:
            grey = cv2.cvtColor(rgba, cv2.COLOR_RGBA2GRAY)
            soft = cv2.GaussianBlur(grey, (0, 0), self._pool_sigma)
            edge = cv2.absdiff(grey, soft)
            darken = cv2.cvtColor(cv2.LUT(edge, self._pool), cv2.COLOR_GRAY2RGBA)
            cv2.multiply(rgba, darken, dst=rgba, scale=1 / 255)
            rgba[..., 3] = 255

    def margin(self, rgba: np.ndarray) -> None:
        """The unpainted paper at the frame's edges, in place."""
        if self._margin is not None:
            keep, paper = self._margin
            cv2.multiply(rgba, keep, dst=rgba, scale=1 / 255)
            cv2.add(rgba, paper, dst=rgba)


def palette_of(images: Iterable[np.ndarray], colours: Iterable[RGB], size: int) -> np.ndarray:
    """A shot's limited palette: ``size`` colours of its pictures (RGB), plus its cast's own.

    The cast's colours (a red car, skin, hair, clothes) and their shadow tones join the
    palette as they are, so a small thing never loses its colour to the scenery; a dark
    ink and a near white complete it. Returns (k, 3) float32, no colour twice.
    """
    samples = [img.reshape(-1, 3)[::3] for img in images]
    seen = np.concatenate(samples) if samples else np.zeros((0, 3), np.uint8)
    chosen: list[np.ndarray] = []
    if len(seen):
        quantised = Image.fromarray(seen.reshape(1, -1, 3), "RGB").quantize(
            size, Image.Quantize.MEDIANCUT)
        used = np.unique(np.asarray(quantised))
        chosen.append(np.array(quantised.getpalette() or [], np.float32).reshape(-1, 3)[used])
    cast = np.array(list(colours), np.float32).reshape(-1, 3)
    chosen += [cast, cast * 0.68, np.array([[18, 16, 24], [250, 250, 245]], np.float32)]
    return np.unique(np.concatenate(chosen).round().astype(np.float32), axis=0)


class Palette:
    """A limited palette and, for speed, the nearest of its colours to every 5-bit RGB."""

    def __init__(self, colours: np.ndarray) -> None:
        self.colours = colours.astype(np.uint8)
        steps = np.arange(4, 256, 8, dtype=np.float32)  # the centre of each 5-bit step
        grid = np.stack(np.meshgrid(steps, steps, steps, indexing="ij"), -1).reshape(-1, 3)
        distance = ((grid * grid).sum(1)[:, None] - 2 * grid @ colours.T
                    + (colours * colours).sum(1)[None, :])
        self.nearest = np.argmin(distance, axis=1).astype(np.intp)


class PixelArt:
    """Every pixel snapped to the shot's palette through a fixed ordered dither."""

    def __init__(self, medium: Medium, width: int, height: int) -> None:
        self.medium = medium
        reps = (height // 4 + 1, width // 4 + 1)
        self._dither = (np.tile(BAYER, reps)[:height, :width] * 12.0)[..., None]

    def apply(self, rgba: np.ndarray, palette: Palette) -> None:
        """Snap an (h, w, 4) frame to ``palette`` in place."""
        if len(palette.colours) == 0:
            return
        h, w = rgba.shape[:2]
        rgb = np.clip(rgba[..., :3] + self._dither[:h, :w], 0, 255).astype(np.intp) >> 3
        index = (rgb[..., 0] << 10) | (rgb[..., 1] << 5) | rgb[..., 2]
        rgba[..., :3] = palette.colours[palette.nearest[index]]
