"""Skies: the gradient, the sun or the moon and stars, clouds, and what weather does to them.

Storms, rain, snow, fog and heavy cloud hide the sun (no disc, no glow) behind a darker,
greyer sky under a deck of clouds; a clear night shows the moon and stars. The look of a
style can restyle a sky through :class:`SkyStyle` without touching the places.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, Light, mix, shade
from openreel.engines.procedural.render.places.canvas import colour, fill, glow, vertical
from openreel.spec import Environment, Weather

# Weathers whose clouds hide the sun and the night sky.
OVERCAST = frozenset({Weather.CLOUDY, Weather.RAIN, Weather.STORM, Weather.SNOW, Weather.FOG})


@dataclass(frozen=True)
class SkyStyle:
    """How a look draws skies: the hook styles use to restyle every place's sky."""

    clouds: float = 1.0  # how many clouds, relative to what the weather brings
    cloud_ink: float = 0.0  # outline width around clouds, in pixels at 720 px high
    bands: int = 0  # > 0: the gradient in this many flat steps (cel-shaded skies)


def sky_colours(env: Environment, light: Light, kind: str) -> tuple[RGB, RGB]:
    """Top and horizon colours of a sky of this kind under this light and weather."""
    if kind == "space":
        return (4, 6, 18), (14, 18, 40)
    if kind == "mars":
        return (150, 90, 70), (225, 170, 130)
    if kind == "underwater":
        return (40, 150, 190), (10, 50, 90)
    top, bottom = light.sky_top, light.sky_bottom
    if env.weather is Weather.STORM:
        # a storm darkens the whole sky to slate, lighter only low on the horizon
        top, bottom = shade(mix(top, (62, 68, 82), 0.6), 0.8), mix(bottom, (120, 126, 138), 0.5)
    return top, bottom


def paint_sky(canvas: skia.Canvas, env: Environment, light: Light, kind: str, w: int, h: int,
              horizon: float, rng: np.random.Generator, style: SkyStyle) -> None:
    """Paint a whole sky of ``kind`` ("open", "space", "mars", "underwater", "cloudscape"
    or "indoor") into a frame-sized canvas whose horizon is at y = ``horizon``."""
    top, bottom = sky_colours(env, light, kind)
    _gradient(canvas, top, bottom, w, h, horizon, style.bands)
    overcast = env.weather in OVERCAST
    if kind == "space":
        _stars(canvas, w, h, horizon, rng, 1.0)
        return
    if kind == "underwater":
        _shafts(canvas, w, h, rng)
        return
    if kind == "mars":
        sx, sy = w * light.sun_x, horizon * 0.35
        canvas.drawCircle(sx, sy, w * 0.3, fill((255, 225, 190), 60, blur=w * 0.1))
        canvas.drawCircle(sx, sy, w * 0.03, fill((255, 245, 230)))
        return
    if kind == "indoor":
        return
    if light.night and not overcast:
        _stars(canvas, w, h, horizon, rng, 1.0)
        _moon(canvas, w * light.sun_x, h * 0.16, w * 0.05)
    elif not light.night and not overcast:
        _sun(canvas, light, w, h, horizon)
    count = 4 if env.weather in (Weather.CLEAR, Weather.WIND) else 9
    if overcast:
        _cloud_deck(canvas, env, light, w, horizon, rng, style)
    for _ in range(round(count * style.clouds)):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(0.06, 0.5) * horizon
        size = rng.uniform(0.18, 0.34) * w * (0.6 + 0.8 * cy / horizon)
        cloud(canvas, cx, cy, size, light, rng, _cloud_tone(env), style.cloud_ink * h / 720)
    if kind == "cloudscape":
        _cloud_sea(canvas, light, w, h, horizon, rng, _cloud_tone(env))


def _gradient(canvas: skia.Canvas, top: RGB, bottom: RGB, w: int, h: int, horizon: float,
              bands: int) -> None:
    if bands <= 1:
        canvas.drawRect(skia.Rect.MakeWH(w, h), vertical(top, bottom, 0, horizon))
        return
    step = horizon / bands
    for i in range(bands):
        y0 = i * step
        y1 = h if i == bands - 1 else y0 + step + 1
        canvas.drawRect(skia.Rect.MakeLTRB(0, y0, w, y1),
                        fill(mix(top, bottom, i / max(bands - 1, 1))))


def _cloud_tone(env: Environment) -> float:
    """0 for white fair-weather clouds … 1 for the slate of a thunderstorm."""
    return {Weather.STORM: 1.0, Weather.RAIN: 0.7, Weather.SNOW: 0.35, Weather.CLOUDY: 0.45,
            Weather.FOG: 0.3}.get(env.weather, 0.0)


def _sun(canvas: skia.Canvas, light: Light, w: int, h: int, horizon: float) -> None:
    sx = w * light.sun_x
    sy = horizon - max(light.sun_height, 0.03) * horizon * 0.9
    canvas.drawRect(skia.Rect.MakeWH(w, h), glow(sx, sy, w * 0.6, light.sun, 150))
    canvas.drawCircle(sx, sy, w * 0.045, fill(shade(light.sun, 1.15)))


def _moon(canvas: skia.Canvas, x: float, y: float, r: float) -> None:
    canvas.drawCircle(x, y, r * 3, fill((200, 210, 255), 40, blur=r))
    canvas.drawCircle(x, y, r, fill((245, 245, 230)))
    canvas.drawCircle(x + r * 0.3, y - r * 0.2, r * 0.22, fill((215, 215, 205)))
    canvas.drawCircle(x - r * 0.35, y + r * 0.3, r * 0.14, fill((222, 222, 210)))


def _stars(canvas: skia.Canvas, w: int, h: int, horizon: float, rng: np.random.Generator,
           density: float) -> None:
    for _ in range(int(w * h / 2500 * density)):
        x, y = rng.uniform(0, w), rng.uniform(0, horizon * 0.95)
        r = rng.uniform(0.4, 1.6) * h / 1280
        canvas.drawCircle(x, y, r, fill((255, 255, 245), int(rng.uniform(90, 255))))


def _shafts(canvas: skia.Canvas, w: int, h: int, rng: np.random.Generator) -> None:
    """Light falling through the surface of the water."""
    for i in range(7):
        x = rng.uniform(0, w)
        path = skia.Path()
        path.moveTo(x, 0)
        path.lineTo(x + w * 0.08, 0)
        path.lineTo(x + w * 0.25 + i * 5, h)
        path.lineTo(x + w * 0.1, h)
        path.close()
        canvas.drawPath(path, fill((200, 240, 255), 28, blur=w * 0.01))


def cloud(canvas: skia.Canvas, cx: float, cy: float, size: float, light: Light,
          rng: np.random.Generator, tone: float = 0.0, ink: float = 0.0) -> None:
    """A stylised cumulus: puffs on a flat base, lit from above, shaded underneath;
    ``tone`` darkens it toward a storm cloud, ``ink`` outlines it."""
    path = skia.Path()
    path.addRoundRect(skia.Rect.MakeXYWH(cx - size * 0.55, cy - size * 0.12, size * 1.1,
                                         size * 0.24), size * 0.12, size * 0.12)
    for k in range(4):
        r = size * rng.uniform(0.16, 0.26)
        x = cx + (k - 1.5) * size * 0.24 + rng.uniform(-0.05, 0.05) * size
        path.addCircle(x, cy - r * 0.45, r)
    path = skia.Op(path, path, skia.PathOp.kUnion_PathOp) or path
    top = mix(mix((255, 255, 255), light.sun, 0.15), (150, 155, 168), tone)
    bottom = mix(mix(light.sky_bottom, (170, 175, 195), 0.35), (70, 74, 86), tone)
    canvas.drawPath(path, vertical(top, bottom, cy - size * 0.5, cy + size * 0.12, 245))
    if ink > 0:
        edge = skia.Paint(Color=colour((40, 40, 60), 200), AntiAlias=True,
                          Style=skia.Paint.kStroke_Style, StrokeWidth=ink)
        canvas.drawPath(path, edge)


def _cloud_deck(canvas: skia.Canvas, env: Environment, light: Light, w: int, horizon: float,
                rng: np.random.Generator, style: SkyStyle) -> None:
    """A low ceiling of overlapping cloud across the upper sky (it is what hides the sun)."""
    tone = _cloud_tone(env)
    base = mix(light.sky_top, (96, 100, 112), 0.5 + 0.4 * tone)
    canvas.drawRect(skia.Rect.MakeLTRB(0, 0, w, horizon * 0.22),
                    vertical(shade(base, 0.85), base, 0, horizon * 0.22, 235))
    for i in range(int(14 * max(style.clouds, 0.3))):
        x = (i + rng.uniform(-0.3, 0.3)) / 12 * w * 1.1 - 0.05 * w
        y = horizon * rng.uniform(0.12, 0.3)
        cloud(canvas, x, y, w * rng.uniform(0.22, 0.36), light, rng, min(tone + 0.15, 1.0),
              style.cloud_ink * horizon / 530)


def _cloud_sea(canvas: skia.Canvas, light: Light, w: int, h: int, horizon: float,
               rng: np.random.Generator, tone: float) -> None:
    """A floor of cloud tops below the horizon: the view from above the clouds."""
    top = mix((250, 250, 255), light.sun, 0.2)
    canvas.drawRect(skia.Rect.MakeLTRB(0, horizon * 0.92, w, h),
                    vertical(top, mix(top, light.sky_bottom, 0.5), horizon * 0.92, h))
    rows = 5
    for row in range(rows):
        y = horizon * 0.9 + row * (h - horizon * 0.9) / rows
        size = w * (0.12 + 0.08 * row)
        x = rng.uniform(-size, 0)
        while x < w + size:
            cloud(canvas, x, y, size, light, rng, tone * 0.5)
            x += size * rng.uniform(0.7, 1.0)
