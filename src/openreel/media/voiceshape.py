"""What a voice is like, measured one way wherever it was recorded: its pitch range and the
mean spectral envelope of its voiced sound (its vocal tract), by WORLD at 16 kHz.

A cameo's capture and the engine's base voices are measured here alike, so the difference
between two measurements is the difference between the voices, not between microphones,
sample rates or analysis settings.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass

import numpy as np
import soxr

RATE = 16_000  # what every voice is measured at
BANDS = 24  # bands of the envelope
_F0_FLOOR, _F0_CEIL = 60.0, 500.0
_TRACT_FROM_HZ = 150.0
_QUIETEST = 10 ** (-25 / 10)  # frames more than 25 dB under the loudest are not measured


def band_edges(top_hz: float = RATE / 2, bins: int = 512) -> list[float]:
    """The frequency edges (Hz) of the envelope's bands: geometric from the first bin of a
    ``bins``-bin spectrum up to ``top_hz``."""
    step = top_hz / bins
    return [int(bins ** (k / BANDS) + 1e-9) * step for k in range(BANDS + 1)]


def band_centres() -> np.ndarray:
    """Each band's centre frequency (Hz), on a log-frequency axis."""
    edges = np.asarray(band_edges())
    return np.sqrt(np.maximum(edges[:-1], 1.0) * edges[1:])


def tract_bands() -> np.ndarray:
    """Which bands describe the vocal tract (booleans): those under 150 Hz hold the pitch's
    first harmonics instead."""
    return np.asarray(band_edges()[:-1]) >= _TRACT_FROM_HZ


def bands_of(log_envelope: np.ndarray, rate: int) -> np.ndarray:
    """A log spectral envelope (bins from 0 Hz to ``rate`` / 2) averaged into the bands."""
    step = rate / 2 / (len(log_envelope) - 1)
    edges = [round(hz / step) for hz in band_edges()]
    return np.array([log_envelope[a:max(b, a + 1)].mean() for a, b in itertools.pairwise(edges)])


@dataclass(frozen=True)
class Measured:
    """A voice's pitch range (Hz) and mean log envelope by band."""

    f0_median: float
    f0_low: float  # 10th percentile of the voiced frames
    f0_high: float  # 90th percentile
    envelope: tuple[float, ...]


def measure(samples: np.ndarray, rate: int) -> Measured:
    """Measure mono ``samples`` at ``rate``; ValueError when nothing in them is voiced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyworld imports pkg_resources, which warns
        import pyworld

    x = np.asarray(samples, np.float32)
    if rate != RATE:
        x = soxr.resample(x, rate, RATE)
    x64 = np.ascontiguousarray(x, np.float64)
    # harvest, not dio: on a voice whose fundamental is weak against its second harmonic
    # (a deep man's voice) dio reads the harmonic, an octave high, for many frames
    f0, t = pyworld.harvest(x64, RATE, f0_floor=_F0_FLOOR, f0_ceil=_F0_CEIL)
    envelope = pyworld.cheaptrick(x64, f0, t, RATE)
    # voiced, and loud enough to be the voice itself: breath and creak at the edges of the
    # speech read as very low, weak "voiced" frames and would widen the range and tilt the
    # envelope
    power = envelope.sum(axis=1)
    voiced = (f0 > 0) & (power > _QUIETEST * power[f0 > 0].max(initial=0.0))
    if not voiced.any():
        raise ValueError("no voiced sound to measure")
    bands = bands_of(np.log(envelope[voiced] + 1e-12).mean(axis=0), RATE)
    return Measured(float(np.median(f0[voiced])), float(np.percentile(f0[voiced], 10)),
                    float(np.percentile(f0[voiced], 90)), tuple(float(b) for b in bands))
