"""Plain data shared by the director and the engines."""

from openreel.spec.catalog import COLOURS, KINDS, PLACES, Archetype, Colour, Kind, Place
from openreel.spec.storyboard import (
    HANDLE,
    MAX_SECONDS,
    MENTION,
    VOICE_BANDS,
    Age,
    Build,
    Cameo,
    Camera,
    CameraMove,
    Caption,
    Direction,
    Easing,
    Entity,
    Environment,
    Framing,
    Gender,
    Lighting,
    Line,
    Mood,
    Motion,
    Persona,
    Placement,
    Relation,
    Shot,
    SoundCue,
    Storyboard,
    Style,
    TimeOfDay,
    VoiceShape,
    Weather,
)

__all__ = [
    "COLOURS", "HANDLE", "KINDS", "MAX_SECONDS", "MENTION", "PLACES", "VOICE_BANDS", "Age",
    "Archetype", "Build", "Cameo", "Camera", "CameraMove", "Caption", "Colour", "Direction",
    "Easing", "Entity", "Environment", "Framing", "Gender", "Kind", "Lighting", "Line", "Mood",
    "Motion", "Persona", "Place", "Placement", "Relation", "Shot", "SoundCue", "Storyboard",
    "Style", "TimeOfDay", "VoiceShape", "Weather",
]
