"""Mimed gear: the broom, book, bike or stove a figure acts with when no prop was given.

A template that has no prop entity to hold still shows what is held, so "a person is
sweeping" reads as sweeping. Gear is drawn from a ``gear:NAME`` transform in the
entity frame, at the figure's scale ``u`` (its height in pixels), in the same soft
shading as the rest of the world. Each drawing is centred on its anchor: the hand for
a held tool, the middle of the top surface for furniture, the seat for a bike.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import skia

from openreel.engines.procedural.render.palette import RGB, shade
from openreel.engines.procedural.simulation.act import pulse
from openreel.engines.procedural.simulation.acts.handling import (
    FISHING_PERIOD,
    KITE_AHEAD,
    KITE_UP,
    fishing_strike,
    kite_bob,
)

Draw = Callable[[skia.Canvas, float, int, float], None]
# drawn before the body, just after the far hand, over the torso before the near arm, last
BACK, FAR, MIDDLE, FRONT = -1.0, 2.5, 12.5, 99.0

WOOD: RGB = (150, 100, 60)
STEEL: RGB = (190, 196, 206)
DARK: RGB = (50, 48, 56)


def _p(c: RGB, alpha: int = 255) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*c, alpha), AntiAlias=True)


def _line(c: RGB, width: float) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*c), AntiAlias=True, Style=skia.Paint.kStroke_Style,
                      StrokeWidth=max(width, 1.0), StrokeCap=skia.Paint.kRound_Cap)


def _grad(c: RGB, x0: float, y0: float, x1: float, y1: float) -> skia.Paint:
    return skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(x0, y0), skia.Point(x1, y1)],
        [skia.Color(*shade(c, 1.2)), skia.Color(*shade(c, 0.75))]))


def _rrect(canvas: skia.Canvas, x: float, y: float, w: float, h: float, c: RGB,
           r: float = 0.2) -> None:
    canvas.drawRoundRect(skia.Rect.MakeXYWH(x, y, w, h), min(w, h) * r, min(w, h) * r,
                         _grad(c, x, y, x + w * 0.3, y + h))


def _stick(canvas: skia.Canvas, x0: float, y0: float, x1: float, y1: float, c: RGB,
           width: float) -> None:
    canvas.drawLine(x0, y0, x1, y1, _line(c, width))


# -- held tools (anchor: the gripping hand, long side along local up = -y) -------------------
def broom(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A broom: long handle through the hands, bristles at the bottom (anchor: its middle)."""
    L = 0.75 * u
    _stick(canvas, 0, -L / 2, 0, L * 0.32, WOOD, 0.025 * u)
    p = skia.Path()
    p.moveTo(-0.03 * u, L * 0.3)
    p.lineTo(0.03 * u, L * 0.3)
    p.lineTo(0.09 * u, L / 2)
    p.lineTo(-0.09 * u, L / 2)
    p.close()
    canvas.drawPath(p, _p((215, 180, 90)))
    for k in range(5):
        x = -0.07 * u + k * 0.035 * u
        _stick(canvas, x * 0.4, L * 0.33, x, L / 2, (180, 140, 60), 0.006 * u)


def mop(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A mop: handle and a floppy head of strands."""
    L = 0.75 * u
    _stick(canvas, 0, -L / 2, 0, L * 0.4, (90, 150, 210), 0.022 * u)
    for k in range(7):
        x = -0.08 * u + k * 0.027 * u
        _stick(canvas, x * 0.3, L * 0.4, x + 0.01 * u * math.sin(t * 6 + k), L / 2,
               (235, 235, 230), 0.012 * u)


def shovel(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A spade: wooden shaft with a D grip, steel blade at the bottom."""
    L = 0.95 * u
    _stick(canvas, 0, -L / 2, 0, L * 0.3, WOOD, 0.024 * u)
    canvas.drawLine(-0.04 * u, -L / 2, 0.04 * u, -L / 2, _line(DARK, 0.02 * u))
    p = skia.Path()
    p.moveTo(-0.07 * u, L * 0.3)
    p.lineTo(0.07 * u, L * 0.3)
    p.lineTo(0.06 * u, L * 0.45)
    p.quadTo(0.0, L * 0.53, -0.06 * u, L * 0.45)
    p.close()
    canvas.drawPath(p, _grad(STEEL, -0.07 * u, 0, 0.07 * u, L * 0.5))


def sword(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A sword: a bright blade up from a cross-guard and hilt (anchor: its middle)."""
    L = 0.5 * u
    p = skia.Path()
    p.moveTo(-0.018 * u, L * 0.3)
    p.lineTo(-0.018 * u, -L * 0.42)
    p.lineTo(0.0, -L / 2)
    p.lineTo(0.018 * u, -L * 0.42)
    p.lineTo(0.018 * u, L * 0.3)
    p.close()
    canvas.drawPath(p, _grad((225, 232, 240), -0.02 * u, 0, 0.02 * u, 0))
    _stick(canvas, -0.06 * u, L * 0.3, 0.06 * u, L * 0.3, (200, 160, 60), 0.02 * u)
    _stick(canvas, 0, L * 0.3, 0, L * 0.5, (110, 60, 40), 0.022 * u)


def _small_tool(colour: RGB, length: float, width: float, tip: RGB | None = None) -> Draw:
    def draw(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
        L = length * u
        _stick(canvas, 0, 0.0, 0, -L, colour, width * u)
        if tip is not None:
            _stick(canvas, 0, -L * 0.7, 0, -L, tip, width * 1.6 * u)
    draw.__doc__ = "A small hand tool held in the fist."
    return draw


def knife(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A kitchen knife: dark handle in the fist, steel blade beyond."""
    _stick(canvas, 0, 0.02 * u, 0, -0.03 * u, DARK, 0.025 * u)
    p = skia.Path()
    p.moveTo(-0.012 * u, -0.03 * u)
    p.lineTo(0.02 * u, -0.03 * u)
    p.lineTo(0.0, -0.16 * u)
    p.close()
    canvas.drawPath(p, _grad(STEEL, -0.02 * u, 0, 0.02 * u, 0))


def spatula(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A spatula: handle and a flat blade."""
    _stick(canvas, 0, 0.02 * u, 0, -0.15 * u, DARK, 0.015 * u)
    _rrect(canvas, -0.035 * u, -0.22 * u, 0.07 * u, 0.07 * u, STEEL)


def spoon(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A wooden spoon."""
    _stick(canvas, 0, 0.02 * u, 0, -0.16 * u, WOOD, 0.014 * u)
    canvas.drawOval(skia.Rect.MakeXYWH(-0.022 * u, -0.21 * u, 0.044 * u, 0.06 * u), _p(WOOD))


def pompom(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A cheerleader's pompom: a shaggy bright ball in the fist."""
    for k in range(14):
        a = k * 2.4 + t * 3.0
        r = 0.05 * u + 0.02 * u * math.sin(k * 1.7)
        canvas.drawCircle(math.cos(a) * r * 0.6, math.sin(a) * r * 0.6, 0.035 * u,
                          _p((240, 60, 90) if k % 2 else (250, 220, 90)))


def glove(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A boxing glove over the fist."""
    canvas.drawCircle(0, 0, 0.048 * u, _grad((210, 30, 40), -0.05 * u, -0.05 * u, 0.05 * u,
                                             0.05 * u))
    canvas.drawRect(skia.Rect.MakeXYWH(-0.03 * u, 0.02 * u, 0.06 * u, 0.04 * u),
                    _p((240, 240, 240)))


def dumbbell(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A dumbbell through the fist."""
    _stick(canvas, -0.06 * u, 0, 0.06 * u, 0, DARK, 0.018 * u)
    for x in (-0.07, 0.05):
        _rrect(canvas, x * u, -0.04 * u, 0.025 * u, 0.08 * u, (60, 64, 72))


def barbell(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A barbell with big plates, seen end-on enough to show both."""
    _stick(canvas, -0.3 * u, 0, 0.3 * u, 0, (150, 150, 160), 0.02 * u)
    for x in (-0.27, 0.22):
        _rrect(canvas, x * u, -0.12 * u, 0.05 * u, 0.24 * u, (50, 52, 60), 0.3)


def stick(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A drumstick."""
    _stick(canvas, 0, 0.03 * u, 0, -0.2 * u, (220, 190, 140), 0.012 * u)


def pole(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A ski pole from the fist to the snow."""
    _stick(canvas, 0, 0, 0, 0.6 * u, (60, 60, 70), 0.012 * u)
    canvas.drawCircle(0, 0.55 * u, 0.025 * u, _line((60, 60, 70), 0.006 * u))


def paddle(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A double-bladed kayak paddle."""
    _stick(canvas, 0, -0.5 * u, 0, 0.5 * u, (80, 80, 90), 0.018 * u)
    for y in (-0.55, 0.45):
        canvas.drawOval(skia.Rect.MakeXYWH(-0.04 * u, y * u, 0.08 * u, 0.12 * u),
                        _p((240, 180, 40)))


# -- things held in front (anchor: their centre) ----------------------------------------------
def guitar(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An acoustic guitar: body low, neck up along local -y."""
    L = 0.55 * u
    _stick(canvas, 0, -L / 2, 0, L * 0.05, (90, 55, 30), 0.035 * u)
    _rrect(canvas, -0.035 * u, -L / 2 - 0.04 * u, 0.07 * u, 0.06 * u, (70, 40, 25))
    for cy, r in ((L * 0.12, 0.1), (L * 0.3, 0.13)):
        canvas.drawCircle(0, cy, r * u, _grad((205, 130, 60), -r * u, cy - r * u, r * u,
                                              cy + r * u))
    canvas.drawCircle(0, L * 0.18, 0.035 * u, _p((60, 35, 20)))
    for k in (-1, 0, 1):
        _stick(canvas, k * 0.008 * u, -L / 2, k * 0.008 * u, L * 0.36, (240, 235, 220),
               0.002 * u)


def violin(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A violin: small waisted body, scroll at the end of the neck."""
    L = 0.3 * u
    _stick(canvas, 0, -L / 2, 0, 0, (60, 35, 20), 0.02 * u)
    for cy, r in ((L * 0.05, 0.045), (L * 0.28, 0.055)):
        canvas.drawCircle(0, cy, r * u, _grad((170, 70, 30), -r * u, cy - r * u, r * u, cy))


def bow(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A violin bow."""
    _stick(canvas, 0, 0, 0, -0.36 * u, (120, 80, 40), 0.008 * u)
    _stick(canvas, 0.01 * u, -0.01 * u, 0.01 * u, -0.34 * u, (240, 240, 230), 0.004 * u)


def flute(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A silver flute along local up."""
    _stick(canvas, 0, -0.25 * u, 0, 0.25 * u, (200, 205, 215), 0.02 * u)
    for k in range(5):
        canvas.drawCircle(0, (-0.1 + k * 0.05) * u, 0.006 * u, _p(DARK))


def trumpet(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A brass trumpet: tube along local up, flared bell at the far end."""
    gold: RGB = (235, 180, 60)
    _stick(canvas, 0, 0.18 * u, 0, -0.12 * u, gold, 0.025 * u)
    p = skia.Path()
    p.moveTo(-0.012 * u, -0.12 * u)
    p.lineTo(-0.06 * u, -0.2 * u)
    p.lineTo(0.06 * u, -0.2 * u)
    p.lineTo(0.012 * u, -0.12 * u)
    p.close()
    canvas.drawPath(p, _grad(gold, -0.06 * u, 0, 0.06 * u, 0))
    for k in range(3):
        _stick(canvas, 0.02 * u, -0.02 * u + k * 0.03 * u, 0.04 * u, -0.02 * u + k * 0.03 * u,
               shade(gold, 0.8), 0.01 * u)


def book(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An open book: two pages on a coloured cover."""
    w, h = 0.22 * u, 0.15 * u
    _rrect(canvas, -w / 2 - 0.01 * u, -h / 2 - 0.01 * u, w + 0.02 * u, h + 0.02 * u,
           (170, 50, 50), 0.1)
    canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), _p((250, 246, 232)))
    _stick(canvas, 0, -h / 2, 0, h / 2, (200, 190, 170), 0.004 * u)
    for k in range(4):
        y = -h / 2 + (k + 1) * h / 5
        for x0 in (-w / 2 + 0.01 * u, 0.01 * u):
            _stick(canvas, x0, y, x0 + w * 0.4, y, (150, 150, 150), 0.002 * u)


def phone(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A smartphone with a lit screen."""
    _rrect(canvas, -0.03 * u, -0.05 * u, 0.06 * u, 0.1 * u, (30, 30, 36), 0.2)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.024 * u, -0.042 * u, 0.048 * u, 0.084 * u),
                    _p((120, 190, 250)))


def bubble_wand(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A bubble wand: a thin stick up from the fist to a ring with a film across it."""
    _stick(canvas, 0, 0.01 * u, 0, -0.09 * u, (250, 120, 170), 0.01 * u)
    ring = skia.Rect.MakeXYWH(-0.028 * u, -0.15 * u, 0.056 * u, 0.056 * u)
    canvas.drawOval(ring, _p((200, 230, 255), 70))
    canvas.drawOval(ring, _line((250, 120, 170), 0.009 * u))


def bubble_bottle(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """The little bottle of bubble mixture held at the waist."""
    _rrect(canvas, -0.022 * u, -0.05 * u, 0.044 * u, 0.07 * u, (120, 200, 240), 0.3)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.016 * u, -0.062 * u, 0.032 * u, 0.014 * u),
                    _p((250, 120, 170)))


YARN: RGB = (205, 70, 95)


def knitting(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """Two needles crossed in a V with the knitted piece hanging from them in rows."""
    w, h = 0.11 * u, 0.09 * u
    _rrect(canvas, -w / 2, 0.0, w, h, YARN, 0.2)
    for k in range(1, 5):
        y = k * h / 5
        canvas.drawLine(-w / 2, y, w / 2, y, _line(shade(YARN, 0.8), 0.005 * u))
    for sx in (-1, 1):
        _stick(canvas, -sx * 0.05 * u, 0.02 * u, sx * 0.07 * u, -0.08 * u, (225, 205, 150),
               0.008 * u)


def yarn(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A ball of yarn: wound strands over a round ball."""
    r = 0.045 * u
    canvas.drawCircle(0.0, 0.0, r, _grad(YARN, -r, -r, r, r))
    for k in range(4):
        canvas.save()
        canvas.rotate(45.0 * k)
        canvas.drawOval(skia.Rect.MakeXYWH(-r, -0.35 * r, 2 * r, 0.7 * r),
                        _line(shade(YARN, 0.75), 0.005 * u))
        canvas.restore()


def controller(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A game controller with two grips and buttons."""
    _rrect(canvas, -0.07 * u, -0.03 * u, 0.14 * u, 0.05 * u, (40, 40, 48), 0.5)
    for x in (-0.06, 0.045):
        canvas.drawCircle(x * u, 0.025 * u, 0.025 * u, _p((40, 40, 48)))
    for k, c in enumerate(((230, 70, 70), (90, 200, 90))):
        canvas.drawCircle((0.03 + 0.015 * k) * u, -0.01 * u, 0.007 * u, _p(c))


def cards(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A deck of playing cards fanned between the hands."""
    for k in range(5):
        canvas.save()
        canvas.rotate(-20 + 10 * k)
        _rrect(canvas, -0.025 * u, -0.07 * u, 0.05 * u, 0.07 * u, (250, 250, 250), 0.15)
        canvas.drawCircle(0, -0.045 * u, 0.008 * u, _p((210, 40, 50) if k % 2 else DARK))
        canvas.restore()


def box(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A cardboard box with tape."""
    s = 0.3 * u
    _rrect(canvas, -s / 2, -s / 2, s, s, (205, 160, 105), 0.06)
    canvas.drawRect(skia.Rect.MakeXYWH(-s / 2, -0.02 * u, s, 0.04 * u), _p((225, 200, 150)))


def cup(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A mug with a handle."""
    _rrect(canvas, -0.035 * u, -0.05 * u, 0.07 * u, 0.1 * u, (240, 240, 236), 0.15)
    canvas.drawCircle(-0.045 * u * f, 0.0, 0.022 * u, _line((240, 240, 236), 0.01 * u))
    canvas.drawRect(skia.Rect.MakeXYWH(-0.03 * u, -0.045 * u, 0.06 * u, 0.012 * u),
                    _p((120, 70, 40)))


def food(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A sandwich."""
    for k, c in enumerate(((230, 190, 120), (100, 180, 80), (200, 80, 60), (230, 190, 120))):
        _rrect(canvas, -0.05 * u, -0.035 * u + k * 0.018 * u, 0.1 * u, 0.02 * u, c, 0.4)


def melon_slice(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A watermelon slice: green rind, red flesh, seeds."""
    p = skia.Path()
    p.addArc(skia.Rect.MakeXYWH(-0.09 * u, -0.09 * u, 0.18 * u, 0.18 * u), 0, 180)
    p.close()
    canvas.drawPath(p, _p((60, 150, 70)))
    q = skia.Path()
    q.addArc(skia.Rect.MakeXYWH(-0.078 * u, -0.078 * u, 0.156 * u, 0.156 * u), 0, 180)
    q.close()
    canvas.drawPath(q, _p((235, 70, 80)))
    for k in range(4):
        canvas.drawCircle((-0.04 + k * 0.027) * u, 0.03 * u, 0.005 * u, _p(DARK))


def bowl(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A bowl of soup."""
    p = skia.Path()
    p.addArc(skia.Rect.MakeXYWH(-0.07 * u, -0.06 * u, 0.14 * u, 0.12 * u), 0, 180)
    p.close()
    canvas.drawPath(p, _grad((240, 240, 236), -0.07 * u, 0, 0.07 * u, 0.06 * u))
    canvas.drawOval(skia.Rect.MakeXYWH(-0.065 * u, -0.012 * u, 0.13 * u, 0.024 * u),
                    _p((230, 150, 60)))


def apple(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An apple."""
    canvas.drawCircle(0, 0, 0.04 * u, _grad((210, 50, 50), -0.04 * u, -0.04 * u, 0.04 * u,
                                            0.04 * u))
    _stick(canvas, 0, -0.04 * u, 0.005 * u, -0.055 * u, (100, 70, 40), 0.005 * u)


def pan(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A frying pan: dark disc seen from the side, long handle back towards the cook."""
    _stick(canvas, -f * 0.05 * u, 0, -f * 0.2 * u, 0.0, DARK, 0.018 * u)
    _rrect(canvas, -0.07 * u, -0.02 * u, 0.16 * u, 0.035 * u, (60, 60, 68), 0.4)


def pancake(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A pancake, golden with a browned rim, edge-on as it turns in the air."""
    w, h = 0.13 * u, 0.03 * u
    canvas.drawOval(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), _p((196, 128, 52)))
    canvas.drawOval(skia.Rect.MakeXYWH(-0.44 * w, -0.36 * h, 0.88 * w, 0.6 * h),
                    _p((236, 184, 96)))
    canvas.drawOval(skia.Rect.MakeXYWH(-0.25 * w, -0.3 * h, 0.3 * w, 0.22 * h),
                    _p((255, 232, 170), 160))


def pot(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A cooking pot with a little steam."""
    _rrect(canvas, -0.08 * u, -0.08 * u, 0.16 * u, 0.1 * u, (170, 175, 185), 0.15)
    for k in range(3):
        x = (-0.04 + 0.04 * k) * u
        y = -0.1 * u - ((t * 0.4 + k * 0.3) % 1.0) * 0.1 * u
        canvas.drawCircle(x, y, 0.012 * u, _p((255, 255, 255), 90))


def plate(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A plate, edge-on."""
    canvas.drawOval(skia.Rect.MakeXYWH(-0.07 * u, -0.012 * u, 0.14 * u, 0.024 * u),
                    _p((245, 245, 240)))


# -- furniture and stations (anchor: middle of the top surface, on the figure's front) --------
def desk(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A small table: top at the anchor, legs to the floor."""
    top = _floor_gap(u)
    _rrect(canvas, -0.26 * u, 0, 0.52 * u, 0.03 * u, WOOD, 0.3)
    for x in (-0.23, 0.2):
        canvas.drawRect(skia.Rect.MakeXYWH(x * u, 0.03 * u, 0.03 * u, top - 0.03 * u),
                        _p(shade(WOOD, 0.7)))


def _floor_gap(u: float) -> float:
    # a seated figure's desk top sits 0.42 × height above the floor
    return 0.42 * u


def counter(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A kitchen counter: worktop and a cupboard front down to the floor."""
    h = 0.5 * u
    _rrect(canvas, -0.3 * u, 0.02 * u, 0.6 * u, h - 0.02 * u, (215, 205, 190), 0.05)
    _rrect(canvas, -0.32 * u, -0.01 * u, 0.64 * u, 0.04 * u, (120, 120, 130), 0.3)
    canvas.drawCircle(0.0, 0.2 * u, 0.008 * u, _p(DARK))


def stove(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A stove: a counter with a hob and a flicker of flame under the pot."""
    counter(canvas, u, f, t)
    for k in range(3):
        flick = 0.5 + 0.5 * math.sin(t * 20 + k)
        canvas.drawCircle((-0.03 + 0.03 * k) * u, -0.012 * u, 0.012 * u * (0.6 + 0.4 * flick),
                          _p((80, 140, 255), 200))


def sink(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A sink: counter with a basin and a tap."""
    counter(canvas, u, f, t)
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-0.15 * u, -0.005 * u, 0.3 * u, 0.09 * u),
                         0.02 * u, 0.02 * u, _p((180, 200, 215)))
    _stick(canvas, f * 0.16 * u, 0, f * 0.16 * u, -0.12 * u, STEEL, 0.015 * u)
    _stick(canvas, f * 0.16 * u, -0.12 * u, f * 0.08 * u, -0.12 * u, STEEL, 0.015 * u)


def grill(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A barbecue: round kettle on legs, sausages on the grate, smoke."""
    canvas.drawLine(-0.1 * u, 0.05 * u, -0.16 * u, 0.5 * u, _line(DARK, 0.015 * u))
    canvas.drawLine(0.1 * u, 0.05 * u, 0.16 * u, 0.5 * u, _line(DARK, 0.015 * u))
    p = skia.Path()
    p.addArc(skia.Rect.MakeXYWH(-0.18 * u, -0.12 * u, 0.36 * u, 0.24 * u), 0, 180)
    p.close()
    canvas.drawPath(p, _grad((40, 40, 44), -0.18 * u, 0, 0.18 * u, 0.12 * u))
    for k in range(3):
        _rrect(canvas, (-0.12 + 0.08 * k) * u, -0.02 * u, 0.07 * u, 0.022 * u,
               (170, 80, 50), 0.5)
    for k in range(3):
        y = -0.05 * u - ((t * 0.5 + k * 0.33) % 1.0) * 0.3 * u
        canvas.drawCircle((k - 1) * 0.05 * u + 0.02 * u * math.sin(t + k), y, 0.03 * u,
                          _p((230, 230, 230), 60))


def piano(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An upright piano seen from the side: keys at the anchor, body rising behind them."""
    _rrect(canvas, -0.05 * u, -0.45 * u, 0.3 * u, 0.87 * u, (45, 30, 30), 0.05)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.16 * u, -0.015 * u, 0.16 * u, 0.03 * u),
                    _p((250, 250, 245)))
    for k in range(4):
        canvas.drawRect(skia.Rect.MakeXYWH((-0.15 + 0.04 * k) * u, -0.015 * u, 0.015 * u,
                                           0.015 * u), _p(DARK))


def harp(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A harp: a golden frame and its strings, standing on the floor."""
    gold: RGB = (220, 170, 70)
    p = skia.Path()
    p.moveTo(0.0, 0.25 * u)
    p.lineTo(0.0, -0.55 * u)
    p.quadTo(0.2 * u, -0.6 * u, 0.22 * u, -0.35 * u)
    p.lineTo(0.04 * u, 0.25 * u)
    canvas.drawPath(p, _line(gold, 0.025 * u))
    for k in range(7):
        x = 0.02 * u + k * 0.028 * u
        _stick(canvas, x, -0.5 * u + k * 0.02 * u, x * 0.3, 0.22 * u, (245, 240, 220),
               0.003 * u)


def drum(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A snare drum on a stand."""
    _rrect(canvas, -0.12 * u, 0.0, 0.24 * u, 0.1 * u, (200, 40, 50), 0.2)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.12 * u, -0.01 * u, 0.24 * u, 0.015 * u),
                    _p((240, 240, 240)))
    _stick(canvas, 0, 0.1 * u, 0, 0.33 * u, DARK, 0.012 * u)


def chess(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A table with a chessboard and a few pieces."""
    desk(canvas, u, f, t)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.12 * u, -0.012 * u, 0.24 * u, 0.012 * u),
                    _p((230, 220, 190)))
    for k in range(4):
        c: RGB = (245, 245, 240) if k < 2 else (30, 30, 34)
        canvas.drawRoundRect(skia.Rect.MakeXYWH((-0.1 + 0.06 * k) * u, -0.05 * u, 0.02 * u,
                                                0.04 * u), 0.008 * u, 0.008 * u, _p(c))


def easel(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An easel with a canvas half painted (anchor: floor under the canvas)."""
    _stick(canvas, -0.08 * u, 0, 0.0, -0.95 * u, WOOD, 0.018 * u)
    _stick(canvas, 0.08 * u, 0, 0.0, -0.95 * u, WOOD, 0.018 * u)
    _rrect(canvas, -0.16 * u, -0.95 * u, 0.32 * u, 0.4 * u, (250, 248, 240), 0.02)
    canvas.drawCircle(-0.05 * u, -0.8 * u, 0.06 * u, _p((250, 200, 60)))
    canvas.drawRect(skia.Rect.MakeXYWH(-0.14 * u, -0.7 * u, 0.28 * u, 0.1 * u),
                    _p((90, 160, 90)))


def paintbrush(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A paintbrush with a loaded tip."""
    _stick(canvas, 0, 0.03 * u, 0, -0.14 * u, WOOD, 0.01 * u)
    _stick(canvas, 0, -0.14 * u, 0, -0.17 * u, (60, 120, 220), 0.014 * u)


def palette(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A painter's palette with blobs of colour."""
    canvas.drawOval(skia.Rect.MakeXYWH(-0.07 * u, -0.03 * u, 0.14 * u, 0.06 * u), _p(
        (225, 190, 140)))
    for k, c in enumerate(((220, 50, 50), (60, 120, 220), (250, 210, 60))):
        canvas.drawCircle((-0.04 + 0.035 * k) * u, -0.008 * u, 0.012 * u, _p(c))


def paper(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A sheet of paper lying on the table."""
    canvas.drawRect(skia.Rect.MakeXYWH(-0.08 * u, -0.006 * u, 0.16 * u, 0.006 * u),
                    _p((250, 250, 246)))


def laptop(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An open laptop on the table, screen facing the user."""
    _rrect(canvas, -0.1 * u, -0.015 * u, 0.2 * u, 0.015 * u, (170, 175, 185), 0.3)
    screen = skia.Path()
    screen.moveTo(f * 0.1 * u, -0.015 * u)
    screen.lineTo(f * 0.15 * u, -0.17 * u)
    screen.lineTo(f * 0.12 * u, -0.175 * u)
    screen.lineTo(f * 0.075 * u, -0.02 * u)
    screen.close()
    canvas.drawPath(screen, _p((60, 62, 70)))
    canvas.drawLine(f * 0.088 * u, -0.03 * u, f * 0.128 * u, -0.16 * u,
                    _line((120, 190, 250), 0.01 * u))


def stool(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A stool under the seated figure (anchor: the hips)."""
    seat = 0.27 * u
    _rrect(canvas, -0.1 * u, 0.0, 0.2 * u, 0.03 * u, (110, 75, 50), 0.4)
    for x in (-0.08, 0.06):
        canvas.drawRect(skia.Rect.MakeXYWH(x * u, 0.03 * u, 0.02 * u, seat - 0.03 * u),
                        _p((90, 60, 40)))


def window(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A window in the wall ahead: white frame, four sky-blue panes, a shine."""
    x0 = -0.05 * u if f > 0 else -0.45 * u
    frame = skia.Rect.MakeXYWH(x0, -0.32 * u, 0.5 * u, 0.62 * u)
    canvas.drawRect(frame, _p((245, 245, 242)))
    pw, ph = 0.21 * u, 0.27 * u
    for i in range(2):
        for k in range(2):
            pane = skia.Rect.MakeXYWH(x0 + 0.03 * u + i * (pw + 0.02 * u),
                                      -0.29 * u + k * (ph + 0.02 * u), pw, ph)
            canvas.drawRect(pane, _grad((170, 215, 240), pane.left(), pane.top(),
                                        pane.right(), pane.bottom()))
    canvas.drawLine(x0 + 0.08 * u, -0.2 * u, x0 + 0.16 * u, -0.28 * u,
                    _line((255, 255, 255), 0.015 * u))


def ironing_board(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An ironing board on crossed legs, with a shirt on it."""
    _stick(canvas, -0.15 * u, 0.48 * u, 0.12 * u, 0.02 * u, (150, 150, 160), 0.012 * u)
    _stick(canvas, 0.15 * u, 0.48 * u, -0.12 * u, 0.02 * u, (150, 150, 160), 0.012 * u)
    _rrect(canvas, -0.28 * u, -0.01 * u, 0.56 * u, 0.03 * u, (120, 170, 220), 0.5)
    _rrect(canvas, -0.12 * u, -0.018 * u, 0.2 * u, 0.01 * u, (250, 250, 250), 0.3)


def iron(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A steam iron."""
    p = skia.Path()
    p.moveTo(-0.07 * u, 0.02 * u)
    p.lineTo(0.09 * u * f if f > 0 else 0.07 * u, 0.02 * u)
    p.quadTo(0.05 * u * f, -0.04 * u, -0.05 * u, -0.04 * u)
    p.close()
    canvas.drawPath(p, _grad((80, 150, 220), -0.07 * u, 0, 0.07 * u, 0.02 * u))
    _stick(canvas, -0.04 * u, -0.06 * u, 0.03 * u, -0.06 * u, DARK, 0.012 * u)


def shirt(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A T-shirt on the table, its sleeves folding in and out (in time with the folder)."""
    fold = 0.5 + 0.5 * math.sin(2 * math.pi * t / 2.6)
    c: RGB = (90, 150, 210)
    canvas.drawRect(skia.Rect.MakeXYWH(-0.07 * u, -0.1 * u, 0.14 * u, 0.1 * u), _p(c))
    for side in (-1, 1):
        reach = 0.05 * u * (1.0 - fold)
        canvas.drawRect(skia.Rect.MakeXYWH(side * 0.07 * u - (reach if side < 0 else 0.0),
                                           -0.1 * u, reach, 0.04 * u), _p(shade(c, 0.9)))
    canvas.drawLine(-0.02 * u, -0.1 * u, 0.02 * u, -0.1 * u, _line(shade(c, 0.7), 0.01 * u))


def cloth(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A cleaning cloth in the hand."""
    _rrect(canvas, -0.03 * u, -0.03 * u, 0.06 * u, 0.06 * u, (250, 210, 80), 0.2)


def sponge(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A sponge, and a few bubbles."""
    _rrect(canvas, -0.03 * u, -0.02 * u, 0.06 * u, 0.04 * u, (250, 220, 70), 0.2)
    bubbles(canvas, u, f, t)


def bubbles(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """Soap bubbles rising from the hands."""
    for k in range(4):
        y = -0.02 * u - ((t * 0.6 + k * 0.25) % 1.0) * 0.12 * u
        canvas.drawCircle((k - 1.5) * 0.025 * u, y, 0.012 * u, _line((220, 240, 255), 0.003 * u))


def toothbrush(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A toothbrush pointing into the mouth, with a bit of foam."""
    _stick(canvas, 0, 0, f * 0.1 * u, -0.01 * u, (70, 170, 230), 0.012 * u)
    canvas.drawCircle(f * 0.105 * u, -0.012 * u, 0.012 * u, _p((255, 255, 255)))


def hairbrush(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A hairbrush."""
    _stick(canvas, 0, 0.02 * u, 0, -0.07 * u, (180, 90, 140), 0.018 * u)
    _rrect(canvas, -0.03 * u, -0.12 * u, 0.06 * u, 0.06 * u, (180, 90, 140), 0.5)


def grooming_brush(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A pet brush held bristles down."""
    _rrect(canvas, -0.05 * u, -0.015 * u, 0.1 * u, 0.03 * u, (120, 80, 50), 0.4)
    for k in range(6):
        x = -0.045 * u + k * 0.018 * u
        _stick(canvas, x, 0.015 * u, x, 0.03 * u, DARK, 0.004 * u)


def razor(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A razor against the cheek."""
    _stick(canvas, 0, 0.02 * u, 0, -0.08 * u, (60, 130, 210), 0.014 * u)
    _rrect(canvas, -0.025 * u, -0.1 * u, 0.05 * u, 0.02 * u, STEEL, 0.3)


def board(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A chopping board on the counter."""
    _rrect(canvas, -0.12 * u, -0.02 * u, 0.24 * u, 0.02 * u, (200, 150, 90), 0.4)


def veg(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A carrot on the board, being chopped."""
    _rrect(canvas, -0.08 * u, -0.02 * u, 0.14 * u, 0.035 * u, (240, 130, 40), 0.5)
    for k in range(3):
        canvas.drawCircle((0.08 + 0.025 * k) * u, 0.0, 0.014 * u, _p((240, 130, 40)))


def mound(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A heap of dug earth on the ground."""
    p = skia.Path()
    p.moveTo(-0.16 * u, 0.0)
    p.quadTo(0.0, -0.12 * u, 0.16 * u, 0.0)
    p.close()
    canvas.drawPath(p, _grad((120, 85, 55), 0, -0.1 * u, 0, 0))


def sapling(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A young tree being planted."""
    _stick(canvas, 0, 0, 0, -0.35 * u, (110, 80, 50), 0.015 * u)
    for dx, dy in ((-0.05, -0.3), (0.05, -0.32), (0.0, -0.38), (-0.03, -0.22), (0.04, -0.24)):
        canvas.drawOval(skia.Rect.MakeXYWH((dx - 0.03) * u, (dy - 0.02) * u, 0.06 * u,
                                           0.04 * u), _p((80, 170, 80)))


def picnic_blanket(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A red and white checked picnic blanket spread on the ground (anchor: its middle)."""
    w, h, n = 0.9 * u, 0.03 * u, 9
    for k in range(n):
        c = (220, 60, 60) if k % 2 == 0 else (245, 240, 232)
        canvas.drawRect(skia.Rect.MakeXYWH(-w / 2 + k * w / n, -h, w / n + 0.5, h), _p(c))
    canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, -h, w, 0.3 * h), _p((250, 250, 245), 110))


def mat(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An exercise mat on the floor."""
    _rrect(canvas, -0.4 * u, -0.012 * u, 0.8 * u, 0.015 * u, (120, 90, 200), 0.5)


def hoop(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A hula hoop spinning round the hips (seen edge-on, tipping as it turns)."""
    tip = 0.03 * u * math.sin(t * 11.4)
    canvas.drawOval(skia.Rect.MakeXYWH(-0.3 * u, -0.04 * u + tip, 0.6 * u, 0.08 * u),
                    _line((240, 70, 160), 0.018 * u))


def treadmill(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A treadmill deck under the runner and its console in front."""
    _rrect(canvas, -0.45 * u, 0.0, 0.9 * u, 0.06 * u, (60, 62, 70), 0.4)
    _stick(canvas, f * 0.42 * u, 0.0, f * 0.5 * u, -0.65 * u, (90, 92, 100), 0.025 * u)
    _rrect(canvas, f * 0.5 * u - 0.06 * u, -0.7 * u, 0.12 * u, 0.06 * u, (40, 40, 46), 0.3)


def kite_line(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A kite's line from the hands up to the kite, sagging a little in the wind (anchor:
    the hands; the kite rides where the act holds it)."""
    bob = kite_bob(t)
    x1, y1 = f * KITE_AHEAD * u, -(KITE_UP + 0.08 * bob) * u
    path = skia.Path()
    path.moveTo(0.0, 0.0)
    path.quadTo(0.62 * x1, 0.35 * y1, x1, y1)
    canvas.drawPath(path, _line((245, 245, 240), 0.008 * u))


def fishing_rod(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A fishing rod held at the waist, its tip out over the water, the line hanging to a
    red and white float at the water's edge; struck up after a bite (anchor: the hands).
    The hands hold it about 0.5 u above the ground, where the float rides."""
    strike = fishing_strike(t)
    bend = 0.9 + 0.3 * strike  # the rod's rise above level, radians
    length = 0.7 * u
    tip = (f * length * math.cos(bend), -length * math.sin(bend))
    butt = (-f * 0.12 * u * math.cos(bend), 0.12 * u * math.sin(bend))
    canvas.drawLine(butt[0], butt[1], tip[0], tip[1], _line((60, 45, 35), 0.016 * u))
    canvas.drawCircle(f * 0.02 * u, 0.0, 0.025 * u, _p((40, 40, 48)))  # the reel
    bob = 0.01 * u * math.sin(2 * math.pi * t / 1.7) - 0.04 * u * pulse(
        t, FISHING_PERIOD, 0.72, 0.06)  # rides the ripples, pulled under by the bite
    float_at = (tip[0] + f * 0.08 * u * (1 - strike), 0.5 * u + bob - 0.3 * u * strike)
    path = skia.Path()
    path.moveTo(*tip)
    path.quadTo(tip[0] + f * 0.05 * u, 0.5 * (tip[1] + float_at[1]) + 0.05 * u, *float_at)
    canvas.drawPath(path, _line((235, 235, 230), 0.005 * u))
    canvas.drawCircle(float_at[0], float_at[1] - 0.012 * u, 0.02 * u, _p((230, 60, 50)))
    canvas.drawCircle(float_at[0], float_at[1] + 0.008 * u, 0.016 * u, _p((245, 245, 240)))


def bough(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A bough a bird perches on, reaching in from behind it, swaying a little, with a few
    leaves (anchor: the bird's feet; u is the bird's size)."""
    sway = 0.01 * u * math.sin(2 * math.pi * t / 3.1)
    path = skia.Path()
    path.moveTo(-f * 4.0 * u, 0.35 * u)
    path.quadTo(-f * 1.5 * u, 0.05 * u + sway, f * 0.9 * u, -0.05 * u + sway)
    canvas.drawPath(path, _line((110, 75, 45), 0.12 * u))
    canvas.drawPath(path, _line((140, 100, 60), 0.05 * u))
    for k, (x, y) in enumerate(((0.75, -0.12), (-0.9, 0.0), (-2.1, 0.12), (0.45, 0.08))):
        leaf = skia.Rect.MakeXYWH(f * x * u - 0.14 * u, y * u - 0.06 * u + sway, 0.28 * u,
                                  0.12 * u)
        canvas.save()
        canvas.rotate((-25 if k % 2 else 25) * f, leaf.centerX(), leaf.centerY())
        canvas.drawOval(leaf, _p((70 + 20 * k, 160, 70)))
        canvas.restore()


def rope(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A climbing rope hanging from far above to the floor (anchor: its foot)."""
    canvas.drawLine(0, 0, 0, -4.0 * u, _line((200, 160, 100), 0.03 * u))


def wall(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A climbing wall with coloured holds (anchor: its foot, just ahead of the climber)."""
    canvas.drawRect(skia.Rect.MakeXYWH(0.0, -4.0 * u, 0.6 * u, 4.0 * u), _p((170, 160, 150)))
    for k in range(14):
        y = -0.2 * u - k * 0.27 * u
        canvas.drawCircle(0.02 * u, y, 0.03 * u, _p(((230, 70, 60), (60, 160, 230),
                                                       (250, 200, 60))[k % 3]))


def bike(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A bicycle under its rider (anchor: the saddle)."""
    r = 0.19 * u
    back, front = (-0.3 * u * f, 0.31 * u), (0.38 * u * f, 0.31 * u)
    spin = t * 8.0
    for cx, cy in (back, front):
        canvas.drawCircle(cx, cy, r, _line(DARK, 0.02 * u))
        for k in range(3):
            a = spin + k * math.pi / 3
            _stick(canvas, cx - math.cos(a) * r, cy - math.sin(a) * r, cx + math.cos(a) * r,
                   cy + math.sin(a) * r, (170, 170, 175), 0.004 * u)
    frame: RGB = (40, 150, 170)
    crank = (0.02 * u * f, 0.33 * u)
    bars = (0.3 * u * f, -0.2 * u)
    seat, head = (0.0, 0.03 * u), (0.27 * u * f, -0.02 * u)
    for p0, p1 in ((back, crank), (crank, seat), (seat, back), ((0.0, 0.05 * u), head),
                   (crank, head), (head, front), (head, bars)):
        _stick(canvas, p0[0], p0[1], p1[0], p1[1], frame, 0.022 * u)
    _rrect(canvas, -0.06 * u, -0.02 * u, 0.12 * u, 0.03 * u, DARK, 0.5)
    _stick(canvas, bars[0] - 0.04 * u * f, bars[1], bars[0] + 0.03 * u * f, bars[1], DARK,
           0.02 * u)


def motorbike(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A motorbike under its rider (anchor: the seat)."""
    r = 0.2 * u
    for cx in (-0.4, 0.45):
        canvas.drawCircle(cx * u * f, 0.3 * u, r, _p(DARK))
        canvas.drawCircle(cx * u * f, 0.3 * u, r * 0.45, _p((170, 170, 175)))
    _rrect(canvas, -0.3 * u, 0.0, 0.7 * u if f > 0 else 0.6 * u, 0.22 * u, (200, 40, 40), 0.4)
    _rrect(canvas, -0.25 * u, -0.04 * u, 0.35 * u, 0.06 * u, DARK, 0.5)
    _stick(canvas, 0.35 * u * f, 0.05 * u, 0.45 * u * f, -0.25 * u, (150, 150, 160), 0.025 * u)


def kayak(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A kayak round a paddler's hips (anchor: the hips), bobbing on the water."""
    hull = skia.Path()
    hull.moveTo(-0.75 * u, -0.02 * u)
    hull.quadTo(0.0, 0.05 * u, 0.75 * u, -0.02 * u)
    hull.quadTo(0.45 * u, 0.16 * u, 0.0, 0.17 * u)
    hull.quadTo(-0.45 * u, 0.16 * u, -0.75 * u, -0.02 * u)
    canvas.drawPath(hull, _grad((240, 120, 40), -0.5 * u, 0, 0.5 * u, 0.17 * u))
    canvas.drawOval(skia.Rect.MakeXYWH(-0.15 * u, -0.01 * u, 0.3 * u, 0.05 * u), _p(DARK))


def saddle(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A horse under its rider is its own entity; mimed, only a saddle shows."""
    _rrect(canvas, -0.12 * u, 0.0, 0.24 * u, 0.05 * u, (120, 60, 30), 0.5)


def skateboard(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A skateboard under the feet (anchor: the deck's middle)."""
    _rrect(canvas, -0.25 * u, -0.025 * u, 0.5 * u, 0.04 * u, (220, 90, 50), 0.5)
    for x in (-0.17, 0.17):
        canvas.drawCircle(x * u, 0.03 * u, 0.03 * u, _p((240, 230, 200)))


def scooter(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A kick scooter: deck, a tall stem and handlebar ahead of the rider."""
    skateboard(canvas, u, f, t)
    _stick(canvas, 0.2 * u * f, 0.0, 0.29 * u * f, -0.65 * u, (150, 150, 160), 0.022 * u)
    _stick(canvas, 0.25 * u * f, -0.65 * u, 0.33 * u * f, -0.65 * u, DARK, 0.024 * u)


def surfboard(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A surfboard under the feet."""
    p = skia.Path()
    p.moveTo(-0.5 * u, 0.0)
    p.quadTo(-0.45 * u, -0.05 * u, 0.0, -0.05 * u)
    p.quadTo(0.5 * u, -0.05 * u, 0.55 * u, -0.005 * u)
    p.quadTo(0.3 * u, 0.045 * u, 0.0, 0.045 * u)
    p.quadTo(-0.45 * u, 0.045 * u, -0.5 * u, 0.0)
    canvas.drawPath(p, _grad((250, 230, 120), -0.4 * u, -0.05 * u, 0.4 * u, 0.05 * u))
    canvas.drawLine(-0.45 * u, 0.0, 0.5 * u, 0.0, _line((230, 80, 60), 0.012 * u))


def snowboard(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A snowboard under both feet."""
    _rrect(canvas, -0.3 * u, -0.01 * u, 0.6 * u, 0.025 * u, (60, 200, 120), 0.5)


def skate_blade(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """An ice skate's blade under the boot (anchor: the sole)."""
    _stick(canvas, -0.03 * u, 0.015 * u, 0.07 * u * f if f > 0 else 0.05 * u, 0.015 * u,
           STEEL, 0.008 * u)


def roller_wheels(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A roller skate's wheels under the boot."""
    for x in (-0.02, 0.04):
        canvas.drawCircle(x * u * f, 0.02 * u, 0.016 * u, _p((250, 120, 60)))


def ski_plank(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A ski under the boot, tip curled up in front."""
    p = skia.Path()
    p.moveTo(-0.3 * u * f, 0.012 * u)
    p.lineTo(0.3 * u * f, 0.012 * u)
    p.quadTo(0.36 * u * f, 0.0, 0.36 * u * f, -0.03 * u)
    canvas.drawPath(p, _line((220, 50, 60), 0.014 * u))


def cart(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A shopping cart: wire basket on wheels (anchor: its middle)."""
    h = 0.5 * u
    basket = skia.Path()
    basket.moveTo(-0.25 * u, -h / 2)
    basket.lineTo(0.25 * u, -h / 2)
    basket.lineTo(0.2 * u, h * 0.2)
    basket.lineTo(-0.2 * u, h * 0.2)
    basket.close()
    canvas.drawPath(basket, _line((170, 175, 185), 0.012 * u))
    for k in range(5):
        x = -0.2 * u + k * 0.1 * u
        _stick(canvas, x, -h / 2, x * 0.85, h * 0.2, (170, 175, 185), 0.005 * u)
    for x in (-0.18, 0.18):
        canvas.drawCircle(x * u, h / 2 - 0.03 * u, 0.03 * u, _p(DARK))
    _stick(canvas, -0.2 * u, h * 0.2, -0.18 * u, h / 2 - 0.03 * u, (170, 175, 185), 0.01 * u)


def wagon(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A little red wagon with its handle."""
    _rrect(canvas, -0.2 * u, -0.1 * u, 0.4 * u, 0.14 * u, (210, 50, 50), 0.2)
    for x in (-0.13, 0.13):
        canvas.drawCircle(x * u, 0.1 * u, 0.05 * u, _p(DARK))
    _stick(canvas, 0.2 * u * f, -0.02 * u, 0.32 * u * f, -0.1 * u, DARK, 0.012 * u)


def ball(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A basketball."""
    r = 0.07 * u
    canvas.drawCircle(0, 0, r, _grad((240, 130, 40), -r, -r, r, r))
    canvas.drawLine(-r, 0, r, 0, _line(DARK, 0.005 * u))
    canvas.drawLine(0, -r, 0, r, _line(DARK, 0.005 * u))


def scissors(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """Scissors snipping."""
    snip = 0.25 * math.sin(t * 18.0)
    for k in (-1, 1):
        canvas.save()
        canvas.rotate(math.degrees(k * (0.2 + snip)))
        _stick(canvas, 0, 0, 0, -0.08 * u, STEEL, 0.008 * u)
        canvas.restore()
    canvas.drawCircle(0, 0.015 * u, 0.012 * u, _line((220, 60, 60), 0.006 * u))


def clap(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """Short strokes radiating from clapping palms."""
    for k in range(5):
        a = -math.pi / 2 + (k - 2) * 0.45
        r0, r1 = 0.05 * u, 0.09 * u
        canvas.drawLine(math.cos(a) * r0, math.sin(a) * r0, math.cos(a) * r1, math.sin(a) * r1,
                        _line((255, 235, 120), 0.008 * u))


def pillow(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A pillow under a sleeper's head."""
    _rrect(canvas, -0.05 * u, -0.11 * u, 0.1 * u, 0.22 * u, (245, 245, 250), 0.45)


def blanket(canvas: skia.Canvas, u: float, f: int, t: float) -> None:
    """A quilt over a sleeper, from the chest down past the feet."""
    w, h = 0.17 * u, 0.78 * u
    _rrect(canvas, -w / 2, -h / 2, w, h, (110, 140, 210), 0.25)
    for k in range(1, 4):
        canvas.drawLine(-w / 2, -h / 2 + k * h / 4, w / 2, -h / 2 + k * h / 4,
                        _line((150, 175, 230), 0.008 * u))


GEAR: dict[str, tuple[float, Draw]] = {
    "pillow": (BACK, pillow), "blanket": (FRONT, blanket), "clap": (FRONT, clap),
    "bubble_wand": (FRONT, bubble_wand), "bubble_bottle": (FAR, bubble_bottle),
    "broom": (FRONT, broom), "mop": (FRONT, mop), "shovel": (FRONT, shovel),
    "sword": (FRONT, sword), "knife": (FRONT, knife), "spatula": (FRONT, spatula),
    "spoon": (FRONT, spoon), "pompom_near": (FRONT, pompom), "pompom_far": (FAR, pompom),
    "glove_near": (FRONT, glove), "glove_far": (FAR, glove),
    "dumbbell_near": (FRONT, dumbbell), "dumbbell_far": (FAR, dumbbell),
    "barbell": (FRONT, barbell), "stick_near": (FRONT, stick), "stick_far": (FAR, stick),
    "pole_near": (FRONT, pole), "pole_far": (FAR, pole), "paddle": (FRONT, paddle),
    "guitar": (MIDDLE, guitar), "violin": (MIDDLE, violin), "bow": (FRONT, bow),
    "flute": (FRONT, flute), "trumpet": (FRONT, trumpet), "book": (MIDDLE, book),
    "phone": (MIDDLE, phone), "knitting": (FRONT, knitting), "yarn": (FRONT, yarn),
    "controller": (MIDDLE, controller), "cards": (FRONT, cards),
    "box": (MIDDLE, box), "cup": (FRONT, cup), "food": (FRONT, food),
    "slice": (FRONT, melon_slice), "bowl": (MIDDLE, bowl), "apple": (FRONT, apple),
    "pan": (MIDDLE, pan), "pancake": (FRONT, pancake), "pot": (MIDDLE, pot),
    "plate": (MIDDLE, plate),
    "desk": (BACK, desk), "counter": (BACK, counter), "stove": (BACK, stove),
    "sink": (BACK, sink), "grill": (BACK, grill), "piano": (BACK, piano),
    "harp": (BACK, harp), "drum": (BACK, drum), "chess": (BACK, chess), "easel": (BACK, easel),
    "paintbrush": (FRONT, paintbrush), "palette": (MIDDLE, palette), "paper": (BACK, paper),
    "pen": (FRONT, _small_tool((40, 60, 160), 0.09, 0.01)), "laptop": (BACK, laptop),
    "stool": (BACK, stool), "window": (BACK, window), "ironing_board": (BACK, ironing_board),
    "iron": (FRONT, iron), "shirt": (BACK, shirt), "cloth": (FRONT, cloth),
    "sponge": (FRONT, sponge), "bubbles": (FRONT, bubbles), "toothbrush": (FRONT, toothbrush),
    "hairbrush": (FRONT, hairbrush), "brush": (FRONT, grooming_brush), "razor": (FRONT, razor),
    "clippers": (FRONT, _small_tool(STEEL, 0.05, 0.012)),
    "steel": (MIDDLE, _small_tool((120, 120, 130), 0.18, 0.012)), "scissors": (FRONT, scissors),
    "board": (BACK, board), "veg": (BACK, veg), "mound": (BACK, mound),
    "sapling": (BACK, sapling), "mat": (BACK, mat), "picnic_blanket": (BACK, picnic_blanket),
    "hoop": (FRONT, hoop),
    "treadmill": (BACK, treadmill), "rope": (BACK, rope), "kite_line": (FRONT, kite_line),
    "fishing_rod": (FRONT, fishing_rod),
    "wall": (BACK, wall),
    "bike": (BACK, bike), "kayak": (FRONT, kayak), "motorbike": (BACK, motorbike),
    "saddle": (BACK, saddle),
    "skateboard": (BACK, skateboard), "scooter": (BACK, scooter),
    "surfboard": (BACK, surfboard), "snowboard": (BACK, snowboard),
    "skate_near": (FRONT, skate_blade), "skate_far": (FAR, skate_blade),
    "roller_near": (FRONT, roller_wheels), "roller_far": (FAR, roller_wheels),
    "ski_near": (FRONT, ski_plank), "ski_far": (FAR, ski_plank), "cart": (FRONT, cart),
    "wagon": (BACK, wagon), "ball": (FRONT, ball),
}
