"""Making videos: generations, remixes, extensions, stitches, and the jobs behind them."""

from __future__ import annotations

import asyncio
import json
import weakref
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep
from openreel.api.present import job_out
from openreel.api.schemas import ExtendRequest, IdPath, JobOut, RemixRequest, StitchRequest
from openreel.api.strict_json import FiniteJSONRoute
from openreel.db.models import JobStatus
from openreel.services import videos
from openreel.services.errors import QuotaExceeded
from openreel.services.render_job import notes_of
from openreel.services.uploads import PICTURES, read_limited

router = APIRouter(tags=["making"], route_class=FiniteJSONRoute)
FINISHED = {JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED}
EVENT_INTERVAL = 0.5


@router.post("/generations", status_code=202, response_model=JobOut)
def create_generation(
    user: CurrentUser, db: SessionDep, platform: PlatformDep,
    prompt: Annotated[str, Form(min_length=1, max_length=2000)],
    seconds: Annotated[float, Form(ge=1, le=60)] = 10.0,
    size: Annotated[str, Form(pattern=r"^(720x1280|1280x720|1024x1024|1920x1080)$")] = "720x1280",
    style: Annotated[str | None, Form(
        pattern=r"^(cinematic|animated|anime|photoreal|surreal|noir|watercolor|pixel)?$")] = None,
    seed: Annotated[int | None, Form(ge=0, le=2**63 - 1)] = None,
    engine: Annotated[str, Form(pattern=r"^[a-z0-9_]{1,32}$")] = "procedural",
    image: Annotated[UploadFile | None, File(
        description=f"optional first frame: {PICTURES.words}")] = None,
) -> JobOut:
    """Start a video from a prompt (and an optional first-frame picture); it lands in drafts."""
    data = None
    if image is not None and (image.filename or image.size):
        data = read_limited(image.file, platform.settings.max_upload_bytes)
    planned = videos.create_generation(db, platform, user, videos.CreateRequest(
        prompt=prompt, seconds=seconds, size=size, style=style or None, seed=seed,
        engine=engine, image=data))
    return job_out(planned.job, planned.notes)


@router.post("/videos/{video_id}/remix", status_code=202, response_model=JobOut)
def remix(video_id: IdPath, body: RemixRequest, user: CurrentUser, db: SessionDep,
          platform: PlatformDep) -> JobOut:
    """Start a remix of any video you can see: its storyboard with your change applied."""
    planned = videos.create_remix(db, platform, user, video_id, body.prompt, seed=body.seed)
    return job_out(planned.job, planned.notes)


@router.post("/videos/{video_id}/extend", status_code=202, response_model=JobOut)
def extend(video_id: IdPath, body: ExtendRequest, user: CurrentUser, db: SessionDep,
           platform: PlatformDep) -> JobOut:
    """Start a longer version of your video with a shot that continues it."""
    planned = videos.create_extension(db, platform, user, video_id, body.prompt, body.seconds)
    return job_out(planned.job, planned.notes)


@router.post("/stitches", status_code=202, response_model=JobOut)
def stitch(body: StitchRequest, user: CurrentUser, db: SessionDep,
           platform: PlatformDep) -> JobOut:
    """Start one video made of several of yours, in the order given."""
    planned = videos.create_stitch(db, platform, user, body.video_ids)
    return job_out(planned.job)


@router.get("/jobs", response_model=list[JobOut])
def list_jobs(user: CurrentUser, db: SessionDep) -> list[JobOut]:
    """Your recent jobs, newest first."""
    return [job_out(j, j.payload.get("notes")) for j in videos.user_jobs(db, user)]


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: IdPath, user: CurrentUser, db: SessionDep) -> JobOut:
    """One of your jobs."""
    job = videos.job_for(db, user, job_id)
    return job_out(job, notes_of(job.payload))


@router.post("/jobs/{job_id}/cancel", response_model=JobOut)
def cancel_job(job_id: IdPath, user: CurrentUser, db: SessionDep, platform: PlatformDep) -> JobOut:
    """Stop a job that has not finished."""
    return job_out(videos.cancel(db, platform, user, job_id))


@router.get("/jobs/{job_id}/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "server-sent `progress` events until the job ends"}})
def job_events(job_id: IdPath, request: Request, user: CurrentUser, db: SessionDep,
               platform: PlatformDep) -> StreamingResponse:
    """Live progress of one of your jobs as server-sent events.

    At most STREAMS_PER_USER at once per person (per server process): one more is 429 with
    Retry-After (each open stream reads the job every EVENT_INTERVAL seconds)."""
    videos.job_for(db, user, job_id)  # 404 before the stream starts
    db.close()
    streams = platform.streams
    if not streams.open(user.id):
        raise QuotaExceeded(f"at most {streams.limit} progress streams at once: close a "
                            "tab that shows a job", retry_after=int(EVENT_INTERVAL) + 5)

    def snapshot() -> tuple[str, bool]:
        with platform.reading() as session:
            job = videos.job_for(session, user, job_id)
            body = job_out(job, notes_of(job.payload)).model_dump_json()
            return body, job.status in FINISHED

    async def stream() -> AsyncIterator[str]:
        last = ""
        while True:
            body, done = await run_in_threadpool(snapshot)
            if body != last:
                yield f"event: progress\ndata: {body}\n\n"
                last = body
            if done:
                yield f"event: done\ndata: {json.dumps({'id': job_id})}\n\n"
                return
            if await request.is_disconnected():
                return
            await asyncio.sleep(EVENT_INTERVAL)

    events = stream()
    # counted until the stream is let go of, however it ends (even never started)
    weakref.finalize(events, streams.close, user.id)

    return StreamingResponse(events, media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
