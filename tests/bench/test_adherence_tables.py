"""Every prompt of every list has an expectation, and the expectations are well formed."""

from __future__ import annotations

from itertools import combinations

import pytest
from bench.adherence import DIMENSIONS, load_cases
from bench.adherence_actions import ACTIONS
from bench.adherence_colour import NAMES, canonical
from bench.adherence_grading import _mismatch, relation_holds
from bench.adherence_tables import HUMANS, KINDS_FOR, PLACES_FOR

from openreel.director import direct
from openreel.spec import Motion

SIZES = {"object_class": 79, "multiple_objects": 82, "color": 85, "spatial_relationship": 84,
         "scene": 86, "human_action": 100}


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_every_prompt_has_an_expectation(dimension: str) -> None:
    cases = load_cases(dimension)
    assert len(cases) == SIZES[dimension]
    assert len({c.prompt for c in cases}) == len(cases)
    for case in cases:
        if dimension in ("object_class", "multiple_objects"):
            assert all(name in KINDS_FOR for name in case.facts), case.prompt
        elif dimension == "color":
            name, colour = case.facts
            assert name in KINDS_FOR and canonical(colour) in NAMES, case.prompt
        elif dimension == "spatial_relationship":
            a, b, relation = case.facts
            assert a in KINDS_FOR and b in KINDS_FOR, case.prompt
            relation_holds(relation, (0, 0, 1, 1), (2, 0, 3, 1))  # raises when unknown
        elif dimension == "scene":
            assert PLACES_FOR[case.facts[0]], case.prompt
        else:
            assert case.facts[0] in ACTIONS, case.prompt


def test_the_tables_hold_nothing_the_lists_do_not_ask_for() -> None:
    names = {n for d in ("object_class", "multiple_objects", "spatial_relationship")
             for c in load_cases(d) for n in c.facts[:2] if n in KINDS_FOR}
    assert names == set(KINDS_FOR)
    assert {c.facts[0] for c in load_cases("scene")} == set(PLACES_FOR)
    assert {c.facts[0] for c in load_cases("human_action")} == set(ACTIONS)


def test_no_kind_shows_two_different_objects() -> None:
    for (a, kinds_a), (b, kinds_b) in combinations(KINDS_FOR.items(), 2):
        assert not kinds_a & kinds_b, f"{a} and {b} share {kinds_a & kinds_b}"


def test_actions_name_only_motions_the_contract_has() -> None:
    known = {m.value for m in Motion}
    for action, expected in ACTIONS.items():
        assert expected.motions <= known, f"{action}: {expected.motions - known}"
    # the actions no template depicts yet, listed so a new one is a deliberate change
    assert sorted(a for a, e in ACTIONS.items() if not e.motions) == [
        "bandaging", "clay pottery making", "finger snapping", "massaging legs", "smoking",
        "sticking tongue out"]


@pytest.mark.parametrize(("prompt", "action", "fits"), [
    ("A person is knitting", "knitting", True),
    ("a woman sits on a chair", "knitting", False),  # sitting is not knitting
    ("A person is sharpening knives", "sharpening knives", True),
    ("a chef cuts bread with a knife", "sharpening knives", False),
])
def test_a_template_of_several_forms_counts_in_the_form_asked(prompt: str, action: str,
                                                               fits: bool) -> None:
    board = direct(prompt, seconds=4)
    shot = board.shots[0]
    actor = next(e for e in shot.entities if e.kind in HUMANS)
    assert (_mismatch(board, shot, actor, ACTIONS[action]) is None) is fits
