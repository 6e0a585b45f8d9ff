"""Between skia images and numpy: unpremultiplied bytes out, premultiplied images back.

Images are handed back premultiplied: skia draws those straight, while an unpremultiplied
image is converted on every draw (several milliseconds for a full frame).
"""

from __future__ import annotations

import numpy as np
import skia


def to_array(image: skia.Image) -> np.ndarray:
    """An image's unpremultiplied RGBA bytes, (h, w, 4)."""
    return image.toarray(colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kUnpremul_AlphaType)


def to_image(pixels: np.ndarray) -> skia.Image:
    """A premultiplied image from unpremultiplied RGBA bytes."""
    alpha = pixels[..., 3:4].astype(np.uint16)
    premultiplied = np.empty_like(pixels)
    premultiplied[..., :3] = ((pixels[..., :3] * alpha + 127) // 255).astype(np.uint8)
    premultiplied[..., 3] = pixels[..., 3]
    return skia.Image.fromarray(premultiplied, colorType=skia.kRGBA_8888_ColorType,
                                alphaType=skia.kPremul_AlphaType)
