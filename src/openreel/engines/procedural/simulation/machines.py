"""Machines: wheeled vehicles driven by motors, boats that float, rockets that launch."""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.materials import material
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import GROUND, Contact, EntityFrame, Transform
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.buoyancy import WATER_DENSITY, apply_buoyancy
from openreel.engines.procedural.simulation.kinematic import ease_in_out
from openreel.engines.procedural.simulation.poses import place, rigid_pose, rocket_pose
from openreel.spec import Motion

M = Motion
MOVING = (M.DRIVE, M.CRASH, M.CHASE, M.RUN, M.WALK, M.SLIDE, M.ROLL)


def _box(body: pymunk.Body, w: float, h: float, cx: float = 0.0, cy: float = 0.0,
         radius: float = 0.0) -> pymunk.Poly:
    hw, hh = w / 2, h / 2
    return pymunk.Poly(body, [(cx - hw, cy - hh), (cx + hw, cy - hh), (cx + hw, cy + hh),
                              (cx - hw, cy + hh)], radius=radius)


class VehicleActor(Actor):
    """A chassis with two wheels on pivot joints, each wheel turned by a motor."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        world = self.ctx.world
        self.group_id = 2000 + list(self.ctx.actors).index(i.uid)
        flt = pymunk.ShapeFilter(group=self.group_id)
        density = 0.3 * material(i.material).density  # a car is mostly air inside
        self.chassis = pymunk.Body()
        self.chassis.position = (i.x, i.y)
        # as long as it is drawn: a bicycle's artwork is shorter than a car's
        k = footprint(i.archetype, s, i.kind)[0] / footprint(i.archetype, s)[0]
        shapes: list[pymunk.Shape] = [
            _box(self.chassis, 2.6 * s * k, 0.5 * s, radius=0.025 * s),
            _box(self.chassis, 1.4 * s * k, 0.4 * s, -0.1 * s * k, 0.35 * s)]
        for shape in shapes:
            shape.density = density
            shape.filter = flt
            world.add_shape(shape, i.uid, i.material)
        self.radius = 0.25 * s
        self.wheels: list[pymunk.Body] = []
        self.motors: list[pymunk.SimpleMotor] = []
        joints: list[pymunk.Constraint] = []
        for dx in (-0.85 * s * k, 0.85 * s * k):
            wheel = pymunk.Body()
            wheel.position = (i.x + dx, i.y - 0.175 * s)
            tyre = pymunk.Circle(wheel, self.radius)
            tyre.density = density
            tyre.filter = flt
            world.add_shape(tyre, i.uid, "rubber")
            tyre.friction = 1.0
            shapes.append(tyre)
            self.wheels.append(wheel)
            joints.append(pymunk.PivotJoint(self.chassis, wheel, wheel.position))
            motor = pymunk.SimpleMotor(self.chassis, wheel, 0.0)
            motor.max_force = 0.0
            self.motors.append(motor)
            joints.append(motor)
        world.space.add(self.chassis, *self.wheels, *shapes, *joints)
        if i.depth > 0:
            world.lane.add(i.uid)
        for b in (self.chassis, *self.wheels):
            b.velocity = (i.vx, i.vy)
        self.mass = self.chassis.mass + sum(w.mass for w in self.wheels)
        self.cruise = {M.DRIVE: 4.0, M.CRASH: 9.0, M.CHASE: 6.0}.get(i.motion, 3.0)
        self.cruise *= (s / 1.5) ** 0.5
        direction = 1.0 if i.vx >= 0 else -1.0
        if i.motion in (M.CRASH, M.CHASE):
            target = self.ctx.target_of(self)
            if target is not None:
                direction = 1.0 if target.x >= i.x else -1.0
        elif i.index % 2 == 1 and i.vx == 0.0 and i.depth == 0.0:
            direction = -1.0
        self.direction = direction
        self.facing = int(direction)
        self.crashed = False
        self.throttle = 0.0
        self.turned_at = -10.0
        world.listeners.append(self._on_contact)

    def _on_contact(self, c: Contact) -> None:
        if self.crashed or c.kind != "impact" or self.inst.uid not in (c.a, c.b):
            return
        # a hard hit on something, or a nose-first hit on a wall, is a crash; the wheels
        # rolling on the floor are not
        into_thing = c.b != GROUND and c.impulse > 0.5 * self.mass
        into_wall = abs(c.x - self.chassis.position.x) > 0.5 * self.inst.size and (
            c.impulse > 0.8 * self.mass)
        if into_thing or into_wall:
            # a real crash: the driver lets go, the wreck carries on under physics alone
            self.crashed = True
            self.ctx.effects.emit("debris", c.x, c.y, 25, 4.0, size=0.04, lifetime=2.0)
            self.ctx.effects.emit("dust", c.x, c.y, 20, 1.5, size=0.15, lifetime=1.5)

    def control(self, t: float) -> None:
        i = self.inst
        if i.motion is M.EXPLODE and not self.crashed and t >= 1.2 + 0.3 * i.index:
            self._blow_up()
        moving = i.motion in MOVING and not self.crashed
        x = self.chassis.position.x
        w = self.ctx.stage_width
        length = 1.3 * i.size + 0.5
        want = self.cruise * ease_in_out(t / 1.5) if moving else 0.0
        if moving and i.motion is M.DRIVE and i.entity.action == "park":
            # parks: drives in, slows and stops where it came to be parked (the middle of
            # the stage), and stays
            spot = w / 2
            room = (spot - x) if self.direction > 0 else (x - spot)
            want *= min(1.0, max(room, 0.0) / 3.0)
        elif moving and i.motion is M.DRIVE:
            # ease out before the end of the stage instead of hitting its wall, then
            # drive back the other way
            room = (w - length - x) if self.direction > 0 else (x - length)
            want *= min(1.0, max(room, 0.0) / 2.0)
            if room < 0.3 and abs(self.chassis.velocity.x) < 0.3:
                self.direction = -self.direction
                self.turned_at = t
            want *= ease_in_out((t - self.turned_at) / 1.0)
        self.throttle = want / max(self.cruise, 1e-6)
        for motor in self.motors:
            motor.rate = self.direction * want / self.radius
            motor.max_force = (self.mass * 6.0 * self.radius) if moving or t < 0.1 else (
                self.mass * 2.0 * self.radius)
        self.facing = int(self.direction)

    def _blow_up(self) -> None:
        """The car bursts into flames and is thrown up, tumbling."""
        self.crashed = True
        c = self.chassis
        p = c.position
        self.ctx.effects.explosion(p.x, p.y, self.inst.size, (60, 60, 60))
        kick = self.mass * 5.0
        c.apply_impulse_at_local_point((0.3 * kick * self.facing, kick), (0.8 * self.inst.size,
                                                                          0.0))
        for motor in self.motors:
            motor.max_force = 0.0
        self.ctx.world.record("explosion", self.inst.uid, GROUND, p.x, p.y, kick,
                              self.inst.material, self.ctx.world.ground_material)

    def snapshot(self, t: float) -> EntityFrame:
        c = self.chassis
        s = self.inst.size
        self.x, self.y, self.angle = c.position.x, c.position.y, c.angle
        self.vx, self.vy = c.velocity.x, c.velocity.y
        cabin = c.local_to_world((-0.1 * s * self.facing, 0.35 * s))
        back, front = (self.wheels if self.facing > 0 else self.wheels[::-1])
        parts = {
            "chassis": Transform(c.position.x, c.position.y, c.angle),
            "cabin": Transform(cabin.x, cabin.y, c.angle),
            "wheel_back": Transform(back.position.x, back.position.y, back.angle),
            "wheel_front": Transform(front.position.x, front.position.y, front.angle),
        }
        return self.frame(parts, extra={"throttle": float(self.throttle),
                                        "crashed": float(self.crashed)})

    def sounds(self) -> dict[str, float]:
        if self.crashed:
            return {}
        speed = abs(self.chassis.velocity.x) / max(self.cruise, 1.0)
        return {"engine": min(1.0, 0.25 + 0.5 * self.throttle + 0.25 * speed)}


class BoatActor(Actor):
    """A hull that floats on the water surface, rocks on waves and motors along."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        self.body = pymunk.Body()
        self.body.position = (i.x, i.y)
        hull = _box(self.body, 1.8 * s, 0.35 * s, radius=0.02 * s)
        # a hull is a shell: on average much lighter than water, so it rides high
        hull.density = 0.35 * WATER_DENSITY if i.motion is not M.SINK else 0.6 * WATER_DENSITY
        self.ctx.world.add_shape(hull, i.uid, i.material)
        self.ctx.world.space.add(self.body, hull)
        self.body.velocity = (i.vx, i.vy)
        self.area = 1.8 * s * 0.35 * s
        self.needs_substep = self.ctx.water_level is not None
        self.phase = float(self.rng.uniform(0, 2 * math.pi))
        self.direction = -1.0 if i.index % 2 == 1 else 1.0
        if i.vx:
            self.direction = math.copysign(1.0, i.vx)
        self.facing = int(self.direction)
        self.leak = 0.0

    def substep(self, t: float, h: float) -> None:
        level = self.ctx.water_level
        if level is None:
            return
        b = self.body
        i = self.inst
        if i.motion is M.SINK and t > 1.0:
            self.leak = min(1.0, self.leak + 0.15 * h)  # taking on water
        area = self.area * (1.0 - 0.85 * self.leak)
        frac = apply_buoyancy(b, area, 0.175 * i.size, level, self.ctx.gravity, h)
        if frac <= 0:
            return
        # righting moment of a wide hull, plus waves rocking it
        wave = 0.08 * math.sin(2 * math.pi * t / 2.6 + self.phase)
        torque = -(b.angle - wave) * b.moment * 30.0 - b.angular_velocity * b.moment * 6.0
        b.torque += torque
        if i.motion in (*MOVING, M.FLOAT, M.IDLE) and i.motion is not M.IDLE:
            want = 1.5 * self.direction * (i.size / 1.5) ** 0.5
            w = self.ctx.stage_width
            if (b.position.x > w - 1.2 * i.size and self.direction > 0) or (
                    b.position.x < 1.2 * i.size and self.direction < 0):
                self.direction = -self.direction
                self.facing = int(self.direction)
            b.apply_force_at_local_point((b.mass * (want - b.velocity.x) * 1.5, 0.0))

    def snapshot(self, t: float) -> EntityFrame:
        b = self.body
        self.x, self.y, self.angle = b.position.x, b.position.y, b.angle
        self.vx, self.vy = b.velocity.x, b.velocity.y
        parts = place(self.x, self.y, self.angle, self.facing, rigid_pose(self.inst.archetype,
                                                                          self.inst.size))
        return self.frame(parts)

    def sounds(self) -> dict[str, float]:
        if self.ctx.water_level is None:
            return {}
        return {"water": min(1.0, 0.2 + 0.3 * abs(self.body.velocity.x))}


class RocketActor(Actor):
    """A rocket that builds smoke, ignites, lifts off on thrust and (maybe) explodes."""

    IGNITE = 1.0  # simulated seconds of anticipation before lift-off

    def build(self) -> None:
        i = self.inst
        s = i.size
        self.body = pymunk.Body()
        self.body.position = (i.x, i.y)
        shapes = [_box(self.body, 0.2 * s, s, radius=0.02 * s),
                  _box(self.body, 0.45 * s, 0.05 * s, 0.0, -0.5 * s)]
        for shape in shapes:
            shape.density = 0.3 * material(i.material).density
            self.ctx.world.add_shape(shape, i.uid, i.material)
        self.ctx.world.space.add(self.body, *shapes)
        self.shapes = shapes
        self.launching = i.motion in (M.LAUNCH, M.FLY, M.EXPLODE, M.CRASH)
        self.needs_substep = self.launching
        self.flame = 0.0
        self.exploded = False

    def _thrust_level(self, t: float) -> float:
        if not self.launching or self.exploded:
            return 0.0
        return ease_in_out((t - self.IGNITE) / 0.6)

    def substep(self, t: float, h: float) -> None:
        level = self._thrust_level(t)
        if level <= 0:
            return
        b = self.body
        g = max(self.ctx.gravity, 3.0)
        thrust = b.mass * g * 2.4 * level
        b.apply_force_at_local_point((0.0, thrust), (0.0, -0.3 * self.inst.size))
        # the guidance keeps it pointing up
        b.torque += -b.angle * b.moment * 20.0 - b.angular_velocity * b.moment * 8.0

    def control(self, t: float) -> None:
        i = self.inst
        s = i.size
        fx = self.ctx.effects
        self.flame = self._thrust_level(t)
        nozzle = self.body.local_to_world((0.0, -0.55 * s))
        if self.launching and not self.exploded and t > 0.2:
            # anticipation: smoke billows at the pad before the flame takes hold
            puff = 3 if t < self.IGNITE else int(2 + 4 * self.flame)
            fx.emit("smoke", nozzle.x, max(nozzle.y, 0.1), puff, 1.5 + 2.5 * self.flame,
                    direction=-math.pi / 2, spread=2.6, size=0.12 * s, lifetime=3.0)
        if self.flame > 0:
            fx.emit("fire", nozzle.x, nozzle.y, int(6 * self.flame) + 1, 6.0,
                    direction=-math.pi / 2 + self.body.angle, spread=0.4, size=0.05 * s,
                    lifetime=0.35, vx=self.body.velocity.x, vy=self.body.velocity.y)
        if i.motion in (M.EXPLODE, M.CRASH) and not self.exploded and t > self.IGNITE + 2.0:
            self.exploded = True
            self.visible = False
            p = self.body.position
            self.ctx.world.space.remove(self.body, *self.shapes)
            fx.explosion(p.x, p.y, s * 0.6, i.colour)
            self.ctx.world.record("explosion", i.uid, GROUND, p.x, p.y, 300.0 * s,
                                  i.material, self.ctx.world.ground_material)

    def snapshot(self, t: float) -> EntityFrame:
        b = self.body
        self.x, self.y, self.angle = b.position.x, b.position.y, b.angle
        self.vx, self.vy = b.velocity.x, b.velocity.y
        parts = place(self.x, self.y, self.angle, 1, rocket_pose(self.inst.size, self.flame))
        return self.frame(parts, extra={"flame": float(self.flame)})

    def sounds(self) -> dict[str, float]:
        if self.flame <= 0:
            return {}
        return {"engine": float(self.flame), "flame": float(self.flame)}
