"""A cameo speaks in a voice moved toward its owner's: their pitch, their range, their vocal
tract and spectrum, measured the way their capture was."""

from __future__ import annotations

import numpy as np
import soxr

from openreel.engines.procedural.audio.dialogue import SPEECH_RATE, take
from openreel.engines.procedural.audio.hearing import transcribe, word_errors
from openreel.engines.procedural.audio.voices import (
    HEART,
    JOE,
    VOICES,
    _measured_base,
    cameo_voice,
    cast_voices,
    toward,
)
from openreel.likeness.voice import RATE, speaker_embedding
from openreel.media import voiceshape
from openreel.spec import Cameo, Entity, Line, Shot, Storyboard, VoiceShape

LINE = "It is such a lovely morning for a long walk along the river."


def _shape_of(samples: np.ndarray, rate: int, said: str) -> VoiceShape:
    measured = voiceshape.measure(samples, rate)
    return VoiceShape(f0_median=measured.f0_median, f0_low=measured.f0_low,
                      f0_high=measured.f0_high, envelope=list(measured.envelope), rate=2.6,
                      said=said)


def voice_embedding(samples: np.ndarray) -> np.ndarray:
    """resemblyzer's embedding of speech at the engine's rate."""
    return speaker_embedding(soxr.resample(samples, SPEECH_RATE, RATE))


def test_a_base_voice_moved_toward_itself_is_barely_changed() -> None:
    for base in (HEART, JOE):
        # the person is the base voice itself, measured from a recording of their capture
        said = "one nine five"
        recorded = take("one, nine, five", VOICES[base])
        timbre = toward(_measured_base(base, said),
                        _shape_of(recorded.samples, SPEECH_RATE, said))
        assert abs(timbre.pitch - 1.0) < 0.03 and abs(timbre.intonation - 1.0) < 0.1
        assert abs(timbre.formant - 1.0) < 0.015


def test_a_cameo_speaks_at_its_owner_s_pitch_and_nearer_their_vocal_tract() -> None:
    # the owner: a deep woman's voice (another speaker than the base voice it starts from)
    owner = take("four, seven, two", VOICES["heart-deep"])
    person = _shape_of(owner.samples, SPEECH_RATE, "four seven two")
    voice = cameo_voice("maya", person)
    assert voice.base == HEART and voice.name == "cameo:maya"
    spoken = take(LINE, voice)
    measured = voiceshape.measure(spoken.samples, SPEECH_RATE)
    # compared with the owner saying the same line
    theirs = take(LINE, VOICES["heart-deep"]).samples
    plain = take(LINE, VOICES[HEART]).samples
    assert abs(measured.f0_median / voiceshape.measure(theirs, SPEECH_RATE).f0_median - 1) < 0.05
    assert abs(voiceshape.measure(plain, SPEECH_RATE).f0_median /
               voiceshape.measure(theirs, SPEECH_RATE).f0_median - 1.0) > 0.1
    # and the speaker encoder hears the owner in it more than in the base voice
    heard = {name: voice_embedding(samples) for name, samples in
             (("cameo", spoken.samples), ("theirs", theirs), ("plain", plain))}
    assert heard["cameo"] @ heard["theirs"] > heard["plain"] @ heard["theirs"] + 0.02
    # and the words are still heard
    heard = transcribe(spoken.samples, SPEECH_RATE)
    errors, words = word_errors(LINE, heard)
    assert errors <= words // 4, heard


def test_a_low_voice_starts_from_the_man_s_base_voice() -> None:
    owner = take("three, eight, zero", VOICES["joe-deep"])
    voice = cameo_voice("omar", _shape_of(owner.samples, SPEECH_RATE, "three eight zero"))
    assert voice.base == JOE


def test_the_cameo_s_character_is_cast_its_own_voice() -> None:
    shape = VoiceShape(f0_median=120.0, f0_low=95.0, f0_high=160.0, envelope=[0.0] * 24,
                       rate=2.5)
    board = Storyboard(shots=[Shot(duration=3.0, entities=[
        Entity(id="person", kind="person", cameo="omar"),
        Entity(id="person_2", kind="person")], dialogue=[
        Line(speaker="person", text="hello"), Line(speaker="person_2", text="hi")])],
        cameos=[Cameo(handle="omar", voice=shape)])
    cast = cast_voices(board)
    assert cast["person"].name == "cameo:omar" and cast["person"].base == JOE
    assert not cast["person_2"].name.startswith("cameo:")
    # without its likeness (a stored storyboard) the character gets a voice like anyone
    bare = board.model_copy(update={"cameos": []})
    assert not cast_voices(bare)["person"].name.startswith("cameo:")
