"""Reading a cameo owner's statements, and holding prompts to them."""

from __future__ import annotations

import pytest

from openreel.director.restrictions import conflict, looks, read_rule


def test_statements_read_as_restrictions_or_preferences() -> None:
    assert read_rule("Never show me drinking or smoking.").topics == ("drinking", "smoking")
    assert read_rule("don't put me in a swimsuit").topics == ("a swimsuit",)
    assert read_rule("I do not want to be shown dancing").topics == ("dancing",)
    assert read_rule("no guns, knives or weapons").topics == ("guns", "knives", "weapons")
    preference = read_rule("always in a suit and a cap")
    assert not preference.restriction and preference.topics == ("in a suit and a cap",)
    for nothing in ("", "   ", "never", "no"):
        with pytest.raises(ValueError):
            read_rule(nothing)
    with pytest.raises(ValueError, match="at most 200"):
        read_rule("never " + "x" * 200)


def test_a_prompt_meets_a_restriction_by_its_words_kinds_definitions_or_meaning() -> None:
    rules = [read_rule("never with guns or weapons"), read_rule("always in a blue dress")]
    assert conflict("@maya holds a gun", rules) is rules[0]  # the word
    assert conflict("@maya fires a rifle at a target", rules) is rules[0]  # a rifle is a gun
    assert conflict("@maya swings a sword at a knight", rules) is rules[0]  # a weapon
    assert conflict("@maya shoots a basketball at the hoop", rules) is None
    assert conflict("@maya plants tulips in the garden", rules) is None
    assert conflict("@maya lights a cigarette", [read_rule("no smoking")]) is not None
    # what a word is defined as: an election is "a vote … for a political office"
    assert conflict("@maya gives a speech at an election rally",
                    [read_rule("no politics")]) is not None
    assert conflict("anything at all", [read_rule("always in a blue dress")]) is None


def test_preferences_become_looks_the_director_can_draw() -> None:
    found = looks([read_rule("always in a blue dress"), read_rule("with long red hair"),
                   read_rule("never smoking")])
    assert found[0].persona is not None and found[0].persona.outfit == "dress"
    assert found[0].colour == "blue"
    assert found[1].persona is not None and found[1].persona.hair == "red"
    assert len(found) == 2
