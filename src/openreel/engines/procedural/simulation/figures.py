"""Characters: bipeds and four-legged animals animated procedurally, ragdolls when they fall."""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.personas import PLAIN
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import GROUND, Contact, EntityFrame, Transform
from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.acting import Performance
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.acts import TEMPLATES
from openreel.engines.procedural.simulation.acts.tasks import BLOWING, BUBBLE_CYCLE
from openreel.engines.procedural.simulation.animals import animal_act
from openreel.engines.procedural.simulation.kinematic import KINEMATIC, kinematic_offset
from openreel.engines.procedural.simulation.poses import (
    BREEDS,
    Breed,
    HumanoidJoints,
    LocalPose,
    attach,
    attach_animal,
    humanoid_foot_drop,
    humanoid_pose,
    place,
    quadruped_pose,
    rest_height,
)
from openreel.engines.procedural.simulation.props import pose_of
from openreel.engines.procedural.simulation.ragdoll import Ragdoll, build_ragdoll
from openreel.spec import Archetype, Motion, Relation

A = Archetype
M = Motion
SPRAY_PERIOD = 2.2  # seconds between bursts of an animal's spray
GAITS = (M.WALK, M.RUN, M.CHASE, M.CRASH, M.FALL)
# a hit that changes a figure's speed by more than this (m/s) knocks it over
KNOCKDOWN_SPEED = 1.5
FALL_AT = 0.8  # simulated seconds into the shot when a falling figure topples


class FigureActor(Actor):
    """A humanoid or quadruped: procedural gaits on a kinematic proxy, then a ragdoll."""

    def build(self) -> None:
        i = self.inst
        s = i.size
        self.quad = i.archetype is A.QUADRUPED
        self.look = i.look or PLAIN
        self.body_shape = self.look.body
        self.carried: tuple[float, float, float] | None = None  # set by whoever holds it
        self.performance: Performance | None = None
        st = i.staging
        if not self.quad and st is not None and st.motion in TEMPLATES and st.ridden_by is None:
            self.performance = Performance(self)
        self.leg = 0.5 * s if self.quad else 0.49 * s
        self.ground = i.y - i.rest
        self.speed = i.vx
        if i.motion in (M.FALL, M.CRASH) and self.speed == 0.0:
            self.speed = (1.2 if i.motion is M.FALL else 3.5) * (s / 1.75) ** 0.5 * self.facing
        self.phase = float(self.rng.uniform(0, 2 * math.pi))
        self.idle_phase = float(self.rng.uniform(0, 2 * math.pi))
        self.ragdoll: Ragdoll | None = None
        self.jump_t0 = 0.3 + 0.2 * i.index
        self.air_y = 0.0  # height of a jump above the standing root
        self.air_vy = 0.0
        self.climbed = 0.0
        self.squash = 1.0  # a jump stretches in the air and squashes on landing
        self.tail_lag = 0.0
        self.near_ball = False
        self.group_id = 1000 + list(self.ctx.actors).index(i.uid)
        w, h = footprint(i.archetype, s, i.kind)
        self.body = pymunk.Body(body_type=pymunk.Body.KINEMATIC)
        self.body.position = (i.x, i.y)
        cy = h / 2 - i.rest
        shape = pymunk.Poly(self.body, [(-w / 2, cy - h / 2), (w / 2, cy - h / 2),
                                        (w / 2, cy + h / 2), (-w / 2, cy + h / 2)])
        shape.filter = pymunk.ShapeFilter(group=self.group_id)
        self.ctx.world.add_shape(shape, i.uid, i.material)
        self.proxy = shape
        if self.performance is not None:
            self.performance.bind()
        if (self.performance is not None and self.performance.prop_actor is not None) or (
                i.staging is not None and i.staging.use == "ground") or (
                self.quad and i.motion is M.PUSH) or i.entity.relation is Relation.ON:
            # it stands at, sits on, holds, eats or swats the thing, or lies on the bed it
            # was set on: no shoving
            shape.sensor = True
        self.ctx.world.space.add(self.body, shape)
        self.ctx.world.listeners.append(self._on_contact)
        self._first = True
        self.fall_at = FALL_AT if i.motion is M.FALL else math.inf
        floor = self.ctx.world.floor_y if self.ctx.world.has_ground else -math.inf
        if self.ground > floor + 0.3 * s and i.motion in (M.FALL, M.CRASH):
            self.fall_at = 0.0  # placed in the air: it drops as a ragdoll from the start
        if i.motion is M.CRASH:
            self.fall_at = 2.5  # a crash without anything to hit still ends on the floor
        self._pose_now: LocalPose = {}
        self._advance(0.0, 0.0)

    # -- events -----------------------------------------------------------------------------
    def _on_contact(self, c: Contact) -> None:
        if self.ragdoll is not None or c.kind != "impact":
            return
        if self.inst.uid not in (c.a, c.b):
            return
        other = c.b if c.a == self.inst.uid else c.a
        if other == GROUND:
            if self.inst.motion is M.CRASH:
                self.fall_at = 0.0
            return
        mass = 70.0 * (self.inst.size / 1.75) ** 2
        if c.impulse / mass > KNOCKDOWN_SPEED or self.inst.motion is M.CRASH:
            self.fall_at = 0.0  # topple at the next frame

    def put(self, x: float, y: float, angle: float, facing: int) -> None:
        """Be held: the holder says where the root is (a carried cat, a hugged dog)."""
        self.carried = (x, y, angle)
        self.facing = facing

    def _topple(self, t: float) -> None:
        if self.performance is not None:
            self.performance.let_go()
        parts = place(self.x, self.y, self.angle, self.facing, self._pose_now)
        self.ctx.world.space.remove(self.body, self.proxy)
        # a trip: the figure keeps its speed and pitches forward
        spin = -1.5 * self.facing if self.inst.motion is M.FALL else -2.5 * self.facing
        self.ragdoll = build_ragdoll(self.ctx.world, self.inst.uid, self.inst.archetype,
                                     self.inst.size, self.inst.material, parts,
                                     (self.vx, self.vy), spin, self.facing, self.group_id)

    # -- motion -----------------------------------------------------------------------------
    def control(self, t: float) -> None:
        if self.ragdoll is not None:
            return
        dt = self.ctx.clock.frame_dt
        if t >= self.fall_at:
            self._topple(t)
            return
        x0, y0 = self.x, self.y
        self._advance(t + dt, dt)
        self.body.velocity = ((self.x - x0) / dt, (self.y - y0) / dt)
        self.body.position = (x0, y0)
        if self.performance is not None:
            self.performance.steer_prop(dt, first=False)

    def _advance(self, t: float, dt: float) -> None:
        """Move the root to time ``t`` and build the pose shown there."""
        i = self.inst
        s = i.size
        m = i.motion
        w = self.ctx.stage_width
        prev_x, prev_y = self.x, self.y
        chased = self._chased()
        if chased is not None:
            gap = pose_of(chased)[0] - self.x
            top = 3.5 * (s / 1.75) ** 0.5 * (1.6 if self.quad else 1.0)
            if m is M.PLAY:
                top *= 0.5  # a playful trot after the ball
            reach = 0.6 * s + 0.3 if m is not M.PLAY else 0.75 * s + 0.5 * chased.inst.size
            want = math.copysign(top, gap) if abs(gap) > reach else 0.0
            # speed eases toward the wanted one: no instant starts and stops
            self.speed += (want - self.speed) * min(1.0, 3.0 * dt)
            self.near_ball = abs(gap) <= reach + 0.2 * s
        if m in GAITS or m is M.FLY or m is M.SWIM or chased is not None:
            margin = footprint(i.archetype, s, i.kind)[0] * 0.6 + 0.2
            if (self.x > w - margin and self.speed > 0) or (self.x < margin and self.speed < 0):
                self.speed = -self.speed  # turn round at the edge of the stage
        running = m in (M.RUN, M.CRASH) or (m is M.CHASE and abs(self.speed) > 2.0)
        if self.quad:
            gait = gaits.GALLOP if running else gaits.TROT
        else:
            gait = gaits.RUN if running else gaits.WALK
        if m in GAITS or chased is not None:
            self.phase += gaits.phase_rate(self.speed, s, gait) * dt
            self.x += self.speed * dt
        elif m in (M.FLY, M.SWIM):
            self.x += self.speed * dt if self.speed else 0.0
        self.vx = self.speed if m in (*GAITS, M.FLY, M.SWIM) or chased is not None else 0.0
        self.face_velocity()
        if self.quad:
            pose, y, angle = self._quadruped(t, dt, gait, running)
        else:
            pose, y, angle = self._humanoid(t, dt, running)
        off = kinematic_offset(m, t, self.ctx.clock.sim_duration, s, self.idle_phase) if (
            m in KINEMATIC) else None
        if off is not None:
            y += off.dy
            angle += off.angle
        self.y = y
        self.angle = angle
        if off is not None:
            self.draw_x = self.x + off.dx
        else:
            self.draw_x = self.x
        if dt > 0:
            self.vy = (self.y - prev_y) / dt
            if m not in (*GAITS, M.FLY, M.SWIM):
                moved = off is not None or self.performance is not None or self.quad
                self.vx = (self.draw_x - prev_x) / dt if moved else 0.0
        self._pose_now = pose

    def _chased(self) -> Actor | None:
        """What this figure runs after: its chase target, or the ball an animal plays with."""
        m = self.inst.motion
        if m is M.CHASE:
            return self.ctx.target_of(self)
        st = self.inst.staging
        if self.quad and m is M.PLAY and st is not None and st.prop is not None:
            return self.ctx.actors.get(st.prop)
        return None

    def _humanoid(self, t: float, dt: float, running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        m = self.inst.motion
        ground = self.ground
        angle = 0.0
        extra_y = 0.0
        j: HumanoidJoints
        if self.performance is not None:
            return self.performance.advance(t, dt)
        if m in GAITS:
            leg = self.body_shape.leg
            j = gaits.run(self.phase, s, leg) if running else gaits.walk(self.phase, s, leg)
            if running:
                # both feet off the ground between strides: the body rises on an arc
                u = (self.phase / math.pi) % 1.0
                flight = max(0.0, (u - gaits.RUN[1] + 0.5) / (1.5 - gaits.RUN[1]))
                extra_y = 0.05 * s * math.sin(math.pi * min(flight, 1.0))
        elif m is M.JUMP:
            j, extra_y = self._jump(t, dt)
        elif m is M.TALK:
            j = gaits.talk(t, self.idle_phase)
        elif m is M.FLY:
            j = gaits.fly(t)
            bob = 0.15 * math.sin(2 * math.pi * t / 2.5)
            self.vx = self.speed = self.speed or 3.0 * self.facing
            y = self.inst.y + bob
            return humanoid_pose(s, j, self.body_shape), y, -1.25 * self.facing
        elif m is M.SWIM:
            j = gaits.swim(t)
            self.speed = self.speed or 0.8 * self.facing
            y = self.inst.y + 0.05 * math.sin(2.0 * t)
            return humanoid_pose(s, j, self.body_shape), y, -1.4 * self.facing
        else:
            j = gaits.idle(t, self.idle_phase)
        y = ground + humanoid_foot_drop(s, j, self.body_shape) + extra_y + self.air_y
        return humanoid_pose(s, j, self.body_shape), y, angle

    def _jump(self, t: float, dt: float) -> tuple[HumanoidJoints, float]:
        """Anticipation crouch, a ballistic hop under the shot's gravity, a soft landing."""
        s = self.inst.size
        g = max(self.ctx.gravity, 1.0)
        hop = 0.35 * s
        v0 = math.sqrt(2 * g * hop)
        flight = 2 * v0 / g
        crouch_time, recover = 0.3, 0.35
        cycle = crouch_time + flight + recover + 0.4
        u = (t - self.jump_t0) % cycle if t >= self.jump_t0 else -1.0
        self.air_y = 0.0
        self.squash = 1.0
        if u < 0:
            return gaits.idle(t, self.idle_phase), 0.0
        if u < crouch_time:
            return gaits.crouch(math.sin(0.5 * math.pi * u / crouch_time)), 0.0
        u -= crouch_time
        if u < flight:
            self.air_y = v0 * u - 0.5 * g * u * u  # exactly ballistic
            self.squash = 1.0 + 0.08 * abs(v0 - g * u) / v0
            if u + dt >= flight:
                self._footstep(t, 3.0)
            return gaits.airborne(max(0.0, 1.0 - u / (0.5 * flight))), 0.0
        u -= flight
        if u < recover:
            self.squash = 1.0 - 0.1 * math.exp(-u / 0.08)
            return gaits.crouch(0.6 * math.exp(-u / 0.1) * (1.0 - u / recover)), 0.0
        return gaits.idle(t, self.idle_phase), 0.0

    def _quadruped(self, t: float, dt: float, gait: tuple[float, float],
                   running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        m = self.inst.motion
        base = self.ground + rest_height(A.QUADRUPED, s)
        wag_rate = 6.0 if m in (M.IDLE, M.DANCE, M.WAVE, M.TALK) else 2.0
        # follow-through: the tail trails the body's vertical motion
        self.tail_lag += (-(self.vy) * 0.15 - self.tail_lag) * min(1.0, 8.0 * dt)
        tail = 0.4 + 0.35 * math.sin(wag_rate * t + self.idle_phase) + self.tail_lag
        if m in (M.EAT, M.DRINK, M.PUSH) or (m is M.PLAY and abs(self.speed) < 0.3):
            a = animal_act(m, t, self.idle_phase, s, self.near_ball or self._chased() is None)
            pose = self._qpose(a.legs, a.tail, a.head, knee=a.knee, graze=a.graze)
            return pose, base + a.lift - 0.4 * s * abs(math.sin(a.pitch)), a.pitch
        if m in GAITS or m is M.PLAY:
            u = self.phase / gaits.TAU
            step, duty = gait
            lift = 0.9 if running else 0.5
            # trot: diagonal pairs together; gallop: front and back pairs nearly together
            offsets = (0.0, 0.5, 0.5, 0.0) if not running else (0.0, 0.1, 0.5, 0.6)
            swings = [gaits.leg_swing(u + o, step * s, self.leg, duty, lift) for o in offsets]
            legs = (swings[0][0], swings[1][0], swings[2][0], swings[3][0])
            knee = max(k for _, k in swings) * 0.25
            drop = max(math.cos(h) for h, _ in swings)
            bob = self.leg * (drop - 1.0)
            lift = 0.05 * s * max(0.0, math.sin(2 * self.phase)) if running else 0.0
            head = 0.3 * math.sin(2 * self.phase)
            rise = 0.05 * s * max(0.0, math.sin(2 * self.phase)) if running else 0.0
            return self._qpose(legs, tail, head, knee=knee), base + bob + rise, (
                -0.06 * math.sin(2 * self.phase) if running else 0.0)
        if m is M.SIT:
            # haunches down, front legs straight and upright, back legs folded forward
            tilt = 0.35
            pose = self._qpose((-tilt, -tilt, 1.25, 1.15), tail - 0.5, 0.3)
            return pose, self.ground + 0.5 * s + 0.005 * s, tilt
        if m is M.SLEEP:
            return self._qpose((1.5, 1.4, 1.5, 1.4), -0.6, -0.8, knee=0.4), (
                self.ground + 0.25 * s), 0.0
        if m is M.JUMP:
            j, _ = self._jump(t, dt)
            crouch = min(1.0, j.knee_near / 1.9)
            legs = (0.3 * crouch, 0.2 * crouch, -0.3 * crouch, -0.2 * crouch)
            if self.air_y > 0:
                legs = (0.8, 0.7, -0.8, -0.7)
            return self._qpose(legs, tail, -0.4 * crouch), (
                base - 0.15 * s * crouch + self.air_y), 0.0
        breathe = 0.01 * s * math.sin(2 * math.pi * t / 3.0 + self.idle_phase)
        head = 0.4 * math.sin(2 * math.pi * t / 5.0 + self.idle_phase)
        return self._qpose((0.03, -0.03, 0.03, -0.03), tail, head), base + breathe, 0.0

    def step(self, t: float) -> None:
        """A footstep of an act that walks (marching, pushing, carrying, walking in)."""
        self._footstep(t, 1.6 if self.inst.motion is M.MARCH else 1.0)

    def _qpose(self, legs: tuple[float, float, float, float], tail: float, head: float,
               knee: float = 0.0, graze: float = 0.0) -> LocalPose:
        return quadruped_pose(self.inst.size, legs, tail, head, knee, graze,
                              BREEDS.get(self.inst.kind, Breed()))

    def _footstep(self, t: float, weight: float) -> None:
        mass = 70.0 * (self.inst.size / 1.75) ** 2
        self.ctx.world.record("footstep", self.inst.uid, GROUND, self.x, self.ground,
                              mass * 0.02 * weight, self.inst.material,
                              self.ctx.world.ground_material, sim_t=self.ctx.world.sim_t)

    # -- reporting ------------------------------------------------------------------------
    def snapshot(self, t: float) -> EntityFrame:
        if self.ragdoll is not None:
            b = self.ragdoll.root_body
            self.x, self.y, self.angle = b.position.x, b.position.y, b.angle
            self.vx, self.vy = b.velocity.x, b.velocity.y
            return self._dressed(self.frame(self.ragdoll.transforms(), blink=0.0,
                                            extra={"ragdoll": 1.0}))
        self._settle()
        self._spray(t)
        x = self.x
        self.x = self.draw_x
        parts = place(self.draw_x, self.y, self.angle, self.facing, self._pose_now)
        self._blow(t, parts)
        size = self.inst.size
        if self.inst.motion is M.GROW:
            scale = kinematic_offset(M.GROW, t, self.ctx.clock.sim_duration, 1.0).scale
            size *= scale
            parts = place(self.draw_x, self.y + (scale - 1) * self.inst.rest,
                          self.angle, self.facing, self._scaled_pose(size))
        asleep = self.inst.motion is M.SLEEP
        blink = 1.0 if asleep else self.blinker(t)
        f = self._dressed(self.frame(parts, size=size, blink=blink, squash=self.squash,
                                     extra={"asleep": 1.0} if asleep else None))
        self.x = x
        self._footsteps_between(t)
        return f

    def _blow(self, t: float, parts: dict[str, Transform]) -> None:
        """Blowing bubbles: while the wand is at the lips, a stream of soap bubbles leaves
        the ring and drifts away on the air, slowly sinking."""
        st = self.inst.staging
        head = parts.get("head")
        if st is None or st.variant != "bubbles" or head is None:
            return
        u = (t / BUBBLE_CYCLE) % 1.0
        if not BLOWING[0] <= u <= BLOWING[1] or self.rng.random() > 0.55:
            return
        s = self.inst.size
        ring = (head.x + self.facing * 0.2 * s, head.y - 0.02 * s)
        self.ctx.effects.emit("soap", *ring, 1, 0.9, direction=0.0 if self.facing > 0 else
                              math.pi, spread=1.1, size=0.025 + 0.01 * s, lifetime=3.2,
                              vy=0.15)

    def _spray(self, t: float) -> None:
        """"An elephant sprays water": an animal splashing throws water up and ahead of its
        head in bursts (a trunk's spray), which falls back as drops."""
        i = self.inst
        if i.motion is not M.SPLASH or i.archetype is not A.QUADRUPED:
            return
        if (t % SPRAY_PERIOD) > 0.45 * SPRAY_PERIOD:
            return
        w, h = footprint(i.archetype, i.size, i.kind)
        head = (self.x + self.facing * 0.45 * w, self.ground + 0.75 * h)
        up = math.pi / 2 - self.facing * 0.5  # up and ahead
        self.ctx.effects.emit("splash", *head, 14, 3.5 + 0.8 * i.size, direction=up,
                              spread=0.3, size=0.035 * max(i.size, 0.5), lifetime=1.3)

    def _settle(self) -> None:
        """Where the root really is this frame: carried by someone, or sat on a mount."""
        if self.carried is not None:
            last = getattr(self, "_held_at", None)
            if last is not None:  # moving with whoever carries it
                dt = self.ctx.clock.frame_dt
                self.vx = (self.carried[0] - last[0]) / dt
                self.vy = (self.carried[1] - last[1]) / dt
            self._held_at = self.carried
            self.draw_x, self.y, self.angle = self.carried
            return
        p = self.performance
        if p is None:
            return
        seat = p.ride()
        if seat is not None:
            dt = self.ctx.clock.frame_dt
            last = getattr(self, "_seat", None)
            if last is not None:  # moving with the mount
                self.vx, self.vy = (seat[0] - last[0]) / dt, (seat[1] - last[1]) / dt
            self._seat = seat
            self.draw_x, self.y, self.facing = seat
            self.x = p.travel_x = self.draw_x
        if self._first:
            p.steer_prop(self.ctx.clock.frame_dt, first=True)
            self._first = False

    def _dressed(self, f: EntityFrame) -> EntityFrame:
        """Add what a character's frame carries besides its jointed parts."""
        if self.quad:
            f.parts = attach_animal(f.parts, f.size, f.facing)
            return f
        f.look = self.look
        f.parts = attach(f.parts, self.look, f.size, f.facing)
        p = self.performance
        if p is not None and f.extra.get("ragdoll") is None:
            f.parts.update(p.gear(f.x, f.y, f.angle, f.facing))
            f.extra.update(p.frame_extra())
            f.mouth = p.act.face.mouth
            if p.act.face.squint >= 0.99:
                f.blink = 1.0
        return f

    def _scaled_pose(self, size: float) -> LocalPose:
        k = size / self.inst.size
        return {n: (px * k, py * k, a) for n, (px, py, a) in self._pose_now.items()}

    def _footsteps_between(self, t: float) -> None:
        """Record heel strikes of the gait since the last frame at their exact times."""
        if self.inst.motion not in GAITS:
            return
        prev = getattr(self, "_last_phase", None)
        self._last_phase = self.phase
        if prev is None or self.phase <= prev:
            return
        # a foot lands at phase 0 (near) and pi (far): every half cycle
        k0 = math.floor(prev / math.pi)
        k1 = math.floor(self.phase / math.pi)
        running = self.inst.motion in (M.RUN, M.CRASH)
        for _ in range(k0, k1):
            self._footstep(t, 2.0 if running else 1.0)
