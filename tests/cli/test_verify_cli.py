"""`openreel verify FILE`: exit 0 for openreel videos, 1 for anything else, 2 for bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from openreel.cli.main import app
from openreel.config import get_settings
from openreel.media import read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file

runner = CliRunner()
PROMPT = "a cat jumps onto a sofa in a cosy room and says hello there"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("verify-cli")
    get_settings.cache_clear()
    made = runner.invoke(app, ["generate", PROMPT, "--seconds", "3", "--creator", "maya",
                               "-o", str(folder / "made.mp4")])
    assert made.exit_code == 0, made.output
    options = GenerateOptions(seconds=3, seed=5)
    plain = render_to_file(plan(PROMPT, None, options), options, folder / "plain.mp4").video
    Image.fromarray(next(iter(read_frames(folder / "made.mp4")))).save(folder / "shot.png")
    return {"made": folder / "made.mp4", "plain": plain, "shot": folder / "shot.png",
            "folder": folder}


def _verify(path: Path) -> tuple[int, dict[str, object] | str]:
    result = runner.invoke(app, ["verify", str(path), "--json"])
    if result.exit_code in (0, 1):
        return result.exit_code, json.loads(result.stdout)
    return result.exit_code, " ".join(result.output.split())


def test_generated_file_is_openreel(files: dict[str, Path]) -> None:
    code, report = _verify(files["made"])
    assert code == 0
    assert isinstance(report, dict)
    assert report["is_openreel"] is True
    assert report["manifest"]["state"] == "trusted"  # type: ignore[index]
    assert report["manifest"]["creator"] == "maya"  # type: ignore[index]
    picture, sound = report["picture_mark"], report["sound_mark"]
    assert picture["payload"] == sound["payload"] == report["manifest"]["mark"]  # type: ignore[index]
    assert "@maya" in str(report["summary"])


def test_the_words_give_the_reasons_the_json_gives(files: dict[str, Path]) -> None:
    code, report = _verify(files["made"])
    assert code == 0 and isinstance(report, dict)
    words = runner.invoke(app, ["verify", str(files["made"])])
    assert words.exit_code == 0
    said = " ".join(words.output.split())
    assert "How openreel decided" in said
    for reason in report["reasons"]:  # type: ignore[attr-defined]
        assert " ".join(reason.split()) in said


def test_screenshot_carries_the_picture_mark(files: dict[str, Path]) -> None:
    code, report = _verify(files["shot"])
    assert code == 0 and isinstance(report, dict)
    assert report["kind"] == "image"
    assert report["picture_mark"]["payload"] is not None  # type: ignore[index]


def test_byte_change_is_reported_as_tampered(files: dict[str, Path]) -> None:
    tampered = files["folder"] / "tampered.mp4"
    shutil.copy(files["made"], tampered)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x5A  # one byte in the middle of the picture data
    tampered.write_bytes(bytes(data))
    code, report = _verify(tampered)
    assert code == 0 and isinstance(report, dict)
    assert report["manifest"]["state"] == "tampered"  # type: ignore[index]
    assert "changed after it was signed" in str(report["summary"])


def test_unmarked_file_is_not_openreel(files: dict[str, Path]) -> None:
    code, report = _verify(files["plain"])
    assert code == 1 and isinstance(report, dict)
    assert report["is_openreel"] is False
    assert report["manifest"]["state"] == "absent"  # type: ignore[index]
    assert report["picture_mark"]["payload"] is None  # type: ignore[index]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"just some words, not a video", "not an image, video or sound file"),
])
def test_bad_files_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(content)
    code, output = _verify(bad)
    assert code == 2 and message in str(output)


def test_truncated_video_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(files["made"].read_bytes()[:20_000])
    code, output = _verify(cut)
    assert code == 2, output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, output = _verify(tmp_path / "nope.mp4")
    assert code == 2 and "no such file" in str(output)
