"""Drawn home fittings: bedroom, bathroom and nursery furniture, the basement's
boiler and pipes, and a wall clock."""

from __future__ import annotations

import math

import skia

from openreel.engines.procedural.render.palette import RGB, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    fill,
    horizontal,
    panel,
    polygon,
    stroke,
    vertical,
)
from openreel.engines.procedural.render.places.items import shape


@shape("tv_stand", 3.0, (90, 70, 55))
def tv_stand(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A low media cabinet."""
    panel(canvas, r, ctx.tone(wood), r.height() * 0.1)
    canvas.drawLine(r.centerX(), r.top() + r.height() * 0.2, r.centerX(), r.bottom()
                    - r.height() * 0.1, stroke(shade(ctx.tone(wood), 0.7), r.height() * 0.05))


@shape("nightstand", 1.0, (170, 125, 85))
def nightstand(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A bedside table with a drawer."""
    panel(canvas, r, ctx.tone(wood), r.height() * 0.06)
    drawer = r.makeInset(r.width() * 0.1, r.height() * 0.15)
    canvas.drawRect(skia.Rect.MakeLTRB(drawer.left(), drawer.top(), drawer.right(),
                                       drawer.centerY()), stroke(shade(ctx.tone(wood), 0.75),
                                                                 r.height() * 0.03))
    canvas.drawCircle(r.centerX(), drawer.top() + drawer.height() * 0.25, r.height() * 0.04,
                      fill(ctx.tone((220, 200, 150))))


@shape("wardrobe", 0.55, (150, 105, 70))
def wardrobe(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A tall two-door wardrobe."""
    tint = ctx.tone(wood)
    panel(canvas, r, tint, r.width() * 0.03)
    for side in (0, 1):
        door = skia.Rect.MakeLTRB(r.left() + r.width() * (0.06 + 0.46 * side), r.top()
                                  + r.height() * 0.04, r.left() + r.width() * (0.48 + 0.46 * side),
                                  r.bottom() - r.height() * 0.06)
        canvas.drawRect(door.makeInset(door.width() * 0.12, door.height() * 0.05),
                        stroke(shade(tint, 0.8), r.width() * 0.015))
        canvas.drawCircle(door.right() - door.width() * 0.15 if side == 0 else door.left()
                          + door.width() * 0.15, door.centerY(), r.width() * 0.025,
                          fill(ctx.tone((230, 210, 150))))


@shape("towel_rail", 1.2, (120, 190, 200))
def towel_rail(canvas: skia.Canvas, r: skia.Rect, towel: RGB, ctx: Context) -> None:
    """A chrome rail with a towel folded over it."""
    canvas.drawLine(r.left(), r.top(), r.right(), r.top(), stroke(ctx.tone((200, 205, 215)),
                                                                  r.height() * 0.08))
    towel_rect = skia.Rect.MakeLTRB(r.left() + r.width() * 0.15, r.top(), r.right()
                                    - r.width() * 0.15, r.bottom())
    panel(canvas, towel_rect, ctx.tone(towel), r.width() * 0.05)
    for y in (0.75, 0.85):
        canvas.drawLine(towel_rect.left(), r.top() + r.height() * y, towel_rect.right(),
                        r.top() + r.height() * y, stroke((255, 255, 255), r.height() * 0.03, 200))


@shape("washbasin", 0.6, (245, 245, 248))
def washbasin(canvas: skia.Canvas, r: skia.Rect, china: RGB, ctx: Context) -> None:
    """A pedestal washbasin with a chrome tap."""
    tint = ctx.tone(china)
    bowl = skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.15, r.right(), r.top()
                              + r.height() * 0.38)
    canvas.drawPath(polygon([(r.centerX() - r.width() * 0.12, bowl.bottom()),
                             (r.centerX() + r.width() * 0.12, bowl.bottom()),
                             (r.centerX() + r.width() * 0.2, r.bottom()),
                             (r.centerX() - r.width() * 0.2, r.bottom())]),
                    horizontal(shade(tint, 0.9), tint, r.left(), r.right()))
    canvas.drawRoundRect(bowl, bowl.height() * 0.4, bowl.height() * 0.4,
                         vertical(tint, shade(tint, 0.85), bowl.top(), bowl.bottom()))
    chrome = ctx.tone((190, 196, 205))
    canvas.drawLine(r.centerX(), bowl.top(), r.centerX(), r.top(), stroke(chrome,
                                                                         r.width() * 0.06))
    canvas.drawLine(r.centerX(), r.top(), r.centerX() + r.width() * 0.15, r.top(),
                    stroke(chrome, r.width() * 0.05))


@shape("shower_head", 0.35, (200, 205, 215))
def shower_head(canvas: skia.Canvas, r: skia.Rect, chrome: RGB, ctx: Context) -> None:
    """A shower: the riser pipe, a big rose head, the mixer, and falling water."""
    tint = ctx.tone(chrome)
    pipe_x = r.left() + r.width() * 0.2
    canvas.drawLine(pipe_x, r.bottom() - r.height() * 0.35, pipe_x, r.top() + r.height() * 0.05,
                    stroke(tint, r.width() * 0.06))
    canvas.drawLine(pipe_x, r.top() + r.height() * 0.05, r.centerX() + r.width() * 0.2,
                    r.top() + r.height() * 0.05, stroke(tint, r.width() * 0.06))
    head = skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.25, r.top() + r.height() * 0.06,
                              r.centerX() + r.width() * 0.45, r.top() + r.height() * 0.12)
    canvas.drawRoundRect(head, head.height() * 0.5, head.height() * 0.5, fill(shade(tint, 1.1)))
    panel(canvas, skia.Rect.MakeXYWH(pipe_x - r.width() * 0.12, r.bottom() - r.height() * 0.38,
                                     r.width() * 0.24, r.height() * 0.06), tint,
          r.width() * 0.05)
    water = stroke(ctx.tone((120, 180, 230)), max(r.width() * 0.018, 1.5), 190)
    for k in range(11):
        x = head.left() + head.width() * (k + 0.5) / 11
        for j in range(6):  # dashed streams read as falling water
            y0 = head.bottom() + (r.bottom() - head.bottom()) * (j + 0.15 * (k % 3)) / 6
            y1 = y0 + (r.bottom() - head.bottom()) * 0.1
            spread = (k - 5) * r.width() * 0.025
            t0 = (y0 - head.bottom()) / (r.bottom() - head.bottom())
            t1 = (y1 - head.bottom()) / (r.bottom() - head.bottom())
            canvas.drawLine(x + spread * t0, y0, x + spread * t1, y1, water)


@shape("glass_screen", 0.35, (210, 235, 245))
def glass_screen(canvas: skia.Canvas, r: skia.Rect, glass: RGB, ctx: Context) -> None:
    """A glass shower screen on a chrome frame, misted at the bottom."""
    canvas.drawRect(r, vertical(ctx.tone(glass), ctx.tone((240, 248, 252)), r.top(), r.bottom(),
                                90))
    canvas.drawRect(r, stroke(ctx.tone((190, 196, 205)), r.width() * 0.04))
    canvas.drawLine(r.left() + r.width() * 0.2, r.bottom(), r.left() + r.width() * 0.7,
                    r.top(), stroke((255, 255, 255), r.width() * 0.05, 90))


@shape("shelf", 8.0, (230, 230, 232))
def shelf(canvas: skia.Canvas, r: skia.Rect, surface: RGB, ctx: Context) -> None:
    """A plain wall shelf."""
    panel(canvas, r, ctx.tone(surface))


@shape("bunting", 8.0, (230, 120, 150))
def bunting(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """Bunting: a sagging string of pastel pennants."""
    colours = ((250, 180, 190), (170, 210, 240), (250, 230, 150), (180, 230, 190))
    string = skia.Path()
    string.moveTo(r.left(), r.top())
    string.quadTo(r.centerX(), r.top() + r.height() * 1.0, r.right(), r.top())
    canvas.drawPath(string, stroke(ctx.tone((150, 140, 130)), r.height() * 0.04))
    measure = skia.PathMeasure(string, False)
    n = int(r.width() / (r.height() * 0.9))
    for k in range(n):
        p, _ = measure.getPosTan(measure.getLength() * (k + 0.5) / n)
        canvas.drawPath(polygon([(p.x() - r.height() * 0.35, p.y()), (p.x() + r.height() * 0.35,
                                                                      p.y()),
                                 (p.x(), p.y() + r.height() * 0.9)]),
                        fill(ctx.tone(colours[k % 4])))


@shape("mobile", 0.8, (250, 210, 120))
def mobile(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A cot mobile: an arm, a hoop and stars and moons hanging from it."""
    line = stroke(ctx.tone((170, 150, 130)), max(r.width() * 0.01, 1.0))
    canvas.drawLine(r.centerX(), r.top(), r.centerX(), r.top() + r.height() * 0.3, line)
    canvas.drawLine(r.left(), r.top() + r.height() * 0.3, r.right(), r.top() + r.height() * 0.3,
                    line)
    colours = ((250, 210, 120), (170, 210, 240), (250, 180, 190))
    for k in range(3):
        x = r.left() + r.width() * (0.1 + 0.4 * k)
        y = r.top() + r.height() * (0.6 + 0.15 * (k % 2))
        canvas.drawLine(x, r.top() + r.height() * 0.3, x, y, line)
        canvas.drawCircle(x, y + r.height() * 0.08, r.height() * 0.09, fill(ctx.tone(colours[k])))


@shape("toy_box", 1.5, (240, 170, 80))
def toy_box(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A painted toy chest with blocks spilling on top."""
    panel(canvas, r, ctx.tone(paint), r.height() * 0.1)
    for k, colour in enumerate(((220, 70, 70), (60, 130, 210), (90, 190, 110))):
        block = skia.Rect.MakeXYWH(r.left() + r.width() * (0.15 + 0.25 * k), r.top() + r.height()
                                   * 0.3, r.height() * 0.3, r.height() * 0.3)
        panel(canvas, block, ctx.tone(colour), r.height() * 0.04)


@shape("pipes", 20.0, (150, 140, 130))
def pipes(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """Pipes running along under a ceiling, with brackets."""
    tint = ctx.tone(metal)
    for k, y in enumerate((r.top(), r.top() + r.height() * 0.6)):
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + r.height() * 0.4),
                        vertical(shade(tint, 1.2 - 0.1 * k), shade(tint, 0.75), y, y
                                 + r.height() * 0.4))
    x = r.left()
    while x < r.right():
        canvas.drawRect(skia.Rect.MakeXYWH(x, r.top() - r.height() * 0.1, r.height() * 0.2,
                                           r.height() * 1.2), fill(shade(tint, 0.7)))
        x += r.height() * 12


@shape("boiler", 0.5, (200, 200, 195))
def boiler(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A water heater: a tall cylinder with a gauge and pipes."""
    tint = ctx.tone(paint)
    body = r.makeInset(r.width() * 0.1, 0)
    canvas.drawRoundRect(body, body.width() * 0.3, body.width() * 0.3,
                         horizontal(shade(tint, 0.8), shade(tint, 1.1), body.left(),
                                    body.right()))
    canvas.drawCircle(body.centerX(), body.top() + body.height() * 0.35, body.width() * 0.15,
                      fill((250, 250, 245)))
    canvas.drawCircle(body.centerX(), body.top() + body.height() * 0.35, body.width() * 0.15,
                      stroke((60, 60, 60), body.width() * 0.03))
    for x in (body.left() + body.width() * 0.3, body.right() - body.width() * 0.3):
        canvas.drawLine(x, body.top(), x, r.top() - r.height() * 0.3,
                        stroke(ctx.tone((170, 120, 80)), body.width() * 0.08))


@shape("wall_clock", 1.0, (250, 248, 240))
def wall_clock(canvas: skia.Canvas, r: skia.Rect, face: RGB, ctx: Context) -> None:
    """A round wall clock: a white face in a dark rim, hour marks and hands."""
    radius = min(r.width(), r.height()) / 2
    c = (r.centerX(), r.centerY())
    canvas.drawCircle(*c, radius, fill(ctx.tone((50, 50, 56))))
    canvas.drawCircle(*c, radius * 0.85, fill(ctx.tone(face)))
    for k in range(12):
        a = k / 12 * math.tau
        canvas.drawLine(c[0] + math.cos(a) * radius * 0.7, c[1] + math.sin(a) * radius * 0.7,
                        c[0] + math.cos(a) * radius * 0.8, c[1] + math.sin(a) * radius * 0.8,
                        stroke((40, 40, 40), radius * 0.06))
    canvas.drawLine(*c, c[0], c[1] - radius * 0.6, stroke((30, 30, 30), radius * 0.07))
    canvas.drawLine(*c, c[0] + radius * 0.4, c[1] + radius * 0.1, stroke((30, 30, 30),
                                                                         radius * 0.09))


@shape("drain", 3.0, (150, 155, 160))
def drain(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A round floor drain with slots, in a wet sheen."""
    canvas.drawOval(r.makeOutset(r.width() * 0.6, r.height() * 0.6), fill((255, 255, 255), 50))
    canvas.drawOval(r, fill(ctx.tone(metal)))
    for k in range(1, 5):
        x = r.left() + r.width() * k / 5
        canvas.drawLine(x, r.top() + r.height() * 0.25, x, r.bottom() - r.height() * 0.25,
                        stroke((60, 60, 64), r.height() * 0.12))
