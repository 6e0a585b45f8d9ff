"""Invisible audio watermark: a 64-bit payload hidden in a soundtrack's 0.56–3.9 kHz band.

Scheme (spread-transform dither modulation on log band energies):

* The mid channel is cut into an STFT grid (1024-point sqrt-Hann, hop 512 at 48 kHz).
  Two frames make a *slot* (21.3 ms); two bins make a *band* (94 Hz); a slot × band is
  a *tile*, 36 bands of 2 bins from 0.56 to 3.9 kHz. The band stops below 4 kHz because
  AAC at 96 kbps keeps about 17 dB SNR under 4 kHz but under 10 dB above it.
* The payload and its CRC-32 go through the rate-1/3 convolutional code of ``_coding``
  (306 coded bits), key-interleaved onto 34 *symbols* of 4 slots × 36 bands = 144 tiles,
  9 bits per symbol, 16 tiles per bit in a key-chosen pattern. One frame is 136 slots
  (2.90 s) and repeats cyclically through the whole soundtrack, so any excerpt of about
  3.1 s carries every bit at least once, and longer ones carry it several times.
* A bit is the projection of its tiles' log energies onto a zero-sum ±1 key vector,
  quantised onto one of two interleaved dithered lattices (step ``_STEP``). The host's
  own projection is cancelled rather than fought (informed embedding), and the change is
  a gain of a few percent on each tile, so the mark lives *inside* the music's spectrum:
  louder where the music is louder, absent in silence, never touching other bands.
  Zero-sum projections ignore overall level changes. Bits in loud passages cost the most
  energy to move; ``_plan`` spends an SNR budget where it buys the most reliability and
  leaves the rest to the code.
* The detector resamples to 48 kHz, mixes to mono, computes the STFT with hop 128, sums
  each coded bit's soft readings over all its occurrences, and Viterbi-decodes every
  alignment (8 sub-slot offsets × 136 cyclic slot phases) in one batch.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import soxr

from openreel.provenance import _coding

PAYLOAD_BYTES = 8
RATE = 48_000
_N_FFT = 1024
_HOP = 512
_SLOT = 2 * _HOP  # samples per slot
_FIRST_BIN = 12  # 562 Hz
_BINS_PER_BAND = 2
_BANDS = 36
_SLOTS_PER_SYMBOL = 4
_TILES = _SLOTS_PER_SYMBOL * _BANDS
_CRC_BITS = 32
_INFO_BITS = _coding.info_length(PAYLOAD_BYTES, _CRC_BITS)
_CODED_BITS = _INFO_BITS * _coding.RATE  # 306
_BITS_PER_SYMBOL = 9
_SYMBOLS = _CODED_BITS // _BITS_PER_SYMBOL  # 34
_FRAME_SLOTS = _SYMBOLS * _SLOTS_PER_SYMBOL  # 136 slots, 2.90 s
_STEP = 0.55  # lattice step, natural log of energy
_EMBED_PASSES = 4
_MAX_PUSH = 2.0  # cap on a bit's log-gain change per pass
_FLOOR = 1.0  # tile energy floor, relative to its band's mean: tames codec holes
_PLAN_SNR_DB = 25.3  # what the embedder aims at
_PLAN_NOISE = 0.06  # AAC 96k's noise on a projection, natural log of energy
_MIN_SNR_DB = 25.0  # the whole change is scaled down to keep at least this SNR
_DETECT_HOP = 128
_SUB_OFFSETS = _SLOT // _DETECT_HOP
_ALIGNMENTS = _SUB_OFFSETS * _FRAME_SLOTS  # every alignment the detector decodes
FALSE_POSITIVE_BOUND = _ALIGNMENTS * 2.0 ** -_CRC_BITS  # 2.5e-7
_SILENCE_RMS = 1e-5


@dataclass(frozen=True)
class AudioDetection:
    """What ``detect`` found: the payload (None when absent), how sure, coded-bit errors."""

    payload: bytes | None
    confidence: float
    bit_errors: int | None


@dataclass(frozen=True)
class _KeyPattern:
    """Everything the key decides: tile→bit map, projection signs, dithers, interleaver."""

    weights: np.ndarray  # (symbols, bits per symbol, tiles): ±1/16 on the bit's tiles
    signs: np.ndarray  # (symbols, tiles): ±1 sign of each tile in its bit's projection
    owner: np.ndarray  # (symbols, tiles): which bit of the symbol each tile belongs to
    dither: np.ndarray  # (symbols, bits per symbol) in [0, step)
    coded: np.ndarray  # (symbols, bits per symbol): which coded bit each one carries


@functools.lru_cache(maxsize=8)
def _pattern(key: int) -> _KeyPattern:
    rng = np.random.default_rng(np.random.SeedSequence([key % (1 << 128), 0x6F72_6D61]))
    per_bit = _TILES // _BITS_PER_SYMBOL
    owner = np.stack([rng.permutation(np.repeat(np.arange(_BITS_PER_SYMBOL), per_bit))
                      for _ in range(_SYMBOLS)])
    signs = np.empty((_SYMBOLS, _TILES))
    for s in range(_SYMBOLS):
        for b in range(_BITS_PER_SYMBOL):
            tiles = np.flatnonzero(owner[s] == b)
            signs[s, tiles] = rng.permutation(np.repeat([1.0, -1.0], per_bit // 2))
    onehot = owner[:, None, :] == np.arange(_BITS_PER_SYMBOL)[None, :, None]
    weights = onehot * signs[:, None, :] / per_bit
    dither = rng.uniform(0.0, _STEP, (_SYMBOLS, _BITS_PER_SYMBOL))
    coded = rng.permutation(_CODED_BITS).reshape(_SYMBOLS, _BITS_PER_SYMBOL)
    return _KeyPattern(weights, signs, owner, dither, coded)


def _codeword_bits(payload: bytes, pattern: _KeyPattern) -> np.ndarray:
    """(symbols, bits per symbol) 0/1: the coded bit each symbol position carries."""
    return _coding.encode(payload, _CRC_BITS)[pattern.coded]


# -- signal plumbing -------------------------------------------------------------------------
def _window() -> np.ndarray:
    return np.sqrt(np.hanning(_N_FFT + 1)[:-1])  # periodic: w² overlap-adds to 1 at hop N/2


def _stft(x: np.ndarray, hop: int) -> np.ndarray:
    """(frames, bins) spectrum of a 1-D signal; frame m starts at sample m*hop."""
    if len(x) < _N_FFT:
        return np.zeros((0, _N_FFT // 2 + 1), np.complex128)
    frames = np.lib.stride_tricks.sliding_window_view(x, _N_FFT)[::hop]
    return np.fft.rfft(frames * _window(), axis=1)


def _istft(spec: np.ndarray, length: int) -> np.ndarray:
    frames = np.fft.irfft(spec, n=_N_FFT, axis=1) * _window()
    out = np.zeros(max(length, len(spec) * _HOP + _N_FFT))
    for m, frame in enumerate(frames):
        out[m * _HOP:m * _HOP + _N_FFT] += frame
    return out[:length]


def _band_energy(spec: np.ndarray) -> np.ndarray:
    """(frames, bands) energy of the watermark bands."""
    stop = _FIRST_BIN + _BANDS * _BINS_PER_BAND
    power = np.abs(spec[:, _FIRST_BIN:stop]) ** 2
    return power.reshape(len(spec), _BANDS, _BINS_PER_BAND).sum(axis=2)


def _tile_energy(frame_energy: np.ndarray) -> np.ndarray:
    """(slots, bands) energy of consecutive frame pairs."""
    slots = len(frame_energy) // 2
    return frame_energy[:2 * slots].reshape(slots, 2, _BANDS).sum(axis=1)


def _floor(tiles: np.ndarray) -> np.ndarray:
    """Energy floor added before the log, so near-empty tiles weigh little.

    ``tiles`` is (occurrences, slots per symbol, bands); the floor is each band's mean
    within its own symbol, so embedder and detector agree whatever the excerpt.
    """
    return _FLOOR * tiles.mean(axis=1, keepdims=True) + 1e-20


def _to_rate(x: np.ndarray, src: float, dst: int) -> np.ndarray:
    if src == dst or len(x) == 0:
        return x
    return np.asarray(soxr.resample(np.ascontiguousarray(x, np.float64), src, dst, "VHQ"),
                      np.float64)


def _as_channels(samples: np.ndarray) -> np.ndarray:
    x = np.asarray(samples, dtype=np.float64)
    if x.ndim == 1:
        return x[:, None]
    if x.ndim != 2:
        raise ValueError("samples must be (n,) or (n, channels)")
    return x


# -- embedding -------------------------------------------------------------------------------
def embed(samples: np.ndarray, sample_rate: int, payload: bytes, key: int) -> np.ndarray:
    """Return ``samples`` with ``payload`` (8 bytes) hidden under ``key``; same shape, float32."""
    if len(payload) != PAYLOAD_BYTES:
        raise ValueError(f"payload must be {PAYLOAD_BYTES} bytes, got {len(payload)}")
    original = np.asarray(samples)
    x = _as_channels(original)
    if len(x) == 0:
        return original.astype(np.float32, copy=True)
    pattern = _pattern(key)
    bits = _codeword_bits(payload, pattern)
    work = _to_rate(x, sample_rate, RATE)
    diff = _watermark(work, bits, pattern)
    if sample_rate != RATE:
        diff = _to_rate(diff, RATE, sample_rate)[:len(x)]
        diff = np.pad(diff, ((0, len(x) - len(diff)), (0, 0)))
    host, noise = float(np.sum(x ** 2)), float(np.sum(diff ** 2))
    if noise > 0 and 10 * math.log10(host / noise) < _MIN_SNR_DB:
        diff *= math.sqrt(host / noise * 10 ** (-_MIN_SNR_DB / 10))
    return (x + diff).astype(np.float32).reshape(original.shape)


def _watermark(x: np.ndarray, bits: np.ndarray, pattern: _KeyPattern) -> np.ndarray:
    """The additive (n, ch) change that writes ``bits`` into ``x`` (48 kHz)."""
    specs = [_stft(np.pad(x[:, c], (0, _N_FFT)), _HOP) for c in range(x.shape[1])]
    mid = np.mean(specs, axis=0)
    host = _tile_energy(_band_energy(mid))
    occurrences = len(host) // _SLOTS_PER_SYMBOL
    if occurrences == 0 or float(np.mean(host)) == 0.0:
        return np.zeros_like(x)
    symbol = np.arange(occurrences) % _SYMBOLS
    weights, signs = pattern.weights[symbol], pattern.signs[symbol]
    owner = pattern.owner[symbol]
    offset = pattern.dither[symbol] + bits[symbol] * (_STEP / 2)
    used = occurrences * _SLOTS_PER_SYMBOL
    stop = _FIRST_BIN + _BANDS * _BINS_PER_BAND
    target: np.ndarray | None = None
    power = sum(np.abs(spec) ** 2 for spec in specs)  # host energy, channels together
    tile_power = _tile_energy(_band_energy(power ** 0.5 + 0j))[:used]
    budget = float(np.sum(power)) * 10 ** (-_PLAN_SNR_DB / 10)
    log_gain = np.zeros((used, _BANDS))  # natural log of the energy gain of each tile
    diff = np.zeros_like(x)
    for _ in range(_EMBED_PASSES):
        marked = _stft(np.pad(x.mean(axis=1) + diff.mean(axis=1), (0, _N_FFT)), _HOP)
        energy = _tile_energy(_band_energy(marked))[:used]
        energy = energy.reshape(occurrences, _SLOTS_PER_SYMBOL, _BANDS)
        floor = _floor(energy)
        f = np.log(energy + floor).reshape(occurrences, _TILES)
        proj = np.einsum("kbt,kt->kb", weights, f)
        # Energy-optimal spreading: a tile's log-gain goes as 1 / (E + floor), so quiet
        # tiles move more in relative terms and loud ones (which cost the most) less.
        share = (floor / (energy + floor)).reshape(occurrences, _TILES)
        slope = (energy / (energy + floor)).reshape(occurrences, _TILES)
        moved = np.einsum("kbt,kt->kb", np.abs(weights), share * slope)
        if target is None:
            e = (proj - offset) / _STEP
            e -= np.round(e)  # lattice steps past the nearest point of the bit's lattice
            # energy cost of moving each bit's projection by one lattice step
            per_tile = tile_power.reshape(occurrences, _TILES) * share ** 2 / 4
            cost = (_STEP / np.maximum(moved, 1e-3)) ** 2 * np.einsum(
                "kbt,kt->kb", np.abs(weights) > 0, per_tile)
            kept = _plan(np.abs(e), cost, budget)
            target = proj - (e - np.sign(e) * kept) * _STEP
        push = np.clip((target - proj) / np.maximum(moved, 1e-3), -_MAX_PUSH, _MAX_PUSH)
        step = np.take_along_axis(push, owner, axis=1) * signs * share
        log_gain += step.reshape(used, _BANDS)
        gain = np.exp(log_gain / 2) - 1.0  # amplitude change per tile
        change = np.zeros((len(mid), _N_FFT // 2 + 1))
        change[:2 * used, _FIRST_BIN:stop] = np.repeat(np.repeat(gain, 2, axis=0),
                                                       _BINS_PER_BAND, axis=1)
        diff = np.stack([_istft(change * spec, len(x) + _N_FFT)[:len(x)] for spec in specs],
                        axis=1)
    return diff


def _plan(offset: np.ndarray, cost: np.ndarray, budget: float) -> np.ndarray:
    """How far (lattice steps) each bit may stay from its lattice point, within ``budget``.

    A bit left ``r`` steps from its point is misread after AAC with probability about
    ``Q((1/4 - r) / sigma)``; moving it there from ``offset`` costs ``cost * (offset - r)²``.
    The total cost is minimised against the misread bits: expensive bits (loud passages)
    are moved part of the way or not at all, and the convolutional code repairs them.
    """
    grid = np.linspace(0.0, 0.5, 51)
    stay = np.minimum(grid[None, :], offset.ravel()[:, None])  # never pushed away
    sigma = _PLAN_NOISE / _STEP
    from scipy.special import erfc  # here: verifying never plans, and it loads slowly

    misread = 0.5 * erfc((0.25 - stay) / (sigma * math.sqrt(2)))
    spend = cost.ravel()[:, None] * (offset.ravel()[:, None] - stay) ** 2
    if float(np.sum(spend[:, 0])) <= budget:
        return np.zeros_like(offset)
    low, high = -12.0, 12.0  # log10 of the price of energy
    for _ in range(40):
        price = 10 ** ((low + high) / 2)
        pick = np.argmin(misread + price * spend, axis=1)
        if float(np.sum(spend[np.arange(len(pick)), pick])) > budget:
            low = (low + high) / 2
        else:
            high = (low + high) / 2
    pick = np.argmin(misread + 10 ** high * spend, axis=1)
    return stay[np.arange(len(pick)), pick].reshape(offset.shape)


# -- detection -------------------------------------------------------------------------------
def detect(samples: np.ndarray, sample_rate: float, key: int,
           change: tuple[float, float] = (1.0, 1.0)) -> AudioDetection:
    """Look for a payload written under ``key``; ``payload`` is None when none is found.

    ``change``: (pitch, tempo) factors the copy's sound went through (as
    ``landmarks.GRID`` names them), undone before reading: the pitch by taking the samples
    at ``sample_rate / pitch`` (which moves every frequency back, and the time with it),
    then what is left of the tempo by resampling the band energies in time. A copy played
    10 % faster (pitch and pace together, (1.1, 1.1)) needs only the first; one paced 10 %
    faster with its pitch kept (1.0, 1.1) only the second. Within half a percent of the
    true change the mark still reads.

    False positives: on audio not marked with ``key`` the decoded word of an alignment is
    a payload and CRC-32 that agree only by chance, 2**-32 for any fixed decoded word.
    Every call decodes at most 1,088 alignments, so by the union bound a call reports a
    payload in unmarked audio with probability at most 1,088 * 2**-32 = 2.5e-7, below the
    one-in-a-million target. ``confidence`` is one minus that bound.
    """
    x = _as_channels(samples)
    if len(x) == 0 or sample_rate <= 0:
        return AudioDetection(None, 0.0, None)
    pitch, tempo = change
    if pitch <= 0 or tempo <= 0:
        raise ValueError(f"a change's factors must be positive, got {change}")
    mono = _to_rate(x.mean(axis=1), sample_rate / pitch, RATE)
    if len(mono) < _N_FFT or float(np.sqrt(np.mean(mono ** 2))) < _SILENCE_RMS:
        return AudioDetection(None, 0.0, None)
    energy = _band_energy(_stft(mono, _DETECT_HOP))
    if tempo != pitch:
        energy = _stretched(energy, tempo / pitch)
    pattern = _pattern(key)
    softs = [soft for sub in range(_SUB_OFFSETS)
             for soft in _soft_bits(_tile_energy(energy[sub::_HOP // _DETECT_HOP]), pattern)]
    if not softs:
        return AudioDetection(None, 0.0, None)
    soft = np.concatenate(softs)  # (alignments, coded bits); positive means 1
    info = _coding.viterbi(soft)
    best: tuple[float, bytes, int] | None = None
    for row in range(len(soft)):
        payload = _coding.check(info[row], PAYLOAD_BYTES, _CRC_BITS)
        if payload is None:
            continue
        signs = _coding.encode(payload, _CRC_BITS).astype(np.float64) * 2 - 1
        fit = float(signs @ soft[row])
        if best is None or fit > best[0]:
            best = (fit, payload, int(np.count_nonzero(signs * soft[row] < 0)))
    if best is None:
        return AudioDetection(None, 0.0, None)
    return AudioDetection(best[1], 1.0 - FALSE_POSITIVE_BOUND, best[2])


def _stretched(energy: np.ndarray, factor: float) -> np.ndarray:
    """STFT rows ``energy`` of a copy paced ``factor`` times faster, at the original's
    pace: row ``j`` of the original is row ``j / factor`` of the copy (interpolated)."""
    n = len(energy)
    if n < 2:
        return energy
    at = np.arange(int((n - 1) * factor) + 1) / factor
    low = np.minimum(at.astype(np.int64), n - 2)
    frac = (at - low)[:, None]
    return energy[low] * (1 - frac) + energy[low + 1] * frac


def _metric(phase: np.ndarray) -> np.ndarray:
    """Soft value of a bit read ``phase`` lattice steps past its 0 point: + for 1, - for 0.

    The cosine is the matched statistic for a dithered lattice under small noise; summed
    over a bit's occurrences it weighs a clear reading more than a doubtful one.
    """
    return -np.cos(2 * np.pi * phase)


def _soft_bits(tiles: np.ndarray, pattern: _KeyPattern) -> list[np.ndarray]:
    """(frame phases, coded bits) soft values for each symbol start of this slot grid.

    Every complete symbol in the excerpt is read under each of the 34 symbols it could be;
    the soft values of all occurrences of a coded bit are summed before decoding.
    """
    out = []
    for start in range(_SLOTS_PER_SYMBOL):
        count = (len(tiles) - start) // _SLOTS_PER_SYMBOL
        if count <= 0:
            continue
        e = tiles[start:start + count * _SLOTS_PER_SYMBOL].reshape(count, _SLOTS_PER_SYMBOL,
                                                                  _BANDS)
        f = np.log(e + _floor(e)).reshape(count, _TILES)
        proj = np.einsum("sbt,kt->ksb", pattern.weights, f)  # every occurrence × symbol
        weight = (np.ptp(f, axis=1) > 1e-6).astype(float)  # floor only: no information
        cos = _metric((proj - pattern.dither) / _STEP) * weight[:, None, None]
        rounds = -(-count // _SYMBOLS)
        cos = np.pad(cos, ((0, rounds * _SYMBOLS - count), (0, 0), (0, 0)))
        folded = cos.reshape(rounds, _SYMBOLS, _SYMBOLS, _BITS_PER_SYMBOL).sum(axis=0)
        seen = np.pad(weight, (0, rounds * _SYMBOLS - count)).reshape(rounds, _SYMBOLS).sum(0)
        # occurrence k is symbol (k + shift) mod 34 under frame phase ``shift``
        shift = np.arange(_SYMBOLS)[:, None]
        symbol = np.arange(_SYMBOLS)[None, :]
        first = (symbol - shift) % _SYMBOLS
        per_symbol = folded[first, symbol]  # (shifts, symbols, bits per symbol)
        complete = np.all(seen[first] > 0, axis=1)
        soft = np.zeros((_SYMBOLS, _CODED_BITS))
        soft[:, pattern.coded.ravel()] = per_symbol.reshape(_SYMBOLS, -1)
        out.append(soft[complete])
    return out
