"""Every bad input: one clear message, exit code 2, nothing left behind."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openreel.cli.main import app

runner = CliRunner()


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["generate", *args])
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "prompt is empty"),
        (["a ball", "--seconds", "0.5"], "seconds must be between 1 and 60"),
        (["a ball", "--seconds", "61"], "seconds must be between 1 and 60"),
        (["a ball", "--size", "640x480"], "unknown size"),
        (["a ball", "--style", "cubist"], "unknown style"),
        (["a ball", "--fps", "25"], "fps must be one of"),
        (["a ball", "--engine", "nope"], "unknown engine"),
    ],
)
def test_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "x.mp4"
    code, output = _run(tmp_path, *args, "-o", str(out))
    assert code == 2
    assert message in " ".join(output.split())
    assert list(tmp_path.iterdir()) == []


def test_unreadable_image(tmp_path: Path) -> None:
    bad = tmp_path / "not-an-image.png"
    bad.write_bytes(b"this is not a png")
    out = tmp_path / "x.mp4"
    code, output = _run(tmp_path, "a ball", "--image", str(bad), "-o", str(out))
    assert code == 2 and "cannot read image" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-an-image.png"]


def test_unwritable_output(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "a ball", "-o", str(tmp_path / "missing" / "x.mp4"))
    assert code == 2 and "does not exist" in output
    code, output = _run(tmp_path, "a ball", "-o", str(tmp_path / "x.avi"))
    assert code == 2 and ".mp4" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"shots": []}), "invalid at shots"),
        (json.dumps({"shots": [{"duration": 2, "entities": [{"id": "a", "kind": "unicorn"}]}]}),
         "unknown kind"),
    ],
)
def test_invalid_storyboard(tmp_path: Path, content: str, message: str) -> None:
    board = tmp_path / "board.json"
    board.write_text(content)
    code, output = _run(tmp_path, "--storyboard", str(board), "-o", str(tmp_path / "x.mp4"))
    assert code == 2 and message in " ".join(output.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.json"]
