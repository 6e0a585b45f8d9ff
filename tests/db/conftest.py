"""A freshly migrated SQLite file per test, and a session factory over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.migrate import upgrade
from openreel.db.session import make_engine, make_sessionmaker


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The URL of a migrated database file."""
    url = f"sqlite:///{tmp_path / 'openreel.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the migrated database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory on the migrated database."""
    return make_sessionmaker(engine)
