"""API tokens' last uses are written on one thread, many in a statement, each once."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import event, select

from openreel.db.migrate import upgrade
from openreel.db.models import ApiToken, User
from openreel.db.session import make_engine, make_sessionmaker, session_scope, writing_engine
from openreel.services.token_uses import TokenUses


def test_uses_asked_for_while_a_write_runs_go_in_one_statement(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    with session_scope(sessions) as session:
        user = User(handle="ada", email="ada@example.org", password_hash="x")
        session.add(user)
        session.flush()
        tokens = [ApiToken(user_id=user.id, name=f"t{i}", token_hash=f"{i:064d}")
                  for i in range(50)]
        session.add_all(tokens)
        session.flush()
        ids = [t.id for t in tokens]
    updates: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            updates.append(statement)

    uses = TokenUses(make_sessionmaker(writing_engine(engine)))
    gate = threading.Event()
    uses._writer.submit(gate.wait)  # the writer is busy: what follows waits for it
    for _ in range(3):  # every request of a token reads it as due until it is written
        for token_id in ids:
            uses.record(token_id)
    gate.set()
    uses.close()
    assert len(updates) == 1, updates
    with session_scope(sessions) as session:
        used = session.scalars(select(ApiToken.last_used_at)).all()
    assert len(used) == 50 and all(when is not None for when in used)
    engine.dispose()
