"""Domain errors become HTTP answers here, and only here."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from openreel.services.errors import (
    Busy,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    NotSignedIn,
    QuotaExceeded,
    ServiceError,
    TooLarge,
    UnsupportedMedia,
)
from openreel.storage import BlobNotFound

STATUS: dict[type[ServiceError], int] = {
    NotFound: 404,
    NotSignedIn: 401,
    Forbidden: 403,
    Conflict: 409,
    QuotaExceeded: 429,
    UnsupportedMedia: 415,
    TooLarge: 413,
    Busy: 503,
}

PageRenderer = Callable[[Request, int, str], Response]
BUSY_RETRY_SECONDS = 2
BUSY_MESSAGE = "openreel is busy: nothing was saved, try again in a moment"
logger = logging.getLogger(__name__)

# Every route may answer with these; declared so the OpenAPI schema tells the truth.
COMMON_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"description": "Not signed in", "model": None},
    403: {"description": "Forbidden or missing CSRF token"},
    404: {"description": "Not found"},
    409: {"description": "Conflicts with what is stored"},
    413: {"description": "Upload too large"},
    415: {"description": "Not a supported kind of file"},
    422: {"description": "Invalid field"},
    429: {"description": "Rate limit or daily quota reached"},
    503: {"description": "Busy: nothing was saved, try again after Retry-After seconds"},
}


def retry_headers(error: ServiceError) -> dict[str, str]:
    """Retry-After for an error that says when to come back (a quota, a busy moment)."""
    if isinstance(error, QuotaExceeded | Busy):
        return {"Retry-After": str(error.retry_after)}
    return {}


def status_of(error: ServiceError, otherwise: int = 400) -> int:
    """The HTTP status of a domain error: 422 for a field's value, else by its kind."""
    if isinstance(error, InvalidInput):
        return 422
    # a kind of error stands for its own status, or its nearest ancestor's
    return next((STATUS[kind] for kind in type(error).__mro__ if kind in STATUS), otherwise)


def problem_response(error: ServiceError) -> JSONResponse:
    """The JSON answer for a domain error."""
    if isinstance(error, InvalidInput):
        return JSONResponse(status_code=422, content={"detail": [
            {"loc": ["body", error.field], "msg": error.reason, "type": "value_error"}]})
    return JSONResponse(status_code=status_of(error),
                        content={"detail": error.message}, headers=retry_headers(error))


def install_error_handlers(app: FastAPI, page: PageRenderer | None = None) -> None:
    """Map domain errors to statuses for every route; pages get ``page``'s HTML instead."""

    def for_people(request: Request) -> bool:
        return page is not None and not request.url.path.startswith("/api/")

    async def on_service_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceError)
        response = problem_response(exc)
        if for_people(request) and page is not None:
            answer = page(request, response.status_code, exc.message)
            answer.headers.update(retry_headers(exc))
            return answer
        return response

    async def on_missing_blob(request: Request, exc: Exception) -> Response:
        if for_people(request) and page is not None:
            return page(request, 404, "the file is gone")
        return JSONResponse(status_code=404, content={"detail": "the file is gone"})

    async def on_database_busy(request: Request, exc: Exception) -> Response:
        # Writers wait their turn for the lock (see api.deps.request_session); one that
        # waited the whole busy timeout, or a database that cannot be reached, is asked
        # to come back rather than told that something broke.
        logger.warning("database unavailable for %s %s: %s", request.method, request.url.path,
                       exc)
        headers = {"Retry-After": str(BUSY_RETRY_SECONDS)}
        if for_people(request) and page is not None:
            answer = page(request, 503, BUSY_MESSAGE)
            answer.headers.update(headers)
            return answer
        return JSONResponse(status_code=503, content={"detail": BUSY_MESSAGE}, headers=headers)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        # Unknown addresses and refusals the framework raises: the styled page for people,
        # FastAPI's JSON for scripts.
        assert isinstance(exc, StarletteHTTPException)
        if for_people(request) and page is not None:
            message = ("there is nothing at this address" if exc.status_code == 404
                       else str(exc.detail))
            answer = page(request, exc.status_code, message)
            answer.headers.update(exc.headers or {})
            return answer
        return await http_exception_handler(request, exc)

    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(ServiceError, on_service_error)
    app.add_exception_handler(BlobNotFound, on_missing_blob)
    app.add_exception_handler(OperationalError, on_database_busy)
