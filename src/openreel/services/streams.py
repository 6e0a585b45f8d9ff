"""Progress streams: how many each person has open in this server process.

Each open stream reads its job every half second or so, so the API bounds how many one
person may hold open at once (``api.routes.making.job_events``).
"""

from __future__ import annotations

import threading

STREAMS_PER_USER = 4


class OpenStreams:
    """How many progress streams each person has open; at most ``limit`` each."""

    def __init__(self, limit: int = STREAMS_PER_USER) -> None:
        self.limit = limit
        self._open: dict[int, int] = {}
        self._lock = threading.Lock()

    def open(self, user_id: int) -> bool:
        """Count one more for ``user_id``, unless they have ``limit`` open already."""
        with self._lock:
            if self._open.get(user_id, 0) >= self.limit:
                return False
            self._open[user_id] = self._open.get(user_id, 0) + 1
            return True

    def close(self, user_id: int) -> None:
        """One of ``user_id``'s streams ended."""
        with self._lock:
            left = self._open.get(user_id, 0) - 1
            if left > 0:
                self._open[user_id] = left
            else:
                self._open.pop(user_id, None)
