"""Drawn venues and works: a carousel, a fountain, a phone box, a filling station's
canopy, stands and floodlights, a station's roof, tanks and a crane."""

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
    window_glass,
)
from openreel.engines.procedural.render.places.items import shape


@shape("carousel", 1.2, (230, 80, 90))
def carousel(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A merry-go-round: a striped conical canopy with lights, brass poles and a platform;
    the horses are the art library's, added by the place as their own items."""
    tint = ctx.tone(paint)
    w, h = r.width(), r.height()
    eave = r.top() + h * 0.32
    canopy = polygon([(r.left(), eave), (r.centerX(), r.top()), (r.right(), eave)])
    canvas.save()
    canvas.clipPath(canopy, doAntiAlias=True)
    for k in range(10):
        x0 = r.left() + w * k / 10
        stripe = polygon([(r.centerX(), r.top()), (x0, eave), (x0 + w / 10, eave)])
        canvas.drawPath(stripe, fill(tint if k % 2 else ctx.tone((250, 245, 235))))
    canvas.restore()
    valance = skia.Rect.MakeLTRB(r.left(), eave, r.right(), eave + h * 0.08)
    panel(canvas, valance, ctx.tone((240, 200, 80)))
    for k in range(13):
        canvas.drawCircle(r.left() + w * (k + 0.5) / 13, valance.centerY(), h * 0.012,
                          fill((255, 250, 210)))
    for k in range(5):
        x = r.left() + w * (0.1 + 0.2 * k)
        canvas.drawLine(x, valance.bottom(), x, r.bottom() - h * 0.06,
                        stroke(ctx.tone((230, 190, 90)), w * 0.012))
    panel(canvas, skia.Rect.MakeLTRB(r.left() - w * 0.03, r.bottom() - h * 0.06,
                                     r.right() + w * 0.03, r.bottom()), ctx.tone((150, 60, 70)))
    canvas.drawCircle(r.centerX(), r.top(), h * 0.02, fill(ctx.tone((240, 200, 80))))


@shape("plaza_fountain", 1.6, (200, 196, 188))
def plaza_fountain(canvas: skia.Canvas, r: skia.Rect, stone: RGB, ctx: Context) -> None:
    """A tiered stone fountain: a wide basin, a column with a bowl, and arcs of water."""
    tint = ctx.tone(stone)
    w, h = r.width(), r.height()
    water = ctx.tone((120, 190, 240))
    foam = (245, 250, 255)
    top_bowl = r.top() + h * 0.35
    for side in (-1, 1):
        for k in range(3):
            arc = skia.Path()
            arc.moveTo(r.centerX(), r.top() + h * 0.12)
            arc.quadTo(r.centerX() + side * w * (0.15 + 0.1 * k), r.top() - h * 0.05,
                       r.centerX() + side * w * (0.25 + 0.12 * k), r.bottom() - h * 0.3)
            canvas.drawPath(arc, stroke(water, max(w * 0.022, 1.5), 230))
            canvas.drawPath(arc, stroke(foam, max(w * 0.008, 1.0), 220))
    canvas.drawLine(r.centerX(), r.top(), r.centerX(), r.top() + h * 0.2,
                    stroke(water, w * 0.03, 240))
    for k in range(10):  # spray where the jets land
        canvas.drawCircle(r.centerX() + (k - 4.5) * w * 0.09, r.bottom() - h * 0.3
                          + (k % 3) * h * 0.02, w * 0.03, fill(foam, 170, blur=w * 0.01))
    canvas.drawRect(skia.Rect.MakeLTRB(r.centerX() - w * 0.04, top_bowl, r.centerX() + w * 0.04,
                                       r.bottom() - h * 0.25), fill(shade(tint, 0.95)))
    canvas.drawPath(polygon([(r.centerX() - w * 0.2, top_bowl - h * 0.08),
                             (r.centerX() + w * 0.2, top_bowl - h * 0.08),
                             (r.centerX() + w * 0.06, top_bowl + h * 0.04),
                             (r.centerX() - w * 0.06, top_bowl + h * 0.04)]), fill(tint))
    basin = skia.Rect.MakeLTRB(r.left(), r.bottom() - h * 0.28, r.right(), r.bottom())
    canvas.drawRect(skia.Rect.MakeLTRB(basin.left() + w * 0.02, basin.top() - h * 0.02,
                                       basin.right() - w * 0.02, basin.top() + h * 0.04),
                    fill(water))
    panel(canvas, basin, tint, h * 0.02)
    canvas.drawRect(skia.Rect.MakeLTRB(basin.left(), basin.top(), basin.right(), basin.top()
                                       + h * 0.04), fill(shade(tint, 1.12)))


@shape("phone_booth", 0.42, (205, 30, 35))
def phone_booth(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A red telephone box: a domed roof, a lit TELEPHONE sign, glazed door in bars."""
    tint = ctx.tone(paint)
    w, h = r.width(), r.height()
    body = skia.Rect.MakeLTRB(r.left() + w * 0.06, r.top() + h * 0.1, r.right() - w * 0.06,
                              r.bottom())
    panel(canvas, body, tint, w * 0.04)
    canvas.drawRoundRect(skia.Rect.MakeLTRB(r.left(), r.top() + h * 0.02, r.right(),
                                            r.top() + h * 0.12), w * 0.2, w * 0.2,
                         fill(shade(tint, 1.08)))
    sign = skia.Rect.MakeLTRB(body.left() + w * 0.1, r.top() + h * 0.12, body.right() - w * 0.1,
                              r.top() + h * 0.19)
    canvas.drawRect(sign, fill((250, 250, 240)))
    canvas.drawLine(sign.left() + w * 0.08, sign.centerY(), sign.right() - w * 0.08,
                    sign.centerY(), stroke((30, 30, 30), h * 0.012))
    glass = skia.Rect.MakeLTRB(body.left() + w * 0.12, r.top() + h * 0.24, body.right()
                               - w * 0.12, r.bottom() - h * 0.1)
    canvas.drawRect(glass, vertical(window_glass(ctx), shade(window_glass(ctx), 0.8), glass.top(),
                                    glass.bottom()))
    bar = stroke(tint, max(w * 0.035, 1.0), round_cap=False)
    for k in range(1, 3):
        x = glass.left() + glass.width() * k / 3
        canvas.drawLine(x, glass.top(), x, glass.bottom(), bar)
    for k in range(1, 8):
        y = glass.top() + glass.height() * k / 8
        canvas.drawLine(glass.left(), y, glass.right(), y, bar)


@shape("canopy", 3.0, (245, 245, 245))
def canopy(canvas: skia.Canvas, r: skia.Rect, roof: RGB, ctx: Context) -> None:
    """A filling station's canopy: a deep lit roof on two pillars, with a coloured band."""
    tint = ctx.tone(roof)
    w, h = r.width(), r.height()
    for x in (r.left() + w * 0.22, r.right() - w * 0.22):
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.02, r.top() + h * 0.2, x + w * 0.02,
                                           r.bottom()), fill(ctx.tone((200, 200, 205))))
    slab = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + h * 0.2)
    panel(canvas, slab, tint, h * 0.02)
    canvas.drawRect(skia.Rect.MakeLTRB(slab.left(), slab.top() + h * 0.05, slab.right(),
                                       slab.top() + h * 0.12), fill(ctx.tone((30, 120, 70))))
    canvas.drawRect(skia.Rect.MakeLTRB(slab.left(), slab.top() + h * 0.12, slab.right(),
                                       slab.top() + h * 0.14), fill(ctx.tone((240, 200, 40))))
    for k in range(6):
        x = r.left() + w * (k + 0.5) / 6
        canvas.drawRect(skia.Rect.MakeLTRB(x - w * 0.03, slab.bottom(), x + w * 0.03,
                                           slab.bottom() + h * 0.012), fill((255, 255, 240)))
        canvas.drawPath(polygon([(x - w * 0.03, slab.bottom()), (x + w * 0.03, slab.bottom()),
                                 (x + w * 0.08, r.bottom()), (x - w * 0.08, r.bottom())]),
                        fill((255, 250, 220), 18))


@shape("stands", 6.0, (90, 95, 110))
def stands(canvas: skia.Canvas, r: skia.Rect, concrete: RGB, ctx: Context) -> None:
    """Tiers of seating packed with a crowd of coloured dots, under a roof edge."""
    tint = ctx.tone(concrete)
    tiers = 6
    step = r.height() / tiers
    crowd = ((230, 80, 70), (240, 240, 240), (60, 110, 200), (240, 200, 60), (40, 40, 50),
             (90, 170, 90))
    for k in range(tiers):
        top = r.top() + k * step
        canvas.drawRect(skia.Rect.MakeLTRB(r.left(), top, r.right(), top + step),
                        fill(shade(tint, 0.75 + 0.06 * k)))
        dot = step * 0.22
        x = r.left() + ctx.rng.uniform(0, dot)
        while x < r.right():
            canvas.drawCircle(x, top + step * 0.38, dot, fill(ctx.tone(crowd[int(ctx.rng.integers(
                len(crowd)))]), 230))
            x += dot * ctx.rng.uniform(2.1, 2.8)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), r.bottom() - step * 0.3, r.right(), r.bottom()),
                    fill(ctx.tone((40, 90, 160))))


@shape("floodlight", 0.25, (70, 72, 80))
def floodlight(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A stadium floodlight mast with a bank of lamps glowing at its head."""
    x = r.centerX()
    canvas.drawLine(x, r.top() + r.height() * 0.1, x, r.bottom(), stroke(ctx.tone(steel),
                                                                       r.width() * 0.1))
    head = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.1)
    canvas.drawCircle(head.centerX(), head.centerY(), r.width() * 1.6,
                      glow(head.centerX(), head.centerY(), r.width() * 1.6, (255, 255, 230), 150))
    canvas.drawRect(head, fill(ctx.tone(steel)))
    for k in range(4):
        for j in range(2):
            canvas.drawCircle(head.left() + head.width() * (k + 0.5) / 4, head.top()
                              + head.height() * (j + 0.5) / 2, head.height() * 0.2,
                              fill((255, 255, 235)))


@shape("scoreboard", 1.8, (30, 32, 40))
def scoreboard(canvas: skia.Canvas, r: skia.Rect, case: RGB, ctx: Context) -> None:
    """A scoreboard on legs: a dark screen with glowing digits."""
    board_rect = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.6)
    for x in (r.left() + r.width() * 0.2, r.right() - r.width() * 0.2):
        canvas.drawLine(x, board_rect.bottom(), x, r.bottom(), stroke(ctx.tone((90, 90, 96)),
                                                                     r.width() * 0.04))
    panel(canvas, board_rect, case, r.height() * 0.03)
    digits = ((255, 200, 60), (255, 90, 70))
    for k in range(4):
        cell = skia.Rect.MakeXYWH(board_rect.left() + board_rect.width() * (0.08 + k * 0.22),
                                  board_rect.top() + board_rect.height() * 0.25,
                                  board_rect.width() * 0.16, board_rect.height() * 0.5)
        canvas.drawRect(cell, fill((12, 12, 16)))
        canvas.drawRect(cell.makeInset(cell.width() * 0.25, cell.height() * 0.15),
                        stroke(digits[k // 2], cell.width() * 0.1))


@shape("platform_roof", 6.0, (60, 80, 110))
def platform_roof(canvas: skia.Canvas, r: skia.Rect, steel: RGB, ctx: Context) -> None:
    """A station canopy on a row of columns, with hanging signs and a clock."""
    tint = ctx.tone(steel)
    roof = skia.Rect.MakeLTRB(r.left(), r.top(), r.right(), r.top() + r.height() * 0.1)
    panel(canvas, roof, tint)
    cols = max(2, int(r.width() / (r.height() * 0.8)))
    for k in range(cols + 1):
        x = r.left() + r.width() * k / cols
        canvas.drawRect(skia.Rect.MakeLTRB(x - r.height() * 0.015, roof.bottom(), x
                                           + r.height() * 0.015, r.bottom()), fill(tint))
    for k in range(cols):
        x = r.left() + r.width() * (k + 0.5) / cols
        if k % 2 == 0:
            sign = skia.Rect.MakeXYWH(x - r.height() * 0.18, roof.bottom() + r.height() * 0.06,
                                      r.height() * 0.36, r.height() * 0.09)
            canvas.drawLine(x, roof.bottom(), x, sign.top(), stroke(tint, r.height() * 0.006))
            panel(canvas, sign, ctx.tone((30, 60, 130)), r.height() * 0.01)
            canvas.drawLine(sign.left() + sign.width() * 0.15, sign.centerY(), sign.right()
                            - sign.width() * 0.15, sign.centerY(),
                            stroke((240, 240, 240), sign.height() * 0.2))
        else:
            c = (x, roof.bottom() + r.height() * 0.12)
            canvas.drawLine(x, roof.bottom(), x, c[1] - r.height() * 0.05,
                            stroke(tint, r.height() * 0.006))
            canvas.drawCircle(*c, r.height() * 0.05, fill((250, 250, 245)))
            canvas.drawCircle(*c, r.height() * 0.05, stroke((30, 30, 30), r.height() * 0.008))
            canvas.drawLine(*c, c[0], c[1] - r.height() * 0.035, stroke((30, 30, 30),
                                                                       r.height() * 0.006))
            canvas.drawLine(*c, c[0] + r.height() * 0.025, c[1], stroke((30, 30, 30),
                                                                       r.height() * 0.006))


@shape("tanks", 2.0, (215, 218, 222))
def tanks(canvas: skia.Canvas, r: skia.Rect, metal: RGB, ctx: Context) -> None:
    """Storage tanks: fat white cylinders with ladders and pipes between them."""
    tint = ctx.tone(metal)
    w, h = r.width(), r.height()
    for k, (x0, x1, top) in enumerate(((0.0, 0.42, 0.1), (0.48, 0.82, 0.3), (0.84, 1.0, 0.5))):
        body = skia.Rect.MakeLTRB(r.left() + w * x0, r.top() + h * top, r.left() + w * x1,
                                  r.bottom())
        canvas.drawRect(body, horizontal(shade(tint, 0.8), shade(tint, 1.1), body.left(),
                                         body.right()))
        canvas.drawOval(skia.Rect.MakeLTRB(body.left(), body.top() - h * 0.04, body.right(),
                                           body.top() + h * 0.04), fill(shade(tint, 1.12)))
        rail = stroke(ctx.tone((120, 125, 130)), max(w * 0.004, 1.0))
        lx = body.left() + body.width() * (0.7 if k % 2 else 0.2)
        canvas.drawLine(lx, body.top(), lx, body.bottom(), rail)
        canvas.drawLine(lx + w * 0.015, body.top(), lx + w * 0.015, body.bottom(), rail)
    canvas.drawLine(r.left(), r.bottom() - h * 0.15, r.right(), r.bottom() - h * 0.15,
                    stroke(ctx.tone((200, 170, 60)), h * 0.03))


@shape("crane", 0.9, (240, 190, 40))
def crane(canvas: skia.Canvas, r: skia.Rect, paint: RGB, ctx: Context) -> None:
    """A tower crane: a lattice mast, a long jib, counterweight and a hook on its cable."""
    tint = ctx.tone(paint)
    w, h = r.width(), r.height()
    mast_x = r.left() + w * 0.3
    jib_y = r.top() + h * 0.1
    line = stroke(tint, max(w * 0.012, 1.0))
    for dx in (-w * 0.03, w * 0.03):
        canvas.drawLine(mast_x + dx, r.bottom(), mast_x + dx, jib_y, line)
    k, y = 0, r.bottom()
    while y > jib_y:  # the mast's lattice
        ny = y - w * 0.06
        canvas.drawLine(mast_x - w * 0.03 * (1 if k % 2 else -1), y,
                        mast_x + w * 0.03 * (1 if k % 2 else -1), ny, line)
        y, k = ny, k + 1
    for y0 in (jib_y, jib_y + h * 0.03):
        canvas.drawLine(r.left(), y0, r.right(), y0, line)
    for j in range(int(w / (h * 0.03))):
        x = r.left() + j * h * 0.03
        canvas.drawLine(x, jib_y, x + h * 0.015, jib_y + h * 0.03, line)
    canvas.drawLine(mast_x, r.top(), r.right(), jib_y, line)
    canvas.drawLine(mast_x, r.top(), r.left(), jib_y, line)
    canvas.drawRect(skia.Rect.MakeLTRB(r.left(), jib_y + h * 0.03, r.left() + w * 0.12,
                                       jib_y + h * 0.09), fill(ctx.tone((120, 120, 125))))
    hook_x = r.left() + w * 0.78
    canvas.drawLine(hook_x, jib_y + h * 0.03, hook_x, r.top() + h * 0.55,
                    stroke(ctx.tone((60, 60, 60)), max(w * 0.004, 1.0)))
    canvas.drawRect(skia.Rect.MakeLTRB(hook_x - w * 0.06, r.top() + h * 0.55, hook_x + w * 0.06,
                                       r.top() + h * 0.58), fill(ctx.tone((140, 90, 60))))
    canvas.drawRect(skia.Rect.MakeLTRB(mast_x - w * 0.05, jib_y + h * 0.03, mast_x + w * 0.05,
                                       jib_y + h * 0.08), fill(shade(tint, 0.9)))
