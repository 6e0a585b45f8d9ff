"""The Storyboard: the only contract between the director and the engines.

Everything here is plain data. A storyboard can be written by hand as JSON
(``openreel generate --storyboard FILE.json``) and its JSON schema is
``Storyboard.model_json_schema()``.

World units are metres and seconds. The stage is a side view: ``x`` runs left
to right from 0 to ``Environment.stage_width``, ``y`` is height above the
ground (ground at ``y = 0``).
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from openreel.spec.catalog import COLOURS, KINDS, MATERIAL_NAMES, PLACES

MAX_SECONDS = 60.0
HANDLE = "[a-z0-9_]{3,32}"  # a person's handle (lower case)
# @handle in a prompt names a cameo, in any case: not part of a word or an address (an @
# after a letter is an e-mail address)
MENTION = re.compile(rf"(?<![\w@.])@({HANDLE})\b", re.IGNORECASE)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class CameraMove(StrEnum):
    STATIC = "static"
    PAN = "pan"
    TILT = "tilt"
    DOLLY = "dolly"
    ZOOM = "zoom"
    ORBIT = "orbit"
    HANDHELD = "handheld"
    DRONE = "drone"


class Easing(StrEnum):
    LINEAR = "linear"
    EASE_IN = "ease_in"
    EASE_OUT = "ease_out"
    EASE_IN_OUT = "ease_in_out"


class Framing(StrEnum):
    CLOSE_UP = "close_up"
    MEDIUM = "medium"
    WIDE = "wide"


class Direction(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    IN = "in"
    OUT = "out"


class Camera(_Data):
    """How the shot is filmed."""

    move: CameraMove = CameraMove.STATIC
    easing: Easing = Easing.EASE_IN_OUT
    framing: Framing = Framing.MEDIUM
    direction: Direction | None = None
    amount: float = Field(0.5, ge=0.0, le=1.0, description="how far the move goes, 0..1")
    follow: str | None = Field(None, description="entity id the camera keeps in frame")
    slow_motion: float = Field(
        1.0, gt=0.0, le=4.0, description="playback speed of the action: 0.25 is 4x slow motion"
    )


class TimeOfDay(StrEnum):
    DAWN = "dawn"
    MORNING = "morning"
    NOON = "noon"
    AFTERNOON = "afternoon"
    GOLDEN_HOUR = "golden_hour"
    DUSK = "dusk"
    NIGHT = "night"


class Weather(StrEnum):
    CLEAR = "clear"
    CLOUDY = "cloudy"
    RAIN = "rain"
    STORM = "storm"
    SNOW = "snow"
    FOG = "fog"
    WIND = "wind"


class Lighting(StrEnum):
    NATURAL = "natural"
    NEON = "neon"
    CANDLELIGHT = "candlelight"
    STUDIO = "studio"
    MOONLIGHT = "moonlight"
    SPOTLIGHT = "spotlight"


class Environment(_Data):
    """Where and when a shot happens."""

    place: str = "park"
    time_of_day: TimeOfDay = TimeOfDay.AFTERNOON
    weather: Weather = Weather.CLEAR
    lighting: Lighting = Lighting.NATURAL
    gravity: float | None = Field(
        None, ge=0.0, le=50.0, description="m/s²; None means the place's own gravity"
    )
    wind: float = Field(0.0, ge=-30.0, le=30.0, description="m/s, positive blows to the right")
    stage_width: float = Field(10.0, ge=2.0, le=200.0, description="metres of stage")
    ground: str | None = Field(None, description="floor material; None = the place's own")
    fireworks: bool = Field(False, description="a fireworks display bursts in the sky")

    @field_validator("place")
    @classmethod
    def _known_place(cls, v: str) -> str:
        if v not in PLACES:
            raise ValueError(f"unknown place {v!r}; known: {', '.join(sorted(PLACES))}")
        return v

    @field_validator("ground")
    @classmethod
    def _known_ground(cls, v: str | None) -> str | None:
        if v is not None and v not in MATERIAL_NAMES:
            raise ValueError(f"unknown ground material {v!r}")
        return v

    def resolved_ground(self) -> str:
        """Material of the floor (the place's own unless overridden)."""
        return PLACES[self.place].ground if self.ground is None else self.ground

    def resolved_gravity(self) -> float:
        """Gravity in m/s² (the place's own unless overridden)."""
        return PLACES[self.place].gravity if self.gravity is None else self.gravity


class Motion(StrEnum):
    """What a thing does in its shot: how it moves, or the action template it acts out.

    The first group moves a thing through the world; the later groups are templates a
    character acts out, usually on another entity named by ``Entity.object`` (the ball it
    kicks, the guitar it plays) and towards ``Entity.target`` (the goal, the hoop).
    """

    IDLE = "idle"
    BOUNCE = "bounce"
    FALL = "fall"
    ROLL = "roll"
    SLIDE = "slide"
    FLY = "fly"
    JUMP = "jump"
    WALK = "walk"
    RUN = "run"
    DANCE = "dance"
    SPIN = "spin"
    FLOAT = "float"
    SINK = "sink"
    SWIM = "swim"
    DRIVE = "drive"
    CRASH = "crash"
    EXPLODE = "explode"
    SPLASH = "splash"
    WAVE = "wave"
    TALK = "talk"
    SIT = "sit"
    SLEEP = "sleep"
    CLIMB = "climb"
    POUR = "pour"
    LAUNCH = "launch"
    CHASE = "chase"
    SHAKE = "shake"
    GROW = "grow"
    ORBIT = "orbit"
    # ways of getting about
    MARCH = "march"
    CRAWL = "crawl"
    SKATE = "skate"  # ice or roller skates: gliding strides
    SKI = "ski"
    SURF = "surf"
    RIDE = "ride"  # on the object: a bike, a board, a horse
    DRIFT = "drift"  # a car sliding sideways through a turn
    SWOOP = "swoop"  # a dive from the air and back up
    GLIDE = "glide"  # wings still, a long shallow descent
    DIVE = "dive"  # into water (the target), with a splash
    FLIP = "flip"  # a somersault
    # physics showcases
    TOPPLE = "topple"  # falls over about its base; a row knocks the next one down
    BREAK = "break"  # falls and shatters into pieces on impact
    SWING = "swing"  # hangs from a pivot and swings (a pendulum, a swing)
    # acting on a thing (Entity.object) or towards a target (Entity.target)
    KICK = "kick"
    THROW = "throw"
    SHOOT = "shoot"  # a ball at a hoop or goal, an arrow at a target
    CATCH = "catch"
    HIT = "hit"  # a bat, racket, club or stick swung at a ball
    GRAB = "grab"
    PUSH = "push"
    PULL = "pull"
    CARRY = "carry"
    LIFT = "lift"
    FIGHT = "fight"  # punches, wrestling, sword play
    HUG = "hug"
    KISS = "kiss"
    SHAKE_HANDS = "shake_hands"
    CLAP = "clap"
    CHEER = "cheer"
    LAUGH = "laugh"
    CRY = "cry"
    PLAY = "play"  # an instrument or a game
    WRITE = "write"  # writing, drawing, painting
    READ = "read"
    TYPE = "type"  # a keyboard, a phone, a controller
    COOK = "cook"
    EAT = "eat"
    DRINK = "drink"
    CUT = "cut"  # chopping, peeling, slicing, trimming
    CLEAN = "clean"  # sweeping, wiping, washing, ironing, folding
    BRUSH = "brush"  # teeth, hair, a dog's coat
    DIG = "dig"  # a shovel, planting
    STRETCH = "stretch"  # stretching, yoga, tai chi
    EXERCISE = "exercise"  # squats, push-ups, aerobics


class Relation(StrEnum):
    """Where a thing stands relative to another (``Entity.relative_to``)."""

    ON = "on"
    UNDER = "under"
    ABOVE = "above"
    LEFT_OF = "left_of"
    RIGHT_OF = "right_of"
    BEHIND = "behind"
    IN_FRONT_OF = "in_front_of"
    INSIDE = "inside"
    NEXT_TO = "next_to"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"


class Age(StrEnum):
    BABY = "baby"
    CHILD = "child"
    TEEN = "teen"
    ADULT = "adult"
    ELDER = "elder"


class Build(StrEnum):
    SLIM = "slim"
    AVERAGE = "average"
    HEAVY = "heavy"


class Persona(_Data):
    """How a character looks and sounds, when the prompt says (or the director chose)."""

    gender: Gender | None = None
    age: Age | None = None
    build: Build | None = None
    hair: str | None = Field(None, description="a colour name or #rrggbb")
    skin: str | None = Field(None, description="a colour name or #rrggbb")
    outfit: str | None = Field(None, max_length=40, description="what they wear: dress, suit …")

    @field_validator("hair", "skin")
    @classmethod
    def _colour(cls, v: str | None) -> str | None:
        return _checked_colour(v)


def _checked_colour(v: str | None) -> str | None:
    if v is None or v in COLOURS:
        return v
    if len(v) == 7 and v.startswith("#"):
        try:
            int(v[1:], 16)
        except ValueError:
            pass
        else:
            return v.lower()
    raise ValueError(f"unknown colour {v!r}: use a colour name or #rrggbb")


class Entity(_Data):
    """A thing (or a group of identical things) in a shot."""

    id: str = Field(..., min_length=1, max_length=64)
    kind: str
    count: int = Field(1, ge=1, le=50)
    colour: str | None = Field(None, description="a named colour or #rrggbb")
    material: str | None = None
    size: float | None = Field(None, gt=0.0, le=200.0, description="height or diameter, m")
    position: tuple[float, float] | None = Field(None, description="(x, y) in metres")
    velocity: tuple[float, float] | None = Field(None, description="(vx, vy) in m/s")
    motion: Motion = Motion.IDLE
    target: str | None = Field(None, description="another entity id (chase, pour into …)")
    label: str | None = Field(None, description="the word the user wrote for it")
    object: str | None = Field(
        None, description="entity id the action is done with or to (the ball kicked)")
    relation: Relation | None = Field(None, description="where it stands relative to another")
    relative_to: str | None = Field(None, description="entity id the relation refers to")
    persona: Persona | None = Field(None, description="a character's looks and voice")
    action: str | None = Field(
        None, max_length=60,
        description="the act as the prompt words it ('tai chi', 'sweeping floor'): picks "
                    "which form of the motion's template is acted")
    cameo: str | None = Field(
        None, pattern=f"^{HANDLE}$",
        description="the handle of the cameo this character shows (its likeness is in "
                    "Storyboard.cameos when the render has it)")

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"unknown kind {v!r}")
        return v

    @field_validator("material")
    @classmethod
    def _known_material(cls, v: str | None) -> str | None:
        if v is not None and v not in MATERIAL_NAMES:
            raise ValueError(f"unknown material {v!r}")
        return v

    @field_validator("colour")
    @classmethod
    def _known_colour(cls, v: str | None) -> str | None:
        return _checked_colour(v)

    @model_validator(mode="after")
    def _relation_has_a_partner(self) -> Entity:
        if (self.relation is None) != (self.relative_to is None):
            raise ValueError("relation and relative_to come together")
        if self.id in (self.object, self.relative_to):
            raise ValueError(f"entity {self.id!r} cannot act on or stand relative to itself")
        return self


class SoundCue(_Data):
    """A sound asked for by name, at a time inside the shot."""

    sound: str = Field(..., min_length=1, max_length=64)
    at: float = Field(0.0, ge=0.0)
    duration: float = Field(1.0, gt=0.0, le=60.0)
    volume: float = Field(1.0, ge=0.0, le=2.0)
    entity: str | None = None


class Line(_Data):
    """One line of dialogue."""

    speaker: str = Field(..., description="entity id of who speaks")
    text: str = Field(..., min_length=1, max_length=500)
    voice: str | None = Field(
        None, description="a voice name the engine knows; None = chosen from the speaker")
    start: float | None = Field(None, ge=0.0, description="seconds into the shot; None = next free")


class Placement(StrEnum):
    TOP = "top"
    CENTRE = "centre"
    BOTTOM = "bottom"


class Caption(_Data):
    """Text shown on screen: a title, a tagline, a sign the prompt quotes."""

    text: str = Field(..., min_length=1, max_length=120)
    start: float = Field(0.0, ge=0.0, description="seconds into the shot")
    duration: float | None = Field(None, gt=0.0, description="None = to the end of the shot")
    placement: Placement = Placement.CENTRE


class Style(StrEnum):
    CINEMATIC = "cinematic"
    ANIMATED = "animated"
    ANIME = "anime"
    PHOTOREAL = "photoreal"
    SURREAL = "surreal"
    NOIR = "noir"
    WATERCOLOR = "watercolor"
    PIXEL = "pixel"


class Mood(StrEnum):
    HAPPY = "happy"
    CALM = "calm"
    TENSE = "tense"
    EPIC = "epic"
    SAD = "sad"
    PLAYFUL = "playful"
    MYSTERIOUS = "mysterious"
    DREAMY = "dreamy"


class Shot(_Data):
    """A continuous piece of the clip."""

    description: str = ""
    duration: float = Field(..., gt=0.0, le=MAX_SECONDS)
    camera: Camera = Field(default_factory=Camera)
    environment: Environment | None = Field(None, description="None = the storyboard's")
    entities: list[Entity] = Field(default_factory=list)
    sounds: list[SoundCue] = Field(default_factory=list)
    dialogue: list[Line] = Field(default_factory=list)
    captions: list[Caption] = Field(default_factory=list)
    continues: bool = Field(False, description="start from the previous shot's final state")

    @model_validator(mode="after")
    def _references_exist(self) -> Shot:
        ids = [e.id for e in self.entities]
        if len(ids) != len(set(ids)):
            raise ValueError("entity ids must be unique within a shot")
        known = set(ids)
        for line in self.dialogue:
            if line.speaker not in known:
                raise ValueError(f"dialogue speaker {line.speaker!r} is not an entity of the shot")
        for e in self.entities:
            for ref in (e.object, e.relative_to):
                if ref is not None and ref not in known:
                    raise ValueError(
                        f"entity {e.id!r} refers to {ref!r}, not an entity of the shot")
        for cue in self.sounds:
            if cue.entity is not None and cue.entity not in known:
                raise ValueError(f"sound cue entity {cue.entity!r} is not an entity of the shot")
        if self.camera.follow is not None and self.camera.follow not in known:
            raise ValueError(f"camera follows {self.camera.follow!r}, not an entity of the shot")
        return self


VOICE_BANDS = 24  # bands of VoiceShape.envelope (openreel.media.voiceshape measures them)


class VoiceShape(_Data):
    """What a cameo's voice is like: what a base voice is moved toward to speak as them."""

    f0_median: float = Field(..., gt=30.0, le=1000.0, description="Hz")
    f0_low: float = Field(..., gt=30.0, le=1000.0, description="Hz, 10th percentile")
    f0_high: float = Field(..., gt=30.0, le=1000.0, description="Hz, 90th percentile")
    envelope: list[float] = Field(
        ..., min_length=VOICE_BANDS, max_length=VOICE_BANDS,
        description="mean log spectral envelope of the voiced sound at 16 kHz, by band "
                    "(geometric from 15.6 Hz to 8 kHz); only its shape counts, not its level")
    rate: float = Field(..., gt=0.0, le=10.0, description="words a second while speaking")
    said: str | None = Field(
        None, max_length=200,
        description="the words said while measured (a capture's digits): a base voice "
                    "measured saying the same is compared like with like")


class Cameo(_Data):
    """A likeness a character shows: the person's own face and voice (or a character's
    look), attached for the render only: a stored storyboard names cameos by handle."""

    handle: str = Field(..., pattern=f"^{HANDLE}$")
    faces: list[str] = Field(
        default_factory=list, max_length=16,
        description="paths of aligned face images (dlib's 150 px chips), frontal first")
    voice: VoiceShape | None = None


class Storyboard(_Data):
    """What to make: shots, look, sound."""

    prompt: str = ""
    style: Style = Style.ANIMATED
    mood: Mood = Mood.CALM
    environment: Environment = Field(default_factory=Environment)
    shots: list[Shot] = Field(..., min_length=1, max_length=24)
    music: bool = True
    image: str | None = Field(None, description="path of a first-frame image (image → video)")
    unknown_words: list[str] = Field(default_factory=list, description="words the director skipped")
    mapped_words: dict[str, str] = Field(
        default_factory=dict, description="unknown nouns mapped to the nearest known kind"
    )
    word_notes: dict[str, str] = Field(
        default_factory=dict,
        description="how each noun the catalog lacks was staged: generalised, substituted, "
                    "or shown as a stand-in of its category")
    cameos: list[Cameo] = Field(
        default_factory=list, max_length=16,
        description="the likenesses of the cameos entities show (Entity.cameo), for the render")

    def cameo(self, handle: str | None) -> Cameo | None:
        """The likeness of the cameo ``handle``, when the render has it."""
        return next((c for c in self.cameos if c.handle == handle), None)

    @model_validator(mode="after")
    def _total_length(self) -> Storyboard:
        if self.duration > MAX_SECONDS + 1e-6:
            raise ValueError(
                f"storyboard lasts {self.duration:.1f} s; the limit is {MAX_SECONDS:g} s")
        return self

    @property
    def duration(self) -> float:
        """Total length in seconds."""
        return sum(s.duration for s in self.shots)

    def environment_of(self, shot: Shot) -> Environment:
        """The environment a shot plays in."""
        return shot.environment or self.environment

    def fit_to(self, seconds: float) -> Storyboard:
        """A copy whose shot durations are scaled to last ``seconds`` in total."""
        scale = seconds / self.duration
        shots = [s.model_copy(update={"duration": s.duration * scale}) for s in self.shots]
        return self.model_copy(update={"shots": shots})
