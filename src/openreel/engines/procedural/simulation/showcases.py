"""The physics showcases wired into the shot loop: which actor plays which template, the
placing before the build, the linking after it, and the water tint of things in a pool.
"""

from __future__ import annotations

import pymunk

from openreel.engines.procedural.scene import EntityFrame
from openreel.engines.procedural.simulation.actor import Actor, ShotContext
from openreel.engines.procedural.simulation.aimed import ACTIONS, AimedFigure, plan_aimed
from openreel.engines.procedural.simulation.arrange import RIGID, arrange, into_water
from openreel.engines.procedural.simulation.diving import DIVERS, DiveFigure
from openreel.engines.procedural.simulation.dominoes import ToppleActor, is_domino
from openreel.engines.procedural.simulation.fetching import CatchingAnimal, plan_catches
from openreel.engines.procedural.simulation.fracture import BreakActor
from openreel.engines.procedural.simulation.goals import GoalActor, HoopActor
from openreel.engines.procedural.simulation.holding import PouringFigure, holds, lend_actions
from openreel.engines.procedural.simulation.layout import Instance
from openreel.engines.procedural.simulation.pendulum import (
    HangingActor,
    PendulumActor,
    RiderFigure,
    rides,
)
from openreel.engines.procedural.simulation.pool import PoolActor, mark_water_lines
from openreel.spec import Archetype, Motion

A = Archetype
_APPARATUS: dict[Archetype, type[Actor]] = {
    A.HOOP: HoopActor, A.GOAL: GoalActor, A.PENDULUM: PendulumActor, A.POOL: PoolActor,
}

__all__ = ["arrange", "lend_actions", "link", "showcase_actor", "water_lines"]


def showcase_actor(inst: Instance, instances: list[Instance]) -> type[Actor] | None:
    """The actor that plays a showcase template for ``inst``, or None for the usual one."""
    if inst.archetype in _APPARATUS:
        return _APPARATUS[inst.archetype]
    m = inst.motion
    if inst.archetype in RIGID:
        if m is Motion.BREAK:
            return BreakActor
        if m is Motion.SWING:
            return HangingActor
        if m is Motion.TOPPLE or is_domino(inst):
            return ToppleActor
    if inst.archetype is A.HUMANOID and m in ACTIONS:
        return AimedFigure
    if inst.archetype is A.QUADRUPED and m is Motion.CATCH and inst.entity.object:
        return CatchingAnimal
    if inst.archetype in DIVERS and into_water(inst, instances):
        return DiveFigure
    if holds(inst):
        return PouringFigure
    if rides(inst, instances) is not None:
        return RiderFigure
    return None


def link(ctx: ShotContext) -> None:
    """Connect actors that act on each other, once everything is built."""
    plan_aimed(ctx)
    plan_catches(ctx)
    instances = [a.inst for a in ctx.actors.values()]
    for actor in ctx.actors.values():
        if isinstance(actor, RiderFigure):
            seat = rides(actor.inst, instances)
            actor.seat_group = seat.group if seat is not None else ""
            swing = next((a for a in ctx.actors.values() if isinstance(a, PendulumActor)
                          and seat is not None and a.inst.uid == seat.uid), None)
            if swing is not None:  # sitting on the seat, not knocked by it
                actor.proxy.filter = pymunk.ShapeFilter(group=swing.group_id)
                actor.seat_now()
        if isinstance(actor, BreakActor) and actor.inst.extra.get("held"):
            holder = next((a for a in ctx.actors.values() if isinstance(a, Actor)
                           and a.inst.entity.object == actor.inst.group
                           and hasattr(a, "group_id")), None)
            actor.body.body_type = pymunk.Body.KINEMATIC
            for shape in actor.shapes:
                shape.filter = pymunk.ShapeFilter(group=getattr(holder, "group_id", 0))


def water_lines(ctx: ShotContext, frames: list[EntityFrame]) -> None:
    """Mark the frames of things partly under a pool's surface (the painter tints them)."""
    pools = [a for a in ctx.actors.values() if isinstance(a, PoolActor)]
    if pools:
        mark_water_lines(pools, frames)
