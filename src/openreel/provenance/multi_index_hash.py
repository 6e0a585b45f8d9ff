"""Exact Hamming range search over 256-bit codes by multi-index hashing (Norouzi et al.).

Each code is cut into 16 substrings of 16 bits, and table ``t`` lists every row sorted
by its substring ``t`` (``rows[t]``, with ``offsets[t][k]`` where bucket ``k`` starts).
By the pigeonhole principle a code within distance ``r`` of a query agrees with it on
some substring up to ``r // 16`` flipped bits, so probing every table with every flip of
up to that many bits finds all codes within ``r`` (17 probes a table for PDQ's radius
31); the candidates are then checked on all 256 bits. At a million random codes a
bucket holds ~15 rows, so a query checks ~4,000 codes instead of a million, and the
cost grows with the bucket size, not the table.

New rows wait in a small pending block, searched by brute force, and are merged into
the tables by insertion (a copy of the tables, not a sort) once it fills.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

CODE_BYTES = 32
MAX_RADIUS = 47  # two flips a substring; three would mean ~700 probes a table
_TABLES = 16
_BUCKETS = 1 << 16
_PENDING = 2048


class GrowingArray:
    """A numpy array that grows at its end with amortised O(1) appends."""

    def __init__(self, dtype: np.dtype | type, width: int | None = None) -> None:
        self._tail = () if width is None else (width,)
        self._data = np.zeros((16, *self._tail), dtype)
        self._size = 0

    def __len__(self) -> int:
        """Number of stored items."""
        return self._size

    @property
    def values(self) -> np.ndarray:
        """The stored items (a view: copy before keeping it across appends)."""
        return self._data[:self._size]

    def extend(self, values: np.ndarray) -> None:
        """Append ``values`` (shaped like the stored items)."""
        end = self._size + len(values)
        if end > len(self._data):
            grown = np.zeros((max(end, 2 * len(self._data)), *self._tail), self._data.dtype)
            grown[:self._size] = self._data[:self._size]
            self._data = grown
        self._data[self._size:end] = values
        self._size = end

    def replace(self, values: np.ndarray) -> None:
        """Make ``values`` the whole content."""
        self._data = np.array(values, self._data.dtype).reshape(-1, *self._tail)
        self._size = len(self._data)


def _flip_masks(flips: int) -> np.ndarray:
    masks = [0]
    for n in range(1, flips + 1):
        masks.extend(sum(1 << b for b in bits) for bits in combinations(range(16), n))
    return np.array(masks, np.uint16)


_FLIP_MASKS = [_flip_masks(n) for n in range(MAX_RADIUS // 16 + 1)]


def _distances(codes: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Hamming distances between matching rows of two (n, 4) uint64 arrays."""
    bits = np.bitwise_count(codes ^ queries)
    # Four column adds beat a sum over a length-4 axis by a factor of eight.
    return bits[:, 0].astype(np.int16) + bits[:, 1] + bits[:, 2] + bits[:, 3]


class MultiIndexHash:
    """256-bit codes, each known by its row number (insertion order), searchable by radius."""

    def __init__(self) -> None:
        self._codes = GrowingArray(np.uint8, CODE_BYTES)
        self._indexed = 0
        self._rows = np.zeros((_TABLES, 0), np.int32)
        self._offsets = np.zeros((_TABLES, _BUCKETS + 1), np.int64)

    def __len__(self) -> int:
        """Number of stored codes."""
        return len(self._codes)

    @property
    def codes(self) -> np.ndarray:
        """All stored codes, (n, 32) uint8, row ``i`` at index ``i`` (a view)."""
        return self._codes.values

    @classmethod
    def from_codes(cls, codes: np.ndarray) -> MultiIndexHash:
        """Build the tables for ``codes`` at once (rows numbered in order)."""
        index = cls()
        index._codes.replace(_check(codes))
        index._build()
        return index

    def add(self, codes: np.ndarray) -> np.ndarray:
        """Store (n, 32) uint8 codes; returns their row numbers."""
        codes = _check(codes)
        first = len(self._codes)
        self._codes.extend(codes)
        if len(self._codes) - self._indexed > _PENDING:
            self._merge()
        return np.arange(first, first + len(codes), dtype=np.int64)

    def keep(self, mask: np.ndarray) -> None:
        """Drop the rows where ``mask`` is False; the rest are renumbered in order."""
        self._codes.replace(self.codes[mask])
        self._build()

    def range_search(self, queries: np.ndarray,
                     radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every (query number, row, distance) with distance <= ``radius``, each pair once."""
        if not 0 <= radius <= MAX_RADIUS:
            raise ValueError(f"radius must be between 0 and {MAX_RADIUS}, got {radius}")
        queries = _check(queries)
        words = queries.view("<u8")
        found = [self._search_tables(queries, words, radius), self._search_pending(words, radius)]
        qid, rows, dist = (np.concatenate(parts) for parts in zip(*found, strict=True))
        # A row agreeing on several substrings was found once per table.
        _, first = np.unique(qid * max(1, len(self)) + rows, return_index=True)
        return qid[first], rows[first], dist[first]

    # -- internals -------------------------------------------------------------------------
    def _search_tables(self, queries: np.ndarray, words: np.ndarray,
                       radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        flips = _FLIP_MASKS[radius // 16]
        tables = np.arange(_TABLES)[None, :, None]
        probes = (queries.view("<u2")[:, :, None] ^ flips[None, None, :]).astype(np.intp)
        starts = self._offsets[tables, probes]
        counts = (self._offsets[tables, probes + 1] - starts).ravel()
        total = int(counts.sum())
        if not total:
            return _nothing()
        flat_starts = (starts + tables * self._indexed).ravel()
        ends = np.cumsum(counts)
        where = np.repeat(flat_starts - ends + counts, counts) + np.arange(total)
        rows = np.take(self._rows.ravel(), where).astype(np.int64)
        qid = np.repeat(np.repeat(np.arange(len(queries)), _TABLES * len(flips)), counts)
        dist = _distances(np.take(self.codes.view("<u8"), rows, axis=0),
                          np.take(words, qid, axis=0))
        near = dist <= radius
        return qid[near], rows[near], dist[near]

    def _search_pending(self, words: np.ndarray,
                        radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        pending = self.codes[self._indexed:].view("<u8")
        if not len(pending):
            return _nothing()
        bits = np.bitwise_count(words[:, None, :] ^ pending[None, :, :])
        dist = bits.sum(axis=2, dtype=np.int16)
        qid, rows = np.nonzero(dist <= radius)
        return qid.astype(np.int64), rows + self._indexed, dist[qid, rows]

    def _build(self) -> None:
        subs = self.codes.view("<u2")
        self._rows = np.empty((_TABLES, len(subs)), np.int32)
        for t in range(_TABLES):
            self._rows[t] = np.argsort(subs[:, t], kind="stable")
            self._offsets[t, 1:] = np.cumsum(np.bincount(subs[:, t], minlength=_BUCKETS))
        self._indexed = len(subs)

    def _merge(self) -> None:
        new = self.codes[self._indexed:].view("<u2")
        new_rows = np.arange(self._indexed, len(self), dtype=np.int32)
        rows = np.empty((_TABLES, len(self)), np.int32)
        for t in range(_TABLES):
            order = np.argsort(new[:, t], kind="stable")
            keys = new[order, t]
            # Each new row goes to the end of its bucket, so buckets stay in row order.
            rows[t] = np.insert(self._rows[t], self._offsets[t, keys.astype(np.intp) + 1],
                                new_rows[order])
            self._offsets[t, 1:] += np.cumsum(np.bincount(keys, minlength=_BUCKETS))
        self._rows, self._indexed = rows, len(self)


def _check(codes: np.ndarray) -> np.ndarray:
    codes = np.ascontiguousarray(codes, np.uint8)
    if codes.ndim != 2 or codes.shape[1] != CODE_BYTES:
        raise ValueError(f"codes must be an (n, {CODE_BYTES}) uint8 array")
    return codes


def _nothing() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int16)
