"""What every video engine offers: Storyboard + seed in, frames and a soundtrack out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from openreel.spec import Storyboard

# stage name ("planning", "simulating", "audio", "rendering"), units done, units in all
ProgressFn = Callable[[str, float, float], None]


def no_progress(stage: str, done: float, total: float) -> None:
    """A progress callback that ignores everything."""


class FrameSink(Protocol):
    """Where an engine streams its output (an MP4 writer, a test collector …)."""

    def write_audio(self, samples: np.ndarray) -> None:
        """The whole soundtrack, (n, 2) float32 at 48 kHz."""

    def write_frame(self, rgba: np.ndarray) -> None:
        """One (height, width, 4) uint8 RGBA frame."""


@dataclass(frozen=True)
class RenderRequest:
    """How to render a storyboard."""

    width: int
    height: int
    fps: int
    seed: int
    image: np.ndarray | None = None  # first-frame picture for image → video, (h, w, 3) uint8
    annotations: Path | None = None  # a directory for ground truth, when wanted
    poster_at: float = 0.4  # where in the clip the poster frame is taken (0..1)


@dataclass
class RenderResult:
    """What came out besides the streamed frames."""

    frames: int
    audio_samples: int
    poster: np.ndarray | None = None  # (h, w, 3) uint8
    stats: dict[str, float] = field(default_factory=dict)  # seconds per stage


class VideoEngine(Protocol):
    """An engine renders a Storyboard into a frame sink."""

    name: str

    def render(self, storyboard: Storyboard, request: RenderRequest, sink: FrameSink,
               progress: ProgressFn = no_progress) -> RenderResult:
        """Render every frame and the soundtrack into ``sink``."""
        ...
