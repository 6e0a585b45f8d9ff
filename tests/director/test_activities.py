"""Activities named as a whole: the template, what it is done with and at, and the partner."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.spec import Motion

M = Motion


@pytest.mark.parametrize(("prompt", "motion", "prop", "variant_words"), [
    ("a person is hula hooping", M.EXERCISE, "hula_hoop", "hula hoop"),
    ("a person is ironing", M.CLEAN, "ironing_board", "ironing"),
    ("a person is running on treadmill", M.EXERCISE, "treadmill", "treadmill"),
    ("a person is barbequing", M.COOK, "grill", "barbecue"),
    ("a person is bending metal", M.PULL, "metal_bar", "bending metal"),
    ("a person is sharpening knives", M.CUT, "knife", "sharpening"),
    ("a person is counting money", M.READ, "money", "counting money"),
    # verbs that name what they are done on ("skateboards" was a ride on a bicycle)
    ("a teenager skateboards in a parking lot", M.RIDE, "skateboard", "skateboard"),
    ("a woman kayaks on a river", M.RIDE, "boat", "kayak"),
])
def test_an_activity_brings_the_thing_it_is_done_with(prompt: str, motion: Motion, prop: str,
                                                      variant_words: str) -> None:
    _, shot = one_shot(prompt)
    person = entity(shot, "person")
    assert person.motion is motion and person.object == entity(shot, prop).id
    assert person.action == variant_words


@pytest.mark.parametrize(("prompt", "thrown"), [
    ("a person is throwing axe", "axe"), ("a person is archery", "bow_and_arrow")])
def test_an_aimed_activity_is_aimed_at_a_target_board(prompt: str, thrown: str) -> None:
    board, shot = one_shot(prompt)
    person = entity(shot, "person")
    assert (person.object, person.target) == (entity(shot, thrown).id, entity(shot, "target").id)
    assert board.environment_of(shot).place == "park"  # not a basketball court


@pytest.mark.parametrize(("prompt", "thing"), [
    ("a person is catching or throwing frisbee", "frisbee"),
    ("a person is catching or throwing baseball", "baseball")])
def test_catching_or_throwing_brings_someone_to_catch(prompt: str, thing: str) -> None:
    _, shot = one_shot(prompt)
    thrower, catcher = (e for e in shot.entities if e.kind == "person")
    ball = entity(shot, thing)
    assert (thrower.motion, thrower.object, thrower.target) == (M.THROW, ball.id, catcher.id)
    assert (catcher.motion, catcher.object) == (M.CATCH, ball.id)
