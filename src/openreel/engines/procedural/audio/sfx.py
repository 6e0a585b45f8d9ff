"""Named sound cues (thunder, bark, bell …), synthesised; unknown names get a soft fallback."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from openreel.engines.procedural.audio.dsp import (
    attack,
    bandpass,
    fade_edges,
    highpass,
    lowpass,
    noise,
    rng_for,
    slow_lfo,
)
from openreel.engines.procedural.audio.foley import explosion as _explosion
from openreel.engines.procedural.audio.modal import strike

Synth = Callable[[float, int, np.random.Generator], np.ndarray]


def _t(n: int, sr: int) -> np.ndarray:
    return np.arange(n, dtype=np.float32) / sr


def thunder(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A crack followed by a long rolling rumble."""
    n = int(sr * max(duration, 2.5))
    t = _t(n, sr)
    crack = highpass(noise(rng, n), 1200.0, sr) * np.exp(-t * 18.0)
    rumble = lowpass(noise(rng, n), 160.0, sr) * 6.0 * slow_lfo(rng, n, sr, 6.0, 0.6)
    rumble *= np.minimum(1.0, t / 0.15) * np.exp(-t * 1.6 / max(duration / 2.5, 1.0))
    return attack(0.6 * crack + rumble, sr)


def explosion(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """The same blast as an exploding entity."""
    return _explosion(sr, int(rng.integers(0, 8))).copy()


def applause(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Many hands clapping: dense random claps through a band-pass."""
    n = int(sr * duration)
    claps = np.zeros(n, np.float32)
    idx = rng.integers(0, n, int(duration * 120))
    claps[idx] = rng.uniform(0.3, 1.0, idx.size)
    body = np.convolve(claps, np.exp(-np.arange(int(0.006 * sr)) / (0.0015 * sr)), mode="same")
    x = bandpass(body.astype(np.float32) * noise(rng, n), 700.0, 5000.0, sr)
    return fade_edges(x, sr, min(0.3, duration / 4))


def bark(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Two gruff barks: a pitched yelp with a noisy attack."""
    n = int(sr * max(duration, 0.6))
    out = np.zeros(n, np.float32)
    for k, at in enumerate((0.0, 0.32)):
        m = int(sr * 0.18)
        s = int(at * sr)
        if s + m > n:
            break
        t = _t(m, sr)
        f = (480.0 - 200.0 * t / t[-1]) * (1.0 - 0.06 * k)
        ph = 2 * np.pi * np.cumsum(f) / sr
        tone = sum(np.sin(h * ph) / h for h in range(1, 8))
        env = np.minimum(1.0, t / 0.008) * np.exp(-t * 14.0)
        out[s:s + m] += (np.asarray(tone, np.float32) + 0.5 * noise(rng, m)) * env
    return attack(bandpass(out, 250.0, 3500.0, sr), sr)


def meow(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A rising-falling 'mee-ow' glide with a formant sweep."""
    n = int(sr * max(duration, 0.7))
    t = _t(n, sr)
    u = t / t[-1]
    f = 550.0 + 350.0 * np.sin(np.pi * u) - 100.0 * u
    ph = 2 * np.pi * np.cumsum(f) / sr
    x = sum(np.sin(h * ph) * (0.9 ** h) for h in range(1, 10))
    env = np.abs(np.sin(np.pi * u)) ** 0.6
    return np.asarray(x, np.float32) * env.astype(np.float32) * 0.4


def horn(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A car horn: two detuned square-ish tones."""
    n = int(sr * min(max(duration, 0.4), 3.0))
    t = _t(n, sr)
    x = np.tanh(3 * np.sin(2 * np.pi * 349.0 * t)) + np.tanh(3 * np.sin(2 * np.pi * 440.0 * t))
    return fade_edges(lowpass(x.astype(np.float32), 3000.0, sr) * 0.5, sr, 0.01)


def bell(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A struck bell: inharmonic partials ringing out."""
    n = int(sr * max(duration, 2.5))
    t = _t(n, sr)
    base = 440.0
    x = np.zeros(n, np.float32)
    for ratio, amp, dec in ((0.5, 0.6, 2.5), (1.0, 1.0, 2.0), (1.19, 0.5, 1.6), (1.5, 0.4, 1.3),
                            (2.0, 0.35, 1.0), (2.74, 0.2, 0.7), (3.76, 0.12, 0.5)):
        x += amp * np.sin(2 * np.pi * base * ratio * t) * np.exp(-t * 6.9 / (dec * 2))
    return attack(x / np.max(np.abs(x)), sr)


def whoosh(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Air rushing past: a band of noise sweeping up then down."""
    n = int(sr * min(max(duration, 0.4), 2.0))
    u = np.linspace(0, 1, n, dtype=np.float32)
    env = np.sin(np.pi * u) ** 2
    lo = bandpass(noise(rng, n), 300.0, 1200.0, sr)
    hi = bandpass(noise(rng, n), 1200.0, 5000.0, sr)
    return (lo * env + hi * env ** 3) * 1.5


def _chirp(sr: int, rng: np.random.Generator) -> np.ndarray:
    m = int(sr * rng.uniform(0.05, 0.14))
    t = _t(m, sr)
    f0 = rng.uniform(2500, 4500)
    trill = 300 * np.sin(2 * np.pi * rng.uniform(20, 40) * t)
    f = f0 + rng.uniform(-1500, 1500) * t / t[-1] + trill
    env = np.sin(np.pi * t / t[-1]) ** 2
    return (np.sin(2 * np.pi * np.cumsum(f) / sr) * env).astype(np.float32)


def birdsong(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Phrases of quick chirps."""
    n = int(sr * duration)
    out = np.zeros(n, np.float32)
    t = float(rng.uniform(0.0, 0.3))
    while t < duration - 0.2:
        for _ in range(int(rng.integers(2, 6))):
            c = _chirp(sr, rng)
            s = int(t * sr)
            out[s:s + c.size] += c[:max(0, n - s)] * 0.5
            t += c.size / sr + rng.uniform(0.02, 0.08)
        t += rng.uniform(0.4, 1.5)
    return out


def crowd(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Many voices murmuring: formant-band noise with syllable-rate wobble."""
    n = int(sr * duration)
    x = bandpass(noise(rng, n), 250.0, 2500.0, sr)
    wobble = slow_lfo(rng, n, sr, 12.0, 0.35) * slow_lfo(rng, n, sr, 0.5, 0.3)
    return fade_edges(x * wobble, sr, min(0.4, duration / 4))


def siren(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A wailing two-tone siren."""
    n = int(sr * duration)
    t = _t(n, sr)
    f = 750.0 + 300.0 * np.sin(2 * np.pi * 0.5 * t)
    ph = 2 * np.pi * np.cumsum(f) / sr
    x = np.sin(ph) + 0.3 * np.sin(2 * ph) + 0.15 * np.sin(3 * ph)
    return fade_edges(x.astype(np.float32) * 0.5, sr, 0.05)


def fallback(duration: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """An unknown cue: a soft tonal ping over a short whoosh, so it is heard but never jarring."""
    n = int(sr * min(max(duration, 0.5), 3.0))
    ping = np.zeros(n, np.float32)
    s = strike("glass", 0.2, sr, int(rng.integers(0, 8)))[:n]
    ping[:s.size] = s
    return ping * 0.5 + whoosh(n / sr, sr, rng)[:n] * 0.4


CUES: dict[str, Synth] = {
    "thunder": thunder, "explosion": explosion, "applause": applause, "bark": bark,
    "meow": meow, "horn": horn, "bell": bell, "whoosh": whoosh, "birdsong": birdsong,
    "crowd": crowd, "siren": siren,
}
_ALIASES = {"boom": "explosion", "blast": "explosion", "clap": "applause", "cheer": "crowd",
            "woof": "bark", "dog": "bark", "cat": "meow", "purr": "meow", "honk": "horn",
            "car horn": "horn", "ring": "bell", "chime": "bell", "swoosh": "whoosh",
            "wind": "whoosh", "bird": "birdsong", "chirp": "birdsong", "tweet": "birdsong",
            "people": "crowd", "alarm": "siren", "storm": "thunder", "lightning": "thunder"}


def cue_synth(name: str) -> Synth:
    """The synthesiser for a cue name (exact, alias or word match; else the fallback)."""
    key = name.strip().lower().replace("_", " ")
    if key in CUES:
        return CUES[key]
    if key in _ALIASES:
        return CUES[_ALIASES[key]]
    for word in key.split():
        if word in CUES:
            return CUES[word]
        if word in _ALIASES:
            return CUES[_ALIASES[word]]
    return fallback


def render_cue(name: str, duration: float, sr: int, seed: int, key: object) -> np.ndarray:
    """One cue as float32 mono with peak ≈ 1."""
    rng = rng_for(seed, "cue", name, key)
    x = np.asarray(cue_synth(name)(duration, sr, rng), np.float32)
    peak = float(np.max(np.abs(x))) if x.size else 0.0
    return x / peak if peak > 1e-9 else x
