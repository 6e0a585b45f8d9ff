"""A swimming pool: a basin sunk in the floor, full of water that floats or sinks by density.

Everything that drops through its surface splashes (spray, and a splash sound on that
sub-step); below the surface a body is lifted by the water it displaces and slowed by
drag, so a ball bobs up and floats while a stone goes to the bottom.
"""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.rigs import POOL_DEPTH, POOL_FREEBOARD, POOL_WALL
from openreel.engines.procedural.scene import GROUND, EntityFrame, Particles
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.buoyancy import apply_buoyancy
from openreel.engines.procedural.simulation.effects import Effects
from openreel.engines.procedural.simulation.poses import apparatus_pose, place

# The basin is drawn first, behind what swims in it (a water tint is laid over those).
BEHIND = 0.001
SPLASH_SPEED = 0.8  # m/s: slower entries only ripple


def pool_extent(x: float, y: float, size: float) -> tuple[float, float, float, float]:
    """Water of a pool whose root is at (x, y): left and right walls, surface, bottom."""
    deck = y + 0.5 * POOL_DEPTH * size
    return (x - (0.5 - POOL_WALL) * size, x + (0.5 - POOL_WALL) * size,
            deck - POOL_FREEBOARD * size, y + (-0.5 * POOL_DEPTH + POOL_WALL) * size)


class PoolActor(Actor):
    """The basin, its water and the spray thrown up when things fall in."""

    needs_substep = True

    def build(self) -> None:
        i = self.inst
        self.x0, self.x1, self.level, self.bottom = pool_extent(i.x, i.y, i.size)
        self.ctx.world.cut_floor(self.x0, self.x1, self.bottom)
        # spray falls back onto the water, not onto the deck around it
        self.spray = Effects(self.ctx.gravity, self.level, self.rng, self.ctx.env.wind)
        self.seen: dict[int, float] = {}
        self.areas: dict[int, tuple[float, float]] = {}

    def contains(self, x: float) -> bool:
        """Whether a point at ``x`` is over the water."""
        return self.x0 < x < self.x1

    def splash(self, x: float, speed: float, size: float) -> None:
        """Spray thrown up where something enters the water at ``speed`` m/s."""
        n = int(30 + 80 * min(size, 2.0) * min(speed / 4.0, 1.5))
        self.spray.emit("splash", x, self.level, n, 1.5 + 0.9 * speed, spread=1.3,
                        size=0.025 + 0.02 * min(size, 2.0), lifetime=1.1)
        # a low crown of foam thrown out to both sides along the surface
        for side in (0.45, math.pi - 0.45):
            self.spray.emit("splash", x, self.level, n // 5, 0.6 + 0.45 * speed, spread=0.5,
                            direction=side, size=0.03 + 0.02 * min(size, 2.0), lifetime=0.6)
        self.spray.emit("bubble", x, self.level - 0.2 * size, n // 4, 0.6, spread=6.0,
                        size=0.03, lifetime=1.5)

    def _shape_of(self, body: pymunk.Body) -> tuple[float, float]:
        key = id(body)
        if key not in self.areas:
            shapes = list(body.shapes)
            area = sum(s.area for s in shapes)
            bb = shapes[0].cache_bb()
            for shape in shapes[1:]:
                bb = bb.merge(shape.cache_bb())
            self.areas[key] = (area, 0.5 * (bb.top - bb.bottom))
        return self.areas[key]

    def substep(self, t: float, h: float) -> None:
        world = self.ctx.world
        for body in world.space.bodies:
            if body.body_type != pymunk.Body.DYNAMIC or not body.shapes:
                continue
            p = body.position
            prev = self.seen.get(id(body))
            self.seen[id(body)] = p.y
            if not self.contains(p.x):
                continue
            area, half = self._shape_of(body)
            if p.y - half < self.level:
                apply_buoyancy(body, area, half, self.level, self.ctx.gravity, h)
            if prev is not None and prev > self.level >= p.y and body.velocity.y < -SPLASH_SPEED:
                self._entered(body, p.x, -body.velocity.y, 2.0 * half, t)

    def _entered(self, body: pymunk.Body, x: float, speed: float, size: float,
                 t: float) -> None:
        tag = next((self.ctx.world.tag_of(s) for s in body.shapes), None)
        if tag is None or tag.uid == GROUND:
            return
        self.splash(x, speed, size)
        self.ctx.world.record("splash", tag.uid, self.inst.uid, x, self.level,
                              body.mass * speed, tag.material, "water", sim_t=t)

    def control(self, t: float) -> None:
        self.spray.step(self.ctx.clock.frame_dt)

    def particles(self, t: float) -> list[Particles]:
        return self.spray.snapshot()

    def snapshot(self, t: float) -> EntityFrame:
        i = self.inst
        parts = place(i.x, i.y, 0.0, self.facing, apparatus_pose(i.archetype, i.size))
        frame = self.frame(parts, extra={"water_level": self.level, "pool_x0": self.x0,
                                         "pool_x1": self.x1, "pool_bottom": self.bottom})
        frame.depth = BEHIND
        return frame


def mark_water_lines(pools: list[PoolActor], frames: list[EntityFrame]) -> None:
    """Tell the painter which things are partly under a pool's surface (tinted below it)."""
    for pool in pools:
        for frame in frames:
            if frame.uid == pool.inst.uid or not pool.contains(frame.x):
                continue
            # only what lies below the line gets the tint, so marking generously is safe
            low = min((p.y for p in frame.parts.values()), default=frame.y)
            if low - 0.5 * frame.size < pool.level:
                frame.extra["water_line"] = pool.level
