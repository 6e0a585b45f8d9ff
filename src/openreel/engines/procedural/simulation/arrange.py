"""Where the action templates need their things: a row of dominoes, a glass at a table's
edge, a shooter at shooting distance from the hoop, a diver at the pool's edge.

Runs after the general layout and moves only what a template acts with; anything the
storyboard placed explicitly (``Entity.position``) stays where it was put.
"""

from __future__ import annotations

from openreel.engines.procedural.rigs import footprint, goal_geometry, hoop_geometry
from openreel.engines.procedural.simulation.aimed import ACTIONS, kick_reach
from openreel.engines.procedural.simulation.animals import SWAT_AT, SWAT_REACH
from openreel.engines.procedural.simulation.dominoes import arrange_row, is_domino
from openreel.engines.procedural.simulation.grouping import surface_of
from openreel.engines.procedural.simulation.holding import holds, stand_by
from openreel.engines.procedural.simulation.layout import DROPPED, Instance
from openreel.engines.procedural.simulation.pendulum import rides
from openreel.engines.procedural.simulation.poses import rest_height
from openreel.spec import Archetype, Environment, Motion, Relation

A = Archetype
RIGID = (A.BALL, A.BLOCK, A.FOOD, A.FURNITURE, A.CONTAINER)
# Aimed acts play close to their target, so that a portrait frame that shows the person
# big enough to read also shows the ball's whole trip.
SHOT_DISTANCE = 1.6  # metres from a shooter to the ring's centre: a shot from under the rim
KICK_DISTANCE = 0.6  # ball to goal mouth
PASS_DISTANCE = 1.5  # thrower to catcher
AIM_DISTANCE = 1.2  # thrower to a target board
PUSH_AT = 0.6  # seconds before a thing on a table is nudged over its edge
DROP_AT = 0.8  # seconds before a held thing slips from the hand


def _free(inst: Instance) -> bool:
    return inst.entity.position is None


def _first(instances: list[Instance], group: str | None) -> Instance | None:
    return next((i for i in instances if group is not None and i.group == group), None)


def arrange(instances: list[Instance], env: Environment) -> None:
    """Move the things of every action template into place (in the instances, in place)."""
    groups: dict[str, list[Instance]] = {}
    for inst in instances:
        groups.setdefault(inst.group, []).append(inst)
    for members in groups.values():
        head = members[0]
        if head.archetype in RIGID and len(members) > 1 and (
                head.motion is Motion.TOPPLE or is_domino(head)):
            arrange_row(members, env)
    for inst in instances:
        # what breaks, and what "falls off" the thing it is on, goes over that thing's edge
        if inst.archetype in RIGID and (inst.motion is Motion.BREAK or (
                inst.motion is Motion.FALL and inst.entity.relation is Relation.ON)):
            _place_breakable(inst, instances)
    dropped = [i for i in instances if i.archetype in (*RIGID, A.PROP) and i.motion in DROPPED
               and _free(i) and _first(instances, i.entity.target) is not None]
    for k, inst in enumerate(dropped):
        _drop_over(inst, k, len(dropped), instances)
    for inst in instances:
        if inst.archetype is A.HUMANOID and inst.motion in ACTIONS and inst.index == 0:
            _place_aimed(inst, instances, env)
        if inst.archetype in (A.HUMANOID, A.QUADRUPED) and into_water(inst, instances):
            _place_diver(inst, instances, env)
        if holds(inst):
            stand_by(inst, instances)
        seat = rides(inst, instances)
        if seat is not None:
            seat.extra["ridden"] = 1.0


def into_water(inst: Instance, instances: list[Instance]) -> bool:
    """Whether a figure dives, or jumps into a pool."""
    if inst.motion is Motion.DIVE:
        return True
    target = _first(instances, inst.entity.target)
    return inst.motion is Motion.JUMP and target is not None and target.archetype is A.POOL


def _drop_over(inst: Instance, k: int, n: int, instances: list[Instance]) -> None:
    """"A teddy bear and a laptop fall onto a sofa": each falls from above the thing it
    lands on, the ones falling together spread along its top."""
    target = _first(instances, inst.entity.target)
    assert target is not None
    w = footprint(target.archetype, target.size, target.kind)[0]
    inst.x = target.x + (0.0 if n == 1 else (k / (n - 1) - 0.5) * 0.35 * w)
    inst.y = surface_of(target) + inst.rest + 0.6 + 0.25 * k  # a little above: it lands, no bounce


def _place_breakable(inst: Instance, instances: list[Instance]) -> None:
    e = inst.entity
    holder = next((i for i in instances if i.archetype is A.HUMANOID and i.entity.object
                   == inst.group), None)
    support = _first(instances, e.relative_to) if e.relation is Relation.ON else None
    swatter = next((i for i in instances if i.archetype is A.QUADRUPED and i.motion is
                    Motion.PUSH and i.entity.object == inst.group and support is not None
                    and i.entity.relative_to == support.group), None)
    half_h = rest_height(inst.archetype, inst.size)
    if support is not None:
        w, h = footprint(support.archetype, support.size)
        top = support.y - rest_height(support.archetype, support.size) + h
        if support.archetype is A.FURNITURE:
            top = support.y + 0.5 * support.size  # the table top's upper face
        side = 1.0 if inst.x >= support.x else -1.0  # over the edge on its own side
        if swatter is not None:
            side = float(swatter.facing)
        inst.x = support.x + side * (0.5 * w - 0.8 * footprint(inst.archetype, inst.size)[0])
        inst.y = top + half_h + 0.002
        inst.extra["push_at"] = PUSH_AT
        inst.extra["push_vx"] = side * 1.1
        if swatter is not None:
            # the animal stands on the counter behind the glass, its paw's reach from it
            swatter.x = inst.x - side * (SWAT_REACH * swatter.size
                                         + 0.5 * footprint(inst.archetype, inst.size)[0])
            inst.extra["push_at"] = SWAT_AT
    elif holder is not None:
        s = holder.size
        inst.x = holder.x + holder.facing * 0.3 * s
        inst.y = holder.y - rest_height(holder.archetype, s) + 0.5 * s
        inst.extra["held"] = 1.0
        inst.extra["push_at"] = DROP_AT
        inst.extra["push_vx"] = 0.0
    elif _free(inst):
        inst.y = 1.3 + half_h  # dropped from a height, as a falling thing is


def _place_aimed(inst: Instance, instances: list[Instance], env: Environment) -> None:
    w = env.stage_width
    ball = _first(instances, inst.entity.object) or next(
        (i for i in instances if i.archetype is A.BALL), None)
    target = _first(instances, inst.entity.target) or next(
        (i for i in instances if i.archetype in (A.HOOP, A.GOAL)), None)
    catcher = next((i for i in instances if i.archetype is A.HUMANOID and i.motion is
                    Motion.CATCH and i is not inst and ball is not None
                    and i.entity.object in (None, ball.group)), None)
    if inst.motion is Motion.CATCH:
        if _free(inst) and not any(i.motion in (Motion.THROW, Motion.KICK, Motion.HIT)
                                   for i in instances):
            inst.x, inst.facing = 0.3 * w, 1
        return
    if catcher is not None and inst.motion is not Motion.SHOOT:
        _face_off(inst, catcher, w)
    elif target is not None and target.archetype is A.HOOP:
        _before_hoop(inst, target, w)
    elif target is not None and target.archetype is A.GOAL:
        _before_goal(inst, target, ball, w)
    elif target is not None and target.archetype is not A.HUMANOID and _free(target):
        _before_target(inst, target, w)
    elif target is not None and _free(inst):
        inst.facing = 1 if target.x >= inst.x else -1
    elif _free(inst):
        inst.x, inst.facing = 0.25 * w, 1
    if inst.motion is Motion.KICK and ball is not None and _free(ball):
        ball.x = inst.x + inst.facing * kick_reach(inst.size, ball.size)
        ball.y = rest_height(ball.archetype, ball.size)
        ball.vx = ball.vy = 0.0


def _before_target(thrower: Instance, target: Instance, w: float) -> None:
    """A board or a thing aimed at stands ``AIM_DISTANCE`` ahead of the thrower."""
    if _free(thrower):
        thrower.x, thrower.facing = 0.5 * w - 0.5 * AIM_DISTANCE, 1
    target.x = thrower.x + thrower.facing * AIM_DISTANCE
    target.depth = thrower.depth
    target.extra["hung"] = 1.0  # set up where it stands: a round board does not roll off


def _face_off(thrower: Instance, catcher: Instance, w: float) -> None:
    if _free(thrower) and _free(catcher):
        gap = min(PASS_DISTANCE, 0.7 * w)
        thrower.x, catcher.x = 0.5 * w - 0.5 * gap, 0.5 * w + 0.5 * gap
    thrower.facing = 1 if catcher.x >= thrower.x else -1
    catcher.facing = -thrower.facing


def _before_hoop(shooter: Instance, hoop: Instance, w: float) -> None:
    g = hoop_geometry(hoop.size)
    ring = 0.5 * (g.rim_near + g.rim_far)
    if _free(hoop):
        hoop.x = min(0.8 * w, w - 0.5 * footprint(hoop.archetype, hoop.size)[0] - 0.3)
        hoop.facing = -1
    if _free(shooter):
        shooter.x = hoop.x + hoop.facing * (ring + SHOT_DISTANCE)
    shooter.facing = 1 if hoop.x >= shooter.x else -1
    hoop.facing = -shooter.facing


def _before_goal(kicker: Instance, goal: Instance, ball: Instance | None, w: float) -> None:
    g = goal_geometry(goal.size)
    if _free(goal):
        goal.x = min(0.82 * w, w - 0.5 * footprint(goal.archetype, goal.size)[0] - 0.3)
        goal.facing = -1
    if _free(kicker):
        reach = kick_reach(kicker.size, ball.size) if ball is not None else 0.3
        kicker.x = goal.x + goal.facing * (g.mouth_x + KICK_DISTANCE + reach)
    kicker.facing = 1 if goal.x >= kicker.x else -1
    goal.facing = -kicker.facing


def _place_diver(diver: Instance, instances: list[Instance], env: Environment) -> None:
    pool = _first(instances, diver.entity.target)
    if pool is None or pool.archetype is not A.POOL:
        pool = next((i for i in instances if i.archetype is A.POOL), None)
    if pool is None:
        return
    w = env.stage_width
    if _free(pool):
        pool.size = min(pool.size, 0.7 * w)
        pool.x = 0.58 * w
        pool.y = rest_height(A.POOL, pool.size)
    if _free(diver):
        edge = pool.x - 0.5 * pool.size
        half = 0.5 * footprint(diver.archetype, diver.size)[0]
        diver.x = edge - half - 0.05 - diver.index * 0.9 * diver.size
        diver.facing = 1
        diver.y = rest_height(diver.archetype, diver.size)
