"""The visible mark: the openreel logo, the word "openreel" and the creator's @handle.

The mark is drawn once with skia into a small premultiplied RGBA image; each frame only
blends that image into a rectangle, so it costs about a tenth of a millisecond. It rests at
one spot for a few seconds, then glides (eased) to the next spot of a fixed tour of
corners and edges, so cropping one place away does not remove it.

It changes only the pixels of its rectangle, so it must be the last thing drawn on a frame:
anything that adapts to the picture (the invisible mark's masking) has to see the frame
without it, or it would leave a trace of the mark behind where the mark no longer is.
"""

from __future__ import annotations

import numpy as np
import skia

HOLD_SECONDS = 3.0  # time at rest at one spot
GLIDE_SECONDS = 0.5  # time to move to the next spot
OPACITY = 0.72
# Spots as fractions of the free area (0 = left/top, 1 = right/bottom), visited in order.
TOUR = ((0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.55), (1.0, 0.55), (0.0, 1.0),
        (0.5, 0.0), (0.5, 1.0))


class VisibleMark:
    """Draws the openreel mark and ``@handle`` on frames of one video."""

    def __init__(self, handle: str, width: int, height: int, fps: int) -> None:
        self.handle = handle.lstrip("@")
        self.width, self.height, self.fps = width, height, fps
        self.image = _render_mark(self.handle, scale=min(width, height) / 720)
        # Blend tables per channel count. On RGBA frames the alpha channel is blended too
        # (kept as it is: weight 255, nothing added), so every row of the rectangle is one
        # contiguous run of memory, which numpy blends ten times faster than 3 of 4 bytes.
        inverse = (255 - self.image[..., 3:4]).astype(np.uint16)
        premul = self.image[..., :3].astype(np.uint16)
        keep = np.full(inverse.shape, 255, np.uint16)
        self._tables = {3: (np.repeat(inverse, 3, axis=2), premul),
                        4: (np.concatenate([np.repeat(inverse, 3, axis=2), keep], axis=2),
                            np.concatenate([premul, np.zeros_like(keep)], axis=2))}
        margin = round(0.04 * min(width, height))
        mh, mw = self.image.shape[:2]
        self._origin = (margin, margin)
        self._span = (max(0, width - mw - 2 * margin), max(0, height - mh - 2 * margin))

    def position(self, index: int) -> tuple[int, int]:
        """Top-left pixel (x, y) of the mark on frame ``index``."""
        t = index / self.fps
        period = HOLD_SECONDS + GLIDE_SECONDS
        step, into = divmod(t, period)
        here = TOUR[int(step) % len(TOUR)]
        there = TOUR[(int(step) + 1) % len(TOUR)]
        s = 0.0 if into < HOLD_SECONDS else (into - HOLD_SECONDS) / GLIDE_SECONDS
        s = s * s * (3 - 2 * s)  # smoothstep: eases out of one spot and into the next
        fx = here[0] + (there[0] - here[0]) * s
        fy = here[1] + (there[1] - here[1]) * s
        return (self._origin[0] + round(fx * self._span[0]),
                self._origin[1] + round(fy * self._span[1]))

    def apply(self, frame: np.ndarray, index: int) -> np.ndarray:
        """Blend the mark into an RGB or RGBA uint8 frame in place and return the frame."""
        if frame.shape[0] != self.height or frame.shape[1] != self.width:
            raise ValueError(f"frame is {frame.shape[1]}x{frame.shape[0]}, "
                             f"expected {self.width}x{self.height}")
        x, y = self.position(index)
        mh, mw = self.image.shape[:2]
        h, w = min(mh, self.height - y), min(mw, self.width - x)
        inverse, premul = self._tables[frame.shape[2]]
        region = frame[y:y + h, x:x + w]
        blended = region * inverse[:h, :w]  # premultiplied "over", rounded
        blended += 127
        blended //= 255
        blended += premul[:h, :w]
        region[...] = blended
        return frame


def _render_mark(handle: str, scale: float) -> np.ndarray:
    """The mark as premultiplied RGBA uint8, with a soft shadow for light backgrounds."""
    size = 30 * scale
    font = skia.Font(skia.Typeface("DejaVu Sans", skia.FontStyle.Bold()), size)
    small = skia.Font(skia.Typeface("DejaVu Sans", skia.FontStyle.Normal()), size * 0.62)
    label, tag = "openreel", f"@{handle}"
    logo = size * 1.05
    pad = size * 0.5
    text_w = max(font.measureText(label), small.measureText(tag) + size * 0.1)
    width = int(pad * 2 + logo + size * 0.35 + text_w)
    height = int(pad * 2 + size * 1.75)
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    shadow = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(150, 0, 0, 0),
                        MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, size * 0.12))
    ink = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(255, 255, 255, 255))
    for paint, dy in ((shadow, size * 0.06), (ink, 0.0)):
        _draw_logo(canvas, pad, pad + dy, logo, paint)
        tx = pad + logo + size * 0.35
        canvas.drawString(label, tx, pad + size * 0.85 + dy, font, paint)
        canvas.drawString(tag, tx + size * 0.05, pad + size * 1.6 + dy, small, paint)
    pixels = surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType,
                                                 alphaType=skia.kPremul_AlphaType)
    return (pixels.astype(np.float32) * OPACITY + 0.5).astype(np.uint8)


def _draw_logo(canvas: skia.Canvas, x: float, y: float, side: float, paint: skia.Paint) -> None:
    """A film reel: a ring with a play triangle inside."""
    r = side / 2
    cx, cy = x + r, y + r
    ring = skia.Paint(paint)
    ring.setStyle(skia.Paint.kStroke_Style)
    ring.setStrokeWidth(side * 0.12)
    canvas.drawCircle(cx, cy, r * 0.86, ring)
    path = skia.Path()
    path.moveTo(cx - r * 0.28, cy - r * 0.42)
    path.lineTo(cx + r * 0.48, cy)
    path.lineTo(cx - r * 0.28, cy + r * 0.42)
    path.close()
    canvas.drawPath(path, paint)
