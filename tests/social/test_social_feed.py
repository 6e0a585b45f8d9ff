"""The feeds on a real migrated database: signals, exclusions, paging, Following."""

from __future__ import annotations

import pytest
from feed_world import NOW, World
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import (
    FeedPreference,
    Follow,
    HiddenTopic,
    NotInterested,
    User,
    Video,
    VideoStatus,
    VideoView,
)
from openreel.services.feed import FeedReader, mark_feed_changed
from openreel.services.feed_index import FeedIndex, following, for_you
from openreel.social.feed import BadCursor, FeedPage, is_minor


def fresh() -> FeedIndex:
    """An index that reloads on every call, so each test sees its own writes at once."""
    return FeedIndex(max_age=0.0)


def ids(page: FeedPage) -> list[int]:
    return [item.video_id for item in page.items]


def texts(page: FeedPage, video_id: int) -> list[str]:
    item = next(i for i in page.items if i.video_id == video_id)
    return [reason.text for reason in item.reasons]


@pytest.fixture
def viewer(world: World) -> User:
    return world.user("vic", birth_year=1990)


@pytest.fixture
def videos(world: World) -> list[Video]:
    """Eight alike videos by eight creators; ties rank the newest id first."""
    return [world.video(world.user(f"c{i}")) for i in range(8)]


def top(session: Session, viewer: User) -> list[int]:
    return ids(for_you(session, viewer.id, limit=20, now=NOW, index=fresh()))


def test_alike_videos_come_newest_id_first(session: Session, viewer: User,
                                          videos: list[Video]) -> None:
    assert top(session, viewer) == [v.id for v in reversed(videos)]


@pytest.mark.parametrize(("column", "signal", "text"), [
    ("like_count", "likes", "popular: 12 likes"),
    ("comment_count", "comments", "people are talking: 12 comments"),
    ("remix_count", "remixes", "remixed 12 times"),
])
def test_engagement_lifts_a_video_and_is_named(session: Session, viewer: User,
                                              videos: list[Video], column: str, signal: str,
                                              text: str) -> None:
    setattr(videos[0], column, 12)
    session.commit()
    page = for_you(session, viewer.id, limit=20, now=NOW, index=fresh())
    assert ids(page)[0] == videos[0].id
    assert signal in [reason.signal for reason in page.items[0].reasons]
    assert text in texts(page, videos[0].id)


def test_following_a_creator_lifts_their_video(world: World, session: Session, viewer: User,
                                               videos: list[Video]) -> None:
    world.add(Follow(follower_id=viewer.id, followee_id=videos[0].owner_id))
    page = for_you(session, viewer.id, limit=20, now=NOW, index=fresh())
    assert ids(page)[0] == videos[0].id
    assert texts(page, videos[0].id)[0] == "you follow @c0"


def test_a_preferred_topic_lifts_and_a_disliked_one_sinks(world: World, session: Session,
                                                         viewer: User,
                                                         videos: list[Video]) -> None:
    videos[0].topics = ["animals", "pets"]
    videos[7].topics = ["sports"]
    session.commit()
    world.add(FeedPreference(user_id=viewer.id, topic="animals", weight=1.0),
              FeedPreference(user_id=viewer.id, topic="sports", weight=-0.5))
    page = for_you(session, viewer.id, limit=20, now=NOW, index=fresh())
    assert ids(page)[0] == videos[0].id
    assert ids(page)[-1] == videos[7].id
    assert "matches your interest in animals" in texts(page, videos[0].id)
    assert "you asked for less sports" in texts(page, videos[7].id)


def test_show_me_less_removes_a_video_and_sinks_its_topic(world: World, session: Session,
                                                         viewer: User,
                                                         videos: list[Video]) -> None:
    videos[7].topics = ["sports"]
    videos[6].topics = ["sports"]
    session.commit()
    world.add(NotInterested(user_id=viewer.id, video_id=videos[7].id))
    feed = top(session, viewer)
    assert videos[7].id not in feed
    assert feed[-1] == videos[6].id


def test_a_hidden_topic_vanishes(world: World, session: Session, viewer: User,
                                 videos: list[Video]) -> None:
    videos[3].topics = ["nature", "weather"]
    session.commit()
    world.add(HiddenTopic(user_id=viewer.id, topic="weather"))
    feed = top(session, viewer)
    assert videos[3].id not in feed and len(feed) == 7


def test_a_watched_video_falls_and_says_so(world: World, session: Session, viewer: User,
                                          videos: list[Video]) -> None:
    world.add(VideoView(user_id=viewer.id, video_id=videos[7].id, views=1, watch_seconds=10))
    page = for_you(session, viewer.id, limit=20, now=NOW, index=fresh())
    assert ids(page)[-1] == videos[7].id
    assert "you have watched it" in texts(page, videos[7].id)


def test_own_drafts_and_deleted_videos_are_not_in_for_you(world: World, session: Session,
                                                          viewer: User,
                                                          videos: list[Video]) -> None:
    own = world.video(viewer, likes=100)
    draft = world.video(videos[0].owner, status=VideoStatus.DRAFT, likes=100)
    deleted = world.video(videos[0].owner, status=VideoStatus.DELETED, likes=100)
    feed = top(session, viewer)
    assert not {own.id, draft.id, deleted.id} & set(feed)
    assert own.id in ids(for_you(session, None, limit=20, now=NOW, index=fresh()))


def test_signed_out_feed_is_popular_and_new(world: World, session: Session) -> None:
    ada = world.user("ada")
    old_hit = world.video(ada, hours_ago=24 * 30, likes=500)
    fresh_hit = world.video(ada, hours_ago=1, likes=40)
    new = world.video(world.user("bo"), hours_ago=0.5)
    stale = world.video(world.user("cy"), hours_ago=24 * 30)
    page = for_you(session, None, limit=10, now=NOW, index=fresh())
    assert ids(page)[0] == fresh_hit.id
    assert ids(page)[-1] == stale.id
    assert ids(page).index(new.id) < ids(page).index(stale.id)
    assert "popular: 500 likes" in texts(page, old_hit.id)
    assert "new: 30 minutes ago" in texts(page, new.id)


def test_mature_topics_never_reach_minors_or_signed_out(world: World, session: Session) -> None:
    teen = world.user("teen", birth_year=NOW.year - 15)
    adult = world.user("adult", birth_year=NOW.year - 30)
    maker = world.user("maker")
    fight = world.video(maker, topics=["action"], likes=90)
    calm = world.video(maker, topics=["nature"])
    mature = frozenset({"action"})

    def feed(viewer_id: int | None) -> list[int]:
        return ids(for_you(session, viewer_id, limit=10, now=NOW, index=fresh(),
                           mature_topics=mature))

    assert feed(teen.id) == [calm.id]
    assert feed(None) == [calm.id]
    assert feed(adult.id) == [fight.id, calm.id]
    world.add(Follow(follower_id=teen.id, followee_id=maker.id))
    assert ids(following(session, teen.id, now=NOW, index=fresh(),
                         mature_topics=mature)) == [calm.id]


def test_minor_means_possibly_under_eighteen() -> None:
    assert is_minor(2010, 2026)
    assert is_minor(2008, 2026)  # may not have had the 18th birthday yet
    assert not is_minor(2007, 2026)
    assert not is_minor(None, 2026)


def walk(session: Session, viewer_id: int | None, limit: int,
         index_for_page: FeedIndex | None = None) -> list[list[int]]:
    """Every page of For you, following cursors to the end."""
    pages: list[list[int]] = []
    cursor = None
    index = fresh()
    while True:
        page = for_you(session, viewer_id, limit=limit, cursor=cursor, now=NOW,
                       index=index_for_page or index)
        pages.append(ids(page))
        cursor = page.next_cursor
        if cursor is None:
            return pages
        assert len(pages) < 100


@pytest.fixture
def crowd(world: World) -> list[Video]:
    """Thirty videos by six creators with mixed ages and likes."""
    creators = [world.user(f"m{i}") for i in range(6)]
    return [world.video(creators[i % 6 if i % 4 else 0], hours_ago=(i * 7) % 50,
                        likes=(i * 13) % 20) for i in range(30)]


def test_paging_has_no_duplicates_or_gaps(session: Session, viewer: User,
                                          crowd: list[Video]) -> None:
    whole = top(session, viewer) + ids(for_you(session, viewer.id, limit=50, now=NOW,
                                                index=fresh()))[20:]
    for limit in (1, 4, 7):
        pages = walk(session, viewer.id, limit)
        flat = [i for page in pages for i in page]
        assert flat == whole
        assert sorted(flat) == sorted(v.id for v in crowd)
        assert all(len(page) == limit for page in pages[:-1])


def test_paging_holds_while_scores_move(session: Session, viewer: User,
                                        crowd: list[Video]) -> None:
    index = fresh()
    seen: list[int] = []
    page = for_you(session, viewer.id, limit=5, now=NOW, index=index)
    while True:
        seen += ids(page)
        # A video not shown yet goes viral: ranked afresh it would jump onto a page
        # already seen and never be shown.
        unseen = [v for v in crowd if v.id not in seen]
        if unseen:
            unseen[0].like_count += 1000
            session.commit()
        if page.next_cursor is None:
            break
        page = for_you(session, viewer.id, limit=5, cursor=page.next_cursor, now=NOW,
                       index=index)
    assert sorted(seen) == sorted(v.id for v in crowd)


def test_another_process_continues_the_same_order(session: Session, viewer: User,
                                                  crowd: list[Video]) -> None:
    here = walk(session, viewer.id, 4)
    elsewhere = walk(session, viewer.id, 4, index_for_page=fresh())
    assert here == elsewhere
    first = for_you(session, viewer.id, limit=4, now=NOW, index=fresh())
    other = for_you(session, viewer.id, limit=4, cursor=first.next_cursor, now=NOW,
                    index=fresh())  # a process that never saw the first page
    assert ids(other) == here[1]


def test_signed_out_paging_walks_everything(session: Session, crowd: list[Video]) -> None:
    flat = [i for page in walk(session, None, 6) for i in page]
    assert sorted(flat) == sorted(v.id for v in crowd)


def test_a_cursor_of_another_viewer_serves_only_your_own_order(world: World, session: Session,
                                                                viewer: User,
                                                                crowd: list[Video]) -> None:
    other = world.user("olive")
    world.add(NotInterested(user_id=other.id, video_id=crowd[0].id),
              Follow(follower_id=other.id, followee_id=crowd[1].owner_id))
    index = fresh()
    theirs = for_you(session, other.id, limit=4, now=NOW, index=index)
    mine = for_you(session, viewer.id, limit=30, cursor=theirs.next_cursor, now=NOW,
                   index=index)
    assert ids(mine) == top(session, viewer)[4:] + ids(
        for_you(session, viewer.id, limit=30, now=NOW, index=fresh()))[20:]


def test_bad_cursors_are_refused(session: Session, viewer: User, crowd: list[Video]) -> None:
    for cursor in ("nonsense!", "Zm9vLmJhcg", ""):
        with pytest.raises(BadCursor):
            for_you(session, viewer.id, cursor=cursor, index=fresh())
    world_page = following(session, viewer.id, index=fresh())
    assert world_page.next_cursor is None
    page = for_you(session, viewer.id, limit=2, now=NOW, index=fresh())
    with pytest.raises(BadCursor):
        following(session, viewer.id, cursor=page.next_cursor, index=fresh())


def test_a_video_removed_after_loading_never_shows(session: Session, viewer: User,
                                                   videos: list[Video]) -> None:
    index = FeedIndex(max_age=3600.0)
    assert videos[7].id in ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    videos[7].status = VideoStatus.DELETED
    session.commit()
    assert videos[7].id not in ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))


def test_invalidate_reloads_the_reader_index(world: World, session: Session, viewer: User,
                                             videos: list[Video]) -> None:
    reader = FeedReader(FeedIndex(max_age=3600.0, background=True))
    index = reader.index
    before = ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    late = world.video(videos[0].owner, likes=50)
    assert late.id not in ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    reader.invalidate()
    after = ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    assert after[0] == late.id and after[1:] == before
    assert reader.index is index


def test_a_commit_that_changes_the_feed_invalidates_it(
        world: World, sessions: sessionmaker[Session], session: Session, viewer: User,
        videos: list[Video]) -> None:
    reader = FeedReader(FeedIndex(max_age=3600.0))
    reader.invalidate_on_commit(sessions)
    index = reader.index
    before = ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    late = world.video(videos[0].owner, likes=50)  # committed, but said nothing of the feed
    assert late.id not in ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    with sessions() as publishing:
        mark_feed_changed(publishing)
        assert late.id not in ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
        publishing.commit()
    after = ids(for_you(session, viewer.id, limit=20, now=NOW, index=index))
    assert after[0] == late.id and after[1:] == before


def test_following_has_only_followed_creators_newest_first(world: World, session: Session,
                                                           viewer: User) -> None:
    ada, bo, cy = world.user("ada"), world.user("bo"), world.user("cy")
    world.add(Follow(follower_id=viewer.id, followee_id=ada.id),
              Follow(follower_id=viewer.id, followee_id=bo.id))
    made = [world.video((ada, bo, cy)[i % 3], hours_ago=i, likes=50 * (i % 2))
            for i in range(15)]
    world.add(NotInterested(user_id=viewer.id, video_id=made[4].id))
    expected = [v.id for v in made if v.owner_id != cy.id and v.id != made[4].id]
    got: list[int] = []
    cursor = None
    while True:
        page = following(session, viewer.id, limit=3, cursor=cursor, now=NOW, index=fresh())
        got += ids(page)
        for item in page.items:
            owner = session.get(Video, item.video_id).owner  # type: ignore[union-attr]
            assert f"you follow @{owner.handle}" in [r.text for r in item.reasons]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert got == expected  # made in order of age, so newest first is creation order


def test_following_nobody_is_an_empty_feed(session: Session, viewer: User,
                                           videos: list[Video]) -> None:
    page = following(session, viewer.id, now=NOW, index=fresh())
    assert page.items == [] and page.next_cursor is None
