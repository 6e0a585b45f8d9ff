"""The composition root of the services: what every use case needs from the deployment.

A :class:`Platform` is built once per process (by the app factory, or by a command of the
command line) and holds every part that lives as long as the process does: the database,
the blob store, the job queue, the engines, the embedder, signing, the verify checker and
catalogue, the progress-stream counter, the token-use writer and the feed's read model.
What caches or threads such a part keeps, it keeps for this platform; :meth:`Platform.close`
stops and releases them.
"""

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
from openreel.db.migrate import ensure_current
from openreel.db.session import make_engine, make_sessionmaker, session_scope, writing_engine
from openreel.director.nearest import embed
from openreel.engines import Engines
from openreel.jobs import DatabaseQueue, JobQueue
from openreel.services.accounts import caller_of
from openreel.services.feed import FeedReader
from openreel.services.isolation import Isolated
from openreel.services.signing import Signing
from openreel.services.streams import OpenStreams
from openreel.services.token_uses import TokenUses
from openreel.services.verifying import Catalogue, upload_checker
from openreel.social.steering import Embed, steer
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
    queue: JobQueue  # where services put jobs and workers take them
    engines: Engines  # the video engines, each made once
    embed: Embed  # sentence embeddings (the director's MiniLM), for steering the feed
    signing: Signing  # what outputs are marked and signed with
    catalogue: Catalogue  # every stored fingerprint, for reverse search
    checks: Isolated  # files strangers send to verify are examined apart, a few at a time
    streams: OpenStreams  # progress streams open per person
    token_uses: TokenUses  # API tokens' last uses, written on a thread of their own
    feed: FeedReader  # the feeds' read model: candidates, rows as last read, encoded cards

    @classmethod
    def from_settings(cls, settings: Settings, *, migrate: bool = True,
                      signing: Signing | None = None) -> Platform:
        """Connect to what the settings name, bringing the schema up to date first.

        ``signing``: the deployment's keys, where they were loaded already.
        """
        url = settings.resolved_database_url()
        if migrate:
            ensure_current(url)
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        writes = make_sessionmaker(writing_engine(engine))
        feed = FeedReader()
        for factory in (sessions, writes):
            feed.invalidate_on_commit(factory)
        return cls(settings=settings, engine=engine, sessions=sessions,
                   blobs=blob_store_from_settings(settings), writes=writes,
                   queue=DatabaseQueue(sessions), engines=Engines(), embed=embed,
                   signing=signing or Signing(settings), catalogue=Catalogue(),
                   checks=upload_checker(), streams=OpenStreams(),
                   token_uses=TokenUses(writes), feed=feed)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One database transaction that writes, committed when the block ends."""
        with session_scope(self.writes) as session:
            yield session

    def warm_up(self) -> None:
        """Load what the first steering of the feed would otherwise wait for: the sentence
        model and the feed's label vectors (about 5 s on 2 cores, once per process)."""
        steer("more animals", self.embed)

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
        """Finish the token uses asked for, stop the feed's reloads, let go of the engines
        and release database connections."""
        self.token_uses.close()
        self.feed.close()
        self.engines.close()
        self.engine.dispose()
