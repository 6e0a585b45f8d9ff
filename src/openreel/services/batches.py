"""Batch variants: one idea personalised for many audiences.

A template prompt names fields in braces ("{product} on a table in {city} at {time}"); each
row of a table (CSV with a header, or a JSON list of objects) fills them in, and becomes one
video. Rows that cannot fill the template, or whose prompt the director refuses, are
reported by their number and skipped; the others go on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from openreel.services.errors import InvalidInput

MAX_ROWS = 100  # rows in one batch
MAX_VALUE = 200  # characters a field's value may have
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]{0,31})\}")
CAPTION_FIELD = "caption"  # a row's caption for the clip, when the table has this column


@dataclass(frozen=True)
class Row:
    """One row of the table: its number (1 = first row of data), prompt, caption or error."""

    number: int
    prompt: str | None
    caption: str
    error: str | None = None


def template_fields(template: str) -> list[str]:
    """The fields a template names, in order, once each; InvalidInput if it names none or
    has braces that are not fields."""
    text = template.strip()
    if not text:
        raise InvalidInput("template", "write the prompt, with {fields} the rows fill in")
    fields = list(dict.fromkeys(FIELD.findall(text)))
    stray = FIELD.sub("", text)
    if "{" in stray or "}" in stray:
        raise InvalidInput("template", "a field is a name in braces, like {city}: letters, "
                           "digits and _ only")
    if not fields:
        raise InvalidInput("template", "name at least one field in braces, like {city}")
    return fields


def read_rows(data: str, kind: str) -> list[dict[str, str]]:
    """The table's rows as field → value: ``kind`` "csv" (a header row, then data) or
    "json" (a list of objects). InvalidInput when it is neither, empty, or too long."""
    if kind == "json":
        try:
            parsed = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InvalidInput("rows", f"not JSON (line {exc.lineno}): send a list of "
                               "objects, one per video") from None
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            raise InvalidInput("rows", "send a list of objects, one per video")
        rows = [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in parsed]
    elif kind == "csv":
        try:
            reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
            rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items()
                     if k is not None} for r in reader]
        except csv.Error as exc:
            raise InvalidInput("rows", f"not a CSV table ({exc})") from None
    else:
        raise InvalidInput("rows", "send the rows as CSV (with a header row) or JSON")
    if not rows:
        raise InvalidInput("rows", "the table has no rows")
    if len(rows) > MAX_ROWS:
        raise InvalidInput("rows", f"at most {MAX_ROWS} rows in one batch ({len(rows)} sent)")
    return rows


def rows_kind(filename: str, data: str) -> str:
    """"json" or "csv", from the file name, else from the first character."""
    name = filename.lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith((".csv", ".txt")):
        return "csv"
    return "json" if data.lstrip()[:1] in ("[", "{") else "csv"


def _filled(template: str, values: dict[str, str]) -> str:
    return FIELD.sub(lambda m: values[m.group(1)].strip(), template.strip())


def fill(template: str, rows: list[dict[str, str]]) -> list[Row]:
    """Each row's prompt (or the reason it has none)."""
    fields = template_fields(template)
    out: list[Row] = []
    for number, values in enumerate(rows, start=1):
        caption = values.get(CAPTION_FIELD, "").strip()[:500]
        missing = [f for f in fields if not values.get(f, "").strip()]
        long = [f for f in fields if len(values.get(f, "")) > MAX_VALUE]
        if missing:
            error = "no value for " + ", ".join(f"{{{f}}}" for f in missing)
        elif long:
            error = f"{{{long[0]}}} is longer than {MAX_VALUE} characters"
        else:
            out.append(Row(number, _filled(template, values), caption))
            continue
        out.append(Row(number, None, caption, error))
    return out
