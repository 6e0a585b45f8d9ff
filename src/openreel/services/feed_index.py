"""The feed's candidates, read from the database fast enough for hundreds of requests a second.

A :class:`FeedIndex` (one per platform: see ``services.feed.FeedReader``) keeps every
published video's features as numpy arrays and reloads them when they are older than
``max_age`` seconds or when :meth:`FeedIndex.invalidate` is called. A reload reads only the
videos changed since the last one (each write stamps a video's ``changed_at``): usually a
few rows through an index, none when nothing moved. The whole table is rebuilt every
``FULL_RELOAD_AGE`` seconds. A platform's index reloads on a background thread when its
arrays merely aged (requests keep using the previous ones meanwhile), and in the request
after an invalidation, so a publish here shows at once. What is known about a viewer
(follows, topic weights, hidden and fine topics, "show me less", views, birth year)
comes from one indexed query.

Ranking and paging are :mod:`openreel.social.feed`'s, over what this module reads.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import (
    Float,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql import CompoundSelect

from openreel.db.driver import Prepared
from openreel.db.models import (
    FeedPreference,
    FineTopic,
    Follow,
    HiddenTopic,
    NotInterested,
    User,
    Video,
    VideoStatus,
    VideoView,
)
from openreel.db.session import base_engine
from openreel.db.timestamps import utcnow
from openreel.social.feed import (
    VIDEO_FIELDS,
    FeedPage,
    RankingMemory,
    VideoRow,
    following_cursor,
    following_page,
    for_you_cursor,
    for_you_page,
    may_show,
    signals_for,
    table_from_rows,
)
from openreel.social.ranking import CandidateTable, RankedItem, ViewerSignals
from openreel.social.topics import MATURE_TOPICS

DEFAULT_MAX_AGE = 5.0  # seconds the candidate arrays are trusted before a reload
FULL_RELOAD_AGE = 600.0  # seconds between complete rebuilds of the candidate arrays
INCREMENTAL_MAX = 1000  # more new videos than this since the last reload: rebuild instead
VIEWER_TTL = 30.0  # seconds later pages may reuse a viewer's signals
MAX_VIEWERS = 4096

logger = logging.getLogger(__name__)

_VIDEO_COLUMNS = tuple(getattr(Video, name) for name in VIDEO_FIELDS)
# What a reload reads of each changed video, and the table's arrays for its counters.
_CHANGE_COLUMNS = (Video.id, Video.status, Video.like_count, Video.comment_count,
                   Video.remix_count, Video.view_count, Video.watch_seconds)
_COUNTER_FIELDS = ("likes", "comments", "remixes", "views", "watch_seconds")


# How far back a reload looks before its last one, for writes stamped before that read
# and committed after it (a slow transaction, another host's clock a little behind). A
# write later still than this waits for the next full rebuild.
CHANGE_MARGIN = timedelta(seconds=10)


def _viewer_query() -> CompoundSelect:
    """One query for everything the feed knows about a viewer, bound to ``:viewer``."""
    viewer = bindparam("viewer", type_=Integer)
    zero_i, zero_f, blank = literal(0, Integer), literal(0.0, Float), literal("", String)

    def kind(n: int) -> Any:
        return literal(n, Integer).label("kind")

    return union_all(
        select(kind(1), Follow.followee_id, zero_f, blank).where(Follow.follower_id == viewer),
        select(kind(2), zero_i, FeedPreference.weight, FeedPreference.topic)
        .where(FeedPreference.user_id == viewer),
        select(kind(3), zero_i, zero_f, HiddenTopic.topic).where(HiddenTopic.user_id == viewer),
        select(kind(4), NotInterested.video_id, zero_f, blank)
        .where(NotInterested.user_id == viewer),
        select(kind(5), VideoView.video_id, cast(VideoView.views, Float), blank)
        .where(VideoView.user_id == viewer),
        select(kind(6), func.coalesce(User.birth_year, 0), zero_f, blank)
        .where(User.id == viewer),
        select(kind(7), zero_i, zero_f, FineTopic.topic).where(FineTopic.user_id == viewer),
    )


# Compiled once per dialect from constants (like every Prepared statement): the same for
# every platform in the process.
_VIEWER_QUERY = Prepared(_viewer_query())


class FeedIndex:
    """Published candidates as arrays, viewers' signals and what was ranked from them."""

    def __init__(self, *, max_age: float = DEFAULT_MAX_AGE, viewer_ttl: float = VIEWER_TTL,
                 clock: Callable[[], float] = time.monotonic, background: bool = False) -> None:
        self.max_age = max_age
        self.viewer_ttl = viewer_ttl
        self.background = background
        self._clock = clock
        self._table: CandidateTable | None = None
        self._loaded_at = -math.inf
        self._built_at = -math.inf
        self._read_at = datetime.min.replace(tzinfo=UTC)  # when the last load began to read
        self._generation = 0  # bumped by invalidate(), so a reload racing it is not trusted
        self._refresh_lock = threading.Lock()
        self._lock = threading.Lock()
        self._viewers: OrderedDict[int, tuple[float, tuple[ViewerSignals, int | None]]] = (
            OrderedDict())
        self.memory = RankingMemory()  # orders served, for later pages and first pages again
        self.loads = 0

    def invalidate(self) -> None:
        """Reload the candidates on next use (after a publish, delete or moderation)."""
        with self._lock:
            self._generation += 1
            self._loaded_at = -math.inf

    def table(self, session: Session) -> CandidateTable:
        """The published candidates, reloaded when stale.

        While one request or the background thread reloads, others keep using the
        previous arrays; only the very first load, and the first use after
        :meth:`invalidate`, make a request wait.
        """
        table = self._table
        loaded_at = self._loaded_at
        if table is not None and self._clock() - loaded_at < self.max_age:
            return table
        if table is not None and self.background and loaded_at != -math.inf:
            self._reload_in_background(session)
            return table
        must_wait = table is None or loaded_at == -math.inf
        if not self._refresh_lock.acquire(blocking=must_wait):
            assert table is not None
            return table
        try:
            if self._table is None or self._clock() - self._loaded_at >= self.max_age:
                self._load(session)
            assert self._table is not None
            return self._table
        finally:
            self._refresh_lock.release()

    def _reload_in_background(self, session: Session) -> None:
        """Start a reload on its own thread and session, unless one is under way."""
        engine = session.get_bind()
        assert isinstance(engine, Engine), "background reloads need a session on an engine"
        engine = base_engine(engine)  # a reload reads: never on the writing engine
        if not self._refresh_lock.acquire(blocking=False):
            return
        if not self.background:  # closed meanwhile
            self._refresh_lock.release()
            return
        try:
            threading.Thread(target=self._background_load, args=(engine,), daemon=True,
                             name="feed-index-reload").start()
        except BaseException:
            self._refresh_lock.release()
            raise

    def _background_load(self, engine: Engine) -> None:
        try:
            with Session(engine) as session:
                self._load(session)
        except Exception:
            logger.exception("reloading the feed index failed; the next request retries")
            self._loaded_at = -math.inf
        finally:
            self._refresh_lock.release()

    def _load(self, session: Session) -> None:
        started = self._clock()
        read_at = utcnow()
        with self._lock:
            generation = self._generation
        table = self._table
        if table is None or started - self._built_at >= FULL_RELOAD_AGE:
            table = self._build(session)
            self._built_at = started
        else:
            table = self._update(session, table)
        with self._lock:
            self._table = table
            self._read_at = read_at
            # An invalidation while this read ran may not be in it: reload on next use.
            self._loaded_at = started if generation == self._generation else -math.inf
        self.loads += 1

    def _build(self, session: Session) -> CandidateTable:
        """Every published video, read in full."""
        rows = session.execute(select(*_VIDEO_COLUMNS)
                               .where(Video.status == VideoStatus.PUBLISHED)).all()
        owners = select(Video.owner_id).where(Video.status == VideoStatus.PUBLISHED).distinct()
        handles = {int(i): str(h) for i, h in
                   session.execute(select(User.id, User.handle).where(User.id.in_(owners)))}
        return table_from_rows(rows, handles)

    def _update(self, session: Session, table: CandidateTable) -> CandidateTable:
        """``table`` brought up to date from the videos changed since the last read.

        Every write to a video stamps its ``changed_at`` (counters too), so this reads the
        counters of a handful of rows through an index, and the whole row only of videos
        new to the table; none at all when nothing moved: then the very same table comes
        back, and whatever was ranked from it stays valid. What the table holds besides
        counters (owner, publish time, length, topics) does not change while a video stays
        published. A row deleted outright (its owner's account going) is not seen here; it
        is never served (pages are checked against the database) and leaves the table at
        the next full rebuild.
        """
        since = self._read_at - CHANGE_MARGIN
        changed = session.execute(select(*_CHANGE_COLUMNS).where(
            Video.changed_at >= since)).all()
        if not changed:
            return table
        ids = np.fromiter((r[0] for r in changed), dtype=np.int64, count=len(changed))
        rows = table.rows_of(ids)
        live = np.array([r[1] == VideoStatus.PUBLISHED for r in changed], dtype=bool)
        held = rows >= 0
        counters = {name: getattr(table, name).copy() for name in _COUNTER_FIELDS}
        for position in np.flatnonzero(held & live).tolist():
            for name, value in zip(_COUNTER_FIELDS, changed[position][2:], strict=True):
                counters[name][rows[position]] = value
        new_ids = ids[~held & live].tolist()
        if len(new_ids) > INCREMENTAL_MAX:
            return self._build(session)
        arriving: Sequence[VideoRow] = session.execute(select(*_VIDEO_COLUMNS).where(
            Video.id.in_(new_ids), Video.status == VideoStatus.PUBLISHED)).all() if new_ids else []
        leaving = rows[held & ~live]
        if not arriving and not len(leaving):  # counters moved, or only drafts changed
            return table.with_counters(**counters)
        kept = np.setdiff1d(np.arange(len(table)), leaving)
        owner_ids = [*table.owner_ids[kept].tolist(), *(int(r[1]) for r in arriving)]
        return CandidateTable(
            video_ids=[*table.video_ids[kept].tolist(), *(int(r[0]) for r in arriving)],
            owner_ids=owner_ids,
            published_at=[*table.published_at[kept].tolist(),
                          *(r[2].timestamp() for r in arriving)],
            topics=[*(table.topic_labels[i] for i in kept.tolist()),
                    *(list(r[3] or ()) for r in arriving)],
            likes=[*counters["likes"][kept].tolist(), *(r[4] for r in arriving)],
            comments=[*counters["comments"][kept].tolist(), *(r[5] for r in arriving)],
            remixes=[*counters["remixes"][kept].tolist(), *(r[6] for r in arriving)],
            views=[*counters["views"][kept].tolist(), *(r[7] for r in arriving)],
            watch_seconds=[*counters["watch_seconds"][kept].tolist(),
                           *(r[8] for r in arriving)],
            seconds=[*table.seconds[kept].tolist(), *(float(r[9]) for r in arriving)],
            handles=self.handles(session, owner_ids), topic_names=table.topic_names)

    def handles(self, session: Session, owner_ids: Iterable[int]) -> dict[int, str]:
        """Handles of these creators, from the loaded table or, for new ones, the database."""
        known = dict(self._table.handles) if self._table is not None else {}
        missing = [o for o in set(owner_ids) if o not in known]
        if missing:
            known.update({int(i): str(h) for i, h in session.execute(
                select(User.id, User.handle).where(User.id.in_(missing)))})
        return known

    def viewer(self, session: Session, viewer_id: int, *, fresh: bool) -> tuple[
            ViewerSignals, int | None]:
        """The viewer's signals and birth year; ``fresh`` skips the brief cache."""
        now = self._clock()
        if not fresh:
            with self._lock:
                cached = self._viewers.get(viewer_id)
            if cached is not None and now - cached[0] < self.viewer_ttl:
                return cached[1]
        loaded = _load_viewer(session, viewer_id)
        with self._lock:
            self._viewers[viewer_id] = (now, loaded)
            self._viewers.move_to_end(viewer_id)
            while len(self._viewers) > MAX_VIEWERS:
                self._viewers.popitem(last=False)
        return loaded

    def forget_viewer(self, viewer_id: int) -> None:
        """Drop the cached signals of one viewer (after they steer or follow someone)."""
        with self._lock:
            self._viewers.pop(viewer_id, None)

    def close(self) -> None:
        """Start no more reloads in the background, and wait for one under way."""
        self.background = False
        with self._refresh_lock:
            pass


def _load_viewer(session: Session, viewer_id: int) -> tuple[ViewerSignals, int | None]:
    followees: set[int] = set()
    preferences: dict[str, float] = {}
    hidden: set[str] = set()
    fine: set[str] = set()
    not_interested: set[int] = set()
    watched: dict[int, int] = {}
    birth_year: int | None = None
    for kind, ref, amount, label in _VIEWER_QUERY.rows(session.connection(),
                                                       {"viewer": viewer_id}):
        if kind == 1:
            followees.add(int(ref))
        elif kind == 2:
            preferences[str(label)] = float(amount)
        elif kind == 3:
            hidden.add(str(label))
        elif kind == 4:
            not_interested.add(int(ref))
        elif kind == 5:
            watched[int(ref)] = int(amount)
        elif kind == 6 and ref:
            birth_year = int(ref)
        elif kind == 7:
            fine.add(str(label))
    signals = ViewerSignals(viewer_id=viewer_id, followees=frozenset(followees),
                            preferences=preferences, hidden_topics=frozenset(hidden),
                            not_interested=frozenset(not_interested), watched=watched,
                            fine_topics=frozenset(fine))
    return signals, birth_year


def _still_published(session: Session, items: list[RankedItem]) -> list[RankedItem]:
    """Drop items removed since the index was loaded (visibility must never lag)."""
    if not items:
        return items
    # Looked up by primary key alone: with the status in the WHERE clause SQLite would
    # rather walk the (status, published_at) index over every published video.
    live = {i for i, status in session.execute(select(Video.id, Video.status).where(
        Video.id.in_([i.video_id for i in items]))) if status == VideoStatus.PUBLISHED}
    return [i for i in items if i.video_id in live]


def for_you(session: Session, viewer_id: int | None, *, index: FeedIndex, limit: int = 10,
            cursor: str | None = None, now: datetime | None = None,
            mature_topics: frozenset[str] = MATURE_TOPICS,
            drop_removed: bool = True) -> FeedPage:
    """A page of the viewer's ranked feed; signed out, popular and new videos for all.

    Viewers under 18 (by birth year) and signed-out viewers never get ``mature_topics``.
    Items removed since the index was loaded are dropped, unless ``drop_removed`` is
    False: for callers that load the page's rows themselves and skip unpublished ones.
    """
    table = index.table(session)
    # Whole milliseconds, so that a cursor carries the ranking time exactly.
    clock = round((now or datetime.now(UTC)).timestamp() * 1000) / 1000
    token, offset = None, 0
    if cursor is not None:
        token, offset, clock = for_you_cursor(cursor)
    if viewer_id is None:
        signals = ViewerSignals(blocked_topics=mature_topics)
    else:
        viewer, birth_year = index.viewer(session, viewer_id, fresh=cursor is None)
        year = datetime.fromtimestamp(clock, UTC).year
        signals = signals_for(viewer, birth_year, year, mature_topics)
    # A first page at the present time from the same table and signals: served again.
    page = for_you_page(index.memory, table, signals, viewer_id, limit=limit, clock=clock,
                        token=token, offset=offset, reuse=cursor is None and now is None,
                        mature_topics=mature_topics)
    if not drop_removed:
        return page
    return FeedPage(_still_published(session, page.items), page.next_cursor)


def following(session: Session, viewer_id: int, *, index: FeedIndex, limit: int = 10,
              cursor: str | None = None, now: datetime | None = None,
              mature_topics: frozenset[str] = MATURE_TOPICS) -> FeedPage:
    """Newest videos of the people the viewer follows, with the same reasons as For you."""
    when = now or datetime.now(UTC)
    viewer, birth_year = index.viewer(session, viewer_id, fresh=cursor is None)
    before = following_cursor(cursor) if cursor is not None else None
    signals = signals_for(viewer, birth_year, when.year, mature_topics)
    if not signals.followees:
        return FeedPage([], None)
    rows, exhausted = _followed_rows(session, sorted(signals.followees), before, limit, signals)
    handles = index.handles(session, (int(r[1]) for r in rows))
    table = table_from_rows(rows, handles, index.table(session).topic_names)
    return following_page(table, signals, when, limit, exhausted)


def _followed_rows(session: Session, followees: list[int], before: tuple[datetime, int] | None,
                   limit: int, signals: ViewerSignals) -> tuple[list[VideoRow], bool]:
    """Published rows by ``followees`` older than ``before``, enough for a page after filters.

    Returns the rows and whether no older rows remain.
    """
    rows: list[VideoRow] = []
    batch = 2 * limit + 8
    while True:
        query = select(*_VIDEO_COLUMNS).where(Video.status == VideoStatus.PUBLISHED,
                                              Video.owner_id.in_(followees))
        if before is not None:
            query = query.where(or_(Video.published_at < before[0],
                                    and_(Video.published_at == before[0], Video.id < before[1])))
        fetched: list[VideoRow] = list(session.execute(
            query.order_by(Video.published_at.desc(), Video.id.desc()).limit(batch)).all())
        rows += fetched
        if len(fetched) < batch:
            return rows, True
        kept = sum(1 for r in rows if may_show(r, signals))
        if kept > limit:
            return rows, False
        before = (fetched[-1][2], int(fetched[-1][0]))
