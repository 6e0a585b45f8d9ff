"""Capture clips for the liveness check's tests and bench: a real photograph (scikit-image's
astronaut, Eileen Collins, a NASA portrait in the public domain) whose head is turned in
place by mapping the face onto a cylinder, with a neural voice saying digits; and the ways
people cheat or fail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import soxr

from openreel.engines.procedural.audio.neural import BASE_VOICES, speak
from openreel.likeness.voice import DIGIT_WORDS
from openreel.media import AUDIO_RATE, Mp4Writer

WIDTH, HEIGHT, FPS = 480, 640, 12
# the astronaut's face in her photo: centre x, nose height, half the jaw's width (pixels)
_FACE = (222.5, 132.0, 43.5)


@cache
def photo() -> np.ndarray:
    """The astronaut's portrait, framed as a phone's front camera frames a face."""
    from skimage import data

    picture = data.astronaut()
    frame = np.full((HEIGHT, WIDTH, 3), 200, np.uint8)
    crop = picture[30:430, 70:375]  # head and shoulders, 305x400
    scale = 1.35
    grown = cv2.resize(crop, (round(crop.shape[1] * scale), round(crop.shape[0] * scale)))
    top, left = 60, (WIDTH - grown.shape[1]) // 2
    h, w = min(grown.shape[0], HEIGHT - top), min(grown.shape[1], WIDTH - left)
    frame[top:top + h, left:left + w] = grown[:h, :w]
    return frame


def _face_in_frame() -> tuple[float, float, float]:
    cx, cy, half = _FACE
    scale, left = 1.35, (WIDTH - round(305 * 1.35)) // 2
    return left + (cx - 70) * scale, 60 + (cy - 30) * scale, half * scale


def turned(frame: np.ndarray, degrees: float,
           face: tuple[float, float, float] | None = None) -> np.ndarray:
    """``frame`` with the head turned ``degrees`` in place (+: to the person's own left):
    the face is taken to lie on a vertical cylinder, so the nose moves further than the
    cheeks, as on a real head; the warp fades out beyond the head. ``face`` is its centre
    and half width in pixels (the astronaut's in the capture frame when not given)."""
    cx, cy, half = face or _face_in_frame()
    radius, reach = half * 1.25, half * 1.9
    ys, xs = np.mgrid[0:frame.shape[0], 0:frame.shape[1]].astype(np.float32)
    u = np.clip((xs - cx) / radius, -1, 1)
    source = cx + radius * np.sin(np.clip(np.arcsin(u) - np.radians(degrees), -np.pi / 2,
                                          np.pi / 2))
    weight = (np.clip((1 - np.abs(xs - cx) / radius) * 4, 0, 1)
              * np.clip((1 - np.abs(ys - cy) / reach) * 3, 0, 1))
    map_x = (xs * (1 - weight) + source * weight).astype(np.float32)
    return cv2.remap(frame, map_x, ys, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def held_photo(frame: np.ndarray, degrees: float) -> np.ndarray:
    """``frame`` as a printed photo held to the camera and tilted ``degrees`` about its
    vertical axis (a plane in perspective: its nose never turns against its jaw)."""
    h, w = frame.shape[:2]
    angle, distance = np.radians(degrees), 2.0 * w
    corners = []
    for x, y in ((0, 0), (w, 0), (w, h), (0, h)):
        depth = distance + (x - w / 2) * np.sin(angle)
        corners.append((w / 2 + distance * (x - w / 2) * np.cos(angle) / depth,
                        h / 2 + distance * (y - h / 2) / depth))
    matrix = cv2.getPerspectiveTransform(np.float32([(0, 0), (w, 0), (w, h), (0, h)]),
                                         np.float32(corners))
    return cv2.warpPerspective(frame, matrix, (w, h), borderValue=(200, 200, 200))


def head_turn(degrees: float) -> Callable[[float], float]:
    """Facing the camera, then turning ``degrees`` over the middle of the clip and back."""
    def at(share: float) -> float:
        return degrees * float(np.clip(1 - abs(share - 0.6) / 0.15, 0, 1))
    return at


@cache
def _voice(text: str, base: str) -> np.ndarray:
    samples = speak(base, text)
    return soxr.resample(samples.astype(np.float64), BASE_VOICES[base].sample_rate,
                         AUDIO_RATE).astype(np.float32)


def saying(digits: Sequence[int], seconds: float, base: str = "heart", at: float = 0.8,
           extra: tuple[str, str, float] | None = None) -> np.ndarray:
    """(n, 2) sound at AUDIO_RATE: a quiet room, and ``base``'s voice saying ``digits``
    from ``at`` seconds; ``extra``: (text, voice, at) someone else says too."""
    rng = np.random.default_rng(len(digits))
    sound = rng.normal(0, 0.002, int(seconds * AUDIO_RATE)).astype(np.float32)
    lines = [(", ".join(DIGIT_WORDS[d] for d in digits) + ".", base, at)]
    if extra is not None:
        lines.append(extra)
    for text, voice, start in lines:
        said = 0.5 * _voice(text, voice)
        begin = int(start * AUDIO_RATE)
        end = min(len(sound), begin + len(said))
        sound[begin:end] += said[:end - begin]
    return np.repeat(sound[:, None], 2, axis=1)


def write_clip(path: Path, seconds: float, picture: Callable[[float], np.ndarray],
               sound: np.ndarray | None) -> Path:
    """Encode ``picture(share of the clip)`` at FPS with ``sound`` (or none) to ``path``."""
    with Mp4Writer(path, WIDTH, HEIGHT, FPS) as writer:
        frames = round(seconds * FPS)
        for n in range(frames):
            writer.write_frame(picture(n / max(1, frames - 1)))
        if sound is not None:
            writer.write_audio(sound)
    return path


def live(path: Path, digits: Sequence[int], degrees: float, seconds: float = 6.0,
         base: str = "heart") -> Path:
    """A genuine capture: the astronaut says ``digits`` and turns her head ``degrees``."""
    turn = head_turn(degrees)
    return write_clip(path, seconds, lambda share: turned(photo(), turn(share)),
                      saying(digits, seconds, base))
