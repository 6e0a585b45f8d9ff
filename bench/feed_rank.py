"""Feed latency: For you, its later pages, signed-out and Following, on 10,000 videos.

Seeds 1,000 users and 10,000 published videos (with follows, likes, views, topic weights,
hidden topics and "show me less" rows) into a temporary SQLite file, then times feed
calls in process for random viewers, one session per call as a request would use.
Writes bench/results/feed_rank.json.
"""

from __future__ import annotations

import json
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.migrate import upgrade
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
from openreel.db.session import make_engine, make_sessionmaker
from openreel.services.feed_index import FeedIndex, following, for_you
from openreel.social.topics import TOPICS

USERS = 1_000
VIDEOS = 10_000
CALLS = 3_000
LIMIT = 10
RESULTS = Path(__file__).resolve().parent / "results"


def seed(factory: sessionmaker[Session], rng: random.Random, now: datetime) -> dict[str, int]:
    """Bulk-insert users, videos and the social rows the feed reads; returns row counts."""
    users = [{"id": u, "handle": f"user{u}", "email": f"user{u}@example.org",
              "password_hash": "x", "display_name": f"User {u}", "bio": "",
              "birth_year": rng.choice([None, 1980, 1995, 2010]), "created_at": now}
             for u in range(1, USERS + 1)]
    videos = []
    for v in range(1, VIDEOS + 1):
        views = rng.randint(0, 2_000)
        seconds = rng.choice([10.0, 15.0, 20.0])
        videos.append({
            "id": v, "owner_id": rng.randint(1, USERS), "status": VideoStatus.PUBLISHED,
            "prompt": "a clip", "caption": "", "engine": "procedural", "seed": v,
            "seconds": seconds, "size": "720x1280", "style": "animated",
            "topics": rng.sample(TOPICS, rng.randint(1, 4)),
            "created_at": now, "published_at": now - timedelta(hours=rng.uniform(0, 24 * 60)),
            "view_count": views, "watch_seconds": views * seconds * rng.uniform(0.2, 1.0),
            "like_count": int(views * rng.uniform(0, 0.2)),
            "comment_count": int(views * rng.uniform(0, 0.03)),
            "remix_count": int(views * rng.uniform(0, 0.01)),
        })
    follows, views_rows, prefs, hidden, not_interested = [], [], [], [], []
    for u in range(1, USERS + 1):
        for f in rng.sample(range(1, USERS + 1), 30):
            if f != u:
                follows.append({"follower_id": u, "followee_id": f, "created_at": now})
        for v in rng.sample(range(1, VIDEOS + 1), 60):
            views_rows.append({"user_id": u, "video_id": v, "views": rng.randint(1, 4),
                               "watch_seconds": 10.0, "updated_at": now})
        for topic in rng.sample(TOPICS, 4):
            prefs.append({"user_id": u, "topic": topic, "weight": rng.uniform(-1, 1),
                          "updated_at": now})
        hidden.append({"user_id": u, "topic": rng.choice(TOPICS), "created_at": now})
        for v in rng.sample(range(1, VIDEOS + 1), 5):
            not_interested.append({"user_id": u, "video_id": v, "created_at": now})
    with factory() as session, session.begin():
        for model, rows in ((User, users), (Video, videos), (Follow, follows),
                            (VideoView, views_rows), (FeedPreference, prefs),
                            (HiddenTopic, hidden), (NotInterested, not_interested)):
            session.execute(insert(model), rows)
    return {"users": len(users), "videos": len(videos), "follows": len(follows),
            "video_views": len(views_rows), "feed_preferences": len(prefs),
            "hidden_topics": len(hidden), "not_interested": len(not_interested)}


def _timed(calls: int, call: Callable[[int], object]) -> dict[str, float]:
    """Run ``call(i)`` ``calls`` times; per-call latency percentiles and calls per second."""
    latencies = np.empty(calls)
    started = time.perf_counter()
    for i in range(calls):
        t = time.perf_counter()
        call(i)
        latencies[i] = time.perf_counter() - t
    total = time.perf_counter() - started
    ms = latencies * 1000
    return {"calls": calls, "calls_per_second": round(calls / total, 1),
            "p50_ms": round(float(np.percentile(ms, 50)), 3),
            "p90_ms": round(float(np.percentile(ms, 90)), 3),
            "p99_ms": round(float(np.percentile(ms, 99)), 3),
            "max_ms": round(float(ms.max()), 3)}


def run() -> dict[str, object]:
    """Seed a database and time the feeds on it."""
    rng = random.Random(7)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'feed.db'}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_sessionmaker(engine)
        t = time.perf_counter()
        counts = seed(factory, rng, now)
        seed_s = time.perf_counter() - t
        index = FeedIndex()
        with factory() as session:
            t = time.perf_counter()
            index.table(session)
            load_ms = (time.perf_counter() - t) * 1000
        viewers = [rng.randint(1, USERS) for _ in range(CALLS)]
        cursors: list[str | None] = []

        def first_page(i: int) -> None:
            with factory() as session:
                page = for_you(session, viewers[i], limit=LIMIT, index=index)
                cursors.append(page.next_cursor)

        def next_page(i: int) -> None:
            with factory() as session:
                for_you(session, viewers[i], limit=LIMIT, cursor=cursors[i], index=index)

        def fresh_index_next_page(i: int) -> None:
            with factory() as session:
                for_you(session, viewers[i], limit=LIMIT, cursor=cursors[i], index=other)

        def signed_out(i: int) -> None:
            with factory() as session:
                for_you(session, None, limit=LIMIT, index=index)

        def followed(i: int) -> None:
            with factory() as session:
                following(session, viewers[i], limit=LIMIT, index=index)

        first_page(0)  # warm the statement caches
        cursors.clear()
        results = {"for_you_first_page": _timed(CALLS, first_page),
                   "for_you_next_page": _timed(CALLS, next_page)}
        other = FeedIndex()  # a process that never saw the first pages
        with factory() as session:
            other.table(session)
        results["for_you_next_page_other_process"] = _timed(CALLS // 3, fresh_index_next_page)
        results["for_you_signed_out"] = _timed(CALLS, signed_out)
        results["following"] = _timed(CALLS, followed)
        engine.dispose()
    return {"benchmark": "feed_rank", "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "machine": {"python": platform.python_version(), "numpy": np.__version__,
                        "cpus": len(os.sched_getaffinity(0)),
                        # Other work on the machine shows in the tails; this says how much.
                        "load_average_1min_after": round(os.getloadavg()[0], 2)},
            "rows": counts, "seed_seconds": round(seed_s, 2),
            "index_load_ms": round(load_ms, 1), "page_size": LIMIT,
            "index_reloads": index.loads, "results": results}


def main() -> None:
    """Run the benchmark and write its JSON."""
    result = run()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "feed_rank.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
