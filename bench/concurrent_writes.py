"""Concurrent writers: many people writing to the same rows at once, over HTTP on 127.0.0.1.

One server (uvicorn, ``--processes`` worker processes, SQLite in WAL mode, as ``make run``
serves it) and ``--writers`` people, each with an API token. For each kind of write, every
person sends theirs at the same moment (one connection each, released together) and the
bench counts the answers and then the rows:

* likes, comments and views of one video, follows of one person: every answer 2xx, and
  the video's like, comment and view counters, the follower count and the notifications
  of the owner exact;
* generations: one job each (no render workers run, so the jobs stay queued), no blob
  left behind by a request that failed;
* back to back: one person's token sends ``--writers`` requests one after another
  (a like already given, a view, in turn), where the token's last-use write once
  collided with the next request;
* sign-ups: ``--signups`` people sign up at once (each password hash is a bounded amount
  of work and memory), each answered 201 or, past the bound, 503 with Retry-After.

* guessing: ``--guesses`` wrong passwords for one account: the first ten answered 401,
  the rest 429 (no password checked); then ``--flood`` sign-ins at once for accounts that
  do not exist, each a real password check, with the server's memory sampled.

* verify flood: ``--flood`` uploads at once of a small raw H.264 stream (no timestamps,
  thousands of frames) to /verify, with the feed asked for meanwhile and the server's
  memory sampled: each answered (200 examined, 503 busy with Retry-After, or 422 too slow),
  the memory within the checks' ceilings and given back, the feed answering throughout.

Targets: no error of any kind (no 5xx, no timeout), every counter exact, guessing refused
past the limit, and the flood's memory within a few concurrent hashes.

    python -m bench.concurrent_writes [--writers 100] [--signups 40] [--processes 2]
                                      [--guesses 200] [--flood 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import av
import httpx
import numpy as np
from sqlalchemy import func, insert, select

from bench.feed_load import serve
from openreel.db.migrate import upgrade
from openreel.db.models import (
    ApiToken,
    Comment,
    Follow,
    Job,
    Like,
    Notification,
    User,
    Video,
    VideoStatus,
)
from openreel.db.session import make_engine
from openreel.services.accounts import GUESSES_PER_ACCOUNT, HASHES_AT_ONCE, TOKEN_PREFIX, _digest
from openreel.services.verifying import CHECK_MEMORY_BYTES, CHECKS_AT_ONCE

HOST = "127.0.0.1"
PORT = 18741
API = f"http://{HOST}:{PORT}/api/v1"
TIMEOUT = 30.0
OWNER = 1  # the person whose video and profile everyone writes to
VIDEO = 1
WRITES = ("likes", "comments", "views", "follows", "generations", "back_to_back")
# what a flood of sign-ins may add to the server's memory: each argon2 check takes 64 MiB,
# HASHES_AT_ONCE per server process, plus room for the interpreter's own churn
FLOOD_RSS_BUDGET_MB = 64 * HASHES_AT_ONCE * 2 + 128
# what a flood of /verify uploads may add to the server processes and their checks
# (CHECKS_AT_ONCE children per process, each held to CHECK_MEMORY_BYTES)
VERIFY_RSS_BUDGET_MB = 2 * CHECKS_AT_ONCE * CHECK_MEMORY_BYTES // 2**20


def seed(data_dir: Path, writers: int) -> list[str]:
    """The owner with one published video, and ``writers`` people with API tokens."""
    url = f"sqlite:///{data_dir / 'openreel.db'}"
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    tokens = [TOKEN_PREFIX + secrets.token_urlsafe(32) for _ in range(writers)]
    with engine.begin() as conn:
        conn.execute(insert(User), [
            {"id": i + 1, "handle": f"person{i}", "email": f"person{i}@example.org",
             "password_hash": "x", "display_name": f"Person {i}", "bio": "", "created_at": now}
            for i in range(writers + 1)])
        conn.execute(insert(Video), [{
            "id": VIDEO, "owner_id": OWNER, "status": VideoStatus.PUBLISHED, "prompt": "a dog",
            "caption": "a dog", "engine": "procedural", "seed": 1, "seconds": 10.0,
            "size": "720x1280", "style": "animated", "width": 720, "height": 1280, "fps": 24,
            "kind": "generate", "topics": ["pets"], "video_key": "videos/x/video.mp4",
            "poster_key": "videos/x/poster.jpg", "created_at": now, "published_at": now,
            "changed_at": now}])
        conn.execute(insert(ApiToken), [
            {"user_id": i + 2, "token_hash": _digest(secret), "name": "bench", "created_at": now}
            for i, secret in enumerate(tokens)])
    engine.dispose()
    return tokens


@contextmanager
def serve_app(data_dir: Path, processes: int) -> Iterator[int]:
    """The app under uvicorn until the block ends; yields its process group."""
    with socket.socket() as probe:
        if probe.connect_ex((HOST, PORT)) == 0:
            raise RuntimeError(f"something already listens on {HOST}:{PORT}")
    env = {**os.environ, "OPENREEL_DATA_DIR": str(data_dir), "OPENREEL_WORKERS": "0",
           "OPENREEL_RATE_LIMIT_PER_MINUTE": "100000000", "OPENREEL_DAILY_QUOTA": "1000"}
    command = [sys.executable, "-m", "uvicorn", "--host", HOST, "--port", str(PORT),
               "--workers", str(processes), "--log-level", "warning", "--no-access-log",
               "--factory", "openreel.app:create_app"]
    with serve(command, env, PORT, "/api/v1/feed?limit=1") as process:
        yield process.pid  # the process group of the server and its workers


def group_rss(group: int) -> int:
    """Resident memory of every process in a process group, in bytes (from /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:  # the process group, after state and parent
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # rss in pages
    return total


@contextmanager
def peak_rss(group: int) -> Iterator[dict[str, int]]:
    """The process group's resident memory before and at its highest while the block runs."""
    seen = {"before": group_rss(group), "peak": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            seen["peak"] = max(seen["peak"], group_rss(group))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield seen
    finally:
        done.set()
        sampler.join()
        seen["peak"] = max(seen["peak"], seen["before"])


Send = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


async def at_once(count: int, send: Send) -> dict[str, Any]:
    """``count`` requests released together, each on its own connection."""
    start = asyncio.Event()
    outcomes: Counter[str] = Counter()
    retry_after: list[str] = []

    async def one(i: int) -> None:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            await client.get(f"{API}/feed?limit=1")  # connected and warm before the start
            await start.wait()
            try:
                answer = await send(client, i)
            except httpx.HTTPError as error:
                outcomes[type(error).__name__] += 1
                return
            outcomes[str(answer.status_code)] += 1
            if answer.status_code == 503:
                retry_after.append(answer.headers.get("retry-after", ""))

    tasks = [asyncio.create_task(one(i)) for i in range(count)]
    await asyncio.sleep(1.0)
    began = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    return {"answers": dict(sorted(outcomes.items())),
            "seconds": round(time.perf_counter() - began, 2),
            "retry_after_given": all(retry_after) if retry_after else None}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def drive(tokens: list[str], signups: int) -> dict[str, dict[str, Any]]:
    """Each kind of write, everyone at once; then one token back to back."""
    n = len(tokens)
    kinds: dict[str, Send] = {
        "likes": lambda c, i: c.post(f"{API}/videos/{VIDEO}/like", headers=_auth(tokens[i])),
        "comments": lambda c, i: c.post(f"{API}/videos/{VIDEO}/comments",
                                        headers=_auth(tokens[i]), json={"body": f"nice {i}"}),
        "views": lambda c, i: c.post(f"{API}/videos/{VIDEO}/views", headers=_auth(tokens[i]),
                                     json={"watched_seconds": 3.0}),
        "follows": lambda c, i: c.post(f"{API}/users/person0/follow", headers=_auth(tokens[i])),
        "generations": lambda c, i: c.post(f"{API}/generations", headers=_auth(tokens[i]),
                                           data={"prompt": f"a red ball bounces {i}"}),
        "signups": lambda c, i: c.post(f"{API}/auth/signup", json={
            "handle": f"newcomer{i}", "email": f"newcomer{i}@example.org",
            "password": f"a long passphrase {i} for the bench"}),
    }
    results: dict[str, dict[str, Any]] = {}
    for name, send in kinds.items():
        results[name] = await at_once(signups if name == "signups" else n, send)
    # one person, back to back: each answer before the next request
    outcomes: Counter[str] = Counter()
    async with httpx.AsyncClient(timeout=TIMEOUT, headers=_auth(tokens[0])) as client:
        began = time.perf_counter()
        for i in range(n):  # a like (already given: no change) then a view, in turn
            answer = await (client.post(f"{API}/videos/{VIDEO}/like") if i % 2 == 0 else
                            client.post(f"{API}/videos/{VIDEO}/views",
                                        json={"watched_seconds": 1.0}))
            outcomes[str(answer.status_code)] += 1
    results["back_to_back"] = {"answers": dict(sorted(outcomes.items())),
                               "seconds": round(time.perf_counter() - began, 2)}
    return results


async def guessing(group: int, guesses: int, flood: int) -> dict[str, dict[str, Any]]:
    """Password guessing: ``guesses`` wrong passwords for one account, one after another;
    then ``flood`` sign-ins at once for accounts that do not exist (each checks a password
    against a real hash: the costly kind), with the server's memory watched."""
    outcomes: Counter[str] = Counter()
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        began = time.perf_counter()
        for i in range(guesses):
            answer = await client.post(f"{API}/auth/token", json={
                "login": "person0", "password": f"guess number {i}"})
            outcomes[str(answer.status_code)] += 1
    results: dict[str, dict[str, Any]] = {
        "guessing_one_account": {"answers": dict(sorted(outcomes.items())),
                                 "seconds": round(time.perf_counter() - began, 2)}}
    with peak_rss(group) as memory:
        results["sign_in_flood"] = await at_once(flood, lambda c, i: c.post(
            f"{API}/auth/token", json={"login": f"nobody{i}", "password": "a wrong one"}))
    results["sign_in_flood"]["server_rss_mb"] = {
        k: round(v / 2**20, 1) for k, v in memory.items()}
    return results


def raw_stream(path: Path, frames: int = 3000) -> bytes:
    """A small H.264 elementary stream (no container, so no timestamps) of many frames:
    the kind of file that once cost a verifier minutes and gigabytes."""
    out = av.open(str(path), "w", format="h264")
    stream = out.add_stream("libx264", rate=30)
    stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
    stream.options = {"preset": "ultrafast", "crf": "51"}
    for i in range(frames):
        picture = np.full((360, 640, 3), (i // 30) % 200, np.uint8)
        for packet in stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()
    return path.read_bytes()


async def verify_flood(group: int, data: bytes, count: int) -> dict[str, Any]:
    """``count`` uploads of ``data`` to /verify at once, while one reader keeps asking for
    the feed; the server's memory before, at its highest, and once idle again."""
    stop = asyncio.Event()
    waits: list[float] = []

    async def reader() -> None:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            while not stop.is_set():
                began = time.perf_counter()
                await client.get(f"{API}/feed?limit=1")
                waits.append(time.perf_counter() - began)
                await asyncio.sleep(0.1)

    # Each server process starts its checker (a fork server with the decoders loaded) on
    # its first check: done here first, so the flood meets the steady state.
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        for _ in range(6):
            await client.post(f"{API}/verify", files={"file": ("tiny.h264", data[:4096],
                                                                "video/h264")})
    with peak_rss(group) as memory:
        watcher = asyncio.create_task(reader())
        result = await at_once(count, lambda c, i: c.post(
            f"{API}/verify", files={"file": ("clip.h264", data, "video/h264")}))
        stop.set()
        await watcher
    await asyncio.sleep(3.0)
    memory["idle_after"] = group_rss(group)
    result["upload_bytes"] = len(data)
    result["server_rss_mb"] = {k: round(v / 2**20, 1) for k, v in memory.items()}
    result["feed_while_flooded_ms"] = {
        "max": round(1000 * max(waits, default=0.0), 1),
        "p90": round(1000 * float(np.percentile(waits, 90)) if waits else 0.0, 1),
        "median": round(1000 * float(np.median(waits)) if waits else 0.0, 1),
        "requests": len(waits)}
    return result


def counters(data_dir: Path, writers: int) -> dict[str, int]:
    """What the database holds after the run."""
    engine = make_engine(f"sqlite:///{data_dir / 'openreel.db'}")
    with engine.connect() as conn:
        video = conn.execute(select(Video.like_count, Video.comment_count, Video.view_count)
                             .where(Video.id == VIDEO)).one()
        out = {
            "like_count": video.like_count,
            "like_rows": conn.scalar(select(func.count()).select_from(Like)) or 0,
            "comment_count": video.comment_count,
            "comment_rows": conn.scalar(select(func.count()).select_from(Comment)) or 0,
            "view_count": video.view_count,
            "follow_rows": conn.scalar(select(func.count()).select_from(Follow)
                                       .where(Follow.followee_id == OWNER)) or 0,
            "owner_notifications": conn.scalar(
                select(func.count()).select_from(Notification)
                .where(Notification.recipient_id == OWNER)) or 0,
            "jobs": conn.scalar(select(func.count()).select_from(Job)) or 0,
            "users": conn.scalar(select(func.count()).select_from(User)) or 0,
        }
    engine.dispose()
    return out


def run(writers: int = 100, signups: int = 40, processes: int = 2, guesses: int = 200,
        flood: int = 40) -> dict[str, object]:
    """Seed, serve, write at once; return the answers, the counters and the checks."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        tokens = seed(data, writers)
        with serve_app(data, processes) as group:
            results = asyncio.run(drive(tokens, signups))
            results.update(asyncio.run(guessing(group, guesses, flood)))
            clip = raw_stream(data / "clip.h264")
            results["verify_flood"] = asyncio.run(verify_flood(group, clip, flood))
        got = counters(data, writers)
        blobs = data / "blobs"
        # every generation that was answered 202 is a job; nothing else left a file
        stray = sorted(str(p.relative_to(blobs)) for p in blobs.rglob("*") if p.is_file()) \
            if blobs.exists() else []
    b2b_views = writers // 2  # the back-to-back run's views
    signed_up = int(results["signups"]["answers"].get("201", 0))
    expected = {
        "like_count": writers, "like_rows": writers, "comment_count": writers,
        "comment_rows": writers, "view_count": writers + b2b_views, "follow_rows": writers,
        "owner_notifications": 3 * writers, "jobs": writers,
        "users": writers + 1 + signed_up,
    }
    # wrong passwords are meant to be refused: 401, then 429 past the account's limit
    expected_refusals = {"guessing_one_account": ("401", "429"), "sign_in_flood": ("401",),
                         "verify_flood": ("422",)}
    errors = {name: {k: v for k, v in r["answers"].items()
                     if not k.startswith("2") and k != "503"
                     and k not in expected_refusals.get(name, ())}
              for name, r in results.items()}
    guessed = results["guessing_one_account"]["answers"]
    flood_memory = results["sign_in_flood"]["server_rss_mb"]
    verified = results["verify_flood"]
    refused = {name: int(r["answers"].get("503", 0))
               for name, r in results.items()}
    checks = {
        "no_errors": not any(errors.values()),
        "writers_never_refused": all(refused[k] == 0 for k in WRITES),
        "counters_exact": got == expected,
        "no_stray_blobs": not stray,
        "refusals_say_when": all(r.get("retry_after_given") in (None, True)
                                 for r in results.values()),
        # ten wrong passwords, then refused without a password being checked
        "guessing_limited": guessed.get("401") == GUESSES_PER_ACCOUNT
        and guessed.get("429") == guesses - GUESSES_PER_ACCOUNT,
        # at most a few hashes at once: the flood's memory stays within a few of them
        "flood_memory_bounded": flood_memory["peak"] - flood_memory["before"]
        <= FLOOD_RSS_BUDGET_MB,
        # checks run apart, a few at a time: the server itself grows little and the feed
        # still answers (nine in ten within 0.1 s, every one within 2 s; it once waited 59 s)
        "verify_memory_bounded": verified["server_rss_mb"]["peak"]
        - verified["server_rss_mb"]["before"] <= VERIFY_RSS_BUDGET_MB,
        "verify_memory_returned": verified["server_rss_mb"]["idle_after"]
        - verified["server_rss_mb"]["before"] <= VERIFY_RSS_BUDGET_MB / 4,
        "feed_answers_during_verify_flood": verified["feed_while_flooded_ms"]["p90"] <= 100
        and verified["feed_while_flooded_ms"]["max"] <= 2000,
    }
    return {
        "writers": writers, "signups": signups, "server_processes": processes,
        "cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
        "results": results, "errors": errors, "counters": got, "expected": expected,
        "stray_blobs": stray[:10], "checks": checks, "meets_targets": all(checks.values()),
    }


def main() -> None:
    """Command line: run and write bench/results/concurrent_writes.json."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=100)
    parser.add_argument("--signups", type=int, default=40)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--guesses", type=int, default=200)
    parser.add_argument("--flood", type=int, default=40)
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).parent / "results" / "concurrent_writes.json")
    args = parser.parse_args()
    result = run(args.writers, args.signups, args.processes, args.guesses, args.flood)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: result[k] for k in ("errors", "counters", "expected", "checks")},
                     indent=2))


if __name__ == "__main__":
    main()
