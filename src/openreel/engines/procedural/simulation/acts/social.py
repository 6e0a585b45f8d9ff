"""Acts with feeling or with someone: fights, hugs, kisses, handshakes, claps, cheers,
laughter and tears."""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation.act import (
    Act,
    Cue,
    Face,
    ease,
    loop,
    osc,
    pulse,
    standing,
)
from openreel.engines.procedural.simulation.acts.tasks import upright
from openreel.engines.procedural.simulation.poses import HumanoidJoints
from openreel.engines.procedural.simulation.reach import arm_to, hand_at, lowest, mouth, shoulder

Gear = dict[str, tuple[float, float, float]]


def _gap(c: Cue, default: float) -> float:
    return c.partner_gap if c.partner_gap > 0 else default * c.size


def _tilt(c: Cue) -> float:
    """Head tilt towards a taller (up) or shorter (down) partner's face."""
    return max(-0.45, min(0.45, 2.0 * c.partner_rise / c.size))


def hug(c: Cue) -> Act:
    """Arms round the other's back, cheek to cheek, swaying together, eyes closed."""
    s, b = c.size, c.body
    gap = _gap(c, 0.2)
    sway = osc(c.t, 2.6)
    j = standing(c.t, c.phase, 2.6)
    j.lean, j.head = -0.1 + 0.03 * sway, 0.1 + _tilt(c)
    low = c.partner_rise < -0.3 * s  # a small child or a dog: kneel down to them
    if low:
        j = HumanoidJoints(lean=-0.25 + 0.03 * sway, head=0.2, hip_near=1.6, knee_near=2.3,
                           hip_far=0.1, knee_far=1.6)
    sh = shoulder(s, j, b)
    # round the other's back at their height (a chest sits at 0.75 of one's height)
    back = sh[1] + 0.6 * c.partner_rise if not low else (
        lowest(j, s, b) + 0.6 * (s + c.partner_rise / 0.75))
    arm_to(j, "near", (gap + 0.1 * s, back - 0.1 * s + 0.02 * s * sway), s, b)
    arm_to(j, "far", (gap + 0.09 * s, back - 0.02 * s), s, b)
    return Act(j, face=Face(smile=0.9, squint=0.85), period=2.6,
               support="lowest" if low else "feet")


def kiss(c: Cue) -> Act:
    """Leaning in, eyes closed, a hand on the other's arm."""
    s, b = c.size, c.body
    gap = _gap(c, 0.3)
    k = ease(c.t / 0.8)
    j = standing(c.t, c.phase, 3.6)
    # the taller one bends down to the other, who tips the face up
    j.lean, j.head = (-0.16 + 0.3 * min(0.0, c.partner_rise) / s) * k, (0.12 + _tilt(c)) * k
    sh = shoulder(s, j, b)
    arm_to(j, "near", (0.5 * gap + 0.04 * s, sh[1] - 0.1 * s), s, b)
    arm_to(j, "far", (0.5 * gap + 0.02 * s, sh[1] - 0.14 * s), s, b)
    return Act(j, face=Face(smile=0.5, squint=k, mouth=0.05), period=0.0)


def shake_hands(c: Cue) -> Act:
    """Near hands meeting half-way and pumping up and down, smiling."""
    s, b = c.size, c.body
    gap = _gap(c, 0.5)
    j = standing(c.t, c.phase, 3.0)
    j.lean, j.head = -0.04, 0.02
    pump = osc(c.t, 0.5) * (1.0 - ease((c.t % 3.0 - 1.8) / 0.4))
    # both reach for the height half-way between their two hands
    meet = -0.06 * s + 0.5 * c.partner_rise
    arm_to(j, "near", (0.5 * gap, meet + 0.035 * s * pump), s, b)
    return Act(j, face=Face(smile=0.8), period=3.0, holding=("near",))


def fight(c: Cue) -> Act:
    """Boxing (jab and cross at the other's head), sword play, or wrestling."""
    if c.variant == "sword":
        return _swords(c)
    if c.variant == "wrestle":
        return _wrestle(c)
    s, b = c.size, c.body
    gap = _gap(c, 0.56)
    period = 1.4
    t = c.t + (0.0 if c.lead else 0.5 * period)  # partners take turns
    bob = osc(t, 0.5)
    jab = pulse(t, period, 0.2, 0.12)
    cross = pulse(t, period, 0.55, 0.12)
    dodge = pulse(t, period, 0.7, 0.16) + pulse(t, period, 0.35, 0.16)
    j = HumanoidJoints(lean=-0.12 + 0.12 * dodge, head=0.1, hip_near=0.35, knee_near=0.35,
                       hip_far=-0.25, knee_far=0.25)
    sh = shoulder(s, j, b)
    guard = (sh[0] + 0.12 * s, sh[1] + 0.02 * s)
    strike = (gap - 0.1 * s, sh[1] + 0.06 * s)
    for side, k in (("near", jab), ("far", cross)):
        arm_to(j, side, (guard[0] + (strike[0] - guard[0]) * k,
                         guard[1] + (strike[1] - guard[1]) * k), s, b)
    gear: Gear = {}
    for side in ("near", "far"):
        hx, hy = hand_at(j, side, s, b)
        gear[f"glove_{side}"] = (hx, hy, 0.0)
    return Act(j, lift=0.015 * s * (1 + bob), gear=gear, period=period,
               face=Face(smile=-0.3, mouth=0.1 * jab))


def _swords(c: Cue) -> Act:
    s, b = c.size, c.body
    gap = _gap(c, 0.75)
    period = 1.6
    t = c.t + (0.0 if c.lead else 0.5 * period)
    strike = pulse(t, period, 0.25, 0.2) + 0.6 * pulse(t, period, 0.75, 0.2)
    j = HumanoidJoints(lean=-0.15 * strike, head=0.1, hip_near=0.45, knee_near=0.4 + 0.3 * strike,
                       hip_far=-0.3, knee_far=0.2, shoulder_far=-0.6, elbow_far=1.2)
    sh = shoulder(s, j, b)
    raised = (sh[0] + 0.05 * s, sh[1] + 0.22 * s)
    lunge = (sh[0] + 0.34 * s, sh[1] + 0.02 * s)
    hand = (raised[0] + (lunge[0] - raised[0]) * strike, raised[1] + (lunge[1] - raised[1]) *
            strike)
    arm_to(j, "near", hand, s, b)
    # the blade points up and back when raised, towards the other when striking
    blade = -0.6 + 1.9 * strike
    hx, hy = hand_at(j, "near", s, b)
    length = 0.5 * s if c.prop is None else max(c.prop.w, c.prop.h)
    cx, cy = hx + math.sin(blade) * 0.4 * length, hy + math.cos(blade) * 0.4 * length
    del gap
    gear: Gear = {} if c.prop is not None else {"sword": (cx, cy, -blade)}
    grip = (cx, cy, upright(c, blade)) if c.prop is not None else None
    return Act(j, dx=0.1 * s * strike, grip=grip,
               gear=gear, period=period, holding=("near",), face=Face(smile=-0.2))


def _wrestle(c: Cue) -> Act:
    s, b = c.size, c.body
    gap = _gap(c, 0.3)
    push = osc(c.t, 1.8, 0.0 if c.lead else math.pi)
    j = HumanoidJoints(lean=-0.55 - 0.08 * push, head=0.5, hip_near=0.6, knee_near=0.7,
                       hip_far=-0.2, knee_far=0.4)
    sh = shoulder(s, j, b)
    arm_to(j, "near", (gap - 0.05 * s, sh[1] + 0.02 * s), s, b)
    arm_to(j, "far", (gap - 0.08 * s, sh[1] - 0.05 * s), s, b)
    return Act(j, dx=0.04 * s * push, period=1.8, face=Face(smile=-0.5, squint=0.4))


def clap(c: Cue) -> Act:
    """Hands meeting in front of the chest three times a second, smiling."""
    s, b = c.size, c.body
    period = 1.0 / 2.8
    j = standing(c.t, c.phase, period)
    sh = shoulder(s, j, b)
    open_ = abs(osc(c.t, 2 * period))
    x0, y0 = sh[0] + 0.2 * s, sh[1] - 0.12 * s
    arm_to(j, "near", (x0 + 0.05 * s * open_, y0 + 0.01 * s * open_), s, b)
    arm_to(j, "far", (x0 - 0.05 * s * open_, y0), s, b)
    # a little burst of lines where the palms meet, as cartoons show a clap
    gear: Gear = {"clap": (x0, y0 + 0.02 * s, 0.0)} if open_ < 0.35 else {}
    return Act(j, face=Face(smile=0.9, mouth=0.25), period=loop(period), gear=gear)


def cheer(c: Cue) -> Act:
    """Arms up in a V, fists pumping, hopping, mouth open in a shout."""
    s = c.size
    period = 1.2
    u = (c.t / period) % 1.0
    hop = math.sin(math.pi * u / 0.4) if u < 0.4 else 0.0
    pump = osc(c.t, 0.6)
    j = standing(c.t, c.phase, period)
    j.lean, j.head = 0.08, 0.25
    j.shoulder_near, j.elbow_near = 2.7 + 0.15 * pump, 0.3 + 0.3 * pump
    j.shoulder_far, j.elbow_far = 2.5 - 0.15 * pump, 0.3 - 0.2 * pump
    j.knee_near = j.knee_far = 0.25 * (1 - hop)
    gear: Gear = {}
    if c.variant == "pompoms":
        for side in ("near", "far"):
            hx, hy = hand_at(j, side, s, c.body)
            gear[f"pompom_{side}"] = (hx, hy, 0.0)
    return Act(j, lift=0.1 * s * hop, gear=gear, period=period,
               face=Face(smile=1.0, mouth=0.55 + 0.25 * pump, squint=0.3))


def laugh(c: Cue) -> Act:
    """Head thrown back, shoulders shaking, a hand on the belly, mouth wide."""
    s, b = c.size, c.body
    shake = osc(c.t, 0.22)
    swell = 0.5 + 0.5 * osc(c.t, 2.2)
    j = standing(c.t, c.phase, 2.2)
    j.lean, j.head = 0.12 + 0.04 * shake * swell + 0.06 * swell, 0.3 + 0.06 * shake
    arm_to(j, "near", (0.13 * s, -0.06 * s + 0.01 * s * shake), s, b)
    j.shoulder_far, j.elbow_far = 0.2 + 0.1 * shake, 1.3
    return Act(j, period=2.2, face=Face(smile=1.0, mouth=0.45 + 0.35 * abs(shake) * swell,
                                        squint=0.85))


def cry(c: Cue) -> Act:
    """Head bowed, hands at the eyes, shoulders heaving with sobs, tears running."""
    s, b = c.size, c.body
    sob = pulse(c.t, 1.1, 0.3, 0.18)
    j = standing(c.t, c.phase, 1.1)
    j.lean, j.head = -0.12 - 0.05 * sob, -0.35
    eye = mouth(s, j, b)
    eye = (eye[0] + 0.02 * s, eye[1] + 0.07 * s)
    arm_to(j, "near", eye, s, b)
    arm_to(j, "far", (eye[0] - 0.02 * s, eye[1] - 0.01 * s), s, b)
    return Act(j, period=1.1, face=Face(smile=-0.9, tears=1.0, mouth=0.2 + 0.2 * sob,
                                        squint=0.7))


def wave_hello(c: Cue) -> Act:
    """The near arm up, the hand waving side to side, smiling."""
    period = 1 / 2.2
    j = standing(c.t, c.phase, period)
    j.shoulder_near = 2.7 * ease(c.t / 0.4)
    j.elbow_near = (0.3 + 0.55 * osc(c.t, period)) * ease(c.t / 0.4)
    j.head = 0.06
    return Act(j, face=Face(smile=0.8, mouth=0.1), period=loop(period))

