"""The storyboard in words."""

from __future__ import annotations

from openreel.director import describe, direct


def test_describe_names_shots_camera_entities_dialogue_sound_and_unknowns() -> None:
    board = direct('Shot 1: three red balls bounce on the beach, slow motion, pan left. '
                   'Shot 2: a dog barks "hello" on the moon, thunder, blorfwhistle')
    text = describe(board)
    for part in ("shot 1", "shot 2", "3× red ball", "bounce", "pan left", "slow motion",
                 'dog says "hello"', "sound: bark", "sound: thunder", "moon",
                 "not understood: blorfwhistle"):
        assert part in text, part


def test_describe_says_when_everything_was_understood() -> None:
    assert "not understood: nothing" in describe(direct("a cat sleeps"))
