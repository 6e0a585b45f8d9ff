"""Limits every request passes (body size, request rate for the API) and the headers every
answer carries.

All are plain ASGI middleware so that an oversized body is refused before any of it is
parsed, a flood of requests is refused before it reaches a route, and no answer, an error
page included, leaves without its security headers.
"""

from __future__ import annotations

import json
import math
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from openreel.api.deps import SESSION_COOKIE


async def _send_json(send: Send, status: int, detail: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, without reading the rest."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length first, then count what actually arrives."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the upload is larger than {self.limit // (1024 * 1024)} MB"
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_json(send, 400, "bad Content-Length header")
                    return
                if declared > self.limit:
                    await _send_json(send, 413, message)
                    return
        received = 0
        refused = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    refused = True
                    if not started:
                        await _send_json(send, 413, message)
                    return {"type": "http.disconnect"}
            return event

        async def guarded_send(event: Message) -> None:
            nonlocal started
            if refused:
                return
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise


Identify = Callable[[str, str], "str | None"]  # ("token" | "session", secret) → who, or None


class RateLimit:
    """A token bucket per caller for paths under ``prefix``.

    A caller is who their credentials resolve to (``identify``: an API token or a session
    cookie, looked up once and remembered for about a minute), else their address.
    Credentials not yet known are paid for by the address before they are looked up, so a
    flood of made-up tokens or decoy cookies spends the address's budget, not a fresh one
    each. ``identify_inline``: look up on the event loop (a local SQLite read, see
    ``api.deps``), not on the threadpool.

    How long a credential is remembered varies a little (±25 %): callers first seen
    together, as after a restart, would otherwise all be looked up again in the same
    instant a minute later, and a burst of lookups on the threadpool starves the event
    loop (measured: requests held up to 0.4 s every minute under steady load).
    """

    def __init__(self, app: ASGIApp, per_minute: int, prefix: str = "/api/",
                 identify: Identify | None = None, identify_inline: bool = False) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = float(max(per_minute // 6, 10))
        self.prefix = prefix
        self.identify = identify
        self.identify_inline = identify_inline
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._known: OrderedDict[tuple[str, str], tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def credentials(scope: Scope) -> tuple[str, str] | None:
        """The bearer token or session cookie a request carries, if any, read as
        ``deps.get_caller`` reads them."""
        connection = HTTPConnection(scope)
        scheme, _, secret = connection.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and secret.strip():
            return "token", secret.strip()
        cookie = connection.cookies.get(SESSION_COOKIE)
        return ("session", cookie) if cookie else None

    def take(self, key: str, now: float) -> float:
        """Spend one request for ``key``; returns 0, or seconds until one is available."""
        with self._lock:
            tokens, stamp = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > 50_000:
                self._buckets.popitem(last=False)
            return wait

    def _known_caller(self, credentials: tuple[str, str], now: float) -> str | None:
        with self._lock:
            found = self._known.get(credentials)
            if found is None or now >= found[1]:
                return None
            return found[0]

    def _remember(self, credentials: tuple[str, str], caller: str, now: float) -> None:
        until = now + _KNOWN_FOR * random.uniform(0.75, 1.25)
        with self._lock:
            self._known[credentials] = (caller, until)
            self._known.move_to_end(credentials)
            while len(self._known) > 50_000:
                self._known.popitem(last=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer 429 with Retry-After."""
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            now = time.monotonic()
            client = scope.get("client")
            address = "ip:" + (client[0] if client else "?")
            identify = self.identify
            credentials = self.credentials(scope) if identify is not None else None
            caller = self._known_caller(credentials, now) if credentials else None
            wait = self.take(caller or address, now)
            if wait > 0:
                retry = str(max(1, math.ceil(wait)))
                await _send_json(send, 429, f"too many requests: try again in {retry} s",
                                 [(b"retry-after", retry.encode())])
                return
            if identify is not None and credentials and caller is None:
                found = (identify(*credentials) if self.identify_inline
                         else await run_in_threadpool(identify, *credentials))
                if found is not None:
                    self._remember(credentials, found, now)
        await self.app(scope, receive, send)


_KNOWN_FOR = 60.0  # seconds (on average) a resolved credential keeps naming its caller here


# What a page may load and who may frame it: only this site's own scripts, styles, media
# and connections; no plugins; never inside another site's frame.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'",
    "img-src 'self' data: blob:", "media-src 'self' blob:", "connect-src 'self'",
    "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
    "frame-ancestors 'none'"])
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]


class SecurityHeaders:
    """Add the security headers to every HTTP answer (the content policy to all but the
    interactive API docs, whose page is built from a CDN's scripts)."""

    def __init__(self, app: ASGIApp, exempt: tuple[str, ...] = ("/api/docs",)) -> None:
        self.app = app
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to its answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(SECURITY_HEADERS)
        if not scope["path"].startswith(self.exempt):
            extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))

        async def with_headers(event: Message) -> None:
            if event["type"] == "http.response.start":
                present = {name.lower() for name, _ in event.get("headers", [])}
                event = {**event, "headers": [*event.get("headers", []),
                                              *(h for h in extra if h[0] not in present)]}
            await send(event)

        await self.app(scope, receive, with_headers)
