"""The audio watermark survives AAC, resampling and trims of real soundtracks, and only them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from openreel.media import read_audio
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance._audio_attacks import aac_roundtrip, resample, trim
from openreel.provenance.audio_mark import detect, embed

PAYLOAD = bytes.fromhex("0123456789abcdef")
KEY = 20251


@pytest.fixture(scope="module")
def soundtrack(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, int]:
    options = GenerateOptions(seconds=6.0, size="1280x720", fps=24, seed=3)
    board = plan("a dog barks on a rainy street while a man says hello and music plays",
                 None, options)
    out = tmp_path_factory.mktemp("audio_mark") / "clip.mp4"
    render_to_file(board, options, Path(out))
    return read_audio(Path(out))


@pytest.fixture(scope="module")
def marked(soundtrack: tuple[np.ndarray, int]) -> np.ndarray:
    samples, rate = soundtrack
    return embed(samples, rate, PAYLOAD, KEY)


def test_mark_is_quiet(soundtrack: tuple[np.ndarray, int], marked: np.ndarray) -> None:
    samples, _ = soundtrack
    noise = np.sum((marked.astype(np.float64) - samples) ** 2)
    assert marked.shape == samples.shape and marked.dtype == np.float32
    assert 10 * np.log10(np.sum(samples.astype(np.float64) ** 2) / noise) >= 25.0 - 1e-3


ATTACKS = {
    "none": lambda x, r: (x, r),
    "aac96": lambda x, r: (aac_roundtrip(x, r, 96_000), r),
    "resample44k1": lambda x, r: (resample(x, r, 44_100), 44_100),
    "trim": lambda x, r: (trim(x, r, 1.0, 0.8), r),
    "combined": lambda x, r: (resample(trim(aac_roundtrip(x, r, 96_000), r, 1.0, 0.8), r,
                                       44_100), 44_100),
}


@pytest.mark.parametrize("attack", ["none", "resample44k1", "trim", "aac96"])
def test_payload_survives(attack: str, soundtrack: tuple[np.ndarray, int],
                          marked: np.ndarray) -> None:
    _, rate = soundtrack
    samples, new_rate = ATTACKS[attack](marked, rate)
    found = detect(samples, new_rate, KEY)
    assert found.payload == PAYLOAD
    assert found.confidence > 1 - 1e-6


def test_all_edits_at_once_never_give_a_wrong_payload(soundtrack: tuple[np.ndarray, int],
                                                      marked: np.ndarray) -> None:
    found = detect(*ATTACKS["combined"](marked, soundtrack[1]), KEY)
    assert found.payload in (None, PAYLOAD)


@pytest.mark.parametrize("attack", ["none", "combined"])
def test_unmarked_and_wrong_key_give_nothing(attack: str, soundtrack: tuple[np.ndarray, int],
                                             marked: np.ndarray) -> None:
    samples, rate = soundtrack
    assert detect(*ATTACKS[attack](samples, rate), KEY).payload is None
    assert detect(*ATTACKS[attack](marked, rate), KEY + 1).payload is None


def test_mono_input_is_marked_and_read(soundtrack: tuple[np.ndarray, int]) -> None:
    samples, rate = soundtrack
    mono = samples.mean(axis=1)
    out = embed(mono, rate, PAYLOAD, KEY)
    assert out.shape == mono.shape
    assert detect(out, rate, KEY).payload == PAYLOAD


@pytest.mark.parametrize("samples", [np.zeros((0, 2), np.float32), np.zeros((96_000, 2)),
                                     np.zeros(100), np.zeros((48_000, 1))])
def test_silence_and_empty_are_clear_misses(samples: np.ndarray) -> None:
    found = detect(samples, 48_000, KEY)
    assert found.payload is None and found.confidence == 0.0 and found.bit_errors is None
    assert np.array_equal(embed(samples, 48_000, PAYLOAD, KEY), samples.astype(np.float32))


def test_payload_must_be_eight_bytes() -> None:
    with pytest.raises(ValueError):
        embed(np.zeros((1000, 2), np.float32), 48_000, b"short", KEY)
