"""Prepared statements give back what SQLAlchemy's own execution gives."""

from __future__ import annotations

from datetime import UTC, datetime

from db_rows import add_user
from sqlalchemy import Integer, bindparam, literal, select, union_all
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.driver import Prepared
from openreel.db.models import User


def test_rows_match_a_core_execution(sessions: sessionmaker[Session]) -> None:
    session = sessions()
    ada = add_user(session, "ada")
    add_user(session, "ben")
    session.commit()
    statement = select(User.id, User.handle, User.created_at, literal(7, Integer)).where(
        User.id >= bindparam("low"), User.handle != bindparam("skip")).order_by(User.id)
    params = {"low": 1, "skip": "nobody"}
    expected = [tuple(r) for r in session.execute(statement, params)]
    got = Prepared(statement).rows(session.connection(), params)
    assert got == expected and len(got) == 2
    assert got[0][0] == ada.id and got[0][3] == 7
    created = got[0][2]
    assert isinstance(created, datetime) and created.tzinfo is UTC


def test_a_parameter_used_twice_and_a_union(sessions: sessionmaker[Session]) -> None:
    session = sessions()
    ada = add_user(session, "ada")
    session.commit()
    who = bindparam("who", type_=Integer)
    statement = union_all(select(literal(1, Integer), User.handle).where(User.id == who),
                          select(literal(2, Integer), User.email).where(User.id == who))
    rows = Prepared(statement).rows(session.connection(), {"who": ada.id})
    assert sorted(rows) == [(1, "ada"), (2, ada.email)]
    assert Prepared(statement).rows(session.connection(), {"who": ada.id + 100}) == []
