"""Batches: one template, a video per row; their progress and their clips as one zip."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections import Counter
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep
from openreel.api.schemas import BatchOut, BatchRequest, BatchRowOut, IdPath
from openreel.api.strict_json import FiniteJSONRoute
from openreel.db.models import User
from openreel.services import batches
from openreel.services.errors import InvalidInput
from openreel.services.uploads import read_limited
from openreel.services.videos import CreateRequest

router = APIRouter(tags=["making"], route_class=FiniteJSONRoute)


@router.post("/batches", status_code=202, response_model=BatchOut)
def create_batch(body: BatchRequest, user: CurrentUser, db: SessionDep,
                 platform: PlatformDep) -> BatchOut:
    """Queue a video per row (rows as objects, or CSV text with a header row); rows that
    cannot fill the template are listed with the reason, and the rest go ahead. Each clip
    lands in drafts with its own marks and manifest."""
    if (body.rows is None) == (body.csv is None):
        raise InvalidInput("rows", "send the rows either as a list of objects or as csv")
    rows = (batches.read_rows(body.csv, "csv") if body.csv is not None else
            batches.read_rows(json.dumps(body.rows), "json"))
    batch = batches.create_batch(db, platform, user, body.template, rows, CreateRequest(
        prompt="", seconds=body.seconds, size=body.size, style=body.style or None,
        seed=body.seed))
    return _batch_out(db, user, batch.id)


Seconds = Annotated[float, Form(ge=1, le=60)]
Size = Annotated[str, Form(pattern=r"^(720x1280|1280x720|1024x1024|1920x1080)$")]
StyleName = Annotated[str, Form(
    pattern=r"^(cinematic|animated|anime|photoreal|surreal|noir|watercolor|pixel)?$")]


@router.post("/batches/upload", status_code=202, response_model=BatchOut)
def upload_batch(user: CurrentUser, db: SessionDep, platform: PlatformDep,
                 template: Annotated[str, Form(min_length=1, max_length=2000)],
                 table: Annotated[UploadFile, File(
                     description="the rows: a .csv with a header row, or a .json list of "
                                 "objects")],
                 seconds: Seconds = 10.0, size: Size = "720x1280", style: StyleName = "",
                 seed: Annotated[int | None, Form(ge=0, le=2**62)] = None) -> BatchOut:
    """The same as POST /batches, with the rows as an uploaded file (multipart form)."""
    rows = batches.read_table(table.filename or "rows.csv",
                              read_limited(table.file, batches.MAX_TABLE_BYTES))
    batch = batches.create_batch(db, platform, user, template, rows, CreateRequest(
        prompt="", seconds=seconds, size=size, style=style or None, seed=seed))
    return _batch_out(db, user, batch.id)


@router.post("/batches/{batch_id}/cancel", response_model=BatchOut)
def cancel_batch(batch_id: IdPath, user: CurrentUser, db: SessionDep,
                 platform: PlatformDep) -> BatchOut:
    """Stop every clip of the batch not made yet; the finished ones stay in drafts."""
    batches.cancel_batch(db, platform, user, batch_id)
    return _batch_out(db, user, batch_id)


@router.get("/batches/{batch_id}", response_model=BatchOut)
def get_batch(batch_id: IdPath, user: CurrentUser, db: SessionDep) -> BatchOut:
    """One of your batches: overall progress and every row's state."""
    return _batch_out(db, user, batch_id)


@router.post("/batches/{batch_id}/publish", response_model=BatchOut)
def publish_batch(batch_id: IdPath, user: CurrentUser, db: SessionDep) -> BatchOut:
    """Publish every finished clip still in drafts, each with its row's caption (a
    "caption" field of the row, else its prompt)."""
    batches.publish_batch(db, user, batch_id)
    return _batch_out(db, user, batch_id)


@router.get("/batches/{batch_id}/zip", response_class=FileResponse,
            responses={200: {"content": {"application/zip": {}}}})
def batch_zip(batch_id: IdPath, user: CurrentUser, db: SessionDep,
              platform: PlatformDep) -> FileResponse:
    """Every finished clip of the batch (as NNN.mp4 by row) and batch.json, in one zip."""
    batch, rows = batches.batch_for(db, user, batch_id)
    clips = batches.batch_clips(db, rows)
    zipped = {row.number for row, _ in clips}
    scratch = platform.settings.scratch_dir()
    scratch.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=scratch, suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(name, "w", zipfile.ZIP_STORED) as archive:  # mp4 is compressed
            for row, video in clips:
                assert video.video_key is not None
                with platform.blobs.open(video.video_key) as source, \
                        archive.open(f"{row.number:03d}.mp4", "w") as target:
                    while chunk := source.read(1 << 20):
                        target.write(chunk)
            archive.writestr("batch.json", json.dumps({
                "template": batch.template,
                "rows": [{"row": r.number, "prompt": r.prompt, "caption": r.caption,
                          "status": r.status, "video_id": r.video_id, "error": r.error,
                          "file": f"{r.number:03d}.mp4" if r.number in zipped else None}
                         for r in rows]}, indent=2, ensure_ascii=False))
    except BaseException:
        os.unlink(name)
        raise
    return FileResponse(name, media_type="application/zip",
                        filename=f"openreel-batch-{batch_id}.zip",
                        background=BackgroundTask(os.unlink, name))


def _batch_out(session: Session, user: User, batch_id: int) -> BatchOut:
    batch, rows = batches.batch_for(session, user, batch_id)
    return BatchOut(
        id=batch.id, template=batch.template, created_at=batch.created_at,
        progress=round(batches.batch_progress(rows), 4),
        counts=dict(Counter(r.status for r in rows)),
        rows=[BatchRowOut(row=r.number, prompt=r.prompt, caption=r.caption, status=r.status,
                          progress=r.progress, job_id=r.job_id, video_id=r.video_id,
                          error=r.error) for r in rows],
        zip_url=f"/api/v1/batches/{batch.id}/zip")
