"""Feed under load: 1,000 users and 10,000 published videos, driven over HTTP on 127.0.0.1.

The same run measures a bare FastAPI endpoint served the same way as the baseline, so the
figures compare as ratios on one machine: feed p99 / baseline p99 (target ≤ 3) and feed
requests per second (target ≥ 500 on 2 cores), with zero errors.

The load client is a small asyncio HTTP/1.1 keep-alive client (a general-purpose client
library would spend more CPU than the server under test on a 2-core machine); it keeps a
fixed number of connections busy for a fixed time and records every latency.

    python -m bench.feed_load [--seconds 120] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
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
        conn.execute(insert(Video), [
            {"id": i + 1, "owner_id": rng.randint(1, USERS), "status": VideoStatus.PUBLISHED,
             "prompt": f"video {i}", "caption": f"caption {i}", "engine": "procedural",
             "seed": i, "seconds": 10.0, "size": "720x1280", "style": "animated",
             "width": 720, "height": 1280, "fps": 24, "kind": "generate",
             "topics": rng.sample(TOPICS, 2), "video_key": f"videos/b{i}/video.mp4",
             "poster_key": f"videos/b{i}/poster.jpg", "created_at": now,
             "published_at": now - timedelta(hours=rng.uniform(0, 24 * 30)),
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


def _serve(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            asyncio.run(_one_request(port, "/api/v1/feed?limit=1" if "openreel" in
                                     " ".join(command) else "/api/v1/ping", None))
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not start: {command}")


async def _one_request(port: int, path: str, token: str | None) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return await _request(reader, writer, path, token)
    finally:
        writer.close()


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str,
                   token: str | None) -> int:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _load(port: int, paths: list[str], tokens: list[str | None], seconds: float,
                connections: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds
    rng = random.Random(11)

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.perf_counter() < stop_at:
            path = rng.choice(paths)
            token = rng.choice(tokens)
            started = time.perf_counter()
            try:
                status = await _request(reader, writer, path, token)
            except (OSError, asyncio.IncompleteReadError):
                errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors += 1
        writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - began
    values = np.asarray(latencies) * 1000
    return {"requests": len(latencies), "errors": errors, "seconds": round(elapsed, 2),
            "req_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(float(np.percentile(values, 50)), 2),
            "p99_ms": round(float(np.percentile(values, 99)), 2)}


def run(seconds: float = 120.0, connections: int = 32, processes: int = 2) -> dict[str, object]:
    """Seed, serve, load the feed and the baseline in turn; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        tokens = seed(data)
        env = {**os.environ, "OPENREEL_DATA_DIR": str(data), "OPENREEL_WORKERS": "0",
               "OPENREEL_RATE_LIMIT_PER_MINUTE": "100000000"}
        uvicorn = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1",
                   "--workers", str(processes), "--log-level", "warning", "--no-access-log"]
        feed_port, base_port = 18731, 18732
        server = _serve([*uvicorn, "--port", str(feed_port), "--factory",
                         "openreel.app:create_app"], env, feed_port)
        try:
            paths = ["/api/v1/feed?limit=10"]
            viewers: list[str | None] = [*tokens, None]
            asyncio.run(_load(feed_port, paths, viewers, min(5.0, seconds), connections))
            feed = asyncio.run(_load(feed_port, paths, viewers, seconds, connections))
        finally:
            server.terminate()
            server.wait(timeout=20)
        (data / "baseline_app.py").write_text(BASELINE_APP)
        base_env = {**env, "PYTHONPATH": str(data)}
        baseline_server = _serve([*uvicorn, "--port", str(base_port), "baseline_app:app"],
                                 base_env, base_port)
        try:
            asyncio.run(_load(base_port, ["/api/v1/ping"], [None], min(5.0, seconds),
                              connections))
            baseline = asyncio.run(_load(base_port, ["/api/v1/ping"], [None], seconds,
                                         connections))
        finally:
            baseline_server.terminate()
            baseline_server.wait(timeout=20)
    ratio = feed["p99_ms"] / baseline["p99_ms"] if baseline["p99_ms"] else float("inf")
    return {"users": USERS, "videos": VIDEOS, "connections": connections,
            "server_processes": processes, "feed": feed, "baseline": baseline,
            "p99_ratio": round(ratio, 2),
            "targets": {"p99_ratio_max": 3.0, "feed_req_per_s_min": 500, "errors": 0},
            "meets_targets": ratio <= 3.0 and feed["req_per_s"] >= 500
            and feed["errors"] == 0 and baseline["errors"] == 0}


def main() -> None:
    """Command line: run and write bench/results/feed_load.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    result = run(args.seconds, args.connections, args.processes)
    out = Path(__file__).resolve().parent / "results" / "feed_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"benchmark": "feed_load", **result}, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
