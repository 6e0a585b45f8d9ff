"""Drawn wild places: reeds, waterfalls, icebergs, glaciers, volcanoes, cliffs and
cloud tops."""

from __future__ import annotations

import itertools
import math

import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    fill,
    glow,
    horizontal,
    polygon,
    stroke,
    vertical,
)
from openreel.engines.procedural.render.places.items import shape


@shape("reeds", 1.0, (110, 140, 70))
def reeds(canvas: skia.Canvas, r: skia.Rect, stem: RGB, ctx: Context) -> None:
    """A clump of reeds and bulrushes with brown seed heads."""
    tint = ctx.tone(stem)
    for k in range(9):
        x = r.left() + r.width() * (0.1 + 0.8 * k / 8) + ctx.rng.uniform(-2, 2)
        lean = ctx.rng.uniform(-0.15, 0.15) * r.width()
        top = r.top() + r.height() * ctx.rng.uniform(0.0, 0.3)
        blade = skia.Path()
        blade.moveTo(x, r.bottom())
        blade.quadTo(x, (top + r.bottom()) / 2, x + lean, top)
        canvas.drawPath(blade, stroke(shade(tint, ctx.rng.uniform(0.8, 1.15)),
                                      max(r.width() * 0.03, 1.0)))
        if k % 3 == 1:
            canvas.drawRoundRect(skia.Rect.MakeLTRB(x + lean * 0.8 - r.width() * 0.035,
                                                    top + r.height() * 0.06,
                                                    x + lean * 0.8 + r.width() * 0.035,
                                                    top + r.height() * 0.2),
                                 r.width() * 0.03, r.width() * 0.03,
                                 fill(ctx.tone((120, 80, 45))))


@shape("waterfall", 0.9, (200, 230, 245))
def waterfall(canvas: skia.Canvas, r: skia.Rect, water: RGB, ctx: Context) -> None:
    """A waterfall: rock shoulders either side of a white fall that foams into a pool."""
    w, h = r.width(), r.height()
    rock = ctx.tone((110, 100, 95))
    for side in (-1, 1):
        edge = r.centerX() + side * w * 0.2
        outer = r.centerX() + side * w * 0.5
        canvas.drawPath(polygon([(edge, r.top() + h * 0.05), (outer, r.top() + h * 0.15),
                                 (outer, r.bottom()), (edge, r.bottom())]),
                        horizontal(shade(rock, 1.1), shade(rock, 0.8), edge, outer))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + h * 0.08),
                    fill(ctx.tone((70, 130, 70))))
    fall = skia.Rect.MakeLTRB(r.centerX() - w * 0.2, r.top() + h * 0.04, r.centerX() + w * 0.2,
                              r.bottom() - h * 0.08)
    tint = ctx.tone(water)
    canvas.drawRect(fall, vertical(shade(tint, 0.9), shade(tint, 1.15), fall.top(),
                                   fall.bottom()))
    for k in range(14):
        x = fall.left() + fall.width() * (k + 0.5) / 14
        canvas.drawLine(x, fall.top(), x + ctx.rng.uniform(-1, 1), fall.bottom(),
                        stroke((255, 255, 255), max(w * 0.008, 1.0),
                               int(ctx.rng.uniform(90, 200))))
    for _ in range(12):  # spray where it lands
        canvas.drawCircle(fall.left() + fall.width() * ctx.rng.uniform(-0.2, 1.2),
                          fall.bottom() + ctx.rng.uniform(-h * 0.05, h * 0.03),
                          w * ctx.rng.uniform(0.04, 0.09), fill((250, 252, 255), 170,
                                                               blur=w * 0.02))


@shape("iceberg", 1.6, (235, 245, 252))
def iceberg(canvas: skia.Canvas, r: skia.Rect, ice: RGB, ctx: Context) -> None:
    """An iceberg: faceted white peaks with blue shadowed faces, sitting in the sea."""
    tint = ctx.tone(ice)
    blue = ctx.tone((150, 200, 230))
    w, h = r.width(), r.height()
    peaks = [(0.0, 1.0), (0.12, 0.45), (0.3, 0.15), (0.42, 0.0), (0.55, 0.3), (0.7, 0.2),
             (0.85, 0.55), (1.0, 1.0)]
    outline = polygon([(r.left() + w * x, r.top() + h * y) for x, y in peaks])
    canvas.drawPath(outline, fill(tint))
    for (x0, y0), (x1, y1) in itertools.pairwise(peaks):
        if y1 < y0:
            continue
        face = polygon([(r.left() + w * x0, r.top() + h * y0), (r.left() + w * x1,
                                                                r.top() + h * y1),
                        (r.left() + w * (x0 + x1) / 2, r.bottom())])
        canvas.drawPath(face, fill(blue, 200))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left() - w * 0.05, r.bottom() - h * 0.04, r.right()
                                       + w * 0.05, r.bottom()), fill((255, 255, 255), 150))


@shape("volcano", 1.8, (90, 70, 70))
def volcano(canvas: skia.Canvas, r: skia.Rect, rock: RGB, ctx: Context) -> None:
    """A volcano erupting: a dark cone, lava running down it, a glowing crater and ash."""
    tint = ctx.tone(rock)
    w, h = r.width(), r.height()
    crater = (r.centerX(), r.top() + h * 0.28)
    for k in range(7):  # the ash column
        canvas.drawCircle(crater[0] + w * 0.06 * math.sin(k * 1.3), crater[1] - h * 0.05
                          - k * h * 0.04, w * (0.05 + 0.025 * k),
                          fill(ctx.tone((95, 90, 95)), 200, blur=w * 0.01))
    canvas.drawCircle(*crater, w * 0.3, glow(*crater, w * 0.3, (255, 120, 40), 170))
    cone = polygon([(r.left(), r.bottom()), (crater[0] - w * 0.07, crater[1]),
                    (crater[0] + w * 0.07, crater[1]), (r.right(), r.bottom())])
    canvas.drawPath(cone, horizontal(shade(tint, 1.15), shade(tint, 0.7), r.left(), r.right()))
    lava = stroke((255, 120, 30), w * 0.02)
    for k, end in enumerate((-0.3, -0.1, 0.18, 0.34)):
        path = skia.Path()
        path.moveTo(crater[0] + w * 0.02 * (k - 1.5), crater[1])
        path.cubicTo(crater[0] + w * end * 0.3, crater[1] + h * 0.2, crater[0] + w * end * 0.8,
                     crater[1] + h * 0.4, crater[0] + w * end, r.bottom() - h * 0.1 * (k % 2))
        canvas.drawPath(path, lava)
    canvas.drawOval(skia.Rect.MakeLTRB(crater[0] - w * 0.08, crater[1] - h * 0.015,
                                       crater[0] + w * 0.08, crater[1] + h * 0.015),
                    fill((255, 170, 60)))


@shape("glacier", 3.0, (225, 240, 250))
def glacier(canvas: skia.Canvas, r: skia.Rect, ice: RGB, ctx: Context) -> None:
    """The snout of a glacier: a cliff of blue-white ice scored by crevasses."""
    tint = ctx.tone(ice)
    w, h = r.width(), r.height()
    points = [(r.left(), r.bottom())]
    for k in range(13):
        points.append((r.left() + w * k / 12, r.top() + h * (0.1 + 0.12 * ((k * 7) % 3))))
    points.append((r.right(), r.bottom()))
    body = polygon(points)
    canvas.drawPath(body, vertical(shade(tint, 1.05), mix(tint, (120, 180, 220), 0.45), r.top(),
                                   r.bottom()))
    canvas.save()
    canvas.clipPath(body, doAntiAlias=True)
    for k in range(16):
        x = r.left() + w * (k + 0.5) / 16 + ctx.rng.uniform(-w * 0.01, w * 0.01)
        canvas.drawLine(x, r.top(), x + w * 0.01, r.bottom(), stroke(ctx.tone((110, 170, 215)),
                                                                    w * 0.006, 200))
    canvas.restore()


@shape("cloud_tops", 10.0, (250, 250, 255))
def cloud_tops(canvas: skia.Canvas, r: skia.Rect, white: RGB, ctx: Context) -> None:
    """A floor of cloud tops: soft white billows, shaded blue underneath."""
    tint = ctx.tone(white)
    x = r.left()
    k = 0
    while x < r.right():
        radius = r.height() * (0.6 + 0.4 * ((k * 7) % 5) / 5)
        canvas.drawCircle(x, r.bottom(), radius, vertical(tint, mix(tint, (170, 190, 220), 0.4),
                                                          r.bottom() - radius, r.bottom()
                                                          + radius))
        x += radius * 1.3
        k += 1


@shape("sea_stack", 0.6, (150, 130, 110))
def sea_stack(canvas: skia.Canvas, r: skia.Rect, rock: RGB, ctx: Context) -> None:
    """A rock pillar standing in the sea off a cliff coast, with surf at its foot."""
    tint = ctx.tone(rock)
    canvas.drawPath(polygon([(r.left(), r.bottom()), (r.left() + r.width() * 0.15, r.top()
                                                      + r.height() * 0.1),
                             (r.centerX(), r.top()), (r.right() - r.width() * 0.1, r.top()
                                                      + r.height() * 0.2),
                             (r.right(), r.bottom())]),
                    horizontal(shade(tint, 1.1), shade(tint, 0.75), r.left(), r.right()))
    canvas.drawOval(skia.Rect.MakeLTRB(r.left() - r.width() * 0.1, r.bottom() - r.height() * 0.05,
                                       r.right() + r.width() * 0.1, r.bottom() + r.height() * 0.05),
                    fill((250, 250, 255), 200))


@shape("cliff_face", 2.0, (150, 130, 110))
def cliff_face(canvas: skia.Canvas, r: skia.Rect, rock: RGB, ctx: Context) -> None:
    """A headland across the water: a grassy top and a sheer face of layered rock that
    drops to surf at its foot, its face on the right (flip it for the other side)."""
    tint = ctx.tone(rock)
    w, h = r.width(), r.height()
    edge = r.right() - w * 0.1
    face = polygon([(r.left(), r.top() + h * 0.06), (edge - w * 0.08, r.top()),
                    (edge, r.top() + h * 0.04), (edge - w * 0.03, r.top() + h * 0.35),
                    (edge + w * 0.05, r.top() + h * 0.62), (r.right(), r.bottom()),
                    (r.left(), r.bottom())])
    canvas.drawPath(face, horizontal(shade(tint, 0.72), shade(tint, 1.15), r.left(),
                                     r.right()))
    canvas.save()
    canvas.clipPath(face, doAntiAlias=True)
    for k in range(7):
        y = r.top() + h * (0.12 + 0.13 * k)
        canvas.drawLine(r.left(), y + h * 0.03, r.right(), y, stroke(shade(tint, 0.78),
                                                                     max(h * 0.012, 1.0)))
    canvas.restore()
    canvas.drawPath(polygon([(r.left(), r.top() + h * 0.02), (edge - w * 0.08, r.top()
                                                              - h * 0.04),
                             (edge + w * 0.01, r.top() + h * 0.02),
                             (edge - w * 0.02, r.top() + h * 0.08),
                             (r.left(), r.top() + h * 0.12)]), fill(ctx.tone((110, 150, 80))))
    canvas.drawOval(skia.Rect.MakeLTRB(edge - w * 0.1, r.bottom() - h * 0.05, r.right()
                                       + w * 0.1, r.bottom() + h * 0.05),
                    fill((250, 250, 255), 210))
