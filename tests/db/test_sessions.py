"""Engines set SQLite up for concurrent use; scopes commit or leave nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from db_rows import add_user
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Job, User
from openreel.db.session import session_scope


def test_sqlite_runs_in_wal_mode_with_foreign_keys(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_scope_commits_when_the_block_ends(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_user(session, "ada")
    with session_scope(sessions) as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_scope_rolls_back_on_error_leaving_no_rows(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), session_scope(sessions) as session:
        add_user(session, "ada")
        add_user(session, "grace")
        raise RuntimeError("boom")
    with session_scope(sessions) as session:
        assert session.scalar(select(func.count()).select_from(User)) == 0


def test_savepoints_roll_back_only_their_part(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_user(session, "ada")
        with pytest.raises(RuntimeError), session.begin_nested():
            add_user(session, "grace")
            raise RuntimeError("undo grace only")
    with session_scope(sessions) as session:
        assert session.scalars(select(User.handle)).all() == ["ada"]


def test_reads_inside_a_scope_see_one_snapshot(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    with session_scope(sessions) as session:
        add_user(session, "ada")
    with session_scope(sessions) as reader:
        before = reader.scalar(select(func.count()).select_from(User))
        with session_scope(sessions) as writer:
            add_user(writer, "grace")
        assert reader.scalar(select(func.count()).select_from(User)) == before


def test_timestamps_come_back_aware_in_utc(sessions: sessionmaker[Session]) -> None:
    paris = timezone(timedelta(hours=1))
    lease = datetime(2025, 3, 1, 13, 0, tzinfo=paris)
    with session_scope(sessions) as session:
        job = Job(kind="render", lease_until=lease)
        session.add(job)
    with session_scope(sessions) as session:
        stored = session.get_one(Job, job.id)
        assert stored.lease_until == datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        assert stored.lease_until is not None and stored.lease_until.tzinfo is UTC
        assert stored.created_at.tzinfo is UTC
        assert stored.payload == {}


def test_naive_timestamps_are_refused(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(StatementError, match="naive datetime"), session_scope(sessions) as s:
        s.add(Job(kind="render", not_before=datetime(2025, 3, 1, 12, 0)))
        s.flush()
