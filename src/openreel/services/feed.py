"""The feeds, and steering them with a sentence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Integer, and_, bindparam, delete, select
from sqlalchemy.orm import Session

import openreel.social.feed as social_feed
from openreel.db.driver import Prepared
from openreel.db.models import (
    FeedPreference,
    Follow,
    HiddenTopic,
    Like,
    SavedVideo,
    User,
    Video,
    VideoKind,
    VideoStatus,
)
from openreel.db.session import PerEngine, Recent
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
    changed_at: datetime | None
    owner_handle: str


# A page's videos with their creators' handles: plain columns, not rows as objects (a page
# needs no storyboard, the largest column, and no identity map), read only for videos this
# process has not seen at their latest change.
_PAGE_ROWS = (
    select(*(getattr(Video, f.name) for f in fields(FeedVideo) if f.name != "owner_handle"),
           User.handle)
    .join(User, User.id == Video.owner_id)
    .where(Video.id.in_(bindparam("ids", expanding=True))))


def _page_state(count: int) -> Prepared:
    """What a page checks of its ``count`` videos each time it is served: still published,
    changed since it was read, liked and saved by the viewer, its creator followed by the
    viewer (None: nobody), and the creator's avatar (which changes without the video).
    Bound to ``:viewer`` and ``:v0`` … (one statement per page size, so none is rendered
    per request).
    """
    viewer = bindparam("viewer", type_=Integer)
    return Prepared(
        select(Video.id, Video.status, Video.changed_at, Like.id, SavedVideo.id, Follow.id,
               User.avatar_key)
        .join(User, User.id == Video.owner_id)
        .outerjoin(Like, and_(Like.video_id == Video.id, Like.user_id == viewer))
        .outerjoin(SavedVideo, and_(SavedVideo.video_id == Video.id,
                                    SavedVideo.user_id == viewer))
        .outerjoin(Follow, and_(Follow.followee_id == Video.owner_id,
                                Follow.follower_id == viewer))
        .where(Video.id.in_([bindparam(f"v{i}", type_=Integer) for i in range(count)])))


_PAGE_STATE = [_page_state(count) for count in range(MAX_PAGE + 1)]  # [0]: never run
MAX_KEPT_VIDEOS = 8192


class KeptVideos:
    """Feed videos as last read, per process; one is used only while its stamp is current.

    Every write to a video stamps its ``changed_at``, so a kept copy whose stamp equals the
    row's shows exactly what the row holds now (a creator's handle never changes).
    """

    def __init__(self) -> None:
        self._videos: Recent[int, FeedVideo] = Recent(MAX_KEPT_VIDEOS)

    def current(self, stamps: dict[int, datetime | None]) -> dict[int, FeedVideo]:
        """The kept videos whose stamp is the one given."""
        found = {i: self._videos.get(i) for i in stamps}
        return {i: v for i, v in found.items()
                if v is not None and v.changed_at is not None and v.changed_at == stamps[i]}

    def forget(self) -> None:
        """Drop every kept video."""
        self._videos.clear()

    def keep(self, videos: Iterable[FeedVideo]) -> None:
        """Remember videos just read."""
        for video in videos:
            self._videos.put(video.id, video)


_kept = PerEngine(KeptVideos)


def kept_videos(session: Session) -> KeptVideos:
    """The process's kept feed videos for the database ``session`` is bound to."""
    return _kept.of(session)


@dataclass
class FeedEntry:
    """A video in a feed with the reasons it was chosen."""

    video: FeedVideo
    score: float
    reasons: list[Reason]
    liked: bool = False  # by the viewer
    saved: bool = False  # by the viewer
    following: bool = False  # the viewer follows its creator
    avatar_key: str | None = None  # the creator's avatar picture, if any


@dataclass
class Page:
    """One page of a feed."""

    mode: str
    entries: list[FeedEntry]
    next_cursor: str | None


def feed_page(session: Session, viewer_id: int | None, *, mode: str = "for_you",
              limit: int = 10, cursor: str | None = None) -> Page:
    """A page of "For you" or "Following" for the viewer (anonymous gets popular and new)."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput("limit", f"1 to {MAX_PAGE}")
    try:
        if mode == "following":
            if viewer_id is None:
                raise NotSignedIn("sign in to see the people you follow")
            page = social_feed.following(session, viewer_id, limit=limit, cursor=cursor)
        elif mode == "for_you":
            # Rows are loaded below with their status, so the ranking need not look again.
            page = social_feed.for_you(session, viewer_id, limit=limit, cursor=cursor,
                                       drop_removed=False)
        else:
            raise InvalidInput("mode", "for_you or following")
    except social_feed.BadCursor as exc:
        raise InvalidInput("cursor", str(exc)) from None
    ids = [item.video_id for item in page.items]
    connection = session.connection()
    found = _PAGE_STATE[len(ids)].rows(
        connection, {"viewer": viewer_id, **{f"v{i}": video_id for i, video_id in enumerate(ids)}}
    ) if ids else []
    state = {row[0]: (row[2], row[3] is not None, row[4] is not None, row[5] is not None,
                      row[6]) for row in found if row[1] == VideoStatus.PUBLISHED}
    kept = kept_videos(session)
    videos = kept.current({i: facts[0] for i, facts in state.items()})
    missing = [i for i in state if i not in videos]
    if missing:
        read = [FeedVideo(*list(row)) for row in connection.execute(_PAGE_ROWS, {"ids": missing})]
        kept.keep(read)
        videos.update((v.id, v) for v in read if v.status == VideoStatus.PUBLISHED)
    entries = [FeedEntry(videos[i.video_id], i.score, list(i.reasons), *state[i.video_id][1:])
               for i in page.items if i.video_id in videos]
    return Page(mode=mode, entries=entries, next_cursor=page.next_cursor)


def steer_feed(session: Session, user: User, sentence: str) -> Steering:
    """Read a sentence like “more animals, less sports” into the user's topic weights."""
    text = sentence.strip()
    if not text:
        raise InvalidInput("sentence", "say what you want more or less of")
    steering = steer(text, embed)
    if not steering.changes_anything:
        unknown = ", ".join(f"“{word}”" for word in steering.not_understood)
        said = f"{unknown}: not something the feed knows" if unknown else "nothing to change"
        raise InvalidInput("sentence", f"{said}; try “more animals, less sports” or "
                                       "“no cats but dogs are fine”")
    apply_steering(session, user.id, steering)
    return steering


def preferences(session: Session, user: User) -> tuple[list[FeedPreference], list[str]]:
    """The user's topic weights and hidden topics."""
    weights = list(session.scalars(select(FeedPreference).where(FeedPreference.user_id == user.id)
                                   .order_by(FeedPreference.weight.desc())))
    hidden = list(session.scalars(select(HiddenTopic.topic).where(HiddenTopic.user_id == user.id)
                                  .order_by(HiddenTopic.topic)))
    return weights, hidden


def reset_preferences(session: Session, user: User) -> None:
    """Forget every steering the user gave."""
    session.execute(delete(FeedPreference).where(FeedPreference.user_id == user.id))
    session.execute(delete(HiddenTopic).where(HiddenTopic.user_id == user.id))
