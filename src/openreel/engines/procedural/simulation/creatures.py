"""Things that move through air or water on scripted arcs: birds, fish and aircraft."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from openreel.engines.procedural.scene import GROUND, EntityFrame
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.grouping import surface_of
from openreel.engines.procedural.simulation.kinematic import KINEMATIC, kinematic_offset
from openreel.engines.procedural.simulation.poses import (
    aircraft_pose,
    bird_pose,
    fish_pose,
    place,
    rest_height,
)
from openreel.spec import Archetype, Motion, Relation

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.layout import Instance

A = Archetype
M = Motion
GROUNDED = (M.IDLE, M.WALK, M.SIT, M.SLEEP, M.TALK, M.DANCE, M.WAVE)
# Birds that never take to the air: whatever they do, they do on the ground.
FLIGHTLESS = frozenset({"penguin", "chicken", "ostrich"})
_GROUND_SPEEDS = {M.WALK: 0.35, M.RUN: 1.2, M.SLIDE: 1.8, M.CHASE: 1.2}  # m/s on foot
PERCH_HEIGHT = 1.4  # metres up a bough a perched bird sits
_BELLY = 1.35  # radians a penguin tips forward onto its belly to slide


class CreatureActor(Actor):
    """A bird, fish or aircraft: moves along smooth arcs, flapping, wagging or spinning."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        self.phase = float(self.rng.uniform(0, 2 * math.pi))
        self.base_y = i.y
        self.t_prev = 0.0
        self.flap = 0.0
        self.grounded = i.archetype is A.BIRD and (i.motion in GROUNDED or i.kind in FLIGHTLESS)
        if i.archetype is A.BIRD and self.grounded:
            self.base_y = i.y if i.entity.position is not None else rest_height(A.BIRD, s)
            self.y = self.base_y
        perch = self._perch()
        self.perched = perch is not None
        self.bough = self.perched and self._tree() is not None  # drawn under its feet
        if perch is not None:  # "a parrot sits on a branch": up in the tree, on a bough
            self.grounded = True
            self.x, self.base_y = perch
            self.y = self.base_y
        cruise = {A.BIRD: 2.5 * (s / 0.25) ** 0.3, A.FISH: 0.9 * (s / 0.3) ** 0.4,
                  A.AIRCRAFT: 6.0}[i.archetype]
        if self.grounded:
            cruise = _GROUND_SPEEDS.get(i.motion, 0.0)
        if i.motion in KINEMATIC or i.motion in (M.SIT, M.SLEEP, M.TALK, M.WAVE):
            cruise = 0.0
        if i.archetype is A.AIRCRAFT and i.extra.get("keep_place"):
            cruise = 0.0  # parked where the prompt put it, beside another thing
            self.grounded = True
        # a school of fish keeps together, one way; other creatures of a group go both ways
        together = i.archetype is A.FISH
        self.speed = i.vx if i.vx != 0.0 else cruise * (
            1 if together or i.index % 2 == 0 else -1)
        self.face_velocity()
        if self.speed < 0:
            self.facing = -1
        # flaps per second: small wings beat fast
        self.flap_rate = 3.0 * (0.25 / max(s, 0.05)) ** 0.4
        self.dive = i.motion in (M.CRASH, M.FALL) and i.archetype is A.AIRCRAFT
        self.crashed = False
        self._advance(0.0, 0.0)

    def _perch(self) -> tuple[float, float] | None:
        """Where a bird sitting in a tree perches: on a bough reaching in from the side
        (drawn under its feet), the tree itself set back (None when it sits elsewhere)."""
        i = self.inst
        e = i.entity
        if i.archetype is not A.BIRD or i.motion not in (M.SIT, M.IDLE, M.SLEEP, M.TALK):
            return None
        if self._tree() is not None:
            return i.x, PERCH_HEIGHT + 0.15 * i.index + rest_height(A.BIRD, i.size)
        support = next((a.inst for a in self.ctx.actors.values()
                        if e.relation is Relation.ON and a.inst.group == e.relative_to), None)
        if support is None:
            return None
        # "a butterfly on a flower", "a parrot on the sofa": on top of it, and seen in front
        i.depth = min(i.depth, support.depth - 0.005)
        return support.x, surface_of(support) + rest_height(A.BIRD, i.size)

    def _tree(self) -> Instance | None:
        """The tree the prompt puts this creature in or on, if any."""
        e = self.inst.entity
        return next((a.inst for a in self.ctx.actors.values() if a.inst.archetype is A.TREE
                     and a.inst.group in (e.object, e.relative_to)), None)

    def control(self, t: float) -> None:
        self._advance(t + self.ctx.clock.frame_dt, self.ctx.clock.frame_dt)

    def _advance(self, t: float, dt: float) -> None:
        i = self.inst
        w = self.ctx.stage_width
        margin = 0.6 * i.size + 0.3
        if (self.x > w - margin and self.speed > 0) or (self.x < margin and self.speed < 0):
            self.speed = -self.speed
        prev_x, prev_y = self.x, self.y
        self.x += self.speed * dt
        if self.dive and not self.crashed:
            # a crashing aircraft noses down along a parabola until it meets the ground
            fall = 0.5 * max(self.ctx.gravity, 1.0) * 0.35 * max(t - 0.5, 0.0) ** 2
            self.y = max(self.base_y - fall, rest_height(i.archetype, i.size))
            if self.y <= rest_height(i.archetype, i.size) + 1e-6 and t > 0.6:
                self.crashed = True
                self.speed = 0.0
                self.visible = False
                self.ctx.effects.explosion(self.x, self.y, i.size, i.colour)
                self.ctx.world.record("explosion", i.uid, GROUND, self.x, self.y,
                                      200.0 * i.size, i.material, self.ctx.world.ground_material)
        elif not self.grounded:
            amp = 0.25 * i.size + (0.3 if i.archetype is A.BIRD else 0.1)
            self.y = self.base_y + amp * math.sin(2 * math.pi * t / 3.2 + self.phase)
        elif i.motion is M.SLIDE:
            self.y = self.base_y - 0.2 * i.size  # on its belly, nearer the ground
        elif i.motion in (M.WALK, M.RUN, M.CHASE):
            # birds on the ground hop
            self.y = self.base_y + 0.08 * i.size * abs(math.sin(2 * math.pi * 2.0 * t))
        off = kinematic_offset(i.motion, t, self.ctx.clock.sim_duration, i.size, self.phase)
        self.offset = off
        if dt > 0:
            self.vx = (self.x - prev_x) / dt
            self.vy = (self.y - prev_y) / dt
        self.face_velocity()
        # motion on arcs: pitch follows the path
        pitch = math.atan2(self.vy, abs(self.vx) + 1e-6) if abs(self.vx) > 0.05 else 0.0
        self.angle = 0.5 * pitch * self.facing + off.angle
        if self.grounded and i.motion is M.SLIDE:
            self.angle = -_BELLY * self.facing  # tipped forward, head first along the snow

    def _bubbles(self, t: float) -> None:
        """Swimmers under water breathe out a few bubbles now and then."""
        level = self.ctx.water_level
        if level is None or self.y > level or self.inst.archetype is not A.FISH:
            return
        if int((t + self.phase) / 0.8) != int((t + self.phase - self.ctx.clock.frame_dt) / 0.8):
            head = self.x + 0.45 * self.inst.size * self.facing
            self.ctx.effects.emit("bubble", head, self.y + 0.1 * self.inst.size, 3, 0.3,
                                  size=0.02 * max(self.inst.size, 0.3) ** 0.5, lifetime=2.0)

    def snapshot(self, t: float) -> EntityFrame:
        i = self.inst
        self._bubbles(t)
        s = i.size * self.offset.scale
        x, y = self.x + self.offset.dx, self.y + self.offset.dy
        extra: dict[str, float] = {}
        if i.archetype is A.BIRD:
            if self.perched:
                extra["perch" if self.bough else "perched"] = 1.0
            if self.grounded and i.motion is M.SLEEP:
                extra["asleep"] = 1.0
            if self.grounded:
                self.flap = 0.0
                pose = bird_pose(s, -0.25, legs_down=True)
            else:
                # flap in bursts with short glides in between
                burst = 0.5 + 0.5 * math.sin(2 * math.pi * t / 2.7 + self.phase)
                self.flap = 1.0 if burst > 0.25 else 0.0
                wing = 0.9 * math.sin(2 * math.pi * self.flap_rate * t) if self.flap else 0.15
                pose = bird_pose(s, wing, legs_down=False)
        elif i.archetype is A.FISH:
            wag = 0.45 * math.sin(2 * math.pi * (1.5 + abs(self.speed)) * t + self.phase)
            pose = fish_pose(s, wag)
        else:
            pose = aircraft_pose(s, (t * 40.0) % (2 * math.pi) if i.kind == "helicopter"
                                 else 0.0)
            extra["throttle"] = 0.0 if self.crashed else 0.8
        sx, sy = self.x, self.y
        self.x, self.y = x, y
        f = self.frame(place(x, y, self.angle, self.facing, pose), size=s,
                       blink=self.blinker(t) if i.archetype is not A.AIRCRAFT else 0.0,
                       extra=extra)
        self.x, self.y = sx, sy
        return f

    def sounds(self) -> dict[str, float]:
        i = self.inst
        if i.archetype is A.BIRD:
            return {"wings": 0.6 * self.flap} if self.flap else {}
        if i.archetype is A.AIRCRAFT and not self.crashed:
            return {"propeller" if i.kind == "helicopter" else "engine": 0.8}
        return {}
