"""Modal synthesis: a struck object rings as a few damped sinusoids plus a burst of noise."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from openreel.engines.procedural.audio.dsp import attack, bandpass, exp_decay, rng_for
from openreel.engines.procedural.materials import material

_REF_SIZE = 0.3  # materials.modes are given for an object of this size


@lru_cache(maxsize=512)
def strike(mat: str, size: float, sr: int, variant: int = 0) -> np.ndarray:
    """One hit on an object of material ``mat`` and ``size`` metres, peak ≈ 1, float32 mono."""
    m = material(mat)
    rng = rng_for(variant, "strike", mat, round(size, 2))
    scale = (_REF_SIZE / max(size, 0.02)) ** 0.6  # bigger objects ring lower
    t60 = max(m.decay * (max(size, 0.02) / _REF_SIZE) ** 0.3, 0.015)
    n = int(sr * min(3.0, t60 * 1.1 + 0.03))
    t = np.arange(n, dtype=np.float32) / sr
    out = np.zeros(n, np.float32)
    tonal = 1.0 - m.noise
    # Lossy materials (wood, stone) lose their upper partials fast and weakly excite them;
    # stiff, low-loss ones (metal, glass) keep them: that is most of why metal sounds bright.
    rolloff = 0.3 + 1.5 * m.noise
    damping = 0.15 + 1.5 * m.noise
    for i, f in enumerate(m.modes):
        freq = float(np.clip(f * scale * rng.uniform(0.97, 1.03), 35.0, sr * 0.45))
        amp = tonal / (1.0 + i) ** rolloff * rng.uniform(0.8, 1.0)
        decay = exp_decay(n, sr, t60 / (1.0 + damping * i))
        out += amp * np.sin(2 * np.pi * freq * t + rng.uniform(0, 2 * np.pi)) * decay
    if m.noise > 0:
        k = min(n, int(sr * (0.012 + 0.05 * m.noise)))
        burst = rng.standard_normal(k).astype(np.float32) * exp_decay(k, sr, k / sr)
        centre = m.brightness * min(2.0, scale ** 0.5)
        burst = bandpass(burst, centre / 1.6, centre * 1.6, sr)
        out[:k] += m.noise * 1.5 * burst
    peak = float(np.max(np.abs(out))) or 1.0
    return attack(out / peak, sr)


def loudness(impulse: float) -> float:
    """Amplitude 0..1 for an impulse in N·s: logarithmic, like the ear."""
    return float(np.clip(0.35 + 0.22 * np.log10(max(impulse, 1e-5)), 0.03, 1.0))
