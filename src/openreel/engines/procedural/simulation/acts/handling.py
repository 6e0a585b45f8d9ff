"""Acts on a thing: grabbing, pushing, pulling, carrying and lifting it."""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.act import (
    TAU,
    Act,
    Cue,
    Face,
    blend,
    ease,
    floor,
    pulse,
    standing,
)
from openreel.engines.procedural.simulation.poses import HumanoidJoints
from openreel.engines.procedural.simulation.reach import arm_to, hand_at, shoulder

Gear = dict[str, tuple[float, float, float]]


def _size(c: Cue, default: float) -> tuple[float, float]:
    """Width and height of the handled thing (a mimed one is ``default`` × size square)."""
    if c.prop is not None:
        return c.prop.w, c.prop.h
    return default * c.size, default * c.size


def _walking(c: Cue, speed: float, stride: float = 1.0) -> tuple[HumanoidJoints, float]:
    """Walking legs for a steady ``speed`` (negative: backwards); returns the joints and
    the cycle length."""
    rate = gaits.phase_rate(speed, c.size * stride, gaits.WALK)
    phase = math.copysign(rate, speed) * c.t
    return gaits.walk(phase, c.size * stride, c.body.leg / stride), TAU / rate


def grab(c: Cue) -> Act:
    """Reach down, pick the thing up, hold it up to look at it, put it back, straighten."""
    s, b = c.size, c.body
    period = 3.6
    u = (c.t / period) % 1.0
    down = ease(u / 0.18) - ease((u - 0.78) / 0.16)  # bending for the thing, and to put it back
    up = ease((u - 0.22) / 0.2) - ease((u - 0.55) / 0.2)
    crouched = HumanoidJoints(lean=-0.75, head=0.45, hip_near=0.9, knee_near=1.3, hip_far=0.75,
                              knee_far=1.2, shoulder_far=-0.3, elbow_far=0.5)
    j = blend(standing(c.t, c.phase, period), crouched, down)
    h = _size(c, 0.12)[1]
    fy = floor(j, c)
    rest = (0.38 * s, fy + 0.5 * h)
    sh = shoulder(s, j, b)
    raised = (sh[0] + 0.3 * s, sh[1] + 0.05 * s)
    held = 0.18 < u < 0.86
    target = rest if not held else (rest[0] + (raised[0] - rest[0]) * up,
                                    rest[1] + (raised[1] - rest[1]) * up)
    if held or down > 0.05:
        arm_to(j, "near", target, s, b)
    j.head += 0.35 * up
    hx, hy = hand_at(j, "near", s, b)
    grip = (hx, hy, 0.0) if held else (rest[0], rest[1], 0.0)
    gear: Gear = {} if c.prop is not None else {"box": grip}
    return Act(j, grip=grip if c.prop is not None else None, gear=gear, period=period,
               holding=("near",) if held else ())


def push(c: Cue) -> Act:
    """Leaning into it with both arms straight out, walking it along the floor."""
    s, b = c.size, c.body
    speed = 0.75 * (s / 1.75) ** 0.5
    j, period = _walking(c, speed, 1.1)
    w, h = _size(c, 0.55)
    j.lean, j.head = -0.45, 0.4
    hx, hy, fy = _grip_low(j, c, 0.3, min(0.55 * s, 0.9 * h))
    arm_to(j, "far", (hx - 0.01 * s, hy + 0.01 * s), s, b)
    # the thing sits where the hands meet its near face, on the floor
    cx, cy = hx + 0.5 * w - 0.02 * s, fy + 0.5 * h
    gear: Gear = {} if c.prop is not None else {"cart": (cx, cy, 0.0)}
    return Act(j, speed=speed, grip=(cx, cy, 0.0) if c.prop else None, gear=gear,
               period=period, holding=("near", "far"))


def pull(c: Cue) -> Act:
    """Facing it, leaning back, arms out gripping it, stepping backwards and hauling it;
    or, standing still, bending a bar held out in both hands."""
    if c.variant == "bend":
        return _bend(c)
    if c.variant == "kite":
        return _kite(c)
    if c.variant == "fishing":
        return _fishing(c)
    s, b = c.size, c.body
    speed = 0.6 * (s / 1.75) ** 0.5
    j, period = _walking(c, -speed)
    w, h = _size(c, 0.4)
    j.lean, j.head = 0.28, -0.15
    hx, hy, fy = _grip_low(j, c, 0.32, min(0.5 * s, 0.9 * h))
    arm_to(j, "far", (hx - 0.01 * s, hy), s, b)
    cx, cy = hx + 0.5 * w - 0.02 * s, fy + 0.5 * h
    gear: Gear = {} if c.prop is not None else {"wagon": (cx, cy, 0.0)}
    return Act(j, speed=-speed, grip=(cx, cy, 0.0) if c.prop else None, gear=gear,
               period=period, holding=("near", "far"), face=_effort(0.6))


# Where a flown kite rides, from the hand on its line, in figure heights (ahead, up), and
# how it bobs in the wind: the line (gear "kite_line") is drawn to the same point.
KITE_AHEAD, KITE_UP, KITE_BOB_PERIOD = 0.6, 1.25, 3.2


def kite_bob(t: float) -> float:
    """The kite's rise and fall on the wind, -1 … 1."""
    return math.sin(TAU * t / KITE_BOB_PERIOD)


def _kite(c: Cue) -> Act:
    """Flying a kite: standing with the line held up and out in both hands, head back to
    watch it, tugging the line now and then; the kite rides high ahead on the wind."""
    s, b = c.size, c.body
    tug = pulse(c.t, KITE_BOB_PERIOD, 0.5, 0.2)
    j = standing(c.t, c.phase, KITE_BOB_PERIOD)
    j.lean, j.head = -0.06 - 0.05 * tug, 0.45
    sh = shoulder(s, j, b)
    hand = (sh[0] + 0.3 * s, sh[1] + 0.12 * s - 0.06 * s * tug)
    arm_to(j, "near", hand, s, b)
    arm_to(j, "far", (hand[0] - 0.05 * s, hand[1] - 0.06 * s), s, b)
    bob = kite_bob(c.t)
    kite = (hand[0] + KITE_AHEAD * s, hand[1] + (KITE_UP + 0.08 * bob) * s, 0.12 * bob)
    return Act(j, grip=kite, gear={"kite_line": (hand[0], hand[1], 0.0)},
               period=KITE_BOB_PERIOD, holding=("near", "far"), face=Face(smile=0.6))


FISHING_PERIOD = 5.0  # seconds between bites: the float dips, the rod is struck up


def fishing_strike(t: float) -> float:
    """How far the rod is struck up after a bite, 0 … 1 (late in each period)."""
    return pulse(t, FISHING_PERIOD, 0.78, 0.1)


def _fishing(c: Cue) -> Act:
    """Fishing from the bank: standing with the rod held in both hands at the waist, its
    tip out over the water, the line down to a float; now and then a bite, and the rod is
    struck up (gear "fishing_rod" draws rod, line and float from the hands)."""
    s, b = c.size, c.body
    strike = fishing_strike(c.t)
    j = standing(c.t, c.phase, FISHING_PERIOD)
    j.lean, j.head = -0.04 - 0.06 * strike, -0.12 + 0.1 * strike
    sh = shoulder(s, j, b)
    hand = (sh[0] + 0.2 * s, sh[1] - 0.22 * s + 0.05 * s * strike)
    arm_to(j, "near", hand, s, b)
    arm_to(j, "far", (hand[0] - 0.07 * s, hand[1] - 0.04 * s), s, b)
    return Act(j, gear={"fishing_rod": (hand[0], hand[1], 0.0)}, period=FISHING_PERIOD,
               holding=("near", "far"), face=Face(squint=0.2 + 0.5 * strike))


def _bend(c: Cue) -> Act:
    """A bar held out level at chest height, a hand at each end, straining them down and
    in towards each other: the bar bends between the fists."""
    s, b = c.size, c.body
    period = 2.0
    strain = pulse(c.t, period, 0.35, 0.35)
    j = standing(c.t, c.phase, period)
    j.lean, j.head = -0.05 - 0.05 * strain, -0.2
    j.knee_near = j.knee_far = 0.15 + 0.1 * strain
    sh = shoulder(s, j, b)
    w, h = _size(c, 0.5)
    centre = (sh[0] + 0.3 * s, sh[1] - 0.12 * s)
    for side, end in (("near", 0.42), ("far", -0.42)):
        arm_to(j, side, (centre[0] + end * w * (1 - 0.08 * strain),
                         centre[1] + 0.3 * h - 0.04 * s * strain), s, b)
    gear: Gear = {} if c.prop is not None else {"bar": (centre[0], centre[1], 0.0)}
    return Act(j, grip=(centre[0], centre[1], 0.0) if c.prop else None, gear=gear,
               period=period, holding=("near", "far"), face=_effort(0.4 + 0.6 * strain))


def _grip_low(j: HumanoidJoints, c: Cue, ahead: float,
              height: float) -> tuple[float, float, float]:
    """Reach the near hand ``ahead`` × size forward to ``height`` above the floor, bending
    the knees as deep as it takes; returns the hand's x, y and the floor's height."""
    s, b = c.size, c.body
    knees = (j.hip_near, j.knee_near, j.hip_far, j.knee_far)
    for bend in (0.0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1):
        j.hip_near, j.knee_near = knees[0] + 0.5 * bend, knees[1] + bend
        j.hip_far, j.knee_far = knees[2] + 0.5 * bend, knees[3] + bend
        fy = floor(j, c)
        sh = shoulder(s, j, b)
        arm_to(j, "near", (sh[0] + ahead * s, fy + height), s, b)
        hx, hy = hand_at(j, "near", s, b)
        if hy <= fy + height + 0.02 * s:
            break
    return hx, hy, fy


def carry(c: Cue) -> Act:
    """Walking with it held in both arms in front, or up on one shoulder."""
    s, b = c.size, c.body
    speed = 1.0 * (s / 1.75) ** 0.5
    j, period = _walking(c, speed)
    j.lean = -0.02
    w, h = _size(c, 0.32)
    sh = shoulder(s, j, b)
    if c.variant == "shoulder":
        angle = 0.0 if w >= h else math.pi / 2
        cx, cy = sh[0] + 0.02 * s, sh[1] + 0.06 * s + 0.5 * min(w, h)
        arm_to(j, "near", (sh[0] + 0.1 * s, cy - 0.2 * min(w, h)), s, b)
        hands: tuple[str, ...] = ("near",)
    else:
        angle = 0.0
        cx, cy = sh[0] + 0.14 * s + 0.5 * min(w, 0.5 * s), sh[1] - 0.2 * s
        arm_to(j, "near", (cx - 0.25 * w, cy - 0.3 * h), s, b)
        arm_to(j, "far", (cx - 0.3 * w, cy - 0.25 * h), s, b)
        hands = ("near", "far")
    gear: Gear = {} if c.prop is not None else {"box": (cx, cy, angle)}
    return Act(j, speed=speed, grip=(cx, cy, angle) if c.prop else None, gear=gear,
               period=period, holding=hands)


def lift(c: Cue) -> Act:
    """Squat, grip, stand up with it, press it overhead, bring it down again."""
    s, b = c.size, c.body
    period = 4.0
    u = (c.t / period) % 1.0
    squat = 1.0 - ease(u / 0.25) + ease((u - 0.8) / 0.2)
    press = ease((u - 0.35) / 0.15) - ease((u - 0.6) / 0.15)
    j = HumanoidJoints(lean=-0.55 * squat, head=0.35 * squat, hip_near=1.15 * squat + 0.1,
                       knee_near=1.9 * squat + 0.05, hip_far=1.1 * squat - 0.1,
                       knee_far=1.85 * squat + 0.05)
    h = _size(c, 0.5 if c.variant == "barbell" else 0.3)[1]
    fy = floor(j, c)
    sh = shoulder(s, j, b)
    low = (0.2 * s, fy + 0.5 * h)
    chest = (sh[0] + 0.12 * s, sh[1] - 0.05 * s)
    high = (sh[0] + 0.02 * s, sh[1] + 0.36 * s)
    up = 1.0 - squat
    x = low[0] + (chest[0] - low[0]) * up + (high[0] - chest[0]) * press
    y = low[1] + (chest[1] - low[1]) * up + (high[1] - chest[1]) * press
    arm_to(j, "near", (x, y), s, b)
    arm_to(j, "far", (x - 0.01 * s, y), s, b)
    hx, hy = hand_at(j, "near", s, b)
    name = "barbell" if c.variant == "barbell" else "box"
    gear: Gear = {} if c.prop is not None else {name: (hx, hy, 0.0)}
    return Act(j, grip=(hx, hy, 0.0) if c.prop else None, gear=gear, period=period,
               holding=("near", "far"), face=_effort(press))


def _effort(k: float) -> Face:
    return Face(mouth=0.15 * k, smile=-0.4 * k, squint=0.5 * k)
