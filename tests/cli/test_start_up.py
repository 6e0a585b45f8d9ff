"""The command line starts light: help loads none of the heavy libraries, commands load theirs."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from openreel.cli.main import STYLE_NAMES, app
from openreel.spec import Style

# What `openreel --help` must not pay for: rendering, encoding, marking, the database, the
# web server and model libraries.
HEAVY = ("numpy", "scipy", "av", "skia", "cv2", "pymunk", "torch", "transformers", "spacy",
         "onnxruntime", "sqlalchemy", "alembic", "fastapi", "uvicorn", "c2pa", "cryptography",
         "pydantic", "PIL", "openreel.spec", "openreel.config", "openreel.engines",
         "openreel.provenance", "openreel.media")

_PROBE = """
import json, sys
from openreel.cli.main import app
sys.argv = ["openreel", *sys.argv[1:]]
try:
    app()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _loaded_after(*args: str) -> tuple[list[str], str]:
    done = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=HEAVY), *args],
                          capture_output=True, text=True, check=True)
    *shown, last = done.stdout.strip().splitlines()
    return json.loads(last), "\n".join(shown)


def test_help_loads_nothing_heavy() -> None:
    loaded, shown = _loaded_after("--help")
    assert loaded == []
    for command in ("generate", "plan", "verify", "serve"):
        assert command in shown


def test_generate_help_lists_every_style_without_the_spec() -> None:
    loaded, shown = _loaded_after("generate", "--help")
    assert set(loaded) <= {"pydantic"}  # typer's own parameter adapters use pydantic
    text = " ".join(shown.replace("│", " ").split())
    assert "cinematic, animated" in text and "720x1280" in text


def test_style_names_are_the_specs() -> None:
    assert tuple(style.value for style in Style) == STYLE_NAMES


def test_a_command_still_gets_what_it_needs() -> None:
    result = CliRunner().invoke(app, ["storyboard-schema"])
    assert result.exit_code == 0
    assert "shots" in json.loads(result.output)["properties"]
