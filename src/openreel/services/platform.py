"""What every use case needs from the deployment: settings, database and blob store."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from openreel.config import Settings
from openreel.db.migrate import upgrade
from openreel.db.session import make_engine, make_sessionmaker, session_scope, writing_engine
from openreel.services.accounts import caller_of
from openreel.storage import BlobStore, blob_store_from_settings

SCRATCH_KEPT = timedelta(hours=1)


def _last_touched(path: Path) -> float:
    """The latest modification time of ``path`` or anything under it."""
    latest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for folder, _, names in os.walk(path):
            for name in [*names, "."]:
                with suppress(FileNotFoundError):
                    latest = max(latest, os.lstat(os.path.join(folder, name)).st_mtime)
    return latest


@dataclass
class Platform:
    """The injected parts of one running openreel: built once per process."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]  # for reading (a write may be refused: see writes)
    blobs: BlobStore
    writes: sessionmaker[Session]  # for transactions that write: they wait their turn

    @classmethod
    def from_settings(cls, settings: Settings, *, migrate: bool = True) -> Platform:
        """Connect to what the settings name, bringing the schema up to date first."""
        url = settings.resolved_database_url()
        if migrate:
            upgrade(url)
        engine = make_engine(url)
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine),
                   blobs=blob_store_from_settings(settings),
                   writes=make_sessionmaker(writing_engine(engine)))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One database transaction that writes, committed when the block ends."""
        with session_scope(self.writes) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads; closed when the block ends."""
        with self.sessions() as session:
            yield session

    def caller_of(self, kind: str, secret: str) -> str | None:
        """Who an API token or session cookie names ("user:ID"), or None: what requests
        are counted by (see ``api.guards.RateLimit``)."""
        with self.sessions() as session:
            user_id = caller_of(session, kind, secret)
        return None if user_id is None else f"user:{user_id}"

    def clean_scratch(self, older_than: timedelta = SCRATCH_KEPT) -> int:
        """Remove work left in the scratch folder by processes that did not finish it (a
        crash, a kill): entries nothing has touched for ``older_than``. Returns how many.

        Work of processes still running is younger (it is written to as it goes), so this
        is safe to run while other processes of the same deployment work.
        """
        scratch = self.settings.scratch_dir()
        if not scratch.is_dir():
            return 0
        cutoff = time.time() - older_than.total_seconds()
        removed = 0
        for entry in scratch.iterdir():
            try:
                if _last_touched(entry) >= cutoff:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed += 1
            except FileNotFoundError:
                continue  # another process cleaned it first
        return removed

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()
