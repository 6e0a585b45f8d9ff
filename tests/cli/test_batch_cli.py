"""`openreel batch`: one video per row of a table, bad rows reported, nothing else lost."""

from __future__ import annotations

import json
from pathlib import Path

import av
import pytest
from typer.testing import CliRunner

from openreel.cli.main import app
from openreel.services.batches import MAX_ROWS, fill, read_rows, rows_kind, template_fields
from openreel.services.errors import InvalidInput

runner = CliRunner()
TEMPLATE = "{product} on a table in {city}"


def test_a_table_makes_a_video_per_row_and_reports_the_bad_ones(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("product,city,caption\na red apple,Rome,Fresh in Rome\n"
                    "a blue cup,,no city\na green bottle,Oslo,\n")
    out = tmp_path / "clips"
    result = runner.invoke(app, ["batch", TEMPLATE, str(rows), "-o", str(out),
                                 "--seconds", "1", "--seed", "7"])
    assert result.exit_code == 1, result.output  # one row could not be made
    assert "row 2: no value for {city}" in " ".join(result.output.split())
    listing = json.loads((out / "batch.json").read_text())
    assert [r.get("video") for r in listing["rows"]] == ["001.mp4", None, "003.mp4"]
    assert listing["rows"][0]["prompt"] == "a red apple on a table in Rome"
    assert listing["rows"][0]["caption"] == "Fresh in Rome"
    assert [r.get("seed") for r in listing["rows"]] == [7, None, 9]  # row n: seed + n - 1
    for name in ("001.mp4", "003.mp4"):
        with av.open(str(out / name)) as clip:
            assert clip.streams.video[0].frames > 0 and clip.streams.audio
        assert (out / name).with_suffix(".jpg").exists()
    assert not (out / "002.mp4").exists()


@pytest.mark.parametrize(("template", "rows", "message"), [
    ("a dog runs", "product\nx\n", "name at least one field"),
    ("{product on a table", "product\nx\n", "a field is a name in braces"),
    (TEMPLATE, "", "the table has no rows"),
    (TEMPLATE, "[1, 2]", "a list of objects"),
])
def test_a_template_or_table_that_cannot_be_read_is_exit_code_2(
        tmp_path: Path, template: str, rows: str, message: str) -> None:
    table = tmp_path / ("rows.json" if rows.startswith("[") else "rows.csv")
    table.write_text(rows)
    result = runner.invoke(app, ["batch", template, str(table), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()


def test_rows_come_as_csv_or_json_and_are_bounded() -> None:
    assert template_fields("{a} and {b} and {a}") == ["a", "b"]
    csv_rows = read_rows("\ufeffproduct,city\n a pen , Lima \n", "csv")
    assert csv_rows == [{"product": "a pen", "city": "Lima"}]
    json_rows = read_rows('[{"product": "a pen", "city": "Lima", "n": 3}]', "json")
    assert json_rows == [{"product": "a pen", "city": "Lima", "n": "3"}]
    assert rows_kind("x.json", "") == "json" and rows_kind("x", " [") == "json"
    assert rows_kind("x.csv", "[") == "csv"
    with pytest.raises(InvalidInput, match=f"at most {MAX_ROWS} rows"):
        read_rows("a\n" + "x\n" * (MAX_ROWS + 1), "csv")
    [row] = fill(TEMPLATE, [{"product": "x" * 300, "city": "Lima"}])
    assert row.prompt is None and "longer than" in str(row.error)
