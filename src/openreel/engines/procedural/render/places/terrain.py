"""Land and water seen from the stage: ridges of hills and mountains, rows of trees, bands
of water on the horizon, and the special grounds of space, the moon, Mars and the reef."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.render.places.canvas import Context, fill, stroke, vertical


def ridge_path(w: float, base: float, amp: float, rough: float, rng: np.random.Generator,
               sharp: bool = False, bottom: float | None = None) -> skia.Path:
    """A ridge line across ``w`` pixels, between ``base`` and ``base - amp``, closed below."""
    path = skia.Path()
    floor = bottom if bottom is not None else base + amp * 3
    path.moveTo(0, floor)
    phases = rng.uniform(0, 2 * math.pi, 3)
    steps = 96
    for i in range(steps + 1):
        x = w * i / steps
        u = x / w * rough
        y = (math.sin(u + phases[0]) * 0.6 + math.sin(2.3 * u + phases[1]) * 0.3
             + math.sin(5.1 * u + phases[2]) * 0.1)
        if sharp:
            y = 1 - 2 * abs(((u * 0.5 + phases[0]) % 1) - 0.5) * 2
        path.lineTo(x, base - amp * (0.5 + 0.5 * y))
    path.lineTo(w, floor)
    path.close()
    return path


@dataclass(frozen=True)
class Hills:
    """A ridge of hills or mountains; ``height`` and ``lift`` are in frame heights."""

    colour: RGB
    height: float = 0.12
    rough: float = 5
    sharp: bool = False
    snow: bool = False  # white caps on the peaks
    lift: float = 0.0  # the ridge's foot above the ground line (behind water, a far shore)
    haze: float = 0.0

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the ridge, shaded darker toward its foot."""
        f = ctx.frame
        base, amp = f.g - f.px(self.lift), f.px(self.height)
        path = ridge_path(f.w, base, amp, self.rough * f.span() / 2.2, ctx.rng, self.sharp,
                          bottom=f.h)
        body = ctx.tone(self.colour, self.haze)
        canvas.drawPath(path, vertical(shade(body, 1.06), shade(body, 0.86), base - amp, base))
        if self.snow:
            canvas.save()
            canvas.clipPath(path, doAntiAlias=True)
            line = base - amp * 0.62
            cap = skia.Path()
            cap.moveTo(0, line)
            for i in range(49):
                x = f.w * i / 48
                cap.lineTo(x, line + (amp * 0.06 if i % 2 else -amp * 0.02))
            cap.lineTo(f.w, 0)
            cap.lineTo(0, 0)
            cap.close()
            canvas.drawPath(cap, fill(ctx.tone((244, 248, 252), self.haze)))
            canvas.restore()


@dataclass(frozen=True)
class Trees:
    """A row of trees: ``count`` per frame height of layer, each about ``size`` tall."""

    colour: RGB
    count: float = 2.0
    size: float = 0.12
    pine: bool = False
    lift: float = 0.0
    haze: float = 0.0
    bare: bool = False  # leafless (a cemetery in autumn, a marsh)

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the trees at random places along the layer."""
        f, rng = ctx.frame, ctx.rng
        base = f.g - f.px(self.lift)
        colour = ctx.tone(self.colour, self.haze)
        for _ in range(max(1, round(self.count * f.span()))):
            x = rng.uniform(0, f.w)
            s = f.px(self.size) * rng.uniform(0.7, 1.3)
            if self.bare:
                _bare_tree(canvas, x, base, s, colour, rng)
            elif self.pine:
                _pine(canvas, x, base, s, colour)
            else:
                _broadleaf(canvas, x, base, s, colour, rng)


def _pine(canvas: skia.Canvas, x: float, base: float, s: float, colour: RGB) -> None:
    canvas.drawRect(skia.Rect.MakeXYWH(x - s * 0.03, base - s * 0.2, s * 0.06, s * 0.2),
                    fill(shade(colour, 0.55)))
    for tier in range(3):  # three stacked tiers read as a fir, not a cone
        top = base - s * (1.35 - tier * 0.3)
        half = s * (0.22 + tier * 0.08)
        path = skia.Path()
        path.moveTo(x, top)
        path.lineTo(x - half, top + s * 0.55)
        path.lineTo(x + half, top + s * 0.55)
        path.close()
        canvas.drawPath(path, fill(shade(colour, 1.0 + 0.06 * (2 - tier))))


def _broadleaf(canvas: skia.Canvas, x: float, base: float, s: float, colour: RGB,
               rng: np.random.Generator) -> None:
    trunk = mix(shade(colour, 0.5), (110, 80, 55), 0.5)
    canvas.drawRect(skia.Rect.MakeXYWH(x - s * 0.04, base - s * 0.45, s * 0.08, s * 0.45),
                    fill(trunk))
    for _ in range(4):
        canvas.drawCircle(x + rng.uniform(-0.25, 0.25) * s, base - s * rng.uniform(0.55, 0.95),
                          s * rng.uniform(0.25, 0.38), fill(shade(colour, rng.uniform(0.9, 1.1))))


def _bare_tree(canvas: skia.Canvas, x: float, base: float, s: float, colour: RGB,
               rng: np.random.Generator) -> None:
    """A leafless tree: a trunk that forks into thinning branches."""
    def branch(x0: float, y0: float, angle: float, length: float, width: float,
               depth: int) -> None:
        x1 = x0 + math.cos(angle) * length
        y1 = y0 - math.sin(angle) * length
        canvas.drawLine(x0, y0, x1, y1, stroke(colour, width))
        if depth > 0:
            for turn in (-0.45, 0.4):
                branch(x1, y1, angle + turn + rng.uniform(-0.15, 0.15), length * 0.68,
                       width * 0.62, depth - 1)

    branch(x, base, math.pi / 2 + rng.uniform(-0.1, 0.1), s * 0.42, s * 0.07, 4)


@dataclass(frozen=True)
class Water:
    """A band of water between the ground line (or ``bottom``) and ``top`` frame heights
    above it: the sea behind a beach, a lake, a river between its banks."""

    colour: RGB
    top: float = 0.06
    bottom: float = 0.0
    glints: float = 1.0

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the water, darker toward the far shore, with glints on its surface."""
        f, rng = ctx.frame, ctx.rng
        y0, y1 = f.g - f.px(self.top), f.g - f.px(self.bottom)
        sea = ctx.tone(self.colour)
        canvas.drawRect(skia.Rect.MakeLTRB(0, y0, f.w, y1),
                        vertical(shade(sea, 0.85), shade(sea, 1.1), y0, y1))
        for _ in range(int(60 * self.glints * f.span() / 2.2)):
            x, y = rng.uniform(0, f.w), rng.uniform(y0, y1)
            near = (y - y0) / max(y1 - y0, 1)
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, f.px(0.01 + 0.02 * near), max(
                1.0, f.px(0.0015 + 0.002 * near))), fill(shade(sea, 1.45), 150))


@dataclass(frozen=True)
class Nebula:
    """Glowing clouds of gas and a distant planet: the backdrop of space."""

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint five nebulae and a ringed planet."""
        f, rng = ctx.frame, ctx.rng
        for _ in range(5):
            x, y, r = rng.uniform(0, f.w), rng.uniform(0, f.h), rng.uniform(0.1, 0.3) * f.h
            canvas.drawCircle(x, y, r, fill((120, 60, 160), 40, blur=r * 0.5))
        x, y, r = f.x(0.35), f.h * 0.3, f.h * 0.08
        canvas.drawCircle(x, y, r, fill((210, 150, 100)))
        canvas.drawCircle(x, y, r, fill((255, 255, 255), 30, blur=f.h * 0.02))
        canvas.drawOval(skia.Rect.MakeXYWH(x - r * 1.9, y - r * 0.35, r * 3.8, r * 0.7),
                        stroke((235, 200, 150), r * 0.12, 200))


@dataclass(frozen=True)
class Craters:
    """Shallow craters on a grey plain: the moon."""

    colour: RGB = (90, 90, 95)

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint a dozen craters near the ground line."""
        f, rng = ctx.frame, ctx.rng
        for _ in range(int(6 * f.span() / 2.2) + 4):
            x, wide = rng.uniform(0, f.w), f.px(rng.uniform(0.03, 0.09))
            rect = skia.Rect.MakeXYWH(x, f.g - wide * 0.12, wide, wide * 0.16)
            canvas.drawOval(rect, fill(ctx.tone(self.colour)))
            canvas.drawOval(rect.makeInset(wide * 0.1, wide * 0.03),
                            fill(ctx.tone(shade(self.colour, 0.8))))


@dataclass(frozen=True)
class Corals:
    """Branches and fans of coral along the sea floor, in reef colours."""

    count: float = 14.0  # per frame height of layer
    size: float = 0.06

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint clusters of coral, each a few rounded fronds on a stem."""
        f, rng = ctx.frame, ctx.rng
        palette = [(240, 110, 120), (250, 170, 80), (180, 100, 200), (255, 120, 170),
                   (90, 200, 190)]
        for _ in range(round(self.count * f.span())):
            x = rng.uniform(0, f.w)
            s = f.px(self.size) * rng.uniform(0.6, 1.4)
            tint = ctx.tone(palette[int(rng.integers(len(palette)))])
            for k in range(5):
                angle = math.pi / 2 + (k - 2) * 0.35 + rng.uniform(-0.1, 0.1)
                tip = (x + math.cos(angle) * s, f.g - math.sin(angle) * s)
                canvas.drawLine(x, f.g, *tip, stroke(shade(tint, 0.85), s * 0.16))
                canvas.drawCircle(*tip, s * 0.16, fill(shade(tint, 1.1)))
