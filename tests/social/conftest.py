"""A migrated SQLite file per test and a helper to put people and videos in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_world import World
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.migrate import upgrade
from openreel.db.session import make_engine, make_sessionmaker
from openreel.services.feed import FeedReader


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A session factory on a freshly migrated database file."""
    url = f"sqlite:///{tmp_path / 'feed.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One open session on the test database."""
    with sessions() as session:
        yield session


@pytest.fixture
def world(session: Session) -> World:
    """The helper that fills the test database."""
    return World(session)


@pytest.fixture
def reader() -> Iterator[FeedReader]:
    """The feeds' read path as a platform builds it; closed when the test ends."""
    reader = FeedReader()
    yield reader
    reader.close()
