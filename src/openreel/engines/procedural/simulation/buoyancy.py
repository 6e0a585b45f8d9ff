"""Buoyancy and water drag on rigid bodies below a water surface."""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.materials import MATERIALS

WATER_DENSITY = MATERIALS["water"].density


def submerged_fraction(y: float, half_height: float, level: float) -> float:
    """Share of a body of half height ``half_height`` centred at ``y`` that is under water."""
    if half_height <= 0:
        return 1.0 if y < level else 0.0
    return min(max((level - (y - half_height)) / (2.0 * half_height), 0.0), 1.0)


def apply_buoyancy(body: pymunk.Body, area: float, half_height: float, level: float,
                   gravity: float, h: float) -> float:
    """Push a body up by the weight of the water it displaces and damp it; returns the fraction."""
    frac = submerged_fraction(body.position.y, half_height, level)
    if frac <= 0.0:
        return 0.0
    lift = WATER_DENSITY * area * frac * gravity
    body.apply_force_at_world_point((0.0, lift), body.local_to_world(body.center_of_gravity))
    # water drag: the lighter a body is for its size, the more the water slows it, so a
    # rubber ball bobs up and settles instead of leaping out again
    rate = 4.0 * frac * (1.0 + WATER_DENSITY * area / max(body.mass, 1e-6))
    body.velocity = body.velocity * math.exp(-rate * h)
    body.angular_velocity *= math.exp(-2.0 * rate * h)
    return frac
