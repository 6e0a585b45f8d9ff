"""The feeds as the API serves them (one FeedReader per platform), and steering them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime

import numpy as np
from sqlalchemy import Integer, and_, bindparam, delete, event, select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.driver import Prepared
from openreel.db.models import (
    FeedPreference,
    FineTopic,
    Follow,
    HiddenTopic,
    Like,
    SavedVideo,
    User,
    Video,
    VideoKind,
    VideoStatus,
)
from openreel.db.session import Recent
from openreel.services.errors import InvalidInput, NotSignedIn
from openreel.services.feed_index import FeedIndex, following, for_you
from openreel.services.transactions import commits
from openreel.social.feed import BadCursor
from openreel.social.ranking import Reason
from openreel.social.steering import Embed, Steering, steer

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


# Compiled once per dialect from constants (see db.driver.Prepared): the same for every
# platform in the process, so kept here rather than by each FeedReader.
_PAGE_STATE = [_page_state(count) for count in range(MAX_PAGE + 1)]  # [0]: never run
MAX_KEPT_VIDEOS = 8192
MAX_CARDS = 8192
# In a session's ``info`` once its transaction changed what the feed shows.
FEED_CHANGED = "openreel_feed_changed"


class KeptVideos:
    """Feed videos as last read; one is used only while its stamp is current.

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


class FeedReader:
    """The feeds' read path, built once per platform: the candidates and what was ranked
    from them (:class:`FeedIndex`), the videos as last read (:class:`KeptVideos`) and each
    video's encoded card.

    A card is what a presenter made of a :class:`FeedVideo` (the API's JSON of it), reused
    only for the very row it was made from (the same id and ``changed_at``), so it never
    shows a caption or counter older than the row's.
    """

    def __init__(self, index: FeedIndex | None = None, *, cards: int = MAX_CARDS) -> None:
        self.index = index if index is not None else FeedIndex(background=True)
        self.kept = KeptVideos()
        self._cards: Recent[tuple[int, datetime], bytes] = Recent(cards)

    def page(self, session: Session, viewer_id: int | None, *, mode: str = "for_you",
             limit: int = 10, cursor: str | None = None) -> Page:
        """A page of "For you" or "Following" for the viewer (anonymous gets popular and
        new)."""
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidInput("limit", f"1 to {MAX_PAGE}")
        try:
            if mode == "following":
                if viewer_id is None:
                    raise NotSignedIn("sign in to see the people you follow")
                page = following(session, viewer_id, index=self.index, limit=limit,
                                 cursor=cursor)
            elif mode == "for_you":
                # Rows are loaded below with their status, so the ranking need not look again.
                page = for_you(session, viewer_id, index=self.index, limit=limit,
                               cursor=cursor, drop_removed=False)
            else:
                raise InvalidInput("mode", "for_you or following")
        except BadCursor as exc:
            raise InvalidInput("cursor", str(exc)) from None
        ids = [item.video_id for item in page.items]
        connection = session.connection()
        found = _PAGE_STATE[len(ids)].rows(connection, {
            "viewer": viewer_id, **{f"v{i}": video_id for i, video_id in enumerate(ids)}}
        ) if ids else []
        state = {row[0]: (row[2], row[3] is not None, row[4] is not None, row[5] is not None,
                          row[6]) for row in found if row[1] == VideoStatus.PUBLISHED}
        videos = self.kept.current({i: facts[0] for i, facts in state.items()})
        missing = [i for i in state if i not in videos]
        if missing:
            read = [FeedVideo(*list(row))
                    for row in connection.execute(_PAGE_ROWS, {"ids": missing})]
            self.kept.keep(read)
            videos.update((v.id, v) for v in read if v.status == VideoStatus.PUBLISHED)
        entries = [FeedEntry(videos[i.video_id], i.score, list(i.reasons), *state[i.video_id][1:])
                   for i in page.items if i.video_id in videos]
        return Page(mode=mode, entries=entries, next_cursor=page.next_cursor)

    def card(self, video: FeedVideo, encode: Callable[[FeedVideo], bytes]) -> bytes:
        """``encode(video)``, made once per change of the video's row."""
        stamp = video.changed_at
        card = self._cards.get((video.id, stamp)) if stamp is not None else None
        if card is None:
            card = encode(video)
            if stamp is not None:  # a row never stamped: nothing tells its changes
                self._cards.put((video.id, stamp), card)
        return card

    def invalidate(self) -> None:
        """Reload the candidates on next use (after a publish, delete or moderation)."""
        self.index.invalidate()

    def invalidate_on_commit(self, sessions: sessionmaker[Session]) -> None:
        """Invalidate after every transaction of ``sessions`` that changed what the feed
        shows (see :func:`mark_feed_changed`), once it is committed."""

        @event.listens_for(sessions, "after_commit")
        def _after_commit(session: Session) -> None:
            if session.in_nested_transaction():
                return  # a savepoint released: the transaction goes on
            if session.info.pop(FEED_CHANGED, False):
                self.invalidate()

    def close(self) -> None:
        """Stop reloading in the background and forget what was read."""
        self.index.close()
        self.kept.forget()
        self._cards.clear()


def mark_feed_changed(session: Session) -> None:
    """Say that the transaction of ``session`` changes what the feed shows (a publish, a
    removal): the platform's feed reloads its candidates once it commits."""
    session.info[FEED_CHANGED] = True


@commits
def steer_feed(session: Session, user: User, sentence: str, embed: Embed) -> Steering:
    """Read a sentence like “more animals, less sports” into the user's topic weights
    (``embed``: the platform's sentence embedder)."""
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


def apply_steering(session: Session, user_id: int, steering: Steering) -> None:
    """Merge a steering into the user's FeedPreference, HiddenTopic and FineTopic rows (no
    commit).

    Weight changes add to what is stored and are clamped to −1..1; hidden labels are
    stored at −1; asking for more of a hidden label shows it again; a label said to be
    fine is shown again and no longer weighed down, and is kept as fine: its videos show
    though a broader topic is hidden or lowered ("no pets, but dogs are fine"), until a
    later "less" or "no" of that label takes it back.
    """
    touched = list(dict.fromkeys([*steering.weights, *steering.allowed]))
    stored = {p.topic: p for p in session.scalars(select(FeedPreference).where(
        FeedPreference.user_id == user_id, FeedPreference.topic.in_(touched)))}
    for topic, change in steering.weights.items():
        if topic in steering.hidden:
            weight = -1.0
        else:
            weight = float(np.clip((stored[topic].weight if topic in stored else 0.0) + change,
                                   -1.0, 1.0))
        if topic in stored:
            stored[topic].weight = weight
        else:
            session.add(FeedPreference(user_id=user_id, topic=topic, weight=weight))
    for topic in steering.allowed:
        if topic in stored and stored[topic].weight < 0:
            session.delete(stored[topic])
    already = set(session.scalars(select(HiddenTopic.topic).where(
        HiddenTopic.user_id == user_id, HiddenTopic.topic.in_(list(steering.hidden)))))
    for topic in steering.hidden:
        if topic not in already:
            session.add(HiddenTopic(user_id=user_id, topic=topic))
    shown = [t for t, change in steering.weights.items() if change > 0 and t not in steering.hidden]
    shown += list(steering.allowed)
    if shown:
        session.execute(delete(HiddenTopic).where(HiddenTopic.user_id == user_id,
                                                  HiddenTopic.topic.in_(shown)))
    fine = set(session.scalars(select(FineTopic.topic).where(
        FineTopic.user_id == user_id, FineTopic.topic.in_(touched))))
    session.add_all(FineTopic(user_id=user_id, topic=t) for t in steering.allowed if t not in fine)
    lowered = [t for t, change in steering.weights.items() if change < 0 and t in fine]
    if lowered:
        session.execute(delete(FineTopic).where(FineTopic.user_id == user_id,
                                                FineTopic.topic.in_(lowered)))
    session.flush()


@dataclass(frozen=True)
class Preferences:
    """What a user told their feed: topic weights, hidden topics, labels said to be fine."""

    weights: list[FeedPreference]
    hidden: list[str]
    fine: list[str]


def preferences(session: Session, user: User) -> Preferences:
    """The user's topic weights (strongest first), hidden and fine labels (by name)."""
    weights = list(session.scalars(select(FeedPreference).where(FeedPreference.user_id == user.id)
                                   .order_by(FeedPreference.weight.desc())))
    hidden = list(session.scalars(select(HiddenTopic.topic).where(HiddenTopic.user_id == user.id)
                                  .order_by(HiddenTopic.topic)))
    fine = list(session.scalars(select(FineTopic.topic).where(FineTopic.user_id == user.id)
                                .order_by(FineTopic.topic)))
    return Preferences(weights, hidden, fine)


@commits
def reset_preferences(session: Session, user: User) -> None:
    """Forget every steering the user gave."""
    session.execute(delete(FeedPreference).where(FeedPreference.user_id == user.id))
    session.execute(delete(HiddenTopic).where(HiddenTopic.user_id == user.id))
    session.execute(delete(FineTopic).where(FineTopic.user_id == user.id))
