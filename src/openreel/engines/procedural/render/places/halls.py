"""Drawn fittings of public halls: labs, museums, hospitals, gyms, pools, studios."""

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
from openreel.engines.procedural.render.places.furniture import counter
from openreel.engines.procedural.render.places.items import shape


def _legs(canvas: skia.Canvas, r: skia.Rect, top: float, colour: RGB, width: float) -> None:
    for x in (r.left() + width, r.right() - width):
        canvas.drawLine(x, top, x, r.bottom(), stroke(colour, width))




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
