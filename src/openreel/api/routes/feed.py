"""The feeds, steering, and notifications."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic_core import to_json
from sqlalchemy.orm import Session

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
from openreel.services.feed import FeedReader, FeedVideo

router = APIRouter(tags=["feed"], route_class=FiniteJSONRoute)
Mode = Literal["for_you", "following"]


@router.get("/feed", response_model=FeedPage)
async def feed(request: Request, mode: Mode = "for_you",
               limit: Annotated[int, Query(ge=1, le=50)] = 10,
               cursor: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """A page of the feed, each item with the reasons it was shown."""
    # The most asked-for route resolves its session and caller itself, with the same
    # functions the shared dependencies use: FastAPI's resolving of a dependency graph
    # cost about a third of a feed request's time.
    platform = await get_platform(request)
    async with request_session(platform) as db:
        caller = await identify(request, db, platform)
        # Reads only: inline on SQLite, so a feed request never waits on the threadpool.
        return await run_db(platform, _feed, platform.feed, db, caller.user_id, mode, limit,
                            cursor)


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
