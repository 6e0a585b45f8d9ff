"""The same frames encode to the same file: a seed gives the same video every time."""

from __future__ import annotations

import hashlib
from pathlib import Path

import cv2
import numpy as np

from openreel.media import read_frames
from openreel.media.encode import Mp4Writer


def _frames() -> list[np.ndarray]:
    """A ball crossing a smooth, mostly still picture, as the engine's frames are."""
    y, x = np.mgrid[0:640, 0:360]
    sky = np.stack([90 + x // 4, 140 + y // 8, 220 - y // 10], axis=-1).astype(np.uint8)
    out = []
    for k in range(48):
        frame = sky.copy()
        frame[480:] = (70, 150, 60)
        cv2.circle(frame, (30 + 6 * k, 200 + int(150 * abs(np.sin(k / 6)))), 28,
                   (220, 30, 40), -1, lineType=cv2.LINE_AA)
        out.append(frame)
    return out


def _encode(frames: list[np.ndarray], path: Path) -> str:
    writer = Mp4Writer(path, 360, 640, 24)
    writer.open()
    for frame in frames:
        writer.write_frame(frame)
    writer.write_audio(np.zeros((48_000 * 2, 2), np.float32))
    writer.close()
    digest = hashlib.sha256()
    for frame in read_frames(path):
        digest.update(frame.tobytes())
    return digest.hexdigest()


def test_the_same_frames_encode_to_the_same_pictures_every_time(tmp_path: Path) -> None:
    # x264's macroblock-tree rate control gave 4 to 8 different files in 8 encodes
    frames = _frames()
    assert len({_encode(frames, tmp_path / f"{n}.mp4") for n in range(6)}) == 1
