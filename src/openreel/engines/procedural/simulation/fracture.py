"""Breaking: a thing that falls shatters on impact into shards that scatter as bodies.

The shards are the Voronoi cells of the thing's outline around seeds crowded near the
point of impact (small splinters there, large pieces further off), computed with
OpenCV's Subdiv2D and clipped to the outline. They replace the whole body on the very
sub-step of the impact, keep its momentum and fly apart from where it hit.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import pymunk

from openreel.engines.procedural.scene import Contact, EntityFrame, Outline, Transform
from openreel.engines.procedural.simulation.poses import place, rigid_pose
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.spec import Archetype, Motion

A = Archetype
BREAK_SPEED = 1.0  # m/s: slower knocks only clink
PIECES = (9, 13)  # how many shards, at least and at most (exclusive)
_SCALE = 1000.0  # Subdiv2D works in float32: millimetres keep small things precise


def outline_of(archetype: Archetype, kind: str, size: float) -> np.ndarray:
    """A convex outline of a breakable thing in its body frame, (n, 2) metres."""
    s = size
    if archetype is A.CONTAINER and kind == "bottle":
        pts = [(-0.3, -0.5), (0.3, -0.5), (0.3, 0.1), (0.1, 0.36), (0.1, 0.5), (-0.1, 0.5),
               (-0.1, 0.36), (-0.3, 0.1)]
    elif archetype is A.CONTAINER:
        pts = [(-0.27, -0.5), (0.27, -0.5), (0.3, 0.5), (-0.3, 0.5)]
    elif archetype in (A.BALL, A.FOOD):
        a = np.linspace(0.0, 2.0 * math.pi, 16, endpoint=False)
        return np.stack([0.5 * s * np.cos(a), 0.5 * s * np.sin(a)], axis=1)
    elif archetype is A.FURNITURE:
        pts = [(-0.6, -0.5), (0.6, -0.5), (0.6, 0.5), (-0.6, 0.5)]
    else:
        pts = [(-0.49, -0.49), (0.49, -0.49), (0.49, 0.49), (-0.49, 0.49)]
    return np.asarray(pts, dtype=np.float64) * s


def shard_cells(outline: np.ndarray, impact: tuple[float, float], count: int,
                rng: np.random.Generator) -> list[np.ndarray]:
    """Voronoi cells of ``outline`` around ``count`` seeds, half of them near ``impact``."""
    poly = (outline * _SCALE).astype(np.float32)
    lo, hi = outline.min(axis=0), outline.max(axis=0)
    spread = 0.25 * float(np.max(hi - lo))
    seeds: list[tuple[float, float]] = []
    while len(seeds) < count:
        if len(seeds) < count // 2:
            p = np.asarray(impact) + rng.normal(0.0, spread, 2)
        else:
            p = rng.uniform(lo, hi)
        if cv2.pointPolygonTest(poly, (float(p[0] * _SCALE), float(p[1] * _SCALE)),
                                True) > 0.02 * spread * _SCALE:
            seeds.append((float(p[0]), float(p[1])))
    reach = float(np.max(np.abs(outline))) * _SCALE * 4.0 + 1.0
    sub = cv2.Subdiv2D((int(-reach), int(-reach), int(2 * reach), int(2 * reach)))
    for x, y in seeds:
        sub.insert((x * _SCALE, y * _SCALE))
    facets, _ = sub.getVoronoiFacetList([])
    cells = []
    for facet in facets:
        area, inter = cv2.intersectConvexConvex(poly, np.asarray(facet, np.float32))
        if inter is not None and area > 1e-3:
            cells.append(inter.reshape(-1, 2).astype(np.float64) / _SCALE)
    return cells


class BreakActor(RigidActor):
    """A rigid thing that shatters the first time it lands hard on anything but its support."""

    def build(self) -> None:
        super().build()
        self.needs_substep = True
        self.broken = False
        self.pending = False
        self.before = self.body.velocity
        self.shards: list[tuple[pymunk.Body, Outline]] = []
        e = self.inst.entity
        self.support = e.relative_to if e.relation is not None else None
        self.push_at = self.inst.extra.get("push_at", math.inf)
        self.outline = outline_of(self.inst.archetype, self.inst.kind, self.inst.size)
        self.ctx.world.listeners.append(self._on_contact)

    def control(self, t: float) -> None:
        if self.broken:
            return
        if t >= self.push_at:
            self.push_at = math.inf
            b = self.body
            b.body_type = pymunk.Body.DYNAMIC
            b.velocity = (self.inst.extra.get("push_vx", 0.0), 0.0)
        super().control(t)

    def substep(self, t: float, h: float) -> None:
        if self.broken:
            return
        super().substep(t, h)
        self.before = self.body.velocity

    def _on_contact(self, c: Contact) -> None:
        if self.broken or self.pending or c.kind != "impact" or self.inst.uid not in (c.a, c.b):
            return
        other = c.b if c.a == self.inst.uid else c.a
        if self.inst.motion is not Motion.BREAK or other == self.support:
            return
        if self.before.length < BREAK_SPEED:
            return
        self.pending = True
        self.ctx.world.space.add_post_step_callback(self._shatter, id(self), c, other)

    def _shatter(self, space: pymunk.Space, key: object, c: Contact, other: str) -> None:
        i = self.inst
        body = self.body
        world = self.ctx.world
        speed = self.before.length
        local = body.world_to_local((c.x, c.y))
        outline = self.outline
        count = int(self.rng.integers(*PIECES))
        cells = shard_cells(outline, (local.x, local.y), count, self.rng)
        density = self.shapes[0].density
        space.remove(body, *self.shapes)
        self.broken = True
        glassy = i.material == "glass"
        for cell in cells:
            centroid = cell.mean(axis=0)
            verts = [(float(0.95 * (x - centroid[0])), float(0.95 * (y - centroid[1])))
                     for x, y in cell]
            piece = pymunk.Body()
            piece.position = body.local_to_world(tuple(centroid))
            piece.angle = body.angle
            shape = pymunk.Poly(piece, verts)
            shape.density = density
            shape.filter = self.shapes[0].filter  # what held it whole does not stop the pieces
            world.add_shape(shape, i.uid, i.material)
            space.add(piece, shape)
            away = piece.position - pymunk.Vec2d(c.x, c.y)
            away = (away.normalized() if away.length > 1e-6 else pymunk.Vec2d(0, 1)) + (0, 0.8)
            kick = speed * float(self.rng.uniform(0.35, 0.75))
            piece.velocity = (self.before.x * 0.45 + away.normalized().x * kick,
                              abs(self.before.y) * 0.1 + away.normalized().y * kick)
            piece.angular_velocity = float(self.rng.uniform(-18.0, 18.0))
            self.shards.append((piece, Outline(tuple(verts), i.colour, glassy)))
        world.record("shatter", i.uid, other, c.x, c.y, max(c.impulse, body.mass * speed),
                     i.material, c.material_b if c.a == i.uid else c.material_a)

    def snapshot(self, t: float) -> EntityFrame:
        if not self.broken:
            # drawn whole as the same outline its shards are cut from
            frame = super().snapshot(t)
            frame.parts["whole"] = Transform(self.x, self.y, self.angle)
            whole = tuple((float(x), float(y)) for x, y in self.outline)
            frame.outlines["whole"] = Outline(whole, self.inst.colour,
                                              self.inst.material == "glass")
            return frame
        xs = [b.position.x for b, _ in self.shards]
        ys = [b.position.y for b, _ in self.shards]
        self.x, self.y = float(np.mean(xs)), float(np.mean(ys))
        self.vx = float(np.mean([b.velocity.x for b, _ in self.shards]))
        self.vy = float(np.mean([b.velocity.y for b, _ in self.shards]))
        self.angle = 0.0
        parts = place(self.x, self.y, 0.0, 1, rigid_pose(self.inst.archetype, self.inst.size))
        frame = self.frame(parts, extra={"broken": 1.0, "pieces": float(len(self.shards))})
        for k, (piece, outline) in enumerate(self.shards):
            name = f"shard_{k}"
            frame.parts[name] = Transform(piece.position.x, piece.position.y, piece.angle)
            frame.outlines[name] = outline
        return frame

    def sounds(self) -> dict[str, float]:
        return {} if self.broken else super().sounds()
