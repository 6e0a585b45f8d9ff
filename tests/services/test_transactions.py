"""A service that writes commits what it did, rolls back what it did not finish, and
joins a unit of work already open on its session instead of committing part of it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.migrate import upgrade
from openreel.db.models import Follow, User
from openreel.db.session import make_engine, make_sessionmaker, session_scope
from openreel.services import accounts, engagement
from openreel.services.errors import InvalidInput
from openreel.services.transactions import unit_of_work


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """Sessions on a freshly migrated database file, with two people in it."""
    url = f"sqlite:///{tmp_path / 'units.db'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as session:
        session.add_all([User(handle=h, email=f"{h}@example.org", password_hash="x",
                              display_name=h) for h in ("ada", "ben")])
    yield factory
    engine.dispose()


def _people(session: Session) -> tuple[User, User]:
    users = {u.handle: u for u in session.scalars(select(User))}
    return users["ada"], users["ben"]


def _follows(sessions: sessionmaker[Session]) -> int:
    with sessions() as other:  # another connection sees only what was committed
        return other.scalar(select(func.count()).select_from(Follow)) or 0


def test_a_service_commits_its_writes_itself(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        ada, ben = _people(session)
        engagement.follow(session, ada, ben)
        assert not session.in_transaction()
        assert _follows(sessions) == 1
        assert ben.handle == "ben"  # rows stay readable after the commit


def test_a_service_that_fails_keeps_nothing_it_began(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        ada, _ = _people(session)
        with pytest.raises(InvalidInput):  # the name is set, then the bio is refused
            accounts.update_profile(session, ada, display_name="Ada L.", bio="x" * 501)
        assert not session.in_transaction()
    with sessions() as other:
        assert other.scalar(select(User.display_name).where(User.handle == "ada")) == "ada"


@contextmanager
def _unit_on_a_new_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session, unit_of_work(session):
        yield session


@pytest.mark.parametrize("opened", [_unit_on_a_new_session, session_scope])
def test_services_inside_an_open_unit_join_it_and_its_owner_commits(
        sessions: sessionmaker[Session],
        opened: Callable[[sessionmaker[Session]], AbstractContextManager[Session]]) -> None:
    with pytest.raises(RuntimeError, match="changed my mind"), opened(sessions) as session:
        ada, ben = _people(session)
        engagement.follow(session, ada, ben)
        engagement.follow(session, ben, ada)
        assert _follows(sessions) == 0  # nothing committed half-way
        raise RuntimeError("changed my mind")
    assert _follows(sessions) == 0
    with opened(sessions) as session:
        ada, ben = _people(session)
        engagement.follow(session, ada, ben)
        engagement.follow(session, ben, ada)
    assert _follows(sessions) == 2


def test_a_unit_that_must_end_committed_is_not_joined_into_another(
        sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        with pytest.raises(RuntimeError, match="on its own"), \
                unit_of_work(session, outermost=True):
            pass
        with unit_of_work(session):  # one that may join does
            ada, ben = _people(session)
            engagement.follow(session, ada, ben)
    assert _follows(sessions) == 1
