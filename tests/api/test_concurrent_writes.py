"""Overlapping writes wait their turn: no "database is locked", counters exact; a write that
cannot get the lock in time is a 503 with Retry-After that leaves nothing behind."""

from __future__ import annotations

import io
import sqlite3
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, insert, select

from openreel.app import create_app
from openreel.config import Settings
from openreel.db import session as db_session
from openreel.db.models import ApiToken, Job, User, Video, VideoStatus
from openreel.services.accounts import TOKEN_PREFIX, _digest

PEOPLE = 24


def _seed(platform_app: PlatformApp, people: int) -> list[dict[str, str]]:
    """An owner (id 1) with a published video (id 1), and ``people`` with API tokens."""
    now = datetime.now(UTC)
    with platform_app.platform.engine.begin() as conn:
        conn.execute(insert(User), [
            {"id": i + 1, "handle": f"person{i}", "email": f"person{i}@example.org",
             "password_hash": "x", "display_name": f"Person {i}", "bio": "", "created_at": now}
            for i in range(people + 1)])
        conn.execute(insert(Video), [{
            "id": 1, "owner_id": 1, "status": VideoStatus.PUBLISHED, "prompt": "a dog",
            "caption": "a dog", "engine": "procedural", "seed": 1, "seconds": 10.0,
            "size": "720x1280", "style": "animated", "width": 720, "height": 1280, "fps": 24,
            "kind": "generate", "topics": ["pets"], "video_key": "videos/x/video.mp4",
            "poster_key": "videos/x/poster.jpg", "created_at": now, "published_at": now,
            "changed_at": now}])
        secrets = [f"{TOKEN_PREFIX}test-token-{i:04d}-with-enough-length" for i in range(people)]
        conn.execute(insert(ApiToken), [
            {"user_id": i + 2, "token_hash": _digest(s), "name": "t", "created_at": now}
            for i, s in enumerate(secrets)])
    return [{"Authorization": f"Bearer {s}"} for s in secrets]


def test_many_people_writing_to_one_video_at_once_all_succeed_and_counts_are_exact(
        platform_app: PlatformApp) -> None:
    auths = _seed(platform_app, PEOPLE)
    client = platform_app.client

    def write(auth: dict[str, str]) -> list[int]:
        return [client.post("/api/v1/videos/1/like", headers=auth).status_code,
                client.post("/api/v1/videos/1/comments", headers=auth,
                            json={"body": "so good"}).status_code,
                client.post("/api/v1/videos/1/views", headers=auth,
                            json={"watched_seconds": 2.0}).status_code,
                client.post("/api/v1/users/person0/follow", headers=auth).status_code]

    with ThreadPoolExecutor(PEOPLE) as pool:
        statuses = Counter(s for answers in pool.map(write, auths) for s in answers)
    assert statuses == {200: 3 * PEOPLE, 201: PEOPLE}
    video = client.get("/api/v1/videos/1").json()
    assert (video["likes"], video["comments"], video["views"]) == (
        PEOPLE, PEOPLE, PEOPLE)
    assert client.get("/api/v1/users/person0").json()["followers"] == PEOPLE


@pytest.fixture
def impatient_app(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlatformApp]:
    """The app with a short wait for the write lock, so a held lock is felt at once."""
    monkeypatch.setattr(db_session, "SQLITE_BUSY_TIMEOUT_MS", 150)
    app = create_app(settings)
    with TestClient(app) as client:
        yield PlatformApp(app, client)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_write_that_cannot_get_the_lock_is_503_with_retry_after_and_leaves_nothing(
        impatient_app: PlatformApp, settings: Settings) -> None:
    auth = _seed(impatient_app, 1)[0]
    client = impatient_app.client
    database = settings.data_dir / "openreel.db"
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # someone else is writing, for a long time
    try:
        liked = client.post("/api/v1/videos/1/like", headers=auth)
        made = client.post("/api/v1/generations", headers=auth, data={"prompt": "a red ball"},
                           files={"image": ("first.png", _png(), "image/png")})
        page = client.get("/api/v1/videos/1")  # reading never waits for a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for answer in (liked, made):
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "2"
        assert "try again" in answer.json()["detail"]
    assert page.status_code == 200 and page.json()["likes"] == 0
    # nothing was saved: no job, no like, and no first-frame picture left in the store
    with impatient_app.platform.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0
    uploads = Path(impatient_app.platform.settings.resolved_blob_dir()) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())
    # once the lock is free the same requests go through
    assert client.post("/api/v1/videos/1/like", headers=auth).json()["likes"] == 1
    assert client.post("/api/v1/generations", headers=auth, data={"prompt": "a red ball"},
                       files={"image": ("first.png", _png(), "image/png")}).status_code == 202
    assert len(list(uploads.iterdir())) == 1
