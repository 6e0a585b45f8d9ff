"""Unknown nouns are mapped onto known kinds by meaning (MiniLM), junk is reported."""

from __future__ import annotations

import pytest

from openreel.director import describe, direct
from openreel.director.nearest import load_model, nearest_kind
from openreel.spec import KINDS, Archetype


@pytest.fixture(scope="module", autouse=True)
def model() -> object:
    return load_model()


@pytest.mark.parametrize(("word", "archetype"), [
    ("lion", Archetype.QUADRUPED), ("zebra", Archetype.QUADRUPED),
    ("wolf", Archetype.QUADRUPED), ("pirate", Archetype.HUMANOID),
    ("detective", Archetype.HUMANOID), ("swan", Archetype.BIRD),
    ("submarine", Archetype.BOAT), ("wagon", Archetype.VEHICLE), ("banana", Archetype.FOOD),
    ("stool", Archetype.FURNITURE), ("vase", Archetype.CONTAINER),
])
def test_nearest_kind_has_the_right_body(word: str, archetype: Archetype) -> None:
    found = nearest_kind(word)
    assert found is not None and KINDS[found[0]].archetype is archetype, found


def test_a_mule_walks_in_the_park_as_its_nearest_kin() -> None:
    board = direct("a mule walks in the park")
    [mule] = board.shots[0].entities
    assert board.mapped_words == {"mule": mule.kind} == {"mule": "horse"}
    assert KINDS[mule.kind].archetype is Archetype.QUADRUPED
    assert mule.label == "mule" and mule.motion.value == "walk"
    assert "mule → horse (substituted" in describe(board)


def test_words_wordnet_lacks_fall_back_on_meaning() -> None:
    board = direct("a ferrari races on a track")  # a brand WordNet does not have
    car = board.shots[0].entities[0]
    assert (car.kind, car.label, car.motion.value) == ("car", "ferrari", "drive")


def test_a_brand_that_is_only_a_place_in_the_dictionary_is_the_brand() -> None:
    board = direct("a toyota drives down the road")  # WordNet: Toyota, a city
    [car] = board.shots[0].entities
    assert (car.kind, car.label) == ("car", "toyota")


@pytest.mark.parametrize("word", ["vrrb", "lamborghini", "zamboni"])
def test_words_the_model_only_spells_in_pieces_are_not_guessed(word: str) -> None:
    # the pieces' meaning is not the word's: "lamb" + "org" + "hini" is not a sheep
    assert nearest_kind(word) is None


def test_an_unknown_word_after_its_subject_is_read_as_its_verb() -> None:
    board = direct("a cat zorps on the sofa")
    assert [e.kind for e in board.shots[0].entities] == ["cat", "sofa"]
    assert board.unknown_words == ["zorps"]


def test_adjectives_before_an_unknown_noun() -> None:
    board = direct("two tall camels run")
    [camels] = board.shots[0].entities
    assert camels.count == 2 and "camels" in board.mapped_words
    assert "tall" not in board.mapped_words


def test_junk_words_are_reported_not_turned_into_things() -> None:
    board = direct("a cat sleeps blorptastically under the xyzzq")
    assert [e.kind for e in board.shots[0].entities] == ["cat"]
    assert "blorptastically" in board.unknown_words and "xyzzq" in board.unknown_words


def test_known_prompts_never_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import openreel.director.reading as reading

    def refuse(word: str) -> None:
        raise AssertionError(f"mapped {word!r}")

    monkeypatch.setattr(reading, "nearest_kind", refuse)
    monkeypatch.setattr(reading.ShotReader.__init__, "__defaults__", (refuse,))
    board = direct('three red balls bounce on the beach at sunset, slow motion. Then a dog '
                   'says "woof" and chases a cat, cinematic')
    assert board.mapped_words == {}
