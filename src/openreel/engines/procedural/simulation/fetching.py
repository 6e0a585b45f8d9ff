"""An animal catching a thing on the fly: a frisbee or a ball sails in from off frame, the
dog crouches, leaps, snaps it out of the air at the top of its leap and lands holding it.

The leap is ballistic under the shot's gravity and its apex is timed to the thing's
arrival: the throw is solved (``ballistics.solve_arc``) to end exactly where the mouth will
be at the apex, so the catch happens on that frame, from the simulation's own state.
"""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.simulation import ballistics
from openreel.engines.procedural.simulation.act import TAU, ease
from openreel.engines.procedural.simulation.actor import ShotContext
from openreel.engines.procedural.simulation.aimed import AimedFigure, Launch
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.poses import LocalPose, place, rest_height
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.spec import Archetype

CROUCH = 0.35  # seconds of gathering before the leap
LEAP = 0.75  # height of the leap per animal size
LAUNCH_AT = 0.6  # seconds in, the thing leaves the thrower off frame
THROWN_FROM = 3.0  # metres ahead of the animal it comes from, and this high:
THROWN_HEIGHT = 2.0
DESCENT = 0.75  # radians below the horizontal it drops in at: a lob, not a line drive


class CatchingAnimal(FigureActor):
    """A four-legged animal that leaps to catch its object in its mouth."""

    def build(self) -> None:
        self.thing: RigidActor | None = None
        self.leap_at = math.inf
        self.catch_at = math.inf
        self.launch: tuple[float, tuple[float, float], ballistics.Shot] | None = None
        self.launch_at = math.inf  # when it is thrown, by someone on stage or from off it
        self.state = "waiting"  # waiting, flying, caught
        self.landed = False
        g = max(self.ctx.gravity, 1.0)
        self.v0 = math.sqrt(2.0 * g * LEAP * self.inst.size)
        self.flight = 2.0 * self.v0 / g
        super().build()

    # -- the leap ---------------------------------------------------------------------------
    def _leap(self, t: float) -> tuple[LocalPose, float, float]:
        """Pose, height of the root above standing, and body pitch at time ``t``."""
        s = self.inst.size
        g = max(self.ctx.gravity, 1.0)
        u = t - self.leap_at
        wag = 0.5 + 0.35 * math.sin(TAU * 2.5 * t)
        if u < -CROUCH:  # watching it come, head up, tail going
            look = ease((t - self.launch_at) / 0.4)
            return self._qpose((0.05, -0.05, 0.05, -0.05), wag, 0.2 + 0.5 * look), 0.0, 0.0
        if u < 0.0:  # gathering: haunches down, front up a little
            k = ease((u + CROUCH) / CROUCH)
            return self._qpose((0.35 * k, 0.3 * k, 0.5 * k, 0.45 * k), wag, 0.6,
                               knee=0.5 * k), -0.18 * s * k, 0.15 * k
        if u < self.flight:  # in the air: stretched out, front up until the apex
            rise = self.v0 * u - 0.5 * g * u * u
            k = u / self.flight
            pitch = 0.55 * (1.0 - 2.0 * k)
            return self._qpose((0.9, 0.8, -0.9, -0.8), 0.9, 0.7 - 0.6 * k), rise, pitch
        k = math.exp(-(u - self.flight) / 0.12)  # landing: a squash that settles
        return self._qpose((0.2 * k, 0.15 * k, -0.2 * k, -0.15 * k), wag + 0.3, 0.3,
                           knee=0.4 * k), -0.12 * s * k, 0.0


    def _quadruped(self, t: float, dt: float, gait: tuple[float, float],
                   running: bool) -> tuple[LocalPose, float, float]:
        pose, rise, pitch = self._leap(t)
        self.air_y = max(rise, 0.0)
        base = self.ground + rest_height(Archetype.QUADRUPED, self.inst.size)
        return pose, base + rise, pitch * self.facing

    def mouth_at(self, t: float) -> tuple[float, float]:
        """Where the mouth is at time ``t`` (the jaws the thing is caught in)."""
        pose, rise, pitch = self._leap(t)
        base = self.ground + rest_height(Archetype.QUADRUPED, self.inst.size)
        head = place(self.x, base + rise, pitch * self.facing, self.facing, pose)["head"]
        s = self.inst.size
        c, sn = math.cos(head.angle), math.sin(head.angle)
        ahead, down = 0.04 * s * self.facing, -0.05 * s
        return head.x + c * ahead - sn * down, head.y + sn * ahead + c * down

    # -- the thing --------------------------------------------------------------------------
    def control(self, t: float) -> None:
        super().control(t)
        if not self.landed and t >= self.leap_at + self.flight:
            self.landed = True
            self._footstep(t, 3.0)
        thing = self.thing
        if thing is None:
            return
        dt = self.ctx.clock.frame_dt
        if self.state == "waiting" and self.launch is not None and t >= self.launch[0] - 1e-9:
            _, start, shot = self.launch
            b = thing.body
            b.body_type = pymunk.Body.DYNAMIC
            b.position = start
            b.velocity = ballistics.stepped(shot, self.ctx.gravity, self.ctx.clock.h)
            b.angular_velocity = 0.0
            thing.visible = True
            self.state = "flying"
        if self.state == "flying" and t + dt > self.catch_at:
            self._catch()
        if self.state == "caught":
            tx, ty = self.mouth_at(t + dt)
            b = thing.body
            b.velocity = ((tx - b.position.x) / dt, (ty - b.position.y) / dt)
            b.angular_velocity = 0.0

    def _catch(self) -> None:
        assert self.thing is not None
        self.state = "caught"
        b = self.thing.body
        b.body_type = pymunk.Body.KINEMATIC
        x, y = self.mouth_at(self.catch_at)
        mass = float(sum(shape.mass for shape in self.thing.shapes)) or 0.2
        self.ctx.world.record("impact", self.thing.inst.uid, self.inst.uid, x, y, mass * 4.0,
                              self.thing.inst.material, "flesh", sim_t=self.catch_at)

    def plan(self, thing: RigidActor) -> None:
        """Take ``thing`` off stage and solve its throw into the mouth at the leap's top."""
        self.thing = thing
        w = self.ctx.stage_width
        if self.inst.x > 0.5 * w:
            self.facing = -1
        elif self.inst.x < 0.5 * w:
            self.facing = 1
        start = (min(max(self.x + self.facing * THROWN_FROM, -1.0), w + 1.0),
                 self.ctx.world.floor_y + THROWN_HEIGHT)
        at = LAUNCH_AT
        self.leap_at = 0.0  # the mouth at the apex does not depend on when the leap is
        apex = self.mouth_at(0.5 * self.flight)
        shot = ballistics.solve_arc(start, apex, self.ctx.gravity, DESCENT)
        self.catch_at = _frame_after(self.ctx, at + shot.flight)
        at = self.catch_at - shot.flight
        self.leap_at = self.catch_at - 0.5 * self.flight
        self.launch = (at, start, shot)
        self.launch_at = at
        for shape in thing.shapes:  # it flies past the animal's body into its mouth
            shape.filter = pymunk.ShapeFilter(group=self.group_id)
        b = thing.body
        b.body_type = pymunk.Body.KINEMATIC
        b.position = start
        b.velocity = (0.0, 0.0)
        b.angle = 0.0
        thing.visible = False


    def meet(self, thrower: AimedFigure) -> None:
        """Leap for what ``thrower`` throws: its throw is solved into the mouth at the top."""
        assert thrower.launch is not None and thrower.ball is not None
        self.thing = thrower.ball
        self.facing = 1 if thrower.x >= self.x else -1
        at, start = thrower.launch.at, thrower.launch.start
        self.leap_at = 0.0
        shot = ballistics.solve_arc(start, self.mouth_at(0.5 * self.flight), self.ctx.gravity,
                                    DESCENT)
        thrower.launch = Launch(at, start, shot)
        thrower.next_group = self.group_id
        self.catch_at = at + shot.flight
        self.leap_at = self.catch_at - 0.5 * self.flight
        self.launch_at = at
        self.state = "flying"  # in the thrower's hands: it is caught when it arrives


def _frame_after(ctx: ShotContext, t: float) -> float:
    dt = ctx.clock.frame_dt
    return math.ceil(t / dt - 1e-9) * dt


def plan_catches(ctx: ShotContext) -> None:
    """Hand every catching animal the thing it catches (call once, after build)."""
    for actor in list(ctx.actors.values()):
        if not isinstance(actor, CatchingAnimal):
            continue
        wanted = actor.inst.entity.object
        thrower = next((a for a in ctx.actors.values() if isinstance(a, AimedFigure)
                        and a.ball is not None and a.ball.inst.group == wanted
                        and a.launch is not None), None)
        thing = next((a for a in ctx.actors.values() if isinstance(a, RigidActor)
                      and a.inst.group == wanted), None)
        if thrower is not None:
            actor.meet(thrower)
        elif thing is not None:
            actor.plan(thing)

