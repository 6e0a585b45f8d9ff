"""Workers: claim a job, run its handler, report back; as threads or in the caller.

A handler is a plain function of a :class:`JobContext` returning a :class:`JobOutcome`.
It does the slow part (rendering, uploading) outside any transaction; the outcome's
``finalize`` then creates the result rows inside the transaction that marks the job
succeeded, so a job retried or recovered after a crash leaves its result exactly once.

While a handler runs, a side thread renews the job's lease, so a long step that reports
no progress is not mistaken for a dead worker; a worker that dies stops renewing, and
``recover_expired`` puts its job back in the queue once the lease has passed.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import JobStatus
from openreel.jobs.errors import (
    InvalidJob,
    JobCancelled,
    JobError,
    LeaseLost,
    PermanentJobError,
)
from openreel.jobs.queue import (
    ClaimedJob,
    DatabaseQueue,
    Finalize,
    HeartbeatResult,
    JobQueue,
)

logger = logging.getLogger(__name__)

# A handler's progress reaches the database at most this often.
PROGRESS_HEARTBEAT_SECONDS = 0.5
DEFAULT_LEASE_SECONDS = 60.0
DEFAULT_RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class JobOutcome:
    """What a handler made: ``finalize(session, job)`` writes its rows, returns a video id."""

    finalize: Finalize | None = None


@dataclass(frozen=True)
class ProgressEvent:
    """One progress report of a handler, for a listener in this process."""

    job_id: int
    kind: str
    fraction: float
    stage: str


@dataclass(frozen=True)
class JobRun:
    """What one attempt at a job came to.

    ``status`` is the job's status as this attempt left it: SUCCEEDED, QUEUED (a retry is
    scheduled), FAILED or CANCELLED; None when the worker lost the job before finishing
    it (cancelled meanwhile, or recovered and handed to another worker).
    """

    job_id: int
    kind: str
    attempt: int
    status: JobStatus | None
    error: str | None = None


ProgressListener = Callable[[ProgressEvent], None]


class JobContext:
    """What a handler sees of its job, and how it reports progress."""

    def __init__(
        self, claimed: ClaimedJob, queue: JobQueue, *, lease_seconds: float,
        on_progress: ProgressListener | None = None,
    ) -> None:
        """Wrap a claimed job; workers build these, handlers only use them."""
        self.job_id = claimed.id
        self.kind = claimed.kind
        self.payload: dict[str, Any] = claimed.payload
        self.attempt = claimed.attempt
        self.max_attempts = claimed.max_attempts
        self.user_id = claimed.user_id
        self.worker_id = claimed.worker_id
        self.lease_seconds = lease_seconds
        self._queue = queue
        self._on_progress = on_progress
        self._fraction = 0.0
        self._stage = ""
        self._beat_interval = min(PROGRESS_HEARTBEAT_SECONDS, lease_seconds / 3)
        self._last_beat = time.monotonic()
        self._stopped: HeartbeatResult | None = None
        self._lock = threading.Lock()

    @property
    def fraction(self) -> float:
        """The last progress reported, 0..1."""
        return self._fraction

    @property
    def stage(self) -> str:
        """The name of the last stage reported."""
        return self._stage

    def progress(self, fraction: float, stage: str = "") -> None:
        """Report progress (0..1); stored with a heartbeat at most every half second.

        Every report also goes to the pool's progress listener, if it has one.

        Raises :class:`JobCancelled` or :class:`LeaseLost` once a heartbeat has learned
        that the job must stop, so the handler unwinds at its next report.
        """
        if not (0.0 <= fraction <= 1.0):
            raise InvalidJob(f"progress must be between 0 and 1, got {fraction}")
        self._fraction, self._stage = fraction, stage
        if time.monotonic() - self._last_beat >= self._beat_interval:
            self.renew()
        self.check()
        if self._on_progress is not None:
            try:
                self._on_progress(ProgressEvent(self.job_id, self.kind, fraction, stage))
            except Exception:
                logger.exception("progress listener failed for job %s", self.job_id)

    @property
    def stopped_by(self) -> HeartbeatResult | None:
        """Why a heartbeat said to stop (CANCELLED or LOST), or None while the job runs."""
        return self._stopped

    def check(self) -> None:
        """Raise :class:`JobCancelled` or :class:`LeaseLost` if the job must stop."""
        if self._stopped is HeartbeatResult.CANCELLED:
            raise JobCancelled(f"job {self.job_id} was cancelled")
        if self._stopped is HeartbeatResult.LOST:
            raise LeaseLost(f"job {self.job_id} is no longer held by {self.worker_id}")

    def renew(self) -> HeartbeatResult:
        """Heartbeat now: extend the lease and store the last progress reported."""
        with self._lock:
            if self._stopped is not None:
                return self._stopped
            result = self._queue.heartbeat(
                self.job_id, self.worker_id, progress=self._fraction,
                lease_seconds=self.lease_seconds,
            )
            self._last_beat = time.monotonic()
            if result is not HeartbeatResult.ALIVE:
                self._stopped = result
            return result


Handler = Callable[[JobContext], JobOutcome]


class _LeaseKeeper:
    """Renews a running job's lease from a side thread until the handler returns."""

    def __init__(self, context: JobContext, abandoned: threading.Event) -> None:
        self._context = context
        self._abandoned = abandoned
        self._done = threading.Event()
        self._thread = threading.Thread(
            target=self._keep, name=f"lease-{context.job_id}", daemon=True
        )

    def __enter__(self) -> _LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _keep(self) -> None:
        interval = self._context.lease_seconds / 3
        while not self._done.wait(interval):
            # A pool that gave up on this job stops renewing, so the lease runs out.
            if self._abandoned.is_set():
                return
            try:
                result = self._context.renew()
            except Exception:
                logger.warning("lease renewal failed for job %s", self._context.job_id,
                               exc_info=True)
                continue
            if result is not HeartbeatResult.ALIVE:
                return


def run_one(
    factory: sessionmaker[Session], handlers: Mapping[str, Handler], *,
    worker_id: str | None = None, lease_seconds: float = DEFAULT_LEASE_SECONDS,
    retry_seconds: float = DEFAULT_RETRY_SECONDS, queue: JobQueue | None = None,
    on_progress: ProgressListener | None = None,
) -> JobRun | None:
    """Claim one ready job of the handled kinds and run it here; None when none is ready."""
    queue = queue if queue is not None else DatabaseQueue(factory)
    claimed = queue.claim(worker_id or new_worker_id(), lease_seconds=lease_seconds,
                          kinds=list(handlers))
    if claimed is None:
        return None
    return _run_claimed(queue, claimed, handlers[claimed.kind], lease_seconds=lease_seconds,
                        retry_seconds=retry_seconds, on_progress=on_progress,
                        abandoned=threading.Event())


def drain(
    factory: sessionmaker[Session], handlers: Mapping[str, Handler], *,
    worker_id: str | None = None, lease_seconds: float = DEFAULT_LEASE_SECONDS,
    retry_seconds: float = DEFAULT_RETRY_SECONDS, max_jobs: int | None = None,
    queue: JobQueue | None = None, on_progress: ProgressListener | None = None,
) -> list[JobRun]:
    """Recover expired leases, then run ready jobs in this thread until none is left.

    Jobs waiting out a retry delay are not ready and stay queued. Returns what each
    attempt came to, in order.
    """
    queue = queue if queue is not None else DatabaseQueue(factory)
    worker_id = worker_id or new_worker_id()
    queue.recover_expired()
    runs: list[JobRun] = []
    while max_jobs is None or len(runs) < max_jobs:
        run = run_one(factory, handlers, worker_id=worker_id, lease_seconds=lease_seconds,
                      retry_seconds=retry_seconds, queue=queue, on_progress=on_progress)
        if run is None:
            break
        runs.append(run)
    return runs


def new_worker_id(index: int = 0) -> str:
    """A worker id unique across hosts, processes and restarts: host, pid, index, nonce."""
    host = socket.gethostname()[:24] or "host"
    return f"{host}:{os.getpid()}:{index}:{secrets.token_hex(4)}"


def _run_claimed(
    queue: JobQueue, claimed: ClaimedJob, handler: Handler, *, lease_seconds: float,
    retry_seconds: float, on_progress: ProgressListener | None, abandoned: threading.Event,
) -> JobRun:
    """Run the handler of a claimed job and record its success or failure."""
    context = JobContext(claimed, queue, lease_seconds=lease_seconds, on_progress=on_progress)
    try:
        with _LeaseKeeper(context, abandoned):
            outcome = handler(context)
        if not isinstance(outcome, JobOutcome):
            raise PermanentJobError(
                f"the {claimed.kind} handler returned {type(outcome).__name__}, not a JobOutcome"
            )
        finished = queue.complete(claimed.id, claimed.worker_id, outcome.finalize)
    except JobCancelled:
        if context.stopped_by is None:
            # The handler decided on its own to cancel: record it so nobody retries it.
            queue.cancel(claimed.id)
        return _run(claimed, JobStatus.CANCELLED)
    except LeaseLost:
        return _run(claimed, None)
    except PermanentJobError as exc:
        return _failed(queue, claimed, str(exc) or type(exc).__name__, retryable=False,
                       retry_seconds=retry_seconds)
    except Exception as exc:
        logger.warning("job %s (%s) attempt %s failed", claimed.id, claimed.kind,
                       claimed.attempt, exc_info=True)
        return _failed(queue, claimed, f"{type(exc).__name__}: {exc}", retryable=True,
                       retry_seconds=retry_seconds)
    return _run(claimed, JobStatus.SUCCEEDED if finished else None)


def _failed(
    queue: JobQueue, claimed: ClaimedJob, error: str, *, retryable: bool, retry_seconds: float
) -> JobRun:
    """Record a failed attempt and say what it came to."""
    status = queue.fail(claimed.id, claimed.worker_id, error, retryable=retryable,
                        retry_seconds=retry_seconds)
    return _run(claimed, status, error)


def _run(claimed: ClaimedJob, status: JobStatus | None, error: str | None = None) -> JobRun:
    """The record of one attempt at ``claimed``."""
    return JobRun(job_id=claimed.id, kind=claimed.kind, attempt=claimed.attempt,
                  status=status, error=error)


class WorkerPool:
    """Worker threads that run jobs of the handled kinds until stopped.

    ``workers=0`` makes a pool that starts nothing (a process that only serves
    requests). On start, and every ``recover_interval`` seconds after, jobs whose lease
    has passed are put back in the queue.
    """

    def __init__(
        self, factory: sessionmaker[Session], handlers: Mapping[str, Handler], *,
        workers: int = 1, lease_seconds: float = DEFAULT_LEASE_SECONDS,
        retry_seconds: float = DEFAULT_RETRY_SECONDS, poll_interval: float = 0.5,
        recover_interval: float | None = None, queue: JobQueue | None = None,
        on_progress: ProgressListener | None = None, name: str = "openreel-jobs",
    ) -> None:
        """Configure the pool; nothing runs until :meth:`start`."""
        if workers < 0:
            raise InvalidJob(f"workers must be 0 or more, got {workers}")
        for label, value in (("lease_seconds", lease_seconds),
                             ("poll_interval", poll_interval)):
            if not value > 0:
                raise InvalidJob(f"{label} must be above 0, got {value}")
        if not retry_seconds >= 0:
            raise InvalidJob(f"retry_seconds must be 0 or more, got {retry_seconds}")
        self.workers = workers
        self.lease_seconds = lease_seconds
        self.retry_seconds = retry_seconds
        self.poll_interval = poll_interval
        self.recover_interval = recover_interval or max(lease_seconds / 2, poll_interval)
        self.queue: JobQueue = queue if queue is not None else DatabaseQueue(factory)
        self.worker_ids = [new_worker_id(index) for index in range(workers)]
        self._handlers = dict(handlers)
        self._on_progress = on_progress
        self._name = name
        self._stopping = threading.Event()
        self._abandoned = threading.Event()
        self._wakeup = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._started = False

    def start(self) -> None:
        """Recover expired leases, then start the worker threads and the recovery loop."""
        if self._started:
            raise JobError("this worker pool was already started")
        self._started = True
        if self.workers == 0:
            return
        self.queue.recover_expired()
        for index, worker_id in enumerate(self.worker_ids):
            self._threads.append(threading.Thread(
                target=self._work, args=(worker_id,), name=f"{self._name}-{index}", daemon=True
            ))
        self._threads.append(threading.Thread(
            target=self._recover, name=f"{self._name}-recovery", daemon=True
        ))
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float | None = None) -> bool:
        """Stop claiming, let running jobs finish for up to ``timeout`` seconds.

        Returns True when every thread ended. Jobs still running then are abandoned:
        their leases are no longer renewed, so they return to the queue once they pass.
        """
        self._stopping.set()
        self.wake()
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            thread.join(remaining)
        alive = [thread.name for thread in self._threads if thread.is_alive()]
        if alive:
            self._abandoned.set()
            logger.warning("abandoned running jobs in %s", ", ".join(alive))
        return not alive

    def wake(self) -> None:
        """Make idle workers look for jobs now instead of at their next poll."""
        with self._wakeup:
            self._wakeup.notify_all()

    def __enter__(self) -> WorkerPool:
        """Start the pool for the duration of a ``with`` block."""
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the pool, waiting for running jobs to finish."""
        self.stop()

    def _work(self, worker_id: str) -> None:
        kinds = list(self._handlers)
        while not self._stopping.is_set():
            try:
                claimed = self.queue.claim(worker_id, lease_seconds=self.lease_seconds,
                                           kinds=kinds)
                if claimed is not None:
                    _run_claimed(self.queue, claimed, self._handlers[claimed.kind],
                                 lease_seconds=self.lease_seconds,
                                 retry_seconds=self.retry_seconds,
                                 on_progress=self._on_progress, abandoned=self._abandoned)
                    continue
            except Exception:
                # The database may be briefly unavailable; a job left running is
                # recovered when its lease passes.
                logger.exception("worker %s could not take or report a job", worker_id)
            with self._wakeup:
                if not self._stopping.is_set():
                    self._wakeup.wait(self.poll_interval)

    def _recover(self) -> None:
        while not self._stopping.wait(self.recover_interval):
            try:
                if self.queue.recover_expired():
                    self.wake()
            except Exception:
                logger.exception("recovering expired job leases failed")
