"""Render through the real pipeline and read the results back, for end-to-end tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from openreel.media import read_audio, read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file


@dataclass
class Rendered:
    video: Path
    frames: list[np.ndarray]
    audio: np.ndarray
    rate: int
    scene: dict[str, Any]
    per_frame: list[dict[str, Any]]

    def track(self, uid: str) -> list[dict[str, Any]]:
        """The annotation records of one instance, frame by frame."""
        return [next(e for e in f["entities"] if e["uid"] == uid) for f in self.per_frame]

    def uids_of_kind(self, kind: str) -> list[str]:
        return [str(i["uid"]) for i in self.scene["instances"] if i["kind"] == kind]


def render(tmp_path: Path, prompt: str, *, seconds: float = 3.0, size: str = "720x1280",
           fps: int = 24, seed: int = 1, style: str | None = None,
           name: str = "clip") -> Rendered:
    from openreel.spec import Style

    ann = tmp_path / f"{name}-truth"
    options = GenerateOptions(seconds=seconds, size=size, fps=fps, seed=seed,
                              style=Style(style) if style else None, annotations=ann)
    board = plan(prompt, None, options)
    out = tmp_path / f"{name}.mp4"
    render_to_file(board, options, out)
    audio, rate = read_audio(out)
    scene = json.loads((ann / "scene.json").read_text())
    per_frame = [json.loads(line) for line in (ann / "frames.jsonl").read_text().splitlines()]
    return Rendered(out, list(read_frames(out)), audio, rate, scene, per_frame)


def onset_near(audio: np.ndarray, rate: int, t: float, window: float) -> float | None:
    """The time of the sharpest rise in high-passed energy within ±window of t, if any.

    Energy is measured in 2 ms hops; the rise is judged against the level just before.
    """
    mono = audio.mean(axis=1)
    hp = np.diff(mono, prepend=mono[:1])  # first difference: a cheap high-pass
    hop = int(rate * 0.002)
    energy = np.add.reduceat(hp**2, np.arange(0, len(hp), hop)) + 1e-12
    lo = max(int((t - window) * rate / hop), 8)
    hi = min(int((t + window) * rate / hop) + 1, len(energy))
    best, best_ratio = None, 4.0  # at least a 6 dB jump over the recent past
    for i in range(lo, hi):
        before = np.median(energy[i - 8:i - 1])
        ratio = energy[i] / before
        if ratio > best_ratio:
            best, best_ratio = i, ratio
    return None if best is None else best * hop / rate
