"""The rate limiter counts callers by who they are: made-up tokens and decoy cookies spend
their address's budget, a signed-in caller keeps their own."""

from __future__ import annotations

import asyncio
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient

from openreel.api.guards import RateLimit
from openreel.app import create_app
from openreel.config import Settings

PER_MINUTE = 60  # a burst of 10, then one a second


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[PlatformApp]:
    settings = Settings(data_dir=tmp_path / "data", workers=0,
                        rate_limit_per_minute=PER_MINUTE, x264_preset="ultrafast")
    app = create_app(settings)
    with TestClient(app) as client:
        yield PlatformApp(app, client)


def _statuses(app: PlatformApp, headers_each: Iterator[dict[str, str]], n: int) -> list[int]:
    return [app.client.get("/api/v1/feed", headers=next(headers_each)).status_code
            for _ in range(n)]


def _decoy_cookies() -> Iterator[dict[str, str]]:
    while True:
        yield {"cookie": f"openreel_session={secrets.token_urlsafe(24)}"}


def _made_up_tokens() -> Iterator[dict[str, str]]:
    while True:
        yield {"authorization": f"Bearer or_{secrets.token_urlsafe(32)}"}


@pytest.mark.parametrize("decoys", [_decoy_cookies, _made_up_tokens])
def test_made_up_credentials_share_their_address_budget(limited: PlatformApp,
                                                        decoys: object) -> None:
    statuses = _statuses(limited, decoys(), 60)  # type: ignore[operator]
    assert statuses.count(200) <= 12, statuses  # the burst, and a second's refill at most
    assert statuses.count(429) >= 48
    refused = limited.client.get("/api/v1/feed", headers=next(_decoy_cookies()))
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1


def test_a_known_caller_keeps_their_own_budget_beside_a_flood(limited: PlatformApp) -> None:
    auth = limited.sign_up("alice")  # sign-up and token: the address's requests
    assert limited.client.get("/api/v1/feed", headers=auth).status_code == 200
    flood = _statuses(limited, _made_up_tokens(), 40)
    assert flood.count(429) >= 25
    mine = [limited.client.get("/api/v1/feed", headers=auth).status_code for _ in range(8)]
    assert mine == [200] * 8
    # and alice's own budget is hers: spent, she is refused while the address is too
    more = [limited.client.get("/api/v1/feed", headers=auth).status_code for _ in range(10)]
    assert 429 in more


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _scope(token: str) -> dict[str, object]:
    return {"type": "http", "path": "/api/v1/feed", "method": "GET", "query_string": b"",
            "headers": [(b"authorization", f"Bearer {token}".encode())],
            "client": ("127.0.0.1", 5000)}


async def _answered(limiter: RateLimit, token: str) -> None:
    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: object) -> None:
        pass

    await limiter(_scope(token), receive, send)  # type: ignore[arg-type]


def test_credentials_seen_together_are_not_all_looked_up_again_together(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A crowd first seen in the same instant (after a restart) is looked up again spread
    over half a minute, not in one burst a minute later; on SQLite on the event loop."""
    clock = _Clock()
    monkeypatch.setattr("openreel.api.guards.time.monotonic", clock)
    looked_up: list[tuple[str, int]] = []

    def identify(kind: str, secret: str) -> str:
        looked_up.append((secret, threading.get_ident()))
        return f"user:{secret}"

    async def inner(scope: object, receive: object, send: object) -> None:
        pass

    limiter = RateLimit(inner, per_minute=10**6, identify=identify,  # type: ignore[arg-type]
                        identify_inline=True)
    tokens = [f"t{i}" for i in range(200)]

    loop_threads: set[int] = set()

    def round_at(seconds: float) -> int:
        clock.now = 1000.0 + seconds
        before = len(looked_up)

        async def every_token() -> None:
            loop_threads.add(threading.get_ident())
            for token in tokens:
                await _answered(limiter, token)

        # on a thread of its own: this one may have an event loop running already
        serving = threading.Thread(target=asyncio.run, args=(every_token(),))
        serving.start()
        serving.join()
        return len(looked_up) - before

    assert round_at(0) == 200
    assert {thread for _, thread in looked_up} == loop_threads, "on the event loop's thread"
    assert round_at(44) == 0, "remembered for at least three quarters of a minute"
    again = round_at(60)
    assert 40 <= again <= 160, f"{again} of 200 looked up again in the same instant"
    assert round_at(76) == 200 - again, "none remembered past a minute and a quarter"
