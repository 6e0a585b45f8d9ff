"""Profiles and follows."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query
from fastapi.responses import StreamingResponse

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep, ViewerDep
from openreel.api.files import blob_response
from openreel.api.present import user_out, videos_out
from openreel.api.schemas import UserOut, VideoOut
from openreel.api.strict_json import FiniteJSONRoute
from openreel.services import accounts, engagement, videos
from openreel.services.errors import NotFound

router = APIRouter(prefix="/users", tags=["people"], route_class=FiniteJSONRoute)
HandlePath = Annotated[str, Path(min_length=1, max_length=33)]


@router.get("/{handle}", response_model=UserOut)
def profile(handle: HandlePath, viewer: ViewerDep, db: SessionDep) -> UserOut:
    """A profile with its counts."""
    return user_out(db, accounts.user_by_handle(db, handle), viewer)


@router.get("/{handle}/videos", response_model=list[VideoOut])
def profile_videos(handle: HandlePath, viewer: ViewerDep, db: SessionDep,
                   remixes: Annotated[bool | None, Query(
                       description="true: only remixes; false: only originals")] = None,
                   ) -> list[VideoOut]:
    """A profile's videos, newest first (drafts too when it is yours)."""
    owner = accounts.user_by_handle(db, handle)
    return videos_out(db, viewer, videos.videos_by(db, viewer, owner, remixes=remixes))


@router.get("/{handle}/avatar", response_class=StreamingResponse,
            responses={200: {"content": {"image/jpeg": {}}}})
def avatar(handle: HandlePath, db: SessionDep, platform: PlatformDep,
           range_: Annotated[str | None, Header(alias="range")] = None) -> StreamingResponse:
    """The user's avatar picture."""
    user = accounts.user_by_handle(db, handle)
    if not user.avatar_key:
        raise NotFound(f"@{user.handle} has no avatar")
    return blob_response(platform.blobs, user.avatar_key, "image/jpeg", range_header=range_,
                         cache="public, max-age=86400")


@router.post("/{handle}/follow", response_model=UserOut)
def follow(handle: HandlePath, user: CurrentUser, db: SessionDep) -> UserOut:
    """Follow someone."""
    other = accounts.user_by_handle(db, handle)
    engagement.follow(db, user, other)
    return user_out(db, other, user)


@router.delete("/{handle}/follow", response_model=UserOut)
def unfollow(handle: HandlePath, user: CurrentUser, db: SessionDep) -> UserOut:
    """Stop following someone."""
    other = accounts.user_by_handle(db, handle)
    engagement.unfollow(db, user, other)
    return user_out(db, other, user)
