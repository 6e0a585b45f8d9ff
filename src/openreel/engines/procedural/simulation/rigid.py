"""Rigid props: balls, blocks, food, furniture, vessels and props as single pymunk bodies.

Things drawn from art get a body cut from the artwork's silhouette (a few convex pieces),
so they rest, stack and tumble on the outline a viewer sees.
"""

from __future__ import annotations

import math

import numpy as np
import pymunk

from openreel.engines.procedural.art.library import artwork_of
from openreel.engines.procedural.art.silhouette import body_pieces
from openreel.engines.procedural.materials import material
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import GROUND, EntityFrame
from openreel.engines.procedural.simulation.actor import Actor, Squash
from openreel.engines.procedural.simulation.buoyancy import apply_buoyancy
from openreel.engines.procedural.simulation.grouping import SEAT_TOPS
from openreel.engines.procedural.simulation.kinematic import (
    KINEMATIC,
    ease_in_out,
    kinematic_offset,
)
from openreel.engines.procedural.simulation.poses import place, rigid_pose
from openreel.spec import Archetype, Motion, Relation

A = Archetype
# how much a material gives on impact (drives the squash): rubber and soap are springy
SOFTNESS = {"rubber": 1.6, "soap": 2.0, "leather": 1.2, "plastic": 0.8, "food": 0.9,
            "snow": 1.0, "fabric": 0.9, "flesh": 0.9}
JUMP_HEIGHT = 0.8  # metres a jumping prop rises
# kinds that float in air: upward force as a multiple of their weight
LIGHTER_THAN_AIR = {"balloon": 1.15, "bubble": 1.02}
# archetypes that take their body from their artwork (balls stay perfect circles)
SILHOUETTE_BODIES = (A.PROP, A.FOOD, A.BLOCK, A.FURNITURE, A.CONTAINER)
SQUASHY = (A.BALL, A.FOOD, A.BLOCK, A.PROP)


def rigid_shapes(body: pymunk.Body, archetype: Archetype, size: float,
                 kind: str = "") -> list[pymunk.Shape]:
    """Collision shapes of a single-body archetype, in the body's frame (root at origin).

    With a ``kind`` drawn from art, the shapes are the artwork's silhouette pieces.
    """
    s = size
    art = artwork_of(kind) if kind and archetype in SILHOUETTE_BODIES else None
    if art is not None:
        w, h = footprint(archetype, size, kind)
        pieces = body_pieces(art, w, h)
        if kind in SEAT_TOPS:
            # seen from the front, a seat's back stands behind its cushions: what drops
            # onto a sofa lands on the seat, not on top of the backrest
            pieces = [p for p in (_below(piece, -h / 2 + SEAT_TOPS[kind] * h)
                                  for piece in pieces) if len(p) >= 3]
        return [pymunk.Poly(body, piece) for piece in pieces]
    if archetype in (A.BALL, A.FOOD):
        return [pymunk.Circle(body, s / 2)]
    if archetype is A.BLOCK:
        return [pymunk.Poly.create_box(body, (s * 0.98, s * 0.98), radius=0.01 * s)]
    if archetype is A.CONTAINER:
        return [_box(body, 0.6 * s, 0.06 * s, 0.0, -0.47 * s),
                _box(body, 0.05 * s, s, -0.275 * s, 0.0),
                _box(body, 0.05 * s, s, 0.275 * s, 0.0)]
    if archetype is A.FURNITURE:
        return [_box(body, 1.3 * s, 0.12 * s, 0.0, 0.44 * s), _box(body, 1.1 * s, 0.88 * s, 0.0,
                                                                    -0.06 * s)]
    return [pymunk.Poly.create_box(body, (s, s))]


def _below(polygon: list[tuple[float, float]], level: float) -> list[tuple[float, float]]:
    """The part of a convex polygon at or below ``level`` (clipped by a horizontal line)."""
    out: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if y0 <= level:
            out.append((x0, y0))
        if (y0 <= level) != (y1 <= level):
            k = (level - y0) / (y1 - y0)
            out.append((x0 + k * (x1 - x0), level))
    return out


def _box(body: pymunk.Body, w: float, h: float, cx: float, cy: float) -> pymunk.Poly:
    hw, hh = w / 2, h / 2
    return pymunk.Poly(body, [(cx - hw, cy - hh), (cx + hw, cy - hh), (cx + hw, cy + hh),
                              (cx - hw, cy + hh)])


TURNTABLE_SECONDS = 4.0  # one turn of a thing spun on the spot, once up to speed


def turntable(t: float) -> float:
    """How wide a thing turning about its upright axis looks at ``t``: 1 face on, -1 turned
    about (drawn mirrored), through 0 edge on; it eases into the turn."""
    ramp = ease_in_out(t / 0.8)
    return math.cos(2.0 * math.pi * (t - 0.4 * (1.0 - ramp)) * ramp / TURNTABLE_SECONDS)


# Street furniture set in the ground: it stands on its pole however thin, unless struck.
PLANTED = frozenset({"stop_sign", "traffic_light", "parking_meter", "fire_hydrant"})


class RigidActor(Actor):
    """A single rigid body: dynamic for physical motions, kinematic for scripted ones."""

    def build(self) -> None:
        i = self.inst
        self.scripted = (i.motion in KINEMATIC and not (
            i.motion in (Motion.FLOAT, Motion.SINK) and self.ctx.water_level is not None)) or (
            i.motion is Motion.IDLE and (bool(i.extra.get("hung")) or i.kind in PLANTED))
        # (held up: a wall clock; set in the ground: a stop sign on its pole)
        # a thing that spins where it stands (a sneaker on a pedestal, a top, a coin) turns
        # about its upright axis, as on a turntable; a ball or a thing in the air turns flat
        self.turntable = i.motion is Motion.SPIN and i.archetype is not A.BALL and (
            i.entity.relation is Relation.ON or i.y <= i.rest + 0.05)
        kind = pymunk.Body.KINEMATIC if self.scripted else pymunk.Body.DYNAMIC
        # nudged over the edge of what it stands on at this time ("a cup falls off the desk")
        self.push_at = i.extra.get("push_at", math.inf)
        self.body = pymunk.Body(body_type=kind)
        self.body.position = (i.x, i.y)
        self.body.angle = i.angle
        # a vessel poured into keeps its rig walls, so the liquid has a cavity to fill
        self.vessel_shot = i.archetype is A.CONTAINER and any(
            a.inst.archetype is A.CONTAINER and a.inst.motion is Motion.POUR
            for a in self.ctx.actors.values())
        self.shapes = rigid_shapes(self.body, i.archetype, i.size,
                                   "" if self.vessel_shot else i.kind)
        density = material(i.material).density
        if i.motion is Motion.FLOAT:
            density = 0.4 * material("water").density  # floats: lighter than water
        elif i.motion is Motion.SINK:
            density = max(density, 2.0 * material("water").density)
        for shape in self.shapes:
            shape.density = max(density, 0.5)
            self.ctx.world.add_shape(shape, i.uid, i.material)
        self.ctx.world.space.add(self.body, *self.shapes)
        self.body.velocity = (i.vx, i.vy)
        if i.motion is Motion.ROLL and i.archetype in (A.BALL, A.FOOD):
            self.body.angular_velocity = -i.vx / (i.size / 2)
        elif i.motion is Motion.FALL and i.archetype is A.BLOCK:
            self.body.angular_velocity = float(self.rng.uniform(-2.0, 2.0))
        self.base = (i.x, i.y, i.angle)
        self.squash = Squash()
        self.seen_impact = -1.0
        self.softness = SOFTNESS.get(i.material, 0.4)
        self.last_jump = -10.0
        self.explode_at = (min(1.0 + 0.4 * i.index, 0.5 * self.ctx.clock.sim_duration)
                           if i.motion is Motion.EXPLODE else math.inf)
        self.exploded = False
        self.area = float(sum(s.area for s in self.shapes))
        self.half_h = 0.5 * footprint(i.archetype, i.size,
                                      "" if self.vessel_shot else i.kind)[1]
        # balloons and bubbles are lighter than air: they rise and drift with the wind
        self.airborne = i.kind in LIGHTER_THAN_AIR and self.ctx.env.resolved_gravity() > 0
        self.needs_substep = (self.ctx.water_level is not None or self.airborne) and not (
            self.scripted)
        self.phase = float(self.rng.uniform(0, 2 * math.pi))

    # -- steering -------------------------------------------------------------------------
    def control(self, t: float) -> None:
        i = self.inst
        dt = self.ctx.clock.frame_dt
        if self.exploded:
            return
        if t >= self.explode_at:
            self._explode(t)
            return
        if self.turntable:
            return  # it stays where it stands: only its drawing turns (see snapshot)
        if t >= self.push_at and not self.scripted:
            self.push_at = math.inf
            self.body.velocity = (i.extra.get("push_vx", 0.0), self.body.velocity.y)
        if self.scripted:
            # kinematic bodies move by velocity so things they touch are pushed properly
            off = kinematic_offset(i.motion, t + dt, self.ctx.clock.sim_duration, i.size,
                                   self.phase)
            tx, ty = self.base[0] + off.dx, self.base[1] + off.dy
            self.body.velocity = ((tx - self.body.position.x) / dt,
                                  (ty - self.body.position.y) / dt)
            self.body.angular_velocity = (self.base[2] + off.angle - self.body.angle) / dt
            return
        g = self.ctx.gravity
        if i.motion is Motion.JUMP and t - self.last_jump > 0.9 and self._resting():
            self.body.velocity = (self.body.velocity.x, math.sqrt(2 * max(g, 0.5) * JUMP_HEIGHT))
            self.last_jump = t
        elif i.motion in (Motion.CHASE, Motion.CRASH):
            self._chase(dt)

    def _resting(self) -> bool:
        return abs(self.body.velocity.y) < 0.3 and self.body.position.y < self.inst.y + 0.05 + (
            self.inst.size)

    def _chase(self, dt: float) -> None:
        target = self.ctx.target_of(self)
        if target is None:
            return
        speed = 6.0 if self.inst.motion is Motion.CRASH else 3.0
        dx = target.x - self.body.position.x
        want = math.copysign(speed, dx) if abs(dx) > 0.05 else 0.0
        v = self.body.velocity
        # a bounded push toward the target: real acceleration, so collisions stay physical
        dv = float(np.clip(want - v.x, -8.0 * dt, 8.0 * dt))
        self.body.apply_impulse_at_local_point((self.body.mass * dv, 0.0))

    def _explode(self, t: float) -> None:
        self.exploded = True
        self.visible = False
        world = self.ctx.world
        p = self.body.position
        world.space.remove(self.body, *self.shapes)
        self.body.velocity = (0.0, 0.0)
        self.body.angular_velocity = 0.0
        self.ctx.effects.explosion(p.x, p.y, self.inst.size, self.inst.colour)
        strength = 40.0 * self.inst.size
        for other in world.space.bodies:
            if other is self.body or other.body_type != pymunk.Body.DYNAMIC:
                continue
            d = other.position - p
            r = max(d.length, 0.2)
            if r < 4.0 and d.length > 1e-6:
                other.apply_impulse_at_world_point(d.normalized() * strength / r, other.position)
        world.record("explosion", self.inst.uid, GROUND, p.x, p.y, strength * 2,
                     self.inst.material, world.ground_material)

    def substep(self, t: float, h: float) -> None:
        if self.exploded:
            return
        level = self.ctx.water_level
        if level is not None:
            apply_buoyancy(self.body, self.area, self.half_h, level, self.ctx.gravity, h)
        if self.airborne:
            b = self.body
            lift = LIGHTER_THAN_AIR[self.inst.kind] * b.mass * self.ctx.gravity
            # air drag toward the wind: a light thing soon moves with the air around it
            wind = self.ctx.env.wind
            drag = 2.5 * b.mass
            fx = drag * (wind - b.velocity.x)
            fy = lift - drag * b.velocity.y
            b.apply_force_at_world_point((fx, fy), b.position)

    # -- reporting ------------------------------------------------------------------------
    def snapshot(self, t: float) -> EntityFrame:
        b = self.body
        self.x, self.y = b.position.x, b.position.y
        self.vx, self.vy = b.velocity.x, b.velocity.y
        self.angle = b.angle
        impact = self.ctx.world.last_impact.get(id(b))
        if impact is not None and impact.t > self.seen_impact:
            self.seen_impact = impact.t
            self.squash.hit(impact.t, impact.speed, impact.normal_angle, self.softness)
        size = self.inst.size
        if self.scripted and self.inst.motion is Motion.GROW:
            size *= kinematic_offset(Motion.GROW, t, self.ctx.clock.sim_duration, 1.0).scale
        squash, sq_angle = (1.0, 0.0)
        if self.inst.archetype in SQUASHY:
            squash, sq_angle = self.squash(t, self.vx, self.vy, self.softness)
        parts = place(self.x, self.y, self.angle, 1, rigid_pose(self.inst.archetype, size))
        extra: dict[str, float] = {}
        if self.turntable:
            extra["turn"] = turntable(t)
        if self.inst.archetype is A.CONTAINER:
            fluid = self.ctx.fluid
            extra["fill"] = fluid.fill.get(self.inst.uid, 0.0) if fluid is not None else 0.0
            if self.vessel_shot:
                extra["vessel"] = 1.0
        return self.frame(parts, size=size, squash=squash, squash_angle=sq_angle, extra=extra)

    def sounds(self) -> dict[str, float]:
        """Continuous sound levels this frame: rolling or sliding on the floor."""
        if self.exploded or self.scripted:
            return {}
        b = self.body
        gap = b.position.y - self.half_h - self.ctx.world.floor_y
        on_floor = gap < 0.03 * self.inst.size + 0.01
        speed = abs(b.velocity.x)
        if not on_floor or speed < 0.05:
            return {}
        kind = "roll" if self.inst.archetype in (A.BALL, A.FOOD) else "slide"
        return {kind: min(1.0, speed / 4.0)}
