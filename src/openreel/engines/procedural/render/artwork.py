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
from dataclasses import dataclass

import skia

from openreel.engines.procedural.art.build import OPAQUE
from openreel.engines.procedural.art.library import Artwork, artwork_of
from openreel.engines.procedural.art.raster import Raster, bucket, raster
from openreel.engines.procedural.art.silhouette import hull_points
from openreel.engines.procedural.art.sizing import art_box
from openreel.engines.procedural.render.faces import SMOOTH, light_filter
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
# a pixel belongs to the thing where the drawn artwork is at least half opaque
_THRESHOLD = skia.TableColorFilter.MakeARGB([0 if a < OPAQUE else 255 for a in range(256)],
                                            None, None, None)


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
    """Paints entities from artwork under one light and look."""

    def __init__(self, ambient: RGB, haze: RGB, outline: float,
                 material: Material | None = None) -> None:
        self.ambient, self.haze = ambient, haze
        self.outline = round(outline) if outline >= 0.5 else 0
        self.material = material if material is not None else Material()

    # -- drawing --------------------------------------------------------------------------
    def draw(self, canvas: skia.Canvas, entity: EntityFrame, art: Artwork, view: View,
             t: float, alpha: float = 1.0) -> None:
        """Draw one entity from its artwork (``alpha`` < 1: see-through, as a trail copy)."""
        if not entity.visible:
            return
        matrix, w, h = placement(entity, art, view, t)
        longest = max(w, h) * _scale(matrix)
        colour = _recolour(entity)
        picture = raster(art, longest, colour, self.outline)
        image = art_material((art.key, bucket(longest), colour, self.outline), picture.image,
                             self.material)
        canvas.save()
        canvas.concat(matrix)
        paint = skia.Paint(AntiAlias=True, ColorFilter=self._light(entity))
        if alpha < 1.0:
            paint.setAlphaf(alpha)
        canvas.drawImageRect(image, _dest(picture, w, h, self.outline), SMOOTH, paint)
        canvas.restore()

    def silhouette(self, canvas: skia.Canvas, entity: EntityFrame, art: Artwork, view: View,
                   t: float, colour: int) -> None:
        """Fill the entity's opaque pixels with ``colour``, hard-edged (instance masks).

        The artwork is drawn exactly as in the picture, then its alpha is thresholded, so
        the mask is the drawn thing pixel for pixel.
        """
        if not entity.visible:
            return
        matrix, w, h = placement(entity, art, view, t)
        picture = raster(art, max(w, h) * _scale(matrix))
        canvas.save()
        canvas.concat(matrix)
        solid = skia.ColorFilters.Compose(
            skia.ColorFilters.Blend(colour, skia.BlendMode.kSrcIn), _THRESHOLD)
        paint = skia.Paint(AntiAlias=False, ColorFilter=solid)
        canvas.drawImageRect(picture.image, _dest(picture, w, h, 0), SMOOTH, paint)
        canvas.restore()

    def _light(self, entity: EntityFrame) -> skia.ColorFilter:
        return light_filter(self.ambient, self.haze, entity.depth)


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
    matrix.preScale(move.sx * mirror, move.sy)
    return matrix, bw * ppm, bh * ppm


def secondary(entity: EntityFrame, w: float, h: float, t: float) -> Secondary:
    """Motion that sells the simulated action, as a function of the frame alone."""
    arch, s = entity.archetype, entity.size
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
