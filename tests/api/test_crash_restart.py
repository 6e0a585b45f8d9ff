"""Kill the server while it renders; after a restart the job finishes exactly once."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from server_process import ServerProcess, free_port
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from openreel.db.models import Job, JobStatus, Video


def _wait_for(check, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_job_killed_mid_render_completes_exactly_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = ServerProcess(data, free_port(), workers="1", job_lease_seconds="2",
                           job_retry_seconds="0", rate_limit_per_minute="100000")
    server.start()
    try:
        client = httpx.Client(base_url=server.url, timeout=30)
        client.post("/api/v1/auth/signup", json={"handle": "ada", "email": "ada@example.org",
                                                  "password": "correct horse battery"})
        token = client.post("/api/v1/auth/token", json={
            "login": "ada", "password": "correct horse battery"}).json()["secret"]
        auth = {"Authorization": f"Bearer {token}"}
        job = client.post("/api/v1/generations", headers=auth, data={
            "prompt": "a dog chases a red ball on a beach", "seconds": "8"}).json()

        def rendering() -> bool:
            state = client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json()
            assert state["status"] != "succeeded", "the render finished before the kill"
            return state["status"] == "running" and state["progress"] > 0.05

        _wait_for(rendering, 60, "the render to be under way")
        server.kill()
        server.start()
        client = httpx.Client(base_url=server.url, timeout=30)

        def finished() -> dict[str, object] | None:
            state: dict[str, object] = client.get(f"/api/v1/jobs/{job['id']}",
                                                  headers=auth).json()
            return state if state["status"] in ("succeeded", "failed") else None

        done = _wait_for(finished, 120, "the job to finish after the restart")
        assert done["status"] == "succeeded"
        # Retried after the kill; on a machine busy enough to stall the new worker past
        # its 2 s lease, once more (seen under load: 3). Exactly once is checked below.
        assert done["attempts"] >= 2
    finally:
        server.stop()
    engine = create_engine(f"sqlite:///{data / 'openreel.db'}")
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Video)) == 1
        row = session.get(Job, job["id"])
        assert row is not None and row.status == JobStatus.SUCCEEDED
        assert row.video_id is not None
    engine.dispose()
    files = sorted(p.name for p in (data / "blobs" / "videos").rglob("*") if p.is_file())
    assert files == ["poster.jpg", "video.mp4"]
