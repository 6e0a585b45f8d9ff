"""Examine any file for openreel provenance: manifest, invisible marks and fingerprint matches.

One bounded decoding pass serves every check: the picture-mark detector averages up to
``PICTURE_FRAMES`` frames spread over the copy, the sound-mark detector reads the decoded
soundtrack, and the same pass yields the query fingerprint for the reverse-search index.
An image (a screenshot, a saved frame) is one frame; a sound file has no picture.

This module reports what the file itself shows. Putting names to the findings (which
video, whose, when) is the catalogue's job, in ``openreel.services.provenance``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import numpy as np

from openreel.provenance import audio_mark, landmarks, picture_mark
from openreel.provenance.fingerprint import (
    MAX_QUERY_SECONDS,
    DecodedPicture,
    FingerprintError,
    QueryFingerprint,
    image_query_hashes,
    image_query_views,
    read_image,
    scan_copy,
)
from openreel.provenance.hash_index import Candidate, HashIndex
from openreel.provenance.manifest import ManifestReadError, ManifestReport, read_manifest

PICTURE_FRAMES = 96  # frames the picture-mark detector averages at most
PICTURE_SIDE = 720  # frames are handed to the detector at most this tall/wide (short side)
SOUND_RATE = 22_050  # the soundtrack is decoded to mono at this rate (the marks sit < 4 kHz)
MAX_MATCHES = 5

Kind = Literal["video", "image", "audio"]


class VerifyError(ValueError):
    """The file cannot be examined; the message says why."""


@dataclass(frozen=True)
class MarkReading:
    """What one invisible-mark detector found."""

    payload: bytes | None
    confidence: float
    bit_errors: int | None
    # read under a public key (openreel's of older versions), which anyone can write with:
    # evidence only where something else agrees
    public: bool = False
    view: str = ""  # how the copy shows the marked picture, when not as it was

    @property
    def found(self) -> bool:
        """True when a payload was decoded."""
        return self.payload is not None


@dataclass(frozen=True)
class Examination:
    """Everything a file reveals about where it comes from."""

    kind: Kind
    width: int | None
    height: int | None
    seconds: float  # how much of it was read (0 for an image)
    manifest: ManifestReport
    picture: MarkReading | None  # None: nothing to look at (a sound file)
    sound: MarkReading | None  # None: nothing to listen to (an image, a silent clip)
    matches: list[Candidate] = field(default_factory=list)

    @property
    def marks(self) -> set[bytes]:
        """The distinct payloads the two detectors decoded."""
        return {r.payload for r in (self.picture, self.sound)
                if r is not None and r.payload is not None}


@dataclass(frozen=True)
class Looked:
    """What a file shows by itself, and its fingerprint to look up in an index."""

    examination: Examination  # with no matches yet
    query: QueryFingerprint
    # the decoded sound (mono, SOUND_RATE), kept where it has no sound mark as it is: the
    # index may hear it changed (played faster, pitched), and the mark is read once more
    # with the change undone (see :func:`sound_change_heard`, :func:`with_sound_reread`)
    sound: np.ndarray | None = None


def examine(path: Path | str, *, key: int, trust_anchors_pem: str | None,
            index: HashIndex | None = None, public_keys: tuple[int, ...] = ()) -> Examination:
    """Look at ``path`` (video, image or sound) for every sign of openreel provenance."""
    return with_matches(look(path, key=key, trust_anchors_pem=trust_anchors_pem,
                             public_keys=public_keys), index)


def with_matches(looked: Looked, index: HashIndex | None) -> Examination:
    """The examination with the index's closest fingerprints to the file."""
    return replace(looked.examination, matches=_lookup(index, looked.query))


def sound_change_heard(found: Examination) -> Candidate | None:
    """The first of ``found``'s matches that heard the sound changed (played faster,
    pitched, paced), where the sound mark was not read as it is; else None."""
    if found.sound is not None and found.sound.found:
        return None
    return next((c for c in found.matches if c.sound_pitch_tempo != (1.0, 1.0)), None)


def with_sound_reread(sound: np.ndarray | None, found: Examination, *, key: int,
                      public_keys: tuple[int, ...] = ()) -> Examination:
    """``found`` with its sound mark read once more in ``sound`` (a Looked's) where
    :func:`sound_change_heard` names a change: with that change undone
    (``audio_mark.detect``'s ``change``), or the grid's next step on either side of it
    (``landmarks.around``), nearest first.

    The changes tried come from the index, not the key, so this is at most three more
    calls of the detector per key: the false-positive bound of a mark found so is four
    times the detector's (1.0e-6).
    """
    changed = sound_change_heard(found)
    if sound is None or changed is None:
        return found
    tries = landmarks.around(changed.sound_pitch_tempo)
    heard_as = tries[0]

    def detect(key: int) -> audio_mark.AudioDetection:
        nonlocal heard_as
        for change in tries:
            got = audio_mark.detect(sound, SOUND_RATE, key, change=change)
            if got.payload is not None:
                heard_as = change
                return got
        return got

    reading = _first_found(detect, _keys(key, public_keys))
    if not reading.found:
        return found
    bound = (1 + len(tries)) * audio_mark.FALSE_POSITIVE_BOUND
    return replace(found, sound=replace(reading, confidence=1.0 - bound,
                                        view=landmarks.change_words(*heard_as)))


def look(path: Path | str, *, key: int, trust_anchors_pem: str | None,
         public_keys: tuple[int, ...] = ()) -> Looked:
    """Everything ``path`` shows by itself: manifest, marks, and its query fingerprint (the
    part of :func:`examine` that reads the file, so it can run apart from the index).

    Marks are looked for under ``key`` (this deployment's secret one), and where a track
    has none under it, under each of ``public_keys`` (readings marked ``public``).
    """
    keys = _keys(key, public_keys)
    path = Path(path)
    if not path.exists():
        raise VerifyError(f"{path.name}: no such file")
    if path.is_dir():
        raise VerifyError(f"{path.name}: is a folder")
    if path.stat().st_size == 0:
        raise VerifyError(f"{path.name}: the file is empty")
    try:
        image = read_image(path)
        if image is not None:
            return _examine_image(path, image, keys, trust_anchors_pem)
        return _examine_clip(path, keys, trust_anchors_pem)
    except FingerprintError as exc:
        raise VerifyError(str(exc)) from exc


MarkDetection = picture_mark.PictureDetection | audio_mark.AudioDetection


def _keys(key: int, public_keys: tuple[int, ...]) -> tuple[int, ...]:
    return (key, *(k for k in public_keys if k != key))


def _first_found(detect: Callable[[int], MarkDetection], keys: tuple[int, ...]) -> MarkReading:
    """The mark under the first of ``keys`` that finds one (the first key's reading when
    none does); later keys are public ones."""
    first: MarkReading | None = None
    for n, key in enumerate(keys):
        found = detect(key)
        view = found.view if isinstance(found, picture_mark.PictureDetection) else ""
        reading = MarkReading(found.payload, found.confidence, found.bit_errors,
                              public=n > 0, view=view)
        if reading.found:
            return reading
        first = first or reading
    assert first is not None
    return first


def _picture_mark(frames: list[np.ndarray], keys: tuple[int, ...]) -> MarkReading:
    """The picture mark in ``frames``, as they are or as a re-post shows the picture."""
    return _first_found(picture_mark.RepostSearch(frames).detect, keys)


def _examine_image(path: Path, image: np.ndarray, keys: tuple[int, ...],
                   anchors: str | None) -> Looked:
    rgb = np.ascontiguousarray(image[..., :3])
    picture = _picture_mark([_detector_size(rgb)], keys)
    query = QueryFingerprint("image", image_query_hashes(rgb), views=image_query_views(rgb))
    return Looked(Examination(
        kind="image", width=rgb.shape[1], height=rgb.shape[0], seconds=0.0,
        manifest=_manifest(path, anchors), picture=picture, sound=None), query)


class _FramePicker:
    """Keeps the luma of frames spread over the copy for the picture-mark detector (which
    reads nothing else), bounded in number."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []
        self.width: int | None = None
        self.height: int | None = None
        self._seen = 0
        self._every = 1

    def __call__(self, t: float, frame: DecodedPicture) -> None:
        self.width, self.height = frame.width, frame.height
        self._seen += 1
        if (self._seen - 1) % self._every:
            return
        self.frames.append(_decoded(frame))
        if len(self.frames) >= PICTURE_FRAMES:  # keep every other one, take half as many
            self.frames = self.frames[::2]
            self._every *= 2


def _decoded(frame: DecodedPicture) -> np.ndarray:
    return frame.luma(PICTURE_SIDE / min(frame.width, frame.height))


def _detector_size(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    scale = PICTURE_SIDE / min(h, w)
    if scale >= 1:
        return rgb
    import cv2

    return cv2.resize(rgb, (max(2, round(w * scale)), max(2, round(h * scale))),
                      interpolation=cv2.INTER_AREA)


def _examine_clip(path: Path, keys: tuple[int, ...], anchors: str | None) -> Looked:
    picker = _FramePicker()
    scan = scan_copy(path, on_frame=picker, rate=SOUND_RATE)
    # What is left once the file is decoded runs side by side: the two detectors are FFT
    # and OpenCV work that lets go of the GIL, and hashing the key frames' other views
    # (mostly Python) fits between them.
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="look") as pool:
        picture = pool.submit(_picture_mark, picker.frames, keys) if picker.frames else None
        sound = None
        if len(scan.sound) and float(np.max(np.abs(scan.sound))) > 0:
            sound = pool.submit(_first_found, lambda key: audio_mark.detect(
                scan.sound, scan.rate, key), keys)
        query = pool.submit(scan.query)
        manifest = _manifest(path, anchors)
        heard = sound.result() if sound is not None else None
        return Looked(Examination(
            kind=scan.kind, width=picker.width, height=picker.height,
            seconds=round(min(scan.seconds, MAX_QUERY_SECONDS), 3), manifest=manifest,
            picture=picture.result() if picture is not None else None, sound=heard),
            query.result(), sound=scan.sound if heard is not None and not heard.found
            else None)


def _manifest(path: Path, anchors: str | None) -> ManifestReport:
    try:
        return read_manifest(path, trust_anchors_pem=anchors)
    except ManifestReadError:  # not an MP4: nothing could carry a manifest
        return ManifestReport(state="absent")


def _lookup(index: HashIndex | None, query: QueryFingerprint) -> list[Candidate]:
    if index is None or len(index) == 0:
        return []
    return index.lookup(query)[:MAX_MATCHES]
