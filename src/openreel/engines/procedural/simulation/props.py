"""Holding and riding other things: moving a prop where hands put it, reading a mount's seat.

A held prop keeps its own actor (and so its own drawing, whatever library draws it);
the character only steers it. A prop with a physics body turns kinematic while held
and is moved by velocity, so it arrives exactly where the hands are on the next
frame and still shoves whatever it meets. Characters (a carried cat) are told where to
be instead. Things that can do neither (a building) stay where they are.
"""

from __future__ import annotations

import math
from typing import Protocol

import pymunk

from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.simulation.actor import Actor

Pose = tuple[float, float, float]  # x, y, angle in the world


class Steerable(Protocol):
    """An actor that accepts being put somewhere by another (see FigureActor.put)."""

    def put(self, x: float, y: float, angle: float, facing: int) -> None: ...


def body_of(actor: Actor) -> pymunk.Body | None:
    """The single physics body standing for an actor, when it has one."""
    body = getattr(actor, "body", None)
    if isinstance(body, pymunk.Body):
        return body
    chassis = getattr(actor, "chassis", None)
    return chassis if isinstance(chassis, pymunk.Body) else None


def pose_of(actor: Actor) -> Pose:
    """Where an actor is now: its body's pose when it has one, else its reported root."""
    x = getattr(actor, "draw_x", actor.x)
    body = body_of(actor)
    if body is not None and not hasattr(actor, "put"):
        return body.position.x, body.position.y, body.angle
    return float(x), float(actor.y), float(actor.angle)


def bottom_of(actor: Actor) -> float:
    """Height of an actor's underside now (its root minus its resting height)."""
    i = actor.inst
    try:
        rest = i.rest
    except KeyError:  # an archetype without a table entry rests on its centre's half height
        rest = 0.5 * footprint(i.archetype, i.size)[1]
    return pose_of(actor)[1] - rest


class Handle:
    """A character's grip on another actor."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self.body: pymunk.Body | None = None
        self.taken = False

    def take(self, pose: Pose, facing: int) -> None:
        """Start holding: the prop jumps to ``pose`` and follows from now on."""
        self.taken = True
        self.body = None if hasattr(self.actor, "put") else body_of(self.actor)
        if self.body is not None and self.body.space is not None:
            self.body.body_type = pymunk.Body.KINEMATIC
            self.body.velocity = (0.0, 0.0)
            self.body.angular_velocity = 0.0
            self.body.position = pose[0], pose[1]
            self.body.angle = pose[2]
            self.body.space.reindex_shapes_for_body(self.body)
        self._place(pose, facing)

    def move_to(self, pose: Pose, facing: int, dt: float) -> None:
        """Steer the prop so it is at ``pose`` after the next ``dt`` seconds of physics."""
        if not self.taken:
            return
        if self.body is not None:
            p = self.body.position
            self.body.velocity = ((pose[0] - p.x) / dt, (pose[1] - p.y) / dt)
            turn = (pose[2] - self.body.angle + math.pi) % (2 * math.pi) - math.pi
            self.body.angular_velocity = turn / dt
            self.actor.facing = facing
            return
        self._place(pose, facing)

    def release(self) -> None:
        """Let go: a body falls under physics again, keeping the speed it had."""
        if self.taken and self.body is not None and self.body.space is not None:
            v = self.body.velocity
            self.body.body_type = pymunk.Body.DYNAMIC
            self.body.velocity = v
        self.taken = False

    def _place(self, pose: Pose, facing: int) -> None:
        self.actor.facing = facing
        put = getattr(self.actor, "put", None)
        if put is not None:
            put(pose[0], pose[1], pose[2], facing)
