"""Perceptual fingerprints of videos, sound files and images for reverse search.

A video's fingerprint is two views of the same file:

* PDQ hashes (256 bits) of key frames: one per ``STORE_INTERVAL`` seconds plus every
  scene change and, while the picture moves, up to ``MAX_RATE`` a second; each hashed
  twice, over the whole frame and over its centre (the frame less 10 % at each edge), so
  that a cropped copy meets the centre hash of the original.
* Haitsma–Kalker audio sub-fingerprints: 32 bits per 11.6 ms hop, the signs of the
  time derivative of band-energy differences across 33 log-spaced bands between 300 Hz
  and 2 kHz of a 5.5 kHz mono downmix. Signs of energy differences survive lossy coding
  and resampling; the rate conversion makes the source rate irrelevant.

A stored fingerprint is sparse (key frames); a query is taken denser
(``QUERY_INTERVAL``) so that some query frame lies close in time to every stored key
frame however the copy was trimmed.

Inputs come from strangers, so decoding is bounded: pictures larger than
``MAX_SIDE`` / ``MAX_PIXELS`` are refused before any pixel is decoded, frames are scaled
to ``_HASH_SIDE`` by the decoder, audio is decoded straight to an 11 kHz mono stream,
and a query reads at most ``MAX_QUERY_SECONDS``. Anything that is not decodable media
raises :class:`FingerprintError`.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal, NamedTuple

import av
import cv2
import numpy as np
import pdqhash
import soxr
from PIL import Image, UnidentifiedImageError

from openreel.provenance import framing, landmarks

HASH_BYTES = 32
# PDQ's own advice: hashes of quality below 50 come from flat or featureless images.
MIN_QUALITY = 50
STORE_INTERVAL = 0.5
QUERY_INTERVAL = 1 / 12
# A frame this far (Hamming) from the last key frame starts a new scene.
SCENE_CHANGE = 64
MOTION_STEP = 20
# Up to every frame of a 24 fps clip: a running dog with the camera following moves the
# picture 30-50 bits a frame, so key frames eight a second left screenshots between them
# 28-32 bits from any (a screenshot was traced only by luck of the encoding).
MAX_RATE = 24
CENTRE_MARGIN = 0.1
# Refused before decoding: 8K on a side, 40 megapixels (what the platform accepts).
MAX_SIDE = 8192
MAX_PIXELS = 40_000_000
MAX_VIDEO_SECONDS = 600.0
MAX_QUERY_SECONDS = 120.0
# What a query may decode whatever its timestamps say (a raw stream has none, so its
# frames all read as time 0): two minutes of 720p at 30 frames a second, in pixels.
MAX_QUERY_PIXELS = int(MAX_QUERY_SECONDS * 30 * 1280 * 720)
# Shapes (height / width) of the pictures the platform makes: 9:16, 1:1 and 16:9.
PICTURE_ASPECTS = (16 / 9, 1.0, 9 / 16)
# A screenshot query tries picture placements this far apart (a share of the picture
# height), at most _MAX_SLIDES of them per shape.
_SLIDE_STEP = 0.005
_MAX_SLIDES = 32
# PDQ blurs any picture down to a 64x64 grid before its DCT. Averaging it down to that
# grid first (an area resize) is twenty times faster and steadier: a half-size CRF 30
# copy of a frame lands 6 bits (median; 12 at the 95th percentile) from the original,
# against 16 (22) with PDQ's own filter on the full frame. The hashes are therefore not
# bit-identical to reference PDQ's. Video frames are decoded at _HASH_SIDE px on their
# long side, enough for the centre crop.
_PDQ_GRID = 64
_HASH_SIDE = 256

AUDIO_RATE = Fraction(11_025, 2)
AUDIO_FRAME = 2048
AUDIO_HOP = 64
AUDIO_BANDS = 33
AUDIO_LOW_HZ, AUDIO_HIGH_HZ = 300.0, 2000.0
# Files are decoded straight to this mono rate (a whole multiple of AUDIO_RATE).
_DECODE_RATE = 11_025
# Frames this much quieter than the loudest one carry noise, not signal: their bits
# are dropped so that silence does not match silence.
_AUDIO_FLOOR_DB = -50.0

_MAGIC = b"ORFP"
_VERSION = 2  # 2 added the sound's landmarks; 1 is still read (without them)
_HEADER_V1 = struct.Struct("<BIII")
_HEADER = struct.Struct("<BIIII")


class FingerprintError(ValueError):
    """The input cannot be fingerprinted; the message says why."""


class FrameHash(NamedTuple):
    """The PDQ hash of one frame at time ``t`` seconds, with PDQ's quality (0-100)."""

    t: float
    hash: bytes
    quality: int


@dataclass
class VideoFingerprint:
    """Key-frame picture hashes and audio sub-fingerprints of one stored video."""

    frames: list[FrameHash]
    audio: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))
    centre_frames: list[FrameHash] = field(default_factory=list)
    # the sound's peak-pair landmarks (see landmarks): hashes and their anchor frames
    landmark_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))
    landmark_times: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    def to_bytes(self) -> bytes:
        """Serialise to a compact, versioned byte string."""
        parts = [_MAGIC, _HEADER.pack(_VERSION, len(self.frames), len(self.centre_frames),
                                      len(self.audio), len(self.landmark_keys))]
        for frames in (self.frames, self.centre_frames):
            parts.append(np.array([f.t for f in frames], "<f8").tobytes())
            parts.append(np.array([f.quality for f in frames], np.uint8).tobytes())
            parts.extend(f.hash for f in frames)
        parts.append(np.asarray(self.audio, "<u4").tobytes())
        parts.append(np.asarray(self.landmark_keys, "<u4").tobytes())
        parts.append(np.asarray(self.landmark_times, "<i4").tobytes())
        return b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> VideoFingerprint:
        """Parse what :meth:`to_bytes` wrote; FingerprintError on anything else."""
        if data[:4] != _MAGIC or len(data) < 4 + _HEADER_V1.size:
            raise FingerprintError("not a video fingerprint")
        version = data[4]
        if version not in (1, _VERSION):
            raise FingerprintError(f"unsupported fingerprint version {version}")
        header = _HEADER_V1 if version == 1 else _HEADER
        if len(data) < 4 + header.size:
            raise FingerprintError("not a video fingerprint")
        _, n_frames, n_centre, n_audio, *rest = header.unpack_from(data, 4)
        n_landmarks = rest[0] if rest else 0
        expected = (4 + header.size + (n_frames + n_centre) * (9 + HASH_BYTES) + 4 * n_audio
                    + 8 * n_landmarks)
        if len(data) != expected:
            raise FingerprintError(f"fingerprint is {len(data)} bytes, expected {expected}")
        pos = 4 + header.size
        lists: list[list[FrameHash]] = []
        for n in (n_frames, n_centre):
            times = np.frombuffer(data, "<f8", n, pos)
            quality = np.frombuffer(data, np.uint8, n, pos + 8 * n)
            pos += 9 * n
            hashes = [data[pos + i * HASH_BYTES:pos + (i + 1) * HASH_BYTES] for i in range(n)]
            pos += n * HASH_BYTES
            lists.append([FrameHash(float(t), h, int(q))
                          for t, h, q in zip(times, hashes, quality, strict=True)])
        audio = np.frombuffer(data, "<u4", n_audio, pos).astype(np.uint32)
        pos += 4 * n_audio
        keys = np.frombuffer(data, "<u4", n_landmarks, pos).astype(np.uint32)
        times = np.frombuffer(data, "<i4", n_landmarks, pos + 4 * n_landmarks).astype(np.int32)
        return cls(frames=lists[0], audio=audio, centre_frames=lists[1], landmark_keys=keys,
                   landmark_times=times)


@dataclass(frozen=True)
class QueryFingerprint:
    """What a copy offers to search with: dense frame hashes and/or sound.

    ``kind`` is ``"image"`` (``frames`` are cut variants of one still), ``"video"``
    (frames every :data:`QUERY_INTERVAL` seconds) or ``"audio"`` (no frames).
    """

    kind: Literal["image", "video", "audio"]
    frames: list[FrameHash]
    audio: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))
    # The same frames seen another way (see VIEWS): a copy may be a mirrored, turned or
    # boxed-in re-post of a stored video.
    views: dict[str, list[FrameHash]] = field(default_factory=dict)
    # the sound's peak pairs, hashed at lookup under each change it may have been through
    pairs: landmarks.Pairs | None = None


def hamming(a: bytes, b: bytes) -> int:
    """Number of differing bits between two hashes."""
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()


# -- pictures ------------------------------------------------------------------------------
def _pdq(picture: np.ndarray) -> tuple[bytes, int]:
    """PDQ hash and quality of a picture (RGB, or its luma) averaged down to PDQ's own
    64x64 grid."""
    bits, quality = pdqhash.compute(_pdq_grid(picture))
    return _packed(bits), int(quality)


def _pdq_grid(picture: np.ndarray) -> np.ndarray:
    """``picture`` on PDQ's grid, as the RGB PDQ takes. A luma picture is given as three
    equal channels: PDQ's own luma of them (BT.601 weights, summing to 1) is the luma."""
    h, w = picture.shape[:2]
    shrink = h >= _PDQ_GRID and w >= _PDQ_GRID
    if picture.ndim == 3:
        picture = picture[..., :3]
    grid = cv2.resize(np.ascontiguousarray(picture), (_PDQ_GRID, _PDQ_GRID),
                      interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
    return np.repeat(grid[..., None], 3, axis=2) if grid.ndim == 2 else grid


# What a re-post does to the picture that its frames are looked up undone: PDQ's dihedral
# hashes (one DCT gives all eight) in pdqhash's order, of which these four; and the picture
# cut out of what boxes it in (bars, a border, a blurred copy of itself behind it).
# (Named for what the copy did: a copy turned 90° anticlockwise turns back by 270°.)
_DIHEDRAL = {"turned 270°": 1, "turned 180°": 2, "turned 90°": 3, "mirrored": 5}
BOXED, BOXED_MIRRORED = "boxed in", "boxed in and mirrored"
VIEWS = (*_DIHEDRAL, BOXED, BOXED_MIRRORED)


def _pdq_views(rgb: np.ndarray) -> dict[str, tuple[bytes, int]]:
    """The picture's (RGB, or its luma) hash seen each way a re-post shows it (see VIEWS)."""
    dihedral, quality = pdqhash.compute_dihedral(_pdq_grid(rgb))
    return _views(dihedral, quality, rgb)


def _views(dihedral: np.ndarray, quality: int, rgb: np.ndarray) -> dict[str, tuple[bytes, int]]:
    """:func:`_pdq_views` from the picture's dihedral hashes, already made."""
    out = {name: (_packed(dihedral[n]), int(quality)) for name, n in _DIHEDRAL.items()}
    box = framing.content_box(rgb)
    if box is not None:
        inner = rgb[box[0]:box[1], box[2]:box[3]]
        boxed, boxed_quality = pdqhash.compute_dihedral(_pdq_grid(inner))
        out[BOXED] = (_packed(boxed[0]), int(boxed_quality))
        out[BOXED_MIRRORED] = (_packed(boxed[5]), int(boxed_quality))
    return out


def _packed(bits: np.ndarray) -> bytes:
    return np.packbits(bits.astype(np.uint8)).tobytes()


def _centre(rgb: np.ndarray, margin: float = CENTRE_MARGIN) -> np.ndarray:
    h, w = rgb.shape[:2]
    dy, dx = round(h * margin), round(w * margin)
    return rgb[dy:h - dy, dx:w - dx]


def _check_size(width: int, height: int, what: str) -> None:
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise FingerprintError(f"{what} is {width}x{height}; the limit is {MAX_SIDE} px on a "
                               f"side and {MAX_PIXELS // 1_000_000} megapixels")
    if width < 1 or height < 1:
        raise FingerprintError(f"{what} has no pixels")


def _as_rgb(image: np.ndarray) -> np.ndarray:
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise FingerprintError("an image must be a (height, width[, 3 or 4]) uint8 array")
    if image.ndim == 2:
        image = np.repeat(image[..., None], 3, axis=2)
    if image.shape[2] not in (3, 4):
        raise FingerprintError(f"an image must have 3 or 4 channels, not {image.shape[2]}")
    _check_size(image.shape[1], image.shape[0], "image")
    return np.ascontiguousarray(image[..., :3])


def fingerprint_image(rgb: np.ndarray) -> bytes:
    """PDQ hash (32 bytes) of an RGB uint8 image."""
    return _pdq(_as_rgb(rgb))[0]


def _strip_bars(rgb: np.ndarray, tolerance: float = 6.0) -> np.ndarray:
    """Cut rows and columns at the edges that are nearly one colour (letterbox, UI bars)."""
    grey = rgb.astype(np.float32).mean(axis=2)
    rows = grey.std(axis=1) > tolerance
    cols = grey.std(axis=0) > tolerance
    if rows.sum() < 16 or cols.sum() < 16:
        return rgb
    top, bottom = np.argmax(rows), len(rows) - np.argmax(rows[::-1])
    left, right = np.argmax(cols), len(cols) - np.argmax(cols[::-1])
    return rgb[top:bottom, left:right]


def _picture_cuts(rgb: np.ndarray) -> list[np.ndarray]:
    """The picture as it is and, unless it has a platform shape, every placement of one."""
    cuts = [rgb]
    h, w = rgb.shape[:2]
    if any(abs(h / w - aspect) < 0.01 * aspect for aspect in PICTURE_ASPECTS):
        return cuts  # a frame or a thumbnail, not a screenshot
    for aspect in PICTURE_ASPECTS:
        if h - w * aspect < 0.01 * h:
            continue
        # Scale once so that a placement is already hashing size: cuts are then views.
        width = min(w, round(_HASH_SIDE / max(aspect, 1.0)))
        small = cv2.resize(rgb, (width, max(1, round(h * width / w))),
                           interpolation=cv2.INTER_AREA)
        height = round(width * aspect)
        extra = small.shape[0] - height
        slides = min(_MAX_SLIDES, extra, int(np.ceil(extra / (_SLIDE_STEP * height))))
        for top in np.linspace(0, extra, slides + 1).round().astype(int).tolist():
            cuts.append(small[top:top + height])
    return cuts


def image_query_hashes(image: np.ndarray) -> list[FrameHash]:
    """Hashes to look a still (a frame, a thumbnail, a screenshot) up with.

    A screenshot adds the player's UI around the picture. Bars of one colour are
    stripped, but bars with icons are not, and a flat sky at the top of a frame looks
    like a bar: so the query hashes the image stripped and as it is, and, when its
    shape is not one the platform makes, every placement in it of a full-width picture
    of each platform shape (``PICTURE_ASPECTS``) in steps of ``_SLIDE_STEP`` of its height.
    PDQ moves ~24 bits when 2 % of the height is cut, ~6 at the 0.25 % steps leave.
    """
    rgb = _query_still(image)
    stripped = _strip_bars(rgb)
    cuts = [*_picture_cuts(rgb), stripped]
    out: list[FrameHash] = []
    seen: set[bytes] = set()
    for cut in cuts:
        digest, quality = _pdq(cut)
        if digest not in seen:
            seen.add(digest)
            out.append(FrameHash(0.0, digest, quality))
    return out


def image_query_views(image: np.ndarray) -> dict[str, list[FrameHash]]:
    """The still mirrored, turned or cut out of what boxes it in (see VIEWS), to look up
    when it finds nothing as it is."""
    return {name: [FrameHash(0.0, *seen)]
            for name, seen in _pdq_views(_query_still(image)).items()}


def _query_still(image: np.ndarray) -> np.ndarray:
    """A still as RGB, shrunk to four hashing sides at most: finer than any cut needs, and
    a fraction of the work on a big image."""
    rgb = _as_rgb(image)
    h, w = rgb.shape[:2]
    scale = 4 * _HASH_SIDE / max(h, w)
    if scale < 1:
        rgb = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))),
                         interpolation=cv2.INTER_AREA)
    return rgb


class _KeyFrames:
    """Picks key frames from a stream of (time, picture) and hashes them."""

    def __init__(self, interval: float, centre: bool, views: bool = False) -> None:
        self.interval, self.centre = interval, centre
        self.frames: list[FrameHash] = []
        self.centre_frames: list[FrameHash] = []
        # a query's key frames as picked (time, dihedral hashes, quality, picture), to be
        # seen the ways VIEWS names when :meth:`views` is asked
        self._viewed: list[tuple[float, np.ndarray, int, np.ndarray]] | None = \
            [] if views else None
        self._last = b""
        self._frame_gap = 1 / 24

    def feed(self, t: float, rgb: np.ndarray) -> None:
        """Consider one decoded frame (RGB, or its luma) shown at ``t`` seconds."""
        if self._viewed is None:
            digest, quality = _pdq(rgb)
        else:  # the hash as it is is the first of the views' (one DCT gives all eight)
            dihedral, quality = pdqhash.compute_dihedral(_pdq_grid(rgb))
            digest = _packed(dihedral[0])
        if self.frames:
            self._frame_gap = min(self._frame_gap, max(t - self.frames[-1].t, 1e-3))
        slack = self._frame_gap / 2
        since = t - self.frames[-1].t if self.frames else self.interval
        moved = hamming(digest, self._last) if self.frames else 0
        # Motion adds key frames (at most MAX_RATE per second) so that any frame of the
        # video, a screenshot say, lies within about MOTION_STEP bits of a key frame.
        if (since >= self.interval - slack or moved > SCENE_CHANGE
                or (moved > MOTION_STEP and since >= 1 / MAX_RATE - slack)):
            self.frames.append(FrameHash(round(t, 4), digest, quality))
            if self.centre:
                self.centre_frames.append(FrameHash(round(t, 4), *_pdq(_centre(rgb))))
            if self._viewed is not None:
                self._viewed.append((round(t, 4), dihedral, quality, rgb))
            self._last = digest

    def views(self) -> dict[str, list[FrameHash]]:
        """Each key frame seen each way a re-post shows it (VIEWS; for the views a query
        was made with), hashed now."""
        out: dict[str, list[FrameHash]] = {}
        for t, dihedral, quality, picture in self._viewed or ():
            for name, seen in _views(dihedral, quality, picture).items():
                out.setdefault(name, []).append(FrameHash(t, *seen))
        return out


# -- audio ---------------------------------------------------------------------------------
def _band_edges(n_fft: int, rate: float) -> np.ndarray:
    hz = np.geomspace(AUDIO_LOW_HZ, AUDIO_HIGH_HZ, AUDIO_BANDS + 1)
    return np.round(hz / rate * n_fft).astype(int)


def audio_fingerprint(samples: np.ndarray, rate: int) -> np.ndarray:
    """Haitsma–Kalker sub-fingerprints (uint32, one per 11.6 ms) of (n,) or (n, ch) audio.

    Sub-fingerprints of near-silent frames are 0; indexes skip them.
    """
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    low = soxr.resample(mono.astype(np.float64), rate, float(AUDIO_RATE))
    n = (len(low) - AUDIO_FRAME) // AUDIO_HOP + 1
    if n < 2:
        return np.zeros(0, np.uint32)
    windows = np.lib.stride_tricks.sliding_window_view(low, AUDIO_FRAME)[::AUDIO_HOP][:n]
    power = np.abs(np.fft.rfft(windows * np.hanning(AUDIO_FRAME), axis=1)) ** 2
    edges = _band_edges(AUDIO_FRAME, float(AUDIO_RATE))
    cums = np.concatenate([np.zeros((n, 1)), np.cumsum(power, axis=1)], axis=1)
    energy = cums[:, edges[1:]] - cums[:, edges[:-1]] + 1e-12
    log_e = np.log(energy)
    across = log_e[:, :-1] - log_e[:, 1:]
    bits = (across[1:] - across[:-1]) > 0
    words = (bits.astype(np.uint64) << np.arange(32, dtype=np.uint64)).sum(axis=1)
    loud = 10 * np.log10(energy.sum(axis=1))
    quiet = loud[1:] < loud.max() + _AUDIO_FLOOR_DB
    words[quiet] = 0
    return words.astype(np.uint32)


# -- files ---------------------------------------------------------------------------------
FrameObserver = Callable[[float, "DecodedPicture"], None]


@dataclass
class _Scan:
    keys: _KeyFrames
    audio: np.ndarray
    has_video: bool
    has_audio: bool
    sound: np.ndarray  # the decoded mono sound at the scan's rate
    seconds: float  # how far the scan got
    pairs: landmarks.Pairs  # the sound's peak pairs


class DecodedPicture:
    """One decoded video frame, whose luma is taken once however many sizes are asked of it.

    Every reader of a copy's pictures works on luma: PDQ hashes it, the picture mark is
    added to it (the same change on R, G and B) and the content box is found in it. The
    luma is read straight off the frame's Y plane, so a frame is never converted to RGB.
    """

    def __init__(self, frame: av.VideoFrame) -> None:
        self.frame = frame
        self.width, self.height = frame.width, frame.height
        self._plane: tuple[np.ndarray, bool] | None = None
        self._luma: np.ndarray | None = None

    def luma(self, scale: float = 1.0) -> np.ndarray:
        """The frame's luma (uint8, 0–255), shrunk by ``scale`` (area-averaged) when under 1."""
        if scale >= 1:
            if self._luma is None:
                self._luma = self._full_range(*self._y())
            return self._luma
        size = (max(2, round(self.width * scale)), max(2, round(self.height * scale)))
        if self._luma is not None:
            return shrink(self._luma, size)
        # brought to full range after shrinking: the same to a rounding (the range's
        # stretch is linear), on a fraction of the pixels
        y, full = self._y()
        return self._full_range(shrink(y, size), full)

    def _y(self) -> tuple[np.ndarray, bool]:
        if self._plane is None:
            self._plane = luma_plane(self.frame)
        return self._plane

    @staticmethod
    def _full_range(y: np.ndarray, full: bool) -> np.ndarray:
        return y.copy() if full else cv2.LUT(y, _LIMITED_TO_FULL)  # of its own either way


def _small_luma(picture: DecodedPicture) -> np.ndarray:
    _check_size(picture.width, picture.height, "video frame")
    return picture.luma(_HASH_SIDE / max(picture.width, picture.height))


# Formats whose first plane is 8-bit luma (Y'), the full-range (JPEG) ones named with a j.
_Y_PLANE_FORMATS = frozenset({"yuv420p", "yuv422p", "yuv444p", "yuv440p", "yuv411p", "nv12",
                              "nv21", "yuvj420p", "yuvj422p", "yuvj444p", "yuvj440p",
                              "yuvj411p"})
_AVCOL_RANGE_JPEG = 2
# Limited (MPEG) range luma, 16–235, stretched to 0–255: what the luma of the frame's RGB
# would be (RGB made from it by the BT.601 or BT.709 matrix has this luma by the matching
# weights; the mark is on R, G and B alike, so on any weighting of them).
_LIMITED_TO_FULL = np.clip(np.round((np.arange(256) - 16) * 255 / 219), 0, 255).astype(np.uint8)


def luma_plane(frame: av.VideoFrame) -> tuple[np.ndarray, bool]:
    """A decoded frame's luma and whether it is full range (else limited, 16–235).

    8-bit YUV frames (nearly every video) give a view of their Y plane; any other format
    is converted to RGB by FFmpeg and weighed by BT.601 (full range).
    """
    if frame.format.name in _Y_PLANE_FORMATS:
        plane = frame.planes[0]
        rows = np.frombuffer(memoryview(plane), np.uint8, count=plane.line_size * plane.height)
        y = rows.reshape(plane.height, plane.line_size)[:frame.height, :frame.width]
        return y, (frame.format.name.startswith("yuvj")
                   or frame.color_range == _AVCOL_RANGE_JPEG)
    return cv2.cvtColor(frame.to_ndarray(format="rgb24"), cv2.COLOR_RGB2GRAY), True


def shrink(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``rgb`` (or a one-channel picture) brought down to ``size`` (width, height),
    averaging areas.

    OpenCV averages areas fast only by whole factors; by any other it takes its general
    path, some five times slower on a large frame (12 ms for 2276x1280 to 256 wide, 15 ms
    to 1280x720). So the picture is first averaged by the largest whole factor that keeps
    it at least ``size`` (the few rows and columns past a multiple of it dropped), then the
    rest of the way; where no whole factor fits (under 2), it is halved and brought back up
    to ``size`` by interpolation, which keeps the detail of the half: what the fingerprint
    and the picture mark look at is coarser still.
    """
    h, w = rgb.shape[:2]
    if size == (w, h):
        return rgb
    factor = max(2, min(w // size[0], h // size[1]))
    if w // factor < 2 or h // factor < 2:
        return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    fast = cv2.resize(rgb[:h - h % factor, :w - w % factor], (w // factor, h // factor),
                      interpolation=cv2.INTER_AREA)
    if (fast.shape[1], fast.shape[0]) == size:
        return fast
    grow = fast.shape[1] < size[0] or fast.shape[0] < size[1]
    return cv2.resize(fast, size, interpolation=cv2.INTER_LINEAR if grow else cv2.INTER_AREA)


def _scan(path: Path, keys: _KeyFrames, max_seconds: float, stop_at_limit: bool,
          on_frame: FrameObserver | None = None, rate: int = _DECODE_RATE,
          max_pixels: int | None = None) -> _Scan:
    """Decode video and sound of ``path`` in one pass, hashing frames as they come.

    ``on_frame`` sees every decoded frame (with its time) too; the sound is decoded to
    mono at ``rate`` (a multiple of the fingerprint's own rate). Reading stops at
    ``max_seconds`` by the timestamps, and also, whatever they say, after ``max_pixels``
    of pictures or ``max_seconds`` of decoded sound.
    """
    try:
        container = av.open(str(path))
    except FileNotFoundError as exc:
        raise FingerprintError(f"{path.name}: no such file") from exc
    except (av.FFmpegError, OSError) as exc:
        raise FingerprintError(f"{path.name}: not an image, video or sound file") from exc
    with container:
        video = container.streams.video[0] if container.streams.video else None
        sound = container.streams.audio[0] if container.streams.audio else None
        if video is None and sound is None:
            raise FingerprintError(f"{path.name}: holds neither pictures nor sound")
        if video is not None:
            if min(video.codec_context.width, video.codec_context.height) < 1:
                # named like a picture or a video, but nothing in it decodes as one (a text
                # file called photo.png): say what it is not, not what it lacks
                raise FingerprintError(f"{path.name}: not an image, video or sound file "
                                       "openreel can read")
            _check_size(video.codec_context.width, video.codec_context.height, "video")
            video.thread_type = "AUTO"
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks: list[np.ndarray] = []
        starts: dict[int, float] = {}
        reached, frames, limited, damaged = 0.0, 0, False, 0
        pixels, heard = 0, 0.0
        try:
            for packet in container.demux(*(s for s in (video, sound) if s is not None)):
                try:
                    # A damaged packet is skipped, as a player would conceal it: one
                    # flipped byte must not hide the rest of the file from a verifier.
                    decoded_frames = packet.decode()
                except av.InvalidDataError:
                    damaged += 1
                    continue
                for decoded in decoded_frames:
                    if not isinstance(decoded, av.VideoFrame | av.AudioFrame):
                        continue
                    start = starts.setdefault(packet.stream.index, decoded.time or 0.0)
                    t = (decoded.time or 0.0) - start
                    if isinstance(decoded, av.VideoFrame):
                        pixels += decoded.width * decoded.height
                    else:
                        heard += decoded.samples / max(decoded.sample_rate or 1, 1)
                    if t > max_seconds or heard > max_seconds or (
                            max_pixels is not None and pixels > max_pixels):
                        limited = True
                        break
                    reached = max(reached, t)
                    if isinstance(decoded, av.VideoFrame):
                        picture = DecodedPicture(decoded)
                        keys.feed(t, _small_luma(picture))
                        if on_frame is not None:
                            on_frame(t, picture)
                        frames += 1
                    else:
                        chunks.extend(o.to_ndarray()[0] for o in resampler.resample(decoded))
                if limited:
                    break
            chunks.extend(o.to_ndarray()[0] for o in resampler.resample(None))
        except av.FFmpegError as exc:
            raise FingerprintError(f"{path.name}: damaged or truncated ({exc})") from exc
        if limited and not stop_at_limit:
            raise FingerprintError(f"{path.name}: longer than the {max_seconds:g} s limit")
        if video is not None and frames == 0:
            raise FingerprintError(f"{path.name}: no picture could be decoded"
                                   + (f" ({damaged} damaged packets)" if damaged else ""))
        declared = float(container.duration or 0) / av.time_base
        if not limited and declared > 0 and reached < declared - max(1.0, 0.1 * declared):
            raise FingerprintError(f"{path.name}: truncated, it decodes to {reached:.1f} s "
                                   f"of the {declared:.1f} s it declares")
    mono = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    return _Scan(keys, audio_fingerprint(mono, rate), video is not None, sound is not None,
                 mono, reached, landmarks.pairs(mono, rate))


def fingerprint_video(path: Path | str) -> VideoFingerprint:
    """Fingerprint a video file for storing: key-frame PDQ hashes and audio."""
    path = Path(path)
    scan = _scan(path, _KeyFrames(STORE_INTERVAL, centre=True), MAX_VIDEO_SECONDS,
                 stop_at_limit=False)
    if not scan.has_video:
        raise FingerprintError(f"{path.name}: has no video stream")
    keys, times = landmarks.hashes(scan.pairs)
    return VideoFingerprint(frames=scan.keys.frames, audio=scan.audio,
                            centre_frames=scan.keys.centre_frames, landmark_keys=keys,
                            landmark_times=times)


class FingerprintBuilder:
    """Fingerprints a video from its frames and soundtrack while they are made.

    The render pipeline feeds the exact frames it encodes, so storing a fingerprint costs
    a resize and a PDQ hash per considered frame instead of decoding the finished file.
    Every frame is considered: while the picture moves fast, key frames come as often as
    ``MAX_RATE`` a second, one a frame at 24 fps.
    """

    stride = 1

    def __init__(self, fps: float) -> None:
        if fps <= 0:
            raise ValueError("fps must be positive")
        self.fps = fps
        self._keys = _KeyFrames(STORE_INTERVAL, centre=True)
        self._index = 0
        self._audio = np.zeros(0, np.uint32)
        self._landmarks = (np.zeros(0, np.uint32), np.zeros(0, np.int32))

    def add_frame(self, frame: np.ndarray) -> None:
        """Consider the next (height, width, 3 or 4) uint8 frame of the video."""
        index = self._index
        self._index += 1
        if index % self.stride:
            return
        h, w = frame.shape[:2]
        scale = _HASH_SIDE / max(h, w)
        if scale < 1:
            size = (max(2, round(w * scale)), max(2, round(h * scale)))
            small = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        else:
            small = frame
        self._keys.feed(index / self.fps, small[..., :3])

    def set_audio(self, samples: np.ndarray, rate: int) -> None:
        """The whole soundtrack, (n,) or (n, channels) float."""
        self._audio = audio_fingerprint(np.asarray(samples, np.float32), rate)
        self._landmarks = landmarks.hashes(landmarks.pairs(np.asarray(samples, np.float32),
                                                           rate))

    def result(self) -> VideoFingerprint:
        """The fingerprint of everything fed so far."""
        return VideoFingerprint(frames=list(self._keys.frames), audio=self._audio,
                                centre_frames=list(self._keys.centre_frames),
                                landmark_keys=self._landmarks[0],
                                landmark_times=self._landmarks[1])


def read_image(path: Path) -> np.ndarray | None:
    """The picture in ``path`` as RGB, or None when it is not an image file."""
    try:
        image = Image.open(path)
    except UnidentifiedImageError:
        return None
    except FileNotFoundError as exc:
        raise FingerprintError(f"{path.name}: no such file") from exc
    except (OSError, Image.DecompressionBombError) as exc:
        raise FingerprintError(f"{path.name}: unreadable image ({exc})") from exc
    with image:
        _check_size(image.width, image.height, "image")
        # JPEG decodes straight to a smaller scale; the hash needs only 256 px.
        image.draft("RGB", (4 * _HASH_SIDE, 4 * _HASH_SIDE))
        try:
            return np.asarray(image.convert("RGB"))
        except (OSError, ValueError, SyntaxError) as exc:
            raise FingerprintError(f"{path.name}: damaged or truncated image ({exc})") from exc


@dataclass(frozen=True)
class CopyScan:
    """One bounded decoding pass over a copy: its sound, and what to search with."""

    scan: _Scan
    rate: int  # the sound's

    @property
    def kind(self) -> Literal["video", "audio"]:
        """A video, or a sound file (no picture)."""
        return "video" if self.scan.has_video else "audio"

    @property
    def sound(self) -> np.ndarray:
        """The decoded mono sound, float32 at ``rate``; empty without a sound track."""
        return self.scan.sound

    @property
    def seconds(self) -> float:
        """How much of the copy was read."""
        return self.scan.seconds

    def query(self) -> QueryFingerprint:
        """What to look the copy up with. The key frames' other views (mirrored, turned,
        boxed in: a content box and two PDQ hashes a key frame) are hashed now rather than
        while decoding, so that this work can run beside the marks' detectors."""
        scan = self.scan
        if self.kind == "audio":
            return QueryFingerprint("audio", [], scan.audio, pairs=scan.pairs)
        return QueryFingerprint("video", scan.keys.frames, scan.audio, scan.keys.views(),
                                scan.pairs)


def scan_copy(path: Path | str, *, on_frame: FrameObserver | None = None,
              rate: int = _DECODE_RATE) -> CopyScan:
    """Decode a video or sound file once (at most :data:`MAX_QUERY_SECONDS`, and at most
    :data:`MAX_QUERY_PIXELS` of pictures whatever the timestamps say) for a query.

    ``on_frame`` is called with every decoded video frame and its time, so other
    detectors can share the pass; ``rate`` is the mono rate the sound is decoded to.
    """
    if rate % _DECODE_RATE:
        raise ValueError(f"rate must be a multiple of {_DECODE_RATE}")
    path = Path(path)
    scan = _scan(path, _KeyFrames(QUERY_INTERVAL, centre=False, views=True), MAX_QUERY_SECONDS,
                 stop_at_limit=True, on_frame=on_frame, rate=rate, max_pixels=MAX_QUERY_PIXELS)
    return CopyScan(scan, rate)


def fingerprint_query(source: Path | str | np.ndarray) -> QueryFingerprint:
    """Fingerprint a copy to look up: an image (file or RGB array), a video or a sound file.

    A video or sound file is read for at most :data:`MAX_QUERY_SECONDS`.
    """
    if isinstance(source, np.ndarray):
        return QueryFingerprint("image", image_query_hashes(source),
                                views=image_query_views(source))
    path = Path(source)
    if path.is_dir():
        raise FingerprintError(f"{path.name}: is a folder")
    picture = read_image(path)
    if picture is not None:
        return QueryFingerprint("image", image_query_hashes(picture),
                                views=image_query_views(picture))
    return scan_copy(path).query()
