"""Staging choices the words imply: the props an action needs, the place it happens in,
and how a conversation is cut (a two-shot, then each line in a close-up of its speaker)."""

from __future__ import annotations

from openreel.director.activities import GOING, RIDING, ROLES, TRICKS
from openreel.director.entities import (
    Draft,
    Modifiers,
    Reading,
    ShotDraft,
    find_or_add,
    is_character,
)
from openreel.director.verbs import SELF_EQUIPPED
from openreel.spec import KINDS, PLACES, Archetype, Camera, Framing, Motion, Relation, Shot

M = Motion
# What an action is done with when the prompt does not say: "a person is reading" holds a
# book, "shooting basketball" needs a ball. Only kinds of the catalog are used. (Skis and a
# snowboard are drawn on the feet by the act itself.)
_OBJECTS: dict[Motion, tuple[str, ...]] = {
    M.SHOOT: ("basketball", "ball"), M.KICK: ("football", "ball"), M.THROW: ("ball",),
    M.CATCH: ("ball",), M.HIT: ("tennis_ball", "ball"), M.RIDE: ("bicycle",),
    M.READ: ("book",), M.TYPE: ("laptop", "keyboard"), M.DRINK: ("cup", "glass"),
    M.EAT: ("apple",), M.CLEAN: ("broom",), M.BRUSH: ("toothbrush",), M.DIG: ("shovel",),
    M.CUT: ("knife",), M.COOK: ("frying_pan",), M.WRITE: ("notebook", "pencil", "book"),
    M.SURF: ("surfboard",), M.SKI: (), M.SIT: ("chair",), M.SKATE: (),
}
# Where an aimed action goes when the prompt does not say.
_TARGETS: dict[Motion, tuple[str, ...]] = {
    M.SHOOT: ("hoop",), M.KICK: ("goal",), M.DIVE: ("swimming_pool",),
}
# A place an action belongs in, for prompts that name none.
_PLACES: dict[Motion, tuple[str, ...]] = {
    M.SKI: ("ski_slope", "snow"), M.SURF: ("beach",), M.DIVE: ("swimming_pool", "ocean"),
    M.SWIM: ("swimming_pool", "ocean"), M.COOK: ("kitchen",), M.CUT: ("kitchen",),
    M.TYPE: ("office", "living_room"), M.READ: ("living_room",), M.WRITE: ("classroom",
                                                                           "living_room"),
    M.SLEEP: ("bedroom", "living_room"), M.SHOOT: ("basketball_court", "stadium"),
    M.KICK: ("football_field", "stadium"), M.CLIMB: ("mountains",), M.SKATE: ("park",),
    M.PLAY: ("living_room",), M.CLEAN: ("living_room",), M.BRUSH: ("bathroom",
                                                                   "living_room"),
    M.DIG: ("farm", "park"), M.EXERCISE: ("gym", "stadium"), M.STRETCH: ("park",),
    M.MARCH: ("city_street",), M.TOPPLE: ("living_room",), M.BREAK: ("kitchen",),
}
# The trick a rider does on what it rides.
_TRICKS: dict[tuple[str, ...], str] = {("skateboard",): "kickflip", ("bicycle",): "wheelie"}
_MOUNTS = frozenset({"horse", "elephant", "camel", "cow", "zebra", "dragon"})
_SLEEPING_ROOMS = {"bed": "bedroom", "sofa": "living_room"}
_BEDS = {room: bed for bed, room in _SLEEPING_ROOMS.items()}
_HOUSEHOLD_ANIMALS = frozenset({"dog", "cat", "rabbit", "mouse"})
_TOGETHER = frozenset({M.HUG, M.KISS, M.SHAKE_HANDS, M.FIGHT})
_TWO_SHOT_SECONDS = 1.5
_WORDS_PER_SECOND = 2.6


def imply_props(shot: ShotDraft, reading: Reading) -> None:
    """Give actions the things they are done with and aimed at when the prompt left them out."""
    for draft in list(shot.entities):
        _act_role(draft, shot, reading)
        _rests_on(draft, shot)
    for draft in list(shot.entities):
        _bed(draft, shot, reading)
        if draft.archetype is not Archetype.HUMANOID and not (
                is_character(draft) and draft.motion is M.CATCH):
            continue
        if draft.object is None and draft.motion is M.RIDE:
            # ridden: a horse or a bike named in the shot before any bike brought in
            mount = next((d for d in shot.entities if d is not draft and (
                d.archetype is Archetype.VEHICLE or d.kind in _MOUNTS)), None)
            draft.object = mount.id if mount is not None else None
        # several, or on the grass named: they sit on the ground, not on one chair
        on_ground = draft.motion is M.SIT and (draft.count > 1 or shot.ground is not None or
                                               draft.action == "picnic")
        if draft.object is None and draft.motion in _OBJECTS and not on_ground and \
                draft.action not in SELF_EQUIPPED:
            prop = _new_prop(_OBJECTS[draft.motion], shot, reading, exclude=draft)
            if prop is not None:
                draft.object = prop.id
        if draft.target is None and draft.motion in _TARGETS:
            prop = _new_prop(_TARGETS[draft.motion], shot, reading, exclude=draft)
            if prop is not None:
                draft.target = prop.id
        if draft.target is None and draft.motion is M.THROW:
            partner = next((d for d in shot.entities if d is not draft and is_character(d)),
                           None)
            draft.target = partner.id if partner is not None else None
        _catches(draft, shot)
        if draft.target is None and draft.motion in _TOGETHER and draft.count == 1:
            # (two boxers fight each other: a pair needs nobody else)
            # a hug, a kiss, a handshake or a fight takes two: the other one named, or someone
            partner = next((d for d in shot.entities if d is not draft
                            and d.archetype is Archetype.HUMANOID), None)
            if partner is None and "person" in KINDS:
                partner = find_or_add("person", "person", Modifiers(count=1), shot, reading)
            if partner is not None:
                draft.target = partner.id
                if partner.motion in (M.IDLE, M.TALK):
                    partner.motion = draft.motion


def _rests_on(draft: Draft, shot: ShotDraft) -> None:
    """"A cat sleeps on the bed", "a dog sits on the sofa": an animal lies or sits on the
    furniture named (a person sits and lies by acting with it; an animal is set on it)."""
    if draft.archetype is Archetype.HUMANOID or draft.motion not in (M.SIT, M.SLEEP) or \
            draft.object is None or draft.relative_to is not None:
        return
    seat = next((d for d in shot.entities if d.id == draft.object), None)
    if seat is not None and seat.archetype is Archetype.FURNITURE:
        draft.relation, draft.relative_to, draft.object = Relation.ON, seat.id, None


def _bed(sleeper: Draft, shot: ShotDraft, reading: Reading) -> None:
    """A person asleep indoors with nothing named to sleep on sleeps in a bed (on the sofa
    in a living room); outdoors, or "on the floor", on the ground."""
    if sleeper.motion is not M.SLEEP or sleeper.archetype is not Archetype.HUMANOID or \
            sleeper.count != 1 or sleeper.object is not None or \
            sleeper.relative_to is not None or shot.ground is not None:
        return
    bed = _BEDS.get(shot.place or _PLACES[M.SLEEP][0])
    if bed is not None:
        prop = _new_prop((bed,), shot, reading, exclude=sleeper)
        sleeper.object = prop.id if prop is not None else None


def _catches(thrower: Draft, shot: ShotDraft) -> None:
    """"Throws a ball to her dog": an animal thrown to catches it."""
    if thrower.motion is not M.THROW or thrower.object is None:
        return
    catcher = next((d for d in shot.entities if d.id == thrower.target), None)
    if catcher is not None and catcher.archetype is Archetype.QUADRUPED and \
            catcher.motion in (M.IDLE, M.CATCH) and catcher.object in (None, thrower.object):
        catcher.motion, catcher.object = M.CATCH, thrower.object


def _act_role(draft: Draft, shot: ShotDraft, reading: Reading) -> None:
    """"A skateboarder" rides a skateboard unless told to do something else; a jump or a
    flip of a rider is a trick done riding."""
    role = ROLES.get(draft.label or "")
    if role is None or draft.archetype is not Archetype.HUMANOID:
        return
    if draft.motion in RIDING and draft.object is not None:
        return
    riding = role.motion in RIDING and draft.motion in (*TRICKS, *RIDING, *GOING)
    if draft.motion is not M.IDLE and not riding:
        return
    trick = draft.motion in TRICKS
    draft.motion = role.motion
    draft.action = _TRICKS.get(role.props[:1], "trick") if trick else \
        draft.action or role.wording
    if draft.object is None:
        prop = _new_prop(role.props, shot, reading, exclude=draft)
        draft.object = prop.id if prop is not None else None
    shot.places_wanted.extend(role.places)


def place_for_actions(shots: list[ShotDraft]) -> str | None:
    """A place where the prompt's actions happen, when it names none."""
    for shot in shots:
        for name in shot.places_wanted:
            if name in PLACES:
                return name
        for draft in shot.entities:
            if draft.motion is M.SLEEP:
                room = _bed_place(draft, shot)
                if room is not None:
                    return room
                continue
            if draft.archetype is Archetype.FISH:
                continue  # a shark swims in the sea, not in a swimming pool
            for name in _PLACES.get(draft.motion, ()):
                if name in PLACES:
                    return name
    return None


def _bed_place(sleeper: Draft, shot: ShotDraft) -> str | None:
    """Where a sleeper sleeps: the room of the bed or sofa it sleeps on, a bedroom for a
    person or a pet asleep on nothing named, and no room at all for a wild animal or for
    anyone asleep on a branch, under a table or in the grass (the rest of the prompt says
    where)."""
    bed = next((d.kind for d in shot.entities
                if d.id in (sleeper.object, sleeper.relative_to)), None)
    if bed is not None:
        return _SLEEPING_ROOMS.get(bed)
    if sleeper.archetype is Archetype.HUMANOID or sleeper.kind in _HOUSEHOLD_ANIMALS:
        return _PLACES[M.SLEEP][0]
    return None


def conversation(shot: Shot) -> list[Shot]:
    """A shot where two or more characters talk, or where a cameo speaks, cut as a wider
    shot and then a close-up of each speaker while they say their line (a cameo's face is
    what its video is for); any other shot as it is."""
    speakers = {line.speaker for line in shot.dialogue}
    cameos = {e.id for e in shot.entities if e.cameo is not None}
    if len(speakers) < 2 and not speakers & cameos:
        return [shot]
    lines = shot.dialogue
    needs = [0.6 + len(line.text.split()) / _WORDS_PER_SECOND for line in lines]
    opening = min(_TWO_SHOT_SECONDS, 0.2 * shot.duration)
    if opening < 1.0 or shot.duration - opening < len(lines):
        return [shot]  # too short to cut: keep the two-shot
    scale = (shot.duration - opening) / sum(needs)
    durations = [max(n * scale, 1.0) for n in needs]
    durations[-1] = shot.duration - opening - sum(durations[:-1])
    if durations[-1] < 1.0:
        return [shot]
    two_shot = shot.model_copy(update={
        "duration": opening, "dialogue": [], "sounds": [c for c in shot.sounds
                                                        if c.at < opening],
        "camera": shot.camera.model_copy(update={"framing": Framing.MEDIUM, "follow": None}),
        "captions": shot.captions})
    cut: list[Shot] = [two_shot]
    for line, seconds in zip(lines, durations, strict=True):
        speaker = next(e for e in shot.entities if e.id == line.speaker)
        cut.append(shot.model_copy(update={
            "duration": seconds, "dialogue": [line.model_copy(update={"start": 0.2})],
            "sounds": [], "captions": [], "continues": True,
            "description": f"close-up: {speaker.label or speaker.kind} says “{line.text}”"[:500],
            "camera": Camera(framing=Framing.CLOSE_UP, follow=speaker.id,
                             slow_motion=shot.camera.slow_motion)}))
    return cut


def _new_prop(kinds: tuple[str, ...], shot: ShotDraft, reading: Reading,
              exclude: Draft) -> Draft | None:
    for kind in kinds:
        if kind not in KINDS:
            continue
        existing = next((d for d in shot.entities if d.kind == kind and d is not exclude), None)
        if existing is not None:
            return existing
        return find_or_add(kind, kind, Modifiers(count=1), shot, reading)
    return None
