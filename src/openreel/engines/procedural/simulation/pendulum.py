"""Swinging: pendulums and swings on a pivot joint, and anything else hung on a string.

The bob is a pymunk body held to a fixed point by a PivotJoint and left to gravity, so its
period is the physical one: 2π√(L/g) for small swings, slower on the moon.
"""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.materials import material
from openreel.engines.procedural.rigs import PENDULUM_LENGTH, PENDULUM_PIVOT
from openreel.engines.procedural.scene import EntityFrame, Outline, Transform
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.layout import Instance
from openreel.engines.procedural.simulation.poses import (
    HumanoidJoints,
    LocalPose,
    apparatus_pose,
    humanoid_pose,
    place,
    rigid_pose,
)
from openreel.engines.procedural.simulation.rigid import rigid_shapes
from openreel.spec import Archetype, Motion

AMPLITUDE = 0.38  # radians a swing starts from: wide enough to see, small enough for 2π√(L/g)
HUNG_AMPLITUDE = 0.5
STRING = 1.2  # metres of string a hung thing swings on


def _hang(world_space: pymunk.Space, body: pymunk.Body, pivot: tuple[float, float],
          group: int) -> None:
    joint = pymunk.PivotJoint(world_space.static_body, body, pivot)
    joint.collide_bodies = False
    world_space.add(joint)
    for shape in body.shapes:
        shape.filter = pymunk.ShapeFilter(group=group)


class PendulumActor(Actor):
    """A stand with a pivot and a bob (a pendulum) or a seat on ropes (a swing)."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        world = self.ctx.world
        self.pivot = (i.x, i.y + PENDULUM_PIVOT * s)
        self.length = PENDULUM_LENGTH * s
        start = AMPLITUDE if i.motion is Motion.SWING or i.extra.get("ridden") else 0.0
        self.body = pymunk.Body()
        self.body.position = (self.pivot[0] + self.length * math.sin(start),
                              self.pivot[1] - self.length * math.cos(start))
        self.body.angle = start
        bob = pymunk.Circle(self.body, 0.08 * s)
        bob.density = material(i.material).density
        world.add_shape(bob, i.uid, i.material)
        world.space.add(self.body, bob)
        self.group_id = 3000 + list(self.ctx.actors).index(i.uid)
        _hang(world.space, self.body, self.pivot, self.group_id)
        post = pymunk.Segment(world.space.static_body, (i.x - 0.27 * s, i.y - 0.5 * s),
                              (i.x - 0.27 * s, self.pivot[1]), 0.02 * s)
        post.filter = pymunk.ShapeFilter(group=self.group_id)
        world.add_shape(post, i.uid, i.material)
        world.space.add(post)

    def snapshot(self, t: float) -> EntityFrame:
        i = self.inst
        swing = float(self.body.angle)
        parts = place(i.x, i.y, 0.0, 1, apparatus_pose(i.archetype, i.size, swing))
        self.vx, self.vy = self.body.velocity
        return self.frame(parts, extra={"swing": swing, "pivot_x": self.pivot[0],
                                        "pivot_y": self.pivot[1], "length": self.length})


class HangingActor(Actor):
    """A thing hung from a point above it on a string (a lamp, a ball), swinging."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        world = self.ctx.world
        top = self.ctx.stage_height * 0.9
        self.pivot = (i.x, min(top, i.y + 0.5 * s + STRING + 0.4))
        self.length = self.pivot[1] - (i.y + 0.5 * s) if self.pivot[1] < top else STRING
        self.body = pymunk.Body()
        a = HUNG_AMPLITUDE
        # the string meets the thing's top; the thing hangs on along the string
        reach = self.length + 0.5 * s
        self.body.position = (self.pivot[0] + reach * math.sin(a),
                              self.pivot[1] - reach * math.cos(a))
        self.body.angle = a
        shapes = rigid_shapes(self.body, i.archetype, s)
        for shape in shapes:
            shape.density = max(material(i.material).density, 0.5)
            world.add_shape(shape, i.uid, i.material)
        world.space.add(self.body, *shapes)
        _hang(world.space, self.body, self.pivot, 3500 + list(self.ctx.actors).index(i.uid))

    def snapshot(self, t: float) -> EntityFrame:
        b = self.body
        self.x, self.y, self.angle = b.position.x, b.position.y, b.angle
        self.vx, self.vy = b.velocity
        parts = place(self.x, self.y, self.angle, 1, rigid_pose(self.inst.archetype,
                                                                 self.inst.size))
        parts["string"] = Transform(self.pivot[0], self.pivot[1], self.angle)
        thick = max(0.006, 0.01 * self.inst.size)
        string = Outline(((-thick, 0.0), (thick, 0.0), (thick, -self.length),
                          (-thick, -self.length)), (60, 55, 60))
        frame = self.frame(parts, extra={"swing": float(b.angle), "pivot_x": self.pivot[0],
                                         "pivot_y": self.pivot[1], "length": self.length})
        frame.outlines["string"] = string
        return frame


def rides(inst: Instance, instances: list[Instance]) -> Instance | None:
    """The swing a figure swinging sits on, if the shot has one."""
    if inst.archetype is not Archetype.HUMANOID or inst.motion is not Motion.SWING:
        return None
    named = {inst.entity.object, inst.entity.target, inst.entity.relative_to}
    swings = [i for i in instances if i.archetype is Archetype.PENDULUM]
    return next((i for i in swings if i.group in named), swings[0] if swings else None)


class RiderFigure(FigureActor):
    """A figure sitting on a swing's seat, holding the chains, pumping its legs."""

    seat_group = ""  # the swing it sits on (set when the shot is linked)

    def seat_now(self) -> None:
        """Sit down on the seat at once (the first frame already shows it seated)."""
        self._advance(0.0, 0.0)
        self.body.position = (self.x, self.y)

    def _humanoid(self, t: float, dt: float, running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        seat = next((a for a in self.ctx.actors.values() if isinstance(a, PendulumActor)
                     and a.inst.group == self.seat_group), None)
        pump = 0.0
        swing, sx, sy = 0.0, self.inst.x, self.ground + 0.5
        if seat is not None:
            swing = float(seat.body.angle)
            sx, sy = seat.body.position
            # legs stretch out going forward and tuck under going back
            pump = math.tanh(3.0 * seat.body.angular_velocity * self.facing)
        j = HumanoidJoints(lean=0.1, head=0.1, hip_near=1.5, knee_near=1.4 - 0.7 * pump,
                           hip_far=1.45, knee_far=1.4 - 0.7 * pump, shoulder_near=2.75,
                           elbow_near=0.25, shoulder_far=2.7, elbow_far=0.3)
        # the hips rest on the seat; the body hangs along the chains
        up = 0.15 * s + 0.04 * s
        x = sx - math.sin(swing) * up
        y = sy + math.cos(swing) * up
        self.x = self.draw_x = x
        return humanoid_pose(s, j), y, swing
