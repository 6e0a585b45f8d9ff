"""Places by the words people use: every place is read from its own name, phrases that
name a thing keep naming it, and a shot that names nothing is filled with the place's own."""

from __future__ import annotations

import pytest
from director_boards import one_shot

from openreel.director.lexicon import KIND_WORDS, PLACE_WORDS
from openreel.spec import PLACES, Motion


def _name(place: str) -> str:
    name = place.replace("_", " ")
    words = PLACES[place].words
    return name if name in words or not words else words[0]


@pytest.mark.parametrize("place", sorted(PLACES))
def test_every_place_is_read_from_its_name(place: str) -> None:
    board, shot = one_shot(_name(place))
    assert board.environment.place == place
    assert {e.kind for e in shot.entities} == {k for k, _, _ in PLACES[place].scenery}


@pytest.mark.parametrize(("prompt", "place"), [
    ("a cat in a coffee shop", "cafe"), ("two friends talk in a diner", "restaurant"),
    ("a boy plays on the basketball court", "basketball_court"),
    ("a girl hits a ball on the tennis court", "tennis_court"),
    ("a dog runs through the supermarket", "supermarket"),
    ("a robot walks down a hallway", "corridor"), ("a cat sleeps in the bedroom", "bedroom"),
    ("a student writes in the classroom", "classroom"),
    ("a car drives down the highway at night", "highway"),
    ("a penguin on an iceberg", "iceberg"), ("a bird flies over the waterfall", "waterfall"),
    ("a perfume bottle on a pedestal in a studio", "studio"),
])
def test_places_people_ask_for(prompt: str, place: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == place


@pytest.mark.parametrize(("prompt", "place"), [
    ("a boy dives into the swimming pool", "swimming_pool"),
    ("a girl dives into the indoor pool", "indoor_swimming_pool"),
    ("swimming pool", "swimming_pool"),
])
def test_a_pool_is_the_thing_something_dives_into(prompt: str, place: str) -> None:
    board, shot = one_shot(prompt)
    assert board.environment.place == place
    assert "swimming_pool" in {e.kind for e in shot.entities}


_SHARED = sorted(name for name in KIND_WORDS if " " in name and any(
    f" {word} " in f" {name} " for word in PLACE_WORDS if word != name))


@pytest.mark.parametrize("name", _SHARED)
def test_a_thing_named_with_a_place_word_is_the_thing(name: str) -> None:
    _, shot = one_shot(f"a {name} sits there")  # "beach ball" is a ball, not the beach
    assert KIND_WORDS[name] in {e.kind for e in shot.entities}


@pytest.mark.parametrize(("prompt", "cast"), [
    # trees alone in the snow read as a winter forest; a skier coming down reads as a slope
    ("ski slope", {("person", Motion.SKI)}),
    # a tent beside the camper, not a person standing in a field
    ("campsite", {("tent", Motion.IDLE), ("person", Motion.IDLE)}),
    # trees cast in front hid the peaks in a portrait frame; a hiker walks below them
    ("mountain", {("person", Motion.WALK), ("eagle", Motion.FLY)}),
])
def test_a_place_named_alone_is_shown_with_what_says_it(
        prompt: str, cast: set[tuple[str, Motion]]) -> None:
    _, shot = one_shot(prompt)
    assert {(e.kind, e.motion) for e in shot.entities} == cast
