"""Who a shot is about and how much of the world it must show: subject, cast and extents.

The camera frames the *main subject* (what the camera follows, whoever speaks, else the
first thing that acts) at a size the framing asks for, and keeps the *cast* — the things
the subject acts with or on, and anything else that acts — in frame when they fit.
Extents are measured on the simulation itself, so the frame is sized to what is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from openreel.engines.procedural.render import artwork
from openreel.engines.procedural.render.artwork import art_of
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.rigs import all_parts, footprint
from openreel.engines.procedural.scene import (
    EntityFrame,
    ShotSimulation,
    foreground_drop,
    foreground_scale,
)
from openreel.spec import KINDS, Archetype, Entity, Motion, Relation, Shot

# Things that make up the place rather than act in it: never the subject of a shot.
_SCENERY = (Archetype.TREE, Archetype.BUILDING)


@dataclass(frozen=True, slots=True)
class Box:
    """A world-space box in metres."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return 0.5 * (self.x0 + self.x1)

    def union(self, other: Box) -> Box:
        """The box around both."""
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1),
                   max(self.y1, other.y1))


def world_box(entity: EntityFrame) -> Box:
    """The box around every drawn part of an entity in one frame (its artwork's opaque
    outline for a thing drawn from art, however it is turned), as large and as low as it
    is drawn (a thing brought forward looks larger and stands nearer the lens)."""
    art = art_of(entity)
    if art is not None:
        # the renderer's own placement, in a view of one pixel a metre at the origin
        near = entity if entity.depth <= 0.0 else replace(entity, depth=0.0)
        x0, y0, x1, y1 = artwork.box(near, art, _METRES, 0.0)
        return Box(x0, -y1, x1, -y0)
    box = _rig_box(entity)
    k = foreground_scale(entity.depth)
    if k == 1.0:
        return box
    # scaled about the ground point under it and lowered, as the renderer draws it
    drop = foreground_drop(entity.depth, footprint(entity.archetype, entity.size,
                                                   entity.kind)[1])
    return Box(entity.x + (box.x0 - entity.x) * k, box.y0 * k - drop,
               entity.x + (box.x1 - entity.x) * k, box.y1 * k - drop)


_METRES = View(cx=0.0, cy=0.0, ppm=1.0, width=0, height=0)


def _rig_box(entity: EntityFrame) -> Box:
    xs: list[float] = []
    ys: list[float] = []
    for part in all_parts(entity.archetype, entity.size, entity.look):
        tr = entity.parts.get(part.name)
        if tr is None:
            continue
        c, s = math.cos(tr.angle), math.sin(tr.angle)
        hw, hh = part.w / 2, part.h / 2
        ex, ey = abs(hw * c) + abs(hh * s), abs(hw * s) + abs(hh * c)
        xs += [tr.x - ex, tr.x + ex]
        ys += [tr.y - ey, tr.y + ey]
    if not xs:
        w, h = footprint(entity.archetype, entity.size)
        return Box(entity.x - w / 2, entity.y - h / 2, entity.x + w / 2, entity.y + h / 2)
    return Box(min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True, slots=True)
class Cast:
    """The shot's subject (a group's instances together) and the things to be seen with it:
    its core (what it acts with and on, and whoever else acts) and everyone on stage."""

    subject: tuple[str, ...]
    core: tuple[str, ...]
    everyone: tuple[str, ...]
    thrown: tuple[str, ...] = ()  # what the subject kicks, throws or shoots: followed in flight
    # how small the subject may become so that the others fit: the shot is about several
    # things together (a still life, a glass on a table) rather than one that acts
    least_fill: float = 0.3
    keep_thrower: bool = False  # the subject stays in frame while what it threw flies
    # the subject stands still on another thing ("a bottle on a table", "a watch on a
    # pedestal"): the shot is of it, framed from the surface it rests on
    resting: bool = False


def cast_of(shot: Shot, sim: ShotSimulation) -> Cast:
    """The main subject and the cast of a shot."""
    if not sim.frames:
        return Cast((), (), (), ())
    groups = {e.id: e for e in shot.entities}
    # on the stage, or driving on the road just behind it (a car that is the whole shot)
    on_stage = [e for e in sim.frames[0].entities if e.visible and (e.depth <= 0.1 or (
        e.depth < 0.3 and e.archetype is Archetype.VEHICLE and e.group in groups
        and groups[e.group].motion is not Motion.IDLE))]
    speakers = [line.speaker for line in shot.dialogue]
    lead_group = shot.camera.follow or (speakers[0] if speakers else None)
    if lead_group is None:
        staged = [e for e in shot.entities if _archetype_of(e.id, on_stage) not in _SCENERY]
        candidates = staged or shot.entities
        # the one the action is about: doing something to or with another thing, else
        # moving, else reacting (cheering, clapping); the first named among equals
        lead = max(candidates, key=lambda e: _weight(e), default=None)
        lead_group = lead.id if lead is not None else None
    lead = groups.get(lead_group) if lead_group else None
    together = {lead_group}
    falling = lead is not None and lead.motion in (Motion.BREAK, Motion.FALL) and \
        lead.relation is Relation.ON
    # (a cat asleep on a bed or sitting on a sofa rests on it too)
    resting = lead is not None and lead.motion in _RESTING and \
        lead.relation is Relation.ON and _archetype_of(lead.id, on_stage) not in _SCENERY
    # a bird on a bough is framed from the bough, as a thing on a table from the table top
    resting = resting or any("perch" in e.extra or "perched" in e.extra
                             for e in on_stage if e.group == lead_group)
    if lead is not None and lead.motion is Motion.IDLE and lead.relation in _CONTACT \
            and not resting:
        together.add(lead.relative_to)  # "a cat under a table": the table is in the shot
    if lead is not None and lead.motion is Motion.CATCH and lead.object is not None:
        together.add(lead.object)  # a dog and the frisbee it leaps for, caught in its jaws
    poured_into = groups.get(lead.target) if lead is not None and lead.target and \
        lead.motion is Motion.POUR else None
    if poured_into is not None:
        # a pour is seen from the glass it fills, from the table top the glass stands on,
        # the jug above it in the shot too
        together = {poured_into.id}
        resting = poured_into.relation is Relation.ON
    subject = tuple(e.uid for e in on_stage if e.group in together)
    if not subject and on_stage:
        subject = (on_stage[0].uid,)
    wanted: set[str] = set()
    if lead is not None:
        # what it rests on is shown as far as the frame allows: a bed under a sleeping cat
        # as much as the cat keeps its size; under a watch on show, what is left around it
        lying = lead.motion in (Motion.SLEEP, Motion.SIT) or \
            _archetype_of(lead.id, on_stage) in _ALIVE  # a butterfly and its flower
        holder = None if (resting and not lying) or falling else lead.relative_to
        wanted |= {lead.id, *(ref for ref in (lead.object, lead.target, holder)
                              if ref is not None)}
    for e in shot.entities:
        if e.motion is not Motion.IDLE or e.id in speakers or (
                e.relative_to is not None and e.relative_to in wanted):
            wanted.add(e.id)
        if e.object is not None and e.id in wanted:
            wanted.add(e.object)
    thrown: tuple[str, ...] = ()
    aimed_at: str | None = None
    if lead is not None and lead.motion in _AIMED and lead.object is not None:
        thrown = tuple(e.uid for e in on_stage if e.group == lead.object)[:1]
        aimed_at = lead.target  # seen when the camera follows the ball there
    staged_now = [e for e in on_stage if e.archetype not in _SCENERY and e.group != aimed_at]
    core = tuple(e.uid for e in staged_now if e.group in wanted)
    # a falling thing is followed down to where it lands and breaks; what it fell from is
    # seen as far as that allows, never pulling the frame away from the pieces
    everyone = core if lead is not None and falling else tuple(e.uid for e in staged_now)
    if poured_into is not None:
        least = 0.1  # the glass, and the jug tipping over it, whole
    elif resting and lead is not None and lead.motion in (Motion.SLEEP, Motion.SIT):
        least = 0.16  # a cat asleep on a bed: small enough to see the bed it lies on
    elif resting:
        least = 0.2  # the thing on show, with as much of what holds it as the frame allows
    elif lead is None or lead.motion is Motion.IDLE:
        least = 0.08
    elif lead.relative_to is not None and lead.motion in (Motion.BREAK, Motion.FALL):
        least = 0.09  # a glass off a table: the table top it leaves and the floor it hits
    elif lead.relative_to is not None or any(e.relative_to == lead.id for e in shot.entities):
        least = 0.12
    elif _archetype_of(lead.id, on_stage) is Archetype.HUMANOID and sum(
            e.motion is Motion.TALK or e.id in speakers for e in shot.entities) < 2:
        least = 0.38  # a person acting stays big enough to read the act and the face
        # (in a conversation the two-shot holds both talkers: the close-ups show faces)
    else:
        least = 0.3
    if lead is not None and any(e.id not in (lead.id, lead.object, lead.target)
                                and e.motion is not Motion.IDLE and
                                _archetype_of(e.id, on_stage) in _ALIVE for e in shot.entities):
        least = min(least, 0.2)  # "a cat sleeps while a dog chews a bone": both are seen
    if lead is not None and ((lead.count >= 3 and lead.motion in _TOGETHER_STILL) or (
            lead.count >= 2 and lead.object is not None and lead.motion not in _AIMED)):
        # a family at a picnic, a band, two kids building one sandcastle: the group is the
        # subject
        least = min(least, 0.2)
    if lead is not None and _archetype_of(lead.id, on_stage) is Archetype.FISH:
        least = min(least, 0.1)  # fish are seen in their water, over the sea floor and reef
    keep = lead is not None and _archetype_of(lead.id, on_stage) is Archetype.HUMANOID
    return Cast(subject, tuple(dict.fromkeys(subject + core)),
                tuple(dict.fromkeys(subject + everyone)), thrown, least, keep, resting)


_CONTACT = frozenset({Relation.ON, Relation.INSIDE, Relation.UNDER})
_RESTING = frozenset({Motion.IDLE, Motion.SPIN, Motion.SLEEP, Motion.SIT})
# What a group does together in one place (not going anywhere): seen as one group.
_TOGETHER_STILL = frozenset({Motion.IDLE, Motion.SIT, Motion.TALK, Motion.CHEER, Motion.CLAP,
                             Motion.WAVE, Motion.LAUGH, Motion.EAT, Motion.DANCE, Motion.PLAY})
_AIMED = frozenset({Motion.SHOOT, Motion.KICK, Motion.THROW, Motion.HIT})
_REACTIONS = frozenset({Motion.IDLE, Motion.TALK, Motion.CHEER, Motion.CLAP, Motion.LAUGH,
                        Motion.CRY, Motion.WAVE, Motion.SIT, Motion.SLEEP})


def _weight(entity: Entity) -> int:
    """How much a shot is about an entity: acting on something, acting, reacting, still;
    among equals, a living thing or a vehicle before a thing that merely moves ("balls
    bounce and a dog runs": the dog)."""
    if entity.motion in _REACTIONS:
        weight = 1 if entity.motion is not Motion.IDLE else 0
    else:
        weight = 3 if entity.object is not None or entity.target is not None else 2
    spec = KINDS.get(entity.kind)
    return 2 * weight + (spec is not None and spec.archetype in _ALIVE)


_ALIVE = frozenset({Archetype.HUMANOID, Archetype.QUADRUPED, Archetype.BIRD, Archetype.FISH,
                    Archetype.VEHICLE, Archetype.BOAT, Archetype.AIRCRAFT})


def _archetype_of(group: str, entities: list[EntityFrame]) -> Archetype | None:
    return next((e.archetype for e in entities if e.group == group), None)


def subject_height(entity: EntityFrame) -> float:
    """How tall the subject stands when at rest: its size for people, its footprint else."""
    return footprint(entity.archetype, entity.size, entity.kind)[1]
