"""Rows → API schemas, in one place so every route shows a thing the same way."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from openreel.api.schemas import (
    CommentOut,
    JobOut,
    MeOut,
    NotificationOut,
    UserOut,
    VideoOut,
)
from openreel.db.models import (
    Job,
    JobStatus,
    Notification,
    User,
    Video,
    VideoKind,
    VideoStatus,
)
from openreel.services import engagement
from openreel.services.engagement import Thread
from openreel.services.people import profile_stats
from openreel.services.saved import saved_ids

API = "/api/v1"


class VideoFacts(Protocol):
    """What presenting a video reads: a :class:`Video` row, or a feed's lighter copy."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> VideoStatus: ...
    @property
    def kind(self) -> VideoKind: ...
    @property
    def prompt(self) -> str: ...
    @property
    def caption(self) -> str: ...
    @property
    def style(self) -> str: ...
    @property
    def engine(self) -> str: ...
    @property
    def seed(self) -> int: ...
    @property
    def seconds(self) -> float: ...
    @property
    def size(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def topics(self) -> list[str]: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def published_at(self) -> datetime | None: ...
    @property
    def like_count(self) -> int: ...
    @property
    def comment_count(self) -> int: ...
    @property
    def remix_count(self) -> int: ...
    @property
    def view_count(self) -> int: ...
    @property
    def video_key(self) -> str | None: ...
    @property
    def poster_key(self) -> str | None: ...


def video_fields(video: VideoFacts, owner: str, liked: bool, saved: bool) -> dict[str, Any]:
    """The fields of :class:`VideoOut` for a video by ``owner`` (a handle), unvalidated;
    ``liked`` and ``saved`` say what the viewer did with it.

    For pages that validate many videos at once (``Model.model_validate`` of the whole
    page is several times cheaper than one model per video).
    """
    has_file = video.video_key is not None and video.status != VideoStatus.DELETED
    base = f"{API}/videos/{video.id}"
    return {
        "id": video.id, "status": video.status.value, "kind": video.kind.value,
        "owner": owner, "prompt": video.prompt, "caption": video.caption,
        "style": video.style, "engine": video.engine, "seed": video.seed,
        "seconds": video.seconds, "size": video.size, "width": video.width,
        "height": video.height, "topics": list(video.topics), "parent_id": video.parent_id,
        "created_at": video.created_at, "published_at": video.published_at,
        "likes": video.like_count, "comments": video.comment_count,
        "remixes": video.remix_count, "views": video.view_count, "liked": liked,
        "saved": saved,
        "video_url": f"{base}/file" if has_file else None,
        "poster_url": f"{base}/poster" if has_file and video.poster_key else None,
        "download_url": f"{base}/file?download=1" if has_file else None,
        "share_url": f"/v/{video.id}",
    }


def video_out(video: Video, liked: bool = False, saved: bool = False) -> VideoOut:
    """A video with its counters and the URLs to play, download and share it."""
    return VideoOut.model_validate(video_fields(video, video.owner.handle, liked, saved))


def videos_out(session: Session, viewer: User | None, videos: list[Video]) -> list[VideoOut]:
    """Several videos, with whether the viewer likes and has saved each."""
    ids = [v.id for v in videos]
    liked = engagement.liked_ids(session, viewer, ids)
    kept = saved_ids(session, viewer, ids)
    return [video_out(v, v.id in liked, v.id in kept) for v in videos]


def viewed_video_out(session: Session, viewer: User | None, video: Video) -> VideoOut:
    """One video, with whether the viewer likes and has saved it."""
    return videos_out(session, viewer, [video])[0]


def stage_of(job: Job) -> str:
    """A word for where a job is."""
    if job.status == JobStatus.QUEUED:
        return "waiting for a worker" if job.attempts == 0 else "waiting to retry"
    if job.status == JobStatus.RUNNING:
        return "storing" if job.progress >= 0.95 else "rendering"
    return job.status.value


def job_out(job: Job, notes: list[str] | None = None) -> JobOut:
    """A job's state."""
    return JobOut(id=job.id, kind=job.kind, status=job.status.value, progress=job.progress,
                  stage=stage_of(job), attempts=job.attempts, error=job.error,
                  video_id=job.video_id, created_at=job.created_at, started_at=job.started_at,
                  finished_at=job.finished_at, notes=notes or [])


def avatar_url(user: User) -> str | None:
    """Where the user's avatar is served, if they have one."""
    return avatar_url_of(user.handle, user.avatar_key)


def avatar_url_of(handle: str, avatar_key: str | None) -> str | None:
    """Where the avatar stored at ``avatar_key`` is served (its key versions the URL)."""
    return f"{API}/users/{handle}/avatar?v={avatar_key.rsplit('-', 1)[-1][:12]}" \
        if avatar_key else None


def user_out(session: Session, user: User, viewer: User | None) -> UserOut:
    """A public profile with its counts."""
    stats = profile_stats(session, user, viewer)
    return UserOut(handle=user.handle, display_name=user.display_name, bio=user.bio,
                   avatar_url=avatar_url(user), followers=stats.followers,
                   following=stats.following, videos=stats.videos,
                   is_following=stats.is_following, created_at=user.created_at)


def me_out(session: Session, user: User) -> MeOut:
    """The signed-in user's own profile."""
    public = user_out(session, user, user)
    return MeOut(**public.model_dump(), email=user.email, birth_year=user.birth_year,
                 unread_notifications=engagement.unread_count(session, user))


def thread_out(thread: Thread) -> CommentOut:
    """A comment thread."""
    top = thread.comment
    return CommentOut(id=top.id, author=top.author.handle, body=top.body,
                      created_at=top.created_at, reply_to=None,
                      replies=[CommentOut(id=r.id, author=r.author.handle, body=r.body,
                                          created_at=r.created_at, reply_to=top.id)
                               for r in thread.replies])


def notification_out(session: Session, note: Notification) -> NotificationOut:
    """A notification with a sentence describing it."""
    actor = session.get(User, note.actor_id) if note.actor_id else None
    return NotificationOut(id=note.id, kind=note.kind.value,
                           actor=actor.handle if actor else None,
                           video_id=engagement.linked_video(session, note),
                           job_id=note.job_id, text=engagement.describe(session, note),
                           read=note.read_at is not None, created_at=note.created_at)
