"""Peak-pair landmarks of a soundtrack: a sound fingerprint that survives speed and pitch
changes, music mixed over it, telephone band and short excerpts.

The Haitsma–Kalker sub-fingerprints of :mod:`openreel.provenance.fingerprint` compare the
sound's whole spectrum hop by hop: music mixed over it at equal loudness, or the bands
moving by a semitone, change every sub-fingerprint. Landmarks (as in Wang's 2003 Shazam
paper) keep only the strongest spectral peaks and hash pairs of nearby peaks: whatever is
mixed in adds peaks of its own, but those of the copy remain, and one copy's pairs agree on
one time offset where chance hits scatter.

Frequencies are taken on a log scale (``BINS_PER_OCTAVE``), so that a pitch change moves
every peak by the same number of bins and leaves the distance between two peaks alone; a
pair's hash holds the first peak's bin, the distance to the second and the time between
them. A copy played faster or slower, or pitched up or down, is looked up by undoing a grid
of such changes on its pairs before hashing (:func:`hashes`): the stored side is hashed
once, as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import cv2
import numpy as np
import soxr

RATE = Fraction(11_025, 2)  # mono rate the sound is analysed at
FRAME = 1024  # STFT window (186 ms)
HOP = 128  # 23.2 ms between frames
LOW_HZ, HIGH_HZ = 150.0, 2_500.0  # telephone band and most of what voices and music put there
BINS_PER_OCTAVE = 24  # log-frequency bins (a quarter tone each)
PEAKS_PER_SECOND = 50
_NEIGHBOURHOOD = (15, 9)  # (frequency bins, frames) a peak must be the largest in
_FAN_OUT = 6  # pairs per anchor peak, the nearest in time
MAX_DT = 40  # frames (0.93 s) between a pair's peaks at most
DT_STEP = 1  # frames a pair's time apart is rounded to: a re-timed copy's peaks jitter
MAX_DF = 24  # log bins (an octave) between a pair's peaks at most
_OCTAVES = float(np.log2(HIGH_HZ / LOW_HZ))
HOP_S = HOP / float(RATE)


@dataclass(frozen=True)
class Pairs:
    """Pairs of spectral peaks, before hashing: the first peak's log-frequency bin (a
    float), the second's distance from it in bins, the frames between them, and the first
    peak's frame."""

    f1: np.ndarray  # float32
    df: np.ndarray  # float32
    dt: np.ndarray  # float32
    t: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.t)


def pairs(samples: np.ndarray, rate: int) -> Pairs:
    """The peak pairs of (n,) or (n, channels) audio at ``rate``."""
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    low = soxr.resample(np.asarray(mono, np.float64), rate, float(RATE))
    n = (len(low) - FRAME) // HOP + 1
    if n < 2:
        return _no_pairs()
    windows = np.lib.stride_tricks.sliding_window_view(low, FRAME)[::HOP][:n]
    spectrum = np.abs(np.fft.rfft(windows * np.hanning(FRAME), axis=1)).T  # (bins, frames)
    hz = np.arange(spectrum.shape[0]) * float(RATE) / FRAME
    band = (hz >= LOW_HZ) & (hz <= HIGH_HZ)
    level = (20 * np.log10(spectrum[band] + 1e-9)).astype(np.float32)
    # a peak is the largest in its neighbourhood (a grey dilation is a maximum filter)
    largest = cv2.dilate(level, np.ones(_NEIGHBOURHOOD, np.uint8),
                         borderType=cv2.BORDER_REPLICATE)
    peaks = (level == largest) & (level > level.max() - 60)  # not the floor of silence
    freq_bin, frame = np.nonzero(peaks)
    if not len(frame):
        return _no_pairs()
    # keep the strongest, PEAKS_PER_SECOND on average over the sound
    strength = level[freq_bin, frame]
    keep = np.argsort(-strength)[:max(1, round(PEAKS_PER_SECOND * n * HOP_S))]
    freq_bin, frame = freq_bin[keep], frame[keep]
    # the peak's frequency between FFT bins (a parabola through its neighbours), on a log scale
    first = int(np.argmax(band))
    below = level[np.clip(freq_bin - 1, 0, len(level) - 1), frame]
    above = level[np.clip(freq_bin + 1, 0, len(level) - 1), frame]
    centre = level[freq_bin, frame]
    bend = below - 2 * centre + above
    shift = np.where(bend < 0, 0.5 * (below - above) / np.where(bend < 0, bend, -1), 0.0)
    exact_hz = (first + freq_bin + np.clip(shift, -0.5, 0.5)) * float(RATE) / FRAME
    log_bin = BINS_PER_OCTAVE * np.log2(exact_hz / LOW_HZ)
    order = np.lexsort((log_bin, frame))
    log_bin, frame = log_bin[order], frame[order]
    return _pair_up(log_bin.astype(np.float32), frame.astype(np.int32))


def _pair_up(log_bin: np.ndarray, frame: np.ndarray) -> Pairs:
    """Each peak with up to _FAN_OUT later ones close in time and frequency."""
    f1, df, dt, t = [], [], [], []
    for step in range(1, 4 * _FAN_OUT + 1):  # candidates among the next peaks in time order
        later_bin, later_frame = log_bin[step:], frame[step:]
        gap = later_frame - frame[:-step] if step < len(frame) else np.zeros(0, np.int32)
        if not len(gap):
            break
        apart = later_bin - log_bin[:-step]
        ok = (gap >= 1) & (gap <= MAX_DT) & (np.abs(apart) <= MAX_DF)
        f1.append(log_bin[:-step][ok])
        df.append(apart[ok])
        dt.append(gap[ok].astype(np.float32))
        t.append(frame[:-step][ok])
    if not t:
        return _no_pairs()
    out = Pairs(np.concatenate(f1), np.concatenate(df), np.concatenate(dt), np.concatenate(t))
    # at most _FAN_OUT pairs per anchor: the nearest in time
    order = np.lexsort((out.dt, out.t))
    anchors = out.t[order]
    rank = np.arange(len(anchors)) - np.searchsorted(anchors, anchors, "left")
    chosen = order[rank < _FAN_OUT]
    return Pairs(out.f1[chosen], out.df[chosen], out.dt[chosen], out.t[chosen])


def _no_pairs() -> Pairs:
    empty = np.zeros(0, np.float32)
    return Pairs(empty, empty, empty, np.zeros(0, np.int32))


def hashes(found: Pairs, pitch: float = 1.0, tempo: float = 1.0) -> tuple[np.ndarray,
                                                                           np.ndarray]:
    """(hash, anchor frame) of each pair, as the sound was before its pitch was multiplied
    by ``pitch`` and its pace by ``tempo`` (a copy played 2 % fast: both 1.02)."""
    f1 = np.round(found.f1 - BINS_PER_OCTAVE * np.log2(pitch)).astype(np.int64)
    df = np.round(found.df).astype(np.int64)
    dt = np.round(found.dt * tempo / DT_STEP).astype(np.int64)
    t = np.round(found.t * tempo).astype(np.int64)
    ok = (f1 >= 0) & (f1 < 256) & (dt >= 1) & (dt < 64) & (np.abs(df) <= MAX_DF)
    key = (f1[ok] << 14) | ((df[ok] + 64) << 6) | dt[ok]
    return key.astype(np.uint32), t[ok].astype(np.int32)


# The changes a copy's sound is looked up under: as it is; played faster or slower (pitch
# and pace together, as a sped-up video's sound) by up to 10 % in 1 % steps; pitched up or
# down by up to two semitones in quarter tones; paced by up to 10 % with its pitch kept.
_SPEED_STEP = 0.01  # the grid's step of speed and of pace
_PITCH_STEP = 2 ** (1 / 24)  # its step of pitch: a quarter tone
GRID: tuple[tuple[float, float], ...] = (
    (1.0, 1.0),
    *((s, s) for s in np.round(np.arange(0.90, 1.105, _SPEED_STEP), 3) if s != 1.0),
    *((float(2 ** (k / 24)), 1.0) for k in (-4, -3, -2, -1, 1, 2, 3, 4)),
    *((1.0, s) for s in np.round(np.arange(0.90, 1.105, _SPEED_STEP), 3) if s != 1.0),
)


def change_words(pitch: float, tempo: float) -> str:
    """ "played 2 % faster", "pitched down 2 semitones", "paced 10 % slower, pitch kept"."""
    if pitch == tempo == 1.0:
        return ""
    if pitch == tempo:
        return f"played {abs(round(100 * (tempo - 1)))} % {'faster' if tempo > 1 else 'slower'}"
    if tempo == 1.0:
        steps = round(abs(12 * float(np.log2(pitch))), 1)
        return (f"pitched {'up' if pitch > 1 else 'down'} {steps:g} semitone"
                f"{'s' if steps != 1 else ''}")
    return (f"paced {abs(round(100 * (tempo - 1)))} % {'faster' if tempo > 1 else 'slower'}, "
            "pitch kept")


def around(change: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """``change`` (a point of GRID) and the grid's next step on either side of it, of the
    same kind (speed, pitch or pace), nearest first: the landmarks may hear a change a step
    off (a 10 % faster pace as 9 %), where a detector reading the sound needs it closer."""
    pitch, tempo = (float(f) for f in change)
    if pitch == tempo:
        steps = [(pitch + d, tempo + d) for d in (-_SPEED_STEP, _SPEED_STEP)]
    elif tempo == 1.0:
        steps = [(pitch / _PITCH_STEP, 1.0), (pitch * _PITCH_STEP, 1.0)]
    else:
        steps = [(1.0, tempo - _SPEED_STEP), (1.0, tempo + _SPEED_STEP)]
    return ((pitch, tempo), *(step for step in steps if step != (1.0, 1.0)))
