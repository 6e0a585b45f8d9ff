"""Cameos: a person records themselves once, answering a liveness challenge, and their
face and voice are kept as a cameo that only they control.

The capture is decoded apart from the server (the platform's checker: bounded in time and
memory, like every file strangers send); the liveness check and the likeness run here,
where the face and voice models are loaded once and kept. A challenge is spent the moment
a capture is sent for it, pass or fail, so a recording cannot be tried twice.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from openreel import spec
from openreel.db.models import (
    AuditEvent,
    Cameo,
    CameoApproval,
    CameoChallenge,
    CameoPermission,
    Follow,
    NotificationKind,
    User,
    VideoCameo,
)
from openreel.db.session import erase_wal
from openreel.db.timestamps import utcnow
from openreel.director.restrictions import (
    MAX_RULES,
    Rule,
    apply_looks,
    conflict,
    looks,
    read_rule,
)
from openreel.likeness.capture import Capture, CaptureError, read_capture
from openreel.likeness.challenge import LIFETIME_SECONDS, Challenge, new_challenge
from openreel.likeness.liveness import Likeness, Verdict, check
from openreel.likeness.matching import Known, matches
from openreel.likeness.permission import Reach, Relation, may_use
from openreel.services.accounts import user_by_handle
from openreel.services.errors import Busy, Conflict, Forbidden, InvalidInput, NotFound
from openreel.services.isolation import run_on_upload
from openreel.services.notices import notify
from openreel.services.platform import Platform
from openreel.services.uploads import CAPTURES, scratch_copy
from openreel.spec import MENTION

REUSE_SECONDS = 60  # an open challenge is given again while it has this long left


class CaptureRefused(InvalidInput):
    """A recording did not pass the liveness check; ``reasons`` says every way it failed."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("file", "the recording did not pass the liveness check: "
                         + "; ".join(reasons))
        self.reasons = reasons


def issue_challenge(session: Session, user: User) -> CameoChallenge:
    """A challenge for ``user`` to answer in a recording: the one they were given last if
    it is unspent with a minute or more to go (a page reloaded asks the same), else a
    fresh one, valid a few minutes."""
    now = utcnow()
    open_ = session.scalar(select(CameoChallenge).where(
        CameoChallenge.user_id == user.id, CameoChallenge.used_at.is_(None),
        CameoChallenge.expires_at > now + timedelta(seconds=REUSE_SECONDS),
    ).order_by(CameoChallenge.id.desc()).limit(1))
    if open_ is not None:
        return open_
    made = new_challenge()
    row = CameoChallenge(user_id=user.id, digits="".join(map(str, made.digits)),
                         turn=made.turn, created_at=now,
                         expires_at=now + timedelta(seconds=LIFETIME_SECONDS))
    session.add(row)
    session.commit()
    return row


def as_challenge(row: CameoChallenge) -> Challenge:
    """The challenge a stored row holds."""
    return Challenge(tuple(int(d) for d in row.digits), "left" if row.turn == "left" else "right")


def create_cameo(session: Session, platform: Platform, user: User, challenge_id: int,
                 stream: BinaryIO, filename: str,
                 permission: CameoPermission = CameoPermission.ONLY_ME) -> Cameo:
    """The cameo taken from a capture answering ``challenge_id``; InvalidInput with every
    reason when the capture does not pass."""
    if find_cameo(session, user) is not None:
        raise Conflict("you already have a cameo: delete it to record a new one")
    challenge = _spend(session, user, challenge_id)
    settings = platform.settings
    with scratch_copy(stream, filename, settings.scratch_dir(), settings.max_upload_bytes,
                      CAPTURES) as copy:
        capture = _read_apart(platform, copy)
    verdict = _checked(capture, challenge)
    if verdict.likeness is None:
        raise CaptureRefused(verdict.reasons)
    return _keep(session, platform, user, verdict.likeness, permission)


def _spend(session: Session, user: User, challenge_id: int) -> Challenge:
    """The user's unspent, unexpired challenge ``challenge_id``, spent now."""
    row = session.get(CameoChallenge, challenge_id)
    if row is None or row.user_id != user.id:
        raise NotFound("no such challenge: ask for a new one")
    if row.used_at is not None:
        raise InvalidInput("challenge_id", "this challenge was already answered: ask for a "
                           "new one and record again")
    if row.expires_at <= utcnow():
        raise InvalidInput("challenge_id", "this challenge has expired: ask for a new one "
                           "and record within a few minutes")
    row.used_at = utcnow()
    session.commit()
    return as_challenge(row)


def _read_apart(platform: Platform, path: Path) -> Capture:
    try:
        return run_on_upload(platform.checks, read_capture, path, doing="read",
                             instead="record 5 to 20 seconds at a phone's usual size")
    except CaptureError as exc:
        raise InvalidInput("file", CAPTURES.refusal(str(exc))) from None


# Liveness checks at once per server process (each a few CPU-seconds of face, speech and
# speaker models, loaded once per process); another waits this long for a turn, else Busy.
CHECKS_AT_ONCE = 2
CHECK_WAIT_SECONDS = 20.0
_CHECK_TURNS = threading.BoundedSemaphore(CHECKS_AT_ONCE)


def _checked(capture: Capture, challenge: Challenge) -> Verdict:
    if not _CHECK_TURNS.acquire(timeout=CHECK_WAIT_SECONDS):
        raise Busy("openreel is busy checking other recordings: try again in a moment",
                   retry_after=5)
    try:
        return check(capture, challenge)
    finally:
        _CHECK_TURNS.release()


def _chip_key(cameo_id: int, n: int) -> str:
    return f"cameos/{cameo_id}/face-{n}.png"


def _keep(session: Session, platform: Platform, user: User, likeness: Likeness,
          permission: CameoPermission) -> Cameo:
    cameo = Cameo(owner_id=user.id, permission=permission,
                  face=likeness.face.astype("<f4").tobytes(),
                  voice=likeness.voice.astype("<f4").tobytes(),
                  voice_parameters=likeness.voice_parameters.model_dump(),
                  chips=len(likeness.chips))
    session.add(cameo)
    session.flush()
    try:
        for n, chip in enumerate(likeness.chips):
            buffer = io.BytesIO()
            Image.fromarray(chip).save(buffer, format="PNG")
            platform.blobs.put_bytes(_chip_key(cameo.id, n), buffer.getvalue())
        session.commit()
    except BaseException:
        session.rollback()
        _erase_blobs(platform, cameo.id, len(likeness.chips))
        raise
    return cameo


def cameo_of(session: Session, handle: str) -> Cameo:
    """The cameo of the person with ``handle``; NotFound when they have none."""
    owner = user_by_handle(session, handle)
    cameo = find_cameo(session, owner)
    if cameo is None:
        raise NotFound(f"@{owner.handle} has no cameo")
    return cameo


def find_cameo(session: Session, user: User) -> Cameo | None:
    """``user``'s cameo, or None."""
    return session.scalar(select(Cameo).where(Cameo.owner_id == user.id))


def own_cameo(session: Session, user: User) -> Cameo:
    """The caller's own cameo; NotFound when they have none."""
    cameo = find_cameo(session, user)
    if cameo is None:
        raise NotFound("you have no cameo: record one first")
    return cameo


def set_permission(session: Session, user: User, permission: CameoPermission) -> Cameo:
    """Who may use the caller's cameo, from now on."""
    cameo = own_cameo(session, user)
    cameo.permission = permission
    session.commit()
    return cameo


def set_rules(session: Session, user: User, texts: list[str]) -> Cameo:
    """What the caller never wants their cameo in and always wants it to look like, in
    their own words, one statement each (replacing those before)."""
    cameo = own_cameo(session, user)
    if len(texts) > MAX_RULES:
        raise InvalidInput("rules", f"at most {MAX_RULES} statements")
    kept: list[str] = []
    for text in texts:
        if not text.strip():
            continue
        try:
            kept.append(read_rule(text).text)
        except ValueError as exc:
            raise InvalidInput("rules", str(exc)) from None
    cameo.rules = list(dict.fromkeys(kept))
    session.commit()
    return cameo


def rules_of(cameo: Cameo) -> list[Rule]:
    """The cameo's statements, read (each was read when it was set)."""
    return [read_rule(text) for text in cameo.rules]


# -- who may use it ------------------------------------------------------------------------------
REACH = {CameoPermission.ONLY_ME: Reach.ONLY_ME, CameoPermission.APPROVED: Reach.APPROVED,
         CameoPermission.MUTUALS: Reach.MUTUALS, CameoPermission.EVERYONE: Reach.EVERYONE}
ADULT_AGE = 18


class CameoNotPermitted(Forbidden):
    """Someone may not use a cameo (not, or no longer, allowed by its owner)."""


class CameoRestricted(CameoNotPermitted):
    """A prompt asks for what a cameo's owner never wants their cameo in."""


def check_rules(cameos: Iterable[Cameo | None], text: str, user: User) -> None:
    """Nothing if ``text`` (a prompt, a remix and what it made) asks for nothing the owner
    of a cameo ruled out (their own video is theirs to make); CameoRestricted naming their
    statement if it does."""
    for cameo in cameos:
        if cameo is None or cameo.owner_id == user.id:
            continue
        rule = conflict(text, rules_of(cameo))
        if rule is not None:
            raise CameoRestricted(f"@{cameo.owner.handle}'s cameo may not be used for this: "
                                  f"“{rule.text}”")


def is_minor(user: User) -> bool:
    """Whether ``user`` may be under 18 (only the birth year is known: a person born
    eighteen years before this year may not have had their birthday yet)."""
    return user.birth_year is not None and utcnow().year - user.birth_year <= ADULT_AGE


def _follows(session: Session, follower: User, followee: User) -> bool:
    return session.scalar(select(Follow.id).where(Follow.follower_id == follower.id,
                                                  Follow.followee_id == followee.id)) is not None


def relation(session: Session, cameo: Cameo, user: User) -> Relation:
    """What is true between ``cameo``'s owner and ``user``."""
    owner = cameo.owner
    if owner.id == user.id:
        return Relation(is_owner=True)
    approved = session.scalar(select(CameoApproval.id).where(
        CameoApproval.cameo_id == cameo.id, CameoApproval.user_id == user.id)) is not None
    return Relation(approved=approved, owner_follows=_follows(session, owner, user),
                    follows_owner=_follows(session, user, owner),
                    owner_is_minor=is_minor(owner), user_is_minor=is_minor(user))


def check_use(session: Session, cameo: Cameo, user: User) -> None:
    """Nothing if ``user`` may put ``cameo`` in a video now; CameoNotPermitted if not."""
    decision = may_use(REACH[cameo.permission], relation(session, cameo, user),
                       cameo.owner.handle)
    if not decision.allowed:
        raise CameoNotPermitted(decision.reason)


# -- cameos in videos ------------------------------------------------------------------------------
MAX_CAMEOS = 4  # cameos one video may show
REVOKED = "cameo permission revoked"


def mentioned(session: Session, user: User, text: str,
              also: list[int] | None = None) -> list[Cameo]:
    """The cameos ``text`` names (@handle), and those of ``also`` (cameo ids, a remix's
    parent's), each one ``user`` may use now; InvalidInput for a handle with no cameo,
    CameoNotPermitted for one they may not use."""
    found: list[Cameo] = []
    for handle in dict.fromkeys(h.lower() for h in MENTION.findall(text)):
        try:
            owner = user_by_handle(session, handle)
        except NotFound:
            raise InvalidInput("prompt", f"nobody is called @{handle}") from None
        cameo = find_cameo(session, owner)
        if cameo is None:
            raise InvalidInput("prompt", f"@{owner.handle} has no cameo")
        found.append(cameo)
    for cameo_id in also or []:
        cameo = session.get(Cameo, cameo_id)
        if cameo is not None and all(c.id != cameo.id for c in found):
            found.append(cameo)
    if len(found) > MAX_CAMEOS:
        raise InvalidInput("prompt", f"a video shows at most {MAX_CAMEOS} cameos")
    for cameo in found:
        check_use(session, cameo, user)
    check_rules(found, text, user)
    return found


# -- likeness protection -------------------------------------------------------------------
class LikenessBlocked(CameoNotPermitted):
    """A picture or a video shows the face of someone whose cameo its maker may not use."""


LARGEST_LOOKED_AT = 1280  # pixels on a picture's longer side when faces are looked for


def known_faces(session: Session) -> list[Known]:
    """Every registered cameo's face."""
    rows = session.execute(select(Cameo.id, Cameo.face, User.handle).join(
        User, User.id == Cameo.owner_id)).all()
    return [Known(cameo_id, handle, _descriptor(face)) for cameo_id, face, handle in rows]


def faces_allowed(session: Session, user: User, pictures: Iterable[tuple[float, np.ndarray]],
                  what: str, cast: Iterable[int] = ()) -> list[int]:
    """The cameos whose owners' faces are in ``pictures`` (a picture's or a video's, ``what``
    says which), each one ``user`` may use (their own face always) or one of ``cast``
    (already allowed for this video); LikenessBlocked naming the first they may not."""
    allowed = set(cast)
    shown: list[int] = []
    known = known_faces(session)
    for match in matches(pictures, known):
        shown.append(match.cameo_id)
        cameo = session.get(Cameo, match.cameo_id)
        if match.cameo_id in allowed or cameo is None or cameo.owner_id == user.id:
            continue
        try:
            check_use(session, cameo, user)
        except CameoNotPermitted as exc:
            when = f" at {match.at:.0f} s" if match.at else ""
            raise LikenessBlocked(f"{what} shows @{match.handle}'s face{when}, and "
                                  f"{exc.message}") from None
    return shown


def check_picture(session: Session, user: User, picture: Image.Image) -> list[int]:
    """The cameos whose owners' faces an uploaded picture (a first frame, an avatar, as
    ``uploads.open_picture`` decoded it) shows, each one ``user`` may use; LikenessBlocked
    for a face they may not."""
    looked_at = picture.copy()  # the upload itself is kept whole
    looked_at.thumbnail((LARGEST_LOOKED_AT, LARGEST_LOOKED_AT))
    return faces_allowed(session, user, [(0.0, np.asarray(looked_at, np.uint8))],
                         "the picture")


def check_still_allowed(session: Session, cameo_ids: list[int], user: User,
                        text: str = "") -> None:
    """Nothing if ``user`` may still use every cameo of ``cameo_ids`` (as a job starts, as
    its video is published) for ``text`` (what was asked); CameoNotPermitted ("cameo
    permission revoked: …") if not."""
    for cameo_id in cameo_ids:
        cameo = session.get(Cameo, cameo_id)
        if cameo is None:
            raise CameoNotPermitted(f"{REVOKED}: a cameo in it was erased by its owner")
        try:
            check_use(session, cameo, user)
            check_rules([cameo], text, user)
        except CameoNotPermitted as exc:
            raise CameoNotPermitted(f"{REVOKED}: {exc.message}") from None


def cameos_in_videos(session: Session, cameo_id: int) -> list[int]:
    """The ids of the videos that show cameo ``cameo_id``."""
    return list(session.scalars(select(VideoCameo.video_id).where(
        VideoCameo.cameo_id == cameo_id)))


def cameos_in(session: Session, video_id: int) -> list[int]:
    """The ids of the cameos a video shows."""
    return list(session.scalars(select(VideoCameo.cameo_id).where(
        VideoCameo.video_id == video_id).order_by(VideoCameo.id)))


def record_cast(session: Session, video_id: int, maker: User, cameo_ids: list[int]) -> None:
    """Note that ``maker``'s new video shows ``cameo_ids`` (those still there), and tell
    each cameo's owner."""
    for cameo_id in cameo_ids:
        cameo = session.get(Cameo, cameo_id)
        if cameo is not None:
            session.add(VideoCameo(video_id=video_id, cameo_id=cameo_id))
            notify(session, cameo.owner_id, NotificationKind.CAMEO_USED, actor_id=maker.id,
                   video_id=video_id)


def shows_cameo_of(session: Session, video_id: int, owner: User) -> bool:
    """Whether a video shows ``owner``'s cameo."""
    return session.scalar(select(VideoCameo.id).join(Cameo, Cameo.id == VideoCameo.cameo_id)
                          .where(VideoCameo.video_id == video_id,
                                 Cameo.owner_id == owner.id)) is not None


def approve(session: Session, user: User, handle: str) -> User:
    """Add @``handle`` to the people who may use the caller's cameo (when it reaches them)."""
    cameo = own_cameo(session, user)
    other = user_by_handle(session, handle)
    if other.id == user.id:
        raise InvalidInput("handle", "you can always use your own cameo")
    exists = session.scalar(select(CameoApproval.id).where(
        CameoApproval.cameo_id == cameo.id, CameoApproval.user_id == other.id))
    if exists is None:
        session.add(CameoApproval(cameo_id=cameo.id, user_id=other.id))
        session.commit()
    return other


def unapprove(session: Session, user: User, handle: str) -> None:
    """Take @``handle`` off the people the caller approves."""
    cameo = own_cameo(session, user)
    other = user_by_handle(session, handle)
    session.execute(delete(CameoApproval).where(CameoApproval.cameo_id == cameo.id,
                                                CameoApproval.user_id == other.id))
    session.commit()


def approved_people(session: Session, user: User) -> list[User]:
    """The people the caller approves, by handle."""
    cameo = own_cameo(session, user)
    return list(session.scalars(select(User).join(
        CameoApproval, CameoApproval.user_id == User.id).where(
        CameoApproval.cameo_id == cameo.id).order_by(User.handle)))


def face_image(platform: Platform, cameo: Cameo, n: int = 0) -> bytes:
    """One of the cameo's aligned face images (PNG)."""
    if not 0 <= n < cameo.chips:
        raise NotFound("no such face image")
    with platform.blobs.open(_chip_key(cameo.id, n)) as stream:
        return stream.read()


def likenesses(session: Session, platform: Platform, cameo_ids: list[int],
               folder: Path) -> list[spec.Cameo]:
    """What the engine needs to show the cameos ``cameo_ids`` (those still there): their
    face images fetched into ``folder``, their voices' shapes. The render's own copy: a
    stored storyboard names cameos by handle only, so erasing a cameo leaves none of it."""
    shown: list[spec.Cameo] = []
    for cameo_id in cameo_ids:
        cameo = session.get(Cameo, cameo_id)
        if cameo is None:
            continue
        faces = []
        for n in range(cameo.chips):
            path = folder / f"cameo-{cameo.id}-face-{n}.png"
            path.write_bytes(face_image(platform, cameo, n))
            faces.append(str(path))
        try:
            voice = spec.VoiceShape.model_validate(cameo.voice_parameters)
        except ValidationError:
            voice = None  # kept by an older version in another form: the face still shows
        shown.append(spec.Cameo(handle=cameo.owner.handle.lower(), faces=faces, voice=voice))
    return shown


def as_preferred(session: Session, board: spec.Storyboard,
                 cameo_ids: list[int]) -> spec.Storyboard:
    """``board`` with each cameo's character looking as its owner always wants (where the
    prompt does not say otherwise)."""
    for cameo_id in cameo_ids:
        cameo = session.get(Cameo, cameo_id)
        if cameo is not None and cameo.rules:
            board = apply_looks(board, cameo.owner.handle.lower(), looks(rules_of(cameo)))
    return board


def face_descriptor(cameo: Cameo) -> np.ndarray:
    """The cameo's face descriptor (128 float32)."""
    return _descriptor(cameo.face)


def _descriptor(stored: bytes) -> np.ndarray:
    return np.frombuffer(stored, "<f4").astype(np.float32)


def audit(session: Session, actor: User, action: str, subject: str,
          **detail: object) -> None:
    """Note in the audit log that ``actor`` did ``action`` to ``subject`` (committed with
    the caller's transaction)."""
    session.add(AuditEvent(action=action, actor_id=actor.id, actor_handle=actor.handle,
                           subject=subject, detail=detail))


def delete_cameo(session: Session, platform: Platform, user: User) -> None:
    """Erase the caller's cameo: its row (face and voice with it) and every image of it,
    noted in the audit log (which keeps none of it)."""
    cameo = own_cameo(session, user)
    cameo_id, chips = cameo.id, cameo.chips
    shown_in = len(cameos_in_videos(session, cameo_id))
    session.delete(cameo)
    audit(session, user, "cameo_erased", f"cameo {cameo_id}", face_images=chips,
          videos_it_was_in=shown_in)
    session.commit()
    _erase_blobs(platform, cameo_id, chips)
    erase_wal(session)


def _erase_blobs(platform: Platform, cameo_id: int, chips: int) -> None:
    for n in range(chips):
        platform.blobs.delete(_chip_key(cameo_id, n))
