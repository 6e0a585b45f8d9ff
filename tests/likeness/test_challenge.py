"""Liveness challenges: random, valid, said in plain words."""

from __future__ import annotations

import pytest

from openreel.likeness.challenge import Challenge, new_challenge


def test_challenges_are_random_three_digits_and_a_turn() -> None:
    made = [new_challenge() for _ in range(200)]
    assert all(len(c.digits) == 3 and all(0 <= d <= 9 for d in c.digits) for c in made)
    assert all(len(set(c.digits)) == 3 for c in made)  # none said twice
    assert {c.turn for c in made} == {"left", "right"}
    assert len({c.digits for c in made}) > 150  # of 720 possible: hardly any repeat
    assert {d for c in made for d in c.digits} == set(range(10))


def test_a_challenge_says_what_to_do() -> None:
    challenge = Challenge((4, 0, 7), "right")
    assert challenge.instructions == ("Look at the camera and say 4, 0, 7 aloud, then slowly "
                                      "turn your head to your right and back.")
    assert challenge.spoken == "four, zero, seven"


@pytest.mark.parametrize(("digits", "turn"), [((1, 2), "left"), ((1, 2, 10), "left"),
                                              ((1, 2, 3), "up")])
def test_a_malformed_challenge_is_refused(digits: tuple[int, ...], turn: str) -> None:
    with pytest.raises(ValueError):
        Challenge(digits, turn)  # type: ignore[arg-type]
