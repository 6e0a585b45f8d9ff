"""Interiors: the back wall and its surface, the floor seen beyond the stage line,
windows onto the day or night, and the ceiling with its lights."""

from __future__ import annotations

import math
from dataclasses import dataclass

import skia

from openreel.engines.procedural.render.palette import RGB, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    Frame,
    fill,
    glow,
    horizontal,
    stroke,
    vertical,
)

DAYLIGHT: tuple[RGB, RGB] = ((150, 196, 236), (214, 232, 244))
NIGHT: tuple[RGB, RGB] = ((14, 20, 48), (36, 48, 92))


@dataclass(frozen=True)
class Wall:
    """The back wall of a room, down to a strip of floor in front of it.

    ``pattern`` is the wall's surface: plain, stripes, tiles, bricks, planks, concrete,
    foam (acoustic panels), curtain, glass or stone; ``dado`` a lower band of ``dado_colour``
    (wainscot, tiling) that many height; ``depth`` the floor seen between the wall and the
    stage line, in frame heights.
    """

    colour: RGB
    pattern: str = "plain"
    dado: float = 0.0
    dado_colour: RGB | None = None
    trim: RGB = (246, 242, 234)
    depth: float = 0.05
    tile: float = 0.045  # size of tiles, bricks and panels, in frame heights

    def base(self, f: Frame) -> float:
        """Where the wall meets the floor."""
        return f.g - f.px(self.depth)

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the wall, its surface, the skirting and the floor strip."""
        f = ctx.frame
        base = self.base(f)
        wall = ctx.tone(self.colour)
        canvas.drawRect(skia.Rect.MakeLTRB(0, 0, f.w, base),
                        vertical(shade(wall, 0.9), shade(wall, 1.04), 0, base))
        _surface(canvas, ctx, self.pattern, wall, 0, base, f.px(self.tile))
        if self.dado > 0:
            top = base - f.px(self.dado)
            lower = ctx.tone(self.dado_colour or shade(self.colour, 0.85))
            canvas.drawRect(skia.Rect.MakeLTRB(0, top, f.w, base), fill(lower))
            _surface(canvas, ctx, "tiles" if self.pattern == "tiles" else "planks", lower, top,
                     base, f.px(self.tile))
            canvas.drawRect(skia.Rect.MakeLTRB(0, top - f.px(0.006), f.w, top + f.px(0.004)),
                            fill(ctx.tone(self.trim)))
        canvas.drawRect(skia.Rect.MakeLTRB(0, base - f.px(0.018), f.w, base),
                        fill(ctx.tone(shade(self.trim, 0.92))))
        floor_strip(canvas, ctx, base)


def floor_strip(canvas: skia.Canvas, ctx: Context, base: float) -> None:
    """The floor from ``base`` down to the frame's bottom, darker where it meets the wall
    (the renderer's ground band covers it from the stage line on, unless the camera moves)."""
    f = ctx.frame
    rect = skia.Rect.MakeLTRB(0, base, f.w, f.h)
    paint = fill(ctx.floor)
    if ctx.floor_shader is not None:
        paint.setShader(ctx.floor_shader)
    canvas.drawRect(rect, paint)
    canvas.drawRect(rect, vertical((0, 0, 0), (0, 0, 0), base, f.g, 0))
    shadow = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, base), skia.Point(0, base + max(f.g - base, 2.0))],
        [skia.Color(0, 0, 0, 90), skia.Color(0, 0, 0, 0)]))
    canvas.drawRect(skia.Rect.MakeLTRB(0, base, f.w, f.g), shadow)


def _surface(canvas: skia.Canvas, ctx: Context, pattern: str, wall: RGB, top: float,
             bottom: float, unit: float) -> None:
    """The texture of a wall between two heights."""
    f, rng = ctx.frame, ctx.rng
    line = shade(wall, 0.88)
    if pattern == "stripes":
        for xi in range(0, f.w, max(int(f.px(0.03)), 4)):
            canvas.drawRect(skia.Rect.MakeLTRB(xi, top, xi + f.px(0.008), bottom), fill(line))
    elif pattern == "tiles":
        grout = stroke(shade(wall, 0.8), max(unit * 0.06, 1.0), round_cap=False)
        y = bottom
        while y > top:
            canvas.drawLine(0, y, f.w, y, grout)
            y -= unit
        for xi in range(0, f.w, max(int(unit), 2)):
            canvas.drawLine(xi, top, xi, bottom, grout)
        canvas.drawRect(skia.Rect.MakeLTRB(0, top, f.w, bottom),
                        horizontal((255, 255, 255), (255, 255, 255), 0, f.w, 18))
    elif pattern in ("bricks", "stone"):
        high = unit * (0.45 if pattern == "bricks" else 0.8)
        mortar = stroke(shade(wall, 0.72), max(high * 0.12, 1.0), round_cap=False)
        row, y = 0, bottom
        while y > top:
            offset = (row % 2) * unit * 0.5
            canvas.drawLine(0, y, f.w, y, mortar)
            x = -offset
            while x < f.w:
                tint = shade(wall, rng.uniform(0.9, 1.08))
                canvas.drawRect(skia.Rect.MakeLTRB(x + 1, y - high + 1, x + unit - 1, y - 1),
                                fill(tint))
                canvas.drawLine(x, y - high, x, y, mortar)
                x += unit * (1.0 if pattern == "bricks" else rng.uniform(0.8, 1.3))
            y -= high
            row += 1
    elif pattern == "planks":
        for xi in range(0, f.w, max(int(unit * 0.6), 3)):
            canvas.drawRect(skia.Rect.MakeLTRB(xi, top, xi + max(unit * 0.03, 1.0), bottom),
                            fill(shade(wall, 0.78)))
    elif pattern == "concrete":
        for _ in range(int(f.w * (bottom - top) / (unit * unit * 6))):
            x, y = rng.uniform(0, f.w), rng.uniform(top, bottom)
            canvas.drawCircle(x, y, unit * rng.uniform(0.3, 1.2),
                              fill(shade(wall, rng.uniform(0.92, 1.05)), 50))
        seam = stroke(shade(wall, 0.82), max(unit * 0.05, 1.0), round_cap=False)
        for xi in range(0, f.w, max(int(unit * 6), 8)):
            canvas.drawLine(xi, top, xi, bottom, seam)
    elif pattern == "foam":
        size = unit * 1.4
        y = top
        while y < bottom:
            for k, x in enumerate(range(0, f.w, max(int(size), 4))):
                colour = shade(wall, 0.82 if (k + int(y / size)) % 2 else 1.0)
                canvas.drawRoundRect(skia.Rect.MakeXYWH(x + 2, y + 2, size - 4, size - 4),
                                     size * 0.1, size * 0.1, fill(colour))
                for ridge in range(1, 4):  # the wedges of acoustic foam
                    yy = y + size * ridge / 4
                    canvas.drawLine(x + 4, yy, x + size - 4, yy, stroke(shade(colour, 0.8),
                                                                         size * 0.04))
            y += size
    elif pattern == "curtain":
        fold = max(f.px(0.03), 4.0)
        x = 0.0
        while x < f.w:
            canvas.drawRect(skia.Rect.MakeLTRB(x, top, x + fold, bottom),
                            horizontal(shade(wall, 0.62), shade(wall, 1.15), x, x + fold))
            x += fold
    elif pattern == "glass":
        pane = unit * 4
        canvas.drawRect(skia.Rect.MakeLTRB(0, top, f.w, bottom), vertical(
            ctx.tone(DAYLIGHT[0] if not ctx.light.night else NIGHT[0]),
            ctx.tone(DAYLIGHT[1] if not ctx.light.night else NIGHT[1]), top, bottom))
        mullion = stroke(shade(wall, 0.8), max(unit * 0.18, 2.0), round_cap=False)
        for xi in range(0, f.w, max(int(pane), 8)):
            canvas.drawLine(xi, top, xi, bottom, mullion)
        y = bottom
        while y > top:
            canvas.drawLine(0, y, f.w, y, mullion)
            y -= pane * 1.2


@dataclass(frozen=True)
class Windows:
    """Windows in the back wall, onto the sky of the time of day.

    ``at`` lists their centres in frame heights from the middle (``every`` repeats them
    across the wall); ``kind`` is sash, arched (tall with a round head), band (a strip high
    up), shop (a storefront), barred or porthole.
    """

    at: tuple[float, ...] = (-0.3, 0.3)
    width: float = 0.15
    height: float = 0.22
    sill: float = 0.26  # the bottom's height above the ground line
    kind: str = "sash"
    frame: RGB = (250, 248, 244)
    every: float = 0.0

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint every window."""
        f = ctx.frame
        for at in repeat(self.at, self.every, f):
            cx = f.x(at)
            w, h = f.px(self.width), f.px(self.height)
            bottom = f.g - f.px(self.sill)
            rect = skia.Rect.MakeLTRB(cx - w / 2, bottom - h, cx + w / 2, bottom)
            self._one(canvas, ctx, rect)

    def _one(self, canvas: skia.Canvas, ctx: Context, rect: skia.Rect) -> None:
        f = ctx.frame
        sky = NIGHT if ctx.light.night else DAYLIGHT
        pane = skia.Path()
        if self.kind == "arched":
            pane.addRect(rect.makeOffset(0, 0).makeInset(0, rect.width() / 2))
            pane.addRect(skia.Rect.MakeLTRB(rect.left(), rect.top() + rect.width() / 2,
                                            rect.right(), rect.bottom()))
            pane.addOval(skia.Rect.MakeLTRB(rect.left(), rect.top(), rect.right(),
                                            rect.top() + rect.width()))
        elif self.kind == "porthole":
            pane.addOval(rect)
        else:
            pane.addRect(rect)
        frame = ctx.tone(self.frame)
        edge = max(f.px(0.008), 2.0)
        canvas.drawPath(pane, stroke(frame, edge * 2.2, round_cap=False))
        canvas.drawPath(pane, vertical(ctx.tone(sky[0]), ctx.tone(sky[1]), rect.top(),
                                       rect.bottom()))
        canvas.save()
        canvas.clipPath(pane, doAntiAlias=True)
        if ctx.light.night:
            for k in range(6):
                canvas.drawCircle(rect.left() + rect.width() * ((k * 0.37) % 1),
                                  rect.top() + rect.height() * ((k * 0.61) % 0.6),
                                  max(edge * 0.3, 1.0), fill((255, 255, 240), 200))
        else:  # a far treeline and a soft sheen on the glass
            hill = skia.Path()
            hill.moveTo(rect.left(), rect.bottom())
            hill.quadTo(rect.centerX(), rect.bottom() - rect.height() * 0.45, rect.right(),
                        rect.bottom() - rect.height() * 0.1)
            hill.lineTo(rect.right(), rect.bottom())
            hill.close()
            canvas.drawPath(hill, fill(ctx.tone((150, 190, 150)), 200))
        sheen = skia.Path()
        sheen.moveTo(rect.left() + rect.width() * 0.2, rect.bottom())
        sheen.lineTo(rect.left() + rect.width() * 0.55, rect.top())
        sheen.lineTo(rect.left() + rect.width() * 0.75, rect.top())
        sheen.lineTo(rect.left() + rect.width() * 0.4, rect.bottom())
        sheen.close()
        canvas.drawPath(sheen, fill((255, 255, 255), 40))
        if self.kind == "barred":
            for k in range(1, 5):
                x = rect.left() + rect.width() * k / 5
                canvas.drawLine(x, rect.top(), x, rect.bottom(), stroke((70, 72, 80), edge * 1.2))
        canvas.restore()
        bars = stroke(frame, edge, round_cap=False)
        if self.kind in ("sash", "arched", "shop"):
            canvas.drawLine(rect.centerX(), rect.top(), rect.centerX(), rect.bottom(), bars)
        if self.kind == "sash":
            canvas.drawLine(rect.left(), rect.centerY(), rect.right(), rect.centerY(), bars)
        canvas.drawPath(pane, stroke(shade(frame, 0.8), edge * 0.6, round_cap=False))
        if self.kind in ("sash", "arched"):
            canvas.drawRect(skia.Rect.MakeLTRB(rect.left() - edge * 1.5, rect.bottom(),
                                               rect.right() + edge * 1.5, rect.bottom()
                                               + edge * 1.4), fill(shade(frame, 0.95)))


@dataclass(frozen=True)
class Ceiling:
    """The ceiling along the top of the frame and its lights: pendant lamps, tubes
    (fluorescent panels), chandeliers, spots, a bare bulb or paper lanterns."""

    colour: RGB = (240, 236, 228)
    depth: float = 0.15  # the ceiling's band at the top of the frame, in frame heights
    lights: str = "pendant"
    at: tuple[float, ...] = (-0.25, 0.25)
    every: float = 0.0
    drop: float = 0.08  # how far a hanging light hangs below the ceiling

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the ceiling, lighter where it meets the wall, a cornice, and each light."""
        f = ctx.frame
        bottom = f.px(self.depth)
        ceiling = ctx.tone(self.colour)
        canvas.drawRect(skia.Rect.MakeLTRB(0, 0, f.w, bottom),
                        vertical(shade(ceiling, 0.8), shade(ceiling, 1.04), 0, bottom))
        cornice = f.px(0.012)
        canvas.drawRect(skia.Rect.MakeLTRB(0, bottom - cornice, f.w, bottom),
                        vertical(shade(ceiling, 1.08), shade(ceiling, 0.82), bottom - cornice,
                                 bottom))
        canvas.drawRect(skia.Rect.MakeLTRB(0, bottom, f.w, bottom + f.px(0.03)),
                        vertical((0, 0, 0), (0, 0, 0), bottom, bottom + f.px(0.03), 0))
        shadow = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, bottom), skia.Point(0, bottom + f.px(0.03))],
            [skia.Color(0, 0, 0, 40), skia.Color(0, 0, 0, 0)]))
        canvas.drawRect(skia.Rect.MakeLTRB(0, bottom, f.w, bottom + f.px(0.03)), shadow)
        for at in repeat(self.at, self.every, f):
            _light(canvas, ctx, self.lights, f.x(at), bottom, f.px(self.drop))


def _light(canvas: skia.Canvas, ctx: Context, kind: str, x: float, top: float,
           drop: float) -> None:
    f = ctx.frame
    warm = (255, 236, 190)
    u = f.px(0.01)
    if kind == "pendant":
        y = top + drop
        canvas.drawLine(x, top, x, y - u * 2, stroke((60, 60, 66), max(u * 0.3, 1.0)))
        shade_path = skia.Path()
        shade_path.moveTo(x - u * 1.2, y - u * 2.5)
        shade_path.lineTo(x + u * 1.2, y - u * 2.5)
        shade_path.lineTo(x + u * 3.2, y)
        shade_path.lineTo(x - u * 3.2, y)
        shade_path.close()
        canvas.drawCircle(x, y + u * 2, u * 14, glow(x, y + u * 2, u * 14, warm, 90))
        canvas.drawPath(shade_path, fill(ctx.tone((60, 70, 80))))
        canvas.drawOval(skia.Rect.MakeLTRB(x - u * 1.6, y - u * 0.6, x + u * 1.6, y + u * 1.0),
                        fill((255, 246, 210)))
    elif kind == "tubes":
        rect = skia.Rect.MakeLTRB(x - u * 6, top, x + u * 6, top + u * 1.4)
        canvas.drawRect(rect.makeOutset(u * 4, u * 4), fill((240, 250, 255), 40, blur=u * 3))
        canvas.drawRect(rect, fill((245, 252, 255)))
    elif kind == "chandelier":
        y = top + drop
        canvas.drawLine(x, top, x, y - u * 3, stroke(ctx.tone((190, 150, 60)), max(u * 0.4, 1)))
        canvas.drawCircle(x, y, u * 18, glow(x, y, u * 18, warm, 110))
        arm = stroke(ctx.tone((215, 175, 70)), max(u * 0.5, 1.0))
        for k in range(-3, 4):
            tip_x, tip_y = x + k * u * 1.6, y - u * 1.2 + abs(k) * u * 0.3
            canvas.drawLine(x, y + u * 1.5, tip_x, tip_y + u * 1.5, arm)
            canvas.drawCircle(tip_x, tip_y, u * 0.55, fill((255, 250, 220)))
        for k in range(-4, 5):  # crystal drops
            canvas.drawCircle(x + k * u * 1.1, y + u * 2.6 + (4 - abs(k)) * u * 0.5, u * 0.4,
                              fill((230, 240, 255), 230))
        canvas.drawOval(skia.Rect.MakeLTRB(x - u * 6, y + u * 1.0, x + u * 6, y + u * 2.2),
                        fill(ctx.tone((215, 175, 70))))
    elif kind == "spots":
        canvas.drawRect(skia.Rect.MakeLTRB(x - u * 0.8, top, x + u * 0.8, top + u * 2.2),
                        fill((50, 50, 56)))
        beam = skia.Path()
        beam.moveTo(x - u, top + u * 2.2)
        beam.lineTo(x + u, top + u * 2.2)
        beam.lineTo(x + u * 9, f.g)
        beam.lineTo(x - u * 9, f.g)
        beam.close()
        canvas.drawPath(beam, fill((255, 248, 225), 26, blur=u * 2))
    elif kind == "bulb":
        y = top + drop
        canvas.drawLine(x, top, x, y, stroke((40, 40, 40), max(u * 0.25, 1.0)))
        canvas.drawCircle(x, y + u, u * 22, glow(x, y + u, u * 22, (255, 220, 150), 120))
        canvas.drawCircle(x, y + u, u * 1.1, fill((255, 240, 190)))
    elif kind == "lanterns":
        y = top + drop
        canvas.drawLine(x, top, x, y - u * 2, stroke((60, 40, 30), max(u * 0.3, 1.0)))
        canvas.drawCircle(x, y, u * 10, glow(x, y, u * 10, (255, 150, 90), 110))
        canvas.drawOval(skia.Rect.MakeLTRB(x - u * 2, y - u * 2.4, x + u * 2, y + u * 2.4),
                        fill((225, 70, 55)))
        for k in (-1, 0, 1):
            canvas.drawLine(x + k * u * 1.1, y - u * 2.2, x + k * u * 1.1, y + u * 2.2,
                            stroke((170, 40, 35), max(u * 0.2, 1.0)))


def repeat(at: tuple[float, ...], every: float, f: Frame) -> list[float]:
    """Positions ``at`` (frame heights from the middle), repeated ``every`` frame heights
    across the whole layer when ``every`` > 0."""
    if every <= 0:
        return list(at)
    half = f.span() / 2
    out: list[float] = []
    for a in at:
        k = -math.floor((a + half) / every)
        while a + k * every <= half + every:
            out.append(a + k * every)
            k += 1
    return sorted(out)



