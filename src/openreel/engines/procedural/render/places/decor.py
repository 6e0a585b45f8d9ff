"""Drawn indoor decor: bathroom fittings, shop and bar fixtures, lab and hospital gear,
museum cases, studio equipment and the hangings of halls."""

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
)
from openreel.engines.procedural.render.places.furniture import counter, desk
from openreel.engines.procedural.render.places.items import shape


def _legs(canvas: skia.Canvas, r: skia.Rect, top: float, colour: RGB, width: float) -> None:
    for x in (r.left() + width, r.right() - width):
        canvas.drawLine(x, top, x, r.bottom(), stroke(colour, width))


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


@shape("cafe_table", 0.9, (60, 60, 66))
def cafe_table(canvas: skia.Canvas, r: skia.Rect, iron: RGB, ctx: Context) -> None:
    """A round bistro table on a single pedestal."""
    tint = ctx.tone(iron)
    canvas.drawLine(r.centerX(), r.top(), r.centerX(), r.bottom(), stroke(tint, r.width()
                                                                          * 0.06))
    canvas.drawLine(r.centerX() - r.width() * 0.25, r.bottom(), r.centerX() + r.width() * 0.25,
                    r.bottom(), stroke(tint, r.width() * 0.05))
    canvas.drawOval(skia.Rect.MakeLTRB(r.left(), r.top() - r.height() * 0.05, r.right(),
                                       r.top() + r.height() * 0.07),
                    fill(ctx.tone((235, 230, 220))))


@shape("bread_shelf", 2.0, (150, 100, 60))
def bread_shelf(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """Wooden racks behind a bakery counter, stacked with loaves and baguettes."""
    tint = ctx.tone(wood)
    rows = 3
    for k in range(rows):
        y = r.top() + r.height() * (k + 1) / rows
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y - r.height() * 0.04, r.right(), y),
                        fill(tint))
        x = r.left() + r.width() * 0.02
        while x < r.right() - r.width() * 0.08:
            loaf = skia.Rect.MakeXYWH(x, y - r.height() * (0.04 + 0.13), r.width() * 0.07,
                                      r.height() * 0.13)
            crust = ctx.tone((205, 140, 70) if (k + int(x)) % 2 else (225, 170, 95))
            if k == 1:  # baguettes stand on end
                loaf = skia.Rect.MakeXYWH(x, y - r.height() * 0.3, r.width() * 0.03,
                                          r.height() * 0.26)
            canvas.drawRoundRect(loaf, loaf.width() * 0.45, loaf.width() * 0.45,
                                 vertical(shade(crust, 1.1), shade(crust, 0.85), loaf.top(),
                                          loaf.bottom()))
            x += loaf.width() * 1.25
    for x in (r.left(), r.right()):
        canvas.drawLine(x, r.top(), x, r.bottom(), stroke(tint, r.width() * 0.015))


@shape("neon_sign", 3.0, (255, 80, 160))
def neon_sign(canvas: skia.Canvas, r: skia.Rect, neon: RGB, ctx: Context) -> None:
    """A neon sign glowing on a dark wall: a cocktail glass and a wavy underline."""
    canvas.drawRect(r.makeOutset(r.height() * 0.6, r.height() * 0.6),
                    glow(r.centerX(), r.centerY(), r.width() * 0.7, neon, 70))
    tube = stroke(neon, r.height() * 0.09)
    cx = r.left() + r.width() * 0.2
    canvas.drawPath(polygon([(cx - r.height() * 0.45, r.top()), (cx + r.height() * 0.45,
                                                                 r.top()),
                             (cx, r.top() + r.height() * 0.55)]), tube)
    canvas.drawLine(cx, r.top() + r.height() * 0.55, cx, r.bottom(), tube)
    wave = skia.Path()
    wave.moveTo(r.left() + r.width() * 0.38, r.centerY())
    for k in range(1, 13):
        wave.lineTo(r.left() + r.width() * (0.38 + 0.05 * k), r.centerY()
                    + r.height() * 0.25 * math.sin(k * 1.4))
    canvas.drawPath(wave, stroke((120, 220, 255), r.height() * 0.09))


@shape("beer_taps", 1.4, (200, 170, 80))
def beer_taps(canvas: skia.Canvas, r: skia.Rect, brass: RGB, ctx: Context) -> None:
    """A row of beer taps on a brass bar."""
    tint = ctx.tone(brass)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.4, r.right(),
                                       r.top() + r.height() * 0.55), fill(tint))
    for k in range(4):
        x = r.left() + r.width() * (k + 0.5) / 4
        canvas.drawLine(x, r.top() + r.height() * 0.5, x, r.bottom(), stroke(tint,
                                                                            r.width() * 0.04))
        handle = (200, 60, 50) if k % 2 else (40, 40, 44)
        canvas.drawRoundRect(skia.Rect.MakeXYWH(x - r.width() * 0.04, r.top(), r.width() * 0.08,
                                                r.height() * 0.4), r.width() * 0.03,
                             r.width() * 0.03, fill(ctx.tone(handle)))


@shape("bar_stool", 0.45, (60, 60, 66))
def bar_stool(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A tall bar stool with a round red seat."""
    tint = ctx.tone(metal)
    canvas.drawLine(r.centerX(), r.top(), r.centerX(), r.bottom(), stroke(tint, r.width() * 0.1))
    canvas.drawLine(r.left() + r.width() * 0.15, r.bottom(), r.right() - r.width() * 0.15,
                    r.bottom(), stroke(tint, r.width() * 0.08))
    canvas.drawLine(r.left() + r.width() * 0.25, r.top() + r.height() * 0.6,
                    r.right() - r.width() * 0.25, r.top() + r.height() * 0.6,
                    stroke(tint, r.width() * 0.05))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.12),
          ctx.tone((170, 40, 40)), r.height() * 0.05)


@shape("aisle_sign", 3.0, (230, 60, 50))
def aisle_sign(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A hanging aisle sign with a number and a line of text."""
    canvas.drawLine(r.left() + r.width() * 0.2, r.top() - r.height() * 2, r.left()
                    + r.width() * 0.2, r.top(), stroke(ctx.tone((120, 120, 125)),
                                                       r.height() * 0.04))
    canvas.drawLine(r.right() - r.width() * 0.2, r.top() - r.height() * 2, r.right()
                    - r.width() * 0.2, r.top(), stroke(ctx.tone((120, 120, 125)),
                                                       r.height() * 0.04))
    panel(canvas, r, ctx.tone(paint), r.height() * 0.15)
    canvas.drawCircle(r.left() + r.height() * 0.5, r.centerY(), r.height() * 0.32,
                      fill((250, 250, 250)))
    canvas.drawLine(r.left() + r.height(), r.centerY(), r.right() - r.height() * 0.3,
                    r.centerY(), stroke((250, 250, 250), r.height() * 0.18))


def _cross(canvas: skia.Canvas, r: skia.Rect, colour: RGB, ctx: Context, backing: RGB) -> None:
    side = min(r.width(), r.height())
    square = skia.Rect.MakeXYWH(r.centerX() - side / 2, r.centerY() - side / 2, side, side)
    panel(canvas, square, ctx.tone(backing), side * 0.12)
    arm = side * 0.22
    for rect in (skia.Rect.MakeLTRB(square.left() + side * 0.18, square.centerY() - arm / 2,
                                    square.right() - side * 0.18, square.centerY() + arm / 2),
                 skia.Rect.MakeLTRB(square.centerX() - arm / 2, square.top() + side * 0.18,
                                    square.centerX() + arm / 2, square.bottom() - side * 0.18)):
        canvas.drawRect(rect, fill(colour))


@shape("green_cross", 1.0, (40, 180, 90))
def green_cross(canvas: skia.Canvas, r: skia.Rect, colour: RGB, ctx: Context) -> None:
    """A pharmacy's glowing green cross."""
    canvas.drawCircle(r.centerX(), r.centerY(), r.width(), glow(r.centerX(), r.centerY(),
                                                                r.width(), colour, 90))
    _cross(canvas, r, colour, ctx, (250, 250, 250))


@shape("red_cross", 1.0, (220, 40, 50))
def red_cross(canvas: skia.Canvas, r: skia.Rect, colour: RGB, ctx: Context) -> None:
    """A hospital's red cross on white."""
    _cross(canvas, r, colour, ctx, (250, 250, 250))


@shape("medicine_box", 1.3, (250, 250, 250))
def medicine_box(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A medicine packet with a coloured band."""
    panel(canvas, r, ctx.tone(paint), r.height() * 0.08)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.3, r.right(),
                                       r.top() + r.height() * 0.55), fill(ctx.tone((60, 140, 220))))


@shape("food_stall", 1.5, (220, 60, 60))
def food_stall(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A food-court stall: a lit sign board, a menu, and a counter below."""
    tint = ctx.tone(paint)
    sign = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.22)
    panel(canvas, sign, tint, r.height() * 0.02)
    back = skia.Rect.MakeLTRB(r.left() + r.width() * 0.03, sign.bottom(), r.right()
                              - r.width() * 0.03, r.bottom())
    canvas.drawRect(back, fill(mix(ctx.tone((60, 55, 55)), tint, 0.2)))
    menu = skia.Rect.MakeLTRB(back.left() + back.width() * 0.1, back.top() + back.height() * 0.1,
                              back.right() - back.width() * 0.1, back.top() + back.height()
                              * 0.35)
    canvas.drawRect(menu, fill((250, 245, 230)))
    for k in range(3):
        y = menu.top() + menu.height() * (0.25 + 0.25 * k)
        canvas.drawLine(menu.left() + menu.width() * 0.1, y, menu.right() - menu.width() * 0.3,
                        y, stroke(shade(tint, 0.8), menu.height() * 0.08))
    counter(canvas, skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.42, r.right(),
                                       r.bottom()), shade(paint, 0.9), ctx)


@shape("serving_counter", 2.8, (200, 205, 210))
def serving_counter(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A canteen's steel serving counter with trays of food under a sneeze guard."""
    counter(canvas, r, steel, ctx)
    colours = ((230, 180, 80), (120, 170, 70), (200, 90, 60), (240, 230, 200))
    for k in range(4):
        pan = skia.Rect.MakeXYWH(r.left() + r.width() * (0.06 + 0.23 * k), r.top()
                                 - r.height() * 0.08, r.width() * 0.2, r.height() * 0.1)
        canvas.drawRoundRect(pan, pan.height() * 0.3, pan.height() * 0.3,
                             fill(ctx.tone(colours[k])))
    canvas.drawLine(r.left(), r.top() - r.height() * 0.45, r.right(), r.top() - r.height() * 0.45,
                    stroke(ctx.tone((220, 235, 240)), r.height() * 0.05, 180))


@shape("long_table", 10.0, (210, 200, 180))
def long_table(canvas: skia.Canvas, r: skia.Rect, top: RGB, ctx: Context) -> None:
    """A long canteen table with benches."""
    tint = ctx.tone(top)
    x = r.left()
    while x < r.right():
        desk(canvas, skia.Rect.MakeLTRB(x, r.top(), x + r.height() * 5, r.bottom()), top, ctx)
        panel(canvas, skia.Rect.MakeLTRB(x + r.height() * 0.3, r.bottom() - r.height() * 0.45,
                                         x + r.height() * 4.7, r.bottom() - r.height() * 0.35),
              shade(tint, 0.8))
        x += r.height() * 5.2


@shape("tray", 2.5, (70, 130, 180))
def tray(canvas: skia.Canvas, r: skia.Rect, plastic: RGB, ctx: Context) -> None:
    """A canteen tray with a plate and a cup."""
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.25, r.right(),
                                     r.bottom()), ctx.tone(plastic), r.height() * 0.1)
    canvas.drawOval(skia.Rect.MakeLTRB(r.left() + r.width() * 0.1, r.bottom() - r.height() * 0.5,
                                       r.left() + r.width() * 0.55, r.bottom()
                                       - r.height() * 0.2), fill(ctx.tone((250, 250, 250))))
    panel(canvas, skia.Rect.MakeLTRB(r.right() - r.width() * 0.3, r.top(), r.right()
                                     - r.width() * 0.12, r.bottom() - r.height() * 0.25),
          ctx.tone((240, 240, 240)), r.width() * 0.03)


@shape("reading_lamp", 0.8, (40, 120, 80))
def reading_lamp(canvas: skia.Canvas, r: skia.Rect, shade_colour: RGB, ctx: Context) -> None:
    """A banker's desk lamp with a green glass shade, lit."""
    canvas.drawLine(r.centerX(), r.top() + r.height() * 0.3, r.centerX(), r.bottom(),
                    stroke(ctx.tone((200, 170, 80)), r.width() * 0.06))
    canvas.drawCircle(r.centerX(), r.top() + r.height() * 0.45, r.width() * 0.9,
                      glow(r.centerX(), r.top() + r.height() * 0.45, r.width() * 0.9,
                           (255, 235, 170), 90))
    canvas.drawPath(polygon([(r.left(), r.top() + r.height() * 0.38), (r.left() + r.width()
                                                                      * 0.2, r.top()),
                             (r.right() - r.width() * 0.2, r.top()),
                             (r.right(), r.top() + r.height() * 0.38)]),
                    fill(ctx.tone(shade_colour)))
    panel(canvas, skia.Rect.MakeLTRB(r.left() + r.width() * 0.2, r.bottom() - r.height() * 0.08,
                                     r.right() - r.width() * 0.2, r.bottom()),
          ctx.tone((200, 170, 80)))


@shape("lab_bench", 2.6, (235, 238, 240))
def lab_bench(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A laboratory bench: white cupboards under a black worktop, a tap and a shelf."""
    counter(canvas, r, body, ctx)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.1),
                    fill(ctx.tone((40, 44, 50))))


@shape("test_tubes", 1.3, (220, 220, 225))
def test_tubes(canvas: skia.Canvas, r: skia.Rect, rack: RGB, ctx: Context) -> None:
    """A rack of test tubes holding bright liquids."""
    colours = ((90, 200, 120), (240, 90, 120), (90, 160, 240), (250, 200, 60))
    for k in range(4):
        x = r.left() + r.width() * (k + 0.5) / 4
        tube = skia.Rect.MakeLTRB(x - r.width() * 0.07, r.top(), x + r.width() * 0.07,
                                  r.bottom() - r.height() * 0.1)
        canvas.drawRoundRect(tube, tube.width() / 2, tube.width() / 2,
                             fill((235, 245, 250), 170))
        canvas.drawRoundRect(skia.Rect.MakeLTRB(tube.left(), tube.top() + tube.height() * 0.45,
                                                tube.right(), tube.bottom()), tube.width() / 2,
                             tube.width() / 2, fill(ctx.tone(colours[k])))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.35, r.right(), r.top()
                                     + r.height() * 0.45), ctx.tone(rack))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.12, r.right(),
                                     r.bottom()), ctx.tone(rack))


@shape("fume_hood", 0.75, (225, 228, 232))
def fume_hood(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A fume cupboard: a steel box with a raised glass sash and a glowing inside."""
    tint = ctx.tone(body)
    panel(canvas, r, tint, r.width() * 0.03)
    inside = skia.Rect.MakeLTRB(r.left() + r.width() * 0.08, r.top() + r.height() * 0.15,
                                r.right() - r.width() * 0.08, r.top() + r.height() * 0.62)
    canvas.drawRect(inside, vertical((250, 250, 240), ctx.tone((200, 210, 215)), inside.top(),
                                     inside.bottom()))
    canvas.drawRect(skia.Rect.MakeLTRB(inside.left(), inside.top(), inside.right(),
                                       inside.top() + inside.height() * 0.45),
                    fill((220, 240, 250), 120))
    canvas.drawLine(inside.left(), inside.top() + inside.height() * 0.45, inside.right(),
                    inside.top() + inside.height() * 0.45, stroke(shade(tint, 0.7),
                                                                  r.height() * 0.015))


@shape("column", 0.16, (235, 228, 214))
def column(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A classical column: fluted shaft between a base and a capital."""
    tint = ctx.tone(stone)
    cap = r.height() * 0.05
    shaft = skia.Rect.MakeLTRB(r.left() + r.width() * 0.12, r.top() + cap, r.right()
                               - r.width() * 0.12, r.bottom() - cap)
    canvas.drawRect(shaft, horizontal(shade(tint, 0.82), shade(tint, 1.1), shaft.left(),
                                      shaft.right()))
    for k in range(1, 6):
        x = shaft.left() + shaft.width() * k / 6
        canvas.drawLine(x, shaft.top(), x, shaft.bottom(), stroke(shade(tint, 0.85),
                                                                  r.width() * 0.02))
    for y in (r.top(), r.bottom() - cap):
        panel(canvas, skia.Rect.MakeLTRB(r.left(), y, r.right(), y + cap), shade(tint, 1.05))


@shape("glass_case", 0.7, (230, 240, 245))
def glass_case(canvas: skia.Canvas, r: skia.Rect, glass: RGB, ctx: Context) -> None:
    """A museum display case: a glass box on a dark plinth."""
    base = skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.55, r.right(), r.bottom())
    panel(canvas, base, ctx.tone((60, 50, 45)))
    box = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), base.top())
    canvas.drawRect(box, fill(ctx.tone(glass), 90))
    canvas.drawRect(box, stroke(ctx.tone((200, 210, 215)), r.width() * 0.02))
    canvas.drawLine(box.left() + box.width() * 0.2, box.bottom(), box.left() + box.width() * 0.6,
                    box.top(), stroke((255, 255, 255), r.width() * 0.04, 100))


@shape("dinosaur_skeleton", 1.4, (232, 222, 196))
def dinosaur_skeleton(canvas: skia.Canvas, r: skia.Rect, bone: RGB, ctx: Context) -> None:
    """A dinosaur skeleton on a stand: skull, spine arching to the tail, ribs and legs."""
    tint = ctx.tone(bone)
    w, h = r.width(), r.height()
    line = stroke(tint, w * 0.018)
    spine = skia.Path()
    spine.moveTo(r.left() + w * 0.18, r.top() + h * 0.2)
    spine.cubicTo(r.left() + w * 0.35, r.top() + h * 0.15, r.left() + w * 0.55, r.top()
                  + h * 0.3, r.right(), r.top() + h * 0.55)
    canvas.drawPath(spine, line)
    measure = skia.PathMeasure(spine, False)
    for k in range(2, 9):
        p, _ = measure.getPosTan(measure.getLength() * k / 16)
        rib = skia.Path()
        rib.moveTo(p.x(), p.y())
        rib.quadTo(p.x() + w * 0.03, p.y() + h * 0.15, p.x() - w * 0.01, p.y()
                   + h * (0.28 - 0.015 * k))
        canvas.drawPath(rib, stroke(tint, w * 0.01))
    skull = polygon([(r.left(), r.top() + h * 0.12), (r.left() + w * 0.2, r.top() + h * 0.08),
                     (r.left() + w * 0.22, r.top() + h * 0.28), (r.left() + w * 0.02,
                                                                 r.top() + h * 0.26)])
    canvas.drawPath(skull, fill(tint))
    canvas.drawCircle(r.left() + w * 0.15, r.top() + h * 0.15, w * 0.02, fill((60, 50, 40)))
    for x0, x1 in ((0.38, 0.33), (0.52, 0.56)):
        canvas.drawLine(r.left() + w * x0, r.top() + h * 0.3, r.left() + w * x1,
                        r.bottom() - h * 0.12, stroke(tint, w * 0.022))
    panel(canvas, skia.Rect.MakeLTRB(r.left() + w * 0.2, r.bottom() - h * 0.1, r.right()
                                     - w * 0.2, r.bottom()), ctx.tone((70, 70, 78)))


@shape("gallery_bench", 4.0, (60, 60, 66))
def gallery_bench(canvas: skia.Canvas, r: skia.Rect, leather: RGB, ctx: Context) -> None:
    """A long low gallery bench."""
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.4),
          ctx.tone(leather), r.height() * 0.1)
    _legs(canvas, r, r.top() + r.height() * 0.4, ctx.tone((180, 180, 185)), r.height() * 0.12)


@shape("tank", 10.0, (40, 120, 170))
def tank(canvas: skia.Canvas, r: skia.Rect, water: RGB, ctx: Context) -> None:
    """An aquarium's great window: deep blue water, light rays and rising bubbles."""
    tint = ctx.tone(water)
    canvas.drawRect(r, vertical(shade(tint, 1.25), shade(tint, 0.55), r.top(), r.bottom()))
    for k in range(int(r.width() / (r.height() * 0.4))):
        x = r.left() + k * r.height() * 0.4
        canvas.drawPath(polygon([(x, r.top()), (x + r.height() * 0.08, r.top()),
                                 (x + r.height() * 0.3, r.bottom()), (x + r.height() * 0.15,
                                                                      r.bottom())]),
                        fill((220, 245, 255), 22))
    for _ in range(int(r.width() / (r.height() * 0.05))):
        canvas.drawCircle(ctx.rng.uniform(r.left(), r.right()), ctx.rng.uniform(r.top(),
                                                                                r.bottom()),
                          r.height() * ctx.rng.uniform(0.004, 0.012),
                          stroke((230, 250, 255), r.height() * 0.002, 160))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.1, r.right(),
                                       r.bottom()), fill(ctx.tone((210, 190, 140))))
    frame = stroke(ctx.tone((30, 30, 36)), r.height() * 0.03, round_cap=False)
    canvas.drawRect(r, frame)
    x = r.left()
    while x < r.right():
        canvas.drawLine(x, r.top(), x, r.bottom(), frame)
        x += r.height() * 1.6


@shape("office_chair", 0.65, (50, 52, 60))
def office_chair(canvas: skia.Canvas, r: skia.Rect, fabric: RGB, ctx: Context) -> None:
    """A swivel office chair: a tall back, a seat, a gas column and five-star base."""
    tint = ctx.tone(fabric)
    canvas.drawRoundRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.55, r.top(), r.right(),
                                            r.top() + r.height() * 0.55), r.width() * 0.15,
                         r.width() * 0.15, fill(tint))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.5, r.right(), r.top()
                                     + r.height() * 0.62), tint, r.height() * 0.04)
    steel = ctx.tone((150, 150, 155))
    canvas.drawLine(r.centerX(), r.top() + r.height() * 0.62, r.centerX(), r.bottom()
                    - r.height() * 0.08, stroke(steel, r.width() * 0.07))
    canvas.drawLine(r.left() + r.width() * 0.1, r.bottom() - r.height() * 0.06, r.right()
                    - r.width() * 0.1, r.bottom() - r.height() * 0.06, stroke(steel,
                                                                              r.width() * 0.06))
    for x in (r.left() + r.width() * 0.1, r.right() - r.width() * 0.1):
        canvas.drawCircle(x, r.bottom() - r.height() * 0.03, r.height() * 0.03,
                          fill((30, 30, 30)))


@shape("privacy_curtain", 0.45, (160, 210, 200))
def privacy_curtain(canvas: skia.Canvas, r: skia.Rect, cloth: RGB, ctx: Context) -> None:
    """A hospital cubicle curtain hanging from a ceiling rail."""
    tint = ctx.tone(cloth)
    canvas.drawLine(r.left() - r.width() * 0.2, r.top(), r.right(), r.top(),
                    stroke(ctx.tone((180, 185, 190)), r.height() * 0.012))
    fold = r.width() / 6
    for k in range(6):
        x = r.left() + k * fold
        canvas.drawRect(skia.Rect.MakeLTRB(x, r.top() + r.height() * 0.02, x + fold,
                                           r.bottom() - r.height() * 0.12),
                        horizontal(shade(tint, 0.85), shade(tint, 1.1), x, x + fold))


@shape("cell_bars", 0.12, (70, 72, 80))
def cell_bars(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """Prison bars standing at the edge of the frame."""
    tint = ctx.tone(steel)
    for k in range(3):
        x = r.left() + r.width() * (k + 0.5) / 3
        canvas.drawRect(skia.Rect.MakeLTRB(x - r.width() * 0.07, r.top(), x + r.width() * 0.07,
                                           r.bottom()), horizontal(shade(tint, 0.7),
                                                                   shade(tint, 1.4),
                                                                   x - r.width() * 0.07,
                                                                   x + r.width() * 0.07))
    for y in (r.top() + r.height() * 0.1, r.top() + r.height() * 0.55):
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + r.width() * 0.12),
                        fill(shade(tint, 0.9)))


@shape("drapes", 0.3, (160, 30, 45))
def drapes(canvas: skia.Canvas, r: skia.Rect, velvet: RGB, ctx: Context) -> None:
    """Velvet drapes tied back at either side of a tall window, with a pelmet."""
    tint = ctx.tone(velvet)
    for side in (-1, 1):
        edge = r.centerX() + side * r.width() * 0.5
        inner = r.centerX() + side * r.width() * 0.2
        drape = skia.Path()
        drape.moveTo(edge, r.top())
        drape.lineTo(inner, r.top())
        drape.quadTo(edge - side * r.width() * 0.05, r.top() + r.height() * 0.5, inner,
                     r.bottom())
        drape.lineTo(edge, r.bottom())
        drape.close()
        canvas.drawPath(drape, horizontal(shade(tint, 0.7), shade(tint, 1.1), min(edge, inner),
                                          max(edge, inner)))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.06),
                    fill(ctx.tone((200, 160, 70))))


@shape("bleachers", 10.0, (150, 155, 165))
def bleachers(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """Pull-out bleachers: stepped benches, seen front-on."""
    tint = ctx.tone(steel)
    rows = 5
    for k in range(rows):
        y = r.top() + r.height() * k / rows
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + r.height() / rows),
                        fill(shade(tint, 0.75 + 0.05 * k)))
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + r.height() / rows * 0.35),
                        fill(ctx.tone((170, 120, 80))))


@shape("banner", 0.7, (40, 80, 160))
def banner(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A championship banner hanging from the wall."""
    tint = ctx.tone(paint)
    canvas.drawPath(polygon([(r.left(), r.top()), (r.right(), r.top()), (r.right(), r.bottom()),
                             (r.centerX(), r.bottom() - r.height() * 0.2), (r.left(), r.bottom())]),
                    fill(tint))
    canvas.drawCircle(r.centerX(), r.top() + r.height() * 0.38, r.width() * 0.25,
                      fill(ctx.tone((250, 200, 60))))


@shape("pool_ladder", 0.6, (200, 205, 212))
def pool_ladder(canvas: skia.Canvas, r: skia.Rect, chrome: RGB, ctx: Context) -> None:
    """A pool ladder's two curved chrome rails rising from the water."""
    tint = ctx.tone(chrome)
    for x in (r.left(), r.right()):
        rail = skia.Path()
        rail.moveTo(x, r.bottom())
        rail.lineTo(x, r.top() + r.height() * 0.3)
        rail.quadTo(x, r.top(), x + r.width() * 0.5, r.top())
        canvas.drawPath(rail, stroke(tint, r.width() * 0.12))


@shape("diving_board", 3.0, (240, 240, 235))
def diving_board(canvas: skia.Canvas, r: skia.Rect, board_colour: RGB, ctx: Context) -> None:
    """A springboard on its stand, reaching over the water."""
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.2, r.left()
                                       + r.width() * 0.15, r.bottom()),
                    fill(ctx.tone((60, 110, 180))))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.2),
          ctx.tone(board_colour), r.height() * 0.08)


@shape("studio_window", 1.4, (30, 40, 60))
def studio_window(canvas: skia.Canvas, r: skia.Rect, glass: RGB, ctx: Context) -> None:
    """The control-room window with a glowing ON AIR light above it."""
    panel(canvas, r, ctx.tone((90, 90, 100)), r.height() * 0.04)
    inner = r.makeInset(r.height() * 0.07, r.height() * 0.07)
    canvas.drawRect(inner, vertical(ctx.tone((40, 60, 90)), ctx.tone(glass), inner.top(),
                                    inner.bottom()))
    sign = skia.Rect.MakeXYWH(r.centerX() - r.width() * 0.2, r.top() - r.height() * 0.28,
                              r.width() * 0.4, r.height() * 0.18)
    canvas.drawRect(sign.makeOutset(r.height() * 0.1, r.height() * 0.1),
                    glow(sign.centerX(), sign.centerY(), r.width() * 0.4, (255, 60, 50), 110))
    panel(canvas, sign, (230, 40, 40), r.height() * 0.03)
    canvas.drawLine(sign.left() + sign.width() * 0.15, sign.centerY(), sign.right()
                    - sign.width() * 0.15, sign.centerY(), stroke((255, 235, 230),
                                                                  sign.height() * 0.25))


@shape("mic_stand", 0.35, (40, 40, 44))
def mic_stand(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A microphone on a boom stand, with a pop filter."""
    tint = ctx.tone(metal)
    canvas.drawLine(r.centerX(), r.bottom(), r.centerX(), r.top() + r.height() * 0.3,
                    stroke(tint, r.width() * 0.06))
    for dx in (-0.4, 0.4):
        canvas.drawLine(r.centerX(), r.bottom() - r.height() * 0.05, r.centerX() + r.width() * dx,
                        r.bottom(), stroke(tint, r.width() * 0.05))
    canvas.drawLine(r.centerX(), r.top() + r.height() * 0.3, r.left(), r.top() + r.height() * 0.1,
                    stroke(tint, r.width() * 0.05))
    canvas.drawRoundRect(skia.Rect.MakeXYWH(r.left() - r.width() * 0.1, r.top(), r.width() * 0.3,
                                            r.height() * 0.14), r.width() * 0.15,
                         r.width() * 0.15, fill(ctx.tone((170, 170, 178))))
    canvas.drawCircle(r.left() + r.width() * 0.45, r.top() + r.height() * 0.06, r.width() * 0.22,
                      stroke(tint, r.width() * 0.03, 200))


@shape("guitar_stand", 0.4, (180, 50, 40))
def guitar_stand(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """An electric guitar resting upright on a stand."""
    tint = ctx.tone(body)
    canvas.drawLine(r.centerX(), r.top(), r.centerX(), r.top() + r.height() * 0.6,
                    stroke(ctx.tone((120, 80, 50)), r.width() * 0.1))
    panel(canvas, skia.Rect.MakeXYWH(r.centerX() - r.width() * 0.14, r.top() - r.height() * 0.02,
                                     r.width() * 0.28, r.height() * 0.1), ctx.tone((40, 40, 40)),
          r.width() * 0.05)
    body_path = skia.Path()
    body_path.addOval(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.55, r.right(),
                                         r.bottom() - r.height() * 0.05))
    body_path.addOval(skia.Rect.MakeLTRB(r.left() + r.width() * 0.1, r.top() + r.height() * 0.42,
                                         r.right() - r.width() * 0.1, r.top() + r.height() * 0.7))
    canvas.drawPath(body_path, vertical(shade(tint, 1.15), shade(tint, 0.8), r.top()
                                        + r.height() * 0.42, r.bottom()))
    canvas.drawRect(skia.Rect.MakeXYWH(r.centerX() - r.width() * 0.2, r.top() + r.height() * 0.72,
                                       r.width() * 0.4, r.height() * 0.05), fill((30, 30, 30)))


@shape("spot_beams", 1.6, (255, 245, 210))
def spot_beams(canvas: skia.Canvas, r: skia.Rect, light: RGB, ctx: Context) -> None:
    """Three spotlight beams falling from the flies onto the stage."""
    for k in (-1, 0, 1):
        x = r.centerX() + k * r.width() * 0.3
        beam = polygon([(x - r.width() * 0.02, r.top()), (x + r.width() * 0.02, r.top()),
                        (x + r.width() * 0.14, r.bottom()), (x - r.width() * 0.14, r.bottom())])
        canvas.drawPath(beam, fill(light, 45, blur=r.width() * 0.02))
        canvas.drawOval(skia.Rect.MakeLTRB(x - r.width() * 0.15, r.bottom() - r.height() * 0.02,
                                           x + r.width() * 0.15, r.bottom() + r.height() * 0.02),
                        fill(light, 70, blur=r.width() * 0.01))


@shape("sweep", 10.0, (236, 236, 240))
def sweep(canvas: skia.Canvas, r: skia.Rect, paper: RGB, ctx: Context) -> None:
    """A photo studio's seamless paper sweep: a soft gradient curving into the floor."""
    tint = ctx.tone(paper)
    canvas.drawRect(r, vertical(shade(tint, 0.72), shade(tint, 1.04), r.top(), r.bottom()))
    canvas.drawCircle(r.centerX(), r.bottom() - r.height() * 0.3, r.height() * 0.6,
                      glow(r.centerX(), r.bottom() - r.height() * 0.3, r.height() * 0.6,
                           (255, 255, 255), 120))


@shape("softbox", 0.45, (245, 245, 250))
def softbox(canvas: skia.Canvas, r: skia.Rect, diffuser: RGB, ctx: Context) -> None:
    """A softbox light on a tripod, angled toward the set and glowing."""
    steel = ctx.tone((40, 40, 44))
    head = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.4)
    canvas.drawLine(r.centerX(), head.bottom(), r.centerX(), r.bottom() - r.height() * 0.15,
                    stroke(steel, r.width() * 0.05))
    for dx in (-0.35, 0.0, 0.35):
        canvas.drawLine(r.centerX(), r.bottom() - r.height() * 0.15, r.centerX() + r.width() * dx,
                        r.bottom(), stroke(steel, r.width() * 0.04))
    canvas.drawCircle(head.right(), head.centerY(), r.width() * 1.2,
                      glow(head.right(), head.centerY(), r.width() * 1.2, (255, 255, 250), 90))
    canvas.drawPath(polygon([(head.left(), head.top() + head.height() * 0.3), (head.right(),
                                                                               head.top()),
                             (head.right(), head.bottom()), (head.left(), head.bottom()
                                                             - head.height() * 0.3)]),
                    fill(steel))
    canvas.drawRect(skia.Rect.MakeLTRB(head.right() - r.width() * 0.12, head.top(),
                                       head.right(), head.bottom()), fill(diffuser))



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
