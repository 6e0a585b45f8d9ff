"""Artwork under the scene's light, and animal faces from art worn by rig bodies.

Shared by the art painter (whole things) and the rig painter (a lion, a bear or a fox
keeps its articulated body, and its head is the artwork's face).
"""

from __future__ import annotations

import skia

from openreel.engines.procedural.art.library import Artwork
from openreel.engines.procedural.art.raster import raster
from openreel.engines.procedural.render.palette import RGB

SMOOTH = skia.SamplingOptions(skia.FilterMode.kLinear, skia.MipmapMode.kNone)


def light_filter(ambient: RGB, haze: RGB, depth: float) -> skia.ColorFilter:
    """The scene's light multiplied in, then the haze of distance mixed over it."""
    amount = min(max(depth, 0.0) * 0.25, 0.6)
    rows: list[float] = []
    for channel, (amb, far) in enumerate(zip(ambient, haze, strict=True)):
        # the same tint the rigs get: light colours things but never drowns them
        row = [0.0, 0.0, 0.0, 0.0, far / 255 * amount]
        row[channel] = (155 + amb * 0.4) / 255 * (1 - amount)
        rows.extend(row)
    rows.extend([0.0, 0.0, 0.0, 1.0, 0.0])
    return skia.ColorFilters.Matrix(rows)


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
