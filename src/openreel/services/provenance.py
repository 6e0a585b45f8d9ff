"""Provenance for the platform: who signs, how outputs are marked, the catalogue, verifying.

Every video the platform stores went through the pipeline's provenance stage, which gets its
inputs from the platform's :class:`~openreel.services.signing.Signing`; this module files
what it leaves behind (the mark id on the video row, the fingerprint in its own table) and
answers "where does this file come from?" by combining what the file shows
(``openreel.provenance.verify``) with the platform's catalogue
(:mod:`openreel.services.verifying`).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from PIL import Image as PILImage
from sqlalchemy import select
from sqlalchemy.orm import Session

from openreel.db.models import Fingerprint, User, Video, VideoStatus
from openreel.provenance.fingerprint import FrameHash, QueryFingerprint, image_query_hashes
from openreel.provenance.hash_index import Candidate
from openreel.provenance.stage import Sealed, mark_id_hex
from openreel.provenance.verify import (
    Examination,
    Looked,
    MarkReading,
    VerifyError,
    look,
    with_matches,
)
from openreel.services.errors import InvalidInput, TooLarge, UnsupportedMedia
from openreel.services.isolation import Isolated, OutOfMemory, TookTooLong
from openreel.services.platform import Platform
from openreel.services.uploads import VERIFIABLE
from openreel.services.videos import can_see


def register(session: Session, video: Video, sealed: Sealed) -> None:
    """File an output's mark id and fingerprint with its (flushed) video row."""
    video.mark = mark_id_hex(sealed.mark)
    session.add(Fingerprint(video_id=video.id, data=sealed.fingerprint.to_bytes()))


# -- verifying ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class FoundVideo:
    """The openreel video a file comes from, as far as the viewer may know it."""

    video_id: int | None  # None when the viewer may not see it (someone's draft)
    creator: str
    created_at: dt.datetime
    engine: str
    evidence: tuple[str, ...]  # "picture mark", "sound mark", "manifest", "fingerprint"


@dataclass(frozen=True)
class Verdict:
    """The answer to "is this an openreel video, whose, and was it changed?"."""

    examination: Examination
    is_openreel: bool
    video: FoundVideo | None
    summary: str
    # Fingerprint matches as (video id, confidence); the id is None where the viewer may
    # not see the video.
    matches: tuple[tuple[int | None, float], ...] = field(default=())


def verify_file(session: Session, platform: Platform, path: Path,
                viewer: User | None = None, *, apart: bool = False) -> Verdict:
    """Examine ``path`` and tell what it is, naming the video it comes from when known.

    ``apart``: read the file in a child process, through the platform's checker: bounded
    in time, memory and number (for files strangers send; see services.isolation).
    """
    key, public = platform.signing.watermark_key, platform.signing.public_keys
    anchors = platform.signing.identity().trust_anchors_pem
    if apart:
        looked = _look_apart(platform.checks, path, key, public, anchors)
    else:
        looked = look(path, key=key, trust_anchors_pem=anchors, public_keys=public)
    found = with_matches(looked, platform.catalogue.refresh(session))
    # Only what openreel generated is identified: a deleted video is gone (never named,
    # never matched; its marks still say openreel), and a picture someone started a video
    # from is theirs, not a frame of the video.
    found = replace(found, matches=[c for c in found.matches
                                    if _generated(session, platform, c, looked.query)])
    video, evidence = _identify(session, found)
    facts = found.manifest.facts
    # A manifest alone counts when this server trusts its signer, or when it is openreel's
    # own claim on a file changed since (anyone can sign a claim with a key of their own).
    claimed = facts is not None and found.manifest.state in ("trusted", "tampered")
    # Marks under this deployment's secret key count alone; under the public key of older
    # versions (anyone can write those) only with the video they name (see _identify).
    is_openreel = bool(video is not None or _secret_marks(found) or claimed)
    about = _found_video(video, evidence, viewer) if video is not None else None
    matches = tuple((c.video_id if _visible_id(session, c.video_id, viewer) else None,
                     c.confidence) for c in found.matches)
    return Verdict(examination=found, is_openreel=is_openreel, video=about,
                   summary=_summary(found, about, is_openreel), matches=matches)


def _look_apart(checks: Isolated, path: Path, key: int, public: tuple[int, ...],
                anchors: str | None) -> Looked:
    try:
        return checks.run(look, path, key=key, trust_anchors_pem=anchors, public_keys=public)
    except TookTooLong:
        raise InvalidInput("file", f"took longer than {checks.seconds:g} s to examine: send a "
                           "shorter or smaller copy") from None
    except OutOfMemory:
        raise TooLarge("the file needs more memory to examine than openreel gives one "
                       "check: send a shorter or smaller copy") from None


def verify_upload(session: Session, platform: Platform, stream: BinaryIO, filename: str,
                  viewer: User | None = None) -> Verdict:
    """Verify an uploaded file: copied to scratch space (never whole into memory), examined,
    removed. Too large → TooLarge; empty → InvalidInput; not media → UnsupportedMedia."""
    settings = platform.settings
    limit = settings.max_upload_bytes
    scratch = settings.scratch_dir()
    scratch.mkdir(parents=True, exist_ok=True)
    suffix = Path(filename).suffix.lower()[:10] if filename else ""
    if not re.fullmatch(r"\.[a-z0-9]{1,9}", suffix):
        suffix = ""
    with tempfile.NamedTemporaryFile(dir=scratch, suffix=suffix) as copy:
        size = 0
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"the file is larger than {limit // (1024 * 1024)} MB")
            copy.write(chunk)
        copy.flush()
        if size == 0:
            raise InvalidInput("file", VERIFIABLE.refusal("the file is empty"))
        try:
            return verify_file(session, platform, Path(copy.name), viewer, apart=True)
        except VerifyError as exc:
            problem = str(exc).replace(Path(copy.name).name, filename or "file")
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


def _secret_marks(found: Examination) -> set[bytes]:
    """The payloads read under this deployment's own key (not a public one)."""
    return {r.payload for r in (found.picture, found.sound)
            if r is not None and r.payload is not None and not r.public}


def _identify(session: Session, found: Examination) -> tuple[Video | None, list[str]]:
    """The catalogued video the evidence points at, and which evidence does (a deleted
    one is not named). A mark read under the public key of older versions names a video
    only when the fingerprint finds that video too: anyone can write such a mark."""
    by_mark: dict[str, list[str]] = {}
    for name, reading in (("picture mark", found.picture), ("sound mark", found.sound)):
        if reading is not None and reading.payload is not None:
            by_mark.setdefault(mark_id_hex(reading.payload), []).append(
                f"{name} (public key)" if reading.public else name)
    facts = found.manifest.facts
    if facts is not None and found.manifest.state in ("valid", "trusted"):
        by_mark.setdefault(facts.video_id, []).append("manifest")
    for mark, evidence in sorted(by_mark.items(), key=lambda kv: -len(kv[1])):
        video = session.scalar(select(Video).where(Video.mark == mark,
                                                   Video.status != VideoStatus.DELETED))
        if video is not None:
            fingerprinted = bool(found.matches) and found.matches[0].video_id == video.id
            if not fingerprinted and all(e.endswith("(public key)") for e in evidence):
                continue
            if fingerprinted:
                evidence.append("fingerprint")
            return video, evidence
    if found.matches:
        video = session.get(Video, found.matches[0].video_id)
        if video is not None:
            return video, ["fingerprint"]
    return None, []


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


def _found_video(video: Video, evidence: list[str], viewer: User | None) -> FoundVideo:
    return FoundVideo(video_id=video.id if can_see(viewer, video) else None,
                      creator=video.owner.handle, created_at=video.created_at,
                      engine=video.engine, evidence=tuple(evidence))


def _visible_id(session: Session, video_id: int, viewer: User | None) -> bool:
    video = session.get(Video, video_id)
    return video is not None and can_see(viewer, video)


_MANIFEST_WORDS = {
    "trusted": "Its C2PA manifest is intact and signed by a signer this server trusts.",
    "valid": "Its C2PA manifest is intact and well signed, by a signer this server does not "
             "know.",
    "tampered": "It was changed after it was signed: its C2PA manifest no longer matches the "
                "file.",
    "invalid": "It carries a C2PA manifest that does not check out (bad or expired "
               "signature).",
    "absent": "It carries no C2PA manifest (re-encoding, screenshots and many apps strip "
              "it).",
}


def _summary(found: Examination, video: FoundVideo | None, is_openreel: bool) -> str:
    facts = found.manifest.facts
    parts: list[str] = []
    if video is not None:
        when = video.created_at.strftime("%d %b %Y")
        made = (f"This is an AI-generated openreel video made by @{video.creator} on {when} "
                f"with the {video.engine} engine")
        parts.append(made + ".")
    elif facts is not None and is_openreel:
        parts.append(f"This is an AI-generated openreel video; its manifest names "
                     f"@{facts.creator} as its creator, {facts.created_at:%d %b %Y}.")
    elif _secret_marks(found):
        parts.append("This carries this server's invisible mark, but its catalogue does "
                     "not list the video it names.")
    elif found.marks:
        parts.append("It carries an invisible mark written with openreel's public key of "
                     "older versions, which anyone can write: nothing else agrees with it, "
                     "so on its own it shows nothing.")
    if is_openreel or found.manifest.state != "absent":
        parts.append(_MANIFEST_WORDS[found.manifest.state])
    marks = [name for name, r in (("picture", found.picture), ("sound", found.sound))
             if r is not None and r.found]
    public = any(r is not None and r.found and r.public for r in (found.picture, found.sound))
    if marks and is_openreel:
        parts.append(f"The invisible {' and '.join(marks)} mark"
                     f"{'s' if len(marks) > 1 else ''} "
                     f"{'are' if len(marks) > 1 else 'is'} present"
                     + (" (written with openreel's public key of older versions)." if public
                        else "."))
    elif is_openreel:
        parts.append("No invisible mark could be read in this copy.")
    if video is not None and "fingerprint" in video.evidence and not marks:
        share = round(100 * found.matches[0].confidence)
        parts.append(f"Its pictures or sound match the stored video ({share}% of the copy).")
    if not is_openreel and found.marks:
        parts.append("No other sign of openreel: no openreel manifest, and it matches no "
                     "openreel video.")
    elif not is_openreel:
        parts.append("No sign of openreel: no openreel manifest, no invisible mark, and it "
                     "matches no openreel video.")
    return " ".join(parts)


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """The verdict as plain JSON data (the CLI's --json and the API's answer)."""
    found = verdict.examination
    manifest = found.manifest
    facts = manifest.facts
    video = verdict.video

    def mark(reading: MarkReading | None) -> dict[str, Any] | None:
        if reading is None:
            return None
        return {"payload": reading.payload.hex() if reading.payload else None,
                "confidence": round(reading.confidence, 9), "bit_errors": reading.bit_errors,
                "public_key": reading.public}

    return {
        "is_openreel": verdict.is_openreel,
        "summary": verdict.summary,
        "kind": found.kind,
        "width": found.width,
        "height": found.height,
        "seconds": found.seconds,
        "manifest": {
            "state": manifest.state,
            "signer": manifest.signer_subject,
            "creator": facts.creator if facts else None,
            "created_at": facts.created_at.isoformat() if facts else None,
            "generator": (f"{facts.generator_name} {facts.generator_version}"
                          if facts else None),
            "digital_source_type": facts.digital_source_type if facts else None,
            "mark": facts.video_id if facts else None,
            "ingredients": [{"title": i.title, "relationship": i.relationship,
                             "video_id": i.video_id} for i in manifest.ingredients],
            "failures": list(manifest.failure_codes),
        },
        "picture_mark": mark(found.picture),
        "sound_mark": mark(found.sound),
        "matches": [{"video_id": vid, "confidence": conf} for vid, conf in verdict.matches],
        "video": None if video is None else {
            "id": video.video_id, "creator": video.creator,
            "created_at": video.created_at.isoformat(), "engine": video.engine,
            "evidence": list(video.evidence)},
    }
