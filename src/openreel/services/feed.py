"""The feeds, and steering them with a sentence."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import and_, bindparam, delete, select
from sqlalchemy.orm import Session

import openreel.social.feed as social_feed
from openreel.db.models import (
    FeedPreference,
    HiddenTopic,
    Like,
    User,
    Video,
    VideoKind,
    VideoStatus,
)
from openreel.director.nearest import embed
from openreel.services.errors import InvalidInput, NotSignedIn
from openreel.social.ranking import Reason
from openreel.social.steering import Steering, apply_steering, steer

MAX_PAGE = 50



@dataclass(frozen=True, slots=True)
class FeedVideo:
    """What a feed shows of a video: its public columns and its creator's handle.

    Attribute names are the row's, so presentation treats it like a :class:`Video`.
    """

    id: int
    status: VideoStatus
    kind: VideoKind
    prompt: str
    caption: str
    style: str
    engine: str
    seed: int
    seconds: float
    size: str
    width: int
    height: int
    topics: list[str]
    parent_id: int | None
    created_at: datetime
    published_at: datetime | None
    like_count: int
    comment_count: int
    remix_count: int
    view_count: int
    video_key: str | None
    poster_key: str | None
    owner_handle: str


# A page's videos with their creators' handles, and whether the viewer (None: nobody)
# likes each: one query, built once. Plain columns, not rows as objects: a page needs
# no storyboard (the largest column) and no identity map, and reads in half the time.
_PAGE_ROWS = (
    select(*(getattr(Video, f.name) for f in fields(FeedVideo) if f.name != "owner_handle"),
           User.handle, Like.id)
    .join(User, User.id == Video.owner_id)
    .outerjoin(Like, and_(Like.video_id == Video.id, Like.user_id == bindparam("viewer")))
    .where(Video.id.in_(bindparam("ids", expanding=True))))


@dataclass
class FeedEntry:
    """A video in a feed with the reasons it was chosen."""

    video: FeedVideo
    score: float
    reasons: list[Reason]
    liked: bool = False  # by the viewer


@dataclass
class Page:
    """One page of a feed."""

    mode: str
    entries: list[FeedEntry]
    next_cursor: str | None


def feed_page(session: Session, viewer: User | None, *, mode: str = "for_you",
              limit: int = 10, cursor: str | None = None) -> Page:
    """A page of "For you" or "Following" for the viewer (anonymous gets popular and new)."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput("limit", f"1 to {MAX_PAGE}")
    try:
        if mode == "following":
            if viewer is None:
                raise NotSignedIn("sign in to see the people you follow")
            page = social_feed.following(session, viewer.id, limit=limit, cursor=cursor)
        elif mode == "for_you":
            # Rows are loaded below with their status, so the ranking need not look again.
            page = social_feed.for_you(session, viewer.id if viewer else None, limit=limit,
                                       cursor=cursor, drop_removed=False)
        else:
            raise InvalidInput("mode", "for_you or following")
    except social_feed.BadCursor as exc:
        raise InvalidInput("cursor", str(exc)) from None
    ids = [item.video_id for item in page.items]
    found = session.connection().execute(
        _PAGE_ROWS, {"viewer": viewer.id if viewer else None, "ids": ids})
    rows = {row[0]: (FeedVideo(*row[:-1]), row[-1] is not None) for row in found
            if row[1] == VideoStatus.PUBLISHED}
    entries = [FeedEntry(rows[i.video_id][0], i.score, list(i.reasons), rows[i.video_id][1])
               for i in page.items if i.video_id in rows]
    return Page(mode=mode, entries=entries, next_cursor=page.next_cursor)


def steer_feed(session: Session, user: User, sentence: str) -> Steering:
    """Read a sentence like “more animals, less sports” into the user's topic weights."""
    text = sentence.strip()
    if not text:
        raise InvalidInput("sentence", "say what you want more or less of")
    steering = steer(text, embed)
    if not steering.weights and not steering.hidden:
        raise InvalidInput("sentence", "no topic recognised: try “more animals, less sports”")
    apply_steering(session, user.id, steering)
    return steering


def preferences(session: Session, user: User) -> tuple[list[FeedPreference], list[str]]:
    """The user's topic weights and hidden topics."""
    weights = list(session.scalars(select(FeedPreference).where(FeedPreference.user_id == user.id)
                                   .order_by(FeedPreference.weight.desc())))
    hidden = list(session.scalars(select(HiddenTopic.topic).where(HiddenTopic.user_id == user.id)))
    return weights, hidden


def reset_preferences(session: Session, user: User) -> None:
    """Forget every steering the user gave."""
    session.execute(delete(FeedPreference).where(FeedPreference.user_id == user.id))
    session.execute(delete(HiddenTopic).where(HiddenTopic.user_id == user.id))
