"""Drawn landmarks a place is named by: windmills, lighthouses, bridges, arches, towers,
barns, palaces, factories, cranes, carousels, fountains, stands and station canopies."""

from __future__ import annotations

import math

import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    fill,
    glow,
    horizontal,
    panel,
    polygon,
    stroke,
    vertical,
    window_glass,
)
from openreel.engines.procedural.render.places.items import shape


def _windows(canvas: skia.Canvas, area: skia.Rect, cols: int, rows: int, glass: RGB,
             frame: RGB | None = None) -> None:
    """A grid of windows filling ``area``."""
    cw, rh = area.width() / cols, area.height() / rows
    for c in range(cols):
        for r in range(rows):
            pane = skia.Rect.MakeXYWH(area.left() + c * cw + cw * 0.22, area.top() + r * rh
                                      + rh * 0.18, cw * 0.56, rh * 0.62)
            if frame is not None:
                canvas.drawRect(pane.makeOutset(cw * 0.06, cw * 0.06), fill(frame))
            canvas.drawRect(pane, vertical(shade(glass, 1.15), shade(glass, 0.85), pane.top(),
                                           pane.bottom()))



@shape("windmill", 0.75, (236, 226, 206))
def windmill(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A Dutch windmill: a tapering tower, a cap, and four lattice sails."""
    tint = ctx.tone(body)
    cx, w = r.centerX(), r.width()
    tower_top = r.top() + r.height() * 0.38
    tower = polygon([(cx - w * 0.3, r.bottom()), (cx - w * 0.17, tower_top),
                     (cx + w * 0.17, tower_top), (cx + w * 0.3, r.bottom())])
    canvas.drawPath(tower, horizontal(shade(tint, 0.82), shade(tint, 1.08), cx - w * 0.3,
                                      cx + w * 0.3))
    cap = polygon([(cx - w * 0.22, tower_top), (cx, tower_top - r.height() * 0.1),
                   (cx + w * 0.22, tower_top)])
    canvas.drawPath(cap, fill(ctx.tone((120, 60, 50))))
    door = skia.Rect.MakeLTRB(cx - w * 0.06, r.bottom() - r.height() * 0.13, cx + w * 0.06,
                              r.bottom())
    canvas.drawRoundRect(door, w * 0.06, w * 0.06, fill(ctx.tone((110, 70, 45))))
    canvas.drawRect(skia.Rect.MakeXYWH(cx - w * 0.05, r.top() + r.height() * 0.55, w * 0.1,
                                       w * 0.1), fill(window_glass(ctx)))
    hub = (cx, tower_top - r.height() * 0.02)
    sail = r.height() * 0.42
    for k in range(4):
        a = math.radians(25 + 90 * k)
        ux, uy = math.cos(a), -math.sin(a)
        px, py = -uy, ux
        tip = (hub[0] + ux * sail, hub[1] + uy * sail)
        canvas.drawLine(*hub, *tip, stroke(ctx.tone((90, 60, 40)), w * 0.025))
        frame = polygon([(hub[0] + ux * sail * 0.2, hub[1] + uy * sail * 0.2),
                         tip, (tip[0] + px * w * 0.13, tip[1] + py * w * 0.13),
                         (hub[0] + ux * sail * 0.2 + px * w * 0.13,
                          hub[1] + uy * sail * 0.2 + py * w * 0.13)])
        canvas.drawPath(frame, fill(ctx.tone((240, 236, 225)), 210))
        canvas.drawPath(frame, stroke(ctx.tone((90, 60, 40)), w * 0.01))
        for j in range(1, 6):
            t = 0.2 + 0.8 * j / 6
            a0 = (hub[0] + ux * sail * t, hub[1] + uy * sail * t)
            canvas.drawLine(*a0, a0[0] + px * w * 0.13, a0[1] + py * w * 0.13,
                            stroke(ctx.tone((90, 60, 40)), w * 0.008))
    canvas.drawCircle(*hub, w * 0.035, fill(ctx.tone((70, 50, 40))))


@shape("lighthouse", 0.32, (245, 245, 245))
def lighthouse(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A striped lighthouse: tapering tower, gallery, lantern room and its beam."""
    cx, w, h = r.centerX(), r.width(), r.height()
    top = r.top() + h * 0.2
    tower = polygon([(cx - w * 0.5, r.bottom()), (cx - w * 0.3, top), (cx + w * 0.3, top),
                     (cx + w * 0.5, r.bottom())])
    canvas.save()
    canvas.clipPath(tower, doAntiAlias=True)
    canvas.drawRect(r, horizontal(shade(ctx.tone(body), 0.85), ctx.tone(body), r.left(),
                                  r.right()))
    red = ctx.tone((210, 50, 50))
    for k in range(4):
        y = top + (r.bottom() - top) * (0.12 + 0.25 * k)
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + (r.bottom() - top)
                                           * 0.12), horizontal(shade(red, 0.8), red, r.left(),
                                                               r.right()))
    canvas.restore()
    canvas.drawRect(skia.Rect.MakeLTRB(cx - w * 0.42, top - h * 0.02, cx + w * 0.42, top),
                    fill(ctx.tone((50, 50, 56))))
    lamp = skia.Rect.MakeLTRB(cx - w * 0.22, r.top() + h * 0.09, cx + w * 0.22, top - h * 0.02)
    beam = (255, 240, 170)
    if ctx.light.night or ctx.light.sun_height < 0.15:
        ray = polygon([(cx, lamp.centerY()), (r.left() - w * 6, lamp.centerY() - h * 0.08),
                       (r.left() - w * 6, lamp.centerY() + h * 0.06)])
        canvas.drawPath(ray, fill(beam, 60, blur=w * 0.15))
    canvas.drawCircle(cx, lamp.centerY(), w * 0.9, glow(cx, lamp.centerY(), w * 0.9, beam, 120))
    canvas.drawRect(lamp, fill((255, 236, 150)))
    canvas.drawLine(cx, lamp.top(), cx, lamp.bottom(), stroke((60, 60, 66), w * 0.03))
    roof = polygon([(cx - w * 0.28, lamp.top()), (cx, r.top()), (cx + w * 0.28, lamp.top())])
    canvas.drawPath(roof, fill(red))


@shape("bridge", 5.0, (200, 70, 60))
def bridge(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A suspension bridge: two towers, the main cables' sag, hangers and a deck."""
    tint = ctx.tone(steel)
    deck_y = r.top() + r.height() * 0.72
    towers = (r.left() + r.width() * 0.22, r.right() - r.width() * 0.22)
    for x in towers:
        leg = r.width() * 0.012
        for dx in (-leg * 1.6, leg * 1.6):
            canvas.drawRect(skia.Rect.MakeLTRB(x + dx - leg / 2, r.top(), x + dx + leg / 2,
                                               r.bottom()), fill(tint))
        for y in (r.top() + r.height() * 0.05, r.top() + r.height() * 0.4):
            canvas.drawRect(skia.Rect.MakeLTRB(x - leg * 2.2, y, x + leg * 2.2, y
                                               + r.height() * 0.04), fill(shade(tint, 0.9)))
    cable = skia.Path()
    cable.moveTo(r.left(), deck_y - r.height() * 0.1)
    cable.quadTo((r.left() + towers[0]) / 2, deck_y - r.height() * 0.2, towers[0], r.top())
    cable.quadTo((towers[0] + towers[1]) / 2, deck_y + r.height() * 0.55, towers[1], r.top())
    cable.quadTo((towers[1] + r.right()) / 2, deck_y - r.height() * 0.2, r.right(),
                 deck_y - r.height() * 0.1)
    line = stroke(tint, max(r.height() * 0.012, 1.0))
    canvas.drawPath(cable, line)
    measure = skia.PathMeasure(cable, False)
    length = measure.getLength()
    for k in range(1, 60):
        point, _ = measure.getPosTan(length * k / 60)
        if point.y() < deck_y:
            canvas.drawLine(point.x(), point.y(), point.x(), deck_y,
                            stroke(tint, max(r.height() * 0.004, 1.0)))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), deck_y, r.right(), deck_y + r.height() * 0.06),
          ctx.tone((90, 90, 96)))


@shape("rock_arch", 1.5, (196, 110, 70))
def rock_arch(canvas: skia.Canvas, r: skia.Rect, rock: RGB, ctx: Context) -> None:
    """A natural arch of red sandstone standing over the plain."""
    tint = ctx.tone(rock)
    outer = skia.Path()
    outer.moveTo(r.left(), r.bottom())
    outer.cubicTo(r.left() - r.width() * 0.02, r.top() + r.height() * 0.25, r.left()
                  + r.width() * 0.2, r.top(), r.centerX(), r.top() + r.height() * 0.02)
    outer.cubicTo(r.right() - r.width() * 0.15, r.top(), r.right() + r.width() * 0.02,
                  r.top() + r.height() * 0.3, r.right(), r.bottom())
    outer.close()
    hole = skia.Path()
    hole.moveTo(r.left() + r.width() * 0.2, r.bottom() + 1)
    hole.cubicTo(r.left() + r.width() * 0.2, r.top() + r.height() * 0.35, r.right()
                 - r.width() * 0.22, r.top() + r.height() * 0.28, r.right() - r.width() * 0.2,
                 r.bottom() + 1)
    hole.close()
    arch = skia.Op(outer, hole, skia.PathOp.kDifference_PathOp) or outer
    canvas.drawPath(arch, horizontal(shade(tint, 1.1), shade(tint, 0.78), r.left(), r.right()))
    for k in range(6):  # the rock's strata
        y = r.top() + r.height() * (0.12 + k * 0.14)
        canvas.save()
        canvas.clipPath(arch, doAntiAlias=True)
        canvas.drawLine(r.left(), y, r.right(), y + r.height() * 0.02,
                        stroke(shade(tint, 0.85), max(r.height() * 0.012, 1.0)))
        canvas.restore()


@shape("barn", 1.3, (180, 50, 40))
def barn(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A red barn: a gambrel roof, white trim and big doors with a cross brace."""
    tint = ctx.tone(paint)
    w, h = r.width(), r.height()
    eave = r.top() + h * 0.42
    body = polygon([(r.left(), r.bottom()), (r.left(), eave), (r.left() + w * 0.18, r.top()
                                                                + h * 0.12),
                    (r.centerX(), r.top()), (r.right() - w * 0.18, r.top() + h * 0.12),
                    (r.right(), eave), (r.right(), r.bottom())])
    canvas.drawPath(body, vertical(shade(tint, 1.08), shade(tint, 0.85), r.top(), r.bottom()))
    trim = stroke(ctx.tone((245, 242, 235)), max(w * 0.02, 1.5))
    canvas.drawPath(body, trim)
    for k in range(1, 12):
        x = r.left() + w * k / 12
        canvas.drawLine(x, eave, x, r.bottom(), stroke(shade(tint, 0.85), max(w * 0.004, 1.0)))
    door = skia.Rect.MakeLTRB(r.centerX() - w * 0.2, r.top() + h * 0.5, r.centerX() + w * 0.2,
                              r.bottom())
    canvas.drawRect(door, fill(shade(tint, 0.9)))
    canvas.drawRect(door, trim)
    canvas.drawLine(door.left(), door.top(), door.right(), door.bottom(), trim)
    canvas.drawLine(door.right(), door.top(), door.left(), door.bottom(), trim)
    loft = skia.Rect.MakeLTRB(r.centerX() - w * 0.08, r.top() + h * 0.2, r.centerX() + w * 0.08,
                              r.top() + h * 0.36)
    canvas.drawRect(loft, fill((50, 35, 30)))
    canvas.drawRect(loft, trim)


@shape("silo", 0.32, (200, 205, 210))
def silo(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A grain silo: a ribbed cylinder under a dome."""
    tint = ctx.tone(metal)
    body = skia.Rect.MakeLTRB(r.left(), r.top() + r.width() * 0.5, r.right(), r.bottom())
    canvas.drawRect(body, horizontal(shade(tint, 0.8), shade(tint, 1.12), r.left(), r.right()))
    canvas.drawOval(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.width()),
                    fill(shade(tint, 1.05)))
    for k in range(1, 12):
        y = body.top() + body.height() * k / 12
        canvas.drawLine(r.left(), y, r.right(), y, stroke(shade(tint, 0.85),
                                                          max(r.width() * 0.015, 1.0)))


@shape("greenhouse", 1.8, (220, 240, 235))
def greenhouse(canvas: skia.Canvas, r: skia.Rect, glass: RGB, ctx: Context) -> None:
    """A Victorian glasshouse: a domed palm house of white iron and glass."""
    tint = ctx.tone(glass)
    body = skia.Path()
    body.addRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.5, r.right(),
                                    r.bottom()))
    body.addOval(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.25, r.right(),
                                    r.top() + r.height() * 0.75))
    body.addOval(skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.22, r.top(), r.centerX()
                                    + r.width() * 0.22, r.top() + r.height() * 0.45))
    body = skia.Op(body, body, skia.PathOp.kUnion_PathOp) or body
    canvas.drawPath(body, vertical(shade(tint, 1.05), mix(tint, (120, 170, 120), 0.4), r.top(),
                                   r.bottom(), 235))
    canvas.save()
    canvas.clipPath(body, doAntiAlias=True)
    iron = stroke(ctx.tone((250, 250, 250)), max(r.width() * 0.006, 1.0))
    for k in range(25):
        x = r.left() + r.width() * k / 24
        canvas.drawLine(x, r.top(), x, r.bottom(), iron)
    for k in range(10):
        y = r.top() + r.height() * k / 9
        canvas.drawLine(r.left(), y, r.right(), y, iron)
    for k in range(5):  # palms inside, through the glass
        x = r.left() + r.width() * (0.15 + k * 0.18)
        canvas.drawCircle(x, r.top() + r.height() * 0.68, r.height() * 0.16,
                          fill(ctx.tone((70, 140, 80)), 150))
    canvas.restore()
    canvas.drawPath(body, stroke(ctx.tone((250, 250, 250)), max(r.width() * 0.01, 1.5)))


@shape("palace", 2.4, (238, 226, 200))
def palace(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A palace front: long symmetric wings, a columned centre, a gilt dome and flags."""
    tint = ctx.tone(stone)
    w, h = r.width(), r.height()
    wings = skia.Rect.MakeLTRB(r.left(), r.top() + h * 0.42, r.right(), r.bottom())
    panel(canvas, wings, tint)
    _windows(canvas, skia.Rect.MakeLTRB(wings.left(), wings.top() + h * 0.05, wings.right(),
                                        wings.bottom() - h * 0.08), 16, 2, window_glass(ctx),
             shade(tint, 1.1))
    centre = skia.Rect.MakeLTRB(r.centerX() - w * 0.18, r.top() + h * 0.3, r.centerX() + w * 0.18,
                                r.bottom())
    panel(canvas, centre, shade(tint, 1.05))
    pediment = polygon([(centre.left() - w * 0.01, centre.top()), (centre.centerX(),
                                                                   centre.top() - h * 0.1),
                        (centre.right() + w * 0.01, centre.top())])
    canvas.drawPath(pediment, fill(shade(tint, 1.1)))
    for k in range(6):
        x = centre.left() + centre.width() * (k + 0.5) / 6
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.008, centre.top() + h * 0.05, x + w * 0.008,
                                           r.bottom() - h * 0.04), fill(shade(tint, 1.14)))
    gold = ctx.tone((225, 180, 70))
    dome = skia.Rect.MakeLTRB(r.centerX() - w * 0.08, r.top() + h * 0.04, r.centerX() + w * 0.08,
                              r.top() + h * 0.3)
    canvas.drawOval(dome, vertical(shade(gold, 1.2), shade(gold, 0.8), dome.top(),
                                   dome.bottom()))
    canvas.drawRect(skia.Rect.MakeLTRB(dome.left(), dome.centerY(), dome.right(), centre.top()
                                       - h * 0.08), fill(shade(tint, 1.0)))
    canvas.drawLine(r.centerX(), r.top() - h * 0.06, r.centerX(), dome.top(), stroke(gold,
                                                                                    w * 0.004))
    canvas.drawCircle(r.centerX(), r.top() - h * 0.06, w * 0.006, fill(gold))
    for x in (r.left() + w * 0.06, r.right() - w * 0.06):
        canvas.drawLine(x, r.top() + h * 0.22, x, wings.top(), stroke(ctx.tone((90, 80, 70)),
                                                                       w * 0.004))
        canvas.drawPath(polygon([(x, r.top() + h * 0.22), (x + w * 0.04, r.top() + h * 0.25),
                                 (x, r.top() + h * 0.28)]), fill(ctx.tone((40, 80, 170))))


@shape("mansion", 2.0, (245, 240, 230))
def mansion(canvas: skia.Canvas, r: skia.Rect, render: RGB, ctx: Context) -> None:
    """A grand house: two storeys, a portico of columns, dormers and chimneys."""
    tint = ctx.tone(render)
    w, h = r.width(), r.height()
    roof_y = r.top() + h * 0.3
    roof = polygon([(r.left() - w * 0.02, roof_y), (r.left() + w * 0.12, r.top() + h * 0.08),
                    (r.right() - w * 0.12, r.top() + h * 0.08), (r.right() + w * 0.02, roof_y)])
    for x in (r.left() + w * 0.2, r.right() - w * 0.22):
        canvas.drawRect(skia.Rect.MakeLTRB(x, r.top(), x + w * 0.04, r.top() + h * 0.15),
                        fill(ctx.tone((150, 80, 65))))
    canvas.drawPath(roof, vertical(ctx.tone((80, 86, 100)), ctx.tone((60, 64, 76)), r.top(),
                                   roof_y))
    body = skia.Rect.MakeLTRB(r.left(), roof_y, r.right(), r.bottom())
    panel(canvas, body, tint)
    _windows(canvas, skia.Rect.MakeLTRB(body.left(), body.top() + h * 0.04, body.right(),
                                        body.bottom() - h * 0.06), 9, 2, window_glass(ctx),
             ctx.tone((245, 245, 245)))
    portico = skia.Rect.MakeLTRB(r.centerX() - w * 0.13, roof_y - h * 0.05, r.centerX()
                                 + w * 0.13, r.bottom())
    canvas.drawPath(polygon([(portico.left() - w * 0.01, portico.top()), (portico.centerX(),
                                                                          portico.top() - h * 0.1),
                             (portico.right() + w * 0.01, portico.top())]),
                    fill(shade(tint, 1.05)))
    canvas.drawRect(skia.Rect.MakeLTRB(portico.left(), portico.top(), portico.right(),
                                       portico.top() + h * 0.05), fill(shade(tint, 1.02)))
    canvas.drawRect(skia.Rect.MakeLTRB(portico.centerX() - w * 0.04, r.bottom() - h * 0.28,
                                       portico.centerX() + w * 0.04, r.bottom()),
                    fill(ctx.tone((90, 55, 40))))
    for k in range(4):
        x = portico.left() + portico.width() * (k + 0.5) / 4
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.01, portico.top() + h * 0.05, x + w * 0.01,
                                           r.bottom()), horizontal(shade(tint, 0.9),
                                                                   shade(tint, 1.12),
                                                                   x - w * 0.01, x + w * 0.01))


@shape("factory", 1.6, (150, 120, 100))
def factory(canvas: skia.Canvas, r: skia.Rect, brick: RGB, ctx: Context) -> None:
    """A factory: saw-tooth roofs, tall smoking chimneys and rows of windows."""
    tint = ctx.tone(brick)
    w, h = r.width(), r.height()
    for x in (r.left() + w * 0.12, r.left() + w * 0.3):
        stack = skia.Rect.MakeLTRB(x, r.top(), x + w * 0.06, r.bottom())
        canvas.drawRect(stack, horizontal(shade(tint, 0.85), shade(tint, 1.1), stack.left(),
                                          stack.right()))
        for band in (0.05, 0.1):
            canvas.drawRect(skia.Rect.MakeLTRB(stack.left(), r.top() + h * band, stack.right(),
                                               r.top() + h * (band + 0.02)), fill((230, 230, 230)))
        for k in range(4):
            canvas.drawCircle(x + w * 0.03 + k * w * 0.05, r.top() - h * (0.06 + k * 0.05),
                              w * (0.04 + k * 0.015), fill(ctx.tone((200, 200, 205)), 150,
                                                           blur=w * 0.01))
    body_top = r.top() + h * 0.45
    teeth = 5
    path = skia.Path()
    path.moveTo(r.left(), r.bottom())
    path.lineTo(r.left(), body_top)
    for k in range(teeth):
        x0 = r.left() + w * k / teeth
        path.lineTo(x0 + w / teeth * 0.7, body_top - h * 0.15)
        path.lineTo(x0 + w / teeth * 0.7, body_top)
        path.lineTo(x0 + w / teeth, body_top)
    path.lineTo(r.right(), r.bottom())
    path.close()
    canvas.drawPath(path, vertical(shade(tint, 1.05), shade(tint, 0.85), body_top, r.bottom()))
    _windows(canvas, skia.Rect.MakeLTRB(r.left(), body_top + h * 0.08, r.right(),
                                        r.bottom() - h * 0.15), 10, 2, window_glass(ctx))
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - w * 0.07, r.bottom() - h * 0.22,
                                       r.centerX() + w * 0.07, r.bottom()),
                    fill(ctx.tone((90, 95, 100))))
