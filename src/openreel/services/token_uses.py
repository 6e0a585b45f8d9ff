"""API tokens' last uses, written on a thread of their own (one per platform).

No request waits for a write that may wait for the database's lock, and none holds a lock
it waits for (an after-response task would run while the request's session is still open).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.session import session_scope
from openreel.services.accounts import record_token_use

logger = logging.getLogger(__name__)


class TokenUses:
    """Writes tokens' last uses one at a time, each in a transaction of its own."""

    def __init__(self, writes: sessionmaker[Session]) -> None:
        self._writes = writes
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="token-use")

    def record(self, token_id: int) -> None:
        """Write that the token was used now, soon, on the writer's thread."""
        self._writer.submit(self._write, token_id)

    def _write(self, token_id: int) -> None:
        """A failure costs only this write."""
        try:
            with session_scope(self._writes) as session:
                record_token_use(session, token_id)
        except OperationalError:
            logger.warning("could not record the use of API token %s", token_id, exc_info=True)

    def close(self) -> None:
        """Finish the writes asked for, then stop the thread."""
        self._writer.shutdown(wait=True)
