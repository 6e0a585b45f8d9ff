"""Pouring: a vessel that tilts over its target, and the fluid that goes with it."""

from __future__ import annotations

import math
from collections.abc import Callable

import pymunk

from openreel.engines.procedural.scene import GROUND, EntityFrame
from openreel.engines.procedural.simulation.actor import Actor, ShotContext
from openreel.engines.procedural.simulation.fluid import (
    LIQUID_COLOURS,
    Box,
    Circle,
    Fluid,
    Vessel,
)
from openreel.engines.procedural.simulation.kinematic import ease_in_out
from openreel.engines.procedural.simulation.poses import container_pose, place
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.spec import Archetype

TILT = -1.95  # radians: the jug ends up a little past horizontal
TIP = 1.0  # radians of the first quick tip, before the water reaches the lip
FULL = 0.75  # the pourer stops when its target is this full
START_FILL = 0.6  # share of the pourer's height filled with water at the start


def vessel_boxes(x: float, y: float, angle: float, s: float) -> list[Box]:
    """Solid boxes (floor and two walls) of a vessel of size ``s`` with root (x, y)."""
    c, sn = math.cos(angle), math.sin(angle)
    out: list[Box] = []
    for lx, ly, hw, hh in ((0.0, -0.47 * s, 0.3 * s, 0.03 * s),
                           (-0.275 * s, 0.0, 0.025 * s, 0.5 * s),
                           (0.275 * s, 0.0, 0.025 * s, 0.5 * s)):
        out.append((x + c * lx - sn * ly, y + sn * lx + c * ly, angle, hw, hh))
    return out


def vessel_interior(x: float, y: float, angle: float,
                    s: float) -> tuple[float, float, float, float, float]:
    """The inside of a vessel as a box (centre, angle, half width, half height)."""
    c, sn = math.cos(angle), math.sin(angle)
    ly = 0.03 * s
    return x - sn * ly, y + c * ly, angle, 0.25 * s, 0.47 * s


class PourActor(Actor):
    """A vessel held in the air that tips over its target, pours slowly, then rights itself."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        self.spout0 = (i.x + 0.3 * s, i.y + 0.5 * s)
        self.spout1 = (i.extra.get("pour_x", self.spout0[0] + 0.1),
                       i.extra.get("pour_y", self.spout0[1] - 0.2))
        self.tilt = 0.0  # radians, clockwise positive
        self.move = 0.0  # 0 at the start spot … 1 with the spout over the target
        self.stopping = False
        self.started = False
        self.initial = 0
        self.x, self.y, self.angle = self._pose(self.tilt, self.move)
        self._from = self._to = (self.x, self.y, self.angle)
        self._t0, self._t1 = 0.0, 1.0

    def _pose(self, tilt: float, move: float) -> tuple[float, float, float]:
        s = self.inst.size
        sx = self.spout0[0] + (self.spout1[0] - self.spout0[0]) * move
        sy = self.spout0[1] + (self.spout1[1] - self.spout0[1]) * move
        angle = -tilt
        c, sn = math.cos(angle), math.sin(angle)
        lx, ly = -0.3 * s, -0.5 * s
        return sx + c * lx - sn * ly, sy + sn * lx + c * ly, angle

    def pose_at(self, t: float) -> tuple[float, float, float]:
        """Root pose at simulated time ``t`` within the frame being stepped."""
        u = min(max((t - self._t0) / max(self._t1 - self._t0, 1e-9), 0.0), 1.0)
        return tuple(a + (b - a) * u for a, b in zip(self._from, self._to, strict=True))  # type: ignore[return-value]

    def control(self, t: float) -> None:
        fluid = self.ctx.fluid
        dt = self.ctx.clock.frame_dt
        target = self.inst.entity.target
        if fluid is not None and target is not None and not self.stopping and (
                fluid.fill.get(target, 0.0) >= FULL):
            self.stopping = True
        if fluid is not None and not self.started and (
                fluid.inside.get(self.inst.uid, 0) < self.initial - 2):
            self.started = True
            sx, sy = self.spout_position()
            self.ctx.world.record("pour", self.inst.uid, target or GROUND, sx, sy, 0.2,
                                  "water", self.inst.material)
        t1 = t + dt
        if self.stopping:
            # right the vessel and lift it back, easing out
            self.tilt = max(0.0, self.tilt - max(0.3, 1.5 * self.tilt) * dt)
            self.move = max(0.0, self.move - dt / 1.5)
        else:
            self.move = ease_in_out((t1 - 0.3) / 1.2)
            if not self.started and self.tilt < TIP:
                self.tilt = TIP * ease_in_out((t1 - 0.3) / 1.2)
            else:
                # tilt on until it flows, then slowly, so the stream stays a thin pour
                rate = 0.12 if self.started else 0.4
                self.tilt = min(-TILT, self.tilt + rate * dt)
        self._from = (self.x, self.y, self.angle)
        x, y, a = self._pose(self.tilt, self.move)
        self._to = (x, y, a)
        self._t0, self._t1 = t, t1
        self.vx, self.vy = (x - self.x) / dt, (y - self.y) / dt
        self.x, self.y, self.angle = x, y, a

    def spout_position(self) -> tuple[float, float]:
        """World position of the spout (top of the right wall)."""
        s = self.inst.size
        c, sn = math.cos(self.angle), math.sin(self.angle)
        return self.x + c * 0.3 * s - sn * 0.5 * s, self.y + sn * 0.3 * s + c * 0.5 * s

    def snapshot(self, t: float) -> EntityFrame:
        parts = place(self.x, self.y, self.angle, 1, container_pose(self.inst.size))
        fill = self.ctx.fluid.fill.get(self.inst.uid, 0.0) if self.ctx.fluid else 0.0
        return self.frame(parts, extra={"fill": fill, "vessel": 1.0})


def attach_fluid(ctx: ShotContext) -> None:
    """Give the shot a fluid when something pours, with every vessel as a collider."""
    pourers = [a for a in ctx.actors.values() if isinstance(a, PourActor)]
    if not pourers:
        return
    vessels = [a for a in ctx.actors.values() if a.inst.archetype is Archetype.CONTAINER]
    spacing = min(0.5 * a.inst.size for a in vessels) / 6.0
    spacing = min(max(spacing, 0.006), 0.1)
    floor = ctx.world.floor_y if ctx.world.has_ground else None
    fluid = Fluid(spacing, ctx.gravity, floor, ctx.stage_width, source=pourers[0].inst.uid,
                  colour=LIQUID_COLOURS.get(pourers[0].inst.entity.action or "",
                                            LIQUID_COLOURS["water"]))
    for a in vessels:
        fluid.vessels.append(_vessel_of(a))
    for a in ctx.actors.values():
        if isinstance(a, RigidActor) and a.inst.archetype in (Archetype.BALL, Archetype.FOOD):
            fluid.circles.append(Circle(_centre_of(a.body), 0.5 * a.inst.size))
    for p in pourers:
        s = p.inst.size
        bottom = p.y - 0.44 * s
        p.initial = fluid.add_block(p.x - 0.25 * s, bottom, p.x + 0.25 * s,
                                    bottom + START_FILL * 0.94 * s)
    last = [-1.0]

    def on_splash(x: float, y: float, speed: float) -> None:
        # water hitting the floor: spray, and a splash sound at most a few times a second
        if speed < 1.0 or fluid.sim_t - last[0] < 0.15:
            return
        last[0] = fluid.sim_t
        ctx.effects.splash(x, y, speed, n=8)
        ctx.world.record("splash", fluid.source, GROUND, x, y, 0.05 * speed, "water",
                         ctx.world.ground_material, sim_t=fluid.sim_t)

    fluid.on_splash = on_splash
    for a in vessels:
        fluid.fill[a.inst.uid] = 0.0
    fluid._measure(0.0)
    fluid.flow.clear()
    ctx.fluid = fluid


def _vessel_of(actor: Actor) -> Vessel:
    s = actor.inst.size
    if isinstance(actor, PourActor):
        pa = actor
        return Vessel(actor.inst.uid, lambda t: vessel_boxes(*pa.pose_at(t), s),
                      lambda t: vessel_interior(*pa.pose_at(t), s))
    assert isinstance(actor, RigidActor)
    body = actor.body
    return Vessel(actor.inst.uid,
                  lambda t: vessel_boxes(body.position.x, body.position.y, body.angle, s),
                  lambda t: vessel_interior(body.position.x, body.position.y, body.angle, s))


def _centre_of(body: pymunk.Body) -> Callable[[], tuple[float, float]]:
    return lambda: (body.position.x, body.position.y)
