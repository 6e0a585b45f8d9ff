"""The feed service: rows behind a ranked page, with their creators, and only live ones."""

from __future__ import annotations

from feed_world import World
from sqlalchemy.orm import Session

from openreel.db.models import Like, VideoStatus
from openreel.services.feed import FeedReader


def test_a_page_skips_videos_removed_after_the_index_loaded(world: World, session: Session,
                                                            reader: FeedReader) -> None:
    viewer = world.user("vic", birth_year=1990)
    videos = [world.video(world.user(f"c{i}"), hours_ago=i) for i in range(6)]
    reader.index.max_age = 3600.0
    before = [e.video.id for e in reader.page(session, viewer.id, limit=6).entries]
    assert set(before) == {v.id for v in videos}
    videos[2].status = VideoStatus.DELETED
    session.commit()
    after = [e.video.id for e in reader.page(session, viewer.id, limit=6).entries]
    assert after == [i for i in before if i != videos[2].id]


def test_a_page_loads_its_creators_in_the_same_query(world: World, session: Session,
                                                     reader: FeedReader) -> None:
    viewer = world.user("vic", birth_year=1990)
    for i in range(8):
        world.video(world.user(f"c{i}"), hours_ago=i)
    reader.page(session, viewer.id, limit=8)  # the index and the viewer are loaded
    session.expunge_all()
    statements: list[str] = []
    # Every statement the driver runs, prepared ones included.
    session.connection().connection.driver_connection.set_trace_callback(statements.append)
    reader.kept.forget()  # rows read afresh, as in a process that never saw them
    page = reader.page(session, viewer.id, limit=8)
    handles = [e.video.owner_handle for e in page.entries]
    assert sorted(handles) == [f"c{i}" for i in range(8)]
    video_reads = [s for s in statements if "FROM videos" in s]
    assert len(video_reads) == 2, statements  # each video's state, then the rows with handles
    assert not [s for s in statements if s.lstrip().startswith("SELECT users.")], statements
    statements.clear()
    again = reader.page(session, viewer.id, limit=8)
    assert [e.video for e in again.entries] == [e.video for e in page.entries]
    assert len([s for s in statements if "FROM videos" in s]) == 1, "unchanged rows: kept"


def test_entries_say_which_videos_the_viewer_likes(world: World, session: Session,
                                                   reader: FeedReader) -> None:
    viewer = world.user("vic", birth_year=1990)
    other = world.user("olive")
    videos = [world.video(world.user(f"c{i}"), hours_ago=i) for i in range(5)]
    world.add(Like(user_id=viewer.id, video_id=videos[1].id),
              Like(user_id=viewer.id, video_id=videos[3].id),
              Like(user_id=other.id, video_id=videos[0].id))
    liked = {e.video.id: e.liked for e in reader.page(session, viewer.id, limit=5).entries}
    assert liked == {v.id: v in (videos[1], videos[3]) for v in videos}
    anonymous = reader.page(session, None, limit=5).entries
    assert len(anonymous) == 5 and not any(e.liked for e in anonymous)
