"""Plain data shared by the director and the engines."""

from openreel.spec.catalog import COLOURS, KINDS, PLACES, Archetype, Colour, Kind, Place
from openreel.spec.storyboard import (
    MAX_SECONDS,
    Camera,
    CameraMove,
    Direction,
    Easing,
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

__all__ = [
    "COLOURS", "KINDS", "MAX_SECONDS", "PLACES", "Archetype", "Camera", "CameraMove", "Colour",
    "Direction", "Easing", "Entity", "Environment", "Framing", "Kind", "Lighting", "Line", "Mood",
    "Motion", "Place", "Shot", "SoundCue", "Storyboard", "Style", "TimeOfDay", "Weather",
]
