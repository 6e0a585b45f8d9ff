"""Light that a look adds to a shot: anime's lens flare and sparkles, surreal's floating
motes, and noir's hard light through window blinds.

Where the light comes from is found once per shot, from the painted sky; flares and
glints are a handful of small shapes drawn each frame (so they twinkle), and the blinds
are one multiply map made once per shot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np
import skia

from openreel.engines.procedural.render.finish.lens import UNIT, smoothstep
from openreel.engines.procedural.render.looks import Scenery
from openreel.engines.procedural.render.palette import RGB, Light

GHOSTS: tuple[tuple[float, float, RGB], ...] = (  # along the line from the light through the centre
    (0.35, 0.04, (120, 255, 200)), (0.62, 0.02, (255, 160, 230)),
    (1.25, 0.06, (150, 190, 255)), (1.6, 0.03, (255, 230, 140)))
MOTES: tuple[RGB, ...] = ((255, 200, 240), (190, 230, 255), (255, 240, 190), (210, 190, 255))


@dataclass(frozen=True)
class Glint:
    """A sparkle or a mote: where, how big, when it twinkles, what colour."""

    x: float
    y: float
    size: float
    phase: float
    colour: RGB


@dataclass
class Accents:
    """The accents of one shot."""

    source: tuple[float, float] | None = None  # the light a flare comes from, pixels
    flare: float = 0.0
    glints: list[Glint] = field(default_factory=list)
    motes: list[Glint] = field(default_factory=list)
    blinds: np.ndarray | None = None  # multiply map, uint8 with UNIT meaning 1

    def draw(self, canvas: skia.Canvas, pixels: np.ndarray, t: float) -> None:
        """Draw flare, sparkles and motes over a drawn frame (``pixels``, the canvas's own
        bytes) at time ``t`` (seconds). A flare shows only while its light is in sight."""
        height, width = pixels.shape[:2]
        if self.source is not None:
            sx, sy = int(self.source[0]), int(self.source[1])
            seen = pixels[max(sy - 2, 0):sy + 3, max(sx - 2, 0):sx + 3, :3]
            shine = float(seen.mean()) if seen.size else 0.0
            # the sun behind a head or a cloud casts no flare and no glints
            strength = self.flare * min(max((shine - 170.0) / 70.0, 0.0), 1.0)
            if strength <= 0:
                return
            _flare(canvas, self.source, strength, width, height)
        for g in self.glints:
            twinkle = 0.55 + 0.45 * math.sin(t * 5.0 + g.phase)
            _star(canvas, g.x, g.y, g.size * twinkle, g.colour, twinkle)
        for m in self.motes:
            drift = m.size * 0.6
            x = m.x + drift * math.sin(t * 0.7 + m.phase)
            y = m.y - drift * 1.5 * math.sin(t * 0.45 + m.phase * 1.3)
            _mote(canvas, x, y, m.size, m.colour, 0.6 + 0.4 * math.sin(t * 1.3 + m.phase))


def light_source(sky: np.ndarray, light: Light, ground_px: float) -> tuple[float, float] | None:
    """Where the sun or moon shines in a painted sky (RGBA bytes), or None when it does not.

    The sky is searched near the column the light stands in; a heavy blur makes the
    wide glow around the sun outweigh any bright cloud.
    """
    h, w = sky.shape[:2]
    bottom = int(min(max(ground_px, 1), h))
    grey = cv2.cvtColor(np.ascontiguousarray(sky[:bottom, :, :3]), cv2.COLOR_RGB2GRAY)
    column = int(light.sun_x * w)
    lo, hi = max(column - w // 5, 0), min(column + w // 5, w)
    if hi - lo < 2 or bottom < 2:
        return None
    band = cv2.GaussianBlur(grey[:, lo:hi], (0, 0), max(w * 0.01, 1.0))
    _, peak, _, (x, y) = cv2.minMaxLoc(band)
    if peak < 200:
        return None
    return float(x + lo), float(y)


def plan_accents(scenery: Scenery, sky: np.ndarray, light: Light, ground_px: float,
                 outdoor: bool, width: int, height: int, seed: int) -> Accents:
    """The accents of a shot: flare and glints from its light, motes, blinds."""
    rng = np.random.default_rng(seed + 23)
    accents = Accents()
    k = width / 720
    source = light_source(sky, light, ground_px) if outdoor and not light.night else None
    if source is not None and scenery.flare > 0:
        accents.source, accents.flare = source, scenery.flare
    if scenery.sparkles and scenery.flare > 0 and outdoor:
        # glints cluster about the light; under a night sky they are stars that twinkle
        cx, cy = source if source is not None else (width * 0.6, height * 0.15)
        for _ in range(scenery.sparkles):
            r = width * rng.uniform(0.06, 0.35)
            a = rng.uniform(0, 2 * math.pi)
            accents.glints.append(Glint(cx + r * math.cos(a), cy + 0.8 * r * math.sin(a),
                                        k * rng.uniform(9, 22), rng.uniform(0, 6.3),
                                        (255, 255, int(rng.uniform(215, 255)))))
    elif scenery.sparkles:
        for _ in range(scenery.sparkles):
            accents.motes.append(Glint(rng.uniform(0, width), rng.uniform(0.05, 0.9) * height,
                                       k * rng.uniform(6, 20), rng.uniform(0, 6.3),
                                       MOTES[int(rng.integers(len(MOTES)))]))
    if scenery.blinds > 0:
        accents.blinds = hard_light(scenery.blinds, width, height, rng, not outdoor)
    return accents


def hard_light(strength: float, width: int, height: int, rng: np.random.Generator,
               indoor: bool) -> np.ndarray:
    """Noir's hard light: a crisp pool of light in the dark, through window blinds indoors.

    Returns a multiply map, uint8 with ``UNIT`` meaning 1.
    """
    y, x = np.mgrid[:height, :width].astype(np.float32)
    cx, cy = width * rng.uniform(0.35, 0.65), height * rng.uniform(0.4, 0.55)
    reach = np.hypot((x - cx) / width, (y - cy) / (height * 0.8))
    pool = 1 - smoothstep(0.42, 0.58, reach)
    light = 1 - strength * 0.6 * (1 - pool)  # the dark around the pool of light
    if indoor:
        angle = math.radians(rng.uniform(-28, -18))
        across = -x * math.sin(angle) + y * math.cos(angle)
        phase = (across / (height * 0.06)) % 1.0
        edge = 0.05
        slats = smoothstep(0.0, edge, phase) * (1 - smoothstep(0.6, 0.6 + edge, phase))
        light *= 1 - strength * 0.45 * pool * (1 - slats)  # the slats' shadows
    factor = np.ones((height, width, 4), np.float32)
    factor[..., :3] = light[..., None]
    return np.clip(factor * UNIT + 0.5, 0, 255).astype(np.uint8)


def _flare(canvas: skia.Canvas, source: tuple[float, float], strength: float, w: int,
           h: int) -> None:
    sx, sy = source
    plus = skia.BlendMode.kPlus
    reach = max(w, h) * 0.9
    for k in range(6):  # the starburst: thin rays through the light
        a = math.radians(k * 30 + 15)
        dx, dy = math.cos(a) * reach * 0.35, math.sin(a) * reach * 0.35
        ray = skia.Paint(AntiAlias=True, BlendMode=plus, StrokeWidth=max(w * 0.004, 1.0),
                         StrokeCap=skia.Paint.kRound_Cap, Shader=skia.GradientShader.MakeLinear(
                             [skia.Point(sx - dx, sy - dy), skia.Point(sx + dx, sy + dy)],
                             [skia.Color(255, 250, 230, 0), skia.Color(255, 250, 230,
                                                                        int(150 * strength)),
                              skia.Color(255, 250, 230, 0)]))
        canvas.drawLine(sx - dx, sy - dy, sx + dx, sy + dy, ray)
    cx, cy = w / 2, h / 2
    for along, size, colour in GHOSTS:
        gx, gy = sx + (cx - sx) * along * 2, sy + (cy - sy) * along * 2
        r = max(w, h) * size
        ghost = skia.Paint(AntiAlias=True, BlendMode=plus, Shader=skia.GradientShader.MakeRadial(
            skia.Point(gx, gy), r, [skia.Color(*colour, int(12 * strength)),
                                   skia.Color(*colour, int(40 * strength)),
                                   skia.Color(*colour, 0)], [0.0, 0.85, 1.0]))
        hexagon = skia.Path()
        for i in range(6):
            a = math.radians(60 * i)
            (hexagon.moveTo if i == 0 else hexagon.lineTo)(gx + r * math.cos(a),
                                                           gy + r * math.sin(a))
        hexagon.close()
        canvas.drawPath(hexagon, ghost)


def _star(canvas: skia.Canvas, x: float, y: float, size: float, colour: RGB,
          alpha: float) -> None:
    """A four-pointed sparkle with a soft core."""
    paint = skia.Paint(AntiAlias=True, Color=skia.Color(*colour, int(235 * alpha)),
                       BlendMode=skia.BlendMode.kPlus)
    star = skia.Path()
    thin = size * 0.12
    star.moveTo(x, y - size)
    star.quadTo(x + thin, y - thin, x + size, y)
    star.quadTo(x + thin, y + thin, x, y + size)
    star.quadTo(x - thin, y + thin, x - size, y)
    star.quadTo(x - thin, y - thin, x, y - size)
    star.close()
    canvas.drawPath(star, paint)
    canvas.drawCircle(x, y, size * 0.45, skia.Paint(
        AntiAlias=True, BlendMode=skia.BlendMode.kPlus, Shader=skia.GradientShader.MakeRadial(
            skia.Point(x, y), size * 0.45, [skia.Color(*colour, int(160 * alpha)),
                                           skia.Color(*colour, 0)])))


def _mote(canvas: skia.Canvas, x: float, y: float, size: float, colour: RGB,
          alpha: float) -> None:
    """A soft floating orb of light, ringed like out-of-focus bokeh."""
    canvas.drawCircle(x, y, size, skia.Paint(
        AntiAlias=True, BlendMode=skia.BlendMode.kPlus, Shader=skia.GradientShader.MakeRadial(
            skia.Point(x, y), size, [skia.Color(*colour, int(40 * alpha)),
                                     skia.Color(*colour, int(90 * alpha)),
                                     skia.Color(*colour, 0)], [0.0, 0.8, 1.0])))
