"""Backdrops: the sky, far and mid parallax layers, ground and near layer of every place.

Static layers are painted once per shot into images; each frame only places them (with
parallax) and draws the ground band, so frames stay cheap. What each place looks like is
data (``places.scenery.SETS``); this module paints that data at one frame size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, Light, mix
from openreel.engines.procedural.render.places.canvas import Context, Frame, fill
from openreel.engines.procedural.render.places.floors import (
    MATERIAL_COLOURS,
    MATERIAL_PATTERNS,
    Tufts,
    floor_colour,
    floor_texture,
)
from openreel.engines.procedural.render.places.scenery import set_of
from openreel.engines.procedural.render.places.sets import PlaceSet
from openreel.engines.procedural.render.places.sky import SkyStyle, paint_sky
from openreel.engines.procedural.render.places.terrain import ridge_path
from openreel.spec import PLACES, Environment

LAYER_WIDTH = 2.2  # painted layers are this many frames wide, so the camera can pan
# how far each layer is (0 near … 1 on the horizon): rooms are shallow, the outdoors deep
_DISTANCE = {False: (0.4, 0.12), True: (0.06, 0.02)}


@dataclass
class Backdrop:
    """The painted layers of one shot."""

    sky: skia.Image
    far: skia.Image | None
    mid: skia.Image | None
    ground: RGB
    ground_texture: skia.Shader | None
    near: skia.Image | None
    has_ground: bool
    water_surface: bool


def paint_backdrop(env: Environment, light: Light, width: int, height: int,
                   ground_px: float, seed: int, surreal: bool = False,
                   sky_style: SkyStyle | None = None) -> Backdrop:
    """Paint the static layers of a place for frames of this size.

    ``sky_style`` lets a look restyle every sky (cloud count, ink, flat bands).
    """
    rng = np.random.default_rng(seed)
    scene = set_of(env.place)
    floor, pattern = _floor(env, scene)
    base = floor_colour(floor, light)
    texture = floor_texture(pattern, base, rng)
    sky = skia.Surface(width, height)
    paint_sky(sky.getCanvas(), env, light, scene.sky, width, height, ground_px, rng,
              sky_style or SkyStyle())
    if surreal:
        _surreal(sky.getCanvas(), width, height, ground_px, light, rng)
    frame = Frame(int(width * LAYER_WIDTH), height, ground_px, width)
    far_distance, mid_distance = _DISTANCE[scene.indoor]
    ctx = Context(frame, light, rng, base, texture)
    far = _layer(scene.far, ctx, far_distance)
    mid = _layer(scene.mid, ctx, mid_distance)
    near_elements = scene.near
    if env.ground is not None and env.ground != PLACES[env.place].ground:
        near_elements = tuple(e for e in near_elements if not isinstance(e, Tufts))
    near = _layer(near_elements, ctx, 0.0) if ground_px < height * 0.95 else None
    ground = env.resolved_ground()
    return Backdrop(sky=sky.makeImageSnapshot(), far=far, mid=mid, ground=base,
                    ground_texture=texture, near=near,
                    has_ground=env.place != "space" and ground != "none",
                    water_surface=env.place == "ocean")


def _floor(env: Environment, scene: PlaceSet) -> tuple[RGB, str]:
    """The colour and pattern of the ground band: a floor the prompt names, else the
    place's own."""
    place = PLACES[env.place]
    if env.ground is not None and env.ground != place.ground:
        return MATERIAL_COLOURS.get(env.ground, (120, 120, 120)), MATERIAL_PATTERNS.get(
            env.ground, "plain")
    ground = "sand" if place.medium == "water" else place.ground
    colour = scene.floor_colour or MATERIAL_COLOURS.get(ground, (120, 120, 120))
    return colour, scene.floor or MATERIAL_PATTERNS.get(ground, "plain")


def _layer(elements: tuple[object, ...], ctx: Context, distance: float) -> skia.Image | None:
    """Paint elements into a transparent layer as wide as ``ctx.frame``."""
    if not elements:
        return None
    surface = skia.Surface(ctx.frame.w, ctx.frame.h)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    ctx.distance = distance
    for element in elements:
        element.paint(canvas, ctx)  # type: ignore[attr-defined]
    return surface.makeImageSnapshot()


def _surreal(canvas: skia.Canvas, w: int, h: int, ground_px: float, light: Light,
             rng: np.random.Generator) -> None:
    """A mirrored world hangs from the sky, and islands float in between."""
    canvas.save()
    canvas.translate(0, ground_px * 0.35)
    canvas.scale(1, -1)
    canvas.drawPath(ridge_path(w, ground_px * 0.35, h * 0.12, 4, rng),
                    fill(mix((150, 90, 170), light.haze, 0.4)))
    canvas.restore()
    for _ in range(3):
        x, y, s = rng.uniform(0.1, 0.9) * w, rng.uniform(0.3, 0.6) * ground_px, w * 0.08
        rock = skia.Path()
        rock.moveTo(x - s, y)
        rock.lineTo(x + s, y)
        rock.lineTo(x + s * 0.2, y + s * 0.9)
        rock.close()
        canvas.drawPath(rock, fill((140, 100, 150)))
        canvas.drawOval(skia.Rect.MakeXYWH(x - s, y - s * 0.15, 2 * s, s * 0.3),
                        fill((120, 200, 150)))
