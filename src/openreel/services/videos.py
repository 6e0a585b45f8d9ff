"""Making videos: new generations, remixes, extensions and stitches; drafts and publishing.

Every creation is checked and planned here, synchronously, so a bad prompt is refused
before anything is queued; the render itself runs later in a job (see ``rendering``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from openreel.db.models import (
    Cameo,
    Job,
    JobStatus,
    NotificationKind,
    User,
    Video,
    VideoCameo,
    VideoKind,
    VideoStatus,
)
from openreel.db.timestamps import utcnow
from openreel.director import extend as extend_board
from openreel.director import remix as remix_board
from openreel.pipeline import GenerateOptions, InvalidRequest, plan
from openreel.services import cameos
from openreel.services.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    QuotaExceeded,
)
from openreel.services.feed import mark_feed_changed
from openreel.services.notices import notify
from openreel.services.platform import Platform
from openreel.services.render_job import RenderOptions, RenderPayload, VideoSpec
from openreel.services.transactions import commits, unit_of_work
from openreel.services.uploads import kept_if_committed, open_picture, store_source_image
from openreel.spec import MAX_SECONDS, Storyboard, Style

RENDER_JOB = "render"
MAX_PROMPT = 2000
MAX_CAPTION = 2200
MAX_STITCH = 8


@dataclass(frozen=True)
class CreateRequest:
    """What a person asks for on the create page or POST /api/v1/generations."""

    prompt: str
    seconds: float = 10.0
    size: str = "720x1280"
    style: str | None = None
    seed: int | None = None
    engine: str = "procedural"
    image: bytes | None = None


@dataclass
class Planned:
    """A queued job and what the director made of the request."""

    job: Job
    storyboard: Storyboard | None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DailyQuota:
    """How many renders a person may start per UTC day, and how many they have today."""

    limit: int
    used: int
    resets_at: datetime  # the next midnight UTC

    @property
    def left(self) -> int:
        """Renders they may still start today."""
        return max(self.limit - self.used, 0)


def daily_quota(session: Session, platform: Platform, user: User,
                now: datetime | None = None) -> DailyQuota:
    """The user's daily quota as it stands: every render job started since midnight UTC
    counts (generations, remixes, extensions, stitches, batch rows; failed ones too)."""
    now = now or datetime.now(UTC)
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    used = session.scalar(
        select(func.count()).select_from(Job)
        .where(Job.user_id == user.id, Job.kind == RENDER_JOB, Job.created_at >= midnight)
    ) or 0
    return DailyQuota(limit=platform.settings.daily_quota, used=used,
                      resets_at=midnight + timedelta(days=1))


def check_quota(session: Session, platform: Platform, user: User, wanted: int = 1) -> None:
    """Refuse ``wanted`` new renders that would take the user past ``daily_quota`` started
    today (UTC)."""
    now = datetime.now(UTC)
    quota = daily_quota(session, platform, user, now)
    if quota.used + wanted > quota.limit:
        retry = int((quota.resets_at - now).total_seconds()) + 1
        more = "" if wanted == 1 else f" ({wanted} asked for, {quota.left} left today)"
        raise QuotaExceeded(f"daily limit reached: {quota.limit} videos a day{more}; it "
                            "resets at midnight UTC", retry_after=retry)


def options_for(request: CreateRequest) -> GenerateOptions:
    style = None
    if request.style:
        try:
            style = Style(request.style)
        except ValueError:
            raise InvalidInput("style", f"choose one of {', '.join(s.value for s in Style)}") \
                from None
    seed = request.seed if request.seed is not None else secrets.randbelow(2**31)
    options = GenerateOptions(seconds=request.seconds, size=request.size, style=style,
                              seed=seed, engine=request.engine)
    try:
        options.validate()
    except InvalidRequest as exc:
        raise InvalidInput(exc.field or "options", str(exc)) from None
    return options


def queue_render(session: Session, platform: Platform, user: User, *, kind: VideoKind,
                  prompt: str, options: GenerateOptions, board: Storyboard | None,
                  parent_id: int | None = None, image_key: str | None = None,
                  sources: list[int] | None = None, notes: list[str] | None = None,
                  cast: list[int] | None = None) -> Job:
    payload = RenderPayload(
        video=VideoSpec(kind=kind, prompt=prompt, parent_id=parent_id, sources=sources or []),
        options=RenderOptions.of(options), storyboard=board, image_key=image_key,
        mark=secrets.token_hex(8), notes=notes or [], cameos=cast or []).dump()
    return platform.queue.enqueue(session, RENDER_JOB, payload, user_id=user.id,
                                  max_attempts=platform.settings.job_max_attempts)


def create_generation(session: Session, platform: Platform, user: User,
                      request: CreateRequest) -> Planned:
    """Plan a video from a prompt (and an optional first-frame picture) and queue it
    (committed: the picture is kept only if the job is)."""
    prompt = request.prompt.strip()
    if not prompt:
        raise InvalidInput("prompt", "describe the video you want")
    if len(prompt) > MAX_PROMPT:
        raise InvalidInput("prompt", f"at most {MAX_PROMPT} characters")
    options = options_for(request)
    # The slow parts first (directing the prompt, decoding the picture): the transaction
    # that checks the quota and queues the job holds the write lock only for that.
    try:
        board = plan(prompt, None, options)
    except InvalidRequest as exc:
        raise InvalidInput("prompt", str(exc)) from None
    notes = _notes(board)
    picture = open_picture(request.image, "image") if request.image else None
    # a first frame showing someone's registered face is theirs to allow: it is in the cast
    pictured = cameos.check_picture(session, user, picture) if picture else []
    image_key = store_source_image(platform.blobs, picture) if picture else None
    with kept_if_committed(platform.blobs, image_key), unit_of_work(session):
        check_quota(session, platform, user)
        cast = [c.id for c in cameos.mentioned(session, user, prompt)]
        cameos.check_rules([session.get(Cameo, i) for i in pictured], prompt, user)
        cast += [cameo_id for cameo_id in pictured if cameo_id not in cast]
        job = queue_render(session, platform, user, kind=VideoKind.GENERATE, prompt=prompt,
                            options=options, board=board, image_key=image_key, notes=notes,
                            cast=cast)
    return Planned(job=job, storyboard=board, notes=notes)


def _notes(board: Storyboard) -> list[str]:
    notes = [f"“{word}” read as {kind}" for word, kind in board.mapped_words.items()]
    if board.unknown_words:
        notes.append("not understood: " + ", ".join(board.unknown_words[:12]))
    return notes


def _parent_board(video: Video) -> Storyboard:
    if video.storyboard is None or video.kind == VideoKind.STITCH:
        raise Conflict(f"video {video.id} has no storyboard to start from")
    return Storyboard.model_validate(video.storyboard)


def _options_like(video: Video, seed: int | None, style: str | None = None) -> GenerateOptions:
    return options_for(CreateRequest(prompt="", seconds=video.seconds, size=video.size,
                                  style=style, seed=video.seed if seed is None else seed,
                                  engine=video.engine))


@commits
def create_remix(session: Session, platform: Platform, user: User, parent_id: int,
                 instruction: str, *, seed: int | None = None) -> Planned:
    """Queue a remix: the parent's storyboard with the instruction applied."""
    parent = visible_video(session, user, parent_id)
    text = instruction.strip()
    if not text:
        raise InvalidInput("prompt", "say what to change, e.g. “make it night”")
    if len(text) > MAX_PROMPT:
        raise InvalidInput("prompt", f"at most {MAX_PROMPT} characters")
    check_quota(session, platform, user)
    try:
        result = remix_board(_parent_board(parent), text)
    except ValueError as exc:
        raise InvalidInput("prompt", str(exc)) from None
    options = _options_like(parent, seed)
    notes = list(result.changes)
    if result.not_understood:
        notes.append("not understood: " + ", ".join(result.not_understood))
    # a remix shows its parent's cameos too: whoever remixes must be allowed them as well
    # the owners' rules are held to the change and to what it made of the storyboard
    made = " ".join(shot.description for shot in result.storyboard.shots)
    cast = [c.id for c in cameos.mentioned(session, user, f"{text}. {made}",
                                           also=cameos.cameos_in(session, parent.id))]
    job = queue_render(session, platform, user, kind=VideoKind.REMIX, prompt=text,
                        options=options, board=result.storyboard, parent_id=parent.id,
                        image_key=parent.source_image_key, notes=notes, cast=cast)
    return Planned(job=job, storyboard=result.storyboard, notes=notes)


@commits
def create_extension(session: Session, platform: Platform, user: User, video_id: int,
                     instruction: str, seconds: float = 5.0) -> Planned:
    """Queue a longer version of one of the user's videos with a shot appended."""
    source = own_video(session, user, video_id)
    board = _parent_board(source)
    if not 1.0 <= seconds <= MAX_SECONDS - board.duration:
        room = MAX_SECONDS - board.duration
        raise InvalidInput("seconds", f"the new shot may last 1 to {max(room, 0):.0f} s "
                                      f"(videos are at most {MAX_SECONDS:g} s)")
    check_quota(session, platform, user)
    try:
        extended = extend_board(board, instruction.strip(), seconds)
    except ValueError as exc:
        raise InvalidInput("prompt", str(exc)) from None
    options = _options_like(source, None)
    options = GenerateOptions(seconds=extended.duration, size=options.size, seed=options.seed,
                              engine=options.engine)
    job = queue_render(session, platform, user, kind=VideoKind.EXTEND,
                        prompt=instruction.strip(), options=options, board=extended,
                        parent_id=source.id, image_key=source.source_image_key)
    return Planned(job=job, storyboard=extended)


@commits
def create_stitch(session: Session, platform: Platform, user: User,
                  video_ids: list[int]) -> Planned:
    """Queue one video made of several of the user's videos, in order."""
    if not 2 <= len(video_ids) <= MAX_STITCH:
        raise InvalidInput("video_ids", f"choose 2 to {MAX_STITCH} videos")
    sources = [own_video(session, user, vid) for vid in video_ids]
    total = sum(v.seconds for v in sources)
    if total > MAX_SECONDS + 1e-6:
        raise InvalidInput("video_ids", f"together they last {total:.0f} s; the limit is "
                                        f"{MAX_SECONDS:g} s")
    if any(v.video_key is None for v in sources):
        raise Conflict("every video to stitch must be finished")
    check_quota(session, platform, user)
    first = sources[0]
    options = GenerateOptions(seconds=total, size=first.size, seed=first.seed,
                              engine=first.engine, fps=first.fps)
    job = queue_render(session, platform, user, kind=VideoKind.STITCH,
                        prompt=" + ".join(v.prompt for v in sources)[:MAX_PROMPT],
                        options=options, board=None, sources=[v.id for v in sources])
    return Planned(job=job, storyboard=None)


def visible_video(session: Session, viewer: User | None, video_id: int) -> Video:
    """A video the viewer may see: published, or their own draft; else NotFound."""
    video = session.get(Video, video_id)
    if video is None or video.status == VideoStatus.DELETED:
        raise NotFound(f"no video {video_id}")
    if video.status == VideoStatus.DRAFT and (viewer is None or (
            viewer.id != video.owner_id
            and not cameos.shows_cameo_of(session, video.id, viewer))):
        raise NotFound(f"no video {video_id}")
    return video


def can_see(viewer: User | None, video: Video) -> bool:
    """Whether the viewer may see the video (deleted ones show as removed in chains)."""
    if video.status == VideoStatus.DRAFT:
        return viewer is not None and viewer.id == video.owner_id
    return True


def own_video(session: Session, user: User, video_id: int) -> Video:
    """One of the user's own videos (draft or published); others' look absent."""
    video = session.get(Video, video_id)
    if video is None or video.status == VideoStatus.DELETED or video.owner_id != user.id:
        raise NotFound(f"no video {video_id}")
    return video


def drafts(session: Session, user: User) -> list[Video]:
    """The user's unpublished videos, newest first."""
    return list(session.scalars(
        select(Video).where(Video.owner_id == user.id, Video.status == VideoStatus.DRAFT)
        .order_by(Video.id.desc())))


@commits
def publish(session: Session, user: User, video_id: int, caption: str) -> Video:
    """Make a draft public with a caption (committed; a batch publishes its clips in one
    unit of work)."""
    video = own_video(session, user, video_id)
    if video.status == VideoStatus.PUBLISHED:
        raise Conflict(f"video {video_id} is already published")
    cameos.check_still_allowed(session, cameos.cameos_in(session, video.id), user,
                               video.prompt or "")
    text = caption.strip()
    if len(text) > MAX_CAPTION:
        raise InvalidInput("caption", f"at most {MAX_CAPTION} characters")
    video.caption = text
    video.status = VideoStatus.PUBLISHED
    video.published_at = utcnow()
    parent = _remixed(session, video)
    if parent is not None:  # now the remix is public: it counts, and its parent's owner hears
        _count_remix(session, parent, 1)
        notify(session, parent.owner_id, NotificationKind.REMIX, actor_id=user.id,
               video_id=video.id)
    mark_feed_changed(session)
    return video


def _remixed(session: Session, video: Video) -> Video | None:
    """The video ``video`` is a remix of, unless it is not one or that one is gone."""
    if video.kind != VideoKind.REMIX or video.parent_id is None:
        return None
    parent = session.get(Video, video.parent_id)
    return parent if parent is not None and parent.status != VideoStatus.DELETED else None


def _count_remix(session: Session, parent: Video, delta: int) -> None:
    # arithmetic in the UPDATE: concurrent publishes all count
    counted = Video.remix_count + delta
    session.execute(update(Video).where(Video.id == parent.id)
                    .values(remix_count=case((counted < 0, 0), else_=counted)))


def delete_video(session: Session, platform: Platform, user: User, video_id: int) -> None:
    """Remove a video: files go, the row stays as a tombstone so remix chains hold."""
    _remove(session, platform, lambda: own_video(session, user, video_id))


def remove_showing_my_cameo(session: Session, platform: Platform, user: User,
                            video_id: int) -> None:
    """Remove someone's video that shows the caller's cameo (a draft or published): a
    cameo's owner co-owns every video made with it."""
    def video_of_mine() -> Video:
        video = session.get(Video, video_id)
        if (video is None or video.status == VideoStatus.DELETED
                or not cameos.shows_cameo_of(session, video_id, user)):
            raise NotFound(f"no video {video_id} shows your cameo")
        cameos.audit(session, user, "cameo_video_removed", f"video {video_id}",
                     maker=video.owner.handle, status=video.status.value)
        return video
    _remove(session, platform, video_of_mine)


def showing_my_cameo(session: Session, user: User) -> list[Video]:
    """Every video that shows the caller's cameo, drafts included, newest first."""
    return list(session.scalars(
        select(Video).join(VideoCameo, VideoCameo.video_id == Video.id)
        .join(Cameo, Cameo.id == VideoCameo.cameo_id)
        .where(Cameo.owner_id == user.id, Video.status != VideoStatus.DELETED)
        .order_by(Video.id.desc())))


def _remove(session: Session, platform: Platform, find: Callable[[], Video]) -> None:
    with unit_of_work(session, outermost=True):
        video = find()
        keys = [k for k in (video.video_key, video.poster_key) if k]
        parent = _remixed(session, video) if video.status == VideoStatus.PUBLISHED else None
        if parent is not None:  # a public remix no longer is one
            _count_remix(session, parent, -1)
        video.status = VideoStatus.DELETED
        video.video_key = None
        video.poster_key = None
        mark_feed_changed(session)
    # Files are removed once the row no longer points at them (committed): a crash between
    # the two leaves an orphan file, never a row that points at nothing.
    for key in keys:
        platform.blobs.delete(key)


def job_for(session: Session, user: User, job_id: int) -> Job:
    """One of the user's jobs, else NotFound."""
    job = session.get(Job, job_id)
    if job is None or job.user_id != user.id:
        raise NotFound(f"no job {job_id}")
    return job


def cancel(session: Session, platform: Platform, user: User, job_id: int) -> Job:
    """Stop one of the user's jobs that has not finished."""
    with unit_of_work(session, outermost=True):  # the queue cancels in a transaction of its own
        job = job_for(session, user, job_id)
        if job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
            raise Conflict(f"job {job_id} has already {job.status.value}")
    platform.queue.cancel(job_id)
    session.refresh(job)
    return job


def user_jobs(session: Session, user: User, *, limit: int = 20) -> list[Job]:
    """The user's most recent jobs."""
    return list(session.scalars(select(Job).where(Job.user_id == user.id)
                                .order_by(Job.id.desc()).limit(limit)))


def remixes_of(session: Session, viewer: User | None, video: Video) -> list[Video]:
    """Visible videos made from this one (remixes and extensions)."""
    rows = session.scalars(select(Video).where(Video.parent_id == video.id)
                           .order_by(Video.id.desc()).limit(100))
    return [v for v in rows if v.status == VideoStatus.PUBLISHED
            or (v.status == VideoStatus.DRAFT and viewer is not None and viewer.id == v.owner_id)]


def ancestry(session: Session, viewer: User | None, video: Video, limit: int = 20) -> list[Video]:
    """The chain of parents, nearest first; hidden or removed parents end the walk visibly."""
    chain: list[Video] = []
    current = video
    while current.parent_id is not None and len(chain) < limit:
        parent = session.get(Video, current.parent_id)
        if parent is None:
            break
        chain.append(parent)
        current = parent
    return chain


def videos_by(session: Session, viewer: User | None, owner: User, *,
              remixes: bool | None = None, limit: int = 60) -> list[Video]:
    """A profile's published videos (and drafts for the owner), newest first."""
    query = select(Video).where(Video.owner_id == owner.id)
    if viewer is not None and viewer.id == owner.id:
        query = query.where(Video.status != VideoStatus.DELETED)
    else:
        query = query.where(Video.status == VideoStatus.PUBLISHED)
    if remixes is True:
        query = query.where(Video.parent_id.is_not(None))
    elif remixes is False:
        query = query.where(Video.parent_id.is_(None))
    return list(session.scalars(query.order_by(Video.id.desc()).limit(limit)))
