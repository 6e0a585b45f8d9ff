"""Drawn shop, bar and canteen fittings: tables, racks, signs, taps and trays."""

from __future__ import annotations

import math

import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.render.places.canvas import (
    Context,
    fill,
    glow,
    panel,
    polygon,
    stroke,
    vertical,
)
from openreel.engines.procedural.render.places.furniture import counter, desk
from openreel.engines.procedural.render.places.items import shape


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


@shape("awning", 3.0, (220, 60, 60))
def awning(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A striped shop awning with a scalloped edge."""
    tint = ctx.tone(paint)
    stripes = 10
    for k in range(stripes):
        x0 = r.left() + r.width() * k / stripes
        x1 = r.left() + r.width() * (k + 1) / stripes
        colour = tint if k % 2 == 0 else ctx.tone((250, 248, 240))
        canvas.drawPath(polygon([(x0 + r.width() * 0.02, r.top()), (x1 + r.width() * 0.02,
                                                                     r.top()),
                                 (x1, r.bottom() - r.height() * 0.2),
                                 (x0, r.bottom() - r.height() * 0.2)]), fill(colour))
        canvas.drawCircle((x0 + x1) / 2, r.bottom() - r.height() * 0.2, (x1 - x0) / 2,
                          fill(colour))


@shape("menu_board", 1.6, (40, 44, 48))
def menu_board(canvas: skia.Canvas, r: skia.Rect, surface: RGB, ctx: Context) -> None:
    """A menu board: a dark panel with lines of coloured chalk and prices."""
    panel(canvas, r, ctx.tone((150, 105, 65)), r.height() * 0.04)
    inner = r.makeInset(r.height() * 0.06, r.height() * 0.06)
    canvas.drawRect(inner, fill(ctx.tone(surface)))
    inks = ((250, 240, 200), (250, 180, 120), (170, 220, 250))
    for row in range(5):
        y = inner.top() + inner.height() * (0.15 + row * 0.18)
        ink = stroke(inks[row % 3], max(inner.height() * 0.04, 1.0), 230)
        canvas.drawLine(inner.left() + inner.width() * 0.08, y, inner.left() + inner.width()
                        * (0.45 + 0.1 * (row % 2)), y, ink)
        canvas.drawLine(inner.right() - inner.width() * 0.2, y, inner.right() - inner.width()
                        * 0.08, y, ink)


@shape("espresso_machine", 1.2, (200, 205, 212))
def espresso_machine(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A café's espresso machine: a chrome body, group heads and cups on top."""
    tint = ctx.tone(steel)
    body = skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.2, r.right(), r.bottom())
    panel(canvas, body, tint, r.height() * 0.06)
    canvas.drawRect(skia.Rect.MakeLTRB(body.left(), body.top() + body.height() * 0.2,
                                       body.right(), body.top() + body.height() * 0.32),
                    fill(ctx.tone((190, 60, 50))))
    for k in range(2):
        x = body.left() + body.width() * (0.3 + 0.4 * k)
        canvas.drawRect(skia.Rect.MakeXYWH(x - r.width() * 0.07, body.top() + body.height()
                                           * 0.45, r.width() * 0.14, body.height() * 0.12),
                        fill(shade(tint, 0.7)))
        canvas.drawRect(skia.Rect.MakeXYWH(x - r.width() * 0.05, body.bottom() - body.height()
                                           * 0.22, r.width() * 0.1, body.height() * 0.14),
                        fill(ctx.tone((250, 250, 245))))
    for k in range(4):
        canvas.drawRect(skia.Rect.MakeXYWH(r.left() + r.width() * (0.08 + 0.23 * k), r.top()
                                           + r.height() * 0.06, r.width() * 0.14,
                                           r.height() * 0.14), fill(ctx.tone((250, 250, 245))))
