"""Score feed candidates for one viewer, vectorized, with a reason for every point.

A video's score is a sum of named contributions (recency, likes, follows, topic
interests …); each one is kept so the feed can say why an item is there ("you follow
@ada", "popular: 12 likes"). Candidates the viewer must not see (their own, hidden or
mature topics, "show me less") are removed, not merely pushed down. The order then keeps
any one creator from taking more than two places in a row.

Everything here works on numpy arrays over a :class:`CandidateTable` built once per
refresh of the feed index, so scoring ten thousand videos takes a fraction of a millisecond.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

import numpy as np

from openreel.social.topics import TOPICS, broader

HALF_LIFE_HOURS = 24.0
W_RECENCY = 2.0
W_LIKES = 0.6
W_COMMENTS = 0.7
W_REMIXES = 0.8
W_VIEWS = 0.15
W_WATCH = 1.5
W_FOLLOW = 2.5
W_TOPICS = 2.0
W_SEEN = 2.0
# A "show me less" on one video lowers each of its topics by this much.
NOT_INTERESTED_STEP = 0.25
# Watch fraction is smoothed toward this prior, as if every video had a few more views.
WATCH_PRIOR = 0.5
WATCH_PRIOR_VIEWS = 3.0
MAX_RUN = 2  # no more than this many items in a row by one creator
REASON_MIN = 0.1  # smaller contributions are not worth a sentence


class Reason(NamedTuple):
    """One signal's share of an item's score, with a sentence a person can read.

    A named tuple, as :class:`RankedItem`: a feed page makes dozens of them, and a tuple
    is built in about half the time a frozen dataclass takes.
    """

    signal: str
    contribution: float
    text: str


class RankedItem(NamedTuple):
    """A video placed in a feed, its score and the reasons behind it (largest first)."""

    video_id: int
    score: float
    reasons: tuple[Reason, ...]


class CandidateTable:
    """Features of candidate videos as parallel arrays, one row per video, sorted by id.

    ``published_at`` is in seconds since the epoch; ``topics`` lists each video's topic
    labels; ``handles`` names creators for explanations. Popularity contributions do not
    depend on the viewer or the clock, so they are computed once here.
    """

    def __init__(self, *, video_ids: Sequence[int] | np.ndarray,
                 owner_ids: Sequence[int] | np.ndarray,
                 published_at: Sequence[float] | np.ndarray,
                 likes: Sequence[int] | np.ndarray, comments: Sequence[int] | np.ndarray,
                 remixes: Sequence[int] | np.ndarray, views: Sequence[int] | np.ndarray,
                 watch_seconds: Sequence[float] | np.ndarray,
                 seconds: Sequence[float] | np.ndarray, topics: Sequence[Sequence[str]],
                 handles: Mapping[int, str] | None = None,
                 topic_names: Sequence[str] = TOPICS) -> None:
        ids = np.asarray(video_ids, dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        self.video_ids = ids[order]
        self.owner_ids = np.asarray(owner_ids, dtype=np.int64)[order]
        self.published_at = np.asarray(published_at, dtype=np.float64)[order]
        self.likes = np.asarray(likes, dtype=np.int64)[order]
        self.comments = np.asarray(comments, dtype=np.int64)[order]
        self.remixes = np.asarray(remixes, dtype=np.int64)[order]
        self.views = np.asarray(views, dtype=np.int64)[order]
        self.watch_seconds = np.asarray(watch_seconds, dtype=np.float64)[order]
        self.seconds = np.asarray(seconds, dtype=np.float64)[order]
        self.handles: Mapping[int, str] = handles if handles is not None else {}
        self.owners, self.owner_codes = np.unique(self.owner_ids, return_inverse=True)
        names = list(dict.fromkeys(topic_names))
        column = {name: i for i, name in enumerate(names)}
        # Tuples of strings: the garbage collector stops tracking them, so ten thousand of
        # them cost a full collection nothing.
        ordered_topics = [tuple(topics[i]) for i in order.tolist()]
        self.topic_labels: list[tuple[str, ...]] = ordered_topics
        for labels in ordered_topics:
            for label in labels:
                if label not in column:
                    column[label] = len(names)
                    names.append(label)
        self.topic_names: tuple[str, ...] = tuple(names)
        self.topic_column: dict[str, int] = column
        self.topic_matrix = np.zeros((len(ids), len(names)), dtype=np.float32)
        # The same as column numbers, one row per slot, padded with len(names): summing a
        # per-topic vector over them is a gather plus a few adds, not a matrix product
        # (whose BLAS threads stall when the cores are busy).
        width = max((len(set(labels)) for labels in ordered_topics), default=0) or 1
        self.topic_slots = np.full((width, len(ids)), len(names), dtype=np.intp)
        for row, labels in enumerate(ordered_topics):
            for slot, label in enumerate(dict.fromkeys(labels)):
                self.topic_matrix[row, column[label]] = 1.0
                self.topic_slots[slot, row] = column[label]
        self._derive_popularity()

    def _derive_popularity(self) -> None:
        self.watch_fraction = self._mean_watch_fraction()
        self.popularity: dict[str, np.ndarray] = {
            "likes": W_LIKES * np.log1p(self.likes),
            "comments": W_COMMENTS * np.log1p(self.comments),
            "remixes": W_REMIXES * np.log1p(self.remixes),
            "views": W_VIEWS * np.log1p(self.views),
            "watch": W_WATCH * (self._smoothed_watch_fraction() - WATCH_PRIOR),
        }

    def with_counters(self, *, likes: np.ndarray, comments: np.ndarray, remixes: np.ndarray,
                      views: np.ndarray, watch_seconds: np.ndarray) -> CandidateTable:
        """The same videos with new counters (one value per row, in this table's order).

        Owners, times and topics are shared with this table, so this costs a few
        vectorized operations instead of a rebuild. Counters equal to this table's give
        back this very table: whatever was ranked from it still holds.
        """
        if not all(len(c) == len(self) for c in (likes, comments, remixes, views,
                                                  watch_seconds)):
            raise ValueError("one counter per row")
        if all(np.array_equal(new, old) for new, old in (
                (likes, self.likes), (comments, self.comments), (remixes, self.remixes),
                (views, self.views), (watch_seconds, self.watch_seconds))):
            return self
        table = copy.copy(self)
        table.likes = np.asarray(likes, dtype=np.int64)
        table.comments = np.asarray(comments, dtype=np.int64)
        table.remixes = np.asarray(remixes, dtype=np.int64)
        table.views = np.asarray(views, dtype=np.int64)
        table.watch_seconds = np.asarray(watch_seconds, dtype=np.float64)
        table._derive_popularity()
        return table

    def __len__(self) -> int:
        return len(self.video_ids)

    def rows_of(self, video_ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Row of each id in this table, or -1 where the table does not hold it."""
        wanted = np.asarray(video_ids, dtype=np.int64)
        if len(self.video_ids) == 0 or len(wanted) == 0:
            return np.full(len(wanted), -1, dtype=np.int64)
        rows = np.searchsorted(self.video_ids, wanted)
        rows = np.minimum(rows, len(self.video_ids) - 1)
        return np.where(self.video_ids[rows] == wanted, rows, -1)

    def _mean_watch_fraction(self) -> np.ndarray:
        """Watched seconds over seconds offered (views × length), 0 where never viewed."""
        offered = self.views * self.seconds
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = np.where(offered > 0, self.watch_seconds / offered, 0.0)
        return np.clip(fraction, 0.0, 1.0)

    def _smoothed_watch_fraction(self) -> np.ndarray:
        """Watch fraction pulled toward the prior while a video has few views."""
        watched = np.minimum(self.watch_seconds, self.views * self.seconds)
        offered = (self.views + WATCH_PRIOR_VIEWS) * self.seconds
        prior = WATCH_PRIOR * WATCH_PRIOR_VIEWS * self.seconds
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(offered > 0, (watched + prior) / offered, WATCH_PRIOR)


@dataclass(frozen=True)
class ViewerSignals:
    """What is known about one viewer; all empty for someone not signed in.

    ``watched`` maps video ids to how many times the viewer watched them;
    ``blocked_topics`` are topics the viewer may not get (mature topics for a minor);
    ``fine_topics`` are labels said to be fine: a video carrying one is not hidden by a
    hidden topic it also carries, nor pushed down by the viewer's "less" (blocked topics
    stay blocked).
    """

    viewer_id: int | None = None
    followees: frozenset[int] = frozenset()
    preferences: Mapping[str, float] = field(default_factory=dict)
    hidden_topics: frozenset[str] = frozenset()
    not_interested: frozenset[int] = frozenset()
    watched: Mapping[int, int] = field(default_factory=dict)
    blocked_topics: frozenset[str] = frozenset()
    fine_topics: frozenset[str] = frozenset()


@dataclass
class Scores:
    """Contributions of each signal for some rows of a table, and which rows may be shown."""

    rows: np.ndarray
    total: np.ndarray
    eligible: np.ndarray
    parts: dict[str, np.ndarray]
    topic_weights: np.ndarray
    viewer: ViewerSignals


def _epoch(now: datetime | float) -> float:
    return now.timestamp() if isinstance(now, datetime) else float(now)


def topic_weights(table: CandidateTable, viewer: ViewerSignals) -> np.ndarray:
    """The viewer's weight per topic column: stated preferences minus "show me less"."""
    weights = np.zeros(len(table.topic_names), dtype=np.float32)
    for topic, weight in viewer.preferences.items():
        column = table.topic_column.get(topic)
        if column is not None:
            weights[column] = weight
    if viewer.not_interested:
        rows = table.rows_of(sorted(viewer.not_interested))
        rows = rows[rows >= 0]
        if len(rows):
            weights -= NOT_INTERESTED_STEP * table.topic_matrix[rows].sum(axis=0)
    return np.clip(weights, -1.0, 1.0)


def _topic_mask(table: CandidateTable, topics: frozenset[str]) -> np.ndarray:
    """Which of the table's topic columns are among ``topics``, plus a last False column
    for the empty slots of :attr:`CandidateTable.topic_slots`."""
    mask = np.zeros(len(table.topic_names) + 1, dtype=bool)
    for topic in topics:
        column = table.topic_column.get(topic)
        if column is not None:
            mask[column] = True
    return mask


def _excused(table: CandidateTable, viewer: ViewerSignals, index: np.ndarray | slice,
             against: np.ndarray) -> dict[int, np.ndarray]:
    """For each topic column marked in ``against`` that takes in a label the viewer said
    is fine: which of the ``index`` rows carry both (so that topic does not count there)."""
    excused: dict[int, np.ndarray] = {}
    for label in viewer.fine_topics:
        fine_column = table.topic_column.get(label)
        if fine_column is None:
            continue
        carries_fine = table.topic_matrix[index, fine_column] > 0
        for topic in broader(label):
            column = table.topic_column.get(topic)
            if column is None or not against[column]:
                continue
            rows = (table.topic_matrix[index, column] > 0) & carries_fine
            excused[column] = excused[column] | rows if column in excused else rows
    return excused


def score(table: CandidateTable, viewer: ViewerSignals, now: datetime | float,
          rows: np.ndarray | None = None) -> Scores:
    """Every signal's contribution for ``rows`` of ``table`` (all rows by default)."""
    index: np.ndarray | slice = slice(None) if rows is None else rows
    picked = np.arange(len(table)) if rows is None else np.asarray(rows, dtype=np.int64)
    age_hours = np.maximum(_epoch(now) - table.published_at[index], 0.0) / 3600.0
    parts: dict[str, np.ndarray] = {"recency": W_RECENCY * np.exp2(-age_hours / HALF_LIFE_HOURS)}
    parts.update({name: values[index] for name, values in table.popularity.items()})
    eligible = np.ones(len(picked), dtype=bool)
    weights = topic_weights(table, viewer)
    if viewer.viewer_id is not None:
        eligible &= table.owner_ids[index] != viewer.viewer_id
    if viewer.followees:
        followed = np.isin(table.owners, np.fromiter(viewer.followees, dtype=np.int64))
        parts["follow"] = W_FOLLOW * followed[table.owner_codes[index]]
    hidden = _topic_mask(table, viewer.hidden_topics)
    blocked = _topic_mask(table, viewer.blocked_topics)
    if weights.any() or hidden.any() or blocked.any():
        slots = table.topic_slots[:, index]
        # Rows where a broad topic is hidden or lowered but a label said to be fine and
        # inside it is shown: "no pets, but dogs are fine".
        excused = _excused(table, viewer, index, hidden[:-1] | (weights < 0))
        if weights.any():
            topic_sums = np.append(weights, 0.0)[slots].sum(axis=0)
            for column, rows_excused in excused.items():
                if weights[column] < 0:
                    topic_sums[rows_excused] -= weights[column]
            parts["topics"] = W_TOPICS * np.clip(topic_sums, -1.0, 1.0)
        if hidden.any():
            plain = hidden.copy()
            plain[list(excused)] = False
            concealed = plain[slots].any(axis=0)
            for column, rows_excused in excused.items():
                if hidden[column]:
                    concealed |= (table.topic_matrix[index, column] > 0) & ~rows_excused
            eligible &= ~concealed
        if blocked.any():
            eligible &= ~blocked[slots].any(axis=0)
    if viewer.not_interested:
        eligible &= ~_member(table, picked, viewer.not_interested)
    if viewer.watched:
        parts["seen"] = -W_SEEN * _seen_strength(table, picked, viewer.watched)
    total = np.zeros(len(picked))
    for values in parts.values():
        total += values
    return Scores(rows=picked, total=total, eligible=eligible, parts=parts,
                  topic_weights=weights, viewer=viewer)


def _member(table: CandidateTable, picked: np.ndarray, video_ids: frozenset[int]) -> np.ndarray:
    """Whether each picked row's video is one of ``video_ids``."""
    marked = np.zeros(len(table), dtype=bool)
    rows = table.rows_of(np.fromiter(video_ids, dtype=np.int64))
    marked[rows[rows >= 0]] = True
    return marked[picked]


def _seen_strength(table: CandidateTable, picked: np.ndarray,
                   watched: Mapping[int, int]) -> np.ndarray:
    """1 for a video watched once, growing to 2 for one watched five times or more."""
    strength = np.zeros(len(table), dtype=np.float64)
    ids = np.fromiter(watched.keys(), dtype=np.int64, count=len(watched))
    times = np.fromiter(watched.values(), dtype=np.float64, count=len(watched))
    rows = table.rows_of(ids)
    known = rows >= 0
    strength[rows[known]] = 1.0 + 0.25 * np.clip(times[known] - 1.0, 0.0, 4.0)
    return strength[picked]


def order(table: CandidateTable, scores: Scores, count: int) -> np.ndarray:
    """Positions (into ``scores``) of the first ``count`` feed items, best first.

    Highest score first (ties: newer id first), except that an item whose creator already
    has ``MAX_RUN`` places in a row waits for the first place it may take. The result for
    a smaller ``count`` is always a prefix of the result for a larger one, which is what
    keeps paging stable.
    """
    eligible = np.flatnonzero(scores.eligible)
    if count <= 0 or len(eligible) == 0:
        return np.zeros(0, dtype=np.int64)
    take = min(len(eligible), 2 * count + 32)
    while True:
        ranked = _top(table, scores, eligible, take)
        result, ran_out = _spread_creators(table, scores, ranked, count)
        if not ran_out or take >= len(eligible):
            return result
        take = min(len(eligible), take * 2)


def _top(table: CandidateTable, scores: Scores, eligible: np.ndarray, take: int) -> np.ndarray:
    """The best ``take`` eligible positions (more where scores tie), in feed order."""
    values = scores.total[eligible]
    if take < len(eligible):
        threshold = np.partition(values, len(values) - take)[len(values) - take]
        eligible = eligible[values >= threshold]
        values = scores.total[eligible]
    ids = table.video_ids[scores.rows[eligible]]
    return eligible[np.lexsort((-ids, -values))]


def _has_long_run(owners: np.ndarray) -> bool:
    """Whether some creator holds more than MAX_RUN places in a row."""
    if len(owners) <= MAX_RUN:
        return False
    same = owners[1:] == owners[:-1]
    run = same[MAX_RUN - 1:].copy()
    for shift in range(1, MAX_RUN):
        run &= same[MAX_RUN - 1 - shift:len(same) - shift]
    return bool(run.any())


def _spread_creators(table: CandidateTable, scores: Scores, ranked: np.ndarray,
                     count: int) -> tuple[np.ndarray, bool]:
    """Greedy pass that defers an item while its creator holds the last MAX_RUN places.

    Returns the chosen positions and whether the ranked input ran out while placing them
    (so a longer input could have changed the answer).
    """
    owner_codes = table.owner_codes[scores.rows[ranked]]
    if len(ranked) >= count and not _has_long_run(owner_codes[:count]):
        return ranked[:count], False  # nothing to defer: the greedy pass would keep this
    owners = owner_codes.tolist()
    positions = ranked.tolist()
    chosen: list[int] = []
    chosen_owners: list[int] = []
    waiting: list[int] = []  # indexes into positions, in score order
    cursor = 0

    def blocked(owner: int) -> bool:
        return len(chosen_owners) >= MAX_RUN and all(
            o == owner for o in chosen_owners[-MAX_RUN:])

    ran_out = False
    while len(chosen) < count:
        placed = next((w for w in waiting if not blocked(owners[w])), None)
        if placed is not None:
            waiting.remove(placed)
        elif cursor < len(positions):
            placed = cursor
            cursor += 1
            if blocked(owners[placed]):
                waiting.append(placed)
                continue
        else:
            ran_out = True
            if not waiting:
                break
            placed = waiting.pop(0)  # nobody else is left: the rule cannot be kept
        chosen.append(positions[placed])
        chosen_owners.append(owners[placed])
    return np.asarray(chosen, dtype=np.int64), ran_out


def explain(table: CandidateTable, scores: Scores, positions: np.ndarray,
            now: datetime | float) -> list[RankedItem]:
    """Ranked items with human-readable reasons for the given positions of ``scores``."""
    positions = np.asarray(positions, dtype=np.int64)
    names = list(scores.parts)
    if not len(positions):
        return []
    shares = np.stack([scores.parts[name][positions] for name in names], axis=1).tolist()
    when = _epoch(now)
    items = []
    for position, row_shares in zip(positions.tolist(), shares, strict=True):
        row = int(scores.rows[position])
        reasons = [Reason(name, share, _reason_text(table, scores, name, row, share, when))
                   for name, share in zip(names, row_shares, strict=True)
                   if abs(share) >= REASON_MIN]
        reasons.sort(key=lambda reason: reason.contribution, reverse=True)
        items.append(RankedItem(int(table.video_ids[row]), float(scores.total[position]),
                                tuple(reasons)))
    return items


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def age_text(seconds: float) -> str:
    """How long ago, in the largest whole unit: "just now", "2 hours ago", "3 days ago"."""
    if seconds < 60:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return f"{_plural(math.floor(seconds / size), unit)} ago"
    return "just now"


def _reason_text(table: CandidateTable, scores: Scores, signal: str, row: int,
                 contribution: float, now: float) -> str:
    if signal == "recency":
        age = max(now - float(table.published_at[row]), 0.0)
        return f"{'new' if age < 86400 else 'recent'}: {age_text(age)}"
    if signal == "likes":
        return f"popular: {_plural(int(table.likes[row]), 'like')}"
    if signal == "comments":
        return f"people are talking: {_plural(int(table.comments[row]), 'comment')}"
    if signal == "remixes":
        return f"remixed {_plural(int(table.remixes[row]), 'time')}"
    if signal == "views":
        return f"watched {_plural(int(table.views[row]), 'time')}"
    if signal == "watch":
        share = round(100 * float(table.watch_fraction[row]))
        if contribution > 0:
            return f"viewers watch {share}% of it on average"
        return f"viewers skip it early ({share}% watched on average)"
    if signal == "follow":
        handle = table.handles.get(int(table.owner_ids[row]))
        return f"you follow @{handle}" if handle else "you follow its creator"
    if signal == "topics":
        shares = table.topic_matrix[row] * scores.topic_weights
        if contribution > 0:
            return f"matches your interest in {table.topic_names[int(np.argmax(shares))]}"
        return f"you asked for less {table.topic_names[int(np.argmin(shares))]}"
    if signal == "seen":
        times = scores.viewer.watched.get(int(table.video_ids[row]), 1)
        return "you have watched it" if times == 1 else f"you have watched it {times} times"
    return signal


def rank(candidates: CandidateTable, viewer: ViewerSignals, *, now: datetime | float,
         limit: int, offset: int = 0) -> list[RankedItem]:
    """The viewer's feed from ``offset``, at most ``limit`` items, each with its reasons."""
    scores = score(candidates, viewer, now)
    positions = order(candidates, scores, offset + limit)[offset:]
    return explain(candidates, scores, positions, now)
