"""The database itself refuses rows that would break the platform's invariants."""

from __future__ import annotations

import pytest
from db_rows import add_user, add_video
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from openreel.db.models import Comment, Follow, Job, JobStatus, Like, Video
from openreel.db.session import session_scope


def test_a_user_likes_a_video_only_once(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        ada = add_user(session, "ada")
        video = add_video(session, ada)
        session.add(Like(user_id=ada.id, video_id=video.id))
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.add(Like(user_id=ada.id, video_id=video.id))


def test_nobody_follows_themselves(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        ada = add_user(session, "ada")
    with pytest.raises(IntegrityError, match="no_self_follow"), session_scope(sessions) as s:
        s.add(Follow(follower_id=ada.id, followee_id=ada.id))


def test_a_follow_is_recorded_once(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        ada, grace = add_user(session, "ada"), add_user(session, "grace")
        session.add(Follow(follower_id=ada.id, followee_id=grace.id))
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.add(Follow(follower_id=ada.id, followee_id=grace.id))


def test_two_jobs_cannot_claim_the_same_video(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        video = add_video(session, add_user(session, "ada"))
        session.add(Job(kind="render", status=JobStatus.SUCCEEDED, video_id=video.id))
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.add(Job(kind="render", status=JobStatus.SUCCEEDED, video_id=video.id))


def test_handles_and_emails_are_unique(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_user(session, "ada")
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        add_user(session, "ada")


def test_foreign_keys_are_enforced(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        ada = add_user(session, "ada")
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.add(Like(user_id=ada.id, video_id=9999))


def test_a_published_video_has_a_publish_time(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        video = add_video(session, add_user(session, "ada"))
    with pytest.raises(IntegrityError, match="published_has_time"), session_scope(sessions) as s:
        s.execute(text("UPDATE videos SET status = 'published' WHERE id = :id"), {"id": video.id})


def test_status_columns_accept_only_known_values(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        video = add_video(session, add_user(session, "ada"))
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.execute(text("UPDATE videos SET status = 'viral' WHERE id = :id"), {"id": video.id})


def test_job_progress_stays_between_zero_and_one(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError, match="progress"), session_scope(sessions) as session:
        session.add(Job(kind="render", progress=1.5))


def test_deleting_a_user_removes_their_content(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        ada, grace = add_user(session, "ada"), add_user(session, "grace")
        video = add_video(session, ada, published=True)
        remix = add_video(session, grace)
        remix.parent_id = video.id
        session.add(Like(user_id=grace.id, video_id=video.id))
        session.add(Comment(video_id=video.id, author_id=grace.id, body="love it"))
    with session_scope(sessions) as session:
        session.delete(session.get_one(type(ada), ada.id))
    with session_scope(sessions) as session:
        assert session.scalar(select(func.count()).select_from(Like)) == 0
        assert session.scalar(select(func.count()).select_from(Comment)) == 0
        # The remix outlives its parent; only the link is cleared.
        assert session.scalars(select(Video.parent_id)).all() == [None]
