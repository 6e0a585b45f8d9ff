"""Workers running real handlers: in the caller's thread and as a pool of threads."""

from __future__ import annotations

import threading
import time
from typing import Any, cast

import pytest
from job_rows import add_video_for, load_job, queue_jobs, video_count, wait_for
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Job, JobStatus
from openreel.db.session import session_scope
from openreel.jobs import (
    InvalidJob,
    JobCancelled,
    JobContext,
    JobError,
    JobOutcome,
    PermanentJobError,
    ProgressEvent,
    WorkerPool,
    cancel,
    drain,
    recover_expired,
    run_one,
)


def finishes(ctx: JobContext) -> JobOutcome:
    """A handler that reports two stages and leaves a video."""
    ctx.progress(0.3, "rendering")
    ctx.progress(0.9, "storing")
    return JobOutcome(finalize=add_video_for)


def test_run_one_and_drain_process_jobs_in_this_thread(sessions: sessionmaker[Session]) -> None:
    first, second, other = queue_jobs(sessions, 3)
    with session_scope(sessions) as session:
        session.get_one(Job, other).kind = "upscale"
    run = run_one(sessions, {"render": finishes}, worker_id="cli")
    assert run is not None
    assert (run.job_id, run.attempt, run.status, run.error) == (
        first, 1, JobStatus.SUCCEEDED, None)

    runs = drain(sessions, {"render": finishes})
    assert [(r.job_id, r.status) for r in runs] == [(second, JobStatus.SUCCEEDED)]
    assert run_one(sessions, {"render": finishes}) is None
    # Only kinds with a handler are taken.
    assert load_job(sessions, other).status == JobStatus.QUEUED
    assert video_count(sessions) == 2
    job = load_job(sessions, first)
    assert (job.status, job.progress, job.lease_owner) == (JobStatus.SUCCEEDED, 1.0, "cli")


def test_progress_reaches_the_database_while_the_handler_runs(
    sessions: sessionmaker[Session],
) -> None:
    [job_id] = queue_jobs(sessions, 1)
    seen: list[float] = []
    events: list[ProgressEvent] = []

    def handle(ctx: JobContext) -> JobOutcome:
        ctx.progress(0.2, "rendering")
        ctx.progress(0.6, "rendering")
        # Stored by the next heartbeat: a report or the lease renewal, within 0.2 s.
        wait_for(lambda: load_job(sessions, job_id).progress == 0.6, "progress to be stored")
        seen.append(load_job(sessions, job_id).progress)
        ctx.progress(0.7, "encoding")
        ctx.renew()
        seen.append(load_job(sessions, job_id).progress)
        return JobOutcome()

    [run] = drain(sessions, {"render": handle}, lease_seconds=0.6, on_progress=events.append)
    assert run.status == JobStatus.SUCCEEDED
    assert seen == [0.6, 0.7]
    assert [(e.job_id, e.fraction, e.stage) for e in events] == [
        (job_id, 0.2, "rendering"), (job_id, 0.6, "rendering"), (job_id, 0.7, "encoding")]
    job = load_job(sessions, job_id)
    assert (job.progress, job.video_id) == (1.0, None)


def test_handler_failures_are_retried_then_kept(sessions: sessionmaker[Session]) -> None:
    flaky, doomed, refused, wrong = queue_jobs(sessions, 4, max_attempts=3)
    calls: dict[int, int] = {}

    def handle(ctx: JobContext) -> JobOutcome:
        calls[ctx.job_id] = calls.get(ctx.job_id, 0) + 1
        if ctx.job_id == flaky and ctx.attempt < 3:
            raise ConnectionError("blob store timed out")
        if ctx.job_id == doomed:
            raise ValueError("the renderer ran out of memory")
        if ctx.job_id == refused:
            raise PermanentJobError("the prompt was rejected")
        if ctx.job_id == wrong:
            not_an_outcome: Any = "a video"
            return cast(JobOutcome, not_an_outcome)
        return JobOutcome(finalize=add_video_for)

    runs = drain(sessions, {"render": handle}, retry_seconds=0)
    assert calls == {flaky: 3, doomed: 3, refused: 1, wrong: 1}
    assert [(r.job_id, r.attempt, r.status) for r in runs if r.job_id == flaky] == [
        (flaky, 1, JobStatus.QUEUED), (flaky, 2, JobStatus.QUEUED), (flaky, 3, JobStatus.SUCCEEDED)]
    finals = {j: load_job(sessions, j) for j in (flaky, doomed, refused, wrong)}
    assert finals[flaky].status == JobStatus.SUCCEEDED and finals[flaky].error is None
    assert (finals[doomed].status, finals[doomed].attempts, finals[doomed].error) == (
        JobStatus.FAILED, 3, "ValueError: the renderer ran out of memory")
    assert (finals[refused].status, finals[refused].attempts, finals[refused].error) == (
        JobStatus.FAILED, 1, "the prompt was rejected")
    assert finals[wrong].status == JobStatus.FAILED
    assert "returned str, not a JobOutcome" in (finals[wrong].error or "")
    assert video_count(sessions) == 1


def test_a_retry_waits_for_its_backoff(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)

    def handle(ctx: JobContext) -> JobOutcome:
        raise OSError("disk full")

    [run] = drain(sessions, {"render": handle}, retry_seconds=30)
    assert (run.status, run.error) == (JobStatus.QUEUED, "OSError: disk full")
    job = load_job(sessions, job_id)
    assert job.not_before is not None and job.updated_at is not None
    assert (job.not_before - job.updated_at).total_seconds() == 30
    assert drain(sessions, {"render": handle}) == []  # not ready yet


def test_a_finalize_failure_rolls_back_and_is_retried(sessions: sessionmaker[Session]) -> None:
    retried, refused = queue_jobs(sessions, 2)

    def finalize(session: Session, job: Job) -> int:
        video_id = add_video_for(session, job)
        if job.id == refused:
            raise PermanentJobError("the account that asked for this video is gone")
        if job.attempts == 1:
            raise OSError("database connection dropped")
        return video_id

    runs = drain(sessions, {"render": lambda ctx: JobOutcome(finalize=finalize)},
                 retry_seconds=0)
    assert [(r.job_id, r.status) for r in runs] == [
        (retried, JobStatus.QUEUED), (retried, JobStatus.SUCCEEDED), (refused, JobStatus.FAILED)]
    assert video_count(sessions) == 1
    assert load_job(sessions, retried).video_id is not None
    job = load_job(sessions, refused)
    assert (job.video_id, job.error) == (None, "the account that asked for this video is gone")


def test_a_handler_may_cancel_its_own_job(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)

    def handle(ctx: JobContext) -> JobOutcome:
        raise JobCancelled("the cameo was revoked")

    [run] = drain(sessions, {"render": handle})
    assert run.status == JobStatus.CANCELLED
    assert load_job(sessions, job_id).status == JobStatus.CANCELLED


def test_a_pool_runs_jobs_to_completion(sessions: sessionmaker[Session]) -> None:
    job_ids = queue_jobs(sessions, 6)
    events: list[ProgressEvent] = []
    with WorkerPool(sessions, {"render": finishes}, workers=2, lease_seconds=5,
                    poll_interval=0.05, on_progress=events.append) as pool:
        pool.wake()
        wait_for(lambda: all(load_job(sessions, j).status == JobStatus.SUCCEEDED
                             for j in job_ids), "every job to succeed")
    with session_scope(sessions) as session:
        jobs = session.scalars(select(Job).order_by(Job.id)).all()
    assert [job.progress for job in jobs] == [1.0] * 6
    assert len({job.video_id for job in jobs}) == 6 and video_count(sessions) == 6
    assert {job.lease_owner for job in jobs} <= set(pool.worker_ids)
    assert {(e.job_id, e.stage) for e in events} == {
        (j, stage) for j in job_ids for stage in ("rendering", "storing")}


def test_a_running_handler_learns_of_its_cancellation(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    started = threading.Event()
    unwound: list[BaseException] = []

    def handle(ctx: JobContext) -> JobOutcome:
        started.set()
        try:
            for step in range(500):
                ctx.progress(step / 500, "rendering")
                time.sleep(0.01)
        except JobCancelled as exc:
            unwound.append(exc)
            raise
        return JobOutcome(finalize=add_video_for)

    with WorkerPool(sessions, {"render": handle}, workers=1, lease_seconds=0.6,
                    poll_interval=0.05):
        assert started.wait(10)
        assert cancel(sessions, job_id)
        wait_for(lambda: bool(unwound), "the handler to stop")
    assert load_job(sessions, job_id).status == JobStatus.CANCELLED
    assert video_count(sessions) == 0


def test_the_lease_is_kept_while_a_handler_is_quiet(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    recovered: list[int] = []

    def handle(ctx: JobContext) -> JobOutcome:
        # Silent for several lease lengths; someone else looks for dead workers meanwhile.
        for _ in range(3):
            time.sleep(0.35)
            recovered.append(recover_expired(sessions))
        return JobOutcome(finalize=add_video_for)

    [run] = drain(sessions, {"render": handle}, lease_seconds=0.5)
    assert run.status == JobStatus.SUCCEEDED
    assert recovered == [0, 0, 0]
    assert load_job(sessions, job_id).attempts == 1


def test_stop_abandons_a_stuck_job_which_is_then_recovered_once(
    sessions: sessionmaker[Session],
) -> None:
    [job_id] = queue_jobs(sessions, 1)
    started, release = threading.Event(), threading.Event()

    def stuck(ctx: JobContext) -> JobOutcome:
        started.set()
        release.wait(20)
        return JobOutcome(finalize=add_video_for)

    pool = WorkerPool(sessions, {"render": stuck}, workers=1, lease_seconds=0.3,
                      poll_interval=0.05)
    pool.start()
    assert started.wait(10)
    assert not pool.stop(timeout=0.05)
    # Its lease is no longer renewed, so it passes and the job goes back to the queue.
    wait_for(lambda: recover_expired(sessions) == 1, "the abandoned lease to pass")
    [run] = drain(sessions, {"render": finishes})
    assert (run.job_id, run.attempt, run.status) == (job_id, 2, JobStatus.SUCCEEDED)

    release.set()  # the abandoned attempt finishes late and is refused
    assert pool.stop(timeout=10)
    assert video_count(sessions) == 1
    assert load_job(sessions, job_id).lease_owner != pool.worker_ids[0]


def test_a_pool_without_workers_starts_nothing(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    pool = WorkerPool(sessions, {"render": finishes}, workers=0)
    pool.start()
    assert pool.worker_ids == []
    assert pool.stop(timeout=1)
    assert load_job(sessions, job_id).status == JobStatus.QUEUED
    with pytest.raises(JobError, match="already started"):
        pool.start()


def test_pool_and_progress_refuse_bad_settings(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidJob, match="workers"):
        WorkerPool(sessions, {}, workers=-1)
    with pytest.raises(InvalidJob, match="lease_seconds"):
        WorkerPool(sessions, {}, lease_seconds=0)
    queue_jobs(sessions, 1, max_attempts=1)

    def overshoots(ctx: JobContext) -> JobOutcome:
        ctx.progress(1.5)
        return JobOutcome()

    [run] = drain(sessions, {"render": overshoots})
    assert run.status == JobStatus.FAILED
    assert run.error is not None and "progress must be between 0 and 1" in run.error
