"""Worker processes racing for the same jobs on one SQLite file never share a job."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from job_rows import queue_jobs
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Job
from openreel.db.session import session_scope

RACER = Path(__file__).with_name("claim_racer.py")


def test_processes_racing_never_claim_the_same_job(
    sessions: sessionmaker[Session], database_url: str, tmp_path: Path
) -> None:
    job_ids = queue_jobs(sessions, 60)
    go = tmp_path / "go"
    racers = {
        f"proc{n}": subprocess.Popen(
            [sys.executable, str(RACER), database_url, f"proc{n}", str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(3)
    }
    # Start them together, once all have imported and connected.
    deadline = time.monotonic() + 30
    while len(list(tmp_path.glob("ready-*"))) < len(racers) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    claims = {}
    for worker_id, racer in racers.items():
        out, err = racer.communicate(timeout=60)
        assert racer.returncode == 0, err
        claims[worker_id] = json.loads(out)

    taken = [job_id for ids in claims.values() for job_id in ids]
    assert sorted(taken) == job_ids
    with session_scope(sessions) as session:
        owners = {job.id: (job.lease_owner, job.attempts) for job in session.scalars(select(Job))}
    for worker_id, ids in claims.items():
        assert all(owners[job_id] == (worker_id, 1) for job_id in ids)
