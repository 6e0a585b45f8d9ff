"""Markings painted on the ground in front of the stage (the near layer): road lines and
crossings, parking bays, running lanes, court and pitch lines, rails, platform edges.

The near band runs from the stage line (``frame.g``) to the bottom of the frame; it is
seen in perspective, so lines further away are thinner and closer together.
"""

from __future__ import annotations

from dataclasses import dataclass

import skia

from openreel.engines.procedural.render.palette import RGB, shade
from openreel.engines.procedural.render.places.canvas import Context, fill, polygon, stroke

WHITE: RGB = (245, 245, 240)


def _depth(ctx: Context, t: float) -> float:
    """The y of a point ``t`` of the way from the stage line (0) to the frame's bottom (1),
    foreshortened so equal steps on the ground shrink with distance."""
    f = ctx.frame
    return f.g + (f.h - f.g) * t ** 1.4


@dataclass(frozen=True)
class Lines:
    """Straight lines across the whole band at depths ``at`` (0 at the stage line … 1 at
    the frame's bottom), solid or dashed: a road's centre line, a track's lanes."""

    at: tuple[float, ...]
    colour: RGB = WHITE
    width: float = 0.006  # frame heights, at the nearest
    dash: float = 0.0  # dash length in frame heights; 0: solid

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint every line."""
        f = ctx.frame
        for t in self.at:
            y = _depth(ctx, t)
            paint = stroke(ctx.tone(self.colour), f.px(self.width) * (0.4 + 0.6 * t), 230,
                           round_cap=False)
            if self.dash <= 0:
                canvas.drawLine(0, y, f.w, y, paint)
                continue
            x, step = 0.0, f.px(self.dash) * (0.5 + 0.5 * t)
            while x < f.w:
                canvas.drawLine(x, y, x + step, y, paint)
                x += step * 2


@dataclass(frozen=True)
class Band:
    """A band of colour across the ground between two depths (a pavement, a kerb, the
    grass beside a track), with ``stripes`` alternating red and white when set."""

    top: float
    bottom: float
    colour: RGB
    stripes: RGB | None = None

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the band."""
        f = ctx.frame
        y0, y1 = _depth(ctx, self.top), _depth(ctx, self.bottom)
        canvas.drawRect(skia.Rect.MakeLTRB(0, y0, f.w, y1), fill(ctx.tone(self.colour)))
        if self.stripes is not None:
            step = f.px(0.05)
            x = 0.0
            while x < f.w:
                canvas.drawRect(skia.Rect.MakeLTRB(x, y0, x + step, y1),
                                fill(ctx.tone(self.stripes)))
                x += step * 2


@dataclass(frozen=True)
class Zebra:
    """A zebra crossing running away from the viewer: white bars across the road, each
    thinner with distance, inside a crossing that narrows toward the far kerb."""

    width: float = 0.5  # the crossing's width at the nearest, in frame heights

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the bars of the crossing."""
        f = ctx.frame
        cx = f.x(0)
        bars = 7
        for k in range(bars):
            t0, t1 = (k + 0.15) / bars, (k + 0.65) / bars
            y0, y1 = _depth(ctx, t0), _depth(ctx, t1)
            half0 = f.px(self.width) * (0.35 + 0.65 * t0) / 2
            half1 = f.px(self.width) * (0.35 + 0.65 * t1) / 2
            canvas.drawPath(polygon([(cx - half0, y0), (cx + half0, y0), (cx + half1, y1),
                                     (cx - half1, y1)]), fill(ctx.tone(WHITE), 235))


@dataclass(frozen=True)
class Bays:
    """Parking bays: slanted white lines at a steady spacing, one row across the band."""

    spacing: float = 0.22

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the bay lines and the row's front line."""
        f = ctx.frame
        y0, y1 = _depth(ctx, 0.05), _depth(ctx, 0.8)
        line = stroke(ctx.tone(WHITE), f.px(0.006), 230)
        x = f.x(0) % f.px(self.spacing) - f.px(self.spacing)
        while x < f.w + f.px(0.2):
            canvas.drawLine(x, y0, x - f.px(0.12), y1, line)
            x += f.px(self.spacing)
        canvas.drawLine(0, y0, f.w, y0, line)


@dataclass(frozen=True)
class Court:
    """The painted lines of a court or pitch seen from its side: the far sideline, the
    halfway line, the centre circle and, toward the edges, the key or the penalty area."""

    colour: RGB = WHITE
    ends: str = "key"  # key (basketball) or box (football)
    paint_key: RGB | None = None

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the lines."""
        f = ctx.frame
        line = stroke(ctx.tone(self.colour), f.px(0.005), 235, round_cap=False)
        top, bottom = _depth(ctx, 0.04), f.h
        cx = f.x(0)
        canvas.drawLine(0, top, f.w, top, line)
        canvas.drawLine(cx, top, cx, bottom, line)
        ry = (bottom - top) * 0.3
        canvas.drawOval(skia.Rect.MakeLTRB(cx - f.px(0.2), top + (bottom - top) * 0.45 - ry,
                                           cx + f.px(0.2), top + (bottom - top) * 0.45 + ry),
                        line)
        for side in (-1, 1):
            edge = cx + side * f.px(1.05)
            inner = edge - side * f.px(0.42 if self.ends == "key" else 0.5)
            shape_path = polygon([(edge, top + (bottom - top) * 0.15),
                                  (inner, top + (bottom - top) * 0.2),
                                  (inner - side * f.px(0.05), bottom - (bottom - top) * 0.1),
                                  (edge, bottom - (bottom - top) * 0.05)])
            if self.paint_key is not None:
                canvas.drawPath(shape_path, fill(ctx.tone(self.paint_key), 200))
            canvas.drawPath(shape_path, line)


@dataclass(frozen=True)
class TennisCourt:
    """A tennis court seen from behind a baseline: the baseline along the bottom, the
    service line, sidelines and tramlines converging toward the net at the stage line."""

    colour: RGB = WHITE

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the lines in perspective."""
        f = ctx.frame
        line = stroke(ctx.tone(self.colour), f.px(0.005), 240, round_cap=False)
        cx, top, bottom = f.x(0), f.g, f.h
        far_half, near_half = f.px(0.55), f.px(1.3)

        def x_at(u: float, y: float) -> float:
            t = (y - top) / max(bottom - top, 1)
            return cx + u * (far_half + (near_half - far_half) * t)

        for u in (-1.0, -0.78, 0.78, 1.0):
            canvas.drawLine(x_at(u, top), top, x_at(u, bottom), bottom, line)
        service = top + (bottom - top) * 0.35
        canvas.drawLine(x_at(-0.78, service), service, x_at(0.78, service), service, line)
        canvas.drawLine(cx, top, cx, service, line)
        base = bottom - (bottom - top) * 0.06
        canvas.drawLine(x_at(-1, base), base, x_at(1, base), base, line)


@dataclass(frozen=True)
class Diamond:
    """A baseball infield seen from behind home plate: the dirt arc, the grass diamond,
    white bases and the pitcher's mound."""

    dirt: RGB = (190, 140, 95)

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the infield."""
        f = ctx.frame
        cx, top, bottom = f.x(0), f.g, f.h
        dirt = ctx.tone(self.dirt)
        arc = skia.Rect.MakeLTRB(cx - f.px(1.1), top - (bottom - top) * 0.2, cx + f.px(1.1),
                                 bottom + (bottom - top) * 1.2)
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(0, top, f.w, bottom))
        canvas.drawOval(arc, fill(dirt))
        home = (cx, bottom - (bottom - top) * 0.1)
        second = (cx, top + (bottom - top) * 0.12)
        first = (cx + f.px(0.6), top + (bottom - top) * 0.45)
        third = (cx - f.px(0.6), top + (bottom - top) * 0.45)
        inset = 0.82
        grass = polygon([(home[0], home[1] - (bottom - top) * 0.08),
                         (cx + (first[0] - cx) * inset, first[1]),
                         (second[0], second[1] + (bottom - top) * 0.07),
                         (cx + (third[0] - cx) * inset, third[1])])
        canvas.drawPath(grass, fill(ctx.tone((95, 160, 80))))
        canvas.drawOval(skia.Rect.MakeLTRB(cx - f.px(0.08), top + (bottom - top) * 0.38,
                                           cx + f.px(0.08), top + (bottom - top) * 0.5),
                        fill(shade(dirt, 1.05)))
        line = stroke(ctx.tone(WHITE), f.px(0.005), 230, round_cap=False)
        canvas.drawLine(*home, home[0] + f.px(1.3), top - (bottom - top) * 0.3, line)
        canvas.drawLine(*home, home[0] - f.px(1.3), top - (bottom - top) * 0.3, line)
        base = f.px(0.03)
        for x, y in (first, second, third):
            canvas.drawRect(skia.Rect.MakeXYWH(x - base / 2, y - base / 4, base, base / 2),
                            fill(ctx.tone(WHITE)))
        canvas.drawPath(polygon([(home[0] - base / 2, home[1]), (home[0] + base / 2, home[1]),
                                 (home[0] + base / 2, home[1] + base / 4),
                                 (home[0], home[1] + base / 2),
                                 (home[0] - base / 2, home[1] + base / 4)]),
                        fill(ctx.tone(WHITE)))
        canvas.restore()


@dataclass(frozen=True)
class Rails:
    """A railway track along the band: ballast, sleepers and two steel rails."""

    at: float = 0.45  # depth of the track's centre

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the ballast, then sleepers, then the rails."""
        f = ctx.frame
        y0, y1 = _depth(ctx, self.at - 0.2), _depth(ctx, self.at + 0.2)
        canvas.drawRect(skia.Rect.MakeLTRB(0, y0, f.w, y1), fill(ctx.tone((130, 125, 120))))
        for _ in range(int(f.w * (y1 - y0) / 30)):
            canvas.drawCircle(ctx.rng.uniform(0, f.w), ctx.rng.uniform(y0, y1),
                              f.px(0.002) + 0.5, fill(ctx.tone((95, 90, 88)), 200))
        sleeper = f.px(0.035)
        x = 0.0
        while x < f.w:
            canvas.drawPath(polygon([(x, y0 + (y1 - y0) * 0.1), (x + sleeper, y0 + (y1 - y0)
                                                                 * 0.1),
                                     (x + sleeper * 1.3, y1 - (y1 - y0) * 0.1),
                                     (x + sleeper * 0.3, y1 - (y1 - y0) * 0.1)]),
                            fill(ctx.tone((105, 80, 60))))
            x += sleeper * 2.2
        for t in (0.28, 0.72):
            y = y0 + (y1 - y0) * t
            canvas.drawLine(0, y, f.w, y, stroke(ctx.tone((170, 175, 185)), f.px(0.007),
                                                 round_cap=False))
            canvas.drawLine(0, y - f.px(0.002), f.w, y - f.px(0.002),
                            stroke(ctx.tone((230, 232, 236)), f.px(0.002), round_cap=False))


@dataclass(frozen=True)
class Chequer:
    """A chequered start line across the road, the width of ``wide`` frame heights."""

    wide: float = 0.12

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the chequerboard in perspective rows."""
        f = ctx.frame
        x0 = f.x(0.35)
        rows = 6
        for row in range(rows):
            y0, y1 = _depth(ctx, row / rows), _depth(ctx, (row + 1) / rows)
            cell = f.px(self.wide) / 3
            for c in range(3):
                colour = WHITE if (row + c) % 2 else (30, 30, 30)
                canvas.drawRect(skia.Rect.MakeLTRB(x0 + c * cell, y0, x0 + (c + 1) * cell, y1),
                                fill(ctx.tone(colour)))
