"""Small row builders shared by the database tests."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from openreel.db.models import User, Video, VideoStatus


def add_user(session: Session, handle: str) -> User:
    """Insert a user and return it with its id."""
    user = User(handle=handle, email=f"{handle}@example.org", password_hash="x")
    session.add(user)
    session.flush()
    return user


def add_video(session: Session, owner: User, *, published: bool = False) -> Video:
    """Insert a video owned by ``owner`` and return it with its id."""
    video = Video(
        owner_id=owner.id,
        prompt="a red ball bounces on a wooden floor",
        engine="procedural",
        seed=7,
        seconds=4.0,
        size="720x1280",
        status=VideoStatus.PUBLISHED if published else VideoStatus.DRAFT,
        published_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC) if published else None,
    )
    session.add(video)
    session.flush()
    return video
