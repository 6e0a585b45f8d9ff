"""Diving: a figure leaves the edge on a ballistic arc, splashes in, comes up and swims.

A dive goes in head first with the arms over the head; a jump into the water (a
cannonball) goes in tucked. The arc is exact under the shot's gravity, so the moment the
body's centre meets the surface is known to the sub-step: the splash, its spray and its
sound are put there.
"""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.kinematic import ease_in_out
from openreel.engines.procedural.simulation.pool import PoolActor, pool_extent
from openreel.engines.procedural.simulation.poses import (
    HumanoidJoints,
    LocalPose,
    humanoid_foot_drop,
    humanoid_pose,
    quadruped_pose,
)
from openreel.spec import Archetype, Motion

START = 0.6  # seconds standing at the edge
CROUCH = 0.4  # anticipation before the leap
RISE = {"dive": 0.75, "jump": 0.6}  # metres the body climbs above its standing height
SINK = 0.8  # seconds from entry to the deepest point
SURFACE = 1.0  # seconds from the deepest point back up to the surface
SWIM_SPEED = 0.6  # m/s along the pool once up


def _tuck() -> HumanoidJoints:
    """A cannonball: knees hugged to the chest."""
    return HumanoidJoints(lean=-0.2, head=0.2, hip_near=2.3, knee_near=2.5, hip_far=2.2,
                          knee_far=2.4, shoulder_near=1.3, elbow_near=1.4, shoulder_far=1.2,
                          elbow_far=1.5)


def _streamline(spread: float) -> HumanoidJoints:
    """A dive: arms over the head, legs together (``spread`` 0..1 opens them for the leap)."""
    return HumanoidJoints(lean=0.0, head=-0.3, hip_near=0.25 * spread, knee_near=0.2 * spread,
                          hip_far=-0.1 * spread, knee_far=0.1, shoulder_near=3.0,
                          elbow_near=0.05, shoulder_far=3.05, elbow_far=0.05)


class DiveFigure(FigureActor):
    """A person or animal diving or jumping into a pool (or open water)."""

    def build(self) -> None:
        i = self.inst
        self.style = "dive" if i.motion is Motion.DIVE else "jump"
        self.water: tuple[float, float, float, float] | None = None
        self.pool_uid = ""
        pool = self.ctx.target_of(self)
        if not isinstance(pool, PoolActor):
            pool = next((a for a in self.ctx.actors.values() if isinstance(a, PoolActor)), None)
        if pool is not None:
            p = pool.inst
            self.water = pool_extent(p.x, p.y, p.size)
            self.pool_uid = p.uid
        elif self.ctx.water_level is not None:
            self.water = (-math.inf, math.inf, self.ctx.water_level, self.ctx.water_level - 3.0)
        self.splashed = False
        self.swim_dir = self.facing
        self._plan()
        super().build()

    def _plan(self) -> None:
        i = self.inst
        s = i.size
        g = max(self.ctx.gravity, 0.5)
        stand = i.y
        self.leap_at = START + CROUCH + 0.2 * i.index
        self.vy0 = math.sqrt(2.0 * g * RISE[self.style] * (s / 1.75) ** 0.5)
        if self.water is None:
            # nowhere to go in: a leap forward that lands where it started from
            self.level = stand
            self.entry_x = i.x + self.facing * 1.2 * s
        else:
            x0, x1, self.level, _ = self.water
            if math.isfinite(x1 - x0):
                edge = x0 if self.facing > 0 else x1
                self.entry_x = edge + self.facing * min(1.4, 0.3 * (x1 - x0))
            else:  # open water: out from where it stands
                self.entry_x = i.x + self.facing * 1.2 * s
        drop = stand - self.level
        self.flight = (self.vy0 + math.sqrt(self.vy0 ** 2 + 2.0 * g * max(drop, 0.0))) / g
        self.vx0 = (self.entry_x - i.x) / self.flight
        self.enters = self.leap_at + self.flight
        self.stand = stand
        self.g = g

    # -- where the body is --------------------------------------------------------------------
    def _root(self, t: float) -> tuple[float, float, float, float]:
        """Root x, y, body angle and how far through the flight (0..1) at time ``t``."""
        i = self.inst
        f = self.facing
        if t < self.leap_at:
            return i.x, self.stand, 0.0, 0.0
        if t < self.enters:
            u = t - self.leap_at
            x = i.x + self.vx0 * u
            y = self.stand + self.vy0 * u - 0.5 * self.g * u * u
            w = u / self.flight
            turn = -(0.5 * math.pi + 0.7) * ease_in_out(w) if self.style == "dive" else -0.4 * w
            return x, y, turn * f, w
        if self.water is None:
            return self.entry_x, self.stand, 0.0, 1.0
        if self.inst.archetype is Archetype.QUADRUPED:
            # a dog bobs straight back up and paddles with its head out
            k = min((t - self.enters) / (SINK + SURFACE), 1.0)
            dip = 0.5 * self.inst.size * math.sin(math.pi * k)
            x = self._swim_x(self.entry_x, max(t - self.enters - 0.5, 0.0))
            return x, self.level + 0.05 * self.inst.size - dip, 0.0, 1.0
        u = t - self.enters
        depth = 0.45 * self.inst.size if self.style == "dive" else 0.35 * self.inst.size
        float_y = self.level - 0.08 * self.inst.size
        lying = -1.4 * f
        if u < SINK:
            k = math.sin(0.5 * math.pi * u / SINK)
            start_turn = -(0.5 * math.pi + 0.7) if self.style == "dive" else -0.4
            turn = start_turn + (-1.4 - start_turn) * ease_in_out(u / SINK)
            return (self.entry_x + f * 0.6 * k, self.level - depth * k, turn * f, 1.0)
        u -= SINK
        if u < SURFACE:
            k = ease_in_out(u / SURFACE)
            y = self.level - depth + (float_y - self.level + depth) * k
            return self.entry_x + f * (0.6 + 0.3 * k), y, lying, 1.0
        u -= SURFACE
        x = self._swim_x(self.entry_x + f * 0.9, u)
        return x, float_y, -1.4 * self.swim_dir, 1.0

    def _swim_x(self, x0: float, u: float) -> float:
        """Along the pool at an easy pace, turning at the walls."""
        lo, hi, _, _ = self.water if self.water is not None else (x0, x0, 0.0, 0.0)
        margin = 0.5 * self.inst.size
        if math.isfinite(hi - lo):
            lo, hi = lo + margin, hi - margin
        else:
            w = self.ctx.stage_width
            lo, hi = max(x0 - 3.0, margin), min(x0 + 3.0, w - margin)
        span = max(hi - lo, 1e-3)
        travel = (x0 - lo if self.facing > 0 else hi - x0) + SWIM_SPEED * u
        leg, pos = divmod(travel, span)
        forward = int(leg) % 2 == 0
        self.swim_dir = self.facing if forward else -self.facing
        if self.facing > 0:
            return lo + pos if forward else hi - pos
        return hi - pos if forward else lo + pos

    # -- poses -------------------------------------------------------------------------------
    def _humanoid(self, t: float, dt: float, running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        x, y, angle, w = self._root(t)
        self.x = self.draw_x = x
        if t < START:
            j = gaits.idle(t, self.idle_phase)
            return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0
        if t < self.leap_at:
            depth = math.sin(0.5 * math.pi * min((t - START) / CROUCH, 1.0))
            j = gaits.crouch(depth)
            if self.style == "dive":
                j.shoulder_near = j.shoulder_far = -0.9 * depth + 2.6 * depth ** 4
            return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0
        if t < self.enters:
            j = _streamline(1.0 - w) if self.style == "dive" else _tuck()
            return humanoid_pose(s, j), y, angle
        if self.water is None:
            j = gaits.idle(t, self.idle_phase)
            return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0
        if t < self.enters + SINK:
            j = _streamline(0.0) if self.style == "dive" else _tuck()
            return humanoid_pose(s, j), y, angle
        self.facing = self.swim_dir  # turned round at a wall
        return humanoid_pose(s, gaits.swim(t)), y, angle

    def _quadruped(self, t: float, dt: float, gait: tuple[float, float],
                   running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        x, y, _angle, w = self._root(t)
        self.x = self.draw_x = x
        tail = 0.4 + 0.3 * math.sin(5.0 * t)
        if t < START:
            return quadruped_pose(s, (0.03, -0.03, 0.03, -0.03), tail, 0.2), self.stand, 0.0
        if t < self.leap_at:
            k = min((t - START) / CROUCH, 1.0)
            legs = (0.3 * k, 0.25 * k, -0.4 * k, -0.35 * k)
            return quadruped_pose(s, legs, tail, -0.3 * k, knee=0.5 * k), (
                self.stand - 0.15 * s * k), 0.2 * k
        if t < self.enters or self.water is None:
            if t >= self.enters:
                return quadruped_pose(s, (0.0, 0.0, 0.0, 0.0), tail, 0.1), self.stand, 0.0
            return quadruped_pose(s, (1.1, 0.9, -1.1, -0.9), 0.9, 0.3), y, (
                0.35 - 0.7 * w) * self.facing
        # paddling: legs wheel under the surface, head held up
        self.facing = self.swim_dir
        a = 2.0 * math.pi * 1.6 * t
        legs = (0.7 * math.sin(a), 0.7 * math.sin(a + math.pi), 0.6 * math.sin(a + math.pi),
                0.6 * math.sin(a))
        return quadruped_pose(s, legs, 0.6, 0.6), y, 0.0

    def control(self, t: float) -> None:
        dt = self.ctx.clock.frame_dt
        if not self.splashed and self.water is not None and self.pool_uid and (
                t < self.enters <= t + dt):
            self.splashed = True
            self._splash()
        super().control(t)

    def _splash(self) -> None:
        pool = self.ctx.actors.get(self.pool_uid)
        speed = math.hypot(self.vx0, self.vy0 - self.g * self.flight)
        size = self.inst.size * (1.3 if self.style == "jump" else 0.8)
        if isinstance(pool, PoolActor):
            pool.splash(self.entry_x, speed, size)
        mass = 70.0 * (self.inst.size / 1.75) ** 2
        self.ctx.world.record("splash", self.inst.uid, self.pool_uid, self.entry_x,
                              self.level, mass * speed, self.inst.material, "water",
                              sim_t=self.enters)


DIVERS = (Archetype.HUMANOID, Archetype.QUADRUPED)
