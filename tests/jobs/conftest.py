"""A freshly migrated SQLite file per test (copied from one migrated once per session)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.migrate import upgrade
from openreel.db.session import make_engine, make_sessionmaker


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to the newest schema, to be copied by each test."""
    path = tmp_path_factory.mktemp("jobs-template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(migrated_template: Path, tmp_path: Path) -> str:
    """The URL of this test's own migrated database file."""
    target = tmp_path / "openreel.db"
    # The backup API copies a consistent database even if a WAL file is left over.
    with sqlite3.connect(migrated_template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return f"sqlite:///{target}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the test's database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory on the test's database."""
    return make_sessionmaker(engine)
