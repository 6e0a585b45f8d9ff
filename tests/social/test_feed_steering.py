"""Steering sentences read with the real MiniLM encoder, and stored as preferences."""

from __future__ import annotations

import pytest
from feed_world import World
from sqlalchemy import select
from sqlalchemy.orm import Session

from openreel.db.models import FeedPreference, FineTopic, HiddenTopic
from openreel.director.nearest import embed
from openreel.services.feed import apply_steering
from openreel.social.steering import Direction, Steering, steer


@pytest.mark.parametrize(("sentence", "weights", "hidden"), [
    ("more animals, less sports", {"animals": 0.5, "sports": -0.5}, ()),
    ("no cars please", {"car": -1.0}, ("car",)),
    ("no vehicles please", {"vehicles": -1.0}, ("vehicles",)),
    ("show me more space stuff and fewer cats", {"space": 0.5, "cat": -0.5}, ()),
    ("a lot more cooking videos", {"food": 1.0}, ()),
    ("never show me horror", {"mystery": -1.0}, ("mystery",)),
    ("I don't like football", {"sports": -0.5}, ()),
    ("more funny videos but less robots", {"comedy": 0.5, "scifi": -0.5}, ()),
    ("more kittens and puppies", {"cat": 0.5, "dog": 0.5}, ()),
    ("less anime, more watercolor", {"anime": -0.5, "watercolor": 0.5}, ()),
    ("fewer giraffes", {"giraffe": -0.5}, ()),
    ("I love science fiction", {"scifi": 0.5}, ()),
    # looks are labels of their own
    ("less noir", {"noir": -0.5}, ()),
    ("fewer black and white films", {"noir": -0.5}, ()),
    ("no pixel art please", {"pixel art": -1.0}, ("pixel art",)),
    ("more realistic stuff", {"photoreal": 0.5}, ()),
    # a new cue starts a new clause, with or without a comma
    ("more soccer less horror", {"sports": 0.5, "mystery": -0.5}, ()),
    ("more noir less anime", {"noir": 0.5, "anime": -0.5}, ()),
    # weariness is "less"
    ("I'm tired of cars", {"car": -0.5}, ()),
    ("enough with the dancing", {"dance": -0.5}, ()),
    ("only dogs", {"dog": 1.0}, ()),
])
def test_sentences_map_to_the_expected_topics(sentence: str, weights: dict[str, float],
                                              hidden: tuple[str, ...]) -> None:
    steering = steer(sentence, embed)
    assert steering.weights == weights
    assert steering.hidden == hidden
    assert steering.not_understood == ()


@pytest.mark.parametrize("sentence", [
    "more quantum taxes", "less blah xyzzq", "more politics", "more spreadsheets",
    "fewer lawyers", "more mortgage refinancing", "no spiders", "less gloomy", "more glitter",
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


def test_a_thing_said_to_be_fine_is_allowed_while_its_neighbour_is_hidden() -> None:
    steering = steer("no cats but dogs are fine", embed)
    assert steering.hidden == ("cat",)
    assert steering.weights == {"cat": -1.0}
    assert steering.allowed == ("dog",)
    assert [c.direction for c in steering.clauses] == [Direction.NEVER, Direction.FINE]


def test_a_finer_thing_without_a_label_of_its_own_is_not_understood_as_an_exception() -> None:
    # tennis files under sports: "tennis is fine" cannot be kept apart from the sports
    steering = steer("no sports but tennis is fine", embed)
    assert steering.hidden == ("sports",) and steering.allowed == ()
    assert steering.not_understood == ("tennis",)
    # the same words again: the last one counts
    steering = steer("no dogs, dogs are fine", embed)
    assert steering.hidden == () and steering.allowed == ("dog",)
    assert steering.not_understood == ()


def test_a_loose_association_is_not_guessed_at() -> None:
    # "spiders" is nearest to "creatures" (animals) but far from it: hiding every animal
    # for it would hide far more than was asked.
    steering = steer("no more spiders, fewer sharks", embed)
    assert steering.hidden == ()
    assert steering.weights == {"shark": -0.5}
    assert steering.not_understood == ("spiders",)


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


def test_saying_a_hidden_thing_is_fine_shows_it_again(world: World, session: Session) -> None:
    cy = world.user("cy")
    apply_steering(session, cy.id, steer("no cats, no dogs, less sports", embed))
    session.commit()
    assert hidden(session, cy.id) == {"cat", "dog"}
    apply_steering(session, cy.id, steer("dogs are fine, sports are ok", embed))
    session.commit()
    assert hidden(session, cy.id) == {"cat"}
    assert preferences(session, cy.id) == {"cat": -1.0}


def fine(session: Session, user_id: int) -> set[str]:
    return set(session.scalars(select(FineTopic.topic).where(FineTopic.user_id == user_id)))


def test_a_label_said_to_be_fine_is_kept_until_taken_back(world: World, session: Session) -> None:
    di = world.user("di")
    apply_steering(session, di.id, steer("no pets but dogs are fine", embed))
    session.commit()
    assert hidden(session, di.id) == {"pets"} and fine(session, di.id) == {"dog"}
    apply_steering(session, di.id, steer("more cooking", embed))  # other steering keeps it
    session.commit()
    assert fine(session, di.id) == {"dog"}
    apply_steering(session, di.id, steer("no dogs either", embed))
    session.commit()
    assert hidden(session, di.id) == {"pets", "dog"} and fine(session, di.id) == set()


def test_no_cats_hides_the_cat_videos_and_keeps_the_dogs_and_noir_goes_by_its_look() -> None:
    from openreel.social.ranking import CandidateTable, ViewerSignals, rank
    from openreel.social.topics import topics_for

    labels = [topics_for(["cat"], "living_room", "animated", None),
              topics_for(["dog"], "park", "animated", None),
              topics_for(["dog", "cat"], "park", "animated", None),
              topics_for(["car"], "city_street", "noir", None),
              topics_for(["car"], "city_street", "cinematic", None)]
    now = 1_800_000_000.0
    table = CandidateTable(
        video_ids=[1, 2, 3, 4, 5], owner_ids=[11, 12, 13, 14, 15], published_at=[now] * 5,
        likes=[0] * 5, comments=[0] * 5, remixes=[0] * 5, views=[0] * 5,
        watch_seconds=[0] * 5, seconds=[10] * 5, topics=labels)

    def shown(sentence: str) -> list[int]:
        steering = steer(sentence, embed)
        viewer = ViewerSignals(viewer_id=99, hidden_topics=frozenset(steering.hidden),
                               preferences=steering.weights,
                               fine_topics=frozenset(steering.allowed))
        return [item.video_id for item in rank(table, viewer, now=now, limit=5)]

    assert sorted(shown("no cats but dogs are fine")) == [2, 4, 5]
    # a broad topic hidden, a narrower label excepted: dog videos stay, the cat goes
    assert sorted(shown("no pets")) == [4, 5]
    assert sorted(shown("no pets but dogs are fine")) == [2, 3, 4, 5]
    assert sorted(shown("no animals, dogs are ok")) == [2, 3, 4, 5]
    # "less" of the broad topic does not push the excepted label down
    assert shown("less animals but dogs are fine")[-1] == 1
    assert set(shown("less animals")[-3:]) == {1, 2, 3}
    # a minor's blocked topics are never excepted
    minor = ViewerSignals(viewer_id=99, blocked_topics=frozenset({"pets"}),
                          fine_topics=frozenset({"dog"}))
    assert sorted(i.video_id for i in rank(table, minor, now=now, limit=5)) == [4, 5]
    assert sorted(shown("no noir")) == [1, 2, 3, 5]
    assert shown("less noir")[-1] == 4
