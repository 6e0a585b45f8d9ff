"""Procedural character animation: joint angles of figures and animals per motion and time.

Each function returns a pose for one moment; the caller integrates the root position
(so a gait's phase advances with the distance walked and planted feet do not slide).
"""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation.poses import HumanoidJoints

TAU = 2.0 * math.pi
WALK = (0.42, 0.56)  # (step length per size, share of the cycle a foot is planted)
RUN = (0.75, 0.36)
TROT = (0.55, 0.55)  # for animals, per shoulder height
GALLOP = (1.0, 0.4)


def phase_rate(speed: float, size: float, gait: tuple[float, float]) -> float:
    """Phase speed (rad/s) for a gait whose planted feet do not slide at ``speed``.

    A foot stays planted for ``duty`` of the cycle while the body passes over one step
    length, so the cycle lasts step / (speed * duty)."""
    step, duty = gait
    return TAU * abs(speed) * duty / max(step * size, 1e-3)


def leg_swing(u: float, step: float, leg: float, duty: float, lift: float) -> tuple[float, float]:
    """Hip angle and knee bend of a leg at cycle position ``u`` (0 = heel strike).

    While planted the foot stays put, so its offset from the hip falls linearly from
    +step/2 to -step/2; in swing it comes forward again on an eased arc with the knee
    folding to clear the ground."""
    u %= 1.0
    if u < duty:
        rel = step * (0.5 - u / duty)
        knee = 0.06 + 0.12 * math.sin(math.pi * u / duty) * 0.5  # a little give on landing
    else:
        w = (u - duty) / (1.0 - duty)
        rel = step * (-0.5 + (0.5 - 0.5 * math.cos(math.pi * w)))
        knee = 0.06 + lift * math.sin(math.pi * w)
    hip = math.asin(max(-0.95, min(0.95, rel / leg)))
    return hip, knee


def walk(phase: float, size: float, leg_share: float = 0.49) -> HumanoidJoints:
    """A walk: planted feet, the swing knee folds, arms counter-swing, weight rocks.

    ``leg_share`` is the leg's length per height (shorter for children)."""
    u = phase / TAU
    step, duty = WALK
    leg = leg_share * size
    hn, kn = leg_swing(u, step * size, leg, duty, 0.8)
    hf, kf = leg_swing(u + 0.5, step * size, leg, duty, 0.8)
    return HumanoidJoints(
        lean=-0.04 + 0.025 * math.sin(2 * phase),  # weight shift rocks the torso each step
        head=0.02 * math.sin(2 * phase),
        hip_near=hn, knee_near=kn, hip_far=hf, knee_far=kf,
        shoulder_near=-0.8 * hn, elbow_near=0.25 + 0.3 * max(0.0, hf),
        shoulder_far=-0.8 * hf, elbow_far=0.25 + 0.3 * max(0.0, hn),
    )


def run(phase: float, size: float, leg_share: float = 0.49) -> HumanoidJoints:
    """A run: long strides with a flight phase, high knees, pumping arms, forward lean."""
    u = phase / TAU
    step, duty = RUN
    leg = leg_share * size
    hn, kn = leg_swing(u, step * size, leg, duty, 1.7)
    hf, kf = leg_swing(u + 0.5, step * size, leg, duty, 1.7)
    return HumanoidJoints(
        lean=-0.22 + 0.04 * math.sin(2 * phase), head=0.12,
        hip_near=hn + 0.1, knee_near=kn, hip_far=hf + 0.1, knee_far=kf,
        shoulder_near=-1.2 * hn, elbow_near=1.4, shoulder_far=-1.2 * hf, elbow_far=1.4,
    )


def idle(t: float, phase: float) -> HumanoidJoints:
    """Standing: breathing, a slow weight shift, arms hanging loose."""
    breathe = math.sin(TAU * t / 3.6 + phase)
    shift = math.sin(TAU * t / 7.0 + phase)
    return HumanoidJoints(
        lean=0.015 * breathe + 0.02 * shift, head=0.04 * math.sin(TAU * t / 5.3 + phase),
        hip_near=0.07 + 0.03 * shift, knee_near=0.05 + 0.04 * max(0.0, shift),
        hip_far=-0.07 + 0.03 * shift, knee_far=0.05 + 0.04 * max(0.0, -shift),
        shoulder_near=0.06 + 0.02 * breathe, elbow_near=0.15,
        shoulder_far=-0.04 + 0.02 * breathe, elbow_far=0.12,
    )


def talk(t: float, phase: float) -> HumanoidJoints:
    """Idle with a nodding head and one hand gesturing."""
    j = idle(t, phase)
    j.head = 0.08 * math.sin(TAU * 1.7 * t) + 0.03 * math.sin(TAU * 0.6 * t + phase)
    j.shoulder_near = 0.5 + 0.25 * math.sin(TAU * 0.8 * t + phase)
    j.elbow_near = 1.0 + 0.3 * math.sin(TAU * 1.3 * t)
    return j


def wave(t: float, phase: float) -> HumanoidJoints:
    """Idle with the near arm raised and the forearm waving side to side."""
    j = idle(t, phase)
    raise_ = min(1.0, t / 0.4)
    j.shoulder_near = 2.7 * raise_
    j.elbow_near = (0.3 + 0.55 * math.sin(TAU * 2.2 * t)) * raise_
    j.head = 0.06
    return j


def dance(t: float, phase: float) -> tuple[HumanoidJoints, float, float]:
    """A dance on a 120 bpm beat; returns joints, a side step (m per size) and a dip."""
    beat = TAU * 2.0 * t
    dip = abs(math.sin(beat / 2))
    side = math.sin(TAU * 0.5 * t + phase)
    j = HumanoidJoints(
        lean=0.12 * math.sin(beat / 2), head=0.1 * math.sin(beat),
        hip_near=0.25 * side + 0.2 * dip, knee_near=0.5 * dip,
        hip_far=-0.25 * side + 0.2 * dip, knee_far=0.5 * dip,
        shoulder_near=2.3 + 0.6 * math.sin(beat / 2), elbow_near=0.6 + 0.4 * math.sin(beat),
        shoulder_far=2.3 - 0.6 * math.sin(beat / 2), elbow_far=0.6 - 0.4 * math.sin(beat),
    )
    return j, 0.12 * side, 0.05 * dip


def sit(t: float, phase: float) -> HumanoidJoints:
    """Sitting on the ground, knees up, arms round the knees, breathing."""
    breathe = math.sin(TAU * t / 3.6 + phase)
    return HumanoidJoints(
        lean=-0.15 + 0.015 * breathe, head=0.1 + 0.04 * math.sin(TAU * t / 6.0 + phase),
        hip_near=2.0, knee_near=1.5, hip_far=1.9, knee_far=1.4,
        shoulder_near=0.9, elbow_near=0.7, shoulder_far=0.8, elbow_far=0.7,
    )


def sleep(t: float) -> HumanoidJoints:
    """Lying still but for slow breathing (the caller lays the body down)."""
    breathe = math.sin(TAU * t / 4.5)
    return HumanoidJoints(lean=0.0, head=0.05, hip_near=0.05, knee_near=0.1, hip_far=-0.03,
                          knee_far=0.15, shoulder_near=0.1 + 0.03 * breathe, elbow_near=0.3,
                          shoulder_far=-0.05, elbow_far=0.2)


def climb(phase: float) -> HumanoidJoints:
    """Hand over hand: opposite arm and leg reach up together."""
    s = math.sin(phase)
    return HumanoidJoints(
        lean=0.05, head=0.3,
        hip_near=0.9 + 0.6 * s, knee_near=1.4 + 0.6 * s,
        hip_far=0.9 - 0.6 * s, knee_far=1.4 - 0.6 * s,
        shoulder_near=2.7 - 0.5 * s, elbow_near=0.3 + 0.3 * s,
        shoulder_far=2.7 + 0.5 * s, elbow_far=0.3 - 0.3 * s,
    )


def crouch(depth: float) -> HumanoidJoints:
    """Anticipation before a jump (depth 0..1): knees bend, arms swing back."""
    return HumanoidJoints(lean=-0.35 * depth, head=0.2 * depth,
                          hip_near=1.0 * depth, knee_near=1.9 * depth,
                          hip_far=0.9 * depth, knee_far=1.8 * depth,
                          shoulder_near=-0.9 * depth, elbow_near=0.3,
                          shoulder_far=-0.8 * depth, elbow_far=0.3)


def airborne(up: float) -> HumanoidJoints:
    """In the air: arms thrown up on the way up, legs tucking at the top."""
    return HumanoidJoints(lean=0.05, head=-0.1 * up, hip_near=0.5, knee_near=0.9,
                          hip_far=0.3, knee_far=0.7, shoulder_near=2.4 * up + 0.6,
                          elbow_near=0.3, shoulder_far=2.2 * up + 0.5, elbow_far=0.3)


def fly(t: float) -> HumanoidJoints:
    """Flying like a superhero: arms ahead, legs trailing (the caller tilts the body)."""
    return HumanoidJoints(lean=0.0, head=-0.6, hip_near=-0.1 + 0.05 * math.sin(TAU * t),
                          knee_near=0.2, hip_far=-0.15, knee_far=0.3, shoulder_near=3.0,
                          elbow_near=0.0, shoulder_far=2.9, elbow_far=0.1)


def swim(t: float) -> HumanoidJoints:
    """A front crawl: arms wheel, legs flutter."""
    a = TAU * 0.8 * t
    return HumanoidJoints(lean=0.0, head=-0.5, hip_near=0.25 * math.sin(TAU * 2.5 * t),
                          knee_near=0.3, hip_far=-0.25 * math.sin(TAU * 2.5 * t), knee_far=0.3,
                          shoulder_near=a % TAU, elbow_near=0.2,
                          shoulder_far=(a + math.pi) % TAU, elbow_far=0.2)
