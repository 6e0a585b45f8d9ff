"""Where each entity instance starts: a deterministic, overlap-free stage layout."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from openreel.engines.procedural.cameo_faces import photo_of
from openreel.engines.procedural.personas import Appearance, appear, height_of
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.simulation.grouping import (
    CLUSTER_DEPTH,
    bring_small_forward,
    clustered,
    face_each_other,
    relate,
    root_height,
    row_positions,
)
from openreel.engines.procedural.simulation.poses import rest_height
from openreel.engines.procedural.simulation.staging import Staging, stage
from openreel.spec import COLOURS, KINDS, PLACES, Archetype, Cameo, Entity, Environment, Motion

A = Archetype
SCENERY = (A.TREE, A.BUILDING)
FLYERS = (A.BIRD, A.AIRCRAFT)
DROPPED = (Motion.BOUNCE, Motion.FALL)


@dataclass(slots=True)
class Instance:
    """One instance of a storyboard entity with its starting state."""

    uid: str
    group: str
    entity: Entity
    kind: str
    archetype: Archetype
    size: float
    colour: tuple[int, int, int]
    material: str
    x: float
    y: float  # root height (see poses.rest_height)
    vx: float = 0.0
    vy: float = 0.0
    angle: float = 0.0
    depth: float = 0.0
    facing: int = 1
    index: int = 0  # which of the group's instances
    extra: dict[str, float] = field(default_factory=dict)
    look: Appearance | None = None  # a humanoid's body, skin, hair and clothes
    staging: Staging | None = None  # how it acts with its prop or partner

    @property
    def motion(self) -> Motion:
        """The entity's motion."""
        return self.entity.motion

    @property
    def rest(self) -> float:
        """Height of the root above the floor when it stands or rests there."""
        return rest_height(self.archetype, self.size, self.kind,
                           body=self.look.body if self.look else None)


def colour_of(entity: Entity) -> tuple[int, int, int]:
    """RGB of an entity: its named or #rrggbb colour, else its kind's."""
    name = entity.colour or KINDS[entity.kind].colour
    if name.startswith("#"):
        return int(name[1:3], 16), int(name[3:5], 16), int(name[5:7], 16)
    return COLOURS[name].rgb


def stage_height(env: Environment) -> float:
    """Visible height of the stage at a 16:9 framing of its width."""
    return env.stage_width * 9.0 / 16.0


def water_level(env: Environment) -> float | None:
    """The y of a water surface, when the place has one."""
    place = PLACES[env.place]
    if env.place == "ocean":
        return 0.0
    if place.medium == "water":
        return stage_height(env) * 0.95
    return None


def sea_floor(env: Environment) -> float:
    """Height of the solid floor (below the surface on open water)."""
    return -3.0 if env.place == "ocean" else 0.0


def layout(entities: list[Entity], env: Environment, rng: np.random.Generator,
           casting_seed: int = 0, cameos: Sequence[Cameo] = ()) -> list[Instance]:
    """Instances of all entities with starting positions, spread so they do not overlap.

    People's looks draw from a stream of their own per person (the clip's ``casting_seed``
    and their id), so a person looks the same in every shot they are in. A person showing
    a cameo (of ``cameos``) wears its face, and their skin is its colour."""
    instances: list[Instance] = []
    for e in entities:
        kind = KINDS[e.kind]
        for i in range(e.count):
            uid = e.id if i == 0 else f"{e.id}.{i}"
            look = appear(e, np.random.default_rng([casting_seed, zlib.crc32(uid.encode())])) \
                if kind.archetype is A.HUMANOID else None
            cameo = next((c for c in cameos if c.handle == e.cameo), None)
            photo = photo_of(cameo)
            if look is not None and cameo is not None and photo is not None:
                look = replace(look, face=cameo.faces[0], skin=photo.skin, beard=False)
            size = e.size or _height(e, kind.size, look)
            inst = Instance(uid, e.id, e, e.kind, kind.archetype, size, colour_of(e),
                            e.material or kind.material, 0.0, 0.0, index=i, look=look)
            instances.append(inst)
    w = env.stage_width
    scenery = [i for i in instances if i.archetype in SCENERY and i.entity.position is None]
    pour_sources = {i.uid for i in instances if i.motion is Motion.POUR and i.entity.target}
    lane = [i for i in instances if i.archetype is A.VEHICLE and i.motion is Motion.DRIVE
            and i.entity.position is None]
    action = [i for i in instances
              if i not in scenery and i not in lane and i.uid not in pour_sources]
    _place_scenery(scenery, w)
    # with nobody else on the stage, the cars drive on it, seen as the camera sees them
    _place_lane(lane, w, behind=any(i.archetype is not A.VEHICLE for i in action))
    _place_action(action, env, rng)
    _stack_blocks(action)
    for inst in instances:
        if inst.uid in pour_sources:
            _place_pourer(inst, instances, env)
    instances = stage(instances, w)
    for inst in instances:
        e = inst.entity
        if e.velocity is not None:
            inst.vx, inst.vy = e.velocity
        elif inst.vx == 0.0:
            inst.vx = _default_speed(inst, rng)
        if inst.vx < 0:
            inst.facing = -1
    return instances


def _height(entity: Entity, kind_size: float, look: Appearance | None) -> float:
    """A person's height follows the age and gender cast; other kinds keep their size."""
    if look is None or entity.kind not in ("person", "child"):
        return kind_size
    return height_of(look)


def _place_scenery(items: list[Instance], w: float) -> None:
    # scenery frames the action: alternate left and right edges, further back each time
    for n, inst in enumerate(items):
        side = n % 2
        rank = n // 2
        fw = footprint(inst.archetype, inst.size, inst.kind)[0]
        margin = 0.05 * w + rank * 0.6 * fw
        inst.x = margin + fw * 0.3 if side == 0 else w - margin - fw * 0.3
        inst.depth = 0.35 + 0.25 * rank
        inst.y = inst.rest


def _place_action(items: list[Instance], env: Environment, rng: np.random.Generator) -> None:
    """The cast stands as one group (so a frame can hold it); related things by their
    partners; things given a position where they were put."""
    w = env.stage_width
    floor = sea_floor(env)
    level = water_level(env)
    free = [i for i in items if i.entity.position is None]
    bring_small_forward(items)
    in_row = [i for i in free if i.entity.relation is None]
    for inst, x in zip(in_row, row_positions(in_row, w), strict=True):
        inst.x = x
        if clustered(inst) and inst.index % 2 == 1:
            inst.depth += CLUSTER_DEPTH
    for inst in free:
        inst.y = _start_height(inst, env, floor, level, rng)
        inst.y += root_height(inst) - inst.rest  # set down as it lies
    for inst in items:
        if inst.entity.position is None:
            continue
        px, py = inst.entity.position
        fw = footprint(inst.archetype, inst.size, inst.kind)[0]
        # a group given one position spreads around it, a footprint apart
        inst.x = px + (inst.index - (inst.entity.count - 1) / 2) * fw * 1.2
        inst.y = py + inst.rest
    relate(items, w)
    for inst in items:
        inst.x = float(np.clip(inst.x, 0.05 * w, 0.95 * w))
    face_each_other(items)


def _start_height(inst: Instance, env: Environment, floor: float, level: float | None,
                  rng: np.random.Generator) -> float:
    rest = inst.rest
    top = stage_height(env)
    motion = inst.motion
    if inst.archetype in (A.BALL, A.BLOCK, A.FOOD, A.PROP) and motion in DROPPED:
        # dropped things start high, staggered so a group does not land as one
        return float(1.5 + 1.5 * rng.random() + 0.3 * inst.index)
    if inst.archetype is A.FISH or (motion in (Motion.SWIM, Motion.SINK) and level is not None):
        if level is None:
            return float(top * (0.3 + 0.3 * rng.random()))  # a fish out of water floats by
        if level > 0.5 and env.place == "coral_reef":
            # over the reef, among the corals on the sea floor, not up in open water
            return float(min(level - 0.4, floor + 0.5 + 1.0 * rng.random() + 0.25 * inst.index))
        if level > 0.5:
            return float(level * (0.3 + 0.4 * rng.random()))
        return float(level - 0.6 - 0.8 * rng.random())
    if inst.archetype is A.BOAT and level is not None:
        return level + 0.05 * inst.size
    if (inst.archetype in FLYERS and motion not in (Motion.IDLE, Motion.SIT, Motion.WALK)) or (
            motion is Motion.FLY):
        return float(top * (0.55 + 0.2 * rng.random()))
    if motion is Motion.FLOAT and level is None:
        return float(top * (0.35 + 0.2 * rng.random()))
    if env.place == "space" and inst.archetype not in (A.ROCKET,):
        return float(top * (0.3 + 0.4 * rng.random()))
    base = 0.0 if level is None or level > 0.5 else level
    return max(base, floor) + rest


def _place_lane(items: list[Instance], w: float, behind: bool = True) -> None:
    """Driving vehicles use a road just behind the stage (on it when ``behind`` is False:
    nobody else is there) and start at the end they leave."""
    for n, inst in enumerate(items):
        half = 0.5 * footprint(inst.archetype, inst.size, inst.kind)[0]
        rightward = n % 2 == 0 if inst.entity.velocity is None else inst.entity.velocity[0] >= 0
        inst.x = 0.3 + half if rightward else w - 0.3 - half
        inst.y = inst.rest
        inst.depth = (0.15 if behind else 0.0) + 0.1 * n
        if not rightward:
            inst.facing = -1
            inst.vx = -1e-3  # tells the driver which way to go


def _stack_blocks(items: list[Instance]) -> None:
    """Idle groups of blocks stand as a stack; falling ones drop onto one spot and pile up."""
    groups: dict[str, list[Instance]] = {}
    for inst in items:
        if inst.archetype is A.BLOCK and inst.entity.position is None and inst.entity.count > 1:
            groups.setdefault(inst.group, []).append(inst)
    for members in groups.values():
        motion = members[0].motion
        if motion not in (Motion.IDLE, Motion.FALL):
            continue
        x = sum(m.x for m in members) / len(members)
        s = members[0].size
        per_column = 4
        columns = (len(members) + per_column - 1) // per_column
        for k, inst in enumerate(members):
            col, row = divmod(k, per_column)
            inst.x = x + (col - (columns - 1) / 2) * s * 1.05
            if motion is Motion.IDLE:
                inst.y = (row + 0.5) * s * 0.995
            else:
                # a little sideways jitter so the pile tumbles instead of balancing
                inst.x += 0.15 * s * ((k * 7) % 3 - 1)
                inst.y = 1.5 + row * 1.2 * s + col * 0.4


def _default_speed(inst: Instance, rng: np.random.Generator) -> float:
    s = inst.size
    m = inst.motion
    sign = 1.0 if inst.index % 2 == 0 else -1.0
    if inst.archetype in (A.BALL, A.FOOD) and m is Motion.ROLL:
        return sign * (1.5 + rng.random())
    if inst.archetype is A.BLOCK and m is Motion.SLIDE:
        return sign * 3.0
    if m in (Motion.WALK, Motion.RUN, Motion.CHASE):
        # a group that walks or runs goes one way together ("a couple walks", "three dogs
        # run"), each at its own pace so they do not move in step
        pace = (1.3 if m is Motion.WALK else 3.5) * (s / 1.75) ** 0.5
        return pace * (1.0 + 0.06 * (0, 1, -1)[inst.index % 3])
    return 0.0


def _place_pourer(jug: Instance, instances: list[Instance], env: Environment) -> None:
    """A pouring vessel starts upright up-left of its target; ``pour_x``/``pour_y`` is where
    its spout (the top of its right wall) goes to pour into the target's mouth."""
    s = jug.size
    target = next((i for i in instances if i.group == jug.entity.target), None)
    if target is None:
        tx, ttop, tw = env.stage_width / 2 + 0.4 * s, 0.0, 0.2 * s
    else:
        tx = target.x
        # a vessel that is poured into is drawn and built as its rig (walls round a cavity)
        ttop = target.y - rest_height(target.archetype, target.size) + footprint(
            target.archetype, target.size)[1]
        tw = footprint(target.archetype, target.size)[0]
    jug.x = tx - 0.5 * tw - 0.03 - 0.3 * s
    jug.y = ttop + 0.05 + 0.5 * s
    # the stream leaves the lip moving right, so the lip sits over the mouth's left half
    jug.extra["pour_x"] = tx - 0.5 * tw
    jug.extra["pour_y"] = ttop + 0.02 + 0.05 * s
