"""The vocabulary of acted templates: what a template is told (Cue) and what it returns (Act).

A template is a pure function of a Cue: the pose of a figure ``t`` seconds into the act,
how the figure rests on the floor, where a held prop sits, what the face does and
what mimed gear the figure draws when no prop was given. Loops repeat exactly:
``period`` seconds after any moment the pose is the same again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from openreel.engines.procedural.personas import Proportions
from openreel.engines.procedural.simulation.poses import HumanoidJoints, humanoid_foot_drop

TAU = 2.0 * math.pi
Support = Literal["feet", "lowest", "seat", "free", "root"]


@dataclass(frozen=True, slots=True)
class Prop:
    """What the act is done with: the object's size, and how it is used."""

    w: float  # footprint width, metres
    h: float  # footprint height
    use: str  # held | station | mount | ground
    top: float = 0.0  # height of its top surface above the floor (stations, mounts)
    gap: float = 0.0  # horizontal distance from the figure's root to its near edge
    seat: float = 0.0  # height someone sitting on it sits at (a chair's seat, a bench's top)
    level: float = 0.0  # turn that lays its drawing's long side level (a slanted board)
    thick: float = 0.0  # its height once laid level (a board's deck and wheels)


@dataclass(frozen=True, slots=True)
class Cue:
    """What a template knows: time into the act, the body, the variant and the prop."""

    t: float
    size: float
    body: Proportions
    phase: float = 0.0  # per-figure offset, so a crowd is not in lockstep
    variant: str = ""
    prop: Prop | None = None
    partner_gap: float = 0.0  # distance between the partners' roots (social acts)
    partner_rise: float = 0.0  # how much higher the partner's chest is than one's own, m
    gravity: float = 9.81
    lead: bool = True  # the first of a pair (the other mirrors its timing)


@dataclass(slots=True)
class Face:
    """What the face shows: mouth opening, a smile or frown, tears, eyes squeezed shut."""

    mouth: float = 0.0
    smile: float = 0.0  # -1 frown … 1 broad smile
    tears: float = 0.0
    squint: float = 0.0  # 0 open … 1 shut with joy or grief


@dataclass(slots=True)
class Act:
    """A figure's pose at one moment of an act, and everything that goes with it."""

    joints: HumanoidJoints
    # what holds the figure up: its feet, its lowest point (hands and knees), a seat under
    # the hips, nothing (standing height plus ``lift``: flips) or the root itself at ``seat``
    support: Support = "feet"
    seat: float = 0.0  # hip height above the floor ("seat") or root height ("root")
    lift: float = 0.0  # extra height above the support (jumps, flips)
    dx: float = 0.0  # root shift forward, metres
    speed: float = 0.0  # forward travel speed, m/s (the caller integrates it)
    angle: float = 0.0  # whole-body turn, radians, positive tips the head backwards
    grip: tuple[float, float, float] | None = None  # held prop centre and angle, local frame
    face: Face = field(default_factory=Face)
    gear: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    period: float = 0.0  # seconds before the act repeats (0: it holds still)
    holding: tuple[str, ...] = ()  # which hands ("near", "far") hold the prop this moment


def osc(t: float, period: float, phase: float = 0.0) -> float:
    """A sine of the given period: -1 … 1."""
    return math.sin(TAU * t / period + phase)


def ease(u: float) -> float:
    """Smoothstep of 0..1 (clamped): no linear moves."""
    u = min(max(u, 0.0), 1.0)
    return u * u * (3.0 - 2.0 * u)


def pulse(t: float, period: float, at: float, width: float) -> float:
    """0 … 1 … 0 bump of ``width`` (fraction of the period) centred at ``at`` (fraction)."""
    u = (t / period - at) % 1.0
    u = min(u, 1.0 - u)
    return 0.5 + 0.5 * math.cos(math.pi * u / width) if u < width else 0.0


def blend(a: HumanoidJoints, b: HumanoidJoints, k: float) -> HumanoidJoints:
    """Joints a fraction ``k`` of the way from ``a`` to ``b``."""
    k = min(max(k, 0.0), 1.0)
    return HumanoidJoints(*(x + (y - x) * k for x, y in zip(_values(a), _values(b),
                                                             strict=True)))


def _values(j: HumanoidJoints) -> tuple[float, ...]:
    return (j.lean, j.head, j.hip_near, j.knee_near, j.hip_far, j.knee_far, j.shoulder_near,
            j.elbow_near, j.shoulder_far, j.elbow_far)


def loop(period: float) -> float:
    """The whole loop of a quick act that breathes: a whole number of its beats lasting
    about one breath (3.6 s)."""
    return period * max(1, round(3.6 / period)) if period > 0 else 3.6


def breath(t: float, period: float, phase: float = 0.0) -> float:
    """Slow breathing, -1 … 1, over ``loop(period)`` seconds, so the act still repeats."""
    return math.sin(TAU * t / loop(period) + phase)


def standing(t: float, phase: float, period: float) -> HumanoidJoints:
    """A relaxed stance, breathing in time with a loop of ``period`` seconds."""
    breathe = breath(t, period, phase)
    return HumanoidJoints(lean=0.012 * breathe, head=0.0, hip_near=0.06, knee_near=0.05,
                          hip_far=-0.06, knee_far=0.05, shoulder_near=0.05, elbow_near=0.15,
                          shoulder_far=-0.03, elbow_far=0.12)


def floor(j: HumanoidJoints, cue: Cue) -> float:
    """Local height of the floor under a figure standing on its feet in pose ``j``."""
    return -humanoid_foot_drop(cue.size, j, cue.body)
