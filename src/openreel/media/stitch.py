"""Join several MP4 files into one: pictures fitted to one frame, sound resampled to one rate."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image
from scipy.signal import resample_poly

from openreel.media.encode import AUDIO_RATE, EncodeSettings, Mp4Writer
from openreel.media.probe import probe


class StitchError(ValueError):
    """The sources cannot be joined; the message says which and why."""


@dataclass(frozen=True)
class StitchResult:
    """A joined file."""

    path: Path
    frames: int
    seconds: float


def _fit(frame: np.ndarray, width: int, height: int) -> np.ndarray:
    """Scale a frame to fit inside width×height, with black bars where the shapes differ."""
    h, w = frame.shape[:2]
    if (w, h) == (width, height):
        return frame
    scale = min(width / w, height / h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    scaled = np.asarray(Image.fromarray(frame).resize(size, Image.Resampling.LANCZOS))
    canvas = np.zeros((height, width, 3), np.uint8)
    top, left = (height - size[1]) // 2, (width - size[0]) // 2
    canvas[top:top + size[1], left:left + size[0]] = scaled
    return canvas


def _timed_frames(path: Path) -> Iterator[tuple[float, np.ndarray]]:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            yield float(frame.time or 0.0), frame.to_ndarray(format="rgb24")


def _audio(path: Path, seconds: float) -> np.ndarray:
    """The file's sound as (n, 2) float32 at the writer's rate, exactly ``seconds`` long."""
    length = round(seconds * AUDIO_RATE)
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return np.zeros((length, 2), np.float32)
        rate = container.streams.audio[0].codec_context.sample_rate
        chunks = [f.to_ndarray() for f in container.decode(audio=0)]
    if not chunks:
        return np.zeros((length, 2), np.float32)
    planar = np.concatenate(chunks, axis=1).astype(np.float32)
    if planar.shape[0] == 1:
        planar = np.repeat(planar, 2, axis=0)
    samples = planar[:2].T
    if rate != AUDIO_RATE:
        ratio = Fraction(AUDIO_RATE, rate)
        samples = resample_poly(samples, ratio.numerator, ratio.denominator, axis=0)
    out = np.zeros((length, 2), np.float32)
    n = min(length, samples.shape[0])
    out[:n] = samples[:n]
    return out


def stitch(sources: Sequence[Path], out: Path, *, width: int | None = None,
           height: int | None = None, fps: int | None = None,
           encode: EncodeSettings | None = None) -> StitchResult:
    """Write ``sources`` one after another into ``out`` (atomically), sized like the first."""
    if len(sources) < 2:
        raise StitchError("stitching needs at least two videos")
    infos = []
    for path in sources:
        try:
            infos.append(probe(path))
        except (av.error.FFmpegError, IndexError, OSError) as exc:
            raise StitchError(f"cannot read {path.name}: {exc}") from exc
    width = width or infos[0].width
    height = height or infos[0].height
    rate = fps or round(infos[0].fps) or 24
    lengths = [info.frames / info.fps if info.fps else info.duration for info in infos]
    soundtrack = np.concatenate([_audio(p, s) for p, s in zip(sources, lengths, strict=True)])
    writer = Mp4Writer(out, width, height, rate, encode or EncodeSettings())
    frames = 0
    writer.open()
    try:
        writer.write_audio(soundtrack)
        for path, seconds in zip(sources, lengths, strict=True):
            frames += _write_part(writer, path, seconds, rate, width, height)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return StitchResult(path=out, frames=frames, seconds=frames / rate)


def _write_part(writer: Mp4Writer, path: Path, seconds: float, rate: int, width: int,
                height: int) -> int:
    """Emit one source at the output rate: each output instant shows the frame on screen then."""
    decoded = _timed_frames(path)
    current = next(decoded, None)
    if current is None:
        raise StitchError(f"{path.name} has no pictures")
    upcoming = next(decoded, None)
    count = round(seconds * rate)
    for index in range(count):
        moment = index / rate
        while upcoming is not None and upcoming[0] <= moment + 1e-6:
            current, upcoming = upcoming, next(decoded, None)
        writer.write_frame(_fit(current[1], width, height))
    return count
