"""The invisible picture mark: quality, robustness to common edits, and no false alarms."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from openreel.media import read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.attacks import combined, crop_edges, downscale, h264_roundtrip, trim_ends
from openreel.provenance.picture_mark import (
    FLAT_AMPLITUDE,
    PictureDetection,
    PictureMarker,
    detect,
    embed,
)

KEY = 20251124
PROMPTS = ("a red ball bounces in the park", "a dog runs on the beach at sunset",
           "two cats play in a kitchen")  # striped walls and boards: the hardest host


def _render(prompt: str, seed: int, out: Path) -> list[np.ndarray]:
    options = GenerateOptions(seconds=2, size="720x1280", seed=seed)
    render_to_file(plan(prompt, None, options), options, out)
    return list(read_frames(out))


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * np.log10(255**2 / mse)


@pytest.fixture(scope="module", params=[0, 1, 2])
def clip(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    i = request.param
    tmp = tmp_path_factory.mktemp(f"clip{i}")
    original = _render(PROMPTS[i], i, tmp / "original.mp4")
    payload = (0x0123456789ABCDEF + i).to_bytes(8, "big")
    marked = [embed(f, payload, KEY) for f in original]
    encoded = h264_roundtrip(marked)
    return {"tmp": tmp, "original": original, "marked": marked, "encoded": encoded,
            "payload": payload}


def _assert_found(found: PictureDetection, payload: bytes) -> None:
    assert found.payload == payload, found
    assert found.confidence > 0.999999


def test_quality(clip: dict) -> None:
    psnr = np.mean([_psnr(a, b) for a, b in zip(clip["original"], clip["marked"], strict=True)])
    assert psnr >= 35.0  # the change sits where detail hides it


def test_flat_picture_is_barely_touched() -> None:
    """On a smooth sky the mark stays within about one level: no dotted screen."""
    sky = np.broadcast_to(np.linspace(60, 200, 1280, dtype=np.float32)[:, None, None],
                          (1280, 720, 3)).astype(np.uint8)
    sky = np.dstack([sky, np.full((1280, 720), 255, np.uint8)])
    marked = PictureMarker(bytes(8), KEY, 720, 1280).apply(sky.copy())
    change = np.abs(marked[..., :3].astype(int) - sky[..., :3])
    assert change.max() <= round(FLAT_AMPLITUDE + 0.5)
    assert 0.05 < np.mean(change > 0) < 0.9  # it is there, sparse and faint
    assert np.all(marked[..., 3] == 255)


def test_detail_carries_a_stronger_mark() -> None:
    rng = np.random.default_rng(4)
    blocks = rng.integers(40, 220, (1280 // 16, 720 // 16), dtype=np.uint8)
    textured = np.repeat(np.repeat(blocks, 16, axis=0), 16, axis=1)
    frame = np.dstack([textured] * 3)
    marked = embed(frame, bytes(8), KEY)
    assert np.abs(marked.astype(int) - frame).max() > 2 * FLAT_AMPLITUDE


def test_survives_crf30(clip: dict) -> None:
    _assert_found(detect(clip["encoded"], KEY), clip["payload"])


def test_survives_half_size(clip: dict) -> None:
    half = h264_roundtrip(downscale(clip["marked"]))
    _assert_found(detect(half, KEY), clip["payload"])


def test_survives_crop(clip: dict) -> None:
    _assert_found(detect(crop_edges(clip["encoded"]), KEY), clip["payload"])


def test_survives_trim(clip: dict) -> None:
    _assert_found(detect(trim_ends(clip["encoded"], 12, 12), KEY), clip["payload"])


def test_survives_all_edits_at_once(clip: dict) -> None:
    _assert_found(detect(combined(clip["marked"], 6, 6), KEY), clip["payload"])


def test_still_image(clip: dict) -> None:
    _assert_found(detect(clip["encoded"][5:6], KEY), clip["payload"])


def test_unmarked_clip_and_stills(clip: dict) -> None:
    assert detect(clip["original"], KEY).payload is None
    assert detect(clip["original"][:1], KEY).payload is None
    rng = np.random.default_rng(1)
    noise = rng.integers(0, 256, (640, 360, 3), dtype=np.uint8)
    gradient = np.broadcast_to(np.linspace(0, 255, 360, dtype=np.uint8)[None, :, None],
                               (640, 360, 3))
    assert detect([noise], KEY).payload is None
    assert detect([gradient], KEY).payload is None


def test_wrong_key_finds_nothing(clip: dict) -> None:
    assert detect(clip["encoded"], KEY + 1).payload is None


def test_payload_must_be_eight_bytes() -> None:
    with pytest.raises(ValueError):
        embed(np.zeros((64, 64, 3), np.uint8), b"short", KEY)
