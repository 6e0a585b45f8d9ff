"""Weighing what a file shows into a verdict: is it openreel's, which video, whose, which
parts of it, and does the evidence agree?

Evidence comes in two strengths:

* strong: an invisible mark read under this deployment's own secret key, a C2PA manifest
  that is intact and signed by a signer this server trusts, and the fingerprint (a copy's
  pictures or sound found in a stored video: nobody can claim that without the video's
  content). Strong evidence alone shows a file is openreel's and names its video.
* weak: a mark under openreel's public key of older versions (anyone can write it), and a
  manifest that no longer matches its file (changed, or copied from another file) or
  whose signer this server does not trust (anyone can sign a claim with a key of their
  own). Weak evidence never shows anything alone; it is noted where it agrees.

Each track is weighed apart: the pictures by the picture mark and the picture
fingerprint, the sound by the sound mark and the audio fingerprint, the manifest by both.
A track's video is named where its evidence agrees; where a mark and the fingerprint name
different videos, the track names neither and the verdict says which part says what. A
file whose pictures and sound come from different videos says so, track by track.

Among videos the fingerprint finds equally (two renders of one prompt and seed look
alike), the one a strong mark or manifest names is the file's: a clip re-rendered by
someone else is credited to whoever made that file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from openreel.db.models import User, Video, VideoStatus
from openreel.provenance.hash_index import Candidate
from openreel.provenance.stage import mark_id_hex
from openreel.provenance.verify import Examination, MarkReading
from openreel.services.videos import can_see

Track = Literal["picture", "sound"]
# Manifests that count only where strong evidence agrees, and how that evidence is named.
_WEAK_MANIFEST = {"tampered": "manifest (changed since it was signed)",
                  "valid": "manifest (from a signer this server does not trust)"}
# Below this share of every track it matches, a copy is "part of" a video's, not a copy.
WHOLE_SHARE = 0.8


@dataclass(frozen=True)
class FoundVideo:
    """The openreel video a file (or one of its tracks) comes from, as far as the viewer
    may know it."""

    video_id: int | None  # None when the viewer may not see it (someone's draft)
    creator: str
    created_at: dt.datetime
    engine: str
    evidence: tuple[str, ...]  # "picture mark", "sound mark", "manifest", "fingerprint"


@dataclass(frozen=True)
class TrackFinding:
    """Where one track of the file comes from, by the evidence about that track."""

    track: Track
    video: FoundVideo | None
    share: float | None  # the part of the track the fingerprint matches; None: no match
    ranges: tuple[tuple[float, float], ...]  # those stretches of the copy, in seconds
    words: str  # what the evidence about this track says, in a sentence
    conflict: str | None = None  # set when its mark and its fingerprint disagree


@dataclass(frozen=True)
class Verdict:
    """The answer to "is this an openreel video, whose, and was it changed?"."""

    examination: Examination
    is_openreel: bool
    video: FoundVideo | None  # the one video the whole file's evidence names, if any
    summary: str
    # Fingerprint matches, each with the id the viewer may see (None for a private one).
    matches: tuple[tuple[int | None, Candidate], ...] = ()
    tracks: tuple[TrackFinding, ...] = ()
    reasons: tuple[str, ...] = ()  # the reasoning, a sentence per piece of evidence
    conflicts: tuple[str, ...] = field(default=())


@dataclass
class _Weighed:
    """One track weighed, with the database rows (before the viewer's view is applied)."""

    track: Track
    video: Video | None
    evidence: list[str]
    candidate: Candidate | None  # the fingerprint match of the named video, if any
    words: str
    conflict: str | None = None


def weigh(session: Session, found: Examination, viewer: User | None) -> Verdict:
    """The verdict on ``found`` (its matches already limited to what openreel generated)."""
    manifest = found.manifest
    facts = manifest.facts
    claimed = _by_mark(session, facts.video_id) if facts is not None else None
    trusted = manifest.state == "trusted" and facts is not None
    present: list[tuple[Track, MarkReading | None]] = [
        ("picture", found.picture), ("sound", found.sound)]
    weak = None
    if claimed is not None and manifest.state in _WEAK_MANIFEST:
        weak = (_WEAK_MANIFEST[manifest.state], claimed)
    weighed = [_weigh_track(session, track, reading, found, claimed if trusted else None,
                            weak, viewer)
               for track, reading in present
               if reading is not None or _matched(found.matches, track)]
    named = {w.video.id: w.video for w in weighed if w.video is not None}
    video = next(iter(named.values())) if len(named) == 1 else None
    secret = _secret_marks(found)
    is_openreel = bool(named or secret or trusted
                       or any(w.conflict for w in weighed))
    evidence: list[str] = []
    for w in weighed:
        if video is not None and w.video is video:
            evidence += [e for e in w.evidence if e not in evidence]
    about = _found(video, evidence, viewer) if video is not None else None
    tracks = tuple(TrackFinding(
        w.track, _found(w.video, w.evidence, viewer) if w.video is not None else None,
        None if w.candidate is None else _share(w.candidate, w.track),
        _ranges(w.candidate, w.track),
        w.words, w.conflict) for w in weighed)
    conflicts = tuple(w.conflict for w in weighed if w.conflict)
    matches = tuple((c.video_id if _visible(session, c.video_id, viewer) else None, c)
                    for c in found.matches)
    reasons = (_manifest_reason(found, claimed, viewer),
               *(t.words for t in tracks))
    summary = _summary(found, about, tracks, is_openreel, conflicts, claimed, viewer)
    return Verdict(examination=found, is_openreel=is_openreel, video=about, summary=summary,
                   matches=matches, tracks=tracks, reasons=reasons, conflicts=conflicts)


# -- one track ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Words:
    """How the reasons speak of a track."""

    title: str  # "Pictures"
    noun: str  # "picture", as in "picture mark"
    its: str  # "its pictures"
    come: str  # "come", agreeing with it
    them: str  # "its pictures match"
    none: str  # what is said when no stored video's track matches


_WORDS: dict[Track, _Words] = {
    "picture": _Words("Pictures", "picture", "its pictures", "come", "its pictures match",
                      "no stored video's pictures match them"),
    "sound": _Words("Sound", "sound", "its sound", "comes", "its sound matches",
                    "no stored video's sound matches it"),
}


def _weigh_track(session: Session, track: Track, reading: MarkReading | None,
                 found: Examination, manifest_video: Video | None,
                 weak_manifest: tuple[str, Video] | None, viewer: User | None) -> _Weighed:
    words = _WORDS[track]
    fingerprinted = sorted(_matched(found.matches, track), key=lambda c: -_share(c, track))
    by_id = {c.video_id: c for c in fingerprinted}
    marked = (_by_mark(session, mark_id_hex(reading.payload))
              if reading is not None and reading.payload is not None else None)
    public = reading is not None and reading.found and reading.public
    strong: list[tuple[str, Video]] = []
    if marked is not None and not public:
        strong.append((f"{words.noun} mark", marked))
    if manifest_video is not None:
        strong.append(("manifest", manifest_video))
    said = f"{words.title}: {_mark_words(reading, marked, words.noun, viewer)}"

    def ref(video: Video) -> str:
        return _ref(video, viewer)

    def disagree(conflict: str) -> _Weighed:
        return _Weighed(track, None, [], None, f"{words.title}: {conflict}", conflict)

    def named(video: Video, evidence: list[str], candidate: Candidate | None) -> _Weighed:
        if public and marked is not None and marked.id == video.id:
            evidence.insert(0, f"{words.noun} mark (public key)")
        if weak_manifest is not None and weak_manifest[1].id == video.id:
            evidence.append(weak_manifest[0])
        if candidate is None:
            return _Weighed(track, video, evidence, None,
                            f"{said}{words.none} (the copy may be much changed).")
        how = candidate.picture_view if track == "picture" else candidate.sound_change
        shown = f", {'shown' if track == 'picture' else 'heard'} {how}" if how else ""
        return _Weighed(track, video, evidence, candidate,
                        f"{said}{words.them} {ref(video)}{_where(candidate, track)}{shown}.")

    if len({v.id for _, v in strong}) > 1:
        (a, first), (b, second) = strong
        return disagree(f"The {a} names {ref(first)} but the {b} names {ref(second)}: they "
                        "disagree, so neither is named.")
    if strong:
        video = strong[0][1]
        candidate = by_id.get(video.id)
        if candidate is not None or not fingerprinted:
            fingerprint = ["fingerprint"] if candidate is not None else []
            return named(video, [name for name, _ in strong] + fingerprint, candidate)
        other = session.get(Video, fingerprinted[0].video_id)
        assert other is not None  # matches are of stored videos, checked before
        claims = " and the ".join(name for name, _ in strong)
        verb = "names" if len(strong) == 1 else "name"
        return disagree(f"The {claims} {verb} {ref(video)}, but {words.them} "
                        f"{ref(other)}{_where(fingerprinted[0], track)}: they disagree, so "
                        "neither is named.")
    # No strong claim: the fingerprint names the video; weak claims only where they agree.
    if not fingerprinted:
        return _Weighed(track, None, [], None, f"{said}{words.none}.")
    candidate = fingerprinted[0]
    if public and marked is not None and marked.id in by_id:
        candidate = by_id[marked.id]
    matched = session.get(Video, candidate.video_id)
    assert matched is not None
    return named(matched, ["fingerprint"], candidate)


def _mark_words(reading: MarkReading | None, marked: Video | None, noun: str,
                viewer: User | None) -> str:
    if reading is None or not reading.found:
        return "no invisible mark; "
    if reading.public:
        return ("an invisible mark written with openreel's public key of older versions, "
                "which anyone can write, so it counts only where the fingerprint agrees; ")
    if marked is None:
        return (f"this server's invisible {noun} mark, naming a video its catalogue does "
                "not list; ")
    shown = f" (in a copy {reading.view})" if reading.view else ""
    return f"this server's invisible {noun} mark{shown} names {_ref(marked, viewer)}; "


def _where(candidate: Candidate, track: Track) -> str:
    """ " over 4.0–6.0 s of the copy (17 % of it)", or "" for a still."""
    ranges = _ranges(candidate, track)
    if not ranges:
        return ""
    share = round(100 * _share(candidate, track))
    return f" over {_spans(ranges)} of the copy ({share} % of it)"


# -- the manifest ------------------------------------------------------------------------------
def _manifest_reason(found: Examination, claimed: Video | None, viewer: User | None) -> str:
    manifest = found.manifest
    facts = manifest.facts
    names = ""
    if facts is not None:
        target = _ref(claimed, viewer) if claimed is not None else (
            f"a video by @{facts.creator} that this server's catalogue does not list")
        names = f" It claims to be {target}."
    state = manifest.state
    if state == "trusted":
        return "C2PA manifest: intact and signed by a signer this server trusts." + names
    if state == "valid":
        signer = f" ({manifest.signer_subject})" if manifest.signer_subject else ""
        return (f"C2PA manifest: intact, but signed by a signer this server does not "
                f"trust{signer}: anyone can sign such a claim, so on its own it shows "
                "nothing." + names)
    if state == "tampered":
        return ("C2PA manifest: it does not match this file (the file was changed after it "
                "was signed, or the manifest was copied from another file), so what it "
                "claims shows nothing on its own." + names)
    if state == "invalid":
        return "C2PA manifest: present but it does not check out (bad or expired signature)."
    return "C2PA manifest: none (re-encoding, screenshots and many apps strip it)."


_MANIFEST_WORDS = {
    "trusted": "Its C2PA manifest is intact and signed by a signer this server trusts.",
    "valid": "Its C2PA manifest is intact and well signed, but by a signer this server does "
             "not trust.",
    "tampered": "It was changed after it was signed, or its manifest was copied from another "
                "file: its C2PA manifest no longer matches it.",
    "invalid": "It carries a C2PA manifest that does not check out (bad or expired "
               "signature).",
    "absent": "It carries no C2PA manifest (re-encoding, screenshots and many apps strip "
              "it).",
}


# -- the summary -------------------------------------------------------------------------------
def _summary(found: Examination, video: FoundVideo | None, tracks: tuple[TrackFinding, ...],
             is_openreel: bool, conflicts: tuple[str, ...], claimed: Video | None,
             viewer: User | None) -> str:
    facts = found.manifest.facts
    named = [t for t in tracks if t.video is not None]
    parts: list[str] = []
    if video is not None:
        shares = [t.share for t in named if t.share is not None]
        silent = [t.track for t in tracks if t.video is None and t.conflict is None]
        if shares and max(shares) < WHOLE_SHARE:
            spans = "; ".join(f"{_WORDS[t.track].its} over {_spans(t.ranges)}" for t in named
                              if t.ranges)
            parts.append(f"Part of this file comes from an AI-generated openreel video "
                         f"{_made(video)}: {spans} (about {round(100 * max(shares))} % of "
                         "the copy).")
        elif silent:
            only = _WORDS[named[0].track]
            parts.append(f"{only.its.capitalize()} {only.come} from an AI-generated openreel "
                         f"video {_made(video)}; nothing in {_WORDS[silent[0]].its} points "
                         "to openreel.")
        else:
            parts.append(f"This is an AI-generated openreel video {_made(video)}.")
    elif len(named) > 1:
        parts.append("Its pictures and its sound come from different openreel videos: "
                     + "; ".join(f"{_WORDS[t.track].its} from the one {_made(t.video)}"
                                 for t in named if t.video is not None) + ".")
    elif conflicts:
        parts.append("The evidence in this file disagrees about which openreel video it "
                     "comes from, so none is named.")
    elif facts is not None and found.manifest.state == "trusted":
        parts.append(f"This is an AI-generated openreel video; its manifest names "
                     f"@{facts.creator} as its creator, {facts.created_at:%d %b %Y}.")
    elif _secret_marks(found):
        parts.append("This carries this server's invisible mark, but its catalogue does "
                     "not list the video it names.")
    elif found.marks:
        parts.append("It carries an invisible mark written with openreel's public key of "
                     "older versions, which anyone can write: nothing else agrees with it, "
                     "so on its own it shows nothing.")
    elif facts is not None:
        parts.append("It carries a C2PA manifest claiming it is an openreel video, but "
                     "nothing else in the file supports the claim, so it shows nothing.")
    if is_openreel or found.manifest.state != "absent":
        parts.append(_MANIFEST_WORDS[found.manifest.state])
    parts.extend(conflicts)
    if not is_openreel and (found.marks or facts is not None):
        parts.append("No other sign of openreel: no trusted manifest, and it matches no "
                     "openreel video.")
    elif not is_openreel:
        parts.append("No sign of openreel: no openreel manifest, no invisible mark, and it "
                     "matches no openreel video.")
    return " ".join(parts)


def _made(video: FoundVideo) -> str:
    when = video.created_at.strftime("%d %b %Y")
    return f"made by @{video.creator} on {when} with the {video.engine} engine"


def _spans(ranges: tuple[tuple[float, float], ...]) -> str:
    return ", ".join(f"{a:.1f}–{b:.1f} s" for a, b in ranges)


# -- helpers -----------------------------------------------------------------------------------
def _by_mark(session: Session, mark: str) -> Video | None:
    """The catalogued, not deleted video with this mark id."""
    return session.scalar(select(Video).where(Video.mark == mark,
                                              Video.status != VideoStatus.DELETED))


def _matched(matches: list[Candidate], track: Track) -> list[Candidate]:
    """The fingerprint's candidates whose ``track`` matches the copy."""
    return [c for c in matches if _share(c, track) > 0]


def _share(candidate: Candidate, track: Track) -> float:
    return candidate.picture_share if track == "picture" else candidate.sound_share


def _ranges(candidate: Candidate | None, track: Track) -> tuple[tuple[float, float], ...]:
    if candidate is None:
        return ()
    return candidate.picture_ranges if track == "picture" else candidate.sound_ranges


def _secret_marks(found: Examination) -> set[bytes]:
    """The payloads read under this deployment's own key (not a public one)."""
    return {r.payload for r in (found.picture, found.sound)
            if r is not None and r.payload is not None and not r.public}


def _ref(video: Video, viewer: User | None) -> str:
    """ "@alice's video 12", or "@alice's private video" where the viewer may not see it."""
    if can_see(viewer, video):
        return f"@{video.owner.handle}'s video {video.id}"
    return f"@{video.owner.handle}'s private video"


def _found(video: Video, evidence: list[str], viewer: User | None) -> FoundVideo:
    return FoundVideo(video_id=video.id if can_see(viewer, video) else None,
                      creator=video.owner.handle, created_at=video.created_at,
                      engine=video.engine, evidence=tuple(evidence))


def _visible(session: Session, video_id: int, viewer: User | None) -> bool:
    video = session.get(Video, video_id)
    return video is not None and can_see(viewer, video)


# -- as JSON -----------------------------------------------------------------------------------
def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """The verdict as plain JSON data (the CLI's --json and the API's answer)."""
    found = verdict.examination
    manifest = found.manifest
    facts = manifest.facts

    def mark(reading: MarkReading | None) -> dict[str, Any] | None:
        if reading is None:
            return None
        return {"payload": reading.payload.hex() if reading.payload else None,
                "confidence": round(reading.confidence, 9), "bit_errors": reading.bit_errors,
                "public_key": reading.public, "view": reading.view}

    def video(found_video: FoundVideo | None) -> dict[str, Any] | None:
        return None if found_video is None else {
            "id": found_video.video_id, "creator": found_video.creator,
            "created_at": found_video.created_at.isoformat(), "engine": found_video.engine,
            "evidence": list(found_video.evidence)}

    def spans(ranges: tuple[tuple[float, float], ...]) -> list[list[float]]:
        return [[a, b] for a, b in ranges]

    def each(track: TrackFinding) -> dict[str, Any]:
        return {"video": video(track.video), "share": track.share,
                "ranges": spans(track.ranges), "words": track.words,
                "conflict": track.conflict}

    return {
        "is_openreel": verdict.is_openreel,
        "summary": verdict.summary,
        "reasons": list(verdict.reasons),
        "conflicts": list(verdict.conflicts),
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
        "matches": [{"video_id": vid, "confidence": c.confidence,
                     "picture_share": c.picture_share, "sound_share": c.sound_share,
                     "picture_ranges": spans(c.picture_ranges),
                     "sound_ranges": spans(c.sound_ranges), "picture_view": c.picture_view,
                     "sound_change": c.sound_change}
                    for vid, c in verdict.matches],
        "tracks": {t.track: each(t) for t in verdict.tracks},
        "video": video(verdict.video),
    }
