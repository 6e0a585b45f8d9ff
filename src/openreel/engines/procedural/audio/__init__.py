"""The sound stage: dialogue (neural voices), foley, cues, ambience and music, mixed to stereo."""

from openreel.engines.procedural.audio.dialogue import (
    SpokenLine,
    apply_mouths,
    prefetch_dialogue,
    schedule_dialogue,
)
from openreel.engines.procedural.audio.mix import mix_soundtrack

__all__ = ["SpokenLine", "apply_mouths", "mix_soundtrack", "prefetch_dialogue",
           "schedule_dialogue"]
