"""Run as a script: say it is ready, wait for the start, claim jobs until none is left.

The ids it won are printed as JSON; several of these race in the multi-process test.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from openreel.db.session import make_engine, make_sessionmaker
from openreel.jobs import claim


def main(url: str, worker_id: str, go: Path) -> None:
    """Claim every job this process can win and print their ids as JSON."""
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    (go.parent / f"ready-{worker_id}").touch()
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    taken = []
    while (claimed := claim(sessions, worker_id, lease_seconds=60)) is not None:
        taken.append(claimed.id)
    engine.dispose()
    print(json.dumps(taken))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
