"""Scenery: trees, plants and buildings that frame the action and sway in the wind."""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.scene import EntityFrame
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.kinematic import kinematic_offset
from openreel.engines.procedural.simulation.poses import place, rest_height, rigid_pose
from openreel.spec import Archetype, Motion


class SceneryActor(Actor):
    """A static backdrop piece; on the stage plane it is also a static collider."""

    def build(self) -> None:
        i = self.inst
        self.phase = float(self.rng.uniform(0, 2 * math.pi))
        if i.depth == 0.0 and i.archetype in (Archetype.TREE, Archetype.BUILDING):
            # only the trunk or walls block things on the stage plane
            s = i.size
            w, h = (0.08 * s, 0.5 * s) if i.archetype is Archetype.TREE else (0.7 * s, s)
            bottom = i.y - rest_height(i.archetype, s)
            seg = pymunk.Segment(self.ctx.world.space.static_body, (i.x, bottom + w / 2),
                                 (i.x, bottom + h - w / 2), w / 2)
            self.ctx.world.add_shape(seg, i.uid, i.material)
            self.ctx.world.space.add(seg)

    def snapshot(self, t: float) -> EntityFrame:
        i = self.inst
        wind = self.ctx.env.wind
        off = kinematic_offset(i.motion, t, self.ctx.clock.sim_duration, i.size, self.phase)
        size = i.size * off.scale
        pose = rigid_pose(i.archetype, size)
        if i.archetype in (Archetype.TREE, Archetype.PLANT):
            # canopy sways: a lean with the wind plus gusts, top parts lagging the trunk
            gust = math.sin(2 * math.pi * t / 3.1 + self.phase) + 0.4 * math.sin(
                2 * math.pi * t / 1.3 + 2 * self.phase)
            sway = -(0.01 + 0.004 * abs(wind)) * gust - 0.006 * wind
            top = "canopy" if i.archetype is Archetype.TREE else "bloom"
            px, py, _ = pose[top]
            pose[top] = (px - math.sin(sway) * py * 0.5, py, sway)
        y = i.y + (size - i.size) * 0.5 if i.motion is Motion.GROW else i.y
        self.x, self.y = i.x + off.dx, y + off.dy
        self.angle = off.angle
        return self.frame(place(self.x, self.y, self.angle, self.facing, pose), size=size)
