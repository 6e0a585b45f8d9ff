"""Lip-sync: how far a speaker's mouth opens, step by step, from the sound of a line.

The jaw opens with the voice's loudness and wider on open vowels, whose first formant sits
high (300-1000 Hz); hissed and nasal sounds leave the mouth half shut; pauses close it. When
the synthesiser reports phonemes (espeak-ng does), their shapes refine the same curve.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio.speech import Phoneme

MOUTH_STEP = 0.01  # seconds between openness values
_WINDOW = 0.03  # seconds of sound each value looks at
_SILENCE_DB = -32.0  # below the line's loud parts by this much is a pause: the mouth closes
_FULL_DB = -6.0  # this close to the loud parts the jaw is as open as the sound allows
_JAW_SECONDS = 0.04  # the jaw's inertia

_VOWELS = set("aeiouAEIOU@&03V")
_CLOSED = ("m", "b", "p")
_LIPS = ("f", "v", "w")


def _bands(samples: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    """Energy per step: of the whole voice band and of the first-formant band."""
    hop = max(1, int(MOUTH_STEP * sr))
    steps = int(np.ceil(len(samples) / hop)) + 1
    padded = np.zeros(steps * hop + int(_WINDOW * sr), np.float32)
    offset = int(_WINDOW * sr) // 2
    padded[offset:offset + len(samples)] = samples
    nper = int(_WINDOW * sr)
    freqs, _, spec = signal.stft(padded, sr, window="hann", nperseg=nper, noverlap=nper - hop,
                                 boundary=None, padded=False)
    power = np.abs(spec) ** 2
    voice = power[(freqs >= 80.0) & (freqs <= 6000.0)].sum(axis=0)
    formant = power[(freqs >= 300.0) & (freqs <= 1000.0)].sum(axis=0)
    return voice[:steps], formant[:steps]


def _jaw(curve: np.ndarray) -> np.ndarray:
    k = max(1, round(_JAW_SECONDS / MOUTH_STEP))
    return np.convolve(curve, np.ones(k) / k, mode="same")


def _openness(name: str) -> float:
    """How wide an espeak-ng phoneme opens the mouth; -1 keeps the previous shape."""
    core = name.lstrip("',%=")
    if core == "#":
        return -1.0  # a word start: keep the previous shape
    if not core or core.startswith("_") or core[0] in _CLOSED:
        return 0.0
    if core[0] in _LIPS:
        return 0.2
    if core[0] in _VOWELS:
        return 1.0 if core[0] in "aAV&03" else 0.75
    return 0.4


def _phoneme_shapes(phonemes: tuple[Phoneme, ...], steps: int) -> np.ndarray:
    grid = np.ones(steps, np.float32)
    events = [(p.t, _openness(p.name)) for p in phonemes]
    if not events:
        return grid
    for i, (t, shape) in enumerate(events):
        if shape < 0:
            continue
        end = events[i + 1][0] if i + 1 < len(events) else steps * MOUTH_STEP
        a = int(t / MOUTH_STEP)
        grid[a:max(a + 1, int(end / MOUTH_STEP))] = shape
    return _jaw(grid)[:steps]


def mouth_track(samples: np.ndarray, sr: int, phonemes: tuple[Phoneme, ...] = ()) -> np.ndarray:
    """Openness 0..1 every ``MOUTH_STEP`` s of ``samples``; exactly 0 in pauses."""
    voice, formant = _bands(samples, sr)
    if voice.size == 0 or float(voice.max()) <= 0.0:
        return np.zeros(max(voice.size, 1), np.float32)
    level = 10.0 * np.log10(voice + 1e-12)
    loud = float(np.percentile(level, 95))
    rel = level - loud
    open_by_level = np.clip((rel - _SILENCE_DB) / (_FULL_DB - _SILENCE_DB), 0.0, 1.0)
    # Open vowels carry a large share of their energy in the first-formant band; nasals (low)
    # and hisses (high) carry little.
    share = np.clip(formant / (voice + 1e-12) / 0.5, 0.0, 1.0)
    curve = open_by_level * (0.35 + 0.65 * share)
    if phonemes:
        curve = curve * (0.4 + 0.6 * _phoneme_shapes(phonemes, len(curve)))
    curve = _jaw(curve)
    curve[rel < _SILENCE_DB] = 0.0
    return np.clip(curve, 0.0, 1.0).astype(np.float32)


def mouth_at(track: np.ndarray, start: float, times: np.ndarray) -> np.ndarray:
    """Openness at clip ``times`` of a line starting at ``start`` s; 0 outside it."""
    rel = np.asarray(times, np.float64) - start
    out = np.interp(rel, np.arange(len(track)) * MOUTH_STEP, track).astype(np.float32)
    out[(rel < 0.0) | (rel > (len(track) - 1) * MOUTH_STEP)] = 0.0
    return out
