"""What every place painter shares: the geometry of a layer and a few paint makers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, Light, mix, shade


def colour(rgb: RGB, alpha: int = 255) -> int:
    """A skia colour from an RGB triple."""
    return skia.Color(int(rgb[0]), int(rgb[1]), int(rgb[2]), int(alpha))


def fill(rgb: RGB, alpha: int = 255, blur: float = 0.0) -> skia.Paint:
    """An anti-aliased fill, softened by ``blur`` pixels when given."""
    paint = skia.Paint(Color=colour(rgb, alpha), AntiAlias=True)
    if blur > 0:
        paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
    return paint


def stroke(rgb: RGB, width: float, alpha: int = 255, round_cap: bool = True) -> skia.Paint:
    """An anti-aliased line of ``width`` pixels."""
    paint = skia.Paint(Color=colour(rgb, alpha), AntiAlias=True, Style=skia.Paint.kStroke_Style,
                       StrokeWidth=max(width, 0.5))
    if round_cap:
        paint.setStrokeCap(skia.Paint.kRound_Cap)
    return paint


def vertical(top: RGB, bottom: RGB, y0: float, y1: float, alpha: int = 255) -> skia.Paint:
    """A fill that fades from ``top`` at y0 to ``bottom`` at y1."""
    return skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, y0), skia.Point(0, y1 if y1 != y0 else y0 + 1)],
        [colour(top, alpha), colour(bottom, alpha)]))


def horizontal(left: RGB, right: RGB, x0: float, x1: float, alpha: int = 255) -> skia.Paint:
    """A fill that fades from ``left`` at x0 to ``right`` at x1."""
    return skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(x0, 0), skia.Point(x1 if x1 != x0 else x0 + 1, 0)],
        [colour(left, alpha), colour(right, alpha)]))


def glow(x: float, y: float, radius: float, rgb: RGB, alpha: int) -> skia.Paint:
    """A radial glow around a light source."""
    return skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeRadial(
        skia.Point(x, y), max(radius, 1.0), [colour(rgb, alpha), colour(rgb, 0)]))


@dataclass(frozen=True)
class Frame:
    """The geometry of one painted layer.

    A layer is wider than the frame (the camera pans across it) and centred on it at rest.
    Places are laid out in frame heights, so a room or a street keeps its proportions in
    a 9:16 and a 16:9 frame alike; ``side`` anchors things to the visible edges.
    """

    w: int  # layer width in pixels
    h: int  # frame height in pixels
    g: float  # the ground line: y of the stage floor at rest
    view_w: int  # the frame's own width

    def x(self, at: float, side: int = 0) -> float:
        """Layer x of a point ``at`` frame heights right of the middle, or, with ``side``
        -1 or +1, of the left or right visible edge (``at`` then counts inward)."""
        if side == 0:
            return self.w / 2 + at * self.h
        return self.w / 2 + side * (self.view_w / 2 - at * self.h)

    def span(self) -> float:
        """The layer's width in frame heights."""
        return self.w / self.h

    def px(self, heights: float) -> float:
        """A length in pixels from frame heights."""
        return heights * self.h


def lit(rgb: RGB, light: Light, distance: float = 0.0) -> RGB:
    """A colour under the scene's light, faded toward the haze by ``distance`` (0..1)."""
    tinted = (int(rgb[0] * (155 + light.ambient[0] * 0.4) / 255),
              int(rgb[1] * (155 + light.ambient[1] * 0.4) / 255),
              int(rgb[2] * (155 + light.ambient[2] * 0.4) / 255))
    return mix(tinted, light.haze, min(max(distance, 0.0), 1.0))


@dataclass
class Context:
    """What a place painter needs besides its canvas: the layer, the light, the floor."""

    frame: Frame
    light: Light
    rng: np.random.Generator
    floor: RGB  # the floor's colour under the light
    floor_shader: skia.Shader | None  # its texture, for floor seen beyond the stage line
    distance: float = 0.0  # how far the layer being painted is: 0 near … 1 on the horizon

    def tone(self, rgb: RGB, extra: float = 0.0) -> RGB:
        """A colour as the painted layer shows it: lit, and hazed by its distance."""
        return lit(rgb, self.light, self.distance + extra)


class Element(Protocol):
    """One thing a place paints into a layer (a ridge, a wall, a shelf of books …)."""

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint into ``canvas`` (the layer) with the frame, light and floor of ``ctx``."""


def panel(canvas: skia.Canvas, rect: skia.Rect, rgb: RGB, radius: float = 0.0,
          edge: float = 0.0) -> None:
    """A soft-shaded block: lighter at the top, darker below, with an optional rim."""
    paint = vertical(shade(rgb, 1.12), shade(rgb, 0.88), rect.top(), rect.bottom())
    canvas.drawRoundRect(rect, radius, radius, paint)
    if edge > 0:
        canvas.drawRoundRect(rect, radius, radius, skia.Paint(
            Color=colour(shade(rgb, 0.7)), AntiAlias=True, Style=skia.Paint.kStroke_Style,
            StrokeWidth=edge))


def polygon(points: list[tuple[float, float]]) -> skia.Path:
    """A closed path through ``points``."""
    path = skia.Path()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    path.close()
    return path


def window_glass(ctx: Context) -> RGB:
    """The colour of a window pane from outside: lit warm at night, sky by day."""
    return ctx.tone((255, 214, 130) if ctx.light.night else (160, 200, 230))
