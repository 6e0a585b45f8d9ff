"""Where the named things stand: together, so one frame can show them, and where the
prompt put them relative to each other ("a cat under the table", "a bicycle on the left of
a car", "a clock above the fireplace").

A vertical phone frame shows a few metres of stage at the sizes people read, so the cast
stands as a group with small gaps rather than spread over the whole stage. Things that
travel start towards the side they leave, so they have room to cross the frame.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from openreel.engines.procedural.art.library import artwork_of
from openreel.engines.procedural.art.silhouette import opaque_share
from openreel.engines.procedural.art.sizing import art_box
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import FOREGROUND_MOST, foreground_scale
from openreel.engines.procedural.simulation.resting import lying_angle, lying_extent
from openreel.spec import Archetype, Motion, Relation

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.layout import Instance

A = Archetype
M = Motion
TRAVELLERS = frozenset({M.WALK, M.RUN, M.CHASE, M.MARCH, M.CRAWL, M.SKATE, M.SKI, M.RIDE,
                        M.ROLL, M.SLIDE, M.DRIVE, M.DRIFT})
BEHIND_DEPTH = 0.08  # a little further back: drawn first, a touch smaller
IN_FRONT_DEPTH = -0.001  # drawn after what it stands before (no nearer than that)
FOREGROUND_SHARE = 0.75  # a small thing beside a big one is brought forward to look this big
FOREGROUND_AT = 1.5  # … when the big one covers this many times its area


def width_of(inst: Instance) -> float:
    """The room the instance takes side to side (as drawn, as it lies), never less than
    0.15 m."""
    return max(_extent(inst)[0] * foreground_scale(inst.depth), 0.15)


def height_of(inst: Instance) -> float:
    """The instance's footprint height, as drawn and as it lies."""
    return _extent(inst)[1] * foreground_scale(inst.depth)


def _extent(inst: Instance) -> tuple[float, float]:
    if inst.angle != 0.0:
        w, h, _ = lying_extent(inst)
        return w, h
    return footprint(inst.archetype, inst.size, inst.kind)


# things with room beneath them for something else ("a cat under the table")
ROOM_BENEATH = frozenset({"table", "desk", "bed", "chair", "bench", "sofa", "piano",
                          "umbrella", "tree", "bridge", "car", "truck", "bus"})
RUN_UP = 5.0  # metres between a thing that crashes into or chases another and its target


def gap_between(a: Instance, b: Instance) -> float:
    """Room left between two neighbours: a quarter of the taller, within 2 cm–1 m (small
    things of a still life stand close); a run-up before what a crash or chase is aimed
    at."""
    if any(x.motion in (M.CRASH, M.CHASE) and x.entity.target in (a.group, b.group)
           for x in (a, b)):
        return RUN_UP
    if {a.archetype, b.archetype} == {Archetype.HUMANOID, Archetype.FURNITURE}:
        return 0.0  # people stand at the table, the counter, the bench they use
    if clustered(a) and clustered(b) and a.group == b.group:
        return -CLUSTER_OVERLAP * min(width_of(a), width_of(b))
    return min(max(0.25 * max(height_of(a), height_of(b)), 0.02), 1.0)


CLUSTER_OVERLAP = 0.3  # of a width, that neighbours of a cluster overlap
CLUSTER_DEPTH = 0.08  # how far back every other one of a cluster stands (still in the cast)


def clustered(inst: Instance) -> bool:
    """Whether a thing stands in a cluster of its kind rather than a row: three or more of
    a still thing ("three yellow umbrellas on the beach", "five apples"), grouped close and
    staggered in depth, so a portrait frame holds them at a size that reads (in a row, three
    beach umbrellas filled 14 % of its height)."""
    if inst.entity.count < 3 or inst.entity.relation is not None:
        return False
    if inst.archetype is A.HUMANOID:  # a family at a picnic, kids dancing: close together
        return inst.motion in _GATHERED
    return inst.archetype in _CLUSTERED and inst.motion is M.IDLE


# Blocks and balls keep a row: plain shapes of one colour that overlap cannot be counted.
_CLUSTERED = frozenset({A.PROP, A.FOOD, A.CONTAINER, A.PLANT})
_GATHERED = frozenset({M.IDLE, M.SIT, M.TALK, M.CHEER, M.CLAP, M.WAVE, M.LAUGH, M.EAT,
                       M.DANCE})


def row_positions(items: list[Instance], stage_width: float) -> list[float]:
    """Centres of ``items`` standing side by side in order, as one group on the stage."""
    if not items:
        return []
    widths = [width_of(i) for i in items]
    gaps = [gap_between(a, b) for a, b in itertools.pairwise(items)]
    total = sum(widths) + sum(gaps)
    room = 0.9 * stage_width
    if total > room and gaps:  # too many for one group: share the stage instead
        spare = max(room - sum(widths), 0.0)
        gaps = [spare / len(gaps)] * len(gaps)
        total = sum(widths) + sum(gaps)
    if any(i.motion in TRAVELLERS for i in items):
        left = 0.15 * stage_width  # travellers leave to the right: give them the room
    else:
        left = 0.5 * stage_width - 0.5 * total
    left = min(max(left, 0.05 * stage_width), 0.95 * stage_width - total)
    centres = []
    cursor = left
    for n, w in enumerate(widths):
        centres.append(cursor + 0.5 * w)
        cursor += w + (gaps[n] if n < len(gaps) else 0.0)
    return centres


# How high the seat of each drawn seat is (a bed's mattress), as a share of its drawn
# height from the floor: the back, arms or headboard rise above it.
SEAT_TOPS = {"sofa": 0.53, "bench": 0.55, "bed": 0.64, "chair": 0.55}


def top_of(inst: Instance) -> float:
    """Height of the instance's top above the floor (a table's top, a box's lid, the top of
    a sofa's back)."""
    if inst.archetype is A.FURNITURE and inst.kind in ("table", "desk", "counter"):
        return inst.y + 0.5 * inst.size  # furniture's root sits at mid height
    return inst.y - root_height(inst) + height_of(inst)


def surface_of(inst: Instance) -> float:
    """Height above the floor of what a thing set on the instance rests on: a table's top,
    a sofa's or a bench's seat, a bed's mattress."""
    seat = SEAT_TOPS.get(inst.kind)
    if seat is None or inst.archetype is not A.FURNITURE:
        return top_of(inst)
    return inst.y - root_height(inst) + seat * height_of(inst)


DISPLAY_STANDS = frozenset({"pedestal"})
_GOING_PAST = frozenset({M.WALK, M.RUN, M.MARCH, M.DRIVE, M.CRAWL, M.ROLL, M.SLIDE})


def _fit_stand(stand: Instance, shown: Instance) -> None:
    """A pedestal is made for what it shows: a watch on a low one, a sneaker on a knee-high
    one, never taller than a table; it keeps standing on the floor."""
    lifted = stand.rest
    stand.size = min(max(2.5 * max(height_of(shown), width_of(shown)), 0.25), 0.9)
    stand.y += stand.rest - lifted
    if stand.motion is M.IDLE:
        stand.extra["hung"] = 1.0  # set firmly on the floor: a turning thing cannot rock it


def place_related(inst: Instance, partner: Instance, relation: Relation) -> None:
    """Put ``inst`` where ``relation`` says with respect to ``partner``."""
    if relation is Relation.ON and partner.kind in DISPLAY_STANDS:
        _fit_stand(partner, inst)
    if relation is Relation.ON or (relation is Relation.UNDER
                                   and partner.kind not in ROOM_BENEATH):
        set_stack(inst, partner)
    w, pw = width_of(inst), width_of(partner)
    beside = 0.5 * (w + pw) + gap_between(inst, partner)
    if relation is Relation.LEFT_OF:
        inst.x = partner.x - beside
    elif relation is Relation.RIGHT_OF:
        inst.x = partner.x + beside
    elif relation is Relation.NEXT_TO:
        inst.x = partner.x + beside * (1 if inst.index % 2 == 0 else -1)
    elif relation is Relation.ON:
        _stack(inst, partner)
    elif relation is Relation.ABOVE:
        inst.x = partner.x
        inst.y = top_of(partner) + 0.25 * height_of(partner) + inst.rest
        inst.extra["hung"] = 1.0  # held there: a clock on the wall, a lamp over a bed
    elif relation is Relation.UNDER and partner.kind not in ROOM_BENEATH:
        # "an oven at the bottom of a toaster": the toaster goes on top of it
        inst.y = root_height(inst)
        _stack(partner, inst)
    elif relation is Relation.UNDER:
        inst.x = partner.x
        inst.y = inst.rest
        inst.depth = min(inst.depth, partner.depth) + IN_FRONT_DEPTH
    elif relation is Relation.BEHIND:
        inst.x = partner.x + 0.25 * pw
        inst.depth = partner.depth + BEHIND_DEPTH
    elif relation is Relation.IN_FRONT_OF:
        inst.x = partner.x - 0.15 * pw
        if inst.motion in _GOING_PAST:
            # "walks past a fire hydrant": from one side of it, across in front, to the other
            inst.x = partner.x - 0.5 * pw - 0.6 * w - 0.8
            inst.facing = 1
        inst.depth = partner.depth + IN_FRONT_DEPTH
    elif relation is Relation.INSIDE:
        inst.x = partner.x
        inst.y = max(inst.y, partner.y - partner.rest + inst.rest)
        inst.depth = partner.depth + IN_FRONT_DEPTH
    if relation in _SIDE_BY_SIDE:
        for still in (inst, partner):
            if still.motion is M.IDLE:
                # "a plane on the left of a train": it stays there rather than flying off
                still.extra["keep_place"] = 1.0
    inst.x += (inst.index - 0.5 * (inst.entity.count - 1)) * 1.1 * w * (
        relation is not Relation.NEXT_TO)


_STILL_LIFE = frozenset({A.PROP, A.FOOD, A.BALL, A.BLOCK, A.CONTAINER, A.PLANT})


def set_stack(a: Instance, b: Instance) -> None:
    """Two still things stacked one on the other ("a pizza on top of a donut") each lie
    as they would come to rest, and as they cannot be brought forward apart, the much
    smaller one is made larger, to three quarters of the other's area, as a still life's
    props are chosen to read together. Furniture and what it holds ("a cup on a table"),
    creatures and vehicles keep their sizes and poses."""
    if a.archetype not in _STILL_LIFE or b.archetype not in _STILL_LIFE or \
            a.motion is not M.IDLE or b.motion is not M.IDLE:
        return
    for inst in (a, b):
        lifted = root_height(inst)
        inst.angle = lying_angle(inst)
        inst.y += root_height(inst) - lifted
    small, big = sorted((a, b), key=drawn_area)
    ratio = drawn_area(big) / drawn_area(small)
    if ratio <= FOREGROUND_AT:
        return
    lifted = root_height(small)
    small.size *= min((FOREGROUND_SHARE * ratio) ** 0.5, FOREGROUND_MOST)
    small.y += root_height(small) - lifted


def root_height(inst: Instance) -> float:
    """Height of the instance's root above what it rests on, as it lies."""
    return lying_extent(inst)[2] if inst.angle != 0.0 else inst.rest


def _stack(top: Instance, bottom: Instance) -> None:
    """Stand ``top`` on ``bottom``; still things stay so ("a banana on top of an apple":
    neither rolls the other off)."""
    top.x = bottom.x
    top.y = surface_of(bottom) + root_height(top) + 0.002
    if top.motion is M.IDLE and bottom.motion is M.IDLE:
        top.extra["hung"] = bottom.extra["hung"] = 1.0


def relate(instances: list[Instance], stage_width: float) -> None:
    """Move every instance whose entity names a relation next to its partner, in the order
    the relations depend on each other (a cup on a table left of a sofa)."""
    heads: dict[str, Instance] = {}
    for inst in instances:
        heads.setdefault(inst.group, inst)
    done: set[str] = set()
    pending = [i for i in instances if i.entity.relation is not None
               and i.entity.relative_to in heads and i.entity.position is None]
    for _ in range(len(pending) + 1):
        waiting = []
        for inst in pending:
            partner_group = inst.entity.relative_to
            assert partner_group is not None and inst.entity.relation is not None
            partner = heads[partner_group]
            partner_pending = any(p.group == partner_group and p.uid not in done
                                  for p in pending)
            if partner_pending and partner is not inst:
                waiting.append(inst)
                continue
            place_related(inst, partner, inst.entity.relation)
            _keep_on_stage(inst, [i for i in instances if i.group == partner_group], stage_width)
            done.add(inst.uid)
        if not waiting or len(waiting) == len(pending):
            for inst in waiting:  # a cycle: place them against their partner as it stands
                place_related(inst, heads[inst.entity.relative_to or ""],
                              inst.entity.relation or Relation.NEXT_TO)
            break
        pending = waiting


def _keep_on_stage(inst: Instance, partners: list[Instance], stage_width: float) -> None:
    """Bring ``inst`` back within the stage when its relation put it past the edge, moving
    its partners along by as much as they can go, so the two keep their order ("a plane
    on the left of a train" wider than the stage's left half)."""
    def bounds(i: Instance) -> tuple[float, float]:
        # a body the stage's walls would push back stays whole inside them
        half = 0.0 if i.archetype in _FLYING else min(
            0.5 * footprint(i.archetype, i.size, i.kind)[0], 0.4 * stage_width)
        return 0.05 * stage_width + half, 0.95 * stage_width - half

    low, high = bounds(inst)
    shift = min(max(inst.x, low), high) - inst.x
    movable = [p for p in partners if p.entity.position is None and p is not inst]
    for other in movable:
        other_low, other_high = bounds(other)
        shift = min(shift, max(other_high - other.x, 0.0)) if shift > 0 else max(
            shift, min(other_low - other.x, 0.0))
    for other in (*movable, inst):
        other.x += shift
    inst.x = min(max(inst.x, low), high)


_FLYING = (A.AIRCRAFT, A.BIRD, A.FISH)  # steered along paths, not pushed by the walls


def face_each_other(instances: list[Instance]) -> None:
    """Characters in conversation turn to each other: those on the left look right."""
    talkers = sorted((i for i in instances if i.motion is M.TALK
                      and i.archetype in (A.HUMANOID, A.QUADRUPED, A.BIRD)),
                     key=lambda i: i.x)
    if len(talkers) < 2:
        return
    middle = 0.5 * (talkers[0].x + talkers[-1].x)
    for inst in talkers:
        inst.facing = 1 if inst.x <= middle else -1


def bring_small_forward(items: list[Instance]) -> None:
    """In a still life of things of very different sizes ("a bird and a giraffe", "a remote
    and a laptop"), bring the small ones forward of the stage so they read beside the big
    one, as a photographer would place them nearer the lens. Things that act, or stand on
    or by another, stay where they are."""
    alone = [i for i in items if i.entity.relation in _SIDE_BY_SIDE
             and i.entity.position is None and i.archetype not in (A.TREE, A.BUILDING)
             and i.depth == 0.0]
    if len(alone) < 2 or any(i.motion is not M.IDLE for i in items):
        return
    areas = {i.uid: drawn_area(i) for i in alone}
    biggest = max(areas.values())
    forward = [i for i in alone if areas[i.uid] * FOREGROUND_AT < biggest]
    for inst in forward:
        scale = min((FOREGROUND_SHARE * biggest / areas[inst.uid]) ** 0.5, FOREGROUND_MOST)
        inst.depth = 1.0 - scale  # depth below zero: nearer the camera, this much larger
    for inst in alone if forward else ():
        # set in place as a photographer would, lying as it would come to rest: nothing
        # topples and sweeps across the others (a picture drawn larger than its body
        # least of all)
        inst.extra["hung"] = 1.0
        inst.angle = lying_angle(inst)


_SIDE_BY_SIDE = (None, Relation.LEFT_OF, Relation.RIGHT_OF, Relation.NEXT_TO)


def drawn_area(inst: Instance) -> float:
    """The area (m²) an instance's picture covers at its own size: its artwork's opaque
    pixels, else most of its footprint's box."""
    w, h = footprint(inst.archetype, inst.size, inst.kind)
    art = artwork_of(inst.kind) if inst.archetype is not A.HUMANOID else None
    if art is None:
        return max(0.6 * w * h, 1e-4)
    return max(opaque_share(art) * max(art_box(inst.archetype, inst.size, art)) ** 2, 1e-4)
