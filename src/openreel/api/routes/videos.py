"""Videos: watch, download, drafts, publish, delete, likes, saves, comments, views, remix
chains."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from fastapi.responses import StreamingResponse

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep, ViewerDep
from openreel.api.files import blob_response
from openreel.api.present import thread_out, videos_out, viewed_video_out
from openreel.api.schemas import (
    CommentOut,
    CommentRequest,
    IdPath,
    PublishRequest,
    SavedPage,
    VideoOut,
    ViewRequest,
)
from openreel.api.strict_json import FiniteJSONRoute
from openreel.services import engagement, saved, videos
from openreel.services.errors import NotFound

router = APIRouter(tags=["videos"], route_class=FiniteJSONRoute)
RangeHeader = Annotated[str | None, Header(alias="range")]


@router.get("/videos/{video_id}", response_model=VideoOut)
def get_video(video_id: IdPath, viewer: ViewerDep, db: SessionDep) -> VideoOut:
    """A video you can see: published, or your own draft."""
    return viewed_video_out(db, viewer, videos.visible_video(db, viewer, video_id))


@router.get("/videos/{video_id}/file", response_class=StreamingResponse,
            responses={200: {"content": {"video/mp4": {}}}, 206: {"description": "a byte range"},
                       416: {"description": "range not satisfiable"}})
def video_file(video_id: IdPath, viewer: ViewerDep, db: SessionDep, platform: PlatformDep,
               range_: RangeHeader = None,
               download: Annotated[bool, Query(description="save instead of play")] = False,
               ) -> StreamingResponse:
    """The MP4 exactly as stored, with byte ranges for seeking."""
    video = videos.visible_video(db, viewer, video_id)
    if video.video_key is None:
        raise NotFound(f"video {video_id} has no file")
    name = f"openreel-{video.id}.mp4" if download else None
    return blob_response(platform.blobs, video.video_key, "video/mp4", range_header=range_,
                         download_name=name)


@router.get("/videos/{video_id}/poster", response_class=StreamingResponse,
            responses={200: {"content": {"image/jpeg": {}}}, 206: {"description": "a byte range"},
                       416: {"description": "range not satisfiable"}})
def poster(video_id: IdPath, viewer: ViewerDep, db: SessionDep, platform: PlatformDep,
           range_: RangeHeader = None) -> StreamingResponse:
    """The still shown before a video plays."""
    video = videos.visible_video(db, viewer, video_id)
    if video.poster_key is None:
        raise NotFound(f"video {video_id} has no poster")
    return blob_response(platform.blobs, video.poster_key, "image/jpeg", range_header=range_)


@router.get("/videos/{video_id}/storyboard", response_model=dict[str, Any])
def storyboard(video_id: IdPath, viewer: ViewerDep, db: SessionDep) -> dict[str, Any]:
    """The storyboard the video was rendered from (remix and extend start here)."""
    video = videos.visible_video(db, viewer, video_id)
    if video.storyboard is None:
        raise NotFound(f"video {video_id} was stitched and has no storyboard")
    return video.storyboard


@router.get("/videos/{video_id}/remixes", response_model=list[VideoOut])
def remixes(video_id: IdPath, viewer: ViewerDep, db: SessionDep) -> list[VideoOut]:
    """Videos made from this one."""
    video = videos.visible_video(db, viewer, video_id)
    return videos_out(db, viewer, videos.remixes_of(db, viewer, video))


@router.get("/videos/{video_id}/chain", response_model=list[VideoOut])
def chain(video_id: IdPath, viewer: ViewerDep, db: SessionDep) -> list[VideoOut]:
    """The videos this one was made from, nearest first (removed ones show as deleted)."""
    video = videos.visible_video(db, viewer, video_id)
    visible = [v for v in videos.ancestry(db, viewer, video) if videos.can_see(viewer, v)]
    return videos_out(db, viewer, visible)


@router.get("/drafts", response_model=list[VideoOut])
def drafts(user: CurrentUser, db: SessionDep) -> list[VideoOut]:
    """Your unpublished videos, newest first."""
    return videos_out(db, user, videos.drafts(db, user))


@router.post("/videos/{video_id}/publish", response_model=VideoOut)
def publish(video_id: IdPath, body: PublishRequest, user: CurrentUser, db: SessionDep) -> VideoOut:
    """Publish one of your drafts with a caption."""
    video = videos.publish(db, user, video_id, body.caption)
    return viewed_video_out(db, user, video)


@router.delete("/videos/{video_id}", status_code=204)
def delete(video_id: IdPath, user: CurrentUser, db: SessionDep, platform: PlatformDep) -> Response:
    """Delete one of your videos (draft or published)."""
    videos.delete_video(db, platform, user, video_id)
    return Response(status_code=204)


@router.post("/videos/{video_id}/like", response_model=VideoOut)
def like(video_id: IdPath, user: CurrentUser, db: SessionDep) -> VideoOut:
    """Like a video."""
    video = engagement.like(db, user, video_id)
    return viewed_video_out(db, user, video)


@router.delete("/videos/{video_id}/like", response_model=VideoOut)
def unlike(video_id: IdPath, user: CurrentUser, db: SessionDep) -> VideoOut:
    """Take a like back."""
    video = engagement.unlike(db, user, video_id)
    return viewed_video_out(db, user, video)


@router.post("/videos/{video_id}/save", response_model=VideoOut)
def save(video_id: IdPath, user: CurrentUser, db: SessionDep) -> VideoOut:
    """Save a video to find again in your saved list (a bookmark, not a download)."""
    video = saved.save(db, user, video_id)
    return viewed_video_out(db, user, video)


@router.delete("/videos/{video_id}/save", response_model=VideoOut)
def unsave(video_id: IdPath, user: CurrentUser, db: SessionDep) -> VideoOut:
    """Take a video out of your saved list."""
    video = saved.unsave(db, user, video_id)
    return viewed_video_out(db, user, video)


@router.get("/me/saved", response_model=SavedPage)
def saved_list(user: CurrentUser, db: SessionDep,
               limit: Annotated[int, Query(ge=1, le=saved.MAX_PAGE)] = 20,
               cursor: Annotated[str | None, Query(max_length=200)] = None) -> SavedPage:
    """Your saved videos that you can still see, newest save first."""
    page = saved.saved_videos(db, user, limit=limit, before=cursor)
    return SavedPage(items=videos_out(db, user, page.videos), next_cursor=page.next_cursor)


@router.get("/videos/{video_id}/comments", response_model=list[CommentOut])
def comments(video_id: IdPath, viewer: ViewerDep, db: SessionDep) -> list[CommentOut]:
    """Comment threads (one level of replies), oldest first."""
    return [thread_out(t) for t in engagement.comment_threads(db, viewer, video_id)]


@router.post("/videos/{video_id}/comments", status_code=201, response_model=CommentOut)
def comment(video_id: IdPath, body: CommentRequest, user: CurrentUser, db: SessionDep
            ) -> CommentOut:
    """Comment on a video, or reply to a comment on it."""
    row = engagement.add_comment(db, user, video_id, body.body, body.reply_to)
    return CommentOut(id=row.id, author=user.handle, body=row.body, created_at=row.created_at,
                      reply_to=row.parent_id)


@router.delete("/comments/{comment_id}", status_code=204)
def delete_comment(comment_id: IdPath, user: CurrentUser, db: SessionDep) -> Response:
    """Delete your comment, or one on your video."""
    engagement.delete_comment(db, user, comment_id)
    return Response(status_code=204)


@router.post("/videos/{video_id}/views", response_model=VideoOut)
def view(video_id: IdPath, body: ViewRequest, viewer: ViewerDep, db: SessionDep) -> VideoOut:
    """Count a view and how long it was watched."""
    video = engagement.record_view(db, viewer, video_id, body.watched_seconds)
    return viewed_video_out(db, viewer, video)


@router.post("/videos/{video_id}/not-interested", status_code=204)
def not_interested(video_id: IdPath, user: CurrentUser, db: SessionDep) -> Response:
    """“Show me less of this”: the video leaves your feed, and its topics count less."""
    engagement.not_interested(db, user, video_id)
    return Response(status_code=204)


@router.delete("/videos/{video_id}/not-interested", status_code=204)
def undo_not_interested(video_id: IdPath, user: CurrentUser, db: SessionDep) -> Response:
    """Take back “show me less”: the video may come back to your feed."""
    engagement.undo_not_interested(db, user, video_id)
    return Response(status_code=204)
