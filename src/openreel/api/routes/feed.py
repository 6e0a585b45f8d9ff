"""The feeds, steering, and notifications."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic_core import to_json
from sqlalchemy.orm import Session

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep, ViewerDep, run_db
from openreel.api.present import notification_out, video_fields
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
from openreel.db.models import User
from openreel.services import engagement
from openreel.services import feed as feeds

router = APIRouter(tags=["feed"])
Mode = Literal["for_you", "following"]


@router.get("/feed", response_model=FeedPage)
async def feed(viewer: ViewerDep, db: SessionDep, platform: PlatformDep,
               mode: Mode = "for_you",
               limit: Annotated[int, Query(ge=1, le=50)] = 10,
               cursor: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """A page of the feed, each item with the reasons it was shown."""
    # Reads only: inline on SQLite, so a feed request never waits on the threadpool.
    return await run_db(platform, _feed, db, viewer, mode, limit, cursor)


def _feed(db: Session, viewer: User | None, mode: Mode, limit: int,
          cursor: str | None) -> Response:
    page = feeds.feed_page(db, viewer, mode=mode, limit=limit, cursor=cursor)
    # Serialized straight from plain values by pydantic's encoder (the same formats as a
    # model's), not validated first: every value comes typed from the database or the
    # ranking, and the tests hold this output to the FeedPage schema.
    body = to_json({"mode": mode, "items": [
        {"video": video_fields(e.video, e.video.owner_handle, e.liked), "score": e.score,
         "reasons": [{"signal": r.signal, "contribution": r.contribution, "text": r.text}
                     for r in e.reasons]}
        for e in page.entries], "next_cursor": page.next_cursor})
    return Response(body, media_type="application/json")


def _steer_out(db: SessionDep, user: CurrentUser, changed: list[TopicWeight],
               not_understood: list[str]) -> SteerOut:
    weights, hidden = feeds.preferences(db, user)
    return SteerOut(changed=changed, hidden=hidden, not_understood=not_understood,
                    preferences=[TopicWeight(topic=p.topic, weight=p.weight) for p in weights])


@router.post("/feed/steer", response_model=SteerOut)
def steer(body: SteerRequest, user: CurrentUser, db: SessionDep) -> SteerOut:
    """Steer your feed with a sentence, e.g. “more animals, less sports”."""
    steering = feeds.steer_feed(db, user, body.sentence)
    db.commit()
    changed = [TopicWeight(topic=t, weight=w) for t, w in steering.weights.items()]
    return _steer_out(db, user, changed, list(steering.not_understood))


@router.get("/feed/preferences", response_model=SteerOut)
def preferences(user: CurrentUser, db: SessionDep) -> SteerOut:
    """Your topic weights and hidden topics."""
    return _steer_out(db, user, [], [])


@router.delete("/feed/preferences", status_code=204)
def reset(user: CurrentUser, db: SessionDep) -> Response:
    """Forget all steering."""
    feeds.reset_preferences(db, user)
    db.commit()
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
    db.commit()
    return Count(changed=changed)
