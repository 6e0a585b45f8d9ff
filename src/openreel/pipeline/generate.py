"""Prompt (or storyboard) → Storyboard → engine → MP4 + poster."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from openreel.engines import ENGINE_NAMES, RenderRequest, VideoEngine, get_engine
from openreel.engines.base import ProgressFn, no_progress
from openreel.media import EncodeSettings, Mp4Writer
from openreel.pipeline.ahead import Directing
from openreel.pipeline.sizes import FPS_CHOICES, SIZES
from openreel.provenance.stage import MarkingSink, Provenance, Sealed, seal
from openreel.spec import MAX_SECONDS, Storyboard, Style

MAX_IMAGE_PIXELS = 40_000_000


class InvalidRequest(ValueError):
    """The request cannot be rendered; the message says why and ``field`` which option
    it is about, where it is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class GenerateOptions:
    """How to render: the knobs of ``openreel generate``."""

    seconds: float | None = None  # None: 10 s for a prompt, the storyboard's own length
    size: str = "720x1280"
    fps: int = 24
    style: Style | None = None
    seed: int = 0
    engine: str = "procedural"
    image: Path | None = None
    annotations: Path | None = None
    encode: EncodeSettings = field(default_factory=EncodeSettings)

    def validate(self) -> None:
        """Raise InvalidRequest for values no engine can honour."""
        if self.seconds is not None and not 1.0 <= self.seconds <= MAX_SECONDS:
            raise InvalidRequest(f"seconds must be between 1 and {MAX_SECONDS:g}, "
                                 f"got {self.seconds:g}", "seconds")
        if self.size not in SIZES:
            raise InvalidRequest(f"unknown size {self.size!r}; choose one of "
                                 f"{', '.join(SIZES)}", "size")
        if self.fps not in FPS_CHOICES:
            raise InvalidRequest(f"fps must be one of {FPS_CHOICES}, got {self.fps}", "fps")
        if self.engine not in ENGINE_NAMES:
            raise InvalidRequest(f"unknown engine {self.engine!r}; available: "
                                 f"{', '.join(ENGINE_NAMES)}", "engine")
        if not 0 <= self.seed < 2**63:
            raise InvalidRequest("seed must be a non-negative 64-bit integer", "seed")


@dataclass
class GenerationResult:
    """A finished render."""

    video: Path
    poster: Path
    storyboard: Storyboard
    frames: int
    seconds: float
    stats: dict[str, float]
    sealed: Sealed | None = None  # the mark id and fingerprint, when provenance ran


def load_image(path: Path) -> np.ndarray:
    """Read a picture as (h, w, 3) uint8 RGB, or raise InvalidRequest."""
    try:
        with Image.open(path) as img:
            if img.width * img.height > MAX_IMAGE_PIXELS:
                raise InvalidRequest(f"image {path} is too large ({img.width}x{img.height})")
            return np.asarray(img.convert("RGB"), dtype=np.uint8).copy()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise InvalidRequest(f"cannot read image {path}: {exc}") from exc


def plan(prompt: str | None, storyboard: Storyboard | None, options: GenerateOptions,
         directing: Directing | None = None) -> Storyboard:
    """The storyboard to render: the given one (fitted to ``seconds``) or the director's
    (``directing``: the prompt already being directed with these options)."""
    options.validate()
    image = str(options.image) if options.image else None
    if storyboard is not None:
        board = storyboard
        if options.seconds is not None:
            board = board.fit_to(options.seconds)
        update: dict[str, object] = {}
        if options.style is not None:
            update["style"] = options.style
        if image is not None:
            update["image"] = image
        return board.model_copy(update=update) if update else board
    if prompt is None or not prompt.strip():
        raise InvalidRequest("the prompt is empty: describe the video you want")
    try:
        seconds = options.seconds or 10.0
        if directing is not None:
            if directing.asked == (prompt, seconds, options.style, image):
                return directing.result()
            directing.cancel()  # it was started for another request
        # imported here: a process whose prompt is directed elsewhere never loads it
        from openreel.director import direct

        return direct(prompt, seconds=seconds, style=options.style, image=image)
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from exc


def check_output_path(out: Path) -> None:
    """Raise InvalidRequest unless ``out`` is a writable .mp4 path."""
    if out.suffix.lower() != ".mp4":
        raise InvalidRequest(f"output must be an .mp4 file, got {out}")
    parent = out.resolve().parent
    if not parent.is_dir():
        raise InvalidRequest(f"output folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InvalidRequest(f"cannot write to {out}")
    if out.is_dir():
        raise InvalidRequest(f"output {out} is a folder")


def render_to_file(storyboard: Storyboard, options: GenerateOptions, out: Path,
                   progress: ProgressFn = no_progress, *,
                   provenance: Provenance | None = None,
                   engines: Callable[[str], VideoEngine] = get_engine) -> GenerationResult:
    """Render ``storyboard`` into ``out`` (MP4) and a poster JPEG beside it, atomically.

    With ``provenance`` (every output a person gets), the frames and sound are marked on
    their way to the encoder, the file is signed and ``sealed`` holds its fingerprint.
    Without it the output is unmarked: for measuring the engine and the marks themselves.
    ``engines`` gives the engine of a name (a platform's keeps the engines it made).
    """
    # The render runs beside the sound, the marks and the encoder, each on its own thread:
    # OpenCV's own worker pool would only compete with them for the same cores (one
    # thread each makes a 10 s clip about 4 % faster on two cores).
    cv2.setNumThreads(1)
    options.validate()
    check_output_path(out)
    width, height = SIZES[options.size]
    image = load_image(options.image) if options.image is not None else None
    engine = engines(options.engine)
    request = RenderRequest(width=width, height=height, fps=options.fps, seed=options.seed,
                            image=image, annotations=options.annotations)
    poster_path = out.with_suffix(".jpg")
    started = time.perf_counter()
    writer = Mp4Writer(out, width, height, options.fps, options.encode)

    def report(stage: str, done: float, total: float) -> None:
        progress(stage, done, total)
        if stage == "rendering":
            progress("encoding", writer.frames_encoded, total)

    sink = (MarkingSink(writer, provenance, width, height, options.fps)
            if provenance is not None else None)
    writer.open()
    try:
        if sink is not None:
            sink.open()
        result = engine.render(storyboard, request, sink or writer, report)
        if sink is not None:
            sink.close()
        writer.close()
    except BaseException:
        if sink is not None:
            sink.abort()
        writer.abort()
        raise
    progress("encoding", result.frames, result.frames)
    sealed = None
    try:
        poster = result.poster
        if sink is not None and provenance is not None:
            signing = time.perf_counter()
            progress("signing", 0, 1)
            seal(out, provenance)
            progress("signing", 1, 1)
            sink.seconds += time.perf_counter() - signing
            if poster is not None:
                poster = sink.mark_still(poster, round(request.poster_at * (result.frames - 1)))
            sealed = Sealed(mark=provenance.mark, fingerprint=sink.fingerprint.result(),
                            seconds=sink.seconds)
        if poster is not None:
            tmp = poster_path.with_name(f".{poster_path.name}.part")
            Image.fromarray(poster).save(tmp, format="JPEG", quality=90)
            os.replace(tmp, poster_path)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    stats = dict(result.stats, total=time.perf_counter() - started)
    if sealed is not None:
        stats["provenance"] = sealed.seconds
    return GenerationResult(video=out, poster=poster_path, storyboard=storyboard,
                            frames=result.frames, seconds=result.frames / options.fps,
                            stats=stats, sealed=sealed)
