"""Routes, pages and commands commit nothing: the services they call own their
transactions (see openreel.services.transactions)."""

from __future__ import annotations

import ast
from pathlib import Path

import openreel

PACKAGE = Path(openreel.__file__).parent
FRONT_DOORS = ("api", "web", "cli")
# A commit a front door may still make, as (file under openreel/, function): why
ALLOWED: dict[tuple[str, str], str] = {}


def commits_in(source: str, filename: str = "<source>") -> list[tuple[str, int]]:
    """Each ``….commit`` in ``source`` (called or handed on), as (enclosing function, line)."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Attribute) and child.attr == "commit":
                found.append((function, child.lineno))
            inner = (child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                     else function)
            visit(child, inner)

    visit(ast.parse(source, filename=filename), "<module>")
    return found


def test_the_check_finds_a_commit_called_or_handed_on() -> None:
    source = ("def publish(db):\n    db.commit()\n\n"
              "async def later(platform, db):\n    await run_db(platform, db.commit)\n")
    assert commits_in(source) == [("publish", 2), ("later", 5)]


def test_no_route_page_or_command_commits() -> None:
    files = [path for door in FRONT_DOORS for path in sorted((PACKAGE / door).rglob("*.py"))]
    assert files, "the front doors' sources are where they were"
    found = [f"{path.relative_to(PACKAGE)}:{line} in {function}"
             for path in files
             for function, line in commits_in(path.read_text(encoding="utf-8"), str(path))
             if (path.relative_to(PACKAGE).as_posix(), function) not in ALLOWED]
    assert not found, ("commit in the service the route calls (services.transactions), "
                       "not in the route: " + ", ".join(found))
