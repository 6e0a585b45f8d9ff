"""Rows and handlers shared by the job queue tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Job, User, Video
from openreel.db.session import session_scope
from openreel.jobs import enqueue

T0 = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    """A moment ``seconds`` after the tests' fixed start time."""
    return T0 + timedelta(seconds=seconds)


def add_user(session: Session, handle: str = "ada") -> User:
    """Insert a user and return it with its id."""
    user = User(handle=handle, email=f"{handle}@example.org", password_hash="x")
    session.add(user)
    session.flush()
    return user


def queue_jobs(
    factory: sessionmaker[Session], count: int, *, kind: str = "render", **options: Any
) -> list[int]:
    """Commit ``count`` jobs owned by a new user; their ids in order."""
    with session_scope(factory) as session:
        owner = session.scalar(select(User).where(User.handle == "ada")) or add_user(session)
        jobs = [
            enqueue(session, kind, {"n": n}, user_id=owner.id, **options) for n in range(count)
        ]
        return [job.id for job in jobs]


def add_video_for(session: Session, job: Job) -> int:
    """The result row a render job would leave: a draft video owned by the job's user."""
    assert job.user_id is not None
    video = Video(owner_id=job.user_id, prompt=f"job {job.id}", engine="procedural", seed=job.id,
                  seconds=1.0, size="64x64")
    session.add(video)
    session.flush()
    return video.id


def load_job(factory: sessionmaker[Session], job_id: int) -> Job:
    """A job row as it is in the database now."""
    with session_scope(factory) as session:
        return session.get_one(Job, job_id)


def video_count(factory: sessionmaker[Session]) -> int:
    """How many videos exist."""
    with session_scope(factory) as session:
        return session.scalar(select(func.count()).select_from(Video)) or 0


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    """Poll ``condition`` until it is true; fail the test after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)
