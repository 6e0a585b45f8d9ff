"""Particles (water, spray, sparks, smoke, dust, debris, fire, bubbles) and weather."""

from __future__ import annotations

import numpy as np
import skia

from openreel.engines.procedural.render.camera import View
from openreel.engines.procedural.scene import Particles
from openreel.spec import Weather

WATER: tuple[int, int, int] = (40, 150, 235)
# Metaball liquid: blurred blobs whose alpha is pushed through a steep ramp, so
# neighbouring particles merge into one smooth surface with a crisp edge.
_LIQUID = skia.ColorFilters.Matrix([
    0, 0, 0, 0, WATER[0] / 255,
    0, 0, 0, 0, WATER[1] / 255,
    0, 0, 0, 0, WATER[2] / 255,
    0, 0, 0, 14, -5.5,
])
_STYLE_OF: dict[str, tuple[tuple[int, int, int], int, bool]] = {
    "splash": ((170, 215, 250), 210, False), "spark": ((255, 220, 120), 255, True),
    "fire": ((255, 140, 40), 220, True), "smoke": ((215, 210, 210), 90, False),
    "dust": ((200, 180, 140), 130, False), "debris": ((70, 60, 55), 255, False),
    "bubble": ((225, 245, 255), 170, False),
}


def draw_particles(canvas: skia.Canvas, clouds: list[Particles], view: View) -> None:
    """Draw every particle cloud of a frame."""
    for cloud in clouds:
        if len(cloud.xy) == 0:
            continue
        px = view.width / 2 + (cloud.xy[:, 0] - view.cx) * view.ppm
        py = view.height / 2 - (cloud.xy[:, 1] - view.cy) * view.ppm
        radius = np.maximum(cloud.size * view.ppm, 0.8)
        if cloud.kind == "water":
            _liquid(canvas, px, py, radius)
            continue
        colour, alpha, glow = _STYLE_OF.get(cloud.kind, ((255, 255, 255), 200, False))
        paint = skia.Paint(AntiAlias=True)
        if glow:
            paint.setBlendMode(skia.BlendMode.kPlus)
        soft = cloud.kind in ("smoke", "dust", "fire")
        for x, y, r, life in zip(px, py, radius, cloud.life, strict=True):
            a = max(int(alpha * (1.0 - 0.8 * float(life))), 0)
            grow = 1.0 + (0.6 * float(life) if cloud.kind == "smoke" else 0.0)
            if soft:
                # billows with soft edges: overlapping puffs build texture, not a flat disc
                rr = float(r * grow)
                paint.setShader(skia.GradientShader.MakeRadial(
                    skia.Point(float(x), float(y)), rr,
                    [skia.Color(*colour, a), skia.Color(*colour, a // 2),
                     skia.Color(*colour, 0)], [0.0, 0.55, 1.0]))
                canvas.drawCircle(float(x), float(y), rr, paint)
                continue
            paint.setColor(skia.Color(*colour, a))
            if cloud.kind == "bubble":
                paint.setStyle(skia.Paint.kStroke_Style)
                paint.setStrokeWidth(max(r * 0.2, 1))
            canvas.drawCircle(float(x), float(y), float(r * grow), paint)


def _liquid(canvas: skia.Canvas, px: np.ndarray, py: np.ndarray, radius: np.ndarray) -> None:
    r = float(np.median(radius)) * 1.8
    bounds = skia.Rect.MakeLTRB(float(px.min() - 4 * r), float(py.min() - 4 * r),
                                float(px.max() + 4 * r), float(py.max() + 4 * r))
    canvas.saveLayer(bounds, skia.Paint(ColorFilter=_LIQUID))
    blob = skia.Paint(AntiAlias=True, Color=skia.Color(255, 255, 255, 255))
    blob.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(r * 0.6, 1.0)))
    points = [skia.Point(float(x), float(y)) for x, y in zip(px, py, strict=True)]
    blob.setStrokeWidth(2 * r)
    blob.setStrokeCap(skia.Paint.kRound_Cap)
    canvas.drawPoints(skia.Canvas.kPoints_PointMode, points, blob)
    canvas.restore()


class Weather2D:
    """Rain or snow that falls continuously across frames (fixed flakes, moving in time)."""

    def __init__(self, weather: Weather, width: int, height: int, seed: int) -> None:
        rng = np.random.default_rng(seed + 99)
        self.kind = weather
        n = {Weather.RAIN: 260, Weather.STORM: 420, Weather.SNOW: 220}.get(weather, 0)
        self.n = int(n * width * height / (720 * 1280))
        self.x0 = rng.uniform(0, width, self.n).astype(np.float32)
        self.y0 = rng.uniform(0, height, self.n).astype(np.float32)
        self.speed = rng.uniform(0.8, 1.2, self.n).astype(np.float32)
        self.phase = rng.uniform(0, 6.28, self.n).astype(np.float32)
        self.width, self.height = width, height

    def draw(self, canvas: skia.Canvas, t: float, frame: int) -> None:
        """Draw the weather at time t (seconds)."""
        if self.n == 0:
            return
        h = self.height
        if self.kind in (Weather.RAIN, Weather.STORM):
            y = (self.y0 + self.speed * t * h * 1.6) % h
            x = (self.x0 - 0.15 * (y - self.y0)) % self.width
            paint = skia.Paint(Color=skia.Color(200, 210, 230, 120), AntiAlias=True,
                               StrokeWidth=max(h / 900, 1.0))
            pts = []
            length = h * 0.03
            for xi, yi in zip(x, y, strict=True):
                pts += [skia.Point(float(xi), float(yi)),
                        skia.Point(float(xi) + length * 0.15, float(yi) + length)]
            canvas.drawPoints(skia.Canvas.kLines_PointMode, pts, paint)
            if self.kind is Weather.STORM and frame % 97 in (0, 1, 3):
                canvas.drawColor(skia.Color(230, 235, 255, 90))
        elif self.kind is Weather.SNOW:
            y = (self.y0 + self.speed * t * h * 0.12) % h
            x = (self.x0 + np.sin(t * 1.3 + self.phase) * h * 0.01) % self.width
            paint = skia.Paint(Color=skia.Color(255, 255, 255, 220), AntiAlias=True,
                               StrokeCap=skia.Paint.kRound_Cap, StrokeWidth=max(h / 300, 2.0))
            canvas.drawPoints(skia.Canvas.kPoints_PointMode,
                              [skia.Point(float(a), float(b)) for a, b in zip(x, y, strict=True)],
                              paint)
