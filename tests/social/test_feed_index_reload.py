"""Reloading the feed index: counters and new videos read incrementally, in the background."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import numpy as np
from feed_world import NOW, World
from sqlalchemy import event, update
from sqlalchemy.orm import Session

from openreel.db.models import User, Video, VideoStatus
from openreel.services import engagement
from openreel.services.feed_index import FeedIndex, for_you
from openreel.social.feed import FeedPage


def ids(page: FeedPage) -> list[int]:
    return [item.video_id for item in page.items]


def reasons(page: FeedPage) -> list[list[tuple[str, str]]]:
    return [[(r.signal, r.text) for r in item.reasons] for item in page.items]


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_for_loads(index: FeedIndex, loads: int) -> None:
    deadline = time.monotonic() + 10
    while index.loads < loads:
        assert time.monotonic() < deadline, "the background reload did not finish"
        time.sleep(0.01)
    with index._refresh_lock:  # the reloading thread has let go
        pass


def test_incremental_reload_matches_a_full_rebuild(world: World, session: Session) -> None:
    viewer = world.user("vic", birth_year=1990)
    creators = [world.user(f"c{i}") for i in range(5)]
    videos = [world.video(creators[i % 5], hours_ago=i, topics=("nature", "space")[i % 2:],
                          likes=i % 4) for i in range(20)]
    index = FeedIndex(max_age=0.0)
    before = for_you(session, viewer.id, limit=20, now=NOW, index=index)
    assert index.loads == 1
    built = index._built_at
    # Counters move, a video goes, two arrive (one by a creator the table has not seen).
    session.execute(update(Video).where(Video.id == videos[15].id).values(like_count=900))
    videos[3].status = VideoStatus.DELETED
    session.commit()
    newcomer = world.user("newcomer")
    late = [world.video(newcomer, hours_ago=0.5, topics=("animals",), likes=40),
            world.video(creators[0], hours_ago=2, topics=("sports", "food"))]
    updated = for_you(session, viewer.id, limit=30, now=NOW, index=index)
    rebuilt = for_you(session, viewer.id, limit=30, now=NOW, index=FeedIndex(max_age=0.0))
    assert index.loads == 2 and index._built_at == built  # updated, not rebuilt
    assert ids(updated) == ids(rebuilt) != ids(before)
    assert reasons(updated) == reasons(rebuilt)
    assert videos[3].id not in ids(updated) and {v.id for v in late} <= set(ids(updated))
    assert ids(updated)[0] == videos[15].id
    assert "you follow" not in str(reasons(updated))
    table = index.table(session)
    assert table.handles[newcomer.id] == "newcomer"


def test_counter_only_reload_keeps_the_rest_of_the_table(world: World,
                                                         session: Session) -> None:
    owner = world.user("ada")
    videos = [world.video(owner, hours_ago=i, likes=i) for i in range(4)]
    index = FeedIndex(max_age=0.0)
    first = index.table(session)
    session.execute(update(Video).where(Video.id == videos[0].id).values(
        like_count=77, view_count=5, watch_seconds=20.0))
    session.commit()
    second = index.table(session)
    assert second is not first
    assert second.topic_slots is first.topic_slots and second.owner_ids is first.owner_ids
    row = int(second.rows_of([videos[0].id])[0])
    assert second.likes[row] == 77 and first.likes[row] == 0
    assert second.popularity["likes"][row] > first.popularity["likes"][row]
    assert np.isclose(second.watch_fraction[row], 20.0 / (5 * 10.0))


def test_an_aged_index_reloads_in_the_background(world: World, session: Session) -> None:
    viewer = world.user("vic", birth_year=1990)
    owner = world.user("ada")
    videos = [world.video(owner, hours_ago=i) for i in range(3)]
    clock = Clock()
    index = FeedIndex(max_age=5.0, clock=clock, background=True)
    first = index.table(session)
    assert index.loads == 1
    session.execute(update(Video).where(Video.id == videos[2].id).values(like_count=500))
    session.commit()
    clock.now += 6
    # The aged arrays answer at once; a thread reads the new counters meanwhile.
    assert index.table(session) is first
    wait_for_loads(index, 2)
    assert ids(for_you(session, viewer.id, limit=3, now=NOW, index=index))[0] == videos[2].id


def test_after_invalidate_the_next_request_waits_for_the_reload(world: World,
                                                                session: Session) -> None:
    viewer = world.user("vic", birth_year=1990)
    owner = world.user("ada")
    world.video(owner)
    clock = Clock()
    index = FeedIndex(max_age=5.0, clock=clock, background=True)
    index.table(session)
    late = world.video(owner, hours_ago=0.1, likes=50)
    index.invalidate()
    assert ids(for_you(session, viewer.id, limit=3, now=NOW, index=index))[0] == late.id
    assert index.loads == 2


def test_an_invalidation_during_a_reload_is_not_lost(world: World, session: Session) -> None:
    owner = world.user("ada")
    world.video(owner)
    index = FeedIndex(max_age=60.0)
    index.table(session)
    real_update = index._update

    def racing_update(session: Session, table: object) -> object:
        result = real_update(session, table)  # type: ignore[arg-type]
        index.invalidate()  # a publish lands after the read
        return result

    index.invalidate()
    index._update = racing_update  # type: ignore[method-assign,assignment]
    index.table(session)
    index._update = real_update  # type: ignore[method-assign]
    late = world.video(owner, hours_ago=0.1)
    assert late.id in index.table(session).video_ids


def test_a_failed_background_reload_is_retried_by_the_next_request(
        world: World, session: Session) -> None:
    owner = world.user("ada")
    world.video(owner)
    clock = Clock()
    index = FeedIndex(max_age=5.0, clock=clock, background=True)
    index.table(session)
    calls: list[int] = []

    def broken(session: Session, table: object) -> object:
        calls.append(1)
        raise RuntimeError("database went away")

    real_update = index._update
    index._update = broken  # type: ignore[method-assign,assignment]
    clock.now += 6
    index.table(session)
    deadline = time.monotonic() + 10
    while not calls or index._refresh_lock.locked():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    index._update = real_update  # type: ignore[method-assign]
    late = world.video(owner, hours_ago=0.1)
    assert late.id in index.table(session).video_ids  # reloaded in the request itself


def test_users_without_videos_are_not_needed(session: Session, world: World) -> None:
    world.user("nobody")
    index = FeedIndex(max_age=0.0)
    assert len(index.table(session)) == 0
    assert len(index.table(session)) == 0
    assert session.get(User, 1) is not None


def test_a_reload_that_finds_nothing_changed_keeps_the_table(world: World,
                                                             session: Session) -> None:
    viewer = world.user("vic", birth_year=1990)
    creator = world.user("cy")
    videos = [world.video(creator, hours_ago=i, likes=i) for i in range(4)]
    index = FeedIndex(max_age=0.0)
    for_you(session, viewer.id, limit=4, now=NOW, index=index)
    table, loads = index.table(session), index.loads
    assert index.table(session) is table, "same counters: same table, first pages stay"
    assert index.loads == loads + 1, "the index did read the counters again"
    session.execute(update(Video).where(Video.id == videos[0].id).values(view_count=7))
    session.commit()
    moved = index.table(session)
    assert moved is not table and moved.views[moved.rows_of([videos[0].id])[0]] == 7


def test_likes_and_views_through_the_services_reach_the_next_reload(
        world: World, session: Session) -> None:
    viewer = world.user("vic", birth_year=1990)
    creator = world.user("cy")
    video = world.video(creator, likes=3, views=2)
    index = FeedIndex(max_age=0.0)
    first = index.table(session)
    engagement.like(session, viewer, video.id)
    engagement.record_view(session, viewer, video.id, 4.0)
    session.commit()
    table = index.table(session)
    row = int(table.rows_of([video.id])[0])
    assert (table.likes[row], table.views[row], table.watch_seconds[row]) == (4, 3, 4.0)
    assert first.likes[row] == 3


def test_a_draft_changing_leaves_the_table_as_it_was(world: World, session: Session) -> None:
    creator = world.user("cy")
    world.video(creator)
    draft = world.video(creator, status=VideoStatus.DRAFT)
    index = FeedIndex(max_age=0.0)
    table = index.table(session)
    draft.caption = "still working on it"
    session.commit()
    assert index.table(session) is table
    assert draft.id not in table.video_ids


def test_a_change_stamped_just_before_the_last_read_is_still_seen(
        world: World, session: Session) -> None:
    creator = world.user("cy")
    video = world.video(creator)
    index = FeedIndex(max_age=0.0)
    index.table(session)
    # Committed after the last read although stamped before it (a slow transaction).
    stamped = index._read_at - timedelta(seconds=10)
    session.execute(update(Video).where(Video.id == video.id).values(
        like_count=42, changed_at=stamped))
    session.commit()
    table = index.table(session)
    assert table.likes[table.rows_of([video.id])[0]] == 42


def test_a_reload_reads_only_the_rows_changed_since_the_last(world: World,
                                                             session: Session) -> None:
    creator = world.user("cy")
    videos = [world.video(creator, hours_ago=i) for i in range(30)]
    index = FeedIndex(max_age=0.0)
    index.table(session)
    session.execute(update(Video).values(changed_at=datetime.now(UTC) - timedelta(hours=1)))
    session.execute(update(Video).where(Video.id == videos[4].id).values(like_count=9))
    session.commit()
    statements: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: object,
             context: object, executemany: bool) -> None:
        if "changed_at" in statement:
            statements.append((statement, parameters))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", keep)
    try:
        table = index.table(session)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert table.likes[table.rows_of([videos[4].id])[0]] == 9
    [(statement, parameters)] = statements
    read = session.connection().exec_driver_sql(statement, parameters).all()  # type: ignore[arg-type]
    assert [row[0] for row in read] == [videos[4].id]
