"""The job queue: rows in the database, leases, retries with backoff, crash recovery.

Services enqueue in their own transaction; workers (threads in this process by default)
claim, run a handler, and finish the job with its result rows in one transaction, so a
job that is retried or recovered after a crash produces its video exactly once.
"""

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
    cancel,
    claim,
    complete,
    enqueue,
    fail,
    heartbeat,
    recover_expired,
    retry_delay,
)
from openreel.jobs.worker import (
    Handler,
    JobContext,
    JobOutcome,
    JobRun,
    ProgressEvent,
    ProgressListener,
    WorkerPool,
    drain,
    new_worker_id,
    run_one,
)

__all__ = [
    "ClaimedJob",
    "DatabaseQueue",
    "Finalize",
    "Handler",
    "HeartbeatResult",
    "InvalidJob",
    "JobCancelled",
    "JobContext",
    "JobError",
    "JobOutcome",
    "JobQueue",
    "JobRun",
    "LeaseLost",
    "PermanentJobError",
    "ProgressEvent",
    "ProgressListener",
    "WorkerPool",
    "cancel",
    "claim",
    "complete",
    "drain",
    "enqueue",
    "fail",
    "heartbeat",
    "new_worker_id",
    "recover_expired",
    "retry_delay",
    "run_one",
]
