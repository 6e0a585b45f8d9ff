"""Materials: how a look fills and inks a shape, whether it comes from a rig or from art.

Rig parts are vector paths filled here with the look's shading (a lit, rounded gradient
with a specular glint and a fine texture; a soft cel band; or two hard cel tones) and
inked with its outline. Artwork is a raster: it is made over once per raster size (its
gradients flattened into cel tones, or shaded as a rounded, lit, textured form) and the
result cached, so frames only draw cached images.

The light comes from the upper left of the screen whatever a part's own rotation: its
direction is mapped into each part's frame through the canvas's matrix.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from collections.abc import Hashable

import cv2
import numpy as np
import skia
from PIL import Image
from scipy import ndimage

from openreel.engines.procedural.render.images import to_array, to_image
from openreel.engines.procedural.render.looks import Material, Shading
from openreel.engines.procedural.render.palette import RGB, shade

LIGHT = (-0.55, -0.835)  # towards the light, on screen (y down): up and to the left
LIGHT_3D = np.array([-0.45, -0.62, 0.64], np.float32)  # the same light, out of the screen
CACHE_BYTES = 128 * 2**20


def _texture_tile() -> skia.Shader:
    """A fine, mid-grey noise tile: overlaid on a fill it gives the fill a material grain."""
    rng = np.random.default_rng(41)
    # blurred with wrap-around so the tile repeats without seams: fine tooth, broad mottle
    fine = ndimage.gaussian_filter(rng.normal(0.0, 1.0, (96, 96)), 0.8, mode="wrap")
    broad = ndimage.gaussian_filter(rng.normal(0.0, 1.0, (96, 96)), 6.0, mode="wrap")
    noise = fine / fine.std() + 0.6 * broad / broad.std()
    noise /= noise.std()
    grey = np.clip(128 + 40 * noise, 0, 255).astype(np.uint8)
    rgba = np.dstack([grey, grey, grey, np.full_like(grey, 255)])
    image = skia.Image.fromarray(np.ascontiguousarray(rgba), colorType=skia.kRGBA_8888_ColorType)
    return image.makeShader(skia.TileMode.kRepeat, skia.TileMode.kRepeat,
                            skia.SamplingOptions(skia.FilterMode.kLinear))


_TEXTURE = _texture_tile()


@functools.cache
def _grain(texture: float) -> skia.Paint:
    """A paint that overlays the material grain on what is under it."""
    # mid grey laid over the noise tile: the more grey, the finer the grain
    grey = _c((128, 128, 128), int(255 * (1 - 0.25 * min(texture, 1.0))))
    return skia.Paint(AntiAlias=True, BlendMode=skia.BlendMode.kOverlay,
                      Shader=_TEXTURE.makeWithColorFilter(
                          skia.ColorFilters.Blend(grey, skia.BlendMode.kSrcOver)))


def light_direction(canvas: skia.Canvas) -> tuple[float, float]:
    """The direction towards the light in the canvas's current (part's) frame, unit length."""
    inverse = skia.Matrix()
    if not canvas.getTotalMatrix().invert(inverse):
        return LIGHT
    v = inverse.mapVector(*LIGHT)
    n = math.hypot(v.x(), v.y()) or 1.0
    return v.x() / n, v.y() / n


def _c(rgb: RGB, alpha: int = 255) -> int:
    return skia.Color(int(rgb[0]), int(rgb[1]), int(rgb[2]), alpha)


def fill_shape(canvas: skia.Canvas, path: skia.Path, lit: RGB, material: Material,
               outline: float) -> None:
    """Fill ``path`` in colour ``lit`` with the material's shading; ink it when ``outline``."""
    box = path.getBounds()
    cx, cy = box.centerX(), box.centerY()
    reach = max(box.width(), box.height()) / 2 or 1.0
    lx, ly = light_direction(canvas)
    dark = shade(lit, material.shadow)
    paint = skia.Paint(AntiAlias=True)
    if material.shading is Shading.GRADIENT:
        shader = skia.GradientShader.MakeRadial(
            skia.Point(cx + lx * reach * 0.45, cy + ly * reach * 0.45), reach * 1.55,
            [_c(shade(lit, 1.14)), _c(lit), _c(dark)], [0.0, 0.36, 1.0])
        paint.setShader(shader)
        canvas.drawPath(path, paint)
        if material.texture > 0:
            canvas.drawPath(path, _grain(material.texture))
    elif material.shading is Shading.SOFT:
        paint.setShader(skia.GradientShader.MakeLinear(
            [skia.Point(cx + lx * reach, cy + ly * reach),
             skia.Point(cx - lx * reach, cy - ly * reach)],
            [_c(shade(lit, 1.12)), _c(lit), _c(lit), _c(dark), _c(dark)],
            [0.0, 0.3, 0.5, 0.64, 1.0]))
        canvas.drawPath(path, paint)
    else:
        paint.setColor(_c(lit))
        canvas.drawPath(path, paint)
        _cel_tone(canvas, path, dark, -lx * reach * 0.38, -ly * reach * 0.38, 255)
    if material.specular > 0:
        _glint(canvas, path, lit, material, cx + lx * reach * 0.5, cy + ly * reach * 0.5,
               reach, lx, ly)
    if outline > 0:
        canvas.drawPath(path, skia.Paint(Color=_c(material.ink), AntiAlias=True,
                                         Style=skia.Paint.kStroke_Style, StrokeWidth=outline,
                                         StrokeJoin=skia.Paint.kRound_Join))


def _cel_tone(canvas: skia.Canvas, path: skia.Path, colour: RGB, dx: float, dy: float,
              alpha: int) -> None:
    """Paint the crescent of ``path`` on the side (dx, dy) points to: the part of it that
    a copy moved by (-dx, -dy) does not cover."""
    shifted = skia.Path(path)
    shifted.offset(-dx, -dy)
    # a path operation costs a third of clipping to the two paths with anti-aliasing
    crescent = skia.Op(path, shifted, skia.PathOp.kDifference_PathOp)
    if crescent is not None:
        canvas.drawPath(crescent, skia.Paint(Color=_c(colour, alpha), AntiAlias=True))


def _glint(canvas: skia.Canvas, path: skia.Path, lit: RGB, material: Material, x: float,
           y: float, reach: float, lx: float, ly: float) -> None:
    """Where the light glances off: a soft hot spot, or a hard crescent for cel looks."""
    if material.shading is Shading.CEL:
        _cel_tone(canvas, path, shade(lit, 1.35), lx * reach * 0.12, ly * reach * 0.12,
                  int(200 * min(material.specular, 1.0)))
        return
    alpha = int(190 * min(material.specular, 1.0))
    paint = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeRadial(
        skia.Point(x, y), reach * 0.42,
        [skia.Color(255, 255, 250, alpha), skia.Color(255, 255, 250, 0)]))
    canvas.drawPath(path, paint)


# -- artwork ------------------------------------------------------------------------------------
_lock = threading.Lock()
_cache: OrderedDict[Hashable, skia.Image] = OrderedDict()
_cached_bytes = 0


def art_material(key: Hashable, image: skia.Image, material: Material) -> skia.Image:
    """A rasterised artwork made over in ``material`` (cached under ``key``)."""
    global _cached_bytes
    if material.bands == 0 and material.shading is not Shading.GRADIENT and \
            abs(material.saturation - 1.0) < 1e-3:
        return image
    full = (key, material)
    with _lock:
        hit = _cache.get(full)
        if hit is not None:
            _cache.move_to_end(full)
            return hit
    made = _made_over(image, material)
    with _lock:
        _cache[full] = made
        _cached_bytes += 4 * made.width() * made.height()
        while _cached_bytes > CACHE_BYTES and len(_cache) > 1:
            _, dropped = _cache.popitem(last=False)
            _cached_bytes -= 4 * dropped.width() * dropped.height()
    return made


def _made_over(image: skia.Image, material: Material) -> skia.Image:
    pixels = to_array(image)
    rgb = pixels[..., :3].astype(np.float32)
    alpha = pixels[..., 3]
    if material.bands:
        rgb = flat_colours(pixels, 2 * material.bands + 2).astype(np.float32)
    if material.shading is Shading.GRADIENT:
        rgb = _rounded(rgb, alpha, material)
    if abs(material.saturation - 1.0) > 1e-3:
        grey = rgb @ np.array([0.2126, 0.7152, 0.0722], np.float32)
        rgb = grey[..., None] + (rgb - grey[..., None]) * material.saturation
    out = pixels.copy()
    out[..., :3] = np.clip(rgb, 0, 255).astype(np.uint8)
    return to_image(out)


def flat_colours(pixels: np.ndarray, colours: int) -> np.ndarray:
    """The picture's colours reduced to ``colours`` flat ones (no dithering): cel fills.

    Pixels that are nearly transparent take no part in choosing the colours.
    """
    alpha = pixels[..., 3]
    rgb = np.ascontiguousarray(pixels[..., :3])
    solid = alpha > 40
    if not solid.any():
        return rgb
    filler = rgb[solid].mean(axis=0).astype(np.uint8)
    rgb = np.where(solid[..., None], rgb, filler)
    quantised = Image.fromarray(rgb, "RGB").quantize(colours, Image.Quantize.MEDIANCUT, kmeans=3,
                                                     dither=Image.Dither.NONE)
    return np.asarray(quantised.convert("RGB"))


def _rounded(rgb: np.ndarray, alpha: np.ndarray, material: Material) -> np.ndarray:
    """Shade a flat picture as a rounded form: its silhouette read as a bevelled height
    field (from the distance to its edge), lit from the upper left, with a specular
    glint, occlusion in the creases at its rim and a fine material grain."""
    h, w = alpha.shape
    solid = (alpha > 127).astype(np.uint8)
    distance = cv2.distanceTransform(solid, cv2.DIST_L2, 5)
    depth = max(min(float(distance.max()), 0.22 * min(h, w)), 1.0)
    t = np.clip(distance / depth, 0.0, 1.0)
    height = np.sqrt(1 - (1 - t) ** 2) * depth  # a quarter-round bevel
    height = cv2.GaussianBlur(height, (0, 0), max(depth * 0.08, 0.8))
    gx = cv2.Sobel(height, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(height, cv2.CV_32F, 0, 1, ksize=3) / 8
    norm = np.sqrt(gx * gx + gy * gy + 1)
    nx, ny, nz = -gx / norm, -gy / norm, 1 / norm
    diffuse = np.clip(nx * LIGHT_3D[0] + ny * LIGHT_3D[1] + nz * LIGHT_3D[2], 0, 1)
    half = LIGHT_3D + np.array([0, 0, 1], np.float32)
    half /= np.linalg.norm(half)
    glance = np.clip(nx * half[0] + ny * half[1] + nz * half[2], 0, 1) ** 24
    occlusion = 0.72 + 0.28 * np.clip(t * 2.5, 0, 1)
    light = (0.55 + 0.6 * diffuse) * occlusion / (0.55 + 0.6 * float(LIGHT_3D[2]))
    lit = rgb * light[..., None]
    if material.texture > 0:
        rng = np.random.default_rng(h * 7919 + w)
        grain = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.7)
        lit *= (1 + 0.06 * material.texture * grain / max(float(grain.std()), 1e-6))[..., None]
    return lit + 255 * 0.35 * material.specular * glance[..., None]
