"""A worker process killed mid-job: its job is recovered and finishes exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from crash_worker import LEASE_SECONDS, slow_first_attempt
from job_rows import load_job, queue_jobs, wait_for
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import JobStatus, Video
from openreel.db.session import session_scope
from openreel.db.timestamps import utcnow
from openreel.jobs import WorkerPool

SCRIPT = Path(__file__).with_name("crash_worker.py")


def test_a_killed_worker_s_job_is_recovered_and_finalized_exactly_once(
    sessions: sessionmaker[Session], database_url: str, tmp_path: Path
) -> None:
    [job_id] = queue_jobs(sessions, 1)
    markers = tmp_path / "markers"
    markers.mkdir()
    child = subprocess.Popen([sys.executable, str(SCRIPT), database_url, str(markers)],
                             stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: (markers / "attempt-1").exists() or child.poll() is not None,
                  "the worker process to start the job")
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
        running = load_job(sessions, job_id)
        assert running.status == JobStatus.RUNNING
        assert running.lease_owner == (markers / "attempt-1").read_text()
        assert f":{child.pid}:" in running.lease_owner
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL

    # Wait out the dead worker's last lease; it can no longer renew it.
    lease_until = load_job(sessions, job_id).lease_until
    assert lease_until is not None
    wait_for(lambda: utcnow() > lease_until, "the lease to pass", seconds=5 * LEASE_SECONDS)

    pool = WorkerPool(sessions, {"render": slow_first_attempt(markers)}, workers=1,
                      lease_seconds=LEASE_SECONDS, poll_interval=0.05)
    pool.start()
    try:
        wait_for(lambda: load_job(sessions, job_id).status == JobStatus.SUCCEEDED,
                  "the recovered job to succeed")
    finally:
        assert pool.stop(timeout=10)

    job = load_job(sessions, job_id)
    with session_scope(sessions) as session:
        videos = session.scalars(select(Video)).all()
    assert len(videos) == 1
    assert (job.attempts, job.video_id, job.progress) == (2, videos[0].id, 1.0)
    assert job.lease_owner in pool.worker_ids
    assert (markers / "attempt-2").read_text() == job.lease_owner
    assert sorted(path.name for path in markers.iterdir()) == ["attempt-1", "attempt-2"]
