"""Ambience: a bed of sound per place, time of day and weather."""

from __future__ import annotations

import numpy as np

from openreel.engines.procedural.audio import sfx
from openreel.engines.procedural.audio.dsp import (
    bandpass,
    brown,
    fade_edges,
    highpass,
    lowpass,
    noise,
    normalise_rms,
    rng_for,
    slow_lfo,
)
from openreel.spec import Environment
from openreel.spec.catalog import PLACES
from openreel.spec.storyboard import TimeOfDay, Weather

_NIGHT = {TimeOfDay.NIGHT, TimeOfDay.DUSK}
_BIRD_PLACES = {"park", "forest", "farm", "mountains", "beach"}


def _scatter(out: np.ndarray, rng: np.random.Generator, sr: int, rate: float,
             make: sfx.Synth, gain: float, length: float = 1.5) -> None:
    """Drop events (a bird phrase, a distant horn) at random times, each panned at random."""
    n = out.shape[-1]
    count = rng.poisson(rate * n / sr)
    for _ in range(int(count)):
        x = make(length, sr, rng)
        x = x / (np.max(np.abs(x)) + 1e-9) * gain * rng.uniform(0.5, 1.0)
        s = int(rng.integers(0, max(1, n - x.size // 2)))
        p = rng.uniform(-0.8, 0.8)
        m = min(x.size, n - s)
        out[0, s:s + m] += x[:m] * np.cos((p + 1) * np.pi / 4)
        out[1, s:s + m] += x[:m] * np.sin((p + 1) * np.pi / 4)


def _wind(rng: np.random.Generator, n: int, sr: int, strength: float) -> np.ndarray:
    x = bandpass(noise(rng, n, 2), 150.0, 900.0 + 600 * strength, sr)
    return x * slow_lfo(rng, n, sr, 0.4, 0.6)[None, :] * (0.5 + strength)


def _waves(rng: np.random.Generator, n: int, sr: int) -> np.ndarray:
    """Surf: swelling washes of noise every several seconds."""
    t = np.arange(n, dtype=np.float32) / sr
    period = rng.uniform(6.0, 9.0)
    swell = (0.5 - 0.5 * np.cos(2 * np.pi * t / period + rng.uniform(0, 6.3))) ** 2
    wash = lowpass(noise(rng, n, 2), 2500.0, sr) * swell[None, :]
    return wash + 0.3 * brown(rng, n, sr, 2)


def _crickets(rng: np.random.Generator, n: int, sr: int) -> np.ndarray:
    t = np.arange(n, dtype=np.float32) / sr
    out = np.zeros((2, n), np.float32)
    for ch in range(2):
        f = rng.uniform(4200, 5200)
        chirp_rate = rng.uniform(2.0, 3.5)
        gate = (np.sin(2 * np.pi * chirp_rate * t + rng.uniform(0, 6)) > 0.4).astype(np.float32)
        trill = (0.5 + 0.5 * np.sin(2 * np.pi * 45.0 * t)) * gate
        out[ch] = (np.sin(2 * np.pi * f * t) * lowpass(trill, 200.0, sr)).astype(np.float32)
    return out


def _rain(rng: np.random.Generator, n: int, sr: int, heavy: bool) -> np.ndarray:
    hiss = highpass(noise(rng, n, 2), 1500.0, sr) * (1.0 if heavy else 0.6)
    drops = np.zeros((2, n), np.float32)
    idx = rng.integers(0, n, (2, int(n / sr * (120 if heavy else 50))))
    for ch in range(2):
        drops[ch, idx[ch]] = rng.uniform(0.5, 1.0, idx.shape[1])
    return hiss + bandpass(drops, 2000.0, 7000.0, sr) * 3.0


def _traffic(rng: np.random.Generator, n: int, sr: int) -> np.ndarray:
    hum = brown(rng, n, sr, 2) * slow_lfo(rng, n, sr, 0.3, 0.4)[None, :]
    swish = bandpass(noise(rng, n, 2), 300.0, 1500.0, sr) * slow_lfo(rng, n, sr, 0.8, 0.9)[None, :]
    return hum + 0.4 * swish


def _drone(rng: np.random.Generator, n: int, sr: int, freqs: tuple[float, ...]) -> np.ndarray:
    t = np.arange(n, dtype=np.float32) / sr
    out = np.zeros((2, n), np.float32)
    for i, f in enumerate(freqs):
        for ch in range(2):
            detune = 1.0 + (0.003 if ch else -0.003) * (i + 1)
            out[ch] += np.sin(2 * np.pi * f * detune * t + rng.uniform(0, 6.3)) / (i + 1)
    return out * slow_lfo(rng, n, sr, 0.2, 0.3)[None, :]


def ambience_bed(env: Environment, seconds: float, sr: int, seed: int,
                 key: object = 0) -> np.ndarray:
    """A (2, n) ambience bed for ``env`` lasting ``seconds``, loudness-consistent across places."""
    n = max(1, int(np.rint(seconds * sr)))
    rng = rng_for(seed, "ambience", env.place, env.weather, env.time_of_day, key)
    place = PLACES[env.place]
    night = env.time_of_day in _NIGHT
    layers: list[np.ndarray] = []
    level = 0.05  # target RMS of the bed before the mix gain
    if place.medium == "vacuum":
        layers.append(_drone(rng, n, sr, (41.0, 55.0, 82.5)) * 0.6)
        level = 0.02
    elif place.medium == "water":
        rumble = brown(rng, n, sr, 2)
        bubbles = np.zeros((2, n), np.float32)
        _scatter(bubbles, rng, sr, 1.2, lambda d, s, r: _bubble_cluster(s, r), 0.5, 0.5)
        layers += [rumble, bubbles]
    elif place.indoor:
        tone = lowpass(noise(rng, n, 2), 400.0, sr) * 0.5
        hum = _drone(rng, n, sr, (60.0, 120.0)) * 0.15
        layers += [tone, hum]
        if env.place == "stage":
            layers.append(_crowd(n, sr, rng) * 0.3)
        level = 0.025
    else:
        layers.append(_wind(rng, n, sr, 0.3 + abs(env.wind) / 15.0) * 0.6)
        if env.place in ("beach", "ocean"):
            layers.append(_waves(rng, n, sr) * 1.2)
        if env.place == "city_street":
            layers.append(_traffic(rng, n, sr))
            horns = np.zeros((2, n), np.float32)
            _scatter(horns, rng, sr, 0.08, lambda d, s, r: lowpass(sfx.horn(0.4, s, r), 1200.0, s),
                     0.25, 0.4)
            layers.append(horns)
        if env.place == "stadium":
            layers.append(_crowd(n, sr, rng) * 1.5)
        if env.weather in (Weather.RAIN, Weather.STORM):
            layers.append(_rain(rng, n, sr, env.weather == Weather.STORM))
        if env.weather == Weather.WIND:
            layers.append(_wind(rng, n, sr, 1.0))
        birds = np.zeros((2, n), np.float32)
        if night:
            birds += _crickets(rng, n, sr) * 0.15
        elif env.place in _BIRD_PLACES and env.weather not in (Weather.RAIN, Weather.STORM):
            _scatter(birds, rng, sr, 0.35, sfx.birdsong, 0.25, 1.2)
        layers.append(birds)
    bed = np.sum(layers, axis=0).astype(np.float32)
    bed = normalise_rms(bed, level)
    if env.weather == Weather.STORM and place.medium == "air":
        thunder = np.zeros((2, n), np.float32)
        _scatter(thunder, rng, sr, 0.08, sfx.thunder, 0.5, 3.0)
        bed += thunder
    return fade_edges(bed, sr, 0.03)


def _crowd(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A stereo murmur of many voices, exactly ``n`` samples long."""
    left, right = (sfx.crowd(n / sr + 0.01, sr, rng)[:n] for _ in range(2))
    return np.stack((left, right))


def _bubble_cluster(sr: int, rng: np.random.Generator) -> np.ndarray:
    m = int(sr * 0.4)
    out = np.zeros(m, np.float32)
    for _ in range(int(rng.integers(3, 9))):
        s = int(rng.uniform(0, 0.3) * sr)
        k = int(sr * 0.03)
        t = np.arange(k, dtype=np.float32) / sr
        f = rng.uniform(300, 1200) * (1 + 3 * t)
        out[s:s + k] += np.sin(2 * np.pi * np.cumsum(f) / sr) * np.exp(-t * 90)
    return out
