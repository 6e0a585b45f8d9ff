"""Every bad input: one clear message, exit code 2, nothing left behind."""

import json
import subprocess
import sys
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


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["generate", "a ball", "--size", "640x480", "-o", "{out}"], 2, "unknown size"),
        (["generate", "a ball", "--seconds", "61", "-o", "{out}"], 2,
         "seconds must be between 1 and 60"),
        (["generate", "   ", "-o", "{out}"], 2, "prompt is empty"),
        (["--help"], 0, "text or image"),
    ],
)
def test_the_installed_command_keeps_its_exit_code_and_message(
        tmp_path: Path, args: list[str], code: int, message: str) -> None:
    """As a person runs it (a process of its own, which leaves through os._exit once done,
    while a prompt may be being read in a child): the code and the message survive."""
    out = tmp_path / "clip.mp4"
    done = subprocess.run([sys.executable, "-m", "openreel.cli.main",
                           *[a.format(out=out) for a in args]],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == code
    assert message in " ".join((done.stdout + done.stderr).split())
    assert not out.exists() and list(tmp_path.iterdir()) == []
