"""Draw things from their artwork, and give their exact silhouette and box for ground truth.

A thing drawn from art is one cached raster placed by one matrix: the scene's light
multiplies it and distance hazes it, the look may outline it, it is mirrored to face the
way it goes, turned with its body, squashed on impact, and moved by a little secondary
motion (a hop, a rocking walk, wing beats, a wagging tail, a swaying crown) that sells
what the simulation does. The mask and the box use the same matrix, so ground truth
follows the visible pixels exactly.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.art.build import OPAQUE
from openreel.engines.procedural.art.library import Artwork, artwork_of
from openreel.engines.procedural.art.raster import Raster, bucket, raster
from openreel.engines.procedural.art.silhouette import hull_points
from openreel.engines.procedural.art.sizing import art_box
from openreel.engines.procedural.render.compositing import blit, fill, warp
from openreel.engines.procedural.render.compositing import trail as trail_behind
from openreel.engines.procedural.render.faces import haze_amount, lit_bytes
from openreel.engines.procedural.render.figures import depth_matrix, parts_of
from openreel.engines.procedural.render.looks import Material
from openreel.engines.procedural.render.palette import RGB
from openreel.engines.procedural.render.shading import art_material
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.scene import EntityFrame
from openreel.engines.procedural.simulation.poses import rest_height
from openreel.spec import Archetype

A = Archetype
HOPPERS = frozenset({"rabbit", "frog"})
_LIT_KEPT = 64  # rasters kept lit per shot (sizes a zoom passes through, colours, lights)


@dataclass(frozen=True, slots=True)
class Secondary:
    """Motion layered on the simulated pose: lift (m), tilt (rad, about the base), scale."""

    lift: float = 0.0
    tilt: float = 0.0
    sx: float = 1.0
    sy: float = 1.0


def art_of(entity: EntityFrame) -> Artwork | None:
    """The artwork an entity is drawn from, or None when it is drawn from its rig."""
    if entity.archetype is A.HUMANOID:
        return None
    if entity.archetype is A.CONTAINER and "vessel" in entity.extra:
        return None  # a vessel in a pour is clear glass, so its liquid shows
    if entity.extra.get("broken"):
        return None  # shattered: only its shards are drawn
    return artwork_of(entity.kind)


class ArtPainter:
    """Paints entities from artwork under one light and look (see ``compositing``)."""

    def __init__(self, ambient: RGB, haze: RGB, outline: float,
                 material: Material | None = None) -> None:
        self.ambient, self.haze = ambient, haze
        self.outline = round(outline) if outline >= 0.5 else 0
        self.material = material if material is not None else Material()
        # each raster under each light, as bytes: made once, drawn every frame
        self._lit: OrderedDict[tuple[object, ...], np.ndarray] = OrderedDict()

    # -- drawing --------------------------------------------------------------------------
    def draw(self, canvas: skia.Canvas, entity: EntityFrame, art: Artwork, view: View,
             t: float, trail: tuple[float, float, int] | None = None) -> None:
        """Draw one entity from its artwork; with ``trail`` (a step in pixels, x right and
        y up, and a number of copies) faded copies of it go first, along the path it
        covered this frame."""
        if not entity.visible:
            return
        matrix, w, h = placement(entity, art, view, t)
        longest = max(w, h) * _scale(matrix)
        colour = _recolour(entity)
        picture = raster(art, longest, colour, self.outline)
        key = (art.key, bucket(longest), colour, self.outline)
        image = art_material(key, picture.image, self.material)
        source = self._lit_pixels((*key, self.material), image, entity.depth)
        size = canvas.getBaseLayerSize()
        placed = warp(source, matrix, _dest(picture, w, h, self.outline), size.width(),
                      size.height())
        if placed is None:
            return
        sprite, x, y = placed
        if trail is not None:
            dx, dy, copies = trail
            trail_behind(canvas, sprite, x, y, (dx, dy), copies)
        blit(canvas, sprite, x, y)

    def silhouette(self, mask: np.ndarray, entity: EntityFrame, art: Artwork, view: View,
                   t: float, colour: tuple[int, ...]) -> None:
        """Set the entity's opaque pixels of ``mask`` (RGBA bytes) to ``colour``, hard-edged.

        The artwork's alpha is placed exactly as in the picture, then thresholded, so the
        mask is the drawn thing pixel for pixel.
        """
        if not entity.visible:
            return
        matrix, w, h = placement(entity, art, view, t)
        picture = raster(art, max(w, h) * _scale(matrix))
        alpha = np.ascontiguousarray(_bytes(picture.image)[..., 3])
        placed = warp(alpha, matrix, _dest(picture, w, h, 0), mask.shape[1], mask.shape[0])
        if placed is not None:
            coverage, x, y = placed
            fill(mask, coverage, x, y, OPAQUE, colour)

    def _lit_pixels(self, key: tuple[object, ...], image: skia.Image,
                    depth: float) -> np.ndarray:
        """The picture's premultiplied bytes under the scene's light at ``depth``."""
        amount = haze_amount(depth)
        full = (*key, round(amount, 3))
        hit = self._lit.get(full)
        if hit is not None:
            self._lit.move_to_end(full)
            return hit
        lit = lit_bytes(_bytes(image), self.ambient, self.haze, amount)
        self._lit[full] = lit
        while len(self._lit) > _LIT_KEPT:
            self._lit.popitem(last=False)
        return lit


def _bytes(image: skia.Image) -> np.ndarray:
    return image.toarray(colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


def box(entity: EntityFrame, art: Artwork, view: View, t: float) -> tuple[float, float,
                                                                            float, float]:
    """Pixel box x0, y0, x1, y1 of the artwork's opaque pixels (the hull, mapped)."""
    matrix, w, h = placement(entity, art, view, t)
    bw, bh = art_box(entity.archetype, entity.size, art)
    k = w / bw if bw > 0 else 0.0
    points = [skia.Point(float(x) * k, -h / 2 - float(y) * k) for x, y in hull_points(art, bw, bh)]
    mapped = matrix.mapPoints(points)
    xs = [p.x() for p in mapped]
    ys = [p.y() for p in mapped]
    return min(xs), min(ys), max(xs), max(ys)


def placement(entity: EntityFrame, art: Artwork, view: View,
              t: float) -> tuple[skia.Matrix, float, float]:
    """The matrix from the artwork's local pixels to the screen, and its width and height.

    Locally the artwork stands with its base centre at the origin (y down): it spans
    x in [-w/2, w/2] and y in [-h, 0].
    """
    bw, bh = art_box(entity.archetype, entity.size, art)
    ppm = view.ppm
    matrix = depth_matrix(entity, view)  # a new matrix each call: safe to extend
    cx, cy = view.to_px(entity.x, entity.y)
    squash = entity.squash
    if abs(squash - 1.0) > 1e-3:
        # squash and stretch about the body's centre, along the impact (as the rigs do)
        a = math.degrees(entity.squash_angle)
        matrix.preTranslate(cx, cy)
        matrix.preRotate(-a)
        matrix.preScale(1.0 / squash, squash)
        matrix.preRotate(a)
        matrix.preTranslate(-cx, -cy)
    if entity.archetype is A.QUADRUPED and "ragdoll" not in entity.extra:
        # animals stand where their rig's feet are, whatever the gait does to the body
        fx, fy = view.to_px(entity.x, _feet(entity))
        matrix.preTranslate(fx, fy)
        matrix.preRotate(-math.degrees(entity.angle))
    else:
        matrix.preTranslate(cx, cy)
        matrix.preRotate(-math.degrees(entity.angle))
        matrix.preTranslate(0.0, rest_height(entity.archetype, entity.size, entity.kind) * ppm)
    move = secondary(entity, bw, bh, t)
    mirror = -1.0 if art.facing and entity.facing != art.facing else 1.0
    matrix.preTranslate(0.0, -move.lift * ppm)
    matrix.preRotate(-math.degrees(move.tilt))
    turn = entity.extra.get("turn")
    if turn is not None:  # turning about its upright axis: narrower, then seen from behind
        mirror *= math.copysign(max(abs(turn), 0.06), turn)
    matrix.preScale(move.sx * mirror, move.sy)
    return matrix, bw * ppm, bh * ppm


def secondary(entity: EntityFrame, w: float, h: float, t: float) -> Secondary:
    """Motion that sells the simulated action, as a function of the frame alone."""
    arch, s = entity.archetype, entity.size
    if arch is A.QUADRUPED and "asleep" in entity.extra:
        # curled up on the floor: low and long, breathing slowly
        breathe = 0.02 * math.sin(2 * math.pi * t / 4.0 + _phase(entity))
        return Secondary(sy=0.6 + breathe, sx=1.12)
    if arch is A.QUADRUPED and "ragdoll" not in entity.extra:
        speed = abs(entity.vx)
        if speed < 0.1:
            breathe = 0.012 * math.sin(2 * math.pi * t / 3.0 + _phase(entity))
            return Secondary(sy=1.0 + breathe, sx=1.0 - 0.5 * breathe)
        running = speed > 2.0 * math.sqrt(s / 1.75) + 0.4
        # the gait is tied to the ground covered, so feet never seem to skate
        u = entity.x / ((1.4 if running else 0.9) * s)
        if entity.kind in HOPPERS:
            hop = abs(math.sin(math.pi * u))
            stretch = 0.1 * math.cos(2 * math.pi * u)
            return Secondary(lift=0.35 * h * hop, sy=1.0 - stretch, sx=1.0 + 0.5 * stretch)
        rock = math.sin(2 * math.pi * u)
        return Secondary(lift=(0.06 if running else 0.03) * h * abs(rock),
                         tilt=(0.08 if running else 0.04) * rock)
    if arch is A.BIRD:
        wing = entity.parts.get("wing_near")
        beat = (wing.angle - entity.angle) * entity.facing if wing is not None else 0.0
        return Secondary(sy=1.0 + 0.12 * beat, sx=1.0 - 0.04 * beat)
    if arch is A.FISH:
        tail = entity.parts.get("tail")
        wag = (tail.angle - entity.angle) * entity.facing if tail is not None else 0.0
        return Secondary(tilt=0.12 * wag)
    if arch in (A.TREE, A.PLANT):
        top = entity.parts.get("canopy" if arch is A.TREE else "bloom")
        sway = top.angle - entity.angle if top is not None else 0.0
        return Secondary(tilt=1.5 * sway)
    if arch is A.VEHICLE and abs(entity.vx) > 0.3:
        return Secondary(lift=0.012 * h * abs(math.sin(2 * math.pi * entity.x / (0.8 * s))))
    if arch is A.BOAT:
        return Secondary(tilt=0.04 * math.sin(2 * math.pi * t / 2.3 + _phase(entity)))
    return Secondary()


def _feet(entity: EntityFrame) -> float:
    """World height of the lowest point of an entity's rig parts."""
    lowest = entity.y
    for part in parts_of(entity):
        tr = entity.parts.get(part.name)
        if tr is None:
            continue
        c, s = abs(math.cos(tr.angle)), abs(math.sin(tr.angle))
        lowest = min(lowest, tr.y - 0.5 * (part.h * c + part.w * s))
    return lowest


def _phase(entity: EntityFrame) -> float:
    return (sum(map(ord, entity.uid)) % 628) / 100.0


def _scale(matrix: skia.Matrix) -> float:
    """How much the matrix enlarges things (the geometric mean of its two axes)."""
    a, b = matrix.getScaleX(), matrix.getSkewX()
    c, d = matrix.getSkewY(), matrix.getScaleY()
    return math.sqrt(abs(a * d - b * c))


def _dest(picture: Raster, w: float, h: float, pad: int) -> skia.Rect:
    """Where the raster goes in local pixels: the box, plus its outline padding."""
    k = w / max(picture.width - 2 * pad, 1)
    return skia.Rect.MakeLTRB(-w / 2 - pad * k, -h - pad * k, w / 2 + pad * k, pad * k)


def _recolour(entity: EntityFrame) -> RGB | None:
    """The colour to paint the artwork in (the one the prompt asked for), or None to keep
    the artwork's own."""
    return entity.colour if entity.painted else None
