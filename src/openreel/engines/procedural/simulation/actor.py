"""What every simulated thing offers the shot loop, and the small animation helpers they share."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from openreel.engines.procedural.scene import EntityFrame, Particles, Transform
from openreel.engines.procedural.simulation.layout import Instance
from openreel.engines.procedural.simulation.timing import ShotClock
from openreel.engines.procedural.simulation.world import PhysicsWorld
from openreel.spec import Environment

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.effects import Effects
    from openreel.engines.procedural.simulation.fluid import Fluid


@dataclass
class ShotContext:
    """What actors of one shot share: the world, the clock, randomness and each other."""

    env: Environment
    clock: ShotClock
    world: PhysicsWorld
    rng: np.random.Generator
    stage_width: float
    stage_height: float
    water_level: float | None
    effects: Effects
    fluid: Fluid | None = None
    actors: dict[str, Actor] = field(default_factory=dict)  # uid -> actor

    @property
    def gravity(self) -> float:
        """Gravity in m/s² (pointing down)."""
        return self.world.gravity

    def group(self, group: str) -> list[Actor]:
        """Actors made from the storyboard entity ``group``."""
        return [a for a in self.actors.values() if a.inst.group == group]

    def target_of(self, actor: Actor) -> Actor | None:
        """The first instance of the entity this actor aims at (chase, pour into …)."""
        target = actor.inst.entity.target
        if target is None:
            return None
        found = self.group(target)
        return found[0] if found else None


class Actor:
    """One entity instance: builds its bodies, steers them, and reports a frame."""

    needs_substep = False

    def __init__(self, inst: Instance, ctx: ShotContext) -> None:
        self.inst = inst
        self.ctx = ctx
        self.x, self.y, self.angle = inst.x, inst.y, inst.angle
        self.vx, self.vy = inst.vx, inst.vy
        self.facing = inst.facing
        self.visible = True
        seed = int(ctx.rng.integers(0, 2**31))
        self.rng = np.random.default_rng(seed)
        self.blinker = Blinker(self.rng)

    def build(self) -> None:
        """Create bodies in the world (nothing for purely animated things)."""

    def control(self, t: float) -> None:
        """Steer before the sub-steps of the frame that starts at simulated time ``t``."""

    def substep(self, t: float, h: float) -> None:
        """Apply forces that must act every sub-step (thrust, buoyancy)."""

    def snapshot(self, t: float) -> EntityFrame:
        """The entity's state at simulated time ``t``."""
        raise NotImplementedError

    def sounds(self) -> dict[str, float]:
        """Continuous sound levels (kind -> 0..1) for the frame just reported."""
        return {}

    def particles(self, t: float) -> list[Particles]:
        """Particle clouds this actor owns at time ``t``."""
        return []

    def frame(self, parts: dict[str, Transform], *, size: float | None = None,
              squash: float = 1.0, squash_angle: float = 0.0, blink: float = 0.0,
              extra: dict[str, float] | None = None) -> EntityFrame:
        """An EntityFrame from the actor's current root state and ``parts``."""
        i = self.inst
        return EntityFrame(
            uid=i.uid, group=i.group, kind=i.kind, archetype=i.archetype, colour=i.colour,
            material=i.material, size=size if size is not None else i.size,
            x=float(self.x), y=float(self.y), angle=float(self.angle),
            vx=float(self.vx), vy=float(self.vy), parts=parts, facing=self.facing,
            squash=float(squash), squash_angle=float(squash_angle), blink=float(blink),
            depth=i.depth, visible=self.visible, extra=dict(extra or {}),
            painted=i.entity.colour is not None,
        )

    def face_velocity(self, threshold: float = 0.05) -> None:
        """Look the way the entity moves, keeping the last facing while still."""
        if self.vx > threshold:
            self.facing = 1
        elif self.vx < -threshold:
            self.facing = -1


class Blinker:
    """Eyelids that close for ~0.15 s at natural, random 2–6 s intervals."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.times = np.cumsum(rng.uniform(1.5, 5.5, size=64)) - rng.uniform(0.0, 1.5)

    def __call__(self, t: float) -> float:
        """0 open … 1 closed at time ``t``."""
        k = int(np.searchsorted(self.times, t))
        best = 1.0
        for j in (k - 1, k):
            if 0 <= j < len(self.times):
                best = min(best, abs(t - self.times[j]))
        # a quick close and slightly slower open, as real blinks
        return float(max(0.0, 1.0 - best / 0.075)) if best < 0.075 else 0.0


class Squash:
    """Squash on impact that springs back, and stretch along fast motion."""

    def __init__(self) -> None:
        self.t0 = -10.0
        self.amount = 0.0
        self.normal = 0.0

    def hit(self, t: float, speed: float, normal_angle: float, softness: float = 1.0) -> None:
        """Start a squash proportional to the approach speed."""
        amount = min(0.4, 0.05 * speed * softness)
        if amount > 0.02:
            self.t0, self.amount, self.normal = t, amount, normal_angle

    def __call__(self, t: float, vx: float, vy: float,
                 softness: float = 1.0) -> tuple[float, float]:
        """(squash, angle) at time ``t`` for a body moving at (vx, vy)."""
        dt = t - self.t0
        if 0.0 <= dt < 0.25:
            wobble = math.exp(-dt / 0.05) * math.cos(2.0 * math.pi * dt / 0.12)
            return 1.0 - self.amount * wobble, self.normal
        speed = math.hypot(vx, vy)
        if speed > 0.5:
            return 1.0 + min(0.25, 0.015 * speed * softness), math.atan2(vy, vx)
        return 1.0, 0.0
