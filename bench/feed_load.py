"""Feed under load: 1,000 users and 10,000 published videos, driven over HTTP on 127.0.0.1.

Two servers run side by side, each with the same uvicorn settings (``--processes``
worker processes): the openreel app, whose ``GET /api/v1/feed?limit=10`` is asked for
with a random one of 200 API tokens or none (signed out), and a bare FastAPI app whose
``GET /api/v1/ping`` is the baseline. Both are driven the same way, in alternating
slices of ``SLICE`` seconds so that whatever else the machine is doing falls on both:

* Open loop (the latency comparison): requests leave on a fixed schedule, ``--rate``
  per second (500 by default, the throughput target), whatever the server does, from a
  pool of at most ``--open-connections`` keep-alive connections. A request's latency
  runs from its scheduled send time to the end of its response, so time spent waiting
  for the client's timer or for a free connection counts (no coordinated omission).
  The client wakes up to 1 ms before a send is due and sends then; such an early
  request is timed from when it was actually sent. Each endpoint gets ``--seconds`` of
  this; the feed's p99 over the baseline's p99 is the ratio the target is about.
* Closed loop (the throughput): ``--connections`` connections each send their next
  request as soon as the last answer arrives, for ``--seconds / 4`` per endpoint. The
  feed's requests per second here is the throughput it sustains on this machine.

A closed loop alone would not compare latencies fairly: with every connection always
busy, latency is mostly queueing (p99 ≈ connections / throughput), so a slower endpoint
looks slower by its queue as much as by its work.

The client is a small asyncio HTTP/1.1 client (a general-purpose client library would
spend more CPU than the server under test on a 2-core machine) on the same machine as
the servers, which the results must be read with: it shares the cores. It stays
bounded: fixed connection counts, a timeout on every request, fixed durations, and it
only ever connects to 127.0.0.1. Any status other than 200, a timeout or a broken
connection counts as an error. Targets: feed p99 ≤ 3 × baseline p99 (open loop),
≥ 500 feed requests per second (closed loop), and no errors.

    python -m bench.feed_load [--seconds 120] [--rate 500] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import insert

from openreel.db.migrate import upgrade
from openreel.db.models import ApiToken, Follow, Like, User, Video, VideoStatus
from openreel.db.session import make_engine
from openreel.services.accounts import TOKEN_PREFIX, _digest

USERS = 1_000
VIDEOS = 10_000
TOKENS = 200
TOPICS = ["animals", "sports", "space", "nature", "vehicles", "food", "music", "people",
          "city", "ocean", "fantasy", "weather"]
HOST = "127.0.0.1"
FEED_PATH = "/api/v1/feed?limit=10"
PING_PATH = "/api/v1/ping"
SLICE = 10.0  # seconds one endpoint is driven before the other takes over
TIMEOUT = 10.0  # seconds a request may take before it counts as an error
EARLY = 0.001  # the client may send this much before a scheduled time
TARGET_RATIO = 3.0
TARGET_REQ_PER_S = 500.0
BASELINE_APP = '''
from fastapi import FastAPI
app = FastAPI()

@app.get("/api/v1/ping")
def ping() -> dict[str, str]:
    return {"status": "ok"}
'''


def seed(data_dir: Path) -> list[str]:
    """Fill a fresh database with the bench's people and videos; returns API token secrets."""
    url = f"sqlite:///{data_dir / 'openreel.db'}"
    upgrade(url)
    engine = make_engine(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(insert(User), [
            {"id": i + 1, "handle": f"user{i}", "email": f"user{i}@example.org",
             "password_hash": "x", "display_name": f"User {i}", "bio": "", "created_at": now}
            for i in range(USERS)])
        # A catalogue made over the last month: each video last changed when published.
        published = [now - timedelta(hours=rng.uniform(0, 24 * 30)) for _ in range(VIDEOS)]
        conn.execute(insert(Video), [
            {"id": i + 1, "owner_id": rng.randint(1, USERS), "status": VideoStatus.PUBLISHED,
             "prompt": f"video {i}", "caption": f"caption {i}", "engine": "procedural",
             "seed": i, "seconds": 10.0, "size": "720x1280", "style": "animated",
             "width": 720, "height": 1280, "fps": 24, "kind": "generate",
             "topics": rng.sample(TOPICS, 2), "video_key": f"videos/b{i}/video.mp4",
             "poster_key": f"videos/b{i}/poster.jpg", "created_at": published[i],
             "published_at": published[i], "changed_at": published[i],
             "view_count": rng.randint(0, 5000), "watch_seconds": rng.uniform(0, 20000),
             "like_count": rng.randint(0, 500), "comment_count": rng.randint(0, 50),
             "remix_count": rng.randint(0, 20)} for i in range(VIDEOS)])
        follows = {(rng.randint(1, USERS), rng.randint(1, USERS)) for _ in range(20_000)}
        conn.execute(insert(Follow), [{"follower_id": a, "followee_id": b, "created_at": now}
                                      for a, b in follows if a != b])
        likes = {(rng.randint(1, USERS), rng.randint(1, VIDEOS)) for _ in range(50_000)}
        conn.execute(insert(Like), [{"user_id": u, "video_id": v, "created_at": now}
                                    for u, v in likes])
        secrets_out = []
        rows = []
        for i in range(TOKENS):
            secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
            secrets_out.append(secret)
            rows.append({"user_id": i + 1, "token_hash": _digest(secret), "name": "bench",
                         "created_at": now})
        conn.execute(insert(ApiToken), rows)
    engine.dispose()
    return secrets_out


@dataclass(frozen=True)
class Target:
    """One endpoint under test: where it listens and what is asked of it."""

    name: str
    port: int
    path: str
    tokens: list[str | None]


@dataclass
class Tally:
    """Latencies (seconds) and errors of one endpoint in one phase, over all its slices."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    scheduled: int = 0
    send_lags: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        """Counts, rate and latency percentiles in milliseconds."""
        values = np.asarray(self.latencies or [np.nan]) * 1000
        out: dict[str, float | int] = {
            "requests": len(self.latencies), "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "req_per_s": round(len(self.latencies) / self.seconds, 1) if self.seconds else 0.0}
        for name, q in (("p50_ms", 50), ("p90_ms", 90), ("p99_ms", 99), ("p99_9_ms", 99.9)):
            out[name] = round(float(np.percentile(values, q)), 2)
        out["max_ms"] = round(float(np.max(values)), 2)
        if self.scheduled:
            out["scheduled"] = self.scheduled
            lags = np.asarray(self.send_lags or [0.0]) * 1000
            out["send_lag_p99_ms"] = round(float(np.percentile(lags, 99)), 2)
        return out


class Connection:
    """One keep-alive HTTP/1.1 connection to 127.0.0.1."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        """Connect to ``port`` on 127.0.0.1."""
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer)

    async def get(self, path: str, token: str | None) -> int:
        """Send one GET and read its whole answer; returns the status."""
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n{auth}\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        """Close the connection."""
        self.writer.close()


async def _one_request(port: int, path: str) -> int:
    connection = await Connection.open(port)
    try:
        return await asyncio.wait_for(connection.get(path, None), TIMEOUT)
    finally:
        connection.close()


async def _closed_loop(target: Target, seconds: float, connections: int, tally: Tally,
                       rng: random.Random) -> None:
    """Keep ``connections`` connections busy for ``seconds``."""
    pool = [await Connection.open(target.port) for _ in range(connections)]
    stop_at = time.perf_counter() + seconds

    async def worker(index: int) -> None:
        while time.perf_counter() < stop_at:
            token = rng.choice(target.tokens)
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(pool[index].get(target.path, token), TIMEOUT)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    TimeoutError, ValueError):
                tally.errors += 1
                pool[index].close()
                pool[index] = await Connection.open(target.port)
                continue
            tally.latencies.append(time.perf_counter() - started)
            if status != 200:
                tally.errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(connections)))
    tally.seconds += time.perf_counter() - began
    for connection in pool:
        connection.close()


async def _open_loop(target: Target, seconds: float, rate: float, connections: int,
                     tally: Tally, rng: random.Random) -> None:
    """Send ``rate`` requests a second on a fixed schedule for ``seconds``."""
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(await Connection.open(target.port))
    count = round(rate * seconds)
    start = time.perf_counter() + 0.01
    pending: set[asyncio.Task[None]] = set()

    async def one(scheduled: float) -> None:
        connection = await idle.get()
        sent = time.perf_counter()
        token = rng.choice(target.tokens)
        try:
            status = await asyncio.wait_for(connection.get(target.path, token), TIMEOUT)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                TimeoutError, ValueError):
            tally.errors += 1
            connection.close()
            # Should it fail, one connection fewer; requests left waiting count as errors.
            with suppress(OSError):
                idle.put_nowait(await Connection.open(target.port))
            return
        done = time.perf_counter()
        idle.put_nowait(connection)
        # From the schedule when sent late; from the send when the client sent early.
        tally.latencies.append(done - min(scheduled, sent))
        tally.send_lags.append(max(0.0, sent - scheduled))
        if status != 200:
            tally.errors += 1

    index = 0
    while index < count:
        now = time.perf_counter()
        while index < count and start + index / rate <= now + EARLY:
            task = asyncio.create_task(one(start + index / rate))
            pending.add(task)
            task.add_done_callback(pending.discard)
            index += 1
        if index < count:
            await asyncio.sleep(max(0.0, start + index / rate - time.perf_counter() - EARLY))
    if pending:
        _, late = await asyncio.wait(pending, timeout=2 * TIMEOUT)
        for task in late:
            task.cancel()
            tally.errors += 1
    tally.seconds += time.perf_counter() - start
    tally.scheduled += count
    while not idle.empty():
        idle.get_nowait().close()


async def _drive(targets: list[Target], seconds: float, rate: float, connections: int,
                 open_connections: int) -> dict[str, dict[str, Tally]]:
    """Warm every target up, then alternate them in slices: open loop, then closed loop."""
    rng = random.Random(11)
    tallies = {t.name: {"open": Tally(), "closed": Tally()} for t in targets}
    for target in targets:
        await _closed_loop(target, min(5.0, seconds), connections, Tally(), rng)
    for phase, total in (("open", seconds), ("closed", seconds / 4)):
        left = total
        while left > 1e-6:
            part = min(SLICE, left)
            for target in targets:
                tally = tallies[target.name][phase]
                if phase == "open":
                    await _open_loop(target, part, rate, open_connections, tally, rng)
                else:
                    await _closed_loop(target, part, connections, tally, rng)
            left -= part
    return tallies


@contextmanager
def serve(command: list[str], env: dict[str, str], port: int,
          path: str) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server ``command`` until the block ends, once ``path`` on ``port`` answers 200;
    then end it and its whole process group."""
    # In a process group of its own, so its worker processes can be ended with it.
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if asyncio.run(_one_request(port, path)) == 200:
                    break
            except (OSError, TimeoutError, asyncio.IncompleteReadError):
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"server did not start: {command}")
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # any worker left behind


def run(seconds: float = 120.0, rate: float = TARGET_REQ_PER_S, connections: int = 32,
        open_connections: int = 64, processes: int = 2) -> dict[str, object]:
    """Seed, serve both apps, drive them; return the figures."""
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        tokens = seed(data)
        (data / "baseline_app.py").write_text(BASELINE_APP)
        env = {**os.environ, "OPENREEL_DATA_DIR": str(data), "OPENREEL_WORKERS": "0",
               "OPENREEL_RATE_LIMIT_PER_MINUTE": "100000000"}
        uvicorn = [sys.executable, "-m", "uvicorn", "--host", HOST,
                   "--workers", str(processes), "--log-level", "warning", "--no-access-log"]
        feed = Target("feed", 18731, FEED_PATH, [*tokens, None])
        baseline = Target("baseline", 18732, PING_PATH, [None])
        with serve([*uvicorn, "--port", str(feed.port), "--factory",
                     "openreel.app:create_app"], env, feed.port, FEED_PATH), \
             serve([*uvicorn, "--port", str(baseline.port), "baseline_app:app"],
                    {**env, "PYTHONPATH": str(data)}, baseline.port, PING_PATH):
            tallies = asyncio.run(_drive([feed, baseline], seconds, rate, connections,
                                         open_connections))
    load_after = os.getloadavg()
    summary = {name: {phase: t.summary() for phase, t in phases.items()}
               for name, phases in tallies.items()}
    feed_p99 = float(summary["feed"]["open"]["p99_ms"])
    base_p99 = float(summary["baseline"]["open"]["p99_ms"])
    ratio = feed_p99 / base_p99 if base_p99 else float("inf")
    feed_rps = float(summary["feed"]["closed"]["req_per_s"])
    errors = sum(int(s["errors"]) for phases in summary.values() for s in phases.values())
    checks = {"p99_ratio": ratio <= TARGET_RATIO, "feed_req_per_s": feed_rps >= TARGET_REQ_PER_S,
              "no_errors": errors == 0}
    return {
        "users": USERS, "videos": VIDEOS, "server_processes": processes,
        "cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "method": {
            "open_loop": f"{rate:g} requests/s on a fixed schedule for {seconds:g} s per "
                         f"endpoint, at most {open_connections} connections, latency from "
                         "the scheduled send time",
            "closed_loop": f"{connections} connections back to back for {seconds / 4:g} s "
                           "per endpoint",
            "slices": f"endpoints alternate every {SLICE:g} s; each warmed up first",
        },
        "open_loop": {"rate_per_s": rate, "feed": summary["feed"]["open"],
                      "baseline": summary["baseline"]["open"], "p99_ratio": round(ratio, 2)},
        "closed_loop": {"connections": connections, "feed": summary["feed"]["closed"],
                        "baseline": summary["baseline"]["closed"]},
        "p99_ratio": round(ratio, 2), "feed_req_per_s": feed_rps, "errors": errors,
        "targets": {"p99_ratio_max": TARGET_RATIO, "feed_req_per_s_min": TARGET_REQ_PER_S,
                    "errors": 0},
        "checks": checks, "meets_targets": all(checks.values()),
    }


def main() -> None:
    """Command line: run and write bench/results/feed_load.json."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=120.0,
                        help="open-loop seconds per endpoint (closed loop: a quarter)")
    parser.add_argument("--rate", type=float, default=TARGET_REQ_PER_S,
                        help="open-loop requests per second")
    parser.add_argument("--connections", type=int, default=32,
                        help="closed-loop connections")
    parser.add_argument("--open-connections", type=int, default=64,
                        help="most connections the open loop may use at once")
    parser.add_argument("--processes", type=int, default=2, help="uvicorn worker processes")
    args = parser.parse_args()
    if not (0 < args.seconds <= 3600 and 0 < args.rate <= 20_000
            and 1 <= args.connections <= 256 and 1 <= args.open_connections <= 256):
        parser.error("keep the load bounded: seconds ≤ 3600, rate ≤ 20000, ≤ 256 connections")
    result = run(args.seconds, args.rate, args.connections, args.open_connections,
                 args.processes)
    out = Path(__file__).resolve().parent / "results" / "feed_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": "feed_load", "when": time.strftime("%Y-%m-%dT%H:%M:%S"), **result}
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
