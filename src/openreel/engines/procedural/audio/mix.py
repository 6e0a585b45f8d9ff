"""The mix: stems panned to the picture, music ducked under speech, loudness and peaks tamed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyloudnorm
from scipy import signal
from scipy.ndimage import minimum_filter1d

from openreel.engines.procedural.audio.ambience import ambience_bed
from openreel.engines.procedural.audio.continuous import render_continuous
from openreel.engines.procedural.audio.dialogue import SpokenLine
from openreel.engines.procedural.audio.dsp import add_at, lowpass, place_stereo
from openreel.engines.procedural.audio.foley import render_contacts
from openreel.engines.procedural.audio.music import compose
from openreel.engines.procedural.audio.sfx import render_cue
from openreel.engines.procedural.scene import ShotSimulation
from openreel.spec import Storyboard
from openreel.spec.catalog import PLACES

ScreenX = Callable[[int, float, float], float]

TARGET_LUFS = -14.0
PEAK = 0.98
# Stem gains before loudness normalisation: dialogue on top, music and ambience beneath.
GAINS = {"dialogue": 1.0, "foley": 1.2, "continuous": 0.6, "cues": 0.5, "ambience": 0.5,
         "music": 0.26}
MUSIC_DUCK_DB = -10.0
AMBIENCE_DUCK_DB = -6.0
# Music steps aside for a moment at every heard impact, so a drum hit never masks it.
IMPACT_DUCK_DB = -18.0


class _Timeline:
    """Maps clip seconds to shots and picture positions to pan values."""

    def __init__(self, sims: list[ShotSimulation], screen_x: ScreenX | None) -> None:
        self.sims = sims
        self.screen_x = screen_x
        self.starts = np.array([s.start for s in sims])
        self.first = np.cumsum([0] + [len(s.frames) for s in sims])[:-1]
        self.total_frames = int(sum(len(s.frames) for s in sims))

    def shot_at(self, t: float) -> int:
        i = int(np.searchsorted(self.starts, t, side="right")) - 1
        return min(max(i, 0), len(self.sims) - 1)

    def pan(self, t: float, x: float, y: float) -> float:
        i = self.shot_at(t)
        sim = self.sims[i]
        if self.screen_x is not None:
            frame = int(np.clip(round(t * sim.fps), 0, max(self.total_frames - 1, 0)))
            return float(np.clip(self.screen_x(frame, x, y), -1.0, 1.0))
        return float(np.clip(2.0 * x / sim.stage_width - 1.0, -1.0, 1.0)) * 0.8

    def pan_curve(self, sim: ShotSimulation, xs: np.ndarray) -> np.ndarray:
        idx = self.sims.index(sim)
        if self.screen_x is None:
            return np.clip(2.0 * xs / sim.stage_width - 1.0, -1.0, 1.0) * 0.8
        first = int(self.first[idx])
        return np.array([np.clip(self.screen_x(first + i, float(x), 1.0), -1.0, 1.0)
                         for i, x in enumerate(xs)])

    def muffle(self, t: float) -> float:
        """Sounds are hushed in a vacuum and dulled under water (but kept audible for the story)."""
        medium = PLACES[self.sims[self.shot_at(t)].environment.place].medium
        return {"vacuum": 0.6, "water": 0.8}.get(medium, 1.0)

    def where(self, t: float, group: str) -> tuple[float, float] | None:
        sim = self.sims[self.shot_at(t)]
        if not sim.frames:
            return None
        k = int(np.clip(round((t - sim.start) * sim.fps), 0, len(sim.frames) - 1))
        for e in sim.frames[k].entities:
            if e.group == group or e.uid == group:
                return e.x, e.y
        return None


def _dialogue(lines: list[SpokenLine], n: int, sr: int, tl: _Timeline) -> np.ndarray:
    out = np.zeros((2, n), np.float32)
    for line in lines:
        x = line.samples
        if line.sample_rate != sr:
            g = np.gcd(sr, line.sample_rate)
            x = signal.resample_poly(x, sr // g, line.sample_rate // g).astype(np.float32)
        pos = tl.where(line.start, line.speaker)
        # Voices stay near the centre: panned hard they sound detached from the face.
        pan = 0.5 * tl.pan(line.start, *pos) if pos is not None else 0.0
        place_stereo(out, x, int(np.rint(line.start * sr)), pan)
    return out


def _cues(storyboard: Storyboard, sims: list[ShotSimulation], n: int, sr: int, seed: int,
          tl: _Timeline) -> np.ndarray:
    out = np.zeros((2, n), np.float32)
    for sim in sims:
        if sim.shot >= len(storyboard.shots):
            continue
        for k, cue in enumerate(storyboard.shots[sim.shot].sounds):
            t = sim.start + cue.at
            x = render_cue(cue.sound, cue.duration, sr, seed, (sim.shot, k))
            pos = tl.where(t, cue.entity) if cue.entity else None
            pan = tl.pan(t, *pos) if pos is not None else 0.0
            place_stereo(out, x, int(np.rint(t * sr)), pan, 0.7 * cue.volume * tl.muffle(t))
    return out


def _ambience(sims: list[ShotSimulation], n: int, sr: int, seed: int) -> np.ndarray:
    out = np.zeros((2, n), np.float32)
    for sim in sims:
        start = int(np.rint(sim.start * sr))
        seconds = len(sim.frames) / sim.fps
        if seconds <= 0:
            continue
        # Overlap by 30 ms so cuts cross-fade instead of dropping out.
        bed = ambience_bed(sim.environment, seconds + 0.03, sr, seed, sim.shot)
        add_at(out, bed, start)
    return out


# Low-pass cut-offs by medium: water swallows the highs, vacuum leaves only felt thumps.
_MEDIUM_CUTOFF = {"water": 700.0, "vacuum": 350.0}


def _dull_by_medium(stem: np.ndarray, sims: list[ShotSimulation], sr: int) -> None:
    """Low-pass (in place) the parts of a stem that play in shots under water or in a vacuum."""
    n = stem.shape[1]
    for sim in sims:
        cutoff = _MEDIUM_CUTOFF.get(PLACES[sim.environment.place].medium)
        if cutoff is None:
            continue
        a = int(np.rint(sim.start * sr))
        b = min(n, a + int(np.rint(len(sim.frames) / sim.fps * sr)))
        if b > a:
            stem[:, a:b] = lowpass(stem[:, a:b], cutoff, sr, order=4)


def speech_envelope(dialogue: np.ndarray, sr: int, attack: float = 0.02,
                    release: float = 0.35) -> np.ndarray:
    """0..1 per sample: how much speech is present, with attack and release smoothing."""
    hop = max(1, int(0.01 * sr))
    mono = np.max(np.abs(dialogue), axis=0)
    frames = -(-mono.size // hop)
    padded = np.zeros(frames * hop, np.float32)
    padded[:mono.size] = mono
    level = padded.reshape(frames, hop).max(axis=1)
    gate = (level > 0.01).astype(np.float64)
    a_up = 1.0 - np.exp(-0.01 / attack)
    a_dn = 1.0 - np.exp(-0.01 / release)
    env = np.empty(frames)
    v = 0.0
    for i, g in enumerate(gate):  # a few thousand hops: a plain loop is fast enough
        v += (a_up if g > v else a_dn) * (g - v)
        env[i] = v
    t = (np.arange(frames) + 0.5) * hop
    return np.interp(np.arange(mono.size), t, env).astype(np.float32)


def impact_envelope(sims: list[ShotSimulation], n: int, sr: int, before: float = 0.2,
                    hold: float = 0.12, release: float = 0.2) -> np.ndarray:
    """0..1 per sample around each contact: where the music makes room for foley."""
    env = np.zeros(n, np.float32)
    for sim in sims:
        for contact in sim.contacts:
            start = int((contact.t - before) * sr)
            peak = int(contact.t * sr)
            end = int((contact.t + hold + release) * sr)
            lo, hi = max(start, 0), min(end, n)
            if hi <= lo:
                continue
            i = np.arange(lo, hi)
            shape = np.clip((i - start) / max(peak - start, 1), 0, 1)
            tail = np.clip(1 - (i - peak - hold * sr) / (release * sr), 0, 1)
            env[lo:hi] = np.maximum(env[lo:hi], np.minimum(shape, tail))
    return env


def limit(x: np.ndarray, sr: int, ceiling: float = PEAK, lookahead: float = 0.01) -> np.ndarray:
    """Look-ahead peak limiter: gain dips smoothly before a peak, never above ``ceiling``."""
    peak = np.max(np.abs(x), axis=0)
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-9))
    if float(need.min()) >= 1.0:
        return x
    k = max(1, int(lookahead * sr))
    # Minimum over ±k then a box average over ±k: every average only sees values that are
    # already at or below the gain this sample needs, so the result never overshoots, and
    # the gain falls and recovers over ~2k samples instead of jumping.
    g = minimum_filter1d(need, size=2 * k + 1, mode="nearest")
    box = np.ones(2 * k + 1) / (2 * k + 1)
    g = np.convolve(np.pad(g, k, mode="edge"), box, mode="valid")
    out = (x * g[None, :].astype(np.float32)).astype(np.float32)
    return np.clip(out, -ceiling, ceiling)


def _loudness(meter: pyloudnorm.Meter, x: np.ndarray) -> float:
    if x.shape[1] < int(0.4 * meter.rate):
        return float("-inf")
    return float(meter.integrated_loudness(x.T.astype(np.float64)))


def normalise_loudness(x: np.ndarray, sr: int, target: float = TARGET_LUFS) -> np.ndarray:
    """Bring integrated loudness to ``target`` LUFS, then limit peaks (twice, to land on target)."""
    meter = pyloudnorm.Meter(sr)
    for _ in range(2):
        lufs = _loudness(meter, x)
        if not np.isfinite(lufs):
            break
        x = limit(x * np.float32(10.0 ** ((target - lufs) / 20.0)), sr)
    return np.clip(x, -PEAK, PEAK)


def mix_soundtrack(storyboard: Storyboard, sims: list[ShotSimulation], lines: list[SpokenLine],
                   *, seed: int, sample_rate: int = 48000, screen_x: ScreenX | None = None,
                   stems_out: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """The clip's stereo soundtrack, (n, 2) float32, n = frames / fps × ``sample_rate``.

    ``stems_out``, when given, receives each stem as (n, 2) float32 after its mix gain and
    ducking but before loudness normalisation: dialogue, foley, continuous, cues, ambience, music.
    """
    sr = sample_rate
    total_frames = sum(len(s.frames) for s in sims)
    fps = sims[0].fps if sims else 24
    n = int(np.rint(total_frames / fps * sr))
    if n == 0:
        return np.zeros((0, 2), np.float32)
    tl = _Timeline(sims, screen_x)
    stems = {
        "dialogue": _dialogue(lines, n, sr, tl),
        "foley": render_contacts(sims, n, sr, seed, tl.pan, tl.muffle),
        "continuous": render_continuous(sims, n, sr, seed, tl.pan_curve, tl.muffle),
        "cues": _cues(storyboard, sims, n, sr, seed, tl),
        "ambience": _ambience(sims, n, sr, seed),
        "music": (compose(storyboard.mood, storyboard.style, n / sr, sr, seed)
                  if storyboard.music else np.zeros((2, n), np.float32)),
    }
    for name in ("foley", "continuous", "cues"):
        _dull_by_medium(stems[name], sims, sr)
    for name, gain in GAINS.items():
        stems[name] *= np.float32(gain)
    if lines:
        env = speech_envelope(stems["dialogue"], sr)
        stems["music"] *= (10.0 ** (MUSIC_DUCK_DB / 20.0 * env))[None, :].astype(np.float32)
        stems["ambience"] *= (10.0 ** (AMBIENCE_DUCK_DB / 20.0 * env))[None, :].astype(np.float32)
    hits = impact_envelope(sims, n, sr)
    stems["music"] *= (10.0 ** (IMPACT_DUCK_DB / 20.0 * hits))[None, :].astype(np.float32)
    mix = np.asarray(np.sum(list(stems.values()), axis=0), dtype=np.float32)
    if stems_out is not None:
        stems_out.update({k: np.ascontiguousarray(v.T) for k, v in stems.items()})
    out = normalise_loudness(mix, sr)
    return np.ascontiguousarray(out.T, dtype=np.float32)
