"""Reverse-search index: which stored videos does an image, clip or sound come from?

Pictures: the PDQ hashes of every stored key frame (whole and centre) in a
:class:`MultiIndexHash`, an exact Hamming range search whose cost follows the bucket
size rather than the table (0.1 ms a hash at a million stored hashes). A hash matches
within ``radius`` bits, 31 by default: PDQ's authors' threshold, where unrelated
frames (some 128 bits apart on average) essentially never land, and the largest radius
that one flipped bit per 16-bit substring searches exactly.

Sound: an inverted index from 32-bit Haitsma–Kalker sub-fingerprint to (video,
position), kept as sorted arrays. A query probes each of its sub-fingerprints and their
32 one-bit neighbours.

A clip is matched by voting, and votes must agree on time: a picture vote is a
distinct-looking query frame with a hit in the video at a consistent offset (within
``_PICTURE_WINDOW_S``), an audio vote a query position whose hit agrees on one offset
give or take one hop. Chance hits scatter over offsets; a copy's hits pile up on one.

Deleted videos are tombstoned and their rows dropped once they make up a quarter of
the index. ``save`` writes one ``.npz`` file atomically; ``load`` rebuilds the tables.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from openreel.provenance import landmarks
from openreel.provenance.fingerprint import (
    AUDIO_FRAME,
    AUDIO_HOP,
    AUDIO_RATE,
    HASH_BYTES,
    MIN_QUALITY,
    QUERY_INTERVAL,
    FrameHash,
    QueryFingerprint,
    VideoFingerprint,
    hamming,
)
from openreel.provenance.multi_index_hash import GrowingArray, MultiIndexHash

DEFAULT_RADIUS = 31
_INF = float("inf")
# A video qualifies with this many time-consistent picture votes (fewer when the query
# has fewer distinct looks), or this many audio positions on one offset.
MIN_PICTURE_VOTES = 2
MIN_AUDIO_VOTES = 6
# Sound landmarks: a video qualifies with this many pairs agreeing on one offset under one
# change of speed or pitch, plus LANDMARK_SHARE of the query's pairs (a long query meets
# more chance hits). Unrelated procedural clips of 6 s reach 7; 2 s AAC excerpts of a clip,
# 24 or more.
MIN_LANDMARK_VOTES = 12
LANDMARK_SHARE = 0.005
# Consecutive query frames closer than this look the same and vote once.
_SAME_LOOK = 8
# Stored key frames are up to STORE_INTERVAL apart and a still scene matches all of its
# key frames: picture votes agree on an offset when within this window.
_PICTURE_WINDOW_S = 1.0
# Share of a query's audible positions that survive AAC re-encoding as votes; a
# copy reaching it gets full audio confidence.
AUDIO_FULL_SHARE = 0.1
_COMPACT_SHARE = 0.25
_HOP_S = AUDIO_HOP / float(AUDIO_RATE)
_AUDIO_FRAME_S = AUDIO_FRAME / float(AUDIO_RATE)
# Matching stretches of a copy this close together are one stretch: a heavily edited
# copy still matches all along, only not at every look or sound position.
_RANGE_GAP_S = 1.5
_AUDIO_FLIPS = np.concatenate([[0], 1 << np.arange(32, dtype=np.uint64)]).astype(np.uint32)
_FORMAT = 2  # 2 added the sound's landmarks


@dataclass(frozen=True)
class Match:
    """A stored video holding a hash ``distance`` bits from the query hash."""

    video_id: int
    distance: int


@dataclass(frozen=True)
class Candidate:
    """A stored video a query may come from, with the evidence for it.

    ``confidence`` (0-1) is how much of the query the video explains: for a still,
    1 at an identical hash falling to 0.5 at the match radius; for a clip, the larger
    of the share of its distinct looks found in the video and its audio share (over
    ``AUDIO_FULL_SHARE``). ``offset_s`` is where in the stored video the query starts.
    ``mean_distance`` averages the matched pictures' distances: it orders candidates that
    explain the query equally well (two renders of one prompt look much alike).

    Per track, ``picture_share``/``sound_share`` is the part of the copy's pictures/sound
    (0-1, by time) that comes from the video, and ``picture_ranges``/``sound_ranges`` the
    stretches of the copy (seconds from its start) that do; 0 and () where that track does
    not match. A still that matches has picture share 1 and no ranges.
    """

    video_id: int
    confidence: float
    picture_votes: int
    audio_votes: int
    best_distance: int | None  # closest picture hash, None without a picture match
    offset_s: float | None
    mean_distance: float | None = None
    picture_share: float = 0.0
    sound_share: float = 0.0
    picture_ranges: tuple[tuple[float, float], ...] = ()
    sound_ranges: tuple[tuple[float, float], ...] = ()
    picture_view: str = ""  # how the copy shows the pictures, when not as they are (VIEWS)
    sound_change: str = ""  # what was done to the sound, when it matched changed
    # that change as (pitch, tempo) factors (landmarks.GRID): how to undo it
    sound_pitch_tempo: tuple[float, float] = (1.0, 1.0)


@dataclass(frozen=True)
class _PictureVotes:
    """A video's picture votes in one view of the copy."""

    votes: int
    offset: float | None
    best: int | None
    mean: float | None
    ranges: tuple[tuple[float, float], ...]
    view: str
    looks: int  # distinct looks of the copy in that view


_NO_PICTURE_VOTES = _PictureVotes(0, None, None, None, (), "", 0)
# how long after its anchor a landmark pair speaks for the copy's sound
_LANDMARK_SPAN_S = 0.5


@dataclass(frozen=True)
class _LandmarkVotes:
    """A video's sound found by landmarks, under one change of speed or pitch."""

    votes: int
    offset_s: float  # where in the stored video the copy starts
    ranges: tuple[tuple[float, float], ...]  # stretches of the copy that match
    pitch_tempo: tuple[float, float]  # what was done to the sound, as landmarks.GRID says


class HashIndex:
    """Picture hashes and audio sub-fingerprints of stored videos, searchable by copy."""

    def __init__(self) -> None:
        self._pictures = MultiIndexHash()
        self._row_slot = GrowingArray(np.int32)
        self._row_time = GrowingArray(np.float32)
        self._slot_of: dict[int, int] = {}
        self._slot_video = GrowingArray(np.int64)
        self._slot_alive = GrowingArray(np.bool_)
        self._dead_rows = 0
        self._audio_keys = np.zeros(0, np.uint32)
        self._audio_slot = np.zeros(0, np.int32)
        self._audio_pos = np.zeros(0, np.int32)
        self._audio_pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._land_keys = np.zeros(0, np.uint32)
        self._land_slot = np.zeros(0, np.int32)
        self._land_time = np.zeros(0, np.int32)
        self._land_pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def __len__(self) -> int:
        """Number of stored picture hashes of live videos."""
        return len(self._pictures) - self._dead_rows

    def __contains__(self, video_id: object) -> bool:
        """Whether a video is stored."""
        return video_id in self._slot_of

    @property
    def video_ids(self) -> list[int]:
        """Stored videos, in the order they were added."""
        return list(self._slot_of)

    def hashes(self, video_id: int) -> np.ndarray:
        """The picture hashes stored for a video, (n, 32) uint8 (empty when unknown)."""
        slot = self._slot_of.get(video_id)
        if slot is None:
            return np.zeros((0, HASH_BYTES), np.uint8)
        return self._pictures.codes[self._row_slot.values == slot].copy()

    # -- adding and removing ---------------------------------------------------------------
    def add(self, video_id: int, fingerprint: VideoFingerprint) -> None:
        """Store a video's key frames (whole and centre, if good enough) and its audio."""
        if video_id in self._slot_of:
            raise ValueError(f"video {video_id} is already indexed; remove it first")
        frames = [f for f in fingerprint.frames + fingerprint.centre_frames
                  if f.quality >= MIN_QUALITY]
        self.add_hashes(video_id, [f.hash for f in frames], [f.t for f in frames])
        slot = self._slot_of[video_id]
        self._add_audio(slot, fingerprint.audio)
        if len(fingerprint.landmark_keys):
            self._land_pending.append((
                np.asarray(fingerprint.landmark_keys, np.uint32),
                np.full(len(fingerprint.landmark_keys), slot, np.int32),
                np.asarray(fingerprint.landmark_times, np.int32)))

    def add_hashes(self, video_id: int, hashes: Iterable[bytes] | np.ndarray,
                   times: Sequence[float] | None = None) -> None:
        """Store picture hashes (32 bytes each, or an (n, 32) uint8 array) for a video.

        The video is created if new, extended otherwise; ``times`` are the frames'
        seconds into the video (0 when unknown).
        """
        codes = _as_codes(hashes)
        slot = self._slot(video_id)
        self._pictures.add(codes)
        self._row_slot.extend(np.full(len(codes), slot, np.int32))
        self._row_time.extend(np.zeros(len(codes)) if times is None else np.asarray(times))

    def remove(self, video_id: int) -> bool:
        """Forget a video; False when it was not stored."""
        slot = self._slot_of.pop(video_id, None)
        if slot is None:
            return False
        self._slot_alive.values[slot] = False
        self._dead_rows += int(np.count_nonzero(self._row_slot.values == slot))
        if self._dead_rows > _COMPACT_SHARE * max(1, len(self._pictures)):
            self._compact()
        return True

    # -- searching -------------------------------------------------------------------------
    def search(self, hash: bytes, radius: int = DEFAULT_RADIUS) -> list[Match]:
        """Videos holding a hash within ``radius`` bits, closest first (one per video)."""
        _, slots, _, dist = self._picture_hits(_as_codes([hash]), radius)
        best: dict[int, int] = {}
        for slot, d in zip(slots.tolist(), dist.tolist(), strict=True):
            best[slot] = min(d, best.get(slot, d))
        matches = [Match(int(self._slot_video.values[s]), d) for s, d in best.items()]
        return sorted(matches, key=lambda m: (m.distance, m.video_id))

    def lookup(self, query: QueryFingerprint, radius: int = DEFAULT_RADIUS) -> list[Candidate]:
        """Stored videos the query comes from, most confident first; [] when none."""
        if query.kind == "image":
            # the still as it is first; mirrored, turned or boxed in only when it finds none
            found = self._lookup_image(query.frames, radius)
            for view, hashes in query.views.items():
                if found:
                    break
                found = [replace(c, picture_view=view)
                         for c in self._lookup_image(hashes, radius)]
            return found
        return self._lookup_clip(query.frames, query.audio, radius, query.views, query.pairs)

    def _lookup_image(self, frames: Sequence[FrameHash], radius: int) -> list[Candidate]:
        usable = [f.hash for f in frames if f.quality >= MIN_QUALITY]
        qid, slots, times, dist = self._picture_hits(_as_codes(usable), radius)
        best: dict[int, tuple[int, float]] = {}
        closest: dict[tuple[int, int], int] = {}  # (slot, query hash) → its closest distance
        for q, slot, t, d in zip(qid.tolist(), slots.tolist(), times.tolist(), dist.tolist(),
                                 strict=True):
            if slot not in best or d < best[slot][0]:
                best[slot] = (d, t)
            closest[slot, q] = min(d, closest.get((slot, q), d))
        # Over every view of the still: its closest distance, or one past the radius.
        spread = {slot: float(radius + 1) * len(usable) for slot in best}
        for (slot, _), d in closest.items():
            spread[slot] -= radius + 1 - d
        out = [Candidate(int(self._slot_video.values[s]), 1 - d / (2 * (radius + 1)), 1, 0,
                         d, round(t, 3), round(spread[s] / max(1, len(usable)), 3),
                         picture_share=1.0)
               for s, (d, t) in best.items()]
        # Ties at the closest hash go to the video the still's other views are closer to.
        return sorted(out, key=lambda c: (c.best_distance, c.mean_distance, c.video_id))

    def _lookup_clip(self, frames: Sequence[FrameHash], audio: np.ndarray, radius: int,
                     views: Mapping[str, Sequence[FrameHash]] | None = None,
                     pairs: landmarks.Pairs | None = None) -> list[Candidate]:
        # The frames as they are and, for a video they do not find, each other way the
        # copy may show them (mirrored, turned, boxed in): its votes are then those of the
        # view with most. Confidence is over the copy's own looks, in any view.
        pictures: dict[int, _PictureVotes] = {}
        own_looks = len(_distinct_looks(frames)[0])
        need = min(MIN_PICTURE_VOTES, max(1, own_looks))
        for view, shown in (("", frames), *(views or {}).items()):
            looks, ends = _distinct_looks(shown)
            qid, slots, times, dist = self._picture_hits(_as_codes([f.hash for f in looks]),
                                                         radius)
            offsets = times - np.array([f.t for f in looks], np.float64)[qid]
            for slot, voted in _picture_votes(slots, qid, offsets, dist).items():
                kept = pictures.get(slot)
                if kept is not None and ((kept.votes >= need and not kept.view)
                                         or voted[0] <= kept.votes):
                    continue
                ranges = _stretches([(looks[q].t, ends[q]) for q in voted[4]])
                pictures[slot] = _PictureVotes(*voted[:4], ranges, view, len(looks))
        sounds = self._audio_votes(audio)
        marks = self._landmark_votes(pairs)
        audible = max(1, int(np.count_nonzero(audio)))
        # How long each track of the copy lasts, for the shares of it a video explains.
        seen = frames[-1].t - frames[0].t + QUERY_INTERVAL if frames else 0.0
        heard = (len(audio) - 1) * _HOP_S + _AUDIO_FRAME_S if len(audio) else 0.0
        out = []
        for slot in pictures.keys() | sounds.keys() | marks.keys():
            picture = pictures.get(slot, _NO_PICTURE_VOTES)
            pv, p_offset, best, mean = picture.votes, picture.offset, picture.best, picture.mean
            av, a_offset, positions = sounds.get(slot, (0, None, ()))
            enough = pv >= need
            landmark = marks.get(slot)
            if not enough and av < MIN_AUDIO_VOTES and landmark is None:
                continue
            picture_ranges = picture.ranges if enough else ()
            sound_ranges = _stretches([(p * _HOP_S, p * _HOP_S + _AUDIO_FRAME_S)
                                       for p in positions]) if av >= MIN_AUDIO_VOTES else ()
            change, pitch_tempo = "", (1.0, 1.0)
            # the landmarks speak for the sound where they find more of it (a changed copy)
            if landmark is not None and _share(landmark.ranges, heard) > _share(sound_ranges,
                                                                                  heard):
                sound_ranges, pitch_tempo = landmark.ranges, landmark.pitch_tempo
                change = landmarks.change_words(*pitch_tempo)
            confidence = max(min(1.0, pv / max(1, own_looks)),
                             min(1.0, av / audible / AUDIO_FULL_SHARE),
                             _share(sound_ranges, heard) if landmark is not None else 0.0)
            offset = a_offset if av >= MIN_AUDIO_VOTES else (
                landmark.offset_s if landmark is not None and not enough else p_offset)
            out.append(Candidate(
                int(self._slot_video.values[slot]), round(confidence, 4), pv, av, best,
                None if offset is None else round(offset, 3), mean,
                picture_share=_share(picture_ranges, seen),
                sound_share=_share(sound_ranges, heard),
                picture_ranges=picture_ranges, sound_ranges=sound_ranges,
                picture_view=picture.view if enough else "", sound_change=change,
                sound_pitch_tempo=pitch_tempo))
        # Equal evidence: the video whose pictures the query's are closer to comes first.
        return sorted(out, key=lambda c: (-c.confidence, -c.picture_votes - c.audio_votes,
                                          _INF if c.mean_distance is None else c.mean_distance,
                                          c.video_id))

    def _picture_hits(self, codes: np.ndarray,
                      radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(query number, slot, stored time, distance) of every live hit."""
        qid, rows, dist = self._pictures.range_search(codes, radius)
        slots = self._row_slot.values[rows]
        alive = self._slot_alive.values[slots]
        return (qid[alive], slots[alive], self._row_time.values[rows[alive]].astype(np.float64),
                dist[alive].astype(np.int64))

    def _audio_votes(self, query: np.ndarray) -> dict[int, tuple[int, float, tuple[int, ...]]]:
        """Per slot: how many query positions' hits agree on one offset, that offset (s),
        and those positions."""
        self._merge_audio()
        query = np.asarray(query, np.uint32)
        positions = np.flatnonzero(query)
        if not len(positions) or not len(self._audio_keys):
            return {}
        probes = (query[positions, None] ^ _AUDIO_FLIPS[None, :]).ravel()
        probe_pos = np.repeat(positions, len(_AUDIO_FLIPS))
        lo = np.searchsorted(self._audio_keys, probes, "left")
        counts = np.searchsorted(self._audio_keys, probes, "right") - lo
        total = int(counts.sum())
        if not total:
            return {}
        rows = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(total)
        slots = self._audio_slot[rows]
        query_at = np.repeat(probe_pos, counts)
        offsets = self._audio_pos[rows].astype(np.int64) - query_at
        alive = self._slot_alive.values[slots]
        return _offset_votes(slots[alive], offsets[alive], query_at[alive])

    def _landmark_votes(self, pairs: landmarks.Pairs | None) -> dict[int, _LandmarkVotes]:
        """Per slot qualifying on the sound's landmarks: its best agreement over the changes
        of speed and pitch the copy may have been through (landmarks.GRID)."""
        self._merge_audio()
        if pairs is None or not len(pairs) or not len(self._land_keys):
            return {}
        need = MIN_LANDMARK_VOTES + LANDMARK_SHARE * len(pairs)
        best: dict[int, tuple[int, int, int]] = {}  # slot → (votes, offset, grid point)
        for n, (pitch, tempo) in enumerate(landmarks.GRID):
            hits = self._landmark_hits(pairs, pitch, tempo, need=need)[0]
            for slot, (votes, offset) in hits.items():
                if votes > best.get(slot, (0, 0, 0))[0]:
                    best[slot] = (votes, offset, n)
        out: dict[int, _LandmarkVotes] = {}
        for slot, (votes, offset, n) in best.items():
            pitch, tempo = landmarks.GRID[n]
            anchors = self._landmark_hits(pairs, pitch, tempo, (slot, offset))[1]
            ranges = _landmark_ranges([a * landmarks.HOP_S for a in anchors])
            out[slot] = _LandmarkVotes(votes, offset * landmarks.HOP_S, ranges, (pitch, tempo))
        return out

    def _landmark_hits(self, pairs: landmarks.Pairs, pitch: float, tempo: float,
                       chosen: tuple[int, int] | None = None, need: float = 0.0,
                       ) -> tuple[dict[int, tuple[int, int]], list[int]]:
        """Under one change: per slot, the most pairs agreeing on one offset (within a
        frame) and that offset, where at least ``need``; and, for a ``chosen`` (slot,
        offset), the copy's anchor frames of the pairs that agree on it."""
        keys, times = landmarks.hashes(pairs, pitch, tempo)
        lo = np.searchsorted(self._land_keys, keys, "left")
        counts = np.searchsorted(self._land_keys, keys, "right") - lo
        total = int(counts.sum())
        if not total:
            return {}, []
        rows = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(total)
        query = np.repeat(np.arange(len(keys)), counts)
        slots = self._land_slot[rows]
        alive = self._slot_alive.values[slots]
        rows, query, slots = rows[alive], query[alive], slots[alive]
        offsets = self._land_time[rows].astype(np.int64) - times[query]
        if chosen is not None:
            near = (slots == chosen[0]) & (np.abs(offsets - chosen[1]) <= 1)
            copy_frames = np.round(pairs.t[np.unique(query[near])]).astype(int)
            return {}, sorted(set(copy_frames.tolist()))
        # one vote per query pair and offset; neighbouring offsets count together
        code = (slots.astype(np.int64) << 32) | (offsets + (1 << 31))
        order = np.lexsort((query, code))
        code, query = code[order], query[order]
        first = np.r_[True, (code[1:] != code[:-1]) | (query[1:] != query[:-1])]
        offset_code, count = np.unique(code[first], return_counts=True)
        windowed = count.copy()
        for side in (-1, 1):
            at = np.clip(np.searchsorted(offset_code, offset_code + side), 0,
                         len(offset_code) - 1)
            windowed += np.where(offset_code[at] == offset_code + side, count[at], 0)
        slot_of = offset_code >> 32
        best = np.lexsort((windowed, slot_of))
        last = best[np.r_[slot_of[best][1:] != slot_of[best][:-1], True]]
        return {int(slot_of[i]): (int(windowed[i]), int((offset_code[i] & 0xFFFFFFFF) - (1 << 31)))
                for i in last.tolist() if windowed[i] >= need}, []

    # -- storage ---------------------------------------------------------------------------
    def save(self, path: Path | str) -> None:
        """Write the live index to one file, atomically (temporary file, fsync, rename)."""
        path = Path(path)
        self._merge_audio()
        rows = self._slot_alive.values[self._row_slot.values]
        sound = self._slot_alive.values[self._audio_slot]
        alive_landmarks = self._slot_alive.values[self._land_slot]
        video_of = self._slot_video.values
        arrays = {
            "format": np.array([_FORMAT]),
            "videos": np.array(list(self._slot_of), np.int64),
            "codes": self._pictures.codes[rows],
            "code_videos": video_of[self._row_slot.values[rows]],
            "code_times": self._row_time.values[rows],
            "audio_keys": self._audio_keys[sound],
            "audio_videos": video_of[self._audio_slot[sound]],
            "audio_positions": self._audio_pos[sound],
            "landmark_keys": self._land_keys[alive_landmarks],
            "landmark_videos": video_of[self._land_slot[alive_landmarks]],
            "landmark_times": self._land_time[alive_landmarks],
        }
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            with open(tmp, "wb") as handle:
                np.savez(handle, **arrays)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    @classmethod
    def load(cls, path: Path | str) -> HashIndex:
        """Read an index written by :meth:`save`; ValueError if the file is not one."""
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            raise ValueError(f"{Path(path).name} is not a readable hash index") from exc
        if arrays.get("format", np.zeros(1))[0] != _FORMAT or len(arrays) != 11:
            raise ValueError(f"{Path(path).name} is not a hash index of format {_FORMAT}")
        index = cls()
        for video in arrays["videos"].tolist():
            index._slot(video)
        slot_of = index._slot_of
        code_slots = np.array([slot_of[v] for v in arrays["code_videos"].tolist()], np.int32)
        index._pictures = MultiIndexHash.from_codes(arrays["codes"])
        index._row_slot.replace(code_slots)
        index._row_time.replace(arrays["code_times"])
        index._audio_keys = arrays["audio_keys"].astype(np.uint32)
        index._audio_slot = np.array([slot_of[v] for v in arrays["audio_videos"].tolist()],
                                     np.int32)
        index._audio_pos = arrays["audio_positions"].astype(np.int32)
        index._land_keys = arrays["landmark_keys"].astype(np.uint32)
        index._land_slot = np.array([slot_of[v] for v in arrays["landmark_videos"].tolist()],
                                    np.int32)
        index._land_time = arrays["landmark_times"].astype(np.int32)
        return index

    # -- internals -------------------------------------------------------------------------
    def _slot(self, video_id: int) -> int:
        slot = self._slot_of.get(video_id)
        if slot is None:
            slot = self._slot_of[video_id] = len(self._slot_video)
            self._slot_video.extend(np.array([video_id], np.int64))
            self._slot_alive.extend(np.array([True]))
        return slot

    def _add_audio(self, slot: int, subfingerprints: np.ndarray) -> None:
        keys = np.asarray(subfingerprints, np.uint32)
        positions = np.flatnonzero(keys).astype(np.int32)
        if len(positions):
            self._audio_pending.append((keys[positions],
                                        np.full(len(positions), slot, np.int32), positions))

    def _merge_audio(self) -> None:
        """Merge the pending sound entries (sub-fingerprints and landmarks) in."""
        if self._land_pending:
            self._land_keys, self._land_slot, self._land_time = _merged(
                (self._land_keys, self._land_slot, self._land_time), self._land_pending)
            self._land_pending = []
        if self._audio_pending:
            self._audio_keys, self._audio_slot, self._audio_pos = _merged(
                (self._audio_keys, self._audio_slot, self._audio_pos), self._audio_pending)
            self._audio_pending = []

    def _compact(self) -> None:
        """Drop the rows and audio entries of removed videos."""
        self._merge_audio()
        alive = self._slot_alive.values
        rows = alive[self._row_slot.values]
        self._pictures.keep(rows)
        self._row_slot.replace(self._row_slot.values[rows])
        self._row_time.replace(self._row_time.values[rows])
        sound = alive[self._audio_slot]
        self._audio_keys = self._audio_keys[sound]
        self._audio_slot = self._audio_slot[sound]
        self._audio_pos = self._audio_pos[sound]
        kept = alive[self._land_slot]
        self._land_keys = self._land_keys[kept]
        self._land_slot = self._land_slot[kept]
        self._land_time = self._land_time[kept]
        self._dead_rows = 0


def _merged(table: tuple[np.ndarray, np.ndarray, np.ndarray],
            pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(keys, slots, positions) sorted by key, with the pending entries merged in: a copy
    of the arrays, not a re-sort."""
    keys, slots, positions = (np.concatenate(parts) for parts in zip(*pending, strict=True))
    order = np.argsort(keys, kind="stable")
    at = np.searchsorted(table[0], keys[order], "right")
    return (np.insert(table[0], at, keys[order]), np.insert(table[1], at, slots[order]),
            np.insert(table[2], at, positions[order]))


def _as_codes(hashes: Iterable[bytes] | np.ndarray) -> np.ndarray:
    if isinstance(hashes, np.ndarray):
        codes = np.ascontiguousarray(hashes, np.uint8)
    else:
        raw = b"".join(hashes)
        if len(raw) % HASH_BYTES:
            raise ValueError(f"hashes must be {HASH_BYTES} bytes each")
        codes = np.frombuffer(raw, np.uint8).reshape(-1, HASH_BYTES)
    if codes.ndim != 2 or codes.shape[1] != HASH_BYTES:
        raise ValueError(f"hashes must be {HASH_BYTES} bytes each")
    return codes


def _distinct_looks(frames: Sequence[FrameHash]) -> tuple[list[FrameHash], list[float]]:
    """Good-quality frames, less those that look like the one before (they vote once),
    and when each look ends in the copy: where the next frame that is not it begins."""
    looks: list[FrameHash] = []
    ends: list[float] = []
    for n, frame in enumerate(frames):
        if frame.quality < MIN_QUALITY:
            continue
        following = frames[n + 1].t if n + 1 < len(frames) else frame.t + QUERY_INTERVAL
        if looks and hamming(frame.hash, looks[-1].hash) <= _SAME_LOOK:
            ends[-1] = following
        else:
            looks.append(frame)
            ends.append(following)
    return looks, ends


def _stretches(spans: Iterable[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Time spans joined where they overlap or lie within ``_RANGE_GAP_S`` of each other."""
    out: list[list[float]] = []
    for start, end in sorted(spans):
        if out and start - out[-1][1] <= _RANGE_GAP_S:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((round(a, 2), round(b, 2)) for a, b in out)


def _landmark_ranges(anchors: Sequence[float]) -> tuple[tuple[float, float], ...]:
    """The stretches of a copy that the matching landmark pairs anchored at ``anchors``
    (seconds) speak for.

    A pair reaches up to ``landmarks.MAX_DT`` beyond its anchor, so where a copy is spliced
    in, pairs of the sound before it that end in the copy can match by chance (their first
    peak at the note the stored video played there): one such pair, its next neighbour
    half a second away, would move the copy's start by that much. A copy's own anchors come
    tens a second; an anchor with none of the others within ``_LANDMARK_SPAN_S / 2`` does not
    count (unless none has a neighbour so near).
    """
    times = np.sort(np.asarray(anchors, np.float64))
    if len(times) > 1:
        gaps = np.diff(times)
        near = np.minimum(np.r_[np.inf, gaps], np.r_[gaps, np.inf]) <= _LANDMARK_SPAN_S / 2
        times = times[near] if near.any() else times
    return _stretches((t, t + _LANDMARK_SPAN_S) for t in times.tolist())


def _share(ranges: tuple[tuple[float, float], ...], total: float) -> float:
    """The part of ``total`` seconds the ranges cover (0-1)."""
    if total <= 0:
        return 0.0
    return round(min(1.0, sum(b - a for a, b in ranges) / total), 3)


def _picture_votes(slots: np.ndarray, qid: np.ndarray, offsets: np.ndarray, dist: np.ndarray,
                   ) -> dict[int, tuple[int, float, int, float, tuple[int, ...]]]:
    """Per slot: distinct query looks agreeing on one offset, that offset, best distance,
    the mean over those looks of each one's closest distance, and the looks."""
    out: dict[int, tuple[int, float, int, float, tuple[int, ...]]] = {}
    # Offsets fall in half-window bins; a window is two neighbouring bins.
    bins = np.floor(offsets / (_PICTURE_WINDOW_S / 2)).astype(np.int64)
    for slot in np.unique(slots).tolist():
        mine = slots == slot
        own_bins, who = bins[mine], qid[mine]
        best_votes, best = 0, mine
        for b in np.unique(own_bins).tolist():
            window = (own_bins == b) | (own_bins == b + 1)
            votes = len(np.unique(who[window]))
            if votes > best_votes:
                best_votes, best = votes, window
        looks, near = who[best], dist[mine][best]
        closest = [int(near[looks == look].min()) for look in np.unique(looks).tolist()]
        voters = np.unique(looks).tolist()
        out[slot] = (best_votes, float(np.median(offsets[mine][best])), int(near.min()),
                     round(float(np.mean(closest)), 3), tuple(voters))
    return out


def _offset_votes(slots: np.ndarray, offsets: np.ndarray,
                  query_at: np.ndarray) -> dict[int, tuple[int, float, tuple[int, ...]]]:
    """Per slot, the most query positions agreeing on one offset (within one hop): their
    number, the offset and the positions."""
    hits = np.unique(np.stack([slots.astype(np.int64), offsets, query_at]), axis=1)
    votes: dict[int, tuple[int, float, tuple[int, ...]]] = {}
    for slot in np.unique(hits[0]).tolist():
        mine = hits[:, hits[0] == slot]
        span = int(mine[1].min())
        # A trim rarely lands on a hop boundary: neighbouring offsets count together.
        windowed = np.convolve(np.bincount(mine[1] - span), np.ones(3, np.int64), "same")
        centre = span + int(windowed.argmax())
        near = np.abs(mine[1] - centre) <= 1
        positions = np.unique(mine[2, near])
        votes[slot] = (len(positions), centre * _HOP_S, tuple(positions.tolist()))
    return votes
