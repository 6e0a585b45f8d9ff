"""The rate limiter counts callers by who they are: made-up tokens and decoy cookies spend
their address's budget, a signed-in caller keeps their own."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient

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
