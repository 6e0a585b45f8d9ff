"""What verifying keeps for a platform: the reverse-search catalogue, and the checker that
examines files strangers send apart from the server (see :mod:`openreel.services.isolation`).

Verifying itself is :mod:`openreel.services.provenance`'s.
"""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.orm import Session

from openreel.db.models import Fingerprint
from openreel.provenance.fingerprint import FingerprintError, VideoFingerprint
from openreel.provenance.hash_index import HashIndex
from openreel.services.isolation import Isolated

# Checks of uploads run apart: two at a time per server process, each within a minute and
# 1.5 GiB; a third waits up to 20 s for its turn.
CHECKS_AT_ONCE = 2
CHECK_SECONDS = 60.0
CHECK_MEMORY_BYTES = 1536 * 2**20
CHECK_WAIT_SECONDS = 20.0


def upload_checker() -> Isolated:
    """The checker uploads to verify go through, bounded as above."""
    return Isolated(at_once=CHECKS_AT_ONCE, wait_seconds=CHECK_WAIT_SECONDS,
                    seconds=CHECK_SECONDS, memory_bytes=CHECK_MEMORY_BYTES,
                    preload=("openreel.provenance.verify",))


class Catalogue:
    """The reverse-search index over every stored fingerprint, kept in step with the database.

    Fingerprint rows are only ever added (a deleted video keeps its row: a copy of it is still
    an openreel video), so bringing the index up to date reads the rows past the last one
    seen. One catalogue per platform.
    """

    def __init__(self) -> None:
        self.index = HashIndex()
        self._lock = threading.Lock()
        self._last_id = 0

    def refresh(self, session: Session) -> HashIndex:
        """Add the fingerprints stored since the last refresh; return the index."""
        with self._lock:
            rows = session.execute(
                select(Fingerprint.video_id, Fingerprint.data)
                .where(Fingerprint.video_id > self._last_id)
                .order_by(Fingerprint.video_id)
            ).all()
            for video_id, data in rows:
                try:
                    self.index.add(video_id, VideoFingerprint.from_bytes(data))
                except FingerprintError:
                    continue  # a row from a future format: skipped, not fatal
                self._last_id = video_id
            return self.index
