"""Every icon rasterised once, large, at install: the picture all its sizes are cut from.

Rendering an emoji SVG through skia costs a tenth to half a second at the sizes frames draw
things at (their gradients and blur filters are slow to raster), so doing it when a clip is
made would cost seconds. The build renders each icon once at ``MASTER_SIDE`` pixels into
``rasters/``; a frame's raster is that picture scaled down (area averaging keeps edges
crisp). Without the files, a master is rendered on first use and kept for the process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import cv2
import numpy as np
import skia

from openreel.engines.procedural.art.library import Artwork

MASTER_SIDE = 1024
MASTERS_DIR = Path(__file__).resolve().parent / "rasters"
KEPT = 24  # masters held in memory (4 MB each), the least recently used let go first

_lock = threading.Lock()
_masters: OrderedDict[str, np.ndarray] = OrderedDict()
_doms: dict[str, skia.SVGDOM] = {}


def parse_svg(data: bytes) -> skia.SVGDOM:
    """An SVG DOM from a document's bytes."""
    # skia's stream does not own its bytes: hold the Data until parsing is done
    held = skia.Data.MakeWithCopy(data)
    stream = skia.MemoryStream(held)
    dom = skia.SVGDOM.MakeFromStream(stream)
    if dom is None:
        raise ValueError("unreadable SVG")
    return dom


def render_svg(art: Artwork, width: int, height: int, pad: int = 0) -> np.ndarray:
    """The artwork drawn at ``width`` × ``height`` pixels (plus ``pad`` all round), as
    premultiplied RGBA."""
    with _lock:
        dom = _doms.get(art.key)
        if dom is None:
            dom = _doms[art.key] = parse_svg(art.svg)
        dom.setContainerSize(skia.Size(width, height))
        pixels = np.zeros((height + 2 * pad, width + 2 * pad, 4), np.uint8)
        surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)
        canvas = surface.getCanvas()
        canvas.translate(pad, pad)
        dom.render(canvas)
        surface.flushAndSubmit()
    return pixels


def master(art: Artwork) -> np.ndarray:
    """The icon's large picture (premultiplied RGBA): from ``rasters/`` if built, else now."""
    with _lock:
        found = _masters.get(art.key)
        if found is not None:
            _masters.move_to_end(art.key)
            return found
    pixels = _read(art)
    if pixels is None:
        w, h = art.extent(float(MASTER_SIDE))
        pixels = render_svg(art, max(round(w), 1), max(round(h), 1))
    with _lock:
        _masters[art.key] = pixels
        while len(_masters) > KEPT:
            _masters.popitem(last=False)
    return pixels


def _path(art: Artwork) -> Path:
    return MASTERS_DIR / (art.key.replace(":", "--") + ".png")


def _read(art: Artwork) -> np.ndarray | None:
    path = _path(art)
    if not path.exists():
        return None
    bgra = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if bgra is None or bgra.ndim != 3 or bgra.shape[2] != 4:
        return None
    straight = cv2.cvtColor(bgra, cv2.COLOR_BGRA2RGBA)
    alpha = straight[..., 3:4].astype(np.uint16)
    premultiplied = straight.copy()
    premultiplied[..., :3] = ((straight[..., :3].astype(np.uint16) * alpha + 127) // 255)
    return premultiplied


def write_masters(artworks: list[Artwork]) -> int:
    """Render every artwork's master into ``rasters/`` (straight-alpha PNG); returns bytes."""
    MASTERS_DIR.mkdir(exist_ok=True)
    total = 0
    for art in artworks:
        w, h = art.extent(float(MASTER_SIDE))
        pixels = render_svg(art, max(round(w), 1), max(round(h), 1))
        alpha = pixels[..., 3:4].astype(np.float32)
        straight = pixels.copy()
        straight[..., :3] = np.clip(pixels[..., :3] * 255.0 / np.maximum(alpha, 1.0), 0, 255)
        path = _path(art)
        tmp = path.with_suffix(".tmp.png")
        cv2.imwrite(str(tmp), cv2.cvtColor(straight, cv2.COLOR_RGBA2BGRA),
                    [cv2.IMWRITE_PNG_COMPRESSION, 6])
        tmp.replace(path)
        total += path.stat().st_size
    return total
