"""Join several MP4 files into one: pictures fitted to one frame, sound resampled to one rate.

Each source keeps its own length: its pictures are shown for as long as they lasted, at
the output frame rate (frames repeated or skipped as the rates differ), scaled to fit the
output frame with black bars where the shapes differ. Its sound is resampled to the
writer's rate and cut or padded to the same length, so picture and sound stay together
at every join; a source with no sound gives silence. Pictures are decoded, fitted and
handed to the encoder one at a time. The finished file appears only when complete.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import av
import numpy as np

from openreel.media.encode import AUDIO_RATE, EncodeSettings, Mp4Writer
from openreel.media.probe import MediaInfo, probe

MAX_FPS = 120


class StitchError(ValueError):
    """The sources cannot be joined; the message says which and why."""


@dataclass(frozen=True)
class StitchResult:
    """A joined file and where each source landed in it."""

    path: Path
    width: int
    height: int
    fps: int
    frames: int
    seconds: float
    part_frames: tuple[int, ...]  # output frames of each source, in order


def stitch(sources: Sequence[Path], out: Path, *, width: int | None = None,
           height: int | None = None, fps: int | None = None,
           encode: EncodeSettings = EncodeSettings()) -> StitchResult:
    """Write ``sources`` one after another into ``out``, sized and timed like the first.

    ``width``, ``height`` and ``fps`` override the first source's; the file is written to
    a temporary name and renamed into place only when complete.
    """
    paths = [Path(p) for p in sources]
    if len(paths) < 2:
        raise StitchError(f"stitching needs at least two videos, got {len(paths)}")
    infos = [_described(p) for p in paths]
    width = infos[0].width if width is None else width
    height = infos[0].height if height is None else height
    rate = round(infos[0].fps) if fps is None else fps
    if width <= 0 or height <= 0 or width % 2 or height % 2:
        raise StitchError(f"the output size must be positive and even, got {width}x{height}")
    if not 1 <= rate <= MAX_FPS:
        raise StitchError(f"the output frame rate must be 1 to {MAX_FPS}, got {rate}")

    # Joins fall on output frames: part k covers frames bounds[k] .. bounds[k + 1].
    ends = np.cumsum([_seconds(info) for info in infos])
    bounds = [0, *(round(float(t) * rate) for t in ends)]
    counts = [b - a for a, b in pairwise(bounds)]
    for path, count in zip(paths, counts, strict=True):
        if count == 0:
            raise StitchError(f"{path.name} is too short to show at {rate} frames a second")
    samples = [round(b * AUDIO_RATE / rate) for b in bounds]
    soundtrack = np.zeros((samples[-1], 2), np.float32)
    for k, path in enumerate(paths):
        _decode_sound(path, soundtrack[samples[k]:samples[k + 1]])

    writer = Mp4Writer(out, width, height, rate, encode)
    writer.open()
    try:
        writer.write_audio(soundtrack)
        for path, count in zip(paths, counts, strict=True):
            for picture in _pictures(path, count, rate, width, height):
                writer.write_frame(picture)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return StitchResult(path=out, width=width, height=height, fps=rate, frames=bounds[-1],
                        seconds=bounds[-1] / rate, part_frames=tuple(counts))


def _described(path: Path) -> MediaInfo:
    """The source's streams, or a StitchError that names it."""
    if not path.is_file():
        raise StitchError(f"{path.name} does not exist")
    try:
        info = probe(path)
    except (av.error.FFmpegError, IndexError, OSError, ValueError) as exc:
        raise StitchError(f"{path.name} is not a readable video: {exc}") from exc
    if info.frames == 0 or info.width == 0 or info.height == 0:
        raise StitchError(f"{path.name} has no pictures")
    return info


def _seconds(info: MediaInfo) -> float:
    """How long a source's pictures last."""
    return info.frames / info.fps if info.fps > 0 else info.duration


def _pictures(path: Path, count: int, rate: int, width: int,
              height: int) -> Iterator[np.ndarray]:
    """``count`` fitted frames at ``rate``: each shows the source frame on screen then."""
    with av.open(str(path)) as container:
        decoded = container.decode(video=0)
        current = next(decoded, None)
        if current is None:
            raise StitchError(f"{path.name} has no pictures")
        start = float(current.time or 0.0)
        upcoming = next(decoded, None)
        fitted: np.ndarray | None = None
        for index in range(count):
            moment = start + index / rate
            while upcoming is not None and float(upcoming.time or 0.0) <= moment + 1e-6:
                current, upcoming, fitted = upcoming, next(decoded, None), None
            if fitted is None:
                fitted = letterbox(current, width, height)
            yield fitted


def letterbox(frame: av.VideoFrame, width: int, height: int) -> np.ndarray:
    """The frame scaled to fit ``width``×``height`` as RGB, with black bars around it."""
    if (frame.width, frame.height) == (width, height):
        return frame.to_ndarray(format="rgb24")
    scale = min(width / frame.width, height / frame.height)
    w = min(width, max(1, round(frame.width * scale)))
    h = min(height, max(1, round(frame.height * scale)))
    scaled = frame.reformat(width=w, height=h, format="rgb24",
                            interpolation="BICUBIC").to_ndarray()
    canvas = np.zeros((height, width, 3), np.uint8)
    top, left = (height - h) // 2, (width - w) // 2
    canvas[top:top + h, left:left + w] = scaled
    return canvas


def _decode_sound(path: Path, into: np.ndarray) -> None:
    """Fill ``into`` ((n, 2) float32 at the writer's rate) with the source's sound.

    Sound is decoded and resampled a packet at a time; what runs past the end is cut,
    what is missing stays silent.
    """
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return
        video = container.streams.video[0]
        video_start = float(video.start_time * video.time_base) if (
            video.start_time is not None and video.time_base is not None) else 0.0
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
        at: int | None = None
        try:
            for frame in container.decode(audio=0):
                if at is None:
                    # sound that starts after the pictures starts after them here too
                    offset = float(frame.time or 0.0) - video_start
                    at = round(offset * AUDIO_RATE)
                for chunk in resampler.resample(frame):
                    at = _place(chunk.to_ndarray(), into, at)
            for chunk in resampler.resample(None):
                at = _place(chunk.to_ndarray(), into, at or 0)
        except av.error.FFmpegError as exc:
            raise StitchError(f"the sound of {path.name} cannot be decoded: {exc}") from exc


def _place(planar: np.ndarray, into: np.ndarray, at: int) -> int:
    """Copy (2, n) samples into ``into`` from ``at`` (cut at both ends); the next position."""
    n = planar.shape[1]
    lo, hi = max(at, 0), min(at + n, len(into))
    if hi > lo:
        into[lo:hi] = planar[:, lo - at:hi - at].T
    return at + n


__all__ = ["StitchError", "StitchResult", "letterbox", "stitch"]
