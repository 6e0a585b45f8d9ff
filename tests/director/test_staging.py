"""Staging the words imply: props of actions, places of actions, conversations cut in turn."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director import direct
from openreel.spec import Framing, Motion


def test_a_conversation_cuts_to_each_speaker_in_close_up() -> None:
    board = direct('a woman in a cafe says "Did you see that?" and a man replies '
                   '"I did, it was amazing"', seconds=10)
    two_shot, first, second = board.shots
    assert two_shot.camera.framing is Framing.MEDIUM and not two_shot.dialogue
    woman = next(e for e in two_shot.entities if e.label == "woman")
    man = next(e for e in two_shot.entities if e.label == "man")
    assert (first.camera.framing, first.camera.follow) == (Framing.CLOSE_UP, woman.id)
    assert [line.speaker for line in first.dialogue] == [woman.id]
    assert (second.camera.framing, second.camera.follow) == (Framing.CLOSE_UP, man.id)
    assert [line.text for line in second.dialogue] == ["I did, it was amazing"]
    assert first.continues and second.continues
    assert board.duration == pytest.approx(10)
    assert second.duration > first.duration  # the longer line gets the longer shot


def test_one_speaker_is_not_cut() -> None:
    board = direct('a robot says "hello" in a kitchen')
    assert len(board.shots) == 1


def test_a_conversation_too_short_to_cut_stays_one_shot() -> None:
    board = direct('a cat says "hi" and a dog says "hello"', seconds=2)
    assert len(board.shots) == 1 and len(board.shots[0].dialogue) == 2


@pytest.mark.parametrize(("prompt", "motion", "prop"), [
    ("a person is reading", Motion.READ, "book"),
    ("a woman is shooting", Motion.SHOOT, "basketball"),
    ("a boy kicks", Motion.KICK, "football"),
    ("a man is riding", Motion.RIDE, "bicycle"),
])
def test_an_action_gets_the_thing_it_needs(prompt: str, motion: Motion, prop: str) -> None:
    _, shot = one_shot(prompt)
    actor = shot.entities[0]
    assert actor.motion is motion and actor.object == entity(shot, prop).id


def test_a_named_prop_is_used_not_doubled() -> None:
    _, shot = one_shot("a man throws a red ball to his dog")
    man, ball, dog = entity(shot, "person"), entity(shot, "ball"), entity(shot, "dog")
    assert (man.object, man.target) == (ball.id, dog.id)
    assert [e.kind for e in shot.entities].count("ball") == 1


@pytest.mark.parametrize(("prompt", "place"), [
    ("a man is cooking", "kitchen"), ("a boy skis down", "ski_slope"),
    ("a woman surfs", "beach"), ("a man climbs", "mountains"),
])
def test_an_action_brings_its_place(prompt: str, place: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == place
