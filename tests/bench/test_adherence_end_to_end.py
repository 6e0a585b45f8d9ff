"""Grading clips the engine really renders: 1 s at 12 fps, 180×320, with ground truth."""

from __future__ import annotations

import pytest
from bench.adherence import Clip, grade_case, load_cases, render, render_storyboard
from bench.adherence_grading import (
    Rendering,
    grade_color,
    grade_human_action,
    grade_multiple_objects,
    grade_object_class,
    grade_scene,
    grade_spatial_relationship,
)

from openreel.spec import Motion, Storyboard

CLIP = Clip(seconds=1.0, fps=12, width=180, height=320)


def board(place: str, entities: list[dict[str, object]], framing: str = "medium",
          stage_width: float = 10.0) -> Storyboard:
    """One silent 1 s shot."""
    return Storyboard.model_validate({
        "environment": {"place": place, "stage_width": stage_width}, "music": False,
        "shots": [{"duration": 1.0, "camera": {"framing": framing}, "entities": entities}]})


@pytest.fixture(scope="module")
def red_car() -> Rendering:
    return render_storyboard(board("city_street", [{"id": "car", "kind": "car",
                                                     "colour": "red"}], "close_up"), CLIP)


@pytest.fixture(scope="module")
def ball_beside_table() -> Rendering:
    return render_storyboard(board("park", [
        {"id": "ball", "kind": "ball", "size": 1.5, "position": [3.0, 0.75]},
        {"id": "table", "kind": "table", "size": 1.5, "position": [6.5, 0.75]}]), CLIP)


def test_the_rendering_holds_every_frame_with_its_truth(red_car: Rendering) -> None:
    assert red_car.masks.shape == (12, 320, 180)
    assert red_car.pixels.shape == (12, 320, 180, 3)
    assert len(red_car.boxes) == 12
    assert red_car.kinds() == ["car"]
    assert (red_car.share(red_car.ids_of_kinds(frozenset({"car"}))) > 0.03).all()


def test_a_red_car_passes_as_a_car_and_as_red(red_car: Rendering) -> None:
    assert grade_object_class(red_car, "car").passed
    assert grade_color(red_car, "car", "red").passed
    blue = grade_color(red_car, "car", "blue")
    assert (blue.passed, blue.failure, blue.details["read_as"]) == (False, "colour", "red")
    bus = grade_object_class(red_car, "bus")
    assert (bus.passed, bus.failure) == (False, "wrong kind")
    assert "staged car" in bus.reason


def test_the_place_and_its_backdrop(red_car: Rendering) -> None:
    assert grade_scene(red_car, "street").passed
    kitchen = grade_scene(red_car, "kitchen")
    assert (kitchen.passed, kitchen.failure) == (False, "place")
    flat = Rendering(red_car.storyboard, red_car.instances, red_car.boxes, red_car.masks,
                     red_car.pixels * 0 + 128)
    assert grade_scene(flat, "street").failure == "backdrop"


def test_two_things_side_by_side(ball_beside_table: Rendering) -> None:
    assert grade_multiple_objects(ball_beside_table, "sports ball", "dining table").passed
    left = grade_spatial_relationship(ball_beside_table, "sports ball", "dining table",
                                      "on the left of")
    assert left.passed and left.details["relation_frames"] == 1.0
    right = grade_spatial_relationship(ball_beside_table, "sports ball", "dining table",
                                       "on the right of")
    assert (right.passed, right.failure) == (False, "relation")
    missing = grade_multiple_objects(ball_beside_table, "sports ball", "cat")
    assert (missing.passed, missing.failure) == (False, "wrong kind")


def test_a_small_thing_is_not_visible() -> None:
    # a wide shot of a long stage that must hold a bus far from a pebble-sized ball
    small = render_storyboard(board("park", [
        {"id": "ball", "kind": "ball", "size": 0.2, "position": [2.0, 0.1]},
        {"id": "bus", "kind": "bus", "position": [30.0, 1.5]}], "wide", stage_width=40.0), CLIP)
    verdict = grade_object_class(small, "sports ball")
    assert (verdict.passed, verdict.failure) == (False, "not visible")


def test_an_action_needs_its_template_and_its_prop() -> None:
    clapping = render_storyboard(board("park", [{"id": "person", "kind": "person",
                                                  "motion": "clap"}], "close_up"), CLIP)
    assert grade_human_action(clapping, "clapping").passed
    laughing = grade_human_action(clapping, "laughing")
    assert (laughing.passed, laughing.failure) == (False, "motion")
    assert "motion clap" in laughing.reason
    # a narrow stage keeps the reader and the book on the ground both large in frame
    reading = render_storyboard(board("park", [
        {"id": "person", "kind": "person", "motion": "read", "object": "book",
         "position": [0.8, 0.0]},
        {"id": "book", "kind": "book", "size": 0.4, "position": [1.4, 0.2]}],
        stage_width=2.0), CLIP)
    assert grade_human_action(reading, "reading book").passed
    playing = grade_human_action(reading, "playing piano")
    assert (playing.passed, playing.failure) == (False, "motion")
    board_with_piano_player = reading.storyboard.model_copy(deep=True)
    board_with_piano_player.shots[0].entities[0].motion = Motion.PLAY
    playing_a_book = grade_human_action(
        Rendering(board_with_piano_player, reading.instances, reading.boxes, reading.masks,
                  reading.pixels), "playing piano")
    assert (playing_a_book.passed, playing_a_book.failure) == (False, "prop")
    assert "play with book" in playing_a_book.reason
    drawing = grade_human_action(reading, "drawing")
    assert (drawing.passed, drawing.failure) == (False, "motion")
    unseen = grade_human_action(reading, "finger snapping")
    assert unseen.failure == "no template"


def test_a_prompt_goes_through_the_director_and_gets_a_verdict() -> None:
    case = next(c for c in load_cases("color") if c.prompt == "a red car")
    rendering = render(case.prompt, CLIP)
    assert "car" in rendering.kinds()
    row = grade_case(case, CLIP)
    verdict = grade_color(rendering, *case.facts)
    assert row["pass"] is verdict.passed
    assert row.get("reason", "") == verdict.reason
