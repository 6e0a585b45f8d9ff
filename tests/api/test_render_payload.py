"""The render job's payload is a typed model, checked once as a worker claims the job."""

from __future__ import annotations

from api_client import PlatformApp
from sqlalchemy import select

from openreel.db.models import Job, JobStatus, Notification, NotificationKind, User
from openreel.services.render_job import RenderPayload
from openreel.services.videos import RENDER_JOB


def test_a_queued_render_carries_a_payload_the_worker_reads_back(
        platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    made = platform_app.client.post("/api/v1/generations", headers=auth,
                                    data={"prompt": "a red ball bounces", "seconds": "1",
                                          "seed": "5", "style": "noir"})
    assert made.status_code == 202, made.text
    with platform_app.platform.sessions() as session:
        job = session.get(Job, made.json()["id"])
        assert job is not None
        payload = RenderPayload.read(job.payload)
    assert (payload.video.prompt, payload.options.seed, payload.options.style) == (
        "a red ball bounces", 5, "noir")
    assert payload.storyboard is not None and payload.mark is not None
    runs = platform_app.run_jobs()
    assert [run.status for run in runs] == [JobStatus.SUCCEEDED]
    done = platform_app.client.get(f"/api/v1/jobs/{made.json()['id']}", headers=auth).json()
    video = platform_app.client.get(f"/api/v1/videos/{done['video_id']}", headers=auth).json()
    assert (video["seed"], video["style"]) == (5, "noir")


def test_a_payload_that_is_not_a_render_jobs_fails_at_once_with_the_reason(
        platform_app: PlatformApp) -> None:
    platform_app.sign_up("ada")
    platform = platform_app.platform
    with platform.transaction() as session:
        ada = session.scalar(select(User).where(User.handle == "ada"))
        assert ada is not None
        job = platform.queue.enqueue(session, RENDER_JOB, {
            "video": {"kind": "generate", "prompt": "a cat"},
            "options": {"size": "720x1280", "seed": -3, "engine": "procedural"}},
            user_id=ada.id, max_attempts=3)
        job_id, ada_id = job.id, ada.id
    platform_app.run_jobs()
    with platform.sessions() as session:
        failed = session.get(Job, job_id)
        assert failed is not None
        assert failed.status == JobStatus.FAILED and failed.attempts == 1  # not retried
        assert failed.error is not None and "not a render job's payload" in failed.error
        assert "options.seed" in failed.error and "options.fps" in failed.error
        told = session.scalars(select(Notification.kind).where(
            Notification.recipient_id == ada_id)).all()
    assert NotificationKind.JOB_FINISHED in told
