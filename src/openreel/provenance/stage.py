"""The provenance stage of the render pipeline: every output is marked, signed and fingerprinted.

An engine streams its soundtrack and frames into a :class:`MarkingSink`, which sits in front
of the MP4 writer. On the way through

* the soundtrack gets the invisible sound mark, then its audio fingerprint is taken;
* each frame gets the visible moving mark (logo, "openreel", the creator's @handle), then
  the invisible picture mark over it, and every other frame is offered to the fingerprint's
  key-frame picker.

Both invisible marks carry the same 8-byte payload: the video's *mark id*, which is what a
verifier looks the video up by. Once the writer has closed the file, :func:`seal` signs a
C2PA manifest into it (creation action, digital source type, generator, the creator, the
mark id and, for a remix, the parent as an ingredient).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from openreel.provenance import audio_mark, picture_mark
from openreel.provenance.fingerprint import FingerprintBuilder, VideoFingerprint
from openreel.provenance.manifest import (
    ClaimFacts,
    ParentVideo,
    sign_video,
    source_type_for_engine,
)
from openreel.provenance.signing import SigningIdentity
from openreel.provenance.visible import VisibleMark

MARK_BYTES = picture_mark.PAYLOAD_BYTES
# The watermark key every openreel installation uses unless its operator picks another:
# any openreel verifier can then find the marks of any openreel video ("openreel" in ASCII).
DEFAULT_WATERMARK_KEY = int.from_bytes(b"openreel", "big")


def mark_id_for(*parts: object) -> bytes:
    """A mark id derived from what identifies an output (stable across retries)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return digest[:MARK_BYTES]


def mark_id_hex(mark: bytes) -> str:
    """The mark id as it is stored and shown: 16 lowercase hex digits."""
    return mark.hex()


@dataclass(frozen=True)
class Provenance:
    """Who made an output and how it is to be marked and signed."""

    creator: str  # the @handle shown on the picture (without the @)
    mark: bytes  # the payload of both invisible marks
    identity: SigningIdentity
    title: str
    engine: str
    watermark_key: int = DEFAULT_WATERMARK_KEY
    parent: ParentVideo | None = None
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        if len(self.mark) != MARK_BYTES:
            raise ValueError(f"a mark id is {MARK_BYTES} bytes, got {len(self.mark)}")
        if not self.creator.strip("@"):
            raise ValueError("the creator's handle is empty")

    def claim(self) -> ClaimFacts:
        """What the C2PA manifest asserts."""
        return ClaimFacts(
            title=self.title, creator=self.creator.lstrip("@"), created_at=self.created_at,
            engine=self.engine, digital_source_type=source_type_for_engine(self.engine),
            video_id=mark_id_hex(self.mark), watermark_payload=self.mark, parent=self.parent)


class MarkingSink:
    """A frame sink that marks and fingerprints what it passes on to ``sink``."""

    def __init__(self, sink: object, provenance: Provenance, width: int, height: int,
                 fps: int) -> None:
        self.sink = sink
        self.provenance = provenance
        self.visible = VisibleMark(provenance.creator, width, height, fps)
        self.picture = picture_mark.PictureMarker(provenance.mark, provenance.watermark_key,
                                                  width, height)
        self.fingerprint = FingerprintBuilder(fps)
        self.frames = 0
        self.seconds = 0.0  # time spent marking and fingerprinting

    def write_audio(self, samples: np.ndarray) -> None:
        """Mark the soundtrack, fingerprint the marked sound and pass it on."""
        started = time.perf_counter()
        marked = audio_mark.embed(samples, _AUDIO_RATE, self.provenance.mark,
                                  self.provenance.watermark_key)
        self.fingerprint.set_audio(marked, _AUDIO_RATE)
        self.seconds += time.perf_counter() - started
        self.sink.write_audio(marked)  # type: ignore[attr-defined]

    def write_frame(self, rgba: np.ndarray) -> None:
        """Mark one frame (visible, then invisible), fingerprint it and pass it on."""
        started = time.perf_counter()
        frame = self.visible.apply(rgba, self.frames)
        frame = self.picture.apply(frame)
        self.fingerprint.add_frame(frame)
        self.frames += 1
        self.seconds += time.perf_counter() - started
        self.sink.write_frame(frame)  # type: ignore[attr-defined]

    def mark_still(self, rgb: np.ndarray, index: int = 0) -> np.ndarray:
        """Mark a picture of the video (its poster) as frame ``index`` would be."""
        frame = np.array(rgb, dtype=np.uint8, copy=True)
        return self.picture.apply(self.visible.apply(frame, index))


_AUDIO_RATE = 48_000


def seal(path: Path, provenance: Provenance) -> None:
    """Sign a C2PA manifest into the finished MP4 at ``path`` (replaced atomically)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.signed")
    try:
        sign_video(path, tmp, provenance.identity, provenance.claim())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class Sealed:
    """What the provenance stage leaves for the catalogue: the mark id and the fingerprint."""

    mark: bytes
    fingerprint: VideoFingerprint
    seconds: float  # time the stage took
