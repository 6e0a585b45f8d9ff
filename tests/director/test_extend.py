"""Extend: one more shot that carries on from where the video ended."""

import pytest

from openreel.director import ExtendError, direct, extend
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import MAX_SECONDS, Entity, Motion, Shot, Storyboard, Weather


@pytest.fixture(scope="module")
def board() -> Storyboard:
    return direct("a dog chases a red ball in the park", seconds=4.0)


def test_the_new_shot_continues_the_last_with_the_action(board: Storyboard) -> None:
    longer = extend(board, "then the dog jumps", 3.0)
    assert longer.shots[:-1] == board.shots
    assert longer.environment == board.environment
    assert longer.duration == pytest.approx(7.0)
    shot = longer.shots[-1]
    assert shot.continues and shot.duration == 3.0 and shot.environment is None
    assert [e.id for e in shot.entities] == [e.id for e in board.shots[-1].entities]
    dog, ball = shot.entities
    assert dog.motion is Motion.JUMP and dog.target is None
    assert ball == board.shots[-1].entities[1]
    assert shot.description == "then the dog jumps"
    assert not shot.dialogue and not shot.sounds


def test_weather_changes_for_the_new_shot_only(board: Storyboard) -> None:
    longer = extend(board, "then it starts to rain", 2.0)
    shot = longer.shots[-1]
    assert shot.environment is not None and shot.environment.weather is Weather.RAIN
    assert shot.environment.place == "park" and shot.continues
    assert longer.environment.weather is Weather.CLEAR
    # the things go on doing what they did
    assert [e.motion for e in shot.entities] == [e.motion for e in board.shots[-1].entities]


def test_a_new_place_starts_afresh_with_the_same_things(board: Storyboard) -> None:
    shot = extend(board, "then they go to the beach", 2.0).shots[-1]
    assert shot.environment is not None and shot.environment.place == "beach"
    assert not shot.continues
    assert [e.id for e in shot.entities] == ["dog", "ball"]


def test_newcomers_lines_and_returning_things(board: Storyboard) -> None:
    shot = extend(board, "a cat runs in", 2.0).shots[-1]
    assert [(e.id, e.kind, e.motion) for e in shot.entities][-1] == ("cat", "cat", Motion.RUN)
    talk = extend(board, "the dog says 'good ball'", 2.0).shots[-1]
    assert [(line.speaker, line.text) for line in talk.dialogue] == [("dog", "good ball")]
    # a thing of an earlier shot that the last shot lacks comes back under its own id
    two = Storyboard(shots=[
        Shot(duration=2.0, entities=[Entity(id="tom", kind="cat", label="cat"),
                                     Entity(id="rex", kind="dog")]),
        Shot(duration=2.0, entities=[Entity(id="rex", kind="dog")], continues=True)])
    back = extend(two, "the cat comes back and jumps", 2.0).shots[-1]
    assert [(e.id, e.motion) for e in back.entities] == [("rex", Motion.IDLE),
                                                         ("tom", Motion.JUMP)]


def test_what_happened_once_does_not_happen_again() -> None:
    board = direct("a red ball explodes next to a dog", seconds=3.0)
    shot = extend(board, "the dog runs away", 2.0).shots[-1]
    assert [e.id for e in shot.entities] == ["dog"]
    assert shot.entities[0].motion is Motion.RUN


def test_limits_and_nonsense_are_refused(board: Storyboard) -> None:
    with pytest.raises(ExtendError, match="may last 1 to"):
        extend(board, "the dog jumps", MAX_SECONDS)
    with pytest.raises(ExtendError, match="may last 1 to"):
        extend(board, "the dog jumps", 0.5)
    with pytest.raises(ExtendError, match="say what happens next"):
        extend(board, "xyzzy plugh", 2.0)
    with pytest.raises(ExtendError, match="say what happens next"):
        extend(board, "  ", 2.0)
    full = board.fit_to(MAX_SECONDS - 0.5)
    with pytest.raises(ExtendError, match="already lasts"):
        extend(full, "the dog jumps", 1.0)
    assert issubclass(ExtendError, ValueError)


def test_the_engine_starts_the_new_shot_where_the_last_one_ended() -> None:
    board = direct("a dog runs and a ball rolls in the park", seconds=2.0)
    longer = extend(board, "then it gets foggy", 1.0)
    sims = simulate_storyboard(longer, fps=24, seed=1)
    end = {e.uid: e for e in sims[-2].frames[-1].entities}
    start = {e.uid: e for e in sims[-1].frames[0].entities}
    assert set(end) == set(start) == {"dog", "ball"}
    for uid in end:
        # one frame of motion at most between the last frame and the next
        assert start[uid].x == pytest.approx(end[uid].x, abs=0.25)
    fresh = longer.model_copy(deep=True)
    fresh.shots[-1].continues = False
    restarted = simulate_storyboard(fresh, fps=24, seed=1)[-1].frames[0].entities
    assert max(abs(e.x - end[e.uid].x) for e in restarted) > 1.0  # laid out anew otherwise
