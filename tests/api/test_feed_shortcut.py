"""The feed's shortcut past the router: the same answers as the route, errors left to it."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from api_client import PlatformApp
from sqlalchemy import insert, select

from openreel.api.routes.feed import FeedShortcut
from openreel.api.schemas import FeedPage
from openreel.db.models import User, Video, VideoStatus

PATH = "/api/v1/feed"


def _publish_many(platform_app: PlatformApp, owner: str, count: int) -> None:
    """``count`` published videos by ``owner``, written straight to the database."""
    platform_app.sign_up(owner)
    with platform_app.platform.sessions() as session:
        owner_id = session.scalars(select(User.id).where(User.handle == owner)).one()
    now = datetime.now(UTC)
    with platform_app.platform.engine.begin() as conn:
        conn.execute(insert(Video), [{
            "owner_id": owner_id, "status": VideoStatus.PUBLISHED, "prompt": f"video {i}",
            "caption": f"caption {i}", "engine": "procedural", "seed": i, "seconds": 10.0,
            "size": "720x1280", "style": "animated", "width": 720, "height": 1280, "fps": 24,
            "kind": "generate", "topics": ["animals" if i % 2 else "sports"],
            "video_key": f"videos/s{i}/video.mp4", "poster_key": f"videos/s{i}/poster.jpg",
            "created_at": now - timedelta(hours=i), "published_at": now - timedelta(hours=i),
            "changed_at": now - timedelta(hours=i), "like_count": i} for i in range(count)])
    platform_app.platform.feed.invalidate()


def test_the_shortcut_answers_as_the_route_does(platform_app: PlatformApp) -> None:
    _publish_many(platform_app, "maker", 30)
    viewer = platform_app.sign_up("viewer")
    client = platform_app.client
    for auth in ({}, viewer):
        short = client.get(PATH, params={"limit": "7"}, headers=auth)
        # An unknown parameter is left to the route (which ignores it): the route's answer.
        routed = client.get(PATH, params={"limit": "7", "other": "1"}, headers=auth)
        assert short.status_code == routed.status_code == 200
        assert short.content == routed.content
        assert short.headers["content-type"] == routed.headers["content-type"]
        assert short.headers["content-security-policy"] == routed.headers[
            "content-security-policy"]
        page = FeedPage.model_validate(short.json())
        assert len(page.items) == 7 and page.next_cursor
        following = client.get(PATH, params={"mode": "following"}, headers=viewer)
        assert following.status_code == 200 and following.json()["items"] == []
    # The next page through the cursor, both ways.
    first = client.get(PATH, params={"limit": "7"}, headers=viewer).json()
    second = client.get(PATH, params={"limit": "7", "cursor": first["next_cursor"]},
                        headers=viewer)
    assert second.status_code == 200
    assert {i["video"]["id"] for i in second.json()["items"]}.isdisjoint(
        {i["video"]["id"] for i in first["items"]})


@pytest.mark.parametrize(("params", "status", "words"), [
    ({"limit": "0"}, 422, "greater than or equal to 1"),
    ({"limit": "51"}, 422, "less than or equal to 50"),
    ({"limit": "ten"}, 422, "valid integer"),
    ({"mode": "popular"}, 422, "for_you"),
    ({"cursor": "x" * 201}, 422, "at most 200 characters"),
    ({"cursor": "not-a-cursor"}, 422, "cursor"),
    ({"mode": "following"}, 401, "sign in"),
])
def test_what_is_not_plainly_valid_gets_the_routes_error(
        platform_app: PlatformApp, params: dict[str, str], status: int, words: str) -> None:
    _publish_many(platform_app, "maker", 3)
    answer = platform_app.client.get(PATH, params=params)
    assert answer.status_code == status, answer.text
    assert words in answer.text


def test_a_token_that_does_not_resolve_gets_the_routes_401(platform_app: PlatformApp) -> None:
    answer = platform_app.client.get(PATH, headers={"Authorization": "Bearer orl_nope"})
    assert answer.status_code == 401
    assert answer.json()["detail"] == "the API token is not valid"
    assert answer.headers["www-authenticate"] == "Bearer"


def _through_shortcut(platform_app: PlatformApp, query: bytes, method: str = "GET",
                      headers: list[tuple[bytes, bytes]] | None = None
                      ) -> tuple[list[dict[str, Any]], list[Any]]:
    """Drive a FeedShortcut whose inner app only records that it was reached."""
    passed_on: list[Any] = []
    sent: list[dict[str, Any]] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        passed_on.append(scope["query_string"])

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": PATH, "query_string": query,
             "headers": headers or [], "app": platform_app.app, "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80), "scheme": "http", "root_path": "",
             "http_version": "1.1"}
    # On a thread of its own: whatever loop the test's thread may hold is not this one's.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, FeedShortcut(inner, PATH)(scope, receive, send)).result()
    return sent, passed_on


def test_plain_requests_never_reach_the_router_and_the_rest_always_do(
        platform_app: PlatformApp) -> None:
    _publish_many(platform_app, "maker", 12)
    for query in (b"", b"limit=5", b"mode=for_you&limit=50"):
        sent, passed_on = _through_shortcut(platform_app, query)
        assert passed_on == []
        assert sent[0]["status"] == 200
        body = json.loads(sent[1]["body"])
        assert len(body["items"]) == min(12, int(dict(
            p.split(b"=") for p in query.split(b"&") if p).get(b"limit", b"10")))
    for query in (b"limit=0", b"limit=5&limit=6", b"limit=%ff", b"mode=following",
                  b"cursor=zz", b"limit=5&x=1", b"limit=\xff"):
        sent, passed_on = _through_shortcut(platform_app, query)
        assert passed_on == [query] and sent == [], query
    sent, passed_on = _through_shortcut(platform_app, b"", method="HEAD")
    assert passed_on == [b""] and sent == []
    sent, passed_on = _through_shortcut(platform_app, b"", headers=[
        (b"authorization", b"Bearer orl_unknown")])
    assert passed_on == [b""] and sent == []
