"""A cameo's capture: the short clip a person records of themselves, read once into what
the liveness check and the likeness need (frames a few a second, the sound at 16 kHz)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from openreel.likeness.voice import RATE, at_rate
from openreel.media.probe import read_audio, sample_frames

FRAMES_PER_SECOND = 6.0  # a head turn lasts about a second: six looks at it
MAX_SIDE = 640  # frames are read at most this large: a face in a selfie stays > 100 px
MAX_READ_SECONDS = 30.0  # longer files are refused before they are decoded


class CaptureError(ValueError):
    """The file cannot be read as a capture; the message says why."""


@dataclass(frozen=True)
class Capture:
    """What a capture clip holds, as read."""

    frames: list[tuple[float, np.ndarray]]  # (seconds, RGB), FRAMES_PER_SECOND apart
    sound: np.ndarray  # mono float32 at voice.RATE; empty when the clip has no sound
    seconds: float

    @property
    def rate(self) -> int:
        """The sound's sample rate."""
        return RATE


def read_capture(path: Path) -> Capture:
    """Read a recorded or uploaded clip (any container and codecs FFmpeg reads)."""
    path = Path(path)
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise CaptureError("the file holds no video: record yourself with the camera")
            has_sound = bool(container.streams.audio)
            declared = float(container.duration or 0) / av.time_base
    except (av.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise CaptureError("the file is not a video openreel can read") from exc
    if declared > MAX_READ_SECONDS:
        raise CaptureError(f"the clip is {declared:.0f} s long: record 5 to 20 seconds")
    try:
        frames = list(sample_frames(path, FRAMES_PER_SECOND, MAX_SIDE))
        sound = np.zeros(0, np.float32)
        if has_sound:
            samples, rate = read_audio(path)
            sound = at_rate(samples, rate) if len(samples) else sound
    except (av.FFmpegError, OSError) as exc:
        raise CaptureError(f"the video is damaged and cannot be read ({exc})") from exc
    if not frames:
        raise CaptureError("no picture could be decoded from the file")
    seconds = max(frames[-1][0] + 1 / FRAMES_PER_SECOND, len(sound) / RATE)
    if seconds > MAX_READ_SECONDS:
        raise CaptureError(f"the clip is {seconds:.0f} s long: record 5 to 20 seconds")
    return Capture(frames, sound, round(seconds, 3))
