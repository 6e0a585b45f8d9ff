"""Fills a test database with people and videos for the feed tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from openreel.db.models import User, Video, VideoStatus

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


class World:
    """Adds users and videos through one session and commits after each change."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._videos = 0

    def user(self, handle: str, birth_year: int | None = None) -> User:
        """A committed user."""
        user = User(handle=handle, email=f"{handle}@example.org", password_hash="x",
                    birth_year=birth_year)
        self.session.add(user)
        self.session.commit()
        return user

    def video(self, owner: User, *, hours_ago: float = 5.0, topics: Sequence[str] = ("nature",),
              likes: int = 0, comments: int = 0, remixes: int = 0, views: int = 0,
              watch_seconds: float = 0.0, seconds: float = 10.0,
              status: VideoStatus = VideoStatus.PUBLISHED) -> Video:
        """A committed video by ``owner`` published ``hours_ago`` before NOW."""
        self._videos += 1
        when = NOW - timedelta(hours=hours_ago)
        video = Video(owner_id=owner.id, status=status, prompt=f"clip {self._videos}",
                      engine="procedural", seed=self._videos, seconds=seconds, size="720x1280",
                      topics=list(topics), created_at=when,
                      published_at=when if status is VideoStatus.PUBLISHED else None,
                      like_count=likes, comment_count=comments, remix_count=remixes,
                      view_count=views, watch_seconds=watch_seconds)
        self.session.add(video)
        self.session.commit()
        return video

    def add(self, *rows: object) -> None:
        """Add and commit any rows."""
        self.session.add_all(rows)
        self.session.commit()
