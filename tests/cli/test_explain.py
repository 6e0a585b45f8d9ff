"""``--explain`` prints the storyboard as written, brackets and all."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from openreel.cli.main import app


def test_explain_prints_the_form_of_an_act_in_brackets(tmp_path: Path) -> None:
    out = tmp_path / "truck.mp4"
    result = CliRunner().invoke(app, ["generate", "a delivery truck parks outside a bakery",
                                      "--seconds", "1", "--size", "1024x1024", "--explain",
                                      "-o", str(out), "--creator", "tester"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "truck drive [park]" in text  # not eaten as console markup
    assert "outside a bakery → city street" in text
    assert out.stat().st_size > 0
