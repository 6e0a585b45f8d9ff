"""The style-distance figures measure what they say on pictures whose answer is known."""

from __future__ import annotations

import numpy as np
from bench.style_distance import (
    blockiness,
    edge_density,
    histogram_distance,
    letterbox_rows,
    mean_abs,
    saturation,
    ssim,
)


def _noise(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (64, 48, 3), dtype=np.uint8)


def test_identical_frames_are_no_distance_apart() -> None:
    frame = _noise(1)
    assert mean_abs(frame, frame) == 0.0
    assert ssim(frame, frame) > 0.999
    assert histogram_distance(frame, frame) < 1e-6


def test_different_frames_are_apart() -> None:
    a, b = _noise(1), _noise(2)
    assert 60 < mean_abs(a, b) < 110  # two uniform noises differ by 85 on average
    assert ssim(a, b) < 0.1
    red, blue = np.zeros((8, 8, 3), np.uint8), np.zeros((8, 8, 3), np.uint8)
    red[..., 0], blue[..., 2] = 220, 220
    assert histogram_distance(red, blue) > 0.9


def test_style_signatures() -> None:
    grey = np.full((60, 40, 3), 128, np.uint8)
    assert saturation(grey) == 0.0
    assert blockiness(grey) == 1.0 and blockiness(_noise(3)) < 0.01
    barred = grey.copy()
    barred[:6] = 0
    barred[-6:] = 0
    assert letterbox_rows(barred) == 0.1 and letterbox_rows(grey) == 0.0
    square = grey.copy()
    square[20:40, 10:30] = 250
    assert edge_density(square) > edge_density(grey) == 0.0
