"""Artwork as pixels: each icon at each size (and colour, and outline) made once, cached.

Sizes are cut from the icon's large master picture (``masters``), so no SVG is rendered
while a clip is made; a frame only draws cached images. Sizes are rounded up to steps of
about 9 %, so a thing that grows or a camera that zooms reuses a handful of rasters, always
drawn a little smaller than rasterised (sharp, never blurry).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import cv2
import numpy as np
import skia

from openreel.engines.procedural.art.library import Artwork
from openreel.engines.procedural.art.masters import MASTER_SIDE, master, render_svg

RGB = tuple[int, int, int]
STEPS_PER_OCTAVE = 8
MAX_SIDE = 2048
CACHE_BYTES = 256 * 2**20  # rasters kept, least recently used dropped first
OUTLINE_INK: RGB = (25, 20, 30)


@dataclass(frozen=True, slots=True)
class Raster:
    """An icon at one pixel size."""

    image: skia.Image
    width: int
    height: int


def bucket(pixels: float) -> int:
    """The raster size used for a wanted size: the next step up, at least 4 pixels."""
    pixels = min(max(pixels, 4.0), MAX_SIDE)
    step = math.ceil(math.log2(pixels) * STEPS_PER_OCTAVE - 1e-9)
    return min(math.ceil(2.0 ** (step / STEPS_PER_OCTAVE)), MAX_SIDE)


_lock = threading.Lock()
_cache: OrderedDict[tuple[str, int, RGB | None, int], Raster] = OrderedDict()
_cached_bytes = 0


def raster(art: Artwork, longest_px: float, colour: RGB | None = None,
           outline_px: int = 0) -> Raster:
    """The artwork rasterised with its longest side about ``longest_px`` (rounded up),
    recoloured toward ``colour`` when given, with a dark outline when ``outline_px`` > 0."""
    global _cached_bytes
    side = bucket(longest_px)
    key = (art.key, side, colour, outline_px)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
        made = _make(art, side, colour, outline_px)
        _cache[key] = made
        _cached_bytes += 4 * made.width * made.height
        while _cached_bytes > CACHE_BYTES and len(_cache) > 1:
            _, dropped = _cache.popitem(last=False)
            _cached_bytes -= 4 * dropped.width * dropped.height
        return made


def _make(art: Artwork, side: int, colour: RGB | None, outline_px: int) -> Raster:
    w, h = art.extent(float(side))
    pw, ph = max(round(w), 1), max(round(h), 1)
    pad = outline_px
    if side <= 2 * MASTER_SIDE:
        # cut from the icon's large picture: a resize, not another SVG render (a second
        # each at these sizes). Larger than the master, it is enlarged at most twice: a
        # thing that big fills the frame (a tree, a bus in close-up) and stays sharp enough
        big = master(art)
        small = cv2.resize(big, (pw, ph), interpolation=cv2.INTER_AREA if pw < big.shape[1]
                           else cv2.INTER_LINEAR)  # linear: no overshoot past alpha
        pixels = np.zeros((ph + 2 * pad, pw + 2 * pad, 4), np.uint8)
        pixels[pad:pad + ph, pad:pad + pw] = small
    else:
        pixels = render_svg(art, pw, ph, pad)
    if colour is not None:
        pixels = recolour(pixels, art, colour)
    if outline_px > 0:
        pixels = _outlined(pixels, outline_px)
    return Raster(_image(pixels), pixels.shape[1], pixels.shape[0])


def _image(premultiplied: np.ndarray) -> skia.Image:
    return skia.Image.fromarray(np.ascontiguousarray(premultiplied),
                                colorType=skia.kRGBA_8888_ColorType,
                                alphaType=skia.kPremul_AlphaType)


def recolour(premultiplied: np.ndarray, art: Artwork, colour: RGB) -> np.ndarray:
    """Shift the artwork's main colour to ``colour``, keeping its shading.

    Pixels near the main hue (the paint of a car, the fur of a cat) take the new hue and
    have their saturation and value scaled so the typical pixel lands on the new colour;
    details in other colours (tyres, windows, eyes) stay. Achromatic art is tinted whole.
    """
    alpha = premultiplied[..., 3:4].astype(np.float32)
    safe = np.maximum(alpha, 1.0)
    rgb = np.clip(premultiplied[..., :3].astype(np.float32) * 255.0 / safe, 0, 255)
    hsv = cv2.cvtColor(rgb.astype(np.uint8), cv2.COLOR_RGB2HSV_FULL).astype(np.float32)
    target = cv2.cvtColor(np.array([[colour]], np.uint8), cv2.COLOR_RGB2HSV_FULL)[0, 0]
    th, ts, tv = float(target[0]), float(target[1]) / 255, float(target[2]) / 255
    hue, sat, val = hsv[..., 0], hsv[..., 1] / 255, hsv[..., 2] / 255
    if art.hue is None or art.sat is None:
        region = np.ones(hue.shape, bool)
        base_s, base_v = max(float(np.median(sat)), 0.05), art.val
    else:
        centre = art.hue * 256 / 360
        near = np.abs((hue - centre + 128) % 256 - 128) < 25 * 256 / 360
        region = near & (sat > 0.2)
        base_s, base_v = art.sat, art.val
    new_s = np.clip(sat * (ts / max(base_s, 0.05)), 0, 1)
    new_v = np.clip(val * (tv / max(base_v, 0.05)), 0, 1)
    hsv[..., 0] = np.where(region, th, hue)
    hsv[..., 1] = np.where(region, new_s * 255, hsv[..., 1])
    hsv[..., 2] = np.where(region, new_v * 255, hsv[..., 2])
    out_rgb = cv2.cvtColor(hsv.clip(0, 255).astype(np.uint8), cv2.COLOR_HSV2RGB_FULL)
    out = premultiplied.copy()
    # only the recoloured region is written back: elsewhere the pixels stay bit for bit
    shaded = (out_rgb.astype(np.float32) * alpha / 255.0).round().astype(np.uint8)
    out[..., :3] = np.where(region[..., None], shaded, premultiplied[..., :3])
    return out


def _outlined(premultiplied: np.ndarray, width: int) -> np.ndarray:
    """The picture over a dark rim ``width`` pixels wide around its opaque shape."""
    alpha = premultiplied[..., 3]
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1, 2 * width + 1))
    rim = cv2.dilate(alpha, kernel).astype(np.float32) / 255.0
    a = alpha.astype(np.float32)[..., None] / 255.0
    ink = np.array([*OUTLINE_INK, 255], np.float32) * rim[..., None]
    out = premultiplied.astype(np.float32) + ink * (1.0 - a)
    return out.round().clip(0, 255).astype(np.uint8)
