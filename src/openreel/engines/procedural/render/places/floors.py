"""Floors: the tiling texture of the ground band, by pattern (planks, tiles, carpet, grass,
asphalt …), and the grass tufts and pebbles of the nearest parallax layer."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, Light, mix, shade, tint
from openreel.engines.procedural.render.places.canvas import Context, fill, stroke

TILE = 256
# The colour of each ground material, for floors that do not name their own.
MATERIAL_COLOURS: dict[str, RGB] = {
    "grass": (104, 160, 80), "sand": (226, 200, 150), "asphalt": (72, 74, 82),
    "snow": (236, 240, 246), "stone": (140, 134, 126), "regolith": (150, 150, 150),
    "wood": (168, 118, 74), "water": (40, 110, 150), "metal": (150, 155, 165),
    "ice": (200, 225, 240), "glass": (190, 210, 220), "rubber": (70, 70, 70),
    "fabric": (150, 90, 80), "none": (0, 0, 0),
}
# The pattern a material's floor gets when a place does not choose one.
MATERIAL_PATTERNS: dict[str, str] = {
    "grass": "grass", "sand": "grains", "snow": "grains", "regolith": "grains",
    "stone": "grains", "wood": "planks", "asphalt": "road", "ice": "ice", "fabric": "carpet",
    "rubber": "plain", "metal": "plain", "glass": "plain", "water": "plain", "none": "plain",
}


def floor_colour(base: RGB, light: Light) -> RGB:
    """A floor's colour under the scene's light: multiplied by it (dark at night, warm by
    candlelight), with a touch of the light's own colour."""
    return mix(tint(base, light.ambient), light.ambient, 0.12)


def floor_texture(pattern: str, colour: RGB, rng: np.random.Generator) -> skia.Shader | None:
    """A repeating texture for the ground band in its lit ``colour``, or None for a plain
    fill."""
    if pattern == "plain":
        return None
    surface = skia.Surface(TILE, TILE)
    canvas = surface.getCanvas()
    canvas.clear(skia.Color(*colour, 255))
    painter = _PATTERNS.get(pattern)
    if painter is None:
        return None
    painter(canvas, colour, rng)
    return surface.makeImageSnapshot().makeShader(skia.TileMode.kRepeat, skia.TileMode.kRepeat)


def _planks(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    for row in range(0, TILE, 32):
        y = float(row)
        canvas.drawRect(skia.Rect.MakeXYWH(0, y, TILE, 2), fill(shade(colour, 0.75)))
        canvas.drawRect(skia.Rect.MakeXYWH(float(rng.integers(0, TILE)), y, 2, 32),
                        fill(shade(colour, 0.8)))
        for _ in range(6):
            canvas.drawRect(skia.Rect.MakeXYWH(0, y + rng.uniform(4, 28), TILE, 1),
                            fill(shade(colour, 0.92), 120))


def _boards(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    """A sports hall's maple: narrow light boards, a varnished sheen."""
    for row in range(0, TILE, 16):
        canvas.drawRect(skia.Rect.MakeXYWH(0, float(row), TILE, 1), fill(shade(colour, 0.85)))
        canvas.drawRect(skia.Rect.MakeXYWH(float(rng.integers(0, TILE)), float(row), 1, 16),
                        fill(shade(colour, 0.85)))
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE, TILE * 0.4), fill((255, 255, 255), 25))


def _tiles(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator, size: int = 32,
           checker: bool = False) -> None:
    for y in range(0, TILE, size):
        for x in range(0, TILE, size):
            tint = shade(colour, 0.82) if checker and (x // size + y // size) % 2 else colour
            canvas.drawRect(skia.Rect.MakeXYWH(x + 1, y + 1, size - 2, size - 2), fill(tint))
    for k in range(0, TILE, size):
        canvas.drawRect(skia.Rect.MakeXYWH(0, k, TILE, 1.5), fill(shade(colour, 0.78)))
        canvas.drawRect(skia.Rect.MakeXYWH(k, 0, 1.5, TILE), fill(shade(colour, 0.78)))


def _checker(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _tiles(canvas, colour, rng, 64, checker=True)


def _small_tiles(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _tiles(canvas, colour, rng, 16)


def _speckle(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator, count: int,
             radius: tuple[float, float], spread: tuple[float, float], alpha: int) -> None:
    for _ in range(count):
        canvas.drawCircle(rng.uniform(0, TILE), rng.uniform(0, TILE), rng.uniform(*radius),
                          fill(shade(colour, rng.uniform(*spread)), alpha))


def _carpet(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _speckle(canvas, colour, rng, 2500, (0.5, 1.0), (0.85, 1.12), 180)


def _grains(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _speckle(canvas, colour, rng, 700, (0.6, 1.8), (0.88, 1.1), 160)


def _concrete(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _speckle(canvas, colour, rng, 900, (0.5, 1.2), (0.85, 1.12), 140)
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE, 2), fill(shade(colour, 0.8)))
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, 2, TILE), fill(shade(colour, 0.8)))


def _grass(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    for _ in range(900):
        canvas.drawRect(skia.Rect.MakeXYWH(rng.uniform(0, TILE), rng.uniform(0, TILE), 1.5,
                                           rng.uniform(4, 9)),
                        fill(shade(colour, rng.uniform(0.8, 1.15))))


def _mown(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    """A pitch or a fairway: grass mown in broad light and dark stripes."""
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE / 2, TILE), fill(shade(colour, 1.08)))
    for _ in range(600):
        canvas.drawRect(skia.Rect.MakeXYWH(rng.uniform(0, TILE), rng.uniform(0, TILE), 1.2,
                                           rng.uniform(3, 6)),
                        fill(shade(colour, rng.uniform(0.9, 1.1)), 160))


def _road(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _speckle(canvas, colour, rng, 1200, (0.6, 0.9), (0.8, 1.3), 150)


def _cobbles(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    size = 24
    for row, y in enumerate(range(0, TILE, size)):
        for x in range(-size, TILE, size):
            rect = skia.Rect.MakeXYWH(x + (row % 2) * size / 2 + 1.5, y + 1.5, size - 3,
                                      size - 3)
            canvas.drawRoundRect(rect, 6, 6, fill(shade(colour, rng.uniform(0.86, 1.1))))
    canvas.drawRect(skia.Rect.MakeWH(TILE, TILE), fill((0, 0, 0), 0))


def _marble(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _tiles(canvas, colour, rng, 128)
    for _ in range(10):
        path = skia.Path()
        x, y = rng.uniform(0, TILE), rng.uniform(0, TILE)
        path.moveTo(x, y)
        for _ in range(5):
            x, y = x + rng.uniform(-30, 30), y + rng.uniform(10, 40)
            path.lineTo(x, y)
        canvas.drawPath(path, stroke(shade(colour, 0.85), 1.0, 140))
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE, TILE * 0.3), fill((255, 255, 255), 30))


def _track(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    _speckle(canvas, colour, rng, 1500, (0.5, 1.0), (0.85, 1.15), 160)


def _ice(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    for _ in range(14):
        x, y = rng.uniform(0, TILE), rng.uniform(0, TILE)
        canvas.drawLine(x, y, x + rng.uniform(-40, 40), y + rng.uniform(-12, 12),
                        stroke(shade(colour, 1.12), 1.2, 200))
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE, TILE * 0.25), fill((255, 255, 255), 40))


def _mud(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    for _ in range(40):
        canvas.drawOval(skia.Rect.MakeXYWH(rng.uniform(0, TILE), rng.uniform(0, TILE),
                                           rng.uniform(20, 60), rng.uniform(4, 10)),
                        fill(mix(colour, (70, 110, 120), 0.5), 160))
    _grass(canvas, colour, rng)


def _cloud(canvas: skia.Canvas, colour: RGB, rng: np.random.Generator) -> None:
    """Cloud tops seen from above: soft overlapping billows."""
    for _ in range(60):
        x, y, r = rng.uniform(0, TILE), rng.uniform(0, TILE), rng.uniform(10, 30)
        canvas.drawCircle(x, y, r, fill(shade(colour, rng.uniform(0.9, 1.05)), 200, blur=r * 0.4))


_PATTERNS = {
    "planks": _planks, "boards": _boards, "tiles": _tiles, "small_tiles": _small_tiles,
    "checker": _checker, "carpet": _carpet, "grains": _grains, "concrete": _concrete,
    "grass": _grass, "mown": _mown, "road": _road, "cobbles": _cobbles, "marble": _marble,
    "track": _track, "ice": _ice, "mud": _mud, "cloud": _cloud,
}


@dataclass(frozen=True)
class Tufts:
    """Grass tufts or pebbles scattered over the nearest part of the ground."""

    grass: bool = True

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Scatter tufts (or pebbles) over the lower two thirds of the band."""
        f, rng = ctx.frame, ctx.rng
        top = f.g + (f.h - f.g) * 0.35
        for _ in range(int(f.w / 18)):
            x, y = rng.uniform(0, f.w), rng.uniform(top, f.h * 1.02)
            near = (y - top) / max(f.h - top, 1)
            size = f.h * (0.012 + 0.03 * near)
            tint = shade(ctx.floor, rng.uniform(0.7, 0.95))
            if self.grass:
                path = skia.Path()
                for k in range(5):
                    bx = x + (k - 2) * size * 0.25
                    path.moveTo(bx - size * 0.08, y)
                    path.quadTo(bx, y - size * 1.2, bx + (k - 2) * size * 0.3, y - size * 1.6)
                    path.quadTo(bx + size * 0.05, y - size * 0.8, bx + size * 0.08, y)
                    path.close()
                canvas.drawPath(path, fill(shade(tint, 0.85)))
            elif rng.random() < 0.35:
                size *= 0.6
                canvas.drawOval(skia.Rect.MakeXYWH(x, y, size * 1.4, size * 0.8), fill(tint))
                canvas.drawOval(skia.Rect.MakeXYWH(x + size * 0.2, y + size * 0.05, size * 0.6,
                                                   size * 0.25), fill(shade(tint, 1.15)))
