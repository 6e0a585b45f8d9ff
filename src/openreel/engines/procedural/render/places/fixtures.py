"""Drawn fixtures: street furniture, fences, sports gear at the side of a court or pool,
stairs, shop fronts, and the water, ice, reeds and lava of wild places."""

from __future__ import annotations

import skia

from openreel.engines.procedural.render.palette import RGB, shade
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
from openreel.engines.procedural.render.places.items import shape


@shape("street_lamp", 0.3, (60, 64, 72))
def street_lamp(canvas: skia.Canvas, r: skia.Rect, iron: RGB, ctx: Context) -> None:
    """A street lamp: a post that curves over to a lantern, lit after dark."""
    tint = ctx.tone(iron)
    x, top = r.left() + r.width() * 0.2, r.top() + r.height() * 0.06
    post = skia.Path()
    post.moveTo(x, r.bottom())
    post.lineTo(x, top + r.width() * 0.4)
    post.quadTo(x, top, x + r.width() * 0.5, top)
    canvas.drawPath(post, stroke(tint, r.width() * 0.1))
    lamp = (x + r.width() * 0.7, top + r.width() * 0.12)
    if ctx.light.night or ctx.light.sun_height < 0.05:
        canvas.drawCircle(*lamp, r.height() * 0.2, glow(*lamp, r.height() * 0.2,
                                                       (255, 220, 150), 160))
    canvas.drawPath(polygon([(lamp[0] - r.width() * 0.25, lamp[1]), (lamp[0] + r.width() * 0.25,
                                                                     lamp[1]),
                             (lamp[0] + r.width() * 0.15, top - r.width() * 0.05),
                             (lamp[0] - r.width() * 0.15, top - r.width() * 0.05)]), fill(tint))
    canvas.drawOval(skia.Rect.MakeXYWH(lamp[0] - r.width() * 0.2, lamp[1] - r.width() * 0.05,
                                       r.width() * 0.4, r.width() * 0.14), fill((255, 240, 190)))
    canvas.drawRect(skia.Rect.MakeLTRB(x - r.width() * 0.12, r.bottom() - r.height() * 0.04,
                                       x + r.width() * 0.12, r.bottom()), fill(tint))


@shape("railing", 6.0, (180, 185, 190))
def railing(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """A metal guard rail on posts (a highway's, a quay's, a platform's)."""
    tint = ctx.tone(metal)
    step = r.height() * 1.6
    x = r.left()
    while x <= r.right():
        canvas.drawRect(skia.Rect.MakeLTRB(x, r.top() + r.height() * 0.1, x + r.height() * 0.12,
                                           r.bottom()), fill(shade(tint, 0.85)))
        x += step
    panel(canvas, skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.35),
          tint, r.height() * 0.05)


@shape("iron_fence", 6.0, (40, 42, 48))
def iron_fence(canvas: skia.Canvas, r: skia.Rect, iron: RGB, ctx: Context) -> None:
    """Wrought-iron railings with spear tips."""
    tint = ctx.tone(iron)
    bar = stroke(tint, max(r.height() * 0.035, 1.0), round_cap=False)
    for y in (r.top() + r.height() * 0.15, r.bottom() - r.height() * 0.12):
        canvas.drawLine(r.left(), y, r.right(), y, bar)
    x = r.left()
    while x <= r.right():
        canvas.drawLine(x, r.top() + r.height() * 0.06, x, r.bottom(), bar)
        canvas.drawPath(polygon([(x - r.height() * 0.04, r.top() + r.height() * 0.08),
                                 (x, r.top()), (x + r.height() * 0.04, r.top()
                                                + r.height() * 0.08)]), fill(tint))
        x += r.height() * 0.14


@shape("picket_fence", 6.0, (250, 250, 248))
def picket_fence(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A white picket fence."""
    tint = ctx.tone(paint)
    for y in (r.top() + r.height() * 0.3, r.top() + r.height() * 0.7):
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y, r.right(), y + r.height() * 0.08),
                        fill(shade(tint, 0.9)))
    x = r.left()
    while x <= r.right():
        width = r.height() * 0.12
        canvas.drawPath(polygon([(x, r.bottom()), (x, r.top() + width), (x + width / 2, r.top()),
                                 (x + width, r.top() + width), (x + width, r.bottom())]),
                        vertical(tint, shade(tint, 0.85), r.top(), r.bottom()))
        x += width * 1.9


@shape("hedge", 3.0, (60, 120, 60))
def hedge(canvas: skia.Canvas, r: skia.Rect, leaf: RGB, ctx: Context) -> None:
    """A clipped hedge: a rounded green block with a leafy texture."""
    tint = ctx.tone(leaf)
    canvas.drawRoundRect(r, r.height() * 0.25, r.height() * 0.25,
                         vertical(shade(tint, 1.15), shade(tint, 0.8), r.top(), r.bottom()))
    for _ in range(int(r.width() * r.height() / max(r.height() * 0.1, 1.0) ** 2 * 0.3)):
        x = ctx.rng.uniform(r.left(), r.right())
        y = ctx.rng.uniform(r.top(), r.bottom())
        canvas.drawCircle(x, y, r.height() * 0.05, fill(shade(tint, ctx.rng.uniform(0.85, 1.2)),
                                                        160))


@shape("hay_bale", 1.3, (225, 190, 110))
def hay_bale(canvas: skia.Canvas, r: skia.Rect, straw: RGB, ctx: Context) -> None:
    """A round hay bale seen from its end: a spiral of straw."""
    tint = ctx.tone(straw)
    body = skia.Rect.MakeLTRB(r.left(), r.top(), r.left() + r.width() * 0.75, r.bottom())
    canvas.drawRect(skia.Rect.MakeLTRB(body.centerX(), r.top(), r.right() - r.height() * 0.2,
                                       r.bottom()), fill(shade(tint, 0.85)))
    canvas.drawOval(skia.Rect.MakeLTRB(r.right() - r.height() * 0.45, r.top(), r.right(),
                                       r.bottom()), fill(shade(tint, 0.8)))
    canvas.drawOval(body, vertical(shade(tint, 1.1), shade(tint, 0.88), body.top(),
                                   body.bottom()))
    for k in range(1, 5):
        canvas.drawOval(body.makeInset(body.width() * 0.1 * k, body.height() * 0.1 * k),
                        stroke(shade(tint, 0.8), max(r.height() * 0.02, 1.0)))


@shape("cone", 0.7, (250, 120, 30))
def cone(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A traffic cone with its white band."""
    tint = ctx.tone(paint)
    body = polygon([(r.left() + r.width() * 0.2, r.bottom() - r.height() * 0.08),
                    (r.centerX() - r.width() * 0.06, r.top()),
                    (r.centerX() + r.width() * 0.06, r.top()),
                    (r.right() - r.width() * 0.2, r.bottom() - r.height() * 0.08)])
    canvas.drawPath(body, horizontal(shade(tint, 1.15), shade(tint, 0.8), r.left(), r.right()))
    band = skia.Rect.MakeLTRB(r.left(), r.top() + r.height() * 0.35, r.right(), r.top()
                              + r.height() * 0.52)
    canvas.save()
    canvas.clipPath(body, doAntiAlias=True)
    canvas.drawRect(band, fill((250, 250, 250)))
    canvas.restore()
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.bottom() - r.height() * 0.08, r.right(),
                                       r.bottom()), fill(shade(tint, 0.8)))


@shape("barrier", 3.0, (245, 245, 245))
def barrier(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A road-works barrier: a board of red and white stripes on two legs."""
    board_rect = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.35)
    for x in (r.left() + r.width() * 0.12, r.right() - r.width() * 0.12):
        canvas.drawLine(x, board_rect.bottom(), x, r.bottom(), stroke(ctx.tone((90, 90, 95)),
                                                                     r.width() * 0.03))
    canvas.save()
    canvas.clipRect(board_rect)
    canvas.drawRect(board_rect, fill(ctx.tone(paint)))
    step = board_rect.height() * 1.2
    x = board_rect.left() - board_rect.height()
    while x < board_rect.right():
        canvas.drawPath(polygon([(x, board_rect.bottom()), (x + board_rect.height(),
                                                            board_rect.top()),
                                 (x + board_rect.height() + step / 2, board_rect.top()),
                                 (x + step / 2, board_rect.bottom())]),
                        fill(ctx.tone((220, 40, 40))))
        x += step
    canvas.restore()


@shape("gantry", 4.0, (120, 125, 130))
def gantry(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """An overhead sign gantry across a motorway: green signs with arrows."""
    tint = ctx.tone(steel)
    for x in (r.left(), r.right()):
        canvas.drawLine(x, r.top(), x, r.bottom(), stroke(tint, r.width() * 0.015))
    canvas.drawLine(r.left(), r.top() + r.height() * 0.05, r.right(), r.top() + r.height() * 0.05,
                    stroke(tint, r.height() * 0.03))
    for k in range(2):
        sign = skia.Rect.MakeLTRB(r.left() + r.width() * (0.12 + k * 0.42), r.top(),
                                  r.left() + r.width() * (0.46 + k * 0.42), r.top()
                                  + r.height() * 0.32)
        panel(canvas, sign, ctx.tone((30, 120, 70)), r.height() * 0.02)
        canvas.drawRect(sign.makeInset(r.height() * 0.012, r.height() * 0.012),
                        stroke((240, 240, 240), r.height() * 0.008))
        white = stroke((245, 245, 245), r.height() * 0.025)
        ax = sign.left() + sign.width() * 0.2
        canvas.drawLine(ax, sign.bottom() - sign.height() * 0.2, ax, sign.top() + sign.height()
                        * 0.25, white)
        canvas.drawLine(ax - sign.height() * 0.12, sign.top() + sign.height() * 0.37, ax,
                        sign.top() + sign.height() * 0.22, white)
        canvas.drawLine(ax + sign.height() * 0.12, sign.top() + sign.height() * 0.37, ax,
                        sign.top() + sign.height() * 0.22, white)
        for row in range(2):
            y = sign.top() + sign.height() * (0.38 + row * 0.25)
            canvas.drawLine(sign.left() + sign.width() * 0.38, y, sign.right() - sign.width()
                            * 0.1, y, stroke((245, 245, 245), sign.height() * 0.1))


@shape("price_sign", 0.4, (30, 120, 70))
def price_sign(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A tall fuel price sign on a pole, with lit digits."""
    tint = ctx.tone(paint)
    board_rect = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.55)
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - r.width() * 0.08, board_rect.bottom(),
                                       r.centerX() + r.width() * 0.08, r.bottom()),
                    fill(ctx.tone((150, 150, 155))))
    panel(canvas, board_rect, tint, r.width() * 0.05)
    canvas.drawRect(skia.Rect.MakeLTRB(board_rect.left(), board_rect.top(), board_rect.right(),
                                       board_rect.top() + board_rect.height() * 0.22),
                    fill(ctx.tone((240, 200, 40))))
    for k in range(3):
        cell = skia.Rect.MakeLTRB(board_rect.left() + r.width() * 0.12, board_rect.top()
                                  + board_rect.height() * (0.3 + k * 0.22),
                                  board_rect.right() - r.width() * 0.12, board_rect.top()
                                  + board_rect.height() * (0.46 + k * 0.22))
        canvas.drawRect(cell, fill((15, 15, 18)))
        for d in range(3):
            x = cell.left() + cell.width() * (0.2 + d * 0.3)
            canvas.drawRect(skia.Rect.MakeXYWH(x - cell.width() * 0.08, cell.top()
                                               + cell.height() * 0.2, cell.width() * 0.16,
                                               cell.height() * 0.6),
                            stroke((255, 90, 60), max(cell.height() * 0.1, 1.0)))


@shape("hoop", 0.55, (235, 100, 40))
def hoop(canvas: skia.Canvas, r: skia.Rect, rim: RGB, ctx: Context) -> None:
    """A basketball hoop at the side of a court: post, arm, backboard, orange rim and net
    (drawn facing right; flip it for the right-hand side)."""
    w, h = r.width(), r.height()
    steel = ctx.tone((70, 75, 85))
    post_x = r.left() + w * 0.12
    canvas.drawLine(post_x, r.bottom(), post_x, r.top() + h * 0.12, stroke(steel, w * 0.08))
    canvas.drawLine(post_x, r.top() + h * 0.14, r.left() + w * 0.62, r.top() + h * 0.14,
                    stroke(steel, w * 0.05))
    board_rect = skia.Rect.MakeLTRB(r.left() + w * 0.6, r.top(), r.left() + w * 0.68,
                                    r.top() + h * 0.3)
    canvas.drawRect(board_rect, fill(ctx.tone((245, 245, 250))))
    canvas.drawRect(board_rect, stroke(ctx.tone((40, 40, 50)), w * 0.015))
    rim_y = r.top() + h * 0.25
    canvas.drawOval(skia.Rect.MakeLTRB(board_rect.right(), rim_y - h * 0.012, r.right(),
                                       rim_y + h * 0.012), stroke(ctx.tone(rim), w * 0.03))
    net = stroke(ctx.tone((250, 250, 250)), w * 0.01, 220)
    for k in range(5):
        x0 = board_rect.right() + (r.right() - board_rect.right()) * k / 4
        x1 = board_rect.right() + (r.right() - board_rect.right()) * (0.2 + 0.6 * k / 4)
        canvas.drawLine(x0, rim_y, x1, rim_y + h * 0.1, net)
    canvas.drawLine(board_rect.right() + w * 0.06, rim_y + h * 0.1, r.right() - w * 0.06,
                    rim_y + h * 0.1, net)


@shape("goal", 2.2, (250, 250, 250))
def goal(canvas: skia.Canvas, r: skia.Rect, frame: RGB, ctx: Context) -> None:
    """A football goal seen from the side of the pitch: posts, crossbar and the net."""
    tint = ctx.tone(frame)
    net = stroke(ctx.tone((235, 235, 235)), max(r.height() * 0.008, 1.0), 170)
    for k in range(12):
        x = r.left() + r.width() * k / 11
        canvas.drawLine(x, r.top(), x, r.bottom(), net)
    for k in range(7):
        y = r.top() + r.height() * k / 6
        canvas.drawLine(r.left(), y, r.right(), y, net)
    post = stroke(tint, r.height() * 0.05)
    canvas.drawLine(r.left(), r.bottom(), r.left(), r.top(), post)
    canvas.drawLine(r.right(), r.bottom(), r.right(), r.top(), post)
    canvas.drawLine(r.left(), r.top(), r.right(), r.top(), post)


@shape("tennis_net", 14.0, (30, 30, 34))
def tennis_net(canvas: skia.Canvas, r: skia.Rect, mesh: RGB, ctx: Context) -> None:
    """A tennis net stretched across the court: posts, mesh and the white tape."""
    tint = ctx.tone(mesh)
    canvas.drawRect(r, fill(tint, 120))
    cell = max(r.height() * 0.12, 2.0)
    line = stroke(tint, max(cell * 0.12, 0.8), 220)
    x = r.left()
    while x < r.right():
        canvas.drawLine(x, r.top(), x, r.bottom(), line)
        x += cell
    y = r.top()
    while y < r.bottom():
        canvas.drawLine(r.left(), y, r.right(), y, line)
        y += cell
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.top() - r.height() * 0.04, r.right(),
                                       r.top() + r.height() * 0.1), fill((250, 250, 250)))
    for x in (r.left(), r.right()):
        canvas.drawLine(x, r.top() - r.height() * 0.1, x, r.bottom(),
                        stroke(ctx.tone((40, 90, 60)), r.height() * 0.08))


@shape("lane_flags", 8.0, (230, 60, 60))
def lane_flags(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """Backstroke flags: a line of little triangles strung across a pool."""
    canvas.drawLine(r.left(), r.top(), r.right(), r.top(), stroke(ctx.tone((90, 90, 100)),
                                                                  max(r.height() * 0.05, 1.0)))
    colours = (paint, (250, 250, 250), (50, 100, 210))
    step = r.height() * 0.8
    for k in range(int(r.width() / step)):
        x = r.left() + k * step
        canvas.drawPath(polygon([(x, r.top()), (x + step * 0.8, r.top()), (x + step * 0.4,
                                                                          r.bottom())]),
                        fill(ctx.tone(colours[k % 3])))


@shape("lifeguard_chair", 0.6, (250, 250, 250))
def lifeguard_chair(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A tall lifeguard chair: splayed legs, rungs, a seat with a red float on it."""
    tint = ctx.tone(paint)
    leg = stroke(tint, r.width() * 0.07)
    seat_y = r.top() + r.height() * 0.35
    canvas.drawLine(r.left(), r.bottom(), r.left() + r.width() * 0.25, seat_y, leg)
    canvas.drawLine(r.right(), r.bottom(), r.right() - r.width() * 0.25, seat_y, leg)
    for k in range(1, 4):
        y = seat_y + (r.bottom() - seat_y) * k / 4
        t = k / 4
        canvas.drawLine(r.left() + r.width() * 0.25 * (1 - t), y, r.right() - r.width() * 0.25
                        * (1 - t), y, stroke(tint, r.width() * 0.04))
    panel(canvas, skia.Rect.MakeLTRB(r.left() + r.width() * 0.15, seat_y - r.height() * 0.04,
                                     r.right() - r.width() * 0.15, seat_y), tint)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.22, r.top(), r.left()
                                       + r.width() * 0.3, seat_y), fill(tint))
    canvas.drawRoundRect(skia.Rect.MakeLTRB(r.left() + r.width() * 0.3, seat_y - r.height() * 0.2,
                                            r.left() + r.width() * 0.5, seat_y - r.height() * 0.06),
                         r.width() * 0.06, r.width() * 0.06, fill(ctx.tone((220, 50, 50))))


@shape("staircase", 1.2, (170, 120, 80))
def staircase(canvas: skia.Canvas, r: skia.Rect, wood: RGB, ctx: Context) -> None:
    """A flight of stairs climbing to the right, with a banister and balusters."""
    tint = ctx.tone(wood)
    steps = 12
    rise, run = r.height() * 0.8 / steps, r.width() / steps
    for k in range(steps):
        x0 = r.left() + k * run
        y0 = r.bottom() - (k + 1) * rise
        canvas.drawRect(skia.Rect.MakeLTRB(x0, y0, r.right(), y0 + rise),
                        fill(shade(tint, 0.8 + 0.02 * (k % 2))))
        canvas.drawRect(skia.Rect.MakeLTRB(x0, y0, x0 + run, y0 + rise * 0.25),
                        fill(shade(tint, 1.15)))
    stringer = polygon([(r.left(), r.bottom()), (r.right(), r.bottom() - r.height() * 0.8),
                        (r.right(), r.bottom())])
    canvas.drawPath(stringer, fill(shade(tint, 0.65)))
    rail_off = r.height() * 0.22
    canvas.drawLine(r.left(), r.bottom() - rail_off, r.right(), r.bottom() - r.height() * 0.8
                    - rail_off, stroke(shade(tint, 0.75), r.height() * 0.025))
    for k in range(steps):
        x = r.left() + (k + 0.5) * run
        y = r.bottom() - (k + 1) * rise
        canvas.drawLine(x, y, x, y - rail_off + rise * 0.5, stroke(ctx.tone((245, 240, 230)),
                                                                  r.height() * 0.01))
    canvas.drawLine(r.left(), r.bottom(), r.left(), r.bottom() - rail_off * 1.2,
                    stroke(shade(tint, 0.7), r.height() * 0.04))


@shape("pool_water", 10.0, (60, 170, 220))
def pool_water(canvas: skia.Canvas, r: skia.Rect, water: RGB, ctx: Context) -> None:
    """The surface of a swimming pool receding from the stage: blue water with lane ropes
    of red and white floats, glinting, between a tiled coping."""
    tint = ctx.tone(water)
    canvas.drawRect(r, vertical(shade(tint, 0.85), shade(tint, 1.12), r.top(), r.bottom()))
    lanes = 5
    for k in range(1, lanes):
        y = r.top() + r.height() * (k / lanes) ** 1.3
        dot = max(r.height() * 0.025 * (0.5 + k / lanes), 1.0)
        x = r.left()
        n = 0
        while x < r.right():
            canvas.drawCircle(x, y, dot, fill((240, 60, 60) if (n // 4) % 2 else (250, 250, 250)))
            x += dot * 2.2
            n += 1
    for _ in range(int(r.width() / max(r.height() * 0.3, 4))):
        x, y = ctx.rng.uniform(r.left(), r.right()), ctx.rng.uniform(r.top(), r.bottom())
        canvas.drawRect(skia.Rect.MakeXYWH(x, y, r.height() * 0.15, max(r.height() * 0.012, 1)),
                        fill((255, 255, 255), 120))
    for y in (r.top(), r.bottom()):
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), y - r.height() * 0.04, r.right(),
                                           y + r.height() * 0.04), fill(ctx.tone((236, 240, 242))))
