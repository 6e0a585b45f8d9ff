"""Dialogue: each line in its character's voice, placed on the timeline, driving the mouths."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio import neural
from openreel.engines.procedural.audio.dsp import fade_edges, rng_for
from openreel.engines.procedural.audio.lipsync import MOUTH_STEP, mouth_at, mouth_track
from openreel.engines.procedural.audio.reshape import reshape
from openreel.engines.procedural.audio.speech import Phoneme, knows_voice, synthesize
from openreel.engines.procedural.audio.voices import (
    ESPEAK,
    VOICES,
    Voice,
    cast_voices,
    espeak_voice,
    in_language,
    robotise,
    script_language,
)
from openreel.engines.procedural.scene import ShotSimulation
from openreel.spec import Line, Storyboard

log = logging.getLogger(__name__)

SPEECH_RATE = 48000  # dialogue is kept at the mix rate; the mixer resamples if it differs
SPEECH_RMS = 0.1  # level of the voiced parts of every line
ESPEAK_RATE = 165  # words per minute of espeak-ng at speed 1
MAX_HURRY = 1.5  # a line that does not fit may be spoken up to this much faster
_LEAD_IN = 0.35  # seconds after a cut before the first unscheduled line
_TAIL = 0.05  # seconds kept free at the end of the clip


@dataclass(frozen=True, slots=True)
class Take:
    """One line as a voice spoke it: samples at ``SPEECH_RATE`` and the mouth's openness."""

    samples: np.ndarray  # float32 mono, read-only (takes are shared through a cache)
    mouth: np.ndarray  # openness every lipsync.MOUTH_STEP s
    engine: str  # which synthesiser spoke: a neural base voice or "espeak"


@dataclass(slots=True)
class SpokenLine:
    """One synthesised line placed on the clip timeline."""

    shot: int  # index of the shot it belongs to
    speaker: str  # entity id (EntityFrame.group)
    text: str
    start: float  # clip seconds
    samples: np.ndarray  # float32 mono at ``sample_rate``
    sample_rate: int
    mouth: np.ndarray  # openness every lipsync.MOUTH_STEP s from ``start``
    voice: Voice
    engine: str  # "heart", "joe" or "espeak": who actually spoke

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate

    @property
    def end(self) -> float:
        """Clip seconds when the line stops."""
        return self.start + self.duration


def clip_seconds(sims: list[ShotSimulation]) -> float:
    """Length of the clip: the sum of every shot's frames over the frame rate."""
    return sum(len(s.frames) / s.fps for s in sims)


def _voiced_level(x: np.ndarray, sr: int) -> float:
    """RMS over the 20 ms frames that carry voice (pauses do not lower it)."""
    hop = max(1, int(0.02 * sr))
    frames = len(x) // hop
    if frames == 0:
        return float(np.sqrt(np.mean(x.astype(np.float64) ** 2))) if x.size else 0.0
    energy = np.mean(x[:frames * hop].astype(np.float64).reshape(frames, hop) ** 2, axis=1)
    active = energy > energy.max() * 10.0 ** (-30.0 / 10.0)
    return float(np.sqrt(energy[active].mean()))


def _finish(x: np.ndarray, sr: int, phonemes: tuple[Phoneme, ...], robot: bool,
            engine: str) -> Take:
    """Trim the silence around a raw take, bring it to the mix rate and level, track the mouth."""
    peak = float(np.abs(x).max()) if x.size else 0.0
    loud = np.flatnonzero(np.abs(x) > 0.02 * peak) if peak > 0 else np.zeros(0, np.int64)
    head = max(0, int(loud[0]) - int(0.002 * sr)) if loud.size else 0
    tail = int(loud[-1]) + int(0.03 * sr) if loud.size else len(x)
    x = np.asarray(x[head:tail], np.float32)
    shift = head / sr
    phonemes = tuple(Phoneme(p.name, max(0.0, p.t - shift)) for p in phonemes)
    mouth = mouth_track(x, sr, phonemes)
    g = np.gcd(SPEECH_RATE, sr)
    y = signal.resample_poly(x, SPEECH_RATE // g, sr // g).astype(np.float32)
    if robot:
        y = robotise(y, SPEECH_RATE)
    level = _voiced_level(y, SPEECH_RATE)
    if level > 1e-9:
        y = (y * np.float32(SPEECH_RMS / level)).astype(np.float32)
    fade_edges(y, SPEECH_RATE, 0.004)
    y.setflags(write=False)
    mouth.setflags(write=False)
    return Take(y, mouth, engine)


def _espeak_take(text: str, voice: Voice, speed: float) -> Take:
    rate = int(ESPEAK_RATE * voice.speed * speed)
    pitch_range = 10 if voice.robot else 50
    utt = synthesize(text, voice.espeak_voice, rate, voice.espeak_pitch, pitch_range)
    return _finish(utt.samples, utt.sample_rate, utt.phonemes, voice.robot, ESPEAK)


@lru_cache(maxsize=256)
def take(text: str, voice: Voice, speed: float = 1.0) -> Take:
    """``text`` spoken by ``voice`` at ``speed`` × its pace (cached per process).

    A neural voice that cannot load or speak hands the line to espeak-ng: a render never
    fails for want of a voice.
    """
    base = neural.BASE_VOICES.get(voice.base)
    if base is not None:
        try:
            raw = neural.speak(base.name, text, voice.speed * speed)
            raw = reshape(raw, base.sample_rate, voice.timbre, base.f0_floor, base.f0_ceil)
            return _finish(raw, base.sample_rate, (), voice.robot, base.name)
        except neural.VoiceUnavailable as exc:
            log.warning("%s; espeak-ng speaks instead", exc)
    return _espeak_take(text, voice, speed)


def voice_of(line: Line, cast: dict[str, Voice]) -> Voice:
    """The voice ``line`` is spoken with: named by the line, else its speaker's, in its script."""
    voice = cast.get(line.speaker, VOICES["joe"])
    named = line.voice
    if named in VOICES:
        voice = VOICES[named]
    elif named == ESPEAK:
        voice = in_language(voice, "en-us")
    elif named and named.startswith(f"{ESPEAK}:"):
        voice = espeak_voice(named.partition(":")[2] or "en-us")
    elif named and knows_voice(named):
        voice = espeak_voice(named)
    elif named:
        log.warning("unknown voice %r for %r: chosen from the speaker", named, line.speaker)
    language = script_language(line.text)
    if language is not None and voice.base != ESPEAK:
        voice = in_language(voice, language)
    return voice


_PENDING: dict[tuple[str, Voice], Future[Take]] = {}
_PENDING_LOCK = threading.Lock()


@cache
def _pool() -> ThreadPoolExecutor:
    # One worker per neural model: each model speaks one line at a time anyway.
    return ThreadPoolExecutor(max_workers=len(neural.BASE_VOICES), thread_name_prefix="voice")


def _speak_in_turn(jobs: list[tuple[str, Voice, Future[Take]]]) -> None:
    for text, voice, future in jobs:
        try:
            future.set_result(take(text, voice))
        except BaseException as exc:  # handed to whoever waits for the line
            future.set_exception(exc)
        finally:
            with _PENDING_LOCK:
                _PENDING.pop((text, voice), None)


def prefetch_dialogue(storyboard: Storyboard) -> list[Future[Take]]:
    """Start speaking every line of ``storyboard`` in the background, one thread per model.

    Calling it before the simulation hides the cost of speech behind it; ``schedule_dialogue``
    then finds every line already spoken (and calls it itself otherwise).
    """
    cast = cast_voices(storyboard)
    futures: list[Future[Take]] = []
    queues: dict[str, list[tuple[str, Voice, Future[Take]]]] = {}
    with _PENDING_LOCK:
        for shot in storyboard.shots:
            for line in shot.dialogue:
                voice = voice_of(line, cast)
                key = (line.text, voice)
                if key not in _PENDING:
                    _PENDING[key] = Future()
                    queues.setdefault(voice.base, []).append((*key, _PENDING[key]))
                futures.append(_PENDING[key])
    for jobs in queues.values():
        _pool().submit(_speak_in_turn, jobs)
    return futures


def _fit(text: str, voice: Voice, room: float) -> Take:
    """Speak a line, faster if it must fit ``room`` s, else cut short with a fade."""
    spoken = take(text, voice)
    duration = len(spoken.samples) / SPEECH_RATE
    if duration > room:
        hurry = min(MAX_HURRY, duration / max(room, 1e-3) * 1.05)
        spoken = take(text, voice, round(hurry, 2))
    n = max(0, int(room * SPEECH_RATE))
    if len(spoken.samples) <= n:
        return spoken
    y = spoken.samples[:n].copy()
    k = min(len(y), int(0.12 * SPEECH_RATE))
    if k:
        y[len(y) - k:] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
    return Take(y, spoken.mouth[:int(room / MOUTH_STEP) + 1], spoken.engine)


def schedule_dialogue(storyboard: Storyboard, sims: list[ShotSimulation], *,
                      seed: int) -> list[SpokenLine]:
    """Synthesise every line of dialogue and decide when, in clip seconds, it starts."""
    total = clip_seconds(sims)
    cast = cast_voices(storyboard)
    for future in prefetch_dialogue(storyboard):
        future.result()
    lines: list[SpokenLine] = []
    cursor = 0.0  # end of the last line: lines never talk over one another unless asked to
    for sim in sims:
        if sim.shot >= len(storyboard.shots):
            continue
        shot = storyboard.shots[sim.shot]
        rng = rng_for(seed, "dialogue", sim.shot)
        for line in shot.dialogue:
            voice = voice_of(line, cast)
            if line.start is not None:
                start = sim.start + line.start
            else:
                gap = float(rng.uniform(0.25, 0.5))
                start = max(sim.start + _LEAD_IN, cursor + gap if lines else 0.0)
            start = min(start, max(0.0, total - _TAIL - 0.4))
            spoken = _fit(line.text, voice, total - _TAIL - start)
            lines.append(SpokenLine(sim.shot, line.speaker, line.text, start, spoken.samples,
                                    SPEECH_RATE, spoken.mouth, voice, spoken.engine))
            cursor = max(cursor, start + len(spoken.samples) / SPEECH_RATE)
    return lines


def mouth_curve(line: SpokenLine, times: np.ndarray) -> np.ndarray:
    """Mouth openness 0..1 of ``line``'s speaker at clip ``times``; exactly 0 outside the line."""
    out = mouth_at(line.mouth, line.start, times)
    out[np.asarray(times) > line.end] = 0.0
    return out


def apply_mouths(sims: list[ShotSimulation], lines: list[SpokenLine]) -> None:
    """Set ``EntityFrame.mouth`` of each speaker from its lines' sound (0 when silent)."""
    speakers = {line.speaker for line in lines}
    for sim in sims:
        for state in sim.frames:
            for ent in state.entities:
                if ent.group in speakers:
                    ent.mouth = 0.0
    for line in lines:
        for sim in sims:
            t0 = sim.start
            t1 = sim.start + len(sim.frames) / sim.fps
            if t1 <= line.start or t0 >= line.end:
                continue
            times = np.array([f.t for f in sim.frames], np.float64)
            mouth = mouth_curve(line, times)
            for state, m in zip(sim.frames, mouth, strict=True):
                if m <= 0.0:
                    continue
                # One mouth per line: the first instance of the speaking group.
                for ent in state.entities:
                    if ent.group == line.speaker:
                        ent.mouth = max(ent.mouth, float(m))
                        break
