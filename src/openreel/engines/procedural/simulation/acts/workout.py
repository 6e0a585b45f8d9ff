"""Acts of the whole body: stretching, exercise, dances, sitting and sleeping."""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.act import (
    TAU,
    Act,
    Cue,
    Face,
    ease,
    floor,
    osc,
    pulse,
    standing,
)
from openreel.engines.procedural.simulation.acts.tasks import Gear
from openreel.engines.procedural.simulation.poses import HumanoidJoints
from openreel.engines.procedural.simulation.reach import (
    arm_to,
    foot_at,
    hand_at,
    hip,
    leg_to,
    shoulder,
)

STITCH = 0.55  # seconds a knitted stitch takes
TREADMILL_DECK = 0.24  # height of a treadmill's belt per the height of its artwork


def stretch(c: Cue) -> Act:
    """A leg stretch, a back bend, a yoga tree pose, or slow tai chi."""
    s, b = c.size, c.body
    v = c.variant
    if v == "tai_chi":
        period = 8.0
        a = TAU * c.t / period
        shift = math.sin(a)
        j = HumanoidJoints(lean=0.02, head=0.05, hip_near=0.45 + 0.1 * shift, knee_near=0.55,
                           hip_far=-0.35 + 0.1 * shift, knee_far=0.45)
        sh = shoulder(s, j, b)
        arm_to(j, "near", (sh[0] + 0.25 * s + 0.08 * s * math.cos(a),
                           sh[1] - 0.1 * s + 0.12 * s * math.sin(a)), s, b)
        arm_to(j, "far", (sh[0] + 0.16 * s - 0.08 * s * math.cos(a),
                          sh[1] - 0.2 * s - 0.1 * s * math.sin(a)), s, b)
        return Act(j, dx=0.04 * s * shift, period=period, face=Face(squint=0.5, smile=0.2))
    if v == "back":
        period = 5.0
        k = ease(osc(c.t, period) * 0.5 + 0.5)
        j = HumanoidJoints(lean=0.1 + 0.55 * k, head=0.3 * k, hip_near=-0.15 * k,
                           knee_near=0.15 * k + 0.05, hip_far=-0.2 * k, knee_far=0.2 * k,
                           shoulder_near=2.9, elbow_near=0.1, shoulder_far=2.8, elbow_far=0.1)
        return Act(j, dx=0.06 * s * k, period=period, face=Face(squint=0.5 * k))
    if v == "yoga":
        period = 4.0
        breathe = osc(c.t, period)
        j = HumanoidJoints(lean=0.0, head=0.05, hip_near=0.0, knee_near=0.0)
        knee = foot_at(j, "near", s, b)
        leg_to(j, "far", (knee[0] + 0.03 * s, knee[1] + b.shin * s * 0.95), s, b)
        j.hip_far, j.knee_far = 0.9, 2.4
        j.shoulder_near = j.shoulder_far = 3.0 + 0.05 * breathe
        j.elbow_near = j.elbow_far = 0.15
        gear: Gear = {"mat": (0.0, floor(j, c), 0.0)}
        return Act(j, gear=gear, period=period, face=Face(squint=0.9, smile=0.3))
    period = 4.0
    k = 0.7 + 0.3 * osc(c.t, period)  # breathing into the stretch and easing off
    j = HumanoidJoints(lean=-0.75 - 0.5 * k, head=0.65, hip_near=0.75, knee_near=0.0,
                       hip_far=-0.2, knee_far=0.75)
    toe = foot_at(j, "near", s, b)
    for side, d in (("near", 0.02), ("far", -0.02)):
        arm_to(j, side, (toe[0] - 0.03 * s + d * s, toe[1] + 0.06 * s + 0.16 * s * (1 - k)),
               s, b)
    return Act(j, period=period, face=Face(squint=0.4))


def exercise(c: Cue) -> Act:
    """Squats, push-ups, aerobics, hula hooping, a treadmill run or dumbbell curls."""
    s, b = c.size, c.body
    v = c.variant
    if v == "pushup":
        return _pushup(c)
    if v == "hoop":
        period = 0.55
        a = TAU * c.t / period
        j = standing(c.t, c.phase, period)
        j.lean = 0.04 * math.sin(a)
        j.knee_near = j.knee_far = 0.15
        j.shoulder_near, j.elbow_near, j.shoulder_far, j.elbow_far = 2.4, 0.5, 2.3, 0.5
        hp = hip(s, j, b)
        ring = (hp[0] + 0.03 * s * math.cos(a), hp[1] + 0.08 * s, 0.12 * math.sin(a))
        if c.prop is not None:  # the hoop itself, spinning round the waist
            return Act(j, dx=0.03 * s * math.cos(a), period=period, face=Face(smile=0.8),
                       grip=ring)
        return Act(j, dx=0.03 * s * math.cos(a), period=period, face=Face(smile=0.8),
                   gear={"hoop": (ring[0], ring[1], 0.0)})
    if v == "aerobics":
        period = 1.0
        u = c.t / period
        near_up = pulse(c.t, period, 0.25, 0.25)
        far_up = pulse(c.t, period, 0.75, 0.25)
        j = HumanoidJoints(lean=0.0, head=0.1, hip_near=1.3 * near_up, knee_near=1.6 * near_up,
                           hip_far=1.3 * far_up, knee_far=1.6 * far_up,
                           shoulder_near=0.6 + 2.3 * far_up, elbow_near=0.2,
                           shoulder_far=0.6 + 2.3 * near_up, elbow_far=0.2)
        hop = 0.03 * s * abs(math.sin(TAU * u))
        return Act(j, lift=hop, period=period, face=Face(smile=0.9, mouth=0.2))
    if v == "treadmill":
        rate = gaits.phase_rate(3.0, s, gaits.RUN)
        j = gaits.run(rate * c.t, s)
        if c.prop is not None and c.prop.use == "station":  # on the deck of a real one
            return Act(j, lift=0.08 * s + TREADMILL_DECK * c.prop.h, period=TAU / rate,
                       face=Face(mouth=0.2, squint=0.2))
        return Act(j, lift=0.08 * s, period=TAU / rate, gear={"treadmill": (0.0, floor(
            j, c) - 0.0, 0.0)}, face=Face(mouth=0.2, squint=0.2))
    if v == "weights":
        period = 1.6
        curl = 0.5 + 0.5 * osc(c.t, period)
        j = standing(c.t, c.phase, period)
        j.shoulder_near, j.elbow_near = 0.15, 0.2 + 2.0 * curl
        j.shoulder_far, j.elbow_far = 0.1, 0.2 + 2.0 * (1 - curl)
        gear: Gear = {f"dumbbell_{side}": (*hand_at(j, side, s, b), 0.0)
                      for side in ("near", "far")}
        return Act(j, gear=gear, period=period, face=Face(smile=-0.2, squint=0.4 * curl))
    period = 2.2
    k = ease(0.5 - 0.5 * math.cos(TAU * c.t / period))
    j = HumanoidJoints(lean=-0.5 * k, head=0.4 * k, hip_near=1.35 * k + 0.05,
                       knee_near=2.1 * k + 0.05, hip_far=1.3 * k - 0.05, knee_far=2.05 * k + 0.05,
                       shoulder_near=1.55, elbow_near=0.05, shoulder_far=1.5, elbow_far=0.05)
    j.shoulder_near -= j.lean
    j.shoulder_far -= j.lean
    return Act(j, period=period, face=Face(smile=-0.1 * k, squint=0.3 * k))


def _pushup(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 1.8
    k = 0.5 + 0.5 * math.cos(TAU * c.t / period)  # 1 up … 0 down
    tilt = 0.1 + 0.22 * k  # how far the straight body rises from the floor
    lean = -(math.pi / 2 - tilt)
    j = HumanoidJoints(lean=lean, head=0.45, hip_near=lean, knee_near=0.0, hip_far=lean,
                       knee_far=0.0)
    toe = foot_at(j, "near", s, b)
    sh = shoulder(s, j, b)
    for side, d in (("near", 0.01), ("far", -0.01)):
        arm_to(j, side, (sh[0] + d * s, toe[1]), s, b)
    return Act(j, support="lowest", period=period, face=Face(smile=-0.2, squint=0.5 * (1 - k)),
               gear={"mat": (0.5 * (toe[0] + sh[0]), toe[1], 0.0)})


def dance(c: Cue) -> Act:
    """A dance on the beat: pop, ballet, robot or cheerleading."""
    s = c.size
    v = c.variant
    if v == "ballet":
        period = 4.0
        u = (c.t / period) % 1.0
        arabesque = pulse(c.t, period, 0.3, 0.22)
        plie = pulse(c.t, period, 0.75, 0.18)
        port = osc(c.t, period)
        j = HumanoidJoints(lean=-0.35 * arabesque, head=0.25 + 0.2 * arabesque,
                           hip_near=0.02 + 0.5 * plie, knee_near=0.9 * plie,
                           hip_far=-1.5 * arabesque + 0.45 * plie, knee_far=0.9 * plie,
                           shoulder_near=2.9 - 1.3 * arabesque + 0.1 * port, elbow_near=0.5,
                           shoulder_far=2.9 - 2.4 * arabesque - 0.1 * port, elbow_far=0.5)
        del u
        return Act(j, lift=0.035 * s * (1 - plie), period=period,
                   face=Face(smile=0.5, squint=0.3))
    if v == "robot":
        period = 2.0
        step = math.floor(c.t / (period / 8)) % 8  # snapping from pose to pose
        poses = ((1.57, 1.57, 0.0, 1.57), (1.57, 0.0, 1.57, 1.57), (3.1, 0.0, 0.0, 0.0),
                 (0.0, 1.57, 1.57, 1.57), (1.57, 1.57, 1.57, 0.0), (0.0, 0.0, 3.1, 0.0),
                 (1.57, 1.57, 0.0, 1.57), (0.8, 1.57, 0.8, 1.57))
        sn, en, sf, ef = poses[step]
        j = HumanoidJoints(lean=0.0, head=0.15 * ((step % 3) - 1), hip_near=0.05,
                           knee_near=0.25 * (step % 2), hip_far=-0.05, knee_far=0.25 * (
                               1 - step % 2), shoulder_near=sn, elbow_near=en,
                           shoulder_far=sf, elbow_far=ef)
        return Act(j, period=period, face=Face(smile=0.1))
    if v == "cheer":
        act = _cheerleader(c)
        return act
    j, side, _ = gaits.dance(c.t, c.phase)
    return Act(j, dx=side * s, period=2.0, face=Face(smile=0.8, mouth=0.15))


def _cheerleader(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 2.0
    kick = pulse(c.t, period, 0.75, 0.15)
    jump = pulse(c.t, period, 0.25, 0.12)
    up = osc(c.t, 0.5)
    j = HumanoidJoints(lean=0.05, head=0.2, hip_near=2.0 * kick, knee_near=0.1,
                       hip_far=0.0, knee_far=0.1 + 0.6 * jump,
                       shoulder_near=2.4 + 0.4 * up, elbow_near=0.1,
                       shoulder_far=2.4 - 0.4 * up, elbow_far=0.1)
    gear: Gear = {f"pompom_{side}": (*hand_at(j, side, s, b), 0.0) for side in ("near", "far")}
    return Act(j, lift=0.18 * s * jump, period=period, gear=gear,
               face=Face(smile=1.0, mouth=0.5 * (0.5 + 0.5 * up)))


def sit(c: Cue) -> Act:
    """Sitting on the chair, sofa or bench it was given, else on the ground hugging the knees."""
    s, b = c.size, c.body
    breathe = osc(c.t, 3.6, c.phase)
    if c.variant == "knit":
        return _knit(c)
    if c.variant == "read":
        return _seated_read(c)
    if c.variant == "picnic":
        return _picnic(c)
    if c.prop is None:
        j = gaits.sit(0.0, 0.0)
        j.lean += 0.015 * breathe
        j.head += 0.04 * osc(c.t, 3.6, 2 * c.phase)
        return Act(j, support="lowest", period=3.6)
    j = HumanoidJoints(lean=0.05 + 0.015 * breathe, head=0.05, hip_near=1.55, knee_near=1.5,
                       hip_far=1.5, knee_far=1.45)
    hp = hip(s, j, b)
    arm_to(j, "near", (hp[0] + 0.2 * s, hp[1] + 0.05 * s), s, b)
    arm_to(j, "far", (hp[0] + 0.17 * s, hp[1] + 0.05 * s), s, b)
    return Act(j, support="seat", seat=c.prop.seat, period=3.6, face=Face(smile=0.2))


def _picnic(c: Cue) -> Act:
    """At a picnic: sitting on a checked blanket on the ground, now and then taking a bite
    of a sandwich (gear "picnic_blanket" under, "food" in the hand)."""
    s, b = c.size, c.body
    period = 4.0
    bite = pulse(c.t, period, 0.55 + 0.1 * math.sin(c.phase), 0.18)
    j = gaits.sit(0.0, 0.0)
    j.lean += 0.015 * osc(c.t, period, c.phase)
    j.head += 0.12 * bite
    sh = shoulder(s, j, b)
    rest = (sh[0] + 0.22 * s, sh[1] - 0.3 * s)
    mouth = (sh[0] + 0.1 * s, sh[1] + 0.13 * s)
    hand = (rest[0] + (mouth[0] - rest[0]) * bite, rest[1] + (mouth[1] - rest[1]) * bite)
    arm_to(j, "near", hand, s, b)
    fy = floor(j, c)
    return Act(j, support="lowest", period=period, holding=("near",),
               gear={"picnic_blanket": (0.15 * s, fy, 0.0), "food": (hand[0], hand[1], 0.0)},
               face=Face(smile=0.5 - 0.3 * bite))


def _knit(c: Cue) -> Act:
    """Knitting in a seat (the one given, else a stool): head bowed over the needles held
    before the lap, the hands working in turn, the ball of yarn at the feet."""
    s, b = c.size, c.body
    period = 6 * STITCH  # a breath every six stitches, so the whole loops
    breathe = osc(c.t, period, c.phase)
    j = HumanoidJoints(lean=-0.12 + 0.01 * breathe, head=-0.45, hip_near=1.5, knee_near=1.45,
                       hip_far=1.42, knee_far=1.35)
    hp = hip(s, j, b)
    centre = (hp[0] + 0.2 * s, hp[1] + 0.13 * s)
    # a stitch is a small loop of the working needle, about two a second, hands alternating
    for side, k in (("near", 0.0), ("far", 0.5)):
        a = TAU * (c.t / STITCH + k)
        arm_to(j, side, (centre[0] + (0.035 - 0.07 * k) * s + 0.012 * s * math.cos(a),
                         centre[1] + 0.012 * s * math.sin(a)), s, b)
    seat = c.prop.seat if c.prop is not None else 0.27 * s
    floor_y = hp[1] - seat  # the floor, in the figure's frame (its hips rest on the seat)
    gear: Gear = {"knitting": (centre[0], centre[1], 0.08 * osc(c.t, STITCH)),
                  "yarn": (hp[0] + 0.32 * s, floor_y + 0.045 * s, 0.0)}
    if c.prop is None:
        gear["stool"] = (*hp, 0.0)
    return Act(j, support="seat", seat=seat, gear=gear, period=period, face=Face(squint=0.3))


def _seated_read(c: Cue) -> Act:
    """Reading in a seat (the one given, else a stool): a book held open over the lap in
    both hands, head bowed, a page turned now and then."""
    s, b = c.size, c.body
    period = 6.0
    j = HumanoidJoints(lean=-0.05 + 0.01 * osc(c.t, period, c.phase), head=-0.4,
                       hip_near=1.5, knee_near=1.45, hip_far=1.42, knee_far=1.35)
    hp = hip(s, j, b)
    centre = (hp[0] + 0.22 * s, hp[1] + 0.2 * s)
    turn = pulse(c.t, period, 0.7, 0.1)
    arm_to(j, "near", (centre[0] + 0.05 * s - 0.05 * s * turn, centre[1] - 0.02 * s), s, b)
    arm_to(j, "far", (centre[0] - 0.05 * s, centre[1] - 0.02 * s), s, b)
    seat = c.prop.seat if c.prop is not None else 0.27 * s
    gear: Gear = {"book": (centre[0], centre[1], -0.35)}
    if c.prop is None:
        gear["stool"] = (*hp, 0.0)
    return Act(j, support="seat", seat=seat, gear=gear, period=period,
               face=Face(squint=0.35))


def sleep(c: Cue) -> Act:
    """Lying on the back on the ground (or on the seat of the bed or sofa it was given),
    breathing slowly."""
    s = c.size
    j = gaits.sleep(c.t)
    top = c.prop.seat if c.prop is not None else 0.0
    breathe = osc(c.t, 4.5)
    # in the body's own frame (it is laid down whole): a pillow behind the head, a blanket
    # over the legs and belly that rises and falls with each breath
    gear: Gear = {"pillow": (-0.13 * s, 0.33 * s, 0.0),
                  "blanket": (0.03 * s + 0.005 * s * breathe, -0.3 * s, 0.0)}
    return Act(j, support="root", seat=top + 0.11 * s, angle=math.pi / 2, period=4.5,
               face=Face(squint=1.0), gear=gear)
