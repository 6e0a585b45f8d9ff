"""The queue over a real SQLite file: order, leases, completion, backoff, recovery."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from job_rows import add_user, add_video_for, at, load_job, queue_jobs, video_count
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Job, JobStatus, Video
from openreel.db.session import session_scope
from openreel.jobs import (
    HeartbeatResult,
    InvalidJob,
    cancel,
    claim,
    complete,
    enqueue,
    fail,
    heartbeat,
    recover_expired,
    retry_delay,
)
from openreel.jobs.queue import LEASE_EXPIRED_ERROR


def test_enqueue_joins_the_callers_transaction(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), session_scope(sessions) as session:
        user = add_user(session)
        enqueue(session, "render", {"prompt": "a cat"}, user_id=user.id)
        raise RuntimeError("the service failed after queueing")
    with session_scope(sessions) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0

    [job_id] = queue_jobs(sessions, 1, max_attempts=5)
    job = load_job(sessions, job_id)
    assert (job.status, job.attempts, job.max_attempts, job.payload) == (
        JobStatus.QUEUED, 0, 5, {"n": 0})


@pytest.mark.parametrize(
    ("kind", "payload", "max_attempts", "message"),
    [
        ("", {}, 3, "kind"),
        ("k" * 33, {}, 3, "kind"),
        ("render", {}, 0, "max_attempts"),
        ("render", {"when": object()}, 3, "not plain JSON"),
        ("render", {"x": float("nan")}, 3, "not plain JSON"),
    ],
)
def test_enqueue_refuses_bad_jobs(
    sessions: sessionmaker[Session], kind: str, payload: dict[str, object],
    max_attempts: int, message: str,
) -> None:
    with pytest.raises(InvalidJob, match=message), session_scope(sessions) as session:
        enqueue(session, kind, payload, max_attempts=max_attempts)


def test_claim_takes_the_oldest_ready_job_and_leases_it(sessions: sessionmaker[Session]) -> None:
    first, second = queue_jobs(sessions, 2)
    with session_scope(sessions) as session:
        later = enqueue(session, "render", {}, not_before=at(30)).id

    claimed = claim(sessions, "w1", lease_seconds=10, now=at(0))
    assert claimed is not None
    assert (claimed.id, claimed.attempt, claimed.payload) == (first, 1, {"n": 0})
    job = load_job(sessions, first)
    assert job.status == JobStatus.RUNNING
    assert (job.lease_owner, job.lease_until, job.started_at) == ("w1", at(10), at(0))

    assert (claimed := claim(sessions, "w2", lease_seconds=10, now=at(0))) is not None
    assert claimed.id == second
    # The third waits for its not_before.
    assert claim(sessions, "w2", lease_seconds=10, now=at(29)) is None
    assert (claimed := claim(sessions, "w2", lease_seconds=10, now=at(30))) is not None
    assert claimed.id == later
    assert claim(sessions, "w2", lease_seconds=10, now=at(31)) is None


def test_claim_takes_only_the_kinds_asked_for(sessions: sessionmaker[Session]) -> None:
    [render] = queue_jobs(sessions, 1, kind="render")
    [upscale] = queue_jobs(sessions, 1, kind="upscale")
    assert claim(sessions, "w", lease_seconds=5, kinds=[]) is None
    claimed = claim(sessions, "w", lease_seconds=5, kinds=["upscale", "thumbnail"])
    assert claimed is not None and claimed.id == upscale
    assert claim(sessions, "w", lease_seconds=5, kinds=["upscale"]) is None
    assert load_job(sessions, render).status == JobStatus.QUEUED


def test_claim_refuses_bad_arguments(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidJob, match="lease_seconds"):
        claim(sessions, "w", lease_seconds=0)
    with pytest.raises(InvalidJob, match="worker id"):
        claim(sessions, "", lease_seconds=1)
    with pytest.raises(InvalidJob, match="naive"):
        claim(sessions, "w", lease_seconds=1, now=at(0).replace(tzinfo=None))


def test_threads_racing_never_claim_the_same_job(sessions: sessionmaker[Session]) -> None:
    job_ids = queue_jobs(sessions, 40)
    claims: dict[str, list[int]] = {f"w{n}": [] for n in range(8)}
    start = threading.Barrier(len(claims))

    def take_all(worker_id: str) -> None:
        start.wait()
        while (claimed := claim(sessions, worker_id, lease_seconds=30)) is not None:
            claims[worker_id].append(claimed.id)

    threads = [threading.Thread(target=take_all, args=(w,)) for w in claims]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    taken = [job_id for ids in claims.values() for job_id in ids]
    assert sorted(taken) == job_ids  # every job once, none twice
    with session_scope(sessions) as session:
        rows = {job.id: job for job in session.scalars(select(Job))}
    for worker_id, ids in claims.items():
        for job_id in ids:
            assert rows[job_id].lease_owner == worker_id
            assert rows[job_id].attempts == 1


def test_heartbeat_extends_the_lease_and_stores_progress(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    assert claim(sessions, "w1", lease_seconds=10, now=at(0)) is not None
    result = heartbeat(sessions, job_id, "w1", progress=0.25, lease_seconds=10, now=at(8))
    assert result == HeartbeatResult.ALIVE
    job = load_job(sessions, job_id)
    assert (job.progress, job.lease_until) == (0.25, at(18))
    # The extended lease has not passed at 12 s, so nothing is recovered.
    assert recover_expired(sessions, now=at(12)) == 0
    # Another worker's heartbeat changes nothing.
    assert heartbeat(sessions, job_id, "w2", progress=0.9, lease_seconds=10,
                     now=at(9)) == HeartbeatResult.LOST
    assert load_job(sessions, job_id).progress == 0.25
    with pytest.raises(InvalidJob, match="progress"):
        heartbeat(sessions, job_id, "w1", progress=1.5, lease_seconds=10)


def test_heartbeat_reports_cancellation_and_lost_leases(sessions: sessionmaker[Session]) -> None:
    cancelled, taken_over = queue_jobs(sessions, 2)
    assert claim(sessions, "w1", lease_seconds=5, now=at(0)) is not None
    assert claim(sessions, "w1", lease_seconds=5, now=at(0)) is not None
    assert cancel(sessions, cancelled, now=at(1))
    assert heartbeat(sessions, cancelled, "w1", progress=0.5, lease_seconds=5,
                     now=at(2)) == HeartbeatResult.CANCELLED

    assert recover_expired(sessions, now=at(6)) == 1
    assert (again := claim(sessions, "w2", lease_seconds=5, now=at(6))) is not None
    assert again.id == taken_over and again.attempt == 2
    assert heartbeat(sessions, taken_over, "w1", progress=0.5, lease_seconds=5,
                     now=at(7)) == HeartbeatResult.LOST
    assert heartbeat(sessions, 999, "w1", progress=0.5, lease_seconds=5) == HeartbeatResult.LOST


def test_complete_runs_finalize_and_records_the_video(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    assert claim(sessions, "w1", lease_seconds=5, now=at(0)) is not None
    assert complete(sessions, job_id, "w1", add_video_for, now=at(3))
    job = load_job(sessions, job_id)
    with session_scope(sessions) as session:
        [video] = session.scalars(select(Video)).all()
    assert (job.status, job.progress, job.finished_at, job.lease_until) == (
        JobStatus.SUCCEEDED, 1.0, at(3), None)
    assert job.video_id == video.id and video.prompt == f"job {job_id}"
    # Completing twice is refused: the job is no longer running.
    assert not complete(sessions, job_id, "w1", add_video_for)
    assert video_count(sessions) == 1


def test_complete_with_a_lost_lease_returns_false_and_creates_no_row(
    sessions: sessionmaker[Session],
) -> None:
    [job_id] = queue_jobs(sessions, 1)
    assert claim(sessions, "slow", lease_seconds=5, now=at(0)) is not None
    assert recover_expired(sessions, now=at(6)) == 1
    assert claim(sessions, "fresh", lease_seconds=5, now=at(6)) is not None

    finalized: list[int] = []

    def finalize(session: Session, job: Job) -> int:
        finalized.append(job.id)
        return add_video_for(session, job)

    assert not complete(sessions, job_id, "slow", finalize)
    assert finalized == [] and video_count(sessions) == 0
    assert complete(sessions, job_id, "fresh", finalize)
    assert finalized == [job_id] and video_count(sessions) == 1
    job = load_job(sessions, job_id)
    assert (job.status, job.attempts, job.lease_owner) == (JobStatus.SUCCEEDED, 2, "fresh")


def test_a_finalize_that_raises_leaves_nothing_behind(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1)
    assert claim(sessions, "w1", lease_seconds=5) is not None

    def finalize(session: Session, job: Job) -> int:
        add_video_for(session, job)
        raise RuntimeError("storage went away")

    with pytest.raises(RuntimeError, match="storage"):
        complete(sessions, job_id, "w1", finalize)
    assert video_count(sessions) == 0
    job = load_job(sessions, job_id)
    assert (job.status, job.lease_owner, job.video_id) == (JobStatus.RUNNING, "w1", None)


def test_failures_back_off_exponentially_then_fail_keeping_the_error(
    sessions: sessionmaker[Session],
) -> None:
    [job_id] = queue_jobs(sessions, 1, max_attempts=4)
    now = at(0)
    waits = []
    for attempt in range(1, 4):
        claimed = claim(sessions, "w", lease_seconds=5, now=now)
        assert claimed is not None and claimed.attempt == attempt
        status = fail(sessions, job_id, "w", f"boom {attempt}", retryable=True,
                      retry_seconds=10, now=now)
        assert status == JobStatus.QUEUED
        job = load_job(sessions, job_id)
        assert job.not_before is not None
        assert (job.error, job.lease_owner, job.progress) == (f"boom {attempt}", None, 0.0)
        waits.append((job.not_before - now).total_seconds())
        # Not ready a moment before its time.
        assert claim(sessions, "w", lease_seconds=5,
                     now=job.not_before - timedelta(milliseconds=1)) is None
        now = job.not_before
    assert waits == [10.0, 20.0, 40.0]

    assert claim(sessions, "w", lease_seconds=5, now=now) is not None
    assert fail(sessions, job_id, "w", "boom 4", retryable=True, retry_seconds=10,
                now=now) == JobStatus.FAILED
    job = load_job(sessions, job_id)
    assert (job.status, job.attempts, job.error, job.finished_at) == (
        JobStatus.FAILED, 4, "boom 4", now)
    assert claim(sessions, "w", lease_seconds=5, now=now + timedelta(days=1)) is None


def test_a_permanent_failure_is_not_retried(sessions: sessionmaker[Session]) -> None:
    [job_id] = queue_jobs(sessions, 1, max_attempts=3)
    assert claim(sessions, "w", lease_seconds=5) is not None
    assert fail(sessions, job_id, "w", "the prompt names a real person", retryable=False,
                retry_seconds=10) == JobStatus.FAILED
    job = load_job(sessions, job_id)
    assert (job.status, job.attempts, job.error) == (
        JobStatus.FAILED, 1, "the prompt names a real person")
    # A worker that no longer holds the job cannot fail it.
    assert fail(sessions, job_id, "w", "again", retryable=True, retry_seconds=1) is None


def test_retry_delay_doubles_and_is_capped() -> None:
    assert [retry_delay(5, n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert retry_delay(5, 40) == timedelta(days=1)
    assert retry_delay(5, 10_000) == timedelta(days=1)


def test_recover_expired_requeues_or_fails_dead_workers_jobs(
    sessions: sessionmaker[Session],
) -> None:
    retried, exhausted, alive = queue_jobs(sessions, 3, max_attempts=2)
    with session_scope(sessions) as session:
        session.get_one(Job, exhausted).attempts = 1  # its second attempt is the last
    for _ in range(2):
        assert claim(sessions, "dead", lease_seconds=5, now=at(0)) is not None
    assert claim(sessions, "alive", lease_seconds=60, now=at(0)) is not None

    assert recover_expired(sessions, now=at(5)) == 0  # the lease runs to 5 s inclusive
    assert recover_expired(sessions, now=at(6)) == 2

    job = load_job(sessions, retried)
    assert (job.status, job.attempts, job.lease_owner, job.lease_until, job.error) == (
        JobStatus.QUEUED, 1, None, None, LEASE_EXPIRED_ERROR)
    job = load_job(sessions, exhausted)
    assert (job.status, job.attempts, job.error, job.finished_at) == (
        JobStatus.FAILED, 2, LEASE_EXPIRED_ERROR, at(6))
    assert load_job(sessions, alive).status == JobStatus.RUNNING
    assert recover_expired(sessions, now=at(7)) == 0
    claimed = claim(sessions, "next", lease_seconds=5, now=at(7))
    assert claimed is not None and (claimed.id, claimed.attempt) == (retried, 2)


def test_cancel_stops_queued_and_running_jobs_only(sessions: sessionmaker[Session]) -> None:
    running, done, queued = queue_jobs(sessions, 3)
    assert (claimed := claim(sessions, "w", lease_seconds=5)) is not None
    assert claimed.id == running
    assert (claimed := claim(sessions, "w", lease_seconds=5)) is not None
    assert claimed.id == done and complete(sessions, done, "w")

    assert cancel(sessions, queued)
    assert cancel(sessions, running, now=at(1))
    assert not cancel(sessions, done)
    assert not cancel(sessions, 999)
    assert [load_job(sessions, j).status for j in (running, done, queued)] == [
        JobStatus.CANCELLED, JobStatus.SUCCEEDED, JobStatus.CANCELLED]
    assert load_job(sessions, running).finished_at == at(1)
    # The worker of the cancelled job cannot finish it, and nothing is left to claim.
    assert not complete(sessions, running, "w", add_video_for)
    assert video_count(sessions) == 0
    assert claim(sessions, "w", lease_seconds=5) is None
