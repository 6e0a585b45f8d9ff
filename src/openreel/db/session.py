"""Engines and sessions: how code gets a transaction on the configured database."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

K = TypeVar("K")
T = TypeVar("T")
SQLITE_BUSY_TIMEOUT_MS = 5_000
SQLITE_POOL_SIZE = 16  # connections kept open per engine for a SQLite file
# Execution option of engines whose transactions take SQLite's write lock as they begin.
BEGIN_OPTION = "openreel_begin"


def make_engine(url: str, *, enforce_foreign_keys: bool = True, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout.

    ``enforce_foreign_keys=False`` is for migrations only: SQLite rebuilds a table by
    dropping it, and with foreign keys on, that drop would cascade into other tables.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, echo=echo)
    database = parsed.database or ""
    if database not in ("", ":memory:") and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        # A file connection is cheap and reads never wait for writers (WAL), so the pool
        # never makes anyone wait either: past the kept connections, more are opened.
        # The API reads inline on the event loop (see openreel.api.deps), where waiting
        # for a connection that only the loop itself could give back would deadlock.
        engine = create_engine(parsed, echo=echo, pool_size=SQLITE_POOL_SIZE,
                               max_overflow=-1)
    else:
        engine = create_engine(parsed, echo=echo)
    _configure_sqlite(engine, enforce_foreign_keys=enforce_foreign_keys)
    return engine


def _configure_sqlite(engine: Engine, *, enforce_foreign_keys: bool) -> None:
    """Set per-connection pragmas and let SQLAlchemy, not the driver, emit BEGIN.

    The sqlite3 driver otherwise delays BEGIN until the first write, so reads before it
    run outside the transaction and SAVEPOINTs misbehave.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable across application crashes in WAL mode and much faster.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if enforce_foreign_keys else 'OFF'}")
            # Deleted rows are overwritten, not left in free pages: what a person erases (a
            # cameo's face and voice) is gone from the file (see erase_wal for the log).
            cursor.execute("PRAGMA secure_delete=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # On the driver's connection itself: every request begins a transaction, and
        # exec_driver_sql would cost more than BEGIN does (see openreel.db.driver).
        driver = connection.connection.driver_connection
        assert driver is not None, "a connection that began has its driver connection"
        immediate = connection.get_execution_options().get(BEGIN_OPTION) == "immediate"
        statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
        try:
            driver.execute(statement)
        except sqlite3.OperationalError as exc:  # raised as SQLAlchemy raises the rest
            raise OperationalError(statement, None, exc) from exc


def writing_engine(engine: Engine) -> Engine:
    """``engine`` for transactions that write: on SQLite they take the write lock as they
    begin (BEGIN IMMEDIATE), waiting their turn for up to the busy timeout.

    A transaction that begins as a reader (plain BEGIN) and writes later cannot wait: if
    another writer committed since it began reading, SQLite refuses its first write at
    once ("database is locked"), busy timeout or not, because what it read is stale.
    Other databases lock rows as they are written, so they get ``engine`` itself.
    """
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{BEGIN_OPTION: "immediate"})


def base_engine(engine: Engine) -> Engine:
    """The engine an engine with execution options (the writing one) was made from."""
    base: Engine = getattr(engine, "_proxied", engine)  # SQLAlchemy's OptionEngine
    return base


def end_reads(session: Session) -> None:
    """End the session's transaction, which has only read so far, so that nothing is held
    during slow work that follows (hashing a password, directing a prompt): the next
    statement begins a new transaction. Loaded rows stay usable (no expiry on commit)."""
    assert not (session.new or session.dirty or session.deleted), "only for reads"
    session.info[_READS_ENDED] = True
    session.commit()


_READS_ENDED = "openreel_reads_ended"


def reads_after_commit(session: Session, engine: Engine) -> None:
    """Once ``session`` (one that writes) has committed its writes, what it does next
    (presenting the rows it wrote) reads on ``engine``, taking no write lock."""

    @event.listens_for(session, "after_commit")
    def _after_commit(committed: Session) -> None:
        if committed.in_nested_transaction():
            return  # a savepoint released: the transaction that writes goes on
        if not committed.info.pop(_READS_ENDED, False):
            committed.bind = engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory bound to ``engine``; rows stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


# In a session's ``info`` while a block owns its transaction and commits it when it ends
# (session_scope, a service's unit of work): the services' units inside join that one.
TRANSACTION_OWNED = "openreel_transaction_owned"


@contextmanager
def owning_transaction(session: Session) -> Iterator[Session]:
    """Own ``session``'s transaction for the block (see TRANSACTION_OWNED): commit when it
    ends, roll back if it raises."""
    session.info[TRANSACTION_OWNED] = True
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop(TRANSACTION_OWNED, None)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit when the block ends, roll back if it raises."""
    with factory() as session, owning_transaction(session):
        yield session


class Recent(Generic[K, T]):
    """At most ``size`` values by key, the least recently stored dropped first; thread-safe."""

    def __init__(self, size: int) -> None:
        self._values: OrderedDict[K, T] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: K) -> T | None:
        """The value stored under ``key``, if still kept."""
        with self._lock:
            return self._values.get(key)

    def put(self, key: K, value: T) -> None:
        """Store ``value`` under ``key`` as the most recent."""
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        """Drop every value."""
        with self._lock:
            self._values.clear()


def erase_wal(session: Session) -> None:
    """Copy the write-ahead log into the database and empty it, so pages written before a
    delete (and overwritten by it) are gone from disk too. SQLite only; elsewhere nothing."""
    engine = session.get_bind()
    if engine.dialect.name != "sqlite" or not isinstance(engine, Engine):
        return
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run in one
    try:
        assert raw.driver_connection is not None
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
