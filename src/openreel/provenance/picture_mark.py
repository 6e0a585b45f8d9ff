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
    if total is None:
        return PictureDetection(payload=None, confidence=0.0, bit_errors=None)
    return _detect_luma((total / count).astype(np.float32), key)


def detect_reposted(frames: list[np.ndarray], key: int) -> PictureDetection:
    """:func:`detect` on the frames as they are (mirrored and turned included: see VIEWS),
    else on the picture cut out of what boxes it in (bars, a border, a blurred copy of
    itself behind it: see :mod:`openreel.provenance.framing`), where the mark's grid is the
    picture's own again.

    The second search is a second family of alignments: for a boxed-in copy the bound on a
    false find is twice the detector's.
    """
    found = detect(frames, key)
    if found.payload is not None or not frames:
        return found
    box = framing.content_box(frames[len(frames) // 2])
    if box is None:
        return found
    top, bottom, left, right = box
    boxed = detect([np.ascontiguousarray(f[top:bottom, left:right]) for f in frames], key)
    if boxed.payload is None:
        return found
    return replace(boxed, view=", ".join(v for v in ("boxed in", boxed.view) if v))


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


@functools.lru_cache(maxsize=16)
def _sync_spectra(key: int) -> tuple[np.ndarray, np.ndarray]:
    """FFTs of the sync template and its mask on the folded sample grid."""
    lay = _layout(key)
    side = TILE * SAMPLES
    template = np.zeros((side, side), np.float64)
    ty, tx = np.divmod(lay.sync_pos, TILE)
    template[ty * SAMPLES, tx * SAMPLES] = lay.sync_sign
    return np.conj(np.fft.rfft2(template)), np.conj(np.fft.rfft2(np.abs(template)))


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


def _detect_luma(luma: np.ndarray, key: int) -> PictureDetection:
    short = min(luma.shape)
    if short > _WORK_SIDE:  # the search needs only a few samples per block
        f = _WORK_SIDE / short
        size = (round(luma.shape[1] * f), round(luma.shape[0] * f))
        luma = cv2.resize(luma, size, interpolation=cv2.INTER_AREA)
        short = min(luma.shape)
    views: dict[str, Callable[[np.ndarray], np.ndarray]] = {"": lambda fold: fold, **VIEWS}
    limits = {view: threshold(bool(view)) for view in views}
    # the best alignment: its margin over its view's threshold, z, scale, view, offset, fold
    best: tuple[float, float, float, str, int, int, np.ndarray] | None = None

    def search(keep: float, names: Iterable[str]) -> None:
        nonlocal best
        fold = _folded_chips(luma, short / BLOCKS_ACROSS / keep)
        for view in names:
            seen = np.ascontiguousarray(views[view](fold))
            z, dy, dx = _sync_score(seen, key)
            if best is None or z - limits[view] > best[0]:
                best = (z - limits[view], z, keep, view, dy, dx, seen)

    for keep in _keeps():
        search(keep, views)
    assert best is not None
    _, _, coarse, view, _, _, _ = best
    # refine around the best coarse scale, in its view, before reading the bits
    for step in range(-_REFINE, _REFINE + 1):
        if step:
            search(coarse * SCALE_STEP ** (step / _REFINE), (view,))
    margin, z_max, keep, view, dy, dx, fold = best
    k = candidate_count(bool(view))
    bound = float(min(1.0, k * np.exp(-0.5 * z_max**2))) if np.isfinite(z_max) else 1.0
    result = PictureDetection(payload=None, confidence=max(0.0, 1.0 - bound), bit_errors=None,
                              z_score=z_max, false_positive_bound=bound, scale=keep, view=view)
    if margin < 0:
        return result
    payload, errors = _read_payload(fold, dy, dx, key)
    return PictureDetection(payload=payload, confidence=result.confidence, bit_errors=errors,
                            z_score=z_max, false_positive_bound=bound, scale=keep, view=view)


def _sync_score(fold: np.ndarray, key: int) -> tuple[float, int, int]:
    """The best self-normalised sync correlation over every cyclic offset of the tile."""
    sync_spec, mask_spec = _sync_spectra(key)
    num = np.fft.irfft2(np.fft.rfft2(fold) * sync_spec, s=fold.shape)
    den = np.fft.irfft2(np.fft.rfft2(fold * fold) * mask_spec, s=fold.shape)
    z = num / np.sqrt(np.maximum(den, 1e-12))
    at = int(np.argmax(z))
    dy, dx = divmod(at, fold.shape[1])
    return float(z.flat[at]), dy, dx


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
