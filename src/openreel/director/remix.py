"""Remix: a parent's storyboard with a change applied, keeping its structure.

Shots, durations, camera moves, entity ids, positions and dialogue timing stay as they
were; only what the instruction names changes: the look, the time of day, the weather,
the place, an entity's kind or colour, the pace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openreel.spec import Storyboard
from openreel.spec.catalog import COLOURS, KINDS, PLACES
from openreel.spec.storyboard import Environment, Style, TimeOfDay, Weather

TIMES: dict[str, TimeOfDay] = {
    "night": TimeOfDay.NIGHT, "midnight": TimeOfDay.NIGHT, "dark": TimeOfDay.NIGHT,
    "sunset": TimeOfDay.GOLDEN_HOUR, "golden hour": TimeOfDay.GOLDEN_HOUR,
    "dusk": TimeOfDay.DUSK, "evening": TimeOfDay.DUSK, "dawn": TimeOfDay.DAWN,
    "sunrise": TimeOfDay.DAWN, "morning": TimeOfDay.MORNING, "noon": TimeOfDay.NOON,
    "midday": TimeOfDay.NOON, "afternoon": TimeOfDay.AFTERNOON, "daytime": TimeOfDay.NOON,
}
WEATHER: dict[str, Weather] = {
    "rain": Weather.RAIN, "rainy": Weather.RAIN, "storm": Weather.STORM,
    "stormy": Weather.STORM, "snow": Weather.SNOW, "snowy": Weather.SNOW,
    "fog": Weather.FOG, "foggy": Weather.FOG, "misty": Weather.FOG, "windy": Weather.WIND,
    "cloudy": Weather.CLOUDY, "sunny": Weather.CLEAR, "clear": Weather.CLEAR,
}
_REPLACE = [
    re.compile(r"\b(?:replace|swap)\s+(?:the\s+)?([a-z ]+?)\s+(?:with|for)\s+(?:an?\s+|the\s+)?"
               r"([a-z ]+?)(?:[,.;]|$| and )"),
    re.compile(r"\b(?:the\s+)?([a-z ]+?)\s+(?:becomes|turns into|is now)\s+(?:an?\s+|the\s+)?"
               r"([a-z ]+?)(?:[,.;]|$| and )"),
]
_COLOUR = re.compile(r"\bmake\s+(?:the\s+)?([a-z ]+?)\s+([a-z]+)\b")


@dataclass
class Remix:
    """The remixed storyboard, what changed, and the words that were not used."""

    storyboard: Storyboard
    changes: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)


def _kind_of(word: str) -> str | None:
    word = word.strip()
    for candidate in (word, word.rstrip("s"), word.split()[-1] if word else word,
                      word.split()[-1].rstrip("s") if word else word):
        if candidate in KINDS:
            return candidate
    return None


def _phrase_in(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def remix(parent: Storyboard, instruction: str) -> Remix:
    """Apply ``instruction`` to a copy of ``parent``; ValueError when it changes nothing."""
    text = " ".join(instruction.lower().split())
    if not text:
        raise ValueError("say what to change, e.g. “make it night”")
    board = parent.model_copy(deep=True)
    changes: list[str] = []
    used: set[str] = set()

    env_update: dict[str, object] = {}
    for phrase, time in sorted(TIMES.items(), key=lambda p: -len(p[0])):
        if _phrase_in(text, phrase):
            env_update["time_of_day"] = time
            changes.append(f"time of day → {time.value.replace('_', ' ')}")
            used.update(phrase.split())
            break
    for phrase, weather in WEATHER.items():
        if _phrase_in(text, phrase):
            env_update["weather"] = weather
            changes.append(f"weather → {weather.value}")
            used.add(phrase)
            break
    for place in sorted(PLACES, key=len, reverse=True):
        if _phrase_in(text, place.replace("_", " ")):
            env_update["place"] = place
            env_update["ground"] = None
            changes.append(f"place → {place.replace('_', ' ')}")
            used.update(place.split("_"))
            break
    if env_update:
        board.environment = board.environment.model_copy(update=env_update)
        for shot in board.shots:
            if shot.environment is not None:
                shot.environment = Environment.model_validate(
                    {**shot.environment.model_dump(), **env_update})

    for style in Style:
        if _phrase_in(text, style.value):
            board.style = style
            changes.append(f"style → {style.value}")
            used.add(style.value)
            break

    if "slow motion" in text or "slow-motion" in text:
        for shot in board.shots:
            shot.camera.slow_motion = 0.5
        changes.append("slow motion")
        used.update({"slow", "motion"})

    for pattern in _REPLACE:
        for old_word, new_word in pattern.findall(text):
            old, new = _kind_of(old_word), _kind_of(new_word)
            if old is None or new is None or old == new:
                continue
            swapped = 0
            for shot in board.shots:
                for entity in shot.entities:
                    if entity.kind == old:
                        entity.kind = new
                        entity.label = new_word.strip()
                        entity.size = None
                        swapped += 1
            if swapped:
                changes.append(f"{old} → {new}")
                used.update(old_word.split() + new_word.split())

    for subject, colour in _COLOUR.findall(text):
        kind = _kind_of(subject)
        if kind is None or colour not in COLOURS:
            continue
        recoloured = [e for shot in board.shots for e in shot.entities if e.kind == kind]
        for entity in recoloured:
            entity.colour = colour
        if recoloured:
            changes.append(f"{kind} → {colour}")
            used.update([*subject.split(), colour])

    if not changes:
        raise ValueError("nothing in the instruction changes the video: try “make it night”, "
                         "“anime style” or “replace the dog with a cat”")
    filler = {"make", "it", "the", "a", "an", "with", "replace", "swap", "for", "into", "to",
              "and", "style", "at", "in", "on", "becomes", "turns", "is", "now", "please"}
    words = re.findall(r"[a-z]+", text)
    board.prompt = f"{parent.prompt} — remix: {instruction.strip()}"
    return Remix(storyboard=Storyboard.model_validate(board.model_dump()), changes=changes,
                 not_understood=[w for w in words if w not in used and w not in filler])
