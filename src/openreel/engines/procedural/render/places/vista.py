"""Vistas: a long space seen down its length in one-point perspective (a corridor, an alley
between brick walls, an aisle of shelves, a station platform), painted behind the stage.

Depth ``z`` runs from 0 at the stage line to 1 at the far end; the walls, floor and ceiling
(or the sky, outdoors) converge on a vanishing point at eye height above the middle.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import skia

from openreel.engines.procedural.render.palette import RGB, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    fill,
    glow,
    polygon,
    stroke,
    vertical,
)
from openreel.engines.procedural.render.places.furniture import BOOK_COLOURS, GOODS_COLOURS

Point = tuple[float, float]


@dataclass(frozen=True)
class Vista:
    """A corridor, alley or aisle seen down its length.

    ``walls`` is the side walls' colour and ``features`` what lines them: doors, windows
    (with fire escapes, outdoors), books, goods, lockers or cells; ``ceiling`` None leaves
    the sky open above (an alley); ``end`` is the colour of the light at the far end.
    """

    walls: RGB
    floor: RGB
    features: str = "doors"
    ceiling: RGB | None = (236, 234, 228)
    end: RGB = (255, 246, 222)
    width: float = 0.5  # the space's width at the stage line, in frame heights
    height: float = 0.72  # its height at the stage line
    eye: float = 0.22  # the vanishing point's height above the stage line
    pattern: str = "plain"  # bricks on the walls of an alley
    lights: bool = True

    def scale(self, z: float) -> float:
        """How much smaller things are at depth ``z`` than at the stage line."""
        return 1.0 / (1.0 + 6.0 * z)

    def point(self, ctx: Context, side: int, z: float, v: float) -> Point:
        """The picture point on the ``side`` (-1 left, +1 right) wall at depth ``z`` and
        height ``v`` (0 at the floor … 1 at the ceiling)."""
        f = ctx.frame
        s = self.scale(z)
        vx, vy = f.x(0), f.g - f.px(self.eye)
        x = vx + side * f.px(self.width) / 2 * s
        floor_y = vy + f.px(self.eye) * s
        ceiling_y = vy - f.px(self.height - self.eye) * s
        return x, floor_y + (ceiling_y - floor_y) * v

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the walls, floor, ceiling or sky, the far end, then what lines the walls."""
        f = ctx.frame
        walls = ctx.tone(self.walls)
        canvas.drawRect(skia.Rect.MakeWH(f.w, f.h), fill(walls))
        if self.pattern == "bricks":
            self._bricks(canvas, ctx, walls)
        far = [self.point(ctx, -1, 1, 0), self.point(ctx, 1, 1, 0), self.point(ctx, 1, 1, 1),
               self.point(ctx, -1, 1, 1)]
        far_w = far[1][0] - far[0][0]
        # extend each plane far past the layer so its edges run off the frame
        floor = polygon([far[0], far[1], self._ray(ctx, far[1], f.h * 3),
                         self._ray(ctx, far[0], f.h * 3)])
        canvas.drawPath(floor, vertical(shade(ctx.tone(self.floor), 0.8), ctx.tone(self.floor),
                                        far[0][1], f.g))
        top = polygon([far[3], far[2], self._ray(ctx, far[2], -f.h * 3),
                       self._ray(ctx, far[3], -f.h * 3)])
        if self.ceiling is not None:
            canvas.drawPath(top, vertical(shade(ctx.tone(self.ceiling), 0.85),
                                          ctx.tone(self.ceiling), 0, far[3][1]))
        else:  # open to the sky: clear the layer there so the sky shows through
            canvas.save()
            canvas.clipPath(top, doAntiAlias=True)
            canvas.drawColor(skia.Color(0, 0, 0, 0), skia.BlendMode.kClear)
            canvas.restore()
        end = skia.Rect.MakeLTRB(far[0][0], far[3][1], far[1][0], far[0][1])
        canvas.drawRect(end, fill(ctx.tone(self.end)))
        canvas.drawCircle(end.centerX(), end.centerY(), far_w * 1.6,
                          glow(end.centerX(), end.centerY(), far_w * 1.6, self.end, 110))
        self._shading(canvas, ctx)
        self._features(canvas, ctx)
        if self.lights and self.ceiling is not None:
            for z in (0.05, 0.2, 0.4, 0.65):
                a = self.point(ctx, -1, z, 1)
                b = self.point(ctx, 1, z, 1)
                s = self.scale(z)
                x0 = a[0] + (b[0] - a[0]) * 0.35
                x1 = a[0] + (b[0] - a[0]) * 0.65
                y = a[1] + f.px(0.01) * s
                canvas.drawRect(skia.Rect.MakeLTRB(x0, y, x1, y + f.px(0.012) * s),
                                fill((255, 252, 240)))
                canvas.drawRect(skia.Rect.MakeLTRB(x0, y, x1, y + f.px(0.012) * s).makeOutset(
                    f.px(0.01) * s, f.px(0.01) * s), fill((255, 250, 230), 50, blur=f.px(0.01)))

    def _ray(self, ctx: Context, through: Point, y: float) -> Point:
        """The point at height ``y`` on the line from the vanishing point through a point."""
        f = ctx.frame
        vx, vy = f.x(0), f.g - f.px(self.eye)
        k = (y - vy) / (through[1] - vy) if through[1] != vy else 1.0
        return vx + (through[0] - vx) * k, y

    def _shading(self, canvas: skia.Canvas, ctx: Context) -> None:
        """The walls darken toward the far end."""
        f = ctx.frame
        for side in (-1, 1):
            near_b, near_t = self._ray(ctx, self.point(ctx, side, 0, 0), f.h * 3), \
                self._ray(ctx, self.point(ctx, side, 0, 1), -f.h * 3)
            wall = polygon([near_b, self.point(ctx, side, 1, 0), self.point(ctx, side, 1, 1),
                            near_t])
            edge_x = self.point(ctx, side, 1, 0)[0]
            canvas.drawPath(wall, skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
                [skia.Point(edge_x, 0), skia.Point(f.x(0) + side * f.w / 2, 0)],
                [skia.Color(0, 0, 0, 70), skia.Color(0, 0, 0, 0)])))

    def _quad(self, ctx: Context, side: int, z0: float, z1: float, v0: float,
              v1: float) -> skia.Path:
        return polygon([self.point(ctx, side, z0, v0), self.point(ctx, side, z1, v0),
                        self.point(ctx, side, z1, v1), self.point(ctx, side, z0, v1)])

    def _bricks(self, canvas: skia.Canvas, ctx: Context, walls: RGB) -> None:
        """Brick courses running into the distance along both walls."""
        f = ctx.frame
        for side in (-1, 1):
            for row in range(48):
                v = row / 48 * 1.5
                a, b = self.point(ctx, side, -0.12, v), self.point(ctx, side, 1, v)
                canvas.drawLine(*a, *b, stroke(shade(walls, 0.8), max(f.px(0.002), 1.0)))

    def _features(self, canvas: skia.Canvas, ctx: Context) -> None:
        f, rng = ctx.frame, ctx.rng
        steps = [0.0, 0.06, 0.14, 0.25, 0.4, 0.6, 0.85]
        for side in (-1, 1):
            if self.features in ("books", "goods"):
                palette = BOOK_COLOURS if self.features == "books" else GOODS_COLOURS
                rows = 5 if self.features == "books" else 4
                frame_c = ctx.tone((120, 78, 48) if self.features == "books" else (205, 210, 218))
                canvas.drawPath(self._quad(ctx, side, -0.1, 1, 0, 0.85), fill(frame_c))
                for row in range(rows):
                    v0 = 0.03 + row * 0.8 / rows
                    v1 = v0 + 0.8 / rows * 0.82
                    z = -0.1
                    while z < 1:
                        dz = 0.01 + 0.012 * z
                        tint = ctx.tone(palette[int(rng.integers(len(palette)))])
                        canvas.drawPath(self._quad(ctx, side, z, z + dz * 0.9, v0,
                                                   v1 - rng.uniform(0, 0.04)), fill(tint))
                        z += dz
                    canvas.drawPath(self._quad(ctx, side, -0.1, 1, v1, v1 + 0.02),
                                    fill(shade(frame_c, 1.1)))
            elif self.features in ("doors", "lockers", "cells"):
                for z0, z1 in itertools.pairwise(steps):
                    if self.features == "doors":
                        door = self._quad(ctx, side, z0 + (z1 - z0) * 0.3, z0 + (z1 - z0) * 0.75,
                                          0, 0.62)
                        canvas.drawPath(door, fill(ctx.tone((150, 105, 70))))
                        canvas.drawPath(door, stroke(ctx.tone((240, 236, 228)),
                                                     f.px(0.006) * self.scale(z0)))
                    elif self.features == "lockers":
                        canvas.drawPath(self._quad(ctx, side, z0, z1, 0, 0.55),
                                        fill(ctx.tone((70, 120, 190))))
                        canvas.drawPath(self._quad(ctx, side, z0, z1, 0, 0.55),
                                        stroke(ctx.tone((40, 70, 120)), f.px(0.003)))
                    else:
                        canvas.drawPath(self._quad(ctx, side, z0, z1, 0, 0.75),
                                        fill(ctx.tone((60, 62, 70))))
                        for k in range(5):
                            z = z0 + (z1 - z0) * k / 5
                            a, b = self.point(ctx, side, z, 0), self.point(ctx, side, z, 0.75)
                            canvas.drawLine(*a, *b, stroke(ctx.tone((160, 165, 175)),
                                                           f.px(0.008) * self.scale(z)))
            elif self.features == "windows":
                for z0, z1 in itertools.pairwise(steps):
                    for v in (0.35, 0.62, 0.89):
                        pane = self._quad(ctx, side, z0 + (z1 - z0) * 0.25,
                                          z0 + (z1 - z0) * 0.7, v, v + 0.13)
                        lit = ctx.light.night and rng.random() < 0.6
                        canvas.drawPath(pane, fill(ctx.tone((255, 210, 130) if lit
                                                            else (60, 70, 90))))
                    fire = stroke(ctx.tone((40, 40, 46)), f.px(0.004))
                    for v in (0.3, 0.57, 0.84):
                        a, b = self.point(ctx, side, z0, v), self.point(ctx, side, z1, v)
                        canvas.drawLine(*a, *b, fire)
                        c, d = self.point(ctx, side, z0, v + 0.08), self.point(ctx, side, z1,
                                                                               v + 0.08)
                        canvas.drawLine(*c, *d, fire)
                        canvas.drawLine(*a, *c, fire)
                        canvas.drawLine(*b, *d, fire)

