"""The feed says which videos the viewer saved, read with the page's state in one query."""

from __future__ import annotations

from feed_world import World
from sqlalchemy.orm import Session

from openreel.db.models import Like, SavedVideo
from openreel.services.feed import FeedReader


def test_entries_say_which_videos_the_viewer_saved(world: World, session: Session,
                                                   reader: FeedReader) -> None:
    viewer = world.user("vic", birth_year=1990)
    other = world.user("olive")
    videos = [world.video(world.user(f"c{i}"), hours_ago=i) for i in range(6)]
    world.add(SavedVideo(user_id=viewer.id, video_id=videos[0].id),
              SavedVideo(user_id=viewer.id, video_id=videos[4].id),
              Like(user_id=viewer.id, video_id=videos[4].id),
              SavedVideo(user_id=other.id, video_id=videos[2].id))
    reader.page(session, viewer.id, limit=6)  # the index and the viewer are loaded
    statements: list[str] = []
    session.connection().connection.driver_connection.set_trace_callback(statements.append)
    entries = reader.page(session, viewer.id, limit=6).entries
    flags = {e.video.id: (e.liked, e.saved) for e in entries}
    assert flags == {v.id: (v is videos[4], v in (videos[0], videos[4])) for v in videos}
    # one statement reads every video's saved flag, not one per video
    assert len([s for s in statements if "saved_videos" in s]) == 1, statements
    anonymous = reader.page(session, None, limit=6).entries
    assert len(anonymous) == 6 and not any(e.saved for e in anonymous)
