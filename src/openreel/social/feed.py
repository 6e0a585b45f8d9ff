"""The feeds, read from the database fast enough for hundreds of requests a second.

A :class:`FeedIndex` per process (one per database engine) keeps every published video's
features as numpy arrays and reloads them when they are older than ``max_age`` seconds or
when :func:`invalidate` is called. A reload reads only the videos changed since the last
one (each write stamps a video's ``changed_at``): usually a few rows through an index,
none when nothing moved. The whole table is rebuilt every ``FULL_RELOAD_AGE`` seconds.
The process's index reloads on a background thread when its arrays merely aged (requests
keep using the previous ones meanwhile), and in the request after an invalidation, so a
publish here shows at once. What is known about a viewer (follows, topic weights, hidden
topics, "show me less", views, birth year) comes from one indexed query.

"For you" is ranked by :mod:`openreel.social.ranking`; its first page also remembers the
order of the next items, so later pages continue that same order (no duplicates, no
gaps) even while likes and views keep moving scores. A cursor carries that snapshot's
token, the offset and the ranking time; in a process that no longer has the snapshot the
order is computed again at the same time. "Following" is newest first by keyset.
"""

from __future__ import annotations

import base64
import binascii
import logging
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
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
    Follow,
    HiddenTopic,
    NotInterested,
    User,
    Video,
    VideoStatus,
    VideoView,
)
from openreel.db.session import PerEngine, base_engine
from openreel.db.timestamps import utcnow
from openreel.social.ranking import (
    CandidateTable,
    RankedItem,
    Reason,
    ViewerSignals,
    explain,
    order,
    score,
)
from openreel.social.topics import MATURE_TOPICS

DEFAULT_MAX_AGE = 5.0  # seconds the candidate arrays are trusted before a reload
FULL_RELOAD_AGE = 600.0  # seconds between complete rebuilds of the candidate arrays
INCREMENTAL_MAX = 1000  # more new videos than this since the last reload: rebuild instead
VIEWER_TTL = 30.0  # seconds later pages may reuse a viewer's signals
SNAPSHOT_ITEMS = 100  # a first page remembers the order of this many items
MAX_SNAPSHOTS = 4096
MAX_VIEWERS = 4096
MAX_FIRST_PAGES = 4096
ADULT_AGE = 18


logger = logging.getLogger(__name__)


class BadCursor(ValueError):
    """A cursor that this feed did not hand out."""


@dataclass(frozen=True)
class FeedPage:
    """One page of a feed and the cursor of the next (None at the end)."""

    items: list[RankedItem]
    next_cursor: str | None


# A ranked item as plain tuples: (video id, score, ((signal, contribution, text), ...)).
_PlainItem = tuple[int, float, tuple[tuple[str, float, str], ...]]


@dataclass(frozen=True)
class _FirstPage:
    """A first page as served, reusable while its table and the viewer's signals stand.

    Its items are kept as plain tuples of strings and numbers, which the garbage
    collector stops tracking: thousands of kept pages add nothing to its full passes.
    """

    table: CandidateTable
    signals: ViewerSignals
    limit: int
    items: tuple[_PlainItem, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class _Snapshot:
    """The order of a first page and the items after it, at one ranking time."""

    viewer_id: int | None
    video_ids: np.ndarray
    now: float
    complete: bool  # the order holds every eligible video, not just the first ones


def is_minor(birth_year: int | None, year: int) -> bool:
    """Whether someone born in ``birth_year`` may still be under 18 in ``year``."""
    return birth_year is not None and year - birth_year <= ADULT_AGE


_VIDEO_COLUMNS = (Video.id, Video.owner_id, Video.published_at, Video.topics, Video.like_count,
                  Video.comment_count, Video.remix_count, Video.view_count, Video.watch_seconds,
                  Video.seconds)
# What a reload reads of each changed video, and the table's arrays for its counters.
_CHANGE_COLUMNS = (Video.id, Video.status, Video.like_count, Video.comment_count,
                   Video.remix_count, Video.view_count, Video.watch_seconds)
_COUNTER_FIELDS = ("likes", "comments", "remixes", "views", "watch_seconds")


# How far back a reload looks before its last one, for writes stamped before that read
# and committed after it (a slow transaction, another host's clock a little behind). A
# write later still than this waits for the next full rebuild.
CHANGE_MARGIN = timedelta(seconds=10)

# A row of _VIDEO_COLUMNS, as the database driver returns it.
VideoRow = Sequence[Any]


def _table_from_rows(rows: Sequence[VideoRow], handles: dict[int, str],
                     topic_names: Sequence[str] | None = None) -> CandidateTable:
    """A candidate table from rows of ``_VIDEO_COLUMNS``."""
    columns: list[Sequence[Any]] = (
        [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in _VIDEO_COLUMNS])
    extra = {} if topic_names is None else {"topic_names": topic_names}
    return CandidateTable(
        video_ids=columns[0], owner_ids=columns[1],
        published_at=[t.timestamp() for t in columns[2]],
        topics=[list(t or ()) for t in columns[3]], likes=columns[4], comments=columns[5],
        remixes=columns[6], views=columns[7], watch_seconds=columns[8], seconds=columns[9],
        handles=handles, **extra)


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
    )


_VIEWER_QUERY = Prepared(_viewer_query())


class FeedIndex:
    """Published candidates as arrays, viewers' signals and first-page orders, per process."""

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
        self._snapshots: OrderedDict[str, _Snapshot] = OrderedDict()
        self._anonymous: tuple[CandidateTable, str] | None = None
        self._first_pages: OrderedDict[int | None, _FirstPage] = OrderedDict()
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
        return _table_from_rows(rows, handles)

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

    def remember(self, snapshot: _Snapshot) -> str:
        """Keep a first page's order and return its token."""
        token = secrets.token_urlsafe(9)
        with self._lock:
            self._snapshots[token] = snapshot
            while len(self._snapshots) > MAX_SNAPSHOTS:
                self._snapshots.popitem(last=False)
        return token

    def recall(self, token: str) -> _Snapshot | None:
        """The order kept under ``token``, if this process still has it."""
        with self._lock:
            return self._snapshots.get(token)

    def first_page(self, viewer_id: int | None, table: CandidateTable, signals: ViewerSignals,
                   limit: int) -> FeedPage | None:
        """The viewer's last first page, if it was ranked from this very table and signals.

        The same data ranks the same way; only recency moves. A table lasts while its
        counters stand still and at most ``FULL_RELOAD_AGE`` seconds, against a recency
        half-life of a day: a score moves by under 1 %. Whether each item is still
        published is checked when it is served, as for any page.
        """
        with self._lock:
            kept = self._first_pages.get(viewer_id)
        if (kept is None or kept.table is not table or kept.limit != limit
                or kept.signals != signals):
            return None
        return FeedPage([RankedItem(video_id, score, tuple(Reason._make(r) for r in reasons))
                         for video_id, score, reasons in kept.items], kept.next_cursor)

    def keep_first_page(self, viewer_id: int | None, table: CandidateTable,
                        signals: ViewerSignals, limit: int, page: FeedPage) -> None:
        """Remember a first page for :meth:`first_page`."""
        items = tuple((i.video_id, i.score,
                       tuple((r.signal, r.contribution, r.text) for r in i.reasons))
                      for i in page.items)
        kept = _FirstPage(table, signals, limit, items, page.next_cursor)
        with self._lock:
            self._first_pages[viewer_id] = kept
            self._first_pages.move_to_end(viewer_id)
            while len(self._first_pages) > MAX_FIRST_PAGES:
                self._first_pages.popitem(last=False)

    def anonymous(self, table: CandidateTable, now: float) -> tuple[str, _Snapshot]:
        """The signed-out first-page order, shared by everyone while the table lasts."""
        cached = self._anonymous
        if cached is not None and cached[0] is table:
            snapshot = self.recall(cached[1])
            if snapshot is not None:
                return cached[1], snapshot
        signals = ViewerSignals(blocked_topics=MATURE_TOPICS)
        snapshot = _first_order(table, signals, None, now, SNAPSHOT_ITEMS)
        token = self.remember(snapshot)
        self._anonymous = (table, token)
        return token, snapshot


def _load_viewer(session: Session, viewer_id: int) -> tuple[ViewerSignals, int | None]:
    followees: set[int] = set()
    preferences: dict[str, float] = {}
    hidden: set[str] = set()
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
    signals = ViewerSignals(viewer_id=viewer_id, followees=frozenset(followees),
                            preferences=preferences, hidden_topics=frozenset(hidden),
                            not_interested=frozenset(not_interested), watched=watched)
    return signals, birth_year


_indexes = PerEngine(lambda: FeedIndex(background=True))


def feed_index(session: Session) -> FeedIndex:
    """The process's feed index for the database ``session`` is bound to."""
    return _indexes.of(session)


def invalidate(session: Session) -> None:
    """Make the next feed request reload published videos (call after publish or removal)."""
    feed_index(session).invalidate()


def _encode(*parts: object) -> str:
    return base64.urlsafe_b64encode(".".join(map(str, parts)).encode()).decode().rstrip("=")


def _decode(cursor: str, mode: str, count: int) -> list[str]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor("not a feed cursor") from None
    parts = text.split(".")
    if len(parts) != count or parts[0] != mode:
        raise BadCursor("not a cursor of this feed")
    return parts[1:]


def _signals_for(viewer: ViewerSignals, birth_year: int | None, year: int,
                 mature_topics: frozenset[str]) -> ViewerSignals:
    if not is_minor(birth_year, year) or not mature_topics:
        return viewer
    return ViewerSignals(viewer_id=viewer.viewer_id, followees=viewer.followees,
                         preferences=viewer.preferences, hidden_topics=viewer.hidden_topics,
                         not_interested=viewer.not_interested, watched=viewer.watched,
                         blocked_topics=viewer.blocked_topics | mature_topics)


def _first_order(table: CandidateTable, signals: ViewerSignals, viewer_id: int | None,
                 now: float, count: int) -> _Snapshot:
    scores = score(table, signals, now)
    positions = order(table, scores, count)
    return _Snapshot(viewer_id, table.video_ids[scores.rows[positions]], now,
                     complete=len(positions) < count)


def _page_from(table: CandidateTable, signals: ViewerSignals, snapshot: _Snapshot,
               offset: int, limit: int) -> tuple[list[RankedItem], int] | None:
    """Items of a remembered order from ``offset`` that the viewer may still see.

    Returns them with the offset after the last one, or None when the order runs out
    before the page is full and more might follow it.
    """
    rows = table.rows_of(snapshot.video_ids[offset:])
    present = np.flatnonzero(rows >= 0)
    scores = score(table, signals, snapshot.now, rows[present])
    keep = np.flatnonzero(scores.eligible)[:limit]
    if len(keep) < limit and not snapshot.complete:
        return None
    end = offset + (int(present[keep[-1]]) + 1 if len(keep) else len(rows))
    return explain(table, scores, keep, snapshot.now), end


def _still_published(session: Session, items: list[RankedItem]) -> list[RankedItem]:
    """Drop items removed since the index was loaded (visibility must never lag)."""
    if not items:
        return items
    # Looked up by primary key alone: with the status in the WHERE clause SQLite would
    # rather walk the (status, published_at) index over every published video.
    live = {i for i, status in session.execute(select(Video.id, Video.status).where(
        Video.id.in_([i.video_id for i in items]))) if status == VideoStatus.PUBLISHED}
    return [i for i in items if i.video_id in live]


def for_you(session: Session, viewer_id: int | None, *, limit: int = 10,
            cursor: str | None = None, now: datetime | None = None,
            index: FeedIndex | None = None,
            mature_topics: frozenset[str] = MATURE_TOPICS,
            drop_removed: bool = True) -> FeedPage:
    """A page of the viewer's ranked feed; signed out, popular and new videos for all.

    Viewers under 18 (by birth year) and signed-out viewers never get ``mature_topics``.
    Items removed since the index was loaded are dropped, unless ``drop_removed`` is
    False: for callers that load the page's rows themselves and skip unpublished ones.
    """
    index = index if index is not None else feed_index(session)
    table = index.table(session)
    # Whole milliseconds, so that a cursor carries the ranking time exactly.
    clock = round((now or datetime.now(UTC)).timestamp() * 1000) / 1000
    token, offset = None, 0
    if cursor is not None:
        token, raw_offset, raw_now = _decode(cursor, "f", 4)
        try:
            offset, clock = int(raw_offset), int(raw_now) / 1000.0
        except ValueError:
            raise BadCursor("not a feed cursor") from None
    if viewer_id is None:
        signals = ViewerSignals(blocked_topics=mature_topics)
    else:
        viewer, birth_year = index.viewer(session, viewer_id, fresh=cursor is None)
        year = datetime.fromtimestamp(clock, UTC).year
        signals = _signals_for(viewer, birth_year, year, mature_topics)
    # A first page at the present time from the same table and signals: served again.
    reusable = cursor is None and now is None
    page = index.first_page(viewer_id, table, signals, limit) if reusable else None
    if page is None:
        page = _for_you_page(index, table, signals, viewer_id, limit, token, offset, clock,
                             mature_topics)
        if reusable:
            index.keep_first_page(viewer_id, table, signals, limit, page)
    if not drop_removed:
        return page
    return FeedPage(_still_published(session, page.items), page.next_cursor)


def _for_you_page(index: FeedIndex, table: CandidateTable, signals: ViewerSignals,
                  viewer_id: int | None, limit: int, token: str | None, offset: int,
                  clock: float, mature_topics: frozenset[str]) -> FeedPage:
    """Rank (or, given a cursor's ``token``, continue a remembered order) into a page."""
    first = token is None
    snapshot = index.recall(token) if token else None
    if snapshot is not None and snapshot.viewer_id != viewer_id:
        snapshot = None
    if first and viewer_id is None and mature_topics == MATURE_TOPICS:
        token, snapshot = index.anonymous(table, clock)
    elif first:
        snapshot = _first_order(table, signals, viewer_id, clock,
                                max(SNAPSHOT_ITEMS, limit + 1))
        token = index.remember(snapshot)
    served = _page_from(table, signals, snapshot, offset, limit) if snapshot else None
    if snapshot is None or served is None:
        # Not remembered here (another process, or past the snapshot): rank again at the
        # cursor's time, which gives the same order while the data stands still.
        snapshot = _first_order(table, signals, viewer_id, clock, offset + limit + 1)
        token = index.remember(snapshot)
        served = _page_from(table, signals, snapshot, offset, limit)
        assert served is not None
    items, end = served
    more = end < len(snapshot.video_ids) if snapshot.complete else True
    next_cursor = _encode("f", token, end, round(snapshot.now * 1000)) if more and items else None
    return FeedPage(items, next_cursor)


def following(session: Session, viewer_id: int, *, limit: int = 10, cursor: str | None = None,
              now: datetime | None = None, index: FeedIndex | None = None,
              mature_topics: frozenset[str] = MATURE_TOPICS) -> FeedPage:
    """Newest videos of the people the viewer follows, with the same reasons as For you."""
    index = index if index is not None else feed_index(session)
    when = now or datetime.now(UTC)
    viewer, birth_year = index.viewer(session, viewer_id, fresh=cursor is None)
    before: tuple[datetime, int] | None = None
    if cursor is not None:
        raw_time, raw_id = _decode(cursor, "g", 3)
        try:
            before = (datetime.fromtimestamp(int(raw_time) / 1e6, UTC), int(raw_id))
        except (ValueError, OverflowError, OSError):
            raise BadCursor("not a feed cursor") from None
    signals = _signals_for(viewer, birth_year, when.year, mature_topics)
    if not signals.followees:
        return FeedPage([], None)
    rows, exhausted = _followed_rows(session, sorted(signals.followees), before, limit, signals)
    handles = index.handles(session, (int(r[1]) for r in rows))
    table = _table_from_rows(rows, handles, index.table(session).topic_names)
    scores = score(table, signals, when)
    newest = np.lexsort((-table.video_ids, -table.published_at))
    chosen = newest[scores.eligible[newest]]
    page = chosen[:limit]
    items = explain(table, scores, page, when)
    next_cursor = None
    if len(page) and (len(chosen) > limit or not exhausted):
        last = int(page[-1])
        micros = round(float(table.published_at[last]) * 1e6)
        next_cursor = _encode("g", micros, int(table.video_ids[last]))
    return FeedPage(items, next_cursor)


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
        kept = sum(1 for r in rows if _may_show(r, signals))
        if kept > limit:
            return rows, False
        before = (fetched[-1][2], int(fetched[-1][0]))


def _may_show(row: VideoRow, signals: ViewerSignals) -> bool:
    blocked = signals.hidden_topics | signals.blocked_topics
    return int(row[0]) not in signals.not_interested and not any(
        t in blocked for t in row[3] or ())
