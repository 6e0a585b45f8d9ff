"""Placing pictures into a frame: warped once, then laid down whole or trailed.

Things drawn from artwork are the biggest pictures a frame draws after its backdrop, and
many move: a running dog is drawn whole and four times faded along its path. skia's CPU
sampler takes 5–6 ms to resample a 600 × 700 picture onto a frame where OpenCV's
``warpAffine`` takes under 2, while skia lays down a picture already at its pixels (no
resampling) faster than anything else here. So artwork is warped once with OpenCV into a
sprite of the box it covers, and skia blits that sprite, and its trail, at whole pixels.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import skia

# a pixel's box in skia's coordinates runs from i to i + 1; OpenCV puts its centre at i
_HALF = 0.5


def fades(copies: int) -> list[tuple[float, float]]:
    """A trail's copies, farthest first: how far back along the frame's path each lies
    (0..0.8) and how opaque it is (0..1)."""
    return [(k / copies * 0.8, 70 * (1 - k / copies * 0.8) / 255)
            for k in range(copies, 0, -1)]


def warp(source: np.ndarray, matrix: skia.Matrix, dest: skia.Rect, width: int,
         height: int) -> tuple[np.ndarray, int, int] | None:
    """``source`` (h, w, channels) uint8 stretched onto ``dest`` and moved by ``matrix``,
    resampled into the box of the frame (``width`` × ``height``) it covers.

    Returns the box's pixels and its top-left corner in the frame, or None when nothing
    of it falls inside the frame.
    """
    sh, sw = source.shape[:2]
    local = skia.Matrix.Translate(dest.left(), dest.top())
    local.preScale(dest.width() / sw, dest.height() / sh)
    full = skia.Matrix.Concat(matrix, local)
    corners = full.mapPoints([skia.Point(0, 0), skia.Point(sw, 0), skia.Point(0, sh),
                              skia.Point(sw, sh)])
    xs, ys = [p.x() for p in corners], [p.y() for p in corners]
    x0, y0 = max(math.floor(min(xs)) - 1, 0), max(math.floor(min(ys)) - 1, 0)
    x1, y1 = min(math.ceil(max(xs)) + 1, width), min(math.ceil(max(ys)) + 1, height)
    if x1 <= x0 or y1 <= y0:
        return None
    a, b, tx, c, d, ty = (full.getScaleX(), full.getSkewX(), full.getTranslateX(),
                          full.getSkewY(), full.getScaleY(), full.getTranslateY())
    # the same mapping between pixel centres, moved to the box's corner
    m = np.array([[a, b, tx + (a + b - 1) * _HALF - x0],
                  [c, d, ty + (c + d - 1) * _HALF - y0]], np.float64)
    box = cv2.warpAffine(source, m, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return box, x0, y0


def blit(canvas: skia.Canvas, sprite: np.ndarray, x: int, y: int) -> None:
    """Lay a premultiplied RGBA sprite over the canvas with its top-left corner at the
    whole pixel (x, y). A blit without resampling is the cheapest draw skia has (about
    3 ns a pixel; OpenCV's multiply-and-add takes twice as long)."""
    pixels = np.ascontiguousarray(sprite)  # borrowed by the image, alive until it is drawn
    image = skia.Image.fromarray(pixels, colorType=skia.kRGBA_8888_ColorType,
                                 alphaType=skia.kPremul_AlphaType, copy=False)
    canvas.save()
    canvas.resetMatrix()
    canvas.drawImage(image, x, y)
    canvas.restore()


def trail(canvas: skia.Canvas, sprite: np.ndarray, x: int, y: int, step: tuple[float, float],
          copies: int) -> None:
    """Motion blur: faded copies of a sprite along the path it covered this frame
    (``step``, in pixels, x right and y up), the farther the fainter. The sprite itself is
    not laid down.

    The copies are summed into one picture first and that is laid down once: faint copies
    (together at most two thirds opaque) add up as they would blend, for one blit instead
    of one per copy.
    """
    dx, dy = step
    shifts = [(-round(dx * back), round(dy * back), alpha) for back, alpha in fades(copies)]
    left = min(sx for sx, _, _ in shifts)
    top = min(sy for _, sy, _ in shifts)
    width = max(sx for sx, _, _ in shifts) - left + sprite.shape[1]
    height = max(sy for _, sy, _ in shifts) - top + sprite.shape[0]
    summed = np.zeros((height, width, 4), np.uint8)
    for sx, sy, alpha in shifts:
        part = summed[sy - top:sy - top + sprite.shape[0], sx - left:sx - left + sprite.shape[1]]
        cv2.scaleAdd(sprite, alpha, part, dst=part)
    blit(canvas, summed, x + left, y + top)


def fill(mask: np.ndarray, coverage: np.ndarray, x: int, y: int, threshold: int,
         colour: tuple[int, ...]) -> None:
    """Set the mask's pixels to ``colour`` where ``coverage`` (an alpha sprite at (x, y))
    reaches ``threshold``."""
    h, w = mask.shape[:2]
    ch, cw = coverage.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + cw, w), min(y + ch, h)
    if x1 > x0 and y1 > y0:
        cover = coverage[y0 - y:y1 - y, x0 - x:x1 - x]
        mask[y0:y1, x0:x1][cover >= threshold] = colour
