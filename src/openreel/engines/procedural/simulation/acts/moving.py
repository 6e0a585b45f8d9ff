"""Acts that get somewhere: marching, crawling, skating, skiing, surfing, riding, flips, climbs."""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.act import TAU, Act, Cue, ease, floor, osc, standing
from openreel.engines.procedural.simulation.poses import HumanoidJoints
from openreel.engines.procedural.simulation.reach import arm_to, foot_at, hip, leg_to, shoulder


def _scale(c: Cue) -> float:
    return (c.size / 1.75) ** 0.5


def march(c: Cue) -> Act:
    """Marching: knees lifted high, straight arms swinging shoulder-high, chin up."""
    speed = 1.1 * _scale(c)
    step, duty = gaits.WALK
    rate = TAU * speed * duty / (step * c.size)
    u = c.t * rate / TAU
    leg = c.body.leg * c.size
    hn, kn = gaits.leg_swing(u, step * c.size, leg, duty, 0.5)
    hf, kf = gaits.leg_swing(u + 0.5, step * c.size, leg, duty, 0.5)
    up_n, up_f = _knee_up(u % 1.0, duty), _knee_up((u + 0.5) % 1.0, duty)
    j = HumanoidJoints(lean=0.03, head=0.06, hip_near=hn + up_n, knee_near=kn + 0.9 * up_n,
                       hip_far=hf + up_f, knee_far=kf + 0.9 * up_f,
                       shoulder_near=-1.3 * hn - 0.8 * up_f + 0.5 * up_n, elbow_near=0.05,
                       shoulder_far=-1.3 * hf - 0.8 * up_n + 0.5 * up_f, elbow_far=0.05)
    return Act(j, speed=speed, period=TAU / rate)


def _knee_up(u: float, duty: float) -> float:
    """Extra thigh lift of a marching leg through its swing (0 while planted)."""
    return 0.9 * math.sin(math.pi * (u - duty) / (1.0 - duty)) if u > duty else 0.0


def crawl(c: Cue) -> Act:
    """On hands and knees: opposite hand and knee move together, head up."""
    s, b = c.size, c.body
    period = 1.3
    ph = TAU * c.t / period
    j = HumanoidJoints(lean=-1.3, head=1.05)
    for side, k in (("near", 0.0), ("far", math.pi)):
        swing = math.sin(ph + k)
        lift = max(0.0, math.cos(ph + k))
        sh = shoulder(s, j, b)
        arm_to(j, side, (sh[0] + 0.05 * s + 0.06 * s * swing,
                         sh[1] - 0.92 * (b.upper_arm + b.forearm) * s + 0.05 * s * lift), s, b)
        leg = -swing  # the knee opposite the hand
        hp = hip(s, j, b)
        knee_x = hp[0] + 0.05 * s * leg
        setattr(j, f"hip_{side}", math.asin(max(-0.9, min(0.9, (knee_x - hp[0]) /
                                                         (b.thigh * s)))))
        setattr(j, f"knee_{side}", 1.45 + 0.1 * max(0.0, -math.cos(ph + k)))
    return Act(j, support="lowest", speed=0.28 * _scale(c), period=period)


def skate(c: Cue) -> Act:
    """Skating strides: a bent support leg, the other pushing back, arms swinging wide."""
    period = 1.4
    ph = TAU * c.t / period
    push_n = 0.5 + 0.5 * math.sin(ph)
    push_f = 1.0 - push_n
    j = HumanoidJoints(lean=-0.38, head=0.3,
                       hip_near=0.45 - 0.95 * push_n, knee_near=0.75 - 0.6 * push_n,
                       hip_far=0.45 - 0.95 * push_f, knee_far=0.75 - 0.6 * push_f,
                       shoulder_near=0.2 + 1.1 * (push_n - 0.5), elbow_near=0.35,
                       shoulder_far=0.2 + 1.1 * (push_f - 0.5), elbow_far=0.35)
    gear = _on_feet(j, c, "roller" if c.variant == "roller" else "skate")
    return Act(j, speed=2.4 * _scale(c), gear=gear, period=period)


def ski(c: Cue) -> Act:
    """Skiing: parallel bent knees, poles planted and pushed back in turn."""
    period = 1.6
    ph = TAU * c.t / period
    push = 0.5 + 0.5 * math.sin(ph)
    j = HumanoidJoints(lean=-0.42, head=0.35, hip_near=0.55, knee_near=0.95, hip_far=0.5,
                       knee_far=0.9, shoulder_near=0.9 - 1.2 * push, elbow_near=0.5 - 0.3 * push,
                       shoulder_far=0.8 - 1.2 * push, elbow_far=0.5 - 0.3 * push)
    gear = _on_feet(j, c, "snowboard" if c.variant == "snowboard" else "ski")
    if c.variant != "snowboard":
        for side in ("near", "far"):
            arm = getattr(j, f"shoulder_{side}") + j.lean + getattr(j, f"elbow_{side}")
            hx, hy = _hand(j, side, c)
            gear[f"pole_{side}"] = (hx, hy, arm - 0.35)
    else:
        j.shoulder_near, j.shoulder_far, j.hip_near, j.hip_far = 1.3, -1.0, 0.35, -0.1
    return Act(j, speed=3.0 * _scale(c), gear=gear, period=period)


def surf(c: Cue) -> Act:
    """Surfing: side-on stance on the board, knees bent, arms out for balance, riding swells."""
    period = 2.6
    sway = osc(c.t, period, c.phase)
    j = HumanoidJoints(lean=-0.2 + 0.08 * sway, head=0.25, hip_near=0.5, knee_near=0.75,
                       hip_far=-0.4, knee_far=0.45, shoulder_near=1.6 + 0.25 * sway,
                       elbow_near=0.25, shoulder_far=-1.4 - 0.2 * sway, elbow_far=0.2)
    gear = {} if c.prop is not None else _board(j, c, "surfboard")
    grip = _board_grip(j, c) if c.prop is not None else None
    return Act(j, lift=0.06 * c.size * (1 + osc(c.t, period / 2)), speed=1.6 * _scale(c),
               gear=gear, grip=grip, period=period)


def ride(c: Cue) -> Act:
    """Riding: pedalling a bike, kicking a scooter, balanced on a board, astride a horse."""
    v = c.variant
    if v in ("skateboard", "scooter", "kickflip"):
        return _ride_standing(c)
    if v == "horse":
        return _ride_horse(c)
    if v == "boat":
        return _paddle(c)
    s, b = c.size, c.body
    motor = v in ("motorbike", "car")
    j = HumanoidJoints(lean=-0.5 if motor else -0.38, head=0.45 if motor else 0.35)
    period = 0.9
    hp = hip(s, j, b)
    if motor:
        for side in ("near", "far"):
            leg_to(j, side, (hp[0] + 0.18 * s, hp[1] - 0.36 * s), s, b)
    else:
        for side, k in (("near", 0.0), ("far", math.pi)):
            a = TAU * c.t / period + k
            leg_to(j, side, (hp[0] + 0.13 * s + 0.1 * s * math.cos(a),
                             hp[1] - 0.36 * s + 0.1 * s * math.sin(a)), s, b)
    bars = (hp[0] + (0.5 if motor else 0.42) * s, hp[1] + 0.3 * s)
    arm_to(j, "near", bars, s, b)
    arm_to(j, "far", (bars[0] - 0.01 * s, bars[1]), s, b)
    gear = {} if c.prop is not None else {"bike" if v != "motorbike" else "motorbike":
                                          (hp[0], hp[1], 0.0)}
    speed = 0.0 if c.prop is not None else (5.0 if motor else 3.0) * _scale(c)
    return Act(j, support="seat", seat=0.5 * s, speed=speed, gear=gear,
               period=period if not motor else 0.0)


def _ride_standing(c: Cue) -> Act:
    s, b = c.size, c.body
    scooter = c.variant == "scooter"
    period = 2.4
    u = (c.t / period) % 1.0
    kick = math.sin(math.pi * u / 0.35) if u < 0.35 else 0.0  # one push per cycle
    j = HumanoidJoints(lean=-0.12 if scooter else -0.18, head=0.15, hip_near=0.12,
                       knee_near=0.35 + 0.3 * kick, hip_far=-0.3 * (1 - kick) + 0.2 * kick,
                       knee_far=0.35 + 0.4 * kick)
    if scooter:
        j.hip_far, j.knee_far = -0.25 - 0.35 * math.sin(TAU * u), 0.25
    else:
        j.shoulder_near, j.elbow_near, j.shoulder_far, j.elbow_far = 1.4, 0.3, -1.1, 0.2
        j.hip_near, j.hip_far = 0.3, -0.3
    pop, spin = _board_trick(c, u, j) if c.variant == "kickflip" else (0.0, 0.0)
    gear: dict[str, tuple[float, float, float]] = {}
    board = c.prop.use == "held" if c.prop is not None else True
    deck = (0.9 * (c.prop.thick or c.prop.h) if c.prop is not None and board else 0.1 * s)
    fy = floor(j, c)
    feet_x = foot_at(j, "near", s, b)[0] if scooter else 0.5 * (
        foot_at(j, "near", s, b)[0] + foot_at(j, "far", s, b)[0])
    if scooter:
        bar = (feet_x + 0.29 * s, fy + deck + 0.6 * s)  # the stem's top (see render.gear)
        arm_to(j, "near", bar, s, b)
        arm_to(j, "far", (bar[0] - 0.01 * s, bar[1]), s, b)
    # a mimed board is drawn about its deck; a real one hangs its whole height under the feet
    centre = (feet_x, fy + (0.5 * deck if c.prop is None else -0.5 * deck), spin)
    if c.prop is None:
        gear["skateboard" if c.variant == "kickflip" else c.variant] = centre
    return Act(j, lift=(deck if board else 0.0) + pop, speed=2.2 * _scale(c) if board else 0.0,
               gear=gear, period=period, grip=centre if c.prop is not None and board else None)


def _board_trick(c: Cue, u: float, j: HumanoidJoints) -> tuple[float, float]:
    """A kickflip late in each push cycle: crouch, pop, the board turns a full turn under the
    airborne feet, catch and land. Returns the extra height and the board's turn."""
    start, crouch, air = 0.45, 0.1, 0.3  # fractions of the cycle
    k = (u - start) / crouch
    if 0.0 <= k < 1.0:  # loading the legs
        bend = math.sin(0.5 * math.pi * k)
        j.knee_near += 0.8 * bend
        j.knee_far += 0.8 * bend
        j.hip_near += 0.4 * bend
        j.hip_far += 0.4 * bend
        return 0.0, 0.0
    k = (u - start - crouch) / air
    if not 0.0 <= k < 1.0:
        return 0.0, 0.0
    tuck = math.sin(math.pi * k)  # knees up in the air, arms out for balance
    j.knee_near += 0.9 * tuck
    j.knee_far += 0.9 * tuck
    j.hip_near += 0.5 * tuck
    j.hip_far += 0.3 * tuck
    j.shoulder_near, j.shoulder_far = 1.4 + 0.4 * tuck, -1.1 - 0.4 * tuck
    return 0.35 * c.size * tuck, TAU * ease(k)


def _ride_horse(c: Cue) -> Act:
    s, b = c.size, c.body
    bounce = osc(c.t, 0.45)
    j = HumanoidJoints(lean=-0.12 + 0.04 * bounce, head=0.12)
    hp = hip(s, j, b)
    j.hip_near, j.knee_near, j.hip_far, j.knee_far = 0.9, 1.45, 0.85, 1.35  # astride
    arm_to(j, "near", (hp[0] + 0.3 * s, hp[1] + 0.12 * s + 0.02 * s * bounce), s, b)
    arm_to(j, "far", (hp[0] + 0.29 * s, hp[1] + 0.13 * s + 0.02 * s * bounce), s, b)
    gear = {} if c.prop is not None else {"saddle": (hp[0], hp[1], 0.0)}
    return Act(j, support="seat", seat=0.55 * s, gear=gear, period=0.45)


def _paddle(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 1.8
    a = TAU * c.t / period
    j = HumanoidJoints(lean=-0.1, head=0.15, hip_near=1.45, knee_near=0.2, hip_far=1.4,
                       knee_far=0.25)
    sh = shoulder(s, j, b)
    # the paddle dips on one side then the other: seen from the side, the hands
    # circle forward-down and back-up
    near = (sh[0] + 0.2 * s + 0.12 * s * math.cos(a), sh[1] - 0.12 * s + 0.1 * s * math.sin(a))
    far = (near[0] - 0.05 * s, near[1] + 0.22 * s * math.cos(a))
    arm_to(j, "near", near, s, b)
    arm_to(j, "far", far, s, b)
    angle = math.atan2(far[0] - near[0], far[1] - near[1])
    gear = {"paddle": (0.5 * (near[0] + far[0]), 0.5 * (near[1] + far[1]), -angle)}
    if c.prop is None:  # no boat was given: a kayak round the hips
        gear["kayak"] = (*hip(s, j, b), 0.0)
    return Act(j, support="seat", seat=0.12 * s, gear=gear, period=period,
               speed=0.0 if c.prop is not None else 1.0 * _scale(c))


def flip(c: Cue) -> Act:
    """A standing backflip: crouch, spring up, tuck and turn over once, land, recover."""
    g = c.gravity
    hop = 0.5 * c.size
    v0 = math.sqrt(2 * g * hop)
    flight = 2 * v0 / g
    crouch, recover, rest = 0.35, 0.4, 0.5
    period = crouch + flight + recover + rest
    u = c.t % period
    if u < crouch:
        k = math.sin(0.5 * math.pi * u / crouch)
        return Act(gaits.crouch(k), period=period)
    u -= crouch
    if u < flight:
        k = u / flight
        turn = TAU * ease(k)
        tuck = math.sin(math.pi * k)
        j = HumanoidJoints(lean=0.0, head=0.2 * tuck, hip_near=0.3 + 1.8 * tuck,
                           knee_near=0.3 + 2.0 * tuck, hip_far=0.25 + 1.8 * tuck,
                           knee_far=0.3 + 2.0 * tuck, shoulder_near=2.8 - 1.6 * tuck,
                           elbow_near=0.3 + 0.8 * tuck, shoulder_far=2.7 - 1.6 * tuck,
                           elbow_far=0.3 + 0.8 * tuck)
        return Act(j, support="free", lift=v0 * u - 0.5 * g * u * u, angle=turn, period=period)
    u -= flight
    if u < recover:
        k = 0.7 * math.exp(-u / 0.12) * (1 - u / recover)
        j = gaits.crouch(k)
        j.shoulder_near, j.shoulder_far = 2.6 * (1 - u / recover), 2.5 * (1 - u / recover)
        return Act(j, period=period)
    return Act(standing(c.t, c.phase, period), period=period)


def climb(c: Cue) -> Act:
    """Hand over hand up a rope or wall; feet push from below; hangs on at the top."""
    s, b = c.size, c.body
    top = (c.prop.top - 1.2 * s) if c.prop is not None and c.prop.top > 1.6 * s else 2.0 * s
    rate = 0.4 * _scale(c)
    risen = min(rate * c.t, max(top, 0.3 * s))
    period = 1.2
    ph = TAU * risen / (rate * period)
    j = HumanoidJoints(lean=0.05, head=0.35)
    sh = shoulder(s, j, b)
    reach = (b.upper_arm + b.forearm) * s
    for side, k in (("near", 0.0), ("far", math.pi)):
        grab = 0.5 + 0.5 * math.sin(ph + k)
        arm_to(j, side, (sh[0] + 0.13 * s, sh[1] + reach * (0.35 + 0.5 * grab)), s, b)
        hp = hip(s, j, b)
        leg_to(j, side, (hp[0] + 0.12 * s, hp[1] - b.leg * s * (0.55 + 0.35 * grab)), s, b)
    gear: dict[str, tuple[float, float, float]] = {}
    stand = (b.hip + b.leg) * s
    if c.prop is None:  # a rope hanging from above, or a wall, rising from the floor
        gear["rope" if c.variant != "wall" else "wall"] = (sh[0] + 0.13 * s, -stand - risen,
                                                           0.0)
    return Act(j, support="root", seat=stand + risen, gear=gear, period=period)


def _hand(j: HumanoidJoints, side: str, c: Cue) -> tuple[float, float]:
    from openreel.engines.procedural.simulation.reach import hand_at

    return hand_at(j, side, c.size, c.body)


def _on_feet(j: HumanoidJoints, c: Cue, kind: str) -> dict[str, tuple[float, float, float]]:
    """Gear strapped to each foot (skates, skis, a snowboard across both)."""
    out: dict[str, tuple[float, float, float]] = {}
    if kind == "snowboard":
        return _board(j, c, "snowboard")
    for side in ("near", "far"):
        fx, fy = foot_at(j, side, c.size, c.body)
        shin = getattr(j, f"hip_{side}") - getattr(j, f"knee_{side}")
        out[f"{kind}_{side}"] = (fx, fy, shin)
    return out


def _board(j: HumanoidJoints, c: Cue, kind: str) -> dict[str, tuple[float, float, float]]:
    """A board under both feet."""
    n = foot_at(j, "near", c.size, c.body)
    f = foot_at(j, "far", c.size, c.body)
    return {kind: (0.5 * (n[0] + f[0]), min(n[1], f[1]), 0.0)}


def _board_grip(j: HumanoidJoints, c: Cue) -> tuple[float, float, float]:
    """Where a board that is the act's own prop goes: flat under the feet."""
    assert c.prop is not None
    n = foot_at(j, "near", c.size, c.body)
    f = foot_at(j, "far", c.size, c.body)
    angle = 0.0 if c.prop.w >= c.prop.h else math.pi / 2
    thick = min(c.prop.w, c.prop.h)
    return 0.5 * (n[0] + f[0]), min(n[1], f[1]) - 0.5 * thick, angle
