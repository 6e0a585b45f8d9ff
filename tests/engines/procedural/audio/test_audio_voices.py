"""Voices: who gets which, that they are heard, that they repeat exactly, and the fallback."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest

from openreel.engines.procedural.audio import neural
from openreel.engines.procedural.audio.dialogue import SPEECH_RATE, take, voice_of
from openreel.engines.procedural.audio.hearing import transcribe, word_errors
from openreel.engines.procedural.audio.voices import (
    ESPEAK,
    VOICES,
    cast_voices,
    preferences,
    script_language,
)
from openreel.spec import Entity, Line, Storyboard


def _entity(kind: str = "person", **fields: object) -> Entity:
    return Entity.model_validate({"id": "e", "kind": kind, **fields})


def _board(*speakers: dict[str, object], shots: int = 1) -> Storyboard:
    entities = [{"id": f"s{i}", **s} for i, s in enumerate(speakers)]
    dialogue = [{"speaker": f"s{i}", "text": f"Line {i}."} for i in range(len(speakers))]
    return Storyboard.model_validate({"shots": [
        {"duration": 4.0, "entities": entities, "dialogue": dialogue} for _ in range(shots)]})


@pytest.mark.parametrize(("fields", "voice"), [
    ({"persona": {"gender": "female"}}, "heart"),
    ({"persona": {"gender": "male"}}, "joe"),
    ({"persona": {"gender": "male", "build": "heavy"}}, "joe-deep"),
    ({"persona": {"gender": "female", "build": "slim"}}, "heart-light"),
    ({"persona": {"gender": "female", "age": "elder"}}, "elder-woman"),
    ({"persona": {"gender": "male", "age": "elder"}}, "elder-man"),
    ({"persona": {"gender": "female", "age": "child"}}, "girl"),
    ({"label": "woman"}, "heart"),
    ({"label": "old man"}, "elder-man"),
    ({"label": "grandma"}, "elder-woman"),
    ({"kind": "child", "label": "boy"}, "boy"),
    ({"kind": "robot"}, "robot"),
    ({"kind": "alien"}, "alien"),
    ({"kind": "mouse"}, "critter"),
    ({"kind": "cat"}, "critter"),
    ({"kind": "dinosaur"}, "giant"),
])
def test_voice_follows_persona_and_kind(fields: dict[str, object], voice: str) -> None:
    kind = str(fields.pop("kind", "person"))
    assert preferences(_entity(kind, **fields), female_first=False)[0] == voice


def test_every_speaker_of_a_storyboard_gets_a_voice_of_its_own() -> None:
    women = _board(*({"kind": "person", "persona": {"gender": "female"}} for _ in range(3)))
    cast = cast_voices(women)
    assert len({v.name for v in cast.values()}) == 3
    assert all(v.base == "heart" for v in cast.values())
    men = cast_voices(_board(*({"kind": "person", "label": "man"} for _ in range(3))))
    assert len({v.name for v in men.values()}) == 3
    # Unknown people alternate between a man's and a woman's voice.
    anyone = cast_voices(_board({"kind": "person"}, {"kind": "person"}))
    assert {v.female for v in anyone.values()} == {True, False}
    # A speaker keeps its voice from shot to shot.
    twice = _board({"kind": "person"}, {"kind": "robot"}, shots=2)
    lines = [(line, shot) for shot in twice.shots for line in shot.dialogue]
    cast = cast_voices(twice)
    assert [voice_of(line, cast).name for line, _ in lines] == ["joe", "robot", "joe", "robot"]


def test_a_line_may_name_its_voice_and_other_scripts_go_to_espeak() -> None:
    cast = cast_voices(_board({"kind": "person", "label": "woman"}))

    def named(voice: str | None, text: str = "Hello.") -> str:
        return voice_of(Line(speaker="s0", text=text, voice=voice), cast).name

    assert named(None) == "heart"
    assert named("giant") == "giant"
    assert named("espeak") == "espeak:en-us+f3"
    assert named("espeak:fr") == "espeak:fr"
    assert named("de") == "espeak:de"
    assert named("no-such-voice") == "heart"
    assert named(None, "Привет, как дела?") == "espeak:ru+f3"
    assert script_language("Καλημέρα") == "el" and script_language("Café au lait") is None


def test_voices_are_recognised_by_a_speech_recogniser() -> None:
    lines = ("I think we should go home now.", "That was the best game I have ever seen.",
             "We need three more chairs for the party.")
    for name in ("heart", "joe", "girl", "joe-light"):
        errors = words = 0
        for text in lines:
            spoken = take(text, VOICES[name])
            assert spoken.engine == VOICES[name].base
            e, n = word_errors(text, transcribe(spoken.samples, SPEECH_RATE))
            errors, words = errors + e, words + n
        assert 1.0 - errors / words >= 0.8, (name, errors, words)


def test_same_line_same_samples_whatever_was_said_before() -> None:
    for name in ("heart", "joe", "elder-man"):
        first = take.__wrapped__("Nice to meet you.", VOICES[name])
        take.__wrapped__("Something else entirely, to move any generator on.", VOICES[name])
        again = take.__wrapped__("Nice to meet you.", VOICES[name])
        assert np.array_equal(first.samples, again.samples), name
        assert np.array_equal(first.mouth, again.mouth), name


@pytest.mark.filterwarnings("ignore:pkg_resources is deprecated")
def test_reshaped_voices_differ_in_pitch() -> None:
    import pyworld

    def pitch(name: str) -> float:
        x = take("Hello there, my friend.", VOICES[name]).samples[::3].astype(np.float64)
        f0, _ = pyworld.harvest(np.ascontiguousarray(x), SPEECH_RATE // 3, f0_floor=50.0,
                                f0_ceil=600.0, frame_period=10.0)
        return float(np.median(f0[f0 > 0]))

    # joe himself is left out: his weak fundamental fools any pitch tracker; his reshaped
    # voices are clean pulses and measure true.
    ladder = [pitch(n) for n in ("giant", "joe-deep", "joe-light", "heart-deep", "heart",
                                 "heart-light", "girl", "critter")]
    assert all(b > a * 1.06 for a, b in itertools.pairwise(ladder)), ladder


@pytest.fixture
def broken_heart(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The heart voice fails to load, as it would with its package missing."""

    def missing() -> neural.Speaker:
        raise ImportError("No module named 'hibari'")

    monkeypatch.setitem(neural._LOADERS, "heart", missing)
    monkeypatch.setattr(neural, "_LOADED", {})
    monkeypatch.setattr(neural, "_FAILED", {})
    take.cache_clear()
    yield
    take.cache_clear()


def test_espeak_speaks_when_a_neural_voice_cannot_load(broken_heart: None) -> None:
    spoken = take("I am still here.", VOICES["heart-light"])
    assert spoken.engine == ESPEAK
    assert np.abs(spoken.samples).max() > 0.05 and spoken.mouth.max() > 0.3
    assert take("I am still here.", VOICES["joe"]).engine == "joe"
