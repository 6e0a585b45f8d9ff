"""Scripted motions that any archetype can play: spin, shake, grow, orbit, float, sink."""

from __future__ import annotations

import math
from dataclasses import dataclass

from openreel.spec import Motion

KINEMATIC = (Motion.SPIN, Motion.SHAKE, Motion.GROW, Motion.ORBIT, Motion.FLOAT, Motion.SINK)


@dataclass(frozen=True, slots=True)
class Offset:
    """A scripted displacement of the root from its starting pose."""

    dx: float = 0.0
    dy: float = 0.0
    angle: float = 0.0
    scale: float = 1.0


def ease_in_out(u: float) -> float:
    """Smoothstep easing of 0..1 (no linear moves)."""
    u = min(max(u, 0.0), 1.0)
    return u * u * (3.0 - 2.0 * u)


def kinematic_offset(motion: Motion, t: float, duration: float, size: float,
                     phase: float = 0.0) -> Offset:
    """Where a scripted motion has moved the root ``t`` seconds into a ``duration`` shot."""
    ramp = ease_in_out(t / 0.6)  # every motion eases in rather than starting at full speed
    if motion is Motion.SPIN:
        # angle of a spin that accelerates smoothly to one turn per second
        angle = -2.0 * math.pi * (t - 0.3 * (1.0 - ramp)) * ramp
        return Offset(angle=angle)
    if motion is Motion.SHAKE:
        env = ramp * (0.6 + 0.4 * math.sin(2.0 * math.pi * 0.7 * t + phase))
        return Offset(dx=0.04 * size * env * math.sin(2.0 * math.pi * 9.0 * t + phase),
                      angle=0.06 * env * math.sin(2.0 * math.pi * 7.0 * t))
    if motion is Motion.GROW:
        return Offset(scale=1.0 + 1.5 * ease_in_out(t / max(duration * 0.8, 0.1)))
    if motion is Motion.ORBIT:
        r = 0.8 + 1.5 * size
        w = 2.0 * math.pi / 5.0
        a = w * t * ramp + phase
        return Offset(dx=r * math.cos(a) - r * math.cos(phase), dy=0.45 * r * math.sin(a)
                      - 0.45 * r * math.sin(phase), angle=0.2 * math.sin(a))
    if motion is Motion.FLOAT:
        return Offset(dy=0.12 * size * math.sin(2.0 * math.pi * t / 3.0 + phase) * ramp,
                      angle=0.08 * math.sin(2.0 * math.pi * t / 4.3 + phase) * ramp)
    if motion is Motion.SINK:
        return Offset(dy=-0.3 * t * ramp, angle=0.1 * math.sin(t))
    return Offset()
