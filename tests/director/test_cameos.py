"""@handle in a prompt: the person who shows that cameo, acting as the sentence says."""

from __future__ import annotations

from openreel.director import direct
from openreel.spec import Framing, Motion


def _cast(board):  # type: ignore[no-untyped-def]
    return [(e.id, e.cameo, e.motion) for s in board.shots for e in s.entities if e.cameo]


def test_a_handle_is_a_person_showing_that_cameo_doing_what_the_sentence_says() -> None:
    board = direct("@alice dances in the rain")
    [person] = board.shots[0].entities
    assert (person.kind, person.label, person.cameo, person.motion) == \
        ("person", "@alice", "alice", Motion.DANCE)
    assert board.shots[0].description == "@alice dances in the rain"
    assert board.unknown_words == [] and board.word_notes == {}


def test_two_handles_are_two_people_acting_on_each_other() -> None:
    shot = direct("@alice hugs @Bob_2 in the park").shots[0]
    people = {e.cameo: e for e in shot.entities if e.cameo}
    assert set(people) == {"alice", "bob_2"}
    assert people["alice"].id != people["bob_2"].id
    assert people["alice"].motion is Motion.HUG


def test_a_handle_is_the_same_person_in_every_shot_and_speaks_their_line() -> None:
    board = direct('@maya skateboards down a street. Then @maya says "that was fun"')
    ids = {e.id for s in board.shots for e in s.entities if e.cameo == "maya"}
    assert len(ids) == 1
    lines = [(line.speaker, line.text) for s in board.shots for line in s.dialogue]
    assert lines == [(ids.pop(), "that was fun")]


def test_a_cameo_who_speaks_is_seen_close_while_speaking() -> None:
    board = direct('@maya waves at a dog in the park and says "what a lovely day"', seconds=6)
    speaking = [s for s in board.shots if s.dialogue]
    assert speaking and all(s.camera.framing is Framing.CLOSE_UP for s in speaking)
    assert all(s.camera.follow == s.dialogue[0].speaker for s in speaking)


def test_names_in_the_prompt_and_handles_do_not_mix() -> None:
    # the prompt's own first names are not taken for stand-ins of handles
    board = direct("Anna waves at @tom")
    assert [e.cameo for s in board.shots for e in s.entities if e.cameo] == ["tom"]
    # a handle inside quoted speech is words said, and an address is not a handle
    said = direct('a man says "follow @maya" and writes to maya@example.org')
    assert not _cast(said)
    assert any("@maya" in line.text for s in said.shots for line in s.dialogue)
