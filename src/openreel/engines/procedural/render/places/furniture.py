"""Drawn furniture for interiors: shelves of books and goods, counters, boards, desks, beds,
screens and seats, in the art library's language (soft gradients, rounded corners)."""

from __future__ import annotations

import itertools
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
from openreel.engines.procedural.render.places.items import shape

BOOK_COLOURS: tuple[RGB, ...] = ((190, 60, 55), (55, 100, 170), (230, 180, 60), (70, 140, 90),
                                 (130, 80, 150), (220, 120, 60), (240, 235, 220), (40, 60, 90))
GOODS_COLOURS: tuple[RGB, ...] = ((230, 70, 60), (250, 200, 50), (60, 150, 220), (90, 190, 90),
                                  (245, 140, 40), (240, 240, 235), (200, 90, 170))


def _shelves(canvas: skia.Canvas, r: skia.Rect, wood: RGB, rows: int, ctx: Context) -> list[
        skia.Rect]:
    """A case of ``rows`` shelves; returns each shelf's open space."""
    frame = ctx.tone(wood)
    panel(canvas, r, frame, r.width() * 0.02)
    side = r.width() * 0.05
    inner = skia.Rect.MakeLTRB(r.left() + side, r.top() + side, r.right() - side,
                               r.bottom() - side)
    canvas.drawRect(inner, fill(shade(frame, 0.55)))
    bays = []
    step = inner.height() / rows
    for k in range(rows):
        bay = skia.Rect.MakeLTRB(inner.left(), inner.top() + k * step, inner.right(),
                                 inner.top() + (k + 1) * step - side * 0.6)
        bays.append(bay)
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), bay.bottom(), r.right(),
                                           bay.bottom() + side * 0.6), fill(shade(frame, 1.1)))
    return bays


@shape("bookcase", 0.8, (120, 78, 48))
def bookcase(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A tall case of shelves packed with books of many colours and heights."""
    for bay in _shelves(canvas, r, wood, 5, ctx):
        x = bay.left()
        while x < bay.right() - 2:
            width = bay.width() * ctx.rng.uniform(0.04, 0.08)
            if x + width > bay.right():
                break
            tall = bay.height() * ctx.rng.uniform(0.7, 0.97)
            tint = ctx.tone(BOOK_COLOURS[int(ctx.rng.integers(len(BOOK_COLOURS)))])
            spine = skia.Rect.MakeLTRB(x, bay.bottom() - tall, x + width * 0.92, bay.bottom())
            canvas.drawRect(spine, vertical(shade(tint, 1.1), shade(tint, 0.85), spine.top(),
                                            spine.bottom()))
            band = spine.top() + tall * 0.2
            canvas.drawRect(skia.Rect.MakeLTRB(spine.left(), band, spine.right(),
                                               band + tall * 0.05), fill((235, 200, 90), 200))
            x += width


@shape("goods_shelf", 1.6, (205, 210, 218))
def goods_shelf(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A shop's metal shelving, stocked with boxes, cans and bottles in bright packaging."""
    for bay in _shelves(canvas, r, metal, 4, ctx):
        x = bay.left() + 1
        kind = int(ctx.rng.integers(3))
        tint = ctx.tone(GOODS_COLOURS[int(ctx.rng.integers(len(GOODS_COLOURS)))])
        while x < bay.right() - 2:
            width = bay.width() * (0.07 if kind != 2 else 0.05)
            if x + width > bay.right():
                break
            if kind == 0:  # boxes
                box = skia.Rect.MakeLTRB(x, bay.top() + bay.height() * 0.2, x + width * 0.9,
                                         bay.bottom())
                panel(canvas, box, tint, width * 0.08)
                canvas.drawRect(skia.Rect.MakeLTRB(box.left(), box.centerY(), box.right(),
                                                   box.centerY() + box.height() * 0.18),
                                fill((250, 250, 245), 220))
            elif kind == 1:  # cans
                can = skia.Rect.MakeLTRB(x, bay.top() + bay.height() * 0.45, x + width * 0.85,
                                         bay.bottom())
                panel(canvas, can, tint, width * 0.2)
            else:  # bottles
                neck = width * 0.3
                body = skia.Rect.MakeLTRB(x, bay.top() + bay.height() * 0.35, x + width * 0.8,
                                          bay.bottom())
                canvas.drawRect(skia.Rect.MakeLTRB(body.centerX() - neck / 2,
                                                   bay.top() + bay.height() * 0.1,
                                                   body.centerX() + neck / 2, body.top() + 2),
                                fill(shade(tint, 0.8)))
                panel(canvas, body, tint, width * 0.25)
            x += width
    tag = r.height() * 0.02
    for k in range(4):  # price strips along the shelf edges
        y = r.top() + (k + 1) * r.height() / 4.2
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y - tag, r.right(), y),
                        fill((250, 250, 250), 200))


@shape("bottle_shelf", 1.8, (95, 62, 40))
def bottle_shelf(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """The back of a bar: a mirror behind shelves of bottles that catch the light."""
    mirror = r.makeInset(r.width() * 0.04, r.height() * 0.04)
    panel(canvas, r, ctx.tone(wood), r.width() * 0.01)
    canvas.drawRect(mirror, vertical(ctx.tone((120, 140, 150)), ctx.tone((60, 70, 80)),
                                     mirror.top(), mirror.bottom()))
    glass = ((60, 140, 70), (150, 90, 40), (210, 190, 120), (90, 60, 120), (200, 220, 230))
    for row in range(3):
        shelf_y = mirror.top() + mirror.height() * (row + 1) / 3
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), shelf_y - mirror.height() * 0.03,
                                           r.right(), shelf_y), fill(ctx.tone(shade(wood, 1.2))))
        x = mirror.left() + mirror.width() * 0.02
        while x < mirror.right() - mirror.width() * 0.05:
            tall = mirror.height() / 3 * ctx.rng.uniform(0.55, 0.85)
            width = mirror.width() * 0.035
            tint = ctx.tone(glass[int(ctx.rng.integers(len(glass)))])
            body = skia.Rect.MakeLTRB(x, shelf_y - mirror.height() * 0.03 - tall * 0.62,
                                      x + width, shelf_y - mirror.height() * 0.03)
            canvas.drawRoundRect(body, width * 0.3, width * 0.3, fill(tint, 235))
            canvas.drawRect(skia.Rect.MakeLTRB(body.centerX() - width * 0.15, body.top()
                                               - tall * 0.35, body.centerX() + width * 0.15,
                                               body.top() + 1), fill(tint, 235))
            canvas.drawRect(skia.Rect.MakeLTRB(body.left() + width * 0.15, body.top()
                                               + tall * 0.1, body.left() + width * 0.3,
                                               body.bottom() - tall * 0.1),
                            fill((255, 255, 255), 90))
            x += width * 1.45


@shape("counter", 2.6, (150, 110, 80))
def counter(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A counter: cupboard doors under a worktop with a lit edge."""
    top = r.height() * 0.1
    front = skia.Rect.MakeLTRB(r.left() + top * 0.3, r.top() + top, r.right() - top * 0.3,
                               r.bottom())
    panel(canvas, front, ctx.tone(body), 2)
    doors = max(2, round(front.width() / front.height() / 0.55))
    for k in range(doors):
        door = skia.Rect.MakeLTRB(front.left() + front.width() * k / doors,
                                  front.top(), front.left() + front.width() * (k + 1) / doors,
                                  front.bottom()).makeInset(top * 0.35, top * 0.4)
        canvas.drawRoundRect(door, top * 0.2, top * 0.2, stroke(shade(ctx.tone(body), 0.8),
                                                                max(top * 0.12, 1.0)))
        knob_x = door.right() - top * 0.5 if k % 2 == 0 else door.left() + top * 0.5
        canvas.drawCircle(knob_x, door.top() + door.height() * 0.3, top * 0.18,
                          fill(ctx.tone((220, 210, 190))))
    worktop = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + top)
    panel(canvas, worktop, ctx.tone((232, 226, 214)), top * 0.3)


@shape("display_case", 2.4, (235, 225, 210))
def display_case(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A glass-fronted shop counter with its shelves lit from inside."""
    base = skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.55, r.right(), r.bottom())
    panel(canvas, base, ctx.tone(body), 3)
    glass = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), base.top())
    canvas.drawRect(glass, vertical(ctx.tone((236, 246, 250)), ctx.tone((200, 225, 235)),
                                    glass.top(), glass.bottom(), 170))
    canvas.drawRect(glass, stroke(ctx.tone((180, 190, 200)), max(r.height() * 0.015, 1.0)))
    canvas.drawLine(glass.left(), glass.centerY(), glass.right(), glass.centerY(),
                    stroke(ctx.tone((190, 200, 210)), max(r.height() * 0.012, 1.0)))


@shape("cabinets", 3.0, (120, 160, 150))
def cabinets(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A row of wall cupboards."""
    doors = max(2, round(r.width() / r.height() / 0.6))
    for k in range(doors):
        door = skia.Rect.MakeLTRB(r.left() + r.width() * k / doors, r.top(),
                                  r.left() + r.width() * (k + 1) / doors, r.bottom())
        panel(canvas, door.makeInset(r.height() * 0.02, 0), ctx.tone(body), r.height() * 0.04)
        canvas.drawRect(door.makeInset(r.height() * 0.12, r.height() * 0.1),
                        stroke(shade(ctx.tone(body), 0.85), max(r.height() * 0.02, 1.0)))
        canvas.drawRect(skia.Rect.MakeXYWH(door.centerX() - r.height() * 0.02, door.bottom()
                                           - r.height() * 0.25, r.height() * 0.04,
                                           r.height() * 0.12), fill(ctx.tone((220, 215, 200))))


@shape("board", 1.6, (46, 90, 70))
def board(canvas: skia.Canvas, r: skia.Rect, surface: RGB, ctx: Context) -> None:
    """A school board in a wooden frame, with chalk writing and a sum (white: a whiteboard)."""
    frame = max(r.height() * 0.05, 2.0)
    panel(canvas, r, ctx.tone((150, 105, 65)), frame * 0.5)
    inner = r.makeInset(frame, frame)
    canvas.drawRect(inner, vertical(ctx.tone(shade(surface, 1.1)), ctx.tone(shade(surface, 0.9)),
                                    inner.top(), inner.bottom()))
    chalk = (250, 250, 245) if sum(surface) < 400 else (50, 80, 160)
    line = stroke(chalk, max(frame * 0.3, 1.0), 220)
    for row in range(4):
        y = inner.top() + inner.height() * (0.2 + row * 0.18)
        x0 = inner.left() + inner.width() * 0.08
        length = inner.width() * (0.5 if row % 2 else 0.7) * ctx.rng.uniform(0.7, 1.0)
        path = skia.Path()
        path.moveTo(x0, y)
        steps = 14
        for k in range(1, steps + 1):
            path.lineTo(x0 + length * k / steps, y + frame * 0.3 * math.sin(k * 1.9))
        canvas.drawPath(path, line)
    cx, cy = inner.right() - inner.width() * 0.18, inner.top() + inner.height() * 0.4
    canvas.drawCircle(cx, cy, inner.height() * 0.18, line)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left() + frame, r.bottom(), r.right() - frame,
                                       r.bottom() + frame * 0.8), fill(ctx.tone((150, 105, 65))))


@shape("desk", 1.5, (170, 125, 80))
def desk(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A desk or table on four legs (two seen from the front)."""
    top = r.height() * 0.12
    leg = r.width() * 0.05
    legs = ctx.tone(shade(wood, 0.75))
    for x in (r.left() + leg, r.right() - 2 * leg):
        canvas.drawRect(skia.Rect.MakeLTRB(x, r.top() + top, x + leg, r.bottom()), fill(legs))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + top),
          ctx.tone(wood), top * 0.3)


@shape("dining_table", 1.6, (245, 242, 235))
def dining_table(canvas: skia.Canvas, r: skia.Rect, cloth: RGB, ctx: Context) -> None:
    """A table under a cloth that falls to the floor in folds."""
    drape = skia.Path()
    drape.moveTo(r.left() + r.width() * 0.02, r.top())
    drape.lineTo(r.right() - r.width() * 0.02, r.top())
    drape.lineTo(r.right(), r.bottom())
    drape.lineTo(r.left(), r.bottom())
    drape.close()
    tint = ctx.tone(cloth)
    canvas.drawPath(drape, vertical(shade(tint, 1.05), shade(tint, 0.82), r.top(), r.bottom()))
    for k in range(1, 6):
        x = r.left() + r.width() * k / 6
        canvas.drawLine(x, r.top() + r.height() * 0.25, x, r.bottom(),
                        stroke(shade(tint, 0.85), max(r.width() * 0.01, 1.0)))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height()
                                       * 0.08), fill(shade(tint, 1.08)))


@shape("bunk", 2.2, (120, 124, 132))
def bunk(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A narrow metal bed with a thin mattress and a folded grey blanket."""
    post = stroke(ctx.tone(metal), max(r.width() * 0.02, 1.5), round_cap=False)
    deck = r.top() + r.height() * 0.45
    for x in (r.left(), r.right()):
        canvas.drawLine(x, r.top(), x, r.bottom(), post)
    canvas.drawLine(r.left(), deck, r.right(), deck, post)
    mattress = skia.Rect.MakeLTRB(r.left(), deck - r.height() * 0.18, r.right(), deck)
    panel(canvas, mattress, ctx.tone((200, 200, 196)), r.height() * 0.05)
    panel(canvas, skia.Rect.MakeLTRB(r.left() + r.width() * 0.45, mattress.top(), r.right(),
                                     deck), ctx.tone((110, 115, 125)), r.height() * 0.04)


@shape("hospital_bed", 1.7, (235, 238, 242))
def hospital_bed(canvas: skia.Canvas, r: skia.Rect, sheet: RGB, ctx: Context) -> None:
    """A hospital bed: raised head, white sheets, side rail and wheels."""
    metal = ctx.tone((170, 176, 186))
    deck = r.top() + r.height() * 0.55
    wheel = r.height() * 0.07
    for x in (r.left() + wheel * 2, r.right() - wheel * 2):
        canvas.drawLine(x, deck, x, r.bottom() - wheel, stroke(metal, wheel * 0.5))
        canvas.drawCircle(x, r.bottom() - wheel, wheel, fill(ctx.tone((60, 60, 66))))
    canvas.drawLine(r.left(), r.top(), r.left(), deck, stroke(metal, wheel * 0.6))
    canvas.drawLine(r.right(), r.top() + r.height() * 0.2, r.right(), deck,
                    stroke(metal, wheel * 0.6))
    body = polygon([(r.left() + wheel, deck), (r.left() + wheel, r.top() + r.height() * 0.2),
                    (r.left() + r.width() * 0.3, deck - r.height() * 0.2),
                    (r.right() - wheel, deck - r.height() * 0.2), (r.right() - wheel, deck)])
    canvas.drawPath(body, vertical(ctx.tone(sheet), shade(ctx.tone(sheet), 0.86), r.top(), deck))
    canvas.drawRoundRect(skia.Rect.MakeLTRB(r.left() + wheel * 1.5, r.top() + r.height() * 0.15,
                                            r.left() + r.width() * 0.22, r.top() + r.height()
                                            * 0.32), wheel, wheel, fill(ctx.tone((250, 250, 252))))
    blanket = skia.Rect.MakeLTRB(r.left() + r.width() * 0.35, deck - r.height() * 0.22,
                                 r.right() - wheel, deck + r.height() * 0.06)
    panel(canvas, blanket, ctx.tone((120, 170, 205)), wheel * 0.6)
    canvas.drawLine(r.left() + r.width() * 0.3, deck + r.height() * 0.05, r.right() - wheel * 3,
                    deck + r.height() * 0.05, stroke(metal, wheel * 0.45))


@shape("iv_stand", 0.3, (180, 186, 196))
def iv_stand(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A drip stand with its bag of fluid and tube."""
    x = r.centerX()
    canvas.drawLine(x, r.top(), x, r.bottom(), stroke(ctx.tone(metal), r.width() * 0.08))
    canvas.drawLine(r.left(), r.bottom(), r.right(), r.bottom(),
                    stroke(ctx.tone(metal), r.width() * 0.1))
    canvas.drawLine(x - r.width() * 0.35, r.top() + r.height() * 0.03, x + r.width() * 0.35,
                    r.top() + r.height() * 0.03, stroke(ctx.tone(metal), r.width() * 0.06))
    bag = skia.Rect.MakeLTRB(x + r.width() * 0.05, r.top() + r.height() * 0.05,
                             x + r.width() * 0.45, r.top() + r.height() * 0.22)
    canvas.drawRoundRect(bag, bag.width() * 0.3, bag.width() * 0.3,
                         fill(ctx.tone((215, 235, 245)), 230))
    tube = skia.Path()
    tube.moveTo(bag.centerX(), bag.bottom())
    tube.quadTo(x + r.width() * 0.9, r.top() + r.height() * 0.6, x + r.width() * 0.5,
                r.top() + r.height() * 0.75)
    canvas.drawPath(tube, stroke(ctx.tone((200, 220, 230)), r.width() * 0.03))


@shape("monitor", 0.9, (60, 66, 76))
def monitor(canvas: skia.Canvas, r: skia.Rect, case: RGB, ctx: Context) -> None:
    """A patient monitor on a pole: a dark screen with a green heartbeat trace."""
    screen = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.45)
    canvas.drawLine(r.centerX(), screen.bottom(), r.centerX(), r.bottom(),
                    stroke(ctx.tone((170, 176, 186)), r.width() * 0.06))
    panel(canvas, screen, ctx.tone(case), r.width() * 0.06)
    inner = screen.makeInset(r.width() * 0.07, r.width() * 0.07)
    canvas.drawRect(inner, fill((12, 24, 20)))
    trace = skia.Path()
    y = inner.centerY()
    trace.moveTo(inner.left(), y)
    for k in range(1, 21):
        x = inner.left() + inner.width() * k / 20
        bump = {5: -0.35, 6: 0.4, 7: -0.1, 15: -0.35, 16: 0.4, 17: -0.1}.get(k, 0.0)
        trace.lineTo(x, y + bump * inner.height())
    canvas.drawPath(trace, stroke((90, 255, 140), max(inner.height() * 0.05, 1.0)))


@shape("crib", 1.3, (250, 240, 225))
def crib(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A baby's cot: slatted sides on legs, a soft blanket inside."""
    tint = ctx.tone(wood)
    rail = max(r.height() * 0.06, 2.0)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.55, r.right(),
                                       r.top() + r.height() * 0.75), fill(ctx.tone((170, 210,
                                                                                    235))))
    for y in (r.top() + r.height() * 0.12, r.top() + r.height() * 0.78):
        panel(canvas, skia.Rect.MakeLTRB(r.left(), y, r.right(), y + rail), tint, rail * 0.4)
    for k in range(11):
        x = r.left() + r.width() * (0.04 + 0.92 * k / 10)
        canvas.drawLine(x, r.top() + r.height() * 0.12, x, r.top() + r.height() * 0.8,
                        stroke(tint, rail * 0.5))
    for x in (r.left(), r.right()):
        canvas.drawLine(x, r.top(), x, r.bottom(), stroke(shade(tint, 0.95), rail))


@shape("screen", 2.2, (250, 250, 255))
def screen(canvas: skia.Canvas, r: skia.Rect, light: RGB, ctx: Context) -> None:
    """A cinema screen glowing with a bright picture, framed by dark masking."""
    edge = r.height() * 0.06
    canvas.drawRect(r.makeOutset(edge, edge), fill((20, 18, 24)))
    canvas.drawRect(r.makeOutset(edge * 3, edge * 3), glow(r.centerX(), r.centerY(),
                                                          r.width() * 0.7, light, 60))
    canvas.drawRect(r, vertical((150, 200, 250), (255, 210, 160), r.top(), r.bottom()))
    hill = polygon([(r.left(), r.bottom()), (r.left() + r.width() * 0.35, r.top()
                                             + r.height() * 0.55),
                    (r.left() + r.width() * 0.6, r.top() + r.height() * 0.75),
                    (r.right(), r.top() + r.height() * 0.45), (r.right(), r.bottom())])
    canvas.drawPath(hill, fill((70, 120, 110)))
    canvas.drawCircle(r.left() + r.width() * 0.7, r.top() + r.height() * 0.3, r.height() * 0.1,
                      fill((255, 240, 200)))


@shape("seat_row", 8.0, (170, 40, 50))
def seat_row(canvas: skia.Canvas, r: skia.Rect, velvet: RGB, ctx: Context) -> None:
    """A row of theatre seats seen from behind: rounded backs in velvet."""
    tint = ctx.tone(velvet)
    seat = r.height() * 0.9
    x = r.left()
    while x < r.right():
        back = skia.Rect.MakeLTRB(x + seat * 0.06, r.top(), x + seat * 0.94, r.bottom())
        canvas.drawRoundRect(back, seat * 0.25, seat * 0.25,
                             vertical(shade(tint, 1.15), shade(tint, 0.7), back.top(),
                                      back.bottom()))
        x += seat


@shape("plinth", 0.55, (236, 232, 226))
def plinth(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A museum pedestal: a pale block with a lip at top and bottom."""
    tint = ctx.tone(stone)
    lip = r.height() * 0.07
    panel(canvas, skia.Rect.MakeLTRB(r.left() + lip * 0.5, r.top() + lip, r.right() - lip * 0.5,
                                     r.bottom() - lip), tint)
    for y in (r.top(), r.bottom() - lip):
        panel(canvas, skia.Rect.MakeLTRB(r.left(), y, r.right(), y + lip), shade(tint, 1.05),
              lip * 0.3)


@shape("stanchions", 3.0, (200, 170, 80))
def stanchions(canvas: skia.Canvas, r: skia.Rect, brass: RGB, ctx: Context) -> None:
    """Brass posts with a red rope sagging between them."""
    posts = 4
    tint = ctx.tone(brass)
    tops = []
    for k in range(posts):
        x = r.left() + r.width() * k / (posts - 1)
        canvas.drawLine(x, r.top(), x, r.bottom(), stroke(tint, r.height() * 0.06))
        canvas.drawOval(skia.Rect.MakeLTRB(x - r.height() * 0.12, r.bottom() - r.height() * 0.05,
                                           x + r.height() * 0.12, r.bottom()), fill(tint))
        tops.append(x)
    for a, b in itertools.pairwise(tops):
        rope = skia.Path()
        rope.moveTo(a, r.top() + r.height() * 0.08)
        rope.quadTo((a + b) / 2, r.top() + r.height() * 0.45, b, r.top() + r.height() * 0.08)
        canvas.drawPath(rope, stroke(ctx.tone((180, 30, 40)), r.height() * 0.05))


@shape("mixing_desk", 2.2, (55, 58, 66))
def mixing_desk(canvas: skia.Canvas, r: skia.Rect, case: RGB, ctx: Context) -> None:
    """A studio console: rows of faders and knobs on a sloped desk, meters glowing."""
    tint = ctx.tone(case)
    slope = polygon([(r.left(), r.top() + r.height() * 0.35), (r.right(), r.top()
                                                                + r.height() * 0.35),
                     (r.right(), r.top() + r.height() * 0.62), (r.left(), r.top()
                                                                 + r.height() * 0.62)])
    canvas.drawRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.05, r.top() + r.height() * 0.6,
                                       r.right() - r.width() * 0.05, r.bottom()),
                    fill(shade(tint, 0.8)))
    canvas.drawPath(slope, vertical(shade(tint, 1.3), tint, r.top(), r.bottom()))
    channels = 16
    for k in range(channels):
        x = r.left() + r.width() * (k + 0.5) / channels
        canvas.drawCircle(x, r.top() + r.height() * 0.4, r.height() * 0.018,
                          fill(ctx.tone((230, 200, 90))))
        canvas.drawLine(x, r.top() + r.height() * 0.45, x, r.top() + r.height() * 0.58,
                        stroke((25, 25, 30), r.height() * 0.012))
        knob = r.top() + r.height() * (0.47 + 0.09 * ((k * 7) % 5) / 5)
        canvas.drawRect(skia.Rect.MakeXYWH(x - r.height() * 0.015, knob, r.height() * 0.03,
                                           r.height() * 0.02), fill((235, 235, 240)))
    for k in range(2):  # screens above the desk
        sx = r.left() + r.width() * (0.22 + k * 0.36)
        scr = skia.Rect.MakeXYWH(sx, r.top(), r.width() * 0.28, r.height() * 0.3)
        panel(canvas, scr, (30, 30, 36), r.height() * 0.02)
        inner = scr.makeInset(r.height() * 0.02, r.height() * 0.02)
        canvas.drawRect(inner, vertical((30, 60, 90), (20, 30, 50), inner.top(), inner.bottom()))
        wave = skia.Path()
        wave.moveTo(inner.left(), inner.centerY())
        for j in range(1, 31):
            wave.lineTo(inner.left() + inner.width() * j / 30, inner.centerY()
                        + inner.height() * 0.35 * math.sin(j * 1.7 + k) * ((j * 5) % 7) / 7)
        canvas.drawPath(wave, stroke((110, 220, 255), max(r.height() * 0.008, 1.0)))


@shape("speaker", 0.62, (40, 42, 48))
def speaker(canvas: skia.Canvas, r: skia.Rect, case: RGB, ctx: Context) -> None:
    """A loudspeaker cabinet with a woofer and a tweeter."""
    panel(canvas, r, ctx.tone(case), r.width() * 0.08)
    for cy, radius in ((r.top() + r.height() * 0.25, 0.18), (r.top() + r.height() * 0.64, 0.36)):
        cone = r.width() * radius
        canvas.drawCircle(r.centerX(), cy, cone, fill((20, 20, 24)))
        canvas.drawCircle(r.centerX(), cy, cone * 0.8, fill(ctx.tone((85, 88, 96))))
        canvas.drawCircle(r.centerX(), cy, cone * 0.3, fill((30, 30, 34)))


@shape("rug", 4.0, (170, 60, 60))
def rug(canvas: skia.Canvas, r: skia.Rect, wool: RGB, ctx: Context) -> None:
    """A rug on the floor, seen at a glance: an oval with a patterned border."""
    tint = ctx.tone(wool)
    canvas.drawOval(r, fill(shade(tint, 0.85)))
    canvas.drawOval(r.makeInset(r.width() * 0.04, r.height() * 0.14), fill(tint))
    canvas.drawOval(r.makeInset(r.width() * 0.12, r.height() * 0.32),
                    stroke(mix(tint, (240, 220, 160), 0.6), max(r.height() * 0.06, 1.0)))


@shape("painting", 1.3, (200, 160, 70))
def painting(canvas: skia.Canvas, r: skia.Rect, gilt: RGB, ctx: Context) -> None:
    """A framed painting: a gilt frame around a picture of bold colour fields."""
    edge = min(r.width(), r.height()) * 0.08
    panel(canvas, r, ctx.tone(gilt), edge * 0.3)
    inner = r.makeInset(edge, edge)
    palette = ((230, 90, 70), (40, 140, 150), (240, 200, 70), (70, 160, 120), (240, 235, 220),
               (40, 40, 60), (220, 130, 170))
    pick = ctx.rng.permutation(len(palette))
    canvas.drawRect(inner, fill(ctx.tone(palette[pick[0]])))
    style = int(ctx.rng.integers(3))
    if style == 0:  # blocks
        canvas.drawRect(skia.Rect.MakeLTRB(inner.left(), inner.top(), inner.centerX(),
                                           inner.centerY()), fill(ctx.tone(palette[pick[1]])))
        canvas.drawRect(skia.Rect.MakeLTRB(inner.centerX(), inner.centerY(), inner.right(),
                                           inner.bottom()), fill(ctx.tone(palette[pick[2]])))
    elif style == 1:  # a sun over hills
        canvas.drawCircle(inner.left() + inner.width() * 0.65, inner.top() + inner.height()
                          * 0.35, inner.height() * 0.16, fill(ctx.tone(palette[pick[1]])))
        hill = polygon([(inner.left(), inner.bottom()), (inner.left(), inner.top()
                                                         + inner.height() * 0.6),
                        (inner.centerX(), inner.top() + inner.height() * 0.45),
                        (inner.right(), inner.top() + inner.height() * 0.7),
                        (inner.right(), inner.bottom())])
        canvas.drawPath(hill, fill(ctx.tone(palette[pick[2]])))
    else:  # a portrait
        canvas.drawOval(skia.Rect.MakeLTRB(inner.left() + inner.width() * 0.3, inner.top()
                                           + inner.height() * 0.15, inner.right() - inner.width()
                                           * 0.3, inner.top() + inner.height() * 0.55),
                        fill(ctx.tone((235, 195, 160))))
        canvas.drawRect(skia.Rect.MakeLTRB(inner.left() + inner.width() * 0.2, inner.top()
                                           + inner.height() * 0.6, inner.right() - inner.width()
                                           * 0.2, inner.bottom()),
                        fill(ctx.tone(palette[pick[1]])))


@shape("flat_tv", 1.7, (30, 30, 34))
def flat_tv(canvas: skia.Canvas, r: skia.Rect, bezel: RGB, ctx: Context) -> None:
    """A flat-screen television on a small stand, showing a landscape."""
    screen_rect = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.bottom() - r.height() * 0.12)
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.04, screen_rect.bottom(),
                                       r.centerX() + r.width() * 0.04, r.bottom()),
                    fill(ctx.tone(bezel)))
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.18, r.bottom() - r.height()
                                       * 0.03, r.centerX() + r.width() * 0.18, r.bottom()),
                    fill(ctx.tone(bezel)))
    panel(canvas, screen_rect, ctx.tone(bezel), r.height() * 0.03)
    inner = screen_rect.makeInset(r.height() * 0.04, r.height() * 0.04)
    canvas.drawRect(inner, vertical((110, 190, 185), (70, 150, 150), inner.top(), inner.bottom()))
    canvas.drawCircle(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.3,
                      inner.height() * 0.14, fill((250, 250, 240)))
    canvas.drawPath(polygon([(inner.left(), inner.bottom()), (inner.left(), inner.top()
                                                             + inner.height() * 0.65),
                             (inner.left() + inner.width() * 0.45, inner.top() + inner.height()
                              * 0.45), (inner.right(), inner.top() + inner.height() * 0.7),
                             (inner.right(), inner.bottom())]), fill((60, 130, 80)))
    canvas.drawPath(polygon([(inner.left(), inner.top()), (inner.left() + inner.width() * 0.3,
                                                           inner.top()),
                             (inner.left(), inner.bottom())]), fill((255, 255, 255), 30))


@shape("couch", 2.2, (196, 104, 72))
def couch(canvas: skia.Canvas, r: skia.Rect, cloth: RGB, ctx: Context) -> None:
    """A three-seat sofa: a padded back, two rolled arms, seat cushions and short legs."""
    tint = ctx.tone(cloth)
    w, h = r.width(), r.height()
    legs = ctx.tone((90, 60, 40))
    for x in (r.left() + w * 0.1, r.right() - w * 0.1):
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.015, r.bottom() - h * 0.12, x + w * 0.015,
                                           r.bottom()), fill(legs))
    panel(canvas, skia.Rect.MakeLTRB(r.left() + w * 0.08, r.top(), r.right() - w * 0.08,
                                     r.top() + h * 0.6), shade(tint, 0.92), h * 0.12)
    for k in range(3):
        x0 = r.left() + w * (0.1 + 0.27 * k)
        panel(canvas, skia.Rect.MakeLTRB(x0, r.top() + h * 0.45, x0 + w * 0.26, r.bottom()
                                         - h * 0.12), tint, h * 0.08)
    for x0 in (r.left(), r.right() - w * 0.12):
        panel(canvas, skia.Rect.MakeLTRB(x0, r.top() + h * 0.3, x0 + w * 0.12, r.bottom()
                                         - h * 0.1), shade(tint, 1.05), w * 0.05)
