"""What people do with each other's videos: likes, comments, follows, views, notifications."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from openreel.db.models import (
    Base,
    Comment,
    Follow,
    Like,
    Notification,
    NotificationKind,
    NotInterested,
    User,
    Video,
    VideoView,
)
from openreel.db.timestamps import utcnow
from openreel.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from openreel.services.notices import notify
from openreel.services.transactions import commits
from openreel.services.videos import visible_video

MAX_COMMENT = 1000


def _bump(session: Session, video_id: int, column: str, delta: int) -> None:
    # An UPDATE with arithmetic, not read-modify-write, so concurrent likes all count.
    session.execute(update(Video).where(Video.id == video_id)
                    .values({column: getattr(Video, column) + delta}))


def add_once(session: Session, row: Base, *where: ColumnElement[bool]) -> bool:
    """Add ``row``, which a unique constraint keeps to one (a like, a follow, a save),
    unless a row matching ``where`` exists; False when one did, or a concurrent request
    added it first."""
    if session.scalar(select(exists().where(*where))):
        return False
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


@commits
def like(session: Session, user: User, video_id: int) -> Video:
    """Like a visible video; liking twice is harmless."""
    video = visible_video(session, user, video_id)
    if add_once(session, Like(user_id=user.id, video_id=video.id),
                Like.user_id == user.id, Like.video_id == video.id):
        _bump(session, video.id, "like_count", 1)
        notify(session, video.owner_id, NotificationKind.LIKE, actor_id=user.id,
               video_id=video.id)
    session.refresh(video)
    return video


@commits
def unlike(session: Session, user: User, video_id: int) -> Video:
    """Take a like back; unliking what was not liked is harmless."""
    video = visible_video(session, user, video_id)
    row = session.scalar(select(Like).where(Like.user_id == user.id, Like.video_id == video.id))
    if row is not None:
        session.delete(row)
        session.flush()
        _bump(session, video.id, "like_count", -1)
    session.refresh(video)
    return video


def liked_ids(session: Session, user: User | None, video_ids: list[int]) -> set[int]:
    """Which of these videos the user likes."""
    if user is None or not video_ids:
        return set()
    return set(session.scalars(select(Like.video_id).where(Like.user_id == user.id,
                                                           Like.video_id.in_(video_ids))))


@commits
def add_comment(session: Session, user: User, video_id: int, body: str,
                reply_to: int | None = None) -> Comment:
    """Comment on a visible video, or reply to a top-level comment on it."""
    video = visible_video(session, user, video_id)
    text = body.strip()
    if not text:
        raise InvalidInput("body", "the comment is empty")
    if len(text) > MAX_COMMENT:
        raise InvalidInput("body", f"at most {MAX_COMMENT} characters")
    parent: Comment | None = None
    if reply_to is not None:
        parent = session.get(Comment, reply_to)
        if parent is None or parent.video_id != video.id:
            raise NotFound(f"no comment {reply_to} on video {video.id}")
        # Threads are one level deep: a reply to a reply joins the same thread.
        if parent.parent_id is not None:
            parent = session.get(Comment, parent.parent_id)
    comment = Comment(video_id=video.id, author_id=user.id, body=text,
                      parent_id=parent.id if parent else None)
    session.add(comment)
    session.flush()
    _bump(session, video.id, "comment_count", 1)
    notify(session, video.owner_id, NotificationKind.COMMENT, actor_id=user.id,
           video_id=video.id)
    if parent is not None and parent.author_id != video.owner_id:
        notify(session, parent.author_id, NotificationKind.COMMENT, actor_id=user.id,
               video_id=video.id)
    return comment


@commits
def delete_comment(session: Session, user: User, comment_id: int) -> None:
    """Remove a comment (its author or the video's owner may); replies go with it."""
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(f"no comment {comment_id}")
    video = visible_video(session, user, comment.video_id)
    if user.id not in (comment.author_id, video.owner_id):
        raise Forbidden("only the author or the video's owner may delete a comment")
    replies = session.scalar(select(func.count()).where(Comment.parent_id == comment.id)) or 0
    session.delete(comment)
    session.flush()
    _bump(session, video.id, "comment_count", -(1 + replies))


@dataclass
class Thread:
    """A top-level comment and its replies, oldest first."""

    comment: Comment
    replies: list[Comment]


def comment_threads(session: Session, viewer: User | None, video_id: int,
                    limit: int = 200) -> list[Thread]:
    """The comments on a visible video, grouped into one-level threads."""
    video = visible_video(session, viewer, video_id)
    rows = list(session.scalars(select(Comment).where(Comment.video_id == video.id)
                                .order_by(Comment.created_at, Comment.id).limit(limit)))
    threads = {c.id: Thread(c, []) for c in rows if c.parent_id is None}
    for row in rows:
        if row.parent_id is not None and row.parent_id in threads:
            threads[row.parent_id].replies.append(row)
    return list(threads.values())


@commits
def follow(session: Session, user: User, followee: User) -> None:
    """Follow someone; following twice is harmless, following yourself is not allowed."""
    if followee.id == user.id:
        raise Conflict("you cannot follow yourself")
    if add_once(session, Follow(follower_id=user.id, followee_id=followee.id),
                Follow.follower_id == user.id, Follow.followee_id == followee.id):
        notify(session, followee.id, NotificationKind.FOLLOW, actor_id=user.id)


@commits
def unfollow(session: Session, user: User, followee: User) -> None:
    """Stop following someone."""
    row = session.scalar(select(Follow).where(Follow.follower_id == user.id,
                                              Follow.followee_id == followee.id))
    if row is not None:
        session.delete(row)


def is_following(session: Session, user: User | None, other: User) -> bool:
    """Whether ``user`` follows ``other``."""
    if user is None:
        return False
    return session.scalar(select(Follow.id).where(Follow.follower_id == user.id,
                                                  Follow.followee_id == other.id)) is not None


def follow_counts(session: Session, user: User) -> tuple[int, int]:
    """(followers, following) of a user."""
    followers = session.scalar(select(func.count()).where(Follow.followee_id == user.id)) or 0
    following = session.scalar(select(func.count()).where(Follow.follower_id == user.id)) or 0
    return followers, following


@commits
def record_view(session: Session, user: User | None, video_id: int,
                watched_seconds: float) -> Video:
    """Count a view and how long it was watched (capped at the video's length)."""
    video = visible_video(session, user, video_id)
    if not 0 <= watched_seconds <= 3600:
        raise InvalidInput("watched_seconds", "between 0 and 3600")
    watched = min(watched_seconds, video.seconds)
    session.execute(update(Video).where(Video.id == video.id).values(
        view_count=Video.view_count + 1, watch_seconds=Video.watch_seconds + watched))
    if user is not None:
        row = session.scalar(select(VideoView).where(VideoView.user_id == user.id,
                                                     VideoView.video_id == video.id))
        if row is None:
            session.add(VideoView(user_id=user.id, video_id=video.id, views=1,
                                  watch_seconds=watched))
        else:
            row.views += 1
            row.watch_seconds += watched
    session.flush()
    session.refresh(video)
    return video


@commits
def not_interested(session: Session, user: User, video_id: int) -> None:
    """"Show me less of this": the video leaves the user's feed for good."""
    video = visible_video(session, user, video_id)
    exists = session.scalar(select(NotInterested.id).where(NotInterested.user_id == user.id,
                                                           NotInterested.video_id == video.id))
    if exists is None:
        session.add(NotInterested(user_id=user.id, video_id=video.id))


@commits
def undo_not_interested(session: Session, user: User, video_id: int) -> None:
    """Take back a "show me less": the video may come back, its topics count as before."""
    video = visible_video(session, user, video_id)
    session.execute(delete(NotInterested).where(NotInterested.user_id == user.id,
                                                NotInterested.video_id == video.id))


def notifications(session: Session, user: User, *, limit: int = 50) -> list[Notification]:
    """The user's notifications, newest first."""
    return list(session.scalars(select(Notification).where(Notification.recipient_id == user.id)
                                .order_by(Notification.id.desc()).limit(limit)))


def unread_count(session: Session, user: User) -> int:
    """How many notifications the user has not read."""
    return session.scalar(select(func.count()).where(Notification.recipient_id == user.id,
                                                     Notification.read_at.is_(None))) or 0


@commits
def mark_read(session: Session, user: User, up_to_id: int | None = None) -> int:
    """Mark notifications read (all, or those up to an id); returns how many changed."""
    query = update(Notification).where(Notification.recipient_id == user.id,
                                       Notification.read_at.is_(None))
    if up_to_id is not None:
        query = query.where(Notification.id <= up_to_id)
    result = session.execute(query.values(read_at=utcnow()))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def linked_video(session: Session, note: Notification) -> int | None:
    """The video a notification leads to, unless it is gone (deleted) or hidden from its
    recipient since: a link that would only answer 404 is not offered."""
    if note.video_id is None:
        return None
    recipient = session.get(User, note.recipient_id)
    try:  # a draft opens for its maker and for the owners of the cameos in it
        return visible_video(session, recipient, note.video_id).id
    except NotFound:
        return None


def describe(session: Session, note: Notification) -> str:
    """A sentence for a notification, as the recipient reads it."""
    text = _sentence(session, note)
    if note.video_id is not None and linked_video(session, note) is None:
        text += " (the video has since been deleted)"
    return text


def _sentence(session: Session, note: Notification) -> str:
    actor = session.get(User, note.actor_id) if note.actor_id else None
    who = f"@{actor.handle}" if actor else "someone"
    if note.kind == NotificationKind.LIKE:
        return f"{who} liked your video"
    if note.kind == NotificationKind.COMMENT:
        return f"{who} commented on your video"
    if note.kind == NotificationKind.FOLLOW:
        return f"{who} followed you"
    if note.kind == NotificationKind.REMIX:
        return f"{who} remixed your video"
    if note.kind == NotificationKind.CAMEO_USED:
        return f"{who} made a video with your cameo"
    if note.video_id is not None:
        return "your video is ready in drafts"
    return "your video could not be made"
