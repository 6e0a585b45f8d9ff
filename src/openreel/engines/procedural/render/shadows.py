"""Shadows on the ground under everything that stands on it, in the look's manner.

A cast shadow stretches away from a low sun; a look makes it soft or crisp, longer or
shorter, and may add contact shadows: the dark, tight occlusion right where a thing
meets the ground, which is what makes it sit there instead of hovering.
"""

from __future__ import annotations

import skia

from openreel.engines.procedural.render.looks import Shadow
from openreel.engines.procedural.render.palette import Light
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import FrameState, foreground_drop, foreground_scale

SHADOW_INK = (20, 15, 30)


def _ellipse(canvas: skia.Canvas, px: float, py: float, rx: float, ry: float, alpha: float,
             hardness: float) -> None:
    """A shadow ellipse: dark in the middle, fading (softly or crisply) to its edge."""
    hold = 0.15 + 0.7 * hardness
    ink = skia.Color(*SHADOW_INK, int(min(alpha, 1.0) * 255))
    paint = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeRadial(
        skia.Point(px, py), rx, [ink, ink, skia.Color(*SHADOW_INK, 0)], [0.0, hold, 1.0]))
    canvas.save()
    canvas.scale(1, ry / rx)
    canvas.translate(0, py * (rx / ry) - py)
    canvas.drawCircle(px, py, rx, paint)
    canvas.restore()


def draw_shadows(canvas: skia.Canvas, state: FrameState, view: View, light: Light,
                 style: Shadow) -> None:
    """Cast and contact shadows of every entity near the ground."""
    strength = (0.25 if light.night else 0.45) * style.strength
    for e in state.entities:
        if not e.visible or e.depth > 0.01 or e.y < -0.5:
            continue
        w, h = footprint(e.archetype, e.size, e.kind)
        bottom = e.y - h / 2
        fade = max(0.0, 1.0 - bottom / (3.0 + h))
        if fade <= 0.02:
            continue
        px, py = view.to_px(e.x, 0.0)
        # a thing brought forward casts its shadow where it is drawn: lower and larger
        py += foreground_drop(e.depth, h) * view.ppm
        w *= foreground_scale(e.depth)
        # a low sun casts long shadows pointing away from it
        low = 1.0 - min(max(light.sun_height, 0.0), 1.0)
        stretch = 1.0 + 1.6 * low * style.length * (0.0 if light.night else 1.0)
        base = w * view.ppm * 0.55 * (0.6 + 0.4 * fade)
        rx = base * stretch
        ry = max(w * view.ppm * 0.08, 2)
        px += (0.5 - light.sun_x) * 2.0 * (rx - base)
        _ellipse(canvas, px, py, rx, ry, strength * fade, style.hardness)
        if style.contact > 0 and fade > 0.6:
            cx, _ = view.to_px(e.x, 0.0)
            touch = (fade - 0.6) / 0.4
            _ellipse(canvas, cx, py, w * view.ppm * 0.36, max(w * view.ppm * 0.035, 1.5),
                     0.75 * style.contact * touch, 0.25)
