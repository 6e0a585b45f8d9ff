"""Clip time versus simulated time: which frames a shot covers and how physics steps."""

from __future__ import annotations

import math
from dataclasses import dataclass

from openreel.spec import Storyboard

# Physics sub-step in simulated seconds. Small enough for a 3 cm marble hitting the
# floor at 8 m/s not to tunnel, large enough for a 10 s shot to run well under a second.
SUBSTEP = 1.0 / 480.0


@dataclass(frozen=True, slots=True)
class ShotClock:
    """How one shot maps output frames onto simulated time."""

    shot: int
    first: int  # first clip frame of the shot
    count: int  # frames in the shot
    fps: int
    slow_motion: float  # simulated seconds per clip second

    @property
    def start(self) -> float:
        """Clip time of the shot's first frame."""
        return self.first / self.fps

    @property
    def frame_dt(self) -> float:
        """Simulated seconds between two output frames."""
        return self.slow_motion / self.fps

    @property
    def substeps(self) -> int:
        """Physics sub-steps per output frame."""
        return max(1, math.ceil(self.frame_dt / SUBSTEP - 1e-9))

    @property
    def h(self) -> float:
        """Length of one physics sub-step in simulated seconds."""
        return self.frame_dt / self.substeps

    @property
    def sim_duration(self) -> float:
        """Simulated seconds the shot covers."""
        return self.count * self.frame_dt

    def clip_time(self, sim_t: float) -> float:
        """Clip time at which simulated time ``sim_t`` (from the shot start) is shown."""
        return self.start + sim_t / self.slow_motion


def shot_clocks(storyboard: Storyboard, fps: int) -> list[ShotClock]:
    """One clock per shot; the frame ranges tile round(duration * fps) frames exactly."""
    clocks: list[ShotClock] = []
    t = 0.0
    for k, shot in enumerate(storyboard.shots):
        first = round(t * fps)
        t += shot.duration
        last = round(t * fps)
        clocks.append(ShotClock(k, first, last - first, fps, shot.camera.slow_motion))
    return clocks
