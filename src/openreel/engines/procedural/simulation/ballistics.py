"""Aiming: the launch velocity that carries a thrown, kicked or shot ball to a target."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Speed of a throw in a world without gravity, where any straight line will do (m/s).
DRIFT_SPEED = 4.0


@dataclass(frozen=True, slots=True)
class Shot:
    """A solved arc: launch velocity and how long the ball takes to reach the target."""

    vx: float
    vy: float
    flight: float  # seconds from launch to target


def solve_arc(start: tuple[float, float], target: tuple[float, float], gravity: float,
              descent: float) -> Shot:
    """The arc from ``start`` that passes through ``target`` falling at ``descent`` radians
    below the horizontal (negative: still rising).

    With x = vx·T, y = vy·T − g·T²/2 and vy − g·T = −vx·tan(descent), eliminating vx and
    vy leaves T² = 2·(Δy + Δx·tan(descent)) / g: steeper entries fly longer and higher.
    """
    dx, dy = target[0] - start[0], target[1] - start[1]
    if gravity <= 1e-6:
        flight = max(math.hypot(dx, dy) / DRIFT_SPEED, 1e-3)
        return Shot(dx / flight, dy / flight, flight)
    lift = dy + abs(dx) * math.tan(descent)
    # a target well below the start would be reached by a line drive: keep an arc
    lift = max(lift, 0.05 + 0.12 * abs(dx))
    flight = math.sqrt(2.0 * lift / gravity)
    vx = dx / flight
    vy = dy / flight + 0.5 * gravity * flight
    return Shot(vx, vy, flight)


def stepped(shot: Shot, gravity: float, substep: float) -> tuple[float, float]:
    """Launch velocity for pymunk's semi-implicit Euler steps to land on the exact arc.

    Each step adds the gravity before moving, so after time t a body sits g·h·t/2 lower
    than the true parabola; starting g·h/2 faster upwards cancels that drift exactly.
    """
    return shot.vx, shot.vy + 0.5 * gravity * substep


def position(start: tuple[float, float], shot: Shot, gravity: float,
             t: float) -> tuple[float, float]:
    """Where the ball of ``shot`` is ``t`` seconds after leaving ``start``."""
    return start[0] + shot.vx * t, start[1] + shot.vy * t - 0.5 * gravity * t * t
