"""A figure pouring from a vessel it holds: the vessel pours (see pouring), the figure's
near hand follows the vessel's handle by two-link IK, bending and leaning to reach it.
"""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.layout import Instance
from openreel.engines.procedural.simulation.poses import (
    LocalPose,
    humanoid_foot_drop,
    humanoid_pose,
    reach,
)
from openreel.spec import Archetype, Entity, Motion

HANDLE = (-0.3, 0.35)  # where a vessel is held, per its size, in its own frame


def lend_actions(entities: list[Entity]) -> list[Entity]:
    """Entities with the action a character does *with* a vessel handed to the vessel: a man
    pouring coffee from a pot into a cup makes the pot pour into the cup."""
    by_id = {e.id: e for e in entities}
    lent: dict[str, Entity] = {}
    for e in entities:
        vessel = by_id.get(e.object) if e.object is not None else None
        if e.motion is Motion.POUR and vessel is not None and vessel.motion is not Motion.POUR:
            lent[vessel.id] = vessel.model_copy(update={"motion": Motion.POUR,
                                                        "target": e.target or vessel.target})
    return [lent.get(e.id, e) for e in entities]


def holds(inst: Instance) -> bool:
    """Whether a figure pours from a vessel it holds."""
    return (inst.archetype is Archetype.HUMANOID and inst.motion is Motion.POUR
            and inst.entity.object is not None)


def stand_by(figure: Instance, instances: list[Instance]) -> None:
    """Stand a pouring figure behind its vessel's handle, facing the pour."""
    vessel = next((i for i in instances if i.group == figure.entity.object), None)
    if vessel is None or figure.entity.position is not None:
        return
    figure.facing = 1
    figure.x = vessel.x - 0.3 * vessel.size - 0.3 * figure.size


class PouringFigure(FigureActor):
    """Stands, bends if it must, and keeps its near hand on the vessel's handle."""

    def _humanoid(self, t: float, dt: float, running: bool) -> tuple[LocalPose, float, float]:
        s = self.inst.size
        vessel = next(iter(self.ctx.group(self.inst.entity.object or "")), None)
        j = gaits.idle(t, self.idle_phase)
        if vessel is None:
            return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0
        vs = vessel.inst.size
        c, sn = math.cos(vessel.angle), math.sin(vessel.angle)
        hx = vessel.x + c * HANDLE[0] * vs - sn * HANDLE[1] * vs
        hy = vessel.y + sn * HANDLE[0] * vs + c * HANDLE[1] * vs
        # crouch and lean only as far as the handle asks for
        for k in range(11):
            depth = 0.1 * k
            trial = gaits.crouch(depth) if depth else gaits.idle(t, self.idle_phase)
            trial.lean = -0.12 * k
            trial.shoulder_far, trial.elbow_far = 0.2, 0.4
            root_y = self.ground + humanoid_foot_drop(s, trial)
            target = ((hx - self.x) * self.facing, hy - root_y)
            j = trial
            if reach(j, s, target):
                break
        return humanoid_pose(s, j), self.ground + humanoid_foot_drop(s, j), 0.0
