"""Remix: the parent's structure kept, the asked-for change applied, bad asks refused."""

from pathlib import Path

import numpy as np
import pytest

from openreel.director import RemixError, direct, remix
from openreel.media import probe, read_frames
from openreel.pipeline import GenerateOptions, render_to_file
from openreel.spec import (
    Camera,
    CameraMove,
    Entity,
    Environment,
    Framing,
    Line,
    Mood,
    Motion,
    Shot,
    Storyboard,
    Style,
    TimeOfDay,
    Weather,
)

PARENT = 'a dog chases a red ball in the park. then the dog says "woof"'


@pytest.fixture(scope="module")
def parent() -> Storyboard:
    return direct(PARENT, seconds=6.0)


def _structure(board: Storyboard) -> list[tuple[object, ...]]:
    """What a remix keeps: shots, lengths, camera moves, ids, positions, dialogue timing."""
    return [(s.duration, s.camera.move, s.camera.direction, s.continues,
             [(e.id, e.count, e.position, e.velocity) for e in s.entities],
             [(line.speaker, line.text, line.start) for line in s.dialogue])
            for s in board.shots]


def _all(board: Storyboard, entity_id: str) -> list[Entity]:
    return [e for s in board.shots for e in s.entities if e.id == entity_id]


@pytest.mark.parametrize(("instruction", "time", "weather"), [
    ("make it night", TimeOfDay.NIGHT, Weather.CLEAR),
    ("at sunset", TimeOfDay.GOLDEN_HOUR, Weather.CLEAR),
    ("make it rain", TimeOfDay.AFTERNOON, Weather.RAIN),
    ("make it snow", TimeOfDay.AFTERNOON, Weather.SNOW),
    ("a foggy morning", TimeOfDay.MORNING, Weather.FOG),
])
def test_time_and_weather_change_and_nothing_else(parent: Storyboard, instruction: str,
                                                  time: TimeOfDay, weather: Weather) -> None:
    result = remix(parent, instruction)
    board = result.storyboard
    assert (board.environment.time_of_day, board.environment.weather) == (time, weather)
    assert board.environment.place == parent.environment.place == "park"
    assert _structure(board) == _structure(parent)
    assert [[e.kind for e in s.entities] for s in board.shots] == [
        [e.kind for e in s.entities] for s in parent.shots]
    assert (board.style, board.mood) == (parent.style, parent.mood)
    assert result.changes and result.not_understood == []


def test_night_brings_moonlight_and_day_takes_it_away(parent: Storyboard) -> None:
    night = remix(parent, "make it night").storyboard
    assert night.environment.lighting.value == "moonlight"
    day = remix(night, "make it daytime").storyboard
    assert (day.environment.time_of_day, day.environment.lighting.value) == (
        TimeOfDay.AFTERNOON, "natural")


@pytest.mark.parametrize(("instruction", "place"), [
    ("move it to the moon", "moon"), ("on a beach", "beach"), ("set it underwater", "underwater"),
])
def test_place_moves_with_the_same_things(parent: Storyboard, instruction: str,
                                          place: str) -> None:
    board = remix(parent, instruction).storyboard
    assert board.environment.place == place
    assert board.environment.resolved_ground() != "grass"
    assert _structure(board) == _structure(parent)


def test_style_mood_and_music(parent: Storyboard) -> None:
    assert remix(parent, "anime style").storyboard.style is Style.ANIME
    assert remix(parent, "make it noir").storyboard.style is Style.NOIR
    sad = remix(parent, "with sad music").storyboard
    assert sad.mood is Mood.SAD and sad.music
    silent = remix(parent, "no music").storyboard
    assert silent.music is False
    assert remix(silent, "add music").storyboard.music is True


@pytest.mark.parametrize("instruction", [
    "replace the dog with a cat", "the dog becomes a cat", "swap the dog for a cat",
    "turn the dog into a cat", "a cat instead of the dog",
])
def test_replacing_keeps_id_motion_and_lines(parent: Storyboard, instruction: str) -> None:
    result = remix(parent, instruction)
    board = result.storyboard
    assert _structure(board) == _structure(parent)
    cats = _all(board, "dog")
    assert cats and all(e.kind == "cat" and e.label == "cat" for e in cats)
    assert [e.motion for e in cats] == [e.motion for e in _all(parent, "dog")]
    assert cats[0].target == "ball"
    assert board.shots[1].dialogue[0].speaker == "dog"
    assert "cat" in board.shots[0].description and "dog" not in board.shots[0].description
    assert result.changes == ["dog → cat"]


def test_a_replacement_moves_the_way_its_body_can(parent: Storyboard) -> None:
    board = remix(parent, "swap the dog for a cube").storyboard
    first = _all(board, "dog")[0]
    assert first.kind == "cube"
    # a cube has no legs, but it still goes after the ball
    assert first.motion is Motion.CHASE and first.target == "ball"
    rolling = remix(direct("a dog runs in the park", seconds=3.0),
                    "replace the dog with a ball").storyboard
    assert rolling.shots[0].entities[0].motion is Motion.ROLL
    walking = remix(direct("a car drives down the street", seconds=3.0),
                    "replace the car with a horse").storyboard
    assert walking.shots[0].entities[0].motion is Motion.RUN


def test_a_bigger_thing_stays_bigger_when_replaced() -> None:
    parent = direct("a giant dog sits in the park", seconds=3.0)
    board = remix(parent, "replace the dog with a cat").storyboard
    cat = board.shots[0].entities[0]
    assert cat.size == pytest.approx(0.35 * 3.0)


@pytest.mark.parametrize(("instruction", "colour", "material"), [
    ("make the ball blue", "blue", None), ("a wooden ball", "red", "wood"),
    ("paint the ball green", "green", None), ("the ball is now purple", "purple", None),
    ("make the ball a metal one", "red", "metal"),
])
def test_colours_and_materials(parent: Storyboard, instruction: str, colour: str,
                               material: str | None) -> None:
    board = remix(parent, instruction).storyboard
    ball = _all(board, "ball")[0]
    assert (ball.kind, ball.colour, ball.material) == ("ball", colour, material)
    assert _all(board, "dog") == _all(parent, "dog")
    assert _structure(board) == _structure(parent)


def test_adding_a_thing_puts_it_in_every_shot_after_the_others(parent: Storyboard) -> None:
    board = remix(parent, "add a black cat").storyboard
    for before, after in zip(parent.shots, board.shots, strict=True):
        assert after.entities[:-1] == before.entities
        cat = after.entities[-1]
        assert (cat.id, cat.kind, cat.colour) == ("cat", "cat", "black")
    again = remix(board, "add another cat that jumps").storyboard
    assert [e.id for e in again.shots[0].entities] == ["dog", "ball", "cat", "cat_2"]
    assert again.shots[0].entities[-1].motion is Motion.JUMP


def test_removing_a_thing_takes_what_needs_it(parent: Storyboard) -> None:
    board = remix(parent, "remove the ball").storyboard
    assert all(e.id != "ball" for s in board.shots for e in s.entities)
    chaser = board.shots[0].entities[0]
    assert chaser.target is None and chaser.motion is Motion.RUN
    gone = remix(parent, "get rid of the dog").storyboard
    assert all(not s.dialogue for s in gone.shots)  # its line went with it
    assert all(s.camera.follow != "dog" for s in gone.shots)
    assert [len(s.entities) for s in gone.shots] == [1, 0]


def test_new_lines_keep_the_old_ones_and_their_timing() -> None:
    parent = Storyboard(shots=[
        Shot(duration=3.0, entities=[Entity(id="dog", kind="dog", motion=Motion.TALK)],
             dialogue=[Line(speaker="dog", text="woof", start=0.5)]),
        Shot(duration=3.0, entities=[Entity(id="dog", kind="dog")], continues=True)])
    board = remix(parent, "the dog says 'hello there'").storyboard
    assert board.shots[0].dialogue == parent.shots[0].dialogue
    assert [(line.speaker, line.text) for line in board.shots[1].dialogue] == [
        ("dog", "hello there")]
    newcomer = remix(parent, 'a parrot says "pretty bird"').storyboard
    parrot = newcomer.shots[1].entities[-1]
    assert parrot.kind == "parrot"
    assert newcomer.shots[1].dialogue[-1].speaker == parrot.id


def test_camera_tweaks_apply_to_every_shot(parent: Storyboard) -> None:
    slow = remix(parent, "in slow motion").storyboard
    assert [s.camera.slow_motion for s in slow.shots] == [0.5, 0.5]
    close = remix(parent, "close-up").storyboard
    assert all(s.camera.framing is Framing.CLOSE_UP and s.camera.follow for s in close.shots)
    assert _structure(close) == _structure(parent)


def test_motions_change_for_the_things_named(parent: Storyboard) -> None:
    board = remix(parent, "the dog jumps").storyboard
    dog = _all(board, "dog")[0]
    assert dog.motion is Motion.JUMP and dog.target is None
    assert _all(board, "ball") == _all(parent, "ball")


def test_several_changes_at_once_and_words_not_understood(parent: Storyboard) -> None:
    result = remix(parent, "make it night, replace the dog with a cat and add a frobnicator")
    board = result.storyboard
    assert board.environment.time_of_day is TimeOfDay.NIGHT
    assert _all(board, "dog")[0].kind == "cat"
    assert "dog → cat" in result.changes
    assert result.not_understood == ["frobnicator"]


@pytest.mark.parametrize(("instruction", "message"), [
    ("xyzzy plugh", "nothing in the instruction changes the video"),
    ("make the ball red", "already red"),
    ("replace the horse with a cat", "no horse"),
    ("animated", "already animated"),
    ("   ", "say what to change"),
])
def test_an_instruction_that_changes_nothing_is_refused(parent: Storyboard, instruction: str,
                                                        message: str) -> None:
    with pytest.raises(RemixError, match=message):
        remix(parent, instruction)
    assert issubclass(RemixError, ValueError)


def test_hand_written_positions_and_moves_survive() -> None:
    parent = Storyboard(
        environment=Environment(place="park"),
        shots=[Shot(duration=2.0, camera=Camera(move=CameraMove.PAN, amount=0.8),
                    entities=[Entity(id="hero", kind="dog", position=(2.0, 0.0),
                                     velocity=(1.0, 0.0), motion=Motion.WALK, label="pup")])])
    board = remix(parent, "replace the pup with a robot at dusk").storyboard
    hero = board.shots[0].entities[0]
    assert (hero.id, hero.kind, hero.position, hero.velocity) == (
        "hero", "robot", (2.0, 0.0), (1.0, 0.0))
    assert board.shots[0].camera == parent.shots[0].camera
    assert board.environment.time_of_day is TimeOfDay.DUSK


def test_a_remix_renders(tmp_path: Path) -> None:
    parent = direct("a red ball bounces in the park", seconds=2.0)
    board = remix(parent, "make it night and swap the ball for a blue cube").storyboard
    out = tmp_path / "remix.mp4"
    render_to_file(board, GenerateOptions(size="720x1280", fps=24, seed=3), out)
    info = probe(out)
    assert (info.width, info.height, info.frames) == (720, 1280, 48)
    night = np.mean([f.mean() for f in read_frames(out)])
    day = tmp_path / "day.mp4"
    render_to_file(parent, GenerateOptions(size="720x1280", fps=24, seed=3), day)
    assert night < 0.8 * np.mean([f.mean() for f in read_frames(day)])
