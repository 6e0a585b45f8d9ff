"""Make a video file from a prompt or a storyboard on this machine."""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path

from pydantic import ValidationError

from openreel.engines.base import ProgressFn, no_progress
from openreel.pipeline import (
    GenerateOptions,
    GenerationResult,
    InvalidRequest,
    plan,
    render_to_file,
)
from openreel.pipeline.ahead import Directing
from openreel.pipeline.generate import check_output_path, load_image
from openreel.provenance.signing import SigningError
from openreel.provenance.stage import mark_id_for
from openreel.services.handles import HANDLE
from openreel.services.signing import Signing
from openreel.spec import Storyboard


def read_storyboard(path: Path) -> Storyboard:
    """Load a hand-written storyboard JSON file, or raise InvalidRequest saying what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidRequest(f"cannot read storyboard {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRequest(f"storyboard {path} is not valid JSON: {exc}") from exc
    try:
        return Storyboard.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "storyboard"
        raise InvalidRequest(f"storyboard {path} is invalid at {where}: {first['msg']}"
                             f" ({exc.error_count()} problem(s))") from exc


def check_request(options: GenerateOptions, out: Path) -> None:
    """Reject what cannot work before any time is spent: options, output path, image."""
    options.validate()
    check_output_path(out)
    if options.image is not None:
        load_image(options.image)


def plan_video(prompt: str | None, storyboard_file: Path | None, options: GenerateOptions,
               directing: Directing | None = None) -> Storyboard:
    """The storyboard for a request, checked before any rendering starts (``directing``:
    the prompt already being directed, see ``openreel.pipeline.ahead``)."""
    board = read_storyboard(storyboard_file) if storyboard_file is not None else None
    if board is None and (prompt is None or not prompt.strip()):
        raise InvalidRequest("the prompt is empty: describe the video you want")
    return plan(prompt, board, options, directing)


def generate_file(storyboard: Storyboard, options: GenerateOptions, out: Path,
                  signing: Signing, creator: str,
                  progress: ProgressFn = no_progress) -> GenerationResult:
    """Render a planned storyboard into ``out`` and a poster beside it, marked and signed
    with ``signing``.

    The mark id comes from what was asked for, so the same request gives the same file.
    """
    check_output_path(out)
    if not HANDLE.fullmatch(creator):
        raise InvalidRequest(f"creator {creator!r} is not a handle: 3 to 32 lowercase "
                             "letters, digits or '_'")
    mark = mark_id_for("local", creator, storyboard.model_dump_json(), options.seed,
                       options.size, options.fps, options.engine)
    try:
        provenance = signing.provenance_for(creator=creator, mark=mark, title=out.stem,
                                            engine=options.engine)
    except SigningError as exc:
        raise InvalidRequest(f"cannot sign the video: {exc}") from exc
    return render_to_file(storyboard, options, out, progress, provenance=provenance)


def local_creator() -> str:
    """The handle a video made on this machine is credited to: the login name, tidied."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    handle = re.sub(r"[^a-z0-9_]", "_", name.lower())[:32]
    return handle if len(handle) >= 3 else "local"
