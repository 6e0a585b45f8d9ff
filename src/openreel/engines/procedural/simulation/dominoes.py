"""Toppling: a row of dominoes stood at the right spacing, the first one tipped over.

Every domino is a thin slab on the floor; nothing scripts the chain after the first tip:
each falls because the one before it hits it, and each hit is an impact heard on its
sub-step.
"""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.simulation.layout import Instance
from openreel.engines.procedural.simulation.poses import rest_height
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.spec import Environment, Motion

THICKNESS = 0.18  # a domino's thickness per its height
SPACING = 0.5  # centre to centre per height: close enough to hit the next one high up
TIGHTEST = 0.32  # the least spacing a long row is squeezed to before it stops fitting
TIP_AT = 0.5  # seconds into the shot when the first one is tipped
ROW_SPAN = 0.86  # share of the stage width a row may use


def is_domino(inst: Instance) -> bool:
    """Whether an instance is drawn and built as a thin standing slab."""
    return inst.kind == "domino"


def arrange_row(members: list[Instance], env: Environment) -> None:
    """Stand a group in a line across the stage, first (index 0) on the left."""
    n = len(members)
    h = members[0].size
    w = env.stage_width
    spacing = h * SPACING
    if n > 1 and (n - 1) * spacing > ROW_SPAN * w:
        spacing = max(ROW_SPAN * w / (n - 1), h * TIGHTEST)
    e = members[0].entity
    centre = e.position[0] if e.position is not None else 0.5 * w
    start = centre - 0.5 * (n - 1) * spacing
    for k, inst in enumerate(members):
        inst.x = start + k * spacing
        inst.y = (e.position[1] if e.position is not None else 0.0) + rest_height(
            inst.archetype, h)
        inst.angle = 0.0
        inst.vx = inst.vy = 0.0


class ToppleActor(RigidActor):
    """A rigid thing that is tipped over its base; dominoes are thin slabs."""

    def build(self) -> None:
        super().build()
        i = self.inst
        if is_domino(i):
            world = self.ctx.world
            world.space.remove(*self.shapes)
            h = i.size
            slab = pymunk.Poly.create_box(self.body, (THICKNESS * h, h), radius=0.004 * h)
            slab.density = self.shapes[0].density
            world.add_shape(slab, i.uid, i.material)
            world.space.add(slab)
            self.shapes = [slab]
            self.area = slab.area
        # the first one is tipped, unless it is already down (a shot that carries on)
        first = i.index == 0 and abs(i.angle) < 0.05
        self.tip_at = TIP_AT if i.motion is Motion.TOPPLE and first else math.inf

    def control(self, t: float) -> None:
        if t >= self.tip_at:
            self.tip_at = math.inf
            self._tip()
        super().control(t)

    def _tip(self) -> None:
        """Turn the body over its right-hand bottom edge just fast enough to go past balance."""
        b = self.body
        bb = self.shapes[0].cache_bb()
        for shape in self.shapes[1:]:
            bb = bb.merge(shape.cache_bb())
        pivot = (bb.right, bb.bottom)
        rx, ry = b.position.x - pivot[0], b.position.y - pivot[1]
        r = math.hypot(rx, ry)
        g = max(self.ctx.gravity, 0.5)
        rise = r - ry  # how far the centre climbs before it is over the edge
        inertia = b.moment / b.mass + r * r  # per unit mass, about the edge
        # half as fast again as the least that gets it over: a firm, visible push
        omega = min(-1.5 * math.sqrt(2.0 * g * rise / inertia), -1.0)
        b.angular_velocity = omega
        b.velocity = (-omega * ry, omega * rx)
