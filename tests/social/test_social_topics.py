"""Every catalog name files a video under real feed topics."""

from __future__ import annotations

from openreel.social.topics import (
    KIND_TOPICS,
    MOOD_TOPICS,
    PLACE_TOPICS,
    STYLE_LABELS,
    STYLE_TOPICS,
    TOPICS,
    subject_label,
    topics_for,
)
from openreel.spec import KINDS, PLACES, Mood, Style


def test_vocabulary_is_plain_unique_words() -> None:
    assert 20 <= len(TOPICS) <= 32
    assert len(set(TOPICS)) == len(TOPICS)
    assert all(topic.isalpha() and topic.islower() for topic in TOPICS)


def test_every_catalog_kind_maps_to_a_topic_and_its_own_label() -> None:
    for kind in KINDS:
        topics = topics_for([kind], None, None, None)
        assert topics[-1] == subject_label(kind), kind
        assert set(topics[:-1] or topics) <= set(TOPICS), kind  # "food" is both


def test_every_catalog_place_style_and_mood_is_known() -> None:
    for place in PLACES:
        assert topics_for([], place, None, None), place
    assert set(PLACE_TOPICS) == set(PLACES)
    assert set(STYLE_TOPICS) == {style.value for style in Style}
    assert set(MOOD_TOPICS) == {mood.value for mood in Mood}
    for table in (KIND_TOPICS, PLACE_TOPICS, MOOD_TOPICS):
        for topics in table.values():
            assert set(topics) <= set(TOPICS)
    for topics in STYLE_TOPICS.values():
        assert set(topics) <= set(TOPICS) | set(STYLE_LABELS)
        assert set(topics) & set(TOPICS)  # every look also has a broad topic


def test_topics_come_from_kinds_place_words_mood_and_style_in_that_order() -> None:
    topics = topics_for(["dog", "car"], "city_street", "anime", "playful",
                        "a funny dog chases a car in the rain")
    assert topics == ["pets", "animals", "vehicles", "city", "comedy", "action", "weather",
                      "anime", "dog", "car"]
    assert topics_for(["palm_tree"], None, "noir", None) == [
        "nature", "ocean", "noir", "cinematic", "mystery", "palm tree"]


def test_examples_of_what_a_viewer_would_expect() -> None:
    assert topics_for(["astronaut", "rocket"], "moon", "cinematic", "epic")[:2] == [
        "space", "scifi"]
    assert "ocean" in topics_for(["shark"], "underwater", None, None)
    assert "food" in topics_for(["chef"], "kitchen", None, None)
    assert "sports" in topics_for(["football"], "stadium", None, None)
    assert "fantasy" in topics_for(["dragon", "castle"], None, None, None)
    assert "relaxing" in topics_for([], None, None, "calm")


def test_unknown_names_are_ignored_and_nothing_repeats() -> None:
    assert topics_for(["gryphon"], "atlantis", "claymation", "grumpy", "xyzzy") == []
    topics = topics_for(["cat", "dog", "cat"], None, None, None, "cats and dogs")
    assert topics == ["pets", "animals", "cat", "dog"]
