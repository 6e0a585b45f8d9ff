"""Saving videos to find again ("Save", a bookmark: nothing is downloaded), and the list.

A save is private to its user: nobody is notified and no counter moves. The list shows
only what its user may still see, so a video deleted (or never public) drops out of it
while its row stays until the video's row goes.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload

from openreel.db.models import SavedVideo, User, Video, VideoStatus
from openreel.services.engagement import add_once
from openreel.services.errors import InvalidInput
from openreel.services.transactions import commits
from openreel.services.videos import visible_video

MAX_PAGE = 50
MAX_ROW_ID = 2**63 - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@commits
def save(session: Session, user: User, video_id: int) -> Video:
    """Save a visible video; saving twice keeps one save (the first)."""
    video = visible_video(session, user, video_id)
    add_once(session, SavedVideo(user_id=user.id, video_id=video.id),
             SavedVideo.user_id == user.id, SavedVideo.video_id == video.id)
    return video


@commits
def unsave(session: Session, user: User, video_id: int) -> Video:
    """Take a save back; unsaving what was not saved is harmless."""
    video = visible_video(session, user, video_id)
    row = session.scalar(select(SavedVideo).where(SavedVideo.user_id == user.id,
                                                  SavedVideo.video_id == video.id))
    if row is not None:
        session.delete(row)
        session.flush()
    return video


def saved_ids(session: Session, user: User | None, video_ids: list[int]) -> set[int]:
    """Which of these videos the user has saved."""
    if user is None or not video_ids:
        return set()
    return set(session.scalars(select(SavedVideo.video_id).where(
        SavedVideo.user_id == user.id, SavedVideo.video_id.in_(video_ids))))


@dataclass
class SavedPage:
    """One page of a user's saved videos, newest save first; ``next_cursor`` continues."""

    videos: list[Video]
    next_cursor: str | None


def saved_videos(session: Session, user: User, *, limit: int = 20,
                 before: str | None = None) -> SavedPage:
    """The videos the user saved and may still see, newest save first, from ``before``."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput("limit", f"1 to {MAX_PAGE}")
    # The same rule as visible_video, in SQL, so that a page is full after filtering.
    may_see = or_(Video.status == VideoStatus.PUBLISHED,
                  and_(Video.status == VideoStatus.DRAFT, Video.owner_id == user.id))
    query = (select(SavedVideo.created_at, SavedVideo.id, Video)
             .join(Video, Video.id == SavedVideo.video_id)
             .where(SavedVideo.user_id == user.id, may_see)
             .options(joinedload(Video.owner)))
    if before is not None:
        saved_at, row_id = _decode(before)
        query = query.where(or_(SavedVideo.created_at < saved_at,
                                and_(SavedVideo.created_at == saved_at, SavedVideo.id < row_id)))
    rows = session.execute(query.order_by(SavedVideo.created_at.desc(), SavedVideo.id.desc())
                           .limit(limit + 1)).all()
    page = rows[:limit]
    more = len(rows) > limit
    return SavedPage([video for _, _, video in page],
                     _encode(page[-1][0], page[-1][1]) if more else None)


def _encode(saved_at: datetime, row_id: int) -> str:
    micros = (saved_at - _EPOCH) // timedelta(microseconds=1)
    return base64.urlsafe_b64encode(f"s.{micros}.{row_id}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime, int]:
    """The save a cursor points after; anything this list did not hand out is refused."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        mark, micros, raw_id = text.split(".")
        row_id = int(raw_id)
        if mark != "s" or not 1 <= row_id <= MAX_ROW_ID:
            raise ValueError(text)
        return _EPOCH + timedelta(microseconds=int(micros)), row_id
    except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError):
        raise InvalidInput("cursor", "not a cursor of the saved list") from None
