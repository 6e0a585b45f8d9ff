"""Foley: every Contact becomes a sound that starts on its exact sample."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from openreel.engines.procedural.audio.dsp import (
    attack,
    bandpass,
    exp_decay,
    lowpass,
    place_stereo,
    rng_for,
)
from openreel.engines.procedural.audio.modal import loudness, strike
from openreel.engines.procedural.materials import material
from openreel.engines.procedural.scene import GROUND, Contact, ShotSimulation

PanFn = Callable[[float, float, float], float]  # (clip seconds, x, y) -> -1..1


def _peak_one(x: np.ndarray, sr: int) -> np.ndarray:
    """Scaled to a peak of 1, as float32, with a click-free start."""
    return attack((x / (np.max(np.abs(x)) + 1e-9)).astype(np.float32), sr)


def _bubbles(rng: np.random.Generator, n: int, sr: int, count: int, spread: float,
             lo: float = 500.0, hi: float = 2200.0) -> np.ndarray:
    """Rising-pitch blips: the sound of air bubbles ringing after a splash."""
    out = np.zeros(n, np.float32)
    for _ in range(count):
        start = int(rng.uniform(0.02, spread) * sr)
        m = int(sr * rng.uniform(0.015, 0.05))
        if start + m >= n:
            continue
        t = np.arange(m, dtype=np.float32) / sr
        f0 = rng.uniform(lo, hi)
        freq = f0 * (1.0 + 2.5 * t / t[-1] * 0.3)
        phase = 2 * np.pi * np.cumsum(freq) / sr
        out[start:start + m] += np.sin(phase) * np.exp(-t * 70.0) * rng.uniform(0.2, 0.6)
    return out


@lru_cache(maxsize=64)
def splash(size: float, sr: int, variant: int) -> np.ndarray:
    """A body hitting water: a bright noisy crash with a bubbly tail, peak ≈ 1."""
    rng = rng_for(variant, "splash", round(size, 1))
    length = float(np.clip(0.35 + 0.4 * size, 0.35, 1.8))
    n = int(sr * length)
    body = rng.standard_normal(n).astype(np.float32)
    env = exp_decay(n, sr, length * 0.8)
    low = 400.0 / max(0.3, size) ** 0.3
    crash = bandpass(body, low, 6000.0, sr) * env
    thump = lowpass(body, 250.0, sr) * exp_decay(n, sr, 0.12) * 3.0
    out = crash + thump + _bubbles(rng, n, sr, 18, length * 0.9)
    return attack(out / (np.max(np.abs(out)) + 1e-9), sr)


@lru_cache(maxsize=32)
def pour(sr: int, variant: int) -> np.ndarray:
    """A short glug of pouring liquid, peak ≈ 1."""
    rng = rng_for(variant, "pour")
    n = int(sr * 0.6)
    stream = bandpass(rng.standard_normal(n).astype(np.float32), 700.0, 3500.0, sr)
    env = np.minimum(1.0, np.arange(n) / (0.01 * sr)) * exp_decay(n, sr, 0.9)
    out = 0.5 * stream * env + _bubbles(rng, n, sr, 25, 0.55, 300.0, 1400.0)
    return _peak_one(out, sr)


@lru_cache(maxsize=64)
def footstep(ground: str, sr: int, variant: int) -> np.ndarray:
    """A footfall on ``ground``: a heel thump plus the surface's crunch or tap, peak ≈ 1."""
    rng = rng_for(variant, "footstep", ground)
    m = material(ground)
    n = int(sr * 0.16)
    t = np.arange(n, dtype=np.float32) / sr
    thump = np.sin(2 * np.pi * rng.uniform(70, 110) * t) * np.exp(-t * 45.0)
    grit = rng.standard_normal(n).astype(np.float32)
    # Soft grounds (grass, sand, snow) crunch for longer; hard ones click.
    grit_len = 0.02 + 0.06 * m.noise
    grit = bandpass(grit, m.brightness * 0.5, m.brightness * 2.0, sr) * exp_decay(n, sr, grit_len)
    out = (0.6 * thump + (0.4 + 0.8 * m.noise) * grit).astype(np.float32)
    if m.modes and m.noise < 0.5:
        tap = strike(ground, 0.3, sr, variant)[:n]  # a dull floor's ring can end sooner
        out[:len(tap)] += 0.3 * tap
    return _peak_one(out, sr)


@lru_cache(maxsize=16)
def explosion(sr: int, variant: int) -> np.ndarray:
    """A blast: a falling low boom, a noise roar and a tail of crackles, peak ≈ 1."""
    rng = rng_for(variant, "explosion")
    n = int(sr * 2.5)
    t = np.arange(n, dtype=np.float32) / sr
    freq = 30.0 + 50.0 * np.exp(-t * 6.0)
    boom = np.sin(2 * np.pi * np.cumsum(freq) / sr) * np.exp(-t * 2.2)
    roar = lowpass(rng.standard_normal(n).astype(np.float32), 900.0, sr) * np.exp(-t * 2.8)
    crackle = np.zeros(n, np.float32)
    idx = np.sort(rng.integers(int(0.05 * sr), n, 160))
    crackle[idx] = rng.uniform(-1, 1, idx.size) * np.exp(-t[idx] * 2.5)
    crisp = bandpass(crackle, 1500.0, 7000.0, sr) * 6.0
    out = 1.0 * boom + 1.4 * roar / (np.max(np.abs(roar)) + 1e-9) + crisp
    return _peak_one(out, sr)


@lru_cache(maxsize=16)
def shatter(size: float, sr: int, variant: int) -> np.ndarray:
    """Glass breaking: a sharp crack, a bright burst, then shards clinking down, peak ≈ 1."""
    rng = rng_for(variant, "shatter", round(size, 2))
    n = int(sr * 1.3)
    t = np.arange(n, dtype=np.float32) / sr
    white = rng.standard_normal(n).astype(np.float32)
    crack = bandpass(white, 2500.0, 12000.0, sr) * np.exp(-t / 0.012)
    burst = bandpass(white, 1500.0, 9000.0, sr) * np.exp(-t / 0.08) * 0.5
    out = 2.0 * crack + burst
    # pieces land and clink: short, high, inharmonic pings, thinning out over a second;
    # smaller glasses clink higher
    pitch = float(np.clip(0.15 / max(size, 0.03), 0.6, 2.0)) ** 0.4
    for _ in range(28):
        at = int(sr * (0.04 + min(rng.exponential(0.25), 1.0)))
        m = min(int(sr * 0.09), n - at)
        if m <= 0:
            continue
        tt = t[:m]
        f0 = float(rng.uniform(2800.0, 6500.0)) * pitch
        ping = (np.sin(2 * np.pi * f0 * tt) + 0.6 * np.sin(2 * np.pi * 2.76 * f0 * tt)
                + 0.3 * np.sin(2 * np.pi * 5.4 * f0 * tt)) * np.exp(-tt / rng.uniform(0.012, 0.03))
        out[at:at + m] += ping.astype(np.float32) * float(rng.uniform(0.12, 0.4)) * float(
            np.exp(-at / sr / 0.7))
    return _peak_one(out, sr)


def _flutter(rng: np.random.Generator, n: int, sr: int, rate: float) -> np.ndarray:
    """A fast random wobble of loudness: cords brushing past each other."""
    knots = rng.uniform(0.3, 1.0, int(n / sr * rate) + 2)
    return np.interp(np.arange(n), np.linspace(0, n, knots.size), knots).astype(np.float32)


@lru_cache(maxsize=8)
def swish(sr: int, variant: int) -> np.ndarray:
    """A ball dropping clean through a basketball net: a soft, bright 'shff', peak ≈ 1."""
    rng = rng_for(variant, "swish")
    n = int(sr * 0.45)
    t = np.arange(n, dtype=np.float32) / sr
    env = np.minimum(1.0, t / 0.025) * np.exp(-t / 0.11)
    hiss = bandpass(rng.standard_normal(n).astype(np.float32), 1800.0, 8000.0, sr)
    out = hiss * env * _flutter(rng, n, sr, 60.0)
    return _peak_one(out, sr)


@lru_cache(maxsize=8)
def net(sr: int, variant: int) -> np.ndarray:
    """A ball hitting a goal's net: a muffled thump and the net's rustle, peak ≈ 1."""
    rng = rng_for(variant, "net")
    n = int(sr * 0.7)
    t = np.arange(n, dtype=np.float32) / sr
    white = rng.standard_normal(n).astype(np.float32)
    thump = lowpass(white, 260.0, sr) * np.exp(-t / 0.05) * 4.0
    rustle = bandpass(white, 700.0, 4500.0, sr) * np.minimum(1.0, t / 0.01) * np.exp(-t / 0.2)
    out = thump + rustle * _flutter(rng, n, sr, 40.0)
    return _peak_one(out, sr)


@lru_cache(maxsize=16)
def firework(sr: int, variant: int) -> np.ndarray:
    """A shell bursting far off: a sharp crack, a low thump that rolls away, then the
    crackle of its stars as they fall, peak ≈ 1."""
    rng = rng_for(variant, "firework")
    n = int(sr * 2.2)
    t = np.arange(n, dtype=np.float32) / sr
    white = rng.standard_normal(n).astype(np.float32)
    crack = bandpass(white, 900.0, 6000.0, sr) * np.exp(-t / 0.025)
    freq = 45.0 + 70.0 * np.exp(-t * 9.0)
    thump = np.sin(2 * np.pi * np.cumsum(freq) / sr) * np.exp(-t * 3.5)
    roll = lowpass(white, 400.0, sr) * np.exp(-t * 2.0) * 0.6
    # the stars: sparse clicks, densest just after the burst, thinning as they fade
    clicks = np.zeros(n, np.float32)
    count = int(rng.integers(90, 140))
    when = (0.25 + rng.exponential(0.45, count)) * sr
    for at, level in zip(when.astype(int), rng.uniform(0.2, 1.0, count), strict=True):
        if at < n - 64:
            clicks[at:at + 64] += level * np.exp(-np.arange(64, dtype=np.float32) / 8.0)
    crackle = bandpass(clicks * np.sign(rng.standard_normal(n)).astype(np.float32),
                       1500.0, 7000.0, sr) * np.exp(-t * 1.2)
    return _peak_one(1.3 * crack + thump + roll + 0.9 * crackle, sr)


def _impact(c: Contact, size_a: float, size_b: float, sr: int, variant: int) -> np.ndarray:
    a = strike(c.material_a, size_a, sr, variant)
    b = strike(c.material_b, size_b, sr, variant + 1) if c.material_b not in ("none",) else a[:0]
    if b.size == 0:
        return a
    n = max(a.size, b.size)
    out = np.zeros(n, np.float32)
    out[:a.size] += a
    # The ground adds its thud; a light object on a big floor rings mostly as itself.
    out[:b.size] += (0.5 if c.b == GROUND else 0.8) * b
    return out / (np.max(np.abs(out)) + 1e-9)


def _sizes(sims: list[ShotSimulation]) -> dict[str, float]:
    sizes: dict[str, float] = {}
    for sim in sims:
        if sim.frames:
            for e in sim.frames[0].entities:
                sizes.setdefault(e.uid, e.size)
    return sizes


def render_contacts(sims: list[ShotSimulation], n: int, sr: int, seed: int, pan: PanFn,
                    muffle: Callable[[float], float]) -> np.ndarray:
    """All contacts of the clip as a (2, n) float32 buffer."""
    out = np.zeros((2, n), np.float32)
    sizes = _sizes(sims)
    count = 0
    for sim in sims:
        for c in sim.contacts:
            variant = (seed * 7919 + count) % 8  # a few variants: varied yet cacheable
            count += 1
            if c.kind == "impact":
                sound = _impact(c, sizes.get(c.a, 0.3), max(sizes.get(c.b, 1.0), 0.5), sr, variant)
                gain = loudness(c.impulse)
            elif c.kind == "splash":
                sound = splash(min(4.0, sizes.get(c.a, 0.5)), sr, variant)
                gain = loudness(c.impulse) * 0.9
            elif c.kind == "footstep":
                sound = footstep(c.material_b, sr, variant)
                gain = 0.45 * loudness(c.impulse)
            elif c.kind == "explosion":
                sound = explosion(sr, variant)
                gain = max(0.8, loudness(c.impulse))
            elif c.kind == "shatter":
                sound = shatter(min(1.0, sizes.get(c.a, 0.15)), sr, variant)
                gain = max(0.85, loudness(c.impulse))
            elif c.kind == "swish":
                sound = swish(sr, variant)
                gain = 0.8
            elif c.kind == "net":
                sound = net(sr, variant)
                gain = max(0.6, loudness(c.impulse))
            elif c.kind == "firework":
                sound = firework(sr, variant)
                gain = 0.75
            else:
                sound = pour(sr, variant)
                gain = 0.5
            gain *= muffle(c.t)
            start = int(np.rint(c.t * sr))
            place_stereo(out, sound, start, pan(c.t, c.x, c.y), gain)
    return out
