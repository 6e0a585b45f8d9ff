"""The pymunk world of one shot: gravity, ground, stage bounds and impact recording."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pymunk

from openreel.engines.procedural.materials import material
from openreel.engines.procedural.scene import GROUND, Contact, ContactKind

# A contact is an impact only when the bodies approach at least this fast (m/s):
# below it, resting and rolling contact would produce a stream of tiny clicks.
MIN_APPROACH = 0.25
# The same pair must stay apart at least this long (simulated s) to be heard again.
DEBOUNCE = 0.06
# a thing that gains this much speed (m/s) in one step beyond what struck it, to more than
# SQUEEZE_SPEED, was squeezed, not struck
SQUEEZE_SPEED = 6.0
SQUEEZE_GAIN = 3.0
STAGE_WALL_HEIGHT = 400.0


@dataclass(slots=True)
class ShapeTag:
    """Who a shape belongs to, for contacts."""

    uid: str
    material: str


@dataclass(slots=True)
class Impact:
    """The last impact a body received, for squash and for ragdoll triggers."""

    t: float
    impulse: float
    normal_angle: float
    speed: float


OnImpact = Callable[[Contact], None]


@dataclass
class PhysicsWorld:
    """A pymunk space with a floor and walls that records impacts as Contacts."""

    gravity: float
    stage_width: float
    ground_material: str
    clip_time: Callable[[float], float]  # simulated time -> clip time
    has_ground: bool = True
    floor_y: float = 0.0
    space: pymunk.Space = field(init=False)
    contacts: list[Contact] = field(default_factory=list)
    sim_t: float = 0.0
    last_impact: dict[int, Impact] = field(default_factory=dict)  # id(body) -> impact
    _tags: dict[int, ShapeTag] = field(default_factory=dict)  # id(shape) -> tag
    _pending: dict[tuple[int, int], float] = field(default_factory=dict)
    _last_pair: dict[tuple[str, str], float] = field(default_factory=dict)
    listeners: list[OnImpact] = field(default_factory=list)
    # uids that pass through everything but the floor and walls (a road lane behind the stage)
    lane: set[str] = field(default_factory=set)
    # how far back each uid stands: things at different depths pass each other (a giraffe
    # walking past a fire hydrant in front of it does not trip over it)
    planes: dict[str, float] = field(default_factory=dict)
    # basins sunk in the floor (x0, x1, bottom): the floor is solid everywhere else
    holes: list[tuple[float, float, float]] = field(default_factory=list)
    _floor: list[pymunk.Shape] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.space = pymunk.Space()
        self.space.gravity = (0.0, -self.gravity)
        self.space.iterations = 20
        # little slop: a ball resting on the floor sits where annotations say it does
        self.space.collision_slop = 0.002
        self.space.on_collision(None, None, begin=self._begin, post_solve=self._post_solve)
        self._build_stage()

    # -- construction -------------------------------------------------------------------
    def _build_stage(self) -> None:
        static = self.space.static_body
        w = self.stage_width
        shapes: list[pymunk.Shape] = []
        if self.has_ground:
            # a thick floor (radius) keeps fast small things from tunnelling through it
            ground = pymunk.Segment(static, (-w, self.floor_y - 0.5), (2 * w, self.floor_y - 0.5),
                                    0.5)
            shapes.append(ground)
            self._floor = [ground]
        for x in (-0.5, w + 0.5):
            shapes.append(pymunk.Segment(static, (x, self.floor_y - 1.0),
                                         (x, STAGE_WALL_HEIGHT), 0.5))
        for shape in shapes:
            self.add_shape(shape, GROUND, self.ground_material)
        self.space.add(*shapes)

    def cut_floor(self, x0: float, x1: float, bottom: float) -> None:
        """Sink a basin into the floor between ``x0`` and ``x1`` down to ``bottom``."""
        if not self.has_ground:
            return
        self.holes = sorted([*self.holes, (x0, x1, bottom)])
        self.space.remove(*self._floor)
        for shape in self._floor:
            self._tags.pop(id(shape), None)
        static = self.space.static_body
        w, fy = self.stage_width, self.floor_y
        deepest = min(b for _, _, b in self.holes) - 1.0
        solids: list[pymunk.Shape] = []
        left = -w
        for hx0, hx1, hb in self.holes:
            if hx0 > left:
                solids.append(_slab(static, left, hx0, deepest, fy))
            solids.append(_slab(static, hx0 - 0.01, hx1 + 0.01, deepest, hb))
            left = max(left, hx1)
        solids.append(_slab(static, left, 2 * w, deepest, fy))
        for shape in solids:
            self.add_shape(shape, GROUND, self.ground_material)
        self.space.add(*solids)
        self._floor = solids

    def add_shape(self, shape: pymunk.Shape, uid: str, mat: str) -> pymunk.Shape:
        """Give a shape the material's friction and restitution and tag it for contacts."""
        m = material(mat)
        # pymunk multiplies the two shapes' values; square roots make the pair's value the
        # geometric mean, which keeps rubber lively on wood and dead on sand.
        shape.friction = math.sqrt(m.friction)
        shape.elasticity = math.sqrt(max(m.restitution, 0.0))
        self._tags[id(shape)] = ShapeTag(uid, mat)
        return shape

    def tag_of(self, shape: pymunk.Shape) -> ShapeTag | None:
        """The owner of a shape, if it has one."""
        return self._tags.get(id(shape))

    # -- collision callbacks ------------------------------------------------------------
    def _begin(self, arbiter: pymunk.Arbiter, space: pymunk.Space, data: Any) -> None:
        a, b = arbiter.shapes
        if a.body is None or b.body is None:
            return
        if self.lane or self.planes:
            ta, tb = self._tags.get(id(a)), self._tags.get(id(b))
            ua = ta.uid if ta is not None else ""
            ub = tb.uid if tb is not None else ""
            apart = ua in self.planes and ub in self.planes and \
                abs(self.planes[ua] - self.planes[ub]) > 1e-4
            if ((ua in self.lane or ub in self.lane) or apart) and GROUND not in (ua, ub) \
                    and ua != ub:
                arbiter.process_collision = False
                return
        n = arbiter.normal
        p = _point(arbiter)
        rel = b.body.velocity_at_world_point(p) - a.body.velocity_at_world_point(p)
        approach = -(rel.x * n.x + rel.y * n.y)
        self._pending[(id(a), id(b))] = approach

    def _post_solve(self, arbiter: pymunk.Arbiter, space: pymunk.Space, data: Any) -> None:
        a, b = arbiter.shapes
        approach = self._pending.pop((id(a), id(b)), None)
        if approach is None or approach < MIN_APPROACH:
            return
        ta, tb = self._tags.get(id(a)), self._tags.get(id(b))
        if ta is None or tb is None or ta.uid == tb.uid:
            return
        pair = (ta.uid, tb.uid) if ta.uid < tb.uid else (tb.uid, ta.uid)
        last = self._last_pair.get(pair, -1.0)
        if self.sim_t - last < DEBOUNCE:
            return
        self._last_pair[pair] = self.sim_t
        impulse = arbiter.total_impulse.length
        p = _point(arbiter)
        n = arbiter.normal
        for body in (a.body, b.body):
            if body is not None and body.body_type == pymunk.Body.DYNAMIC:
                self.last_impact[id(body)] = Impact(self.sim_t, impulse, math.atan2(n.y, n.x),
                                                    approach)
        # the body that moves is "a" so foley hears the thing that fell on the thing hit
        if ta.uid == GROUND:
            ta, tb = tb, ta
        contact = Contact(self.clip_time(self.sim_t), "impact", ta.uid, tb.uid, p.x, p.y,
                          impulse, ta.material, tb.material)
        self.contacts.append(contact)
        for listener in self.listeners:
            listener(contact)

    def record(self, kind: ContactKind, a: str, b: str, x: float, y: float, impulse: float,
               material_a: str, material_b: str, sim_t: float | None = None) -> None:
        """Record an event that is not a pymunk collision (footstep, splash, explosion …)."""
        when = self.sim_t if sim_t is None else sim_t
        contact = Contact(self.clip_time(when), kind, a, b, x, y, impulse, material_a,
                          material_b)
        self.contacts.append(contact)
        for listener in self.listeners:
            listener(contact)

    def step(self, h: float) -> None:
        """Advance the world by one sub-step; contacts get the time at its end."""
        self.sim_t += h
        before = {body: body.velocity.length for body in self.space.bodies
                  if body.body_type == pymunk.Body.DYNAMIC}
        self.space.step(h)
        self._unsqueeze(before)

    def _unsqueeze(self, before: dict[pymunk.Body, float]) -> None:
        """Calm things that were squeezed.

        A walker (kinematic: it goes where its gait says, whatever is in the way) pushing a
        row of balls into a wall leaves the solver overlaps it cannot resolve, and it
        answers with impulses that fire a ball tens of metres up. A collision cannot make a
        thing faster than what struck it (twice a scripted striker's speed, a perfectly
        elastic bat), so a gain beyond that is taken back: the thing keeps its direction
        at the speed it may have.
        """
        for body, speed in before.items():
            now = body.velocity.length
            if now < SQUEEZE_SPEED or now < speed + SQUEEZE_GAIN:
                continue
            may = speed
            for arbiter in _arbiters_of(body):
                for shape in arbiter.shapes:
                    other = shape.body
                    if other is None or other is body:
                        continue
                    if other.body_type == pymunk.Body.KINEMATIC:
                        may = max(may, 2.0 * other.velocity.length)
                    elif other.body_type == pymunk.Body.DYNAMIC:
                        may = max(may, before.get(other, other.velocity.length))
            if now > may + SQUEEZE_GAIN:
                body.velocity = body.velocity * (may / now)
                body.angular_velocity = 0.0


def _arbiters_of(body: pymunk.Body) -> list[pymunk.Arbiter]:
    found: list[pymunk.Arbiter] = []
    body.each_arbiter(found.append)
    return found


def _slab(body: pymunk.Body, x0: float, x1: float, y0: float, y1: float) -> pymunk.Poly:
    return pymunk.Poly(body, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def _point(arbiter: pymunk.Arbiter) -> pymunk.Vec2d:
    points = arbiter.contact_point_set.points
    if not points:
        body = arbiter.shapes[0].body
        return body.position if body is not None else pymunk.Vec2d(0.0, 0.0)
    return (points[0].point_a + points[0].point_b) * 0.5
