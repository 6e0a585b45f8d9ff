"""Saves as rows: one per user and video, gone with either, listed only while visible."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from openreel.db.migrate import upgrade
from openreel.db.models import SavedVideo, User, Video, VideoStatus
from openreel.db.session import make_engine, make_sessionmaker
from openreel.services import saved
from openreel.services.errors import InvalidInput, NotFound

WHEN = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """A session on a freshly migrated database file."""
    url = f"sqlite:///{tmp_path / 'saved.db'}"
    upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


def _user(session: Session, handle: str) -> User:
    user = User(handle=handle, email=f"{handle}@example.org", password_hash="x")
    session.add(user)
    session.commit()
    return user


def _video(session: Session, owner: User, status: VideoStatus = VideoStatus.PUBLISHED) -> Video:
    video = Video(owner_id=owner.id, status=status, prompt="a red ball bounces",
                  engine="procedural", seed=1, seconds=2.0, size="720x1280",
                  published_at=WHEN if status == VideoStatus.PUBLISHED else None)
    session.add(video)
    session.commit()
    return video


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SavedVideo)) or 0


def test_saving_twice_keeps_one_row_and_unsaving_removes_it(session: Session) -> None:
    ada, ben = _user(session, "ada"), _user(session, "ben")
    video = _video(session, ada)
    for _ in range(2):
        assert saved.save(session, ben, video.id) is video
        session.commit()
    assert _count(session) == 1
    assert saved.saved_ids(session, ben, [video.id]) == {video.id}
    assert saved.saved_ids(session, ada, [video.id]) == set()
    assert saved.saved_ids(session, None, [video.id]) == set()
    for _ in range(2):
        saved.unsave(session, ben, video.id)
        session.commit()
    assert _count(session) == 0


def test_the_database_refuses_a_second_save_of_the_same_video(session: Session) -> None:
    ada = _user(session, "ada")
    video = _video(session, ada)
    session.add(SavedVideo(user_id=ada.id, video_id=video.id))
    session.commit()
    session.add(SavedVideo(user_id=ada.id, video_id=video.id))
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_save_goes_with_its_user_or_its_video_row(session: Session) -> None:
    ada, ben = _user(session, "ada"), _user(session, "ben")
    first, second = _video(session, ada), _video(session, ada)
    for user in (ada, ben):
        saved.save(session, user, first.id)
    saved.save(session, ada, second.id)
    session.commit()
    session.delete(ben)
    session.commit()
    assert session.scalars(select(SavedVideo.user_id)).all() == [ada.id, ada.id]
    session.delete(second)
    session.commit()
    assert session.scalars(select(SavedVideo.video_id)).all() == [first.id]


def test_only_videos_the_user_may_see_are_saved_or_listed(session: Session) -> None:
    ada, ben = _user(session, "ada"), _user(session, "ben")
    draft, public = _video(session, ada, VideoStatus.DRAFT), _video(session, ada)
    with pytest.raises(NotFound):
        saved.save(session, ben, draft.id)
    saved.save(session, ada, draft.id)  # your own draft is yours to see
    saved.save(session, ben, public.id)
    # a save of a video the saver cannot see (rows written by hand) is not shown
    session.add(SavedVideo(user_id=ben.id, video_id=draft.id))
    session.commit()
    assert [v.id for v in saved.saved_videos(session, ada).videos] == [draft.id]
    assert [v.id for v in saved.saved_videos(session, ben).videos] == [public.id]
    public.status = VideoStatus.DELETED
    session.commit()
    assert saved.saved_videos(session, ben).videos == []
    with pytest.raises(NotFound):
        saved.save(session, ben, public.id)


def test_pages_follow_each_other_without_gaps_or_repeats(session: Session) -> None:
    ada = _user(session, "ada")
    videos = [_video(session, ada) for _ in range(5)]
    # saves made in the same microsecond are ordered by their row
    session.add_all([SavedVideo(user_id=ada.id, video_id=v.id, created_at=WHEN)
                     for v in videos[:3]])
    session.add_all([SavedVideo(user_id=ada.id, video_id=v.id,
                                created_at=WHEN.replace(minute=i + 1))
                     for i, v in enumerate(videos[3:])])
    session.commit()
    seen: list[int] = []
    cursor = None
    while True:
        page = saved.saved_videos(session, ada, limit=2, before=cursor)
        seen += [v.id for v in page.videos]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [videos[4].id, videos[3].id, videos[2].id, videos[1].id, videos[0].id]


@pytest.mark.parametrize("limit, before", [(0, None), (51, None), (10, "garbage"),
                                           (10, "cy4xLjk5OTk5OTk5OTk5OTk5OTk5OTk5OQ")])
def test_a_bad_limit_or_cursor_is_refused(session: Session, limit: int,
                                          before: str | None) -> None:
    ada = _user(session, "ada")
    with pytest.raises(InvalidInput):
        saved.saved_videos(session, ada, limit=limit, before=before)
