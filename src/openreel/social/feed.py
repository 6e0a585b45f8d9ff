"""The feeds' pages over a candidate table: what is remembered of rankings, cursors, pages.

Pure logic over what the database gave: the candidate table, a viewer's signals and the
rows of followed creators are read by :mod:`openreel.services.feed_index` and handed in.

"For you" is ranked by :mod:`openreel.social.ranking`; its first page also remembers the
order of the next items, so later pages continue that same order (no duplicates, no
gaps) even while likes and views keep moving scores. A cursor carries that snapshot's
token, the offset and the ranking time; in a process that no longer has the snapshot the
order is computed again at the same time. "Following" is newest first by keyset.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import numpy as np

from openreel.social.ranking import (
    CandidateTable,
    RankedItem,
    Reason,
    ViewerSignals,
    explain,
    order,
    score,
)
from openreel.social.topics import MATURE_TOPICS, broader

SNAPSHOT_ITEMS = 100  # a first page remembers the order of this many items
MAX_SNAPSHOTS = 4096
MAX_FIRST_PAGES = 4096
ADULT_AGE = 18


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
class Snapshot:
    """The order of a first page and the items after it, at one ranking time."""

    viewer_id: int | None
    video_ids: np.ndarray
    now: float
    complete: bool  # the order holds every eligible video, not just the first ones


def is_minor(birth_year: int | None, year: int) -> bool:
    """Whether someone born in ``birth_year`` may still be under 18 in ``year``."""
    return birth_year is not None and year - birth_year <= ADULT_AGE


# The columns of a published video the feeds rank by, in the order a VideoRow holds them.
VIDEO_FIELDS = ("id", "owner_id", "published_at", "topics", "like_count", "comment_count",
                "remix_count", "view_count", "watch_seconds", "seconds")
VideoRow = Sequence[Any]


def table_from_rows(rows: Sequence[VideoRow], handles: dict[int, str],
                    topic_names: Sequence[str] | None = None) -> CandidateTable:
    """A candidate table from rows of VIDEO_FIELDS and their creators' handles."""
    columns: list[Sequence[Any]] = (
        [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in VIDEO_FIELDS])
    extra = {} if topic_names is None else {"topic_names": topic_names}
    return CandidateTable(
        video_ids=columns[0], owner_ids=columns[1],
        published_at=[t.timestamp() for t in columns[2]],
        topics=[list(t or ()) for t in columns[3]], likes=columns[4], comments=columns[5],
        remixes=columns[6], views=columns[7], watch_seconds=columns[8], seconds=columns[9],
        handles=handles, **extra)


class RankingMemory:
    """What is remembered of rankings served: the orders cursors continue, each viewer's
    last first page, and the signed-out first-page order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshots: OrderedDict[str, Snapshot] = OrderedDict()
        self._anonymous: tuple[CandidateTable, str] | None = None
        self._first_pages: OrderedDict[int | None, _FirstPage] = OrderedDict()

    def remember(self, snapshot: Snapshot) -> str:
        """Keep a first page's order and return its token."""
        token = secrets.token_urlsafe(9)
        with self._lock:
            self._snapshots[token] = snapshot
            while len(self._snapshots) > MAX_SNAPSHOTS:
                self._snapshots.popitem(last=False)
        return token

    def recall(self, token: str) -> Snapshot | None:
        """The order kept under ``token``, if it is still remembered."""
        with self._lock:
            return self._snapshots.get(token)

    def first_page(self, viewer_id: int | None, table: CandidateTable, signals: ViewerSignals,
                   limit: int) -> FeedPage | None:
        """The viewer's last first page, if it was ranked from this very table and signals.

        The same data ranks the same way; only recency moves. A table lasts while its
        counters stand still and at most ten minutes (then it is rebuilt whole: see
        services.feed_index), against a recency half-life of a day: a score moves by
        under 1 %. Whether each item is still published is checked when it is served, as
        for any page.
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

    def anonymous(self, table: CandidateTable, now: float) -> tuple[str, Snapshot]:
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


def for_you_cursor(cursor: str) -> tuple[str, int, float]:
    """A For you cursor's snapshot token, offset and ranking time; else BadCursor."""
    token, raw_offset, raw_now = _decode(cursor, "f", 4)
    try:
        return token, int(raw_offset), int(raw_now) / 1000.0
    except ValueError:
        raise BadCursor("not a feed cursor") from None


def following_cursor(cursor: str) -> tuple[datetime, int]:
    """The publish time and id a Following cursor continues before; else BadCursor."""
    raw_time, raw_id = _decode(cursor, "g", 3)
    try:
        return datetime.fromtimestamp(int(raw_time) / 1e6, UTC), int(raw_id)
    except (ValueError, OverflowError, OSError):
        raise BadCursor("not a feed cursor") from None


def signals_for(viewer: ViewerSignals, birth_year: int | None, year: int,
                mature_topics: frozenset[str]) -> ViewerSignals:
    """The viewer's signals, with ``mature_topics`` blocked while they may be a minor."""
    if not is_minor(birth_year, year) or not mature_topics:
        return viewer
    return replace(viewer, blocked_topics=viewer.blocked_topics | mature_topics)


def _first_order(table: CandidateTable, signals: ViewerSignals, viewer_id: int | None,
                 now: float, count: int) -> Snapshot:
    scores = score(table, signals, now)
    positions = order(table, scores, count)
    return Snapshot(viewer_id, table.video_ids[scores.rows[positions]], now,
                    complete=len(positions) < count)


def _page_from(table: CandidateTable, signals: ViewerSignals, snapshot: Snapshot,
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


def for_you_page(memory: RankingMemory, table: CandidateTable, signals: ViewerSignals,
                 viewer_id: int | None, *, limit: int, clock: float, token: str | None = None,
                 offset: int = 0, reuse: bool = False,
                 mature_topics: frozenset[str] = MATURE_TOPICS) -> FeedPage:
    """A page of For you ranked from ``table`` at ``clock``: a first page, or the page at
    ``offset`` of the order a cursor's ``token`` names.

    ``reuse``: a first page at the present time, served again when the viewer's last
    one was ranked from the same table and signals.
    """
    page = memory.first_page(viewer_id, table, signals, limit) if reuse else None
    if page is None:
        page = _for_you_page(memory, table, signals, viewer_id, limit, token, offset, clock,
                             mature_topics)
        if reuse:
            memory.keep_first_page(viewer_id, table, signals, limit, page)
    return page


def _for_you_page(memory: RankingMemory, table: CandidateTable, signals: ViewerSignals,
                  viewer_id: int | None, limit: int, token: str | None, offset: int,
                  clock: float, mature_topics: frozenset[str]) -> FeedPage:
    """Rank (or, given a cursor's ``token``, continue a remembered order) into a page."""
    first = token is None
    snapshot = memory.recall(token) if token else None
    if snapshot is not None and snapshot.viewer_id != viewer_id:
        snapshot = None
    if first and viewer_id is None and mature_topics == MATURE_TOPICS:
        token, snapshot = memory.anonymous(table, clock)
    elif first:
        snapshot = _first_order(table, signals, viewer_id, clock,
                                max(SNAPSHOT_ITEMS, limit + 1))
        token = memory.remember(snapshot)
    served = _page_from(table, signals, snapshot, offset, limit) if snapshot else None
    if snapshot is None or served is None:
        # Not remembered here (another process, or past the snapshot): rank again at the
        # cursor's time, which gives the same order while the data stands still.
        snapshot = _first_order(table, signals, viewer_id, clock, offset + limit + 1)
        token = memory.remember(snapshot)
        served = _page_from(table, signals, snapshot, offset, limit)
        assert served is not None
    items, end = served
    more = end < len(snapshot.video_ids) if snapshot.complete else True
    next_cursor = _encode("f", token, end, round(snapshot.now * 1000)) if more and items else None
    return FeedPage(items, next_cursor)


def following_page(table: CandidateTable, signals: ViewerSignals, when: datetime, limit: int,
                   exhausted: bool) -> FeedPage:
    """A page of Following from ``table`` (the followed creators' videos older than the
    cursor; ``exhausted`` when no older ones remain), newest first."""
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


def may_show(row: VideoRow, signals: ViewerSignals) -> bool:
    """Whether the viewer may be shown the video of ``row``: not hidden (unless by a topic
    that takes in a label of it said to be fine), not blocked."""
    labels = set(row[3] or ())
    excused = set().union(*(broader(label) for label in labels & signals.fine_topics))
    return (int(row[0]) not in signals.not_interested
            and not labels & signals.hidden_topics - excused
            and not labels & signals.blocked_topics)
