"""What can go wrong in a use case, in the user's terms; the API maps each to one status."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every domain error; ``message`` is safe to show to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def said(self) -> str:
        """What to tell a person beside the form they filled (a field's own words)."""
        return self.message


class InvalidInput(ServiceError):
    """A field has a value the use case cannot accept."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

    @property
    def said(self) -> str:
        """The reason alone: the form shows which field it is."""
        return self.reason


class NotFound(ServiceError):
    """No such thing, or not one the caller may see (the two look the same on purpose)."""


class NotSignedIn(ServiceError):
    """The caller must sign in (or send a valid API token) first."""


class Forbidden(ServiceError):
    """The caller is known but may not do this."""


class Conflict(ServiceError):
    """The request clashes with what is stored (a taken handle, a finished job …)."""


class QuotaExceeded(ServiceError):
    """The caller has used up an allowance; ``retry_after`` seconds until it refills."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UnsupportedMedia(ServiceError):
    """An upload is not a kind of file the use case takes."""


class TooLarge(ServiceError):
    """An upload is larger than the configured limit."""


class Busy(ServiceError):
    """Too much is going on to do this now; nothing was done, ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
