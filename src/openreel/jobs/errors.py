"""What can go wrong with a job, as exceptions a handler raises or a worker sees."""

from __future__ import annotations


class JobError(Exception):
    """Base class of the job queue's exceptions."""


class InvalidJob(JobError, ValueError):
    """A job or a queue call was given values it cannot accept."""


class PermanentJobError(JobError):
    """Raised by a handler when retrying cannot help; the message is shown to the user."""


class JobCancelled(JobError):
    """The job was cancelled while it ran; the handler should stop and clean up."""


class LeaseLost(JobError):
    """This worker no longer holds the job (it was recovered and may run elsewhere)."""
