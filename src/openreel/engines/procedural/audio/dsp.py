"""Small signal-processing building blocks shared by the sound stage."""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np
from scipy import signal

Array = np.ndarray


def rng_for(seed: int, *keys: object) -> np.random.Generator:
    """A generator seeded from ``seed`` and stable keys (never Python's salted ``hash``)."""
    text = "|".join(str(k) for k in keys).encode()
    return np.random.default_rng([seed & 0xFFFFFFFF, zlib.crc32(text)])


@lru_cache(maxsize=128)
def _sos(kind: str, lo: float, hi: float, sr: int, order: int) -> Array:
    nyq = sr / 2.0
    lo = float(np.clip(lo, 10.0, nyq * 0.95))
    hi = float(np.clip(hi, lo * 1.05, nyq * 0.98))
    if kind == "lowpass":
        return signal.butter(order, lo, "lowpass", fs=sr, output="sos")
    if kind == "highpass":
        return signal.butter(order, lo, "highpass", fs=sr, output="sos")
    return signal.butter(order, (lo, hi), "bandpass", fs=sr, output="sos")


def lowpass(x: Array, cutoff: float, sr: int, order: int = 2) -> Array:
    """Butterworth low-pass along the last axis."""
    return signal.sosfilt(_sos("lowpass", cutoff, cutoff, sr, order), x, axis=-1).astype(np.float32)


def highpass(x: Array, cutoff: float, sr: int, order: int = 2) -> Array:
    """Butterworth high-pass along the last axis."""
    sos = _sos("highpass", cutoff, cutoff, sr, order)
    return signal.sosfilt(sos, x, axis=-1).astype(np.float32)


def bandpass(x: Array, lo: float, hi: float, sr: int, order: int = 2) -> Array:
    """Butterworth band-pass along the last axis."""
    return signal.sosfilt(_sos("bandpass", lo, hi, sr, order), x, axis=-1).astype(np.float32)


def noise(rng: np.random.Generator, n: int, channels: int | None = None) -> Array:
    """White noise in float32 (shape (n,) or (channels, n))."""
    shape = (n,) if channels is None else (channels, n)
    return rng.standard_normal(shape, dtype=np.float32)


def brown(rng: np.random.Generator, n: int, sr: int, channels: int | None = None) -> Array:
    """Deep rumbling noise: white noise through a steep low-pass, normalised to unit RMS."""
    x = lowpass(noise(rng, n, channels), 180.0, sr, order=2)
    return x / (np.sqrt(np.mean(x * x)) + 1e-9)


def slow_lfo(rng: np.random.Generator, n: int, sr: int, rate: float, depth: float) -> Array:
    """A smooth random wobble around 1.0 (for gusts, swells, crowd surges)."""
    points = max(4, int(n / sr * rate) + 4)
    knots = rng.uniform(-1.0, 1.0, points)
    xs = np.linspace(0, n, points)
    curve = np.interp(np.arange(n), xs, knots)
    return (1.0 + depth * curve).astype(np.float32)


def exp_decay(n: int, sr: int, t60: float) -> Array:
    """An envelope falling by 60 dB over ``t60`` seconds."""
    t = np.arange(n, dtype=np.float32) / sr
    return np.exp(-6.9 * t / max(t60, 1e-4)).astype(np.float32)


def attack(x: Array, sr: int, seconds: float = 0.0008) -> Array:
    """Fade in over a fraction of a millisecond: sharp but click-free."""
    k = min(len(x), max(1, int(seconds * sr)))
    x[:k] *= np.linspace(0.0, 1.0, k, dtype=np.float32)
    return x


def fade_edges(x: Array, sr: int, seconds: float = 0.02) -> Array:
    """Fade both ends of the last axis (in place) so cut-up beds never click."""
    n = x.shape[-1]
    k = min(n // 2, max(1, int(seconds * sr)))
    ramp = np.linspace(0.0, 1.0, k, dtype=np.float32)
    x[..., :k] *= ramp
    x[..., n - k:] *= ramp[::-1]
    return x


def pan_gains(pan: Array | float) -> tuple[Array, Array]:
    """Equal-power gains for pan -1 (left) … +1 (right)."""
    theta = (np.clip(pan, -1.0, 1.0) + 1.0) * (np.pi / 4.0)
    return np.cos(theta).astype(np.float32), np.sin(theta).astype(np.float32)


def add_at(out: Array, sound: Array, start: int) -> None:
    """Add a (channels, m) or (m,) sound into ``out`` from sample ``start``, clipped to its ends."""
    n = out.shape[-1]
    m = sound.shape[-1]
    a = max(start, 0)
    b = min(start + m, n)
    if b <= a:
        return
    out[..., a:b] += sound[..., a - start:b - start]


def place_stereo(out: Array, mono: Array, start: int, pan: float, gain: float = 1.0) -> None:
    """Pan a mono sound and add it into a (2, n) buffer at ``start``."""
    left, right = pan_gains(pan)
    add_at(out, np.stack((mono * (gain * float(left)), mono * (gain * float(right)))), start)


def rms(x: Array) -> float:
    """Root mean square of all samples."""
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0


def normalise_rms(x: Array, target: float) -> Array:
    """Scale to the given RMS (silence stays silence)."""
    r = rms(x)
    return x if r < 1e-9 else (x * (target / r)).astype(np.float32)
