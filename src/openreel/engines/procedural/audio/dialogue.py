"""Dialogue: synthesise each line, place it on the clip's timeline, drive the mouths."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio.dsp import fade_edges, normalise_rms, rng_for
from openreel.engines.procedural.audio.speech import RATE_MAX, Phoneme, synthesize
from openreel.engines.procedural.audio.voices import VoiceProfile, robotise, voice_for
from openreel.engines.procedural.scene import ShotSimulation
from openreel.spec import Storyboard

SPEECH_RATE = 48000  # dialogue is kept at the mix rate; the mixer resamples if it differs
SPEECH_RMS = 0.1
_LEAD_IN = 0.35  # seconds after a cut before the first unscheduled line
_TAIL = 0.05  # seconds kept free at the end of the clip

_VOWELS = set("aeiouAEIOU@&03V")
_CLOSED = ("m", "b", "p")
_LIPS = ("f", "v", "w")


@dataclass(slots=True)
class SpokenLine:
    """One synthesised line placed on the clip timeline."""

    shot: int  # index of the shot it belongs to
    speaker: str  # entity id (EntityFrame.group)
    text: str
    start: float  # clip seconds
    samples: np.ndarray  # float32 mono at ``sample_rate``
    sample_rate: int
    phonemes: tuple[Phoneme, ...]  # times relative to ``start``
    profile: VoiceProfile

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


def _render(text: str, profile: VoiceProfile) -> tuple[np.ndarray, tuple[Phoneme, ...]]:
    utt = synthesize(text, profile.voice, profile.rate, profile.pitch, profile.pitch_range)
    x = utt.samples
    # Trim espeak's leading/trailing silence so the line starts when it is scheduled.
    loud = np.flatnonzero(np.abs(x) > 0.01)
    head = int(loud[0]) if loud.size else 0
    tail = int(loud[-1]) + 1 if loud.size else len(x)
    x = x[max(0, head - 40):tail + int(0.03 * utt.sample_rate)]
    shift = max(0, head - 40) / utt.sample_rate
    g = np.gcd(SPEECH_RATE, utt.sample_rate)
    y = signal.resample_poly(x, SPEECH_RATE // g, utt.sample_rate // g).astype(np.float32)
    if profile.robot:
        y = robotise(y, SPEECH_RATE)
    y = normalise_rms(y, SPEECH_RMS)
    fade_edges(y, SPEECH_RATE, 0.004)
    phon = tuple(Phoneme(p.name, max(0.0, p.t - shift)) for p in utt.phonemes)
    return y, phon


def _fit(text: str, profile: VoiceProfile, room: float) -> tuple[np.ndarray, tuple[Phoneme, ...],
                                                                   VoiceProfile]:
    """Render a line, faster if it must fit ``room`` s, else trimmed with a fade."""
    y, phon = _render(text, profile)
    dur = len(y) / SPEECH_RATE
    if dur > room and profile.rate < RATE_MAX:
        rate = min(RATE_MAX, int(np.ceil(profile.rate * dur / max(room, 1e-3) * 1.05)))
        profile = VoiceProfile(profile.voice, rate, profile.pitch, profile.pitch_range,
                               profile.robot)
        y, phon = _render(text, profile)
    n = max(0, int(room * SPEECH_RATE))
    if len(y) > n:
        y = y[:n].copy()
        k = min(len(y), int(0.12 * SPEECH_RATE))
        if k:
            y[len(y) - k:] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
        phon = tuple(p for p in phon if p.t < room)
    return y, phon, profile


def schedule_dialogue(storyboard: Storyboard, sims: list[ShotSimulation], *,
                      seed: int) -> list[SpokenLine]:
    """Synthesise every line of dialogue and decide when, in clip seconds, it starts."""
    total = clip_seconds(sims)
    lines: list[SpokenLine] = []
    cursor = 0.0  # end of the last line: lines never talk over one another unless asked to
    for sim in sims:
        if sim.shot >= len(storyboard.shots):
            continue
        shot = storyboard.shots[sim.shot]
        rng = rng_for(seed, "dialogue", sim.shot)
        entities = {e.id: e for e in shot.entities}
        speakers: dict[str, int] = {}
        shot_start = sim.start
        for line in shot.dialogue:
            index = speakers.setdefault(line.speaker, len(speakers))
            ent = entities.get(line.speaker)
            kind = ent.kind if ent is not None else "person"
            profile = voice_for(kind, ent.size if ent else None, index, line.voice)
            if line.start is not None:
                start = shot_start + line.start
            else:
                gap = float(rng.uniform(0.25, 0.5))
                start = max(shot_start + _LEAD_IN, cursor + gap if lines else 0.0)
            start = min(start, max(0.0, total - _TAIL - 0.4))
            room = total - _TAIL - start
            samples, phon, profile = _fit(line.text, profile, room)
            lines.append(SpokenLine(sim.shot, line.speaker, line.text, start, samples,
                                    SPEECH_RATE, phon, profile))
            cursor = max(cursor, start + len(samples) / SPEECH_RATE)
    return lines


def _openness(name: str) -> float:
    """How wide a phoneme opens the mouth."""
    core = name.lstrip("',%=")
    if not core or core.startswith("_") or core == "#":
        return 0.0 if core != "#" else -1.0  # '#' marks a word start: keep the previous shape
    if core[0] in _CLOSED:
        return 0.0
    if core[0] in _LIPS:
        return 0.2
    if core[0] in _VOWELS:
        return 1.0 if core[0] in "aAV&03" else 0.75
    return 0.4


def mouth_curve(line: SpokenLine, times: np.ndarray) -> np.ndarray:
    """Mouth openness 0..1 at clip ``times``; exactly 0 outside the line."""
    step = 0.005
    n = max(2, int(np.ceil(line.duration / step)) + 1)
    grid = np.zeros(n, np.float32)
    value = 0.0
    events = [(p.t, _openness(p.name)) for p in line.phonemes]
    for i, (t, o) in enumerate(events):
        if o < 0:
            continue
        value = o
        end = events[i + 1][0] if i + 1 < len(events) else line.duration
        a, b = int(t / step), max(int(t / step) + 1, int(end / step))
        grid[a:min(b, n)] = value
    # Jaw inertia: about 40 ms of smoothing.
    k = 9
    smooth = np.convolve(grid, np.ones(k) / k, mode="same")
    # Follow the voice's own loudness too, so silence closes the mouth.
    sr = line.sample_rate
    hop = int(step * sr)
    frames = len(line.samples) // hop
    env = np.sqrt(np.mean(line.samples[:frames * hop].reshape(frames, hop) ** 2, axis=1))
    env = np.concatenate((np.clip(env / (SPEECH_RMS * 1.2), 0.0, 1.0),
                          np.zeros(max(0, n - frames))))[:n].astype(np.float32)
    curve = np.clip(0.35 * env + 0.65 * smooth * np.minimum(1.0, 4.0 * env), 0.0, 1.0)
    rel = times - line.start
    out = np.interp(rel, np.arange(n) * step, curve).astype(np.float32)
    out[(rel < 0) | (rel > line.duration)] = 0.0
    return out


def apply_mouths(sims: list[ShotSimulation], lines: list[SpokenLine]) -> None:
    """Set ``EntityFrame.mouth`` of each speaker from the phonemes of its lines (0 when silent)."""
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
