"""The provenance stage of the render pipeline: every output is marked, signed and fingerprinted.

An engine streams its soundtrack and frames into a :class:`MarkingSink`, which sits in front
of the MP4 writer. On the way through

* the soundtrack gets the invisible sound mark, then its audio fingerprint is taken;
* each frame gets the invisible picture mark, then the visible moving mark (logo,
  "openreel", the creator's @handle) over it, and every other frame is offered to the
  fingerprint's key-frame picker.

Both invisible marks carry the same 8-byte payload: the video's *mark id*, which is what a
verifier looks the video up by. Once the writer has closed the file, :func:`seal` signs a
C2PA manifest into it (creation action, digital source type, generator, the creator, the
mark id and, for a remix, the parent as an ingredient).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import queue
import threading
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
    """A frame sink that marks and fingerprints what it passes on to ``sink``.

    The work happens beside the caller (the renderer): frames are marked in order on a
    thread of their own and the soundtrack on another. Both are OpenCV and numpy work that
    releases the GIL, so it overlaps the rendering of the next frames. Use it between
    :meth:`open` and :meth:`close` (or :meth:`abort`); the first error of either thread is
    raised by the next call.
    """

    def __init__(self, sink: object, provenance: Provenance, width: int, height: int,
                 fps: int, queue_frames: int = 4) -> None:
        self.sink = sink
        self.provenance = provenance
        self.visible = VisibleMark(provenance.creator, width, height, fps)
        self.picture = picture_mark.PictureMarker(provenance.mark, provenance.watermark_key,
                                                  width, height)
        self.fingerprint = FingerprintBuilder(fps)
        self.frames = 0
        self.seconds = 0.0  # time spent marking and fingerprinting (summed over threads)
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(queue_frames)
        self._frame_thread: threading.Thread | None = None
        self._sound_thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()

    def open(self) -> None:
        """Start the thread that marks frames."""
        self._frame_thread = threading.Thread(target=self._mark_frames, name="frame-marks",
                                              daemon=True)
        self._frame_thread.start()

    def write_audio(self, samples: np.ndarray) -> None:
        """Mark the soundtrack, fingerprint the marked sound and pass it on (on a thread)."""
        self._raise_error()
        if self._sound_thread is not None:
            raise RuntimeError("the soundtrack was already given")
        self._sound_thread = threading.Thread(target=self._mark_sound, args=(samples,),
                                              name="sound-mark", daemon=True)
        self._sound_thread.start()

    def write_frame(self, rgba: np.ndarray) -> None:
        """Queue one frame to be marked (invisible, then visible), fingerprinted, passed on."""
        self._raise_error()
        if self._frame_thread is None:
            raise RuntimeError("the marking sink is not open")
        self._queue.put(rgba)

    def close(self) -> None:
        """Wait until every frame and the soundtrack have been marked and passed on."""
        self._join()
        self._raise_error()

    def abort(self) -> None:
        """Stop, dropping whatever is still queued."""
        self._record(RuntimeError("aborted"))
        self._join()

    def mark_still(self, rgb: np.ndarray, index: int = 0) -> np.ndarray:
        """Mark a picture of the video (its poster) as frame ``index`` would be."""
        frame = picture_mark.embed(rgb, self.provenance.mark, self.provenance.watermark_key)
        return self.visible.apply(frame, index)

    # -- the threads ----------------------------------------------------------------------
    def _mark_sound(self, samples: np.ndarray) -> None:
        try:
            started = time.perf_counter()
            marked = audio_mark.embed(samples, _AUDIO_RATE, self.provenance.mark,
                                      self.provenance.watermark_key)
            self.fingerprint.set_audio(marked, _AUDIO_RATE)
            self._add_seconds(time.perf_counter() - started)
            self.sink.write_audio(marked)  # type: ignore[attr-defined]
        except BaseException as exc:  # raised to the caller by its next call
            self._record(exc)

    def _mark_frames(self) -> None:
        while (rgba := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain so the renderer never blocks
            try:
                started = time.perf_counter()
                # The invisible mark first: its masking then sees the picture alone, not
                # the visible mark, whose sharp text would raise the chips under it (and,
                # as the masking is refreshed every few frames, leave them behind where
                # the visible mark was once it glides on).
                frame = self.picture.apply(rgba)
                frame = self.visible.apply(frame, self.frames)
                self.fingerprint.add_frame(frame)
                self.frames += 1
                self._add_seconds(time.perf_counter() - started)
                self.sink.write_frame(frame)  # type: ignore[attr-defined]
            except BaseException as exc:
                self._record(exc)

    def _join(self) -> None:
        if self._frame_thread is not None:
            self._queue.put(None)
            self._frame_thread.join()
            self._frame_thread = None
        if self._sound_thread is not None:
            self._sound_thread.join()

    def _add_seconds(self, seconds: float) -> None:
        with self._lock:
            self.seconds += seconds

    def _record(self, exc: BaseException) -> None:
        with self._lock:
            self._error = self._error or exc

    def _raise_error(self) -> None:
        if self._error is not None:
            raise RuntimeError(f"marking failed: {self._error}") from self._error


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
