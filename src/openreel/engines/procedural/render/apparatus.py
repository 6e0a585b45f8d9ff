"""Drawing of the showcase apparatus (hoop, goal, pendulum, swing, pool) and dominoes.

Each function paints one rig part centred on the origin in a box ``w`` × ``h`` pixels,
lit by ``lit`` (the kind's colour under the scene's light), looking right; the caller
mirrors the canvas for things that look left. Self-contained so a vector art library can
take over any of them without touching the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.rigs import POOL_DEPTH, POOL_FREEBOARD, POOL_WALL

Painter = Callable[[skia.Canvas, float, float, RGB, float], None]
OUTLINE = skia.Color(35, 30, 40)


def _fill(colour: RGB, alpha: int = 255) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*colour, alpha), AntiAlias=True)


def _stroke(colour: RGB, width: float, alpha: int = 255) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*colour, alpha), AntiAlias=True,
                      Style=skia.Paint.kStroke_Style, StrokeWidth=max(width, 1.0),
                      StrokeCap=skia.Paint.kRound_Cap, StrokeJoin=skia.Paint.kRound_Join)


def _metal(w: float, base: RGB) -> skia.Paint:
    """A round tube lit from the upper left: light in the middle, dark at the edges."""
    return skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(-w / 2, 0), skia.Point(w / 2, 0)],
        [skia.Color(*shade(base, 0.7)), skia.Color(*shade(base, 1.25)),
         skia.Color(*shade(base, 0.6))], [0.0, 0.35, 1.0]))


# ── basketball hoop ────────────────────────────────────────────────────────────────────
def hoop_pole(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A steel pole on a padded base."""
    steel = (92, 98, 112)
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), w / 2, w / 2,
                         _metal(w, steel))
    pad = skia.Rect.MakeXYWH(-w * 1.6, h / 2 - h * 0.22, w * 3.2, h * 0.22)
    canvas.drawRoundRect(pad, w * 0.5, w * 0.5, skia.Paint(AntiAlias=True, Shader=(
        skia.GradientShader.MakeLinear([skia.Point(-w * 1.6, 0), skia.Point(w * 1.6, 0)],
                                       [skia.Color(40, 70, 140), skia.Color(70, 110, 190),
                                        skia.Color(30, 55, 110)], [0.0, 0.4, 1.0]))))


def hoop_arm(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The arm from the pole to the board, with a brace."""
    steel = (92, 98, 112)
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), h / 2, h / 2,
                         _fill(shade(steel, 1.05)))
    canvas.drawLine(-w * 0.45, h * 0.5, w * 0.1, h * 4.5, _stroke(shade(steel, 0.85), h * 0.7))


def hoop_board(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The backboard seen edge on: a clear panel in a dark frame with its red target line."""
    panel = skia.Rect.MakeXYWH(-w, -h / 2, 2 * w, h)
    canvas.drawRect(panel, skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(-w, 0), skia.Point(w, 0)],
        [skia.Color(250, 252, 255, 235), skia.Color(205, 222, 235, 235)])))
    canvas.drawRect(panel, _stroke((45, 50, 60), w * 0.35))
    canvas.drawLine(w * 1.2, h * 0.1, w * 1.2, h * 0.42, _stroke((220, 60, 45), w * 0.5))


def hoop_rim(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The ring, seen a little from above: a flat orange ellipse with a real opening."""
    ring = skia.Rect.MakeXYWH(-w / 2, -h * 1.6, w, h * 3.2)
    canvas.drawOval(ring, _stroke(shade((240, 110, 30), 0.75), h * 1.1))
    canvas.drawArc(ring, 0, 180, False, _stroke((250, 130, 40), h * 1.1))


def hoop_net(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A white cord net narrowing downwards, criss-crossed."""
    top, bottom = w * 0.48, w * 0.28
    cord = _stroke((250, 250, 250), max(w * 0.018, 1.0), 220)
    rows = 5
    for k in range(rows + 1):
        y = -h / 2 + h * k / rows
        half = top + (bottom - top) * k / rows
        if 0 < k < rows:
            canvas.drawLine(-half, y, half, y, _stroke((250, 250, 250), max(w * 0.01, 1), 120))
    n = 6
    for k in range(n + 1):
        u = k / n
        x_top = -top + 2 * top * u
        for sign in (-1, 1):
            u2 = min(max(u + sign * 0.35, 0.0), 1.0)
            x_bottom = -bottom + 2 * bottom * u2
            canvas.drawLine(x_top, -h / 2, x_bottom, h / 2, cord)


# ── football goal ──────────────────────────────────────────────────────────────────────
def goal_net(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The cage behind the mouth: roof, sloping back and a fine mesh."""
    mouth, back = w / 2, -w / 2
    roof_back = -0.1 / 1.6 * w  # matches rigs.goal_geometry: roof ends at -0.1 of 0.8
    top, ground = -h / 2 + h * 0.025, h / 2
    cage = skia.Path()
    cage.moveTo(mouth, top)
    cage.lineTo(roof_back, top)
    cage.lineTo(back, ground)
    cage.lineTo(mouth, ground)
    cage.close()
    canvas.drawPath(cage, _fill((235, 240, 245), 40))
    canvas.save()
    canvas.clipPath(cage, doAntiAlias=True)
    mesh = _stroke((245, 248, 250), max(w * 0.004, 1.0), 150)
    step = max(w * 0.045, 4.0)
    span = int((w + h) / step) + 2
    for k in range(-span, span):
        x = back + k * step
        canvas.drawLine(x, top, x + h, ground, mesh)
        canvas.drawLine(x, ground, x + h, top, mesh)
    canvas.restore()
    frame = _stroke((225, 228, 232), max(w * 0.02, 2.0))
    canvas.drawLine(mouth, top, roof_back, top, frame)
    canvas.drawLine(roof_back, top, back, ground, frame)
    canvas.drawLine(back, ground, mouth, ground, _stroke((200, 204, 210), max(w * 0.015, 2.0)))


def goal_post(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The near post: a white tube."""
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), w / 2, w / 2,
                         _metal(w, (235, 238, 242)))


def goal_bar(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The crossbar seen end on."""
    canvas.drawCircle(0, 0, w / 2, _fill((240, 242, 245)))
    canvas.drawCircle(0, 0, w / 2, _stroke((150, 155, 165), w * 0.12))


# ── pendulum and swing ─────────────────────────────────────────────────────────────────
def pendulum_stand(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A wooden base, an upright on one side and an arm holding the pivot."""
    wood = (150, 100, 60)
    post_x = -0.45 * w
    pivot_y = -0.45 * h
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w / 2, h / 2 - h * 0.05, w, h * 0.05), h * 0.01,
                         h * 0.01, _metal(w, wood))
    canvas.drawRect(skia.Rect.MakeLTRB(post_x - w * 0.035, pivot_y - h * 0.03, post_x + w * 0.035,
                                       h / 2 - h * 0.05), _metal(w * 0.07, wood))
    canvas.drawLine(post_x, pivot_y - h * 0.015, 0.0, pivot_y - h * 0.015,
                    _stroke(shade(wood, 0.9), h * 0.03))
    canvas.drawCircle(0.0, pivot_y, h * 0.018, _fill((60, 55, 50)))


def pendulum_rod(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A thin brass rod."""
    canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), _metal(w, (190, 160, 90)))


def pendulum_bob(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A polished bob: a shaded sphere with a highlight."""
    canvas.drawCircle(0, 0, w / 2, skia.Paint(AntiAlias=True, Shader=(
        skia.GradientShader.MakeRadial(skia.Point(-w * 0.15, -w * 0.18), w * 0.62,
                                       [skia.Color(*shade(lit, 1.45)), skia.Color(*lit),
                                        skia.Color(*shade(lit, 0.55))], [0.0, 0.45, 1.0]))))
    canvas.drawCircle(0, 0, w / 2, _stroke(shade(lit, 0.45), w * 0.04))


def swing_stand(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """An A-frame seen along its beam: two legs meeting at the top, the beam end on."""
    steel = (80, 120, 160)
    apex = (0.0, -0.47 * h)
    for foot in (-0.48 * w, 0.48 * w):
        canvas.drawLine(apex[0], apex[1], foot, h / 2, _stroke(steel, w * 0.06))
    canvas.drawLine(-0.3 * w, 0.05 * h, 0.3 * w, 0.05 * h, _stroke(shade(steel, 0.9), w * 0.03))
    canvas.drawCircle(apex[0], apex[1], w * 0.06, _fill(shade(steel, 1.2)))
    canvas.drawCircle(apex[0], apex[1], w * 0.06, _stroke(shade(steel, 0.6), w * 0.015))


def swing_rod(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """Two chains, one just behind the other."""
    chain = (120, 120, 128)
    for dx, tone in ((w * 1.5, 0.7), (0.0, 1.0)):
        canvas.drawLine(dx, -h / 2, dx, h / 2, _stroke(shade(chain, tone), w * 0.9))


def swing_seat(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A seat hanging from its chains."""
    seat = skia.Rect.MakeXYWH(-w * 0.8, -h * 0.12, w * 1.6, h * 0.24)
    canvas.drawRoundRect(seat, h * 0.1, h * 0.1, skia.Paint(AntiAlias=True, Shader=(
        skia.GradientShader.MakeLinear([skia.Point(0, -h * 0.12), skia.Point(0, h * 0.12)],
                                       [skia.Color(*shade(lit, 1.2)),
                                        skia.Color(*shade(lit, 0.7))]))))
    canvas.drawRoundRect(seat, h * 0.1, h * 0.1, _stroke(shade(lit, 0.4), h * 0.03))


# ── swimming pool ──────────────────────────────────────────────────────────────────────
def pool_basin(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """The hole in the floor: concrete walls, tiled inside, a stone coping at the deck."""
    wall = POOL_WALL / POOL_DEPTH * h
    outer = skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h)
    canvas.drawRect(outer, _fill((170, 175, 180)))
    inner = skia.Rect.MakeLTRB(-w / 2 + wall, -h / 2, w / 2 - wall, h / 2 - wall)
    tile = (205, 238, 245)
    canvas.drawRect(inner, _fill(tile))
    grout = _stroke(shade(tile, 0.82), max(h * 0.006, 1.0))
    step = max(h * 0.09, 6.0)
    y = inner.top()
    while y < inner.bottom():
        canvas.drawLine(inner.left(), y, inner.right(), y, grout)
        y += step
    x = inner.left()
    while x < inner.right():
        canvas.drawLine(x, inner.top(), x, inner.bottom(), grout)
        x += step
    lane = _fill((40, 70, 140))
    for k in (0.25, 0.5, 0.75):
        lx = inner.left() + k * inner.width()
        canvas.drawRect(skia.Rect.MakeLTRB(lx - step * 0.2, inner.bottom() - step * 0.5,
                                           lx + step * 0.2, inner.bottom()), lane)
    coping = _fill((238, 234, 224))
    lip = max(h * 0.045, 3.0)
    for x0, x1 in ((-w / 2 - lip, -w / 2 + wall + lip * 0.5),
                   (w / 2 - wall - lip * 0.5, w / 2 + lip)):
        canvas.drawRoundRect(skia.Rect.MakeLTRB(x0, -h / 2 - lip * 0.4, x1, -h / 2 + lip),
                             lip * 0.4, lip * 0.4, coping)


def pool_water(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """Clear blue water, deeper blue below, light rippling across the surface."""
    body = skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h)
    canvas.drawRect(body, skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, -h / 2), skia.Point(0, h / 2)],
        [skia.Color(95, 200, 235, 215), skia.Color(35, 120, 190, 235),
         skia.Color(20, 80, 150, 245)], [0.0, 0.45, 1.0])))
    light = _stroke((235, 250, 255), max(h * 0.008, 1.0), 90)
    canvas.save()
    canvas.clipRect(body)
    for k in range(9):
        y = -h / 2 + h * (0.08 + 0.1 * k)
        phase = t * (0.6 + 0.13 * k) + k * 1.7
        path = skia.Path()
        path.moveTo(-w / 2, y)
        segments = 24
        for s in range(1, segments + 1):
            x = -w / 2 + w * s / segments
            path.lineTo(x, y + h * 0.012 * math.sin(12.0 * s / segments * math.pi + phase))
        light.setAlphaf(max(0.05, 0.35 - 0.035 * k))
        canvas.drawPath(path, light)
    canvas.restore()
    surface = _stroke((230, 248, 255), max(h * 0.018, 2.0), 230)
    path = skia.Path()
    path.moveTo(-w / 2, -h / 2)
    for s in range(1, 41):
        x = -w / 2 + w * s / 40
        path.lineTo(x, -h / 2 + h * 0.008 * math.sin(s * 0.9 + 2.2 * t))
    canvas.drawPath(path, surface)


def pool_ladder(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A chrome ladder: rails curving over the coping, rungs under the water."""
    chrome = (200, 208, 218)
    # the ladder part is 0.34 of the pool's length tall, its top 0.12 above the deck
    deck = -h / 2 + h * 0.12 / 0.34
    water = deck + h * POOL_FREEBOARD / 0.34
    for dx, tone in ((w * 0.25, 0.75), (-w * 0.05, 1.0)):
        path = skia.Path()
        path.moveTo(dx - w * 0.3, h / 2)
        path.lineTo(dx - w * 0.3, deck - h * 0.05)
        path.quadTo(dx - w * 0.3, -h / 2, dx + w * 0.6, -h / 2 + h * 0.05)
        path.lineTo(dx + w * 0.9, deck)
        canvas.drawPath(path, _stroke(shade(chrome, tone), w * 0.16))
    rung = _stroke(shade(chrome, 0.9), w * 0.12)
    y = water + h * 0.08
    while y < h / 2 - h * 0.05:
        canvas.drawLine(-w * 0.35, y, w * 0.2, y, rung)
        y += h * 0.13


# ── dominoes ───────────────────────────────────────────────────────────────────────────
def domino(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A domino standing on end, seen along the row: an ivory slab with a dark rim."""
    slab = skia.Rect.MakeXYWH(-0.09 * w, -h / 2, 0.18 * w, h)
    r = 0.05 * w
    canvas.drawRoundRect(slab, r, r, skia.Paint(AntiAlias=True, Shader=(
        skia.GradientShader.MakeLinear([skia.Point(-0.09 * w, 0), skia.Point(0.09 * w, 0)],
                                       [skia.Color(*shade(lit, 1.08)),
                                        skia.Color(*shade(lit, 0.8))]))))
    canvas.drawRoundRect(slab, r, r, _stroke((30, 28, 34), max(0.025 * w, 1.0)))
    canvas.drawLine(-0.05 * w, 0.0, 0.05 * w, 0.0, _stroke(mix(lit, (30, 28, 34), 0.6),
                                                           max(0.02 * w, 1.0)))


def _skip(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A part drawn by another (nothing of its own)."""


PAINTERS: dict[tuple[str, str], Painter] = {
    ("hoop", "pole"): hoop_pole, ("hoop", "arm"): hoop_arm, ("hoop", "board"): hoop_board,
    ("hoop", "rim"): hoop_rim, ("hoop", "net"): hoop_net,
    ("goal", "net"): goal_net, ("goal", "post"): goal_post, ("goal", "bar"): goal_bar,
    ("pendulum", "stand"): pendulum_stand, ("pendulum", "rod"): pendulum_rod,
    ("pendulum", "bob"): pendulum_bob,
    ("swing_set", "stand"): swing_stand, ("swing_set", "rod"): swing_rod,
    ("swing_set", "bob"): swing_seat,
    ("swimming_pool", "basin"): pool_basin, ("swimming_pool", "water"): pool_water,
    ("swimming_pool", "ladder"): pool_ladder,
    ("domino", "body"): domino,
}
# kinds whose drawings are not symmetric: mirrored when they look left
MIRRORED = frozenset({"hoop", "goal", "swimming_pool", "pendulum"})
WATER_TINT = (25, 105, 170, 140)


def draw_outline(canvas: skia.Canvas, points: tuple[tuple[float, float], ...], ppm: float,
                 colour: RGB, glassy: bool) -> None:
    """A polygon part (a shard, a bat) given in metres, y up, around the canvas origin."""
    path = skia.Path()
    for k, (x, y) in enumerate(points):
        if k == 0:
            path.moveTo(x * ppm, -y * ppm)
        else:
            path.lineTo(x * ppm, -y * ppm)
    path.close()
    if glassy:
        # tinted so it shows on a pale wall, with a dark rim and a bright glint
        tint = mix(colour, (200, 232, 248), 0.55)
        canvas.drawPath(path, _fill(tint, 190))
        canvas.drawPath(path, _stroke(shade(tint, 0.5), max(ppm * 0.006, 1.5), 235))
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        canvas.save()
        canvas.clipPath(path, doAntiAlias=True)
        canvas.drawLine((cx - 0.3 * (max(xs) - min(xs))) * ppm, -max(ys) * ppm,
                        (cx - 0.1 * (max(xs) - min(xs))) * ppm, -cy * ppm,
                        _stroke((255, 255, 255), max(ppm * 0.01, 1.5), 200))
        canvas.restore()
        return
    canvas.drawPath(path, _fill(colour))
    canvas.drawPath(path, _stroke(shade(colour, 0.45), max(ppm * 0.004, 1.0)))
