"""Aimed actions: a figure kicks, throws, shoots or hits a ball at a target, or catches it.

The figure plays key poses (wind-up, contact, follow-through); the ball is held in its
hands (a kinematic body) until the contact frame, when it becomes a free pymunk body
launched on the arc solved to reach the target: through a hoop's ring from above, into a
goal's net, into a catcher's hands. A catcher times its reach to the ball's arrival.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pymunk

from openreel.engines.procedural.scene import EntityFrame, Outline, Transform
from openreel.engines.procedural.simulation import ballistics
from openreel.engines.procedural.simulation.actor import Actor, ShotContext
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.goals import GoalActor, HoopActor
from openreel.engines.procedural.simulation.poses import (
    ACTION_CONTACT,
    HIT_TOSS,
    LocalPose,
    action_joints,
    humanoid_foot_drop,
    humanoid_pose,
    limb_end,
    place,
)
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.spec import Archetype, Motion

ACTIONS = {Motion.KICK: "kick", Motion.THROW: "throw", Motion.SHOOT: "shoot",
           Motion.HIT: "hit", Motion.CATCH: "catch"}
START = 0.7  # seconds of standing ready before the action begins
STAGGER = 0.35  # later members of a group start this much later each
CLEAR = 0.25  # seconds after launch the ball keeps passing through its launcher
BAT = 0.45  # bat length per figure height
GROUND_THROW = 1.8  # metres a throw at nothing carries before it lands (still in frame)
BOWS = frozenset({"bow_and_arrow"})  # shot with, not thrown: an arrow flies, the bow stays
BLADES = frozenset({"axe", "knife", "sword", "scissors"})  # stick in the board they hit
BOARD_GROUP = 4000  # collision groups of target boards a blade flies into
ARROW = 0.7  # arrow length, metres
# an arrow drawn pointing along its part's -y: head, shaft and fletching
ARROW_SHAPE = ((0.0, -0.5), (0.035, -0.4), (0.01, -0.4), (0.01, 0.42), (0.04, 0.5),
               (0.0, 0.46), (-0.04, 0.5), (-0.01, 0.42), (-0.01, -0.4), (-0.035, -0.4))
# how steeply the ball comes down onto each kind of target (radians below horizontal)
DESCENT = {"hoop": 0.92, "goal": 0.12, "catch": 0.35, "body": 0.15, "ground": 0.75}


@dataclass
class Launch:
    """A ball's planned trip: when it leaves, from where, on which arc."""

    at: float
    start: tuple[float, float]
    shot: ballistics.Shot

    @property
    def arrives(self) -> float:
        """When the ball reaches its target."""
        return self.at + self.shot.flight


class AimedFigure(FigureActor):
    """A humanoid acting out one aimed action with a ball."""

    def build(self) -> None:
        self.action = ACTIONS[self.inst.motion]
        self.start_t = START + STAGGER * self.inst.index
        self.wrist = 0.0
        self.ball: RigidActor | None = None
        self.state = "none"  # held, resting, flying, caught
        self.launch: Launch | None = None
        self.toss: Launch | None = None
        self.catch_at = math.inf
        self.clear_at = math.inf
        self.next_group = 0  # the collision group the ball joins once clear of the launcher
        self.arrow: Launch | None = None  # an arrow loosed from a bow, flying on its arc
        self.stick_at = math.inf  # when a thrown blade bites into its target board
        self.struck: Launch | None = None  # the launch that sent the ball on its way
        super().build()

    # -- poses ------------------------------------------------------------------------------
    def _humanoid(self, t: float, dt: float, running: bool) -> tuple[LocalPose, float, float]:
        j, self.wrist = action_joints(self.action, t - self.start_t)
        s = self.inst.size
        return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0

    def parts_at(self, t: float) -> tuple[dict[str, Transform], float]:
        """World transforms of every part and the wrist turn at time ``t``."""
        j, wrist = action_joints(self.action, t - self.start_t)
        s = self.inst.size
        y = self.ground + humanoid_foot_drop(s, j)
        return place(self.inst.x, y, 0.0, self.facing, humanoid_pose(s, j)), wrist

    def bat_at(self, parts: dict[str, Transform], wrist: float) -> Transform:
        """Where the bat is: from the near hand, turned ``wrist`` off the forearm."""
        arm = parts["lower_arm_near"]
        hx, hy = limb_end(arm, 0.17 * self.inst.size)
        return Transform(hx, hy, arm.angle + wrist * self.facing)

    def ball_point(self, t: float) -> tuple[float, float]:
        """Where the ball sits at time ``t`` while this figure holds or meets it."""
        s = self.inst.size
        r = 0.5 * self.ball.inst.size if self.ball is not None else 0.11
        parts, wrist = self.parts_at(t)
        u = t - self.start_t
        near = parts["lower_arm_near"]
        hand = limb_end(near, 0.17 * s)
        if self.action == "kick":
            fx, _ = limb_end(parts["shin_near"], 0.25 * s)
            return fx + self.facing * 0.8 * r, self.ground + r
        if self.action == "hit":
            if u < HIT_TOSS:
                far = parts["lower_arm_far"]
                fx, fy = limb_end(far, 0.17 * s)
                return fx + math.sin(far.angle) * r, fy - math.cos(far.angle) * r
            bat = self.bat_at(parts, wrist)
            sx, sy = limb_end(bat, 1.5 * BAT * s)
            return sx, sy + r + 0.02 * s
        if self.action == "draw":  # the bow in the far hand, held out
            return limb_end(parts["lower_arm_far"], 0.17 * s)
        if self.action in ("shoot", "catch"):
            fx, fy = limb_end(parts["lower_arm_far"], 0.17 * s)
            hand = (0.5 * (hand[0] + fx), 0.5 * (hand[1] + fy))
        return (hand[0] + math.sin(near.angle) * 0.9 * r,
                hand[1] - math.cos(near.angle) * 0.9 * r)

    # -- the ball ---------------------------------------------------------------------------
    def take(self, ball: RigidActor, state: str) -> None:
        """Hold ``ball`` (kinematic, in the hands), leave it resting where it lies, or wait."""
        self.ball = ball
        self.state = state
        if self.action == "shoot" and ball.inst.kind in BOWS:
            self.action = "draw"
        if state == "waiting":
            return
        self._pass_through(ball, self.group_id)
        if state == "held":
            ball.body.body_type = pymunk.Body.KINEMATIC
            ball.body.velocity = (0.0, 0.0)
            ball.body.angular_velocity = 0.0
            ball.body.position = self.ball_point(0.0)

    @staticmethod
    def _pass_through(ball: RigidActor, group: int) -> None:
        for shape in ball.shapes:
            shape.filter = pymunk.ShapeFilter(group=group)

    def control(self, t: float) -> None:
        super().control(t)
        ball = self.ball
        if ball is None:
            return
        dt = self.ctx.clock.frame_dt
        if self.ragdoll is not None and self.state in ("held", "caught"):
            ball.body.body_type = pymunk.Body.DYNAMIC  # a figure knocked down drops it
            self.state = "dropped"
        if self.toss is not None and self.state == "held" and t >= self.toss.at - 1e-9:
            self._fly(self.toss)
            self.toss = None
            self.state = "tossed"
        if self.launch is not None and t >= self.launch.at - 1e-9 and self.state in (
                "held", "resting", "tossed", "waiting"):
            self._strike(t)
        if self.state == "flying" and t + dt > self.stick_at and self.struck is not None:
            ball.body.body_type = pymunk.Body.KINEMATIC  # in the board, where it was aimed
            ball.body.position = ballistics.position(self.struck.start, self.struck.shot,
                                                     self.ctx.gravity, self.struck.shot.flight)
            ball.body.velocity, ball.body.angular_velocity = (0.0, 0.0), 0.0
            self.state = "stuck"
        if self.state == "flying" and t >= self.clear_at:
            self._pass_through(ball, self.next_group)
            self.clear_at = math.inf
        if self.action == "catch" and self.state in ("waiting", "flying") and (
                t + dt > self.catch_at):
            self._catch()
        if self.state in ("held", "caught"):
            tx, ty = self.ball_point(t + dt)
            b = ball.body
            b.velocity = ((tx - b.position.x) / dt, (ty - b.position.y) / dt)
            b.angular_velocity = 0.0

    def _fly(self, launch: Launch) -> None:
        """Let go of the ball at the start of the launch frame on its solved arc."""
        assert self.ball is not None
        b = self.ball.body
        b.body_type = pymunk.Body.DYNAMIC
        b.position = launch.start
        b.velocity = ballistics.stepped(launch.shot, self.ctx.gravity, self.ctx.clock.h)
        b.angular_velocity = -3.0 * math.copysign(1.0, launch.shot.vx or 1.0)

    def _strike(self, t: float) -> None:
        """The contact frame: the ball leaves the hand, the foot or the bat (or the arrow
        leaves the bow, which stays in hand)."""
        assert self.ball is not None and self.launch is not None
        if self.action == "draw":
            self.arrow, self.launch = self.launch, None
            return
        self._fly(self.launch)
        self.state = "flying"
        self.struck = self.launch
        self.clear_at = t + CLEAR if math.isinf(self.stick_at) else t  # a blade: into the board
        ball = self.ball
        x, y = self.launch.start
        other = {"kick": "leather", "hit": "wood"}.get(self.action)
        if other is not None:
            speed = math.hypot(self.launch.shot.vx, self.launch.shot.vy)
            self.ctx.world.record("impact", ball.inst.uid, self.inst.uid, x, y,
                                  _mass(ball) * speed, ball.inst.material, other)

    def _catch(self) -> None:
        """The ball meets the hands: it stops there and is held."""
        assert self.ball is not None
        ball = self.ball
        self.state = "caught"
        self._pass_through(ball, self.group_id)
        ball.body.body_type = pymunk.Body.KINEMATIC
        x, y = self.ball_point(self.catch_at)
        self.ctx.world.record("impact", ball.inst.uid, self.inst.uid, x, y,
                              _mass(ball) * 5.0, ball.inst.material, "flesh",
                              sim_t=self.catch_at)

    # -- reporting ---------------------------------------------------------------------------
    def snapshot(self, t: float) -> EntityFrame:
        frame = super().snapshot(t)
        if self.action == "hit" and self.ragdoll is None:
            bat = self.bat_at(frame.parts, self.wrist)
            s = self.inst.size
            grip, barrel, length = 0.012 * s, 0.03 * s, BAT * s
            frame.parts["bat"] = bat
            frame.outlines["bat"] = Outline(((-grip, 0.0), (grip, 0.0), (barrel, -length),
                                             (-barrel, -length)), (170, 120, 70))
        if self.arrow is not None and t >= self.arrow.at:
            u = min(t - self.arrow.at, self.arrow.shot.flight)  # stuck where it arrives
            g = self.ctx.gravity
            x, y = ballistics.position(self.arrow.start, self.arrow.shot, g, u)
            vx, vy = self.arrow.shot.vx, self.arrow.shot.vy - g * u
            frame.parts["arrow"] = Transform(x, y, math.atan2(vx, -vy))
            frame.outlines["arrow"] = Outline(tuple((ARROW * px, ARROW * py)
                                                    for px, py in ARROW_SHAPE), (150, 105, 60))
        return frame


def _mass(actor: RigidActor) -> float:
    """A ball's mass from its shapes (a held, kinematic body reports an infinite one)."""
    return float(sum(shape.mass for shape in actor.shapes))


def kick_reach(size: float, ball_size: float) -> float:
    """How far in front of a kicker's root the ball must lie to meet the swinging foot."""
    j, _ = action_joints("kick", ACTION_CONTACT["kick"])
    pose = place(0.0, humanoid_foot_drop(size, j), 0.0, 1, humanoid_pose(size, j))
    foot_x, _ = limb_end(pose["shin_near"], 0.25 * size)
    return foot_x + 0.8 * 0.5 * ball_size


def _ball_for(figure: AimedFigure, ctx: ShotContext, claimed: set[str]) -> RigidActor | None:
    wanted = figure.inst.entity.object
    for actor in ctx.actors.values():
        if not isinstance(actor, RigidActor) or actor.inst.uid in claimed:
            continue
        if wanted is not None and actor.inst.group == wanted:
            return actor
        if wanted is None and actor.inst.archetype in (Archetype.BALL, Archetype.FOOD):
            return actor
    return None


def _target_of(figure: AimedFigure, ctx: ShotContext) -> Actor | None:
    target = ctx.target_of(figure)
    if target is not None:
        return target
    for actor in ctx.actors.values():
        if isinstance(actor, HoopActor | GoalActor):
            return actor
    return None


def _aim(figure: AimedFigure, target: Actor | None, catchers: dict[str, AimedFigure],
         start: tuple[float, float]) -> tuple[tuple[float, float], float, AimedFigure | None]:
    """The point the ball must pass, how steeply, and who catches it."""
    assert figure.ball is not None
    r = 0.5 * figure.ball.inst.size
    catcher = catchers.get(figure.ball.inst.uid)
    if catcher is not None:
        return catcher.ball_point(catcher.start_t + ACTION_CONTACT["catch"]), DESCENT[
            "catch"], catcher
    if isinstance(target, HoopActor):
        x0, x1, rim_y = target.rim
        return (0.5 * (x0 + x1), rim_y), DESCENT["hoop"], None
    if isinstance(target, GoalActor):
        g = target.geo
        up = 0.42  # into the sloping back of the net, this far up it
        x = target.local(g.back_x + up * (g.roof_back_x - g.back_x), 0.0)[0]
        return (x, target.inst.y + g.ground + up * (g.bar_y - g.ground)), DESCENT["goal"], None
    if target is not None:
        return (target.x, target.y + 0.1 * target.inst.size), DESCENT["body"], None
    room = figure.ctx.stage_width - 0.4
    x = min(max(start[0] + figure.facing * GROUND_THROW, 0.4), room)
    return (x, figure.ctx.world.floor_y + r), DESCENT["ground"], None


def plan_aimed(ctx: ShotContext) -> None:
    """Hand every aimed figure its ball and solve each launch (call once, after build)."""
    figures = [a for a in ctx.actors.values() if isinstance(a, AimedFigure)]
    claimed: set[str] = set()
    for figure in sorted(figures, key=lambda f: f.action == "catch"):
        # a catcher waits for a ball someone else may already hold
        ball = _ball_for(figure, ctx, claimed if figure.action != "catch" else set())
        if ball is None:
            continue
        claimed.add(ball.inst.uid)
        state = {"kick": "resting", "catch": "waiting"}.get(figure.action, "held")
        figure.take(ball, state)
    catchers = {f.ball.inst.uid: f for f in figures if f.action == "catch" and f.ball}
    fed: set[str] = set()
    for figure in figures:
        if figure.action == "catch" or figure.ball is None:
            continue
        _plan_launch(figure, ctx, catchers, fed)
    for uid, catcher in catchers.items():
        if uid not in fed:
            _throw_in(catcher, ctx)


def _frame_after(ctx: ShotContext, t: float) -> float:
    dt = ctx.clock.frame_dt
    return math.ceil(t / dt - 1e-9) * dt


def _plan_launch(figure: AimedFigure, ctx: ShotContext, catchers: dict[str, AimedFigure],
                 fed: set[str]) -> None:
    assert figure.ball is not None
    g = ctx.gravity
    at = _frame_after(ctx, figure.start_t + ACTION_CONTACT[figure.action])
    start = figure.ball_point(at)
    if figure.action == "kick":
        p = figure.ball.body.position
        start = (p.x, p.y)
    target, descent, catcher = _aim(figure, _target_of(figure, ctx), catchers, start)
    shot = ballistics.solve_arc(start, target, g, descent)
    if catcher is not None:
        catcher.start_t = at + shot.flight - ACTION_CONTACT["catch"]
        catcher.catch_at = at + shot.flight
        figure.next_group = catcher.group_id
        fed.add(catcher.ball.inst.uid if catcher.ball else "")
    figure.launch = Launch(at, start, shot)
    aimed_at = _target_of(figure, ctx)
    if figure.ball.inst.kind in BLADES and isinstance(aimed_at, RigidActor):
        # a blade bites into the board it meets: it flies into it, not off it, and stops
        figure.stick_at = figure.launch.arrives
        figure.next_group = BOARD_GROUP + list(ctx.actors).index(aimed_at.inst.uid)
        AimedFigure._pass_through(aimed_at, figure.next_group)
    if figure.action == "hit":
        toss_at = _frame_after(ctx, figure.start_t + HIT_TOSS)
        origin = figure.ball_point(toss_at - 1e-6)
        flight = at - toss_at
        dx, dy = start[0] - origin[0], start[1] - origin[1]
        figure.toss = Launch(toss_at, origin, ballistics.Shot(
            dx / flight, dy / flight + 0.5 * g * flight, flight))


def _throw_in(catcher: AimedFigure, ctx: ShotContext) -> None:
    """A ball nobody throws comes in from the side the catcher faces."""
    assert catcher.ball is not None
    at = _frame_after(ctx, 0.4)
    x = min(max(catcher.inst.x + catcher.facing * 6.0, 0.3), ctx.stage_width - 0.3)
    start = (x, ctx.world.floor_y + 1.6)
    # the reach pose is held still around the catch, so its point does not depend on when
    catch_point = catcher.ball_point(catcher.start_t + ACTION_CONTACT["catch"])
    shot = ballistics.solve_arc(start, catch_point, ctx.gravity, DESCENT["catch"])
    catcher.start_t = at + shot.flight - ACTION_CONTACT["catch"]
    catcher.catch_at = at + shot.flight
    catcher.launch = Launch(at, start, shot)
    catcher.next_group = catcher.group_id
    b = catcher.ball.body
    b.body_type = pymunk.Body.KINEMATIC
    b.position = start
    b.velocity = (0.0, 0.0)
