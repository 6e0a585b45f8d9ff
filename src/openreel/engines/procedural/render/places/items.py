"""Set dressing: things from the art library or drawn shapes, placed in a layer.

Dressing is scenery, never cast: it is painted into the backdrop's layers only, so it has
no body in the simulation and no pixels in the instance masks. Positions and sizes are in
frame heights, so a café reads as a café in a tall and in a wide frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import skia

from openreel.engines.procedural.art.icons import DRESSING, ICONS
from openreel.engines.procedural.art.library import Artwork, library
from openreel.engines.procedural.art.raster import raster
from openreel.engines.procedural.render.faces import SMOOTH, light_filter
from openreel.engines.procedural.render.palette import RGB
from openreel.engines.procedural.render.places.canvas import Context
from openreel.engines.procedural.render.places.rooms import repeat

# A drawn shape paints itself into a box (left, top, right, bottom) in a given colour.
ShapePainter = Callable[[skia.Canvas, skia.Rect, RGB, Context], None]


@dataclass(frozen=True)
class Shape:
    """A piece of dressing drawn in code: its usual width per height and its painter."""

    aspect: float
    colour: RGB
    paint: ShapePainter


SHAPES: dict[str, Shape] = {}


def shape(name: str, aspect: float, colour: RGB) -> Callable[[ShapePainter], ShapePainter]:
    """Register a drawn shape under ``name`` (used as a decorator on its painter)."""
    def register(painter: ShapePainter) -> ShapePainter:
        SHAPES[name] = Shape(aspect, colour, painter)
        return painter
    return register


def artwork(name: str) -> Artwork:
    """The art of a dressing icon, or of a kind (``"kind:table"``)."""
    icon = ICONS[name[5:]] if name.startswith("kind:") else DRESSING[name]
    return library()[icon.key]


@dataclass(frozen=True)
class Item:
    """One piece of dressing, or a row of them.

    ``art`` names a dressing icon (``art.icons.DRESSING``), a kind's icon (``kind:chair``)
    or a drawn shape (``SHAPES``). ``at`` is its centre in frame heights right of the middle
    (or inward from a visible edge when ``side`` is -1 or +1), ``size`` its height and ``y``
    its base above the ground line (negative: down in the near band), all in frame heights;
    ``every`` repeats it across the layer.
    """

    art: str
    at: float = 0.0
    size: float = 0.15
    y: float = 0.0
    every: float = 0.0
    side: int = 0
    wide: float | None = None
    colour: RGB | None = None
    flip: bool = False
    turn: float = 0.0
    haze: float = 0.0

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the item at each of its places."""
        f = ctx.frame
        spots = [self.at] if self.side else repeat((self.at,), self.every, f)
        for at in spots:
            x = f.x(at, self.side)
            base = f.g - f.px(self.y)
            self._one(canvas, ctx, x, base)

    def _one(self, canvas: skia.Canvas, ctx: Context, x: float, base: float) -> None:
        f = ctx.frame
        h = f.px(self.size)
        canvas.save()
        canvas.translate(x, base)
        if self.turn:
            canvas.rotate(-self.turn)
        if self.flip:
            canvas.scale(-1, 1)
        drawn = SHAPES.get(self.art)
        if drawn is not None:
            w = f.px(self.wide) if self.wide is not None else h * drawn.aspect
            rect = skia.Rect.MakeLTRB(-w / 2, -h, w / 2, 0)
            saved, ctx.distance = ctx.distance, ctx.distance + self.haze
            drawn.paint(canvas, rect, self.colour or drawn.colour, ctx)
            ctx.distance = saved
        else:
            art = artwork(self.art)
            width, height = art.extent(1.0)
            k = h / height
            if self.wide is not None:
                k = min(k, f.px(self.wide) / width)
            w, h = width * k, height * k
            picture = raster(art, max(w, h), self.colour)
            paint = skia.Paint(AntiAlias=True, ColorFilter=light_filter(
                ctx.light.ambient, ctx.light.haze, 4.0 * (ctx.distance + self.haze)))
            canvas.drawImageRect(picture.image, skia.Rect.MakeLTRB(-w / 2, -h, w / 2, 0),
                                 SMOOTH, paint)
        canvas.restore()
