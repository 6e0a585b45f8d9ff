"""Steering sentences read with the real MiniLM encoder, and stored as preferences."""

from __future__ import annotations

import pytest
from feed_world import World
from sqlalchemy import select
from sqlalchemy.orm import Session

from openreel.db.models import FeedPreference, HiddenTopic
from openreel.director.nearest import embed
from openreel.social.steering import Direction, Steering, apply_steering, steer


@pytest.mark.parametrize(("sentence", "weights", "hidden"), [
    ("more animals, less sports", {"animals": 0.5, "sports": -0.5}, ()),
    ("no cars please", {"vehicles": -1.0}, ("vehicles",)),
    ("show me more space stuff and fewer cats", {"space": 0.5, "pets": -0.5}, ()),
    ("a lot more cooking videos", {"food": 1.0}, ()),
    ("never show me horror", {"mystery": -1.0}, ("mystery",)),
    ("I don't like football", {"sports": -0.5}, ()),
    ("more funny videos but less robots", {"comedy": 0.5, "scifi": -0.5}, ()),
    ("more kittens and puppies", {"pets": 0.5}, ()),
    ("less anime, more watercolor", {"anime": -0.5, "art": 0.5}, ()),
    ("fewer giraffes", {"wildlife": -0.5}, ()),
    ("I love science fiction", {"scifi": 0.5}, ()),
])
def test_sentences_map_to_the_expected_topics(sentence: str, weights: dict[str, float],
                                              hidden: tuple[str, ...]) -> None:
    steering = steer(sentence, embed)
    assert steering.weights == weights
    assert steering.hidden == hidden
    assert steering.not_understood == ()


@pytest.mark.parametrize("sentence", [
    "more quantum taxes", "less blah xyzzq", "more politics", "more spreadsheets",
    "fewer lawyers", "more mortgage refinancing",
])
def test_unrelated_words_map_to_nothing_and_are_reported(sentence: str) -> None:
    steering = steer(sentence, embed)
    assert steering.weights == {}
    assert steering.hidden == ()
    assert steering.not_understood == tuple(sentence.split()[1:])


def test_clauses_keep_their_direction_and_understood_words_still_count() -> None:
    steering = steer("more dragons and tax returns, no more rain", embed)
    assert [(c.direction, c.topics) for c in steering.clauses] == [
        (Direction.MORE, ("fantasy",)), (Direction.MORE, ()), (Direction.NEVER, ("weather",))]
    assert steering.weights == {"fantasy": 0.5, "weather": -1.0}
    assert set(steering.not_understood) == {"tax", "returns"}


def test_a_sentence_of_filler_changes_nothing() -> None:
    steering = steer("please show me more stuff", embed)
    assert steering.weights == {} and steering.not_understood == ()


def preferences(session: Session, user_id: int) -> dict[str, float]:
    rows = session.scalars(select(FeedPreference).where(FeedPreference.user_id == user_id))
    return {row.topic: row.weight for row in rows}


def hidden(session: Session, user_id: int) -> set[str]:
    return set(session.scalars(select(HiddenTopic.topic).where(HiddenTopic.user_id == user_id)))


def test_apply_merges_clamps_hides_and_unhides(world: World, session: Session) -> None:
    ada = world.user("ada")
    world.add(FeedPreference(user_id=ada.id, topic="animals", weight=0.75))
    apply_steering(session, ada.id, Steering({"animals": 0.5, "sports": -0.5}, (), (), ()))
    session.commit()
    assert preferences(session, ada.id) == {"animals": 1.0, "sports": -0.5}
    apply_steering(session, ada.id, Steering({"vehicles": -1.0}, ("vehicles",), (), ()))
    apply_steering(session, ada.id, Steering({"sports": -1.0}, (), (), ()))
    session.commit()
    assert preferences(session, ada.id) == {"animals": 1.0, "sports": -1.0, "vehicles": -1.0}
    assert hidden(session, ada.id) == {"vehicles"}
    apply_steering(session, ada.id, Steering({"vehicles": 0.5}, (), (), ()))
    session.commit()
    assert preferences(session, ada.id)["vehicles"] == -0.5
    assert hidden(session, ada.id) == set()


def test_a_steered_sentence_lands_in_the_rows(world: World, session: Session) -> None:
    bo = world.user("bo")
    apply_steering(session, bo.id, steer("more animals, never sports", embed))
    session.commit()
    assert preferences(session, bo.id) == {"animals": 0.5, "sports": -1.0}
    assert hidden(session, bo.id) == {"sports"}
