"""Build the art library: the icons the engine uses, measured once at install.

Reads the Iconify icon sets installed by npm (``package.json`` pins them) and the SVGs
under ``drawn/``, and writes ``library.json`` beside this module with, for every icon
in ``icons`` (whole things and animal heads): its SVG cropped to the visible thing
(emoji art is drawn inside a padded canvas), the outline of its opaque pixels as a
convex hull and as a few convex pieces for physics, and its main colour (so a kind can
be recoloured on request).

    python -m openreel.engines.procedural.art.build [--packages node_modules]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pymunk.autogeometry as autogeometry
import skia

from openreel.engines.procedural.art.icons import Icon, all_icons
from openreel.engines.procedural.art.library import LIBRARY_PATH, LIBRARY_VERSION
from openreel.engines.procedural.art.library import library as load_library
from openreel.engines.procedural.art.masters import parse_svg, write_masters

HERE = Path(__file__).resolve().parent
DRAWN = HERE / "drawn"
PACKAGES = {"fluent": "@iconify-json/fluent-emoji", "noto": "@iconify-json/noto"}
MEASURE_PX = 512  # longest side when measuring visible bounds
SHAPE_PX = 256  # longest side when tracing the silhouette
OPAQUE = 128  # alpha at or above which a pixel belongs to the thing
MAX_PIECES = 10

SvgParts = tuple[str, float, float, float, float]  # body, viewBox x, y, w, h


def _iconify_svg(icon_set: dict[str, Any], name: str) -> SvgParts:
    """An icon's body and view box from an Iconify set, following aliases."""
    icons, aliases = icon_set["icons"], icon_set.get("aliases", {})
    seen = 0
    while name not in icons:
        if name not in aliases or seen > 8:
            raise KeyError(name)
        name = aliases[name]["parent"]
        seen += 1
    entry = icons[name]
    w = float(entry.get("width", icon_set.get("width", 16)))
    h = float(entry.get("height", icon_set.get("height", 16)))
    return entry["body"], float(entry.get("left", 0)), float(entry.get("top", 0)), w, h


def _drawn_svg(name: str) -> SvgParts:
    text = (DRAWN / f"{name}.svg").read_text(encoding="utf-8")
    box = re.search(r'viewBox="([^"]+)"', text)
    inner = re.search(r"<svg[^>]*>(.*)</svg>", text, re.S)
    if box is None or inner is None:
        raise ValueError(f"drawn/{name}.svg has no viewBox or no body")
    x, y, w, h = (float(v) for v in box.group(1).split())
    return inner.group(1).strip(), x, y, w, h


def _document(body: str, x: float, y: float, w: float, h: float) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:.4f} {y:.4f} {w:.4f} {h:.4f}"'
            f'>{body}</svg>')


def _alpha(svg: str, width: int, height: int) -> np.ndarray:
    """Rasterise an SVG document to (height, width) premultiplied RGBA."""
    dom = parse_svg(svg.encode("utf-8"))
    dom.setContainerSize(skia.Size(width, height))
    pixels = np.zeros((height, width, 4), np.uint8)
    surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)
    dom.render(surface.getCanvas())
    surface.flushAndSubmit()
    return pixels


def _turned(parts: SvgParts, degrees: float) -> SvgParts:
    """Rotate the drawing about its centre, in a view box large enough to hold it."""
    body, x, y, w, h = parts
    if not degrees:
        return parts
    cx, cy = x + w / 2, y + h / 2
    r = math.hypot(w, h) / 2
    # SVG's y axis points down, so a counter-clockwise turn is a negative SVG angle
    body = f'<g transform="rotate({-degrees:.3f} {cx:.4f} {cy:.4f})">{body}</g>'
    return body, cx - r, cy - r, 2 * r, 2 * r


def _cropped(parts: SvgParts) -> SvgParts:
    """The same drawing with its view box shrunk to the opaque pixels."""
    body, x, y, w, h = parts
    k = MEASURE_PX / max(w, h)
    pw, ph = max(round(w * k), 1), max(round(h * k), 1)
    alpha = _alpha(_document(body, x, y, w, h), pw, ph)[..., 3]
    rows = np.flatnonzero((alpha >= OPAQUE).any(axis=1))
    cols = np.flatnonzero((alpha >= OPAQUE).any(axis=0))
    if not len(rows):
        raise ValueError("icon has no opaque pixels")
    sx, sy = w / pw, h / ph
    return (body, x + cols[0] * sx, y + rows[0] * sy, (cols[-1] + 1 - cols[0]) * sx,
            (rows[-1] + 1 - rows[0]) * sy)


def _outline(mask: np.ndarray) -> tuple[list[list[float]], list[list[list[float]]]]:
    """Convex hull and convex pieces of a binary mask, in units of its longest side,
    centred on the mask, y up."""
    h, w = mask.shape
    side = float(max(w, h))

    def unit(px: float, py: float) -> list[float]:
        return [round((px - w / 2) / side, 5), round((h / 2 - py) / side, 5)]

    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_NONE)
    points = np.concatenate([c.reshape(-1, 2) for c in contours]).astype(np.float32)
    # a pixel covers [i, i + 1]: take its corners so the hull hugs the drawn edge
    offsets = np.array([(0, 0), (1, 0), (0, 1), (1, 1)], np.float32)
    corners = (points[None, :, :] + offsets[:, None, :]).reshape(-1, 2)
    hull = cv2.convexHull(corners).reshape(-1, 2)
    hull_units = [unit(float(px), float(py)) for px, py in hull[::-1]]
    pieces: list[list[list[float]]] = []
    for contour in sorted(contours, key=cv2.contourArea, reverse=True):
        if cv2.contourArea(contour) < 0.03 * w * h:
            break
        simple = cv2.approxPolyDP(contour, 0.012 * side, True).reshape(-1, 2)
        line = [(float(px), float(py)) for px, py in simple]
        if len(line) < 3:
            continue
        # image rows grow downward, so the traced outline winds the other way round
        line = [*line[::-1], line[-1]]
        try:
            parts = autogeometry.convex_decomposition(line, 0.05 * side)
        except AssertionError:  # a self-crossing outline: fall back to the hull below
            parts = []
        for part in parts:
            pts = [(p.x, p.y) for p in part]
            if len(pts) >= 3 and abs(cv2.contourArea(np.array(pts, np.float32))) > 4.0:
                pieces.append([unit(px, py) for px, py in pts])
    if not pieces or len(pieces) > MAX_PIECES:
        pieces = [hull_units]
    return hull_units, pieces


def _main_colour(rgba: np.ndarray) -> dict[str, float | None]:
    """The hue covering most of the saturated opaque pixels, and their typical saturation
    and value."""
    opaque = rgba[..., 3] >= OPAQUE
    a = np.maximum(rgba[..., 3:4].astype(np.float32), 1.0)
    rgb = np.clip(rgba[..., :3].astype(np.float32) * 255.0 / a, 0, 255).astype(np.uint8)
    hsv = cv2.cvtColor(rgb[None].reshape(1, -1, 3), cv2.COLOR_RGB2HSV_FULL).reshape(
        rgb.shape).astype(np.float32)
    hue, sat, val = hsv[..., 0] * 360 / 256, hsv[..., 1] / 255, hsv[..., 2] / 255
    vivid = opaque & (sat > 0.3) & (val > 0.25)
    if vivid.sum() < 0.15 * max(opaque.sum(), 1):
        return {"hue": None, "sat": None, "val": float(np.median(val[opaque]))}
    # the hue covering the most of the thing (a clock's wooden case, not its red hands)
    counts, edges = np.histogram(hue[vivid], bins=36, range=(0, 360))
    peak = int(np.argmax(counts))
    centre = float((edges[peak] + edges[peak + 1]) / 2)
    near = vivid & (np.abs((hue - centre + 180) % 360 - 180) < 25)
    return {"hue": round(centre, 1), "sat": round(float(np.median(sat[near])), 3),
            "val": round(float(np.median(val[near])), 3)}


def measure(icon: Icon, parts: SvgParts) -> dict[str, Any]:
    """The library record of one icon."""
    body, x, y, w, h = _cropped(_turned(parts, icon.turn))
    k = SHAPE_PX / max(w, h)
    pw, ph = max(round(w * k), 1), max(round(h * k), 1)
    document = _document(body, x, y, w, h)
    rgba = _alpha(document, pw, ph)
    hull, pieces = _outline(rgba[..., 3] >= OPAQUE)
    return {"svg": document, "aspect": round(w / h, 5), "facing": icon.facing, "hull": hull,
            "pieces": pieces, **_main_colour(rgba)}


def _load_set(packages: Path, source: str) -> tuple[dict[str, Any], str]:
    folder = packages / PACKAGES[source]
    icons_file = folder / "icons.json"
    if not icons_file.exists():
        raise FileNotFoundError(f"{icons_file} is missing: run `npm ci` first")
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    return json.loads(icons_file.read_text(encoding="utf-8")), version


def build(packages: Path, out: Path = LIBRARY_PATH) -> dict[str, Any]:
    """Measure every icon the engine uses and write the library; returns it."""
    sets: dict[str, dict[str, Any]] = {}
    versions: dict[str, str] = {}
    for source in PACKAGES:
        sets[source], versions[source] = _load_set(packages, source)
    records: dict[str, Any] = {}
    for icon in all_icons():
        parts = (_drawn_svg(icon.name) if icon.source == "drawn"
                 else _iconify_svg(sets[icon.source], icon.name))
        records[icon.key] = measure(icon, parts)
    library = {"version": LIBRARY_VERSION, "sources": versions, "icons": records}
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(library, separators=(",", ":")), encoding="utf-8")
    tmp.replace(out)
    write_masters(list(load_library(out).values()))
    return library


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=Path, default=Path("node_modules"),
                        help="the node_modules folder npm installed the icon sets into")
    parser.add_argument("--out", type=Path, default=LIBRARY_PATH)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        library = build(args.packages, args.out)
    except (FileNotFoundError, KeyError, ValueError) as error:
        print(f"art library: {error}", file=sys.stderr)
        return 2
    size = args.out.stat().st_size
    print(f"art library: {len(library['icons'])} icons, {size / 1e6:.2f} MB, "
          f"{time.perf_counter() - start:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
