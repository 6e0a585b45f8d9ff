"""Read a prompt into a Storyboard: shots, entities, motions, place, camera, look, sound."""

from __future__ import annotations

import re

from openreel.director.clauses import lift_mentions, lift_quotes, restore_mentions, split_shots
from openreel.director.entities import Reading, ShotDraft, add_scenery
from openreel.director.reading import ShotReader
from openreel.director.staging import conversation, imply_props, place_for_actions
from openreel.spec import (
    KINDS,
    MAX_SECONDS,
    PLACES,
    Archetype,
    Camera,
    CameraMove,
    Caption,
    Environment,
    Framing,
    Lighting,
    Line,
    Mood,
    Motion,
    Placement,
    Shot,
    SoundCue,
    Storyboard,
    Style,
    TimeOfDay,
    Weather,
)

MAX_SHOTS = 24
# Things a word names differently in a place: (kind, place) → the kind staged there.
PLACE_FORMS = {("umbrella", "beach"): "beach_umbrella"}
_PLACEHOLDER = re.compile(r"\s*q(\d+)q\s*")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")


def direct(prompt: str, *, seconds: float = 10.0, style: Style | None = None,
           image: str | None = None) -> Storyboard:
    """The storyboard for ``prompt``, lasting ``seconds`` in total.

    ``style`` overrides the style words of the prompt; ``image`` is kept as the first frame.
    """
    if not prompt or not prompt.strip():
        raise ValueError("the prompt is empty: describe the video you want")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be more than 0 and at most {MAX_SECONDS:g}")
    text = lift_quotes(prompt)
    body, stand_ins = lift_mentions(text.body)
    parts = _fit_parts(split_shots(body), seconds)
    reading = Reading(cameos=stand_ins)
    drafts = [ShotReader(part, text.quotes, reading).read() for part in parts]
    for draft in drafts:
        imply_props(draft, reading)

    first_place = _first_place(drafts, reading)
    environment = _environment(first_place, reading, _first_ground(drafts, first_place))
    durations = _durations(drafts, seconds)
    shots: list[Shot] = []
    previous_place = first_place
    for index, draft in enumerate(drafts):
        place = draft.place or previous_place
        if not draft.entities and not reading.fireworks:
            add_scenery(draft, place, reading)  # (fireworks are the show in their own sky)
        draft.scenery_only = draft.scenery_only or not draft.entities
        for thing in draft.entities:
            # what a word names where it is: an umbrella on the beach is a beach umbrella
            thing.kind = PLACE_FORMS.get((thing.kind, place), thing.kind)
        env = None
        if place != first_place:
            env = _environment(place, reading, draft.ground)
        continues = (index > 0 and place == previous_place
                     and bool(draft.ids() & {e.id for e in shots[-1].entities}))
        part = restore_mentions(parts[index], stand_ins)
        shots.append(_shot(draft, part, text.quotes, durations[index],
                           _camera(draft, index, len(drafts)), env, continues))
        previous_place = place
    shots = _cut_conversations(shots)
    chosen_style = style or reading.style or Style.ANIMATED
    return Storyboard(
        prompt=prompt, style=chosen_style,
        mood=reading.mood or _infer_mood(chosen_style, environment, shots),
        environment=environment, shots=shots, music=reading.music, image=image,
        unknown_words=sorted(restore_mentions(w, stand_ins) for w in reading.unknown),
        mapped_words=dict(sorted(reading.mapped.items())),
        word_notes=dict(sorted(reading.notes.items())))


def _fit_parts(parts: list[str], seconds: float) -> list[str]:
    # Every shot lasts at least a second; extra parts join the last shot rather than vanish.
    most = max(1, min(MAX_SHOTS, int(seconds)))
    if len(parts) <= most:
        return parts
    return [*parts[:most - 1], ". ".join(parts[most - 1:])]


def _shot(draft: ShotDraft, part: str, quotes: list[str], duration: float, camera: Camera,
          env: Environment | None, continues: bool) -> Shot:
    cues = [SoundCue(sound=sound, at=round(min(0.3 + 0.5 * n, duration * 0.8), 3),
                     duration=min(2.0, duration), entity=who)
            for n, (sound, who) in enumerate(draft.sounds)]
    ids = draft.ids()
    return Shot(
        description=_restore_quotes(part, quotes), duration=duration, camera=camera,
        environment=env, entities=[d.entity(ids) for d in draft.entities], sounds=cues,
        dialogue=[Line(speaker=who, text=line) for who, line in draft.lines],
        # shown text keeps clear of the things in the shot: a title card alone is centred
        captions=[Caption(text=text[:120], placement=Placement.TOP if draft.entities
                          and not draft.scenery_only else Placement.CENTRE)
                  for text in draft.captions],
        continues=continues)


def _cut_conversations(shots: list[Shot]) -> list[Shot]:
    """Conversations cut to close-ups of each speaker, while the shot count allows."""
    cut: list[Shot] = []
    for n, shot in enumerate(shots):
        pieces = conversation(shot)
        if len(cut) + len(pieces) + len(shots) - n - 1 > MAX_SHOTS:
            pieces = [shot]
        cut.extend(pieces)
    return cut


def _restore_quotes(part: str, quotes: list[str]) -> str:
    text = _PLACEHOLDER.sub(lambda m: f' "{quotes[int(m.group(1))]}" ', part)
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(text.split())).strip(" .")[:500]


# -- where and when ------------------------------------------------------------------------
def _first_place(drafts: list[ShotDraft], reading: Reading) -> str:
    named = next((d.place for d in drafts if d.place), None)
    if named is not None:
        return named
    if reading.weather is Weather.SNOW:
        return "snow"  # "in the snow" names the place as much as the weather
    ground = next((d.ground for d in drafts if d.ground), None)
    if ground in _GROUND_PLACES:
        return _GROUND_PLACES[ground]  # "apples on the grass" are out of doors
    return place_for_actions(drafts) or _default_place(drafts)


# The place a floor named alone implies.
_GROUND_PLACES = {"grass": "park", "sand": "beach", "snow": "snow"}


def _first_ground(drafts: list[ShotDraft], first_place: str) -> str | None:
    place = first_place
    for draft in drafts:
        place = draft.place or place
        if place == first_place and draft.ground is not None:
            return draft.ground
    return None


def _environment(place: str, reading: Reading, ground: str | None) -> Environment:
    return Environment(
        # fireworks are let off after dark unless the prompt says when
        place=place, time_of_day=reading.time or (
            TimeOfDay.NIGHT if reading.fireworks else TimeOfDay.AFTERNOON),
        weather=reading.weather or Weather.CLEAR,
        lighting=reading.lighting or _default_lighting(place, reading),
        gravity=reading.gravity, ground=ground, fireworks=reading.fireworks)


def _default_place(drafts: list[ShotDraft]) -> str:
    """A place that suits the things named when the prompt names none."""
    kinds = [d.kind for s in drafts for d in s.entities]
    archetypes = {KINDS[k].archetype for k in kinds}
    if Archetype.FISH in archetypes:
        return "underwater"
    if Archetype.BOAT in archetypes:
        return "ocean"
    if "astronaut" in kinds or "planet" in kinds or "ufo" in kinds:
        return "space" if "rocket" not in kinds else "desert"
    if "rocket" in kinds:
        return "desert"
    if "swimming_pool" in kinds:
        return "swimming_pool"
    if "pedestal" in kinds:
        return "studio"  # a thing on a pedestal is on show: a product shot
    if archetypes & {Archetype.CONTAINER, Archetype.FOOD} or "chef" in kinds:
        return "kitchen"
    if archetypes & {Archetype.VEHICLE}:
        return "city_street"
    if "snowman" in kinds or "penguin" in kinds:
        return "snow"
    if kinds and archetypes <= {Archetype.BALL, Archetype.BLOCK, Archetype.FURNITURE}:
        return "living_room"
    if {"sofa", "bed", "lamp", "table", "chair", "tv", "fireplace", "shelf"} & set(kinds):
        return "living_room"  # whoever sits on a sofa or at a table is indoors
    return "park"


def _default_lighting(place: str, reading: Reading) -> Lighting:
    if reading.time is TimeOfDay.NIGHT and place == "city_street":
        return Lighting.NEON  # a city at night is its signs and street lights
    if reading.time is TimeOfDay.NIGHT:
        return Lighting.MOONLIGHT
    if place == "stage":
        return Lighting.SPOTLIGHT
    return Lighting.NATURAL


# -- how long and how filmed ---------------------------------------------------------------
def _durations(drafts: list[ShotDraft], seconds: float) -> list[float]:
    """Share the clip by how much happens in each shot; every shot gets at least 1 s."""
    if len(drafts) == 1:
        return [seconds]
    weights = [1.0 + d.words / 10 + 0.5 * d.clauses + sum(len(t.split()) for _, t in d.lines)
               / 2.5 for d in drafts]
    spare = seconds - len(drafts)
    out = [1.0 + spare * w / sum(weights) for w in weights]
    out[-1] = seconds - sum(out[:-1])  # exact total, despite rounding
    return out


def _camera(draft: ShotDraft, index: int, count: int) -> Camera:
    """The shot's camera; unspecified framing follows wide → medium → close-up."""
    if draft.framing is not None:
        framing = draft.framing
    elif draft.move is CameraMove.DRONE or (count == 1 and draft.scenery_only):
        framing = Framing.WIDE
    elif count == 1:
        framing = Framing.MEDIUM
    elif draft.lines and index > 0:
        framing = Framing.CLOSE_UP  # the speaker's line lands in a close-up
    else:
        framing = (Framing.WIDE, Framing.MEDIUM, Framing.CLOSE_UP)[min(index, 2)]
    movers = [d for d in draft.entities if d.motion not in (Motion.IDLE, Motion.TALK)]
    follow = draft.follow
    if follow is None and draft.follow_wanted and draft.entities:
        follow = (movers or draft.entities)[0].id
    elif follow is None and framing is Framing.CLOSE_UP and draft.entities:
        speakers = [who for who, _ in draft.lines]
        follow = speakers[0] if speakers else (movers or draft.entities)[0].id
    elif follow is None and framing is not Framing.WIDE:
        # a cameo is who the video is about: the camera keeps them in the frame
        follow = next((d.id for d in draft.entities if d.cameo is not None), None)
    return Camera(move=draft.move or CameraMove.STATIC, framing=framing,
                  direction=draft.direction, follow=follow, slow_motion=draft.slow_motion)


def _infer_mood(style: Style, env: Environment, shots: list[Shot]) -> Mood:
    """A mood that fits the look and the action when the prompt names none."""
    motions = {e.motion for s in shots for e in s.entities}
    if motions & {Motion.CRASH, Motion.EXPLODE} or env.weather is Weather.STORM:
        return Mood.TENSE
    if Motion.LAUNCH in motions or style is Style.CINEMATIC:
        return Mood.EPIC
    if style is Style.SURREAL:
        return Mood.DREAMY
    if env.fireworks:
        return Mood.HAPPY  # a celebration, however dark the night
    if style is Style.NOIR or env.time_of_day is TimeOfDay.NIGHT:
        return Mood.MYSTERIOUS
    if motions & {Motion.DANCE, Motion.BOUNCE, Motion.JUMP, Motion.CHASE}:
        return Mood.PLAYFUL
    if PLACES[env.place].topic in ("nature", "space") and motions <= {
            Motion.IDLE, Motion.FLY, Motion.SWIM, Motion.FLOAT, Motion.ORBIT, Motion.SLEEP}:
        return Mood.CALM
    return Mood.HAPPY
