"""The visible mark: drawn where it says, legible on light and dark, moving over time."""

from __future__ import annotations

import numpy as np

from openreel.provenance.visible import VisibleMark


def _frame(value: int) -> np.ndarray:
    return np.full((1280, 720, 4), value, np.uint8)


def test_changes_pixels_only_near_its_position() -> None:
    mark = VisibleMark("alice", 720, 1280, 24)
    for value in (20, 235):  # dark and light backgrounds
        frame = mark.apply(_frame(value), 0)
        x, y = mark.position(0)
        h, w = mark.image.shape[:2]
        changed = np.any(frame[..., :3] != value, axis=2)
        assert changed[y:y + h, x:x + w].mean() > 0.05
        changed[y:y + h, x:x + w] = False
        assert not changed.any()
        assert np.all(frame[..., 3] == value)  # alpha untouched


def test_moves_over_time_with_a_glide() -> None:
    mark = VisibleMark("alice", 720, 1280, 24)
    spots = {mark.position(i) for i in range(0, 24 * 30, 24 * 4)}
    assert len(spots) >= 4
    path = [mark.position(i) for i in range(72, 84)]  # the glide after the first hold
    assert len(set(path)) > 3
    steps = np.abs(np.diff(np.array(path), axis=0)).max()
    assert steps < np.abs(np.array(path[-1]) - np.array(path[0])).max()  # no single jump
    for i in range(0, 24 * 30, 7):
        x, y = mark.position(i)
        assert 0 <= x <= 720 - mark.image.shape[1] and 0 <= y <= 1280 - mark.image.shape[0]


def test_rgb_frames() -> None:
    mark = VisibleMark("bob", 720, 1280, 24)
    frame = np.zeros((1280, 720, 3), np.uint8)
    mark.apply(frame, 0)
    assert frame.max() > 100
