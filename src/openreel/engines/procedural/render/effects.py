"""Particles (water, spray, sparks, smoke, dust, debris, fire, bubbles) and weather."""

from __future__ import annotations

import cv2
import numpy as np
import skia

from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.scene import Particles
from openreel.spec import Weather

SOFT_KINDS = frozenset({"smoke", "dust", "fire"})
# Soft clouds are drawn at 1/n of the frame's resolution: billowing smoke and dust are
# blurry by nature; fire keeps more detail.
SOFT_SCALE = {"smoke": 8, "dust": 8, "fire": 4}
_STYLE_OF: dict[str, tuple[tuple[int, int, int], int, bool]] = {
    "splash": ((170, 215, 250), 210, False), "spark": ((255, 220, 120), 255, True),
    "fire": ((255, 140, 40), 220, True), "smoke": ((215, 210, 210), 90, False),
    "dust": ((200, 180, 140), 130, False), "debris": ((70, 60, 55), 255, False),
    "bubble": ((225, 245, 255), 170, False), "soap": ((235, 240, 255), 210, False),
}
# a soap film's sheen: each bubble catches one of these tints along its rim
_SHEEN = ((255, 170, 220), (170, 230, 255), (200, 255, 190), (255, 235, 160))


def draw_particles(canvas: skia.Canvas, clouds: list[Particles], view: View) -> None:
    """Draw every particle cloud of a frame."""
    for cloud in clouds:
        if len(cloud.xy) == 0:
            continue
        px = view.width / 2 + (cloud.xy[:, 0] - view.cx) * view.ppm
        py = view.height / 2 - (cloud.xy[:, 1] - view.cy) * view.ppm
        radius = np.maximum(cloud.size * view.ppm, 0.8)
        if cloud.kind == "water":
            _liquid(canvas, px, py, radius, cloud.colour)
            continue
        colour, alpha, glow = _STYLE_OF.get(cloud.kind, ((255, 255, 255), 200, False))
        if cloud.kind in SOFT_KINDS:
            _soft_cloud(canvas, cloud, px, py, radius, view, colour, alpha, glow)
            continue
        if cloud.kind == "soap":
            _soap(canvas, px, py, radius, cloud.life)
            continue
        paint = skia.Paint(AntiAlias=True)
        if glow:
            paint.setBlendMode(skia.BlendMode.kPlus)
        for x, y, r, life in zip(px, py, radius, cloud.life, strict=True):
            a = max(int(alpha * (1.0 - 0.8 * float(life))), 0)
            paint.setColor(skia.Color(*colour, a))
            if cloud.kind == "bubble":
                paint.setStyle(skia.Paint.kStroke_Style)
                paint.setStrokeWidth(max(r * 0.2, 1))
            canvas.drawCircle(float(x), float(y), float(r), paint)


def _soap(canvas: skia.Canvas, px: np.ndarray, py: np.ndarray, radius: np.ndarray,
          life: np.ndarray) -> None:
    """Soap bubbles: a clear film with a tinted rim and a bright window of reflected sky;
    each pops (is gone) at the end of its life rather than fading."""
    film = skia.Paint(AntiAlias=True)
    rim = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style)
    shine = skia.Paint(AntiAlias=True, Color=skia.Color(255, 255, 255, 230))
    for k, (x, y, r) in enumerate(zip(px.tolist(), py.tolist(), radius.tolist(),
                                      strict=True)):
        if life[k] > 0.97:
            continue
        tint = _SHEEN[k % len(_SHEEN)]
        film.setColor(skia.Color(*tint, 40))
        canvas.drawCircle(x, y, r, film)
        rim.setColor(skia.Color(*tint, 200))
        rim.setStrokeWidth(max(1.0, 0.12 * r))
        canvas.drawCircle(x, y, r, rim)
        canvas.drawCircle(x - 0.35 * r, y - 0.35 * r, max(0.8, 0.18 * r), shine)


def _soft_cloud(canvas: skia.Canvas, cloud: Particles, px: np.ndarray, py: np.ndarray,
                radius: np.ndarray, view: View, colour: tuple[int, int, int], alpha: int,
                glow: bool) -> None:
    """Smoke, dust or fire: billows with soft edges, drawn at a fraction of the resolution.

    Overlapping radial-gradient puffs build texture rather than a flat disc, but a rocket's
    exhaust is hundreds of large puffs a frame: filled at full size they cost seconds per
    frame. Their edges are soft anyway, so they are drawn into a layer at 1/SOFT_SCALE of
    the frame's resolution and laid over it with bilinear filtering.
    """
    scale = SOFT_SCALE[cloud.kind]
    w, h = max(1, -(-view.width // scale)), max(1, -(-view.height // scale))
    # The layer has the frame's own pixel layout, so laying it over is a plain blend.
    layer = skia.Surface.MakeRaster(skia.ImageInfo.Make(
        w, h, skia.kRGBA_8888_ColorType, skia.kPremul_AlphaType))
    small = layer.getCanvas()
    small.clear(skia.ColorTRANSPARENT)
    small.scale(1 / scale, 1 / scale)
    paint = skia.Paint(AntiAlias=True)
    if glow:
        paint.setBlendMode(skia.BlendMode.kPlus)
    grown = radius * (1.0 + 0.6 * cloud.life) if cloud.kind == "smoke" else radius
    seen = ((px + grown > 0) & (px - grown < view.width)
            & (py + grown > 0) & (py - grown < view.height))
    for x, y, rr, life in zip(px[seen], py[seen], grown[seen].tolist(),
                              cloud.life[seen], strict=True):
        a = max(int(alpha * (1.0 - 0.8 * float(life))), 0)
        if a == 0:
            continue
        paint.setShader(skia.GradientShader.MakeRadial(
            skia.Point(float(x), float(y)), rr,
            [skia.Color(*colour, a), skia.Color(*colour, a // 2), skia.Color(*colour, 0)],
            [0.0, 0.55, 1.0]))
        small.drawCircle(float(x), float(y), rr, paint)
    over = skia.Paint(BlendMode=skia.BlendMode.kPlus if glow else skia.BlendMode.kSrcOver)
    # OpenCV's bilinear upscale is several times faster than skia's raster one.
    pixels = layer.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType,
                                               alphaType=skia.kPremul_AlphaType)
    big = cv2.resize(pixels, (w * scale, h * scale), interpolation=cv2.INTER_LINEAR)
    canvas.drawImage(skia.Image.fromarray(big, colorType=skia.kRGBA_8888_ColorType,
                                          alphaType=skia.kPremul_AlphaType), 0, 0,
                     skia.SamplingOptions(), over)


def _liquid_filter(colour: tuple[int, int, int]) -> skia.ColorFilter:
    """Metaball liquid of ``colour``: blurred blobs whose alpha is pushed through a steep
    ramp, so neighbouring particles merge into one smooth surface with a crisp edge."""
    return skia.ColorFilters.Matrix([
        0, 0, 0, 0, colour[0] / 255,
        0, 0, 0, 0, colour[1] / 255,
        0, 0, 0, 0, colour[2] / 255,
        0, 0, 0, 14, -5.5,
    ])


def _liquid(canvas: skia.Canvas, px: np.ndarray, py: np.ndarray, radius: np.ndarray,
            colour: tuple[int, int, int]) -> None:
    r = float(np.median(radius)) * 1.8
    bounds = skia.Rect.MakeLTRB(float(px.min() - 4 * r), float(py.min() - 4 * r),
                                float(px.max() + 4 * r), float(py.max() + 4 * r))
    canvas.saveLayer(bounds, skia.Paint(ColorFilter=_liquid_filter(colour)))
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
