"""Laying a shot's painted backdrop into each frame, with parallax, as cheaply as it allows.

On the CPU the dearest thing a frame does is blend whole-frame images (several
milliseconds each at 720×1280), so each layer is laid down in the cheapest way that gives
the same pixels:

- the sky is opaque and frame-sized: its bytes are copied;
- the far, mid and near layers are drawn only over the rows where they have paint, and
  not below the ground line that the ground band covers anyway;
- the ground band (its repeating texture and the shade that darkens it toward the
  viewer) is painted once per ground line into a strip a texture tile wider than the
  frame, then copied at the camera's offset, so a pan costs a copy, not a fill;
- while the camera holds still (most frames of most shots) the laid backdrop is kept and
  copied back.

A photo given as the first frame is the backdrop instead, drifting with depth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.backdrop import Backdrop
from openreel.engines.procedural.render.places.floors import TILE
from openreel.engines.procedural.render.view import View

# how dark the ground gets toward the bottom of the frame (alpha of black, 0..255)
_NEAR_SHADE = 70


@dataclass(frozen=True, slots=True)
class _Band:
    """The rows of a layer that hold paint: the layer cut to them, and where they start."""

    image: skia.Image
    top: int


def _band(layer: skia.Image) -> _Band | None:
    alpha = layer.toarray(colorType=skia.kAlpha_8_ColorType, alphaType=skia.kPremul_AlphaType)
    rows = np.flatnonzero(alpha.max(axis=1))
    if rows.size == 0:
        return None
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    return _Band(layer.makeSubset(skia.IRect.MakeLTRB(0, top, layer.width(), bottom)), top)


class BackdropPlacer:
    """Lays one shot's backdrop into frames of ``width`` × ``height``."""

    def __init__(self, backdrop: Backdrop, width: int, height: int) -> None:
        self.backdrop, self.width, self.height = backdrop, width, height
        # premultiplied as the frame is (an opaque sky reads the same either way)
        sky = backdrop.sky.toarray(colorType=skia.kRGBA_8888_ColorType,
                                   alphaType=skia.kPremul_AlphaType)
        opaque = sky.shape[:2] == (height, width) and bool(sky[..., 3].min() == 255)
        self._sky = np.ascontiguousarray(sky) if opaque else None
        self._bands = {name: _band(layer) if layer is not None else None
                       for name, layer in (("far", backdrop.far), ("mid", backdrop.mid),
                                           ("near", backdrop.near))}
        paint = skia.Paint(Color=skia.Color(*backdrop.ground))
        if backdrop.ground_texture is not None:
            paint.setShader(backdrop.ground_texture)
        self._ground_paint = paint
        self._strip: tuple[tuple[int, float], np.ndarray] | None = None
        self._held: tuple[tuple[float, float, float], np.ndarray] | None = None

    def place(self, canvas: skia.Canvas, pixels: np.ndarray, view: View, rest: View,
              t: float, water_level: float | None) -> None:
        """Lay the backdrop for ``view`` into ``pixels`` (the bytes ``canvas`` draws into;
        ``rest`` is the shot's first view, against which parallax is measured)."""
        b = self.backdrop
        moving_water = b.water_surface and water_level is not None
        key = (view.cx, view.cy, view.ppm)
        if self._held is not None and self._held[0] == key and not moving_water:
            np.copyto(pixels, self._held[1])
            return
        self._lay(canvas, pixels, view, rest)
        if moving_water:
            assert water_level is not None
            self._water(canvas, view, t, water_level)
            return
        held = self._held[1] if self._held is not None else np.empty_like(pixels)
        np.copyto(held, pixels)
        self._held = (key, held)

    def _lay(self, canvas: skia.Canvas, pixels: np.ndarray, view: View, rest: View) -> None:
        b, w, h = self.backdrop, self.width, self.height
        if self._sky is not None:
            np.copyto(pixels, self._sky)
        else:
            canvas.drawImage(b.sky, 0, 0)
        _, gy = view.to_px(0.0, 0.0)
        ground = b.has_ground and gy < h
        # rows from here down are the ground band's, painted over whatever lies there
        ground_row = min(max(math.ceil(gy - 0.5), 0), h) if ground else h
        lift = (view.cy - rest.cy) * view.ppm
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(0, 0, w, ground_row))
        for name, factor in (("far", 0.12), ("mid", 0.35)):
            band = self._bands[name]
            if band is not None:
                x = -(band.image.width() - w) / 2 - view.pan * view.ppm * factor
                canvas.drawImage(band.image, x, lift * factor * 2 + band.top)
        canvas.restore()
        if not ground:
            return
        self._ground(pixels, view, gy, ground_row)
        near = self._bands["near"]
        if near is not None:
            x = -(near.image.width() - w) / 2 - view.pan * view.ppm * 1.3
            canvas.drawImage(near.image, x, gy - rest.to_px(0.0, 0.0)[1] + near.top)

    def _ground(self, pixels: np.ndarray, view: View, gy: float, ground_row: int) -> None:
        """Copy the ground band in at the camera's offset (the texture moves with it)."""
        w, h = self.width, self.height
        key = (ground_row, round(gy - ground_row, 2))
        if self._strip is None or self._strip[0] != key:
            self._strip = (key, self._paint_strip(gy, ground_row))
        strip = self._strip[1]
        # the texture repeats every tile: the camera's offset is taken within one
        offset = math.floor(view.cx * view.ppm) % TILE
        pixels[ground_row:h] = strip[:, offset:offset + w]

    def _paint_strip(self, gy: float, ground_row: int) -> np.ndarray:
        """The ground band from ``ground_row`` down, a tile wider than the frame: its
        texture and the shade that darkens it toward the bottom of the frame."""
        w, h = self.width, self.height
        rows = h - ground_row
        strip = np.zeros((rows, w + TILE, 4), np.uint8)
        if rows == 0:
            return strip
        surface = skia.Surface(strip, colorType=skia.kRGBA_8888_ColorType)
        canvas = surface.getCanvas()
        top = gy - ground_row  # where the ground line falls within the strip's first row
        canvas.save()
        canvas.translate(0.0, top)
        canvas.drawRect(skia.Rect.MakeLTRB(0, -top, w + TILE, rows - top), self._ground_paint)
        canvas.restore()
        shade = skia.Paint(Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, top), skia.Point(0, h - gy + top)],
            [skia.Color(0, 0, 0, 0), skia.Color(0, 0, 0, _NEAR_SHADE)]))
        canvas.drawRect(skia.Rect.MakeLTRB(0, 0, w + TILE, rows), shade)
        surface.flushAndSubmit()
        return strip

    def _water(self, canvas: skia.Canvas, view: View, t: float, water_level: float) -> None:
        """The sea's surface over the backdrop, its ripples moving with time."""
        w, h = self.width, self.height
        _, wy = view.to_px(0.0, water_level)
        sea = skia.Paint(Color=skia.Color(30, 110, 160, 235))
        canvas.drawRect(skia.Rect.MakeLTRB(0, wy, w, h), sea)
        line = skia.Paint(Color=skia.Color(210, 235, 250, 160), StrokeWidth=2, AntiAlias=True)
        for i in range(12):
            yy = wy + (i * i + 2) * h * 0.004
            off = (t * 30 + i * 53) % 80
            for xx in np.arange(-off, w, 80):
                canvas.drawLine(float(xx), yy, float(xx) + 30, yy, line)


def place_photo(canvas: skia.Canvas, image: skia.Image, width: int, height: int,
                progress: float) -> None:
    """A photo as the backdrop: it fills the frame and drifts as the shot goes on
    (``progress`` 0..1), its near (lower) half more than its far (upper) half."""
    iw, ih = image.width(), image.height()
    scale = max(width / iw, height / ih)
    p = progress * progress * (3 - 2 * progress)
    sampling = skia.SamplingOptions(skia.FilterMode.kLinear)
    for top, bottom, depth in ((0.0, 0.5, 0.5), (0.5, 1.0, 1.0)):
        zoom = 1 + 0.08 * p * depth
        dw, dh = iw * scale * zoom, ih * scale * zoom
        dx = (width - dw) / 2 - 0.04 * width * p * depth
        dy = (height - dh) / 2
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(0, height * top, width, height * bottom))
        canvas.drawImageRect(image, skia.Rect.MakeXYWH(dx, dy, dw, dh), sampling)
        canvas.restore()
