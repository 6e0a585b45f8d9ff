"""A render-like handler whose first attempt hangs, and a script that runs it in a pool.

Run as a script, it serves one database with a one-worker pool until it is killed; the
crash test kills it with SIGKILL in the middle of a job.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from job_rows import add_video_for

from openreel.db.session import make_engine, make_sessionmaker
from openreel.jobs import Handler, JobContext, JobOutcome, WorkerPool

LEASE_SECONDS = 1.0


def slow_first_attempt(markers: Path) -> Handler:
    """Writes ``attempt-N`` (holding the worker id), hangs on attempt 1, else finishes."""

    def handle(ctx: JobContext) -> JobOutcome:
        (markers / f"attempt-{ctx.attempt}").write_text(ctx.worker_id)
        ctx.progress(0.5, "rendering")
        if ctx.attempt == 1:
            time.sleep(60)
        return JobOutcome(finalize=add_video_for)

    return handle


def main(url: str, markers: Path) -> None:
    """Serve ``render`` jobs until killed."""
    sessions = make_sessionmaker(make_engine(url))
    pool = WorkerPool(sessions, {"render": slow_first_attempt(markers)}, workers=1,
                      lease_seconds=LEASE_SECONDS, poll_interval=0.05)
    pool.start()
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
