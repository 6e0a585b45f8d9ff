"""A fireworks display drawn over the sky: each shell climbs as a spark trailing light,
bursts in a ring of coloured stars that spread, droop and fade, with a flash at its heart.

It is drawn in the frame's own coordinates, after the place and before the cast, from the
schedule the simulation hears (openreel.engines.procedural.fireworks).
"""

from __future__ import annotations

import math

import numpy as np
import skia

from openreel.engines.procedural.fireworks import FADE, RISE, Burst


def draw_fireworks(canvas: skia.Canvas, bursts: list[Burst], t: float, width: int,
                   height: int) -> None:
    """Draw every shell climbing or burning at ``t`` seconds into the shot."""
    for burst in bursts:
        age = t - burst.t
        if -RISE <= age < 0.0:
            _climb(canvas, burst, 1.0 + age / RISE, width, height)
        elif 0.0 <= age < FADE:
            _bloom(canvas, burst, age, width, height)


def _glow() -> skia.Paint:
    """Light added to what is behind it, as the night sky takes a burst."""
    return skia.Paint(AntiAlias=True, BlendMode=skia.BlendMode.kPlus,
                      StrokeCap=skia.Paint.kRound_Cap)


def _climb(canvas: skia.Canvas, burst: Burst, progress: float, width: int,
           height: int) -> None:
    """The shell on its way up, slowing as it nears the top, a tail of sparks below it."""
    rise = 1.0 - (1.0 - progress) ** 2
    x = burst.u * width
    start, end = 1.02 * height, burst.v * height
    y = start + (end - start) * rise
    tail = 0.06 * height * (1.0 - 0.6 * rise)
    paint = _glow()
    paint.setShader(skia.GradientShader.MakeLinear(
        [skia.Point(x, y), skia.Point(x, y + tail)],
        [skia.Color(255, 230, 180, 230), skia.Color(255, 160, 60, 0)]))
    paint.setStrokeWidth(max(1.5, 0.004 * width))
    canvas.drawLine(x, y, x, y + tail, paint)
    head = _glow()
    head.setColor(skia.Color(255, 245, 220, 255))
    canvas.drawCircle(x, y, max(1.5, 0.004 * width), head)


def _bloom(canvas: skia.Canvas, burst: Burst, age: float, width: int, height: int) -> None:
    """The stars: streaks flying out from the burst, slowing, falling and fading."""
    cx, cy = burst.u * width, burst.v * height
    reach = burst.reach * width
    fade = (1.0 - age / FADE) ** 1.6
    if age < 0.15:  # the flash of the burst
        flash = 1.0 - age / 0.15
        light = _glow()
        light.setShader(skia.GradientShader.MakeRadial(
            skia.Point(cx, cy), 0.5 * reach,
            [skia.Color(*burst.colour, int(150 * flash)), skia.Color(*burst.colour, 0)]))
        canvas.drawCircle(cx, cy, 0.5 * reach, light)
    spread = 1.0 - math.exp(-3.5 * age)
    droop = 0.35 * reach * age * age
    rng = np.random.default_rng(int(burst.t * 1000) + burst.stars)
    # most stars make the shell's rim; a few burn inside it, so it reads as a ball of light
    speeds = np.where(rng.random(burst.stars) < 0.7, rng.uniform(0.82, 1.0, burst.stars),
                      rng.uniform(0.35, 0.75, burst.stars))
    angles = np.linspace(0.0, 2 * math.pi, burst.stars, endpoint=False) + rng.uniform(
        -0.05, 0.05, burst.stars)
    twinkle = 0.65 + 0.35 * np.sin(37.0 * age + 5.0 * angles) if age > 0.9 else \
        np.ones(burst.stars)
    paint = _glow()
    paint.setStrokeWidth(max(1.2, 0.0045 * width))
    hot = tuple(min(255, c + 90) for c in burst.colour)  # the stars burn whiter at first
    mix = max(0.0, 1.0 - age / 0.5)
    colour = tuple(int(h * mix + c * (1 - mix)) for h, c in zip(hot, burst.colour, strict=True))
    for angle, speed, shine in zip(angles, speeds, twinkle, strict=True):
        r = reach * speed * spread
        dx, dy = math.cos(angle), math.sin(angle)
        x1, y1 = cx + dx * r, cy + dy * r + droop
        trail = min(0.25 * reach, 0.12 * reach + 0.6 * reach * (1.0 - spread))
        x0, y0 = cx + dx * max(r - trail, 0.0), cy + dy * max(r - trail, 0.0) + 0.7 * droop
        paint.setColor(skia.Color(*colour, int(235 * fade * shine)))
        canvas.drawLine(float(x0), float(y0), float(x1), float(y1), paint)
        canvas.drawCircle(float(x1), float(y1), 0.9 * paint.getStrokeWidth(), paint)
