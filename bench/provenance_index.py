"""Reverse search by fingerprint: recall per edit, false matches, lookup latency at scale.

Clips are rendered small (360x640, 3 s) from distinct prompts and seeds. Each is looked up
after every edit of ``copy_edits.EDITS`` (re-encodes, crops, trims, and the re-posts:
mirrored, turned, framed, boxed in, mirrored and played 10 % faster), as its soundtrack
alone after every change of ``copy_edits.SOUND_EDITS`` (speed, pitch, pace, music mixed
in, a phone line, a 2 s excerpt), as a screenshot and as a thumbnail. False matches are
counted on unrelated renders and on ``FOREIGN_SOUNDS`` pieces of music openreel never
made. Latency is
measured with the real hashes plus random filler up to 100,000 and 1,000,000 stored
hashes, against faiss's brute-force ``IndexBinaryFlat`` as the reference. Writes
bench/results/provenance_index.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from PIL import Image

from openreel.engines import RenderRequest, get_engine
from openreel.media import Mp4Writer, read_frames
from openreel.pipeline import GenerateOptions, plan
from openreel.provenance._audio_attacks import music
from openreel.provenance.copy_edits import EDITS, SOUND_EDITS, edit_copy, sound_only
from openreel.provenance.fingerprint import (
    QueryFingerprint,
    fingerprint_query,
    fingerprint_video,
)
from openreel.provenance.hash_index import HashIndex

CLIPS = 60
UNRELATED = 20
FOREIGN_SOUNDS = 1000
SUBJECTS = ("a red ball bounces", "a dog runs", "a bird flies", "two cats play",
            "a man says hello", "a car drives")
PLACES = ("in the park", "on the beach at sunset", "over snowy mountains at night",
          "in a kitchen", "down a rainy city street")
OTHER = ("a horse gallops across a desert at noon", "a train crosses a bridge in fog",
         "fireworks burst over a harbour", "a child flies a kite on a hill",
         "leaves fall in an autumn forest")
SIZES = (100_000, 1_000_000)
SEARCHES = 300
OUT = Path(__file__).parent / "results" / "provenance_index.json"


def _render(prompt: str, seed: int, out: Path) -> Path:
    options = GenerateOptions(seconds=3, seed=seed)
    with Mp4Writer(out, 360, 640, 24) as writer:
        get_engine("procedural").render(plan(prompt, None, options),
                                        RenderRequest(360, 640, 24, seed=seed), writer)
    return out


def _screenshot(frame: np.ndarray, path: Path) -> Path:
    status = np.full((36, frame.shape[1], 3), 24, np.uint8)
    status[10:26, 12:100] = 250
    controls = np.full((64, frame.shape[1], 3), 235, np.uint8)
    controls[20:44, 150:210] = 40
    Image.fromarray(np.concatenate([status, frame, controls])).save(path)
    return path


def _write_wav(path: Path, samples: np.ndarray, rate: int = 44_100) -> Path:
    """(n, 2) float audio as a 16-bit WAV file."""
    import wave

    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(pcm.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def _pct(values: list[float]) -> dict[str, float]:
    return {"p50": round(float(np.percentile(values, 50)), 3),
            "p99": round(float(np.percentile(values, 99)), 3)}


def _recall(tmp: Path) -> tuple[dict[str, object], HashIndex, list[QueryFingerprint]]:
    index = HashIndex()
    clips, store_ms = [], []
    for i in range(CLIPS):
        prompt = f"{SUBJECTS[i % len(SUBJECTS)]} {PLACES[i // len(SUBJECTS) % len(PLACES)]}"
        clips.append(_render(prompt, i, tmp / f"clip{i}.mp4"))
        t0 = time.perf_counter()
        index.add(i, fingerprint_video(clips[-1]))
        store_ms.append((time.perf_counter() - t0) * 1000)
    hits: dict[str, list[bool]] = {}
    confidence: dict[str, list[float]] = {}
    queries: list[QueryFingerprint] = []
    query_ms: dict[str, list[float]] = {"video": [], "screenshot": []}

    def score(name: str, query: QueryFingerprint, truth: int) -> None:
        found = index.lookup(query)
        hits.setdefault(name, []).append([c.video_id for c in found[:1]] == [truth])
        hits.setdefault(f"{name}/only_it", []).append([c.video_id for c in found] == [truth])
        if found and found[0].video_id == truth:
            confidence.setdefault(name, []).append(found[0].confidence)

    for i, clip in enumerate(clips):
        for name, edit in EDITS.items():
            t0 = time.perf_counter()
            query = fingerprint_query(edit_copy(clip, tmp / "copy.mp4", edit))
            query_ms["video"].append((time.perf_counter() - t0) * 1000)
            queries.append(query)
            score(name, query, i)
            # Each modality alone: the same copy, pictures only.
            score(f"{name}/pictures_only",
                  QueryFingerprint("video", query.frames, views=query.views), i)
        score("soundtrack_only_aac96_44k1_trim",
              fingerprint_query(sound_only(clip, tmp / "rip.m4a", 0.7, 0.4)), i)
        for name, change in SOUND_EDITS.items():
            score(f"soundtrack_only_{name}",
                  fingerprint_query(sound_only(clip, tmp / "rip.m4a", change=change)), i)
        frame = list(read_frames(clip))[30 + i % 30]
        t0 = time.perf_counter()
        shot = fingerprint_query(_screenshot(frame, tmp / "shot.png"))
        query_ms["screenshot"].append((time.perf_counter() - t0) * 1000)
        score("screenshot_with_ui", shot, i)
        queries.append(shot)
        Image.fromarray(frame).resize((180, 320)).save(tmp / "thumb.jpg", quality=60)
        score("thumbnail_half_jpeg60", fingerprint_query(tmp / "thumb.jpg"), i)
    false_clips = false_stills = 0
    for j in range(UNRELATED):
        other = _render(OTHER[j % len(OTHER)], 1000 + j, tmp / "other.mp4")
        false_clips += bool(index.lookup(fingerprint_query(other)))
        for frame in list(read_frames(other))[::24]:
            false_stills += bool(index.lookup(fingerprint_query(frame)))
    false_sounds = 0
    for j in range(FOREIGN_SOUNDS):
        song = tmp / "song.wav"
        _write_wav(song, music(3 + j % 5, 44_100, seed=j))
        false_sounds += bool(index.lookup(fingerprint_query(song)))
    figures = {
        "recall_top1": {k: round(float(np.mean(v)), 4) for k, v in hits.items()
                        if not k.endswith("/only_it")},
        "only_the_right_video": {k.removesuffix("/only_it"): round(float(np.mean(v)), 4)
                                 for k, v in hits.items() if k.endswith("/only_it")},
        "confidence_median": {k: round(float(np.median(v)), 3) for k, v in confidence.items()},
        "false_matches": {"unrelated_clips": f"{false_clips}/{UNRELATED}",
                          "unrelated_stills": f"{false_stills}/{UNRELATED * 3}",
                          "foreign_music": f"{false_sounds}/{FOREIGN_SOUNDS}"},
        "fingerprint_ms": {"store_3s_clip": _pct(store_ms),
                           "query_3s_clip": _pct(query_ms["video"]),
                           "query_screenshot": _pct(query_ms["screenshot"])},
        "stored_hashes_per_clip": round(len(index) / CLIPS, 1),
    }
    return figures, index, queries


def _timed(call: Callable[[Any], object], args: Sequence[Any]) -> list[float]:
    out = []
    for arg in args:
        t0 = time.perf_counter()
        call(arg)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _latency(real: HashIndex, queries: list[QueryFingerprint], size: int) -> dict[str, object]:
    """Real clips' hashes plus random filler up to ``size``; time lookups."""
    rng = np.random.default_rng(size)
    index = HashIndex()
    t0 = time.perf_counter()
    index.add_hashes(-1, rng.integers(0, 256, (size - len(real), 32), dtype=np.uint8))
    build_s = time.perf_counter() - t0
    tmp = Path(tempfile.mkdtemp())
    real.save(tmp / "real.npz")
    loaded = HashIndex.load(tmp / "real.npz")
    for video in loaded.video_ids:  # the real videos, as stored
        index.add_hashes(video, loaded.hashes(video))
    planted = rng.integers(0, 256, (SEARCHES, 32), dtype=np.uint8)
    index.add_hashes(-2, planted)
    near = []
    for code in planted:
        bits = np.unpackbits(code)
        bits[rng.choice(256, 31, replace=False)] ^= 1
        near.append(np.packbits(bits).tobytes())
    index.search(near[0])  # merge the pending block outside the timings
    found = sum(any(m.video_id == -2 for m in index.search(h)) for h in near)
    stills = [q for q in queries if q.kind == "image"]
    clips = [q for q in queries if q.kind == "video"][:60]
    flat = faiss.IndexBinaryFlat(256)
    flat.add(np.concatenate([index.hashes(v) for v in index.video_ids]))
    codes = [np.frombuffer(h, np.uint8)[None] for h in near]
    return {
        "stored_hashes": len(index), "build_s": round(build_s, 2),
        "planted_found_at_31_bits": f"{found}/{SEARCHES}",
        "one_hash_ms": _pct(_timed(index.search, near)),
        "one_hash_faiss_flat_ms": _pct(_timed(lambda c: flat.range_search(c, 32), codes[:50])),
        "screenshot_lookup_ms": _pct(_timed(index.lookup, stills)),
        "screenshot_query_hashes": int(np.median([len(q.frames) for q in stills])),
        "clip_lookup_ms": _pct(_timed(index.lookup, clips)),
        "clip_query_frames": int(np.median([len(q.frames) for q in clips])),
    }


def run() -> dict[str, object]:
    """Measure and return the figures."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        figures, index, queries = _recall(Path(tmp_name))
    scale = {str(size): _latency(index, queries, size) for size in SIZES}
    return {"clips": CLIPS, "clip": "360x640, 3 s, 24 fps", "edits": list(EDITS),
            "sound_edits": list(SOUND_EDITS),
            **figures, "index": scale, "targets": {"one_hash_ms_at_1m_max": 20.0},
            "machine_load_1m": round(float(np.loadtxt("/proc/loadavg", usecols=0)), 2),
            "wall_s": round(time.perf_counter() - started, 1)}


if __name__ == "__main__":
    results = run()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    json.dump(results, sys.stdout, indent=2)
