"""Quoted lines and who says them."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director import direct
from openreel.spec import Motion


@pytest.mark.parametrize(("prompt", "speaker_kind", "text"), [
    ('a cat says "hello"', "cat", "hello"),
    ('the robot: "we come in peace"', "robot", "we come in peace"),
    ('"Hi there," says the dog', "dog", "Hi there"),
    ('the man shouts "run!"', "person", "run!"),
    ('"Good morning," the wizard whispers', "wizard", "Good morning"),
    ('an alien asks “where am I?”', "alien", "where am I?"),
])
def test_attribution(prompt: str, speaker_kind: str, text: str) -> None:
    _, shot = one_shot(prompt)
    [line] = shot.dialogue
    speaker = next(e for e in shot.entities if e.id == line.speaker)
    assert speaker.kind == speaker_kind and line.text == text
    assert speaker.motion is Motion.TALK


def test_speaker_is_created_when_missing() -> None:
    _, shot = one_shot('"is anyone there?"')
    [line] = shot.dialogue
    assert entity(shot, "person").id == line.speaker


def test_unattributed_quote_goes_to_the_first_character() -> None:
    _, shot = one_shot('a ball rolls past a dog. "what was that?"')
    [line] = shot.dialogue
    assert line.speaker == entity(shot, "dog").id


def test_two_speakers() -> None:
    board = direct('a cat says "hi" and a dog replies "hello"')
    lines = [(ln.speaker, ln.text) for shot in board.shots for ln in shot.dialogue]
    assert lines == [("cat", "hi"), ("dog", "hello")]


def test_speaking_keeps_a_physical_motion() -> None:
    _, shot = one_shot('a man runs and shouts "wait for me"')
    assert entity(shot, "person").motion is Motion.RUN
    assert shot.dialogue[0].speaker == "person"


def test_dialogue_across_shots_keeps_the_speaker() -> None:
    board = direct('Shot 1: a robot walks into a kitchen. Shot 2: the robot says "hello chef"')
    robot = board.shots[1].dialogue[0].speaker
    assert robot == "robot" and board.shots[0].entities[0].id == "robot"
