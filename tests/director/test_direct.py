"""The director reads prompts into storyboards."""

import pytest

from openreel.director import describe, direct
from openreel.spec import CameraMove, Framing, Motion, Style, TimeOfDay, Weather


def _only(prompt: str, **kw: object):  # type: ignore[no-untyped-def]
    board = direct(prompt, **kw)  # type: ignore[arg-type]
    return board, board.shots[0]


def test_counts_colours_motion_place() -> None:
    board, shot = _only("three red balls bounce on the beach")
    [ball] = shot.entities
    assert (ball.kind, ball.count, ball.colour, ball.motion) == ("ball", 3, "red", Motion.BOUNCE)
    assert board.environment.place == "beach"


def test_floor_material_and_default_place() -> None:
    board, shot = _only("a red ball bounces on a wooden floor")
    assert board.environment.resolved_ground() == "wood"
    assert shot.entities[0].colour == "red" and shot.entities[0].motion is Motion.BOUNCE


@pytest.mark.parametrize(("prompt", "gravity"), [("a ball falls on the moon", 1.62),
                                                  ("a ball falls in the park", 9.81),
                                                  ("a rock falls on mars", 3.71)])
def test_place_gravity(prompt: str, gravity: float) -> None:
    board, _ = _only(prompt)
    assert board.environment.resolved_gravity() == pytest.approx(gravity)


def test_pour_relation() -> None:
    _, shot = _only("water pours from a jug into a glass")
    jug = next(e for e in shot.entities if e.kind == "jug")
    assert jug.motion is Motion.POUR and jug.target == "glass"
    assert any(e.kind == "glass" for e in shot.entities)


def test_chase_target_and_counts_words() -> None:
    _, shot = _only("a dog chases two cats in the park")
    dog = next(e for e in shot.entities if e.kind == "dog")
    cats = next(e for e in shot.entities if e.kind == "cat")
    assert dog.motion is Motion.CHASE and dog.target == cats.id and cats.count == 2


@pytest.mark.parametrize(("prompt", "speaker_kind", "text"), [
    ('a cat says "hello"', "cat", "hello"),
    ('the robot: "we come in peace"', "robot", "we come in peace"),
    ('"Hi there," says the dog', "dog", "Hi there,"),
])
def test_dialogue_attribution(prompt: str, speaker_kind: str, text: str) -> None:
    _, shot = _only(prompt)
    [line] = shot.dialogue
    speaker = next(e for e in shot.entities if e.id == line.speaker)
    assert speaker.kind == speaker_kind and line.text == text


def test_multi_shot_with_continuity_and_camera_grammar() -> None:
    board = direct('Shot 1: a dog runs on the beach. Shot 2: the dog jumps. '
                   'Shot 3: the dog says "wow"', seconds=12)
    assert len(board.shots) == 3
    assert sum(s.duration for s in board.shots) == pytest.approx(12)
    assert [s.camera.framing for s in board.shots] == [Framing.WIDE, Framing.MEDIUM,
                                                       Framing.CLOSE_UP]
    assert board.shots[1].entities[0].id == "dog" and board.shots[1].continues
    assert board.shots[1].entities[0].motion is Motion.JUMP


def test_then_splits_shots() -> None:
    board = direct("a car drives down a street, then the car crashes into a truck")
    assert len(board.shots) == 2
    assert board.shots[1].entities[0].motion is Motion.CRASH


def test_camera_style_time_weather() -> None:
    board, shot = _only("an astronaut jumps on the moon at night, slow motion, drone shot, "
                        "cinematic, in the rain")
    assert board.style is Style.CINEMATIC
    assert shot.camera.slow_motion < 1 and shot.camera.move is CameraMove.DRONE
    assert board.environment.time_of_day is TimeOfDay.NIGHT
    assert board.environment.weather is Weather.RAIN


def test_explicit_style_wins() -> None:
    board, _ = _only("an anime cat", style=Style.NOIR)
    assert board.style is Style.NOIR


def test_scenery_when_nothing_is_named() -> None:
    board, shot = _only("a sunset on the beach")
    assert board.environment.place == "beach" and shot.entities
    assert board.environment.time_of_day is TimeOfDay.GOLDEN_HOUR


def test_unknown_noun_maps_to_a_known_kind_and_is_reported() -> None:
    board, shot = _only("a giraffe walks in the park")
    assert "giraffe" in board.mapped_words
    assert shot.entities[0].label == "giraffe" and shot.entities[0].motion is Motion.WALK
    assert "giraffe" in describe(board)


def test_empty_prompt_is_rejected() -> None:
    with pytest.raises(ValueError, match="empty"):
        direct("   ")


def test_deterministic_and_exact_length() -> None:
    a = direct("two birds fly over a forest then a fox runs", seconds=7)
    assert a == direct("two birds fly over a forest then a fox runs", seconds=7)
    assert a.duration == pytest.approx(7)
