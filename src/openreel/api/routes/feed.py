"""The feeds, steering, and notifications."""

from __future__ import annotations

from typing import Annotated, Literal, get_args
from urllib.parse import parse_qsl

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic_core import to_json
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from openreel.api.deps import (
    CurrentUser,
    PlatformDep,
    SessionDep,
    get_platform,
    identify,
    request_session,
    run_db,
)
from openreel.api.present import avatar_url_of, notification_out, video_fields
from openreel.api.schemas import (
    Count,
    FeedPage,
    NotificationOut,
    ReadRequest,
    SteerOut,
    SteerRequest,
    TopicWeight,
    UnreadCount,
)
from openreel.api.strict_json import FiniteJSONRoute
from openreel.services import engagement
from openreel.services import feed as feeds
from openreel.services.errors import ServiceError
from openreel.services.feed import FeedReader, FeedVideo
from openreel.services.platform import Platform

router = APIRouter(tags=["feed"], route_class=FiniteJSONRoute)
Mode = Literal["for_you", "following"]


MAX_LIMIT = feeds.MAX_PAGE  # what the reader serves at most
MAX_CURSOR = 200


@router.get("/feed", response_model=FeedPage)
async def feed(request: Request, mode: Mode = "for_you",
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
               cursor: Annotated[str | None, Query(max_length=MAX_CURSOR)] = None) -> Response:
    """A page of the feed, each item with the reasons it was shown."""
    # The most asked-for route resolves its session and caller itself, with the same
    # functions the shared dependencies use: FastAPI's resolving of a dependency graph
    # cost about a third of a feed request's time. (Most feed requests do not even get
    # here: see FeedShortcut.)
    return await _answer(await get_platform(request), request, mode, limit, cursor)


async def _answer(platform: Platform, request: Request, mode: Mode, limit: int,
                  cursor: str | None) -> Response:
    async with request_session(platform) as db:
        caller = await identify(request, db, platform)
        # Reads only: inline on SQLite, so a feed request never waits on the threadpool.
        return await run_db(platform, _feed, platform.feed, db, caller.user_id, mode, limit,
                            cursor)


class FeedShortcut:
    """ASGI middleware that answers well-formed ``GET /api/v1/feed`` requests itself.

    The feed is what every viewer asks for most, and on its way to the route a request
    passes FastAPI's exception layers, two levels of included routers (each matched
    twice) and the resolving of its query parameters: about a third of the request's
    time, the feed's own work being the rest. This answers with the very function the
    route uses, so the answer is the same to the byte. Whatever is not plainly valid (a
    parameter out of range or unknown, a token that does not resolve, a cursor the
    ranking refuses, any other method) goes on to the route, which answers it the usual
    way: the shortcut never makes an error answer of its own. It sits inside the rate limit and
    the other guards, which see every request as before.
    """

    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a plain feed request, or pass the request on."""
        if scope["type"] == "http" and scope["path"] == self.path and scope["method"] == "GET":
            asked = _feed_query(scope["query_string"])
            if asked is not None:
                request = Request(scope, receive)
                try:
                    answer = await _answer(await get_platform(request), request, *asked)
                except (HTTPException, ServiceError, OperationalError):
                    pass  # the route answers it as the app's error handlers say
                else:
                    await answer(scope, receive, send)
                    return
        await self.app(scope, receive, send)


_MODES = frozenset(get_args(Mode))


def _feed_query(query: bytes) -> tuple[Mode, int, str | None] | None:
    """The mode, limit and cursor of a feed request's query, or None if it is not one the
    route would take as it is (each parameter once, every value valid)."""
    try:
        pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=3)
    except (UnicodeDecodeError, ValueError):
        return None
    asked = dict(pairs)
    if len(asked) != len(pairs) or not asked.keys() <= {"mode", "limit", "cursor"}:
        return None
    mode = asked.get("mode", "for_you")
    limit = asked.get("limit", "10")
    cursor = asked.get("cursor")
    if (mode not in _MODES or not limit.isascii() or not limit.isdigit()
            or not 1 <= int(limit) <= MAX_LIMIT
            or (cursor is not None and len(cursor) > MAX_CURSOR)):
        return None
    return mode, int(limit), cursor  # type: ignore[return-value]  # mode is one of Mode


def _card(video: FeedVideo) -> bytes:
    """A feed video's card: its object without the closing brace and without ``liked``
    and ``saved``, which depend on the viewer (a page adds those and closes it). The
    platform's FeedReader keeps each under the row's change stamp."""
    fields = video_fields(video, video.owner_handle, False, False)
    del fields["liked"], fields["saved"]
    return to_json(fields)[:-1]


# What the viewer did with a video, by (liked, saved): the end of its object after the card.
_VIEWER = {(liked, saved): b',"liked":%s,"saved":%s}' % (to_json(liked), to_json(saved))
           for liked in (True, False) for saved in (True, False)}


def _feed(reader: FeedReader, db: Session, viewer_id: int | None, mode: Mode, limit: int,
          cursor: str | None) -> Response:
    page = reader.page(db, viewer_id, mode=mode, limit=limit, cursor=cursor)
    # The body is put together from pieces pydantic's encoder made (the same formats as
    # a model's), not validated first: every value comes typed from the database or the
    # ranking, and the tests hold this output to the FeedPage schema field for field.
    # Videos come as cards encoded once per change of their row (see _card).
    parts = [b'{"mode":', to_json(mode), b',"items":[']
    for index, entry in enumerate(page.entries):
        rest = to_json({"score": entry.score, "reasons": [
            {"signal": r.signal, "contribution": r.contribution, "text": r.text}
            for r in entry.reasons], "following": entry.following,
            "owner_avatar_url": avatar_url_of(entry.video.owner_handle, entry.avatar_key)})
        parts += [b',{"video":' if index else b'{"video":', reader.card(entry.video, _card),
                  _VIEWER[entry.liked, entry.saved], b",", rest[1:]]
    parts += [b'],"next_cursor":', to_json(page.next_cursor), b"}"]
    return Response(b"".join(parts), media_type="application/json")


def _steer_out(db: SessionDep, user: CurrentUser, changed: list[TopicWeight],
               not_understood: list[str], allowed: list[str] | None = None) -> SteerOut:
    told = feeds.preferences(db, user)
    return SteerOut(changed=changed, hidden=told.hidden, not_understood=not_understood,
                    preferences=[TopicWeight(topic=p.topic, weight=p.weight)
                                 for p in told.weights],
                    allowed=allowed or [], fine=told.fine)


@router.post("/feed/steer", response_model=SteerOut)
def steer(body: SteerRequest, user: CurrentUser, db: SessionDep,
          platform: PlatformDep) -> SteerOut:
    """Steer your feed with a sentence, e.g. “more animals, less sports”."""
    steering = feeds.steer_feed(db, user, body.sentence, platform.embed)
    changed = [TopicWeight(topic=t, weight=w) for t, w in steering.weights.items()]
    return _steer_out(db, user, changed, list(steering.not_understood), list(steering.allowed))


@router.get("/feed/preferences", response_model=SteerOut)
def preferences(user: CurrentUser, db: SessionDep) -> SteerOut:
    """Your topic weights and hidden topics."""
    return _steer_out(db, user, [], [])


@router.delete("/feed/preferences", status_code=204)
def reset(user: CurrentUser, db: SessionDep) -> Response:
    """Forget all steering."""
    feeds.reset_preferences(db, user)
    return Response(status_code=204)


@router.get("/notifications", response_model=list[NotificationOut])
def notifications(user: CurrentUser, db: SessionDep) -> list[NotificationOut]:
    """Your notifications, newest first."""
    return [notification_out(db, n) for n in engagement.notifications(db, user)]


@router.get("/notifications/unread", response_model=UnreadCount)
def unread(user: CurrentUser, db: SessionDep) -> UnreadCount:
    """How many notifications you have not read."""
    return UnreadCount(unread=engagement.unread_count(db, user))


@router.post("/notifications/read", response_model=Count)
def mark_read(body: ReadRequest, user: CurrentUser, db: SessionDep) -> Count:
    """Mark notifications read: all of them, or those up to an id."""
    changed = engagement.mark_read(db, user, body.up_to_id)
    return Count(changed=changed)
