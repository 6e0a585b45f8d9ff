"""The job queue over the database: enqueue, claim, heartbeat, complete, fail, recover.

Every change of a job's state is one conditional UPDATE whose WHERE clause restates what
the caller believes (``status = 'running' AND lease_owner = :me`` …); its row count says
whether that still held. That is race-free between threads and processes on PostgreSQL
(a second writer waits on the row lock, then re-checks the WHERE) and on SQLite (one
writer at a time), with the same SQL on both. Transactions start with their write on
purpose: in SQLite's WAL mode a transaction that reads first cannot wait for a busy writer
and fails at once, while one that writes first waits through the busy timeout.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import ColumnElement, CursorResult, Update, and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from openreel.db.models import Job, JobStatus
from openreel.db.session import session_scope
from openreel.db.timestamps import utcnow
from openreel.jobs.errors import InvalidJob

Finalize = Callable[[Session, Job], int | None]
"""Runs inside the transaction that marks a job succeeded; returns the video it made."""

# How many ready jobs one claim tries before giving up to the next poll.
CLAIM_BATCH = 16
# Lengths of the columns the queue writes.
KIND_MAX_CHARS = 32
WORKER_ID_MAX_CHARS = 64
ERROR_MAX_CHARS = 4000
# Backoff doubles per attempt but never waits longer than this.
MAX_RETRY_DELAY = timedelta(days=1)
LEASE_EXPIRED_ERROR = "the worker running this job stopped responding"


class HeartbeatResult(enum.StrEnum):
    """What a heartbeat learned: keep going, or stop because of a cancel or a lost lease."""

    ALIVE = "alive"
    CANCELLED = "cancelled"
    LOST = "lost"


@dataclass(frozen=True)
class ClaimedJob:
    """A job this worker now holds, with what the handler needs to run it."""

    id: int
    kind: str
    payload: dict[str, Any]
    user_id: int | None
    attempt: int
    max_attempts: int
    worker_id: str
    lease_until: datetime


class JobQueue(Protocol):
    """The queue as workers and services see it; the database queue is the default.

    A cluster backend (Ray tasks placed on GPU workers) implements the same calls, so
    services and worker loops do not change when a deployment outgrows one machine.
    """

    def enqueue(
        self, session: Session, kind: str, payload: dict[str, Any], *,
        user_id: int | None = None, max_attempts: int = 3, not_before: datetime | None = None,
    ) -> Job:
        """Add a job in the caller's transaction."""
        ...

    def claim(
        self, worker_id: str, *, lease_seconds: float, kinds: Collection[str] | None = None,
        now: datetime | None = None,
    ) -> ClaimedJob | None:
        """Take the oldest ready job, or None when there is none."""
        ...

    def heartbeat(
        self, job_id: int, worker_id: str, *, progress: float, lease_seconds: float,
        now: datetime | None = None,
    ) -> HeartbeatResult:
        """Extend the lease and store progress."""
        ...

    def complete(
        self, job_id: int, worker_id: str, finalize: Finalize | None = None, *,
        now: datetime | None = None,
    ) -> bool:
        """Finalize and mark succeeded in one transaction; False if the lease was lost."""
        ...

    def fail(
        self, job_id: int, worker_id: str, error: str, *, retryable: bool,
        retry_seconds: float, now: datetime | None = None,
    ) -> JobStatus | None:
        """Requeue with backoff or fail for good; None if the lease was lost."""
        ...

    def cancel(self, job_id: int, *, now: datetime | None = None) -> bool:
        """Cancel a queued or running job."""
        ...

    def recover_expired(self, *, now: datetime | None = None) -> int:
        """Requeue (or fail) running jobs whose lease has passed."""
        ...


def enqueue(
    session: Session, kind: str, payload: dict[str, Any], *, user_id: int | None = None,
    max_attempts: int = 3, not_before: datetime | None = None,
) -> Job:
    """Add a queued job in the caller's transaction and return it with its id.

    Nothing is committed here, so a service can create related rows in the same
    transaction and a rollback leaves no job behind.
    """
    if not kind or len(kind) > KIND_MAX_CHARS:
        raise InvalidJob(f"job kind must be 1 to {KIND_MAX_CHARS} characters, got {kind!r}")
    if max_attempts < 1:
        raise InvalidJob(f"max_attempts must be at least 1, got {max_attempts}")
    if not isinstance(payload, dict):
        raise InvalidJob(f"job payload must be a dict, got {type(payload).__name__}")
    try:
        json.dumps(payload, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidJob(f"job payload is not plain JSON: {exc}") from exc
    job = Job(
        kind=kind, payload=payload, user_id=user_id, max_attempts=max_attempts,
        status=JobStatus.QUEUED, attempts=0, progress=0.0,
        not_before=_moment(not_before) if not_before is not None else None,
    )
    session.add(job)
    session.flush()
    return job


def claim(
    factory: sessionmaker[Session], worker_id: str, *, lease_seconds: float,
    kinds: Collection[str] | None = None, now: datetime | None = None,
) -> ClaimedJob | None:
    """Take the oldest queued job whose ``not_before`` has passed, or None.

    The claim counts an attempt, stamps ``started_at`` and leases the job to
    ``worker_id`` for ``lease_seconds``. Only jobs of ``kinds`` are taken when given.
    """
    _check_worker_id(worker_id)
    _check_seconds("lease_seconds", lease_seconds, allow_zero=False)
    wanted = None if kinds is None else sorted(set(kinds))
    if wanted is not None and not wanted:
        return None
    moment = _moment(now)
    ready = and_(
        Job.status == JobStatus.QUEUED,
        or_(Job.not_before.is_(None), Job.not_before <= moment),
    )
    if wanted is not None:
        ready = and_(ready, Job.kind.in_(wanted))
    with session_scope(factory) as session:
        candidates = list(
            session.scalars(select(Job.id).where(ready).order_by(Job.id).limit(CLAIM_BATCH))
        )
    lease_until = moment + timedelta(seconds=lease_seconds)
    for job_id in candidates:
        with session_scope(factory) as session:
            # Another worker may have taken it since the read: the WHERE says so.
            taken = _changed(session, update(Job).where(Job.id == job_id, ready).values(
                status=JobStatus.RUNNING, lease_owner=worker_id, lease_until=lease_until,
                attempts=Job.attempts + 1, started_at=moment, progress=0.0, updated_at=moment,
            ))
            if taken:
                job = session.get_one(Job, job_id)
                return ClaimedJob(
                    id=job.id, kind=job.kind, payload=dict(job.payload), user_id=job.user_id,
                    attempt=job.attempts, max_attempts=job.max_attempts, worker_id=worker_id,
                    lease_until=lease_until,
                )
    return None


def heartbeat(
    factory: sessionmaker[Session], job_id: int, worker_id: str, *, progress: float,
    lease_seconds: float, now: datetime | None = None,
) -> HeartbeatResult:
    """Extend the lease of a job this worker holds and store its progress (0..1).

    Returns CANCELLED when the job was cancelled and LOST when another worker took it
    over or it is gone; in both cases the worker should stop and must not finish it.
    """
    if not (0.0 <= progress <= 1.0):
        raise InvalidJob(f"progress must be between 0 and 1, got {progress}")
    _check_seconds("lease_seconds", lease_seconds, allow_zero=False)
    moment = _moment(now)
    with session_scope(factory) as session:
        held = _changed(session, update(Job).where(_held(job_id, worker_id)).values(
            progress=progress, lease_until=moment + timedelta(seconds=lease_seconds),
            updated_at=moment,
        ))
        if held:
            return HeartbeatResult.ALIVE
        status = session.scalar(select(Job.status).where(Job.id == job_id))
    return HeartbeatResult.CANCELLED if status == JobStatus.CANCELLED else HeartbeatResult.LOST


def complete(
    factory: sessionmaker[Session], job_id: int, worker_id: str,
    finalize: Finalize | None = None, *, now: datetime | None = None,
) -> bool:
    """Run ``finalize`` and mark the job succeeded, in one transaction.

    Returns False, changing nothing, when the worker no longer holds the job; so a
    retried or recovered job can create its result rows (a Video) only once. If
    ``finalize`` raises, everything it did is rolled back and the exception propagates.
    """
    moment = _moment(now)
    with session_scope(factory) as session:
        # Lock the row first (and, on SQLite, the database) so nobody can requeue or
        # cancel it between this check and the commit.
        if not _changed(session, update(Job).where(_held(job_id, worker_id)).values(
            updated_at=moment,
        )):
            return False
        job = session.get_one(Job, job_id)
        video_id = finalize(session, job) if finalize is not None else None
        if video_id is not None:
            job.video_id = video_id
        job.status = JobStatus.SUCCEEDED
        job.progress = 1.0
        job.finished_at = moment
        job.lease_until = None
        job.error = None
        _touch(job, moment)
    return True


def fail(
    factory: sessionmaker[Session], job_id: int, worker_id: str, error: str, *,
    retryable: bool, retry_seconds: float, now: datetime | None = None,
) -> JobStatus | None:
    """Record a failed attempt: requeue it with backoff, or fail the job for good.

    A retryable failure with attempts left is queued again, not before
    ``retry_seconds * 2 ** (attempts - 1)`` from now; otherwise the job fails keeping
    ``error``. Returns the job's new status, or None when the worker no longer holds it.
    """
    _check_seconds("retry_seconds", retry_seconds, allow_zero=True)
    moment = _moment(now)
    with session_scope(factory) as session:
        if not _changed(session, update(Job).where(_held(job_id, worker_id)).values(
            updated_at=moment,
        )):
            return None
        job = session.get_one(Job, job_id)
        job.error = error[:ERROR_MAX_CHARS]
        job.lease_until = None
        _touch(job, moment)
        if retryable and job.attempts < job.max_attempts:
            job.status = JobStatus.QUEUED
            job.lease_owner = None
            job.progress = 0.0
            job.not_before = moment + retry_delay(retry_seconds, job.attempts)
        else:
            job.status = JobStatus.FAILED
            job.finished_at = moment
        return job.status


def retry_delay(retry_seconds: float, attempts: int) -> timedelta:
    """How long a job waits after its ``attempts``-th failure: doubling, capped at a day."""
    exponent = max(attempts - 1, 0)
    if exponent >= 64:
        return MAX_RETRY_DELAY
    return min(timedelta(seconds=retry_seconds * 2**exponent), MAX_RETRY_DELAY)


def cancel(factory: sessionmaker[Session], job_id: int, *, now: datetime | None = None) -> bool:
    """Cancel a queued or running job; False when it had already finished or is unknown.

    A queued job is never claimed afterwards; the worker running a running one learns
    of it at its next heartbeat, and cannot complete it.
    """
    moment = _moment(now)
    with session_scope(factory) as session:
        return bool(_changed(session, update(Job).where(
            Job.id == job_id, Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]),
        ).values(
            status=JobStatus.CANCELLED, finished_at=moment, lease_until=None, updated_at=moment,
        )))


def recover_expired(factory: sessionmaker[Session], *, now: datetime | None = None) -> int:
    """Requeue running jobs whose lease has passed, or fail those out of attempts.

    Their worker died or stopped heartbeating. Returns how many jobs were recovered.
    """
    moment = _moment(now)
    expired = and_(Job.status == JobStatus.RUNNING, Job.lease_until < moment)
    with session_scope(factory) as session:
        failed = _changed(session, update(Job).where(
            expired, Job.attempts >= Job.max_attempts,
        ).values(
            status=JobStatus.FAILED, error=LEASE_EXPIRED_ERROR, finished_at=moment,
            lease_until=None, updated_at=moment,
        ))
        requeued = _changed(session, update(Job).where(
            expired, Job.attempts < Job.max_attempts,
        ).values(
            status=JobStatus.QUEUED, error=LEASE_EXPIRED_ERROR, lease_until=None,
            lease_owner=None, progress=0.0, not_before=None, updated_at=moment,
        ))
    return failed + requeued


class DatabaseQueue:
    """The default :class:`JobQueue`: the functions of this module over one database."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        """Bind the queue to a session factory."""
        self.factory = factory

    def enqueue(
        self, session: Session, kind: str, payload: dict[str, Any], *,
        user_id: int | None = None, max_attempts: int = 3, not_before: datetime | None = None,
    ) -> Job:
        """Add a job in the caller's transaction (see :func:`enqueue`)."""
        return enqueue(session, kind, payload, user_id=user_id, max_attempts=max_attempts,
                       not_before=not_before)

    def claim(
        self, worker_id: str, *, lease_seconds: float, kinds: Collection[str] | None = None,
        now: datetime | None = None,
    ) -> ClaimedJob | None:
        """Take the oldest ready job (see :func:`claim`)."""
        return claim(self.factory, worker_id, lease_seconds=lease_seconds, kinds=kinds, now=now)

    def heartbeat(
        self, job_id: int, worker_id: str, *, progress: float, lease_seconds: float,
        now: datetime | None = None,
    ) -> HeartbeatResult:
        """Extend the lease and store progress (see :func:`heartbeat`)."""
        return heartbeat(self.factory, job_id, worker_id, progress=progress,
                         lease_seconds=lease_seconds, now=now)

    def complete(
        self, job_id: int, worker_id: str, finalize: Finalize | None = None, *,
        now: datetime | None = None,
    ) -> bool:
        """Finalize and mark succeeded (see :func:`complete`)."""
        return complete(self.factory, job_id, worker_id, finalize, now=now)

    def fail(
        self, job_id: int, worker_id: str, error: str, *, retryable: bool,
        retry_seconds: float, now: datetime | None = None,
    ) -> JobStatus | None:
        """Requeue with backoff or fail (see :func:`fail`)."""
        return fail(self.factory, job_id, worker_id, error, retryable=retryable,
                    retry_seconds=retry_seconds, now=now)

    def cancel(self, job_id: int, *, now: datetime | None = None) -> bool:
        """Cancel a queued or running job (see :func:`cancel`)."""
        return cancel(self.factory, job_id, now=now)

    def recover_expired(self, *, now: datetime | None = None) -> int:
        """Recover jobs whose lease has passed (see :func:`recover_expired`)."""
        return recover_expired(self.factory, now=now)


def _held(job_id: int, worker_id: str) -> ColumnElement[bool]:
    """The job is running and leased to ``worker_id``."""
    return and_(Job.id == job_id, Job.status == JobStatus.RUNNING, Job.lease_owner == worker_id)


def _touch(job: Job, moment: datetime) -> None:
    """Stamp ``updated_at`` even when it equals the loaded value (else onupdate would)."""
    job.updated_at = moment
    flag_modified(job, "updated_at")


def _changed(session: Session, statement: Update) -> int:
    """Run a bulk UPDATE without touching loaded objects; the number of rows it changed."""
    result = session.execute(statement, execution_options={"synchronize_session": False})
    return cast(CursorResult[Any], result).rowcount


def _moment(now: datetime | None) -> datetime:
    """``now`` as aware UTC, or the current time; naive datetimes are refused."""
    if now is None:
        return utcnow()
    if now.tzinfo is None:
        raise InvalidJob(f"naive datetime {now!r}: pass an aware one (UTC)")
    return now.astimezone(UTC)


def _check_worker_id(worker_id: str) -> None:
    """Refuse a worker id that would not fit ``lease_owner``."""
    if not worker_id or len(worker_id) > WORKER_ID_MAX_CHARS:
        raise InvalidJob(
            f"worker id must be 1 to {WORKER_ID_MAX_CHARS} characters, got {worker_id!r}"
        )


def _check_seconds(name: str, value: float, *, allow_zero: bool) -> None:
    """Refuse a duration that is negative, not finite, or zero where zero makes no sense."""
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = "at least 0" if allow_zero else "above 0"
        raise InvalidJob(f"{name} must be a finite number {bound}, got {value}")
