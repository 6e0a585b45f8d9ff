"""Once per shot, the painted backdrop is made over in the look's manner.

Anime flattens the sky into saturated bands under towering clouds and the layers into
cel tones; watercolour softens every layer into washes with pigment pooled at their
edges; filmed looks blur what stands behind the subject (depth of field). The backdrop
painters stay as they are: this works on the images they made, once, so frames pay
nothing for it.
"""

from __future__ import annotations

import math
from dataclasses import replace

import cv2
import numpy as np
import skia

from openreel.engines.procedural.render.backdrop import Backdrop
from openreel.engines.procedural.render.images import to_array, to_image
from openreel.engines.procedural.render.looks import Look
from openreel.engines.procedural.render.palette import RGB, Light, mix

CLOUD_INK: RGB = (70, 90, 150)


def flatten(pixels: np.ndarray, tones: int, saturation: float = 1.0) -> np.ndarray:
    """Colours kept, lightness cut into ``tones`` flat steps (cel-painted), chroma scaled."""
    hsv = cv2.cvtColor(np.ascontiguousarray(pixels[..., :3]), cv2.COLOR_RGB2HSV_FULL)
    value = hsv[..., 2].astype(np.float32) / 255
    # steps centred on the band's middle, so a band keeps its average brightness
    stepped = (np.minimum(np.floor(value * tones), tones - 1) + 0.5) / tones
    hsv[..., 2] = np.clip(stepped * 255, 0, 255).astype(np.uint8)
    hsv[..., 1] = np.clip(hsv[..., 1].astype(np.float32) * saturation, 0, 255).astype(np.uint8)
    out = pixels.copy()
    out[..., :3] = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB_FULL)
    return out


def washed(pixels: np.ndarray, k: float) -> np.ndarray:
    """A layer as a watercolour wash: softened, blotchy, darker where the wash dried."""
    out = pixels.copy()
    rgb = cv2.GaussianBlur(pixels[..., :3], (0, 0), 1.6 * k).astype(np.float32)
    alpha = pixels[..., 3].astype(np.float32) / 255
    # pigment pools where the wash stopped: just inside the edge of the painted shape
    inside = cv2.GaussianBlur(alpha, (0, 0), 3.0 * k)
    rim = np.clip((alpha - inside) * 3.0, 0.0, 1.0)
    rgb *= (1 - 0.3 * rim)[..., None]
    out[..., :3] = np.clip(rgb, 0, 255).astype(np.uint8)
    # a wash's edge is soft and a little ragged, never a vector-sharp line
    out[..., 3] = np.clip(cv2.GaussianBlur(alpha, (0, 0), 0.9 * k) * 255, 0, 255).astype(np.uint8)
    return out


def textured(pixels: np.ndarray, amount: float, k: float,
             rng: np.random.Generator) -> np.ndarray:
    """A layer with a material grain: fine tooth and a broader mottle, never flat paint."""
    h, w = pixels.shape[:2]
    fine = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.8 * k)
    broad = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 9 * k)
    grain = fine / max(float(fine.std()), 1e-6) + 0.4 * broad / max(float(broad.std()), 1e-6)
    out = pixels.copy()
    shaded = pixels[..., :3].astype(np.float32) * (1 + 0.035 * amount * grain)[..., None]
    out[..., :3] = np.clip(shaded, 0, 255).astype(np.uint8)
    return out


def _cloud(canvas: skia.Canvas, x: float, base: float, size: float, light: Light,
           rng: np.random.Generator, ink: float) -> None:
    """A towering cumulus: billows on a flat base, a scalloped band of shade along its
    underside, inked round the whole."""
    body = skia.Path()
    body.addRoundRect(skia.Rect.MakeXYWH(x - size * 0.6, base - size * 0.25, size * 1.2,
                                         size * 0.25), size * 0.12, size * 0.12)
    body.addRoundRect(skia.Rect.MakeXYWH(x - size * 0.42, base - size * 0.6, size * 0.84,
                                         size * 0.6), size * 0.2, size * 0.2)
    for k in range(9):
        u = k / 8
        arch = math.sin(math.pi * u)
        r = size * (0.15 + 0.13 * arch) * rng.uniform(0.9, 1.1)
        body.addCircle(x + (u - 0.5) * size * 1.05, base - size * (0.22 + 0.48 * arch ** 1.5), r)
    # one outline around the whole billow, not a ring per puff
    body = skia.Op(body, skia.Path(), skia.PathOp.kUnion_PathOp) or body
    underside = skia.Path()
    underside.addRect(skia.Rect.MakeLTRB(x - size, base - size * 0.12, x + size, base + size))
    for k in range(9):
        r = size * rng.uniform(0.08, 0.12)
        underside.addCircle(x + (k / 8 - 0.5) * size * 1.1, base - size * 0.13, r)
    underside = skia.Op(underside, body, skia.PathOp.kIntersect_PathOp) or underside
    lit = mix((255, 255, 255), light.sun, 0.1)
    shadow = mix((236, 236, 250), light.sky_top, 0.25)
    canvas.drawPath(body, skia.Paint(Color=skia.Color(*lit), AntiAlias=True))
    canvas.drawPath(underside, skia.Paint(Color=skia.Color(*shadow), AntiAlias=True))
    if ink > 0:
        canvas.drawPath(body, skia.Paint(Color=skia.Color(*CLOUD_INK, 170), AntiAlias=True,
                                         Style=skia.Paint.kStroke_Style, StrokeWidth=ink))


def clouded(sky: skia.Image, light: Light, ground_px: float, ink: float,
            seed: int) -> skia.Image:
    """The sky with big stylised clouds standing on the horizon."""
    w, h = sky.width(), sky.height()
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.drawImage(sky, 0, 0)
    rng = np.random.default_rng(seed + 17)
    horizon = min(max(ground_px, h * 0.25), h * 0.95)
    side = rng.choice([-1.0, 1.0])
    for x, size, lift in ((0.5 + side * 0.3, 0.75, 0.12), (0.5 - side * 0.28, 0.45, 0.3)):
        _cloud(canvas, x * w, horizon * (1 - lift), w * size, light, rng, ink)
    return surface.makeImageSnapshot()


def dimmed(image: skia.Image, amount: float) -> skia.Image:
    """An image darkened by ``amount`` (0..1)."""
    pixels = to_array(image)
    pixels[..., :3] = (pixels[..., :3] * (1 - amount)).astype(np.uint8)
    return to_image(pixels)


def blurred(image: skia.Image | None, sigma: float,
            edges: skia.TileMode = skia.TileMode.kDecal) -> skia.Image | None:
    """An image blurred (once per shot): what the lens leaves out of focus."""
    if image is None or sigma <= 0:
        return image
    surface = skia.Surface(image.width(), image.height())
    surface.getCanvas().clear(skia.ColorTRANSPARENT)
    surface.getCanvas().drawImage(image, 0, 0, skia.SamplingOptions(), skia.Paint(
        ImageFilter=skia.ImageFilters.Blur(sigma, sigma, edges)))
    return surface.makeImageSnapshot()


def restyle_backdrop(backdrop: Backdrop, look: Look, light: Light, *, outdoor: bool,
                     ground_px: float, close: bool, seed: int) -> Backdrop:
    """The backdrop of a shot made over in ``look``'s manner."""
    scenery = look.scenery
    w = backdrop.sky.width()
    k = w / 720
    sky, far, mid, near = backdrop.sky, backdrop.far, backdrop.mid, backdrop.near
    layers = [far, mid, near]
    if scenery.sky_bands:
        # a night sky is dark: more bands keep the moon's halo round
        bands = scenery.sky_bands * (3 if light.night else 1)
        sky = to_image(flatten(to_array(sky), bands, saturation=1.35))
    if scenery.big_clouds and outdoor and not light.night:
        sky = clouded(sky, light, ground_px, max(look.material.outline * k * 0.6, 1.0), seed)
    if scenery.flat:
        layers = [None if layer is None else to_image(flatten(to_array(layer), scenery.flat,
                                                              saturation=1.2))
                  for layer in layers]
    if scenery.texture > 0:
        rng = np.random.default_rng(seed + 29)
        layers = [None if layer is None else to_image(textured(to_array(layer), scenery.texture,
                                                               k, rng))
                  for layer in layers]
    if scenery.wash > 0:
        sky = to_image(washed(to_array(sky), k))
        layers = [None if layer is None else to_image(washed(to_array(layer), k))
                  for layer in layers]
    far, mid, near = layers
    ground, texture = backdrop.ground, backdrop.ground_texture
    if scenery.dim > 0:
        sky, far, mid, near = (None if image is None else dimmed(image, scenery.dim)
                               for image in (sky, far, mid, near))
        assert sky is not None
        keep = 1 - scenery.dim
        ground = (int(ground[0] * keep), int(ground[1] * keep), int(ground[2] * keep))
        if texture is not None:
            texture = texture.makeWithColorFilter(skia.ColorFilters.Matrix(
                [keep, 0, 0, 0, 0, 0, keep, 0, 0, 0, 0, 0, keep, 0, 0, 0, 0, 0, 1, 0]))
    sigma = w * (0.006 if close else look.lens.depth_of_field)
    if sigma > 0:
        # the subject sharp, the world behind it soft (blurred once per shot, so a moving
        # camera costs nothing more)
        sky = blurred(sky, sigma, skia.TileMode.kClamp) or sky
        far = blurred(far, sigma * 1.2)
        mid = blurred(mid, sigma * 0.8)
    return replace(backdrop, sky=sky, far=far, mid=mid, near=near, ground=ground,
                   ground_texture=texture)
