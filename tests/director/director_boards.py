"""Storyboard helpers shared by the director tests."""

from __future__ import annotations

from openreel.director import direct
from openreel.spec import Entity, Shot, Storyboard


def one_shot(prompt: str, **kwargs: object) -> tuple[Storyboard, Shot]:
    """The storyboard of ``prompt`` and its only shot."""
    board = direct(prompt, **kwargs)  # type: ignore[arg-type]
    assert len(board.shots) == 1, [s.description for s in board.shots]
    return board, board.shots[0]


def entity(shot: Shot, kind: str) -> Entity:
    """The one entity of ``kind`` in ``shot``."""
    [found] = [e for e in shot.entities if e.kind == kind]
    return found
