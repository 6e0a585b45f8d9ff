"""Artwork under the scene's light, and animal faces from art worn by rig bodies.

Shared by the art painter (whole things) and the rig painter (a lion, a bear or a fox
keeps its articulated body, and its head is the artwork's face).
"""

from __future__ import annotations

import cv2
import numpy as np
import skia

from openreel.engines.procedural.art.library import Artwork
from openreel.engines.procedural.art.raster import raster
from openreel.engines.procedural.render.palette import RGB

SMOOTH = skia.SamplingOptions(skia.FilterMode.kLinear, skia.MipmapMode.kNone)


def haze_amount(depth: float) -> float:
    """How much of the distance's haze lies over a thing ``depth`` back (0..0.6): the
    ``amount`` ``lit_bytes`` takes."""
    return min(max(depth, 0.0) * 0.25, 0.6)


def _light(ambient: RGB, haze: RGB, amount: float) -> tuple[list[float], list[float]]:
    """Per channel: the gain of the scene's light, and the haze added (0..1)."""
    # the same tint the rigs get: light colours things but never drowns them
    gains = [(155 + amb * 0.4) / 255 * (1 - amount) for amb in ambient]
    return gains, [far / 255 * amount for far in haze]


def light_filter(ambient: RGB, haze: RGB, depth: float) -> skia.ColorFilter:
    """The scene's light multiplied in, then the haze of distance mixed over it."""
    gains, added = _light(ambient, haze, haze_amount(depth))
    rows: list[float] = []
    for channel in range(3):
        row = [0.0, 0.0, 0.0, 0.0, added[channel]]
        row[channel] = gains[channel]
        rows.extend(row)
    rows.extend([0.0, 0.0, 0.0, 1.0, 0.0])
    return skia.ColorFilters.Matrix(rows)


def lit_bytes(premultiplied: np.ndarray, ambient: RGB, haze: RGB, amount: float) -> np.ndarray:
    """What ``light_filter`` does, done once to a picture's premultiplied RGBA bytes.

    On premultiplied colour the filter is linear (gain × colour + haze × alpha), so it may
    be applied before the picture is resampled as well as after.
    """
    gains, added = _light(ambient, haze, amount)
    m = np.zeros((4, 4), np.float32)
    for channel in range(3):
        m[channel, channel] = gains[channel]
        m[channel, 3] = added[channel]
    m[3, 3] = 1.0
    lit = cv2.transform(np.ascontiguousarray(premultiplied), m)
    # premultiplied colour never exceeds its alpha
    np.minimum(lit[..., :3], lit[..., 3:4], out=lit[..., :3])
    return lit


def paint_head(canvas: skia.Canvas, art: Artwork, w: float, h: float, scale: float,
               light: skia.ColorFilter) -> None:
    """Draw a face inside a w × h head centred on the origin, kept within the head's oval
    (so the rig's masks and boxes stay exact). ``scale`` is the canvas's own enlargement."""
    width, height = art.extent(1.0)
    k = min(w / width, h / height) * 1.12  # a little larger: the oval trims the corners
    dw, dh = width * k, height * k
    picture = raster(art, max(dw, dh) * scale)
    oval = skia.Path()
    oval.addOval(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h))
    canvas.save()
    canvas.clipPath(oval, doAntiAlias=True)
    canvas.drawImageRect(picture.image, skia.Rect.MakeXYWH(-dw / 2, -dh / 2, dw, dh), SMOOTH,
                         skia.Paint(AntiAlias=True, ColorFilter=light))
    canvas.restore()
