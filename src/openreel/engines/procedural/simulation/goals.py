"""Targets of aimed actions: a basketball hoop and a football goal, as static colliders.

The hoop's ring is two small circles (its near and far edges seen from the side) with a
real opening between them; its net slows a ball that drops through and lets it fall out
underneath. The goal is a crossbar, a roof and a sloping back of net that swallow a ball.
Both report the moment a ball goes in as a sound event ("swish", "net").
"""

from __future__ import annotations

import math

import pymunk

from openreel.engines.procedural.rigs import goal_geometry, hoop_geometry
from openreel.engines.procedural.scene import Contact, EntityFrame
from openreel.engines.procedural.simulation.actor import Actor
from openreel.engines.procedural.simulation.poses import apparatus_pose, place
from openreel.spec import Archetype

# The net in front of what goes through it: drawn just after the things on the stage.
IN_FRONT = -0.001


class _Apparatus(Actor):
    """Static parts placed once, facing ``inst.facing``; balls in the shot are watched."""

    needs_substep = True

    def local(self, lx: float, ly: float) -> tuple[float, float]:
        """World point of a point given in the apparatus' own frame (looking right)."""
        return self.inst.x + self.facing * lx, self.inst.y + ly

    def add_static(self, *shapes: pymunk.Shape, material: str, bounce: float | None = None,
                   ) -> None:
        """Add static shapes tagged as this apparatus; ``bounce`` overrides the elasticity."""
        world = self.ctx.world
        for shape in shapes:
            world.add_shape(shape, self.inst.uid, material)
            if bounce is not None:
                shape.elasticity = bounce
        world.space.add(*shapes)

    def balls(self) -> list[pymunk.Body]:
        """Dynamic round bodies in the shot (what can score)."""
        found = []
        for actor in self.ctx.actors.values():
            body = getattr(actor, "body", None)
            if actor.inst.archetype in (Archetype.BALL, Archetype.FOOD) and isinstance(
                    body, pymunk.Body) and body.body_type == pymunk.Body.DYNAMIC:
                found.append(body)
        return found

    def uid_of(self, body: pymunk.Body) -> str:
        """The entity a body belongs to."""
        for shape in body.shapes:
            tag = self.ctx.world.tag_of(shape)
            if tag is not None:
                return tag.uid
        return ""

    def snapshot(self, t: float) -> EntityFrame:
        i = self.inst
        parts = place(i.x, i.y, 0.0, self.facing, apparatus_pose(i.archetype, i.size))
        frame = self.frame(parts, extra=self.marks())
        frame.depth = IN_FRONT
        return frame

    def marks(self) -> dict[str, float]:
        """Ground-truth landmarks reported with every frame."""
        return {}


class HoopActor(_Apparatus):
    """A basketball hoop: pole, arm, backboard and a ring a ball can drop through."""

    def build(self) -> None:
        s = self.inst.size
        g = hoop_geometry(s)
        self.geo = g
        static = self.ctx.world.space.static_body
        k = s / 3.95
        board = pymunk.Segment(static, self.local(g.board_x - 0.03 * k, g.board_bottom),
                               self.local(g.board_x - 0.03 * k, g.board_top), 0.03 * k)
        self.add_static(board, material="plastic")
        near = pymunk.Circle(static, g.rim_tube, self.local(g.rim_near - g.rim_tube, g.rim_y))
        far = pymunk.Circle(static, g.rim_tube, self.local(g.rim_far + g.rim_tube, g.rim_y))
        bracket = pymunk.Segment(static, self.local(g.board_x, g.rim_y),
                                 self.local(g.rim_near - g.rim_tube, g.rim_y), g.rim_tube)
        self.add_static(near, far, bracket, material="metal")
        pole = pymunk.Segment(static, self.local(g.pole_x, g.ground),
                              self.local(g.pole_x, g.board_bottom + 0.25 * k), 0.055 * k)
        arm = pymunk.Segment(static, self.local(g.pole_x, g.board_bottom + 0.25 * k),
                             self.local(g.board_x - 0.06 * k, g.board_bottom + 0.25 * k),
                             0.035 * k)
        self.add_static(pole, arm, material="metal")
        x0, x1 = sorted((self.local(g.rim_near, 0.0)[0], self.local(g.rim_far, 0.0)[0]))
        self.rim = (x0, x1, self.inst.y + g.rim_y)
        self.last: dict[int, tuple[float, float]] = {}
        self.scored: set[int] = set()

    def substep(self, t: float, h: float) -> None:
        x0, x1, rim_y = self.rim
        bottom = rim_y - self.geo.net_depth
        for body in self.balls():
            p = body.position
            prev = self.last.get(id(body))
            self.last[id(body)] = (p.x, p.y)
            if prev is not None and prev[1] >= rim_y > p.y and id(body) not in self.scored:
                u = (prev[1] - rim_y) / max(prev[1] - p.y, 1e-9)
                x = prev[0] + u * (p.x - prev[0])
                if x0 < x < x1:
                    self.scored.add(id(body))
                    self.ctx.world.record("swish", self.uid_of(body), self.inst.uid, x, rim_y,
                                          body.mass * abs(body.velocity.y), "leather",
                                          "fabric", sim_t=max(t - h + u * h, 0.0))
            if x0 < p.x < x1 and bottom < p.y < rim_y:
                # the net: cords drag the ball and funnel it to drop out straight below
                v = body.velocity
                centre = 0.5 * (x0 + x1)
                vx = v.x * math.exp(-14.0 * h) + (centre - p.x) * 30.0 * h
                body.velocity = (vx, v.y * math.exp(-3.0 * h))

    def marks(self) -> dict[str, float]:
        x0, x1, rim_y = self.rim
        return {"rim_x0": x0, "rim_x1": x1, "rim_y": rim_y}


class GoalActor(_Apparatus):
    """A football goal: a crossbar over the mouth and a net that catches the ball."""

    def build(self) -> None:
        s = self.inst.size
        g = goal_geometry(s)
        self.geo = g
        static = self.ctx.world.space.static_body
        bar = pymunk.Circle(static, g.bar_radius, self.local(g.mouth_x, g.bar_y))
        self.add_static(bar, material="metal")
        roof_y = g.bar_y + g.bar_radius
        roof = pymunk.Segment(static, self.local(g.mouth_x - g.bar_radius, roof_y),
                              self.local(g.roof_back_x, roof_y), 0.03)
        back = pymunk.Segment(static, self.local(g.roof_back_x, roof_y),
                              self.local(g.back_x, g.ground), 0.03)
        self.add_static(roof, back, material="fabric", bounce=0.05)
        self.caught: set[str] = set()
        self.ctx.world.listeners.append(self._on_contact)

    def inside(self, x: float, y: float) -> bool:
        """Whether a point is inside the goal's cage (behind the mouth, under the net)."""
        g = self.geo
        lx = (x - self.inst.x) * self.facing
        ly = y - self.inst.y
        if not (g.back_x < lx < g.mouth_x) or not (g.ground <= ly < g.bar_y):
            return False
        if lx >= g.roof_back_x:
            return True
        # under the sloping back of the net
        u = (lx - g.back_x) / (g.roof_back_x - g.back_x)
        return ly < g.ground + u * (g.bar_y - g.ground)

    def substep(self, t: float, h: float) -> None:
        for body in self.balls():
            if self.inside(body.position.x, body.position.y):
                # the net gives: a ball inside loses its speed instead of bouncing out
                body.velocity = body.velocity * math.exp(-2.5 * h)
                body.angular_velocity *= math.exp(-2.5 * h)

    def _on_contact(self, c: Contact) -> None:
        if c.kind != "impact" or self.inst.uid not in (c.a, c.b) or "fabric" not in (
                c.material_a, c.material_b):
            return
        ball = c.b if c.a == self.inst.uid else c.a
        if ball in self.caught:
            return
        self.caught.add(ball)
        self.ctx.world.record("net", ball, self.inst.uid, c.x, c.y, c.impulse, "leather",
                              "fabric")

    def marks(self) -> dict[str, float]:
        g = self.geo
        mouth, back = self.local(g.mouth_x, 0.0)[0], self.local(g.back_x, 0.0)[0]
        return {"mouth_x": mouth, "back_x": back, "bar_y": self.inst.y + g.bar_y}
