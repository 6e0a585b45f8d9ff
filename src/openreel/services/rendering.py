"""The render job: storyboard → file → blobs → a draft, exactly once.

Runs in a worker, never in the request. Files go to keys derived from the job id, so a
retried attempt overwrites its own earlier upload; the Video row is created by
``finalize`` inside the transaction that marks the job succeeded, so a job that is
retried or recovered after a crash never leaves two videos.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from openreel.db.models import (
    Job,
    NotificationKind,
    StitchPart,
    User,
    Video,
    VideoKind,
)
from openreel.jobs import JobContext, JobOutcome, PermanentJobError
from openreel.media import EncodeSettings, StitchError, probe, stitch
from openreel.media.probe import sample_frames
from openreel.pipeline import InvalidRequest, render_to_file
from openreel.provenance.fingerprint import FingerprintError, fingerprint_video
from openreel.provenance.manifest import ParentVideo
from openreel.provenance.signing import SigningError
from openreel.provenance.stage import Provenance, Sealed, mark_id_for, seal
from openreel.services import cameos
from openreel.services.notices import notify
from openreel.services.platform import Platform
from openreel.services.provenance import register
from openreel.services.render_job import RenderPayload
from openreel.services.topics import storyboard_topics
from openreel.spec import Storyboard

# Share of the progress bar each stage takes.
RENDER_SHARE = 0.9


def _fetch(platform: Platform, key: str, path: Path) -> Path:
    with platform.blobs.open(key) as src, path.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    return path


FACES_PER_SECOND = 0.5  # frames a second of a new video looked at for registered faces


def _maker(session: Session, user_id: int) -> User:
    maker = session.get(User, user_id)
    if maker is None:
        raise PermanentJobError("the account that asked for this video is gone")
    return maker


def _check_cast(platform: Platform, user_id: int, payload: RenderPayload) -> None:
    """Stop a job whose cameos its maker may no longer use for what was asked: an owner
    who narrowed or revoked a cameo, or ruled this out, since the job was queued."""
    with platform.reading() as session:
        try:
            cameos.check_still_allowed(session, payload.cameos, _maker(session, user_id),
                                       payload.video.prompt)
        except cameos.CameoNotPermitted as exc:
            raise PermanentJobError(exc.message) from None


def _check_faces(platform: Platform, user_id: int, video: Path, cast: list[int]) -> None:
    """Stop a video that shows the face of someone whose cameo its maker may not use (its
    cast, checked already, may show)."""
    with platform.reading() as session:
        frames = sample_frames(video, FACES_PER_SECOND, max_side=cameos.LARGEST_LOOKED_AT)
        try:
            cameos.faces_allowed(session, _maker(session, user_id), frames, "the video", cast)
        except cameos.LikenessBlocked as exc:
            raise PermanentJobError(exc.message) from None


def render_handler(platform: Platform) -> Callable[[JobContext], JobOutcome]:
    """The handler for ``render`` jobs, bound to a platform."""

    def handle(ctx: JobContext) -> JobOutcome:
        try:
            return render(ctx)
        except Exception as exc:
            last = isinstance(exc, PermanentJobError) or ctx.attempt >= ctx.max_attempts
            if last and ctx.user_id is not None:
                # The job will not be tried again: its owner hears about it.
                with platform.transaction() as session:
                    notify(session, ctx.user_id, NotificationKind.JOB_FINISHED, job_id=ctx.job_id)
            raise

    def render(ctx: JobContext) -> JobOutcome:
        payload = RenderPayload.read(ctx.payload)  # checked once, as the job is claimed
        kind = payload.video.kind
        if payload.cameos and ctx.user_id is not None:
            _check_cast(platform, ctx.user_id, payload)  # checked again as the job starts
        encode = EncodeSettings(preset=platform.settings.x264_preset,
                                crf=platform.settings.x264_crf)
        scratch = platform.settings.scratch_dir()
        scratch.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=scratch) as tmp:
            work = Path(tmp)
            out = work / "video.mp4"
            poster = work / "video.jpg"
            board: Storyboard | None = None
            provenance = _provenance(platform, ctx, payload, work)
            if kind == VideoKind.STITCH:
                sources = [_fetch(platform, key, work / f"part{i}.mp4")
                           for i, key in enumerate(_source_keys(platform, payload.video.sources))]
                ctx.progress(0.1, "stitching")
                try:
                    stitch(sources, out, encode=encode)
                except StitchError as exc:
                    raise PermanentJobError(str(exc)) from exc
                # The parts carry their own marks (and the visible mark of the same
                # creator); the joined file gets its own manifest and fingerprint.
                ctx.progress(0.9, "signing")
                sealed = _seal_stitch(out, provenance)
                _poster_from(out, poster)
            else:
                image = None
                if payload.image_key:
                    image = _fetch(platform, payload.image_key, work / "first.png")
                if payload.storyboard is None:
                    raise PermanentJobError(f"a {kind.value} job needs a storyboard")
                board = payload.storyboard
                shown = board
                if payload.cameos:
                    # the cameos' faces and voices reach the engine for this render only
                    with platform.reading() as session:
                        shown = cameos.as_preferred(session, board, payload.cameos)
                        shown = shown.model_copy(update={"cameos": cameos.likenesses(
                            session, platform, payload.cameos, work)})
                options = payload.options.generate(image, encode)

                def report(stage: str, done: float, total: float) -> None:
                    if stage == "rendering" and total > 0:
                        ctx.progress(RENDER_SHARE * done / total, stage)

                try:
                    result = render_to_file(shown, options, out, report, provenance=provenance,
                                            engines=platform.engines.get)
                except InvalidRequest as exc:
                    raise PermanentJobError(str(exc)) from exc
                if result.sealed is None:
                    raise RuntimeError("the provenance stage did not run")
                sealed = result.sealed
            if ctx.user_id is not None:
                _check_faces(platform, ctx.user_id, out, payload.cameos)
            ctx.progress(0.95, "storing")
            info = probe(out)
            video_key = f"videos/job-{ctx.job_id}/video.mp4"
            poster_key = f"videos/job-{ctx.job_id}/poster.jpg"
            platform.blobs.put_file(video_key, out)
            platform.blobs.put_file(poster_key, poster)

        def finalize(session: Session, job: Job) -> int:
            video_id = _create_video(session, job, payload, board, info.width, info.height,
                                     info.duration, video_key, poster_key)
            video = session.get(Video, video_id)
            assert video is not None
            register(session, video, sealed)
            return video_id

        return JobOutcome(finalize=finalize)

    return handle


def _provenance(platform: Platform, ctx: JobContext, payload: RenderPayload,
                work: Path) -> Provenance:
    """How this job's output is marked and signed: its creator, mark id and parent."""
    spec = payload.video
    mark = bytes.fromhex(payload.mark) if payload.mark else mark_id_for("job", ctx.job_id)
    parent: ParentVideo | None = None
    with platform.reading() as session:
        owner = session.get(User, ctx.user_id) if ctx.user_id is not None else None
        if owner is None:
            raise PermanentJobError("the account that asked for this video is gone")
        creator = owner.handle
        source = session.get(Video, spec.parent_id) if spec.parent_id else None
        parent_key = source.video_key if source is not None else None
        parent_title = (source.caption or source.prompt)[:120] if source is not None else ""
        parent_mark = (source.mark or str(source.id)) if source is not None else ""
    if parent_key is not None and spec.kind == VideoKind.REMIX:
        parent = ParentVideo(path=_fetch(platform, parent_key, work / "parent.mp4"),
                             title=parent_title, video_id=parent_mark)
    try:
        return platform.signing.provenance_for(
            creator=creator, mark=mark, title=spec.prompt[:120] or "openreel video",
            engine=payload.options.engine, parent=parent)
    except SigningError as exc:
        raise PermanentJobError(f"cannot sign videos: {exc}") from exc


def _seal_stitch(out: Path, provenance: Provenance) -> Sealed:
    started = time.perf_counter()
    seal(out, provenance)
    try:
        fingerprint = fingerprint_video(out)
    except FingerprintError as exc:
        raise PermanentJobError(f"the stitched video cannot be read back: {exc}") from exc
    return Sealed(mark=provenance.mark, fingerprint=fingerprint,
                  seconds=time.perf_counter() - started)


def _source_keys(platform: Platform, ids: list[int]) -> list[str]:
    keys = []
    with platform.reading() as session:
        for vid in ids:
            video = session.get(Video, vid)
            if video is None or video.video_key is None:
                raise PermanentJobError(f"video {vid} to stitch is gone")
            keys.append(video.video_key)
    return keys


def _poster_from(video: Path, poster: Path) -> None:
    """The first frame of a file as the poster (stitches have no render of their own)."""
    from PIL import Image

    from openreel.media import read_frames

    for frame in read_frames(video):
        Image.fromarray(frame[..., :3]).save(poster, format="JPEG", quality=90)
        return
    raise PermanentJobError("the stitched video has no frames")


def _create_video(session: Session, job: Job, payload: RenderPayload,
                  board: Storyboard | None, width: int, height: int, seconds: float,
                  video_key: str, poster_key: str) -> int:
    spec, opts, kind = payload.video, payload.options, payload.video.kind
    owner = session.get(User, job.user_id)
    if owner is None:
        raise PermanentJobError("the account that asked for this video is gone")
    parent = session.get(Video, spec.parent_id) if spec.parent_id else None
    video = Video(
        owner_id=owner.id, kind=kind, prompt=spec.prompt,
        storyboard=board.model_dump(mode="json") if board is not None else None,
        engine=opts.engine, seed=opts.seed, seconds=round(seconds, 3),
        size=opts.size, fps=opts.fps,
        style=board.style.value if board is not None else (
            opts.style.value if opts.style else ""),
        width=width, height=height, video_key=video_key, poster_key=poster_key,
        source_image_key=payload.image_key,
        parent_id=parent.id if parent is not None else None,
        topics=storyboard_topics(board) if board is not None else _stitch_topics(
            session, spec.sources),
    )
    session.add(video)
    session.flush()
    cameos.record_cast(session, video.id, owner, payload.cameos)
    if kind == VideoKind.STITCH:
        for position, source in enumerate(spec.sources):
            session.add(StitchPart(video_id=video.id, source_id=source, position=position))
    # A remix is counted and its parent's owner told when it is published (services.videos),
    # not while it is a private draft.
    notify(session, owner.id, NotificationKind.JOB_FINISHED, video_id=video.id, job_id=job.id)
    return video.id


def _stitch_topics(session: Session, sources: list[int]) -> list[str]:
    topics: list[str] = []
    for vid in sources:
        video = session.get(Video, vid)
        for topic in video.topics if video is not None else []:
            if topic not in topics:
                topics.append(topic)
    return topics
