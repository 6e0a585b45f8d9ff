"""Ragdolls: a figure's rig parts become pymunk bodies held by pivots and angle limits."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pymunk

from openreel.engines.procedural.materials import material
from openreel.engines.procedural.rigs import rig_parts
from openreel.engines.procedural.scene import Transform
from openreel.engines.procedural.simulation.world import PhysicsWorld
from openreel.spec import Archetype

# child, parent, where on the child the joint sits ("top", "bottom", "neck"), angle limits
# of child minus parent for a figure looking right
_JOINTS: dict[Archetype, tuple[tuple[str, str, str, float, float], ...]] = {
    Archetype.HUMANOID: (
        ("head", "torso", "bottom", -0.6, 0.6),
        ("upper_arm_near", "torso", "top", -1.6, 3.0),
        ("upper_arm_far", "torso", "top", -1.6, 3.0),
        ("lower_arm_near", "upper_arm_near", "top", 0.0, 2.4),
        ("lower_arm_far", "upper_arm_far", "top", 0.0, 2.4),
        ("thigh_near", "torso", "top", -0.5, 2.0),
        ("thigh_far", "torso", "top", -0.5, 2.0),
        ("shin_near", "thigh_near", "top", -2.4, 0.0),
        ("shin_far", "thigh_far", "top", -2.4, 0.0),
    ),
    Archetype.QUADRUPED: (
        ("head", "body", "neck", -0.7, 0.7),
        ("tail", "body", "bottom", -0.9, 0.9),
        ("front_leg_near", "body", "top", -0.9, 0.9),
        ("front_leg_far", "body", "top", -0.9, 0.9),
        ("back_leg_near", "body", "top", -0.9, 0.9),
        ("back_leg_far", "body", "top", -0.9, 0.9),
    ),
}
ROOT_PART = {Archetype.HUMANOID: "torso", Archetype.QUADRUPED: "body"}


@dataclass
class Ragdoll:
    """The bodies of a fallen figure, by part name."""

    bodies: dict[str, pymunk.Body]
    root: str

    def transforms(self) -> dict[str, Transform]:
        """World transforms of every part."""
        return {n: Transform(b.position.x, b.position.y, b.angle) for n, b in self.bodies.items()}

    @property
    def root_body(self) -> pymunk.Body:
        """The torso (or animal body) that stands for the whole figure."""
        return self.bodies[self.root]


def _end(t: Transform, h: float, sign: float) -> tuple[float, float]:
    # the end of a part along its local y axis (sign +1 top, -1 bottom)
    return t.x - math.sin(t.angle) * h / 2 * sign, t.y + math.cos(t.angle) * h / 2 * sign


def build_ragdoll(world: PhysicsWorld, uid: str, archetype: Archetype, size: float, mat: str,
                  parts: dict[str, Transform], velocity: tuple[float, float], spin: float,
                  facing: int, group: int) -> Ragdoll:
    """Turn a posed rig into jointed bodies that carry on with the figure's velocity."""
    specs = {p.name: p for p in rig_parts(archetype, size)}
    density = max(material(mat).density, 20.0)
    bodies: dict[str, pymunk.Body] = {}
    root = ROOT_PART[archetype]
    centre = parts[root]
    shapes: list[pymunk.Shape] = []
    for name, spec in specs.items():
        t = parts[name]
        body = pymunk.Body()
        body.position = (t.x, t.y)
        body.angle = t.angle
        if spec.shape == "circle":
            shape: pymunk.Shape = pymunk.Circle(body, spec.w / 2)
        else:
            r = min(spec.w, spec.h) * 0.45
            shape = pymunk.Poly.create_box(body, (max(spec.w - 2 * r, 1e-3),
                                                  max(spec.h - 2 * r, 1e-3)), radius=r)
        shape.density = density
        shape.filter = pymunk.ShapeFilter(group=group)
        world.add_shape(shape, uid, mat)
        # rigid-body velocity of the whole figure, spin included, at this part
        rx, ry = t.x - centre.x, t.y - centre.y
        body.velocity = (velocity[0] - spin * ry, velocity[1] + spin * rx)
        body.angular_velocity = spin
        bodies[name] = body
        shapes.append(shape)
    world.space.add(*bodies.values(), *shapes)
    constraints: list[pymunk.Constraint] = []
    for child, parent, where, lo, hi in _JOINTS[archetype]:
        ct, spec = parts[child], specs[child]
        if where == "neck":
            pt = (ct.x + (centre.x - ct.x) * 0.35, ct.y + (centre.y - ct.y) * 0.35)
        else:
            pt = _end(ct, spec.h, 1.0 if where == "top" else -1.0)
        a, b = bodies[parent], bodies[child]
        lo_f, hi_f = (lo, hi) if facing > 0 else (-hi, -lo)
        rest = b.angle - a.angle
        constraints.append(pymunk.PivotJoint(a, b, pt))
        constraints.append(pymunk.RotaryLimitJoint(a, b, min(lo_f, rest), max(hi_f, rest)))
        # a little muscle tone: joints resist spinning freely, so limbs flop, not whip
        constraints.append(pymunk.DampedRotarySpring(a, b, rest, 0.0, 0.02 * b.mass * size))
    world.space.add(*constraints)
    return Ragdoll(bodies, root)


def remove_ragdoll(world: PhysicsWorld, ragdoll: Ragdoll) -> None:
    """Take a ragdoll's bodies, shapes and joints out of the world."""
    space = world.space
    for body in ragdoll.bodies.values():
        for c in list(body.constraints):
            if c in space.constraints:
                space.remove(c)
        space.remove(body, *body.shapes)
