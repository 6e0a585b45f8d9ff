"""The invisible picture mark: quality, robustness to common edits, and no false alarms."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from openreel.media import EncodeSettings, Mp4Writer, read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.picture_mark import PictureDetection, detect, embed

KEY = 20251124
PROMPTS = ("a red ball bounces in the park", "a dog runs on the beach at sunset")


def _render(prompt: str, seed: int, out: Path) -> list[np.ndarray]:
    options = GenerateOptions(seconds=2, size="720x1280", seed=seed)
    render_to_file(plan(prompt, None, options), options, out)
    return list(read_frames(out))


def _encode(frames: list[np.ndarray], path: Path, crf: int = 30) -> list[np.ndarray]:
    h, w = frames[0].shape[:2]
    with Mp4Writer(path, w, h, 24, EncodeSettings(crf=crf)) as writer:
        for frame in frames:
            writer.write_frame(frame)
    return list(read_frames(path))


def _half(frames: list[np.ndarray]) -> list[np.ndarray]:
    return [np.asarray(Image.fromarray(f).resize((f.shape[1] // 2, f.shape[0] // 2),
                                                 Image.Resampling.BILINEAR)) for f in frames]


def _crop(frames: list[np.ndarray]) -> list[np.ndarray]:
    h, w = frames[0].shape[:2]
    return [np.ascontiguousarray(f[h // 10:h - h // 10, w // 10:w - w // 10]) for f in frames]


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * np.log10(255**2 / mse)


@pytest.fixture(scope="module", params=[0, 1])
def clip(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    i = request.param
    tmp = tmp_path_factory.mktemp(f"clip{i}")
    original = _render(PROMPTS[i], i, tmp / "original.mp4")
    payload = (0x0123456789ABCDEF + i).to_bytes(8, "big")
    marked = [embed(f, payload, KEY) for f in original]
    encoded = _encode(marked, tmp / "crf30.mp4")
    return {"tmp": tmp, "original": original, "marked": marked, "encoded": encoded,
            "payload": payload}


def _assert_found(found: PictureDetection, payload: bytes) -> None:
    assert found.payload == payload, found
    assert found.confidence > 0.999999


def test_quality(clip: dict) -> None:
    psnr = np.mean([_psnr(a, b) for a, b in zip(clip["original"], clip["marked"], strict=True)])
    assert psnr >= 38.0


def test_survives_crf30(clip: dict) -> None:
    _assert_found(detect(clip["encoded"], KEY), clip["payload"])


def test_survives_half_size(clip: dict) -> None:
    half = _encode(_half(clip["marked"]), clip["tmp"] / "half.mp4")
    _assert_found(detect(half, KEY), clip["payload"])


def test_survives_crop(clip: dict) -> None:
    _assert_found(detect(_crop(clip["encoded"]), KEY), clip["payload"])


def test_survives_trim(clip: dict) -> None:
    _assert_found(detect(clip["encoded"][12:-12], KEY), clip["payload"])


def _combined(clip: dict) -> list[np.ndarray]:
    return _encode(_half(_crop(clip["marked"][6:-6])), clip["tmp"] / "combo.mp4")


def test_combination_is_detected_never_misread(clip: dict) -> None:
    found = detect(_combined(clip), KEY)
    assert found.false_positive_bound < 1e-6
    assert found.payload in (None, clip["payload"])


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
