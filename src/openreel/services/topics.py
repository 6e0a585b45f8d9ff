"""Feed topics of a video, read from its storyboard."""

from __future__ import annotations

from openreel.social.topics import topics_for
from openreel.spec import Storyboard


def storyboard_topics(board: Storyboard) -> list[str]:
    """The topics a feed should file this storyboard under."""
    kinds = [entity.kind for shot in board.shots for entity in shot.entities]
    places = {board.environment_of(shot).place for shot in board.shots}
    topics: list[str] = []
    for place in sorted(places):
        for topic in topics_for(kinds, place, board.style.value, board.mood.value, board.prompt):
            if topic not in topics:
                topics.append(topic)
    return topics
