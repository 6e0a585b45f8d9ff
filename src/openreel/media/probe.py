"""Read media back: stream facts, decoded frames and decoded audio."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np


@dataclass(frozen=True)
class MediaInfo:
    """What a media file holds."""

    width: int
    height: int
    fps: float
    frames: int
    video_codec: str
    pix_fmt: str
    audio_codec: str | None
    sample_rate: int | None
    channels: int | None
    duration: float


def probe(path: Path) -> MediaInfo:
    """Describe the first video and audio streams of a file (frames are counted by decoding)."""
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        frames = sum(1 for _ in container.decode(video=0))
        fps = float(video.average_rate or video.base_rate or 0)
        return MediaInfo(
            width=video.codec_context.width,
            height=video.codec_context.height,
            fps=fps,
            frames=frames,
            video_codec=video.codec_context.name,
            pix_fmt=video.codec_context.pix_fmt or "",
            audio_codec=audio.codec_context.name if audio else None,
            sample_rate=audio.codec_context.sample_rate if audio else None,
            channels=audio.codec_context.channels if audio else None,
            duration=float(container.duration or 0) / av.time_base,
        )


def read_frames(path: Path) -> Iterator[np.ndarray]:
    """Decode every video frame as (height, width, 3) uint8 RGB."""
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            yield frame.to_ndarray(format="rgb24")


def read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Decode the whole first audio stream as (n, channels) float32 and its sample rate."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [f.to_ndarray() for f in container.decode(audio=0)]
        rate = stream.codec_context.sample_rate
    planar = np.concatenate(chunks, axis=1) if chunks else np.zeros((2, 0), np.float32)
    return planar.T.astype(np.float32), int(rate)


def sample_frames(path: Path, per_second: float, max_side: int | None = None
                  ) -> Iterator[tuple[float, np.ndarray]]:
    """Frames about ``per_second`` apart as (time in seconds, RGB), each shrunk to at most
    ``max_side`` pixels on its longer side when given (by FFmpeg's scaler, area-averaged)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        start: float | None = None
        due = 0.0
        for frame in container.decode(stream):
            t = float(frame.time or 0.0)
            start = t if start is None else start
            if t - start + 1e-6 < due:
                continue
            due = t - start + 1 / per_second
            width, height = frame.width, frame.height
            scale = min(1.0, max_side / max(width, height)) if max_side else 1.0
            if scale < 1:
                width, height = max(2, round(width * scale)), max(2, round(height * scale))
                yield t - start, frame.to_ndarray(format="rgb24", width=width, height=height,
                                                  interpolation="AREA")
            else:
                yield t - start, frame.to_ndarray(format="rgb24")
