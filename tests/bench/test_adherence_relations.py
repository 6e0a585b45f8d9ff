"""The spatial rules on synthetic boxes (x0, y0, x1, y1; image y grows downwards)."""

from __future__ import annotations

import pytest
from bench.adherence_grading import relation_holds

LEFT = (10.0, 100.0, 60.0, 150.0)
RIGHT = (200.0, 110.0, 260.0, 160.0)
TABLE = (50.0, 200.0, 250.0, 300.0)
CUP_ON_TABLE = (220.0, 160.0, 245.0, 200.0)  # at the table's edge: further across than up
HIGH_AND_ASIDE = (300.0, 20.0, 340.0, 60.0)  # above the table's level but well beside it


@pytest.mark.parametrize(("relation", "a", "b", "holds"), [
    ("on the left of", LEFT, RIGHT, True),
    ("on the left of", RIGHT, LEFT, False),
    ("on the right of", RIGHT, LEFT, True),
    ("on the right of", LEFT, RIGHT, False),
    # beside but mostly above: not left of
    ("on the left of", (100.0, 0.0, 120.0, 20.0), (130.0, 200.0, 150.0, 220.0), False),
    ("on the top of", CUP_ON_TABLE, TABLE, True),
    ("on the top of", TABLE, CUP_ON_TABLE, False),
    ("on the bottom of", TABLE, CUP_ON_TABLE, True),
    ("on the bottom of", CUP_ON_TABLE, TABLE, False),
    ("on the top of", HIGH_AND_ASIDE, TABLE, True),
    ("on the top of", (400.0, 180.0, 440.0, 220.0), TABLE, False),
    ("on the left of", LEFT, LEFT, False),
])
def test_relation(relation: str, a: tuple[float, float, float, float],
                  b: tuple[float, float, float, float], holds: bool) -> None:
    assert relation_holds(relation, a, b) is holds


def test_an_unknown_relation_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown relation"):
        relation_holds("behind", LEFT, RIGHT)
