"""Drawn outdoor props: signs, fences, site gear, junk, poles and small buildings."""

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
    window_glass,
)
from openreel.engines.procedural.render.places.items import shape


def _sign_post(canvas: skia.Canvas, r: skia.Rect, ctx: Context, head: float) -> skia.Rect:
    """A post with a square sign of ``head`` × the width on top; returns the sign."""
    sign = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.width() * head)
    canvas.drawLine(r.centerX(), sign.bottom(), r.centerX(), r.bottom(),
                    stroke(ctx.tone((140, 145, 150)), r.width() * 0.1))
    return sign


@shape("crossing_sign", 0.3, (40, 100, 200))
def crossing_sign(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A pedestrian crossing sign: a blue square with a white walking figure on a post."""
    sign = _sign_post(canvas, r, ctx, 1.0)
    panel(canvas, sign, ctx.tone(paint), sign.width() * 0.08)
    canvas.drawPath(polygon([(sign.left() + sign.width() * 0.1, sign.bottom() - sign.height()
                              * 0.1), (sign.centerX(), sign.top() + sign.height() * 0.1),
                             (sign.right() - sign.width() * 0.1, sign.bottom() - sign.height()
                              * 0.1)]), fill((250, 250, 250)))
    ink = stroke((20, 20, 20), sign.width() * 0.07)
    cx, cy = sign.centerX(), sign.top() + sign.height() * 0.5
    canvas.drawCircle(cx, cy - sign.height() * 0.14, sign.width() * 0.06, fill((20, 20, 20)))
    canvas.drawLine(cx, cy - sign.height() * 0.07, cx, cy + sign.height() * 0.12, ink)
    canvas.drawLine(cx, cy + sign.height() * 0.12, cx - sign.width() * 0.1, cy
                    + sign.height() * 0.3, ink)
    canvas.drawLine(cx, cy + sign.height() * 0.12, cx + sign.width() * 0.1, cy
                    + sign.height() * 0.3, ink)


@shape("parking_sign", 0.3, (40, 90, 190))
def parking_sign(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A parking sign: a blue square with a white P."""
    sign = _sign_post(canvas, r, ctx, 1.0)
    panel(canvas, sign, ctx.tone(paint), sign.width() * 0.12)
    ink = stroke((250, 250, 250), sign.width() * 0.12)
    x0, top, bottom = sign.left() + sign.width() * 0.35, sign.top() + sign.height() * 0.2, \
        sign.bottom() - sign.height() * 0.2
    canvas.drawLine(x0, top, x0, bottom, ink)
    bowl = skia.Path()
    bowl.moveTo(x0, top)
    bowl.lineTo(x0 + sign.width() * 0.15, top)
    bowl.arcTo(skia.Rect.MakeLTRB(x0, top, x0 + sign.width() * 0.35, top + sign.height() * 0.34),
               -90, 180, False)
    bowl.lineTo(x0, top + sign.height() * 0.34)
    canvas.drawPath(bowl, ink)


@shape("chain_fence", 8.0, (170, 175, 180))
def chain_fence(canvas: skia.Canvas, r: skia.Rect, wire: RGB, ctx: Context) -> None:
    """A chain-link fence on steel posts."""
    tint = ctx.tone(wire)
    mesh = stroke(tint, max(r.height() * 0.012, 0.8), 150)
    step = r.height() * 0.12
    x = r.left() - r.height()
    while x < r.right():
        canvas.drawLine(x, r.bottom(), x + r.height(), r.top(), mesh)
        canvas.drawLine(x, r.top(), x + r.height(), r.bottom(), mesh)
        x += step
    post = stroke(shade(tint, 0.8), r.height() * 0.04)
    x = r.left()
    while x <= r.right():
        canvas.drawLine(x, r.top(), x, r.bottom(), post)
        x += r.height() * 1.6
    canvas.drawLine(r.left(), r.top(), r.right(), r.top(), post)


@shape("dumpster", 1.6, (40, 110, 70))
def dumpster(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A skip of a bin: a sloped green box with a lid and wheels."""
    tint = ctx.tone(paint)
    body = polygon([(r.left(), r.top() + r.height() * 0.15), (r.right(), r.top() + r.height()
                                                              * 0.15),
                    (r.right() - r.width() * 0.05, r.bottom() - r.height() * 0.1),
                    (r.left() + r.width() * 0.05, r.bottom() - r.height() * 0.1)])
    canvas.drawPath(body, vertical(shade(tint, 1.1), shade(tint, 0.8), r.top(), r.bottom()))
    panel(canvas, skia.Rect.MakeLTRB(r.left() - r.width() * 0.02, r.top(), r.right()
                                     + r.width() * 0.02, r.top() + r.height() * 0.15),
          shade(tint, 0.8), r.height() * 0.03)
    for x in (r.left() + r.width() * 0.15, r.right() - r.width() * 0.15):
        canvas.drawCircle(x, r.bottom() - r.height() * 0.07, r.height() * 0.07,
                          fill((30, 30, 30)))


@shape("scaffold", 0.9, (150, 155, 165))
def scaffold(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """Scaffolding: poles and boards with diagonal braces, against a half-built wall."""
    canvas.drawRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.08, r.top() + r.height() * 0.2,
                                       r.right(), r.bottom()), fill(ctx.tone((170, 100, 75))))
    for k in range(int(r.height() / (r.width() * 0.08))):
        y = r.top() + r.height() * 0.2 + k * r.width() * 0.08
        canvas.drawLine(r.left(), y, r.right(), y, stroke(ctx.tone((150, 90, 70)),
                                                          r.width() * 0.006))
    pole = stroke(ctx.tone(steel), r.width() * 0.025)
    for k in range(4):
        x = r.left() + r.width() * k / 3
        canvas.drawLine(x, r.top(), x, r.bottom(), pole)
    for k in range(4):
        y = r.top() + r.height() * k / 3.4
        panel(canvas, skia.Rect.MakeLTRB(r.left() - r.width() * 0.03, y, r.right()
                                         + r.width() * 0.03, y + r.width() * 0.04),
              ctx.tone((200, 160, 90)))
        if k < 3:
            canvas.drawLine(r.left(), y + r.height() / 3.4, r.left() + r.width() / 3, y, pole)


@shape("brick_pile", 2.0, (180, 90, 60))
def brick_pile(canvas: skia.Canvas, r: skia.Rect, brick: RGB, ctx: Context) -> None:
    """A pallet stacked with bricks."""
    rows = 4
    h = r.height() * 0.8 / rows
    for row in range(rows):
        y = r.bottom() - r.height() * 0.2 - (row + 1) * h
        k = 0
        x = r.left() + (row % 2) * h
        while x + h * 1.8 < r.right():
            panel(canvas, skia.Rect.MakeLTRB(x, y, x + h * 1.8, y + h * 0.9),
                  ctx.tone(shade(brick, 0.9 + 0.1 * (k % 2))))
            x += h * 1.9
            k += 1
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.2, r.right(),
                                     r.bottom()), ctx.tone((170, 130, 80)))


@shape("junk_pile", 2.4, (140, 110, 90))
def junk_pile(canvas: skia.Canvas, r: skia.Rect, rust: RGB, ctx: Context) -> None:
    """A heap of scrap: crushed car bodies in faded colours, tyres and rusty sheets."""
    rng = ctx.rng
    heap = polygon([(r.left(), r.bottom()), (r.left() + r.width() * 0.2, r.top()
                                             + r.height() * 0.35),
                    (r.centerX(), r.top()), (r.right() - r.width() * 0.25, r.top()
                                             + r.height() * 0.3), (r.right(), r.bottom())])
    canvas.drawPath(heap, fill(ctx.tone(shade(rust, 0.7))))
    canvas.save()
    canvas.clipPath(heap, doAntiAlias=True)
    faded = ((170, 80, 70), (90, 110, 140), (160, 150, 90), (120, 120, 120), (150, 90, 60))
    for _ in range(22):
        x = rng.uniform(r.left(), r.right())
        y = rng.uniform(r.top(), r.bottom())
        w, h = r.width() * rng.uniform(0.12, 0.25), r.height() * rng.uniform(0.12, 0.22)
        canvas.save()
        canvas.translate(x, y)
        canvas.rotate(rng.uniform(-30, 30))
        panel(canvas, skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h),
              ctx.tone(faded[int(rng.integers(len(faded)))]), h * 0.2)
        canvas.drawRect(skia.Rect.MakeXYWH(-w * 0.3, -h * 0.4, w * 0.25, h * 0.35),
                        fill(ctx.tone((60, 70, 80))))
        canvas.restore()
    canvas.restore()
    for k in range(4):
        cx = r.left() + r.width() * (0.1 + 0.25 * k)
        radius = r.height() * 0.12
        canvas.drawCircle(cx, r.bottom() - radius, radius, fill((30, 30, 32)))
        canvas.drawCircle(cx, r.bottom() - radius, radius * 0.45, fill(ctx.tone((110, 110, 115))))


@shape("garage", 1.4, (230, 220, 205))
def garage(canvas: skia.Canvas, r: skia.Rect, render: RGB, ctx: Context) -> None:
    """A garage with a ribbed up-and-over door."""
    tint = ctx.tone(render)
    canvas.drawPath(polygon([(r.left() - r.width() * 0.04, r.top() + r.height() * 0.25),
                             (r.centerX(), r.top()), (r.right() + r.width() * 0.04,
                                                      r.top() + r.height() * 0.25)]),
                    fill(ctx.tone((150, 80, 65))))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.25, r.right(),
                                     r.bottom()), tint)
    door = skia.Rect.MakeLTRB(r.left() + r.width() * 0.12, r.top() + r.height() * 0.4,
                              r.right() - r.width() * 0.12, r.bottom())
    canvas.drawRect(door, fill(ctx.tone((245, 245, 245))))
    for k in range(1, 6):
        y = door.top() + door.height() * k / 6
        canvas.drawLine(door.left(), y, door.right(), y, stroke(ctx.tone((190, 190, 195)),
                                                                r.height() * 0.01))


@shape("catenary", 0.45, (110, 115, 120))
def catenary(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """An overhead-line mast: a pole with an arm over the track and the wire beneath."""
    tint = ctx.tone(steel)
    canvas.drawLine(r.left(), r.bottom(), r.left(), r.top(), stroke(tint, r.width() * 0.06))
    canvas.drawLine(r.left(), r.top() + r.height() * 0.06, r.right() * 2 - r.left(),
                    r.top() + r.height() * 0.06, stroke(tint, r.width() * 0.04))
    canvas.drawLine(r.left() - r.width() * 8, r.top() + r.height() * 0.14, r.right()
                    + r.width() * 8, r.top() + r.height() * 0.14,
                    stroke(ctx.tone((60, 60, 64)), max(r.width() * 0.015, 1.0)))


@shape("flag_pole", 0.3, (220, 50, 60))
def flag_pole(canvas: skia.Canvas, r: skia.Rect, flag: RGB, ctx: Context) -> None:
    """A flagpole with a pennant flying."""
    canvas.drawLine(r.left(), r.bottom(), r.left(), r.top(), stroke(ctx.tone((120, 110, 100)),
                                                                   r.width() * 0.06))
    wave = skia.Path()
    wave.moveTo(r.left(), r.top())
    wave.quadTo(r.centerX(), r.top() - r.height() * 0.04, r.right(), r.top() + r.height() * 0.06)
    wave.lineTo(r.left(), r.top() + r.height() * 0.16)
    wave.close()
    canvas.drawPath(wave, fill(ctx.tone(flag)))


@shape("arcade", 4.0, (215, 190, 155))
def arcade(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A cloister arcade: round arches on columns along a wall, shadow behind."""
    tint = ctx.tone(stone)
    body = skia.Path()
    body.addRect(r)
    span = r.height() * 0.8
    x = r.left()
    while x < r.right():
        hole = skia.Path()
        hole.addRect(skia.Rect.MakeLTRB(x + span * 0.12, r.top() + r.height() * 0.45,
                                        x + span * 0.88, r.bottom() + 1))
        hole.addOval(skia.Rect.MakeLTRB(x + span * 0.12, r.top() + r.height() * 0.2,
                                        x + span * 0.88, r.top() + r.height() * 0.2
                                        + span * 0.76))
        body = skia.Op(body, hole, skia.PathOp.kDifference_PathOp) or body
        x += span
    canvas.drawRect(r, fill(shade(tint, 0.5)))
    canvas.drawPath(body, vertical(shade(tint, 1.05), shade(tint, 0.9), r.top(), r.bottom()))


@shape("olive_tree", 0.9, (110, 140, 90))
def olive_tree(canvas: skia.Canvas, r: skia.Rect, leaf: RGB, ctx: Context) -> None:
    """A tree in a square stone planter."""
    tint = ctx.tone(leaf)
    box = skia.Rect.MakeLTRB(r.left() + r.width() * 0.25, r.bottom() - r.height() * 0.18,
                             r.right() - r.width() * 0.25, r.bottom())
    canvas.drawLine(r.centerX(), box.top(), r.centerX() - r.width() * 0.05, r.top()
                    + r.height() * 0.4, stroke(ctx.tone((110, 90, 70)), r.width() * 0.06))
    for k in range(7):
        a = k / 7 * math.tau
        canvas.drawCircle(r.centerX() + math.cos(a) * r.width() * 0.28, r.top() + r.height()
                          * 0.3 + math.sin(a) * r.height() * 0.14, r.width() * 0.2,
                          fill(shade(tint, 0.9 + 0.05 * (k % 3))))
    panel(canvas, box, ctx.tone((200, 190, 170)))


@shape("grave_cross", 0.6, (200, 198, 192))
def grave_cross(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A stone cross on a grave."""
    tint = ctx.tone(stone)
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.13, r.top(), r.centerX()
                                       + r.width() * 0.13, r.bottom()),
                    horizontal(shade(tint, 1.1), shade(tint, 0.85), r.left(), r.right()))
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.2, r.right(), r.top()
                                       + r.height() * 0.34), fill(tint))


@shape("university", 2.4, (190, 120, 90))
def university(canvas: skia.Canvas, r: skia.Rect, brick: RGB, ctx: Context) -> None:
    """A college building: brick wings, a white-columned entrance and a clock tower."""
    tint = ctx.tone(brick)
    w, h = r.width(), r.height()
    tower = skia.Rect.MakeLTRB(r.centerX() - w * 0.06, r.top(), r.centerX() + w * 0.06,
                               r.bottom())
    body = skia.Rect.MakeLTRB(r.left(), r.top() + h * 0.4, r.right(), r.bottom())
    panel(canvas, body, tint)
    for k in range(14):
        if 6 <= k <= 7:
            continue
        for row in range(2):
            x = body.left() + body.width() * (k + 0.25) / 14
            y = body.top() + body.height() * (0.15 + 0.42 * row)
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, body.width() / 14 * 0.5,
                                               body.height() * 0.28),
                            fill(window_glass(ctx)))
    panel(canvas, tower, shade(tint, 1.05))
    canvas.drawPath(polygon([(tower.left() - w * 0.01, tower.top() + h * 0.12),
                             (tower.centerX(), tower.top() - h * 0.06),
                             (tower.right() + w * 0.01, tower.top() + h * 0.12)]),
                    fill(ctx.tone((80, 110, 100))))
    c = (tower.centerX(), tower.top() + h * 0.22)
    canvas.drawCircle(*c, w * 0.04, fill((250, 248, 240)))
    canvas.drawLine(*c, c[0], c[1] - w * 0.03, stroke((30, 30, 30), w * 0.005))
    canvas.drawLine(*c, c[0] + w * 0.02, c[1], stroke((30, 30, 30), w * 0.005))
    portico = skia.Rect.MakeLTRB(r.centerX() - w * 0.12, r.top() + h * 0.55, r.centerX()
                                 + w * 0.12, r.bottom())
    canvas.drawPath(polygon([(portico.left(), portico.top()), (portico.centerX(),
                                                               portico.top() - h * 0.08),
                             (portico.right(), portico.top())]), fill(ctx.tone((240, 236, 228))))
    for k in range(4):
        x = portico.left() + portico.width() * (k + 0.5) / 4
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.008, portico.top(), x + w * 0.008,
                                           r.bottom()), fill(ctx.tone((245, 242, 235))))


@shape("ticket_booth", 0.8, (230, 70, 80))
def ticket_booth(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A fairground ticket booth with a striped roof and a TICKETS window."""
    tint = ctx.tone(paint)
    body = skia.Rect.MakeLTRB(r.left() + r.width() * 0.08, r.top() + r.height() * 0.3,
                              r.right() - r.width() * 0.08, r.bottom())
    panel(canvas, body, ctx.tone((250, 240, 220)))
    window = skia.Rect.MakeLTRB(body.left() + body.width() * 0.15, body.top() + body.height()
                                * 0.12, body.right() - body.width() * 0.15, body.top()
                                + body.height() * 0.45)
    canvas.drawRect(window, fill(ctx.tone((120, 80, 60))))
    canvas.drawRect(skia.Rect.MakeLTRB(body.left(), body.bottom() - body.height() * 0.35,
                                       body.right(), body.bottom()), fill(tint))
    roof = polygon([(r.left(), r.top() + r.height() * 0.32), (r.centerX(), r.top()),
                    (r.right(), r.top() + r.height() * 0.32)])
    canvas.drawPath(roof, fill(tint))
    canvas.drawPath(roof, stroke(ctx.tone((250, 220, 80)), r.width() * 0.03))


@shape("tire_wall", 10.0, (40, 40, 44))
def tire_wall(canvas: skia.Canvas, r: skia.Rect, rubber: RGB, ctx: Context) -> None:
    """A barrier of stacked tyres along a race track, banded red and white."""
    radius = r.height() / 4
    x = r.left()
    k = 0
    while x < r.right():
        for row in range(2):
            cy = r.bottom() - radius - row * radius * 2
            canvas.drawCircle(x, cy, radius, fill(ctx.tone(rubber)))
            band = (230, 40, 40) if (k // 3) % 2 else (245, 245, 245)
            canvas.drawCircle(x, cy, radius * 0.55, fill(ctx.tone(band)))
        x += radius * 2
        k += 1


@shape("windscreen", 10.0, (40, 90, 60))
def windscreen(canvas: skia.Canvas, r: skia.Rect, cloth: RGB, ctx: Context) -> None:
    """The green windscreen on a tennis court's fence."""
    canvas.drawRect(r, fill(ctx.tone(cloth)))
    canvas.drawLine(r.left(), r.top(), r.right(), r.top(), stroke(ctx.tone((200, 200, 200)),
                                                                  r.height() * 0.05))


@shape("patch", 5.0, (235, 215, 160))
def patch(canvas: skia.Canvas, r: skia.Rect, colour: RGB, ctx: Context) -> None:
    """A low oval set into the ground: a bunker of sand, a putting green of finer turf."""
    canvas.drawOval(r.makeOutset(0, r.height() * 0.5), fill(ctx.tone(colour)))


@shape("skyscraper_tower", 0.34, (120, 150, 185))
def skyscraper_tower(canvas: skia.Canvas, r: skia.Rect, glass: RGB, ctx: Context) -> None:
    """A glass skyscraper rising out of frame: stepped setbacks, a spire, banded glazing."""
    tint = ctx.tone(glass)
    sky = ctx.tone((200, 220, 240))
    tiers = ((0.0, 1.0, 0.18), (0.1, 0.9, 0.06), (0.22, 0.78, 0.0))
    for x0, x1, top in tiers:
        block = skia.Rect.MakeLTRB(r.left() + r.width() * x0, r.top() + r.height() * top,
                                   r.left() + r.width() * x1, r.bottom())
        canvas.drawRect(block, horizontal(shade(tint, 0.8), shade(tint, 1.15), block.left(),
                                          block.right()))
    y = r.top() + r.height() * 0.03
    while y < r.bottom():
        lit = ctx.light.night and ctx.rng.random() < 0.6
        canvas.drawRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.03, y, r.right()
                                           - r.width() * 0.03, y + r.height() * 0.008),
                        fill((255, 215, 130) if lit else sky, 110))
        y += r.height() * 0.02
    canvas.drawLine(r.centerX(), r.top() - r.height() * 0.12, r.centerX(), r.top(),
                    stroke(ctx.tone((200, 205, 210)), r.width() * 0.03))


@shape("slope", 4.0, (246, 248, 252))
def slope(canvas: skia.Canvas, r: skia.Rect, snow: RGB, ctx: Context) -> None:
    """A broad ski slope falling from the upper left, groomed into faint lines."""
    tint = ctx.tone(snow)
    hill = skia.Path()
    hill.moveTo(r.left(), r.top())
    hill.cubicTo(r.left() + r.width() * 0.35, r.top() + r.height() * 0.1, r.left()
                 + r.width() * 0.55, r.bottom() - r.height() * 0.3, r.right(), r.bottom()
                 - r.height() * 0.1)
    hill.lineTo(r.right(), r.bottom() + r.height())
    hill.lineTo(r.left(), r.bottom() + r.height())
    hill.close()
    canvas.drawPath(hill, vertical(tint, shade(tint, 0.92), r.top(), r.bottom()))
    for k in range(1, 6):
        track = skia.Path()
        track.moveTo(r.left() + r.width() * 0.05 * k, r.top() + r.height() * 0.1 * k)
        track.quadTo(r.centerX(), r.bottom() - r.height() * 0.2, r.right(), r.bottom()
                     + r.height() * 0.05 * k)
        canvas.drawPath(track, stroke(shade(tint, 0.9), max(r.height() * 0.004, 1.0), 160))


@shape("ski_lift", 3.0, (60, 62, 70))
def ski_lift(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A chairlift climbing to the upper right: pylons, the cable and hanging chairs."""
    tint = ctx.tone(steel)
    start = (r.left(), r.bottom() - r.height() * 0.25)
    end = (r.right(), r.top())
    canvas.drawLine(*start, *end, stroke(tint, max(r.height() * 0.006, 1.0)))
    for k in range(1, 4):
        t = k / 4
        x, y = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        canvas.drawLine(x, y, x, r.bottom() + r.height() * (0.0 - 0.1 * k),
                        stroke(tint, r.height() * 0.015))
        canvas.drawLine(x - r.height() * 0.04, y, x + r.height() * 0.04, y,
                        stroke(tint, r.height() * 0.012))
    colours = ((220, 60, 50), (50, 110, 210))
    for k in range(9):
        t = (k + 0.5) / 9
        x, y = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        hang = r.height() * 0.06
        canvas.drawLine(x, y, x, y + hang, stroke(tint, max(r.height() * 0.004, 1.0)))
        panel(canvas, skia.Rect.MakeXYWH(x - hang * 0.4, y + hang, hang * 0.8, hang * 0.35),
              ctx.tone(colours[k % 2]), hang * 0.1)


@shape("gate_flag", 0.4, (220, 50, 50))
def gate_flag(canvas: skia.Canvas, r: skia.Rect, flag: RGB, ctx: Context) -> None:
    """A slalom gate: a pole with a coloured panel."""
    canvas.drawLine(r.left(), r.bottom(), r.left(), r.top(), stroke(ctx.tone((60, 60, 60)),
                                                                   r.width() * 0.1))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.4),
          ctx.tone(flag))


@shape("golf_cart", 1.2, (245, 245, 240))
def golf_cart(canvas: skia.Canvas, r: skia.Rect, body: RGB, ctx: Context) -> None:
    """A golf buggy: a white canopy on posts over two seats and small wheels."""
    tint = ctx.tone(body)
    w, h = r.width(), r.height()
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + h * 0.1), tint,
          h * 0.04)
    for x in (r.left() + w * 0.12, r.right() - w * 0.12):
        canvas.drawLine(x, r.top() + h * 0.1, x, r.top() + h * 0.55,
                        stroke(ctx.tone((60, 60, 66)), w * 0.03))
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top() + h * 0.5, r.right(), r.bottom()
                                     - h * 0.15), tint, h * 0.06)
    panel(canvas, skia.Rect.MakeLTRB(r.left() + w * 0.2, r.top() + h * 0.38, r.left()
                                     + w * 0.6, r.top() + h * 0.52), ctx.tone((40, 90, 60)))
    for x in (r.left() + w * 0.2, r.right() - w * 0.2):
        canvas.drawCircle(x, r.bottom() - h * 0.12, h * 0.12, fill((30, 30, 32)))


@shape("bollard", 0.8, (40, 40, 46))
def bollard(canvas: skia.Canvas, r: skia.Rect, iron: RGB, ctx: Context) -> None:
    """A mooring bollard on the quay, a rope looped round it."""
    tint = ctx.tone(iron)
    canvas.drawRoundRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.2, r.top() + r.height()
                                            * 0.2, r.right() - r.width() * 0.2, r.bottom()),
                         r.width() * 0.1, r.width() * 0.1, horizontal(shade(tint, 1.4), tint,
                                                                      r.left(), r.right()))
    canvas.drawOval(skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.3),
                    fill(shade(tint, 1.3)))
    canvas.drawLine(r.left(), r.top() + r.height() * 0.45, r.right() + r.width() * 2,
                    r.bottom(), stroke(ctx.tone((200, 170, 110)), r.width() * 0.12))
