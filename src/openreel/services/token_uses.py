"""API tokens' last uses, written on a thread of their own (one per platform).

No request waits for a write that may wait for the database's lock, and none holds a lock
it waits for (an after-response task would run while the request's session is still open).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.session import session_scope
from openreel.services.accounts import record_token_uses

logger = logging.getLogger(__name__)


class TokenUses:
    """Writes tokens' last uses on a thread of their own, many in one transaction.

    A token's every request reads it as due until its use is written, and tokens first
    used together fall due together a minute later (after a restart, a whole crowd): asked
    again meanwhile, a token is written once, and all asked for while a write runs go in
    the next one. One statement for the lot keeps the writer's share of the interpreter
    small; a write per token held requests up behind it.
    """

    def __init__(self, writes: sessionmaker[Session]) -> None:
        self._writes = writes
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="token-use")
        self._lock = threading.Lock()
        self._pending: set[int] = set()  # asked for, not yet written
        self._scheduled = False  # a write is queued that will take what is pending

    def record(self, token_id: int) -> None:
        """Write that the token was used now, soon, on the writer's thread."""
        with self._lock:
            if token_id in self._pending:
                return
            self._pending.add(token_id)
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self._writer.submit(self._write)
        except RuntimeError:  # closed
            with self._lock:
                self._pending.discard(token_id)
                self._scheduled = False
            raise

    def _write(self) -> None:
        """Write every pending use; a failure costs only these writes."""
        with self._lock:
            token_ids = sorted(self._pending)
            self._scheduled = False
        try:
            with session_scope(self._writes) as session:
                record_token_uses(session, token_ids)
        except OperationalError:
            logger.warning("could not record the use of API tokens %s", token_ids, exc_info=True)
        finally:
            with self._lock:
                self._pending.difference_update(token_ids)

    def close(self) -> None:
        """Finish the writes asked for, then stop the thread."""
        self._writer.shutdown(wait=True)
