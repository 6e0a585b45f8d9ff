"""A figure performing an act: template in, root placement, held prop and face out.

The template (see ``act.py``) says how the body moves; the performance puts that body
in the world: on its feet, on a seat, on its mount's saddle, walking in to meet a
partner, and it steers the held prop to where the hands hold it. It also reports
what it did (which hands hold the prop, the face, mimed gear) in the entity frame.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import cv2
import numpy as np

from openreel.engines.procedural.art.library import artwork_of
from openreel.engines.procedural.art.silhouette import hull_points
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import Transform
from openreel.engines.procedural.simulation import gaits
from openreel.engines.procedural.simulation.act import Act, Cue, Prop
from openreel.engines.procedural.simulation.acts import TEMPLATES
from openreel.engines.procedural.simulation.grouping import SEAT_TOPS
from openreel.engines.procedural.simulation.poses import (
    LocalPose,
    humanoid_foot_drop,
    humanoid_pose,
    joint_at,
    place,
)
from openreel.engines.procedural.simulation.props import Handle, bottom_of, pose_of
from openreel.engines.procedural.simulation.reach import foot_at, lowest
from openreel.spec import Archetype, Motion

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.actor import Actor
    from openreel.engines.procedural.simulation.figures import FigureActor

M = Motion
SEATS = {  # where a rider sits on a mount, as fractions of its footprint from bottom-centre
    "bike": (-0.12, 0.78), "motorbike": (-0.1, 0.72), "scooter": (-0.05, 1.0),
    "skateboard": (0.0, 1.0), "horse": (-0.1, 0.84), "boat": (0.0, 0.55), "car": (0.05, 0.5),
}


class Performance:
    """One humanoid acting its template through a shot."""

    def __init__(self, actor: FigureActor) -> None:
        st = actor.inst.staging
        assert st is not None and actor.inst.look is not None
        self.actor = actor
        self.staging = st
        self.body = actor.inst.look.body
        self.template = TEMPLATES[st.motion]
        self.prop_actor: Actor | None = None
        self.handle: Handle | None = None
        self.prop: Prop | None = None
        self.act = Act(gaits.idle(0.0, 0.0))
        self.grip_world: tuple[float, float, float] | None = None
        self.travel_x = actor.inst.x
        self.t0 = 0.0

    # -- set-up ---------------------------------------------------------------------------
    def bind(self) -> None:
        """Find the prop and partner actors once every actor exists."""
        st, ctx = self.staging, self.actor.ctx
        if st.prop is not None and st.prop in ctx.actors:
            self.prop_actor = ctx.actors[st.prop]
            other = self.prop_actor.inst
            w, h = footprint(other.archetype, other.size, other.kind)
            top = bottom_of(self.prop_actor) + max(h, other.size if other.archetype is
                                                   Archetype.FURNITURE else 0.0)
            gap = abs(other.x - self.actor.inst.x) - 0.5 * w
            top -= self.actor.ground
            # chairs, sofas, benches and beds are sat and lain on at their seat or mattress,
            # part way up their drawing; a table, a rock or a box at its top
            turn = level_turn(other.kind, w, h)
            self.prop = Prop(w, h, st.use or "held", top, gap,
                             top * SEAT_TOPS.get(other.kind, 1.0), turn,
                             level_height(other.kind, w, h, turn))
            if st.use == "held":
                self.handle = Handle(self.prop_actor)
        if st.partner is not None and st.partner in ctx.actors:
            partner = ctx.actors[st.partner]
            self.gap = abs(partner.inst.x - self.actor.inst.x)
            # chests sit at about 0.75 of a figure's height
            self.rise = 0.75 * (partner.inst.size - self.actor.inst.size)
        else:
            self.gap = self.rise = 0.0

    # -- each frame -----------------------------------------------------------------------
    def advance(self, t: float, dt: float) -> tuple[LocalPose, float, float]:
        """The pose at time ``t``, its root height and turn; moves the root along."""
        a, st = self.actor, self.staging
        s = a.inst.size
        approach = st.approach * (1.0 - min(1.0, t / 1.2))
        cue = Cue(t=max(0.0, t - (1.2 if st.approach else 0.0)), size=s, body=self.body,
                  phase=a.idle_phase, variant=st.variant, prop=self.prop,
                  partner_gap=self.gap, partner_rise=self.rise,
                  gravity=max(a.ctx.gravity, 1.0), lead=st.lead)
        act = self.template(cue)
        if approach > 0.0:
            # walking in to meet the partner, feet planted as they step
            act = Act(gaits.walk(a.phase, s, self.body.leg), face=act.face)
            a.phase += gaits.phase_rate(st.approach / 1.2, s, gaits.WALK) * dt
        self.act = act
        if act.speed:
            self._travel(act.speed, dt)
        if (act.speed or approach > 0.0) and act.support == "feet" and dt > 0:
            self._step(t)
        a.x = self.travel_x - a.facing * approach + a.facing * act.dx
        j = act.joints
        pose = humanoid_pose(s, j, self.body)
        y = a.ground + self._height(act, s)
        turn = act.angle * a.facing  # a positive turn tips the head backwards either way
        self.grip_world = None
        if act.grip is not None:
            gx, gy, ga = act.grip
            c, sn = math.cos(turn), math.sin(turn)
            lx = gx * a.facing
            # the turn that lays a slanted drawing level is the drawing's, whichever way the
            # figure faces (a board does not stand on end when its rider turns about)
            level = self.prop.level if self.prop is not None else 0.0
            self.grip_world = (a.x + c * lx - sn * gy, y + sn * lx + c * gy,
                               turn + ga * a.facing + level)
        return pose, y, turn

    def _height(self, act: Act, s: float) -> float:
        j = act.joints
        if act.support == "seat":
            return act.seat - joint_at(s, j, self.body, -self.body.hip)[1] + act.lift
        if act.support == "lowest":
            return -lowest(j, s, self.body) + act.lift
        if act.support == "root":
            return act.seat + act.lift
        if act.support == "free":
            return self.actor.inst.rest + act.lift
        return humanoid_foot_drop(s, j, self.body) + act.lift

    def _step(self, t: float) -> None:
        """A footstep is heard each time the other foot becomes the one on the floor."""
        j, s = self.act.joints, self.actor.inst.size
        low = "near" if foot_at(j, "near", s, self.body)[1] < foot_at(j, "far", s,
                                                                      self.body)[1] else "far"
        if getattr(self, "_low", low) != low:
            self.actor.step(t)
        self._low = low

    def _travel(self, speed: float, dt: float) -> None:
        a = self.actor
        w = a.ctx.stage_width
        margin = 0.4 * a.inst.size + 0.3
        heading = a.facing if speed > 0 else -a.facing  # pulling walks backwards
        if (self.travel_x > w - margin and heading > 0) or (
                self.travel_x < margin and heading < 0):
            a.facing = -a.facing  # turn round at the edge of the stage
        self.travel_x += speed * a.facing * dt

    def steer_prop(self, dt: float, first: bool) -> None:
        """Keep a held prop where the hands hold it (jump there on the first frame)."""
        if self.handle is None or self.grip_world is None:
            return
        if first or not self.handle.taken:
            self.handle.take(self.grip_world, self.actor.facing)
        else:
            self.handle.move_to(self.grip_world, self.actor.facing, dt)

    def let_go(self) -> None:
        """Drop whatever is held (the figure fell)."""
        if self.handle is not None:
            self.handle.release()

    def ride(self) -> tuple[float, float, int] | None:
        """Root x, y and facing that put the rider's hips on its mount's seat now."""
        st = self.staging
        if st.use != "mount" or self.prop_actor is None:
            return None
        mount = self.prop_actor
        w, h = footprint(mount.inst.archetype, mount.inst.size)
        mx = pose_of(mount)[0]
        bottom = bottom_of(mount)
        facing = mount.facing
        u, v = SEATS.get(st.variant, SEATS["bike"])
        seat_x = mx + facing * u * w
        seat_y = bottom + v * h
        if mount.inst.archetype is Archetype.QUADRUPED:
            seat_y = pose_of(mount)[1] + 0.27 * mount.inst.size
        s = self.actor.inst.size
        hx, hy = joint_at(s, self.act.joints, self.body, -self.body.hip)
        return seat_x - facing * hx, seat_y - hy + 0.02 * s, facing

    def frame_extra(self) -> dict[str, float]:
        """What the frame records about the act: face and which hands hold the prop."""
        f = self.act.face
        extra = {"smile": f.smile, "tears": f.tears, "squint": f.squint}
        for side in self.act.holding:
            extra[f"hold_{side}"] = 1.0
        return extra

    def gear(self, x: float, y: float, angle: float, facing: int) -> dict[str, Transform]:
        """World transforms of mimed gear (``gear:NAME`` parts the renderer draws)."""
        local: LocalPose = {f"gear:{k}": v for k, v in self.act.gear.items()}
        return place(x, y, angle, facing, local)


def level_height(kind: str, w: float, h: float, turn: float) -> float:
    """How tall a kind's drawing stands once turned by ``turn`` (its own height unturned)."""
    art = artwork_of(kind)
    if art is None or turn == 0.0:
        return h
    hull = hull_points(art, w, h)
    ys = hull[:, 0] * math.sin(turn) + hull[:, 1] * math.cos(turn)
    return float(ys.max() - ys.min())


def level_turn(kind: str, w: float, h: float) -> float:
    """The turn that lays the long side of a kind's drawing level: the skateboard of the art
    library is drawn slanting across its square, and rides flat under the feet."""
    art = artwork_of(kind)
    if art is None:
        return 0.0
    hull = hull_points(art, w, h).astype(np.float32)
    (_, _), (rw, rh), degrees = cv2.minAreaRect(hull)
    if rw < rh:
        degrees += 90.0
    turn = -math.radians(degrees)
    return (turn + 0.5 * math.pi) % math.pi - 0.5 * math.pi
