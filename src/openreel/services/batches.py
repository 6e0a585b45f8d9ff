"""Batch variants: one idea personalised for many audiences.

A template prompt names fields in braces ("{product} on a table in {city} at {time}"); each
row of a table (CSV with a header, or a JSON list of objects) fills them in, and becomes one
video. Rows that cannot fill the template, or whose prompt the director refuses, are
reported by their number and skipped; the others go on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from openreel.db.models import Batch, Job, JobStatus, User, Video, VideoKind, VideoStatus
from openreel.jobs import cancel as cancel_job
from openreel.pipeline import InvalidRequest, plan
from openreel.services import cameos
from openreel.services.errors import InvalidInput, NotFound
from openreel.services.platform import Platform
from openreel.services.transactions import commits, unit_of_work
from openreel.services.videos import (
    MAX_CAPTION,
    CreateRequest,
    check_quota,
    options_for,
    publish,
    queue_render,
)

MAX_ROWS = 100  # rows in one batch
MAX_VALUE = 200  # characters a field's value may have
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]{0,31})\}")
CAPTION_FIELD = "caption"  # a row's caption for the clip, when the table has this column


@dataclass(frozen=True)
class Row:
    """One row of the table: its number (1 = first row of data), prompt, caption or error."""

    number: int
    prompt: str | None
    caption: str
    error: str | None = None


def template_fields(template: str) -> list[str]:
    """The fields a template names, in order, once each; InvalidInput if it names none or
    has braces that are not fields."""
    text = template.strip()
    if not text:
        raise InvalidInput("template", "write the prompt, with {fields} the rows fill in")
    fields = list(dict.fromkeys(FIELD.findall(text)))
    stray = FIELD.sub("", text)
    if "{" in stray or "}" in stray:
        raise InvalidInput("template", "a field is a name in braces, like {city}: letters, "
                           "digits and _ only")
    if not fields:
        raise InvalidInput("template", "name at least one field in braces, like {city}")
    return fields


def read_rows(data: str, kind: str) -> list[dict[str, str]]:
    """The table's rows as field → value: ``kind`` "csv" (a header row, then data) or
    "json" (a list of objects). InvalidInput when it is neither, empty, or too long."""
    if kind == "json":
        try:
            parsed = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InvalidInput("rows", f"not JSON (line {exc.lineno}): send a list of "
                               "objects, one per video") from None
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            raise InvalidInput("rows", "send a list of objects, one per video")
        rows = [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in parsed]
    elif kind == "csv":
        try:
            reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
            rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items()
                     if k is not None} for r in reader]
        except csv.Error as exc:
            raise InvalidInput("rows", f"not a CSV table ({exc})") from None
    else:
        raise InvalidInput("rows", "send the rows as CSV (with a header row) or JSON")
    if not rows:
        raise InvalidInput("rows", "the table has no rows")
    if len(rows) > MAX_ROWS:
        raise InvalidInput("rows", f"at most {MAX_ROWS} rows in one batch ({len(rows)} sent)")
    return rows


MAX_TABLE_BYTES = 1 << 20  # an uploaded table of rows


def read_table(filename: str, data: bytes) -> list[dict[str, str]]:
    """The rows of an uploaded table file (CSV with a header row, or JSON), its kind told
    by its name or else its first character."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("table", "save the table as UTF-8 CSV or JSON") from None
    return read_rows(text, rows_kind(filename, text))


def rows_kind(filename: str, data: str) -> str:
    """"json" or "csv", from the file name, else from the first character."""
    name = filename.lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith((".csv", ".txt")):
        return "csv"
    return "json" if data.lstrip()[:1] in ("[", "{") else "csv"


def _filled(template: str, values: dict[str, str]) -> str:
    return FIELD.sub(lambda m: values[m.group(1)].strip(), template.strip())


def fill(template: str, rows: list[dict[str, str]]) -> list[Row]:
    """Each row's prompt (or the reason it has none)."""
    fields = template_fields(template)
    out: list[Row] = []
    for number, values in enumerate(rows, start=1):
        caption = values.get(CAPTION_FIELD, "").strip()[:500]
        missing = [f for f in fields if not values.get(f, "").strip()]
        long = [f for f in fields if len(values.get(f, "")) > MAX_VALUE]
        if missing:
            error = "no value for " + ", ".join(f"{{{f}}}" for f in missing)
        elif long:
            error = f"{{{long[0]}}} is longer than {MAX_VALUE} characters"
        else:
            out.append(Row(number, _filled(template, values), caption))
            continue
        out.append(Row(number, None, caption, error))
    return out


# -- batches on the platform -------------------------------------------------------------------
@commits
def create_batch(session: Session, platform: Platform, user: User, template: str,
                 rows: list[dict[str, str]], request: CreateRequest) -> Batch:
    """Queue a video for every row that fills the template (committed); the others are kept
    with their reason. ``request`` carries the options every clip shares (its prompt is
    unused); with a seed, row n uses seed + n - 1.

    Every prompt is directed before the transaction that checks the quota for all of them
    and queues their jobs, so the write lock is held for that alone."""
    filled = fill(template, rows)
    planned: list[tuple[Row, Any]] = []
    for row in filled:
        if row.prompt is None:
            planned.append((row, None))
            continue
        seed = None if request.seed is None else request.seed + row.number - 1
        options = options_for(CreateRequest(prompt=row.prompt, seconds=request.seconds,
                                         size=request.size, style=request.style, seed=seed,
                                         engine=request.engine))
        try:
            board = plan(row.prompt, None, options)
            # a row's cameos as a single video's: named, and allowed to this person
            cast = [c.id for c in cameos.mentioned(session, user, row.prompt)]
            planned.append((row, (options, board, cast)))
        except InvalidRequest as exc:
            planned.append((Row(row.number, row.prompt, row.caption, str(exc)), None))
        except (InvalidInput, cameos.CameoNotPermitted) as exc:
            reason = exc.said
            planned.append((Row(row.number, row.prompt, row.caption, reason), None))
    wanted = sum(made is not None for _, made in planned)
    if wanted == 0:
        raise InvalidInput("rows", "no row could be made: " + "; ".join(
            f"row {r.number}: {r.error}" for r, _ in planned[:5]))
    check_quota(session, platform, user, wanted)
    entries: list[dict[str, Any]] = []
    for row, made in planned:
        entry: dict[str, Any] = {"row": row.number, "prompt": row.prompt,
                                 "caption": row.caption, "job_id": None, "error": row.error}
        if made is not None:
            options, board, cast = made
            job = queue_render(session, platform, user, kind=VideoKind.GENERATE,
                                prompt=row.prompt or "", options=options, board=board,
                                cast=cast)
            entry["job_id"] = job.id
        entries.append(entry)
    batch = Batch(owner_id=user.id, template=template.strip(), rows={"rows": entries})
    session.add(batch)
    session.flush()
    return batch


@dataclass(frozen=True)
class BatchRow:
    """One row of a batch as it stands: its job's state and video, or why it has none."""

    number: int
    prompt: str | None
    caption: str
    error: str | None
    job_id: int | None
    status: str  # "skipped" for a row with no job, else the job's status
    progress: float
    video_id: int | None

    @property
    def pending(self) -> bool:
        """Whether the row's clip is still to be made (its job queued or running)."""
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)


def batch_for(session: Session, user: User, batch_id: int) -> tuple[Batch, list[BatchRow]]:
    """One of the user's batches with each row's state; others' look absent."""
    batch = session.get(Batch, batch_id)
    if batch is None or batch.owner_id != user.id:
        raise NotFound(f"no batch {batch_id}")
    rows: list[BatchRow] = []
    for entry in batch.rows.get("rows", []):
        job = session.get(Job, entry["job_id"]) if entry.get("job_id") else None
        status = job.status.value if job is not None else "skipped"
        error = entry.get("error") or (job.error if job is not None else None)
        rows.append(BatchRow(entry["row"], entry.get("prompt"), entry.get("caption", ""),
                             error, entry.get("job_id"), status,
                             1.0 if job is not None and job.status == JobStatus.SUCCEEDED
                             else (job.progress if job is not None else 0.0),
                             job.video_id if job is not None else None))
    return batch, rows


def batch_progress(rows: list[BatchRow]) -> float:
    """How far a batch is, 0..1, over its rows that have a job."""
    jobs = [r for r in rows if r.job_id is not None]
    return sum(r.progress for r in jobs) / len(jobs) if jobs else 0.0


def batch_clips(session: Session, rows: list[BatchRow]) -> list[tuple[BatchRow, Video]]:
    """The finished (and not deleted) videos of a batch's rows, with their rows, in order."""
    out = []
    for row in rows:
        video = session.get(Video, row.video_id) if row.video_id else None
        if video is not None and video.video_key is not None:
            out.append((row, video))
    return out


def cancel_batch(session: Session, platform: Platform, user: User, batch_id: int) -> list[int]:
    """Stop every row's job that has not finished; returns their ids. Finished clips stay
    in drafts; a batch with nothing left to stop is left as it is."""
    with unit_of_work(session, outermost=True):  # the queue cancels in units of its own
        _, rows = batch_for(session, user, batch_id)
        pending = [r.job_id for r in rows if r.job_id is not None and r.pending]
    stopped = [job_id for job_id in pending if cancel_job(platform.sessions, job_id)]
    session.expire_all()
    return stopped


@commits
def publish_batch(session: Session, user: User, batch_id: int) -> list[int]:
    """Publish every finished clip of the batch still in drafts, each with its row's caption
    (else its prompt); returns the ids published (committed)."""
    _, rows = batch_for(session, user, batch_id)
    published = []
    for row, video in batch_clips(session, rows):
        if video.status == VideoStatus.DRAFT:
            publish(session, user, video.id, (row.caption or row.prompt or "")[:MAX_CAPTION])
            published.append(video.id)
    return published
