"""A small particle fluid: position-based double-density relaxation in numpy.

Particles keep a rest spacing ``d``; each sub-step predicts positions under gravity,
relaxes density and near-density with neighbour pairs from a k-d tree (Clavet et al.
2005, in position form, so it is stable at any step), pushes particles out of the
vessels' walls, the floor and round bodies, then takes velocities from the moves.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy.spatial import cKDTree

from openreel.engines.procedural.scene import ContinuousSound, Particles

# (centre x, centre y, angle, half width, half height) of a solid box
Box = tuple[float, float, float, float, float]
BoxesAt = Callable[[float], list[Box]]  # simulated time -> boxes of one vessel


# The colours of the liquids a pour can be of (the director names them: lexicon.LIQUIDS).
LIQUID_COLOURS: dict[str, tuple[int, int, int]] = {
    "water": (70, 150, 230), "milk": (246, 244, 236), "juice": (255, 160, 35),
    "coffee": (92, 56, 32), "tea": (178, 102, 38), "wine": (122, 18, 42),
    "lemonade": (248, 232, 140), "cola": (58, 28, 18), "oil": (222, 182, 58),
    "beer": (232, 170, 40), "honey": (226, 150, 20), "paint": (210, 60, 90),
}


@dataclass
class Vessel:
    """A container the fluid can sit in: its walls as boxes over time and its interior."""

    uid: str
    boxes_at: BoxesAt
    # interior in the vessel's frame: centre offset, half width, half height, and the frame
    interior_at: Callable[[float], tuple[float, float, float, float, float]]


@dataclass
class Circle:
    """A round body the fluid flows around."""

    position: Callable[[], tuple[float, float]]
    radius: float


@dataclass
class Fluid:
    """Water particles of one shot."""

    spacing: float
    gravity: float
    floor_y: float | None
    stage_width: float
    xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    v: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    vessels: list[Vessel] = field(default_factory=list)
    circles: list[Circle] = field(default_factory=list)
    fill: dict[str, float] = field(default_factory=dict)
    inside: dict[str, int] = field(default_factory=dict)
    on_splash: Callable[[float, float, float], None] | None = None
    flow: list[float] = field(default_factory=list)  # share of particles in free fall, per frame
    sim_t: float = 0.0
    source: str = "water"  # uid the sound of the water is credited to
    colour: tuple[int, int, int] = LIQUID_COLOURS["water"]  # what it is drawn as
    _dt: float = 1e-3

    def __post_init__(self) -> None:
        d = self.spacing
        self.h = 2.0 * d  # interaction radius
        self.radius = 0.5 * d
        # rest density of a square lattice at spacing d, so a filled vessel starts at rest
        offs = np.array([(i, j) for i in range(-3, 4) for j in range(-3, 4) if (i, j) != (0, 0)],
                        dtype=float) * d
        q = 1.0 - np.linalg.norm(offs, axis=1) / self.h
        q = q[q > 0]
        self.rest = float(np.sum(q * q))
        self.k = 0.25  # stiffness: share of a density error corrected per sub-step
        self.k_near = 0.5

    def add_block(self, x0: float, y0: float, x1: float, y1: float) -> int:
        """Fill an axis-aligned rectangle with particles at rest spacing; returns how many."""
        d = self.spacing
        xs = np.arange(x0 + d / 2, x1 - d / 4, d)
        ys = np.arange(y0 + d / 2, y1 - d / 4, d)
        gx, gy = np.meshgrid(xs, ys)
        pts = np.stack([gx.ravel(), gy.ravel()], axis=1)
        self.xy = np.concatenate([self.xy, pts])
        self.v = np.concatenate([self.v, np.zeros_like(pts)])
        return len(pts)

    def add_points(self, pts: np.ndarray) -> None:
        """Add particles at given positions, at rest."""
        self.xy = np.concatenate([self.xy, pts])
        self.v = np.concatenate([self.v, np.zeros_like(pts)])

    # -- stepping ---------------------------------------------------------------------------
    def step(self, dt: float, t: float) -> None:
        """Advance the fluid by ``dt`` simulated seconds starting at ``t``."""
        if len(self.xy) == 0:
            return
        vmax = float(np.max(np.abs(self.v))) + math.sqrt(2 * self.gravity * self.spacing) + 0.3
        # no particle moves more than 0.35 spacing per sub-step: walls cannot be skipped
        n = max(2, min(40, math.ceil(vmax * dt / (0.35 * self.spacing))))
        h = dt / n
        for k in range(n):
            self._substep(h, t + (k + 1) * h)
        self.sim_t = t + dt
        self._measure(self.sim_t)

    def _substep(self, dt: float, t: float) -> None:
        prev = self.xy.copy()
        self._dt = dt
        self.v[:, 1] -= self.gravity * dt
        self.xy = self.xy + self.v * dt
        self._relax()
        self._collide(prev, t)
        self.v = (self.xy - prev) / dt
        # a touch of viscosity-like damping keeps the free surface calm
        self.v *= 0.999

    def _relax(self) -> None:
        xy = self.xy
        n = len(xy)
        pairs = cKDTree(xy).query_pairs(self.h, output_type="ndarray")
        if len(pairs) == 0:
            return
        i, j = pairs[:, 0], pairs[:, 1]
        dvec = xy[j] - xy[i]
        r = np.linalg.norm(dvec, axis=1)
        r = np.maximum(r, 1e-9)
        q = 1.0 - r / self.h
        q2, q3 = q * q, q * q * q
        rho = np.bincount(i, q2, n) + np.bincount(j, q2, n)
        rho_near = np.bincount(i, q3, n) + np.bincount(j, q3, n)
        pressure = self.k * (rho - self.rest) / self.rest
        p_near = self.k_near * rho_near / self.rest
        mag = (pressure[i] + pressure[j]) * 0.5 * q + (p_near[i] + p_near[j]) * 0.5 * q2
        disp = (mag * 0.5 * self.spacing / r)[:, None] * dvec
        move = np.zeros_like(xy)
        np.add.at(move, i, -disp)
        np.add.at(move, j, disp)
        self.xy = xy + move

    def _collide(self, prev: np.ndarray, t: float) -> None:
        xy = self.xy
        rad = self.radius
        for vessel in self.vessels:
            for box in vessel.boxes_at(t):
                _push_out_of_box(xy, prev, box, rad)
        for circle in self.circles:
            cx, cy = circle.position()
            d = xy - (cx, cy)
            r = np.linalg.norm(d, axis=1)
            hit = r < circle.radius + rad
            if hit.any():
                xy[hit] = (cx, cy) + d[hit] / np.maximum(r[hit], 1e-9)[:, None] * (
                    circle.radius + rad)
        if self.floor_y is not None:
            below = xy[:, 1] < self.floor_y + rad
            if below.any():
                speed = float(np.max(prev[below, 1] - xy[below, 1])) / self._dt
                xy[below, 1] = self.floor_y + rad
                # water running over the floor slows down
                xy[below, 0] = prev[below, 0] + (xy[below, 0] - prev[below, 0]) * 0.9
                if self.on_splash is not None and speed > 0:
                    x = float(np.mean(xy[below, 0]))
                    self.on_splash(x, self.floor_y, speed)
        np.clip(xy[:, 0], rad, self.stage_width - rad, out=xy[:, 0])
        self.xy = xy

    def _measure(self, t: float) -> None:
        """How full each vessel is: particles in its interior over its capacity."""
        area = self.spacing ** 2
        for vessel in self.vessels:
            cx, cy, ang, hw, hh = vessel.interior_at(t)
            loc = _to_local(self.xy, cx, cy, ang)
            inside = (np.abs(loc[:, 0]) < hw) & (np.abs(loc[:, 1]) < hh)
            count = int(np.count_nonzero(inside))
            self.inside[vessel.uid] = count
            self.fill[vessel.uid] = min(1.0, count * area / (4.0 * hw * hh))
        speed = np.linalg.norm(self.v, axis=1)
        self.flow.append(float(np.mean(speed > 0.5)) if len(speed) else 0.0)

    # -- reporting --------------------------------------------------------------------------
    def snapshot(self) -> list[Particles]:
        """The water as one particle cloud."""
        if len(self.xy) == 0:
            return []
        n = len(self.xy)
        size = np.full(n, 0.62 * self.spacing, dtype=np.float32)
        return [Particles("water", self.xy.astype(np.float32), size,
                          np.zeros(n, dtype=np.float32), self.colour)]

    def sounds(self) -> list[ContinuousSound]:
        """The sound of water moving (pouring, sloshing), one level per frame."""
        if not self.flow:
            return []
        level = np.clip(np.array(self.flow, dtype=np.float32) * 4.0, 0.0, 1.0)
        # the fluid is measured after each frame; the first frame hears nothing yet
        level = np.concatenate([[0.0], level[:-1]]).astype(np.float32)
        pan = np.full(len(level), float(np.mean(self.xy[:, 0])), dtype=np.float32)
        return [ContinuousSound(self.source, "water", "water", level, pan)]


def _to_local(xy: np.ndarray, cx: float, cy: float, ang: float) -> np.ndarray:
    c, s = math.cos(ang), math.sin(ang)
    dx, dy = xy[:, 0] - cx, xy[:, 1] - cy
    return np.stack([c * dx + s * dy, -s * dx + c * dy], axis=1)


def _push_out_of_box(xy: np.ndarray, prev: np.ndarray, box: Box, rad: float) -> None:
    """Move particles that entered a solid box back out of the side they came from."""
    cx, cy, ang, hw, hh = box
    hw, hh = hw + rad, hh + rad
    c, s = math.cos(ang), math.sin(ang)
    # quick reject by bounding circle
    reach = math.hypot(hw, hh)
    near = (np.abs(xy[:, 0] - cx) < reach) & (np.abs(xy[:, 1] - cy) < reach)
    if not near.any():
        return
    idx = np.nonzero(near)[0]
    loc = _to_local(xy[idx], cx, cy, ang)
    inside = (np.abs(loc[:, 0]) < hw) & (np.abs(loc[:, 1]) < hh)
    if not inside.any():
        return
    idx, loc = idx[inside], loc[inside]
    ploc = _to_local(prev[idx], cx, cy, ang)
    pen_x = hw - np.abs(loc[:, 0])
    pen_y = hh - np.abs(loc[:, 1])
    # leave through the face the particle came in by; else the nearest face
    came_x = np.abs(ploc[:, 0]) >= hw
    came_y = np.abs(ploc[:, 1]) >= hh
    use_x = np.where(came_x & ~came_y, True, np.where(came_y & ~came_x, False, pen_x < pen_y))
    sign_x = np.where(came_x, np.sign(ploc[:, 0]), np.sign(loc[:, 0]))
    sign_y = np.where(came_y, np.sign(ploc[:, 1]), np.sign(loc[:, 1]))
    sign_x[sign_x == 0] = 1.0
    sign_y[sign_y == 0] = 1.0
    loc[:, 0] = np.where(use_x, sign_x * hw, loc[:, 0])
    loc[:, 1] = np.where(use_x, loc[:, 1], sign_y * hh)
    wx = cx + c * loc[:, 0] - s * loc[:, 1]
    wy = cy + s * loc[:, 0] + c * loc[:, 1]
    xy[idx, 0] = wx
    xy[idx, 1] = wy
