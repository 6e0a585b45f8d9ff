"""Provenance for the platform: who signs, how outputs are marked, the catalogue, verifying.

Every video the platform stores went through the pipeline's provenance stage, which gets its
inputs from the platform's :class:`~openreel.services.signing.Signing`; this module files
what it leaves behind (the mark id on the video row, the fingerprint in its own table) and
answers "where does this file come from?" by combining what the file shows
(``openreel.provenance.verify``) with the platform's catalogue
(:mod:`openreel.services.verifying`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import numpy as np
from PIL import Image as PILImage
from sqlalchemy.orm import Session

from openreel.db.models import Fingerprint, User, Video, VideoStatus
from openreel.provenance.fingerprint import FrameHash, QueryFingerprint, image_query_hashes
from openreel.provenance.hash_index import Candidate
from openreel.provenance.stage import Sealed, mark_id_hex
from openreel.provenance.verify import (
    Looked,
    VerifyError,
    look,
    sound_change_heard,
    with_matches,
    with_sound_reread,
)
from openreel.services.errors import UnsupportedMedia
from openreel.services.isolation import Isolated, run_on_upload
from openreel.services.platform import Platform
from openreel.services.uploads import VERIFIABLE, scratch_copy
from openreel.services.verdict import FoundVideo, TrackFinding, Verdict, verdict_json, weigh

T = TypeVar("T")

__all__ = ["FoundVideo", "TrackFinding", "Verdict", "register", "verdict_json", "verdict_on",
           "verify_file", "verify_upload"]


def register(session: Session, video: Video, sealed: Sealed) -> None:
    """File an output's mark id and fingerprint with its (flushed) video row."""
    video.mark = mark_id_hex(sealed.mark)
    session.add(Fingerprint(video_id=video.id, data=sealed.fingerprint.to_bytes()))


# -- verifying ---------------------------------------------------------------------------------
def verify_file(session: Session, platform: Platform, path: Path,
                viewer: User | None = None, *, apart: bool = False) -> Verdict:
    """Examine ``path`` and tell what it is, naming the video it comes from when known.

    ``apart``: read the file in a child process, through the platform's checker: bounded
    in time, memory and number (for files strangers send; see services.isolation).
    """
    key, public = platform.signing.watermark_key, platform.signing.public_keys
    anchors = platform.signing.identity().trust_anchors_pem
    if apart:
        looked = _apart(platform.checks, look, path, key=key, trust_anchors_pem=anchors,
                        public_keys=public)
    else:
        looked = look(path, key=key, trust_anchors_pem=anchors, public_keys=public)
    return verdict_on(session, platform, looked, viewer, apart=apart)


def verdict_on(session: Session, platform: Platform, looked: Looked,
               viewer: User | None = None, *, apart: bool = False) -> Verdict:
    """The verdict on what a file showed by itself (read with ``platform.signing``'s keys
    and trust anchors, as :func:`verify_file` reads it), the catalogue looked up.

    ``apart``: where the sound mark is read once more (under a change of speed or pitch the
    catalogue heard), it is read through the platform's checker, as the file was.
    """
    found = with_matches(looked, platform.catalogue.refresh(session))
    # Only what openreel generated is identified: a deleted video is gone (never named,
    # never matched; its marks still say openreel), and a picture someone started a video
    # from is theirs, not a frame of the video.
    found = replace(found, matches=[c for c in found.matches
                                    if _generated(session, platform, c, looked.query)])
    if looked.sound is not None and sound_change_heard(found) is not None:
        key, public = platform.signing.watermark_key, platform.signing.public_keys
        found = (_apart(platform.checks, with_sound_reread, looked.sound, found, key=key,
                        public_keys=public) if apart
                 else with_sound_reread(looked.sound, found, key=key, public_keys=public))
    return weigh(session, found, viewer)


def _apart(checks: Isolated, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``work`` on a file strangers sent, through the platform's checker."""
    return run_on_upload(checks, work, *args, doing="examine",
                         instead="send a shorter or smaller copy", **kwargs)


def verify_upload(session: Session, platform: Platform, stream: BinaryIO, filename: str,
                  viewer: User | None = None) -> Verdict:
    """Verify an uploaded file: copied to scratch space (never whole into memory), examined,
    removed. Too large → TooLarge; empty → InvalidInput; not media → UnsupportedMedia."""
    settings = platform.settings
    with scratch_copy(stream, filename, settings.scratch_dir(), settings.max_upload_bytes,
                      VERIFIABLE) as copy:
        try:
            return verify_file(session, platform, copy, viewer, apart=True)
        except VerifyError as exc:
            problem = str(exc).replace(copy.name, filename or "file")
            raise UnsupportedMedia(VERIFIABLE.refusal(problem)) from exc


def _generated(session: Session, platform: Platform, match: Candidate,
               query: QueryFingerprint) -> bool:
    """Whether a fingerprint match is to what openreel generated: a video not deleted,
    and for a still, not (a copy of) the picture the video was started from (someone's own
    photo resembles the video's first frames, but is closer to itself than to them)."""
    video = session.get(Video, match.video_id)
    if video is None or video.status == VideoStatus.DELETED:
        return False
    return not (query.kind == "image" and video.source_image_key is not None
                and match.best_distance is not None
                and _is_the_picture(platform, video.source_image_key, query,
                                    match.best_distance))


def _is_the_picture(platform: Platform, key: str, query: QueryFingerprint,
                    to_video: int) -> bool:
    """Whether a still is (a copy of) the picture a video was started from rather than a
    frame of the video: at least as close to that picture as to the video."""
    blobs = platform.blobs
    if not blobs.exists(key):
        return False
    with blobs.open(key) as stream:
        picture = np.asarray(PILImage.open(stream).convert("RGB"))
    return _distance(query.frames, image_query_hashes(picture)) <= to_video


def _distance(a: list[FrameHash], b: list[FrameHash]) -> int:
    """The fewest differing bits between any hash of ``a`` and any of ``b``."""
    return min((int.from_bytes(x.hash, "big") ^ int.from_bytes(y.hash, "big")).bit_count()
               for x in a for y in b) if a and b else 256
