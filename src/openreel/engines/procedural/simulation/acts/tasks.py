"""Acts with the hands at something: music, writing, reading, typing, cooking, eating, drinking.

Each places its prop (or the mimed gear standing in for it) and puts the hands on it:
the hands are solved onto points of the thing, never the thing onto the hands' guess.
"""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation.act import (
    Act,
    Cue,
    Face,
    Support,
    breath,
    ease,
    floor,
    loop,
    osc,
    pulse,
    standing,
)
from openreel.engines.procedural.simulation.poses import HumanoidJoints, joint_at
from openreel.engines.procedural.simulation.reach import arm_to, hand_at, hip, mouth, shoulder

Gear = dict[str, tuple[float, float, float]]
Point = tuple[float, float]


def seated(c: Cue, period: float, lean: float = -0.1) -> HumanoidJoints:
    """Sitting upright on a seat, thighs level, shins down, breathing with the loop."""
    breathe = breath(c.t, period, c.phase)
    return HumanoidJoints(lean=lean + 0.01 * breathe, head=0.05, hip_near=1.5, knee_near=1.45,
                          hip_far=1.42, knee_far=1.35)


SEAT = 0.27  # seat height per size, for a mimed stool or chair
# mimed things drawn lying down (longest side across): their long side is their width
LYING = frozenset({"pan", "pot", "controller", "cards", "bowl", "food", "slice", "book"})


def long_axis(c: Cue, default: float) -> float:
    """Length of the prop's long side (a mimed one is ``default`` × size)."""
    return max(c.prop.w, c.prop.h) if c.prop is not None else default * c.size


def upright(c: Cue, axis: float) -> float:
    """Body angle that points the prop's long side ``axis`` radians forward of straight up."""
    if c.prop is None or c.prop.h >= c.prop.w:
        return -axis
    return math.pi / 2 - axis


def along(centre: Point, axis: float, d: float) -> Point:
    """The point ``d`` metres from ``centre`` along a direction ``axis`` forward of up."""
    return centre[0] + math.sin(axis) * d, centre[1] + math.cos(axis) * d


def held(c: Cue, name: str, centre: Point, axis: float, hands: tuple[str, ...],
         j: HumanoidJoints, period: float, face: Face | None = None, gear: Gear | None = None,
         support: Support = "feet", seat: float = 0.0) -> Act:
    """An act whose prop (or the mimed ``name``) sits at ``centre`` with its long side
    ``axis`` forward of up, held by ``hands``."""
    g = dict(gear or {})
    grip = None
    if c.prop is not None and c.prop.use == "held":
        grip = (centre[0], centre[1], upright(c, axis))
    elif c.prop is None:
        g[name] = (centre[0], centre[1], math.pi / 2 - axis if name in LYING else -axis)
    return Act(j, grip=grip, gear=g, period=period, holding=hands if grip else (),
               face=face or Face(), support=support, seat=seat)


# -- music -----------------------------------------------------------------------------------
def play(c: Cue) -> Act:
    """Playing an instrument (or a game) the way that one is played."""
    return _PLAY.get(c.variant, _guitar)(c)


def _guitar(c: Cue) -> Act:
    s, b = c.size, c.body
    j = standing(c.t, c.phase, 1.0)
    j.head = -0.15 + 0.08 * osc(c.t, 0.5)
    length = long_axis(c, 0.55)
    axis = 1.25
    centre = (0.12 * s, -0.08 * s)
    body_pt = along(centre, axis, -0.22 * length)
    strum = osc(c.t, 0.25)
    arm_to(j, "near", (body_pt[0] + 0.02 * s, body_pt[1] + 0.04 * s * strum), s, b)
    fret = along(centre, axis, 0.3 * length + 0.02 * s * pulse(c.t, 1.0, 0.5, 0.2))
    arm_to(j, "far", fret, s, b)
    return held(c, "guitar", centre, axis, ("near", "far"), j, loop(1.0),
                 Face(smile=0.5, mouth=0.15 * abs(osc(c.t, 1.0))))


def _violin(c: Cue) -> Act:
    s, b = c.size, c.body
    j = standing(c.t, c.phase, 1.2)
    j.head = -0.2
    n = mouth(s, j, b)
    centre = (n[0] + 0.06 * s, n[1] - 0.08 * s)
    axis = 1.7
    arm_to(j, "far", along(centre, axis, 0.16 * s), s, b)
    bow = osc(c.t, 1.2)
    hand = (centre[0] + 0.02 * s + 0.12 * s * bow, centre[1] - 0.05 * s - 0.03 * s * bow)
    arm_to(j, "near", hand, s, b)
    hx, hy = hand_at(j, "near", s, b)
    return held(c, "violin", centre, axis, ("near", "far"), j, loop(1.2), Face(squint=0.6),
                 gear={"bow": (hx, hy, -1.35)})


def _wind(c: Cue) -> Act:
    s, b = c.size, c.body
    trumpet = c.variant == "trumpet"
    j = standing(c.t, c.phase, 2.0)
    j.lean = 0.06 + 0.05 * osc(c.t, 2.0)
    j.head = 0.08 if trumpet else 0.0
    m = mouth(s, j, b)
    length = long_axis(c, 0.4 if trumpet else 0.5)
    axis = 1.45 if trumpet else 1.85
    centre = along(m, axis, 0.5 * length)
    fingers = 0.01 * s * pulse(c.t, 0.3, 0.0, 0.3)
    arm_to(j, "near", along(centre, axis, -0.1 * length + fingers), s, b)
    arm_to(j, "far", along(centre, axis, 0.12 * length), s, b)
    return held(c, "trumpet" if trumpet else "flute", centre, axis, ("near", "far"), j,
                 2.0, Face(squint=0.4))


def _drums(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 0.5
    j = seated(c, period)
    top = _surface(c, j, 0.33)
    drum = (0.36 * s, top)
    gear: Gear = {} if c.prop is not None else {"stool": (*hip(s, j, b), 0.0),
                                                "drum": (drum[0], drum[1], 0.0)}
    for side, at in (("near", 0.0), ("far", 0.5)):
        hit = pulse(c.t, period, at, 0.3)
        arm_to(j, side, (drum[0] - 0.12 * s, drum[1] + 0.2 * s - 0.12 * s * hit), s, b)
        hx, hy = hand_at(j, side, s, b)
        gear[f"stick_{side}"] = (hx, hy, -(1.2 + 0.5 * hit))
    j.head = 0.1 * osc(c.t, period)
    return Act(j, support="seat", seat=SEAT * s, gear=gear, period=loop(period),
               face=Face(smile=0.6))


def _keys(c: Cue) -> Act:
    s, b = c.size, c.body
    harp = c.variant == "harp"
    period = 2.8 if harp else 2.4
    j = seated(c, period, lean=-0.05)
    gear: Gear = {"stool": (*hip(s, j, b), 0.0)}
    sh = shoulder(s, j, b)
    if harp:
        for side, k in (("near", 0.0), ("far", 0.5)):
            pluck = osc(c.t, 1.4, 3.0 * k)
            arm_to(j, side, (sh[0] + 0.26 * s, sh[1] - 0.08 * s + 0.12 * s * pluck), s, b)
        if c.prop is None:
            gear["harp"] = (sh[0] + 0.3 * s, hip(s, j, b)[1] - 0.05 * s, 0.0)
    else:
        top = _surface(c, j, 0.42)
        for side, k in (("near", 0.0), ("far", 1.3)):
            glide = osc(c.t, period, k)
            tap = 0.012 * s * abs(osc(c.t, 0.3, k))
            arm_to(j, side, (sh[0] + 0.24 * s + 0.06 * s * glide, top + 0.02 * s + tap), s, b)
        if c.prop is None:
            gear["piano"] = (sh[0] + 0.44 * s, top, 0.0)
    j.head = -0.1 + 0.05 * osc(c.t, period)
    return Act(j, support="seat", seat=SEAT * s, gear=gear, period=period,
               face=Face(smile=0.3, squint=0.3))


def _controller(c: Cue) -> Act:
    s, b = c.size, c.body
    j = seated(c, 0.3, lean=-0.3)
    j.head = 0.2
    sh = shoulder(s, j, b)
    centre = (sh[0] + 0.2 * s, sh[1] - 0.16 * s)
    twitch = 0.008 * s * osc(c.t, 0.15)
    arm_to(j, "near", (centre[0] + 0.02 * s, centre[1] + twitch), s, b)
    arm_to(j, "far", (centre[0] - 0.02 * s, centre[1] - twitch), s, b)
    act = held(c, "controller", centre, math.pi / 2, ("near", "far"), j, loop(0.3),
                Face(mouth=0.1, smile=0.2), support="seat", seat=SEAT * s)
    act.gear["stool"] = (*hip(s, j, b), 0.0)
    return act


def _chess(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 4.0
    j = seated(c, period, lean=-0.3)
    j.head = -0.2
    top = _surface(c, j, 0.42)
    sh = shoulder(s, j, b)
    move = pulse(c.t, period, 0.6, 0.15)
    arm_to(j, "near", (sh[0] + 0.3 * s, top + 0.03 * s + 0.1 * s * move), s, b)
    arm_to(j, "far", (sh[0] + 0.13 * s, sh[1] + 0.02 * s), s, b)  # chin in hand, thinking
    gear: Gear = {"stool": (*hip(s, j, b), 0.0)}
    if c.prop is None:
        gear["chess"] = (sh[0] + 0.4 * s, top, 0.0)
    return Act(j, support="seat", seat=SEAT * s, gear=gear, period=period,
               face=Face(smile=0.1, squint=0.2))


def _cards(c: Cue) -> Act:
    s, b = c.size, c.body
    j = standing(c.t, c.phase, 0.6)
    j.head = -0.3
    sh = shoulder(s, j, b)
    riffle = abs(osc(c.t, 1.2))
    centre = (sh[0] + 0.2 * s, sh[1] - 0.2 * s)
    arm_to(j, "near", (centre[0] + 0.05 * s * riffle, centre[1] + 0.02 * s * riffle), s, b)
    arm_to(j, "far", (centre[0] - 0.05 * s * riffle, centre[1]), s, b)
    return held(c, "cards", centre, math.pi / 2, ("near", "far"), j, loop(0.6),
                Face(smile=0.3))


def _dribble(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 0.7
    u = (c.t / period) % 1.0
    j = standing(c.t, c.phase, period)
    j.lean, j.knee_near, j.knee_far = -0.15, 0.3, 0.3
    j.hip_near, j.hip_far = 0.25, -0.05
    fy = floor(j, c)
    d = c.prop.h if c.prop is not None else 0.14 * s
    top = fy + 0.45 * s
    bounce = 1.0 - abs(2.0 * u - 1.0)  # in the hand at u = 0, on the floor at u = 0.5
    y = top - (top - fy - 0.5 * d) * bounce
    x = 0.28 * s
    arm_to(j, "near", (x, max(y + 0.5 * d, top + 0.5 * d - 0.15 * s * bounce)), s, b)
    in_hand = bounce < 0.15
    return held(c, "ball", (x, y), 0.0, ("near",) if in_hand else (), j, period,
                 Face(smile=0.5))


BUBBLE_CYCLE = 2.6  # seconds: dip the wand, raise it, blow a stream, lower it
BLOWING = (0.42, 0.88)  # the share of the cycle the bubbles stream out


def _bubbles(c: Cue) -> Act:
    """Blowing bubbles: the wand dipped in the little bottle held at the waist, raised
    before the lips and blown through with pursed lips while the bubbles stream out (the
    figure lets them go: figures.FigureActor._blow)."""
    s, b = c.size, c.body
    j = standing(c.t, c.phase, BUBBLE_CYCLE)
    u = (c.t / BUBBLE_CYCLE) % 1.0
    up = ease((u - 0.2) / 0.2) * (1.0 - ease((u - 0.9) / 0.1))  # 0 at the bottle, 1 raised
    blowing = BLOWING[0] <= u <= BLOWING[1]
    j.head = -0.05 + (0.04 * osc(c.t, 0.6) if blowing else 0.0)
    m = mouth(s, j, b)
    h = hip(s, j, b)
    bottle = (h[0] + 0.17 * s, h[1] + 0.1 * s)
    arm_to(j, "far", bottle, s, b)
    lips = (m[0] + 0.13 * s, m[1] - 0.01 * s)
    dip = (bottle[0] + 0.01 * s, bottle[1] + 0.06 * s)
    hand = (dip[0] + (lips[0] - dip[0]) * up, dip[1] + (lips[1] - 0.07 * s - dip[1]) * up)
    arm_to(j, "near", hand, s, b)
    hx, hy = hand_at(j, "near", s, b)
    fx, fy = hand_at(j, "far", s, b)
    return Act(j, period=BUBBLE_CYCLE, face=Face(squint=0.2, mouth=0.35 if blowing else 0.0,
                                                 smile=0.0 if blowing else 0.5),
               gear={"bubble_wand": (hx, hy, 0.25 * up), "bubble_bottle": (fx, fy, 0.0)})


_PLAY = {"guitar": _guitar, "violin": _violin, "flute": _wind, "trumpet": _wind,
         "drums": _drums, "piano": _keys, "harp": _keys, "controller": _controller,
         "chess": _chess, "cards": _cards, "ball": _dribble, "bubbles": _bubbles}


def _surface(c: Cue, j: HumanoidJoints, default: float, seated_at: bool = True) -> float:
    """Local height of the working surface in front: the station's top, or a mimed one."""
    s = c.size
    base = joint_at(s, j, c.body, -c.body.hip)[1] - SEAT * s if seated_at else floor(j, c)
    if c.prop is not None and c.prop.use == "station":
        top = min(max(c.prop.top, 0.3 * s), 0.62 * s)
        return base + top
    return base + default * s


# -- desk work -------------------------------------------------------------------------------
def write(c: Cue) -> Act:
    """Pen on paper at a table, or a brush at an easel."""
    s, b = c.size, c.body
    if c.variant == "easel":
        j = standing(c.t, c.phase, 1.6)
        j.head = 0.05
        sh = shoulder(s, j, b)
        canvas = (sh[0] + 0.34 * s, sh[1] - 0.02 * s)
        stroke = osc(c.t, 1.6)
        arm_to(j, "near", (canvas[0] - 0.04 * s, canvas[1] + 0.1 * s * stroke), s, b)
        arm_to(j, "far", (sh[0] + 0.1 * s, sh[1] - 0.22 * s), s, b)
        hx, hy = hand_at(j, "near", s, b)
        gear: Gear = {"paintbrush": (hx, hy, -1.0), "palette": (*hand_at(j, "far", s, b), 0.0)}
        if c.prop is None:
            gear["easel"] = (canvas[0] + 0.04 * s, floor(j, c), 0.0)
        return Act(j, gear=gear, period=1.6, face=Face(smile=0.3))
    j = seated(c, 4.4, lean=-0.35)
    j.head = -0.3
    top = _surface(c, j, 0.42)
    sh = shoulder(s, j, b)
    loop = 1.1
    a = 2 * math.pi * c.t / loop
    pen = (sh[0] + 0.26 * s + 0.02 * s * math.cos(a) + 0.05 * s * osc(c.t, 4.4),
           top + 0.015 * s + 0.012 * s * math.sin(2 * a))
    arm_to(j, "near", pen, s, b)
    arm_to(j, "far", (sh[0] + 0.33 * s, top + 0.01 * s), s, b)
    hx, hy = hand_at(j, "near", s, b)
    gear = {"stool": (*hip(s, j, b), 0.0), "pen": (hx, hy, -0.5),
            "paper": (sh[0] + 0.3 * s, top, 0.0)}
    if c.prop is None:
        gear["desk"] = (sh[0] + 0.34 * s, top, 0.0)
    return Act(j, support="seat", seat=SEAT * s, gear=gear, period=4.4,
               face=Face(squint=0.25))


def read(c: Cue) -> Act:
    """A book held open in both hands, eyes down, a page turned now and then."""
    s, b = c.size, c.body
    period = 5.0
    j = standing(c.t, c.phase, period)
    j.head = -0.4
    sh = shoulder(s, j, b)
    centre = (sh[0] + 0.2 * s, sh[1] - 0.1 * s)
    turn = pulse(c.t, period, 0.8, 0.08)
    w = (c.prop.w if c.prop is not None else 0.16 * s)
    arm_to(j, "near", (centre[0] + 0.3 * w - 0.3 * w * turn, centre[1] - 0.03 * s + 0.03 * s *
                       turn), s, b)
    arm_to(j, "far", (centre[0] - 0.3 * w, centre[1] - 0.03 * s), s, b)
    # the open pages tipped towards the camera, as drawn books are
    return held(c, "book", centre, 1.12, ("near", "far"), j, period, Face(squint=0.35))


def type_(c: Cue) -> Act:
    """Tapping at a laptop on a desk, thumbing a phone, or pressing a controller."""
    s, b = c.size, c.body
    if c.variant == "controller":
        return _controller(c)
    if c.variant == "phone":
        j = standing(c.t, c.phase, 0.2)
        j.head = -0.45
        sh = shoulder(s, j, b)
        centre = (sh[0] + 0.16 * s, sh[1] - 0.16 * s)
        tap = 0.008 * s * osc(c.t, 0.2)
        arm_to(j, "near", (centre[0] + 0.01 * s, centre[1] + tap), s, b)
        arm_to(j, "far", (centre[0] - 0.01 * s, centre[1] - tap), s, b)
        return held(c, "phone", centre, 0.6, ("near", "far"), j, loop(0.2), Face(smile=0.2))
    j = seated(c, 0.48, lean=-0.2)
    j.head = -0.2
    top = _surface(c, j, 0.42)
    sh = shoulder(s, j, b)
    centre = (sh[0] + 0.3 * s, top + 0.02 * s)
    for side, k in (("near", 0.0), ("far", 1.0)):
        tap = 0.012 * s * abs(osc(c.t, 0.24, k))
        arm_to(j, side, (centre[0] - 0.04 * s + 0.03 * s * k, centre[1] + tap), s, b)
    gear: Gear = {"stool": (*hip(s, j, b), 0.0)}
    if c.prop is None or c.prop.use == "station":
        gear["laptop"] = (centre[0] + 0.02 * s, top, 0.0)
    if c.prop is None:
        gear["desk"] = (sh[0] + 0.34 * s, top, 0.0)
    grip = (centre[0] + 0.02 * s, top + 0.5 * c.prop.h, 0.0) if (
        c.prop is not None and c.prop.use == "held") else None
    return Act(j, support="seat", seat=SEAT * s, gear=gear, grip=grip, period=loop(0.48),
               holding=("near", "far") if grip else (), face=Face(squint=0.2))


# -- kitchen and table -------------------------------------------------------------------------
def cook(c: Cue) -> Act:
    """Stirring a pot, tossing a pan, or flipping on a grill, at counter height."""
    s, b = c.size, c.body
    j = standing(c.t, c.phase, 1.8 if c.variant == "grill" else 3.6)
    j.lean, j.head = -0.1, -0.3
    top = _surface(c, j, 0.5, seated_at=False)
    sh = shoulder(s, j, b)
    pot = (sh[0] + 0.3 * s, top + 0.06 * s)
    gear: Gear = {}
    if c.variant == "grill":
        period = 1.8
        flip = pulse(c.t, period, 0.5, 0.2)
        hand = (pot[0] - 0.02 * s, pot[1] + 0.05 * s + 0.15 * s * flip)
        arm_to(j, "near", hand, s, b)
        arm_to(j, "far", (sh[0] + 0.12 * s, sh[1] - 0.25 * s), s, b)
        hx, hy = hand_at(j, "near", s, b)
        gear["spatula"] = (hx, hy, -1.3 + 1.2 * flip)
        if c.prop is None:
            gear["grill"] = (pot[0], top, 0.0)
        return Act(j, gear=gear, period=period, face=Face(smile=0.4))
    if c.variant == "flip":
        return _flip(c, j, pot, top)
    period = 1.2
    a = 2 * math.pi * c.t / period
    stir = (pot[0] + 0.05 * s * math.cos(a), pot[1] + 0.06 * s + 0.015 * s * math.sin(a))
    arm_to(j, "near", stir, s, b)
    handle = (pot[0] - 0.14 * s, pot[1] + 0.01 * s)
    toss = 0.04 * s * pulse(c.t, 3 * period, 0.3, 0.12) if c.variant == "pan" else 0.0
    arm_to(j, "far", (handle[0], handle[1] + toss), s, b)
    hx, hy = hand_at(j, "near", s, b)
    gear["spoon"] = (hx, hy, -0.25)
    centre = (pot[0], pot[1] + toss)
    if c.prop is None:
        gear["stove"] = (pot[0], top, 0.0)
    return held(c, "pot" if c.variant == "stir" else "pan", centre, math.pi / 2, ("far",), j,
                 3 * period, Face(smile=0.3), gear=gear)


def _flip(c: Cue, j: HumanoidJoints, pan: Point, top: float) -> Act:
    """Tossing a pancake: a flick of the pan sends it up, it turns over once in the air and
    drops back into the pan, every two seconds."""
    s, b = c.size, c.body
    period, start, air = 2.0, 0.3, 0.45  # seconds; the toss leaves at ``start`` of the cycle
    u = c.t % period
    flick = pulse(u, period, start / period + 0.02, 0.05)  # the pan jerks up and back
    k = (u - start) / air
    rise = 4.0 * FLIP_HEIGHT * s * k * (1.0 - k) if 0.0 <= k < 1.0 else 0.0
    turn = 2.0 * math.pi * ease(k) if 0.0 <= k < 1.0 else 0.0
    centre = (pan[0], pan[1] + 0.05 * s * flick)
    handle = (centre[0] - 0.14 * s, centre[1] + 0.01 * s)
    arm_to(j, "far", handle, s, b)
    arm_to(j, "near", (handle[0] + 0.03 * s, handle[1] - 0.01 * s), s, b)
    j.head = -0.3 + 0.5 * min(rise / (FLIP_HEIGHT * s), 1.0)  # eyes follow it up
    gear: Gear = {"pancake": (centre[0], centre[1] + 0.03 * s + rise, turn)}
    if c.prop is None:
        gear["stove"] = (pan[0], top, 0.0)
    return held(c, "pan", centre, math.pi / 2, ("far", "near"), j, period,
                Face(smile=0.5 + 0.3 * min(rise / (FLIP_HEIGHT * s), 1.0)), gear=gear)


FLIP_HEIGHT = 0.22  # how high a tossed pancake rises above the pan, per cook's height


def eat(c: Cue) -> Act:
    """Bringing food to the mouth, biting, chewing; a slice in both hands; a spoon and bowl."""
    s, b = c.size, c.body
    period = 2.4
    j = standing(c.t, c.phase, period)
    j.head = -0.05
    m = mouth(s, j, b)
    sh = shoulder(s, j, b)
    up = ease((c.t % period) / 0.5) - ease((c.t % period - 1.0) / 0.5)
    chew = abs(osc(c.t, 0.4)) * (1.0 - up) if (c.t % period) > 0.9 else 0.0
    low = (sh[0] + 0.2 * s, sh[1] - 0.25 * s)
    at_mouth = (m[0] + 0.05 * s, m[1] - 0.01 * s)
    food = (low[0] + (at_mouth[0] - low[0]) * up, low[1] + (at_mouth[1] - low[1]) * up)
    face = Face(mouth=0.45 * up * (1 - up) * 4 * 0.5 + 0.25 * chew, smile=0.4, squint=0.2 * up)
    if c.variant == "spoon":
        bowl = (sh[0] + 0.22 * s, sh[1] - 0.3 * s)
        arm_to(j, "far", (bowl[0] - 0.03 * s, bowl[1]), s, b)
        spoon = (bowl[0] + (at_mouth[0] - bowl[0]) * up, bowl[1] + 0.05 * s + (
            at_mouth[1] - bowl[1]) * up)
        arm_to(j, "near", (spoon[0] - 0.05 * s, spoon[1] - 0.02 * s), s, b)
        hx, hy = hand_at(j, "near", s, b)
        return held(c, "bowl", bowl, math.pi / 2, ("far",), j, period, face,
                     gear={"spoon": (hx, hy, -1.2)})
    w = c.prop.w if c.prop is not None else 0.08 * s
    arm_to(j, "near", (food[0] - 0.3 * w, food[1] - 0.2 * w), s, b)
    hands: tuple[str, ...] = ("near",)
    if c.variant == "slice":
        arm_to(j, "far", (food[0] - 0.2 * w, food[1] - 0.3 * w), s, b)
        hands = ("near", "far")
    return held(c, "slice" if c.variant == "slice" else "food", food, math.pi / 2, hands, j,
                 period, face)


def drink(c: Cue) -> Act:
    """Raising a cup to the lips, tipping it and the head back, lowering it again."""
    s, b = c.size, c.body
    period = 3.2
    u = c.t % period
    up = ease(u / 0.6) - ease((u - 2.0) / 0.6)
    tip = ease((u - 0.6) / 0.4) - ease((u - 1.6) / 0.4)
    j = standing(c.t, c.phase, period)
    j.head = 0.35 * tip
    m = mouth(s, j, b)
    sh = shoulder(s, j, b)
    h = c.prop.h if c.prop is not None else 0.1 * s
    low = (sh[0] + 0.18 * s, sh[1] - 0.28 * s)
    lip = (m[0] + 0.02 * s + 0.3 * h * math.sin(1.2 * tip), m[1] - 0.35 * h)
    cup = (low[0] + (lip[0] - low[0]) * up, low[1] + (lip[1] - low[1]) * up)
    axis = -1.3 * tip  # the rim tips towards the mouth
    arm_to(j, "near", (cup[0] - 0.02 * s, cup[1] - 0.1 * h), s, b)
    return held(c, "cup", cup, axis, ("near",), j, period, Face(squint=0.5 * tip))
