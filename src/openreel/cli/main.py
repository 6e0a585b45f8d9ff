"""``openreel`` command line: generate videos, inspect storyboards.

Start-up is kept light (``openreel --help`` answers in a fraction of a second): each
command imports what it needs, when it runs.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import sys
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from openreel.pipeline.sizes import SIZES

if TYPE_CHECKING:
    from rich.console import Console

    from openreel.pipeline.ahead import Directing
    from openreel.spec import Style

app = typer.Typer(help="openreel: text or image → short video with synchronized sound.",
                  no_args_is_help=True, add_completion=False)
STAGES = ("planning", "simulating", "audio", "rendering", "encoding", "signing")
# The values of openreel.spec.Style, for the help text only: importing the spec (pydantic
# models) would double the time ``--help`` takes. A test keeps the two the same.
STYLE_NAMES = ("cinematic", "animated", "anime", "photoreal", "surreal", "noir", "watercolor",
               "pixel")


@cache
def _console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    _console().print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _seed_for(prompt: str | None, storyboard: Path | None) -> int:
    """A stable default seed: the same request gives the same video."""
    key = prompt if prompt else str(storyboard)
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")


def _parse_style(style: str | None) -> Style | None:
    from openreel.spec import Style

    if style is None:
        return None
    try:
        return Style(style.lower())
    except ValueError:
        raise _fail(f"unknown style {style!r}; choose one of "
                    f"{', '.join(s.value for s in Style)}") from None


@app.command()
def generate(
    prompt: Annotated[str | None, typer.Argument(help="what the video shows")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="the .mp4 to write")] = Path(
        "openreel.mp4"),
    image: Annotated[Path | None, typer.Option(help="first frame (image → video)")] = None,
    seconds: Annotated[float | None, typer.Option(help="length, 1..60 s (default 10)")] = None,
    size: Annotated[str, typer.Option(help=f"one of {', '.join(SIZES)}")] = "720x1280",
    fps: Annotated[int, typer.Option(help="24 or 30")] = 24,
    style: Annotated[str | None, typer.Option(
        help=f"{', '.join(STYLE_NAMES)} (default: from the prompt)")] = None,
    seed: Annotated[int | None, typer.Option(help="same seed, same video")] = None,
    engine: Annotated[str, typer.Option(help="rendering engine")] = "procedural",
    storyboard: Annotated[Path | None, typer.Option(
        help="render this storyboard JSON instead of directing the prompt")] = None,
    annotations: Annotated[Path | None, typer.Option(
        help="write per-frame ground truth (boxes, masks, contacts) into this folder")] = None,
    explain: Annotated[bool, typer.Option(
        help="print the storyboard the director made and the words it did not understand")
    ] = False,
    creator: Annotated[str | None, typer.Option(
        help="the @handle the watermark and manifest credit (default: your login name)")
    ] = None,
) -> None:
    """Make a video with sound from a prompt (or an image, or a storyboard)."""
    directing = None
    if storyboard is None and prompt is not None and prompt.strip():
        from openreel.pipeline.ahead import Directing

        # the prompt is read in a child process while this one loads the renderer
        directing = Directing(prompt, seconds=seconds or 10.0, style=_parse_style(style),
                              image=str(image) if image is not None else None)
    try:
        _generate(prompt, output, image, seconds, size, fps, style, seed, engine, storyboard,
                  annotations, explain, creator, directing)
    finally:
        if directing is not None:
            directing.cancel()


def _generate(prompt: str | None, output: Path, image: Path | None, seconds: float | None,
              size: str, fps: int, style: str | None, seed: int | None, engine: str,
              storyboard: Path | None, annotations: Path | None, explain: bool,
              creator: str | None, directing: Directing | None) -> None:
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from openreel.config import get_settings
    from openreel.media import EncodeSettings
    from openreel.pipeline import GenerateOptions, InvalidRequest
    from openreel.services.generation import (
        check_request,
        generate_file,
        local_creator,
        plan_video,
    )
    from openreel.services.signing import Signing

    settings = get_settings()
    options = GenerateOptions(
        seconds=seconds, size=size, fps=fps, style=_parse_style(style),
        seed=_seed_for(prompt, storyboard) if seed is None else seed, engine=engine,
        image=image, annotations=annotations,
        encode=EncodeSettings(preset=settings.x264_preset, crf=settings.x264_crf))
    try:
        check_request(options, output)
    except InvalidRequest as exc:
        raise _fail(str(exc)) from None
    with Progress(TextColumn("{task.description:<11}"), BarColumn(), TextColumn(
            "{task.percentage:>3.0f}%"), TimeElapsedColumn(), console=_console(),
            transient=False) as bar:
        tasks: dict[str, TaskID] = {s: bar.add_task(s, total=1) for s in STAGES}

        def progress(stage: str, done: float, total: float) -> None:
            if stage in tasks:
                bar.update(tasks[stage], completed=done, total=max(total, 1))

        try:
            progress("planning", 0, 1)
            board = plan_video(prompt, storyboard, options, directing)
            progress("planning", 1, 1)
            if explain:
                from openreel.director import describe

                # plain text: "cook [flipping pancakes]" is no markup
                bar.console.print(describe(board), markup=False, highlight=False)
            result = generate_file(board, options, output, Signing(settings),
                                   (creator or local_creator()).lstrip("@"), progress)
        except InvalidRequest as exc:
            raise _fail(str(exc)) from None
    _console().print(f"[green]wrote[/] {result.video} ({result.frames} frames, "
                  f"{result.seconds:.1f} s, seed {options.seed}) and poster {result.poster} "
                  f"in {result.stats['total']:.1f} s")


@app.command()
def plan(
    prompt: Annotated[str, typer.Argument(help="what the video shows")],
    seconds: Annotated[float, typer.Option(help="length, 1..60 s")] = 10.0,
    style: Annotated[str | None, typer.Option(help="look of the clip")] = None,
) -> None:
    """Print the storyboard JSON the director makes from a prompt (edit it, then --storyboard)."""
    from openreel.pipeline import GenerateOptions, InvalidRequest
    from openreel.services.generation import plan_video

    try:
        board = plan_video(prompt, None, GenerateOptions(seconds=seconds,
                                                         style=_parse_style(style)))
    except InvalidRequest as exc:
        raise _fail(str(exc)) from None
    typer.echo(board.model_dump_json(indent=2, exclude_defaults=True))


@app.command("storyboard-schema")
def storyboard_schema() -> None:
    """Print the JSON schema of storyboard files."""
    from openreel.spec import Storyboard

    typer.echo(json.dumps(Storyboard.model_json_schema(), indent=2))


@app.command()
def migrate() -> None:
    """Create or upgrade the database named by the settings."""
    from openreel.config import get_settings
    from openreel.db.migrate import upgrade

    settings = get_settings()
    upgrade(settings.resolved_database_url())
    _console().print(f"database is up to date: {settings.resolved_database_url()}")


@app.command("seed-demo")
def seed_demo() -> None:
    """Add demo people and a dozen rendered videos, unless the database has users already."""
    from openreel.config import get_settings
    from openreel.jobs import drain
    from openreel.services.demo import seed_demo as seed
    from openreel.services.platform import Platform
    from openreel.services.rendering import render_handler
    from openreel.services.videos import RENDER_JOB

    platform = Platform.from_settings(get_settings())
    try:
        handlers = {RENDER_JOB: render_handler(platform)}
        made = seed(platform, lambda: drain(platform.sessions, handlers, queue=platform.queue),
                    report=lambda line: _console().print(line))
    finally:
        platform.close()
    _console().print(f"demo: {made} published videos" if made else "demo: users exist, skipped")


@app.command()
def batch(
    template: Annotated[str, typer.Argument(
        help='the prompt with {fields}, e.g. "{product} on a table in {city}"')],
    rows: Annotated[Path, typer.Argument(
        help="a CSV with a header row, or a JSON list of objects: one video per row")],
    output: Annotated[Path, typer.Option("-o", "--output", help="the folder to write to")] = Path(
        "batch"),
    seconds: Annotated[float | None, typer.Option(help="length, 1..60 s (default 10)")] = None,
    size: Annotated[str, typer.Option(help=f"one of {', '.join(SIZES)}")] = "720x1280",
    style: Annotated[str | None, typer.Option(
        help=f"{', '.join(STYLE_NAMES)} (default: from each prompt)")] = None,
    seed: Annotated[int | None, typer.Option(
        help="seed of the first row (the next rows count up); default: from each prompt")
    ] = None,
    creator: Annotated[str | None, typer.Option(
        help="the @handle the watermark and manifest credit (default: your login name)")
    ] = None,
) -> None:
    """Make one video per row of a table, the template's {fields} filled from the row.

    Rows that cannot fill the template are reported and skipped; a "caption" column is kept
    in batch.json beside the clips. Exit code 0 when every row made its video, 1 when some
    did not, 2 when the template or the table cannot be read.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from openreel.config import get_settings
    from openreel.media import EncodeSettings
    from openreel.pipeline import GenerateOptions, InvalidRequest
    from openreel.services.batches import fill, read_rows, rows_kind
    from openreel.services.errors import InvalidInput
    from openreel.services.generation import generate_file, local_creator, plan_video
    from openreel.services.signing import Signing

    if not rows.is_file():
        raise _fail(f"{rows}: no such file")
    try:
        text = rows.read_text(encoding="utf-8")
        filled = fill(template, read_rows(text, rows_kind(rows.name, text)))
    except UnicodeDecodeError:
        raise _fail(f"{rows}: not a text file (save the table as UTF-8 CSV or JSON)") from None
    except InvalidInput as exc:
        raise _fail(exc.message) from None
    settings = get_settings()
    signing = Signing(settings)  # one identity for every row
    chosen_style = _parse_style(style)
    output.mkdir(parents=True, exist_ok=True)
    credit = (creator or local_creator()).lstrip("@")
    made: list[dict[str, Any]] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=_console()) as bar:
        task = bar.add_task("rows", total=len(filled))
        for row in filled:
            entry: dict[str, Any] = {"row": row.number, "prompt": row.prompt,
                                     "caption": row.caption}
            if row.prompt is not None:
                bar.update(task, description=f"row {row.number}: {row.prompt[:48]}")
                clip = output / f"{row.number:03d}.mp4"
                options = GenerateOptions(
                    seconds=seconds, size=size, style=chosen_style,
                    seed=(seed + row.number - 1) if seed is not None else _seed_for(
                        row.prompt, None),
                    encode=EncodeSettings(preset=settings.x264_preset, crf=settings.x264_crf))
                try:
                    board = plan_video(row.prompt, None, options, None)
                    generate_file(board, options, clip, signing, credit)
                    entry.update(video=clip.name, poster=clip.with_suffix(".jpg").name,
                                 seed=options.seed)
                except InvalidRequest as exc:
                    entry["error"] = str(exc)
            else:
                entry["error"] = row.error
            if "error" in entry:
                bar.console.print(f"[yellow]row {row.number}:[/] {entry['error']}")
            made.append(entry)
            bar.advance(task)
    (output / "batch.json").write_text(json.dumps(
        {"template": template, "rows": made}, indent=2, ensure_ascii=False) + "\n")
    done = sum("video" in e for e in made)
    _console().print(f"[green]wrote[/] {done} of {len(made)} videos to {output}/ "
                     f"(batch.json lists each row)")
    raise typer.Exit(code=0 if done == len(made) else 1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="address to listen on")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="port to listen on")] = None,
    workers: Annotated[int | None, typer.Option(min=0, max=64,
                                                help="render worker threads")] = None,
    processes: Annotated[int, typer.Option(min=1, max=64,
                                           help="server processes (each with its workers)")] = 1,
) -> None:
    """Serve the web app and the API (and render in background workers)."""
    import os

    import uvicorn

    from openreel.config import get_settings

    if workers is not None:
        os.environ["OPENREEL_WORKERS"] = str(workers)
    # Each server process loads the sentence model as it starts, not at its first steering.
    os.environ.setdefault("OPENREEL_WARM_UP", "1")
    get_settings.cache_clear()
    settings = get_settings()
    bind_host = host or settings.host
    bind_port = port or settings.port
    _console().print(f"openreel is serving at http://{bind_host}:{bind_port}")
    uvicorn.run("openreel.app:create_app", factory=True, host=bind_host, port=bind_port,
                workers=processes, log_level="warning", proxy_headers=False)


@app.command()
def verify(
    file: Annotated[Path, typer.Argument(help="a video, image (a screenshot works) or sound file")],
    as_json: Annotated[bool, typer.Option("--json", help="print the findings as JSON")] = False,
) -> None:
    """Tell whether a file is an openreel video, whose, and whether it was altered.

    Exit code 0: it is an openreel video; 1: it is not; 2: the file cannot be examined.
    """
    from concurrent.futures import ThreadPoolExecutor

    from openreel.config import get_settings
    from openreel.provenance.signing import SigningError
    from openreel.provenance.verify import VerifyError, look
    from openreel.services.signing import Signing

    if not file.exists():
        raise _fail(f"{file}: no such file")
    settings = get_settings()
    signing = Signing(settings)
    # The file is read (decoding, hashing, FFTs: work that lets go of the GIL) on a thread
    # while this one loads the database code and opens the catalogue, which the verdict
    # needs only once the file has been read.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="verify") as pool:
        try:
            reading = pool.submit(look, file, key=signing.watermark_key,
                                  trust_anchors_pem=signing.identity().trust_anchors_pem,
                                  public_keys=signing.public_keys)
        except SigningError as exc:
            raise _fail(str(exc)) from None
        from openreel.services.platform import Platform
        from openreel.services.provenance import verdict_json, verdict_on

        platform = Platform.from_settings(settings, signing=signing)
        try:
            with platform.reading() as session:
                verdict = verdict_on(session, platform, reading.result())
                report = verdict_json(verdict)
        except (VerifyError, SigningError) as exc:
            raise _fail(str(exc)) from None
        finally:
            platform.close()
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        _print_verdict(report)
    raise typer.Exit(code=0 if verdict.is_openreel else 1)


def _print_verdict(report: dict[str, Any]) -> None:
    from rich.console import Console

    out = Console()
    out.print("[bold green]openreel video[/]" if report["is_openreel"]
               else "[bold]not an openreel video[/]")
    out.print(report["summary"])
    out.print("How openreel decided:")
    for reason in report["reasons"]:
        out.print(f"  - {reason}", highlight=False)
    out.print(f"  C2PA manifest:  {report['manifest']['state']}")
    for name in ("picture_mark", "sound_mark"):
        mark = report[name]
        if mark is None:
            continue
        seen = (f"payload {mark['payload']} (confidence {mark['confidence']:.6f})"
                if mark["payload"] else "not found")
        out.print(f"  {name.replace('_', ' '):<15} {seen}")
    for match in report["matches"]:
        out.print(f"  fingerprint:    video {match['video_id']} "
                  f"(confidence {match['confidence']:.2f}; pictures "
                  f"{100 * match['picture_share']:.0f} %, sound "
                  f"{100 * match['sound_share']:.0f} % of the copy)")
    video = report["video"]
    if video is not None:
        where = f"video {video['id']}" if video["id"] is not None else "a private video"
        out.print(f"  made by:        @{video['creator']} on {video['created_at'][:10]} "
                  f"({where}; evidence: {', '.join(video['evidence'])})")


def main() -> None:
    """The ``openreel`` command: run it, then leave at once.

    Once a command is done and its output flushed, the process leaves through
    ``os._exit`` after the usual exit handlers, instead of taking apart, object by object,
    the models, pictures and caches it built: after ``generate`` that teardown alone took
    0.2 s. An unexpected error still leaves the ordinary way, with its traceback.
    """
    try:
        app()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    # What Python's own exit does first, as multiprocessing's children do before their
    # os._exit: idle thread pools are told to stop and threads are waited for, then the
    # exit handlers (logging, temporary folders) run.
    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    main()
