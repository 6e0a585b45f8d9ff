"""An invisible 64-bit mark in the picture that survives re-encoding, scaling, cropping and cuts.

How the mark is laid out
    The frame is divided into square blocks ``min(width, height) / 80`` pixels wide, so the
    layout is tied to the picture, not to a pixel count: a downscaled copy carries the same
    grid, only smaller. Blocks are grouped into tiles of 32 × 32 blocks repeated over the
    frame. Each block holds one chip: a smooth bump (a sine window, low/mid spatial
    frequency, which H.264 keeps) added to the luma with sign +1 or −1 and a strength set by
    perceptual masking (see ``masking``: about one level on flat picture, more where detail
    hides it). Of the 1,024 chips of a tile, 256 (chosen by the key) form a fixed keyed
    *sync* pattern; the other 768 carry the payload: its 64 bits, a CRC-16 of them and a
    6-bit zero tail go through a rate-1/3 convolutional code (constraint length 7,
    generators 133, 171, 165 octal), and each of the 258 coded bits is spread over 2 or 3
    chips whose signs are also scrambled by the key. Every frame gets the same pattern, so
    cutting frames from either end changes nothing and evidence adds up over a clip.

How it is found
    The luma of all frames is averaged, then for each candidate block size (the picture may
    have been cropped to anywhere between 50 % and 100 % of its short side, in 0.6 % steps)
    it is resampled to 4 samples per block, high-passed, divided by the residual's local
    strength and clipped (so busy picture and strong edges cannot dominate), matched-filtered
    with the bump and folded modulo the tile; row and column means of the fold (stripes,
    boards) are removed. One FFT then scores every cyclic offset of the sync pattern at
    once (32 × 32 blocks × 4 × 4 sub-block phases). The best candidate gives the alignment;
    the payload chips are read there as soft values, a Viterbi decoder finds the most likely
    coded word (it typically corrects 10–15 % wrong coded bits) and the CRC must match.
    Re-posts (``detect_reposted``) are searched further: mirrored and quarter-turned views
    of the same fold, the picture cut out of bars, a border or a blurred copy of itself, and
    a copy rotated a few degrees, stretched or skewed, whose grid is found again from the
    picture's autocorrelation (the tile repeats) and mapped back to square.

Why an unmarked picture is flagged at most once in a million
    For one candidate alignment let ``x_i`` be the folded value under sync chip ``i`` and
    ``c_i = ±1`` the keyed chip. The score is the self-normalised correlation
    ``z = Σ c_i x_i / sqrt(Σ x_i²)``. In a picture that carries no mark the ``x_i`` do not
    depend on the key, and the key's chips are independent fair signs, so by Hoeffding's
    inequality for Rademacher sums ``P(z ≥ t) ≤ exp(−t²/2)`` whatever the picture is: no
    Gaussian assumption and no estimate of the noise. The detector tries
    ``K = scales × 128 × 128`` candidates, so by the union bound
    ``P(max z ≥ t) ≤ K · exp(−t²/2)``. With K ≈ 2.0 million the threshold
    ``t = sqrt(2 · ln(K / 1e-6)) ≈ 7.5`` keeps that below 10⁻⁶. A false payload further needs
    the decoded bits to pass the CRC-16, which bits decoded from a picture without the mark
    do with probability 2⁻¹⁶, so the real rate is far lower than the bound. (The CRC also
    keeps a damaged copy of a real mark from being read as a wrong payload.)
    ``confidence`` is ``1 − K · exp(−z²/2)`` (floored at 0): one minus that bound.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from openreel.provenance import _coding, framing

PAYLOAD_BYTES = 8
BLOCKS_ACROSS = 80  # blocks along the short side of the marked frame
TILE = 32  # tile side, in blocks
SAMPLES = 4  # detection samples per block side
# Perceptual masking: how strong a chip is depends on what is under it. On flat areas
# (skies, walls) a stronger change starts to show as a dotted screen, so chips there stay at
# FLAT_AMPLITUDE; where the picture has detail at the mark's own scale the change hides in
# it and grows by TEXTURE_GAIN per level of that detail, up to MAX_AMPLITUDE. Frames that
# are mostly large smooth shapes (a close framing of one emoji-drawn subject) carry the
# payload through the harshest combined edits only from about 2.4 levels (1.6 lost it).
FLAT_AMPLITUDE = 2.4  # peak luma change of a chip on flat picture, in 8-bit levels
TEXTURE_GAIN = 4.0
MAX_AMPLITUDE = 10.0
MASK_EVERY = 6  # frames between two updates of the masking (pictures change slowly)
FALSE_POSITIVE_TARGET = 1e-6
# Of that bound, the share spent on copies mirrored or turned by quarter turns (VIEWS):
# those are searched at a slightly higher threshold so the two searches together keep it.
TURNED_SHARE = 0.2
MIN_KEEP, SCALE_STEP = 0.5, 1.006  # crops down to half the short side, 0.6 % steps
_CRC_BITS = 16  # the payload code: see _coding (rate 1/3, constraint length 7)
_TAIL = _coding.TAIL
_INFO_BITS = _coding.info_length(PAYLOAD_BYTES, _CRC_BITS)
_CODED_BITS = _INFO_BITS * _coding.RATE
_CHIPS = TILE * TILE
_SYNC_CHIPS = 256
_WORK_SIDE = 320  # short side the averaged luma is reduced to before the search
_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)
_REFINE = 4  # finer scale steps tried on each side of the best coarse one
_LOCAL_SIGMA = 2.0  # detection samples over which the residual's local strength is taken
_LOCAL_FLOOR = 0.5  # 8-bit levels added to that strength (flat picture is not blown up)
_CLIP = 1.5  # the whitened residual is clipped to this many local RMS


@dataclass(frozen=True)
class PictureDetection:
    """What ``detect`` found.

    ``payload`` is None when no mark was found (or its bits could not be corrected);
    ``bit_errors`` counts coded bits that the decoder corrected.
    """

    payload: bytes | None
    confidence: float
    bit_errors: int | None
    z_score: float = 0.0
    false_positive_bound: float = 1.0
    scale: float | None = None  # detected block size relative to the short side's 1/32
    view: str = ""  # how the copy shows the marked picture when not as it was (see VIEWS)


@dataclass(frozen=True)
class _Layout:
    sync_pos: np.ndarray  # flat tile positions of the sync chips
    sync_sign: np.ndarray
    data_pos: np.ndarray  # flat tile positions of the payload chips
    data_sign: np.ndarray
    data_bit: np.ndarray  # which coded bit each payload chip carries


@functools.lru_cache(maxsize=16)
def _layout(key: int) -> _Layout:
    rng = np.random.default_rng([key & (2**64 - 1), 0x0BE17EE1])
    order = rng.permutation(_CHIPS)
    signs = rng.integers(0, 2, _CHIPS).astype(np.float32) * 2 - 1
    data = order[_SYNC_CHIPS:]
    return _Layout(sync_pos=order[:_SYNC_CHIPS], sync_sign=signs[order[:_SYNC_CHIPS]],
                   data_pos=data, data_sign=signs[data],
                   data_bit=np.arange(data.size) % _CODED_BITS)


def _crc(payload: bytes) -> np.ndarray:
    return _coding.crc(payload, _CRC_BITS)


def _coded_bits(payload: bytes) -> np.ndarray:
    """Payload, its CRC-16 and a zero tail through the rate-1/3 convolutional coder."""
    return _coding.encode(payload, _CRC_BITS)


_viterbi = _coding.viterbi


def _tile(payload: bytes, key: int) -> np.ndarray:
    """The ±1 chip of every block of one tile."""
    lay = _layout(key)
    chips = np.zeros(_CHIPS, np.float32)
    chips[lay.sync_pos] = lay.sync_sign
    bits = _coded_bits(payload).astype(np.float32) * 2 - 1
    chips[lay.data_pos] = lay.data_sign * bits[lay.data_bit]
    return chips.reshape(TILE, TILE)


def _axis(n: int, block: float) -> tuple[np.ndarray, np.ndarray]:
    """Tile index and bump weight of each pixel centre along one axis."""
    pos = (np.arange(n) + 0.5) / block
    return (np.floor(pos).astype(np.int64) % TILE), np.sin(np.pi * (pos % 1.0))


@dataclass(frozen=True)
class _Geometry:
    block: float
    row_block: np.ndarray  # block row of every pixel row
    col_block: np.ndarray
    window: np.ndarray  # the bump weight of every pixel
    chips: np.ndarray  # ±1 per block of the whole frame


@functools.lru_cache(maxsize=8)
def _geometry(height: int, width: int, payload: bytes, key: int) -> _Geometry:
    block = min(height, width) / BLOCKS_ACROSS
    _, wy = _axis(height, block)
    _, wx = _axis(width, block)
    nby, nbx = int(np.ceil(height / block)), int(np.ceil(width / block))
    chips = np.tile(_tile(payload, key), (-(-nby // TILE), -(-nbx // TILE)))[:nby, :nbx]
    rows = np.minimum((np.arange(height) + 0.5) // block, nby - 1).astype(np.int64)
    cols = np.minimum((np.arange(width) + 0.5) // block, nbx - 1).astype(np.int64)
    return _Geometry(block=block, row_block=rows, col_block=cols,
                     window=np.outer(wy, wx).astype(np.float32), chips=chips.astype(np.float32))


@functools.lru_cache(maxsize=8)
def _unit_pattern(height: int, width: int, payload: bytes, key: int) -> np.ndarray:
    """The mark at unit amplitude at every pixel: each block's chip sign times its bump."""
    geo = _geometry(height, width, payload, key)
    return (geo.chips[geo.row_block][:, geo.col_block] * geo.window).astype(np.float32)


def masking(frame: np.ndarray) -> np.ndarray:
    """Per-pixel chip amplitude for ``frame``: low on flat picture, higher on detail.

    Detail is measured at the mark's own scale (a difference of Gaussians on the half-size
    luma), so film grain finer than a block does not count as cover and the change does
    not spread far past the edges that hide it.
    """
    h, w = frame.shape[:2]
    code = cv2.COLOR_RGBA2GRAY if frame.shape[2] == 4 else cv2.COLOR_RGB2GRAY
    half = cv2.resize(cv2.cvtColor(frame, code), (max(1, w // 2), max(1, h // 2)),
                      interpolation=cv2.INTER_AREA).astype(np.float32)
    detail = cv2.absdiff(cv2.GaussianBlur(half, (0, 0), 0.7),
                         cv2.GaussianBlur(half, (0, 0), 2.0))
    detail = cv2.GaussianBlur(detail, (0, 0), 1.0)
    amplitude = np.clip(FLAT_AMPLITUDE + TEXTURE_GAIN * detail, FLAT_AMPLITUDE, MAX_AMPLITUDE)
    return cv2.resize(amplitude, (w, h), interpolation=cv2.INTER_LINEAR)


def embed(frame: np.ndarray, payload: bytes, key: int) -> np.ndarray:
    """Return a copy of an RGB or RGBA uint8 frame carrying ``payload`` (8 bytes) under ``key``.

    The chip pattern does not depend on the frame index: every frame of a video carries the
    same one, at a strength set by that frame's own masking. To mark many frames of one
    size, a :class:`PictureMarker` is faster.
    """
    _check_frame(frame)
    marker = PictureMarker(payload, key, frame.shape[1], frame.shape[0])
    return marker.apply(np.array(frame, dtype=np.uint8, copy=True))


def _check_frame(frame: np.ndarray) -> None:
    if frame.dtype != np.uint8 or frame.ndim != 3 or frame.shape[2] not in (3, 4):
        raise ValueError("frame must be (height, width, 3 or 4) uint8")


def detect(frames: Iterable[np.ndarray], key: int) -> PictureDetection:
    """Look for a mark made with ``key`` in the frames of one clip, or in one still image."""
    luma = _mean_luma(frames)
    if luma is None:
        return PictureDetection(payload=None, confidence=0.0, bit_errors=None)
    return _detect_luma(luma, key)


def _mean_luma(frames: Iterable[np.ndarray]) -> np.ndarray | None:
    """The luma of the frames averaged (the mark is the same in all of them)."""
    total: np.ndarray | None = None
    count = 0
    for frame in frames:
        luma = _luma(frame)
        if total is None:
            total = luma.astype(np.float64)
        elif luma.shape != total.shape:
            raise ValueError("all frames must have the same size")
        else:
            total += luma
        count += 1
    return None if total is None else (total / count).astype(np.float32)


def detect_reposted(frames: list[np.ndarray], key: int) -> PictureDetection:
    """:func:`detect` on the frames as they are (mirrored and turned included: see VIEWS),
    else on the picture cut out of what boxes it in (bars, a border, a blurred copy of
    itself behind it: see :mod:`openreel.provenance.framing`), where the mark's grid is the
    picture's own again; else on the picture brought back to the mark's square grid from a
    copy rotated a few degrees, stretched or skewed (see :func:`_reshape`).

    Each further search is a further family of alignments: for a boxed-in copy the bound on
    a false find is twice the detector's, for a reshaped one three times. To look under
    several keys, a :class:`RepostSearch` does the key-free work once.
    """
    return RepostSearch(frames).detect(key)


class RepostSearch:
    """:func:`detect_reposted` for one clip under any number of keys: the averaged picture,
    its box, its lattice and every fold are made once (only scoring them depends on the
    key), so a second key costs a fraction of the first."""

    def __init__(self, frames: list[np.ndarray]) -> None:
        luma = _mean_luma(frames)
        self._luma = luma
        self._plain = _Folds(_work_size(luma)) if luma is not None else None
        self._middle = frames[len(frames) // 2] if frames else None
        self._boxed: _Folds | None = None
        self._boxed_looked = False
        self._reshaped: list[tuple[np.ndarray, _Folds]] | None = None

    def detect(self, key: int) -> PictureDetection:
        """The mark under ``key``, as the copy shows it."""
        if self._plain is None:
            return PictureDetection(payload=None, confidence=0.0, bit_errors=None)
        found = _detect_folds(self._plain, key)
        if found.payload is not None:
            return found
        boxed = self._boxed_folds()
        if boxed is not None:
            inside = _detect_folds(boxed, key)
            if inside.payload is not None:
                return replace(inside, view=", ".join(v for v in ("boxed in", inside.view) if v))
        reshaped = _detect_reshaped(self._reshaped_folds(), key)
        return reshaped if reshaped.payload is not None else found

    def _boxed_folds(self) -> _Folds | None:
        if not self._boxed_looked:
            self._boxed_looked = True
            box = framing.content_box(self._middle) if self._middle is not None else None
            if box is not None and self._luma is not None:
                top, bottom, left, right = box
                # The mean of the cut-out frames is the cut-out of their mean.
                inside = np.ascontiguousarray(self._luma[top:bottom, left:right])
                self._boxed = _Folds(_work_size(inside))
        return self._boxed

    def _reshaped_folds(self) -> list[tuple[np.ndarray, _Folds]]:
        if self._reshaped is None:
            self._reshaped = []
            if self._plain is not None:
                for lattice in _lattices(self._plain.luma):
                    square = _reshape(self._plain.luma, lattice)
                    if square.size:
                        self._reshaped.append((lattice, _Folds(square)))
        return self._reshaped


class _Folds:
    """A picture's folds (see :func:`_folded_chips`) by block size, each made once."""

    def __init__(self, luma: np.ndarray) -> None:
        self.luma = luma
        self.short = float(min(luma.shape))
        self._made: dict[float, np.ndarray] = {}
        self._spectra: dict[float, tuple[np.ndarray, np.ndarray]] = {}

    def at(self, keep: float) -> np.ndarray:
        """The fold at the scale where a block is ``short / BLOCKS_ACROSS / keep``."""
        fold = self._made.get(keep)
        if fold is None:
            fold = self._made[keep] = _folded_chips(self.luma, self.short / BLOCKS_ACROSS / keep)
        return fold

    def spectra(self, keep: float) -> tuple[np.ndarray, np.ndarray]:
        """FFTs of the fold at ``keep`` and of its square: what every view and every key
        correlates with (see :func:`_view_score`)."""
        made = self._spectra.get(keep)
        if made is None:
            fold = self.at(keep)
            made = self._spectra[keep] = (np.fft.rfft2(fold), np.fft.rfft2(fold * fold))
        return made


def _luma(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame.astype(np.float32)
    return frame[..., :3].astype(np.float32) @ _LUMA


# How a re-post may show the picture besides as it was, and how each is undone on the
# folded tile: a mirror or a quarter turn of the picture is the same of its fold (the fold
# is cyclic, and a block is a fixed share of the short side, which a turn keeps), so one
# fold per scale serves them all.
VIEWS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "mirrored": lambda fold: fold[:, ::-1],
    "turned 90°": lambda fold: np.rot90(fold, -1),
    "turned 180°": lambda fold: np.rot90(fold, 2),
    "turned 270°": lambda fold: np.rot90(fold, 1),
}


def candidate_count(turned: bool = False) -> int:
    """How many alignments the detector tries (the K of the false-positive bound): as the
    picture was, or (``turned``) over every other view of it."""
    views = len(VIEWS) if turned else 1
    return views * (len(_keeps()) + 2 * _REFINE) * (TILE * SAMPLES) ** 2


def threshold(turned: bool = False) -> float:
    """The z-score above which a mark is declared: the two searches (as the picture was,
    and over its other views) share the 10⁻⁶ false-positive bound."""
    k = candidate_count(turned)
    return float(np.sqrt(2 * np.log(k / _target(turned))))


def _target(turned: bool) -> float:
    return FALSE_POSITIVE_TARGET * (TURNED_SHARE if turned else 1 - TURNED_SHARE)


@functools.lru_cache(maxsize=1)
def _keeps() -> tuple[float, ...]:
    n = int(np.ceil(np.log(1 / MIN_KEEP) / np.log(SCALE_STEP))) + 1
    return tuple(float(SCALE_STEP ** -i) for i in range(n))


def _matched(luma: np.ndarray, block: float) -> np.ndarray:
    """Resample so a block is SAMPLES wide, whiten, clip and matched-filter with the bump.

    Whitening: a high-pass, then division by the local strength of what is left (a
    Gaussian-weighted RMS over about a block), then clipping. Busy picture (edges, rain,
    windows) and flat picture then weigh alike, instead of the busiest parts drowning the
    rest.
    """
    h, w = luma.shape
    nh, nw = max(1, round(h * SAMPLES / block)), max(1, round(w * SAMPLES / block))
    grid = cv2.resize(luma, (nw, nh), interpolation=cv2.INTER_LINEAR)
    resid = grid - cv2.GaussianBlur(grid, (0, 0), SAMPLES)
    local = cv2.GaussianBlur(resid * resid, (0, 0), _LOCAL_SIGMA)
    resid /= np.sqrt(local) + _LOCAL_FLOOR
    np.clip(resid, -_CLIP, _CLIP, out=resid)
    window = np.sin(np.pi * (np.arange(SAMPLES) + 0.5) / SAMPLES).astype(np.float32)
    matched = cv2.sepFilter2D(resid, -1, window, window, anchor=(0, 0),
                              borderType=cv2.BORDER_REFLECT)
    return matched[:max(1, nh - SAMPLES + 1), :max(1, nw - SAMPLES + 1)]


def _folded_chips(luma: np.ndarray, block: float) -> np.ndarray:
    """Matched-filter values folded modulo the tile."""
    matched = _matched(luma, block)
    mh, mw = matched.shape
    side = TILE * SAMPLES
    padded = np.zeros((-(-mh // side) * side, -(-mw // side) * side), np.float64)
    padded[:mh, :mw] = matched
    fold = padded.reshape(padded.shape[0] // side, side, -1, side).sum(axis=(0, 2))
    # Stripes, boards and other structure that is constant along a row or a column of the
    # picture fold into whole rows or columns of the tile; the keyed chips do not, so those
    # means are removed (per sub-block phase) at a cost of 1/16 of the mark.
    g = fold.reshape(TILE, SAMPLES, TILE, SAMPLES)
    g = (g - g.mean(axis=0, keepdims=True) - g.mean(axis=2, keepdims=True)
         + g.mean(axis=(0, 2), keepdims=True))
    return g.reshape(side, side)


def _work_size(luma: np.ndarray) -> np.ndarray:
    """The luma reduced to the search's working size (it needs only a few samples per
    block)."""
    short = min(luma.shape)
    if short <= _WORK_SIDE:
        return luma
    f = _WORK_SIDE / short
    size = (round(luma.shape[1] * f), round(luma.shape[0] * f))
    return cv2.resize(luma, size, interpolation=cv2.INTER_AREA)


_ALL_VIEWS: dict[str, Callable[[np.ndarray], np.ndarray]] = {"": lambda fold: fold, **VIEWS}


@dataclass
class _Best:
    """The best alignment found so far: its margin over its view's threshold, z, the
    scale it was found at, the view, the tile offset and the fold."""

    margin: float
    z: float
    keep: float
    view: str
    dy: int
    dx: int
    fold: np.ndarray


def _search(folds: _Folds, key: int, keeps: Iterable[float], names: Iterable[str],
            limits: dict[str, float], best: _Best | None) -> _Best | None:
    """Score the sync pattern at every scale in ``keeps`` in every view named; the best of
    those and ``best``."""
    names = list(names)
    for keep in keeps:
        spectra = folds.spectra(keep)
        for view in names:
            z, dy, dx = _view_score(spectra, key, view)
            if best is None or z - limits[view] > best.margin:
                seen = np.ascontiguousarray(_ALL_VIEWS[view](folds.at(keep)))
                best = _Best(z - limits[view], z, keep, view, dy, dx, seen)
    return best


def _refined(folds: _Folds, key: int, best: _Best, limits: dict[str, float]) -> _Best:
    """``best`` after finer scale steps on each side of its scale, in its view."""
    coarse = best.keep
    steps = [coarse * SCALE_STEP ** (step / _REFINE)
             for step in range(-_REFINE, _REFINE + 1) if step]
    refined = _search(folds, key, steps, (best.view,), limits, best)
    assert refined is not None
    return refined


def _finding(best: _Best, candidates: int, key: int, view: str) -> PictureDetection:
    """What ``best`` amounts to: the payload read where the sync pattern was found if it
    clears its threshold (margin ≥ 0), with the false-positive bound over ``candidates``."""
    z = best.z
    bound = float(min(1.0, candidates * np.exp(-0.5 * z**2))) if np.isfinite(z) else 1.0
    payload, errors = (_read_payload(best.fold, best.dy, best.dx, key) if best.margin >= 0
                       else (None, None))
    return PictureDetection(payload=payload, confidence=max(0.0, 1.0 - bound),
                            bit_errors=errors, z_score=z, false_positive_bound=bound,
                            scale=best.keep, view=view)


def _detect_luma(luma: np.ndarray, key: int) -> PictureDetection:
    return _detect_folds(_Folds(_work_size(luma)), key)


def _detect_folds(folds: _Folds, key: int) -> PictureDetection:
    """The search over every scale and view of ``folds``, the picture as it is first.

    A copy shown at its own scale (the clip as made, a re-encode, a resize) is found at the
    first scale; where the payload reads there, the other scales are not searched. That
    finding clears the same threshold over a subset of the same alignments, so the bound
    on a false find is unchanged.
    """
    limits = {view: threshold(bool(view)) for view in _ALL_VIEWS}

    def read(best: _Best | None) -> PictureDetection:
        assert best is not None
        # refine around the best coarse scale, in its view, before reading the bits
        best = _refined(folds, key, best, limits)
        return _finding(best, candidate_count(bool(best.view)), key, best.view)

    keeps = _keeps()
    first = _search(folds, key, keeps[:1], _ALL_VIEWS, limits, None)
    if first is not None and first.margin >= 0:
        found = read(first)
        if found.payload is not None:
            return found
    return read(_search(folds, key, keeps[1:], _ALL_VIEWS, limits, first))


# -- copies rotated a few degrees, stretched or skewed --------------------------------------
# Such a copy bends the mark's grid out of square, so no scale of the search above lines up
# with it. The grid is found again from the picture alone: the mark repeats its tile, so the
# autocorrelation of the whitened picture peaks on the tile's lattice (the classic resync of
# periodic watermarks). The two shortest lattice vectors say how the copy turned, stretched
# and skewed the grid; the picture is mapped back to a square grid of the mark's size and
# searched again at a few scales around it, in every view. The lattice comes from the
# picture, not the key, so the false-positive bound holds as for any other family of
# alignments.
_LATTICE_SIGMA = 3.0  # work pixels: the high-pass before the autocorrelation
_LATTICE_MIN_PEAK = 4.0  # how far a lattice peak must stand over the autocorrelation's noise
_STRETCH_LIMIT = 1.35  # the most one lattice vector may outgrow the other
_RESHAPED_SAMPLES = 4.0  # work pixels per block once the grid is square again
_MOST_TURN = 15.0  # degrees a re-post may have rotated the picture (quarter turns aside)
_TURN_AGREEMENT = 4.0  # degrees two sides of a tile may disagree on how they turned
_LATTICES = 3  # guesses at the lattice searched, at most


def reshaped_candidates() -> int:
    """Alignments tried on a reshaped copy: every view at the refined scales, for each
    guess at the lattice."""
    return _LATTICES * len(_ALL_VIEWS) * (2 * _REFINE + 1) * (TILE * SAMPLES) ** 2


def reshaped_threshold() -> float:
    """The z-score a mark found on a reshaped copy must reach (its own 10⁻⁶ share)."""
    return float(np.sqrt(2 * np.log(reshaped_candidates() / FALSE_POSITIVE_TARGET)))


def _whitened(luma: np.ndarray) -> np.ndarray:
    resid = np.asarray(luma - cv2.GaussianBlur(luma, (0, 0), _LATTICE_SIGMA), np.float32)
    local = cv2.GaussianBlur(resid * resid, (0, 0), 2 * _LATTICE_SIGMA)
    resid /= np.sqrt(local) + _LOCAL_FLOOR
    np.clip(resid, -_CLIP, _CLIP, out=resid)
    return resid - resid.mean()


def _lattices(luma: np.ndarray) -> list[np.ndarray]:
    """Up to _LATTICES guesses, likeliest first, at the lattice the mark's tiles repeat on,
    as the autocorrelation of the whitened picture shows it: each the two vectors
    (columns, x then y, in pixels) of one tile's sides.

    A re-post turns the picture a little (at most _MOST_TURN) and may stretch it along
    either side, so one side of a tile lies near the x axis and the other near the y axis,
    both turned alike. The strongest peaks near each axis are paired where they agree on
    the turn and on a like length (the picture's own repeats, tiles or windows, also peak,
    but seldom both ways at once).
    """
    h, w = luma.shape
    resid = _whitened(luma)
    spectrum = np.fft.rfft2(resid, s=(2 * h, 2 * w))
    acf = np.fft.fftshift(np.fft.irfft2(np.abs(spectrum) ** 2, s=(2 * h, 2 * w)))
    ys, xs = np.mgrid[-h:h, -w:w]
    overlap = (h - np.abs(ys)) * (w - np.abs(xs))
    acf = np.where(overlap > 0, acf / np.maximum(overlap, 1), 0.0).astype(np.float32)
    # Sharp peaks only: what the picture's own broad correlation adds is taken off.
    peaks = acf - cv2.GaussianBlur(acf, (0, 0), 2.0)
    tile = TILE * min(h, w) / BLOCKS_ACROSS  # the tile at full keep, in work pixels
    radius = np.hypot(ys, xs)
    # Lags where a tile of any kept share (MIN_KEEP..1) and stretch could lie, and where the
    # two shifted copies still overlap by at least a third of the picture each way.
    usable = ((radius >= tile / _STRETCH_LIMIT) & (radius <= tile / MIN_KEEP * _STRETCH_LIMIT)
              & (np.abs(ys) <= h * 2 / 3) & (np.abs(xs) <= w * 2 / 3))
    slope = np.tan(np.radians(_MOST_TURN))
    near_x = usable & (xs > 0) & (np.abs(ys) <= slope * xs)
    near_y = usable & (ys > 0) & (np.abs(xs) <= slope * ys)
    noise = float(np.std(peaks[near_x | near_y])) if (near_x | near_y).any() else 0.0
    if noise <= 0:
        return []
    score = peaks / noise
    centre = np.array([w, h], np.float64)
    sides_x = [(v - centre, z) for v, z in _strongest(score, near_x)]
    sides_y = [(v - centre, z) for v, z in _strongest(score, near_y)]
    pairs = []
    for a, za in sides_x:
        for b, zb in sides_y:
            turn_a = np.degrees(np.arctan2(a[1], a[0]))
            turn_b = np.degrees(np.arctan2(-b[0], b[1]))
            ratio = np.hypot(*a) / np.hypot(*b)
            if (abs(turn_a - turn_b) <= _TURN_AGREEMENT
                    and 1 / _STRETCH_LIMIT <= ratio <= _STRETCH_LIMIT):
                pairs.append((min(za, zb), np.column_stack([a, b])))
    pairs.sort(key=lambda pair: -pair[0])
    return [lattice for _, lattice in pairs[:_LATTICES]]


def _strongest(score: np.ndarray, where: np.ndarray, count: int = 3
               ) -> list[tuple[np.ndarray, float]]:
    """The ``count`` highest peaks of ``score`` within ``where`` that stand over
    _LATTICE_MIN_PEAK, each at least a few pixels from the others: (x, y) to a fraction of
    a pixel, and its height."""
    masked = np.where(where, score, -np.inf)
    found = []
    for _ in range(count):
        at = np.unravel_index(int(np.argmax(masked)), masked.shape)
        height = float(masked[at])
        if height < _LATTICE_MIN_PEAK:
            break
        found.append((_peak_at(score, at), height))
        y, x = int(at[0]), int(at[1])
        masked[max(0, y - 4):y + 5, max(0, x - 4):x + 5] = -np.inf
    return found


def _peak_at(surface: np.ndarray, at: tuple[np.intp, ...]) -> np.ndarray:
    """The peak near ``at`` (row, column) to a fraction of a pixel, as (x, y)."""
    y, x = int(at[0]), int(at[1])
    h, w = surface.shape

    def offset(minus: float, centre: float, plus: float) -> float:
        curve = minus - 2 * centre + plus
        return 0.0 if curve >= 0 else float(np.clip(0.5 * (minus - plus) / curve, -0.5, 0.5))

    dx = offset(surface[y, x - 1], surface[y, x], surface[y, x + 1]) if 0 < x < w - 1 else 0.0
    dy = offset(surface[y - 1, x], surface[y, x], surface[y + 1, x]) if 0 < y < h - 1 else 0.0
    return np.array([x + dx, y + dy], np.float64)


def _reshape(luma: np.ndarray, lattice: np.ndarray) -> np.ndarray:
    """The picture mapped so that ``lattice`` becomes a square grid of tiles
    TILE × _RESHAPED_SAMPLES pixels wide."""
    side = TILE * _RESHAPED_SAMPLES
    to_source = lattice / side  # a pixel of the square grid, in pixels of the copy
    to_square = np.linalg.inv(to_source)
    h, w = luma.shape
    corners = to_square @ np.array([[0, w, w, 0], [0, 0, h, h]], np.float64)
    low = corners.min(axis=1)
    size = np.ceil(corners.max(axis=1) - low).astype(int)
    if size.max() > 8 * max(h, w) or size.min() < side // 2:
        return np.zeros((0, 0), np.float32)
    # square pixel q shows copy pixel to_source @ (q + low)
    affine = np.hstack([to_source, (to_source @ low)[:, None]])
    return cv2.warpAffine(luma, affine, (int(size[0]), int(size[1])),
                          flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REFLECT)


def _detect_reshaped(squares: list[tuple[np.ndarray, _Folds]], key: int) -> PictureDetection:
    """The mark in the first of the pictures mapped back to square (each with the lattice
    it was mapped by) that holds it; else the best try."""
    limits = dict.fromkeys(_ALL_VIEWS, reshaped_threshold())
    found: tuple[_Best, np.ndarray] | None = None
    for lattice, folds in squares:
        # the keep at which a block is _RESHAPED_SAMPLES pixels (short / BLOCKS_ACROSS / keep)
        keep = folds.short / BLOCKS_ACROSS / _RESHAPED_SAMPLES
        steps = [keep * SCALE_STEP ** (step / _REFINE) for step in range(-_REFINE, _REFINE + 1)]
        best = _search(folds, key, steps, _ALL_VIEWS, limits, None)
        if best is not None and (found is None or best.margin > found[0].margin):
            found = (best, lattice)
            if best.margin >= 0:
                break
    if found is None:
        return PictureDetection(payload=None, confidence=0.0, bit_errors=None)
    best, lattice = found
    return _finding(best, reshaped_candidates(), key,
                    ", ".join(v for v in (_reshaped_words(lattice), best.view) if v))


def _reshaped_words(lattice: np.ndarray) -> str:
    """How the copy reshaped the grid, in words: "rotated 3°", "stretched 10 %"."""
    v1, v2 = lattice[:, 0], lattice[:, 1]
    turn = float(np.degrees(np.arctan2(v1[1], v1[0])))
    turn = (turn + 45) % 90 - 45  # quarter turns are views of their own
    long, short = sorted((float(np.hypot(*v1)), float(np.hypot(*v2))), reverse=True)
    words = []
    if abs(turn) >= 0.5:
        words.append(f"rotated {abs(turn):.0f}°")
    if long / short >= 1.02:
        words.append(f"stretched {100 * (long / short - 1):.0f} %")
    return ", ".join(words) or "reshaped"


def _view_score(spectra: tuple[np.ndarray, np.ndarray], key: int,
                view: str) -> tuple[float, int, int]:
    """The best self-normalised sync correlation over every cyclic offset of the tile, in
    ``view`` of a fold, from the FFTs of the fold and of its square (``spectra``).

    A view moves the fold's samples: the view's sample at ``y`` is the fold's at
    ``M(y) = A y + b`` (mod the tile), ``A`` a mirror or a quarter turn. Correlating the
    view with the template at offset ``d`` is then correlating the fold with the template
    moved by ``M`` (the view's template, see :func:`_view_spectra`) at offset ``A d``: so
    one FFT of the fold serves every view, and only the inverse FFTs are the view's own.
    """
    fold_spec, square_spec = spectra
    sync_spec, mask_spec, back = _view_spectra(key, view)
    side = TILE * SAMPLES
    num = np.fft.irfft2(fold_spec * sync_spec, s=(side, side))
    den = np.fft.irfft2(square_spec * mask_spec, s=(side, side))
    z = num / np.sqrt(np.maximum(den, 1e-12))
    at = int(np.argmax(z))
    dy, dx = divmod(int(back.flat[at]), side)
    return float(z.flat[at]), dy, dx


@functools.lru_cache(maxsize=64)
def _view_spectra(key: int, view: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The template and mask spectra of ``key`` moved as ``view`` moves a fold's samples,
    and, for each offset ``A d`` of the fold's correlation, the view's offset ``d``."""
    side = TILE * SAMPLES
    lay = _layout(key)
    template = np.zeros((side, side), np.float64)
    ty, tx = np.divmod(lay.sync_pos, TILE)
    template[ty * SAMPLES, tx * SAMPLES] = lay.sync_sign
    # where each of the view's samples comes from in the fold: M(y), as flat indices
    source = np.ascontiguousarray(_ALL_VIEWS[view](np.arange(side * side).reshape(side, side)))
    flat = np.zeros(side * side, np.float64)
    flat[source.ravel()] = template.ravel()  # the template at M(x) for each x
    moved = flat.reshape(side, side)
    # A d = M(d) - M(0): the fold's offset for each of the view's offsets d
    origin = np.array(divmod(int(source[0, 0]), side))
    ays, axs = np.divmod(source, side)
    fold_offset = ((ays - origin[0]) % side) * side + (axs - origin[1]) % side
    back = np.empty(side * side, np.int64)
    back[fold_offset.ravel()] = np.arange(side * side)
    return (np.conj(np.fft.rfft2(moved)), np.conj(np.fft.rfft2(np.abs(moved))),
            back.reshape(side, side))


def _read_payload(fold: np.ndarray, dy: int, dx: int, key: int) -> tuple[bytes | None, int | None]:
    lay = _layout(key)
    side = TILE * SAMPLES
    ty, tx = np.divmod(lay.data_pos, TILE)
    values = fold[(ty * SAMPLES + dy) % side, (tx * SAMPLES + dx) % side] * lay.data_sign
    soft = np.bincount(lay.data_bit, weights=values, minlength=_CODED_BITS)
    info = _viterbi(soft)
    payload = np.packbits(info[:PAYLOAD_BYTES * 8]).tobytes()
    if not np.array_equal(info[PAYLOAD_BYTES * 8:-_TAIL], _crc(payload)):
        return None, None
    return payload, int(np.count_nonzero(_coded_bits(payload) != (soft > 0)))


class PictureMarker:
    """Marks every frame of one video (same size) with one payload under one key.

    The chip pattern is computed once per video. Every ``MASK_EVERY`` frames the masking is
    measured on the frame and the signed change is turned into a raise and a lower uint8
    image; each frame then costs one saturating add and one saturating subtract (OpenCV).
    """

    def __init__(self, payload: bytes, key: int, width: int, height: int) -> None:
        if len(payload) != PAYLOAD_BYTES:
            raise ValueError(f"payload must be {PAYLOAD_BYTES} bytes, got {len(payload)}")
        if width < 1 or height < 1:
            raise ValueError(f"frame size must be positive, got {width}x{height}")
        self.payload, self.key = bytes(payload), key
        self.width, self.height = width, height
        self._unit = _unit_pattern(height, width, self.payload, key)
        self._frames = 0
        self._planes: tuple[np.ndarray, np.ndarray] | None = None

    def _update(self, frame: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        change = masking(frame) * self._unit
        up = cv2.convertScaleAbs(np.maximum(change, 0))  # rounded, saturated to 0..255
        down = cv2.convertScaleAbs(np.maximum(-change, 0))
        if frame.shape[2] == 4:  # the same change on R, G and B (so on luma), none on alpha
            zero = np.zeros_like(up)
            return cv2.merge([up, up, up, zero]), cv2.merge([down, down, down, zero])
        return cv2.merge([up, up, up]), cv2.merge([down, down, down])

    def apply(self, frame: np.ndarray) -> np.ndarray:
        """Mark one (height, width, 3 or 4) uint8 frame; may modify it in place.

        Returns the marked frame: ``frame`` itself, or a copy when ``frame`` is read-only
        or not contiguous.
        """
        _check_frame(frame)
        if frame.shape[0] != self.height or frame.shape[1] != self.width:
            raise ValueError(f"frame is {frame.shape[1]}x{frame.shape[0]}, "
                             f"expected {self.width}x{self.height}")
        if not (frame.flags.c_contiguous and frame.flags.writeable):
            frame = np.array(frame, copy=True, order="C")
        if (self._planes is None or self._frames % MASK_EVERY == 0
                or self._planes[0].shape[2] != frame.shape[2]):
            self._planes = self._update(frame)
        self._frames += 1
        up, down = self._planes
        cv2.add(frame, up, dst=frame)
        cv2.subtract(frame, down, dst=frame)
        return frame
