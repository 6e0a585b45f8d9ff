"""Multi-shot prompts: splitting, continuity, durations, camera grammar."""

from __future__ import annotations

import pytest

from openreel.director import direct
from openreel.spec import Framing, Motion


@pytest.mark.parametrize("prompt", [
    "Shot 1: a dog runs on the beach. Shot 2: the dog jumps. Shot 3: the dog sleeps",
    "Scene 1 a dog runs on the beach. Scene 2 the dog jumps. Scene 3 the dog sleeps",
    "a dog runs on the beach, then the dog jumps, then the dog sleeps",
    "a dog runs on the beach. Then the dog jumps. Cut to the dog sleeping",
    "a dog runs on the beach; after that the dog jumps and then it sleeps",
])
def test_splits_into_three_shots_with_one_dog(prompt: str) -> None:
    board = direct(prompt, seconds=12)
    assert len(board.shots) == 3
    assert [s.entities[0].motion for s in board.shots] == [Motion.RUN, Motion.JUMP,
                                                           Motion.SLEEP]
    assert {e.id for s in board.shots for e in s.entities} == {"dog"}
    assert [s.continues for s in board.shots] == [False, True, True]
    assert sum(s.duration for s in board.shots) == pytest.approx(12)


def test_next_to_is_not_a_cut() -> None:
    assert len(direct("a cat sits next to a dog").shots) == 1


def test_camera_grammar_wide_medium_close() -> None:
    board = direct("Shot 1: a fox walks in a forest. Shot 2: the fox sits. "
                   "Shot 3: the fox sleeps")
    assert [s.camera.framing for s in board.shots] == [Framing.WIDE, Framing.MEDIUM,
                                                       Framing.CLOSE_UP]
    assert board.shots[2].camera.follow == "fox"


def test_speaker_gets_a_close_up_and_explicit_framing_wins() -> None:
    board = direct('a robot walks in a city. Then the robot says "hello". '
                   'Then wide shot of the robot waving')
    assert [s.camera.framing for s in board.shots] == [Framing.WIDE, Framing.CLOSE_UP,
                                                       Framing.WIDE]
    assert board.shots[1].camera.follow == "robot"


def test_pronoun_carries_into_the_next_shot() -> None:
    board = direct("a car drives down the street. Then it crashes into a bus")
    second = board.shots[1]
    car = next(e for e in second.entities if e.kind == "car")
    assert car.id == "car" and car.motion is Motion.CRASH
    assert car.target == next(e.id for e in second.entities if e.kind == "bus")
    assert second.continues


def test_a_new_place_gets_its_own_environment() -> None:
    board = direct("Shot 1: a dog runs on the beach. Shot 2: on the moon the dog jumps")
    first, second = board.shots
    assert board.environment.place == "beach" and first.environment is None
    assert second.environment is not None and second.environment.place == "moon"
    assert board.environment_of(second).resolved_gravity() == pytest.approx(1.62)
    assert second.entities[0].id == "dog" and not second.continues


def test_a_new_thing_gets_a_new_id() -> None:
    board = direct("a dog sits. Then a dog runs")
    assert [s.entities[0].id for s in board.shots] == ["dog", "dog_2"]


def test_durations_are_weighted_and_at_least_a_second() -> None:
    board = direct('a cat sits. Then the cat says "this is a much longer line of dialogue '
                   'that needs time to say out loud"', seconds=10)
    short, long = board.shots
    assert long.duration > short.duration >= 1.0
    many = direct(" then ".join(["a cat sits"] * 9), seconds=9.5)
    assert all(s.duration >= 1.0 - 1e-9 for s in many.shots)
    assert many.duration == pytest.approx(9.5)


def test_more_cuts_than_seconds_are_merged() -> None:
    board = direct(" then ".join(f"a {k} jumps" for k in ("cat", "dog", "fox", "frog")),
                   seconds=2)
    assert len(board.shots) == 2 and board.duration == pytest.approx(2)
    assert {e.kind for e in board.shots[1].entities} == {"dog", "fox", "frog"}


@pytest.mark.parametrize("seconds", [1.0, 4.0, 10.0, 25.0, 60.0])
def test_total_equals_seconds(seconds: float) -> None:
    board = direct("a bird flies, then a fish swims, then a cat sleeps", seconds=seconds)
    assert board.duration == pytest.approx(seconds)


def test_empty_prompt_and_bad_length_are_rejected() -> None:
    for prompt in ("", "   ", "\n\t"):
        with pytest.raises(ValueError, match="empty"):
            direct(prompt)
    with pytest.raises(ValueError, match="seconds"):
        direct("a cat", seconds=0)


def test_deterministic_and_image_kept() -> None:
    a = direct("two birds fly over a forest then a fox runs", seconds=7, image="first.png")
    assert a == direct("two birds fly over a forest then a fox runs", seconds=7,
                       image="first.png")
    assert a.image == "first.png" and a.prompt.startswith("two birds")
