"""openreel.social is pure ranking, steering and topics: it reads no database itself."""

from __future__ import annotations

import ast
from pathlib import Path

import openreel.social

FORBIDDEN = ("openreel.db", "sqlalchemy")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_social_imports_nothing_from_the_database() -> None:
    modules = sorted(Path(openreel.social.__file__).parent.glob("*.py"))
    assert {m.stem for m in modules} >= {"feed", "ranking", "steering", "topics"}
    found = {f"{m.stem}: {name}" for m in modules for name in _imported(m)
             if any(name == f or name.startswith(f"{f}.") for f in FORBIDDEN)}
    assert not found
