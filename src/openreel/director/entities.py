"""The things of a shot while it is being read: drafts, ids, motions, relations, scenery."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from openreel.director import lexicon as lx
from openreel.spec import (
    KINDS,
    PLACES,
    Archetype,
    CameraMove,
    Direction,
    Entity,
    Framing,
    Lighting,
    Mood,
    Motion,
    Persona,
    Relation,
    Style,
    TimeOfDay,
    Weather,
)

A = Archetype
CHARACTERS = frozenset({A.HUMANOID, A.QUADRUPED, A.BIRD, A.FISH})
TARGETED = frozenset({Motion.CHASE, Motion.CRASH, Motion.POUR})

# How a verb reads for things that cannot do it literally: a car that "races" drives.
_ADAPTED: dict[Archetype, dict[Motion, Motion]] = {
    A.VEHICLE: {Motion.RUN: Motion.DRIVE, Motion.WALK: Motion.DRIVE, Motion.SWIM: Motion.DRIVE},
    A.BOAT: {Motion.RUN: Motion.DRIVE, Motion.WALK: Motion.DRIVE, Motion.SWIM: Motion.DRIVE},
    A.AIRCRAFT: {Motion.RUN: Motion.FLY, Motion.WALK: Motion.FLY, Motion.DRIVE: Motion.FLY},
    A.ROCKET: {Motion.RUN: Motion.LAUNCH, Motion.DRIVE: Motion.LAUNCH},
    A.FISH: {Motion.WALK: Motion.SWIM, Motion.RUN: Motion.SWIM},
}

@dataclass
class Modifiers:
    """Words read before a noun that shape the thing it names."""

    count: int | None = None
    colour: str | None = None
    material: str | None = None
    scale: float | None = None
    definite: bool = False

    def take(self, word: str) -> bool:
        """Read ``word`` as a colour, material or size this phrase has not yet had;
        whether it was one."""
        if word in lx.COLOUR_WORDS and self.colour is None:
            self.colour = lx.COLOUR_WORDS[word]
        elif word in lx.MATERIAL_WORDS and self.material is None:
            self.material = lx.MATERIAL_WORDS[word]
        elif word in lx.SIZE_WORDS and self.scale is None:
            self.scale = lx.SIZE_WORDS[word]
        else:
            return False
        return True

    def any(self) -> bool:
        """Whether an article, number or adjective has opened a noun phrase."""
        return (self.count is not None or self.colour is not None or self.material is not None
                or self.scale is not None or self.definite)


@dataclass
class Draft:
    """An entity being read; it becomes a spec Entity when its shot is done."""

    id: str
    kind: str
    count: int = 1
    colour: str | None = None
    material: str | None = None
    scale: float | None = None
    motion: Motion = Motion.IDLE
    target: str | None = None
    label: str | None = None
    object: str | None = None
    relation: Relation | None = None
    relative_to: str | None = None
    persona: Persona | None = None
    action: str | None = None  # the act as worded, when a template has several forms
    cameo: str | None = None  # the handle of the cameo this character shows

    @property
    def archetype(self) -> Archetype:
        return KINDS[self.kind].archetype

    def entity(self, ids: set[str] | None = None) -> Entity:
        """The finished entity; size is only set when an adjective asked for it.

        References to things outside ``ids`` (the shot's entity ids) are dropped.
        """
        size = None if self.scale is None else round(KINDS[self.kind].size * self.scale, 4)
        known = ids if ids is not None else {self.object, self.relative_to, self.target}

        def kept(ref: str | None) -> str | None:
            return ref if ref is not None and ref in known and ref != self.id else None

        relative_to = kept(self.relative_to)
        return Entity(id=self.id, kind=self.kind, count=self.count, colour=self.colour,
                      material=self.material, size=size, motion=self.motion,
                      target=self.target, label=self.label, object=kept(self.object),
                      relation=self.relation if relative_to is not None else None,
                      relative_to=relative_to, persona=self.persona,
                      action=self.action[:60] if self.action else None, cameo=self.cameo)


@dataclass
class ShotDraft:
    """One shot being read."""

    entities: list[Draft] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (entity id, text)
    captions: list[str] = field(default_factory=list)  # quoted text shown on screen
    sounds: list[tuple[str, str | None]] = field(default_factory=list)  # (sound, entity id)
    place: str | None = None
    ground: str | None = None
    framing: Framing | None = None
    move: CameraMove | None = None
    direction: Direction | None = None
    slow_motion: float = 1.0
    follow: str | None = None
    follow_wanted: bool = False  # "tracking shot": follow whoever moves
    words: int = 0
    clauses: int = 1
    scenery_only: bool = False
    places_wanted: list[str] = field(default_factory=list)  # where its activities happen
    liquid: str | None = None  # what is poured ("milk", "coffee"), when the prompt says

    def ids(self) -> set[str]:
        return {d.id for d in self.entities}


@dataclass
class Reading:
    """What the whole prompt has said so far; later shots see earlier entities."""

    known: dict[str, Draft] = field(default_factory=dict)  # id → latest draft, all shots
    last: Draft | None = None  # what "it" points at
    style: Style | None = None
    mood: Mood | None = None
    time: TimeOfDay | None = None
    weather: Weather | None = None
    fireworks: bool = False  # a fireworks display in the sky
    lighting: Lighting | None = None
    gravity: float | None = None
    music: bool = True
    unknown: list[str] = field(default_factory=list)
    mapped: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # word → how it was staged
    cameos: dict[str, str] = field(default_factory=dict)  # stand-in name → cameo handle


def is_character(draft: Draft) -> bool:
    """Whether the thing can speak or act on its own (people, animals)."""
    return draft.archetype in CHARACTERS


# Nouns whose plural is the singular: named bare ("fish swim", "sheep graze") they are many.
INVARIANT_PLURALS = frozenset({"fish", "sheep", "deer", "moose", "bison", "salmon", "trout",
                               "shrimp", "squid", "reindeer", "buffalo"})


def find_or_add(word: str, kind: str, mods: Modifiers, shot: ShotDraft,
                reading: Reading, persona: Persona | None = None) -> Draft:
    """The entity a noun names: one already in play ("the dog"), or a new one ("a dog").
    A character named as someone else ("her grandson" after "an old woman", "the boy"
    after "the girl") is someone new."""
    if mods.definite or mods.count is None:
        for draft in reversed(shot.entities):
            if draft.kind == kind and mods.colour in (None, draft.colour) and \
                    agrees(draft.persona, persona):
                return draft
        if mods.definite:
            for draft in reversed(list(reading.known.values())):
                if draft.kind == kind and mods.colour in (None, draft.colour) and \
                        agrees(draft.persona, persona):
                    return carry(draft, shot, reading)
    count = mods.count
    if count is None:
        # A bare plural ("balls bounce") means a few of them.
        count = 3 if word in lx.PLURAL_FORMS or (
            word in INVARIANT_PLURALS and not mods.definite) else 1
    draft = Draft(id=_new_id(kind, shot, reading), kind=kind, count=min(count, lx.MAX_COUNT),
                  colour=mods.colour, material=mods.material, scale=mods.scale, label=word)
    shot.entities.append(draft)
    reading.known[draft.id] = draft
    return draft


def agrees(known: Persona | None, named: Persona | None) -> bool:
    """Whether words describing someone (``named``) can describe one already in play."""
    if known is None or named is None:
        return True
    return all(a is None or b is None or a == b for a, b in (
        (known.gender, named.gender), (known.age, named.age)))


def carry(draft: Draft, shot: ShotDraft, reading: Reading) -> Draft:
    """Bring an entity of an earlier shot into this one, keeping its id and looks."""
    for existing in shot.entities:
        if existing.id == draft.id:
            return existing
    carried = replace(draft, motion=Motion.IDLE, target=None, object=None, relation=None,
                      relative_to=None, action=None)
    shot.entities.append(carried)
    reading.known[carried.id] = carried
    return carried


def cast(handle: str, shot: ShotDraft, reading: Reading) -> Draft:
    """The character who shows the cameo @``handle``: the one already in play (in this shot
    or an earlier one), or a new person."""
    for draft in shot.entities:
        if draft.cameo == handle:
            return draft
    for draft in reversed(list(reading.known.values())):
        if draft.cameo == handle:
            return carry(draft, shot, reading)
    draft = Draft(id=_new_id("person", shot, reading), kind="person", label=f"@{handle}",
                  cameo=handle)
    shot.entities.append(draft)
    reading.known[draft.id] = draft
    return draft


def _new_id(kind: str, shot: ShotDraft, reading: Reading) -> str:
    taken = shot.ids() | set(reading.known)
    uid, n = kind, 2
    while uid in taken:
        uid, n = f"{kind}_{n}", n + 1
    return uid


# Ways of moving about; any other motion is an action, which a later way of moving does not
# undo ("a dog runs and jumps into the pool" dives; "a glass falls and shatters" breaks).
_LOCOMOTION = frozenset({
    Motion.IDLE, Motion.WALK, Motion.RUN, Motion.JUMP, Motion.FLY, Motion.SWIM, Motion.DRIVE,
    Motion.FLOAT, Motion.ROLL, Motion.SLIDE, Motion.BOUNCE, Motion.FALL, Motion.MARCH,
    Motion.CRAWL, Motion.SIT, Motion.TALK})


def set_motion(draft: Draft, motion: Motion) -> None:
    """Give a thing its motion, read the way its body can do it."""
    # Talking never overrides a physical action already asked for, and a way of moving
    # never overrides an action ("runs and shoots" shoots).
    if motion is Motion.TALK and draft.motion is not Motion.IDLE:
        return
    if motion in _LOCOMOTION and draft.motion not in _LOCOMOTION:
        return
    draft.motion = _ADAPTED.get(draft.archetype, {}).get(motion, motion)


def set_target(actor: Draft, target: Draft) -> None:
    """Point a chase, crash or pour at its object; the chased one runs away."""
    if target is actor:
        return
    actor.target = target.id
    if actor.motion is Motion.CHASE and target.motion is Motion.IDLE and (
            is_character(target) or target.archetype is A.VEHICLE):
        set_motion(target, Motion.RUN)


def fix_pour(shot: ShotDraft) -> None:
    """Pouring needs a vessel that pours and a container that receives."""
    for draft in list(shot.entities):
        if draft.motion is not Motion.POUR:
            continue
        pourer = draft
        if draft.archetype is not A.CONTAINER:
            # "a man pours tea into a cup": the man holds a jug, the jug pours.
            draft.motion = Motion.IDLE
            pourer = Draft(id=_free_id("jug", shot), kind="jug", motion=Motion.POUR,
                           target=draft.target, label="jug")
            draft.target = None
            shot.entities.append(pourer)
        if pourer.target is None:
            receiver = next((d for d in shot.entities if d is not pourer
                             and d.archetype is A.CONTAINER), None)
            if receiver is None:
                receiver = Draft(id=_free_id("glass", shot), kind="glass", label="glass")
                shot.entities.append(receiver)
            pourer.target = receiver.id
        pourer.action = pourer.action or shot.liquid
        _set_on_a_table(next(d for d in shot.entities if d.id == pourer.target), shot)


# What is poured into stands on a table (the one named, else one brought in), not on the
# floor under a jug hanging in the air.
_TABLEWARE = frozenset({"glass", "cup", "wine_glass", "bowl", "jar", "bottle"})


def _set_on_a_table(receiver: Draft, shot: ShotDraft) -> None:
    if receiver.kind not in _TABLEWARE or receiver.relative_to is not None:
        return
    table = next((d for d in shot.entities if d.kind == "table"), None)
    if table is None:
        table = Draft(id=_free_id("table", shot), kind="table", label="table")
        shot.entities.append(table)
    receiver.relation, receiver.relative_to = Relation.ON, table.id


def _free_id(kind: str, shot: ShotDraft) -> str:
    uid, n = kind, 2
    while uid in shot.ids():
        uid, n = f"{kind}_{n}", n + 1
    return uid


def add_scenery(shot: ShotDraft, place: str, reading: Reading) -> None:
    """Fill a shot that names nothing with the place's usual things (the catalog's)."""
    for kind, count, motion in PLACES[place].scenery:
        draft = find_or_add(kind, kind, Modifiers(count=count), shot, reading)
        draft.motion = Motion(motion)
    shot.scenery_only = True
