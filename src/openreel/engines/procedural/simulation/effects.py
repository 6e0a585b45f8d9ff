"""Particle effects: explosions, smoke, fire, sparks, dust and splashes (numpy, per frame)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from openreel.engines.procedural.scene import Particles

Kind = Literal["splash", "spark", "smoke", "dust", "debris", "fire", "bubble", "soap"]

# per kind: colour, drag (1/s), how much gravity pulls (smoke and fire rise), growth (1/s)
_STYLE: dict[Kind, tuple[tuple[int, int, int], float, float, float]] = {
    "splash": ((200, 230, 255), 0.5, 1.0, 0.0),
    "spark": ((255, 210, 120), 1.5, 0.6, -0.5),
    "smoke": ((150, 150, 155), 1.2, -0.08, 0.5),
    "dust": ((190, 170, 140), 2.0, 0.05, 0.6),
    "debris": ((90, 80, 70), 0.2, 1.0, 0.0),
    "fire": ((255, 140, 40), 2.5, -0.25, 0.4),
    "bubble": ((220, 240, 255), 2.0, -0.15, 0.1),
    "soap": ((235, 245, 255), 0.9, 0.012, 0.0),  # soap bubbles: they drift and slowly sink
}


@dataclass
class _Cloud:
    xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    v: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    size: np.ndarray = field(default_factory=lambda: np.zeros(0))
    age: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lifetime: np.ndarray = field(default_factory=lambda: np.zeros(0))


class Effects:
    """All free particles of a shot, advanced once per output frame."""

    MAX_PER_KIND = 1500

    def __init__(self, gravity: float, floor_y: float | None, rng: np.random.Generator,
                 wind: float = 0.0) -> None:
        self.gravity = gravity
        self.floor_y = floor_y
        self.rng = rng
        self.wind = wind
        self.clouds: dict[Kind, _Cloud] = {k: _Cloud() for k in _STYLE}
        self.tint: dict[Kind, tuple[int, int, int]] = {}

    def emit(self, kind: Kind, x: float, y: float, n: int, speed: float, *,
             direction: float = np.pi / 2, spread: float = np.pi, size: float = 0.03,
             lifetime: float = 1.0, vx: float = 0.0, vy: float = 0.0) -> None:
        """Throw ``n`` particles of ``kind`` from (x, y) in a cone around ``direction``."""
        if n <= 0:
            return
        r = self.rng
        ang = direction + r.uniform(-spread / 2, spread / 2, n)
        sp = speed * r.uniform(0.3, 1.0, n)
        v = np.stack([np.cos(ang) * sp + vx, np.sin(ang) * sp + vy], axis=1)
        xy = np.tile([x, y], (n, 1)) + r.normal(0.0, size, (n, 2))
        c = self.clouds[kind]
        c.xy = np.concatenate([c.xy, xy])[-self.MAX_PER_KIND:]
        c.v = np.concatenate([c.v, v])[-self.MAX_PER_KIND:]
        c.size = np.concatenate([c.size, size * r.uniform(0.5, 1.5, n)])[-self.MAX_PER_KIND:]
        c.age = np.concatenate([c.age, np.zeros(n)])[-self.MAX_PER_KIND:]
        c.lifetime = np.concatenate([c.lifetime, lifetime * r.uniform(0.6, 1.4, n)])[
            -self.MAX_PER_KIND:]

    def step(self, dt: float) -> None:
        """Advance every particle by ``dt`` simulated seconds."""
        for kind, c in self.clouds.items():
            if len(c.age) == 0:
                continue
            _, drag, pull, grow = _STYLE[kind]
            c.v[:, 1] -= self.gravity * pull * dt
            if kind in ("smoke", "dust", "fire"):
                c.v[:, 0] += (self.wind - c.v[:, 0]) * min(1.0, 0.5 * dt)
            c.v *= np.exp(-drag * dt)
            c.xy += c.v * dt
            c.size *= np.exp(grow * dt)
            c.age += dt
            if self.floor_y is not None:
                below = c.xy[:, 1] < self.floor_y
                if below.any():
                    c.xy[below, 1] = self.floor_y
                    # debris and sparks bounce a little and skid; spray soaks in
                    c.v[below, 1] *= -0.3 if kind in ("debris", "spark") else 0.0
                    c.v[below, 0] *= 0.6
            keep = c.age < c.lifetime
            if not keep.all():
                c.xy, c.v, c.size = c.xy[keep], c.v[keep], c.size[keep]
                c.age, c.lifetime = c.age[keep], c.lifetime[keep]

    def snapshot(self) -> list[Particles]:
        """Particle clouds for a FrameState."""
        out: list[Particles] = []
        for kind, c in self.clouds.items():
            if len(c.age) == 0:
                continue
            colour = self.tint.get(kind, _STYLE[kind][0])
            out.append(Particles(kind, c.xy.astype(np.float32), c.size.astype(np.float32),
                                 (c.age / c.lifetime).astype(np.float32), colour))
        return out

    def explosion(self, x: float, y: float, scale: float, colour: tuple[int, int, int]) -> None:
        """A burst of fire, sparks, smoke and debris of the exploding thing's colour."""
        s = max(scale, 0.1)
        self.emit("fire", x, y, 60, 6.0 * s ** 0.5, spread=2 * np.pi, size=0.12 * s, lifetime=0.5)
        self.emit("spark", x, y, 80, 9.0 * s ** 0.5, spread=2 * np.pi, size=0.015, lifetime=0.9)
        self.emit("smoke", x, y, 50, 2.0 * s ** 0.5, spread=2 * np.pi, size=0.2 * s, lifetime=2.5)
        self.emit("debris", x, y, 40, 6.0 * s ** 0.5, spread=2 * np.pi, size=0.05 * s,
                  lifetime=3.0)
        self.tint["debris"] = colour

    def splash(self, x: float, y: float, speed: float, n: int = 40) -> None:
        """Spray thrown up where something hits water."""
        self.emit("splash", x, y, n, 0.4 + 0.5 * speed, spread=1.6, size=0.02, lifetime=0.9)
