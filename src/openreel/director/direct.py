"""Read a prompt into a Storyboard: shots, entities, motions, place, camera, look, sound."""

from __future__ import annotations

from dataclasses import dataclass, field

from openreel.director import lexicon as lx
from openreel.director.nearest import nearest_kind
from openreel.director.words import lift_quotes, match_phrase, split_shots, tokens
from openreel.spec import (
    KINDS,
    PLACES,
    Archetype,
    Camera,
    CameraMove,
    Direction,
    Entity,
    Environment,
    Framing,
    Lighting,
    Line,
    Mood,
    Motion,
    Shot,
    SoundCue,
    Storyboard,
    Style,
    TimeOfDay,
    Weather,
)

_CHARACTERS = (Archetype.HUMANOID, Archetype.QUADRUPED, Archetype.BIRD, Archetype.FISH)
_TARGETED = (Motion.CHASE, Motion.CRASH, Motion.POUR)
_DETERMINERS = frozenset({"a", "an", "the", "some", "this", "that", "my", "his", "her", "their",
                          "our", "your", "its"})
_SCENERY: dict[str, tuple[tuple[str, int, Motion], ...]] = {
    "beach": (("palm_tree", 2, Motion.IDLE), ("beach_ball", 1, Motion.BOUNCE)),
    "ocean": (("sailboat", 1, Motion.DRIVE), ("bird", 2, Motion.FLY)),
    "forest": (("tree", 3, Motion.IDLE), ("bird", 2, Motion.FLY)),
    "park": (("tree", 2, Motion.IDLE), ("bird", 2, Motion.FLY)),
    "farm": (("cow", 1, Motion.WALK), ("tree", 2, Motion.IDLE)),
    "city_street": (("car", 2, Motion.DRIVE), ("lamp", 2, Motion.IDLE)),
    "desert": (("cactus", 2, Motion.IDLE),),
    "snow": (("snowman", 1, Motion.IDLE), ("tree", 2, Motion.IDLE)),
    "mountains": (("tree", 3, Motion.IDLE), ("eagle", 1, Motion.FLY)),
    "moon": (("astronaut", 1, Motion.JUMP), ("rock", 2, Motion.IDLE)),
    "mars": (("rock", 3, Motion.IDLE), ("robot", 1, Motion.WALK)),
    "space": (("planet", 1, Motion.ORBIT), ("ufo", 1, Motion.FLOAT)),
    "underwater": (("fish", 4, Motion.SWIM),),
    "kitchen": (("table", 1, Motion.IDLE), ("chef", 1, Motion.WALK)),
    "living_room": (("sofa", 1, Motion.IDLE), ("lamp", 1, Motion.IDLE)),
    "stadium": (("football", 1, Motion.BOUNCE), ("athlete", 2, Motion.RUN)),
    "stage": (("dancer", 1, Motion.DANCE), ("lamp", 2, Motion.IDLE)),
}


@dataclass
class _Draft:
    id: str
    kind: str
    count: int = 1
    colour: str | None = None
    material: str | None = None
    scale: float = 1.0
    motion: Motion = Motion.IDLE
    target: str | None = None
    label: str | None = None

    def entity(self) -> Entity:
        size = KINDS[self.kind].size * self.scale if self.scale != 1.0 else None
        return Entity(id=self.id, kind=self.kind, count=self.count, colour=self.colour,
                      material=self.material, size=size, motion=self.motion,
                      target=self.target, label=self.label)


@dataclass
class _ShotDraft:
    entities: list[_Draft] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (entity id, text)
    sounds: list[str] = field(default_factory=list)
    place: str | None = None
    framing: Framing | None = None
    move: CameraMove | None = None
    direction: Direction | None = None
    slow: bool = False
    follow: bool = False
    words: int = 0


@dataclass
class _Reading:
    """Everything read from a prompt so far; later shots see earlier entities."""

    known: dict[str, _Draft] = field(default_factory=dict)  # id → draft, all shots
    style: Style | None = None
    mood: Mood | None = None
    time: TimeOfDay | None = None
    weather: Weather | None = None
    lighting: Lighting | None = None
    ground: str | None = None
    gravity: float | None = None
    unknown: list[str] = field(default_factory=list)
    mapped: dict[str, str] = field(default_factory=dict)


def direct(prompt: str, *, seconds: float = 10.0, style: Style | None = None,
           image: str | None = None) -> Storyboard:
    """The storyboard for ``prompt``, lasting ``seconds``."""
    if not prompt or not prompt.strip():
        raise ValueError("the prompt is empty: describe the video you want")
    text = lift_quotes(prompt)
    reading = _Reading()
    shots = [_read_shot(part, text.quotes, reading) for part in split_shots(text.body)]
    shots = shots[: max(1, int(seconds))]  # every shot lasts at least a second
    first_place = next((s.place for s in shots if s.place), None)
    if first_place is None and reading.weather is Weather.SNOW:
        first_place = "snow"  # "in the snow" names the place as much as the weather
    first_place = first_place or _default_place(shots)
    environment = Environment(
        place=first_place, time_of_day=reading.time or TimeOfDay.AFTERNOON,
        weather=reading.weather or Weather.CLEAR,
        lighting=reading.lighting or _default_lighting(first_place, reading),
        gravity=reading.gravity, ground=reading.ground)
    built: list[Shot] = []
    durations = _durations(shots, seconds)
    previous_place = first_place
    for index, (draft, duration) in enumerate(zip(shots, durations, strict=True)):
        place = draft.place or previous_place
        if not draft.entities:
            _add_scenery(draft, place, reading)
        env = None if place == first_place else environment.model_copy(update={"place": place})
        ids = {d.id for d in draft.entities}
        continues = (index > 0 and place == previous_place
                     and bool(ids & {e.id for e in built[-1].entities}))
        built.append(Shot(
            description=_description(draft), duration=duration,
            camera=_camera(draft, index, len(shots)), environment=env,
            entities=[d.entity() for d in draft.entities],
            sounds=[SoundCue(sound=s, at=min(0.3, duration / 2), duration=min(2.0, duration))
                    for s in draft.sounds],
            dialogue=[Line(speaker=who, text=line) for who, line in draft.lines],
            continues=continues))
        previous_place = place
    chosen_style = style or reading.style or Style.ANIMATED
    return Storyboard(
        prompt=prompt, style=chosen_style,
        mood=reading.mood or _infer_mood(chosen_style, environment, built),
        environment=environment, shots=built, image=image,
        unknown_words=sorted(set(reading.unknown)), mapped_words=reading.mapped)


# -- one shot ------------------------------------------------------------------------------
def _read_shot(part: str, quotes: list[str], reading: _Reading) -> _ShotDraft:
    shot = _ShotDraft()
    toks = tokens(part)
    shot.words = sum(t.isalnum() for t in toks)
    pending: dict[str, object] = {}
    clause: list[_Draft] = []  # entities since the last verb
    last: _Draft | None = None
    waiting_verb: Motion | None = None  # a verb seen before its subject
    target_for: _Draft | None = None  # an entity whose motion wants the next entity
    i = 0
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if tok in ".;!?":
            pending.clear()
            clause, waiting_verb = [], None
            i += 1
            continue
        if tok.startswith("q") and tok.endswith("q") and tok[1:-1].isdigit():
            speaker = _speaker(toks, i, shot, last, reading)
            shot.lines.append((speaker.id, quotes[int(tok[1:-1])]))
            if speaker.motion is Motion.IDLE:
                speaker.motion = Motion.TALK
            i += 1
            continue
        if (m := _read_setting(toks, i, shot, reading)) is not None:
            i += m
            continue
        # a material or colour word right before a noun is an adjective, not a thing
        if tok in lx.GROUND_MATERIALS and nxt in lx.GROUND_WORDS:
            reading.ground = lx.GROUND_MATERIALS[tok]
            i += 2
            continue
        if tok in lx.MATERIAL_WORDS and _noun_ahead(toks, i + 1):
            pending["material"] = lx.MATERIAL_WORDS[tok]
            i += 1
            continue
        if tok in lx.COLOUR_WORDS and (tok not in lx.KIND_WORDS or _noun_ahead(toks, i + 1)):
            pending["colour"] = lx.COLOUR_WORDS[tok]
            i += 1
            continue
        if tok in lx.SIZE_WORDS:
            pending["scale"] = lx.SIZE_WORDS[tok]
            i += 1
            continue
        if tok.isdigit() and 0 < int(tok) <= 50:
            pending["count"] = int(tok)
            i += 1
            continue
        if (tok in lx.NUMBER_WORDS and tok not in ("some",)) or (tok == "some" and nxt != ""):
            pending["count"] = lx.NUMBER_WORDS[tok]
            pending["definite"] = False
            i += 1
            continue
        if tok == "the":
            pending["definite"] = True
            i += 1
            continue
        if (hit := match_phrase(toks, i, lx.KIND_WORDS)) is not None:
            phrase, n = hit
            draft = _entity(phrase, lx.KIND_WORDS[phrase], pending, shot, reading)
            pending.clear()
            clause.append(draft)
            last = draft
            if waiting_verb is not None:
                _set_motion(draft, waiting_verb)
                target_for = draft if waiting_verb in _TARGETED else None
                waiting_verb = None
            elif target_for is not None and target_for is not draft:
                target_for.target = draft.id
                target_for = None
            i += n
            continue
        if tok in ("it", "they", "he", "she", "them") and last is not None:
            clause.append(last)
            i += 1
            continue
        if (hit := match_phrase(toks, i, lx.MOTION_VERBS, longest=3)) is not None:
            phrase, n = hit
            motion = lx.MOTION_VERBS[phrase]
            subjects = [d for d in clause if d is not None] or ([last] if last else [])
            if subjects:
                for d in subjects:
                    _set_motion(d, motion)
                target_for = subjects[-1] if motion in _TARGETED else None
            else:
                waiting_verb = motion
            clause = []
            i += n
            continue
        if tok in lx.SOUND_WORDS:
            shot.sounds.append(lx.SOUND_WORDS[tok])
            i += 1
            continue
        if (tok.isalpha() and len(tok) > 2 and tok not in lx.STOPWORDS
                and tok not in lx.SUBSTANCE_WORDS and tok not in lx.GROUND_WORDS):
            if _looks_like_noun(toks, i, pending):
                mapped = nearest_kind(tok)
                if mapped is not None:
                    reading.mapped[tok] = mapped[0]
                    draft = _entity(tok, mapped[0], pending, shot, reading)
                    pending.clear()
                    clause.append(draft)
                    last = draft
                    if waiting_verb is not None:
                        _set_motion(draft, waiting_verb)
                        waiting_verb = None
                    i += 1
                    continue
            reading.unknown.append(tok)
        i += 1
    _fix_pour(shot)
    return shot


def _read_setting(toks: list[str], i: int, shot: _ShotDraft, reading: _Reading) -> int | None:
    """Consume a style, mood, time, weather, light, camera or place phrase; return its length."""
    tables: list[tuple[dict[str, object], str]] = [
        (lx.STYLE_WORDS, "style"), (lx.FRAMING_WORDS, "framing"),  # type: ignore[list-item]
        (dict.fromkeys(lx.SLOW_MOTION_WORDS), "slow"),
        (lx.CAMERA_WORDS, "camera"), (lx.GRAVITY_WORDS, "gravity"),  # type: ignore[list-item]
        (lx.TIME_WORDS, "time"), (lx.WEATHER_WORDS, "weather"),  # type: ignore[list-item]
        (lx.LIGHTING_WORDS, "lighting"), (lx.MOOD_WORDS, "mood"),  # type: ignore[list-item]
        (lx.PLACE_WORDS, "place"),  # type: ignore[list-item]
    ]
    best: tuple[str, int, str] | None = None
    for table, what in tables:
        hit = match_phrase(toks, i, table)
        if hit is not None and (best is None or hit[1] > best[1]):
            best = (hit[0], hit[1], what)
    if best is None:
        return None
    phrase, n, what = best
    # A lone word that is also a kind ("stage", "moon" …) is a thing when a verb follows it.
    if n == 1 and phrase in lx.KIND_WORDS and what == "place":
        return None
    if what == "style":
        reading.style = lx.STYLE_WORDS[phrase]
    elif what == "framing":
        shot.framing = lx.FRAMING_WORDS[phrase]
    elif what == "slow":
        shot.slow = True
    elif what == "camera":
        shot.move, shot.direction = lx.CAMERA_WORDS[phrase]
        shot.follow = shot.follow or phrase.startswith("tracking")
    elif what == "gravity":
        reading.gravity = lx.GRAVITY_WORDS[phrase]
    elif what == "time":
        reading.time = lx.TIME_WORDS[phrase]
    elif what == "weather":
        reading.weather = lx.WEATHER_WORDS[phrase]
    elif what == "lighting":
        reading.lighting = lx.LIGHTING_WORDS[phrase]
    elif what == "mood":
        reading.mood = lx.MOOD_WORDS[phrase]
    elif what == "place":
        shot.place = shot.place or lx.PLACE_WORDS[phrase]
    if phrase in ("follows the", "following the", "camera follows"):
        shot.follow = True
    return n


def _noun_ahead(toks: list[str], i: int) -> bool:
    """Whether a thing's name follows within two adjective-like words."""
    for tok in toks[i:i + 3]:
        if tok in lx.KIND_WORDS:
            return True
        if not (tok in lx.COLOUR_WORDS or tok in lx.SIZE_WORDS or tok in lx.MATERIAL_WORDS):
            return False
    return False


def _looks_like_noun(toks: list[str], i: int, pending: dict[str, object]) -> bool:
    prev = toks[i - 1] if i else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    after_article = prev in _DETERMINERS or prev in lx.NUMBER_WORDS or prev.isdigit()
    modified = any(k in pending for k in ("colour", "scale", "material", "count"))
    before_verb = nxt in lx.MOTION_VERBS or nxt in ("is", "are", "with", ",", ".", "")
    return (after_article or modified) and (before_verb or nxt in lx.STOPWORDS or modified)


def _entity(word: str, kind: str, pending: dict[str, object], shot: _ShotDraft,
            reading: _Reading) -> _Draft:
    """A new entity, or the one already known when the text says "the dog" again."""
    definite = bool(pending.get("definite"))
    colour = pending.get("colour")
    if definite or "count" not in pending:
        for draft in reversed(shot.entities):
            if draft.kind == kind and (colour is None or draft.colour == colour):
                return draft
        if definite:
            for draft in reversed(list(reading.known.values())):
                if draft.kind == kind and (colour is None or draft.colour == colour):
                    carried = _Draft(**{**draft.__dict__, "motion": Motion.IDLE,
                                        "target": None})
                    shot.entities.append(carried)
                    return carried
    count = int(pending.get("count", 0) or 0)  # type: ignore[call-overload]
    if count == 0:
        count = 3 if word in lx.PLURAL_FORMS and word not in KINDS else 1
    base = kind
    uid, n = base, 2
    while (uid in reading.known and reading.known[uid] not in shot.entities) or uid in {
            d.id for d in shot.entities}:
        uid, n = f"{base}_{n}", n + 1
    draft = _Draft(id=uid, kind=kind, count=count, colour=colour,  # type: ignore[arg-type]
                   material=pending.get("material"),  # type: ignore[arg-type]
                   scale=float(pending.get("scale", 1.0)),  # type: ignore[arg-type]
                   label=word)
    shot.entities.append(draft)
    reading.known[uid] = draft
    return draft


def _set_motion(draft: _Draft, motion: Motion) -> None:
    # Talking never overrides a physical action already asked for.
    if motion is Motion.TALK and draft.motion is not Motion.IDLE:
        return
    draft.motion = motion


def _speaker(toks: list[str], i: int, shot: _ShotDraft, last: _Draft | None,
             reading: _Reading) -> _Draft:
    """Who says the quote at token ``i``: "X says "…"", ""…" says X", or the likeliest."""
    after = toks[i + 1:i + 5]
    if after and after[0] in (",", ":"):
        after = after[1:]
    if after and after[0] in lx.SPEECH_VERBS:
        for tok_i in range(len(after)):
            hit = match_phrase(after, tok_i, lx.KIND_WORDS)
            if hit is not None:
                kind = lx.KIND_WORDS[hit[0]]
                return _entity(hit[0], kind, {"definite": True}, shot, reading)
    if last is not None:
        return last
    for draft in shot.entities:
        if KINDS[draft.kind].archetype in _CHARACTERS:
            return draft
    return _entity("person", "person", {}, shot, reading)


def _fix_pour(shot: _ShotDraft) -> None:
    """Pouring needs a vessel that pours and one that receives."""
    for draft in list(shot.entities):
        if draft.motion is not Motion.POUR:
            continue
        if KINDS[draft.kind].archetype is not Archetype.CONTAINER:
            draft.motion = Motion.IDLE
            jug = _Draft(id="jug" if "jug" not in {d.id for d in shot.entities} else "jug_2",
                         kind="jug", motion=Motion.POUR, target=draft.target, label="jug")
            shot.entities.append(jug)
            draft = jug
        if draft.target is None:
            receiver = next((d for d in shot.entities if d is not draft and
                             KINDS[d.kind].archetype is Archetype.CONTAINER), None)
            if receiver is None:
                receiver = _Draft(id="glass", kind="glass", label="glass")
                shot.entities.append(receiver)
            draft.target = receiver.id


def _add_scenery(shot: _ShotDraft, place: str, reading: _Reading) -> None:
    for kind, count, motion in _SCENERY.get(place, (("tree", 2, Motion.IDLE),)):
        draft = _entity(kind, kind, {"count": count}, shot, reading)
        draft.motion = motion


# -- whole storyboard ----------------------------------------------------------------------
def _default_place(shots: list[_ShotDraft]) -> str:
    kinds = [d.kind for s in shots for d in s.entities]
    if any(KINDS[k].archetype is Archetype.FISH for k in kinds):
        return "underwater"
    if any(KINDS[k].archetype is Archetype.BOAT for k in kinds):
        return "ocean"
    if any(k in ("rocket", "ufo", "planet") for k in kinds):
        return "desert" if "rocket" in kinds else "space"
    if any(KINDS[k].archetype in (Archetype.CONTAINER, Archetype.FURNITURE, Archetype.FOOD)
           for k in kinds):
        return "kitchen"
    if any(k in ("car", "truck", "bus", "motorcycle", "bicycle") for k in kinds):
        return "city_street"
    if kinds and all(KINDS[k].archetype in (Archetype.BALL, Archetype.BLOCK) for k in kinds):
        return "living_room"
    return "park"


def _default_lighting(place: str, reading: _Reading) -> Lighting:
    if reading.time is TimeOfDay.NIGHT and place == "city_street":
        return Lighting.NEON
    if reading.time is TimeOfDay.NIGHT:
        return Lighting.MOONLIGHT
    if place == "stage":
        return Lighting.SPOTLIGHT
    return Lighting.NATURAL


def _durations(shots: list[_ShotDraft], seconds: float) -> list[float]:
    """Share the clip between shots by how much happens in each; none shorter than 1 s."""
    weights = [1.0 + s.words / 10 + sum(len(t.split()) for _, t in s.lines) / 2.5
               for s in shots]
    total = sum(weights)
    raw = [max(1.0, seconds * w / total) for w in weights]
    scale = seconds / sum(raw)
    out = [r * scale for r in raw]
    out[-1] = seconds - sum(out[:-1])  # exact total, despite rounding
    return out


def _camera(shot: _ShotDraft, index: int, count: int) -> Camera:
    """The shot's camera; unspecified framing follows wide → medium → close-up."""
    if shot.framing is not None:
        framing = shot.framing
    elif count == 1:
        framing = Framing.MEDIUM
    elif shot.lines and index > 0:
        framing = Framing.CLOSE_UP
    else:
        framing = (Framing.WIDE, Framing.MEDIUM, Framing.CLOSE_UP)[min(index, 2)]
    follow = None
    movers = [d for d in shot.entities if d.motion not in (Motion.IDLE, Motion.TALK)]
    speakers = [who for who, _ in shot.lines]
    if shot.follow and movers:
        follow = movers[0].id
    elif framing is Framing.CLOSE_UP and (speakers or movers or shot.entities):
        follow = speakers[0] if speakers else (movers or shot.entities)[0].id
    return Camera(move=shot.move or CameraMove.STATIC, framing=framing,
                  direction=shot.direction, follow=follow,
                  slow_motion=0.35 if shot.slow else 1.0)


def _infer_mood(style: Style, env: Environment, shots: list[Shot]) -> Mood:
    motions = {e.motion for s in shots for e in s.entities}
    if motions & {Motion.CRASH, Motion.EXPLODE} or env.weather is Weather.STORM:
        return Mood.TENSE
    if motion_is_epic(motions) or style is Style.CINEMATIC:
        return Mood.EPIC
    if style is Style.SURREAL:
        return Mood.DREAMY
    if style is Style.NOIR or env.time_of_day is TimeOfDay.NIGHT:
        return Mood.MYSTERIOUS
    if motions & {Motion.DANCE, Motion.BOUNCE, Motion.JUMP, Motion.CHASE}:
        return Mood.PLAYFUL
    if PLACES[env.place].topic == "nature" and motions <= {Motion.IDLE, Motion.FLY,
                                                            Motion.SWIM, Motion.FLOAT}:
        return Mood.CALM
    return Mood.HAPPY


def motion_is_epic(motions: set[Motion]) -> bool:
    """Launches and flights over landscapes ask for big music."""
    return Motion.LAUNCH in motions


def _description(shot: _ShotDraft) -> str:
    parts = [f"{d.count} {d.kind}" + (f" {d.motion.value}" if d.motion is not Motion.IDLE
                                       else "") for d in shot.entities]
    return ", ".join(parts)
