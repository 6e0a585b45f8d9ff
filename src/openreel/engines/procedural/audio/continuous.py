"""Continuous sounds (rolling, engines, flames, wings …) that follow a level curve per frame."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from openreel.engines.procedural.audio.dsp import bandpass, lowpass, noise, pan_gains, rng_for
from openreel.engines.procedural.materials import material
from openreel.engines.procedural.scene import ContinuousSound, ShotSimulation

PanCurveFn = Callable[[ShotSimulation, np.ndarray], np.ndarray]  # world x per frame -> -1..1


def _per_sample(values: np.ndarray, fps: int, n: int, sr: int) -> np.ndarray:
    """Linear interpolation of a per-frame curve onto samples."""
    if values.size == 0:
        return np.zeros(n, np.float32)
    frame_t = np.arange(values.size) / fps
    return np.interp(np.arange(n) / sr, frame_t, values.astype(np.float64)).astype(np.float32)


def _phase(freq: np.ndarray, sr: int) -> np.ndarray:
    return (2 * np.pi * np.cumsum(freq, dtype=np.float64) / sr).astype(np.float32)


def _source(snd: ContinuousSound, level: np.ndarray, sr: int,
            rng: np.random.Generator) -> np.ndarray:
    """The raw sound of one continuous source at full level, shaped by its level curve."""
    n = level.size
    m = material(snd.material)
    t = np.arange(n, dtype=np.float32) / sr
    kind = snd.kind
    if kind == "roll":
        # Rumble whose brightness rises with speed.
        x = lowpass(noise(rng, n), 120.0 + 250.0 * min(m.brightness, 3000) / 3000, sr, order=2)
        x *= 3.0
        x += 0.25 * bandpass(noise(rng, n), m.brightness * 0.4, m.brightness, sr)
    elif kind == "slide":
        x = bandpass(noise(rng, n), m.brightness * 0.6, m.brightness * 1.8, sr)
    elif kind == "engine":
        # Pitch follows the throttle: idle ~35 Hz firing, revving up to ~120 Hz.
        f0 = 35.0 + 85.0 * level
        ph = _phase(f0, sr)
        x = sum(np.sin(k * ph) / k for k in range(1, 7))
        x = lowpass(np.asarray(x, np.float32) + 0.3 * noise(rng, n), 1400.0, sr) * 0.8
    elif kind == "flame":
        roar = lowpass(noise(rng, n), 500.0, sr) * 2.0
        crackle = np.zeros(n, np.float32)
        idx = rng.integers(0, n, max(1, int(n / sr * 25)))
        crackle[idx] = rng.uniform(-1, 1, idx.size)
        x = roar + bandpass(crackle, 2000.0, 8000.0, sr) * 4.0
    elif kind == "wind":
        x = bandpass(noise(rng, n), 250.0, 1200.0, sr) * (0.7 + 0.3 * np.sin(2 * np.pi * 0.3 * t))
    elif kind == "water":
        x = bandpass(noise(rng, n), 600.0, 4000.0, sr) * (0.6 + 0.4 * np.abs(
            np.sin(2 * np.pi * 3.1 * t)))
    elif kind == "wings":
        # Each flap is a soft whump; flapping speeds up with effort.
        rate = 3.0 + 5.0 * level
        flap = 0.5 - 0.5 * np.cos(_phase(rate, sr))
        x = lowpass(noise(rng, n), 700.0, sr) * flap ** 4 * 2.5
    else:  # propeller: blade-pass buzz
        ph = _phase(18.0 + 30.0 * level, sr)
        chop = 0.4 + 0.6 * (0.5 + 0.5 * np.sin(ph)) ** 3
        x = lowpass(noise(rng, n), 1800.0, sr) * chop * 1.5 + 0.3 * np.sin(ph * 4.0)
    return np.asarray(x, np.float32) * level


_GAIN = {"roll": 0.35, "slide": 0.25, "engine": 0.4, "flame": 0.3, "wind": 0.2,
         "water": 0.25, "wings": 0.35, "propeller": 0.35}


def render_continuous(sims: list[ShotSimulation], n: int, sr: int, seed: int,
                      pan_curve: PanCurveFn, muffle: Callable[[float], float]) -> np.ndarray:
    """Every continuous sound of the clip as a (2, n) float32 buffer."""
    out = np.zeros((2, n), np.float32)
    for sim in sims:
        start = int(np.rint(sim.start * sr))
        length = min(int(np.rint(len(sim.frames) / sim.fps * sr)), n - start)
        if length <= 0:
            continue
        for i, snd in enumerate(sim.continuous):
            lv = np.clip(np.asarray(snd.level, np.float64), 0.0, 1.0)
            if lv.size == 0 or float(lv.max()) <= 1e-4:
                continue
            level = _per_sample(lv, sim.fps, length, sr)
            rng = rng_for(seed, "continuous", sim.shot, i, snd.uid, snd.kind)
            mono = _source(snd, level, sr, rng) * (_GAIN.get(snd.kind, 0.3) * muffle(sim.start))
            pan = _per_sample(pan_curve(sim, np.asarray(snd.pan, np.float64)), sim.fps, length, sr)
            left, right = pan_gains(pan)
            out[0, start:start + length] += mono * left
            out[1, start:start + length] += mono * right
    return out
