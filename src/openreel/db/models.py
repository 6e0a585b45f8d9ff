"""The platform's rows: people, their videos, the jobs that make them, and the social graph.

Rows hold facts only; the rules that move them (publishing, ranking, who may see what)
live in services. Constraints that the database can enforce on its own are declared here
so that no code path can skip them.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from openreel.db.timestamps import UTCDateTime, utcnow

# Stable constraint names let later migrations (and SQLite batch rebuilds) address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base carrying the shared metadata and type map."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class VideoStatus(enum.StrEnum):
    """Where a video is in its life: private draft, public, or removed (kept for chains)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    DELETED = "deleted"


class JobStatus(enum.StrEnum):
    """Where a job is in the queue."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class VideoKind(enum.StrEnum):
    """How a video came to be."""

    GENERATE = "generate"
    REMIX = "remix"
    EXTEND = "extend"
    STITCH = "stitch"


class NotificationKind(enum.StrEnum):
    """What happened that the recipient should hear about."""

    LIKE = "like"
    COMMENT = "comment"
    FOLLOW = "follow"
    REMIX = "remix"
    JOB_FINISHED = "job_finished"
    CAMEO_USED = "cameo_used"  # someone made a video with the recipient's cameo


def _str_enum(kind: type[enum.StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK, storing the members' values."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class User(Base):
    """A person with an account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(32), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(64), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    avatar_key: Mapped[str | None] = mapped_column(String(255))
    # Only the year is kept: enough to apply teen protections, no more than that needs.
    birth_year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiToken(Base):
    """A long-lived credential for scripts; only a hash of the secret is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class Video(Base):
    """One clip: what was asked for, how it was made, where its files are, how it does."""

    __tablename__ = "videos"
    __table_args__ = (
        CheckConstraint(
            "status != 'published' OR published_at IS NOT NULL", name="published_has_time"
        ),
        CheckConstraint(
            "view_count >= 0 AND watch_seconds >= 0 AND like_count >= 0"
            " AND comment_count >= 0 AND remix_count >= 0",
            name="counters_non_negative",
        ),
        Index("ix_videos_status_published_at", "status", "published_at"),
        Index("ix_videos_owner_id_published_at", "owner_id", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[VideoStatus] = mapped_column(
        _str_enum(VideoStatus, "video_status"), default=VideoStatus.DRAFT
    )
    kind: Mapped[VideoKind] = mapped_column(
        _str_enum(VideoKind, "video_kind"), default=VideoKind.GENERATE
    )
    prompt: Mapped[str] = mapped_column(Text)
    caption: Mapped[str] = mapped_column(Text, default="")
    storyboard: Mapped[dict[str, Any] | None]
    engine: Mapped[str] = mapped_column(String(32))
    seed: Mapped[int] = mapped_column(BigInteger)
    seconds: Mapped[float] = mapped_column(Float)
    size: Mapped[str] = mapped_column(String(16))
    style: Mapped[str] = mapped_column(String(32), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    fps: Mapped[int] = mapped_column(Integer, default=24)
    # Topic labels ("animals", "sports" …) derived from the storyboard, for the feed.
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_image_key: Mapped[str | None] = mapped_column(String(255))
    video_key: Mapped[str | None] = mapped_column(String(255))
    poster_key: Mapped[str | None] = mapped_column(String(255))
    # A remix points at what it remixed; the chain survives the parent being removed.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("videos.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    view_count: Mapped[int] = mapped_column(Integer, default=0)
    watch_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    # Counters kept in step with their rows by services, so ranking reads one table.
    like_count: Mapped[int] = mapped_column(Integer, default=0)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    remix_count: Mapped[int] = mapped_column(Integer, default=0)
    # When the row last changed (any column, counters included): the feed index reads
    # only the rows changed since its last look instead of every published video.
    changed_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow,
                                                        index=True)
    # The 8-byte payload of the video's invisible marks (hex): what a verifier looks up.
    mark: Mapped[str | None] = mapped_column(String(16), unique=True)

    owner: Mapped[User] = relationship()


class Job(Base):
    """A unit of queued work (a render, a remix …) with retries, a lease and a result."""

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_in_unit_range"),
        CheckConstraint("attempts >= 0 AND max_attempts >= 1", name="attempts_valid"),
        Index("ix_jobs_status_not_before", "status", "not_before"),
        Index("ix_jobs_status_lease_until", "status", "lease_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[JobStatus] = mapped_column(
        _str_enum(JobStatus, "job_status"), default=JobStatus.QUEUED
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    error: Mapped[str | None] = mapped_column(Text)
    # A running job whose lease has passed belongs to a worker that died.
    lease_until: Mapped[datetime | None]
    # Which worker holds the lease; only the holder may finish the job.
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Backoff: a queued job is not claimed before this time.
    not_before: Mapped[datetime | None]
    # Unique, so a retried job can never leave two videos behind.
    video_id: Mapped[int | None] = mapped_column(
        ForeignKey("videos.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Like(Base):
    """A user likes a video, at most once."""

    __tablename__ = "likes"
    __table_args__ = (UniqueConstraint("user_id", "video_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedVideo(Base):
    """A user keeps a video to find again ("Save"), at most once; private to them."""

    __tablename__ = "saved_videos"
    __table_args__ = (
        UniqueConstraint("user_id", "video_id"),
        # A user's saves, newest first: the Saved list and its cursor read this index.
        Index("ix_saved_videos_user_id_created_at", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Comment(Base):
    """A comment on a video; a reply names its parent (services keep it to one level)."""

    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint("length(body) > 0", name="body_not_empty"),
        Index("ix_comments_video_id_created_at", "video_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship()


class Follow(Base):
    """``follower`` follows ``followee``; nobody follows themselves."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("follower_id", "followee_id"),
        CheckConstraint("follower_id != followee_id", name="no_self_follow"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    follower_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    followee_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(Base):
    """Something the recipient should hear about; unread while ``read_at`` is empty."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_recipient_id_created_at", "recipient_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(_str_enum(NotificationKind, "notification_kind"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    video_id: Mapped[int | None] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"))
    # job_finished also reports failures, which have no video.
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    read_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FeedPreference(Base):
    """How much a user wants a topic in their feed: above 0 more, below 0 less."""

    __tablename__ = "feed_preferences"
    __table_args__ = (
        UniqueConstraint("user_id", "topic"),
        CheckConstraint("weight >= -1 AND weight <= 1", name="weight_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(64))
    weight: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class HiddenTopic(Base):
    """A topic the user never wants in their feed ("show me less", taken to its end)."""

    __tablename__ = "hidden_topics"
    __table_args__ = (UniqueConstraint("user_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FineTopic(Base):
    """A label the user said is fine ("no pets, but dogs are fine"): a video carrying it is
    shown though a hidden topic also covers it, and a "less" of a broader topic does not
    push it down."""

    __tablename__ = "fine_topics"
    __table_args__ = (UniqueConstraint("user_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebSession(Base):
    """A signed-in browser: the cookie carries the secret, the row only its hash."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]

    user: Mapped[User] = relationship()


class SignInFailure(Base):
    """A wrong password given for an account (as typed: handle or email) from an address;
    counted to slow password guessing down, and forgotten after a while."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(254), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class VideoView(Base):
    """One person's viewing of one video: how often and how long they watched."""

    __tablename__ = "video_views"
    __table_args__ = (
        UniqueConstraint("user_id", "video_id"),
        CheckConstraint("views >= 1 AND watch_seconds >= 0", name="view_counts_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"), index=True)
    views: Mapped[int] = mapped_column(Integer, default=1)
    watch_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class NotInterested(Base):
    """"Show me less of this" on one video: it leaves the user's feed for good."""

    __tablename__ = "not_interested"
    __table_args__ = (UniqueConstraint("user_id", "video_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Batch(Base):
    """One template filled from many rows: a video job per row that could be made.

    ``rows`` holds, per row of the table in order, its number, prompt, caption and either
    the job made for it or the reason none was."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                          index=True)
    template: Mapped[str] = mapped_column(Text)
    rows: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StitchPart(Base):
    """One source clip of a stitched video, in order."""

    __tablename__ = "stitch_parts"
    __table_args__ = (UniqueConstraint("video_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("videos.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)


class Fingerprint(Base):
    """The perceptual fingerprint of a stored video (key-frame PDQ hashes and sound)."""

    __tablename__ = "video_fingerprints"

    video_id: Mapped[int] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CameoPermission(enum.StrEnum):
    """Who may put a cameo in their videos, besides its owner."""

    ONLY_ME = "only_me"
    APPROVED = "approved"  # the people the owner approved, one by one
    MUTUALS = "mutuals"  # people the owner follows who follow them back
    EVERYONE = "everyone"


class CameoChallenge(Base):
    """A liveness challenge issued to one person: answered once, before it expires."""

    __tablename__ = "cameo_challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digits: Mapped[str] = mapped_column(String(8))
    turn: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Cameo(Base):
    """A person's likeness, taken from a capture that passed the liveness check.

    The capture and the aligned face images are blobs under ``cameos/<id>/``; the face
    descriptor (128 float32) and the speaker embedding (256 float32) are kept here.
    """

    __tablename__ = "cameos"

    id: Mapped[int] = mapped_column(primary_key=True)
    # one cameo of themselves per person (characters, later, are cameos of their own kind)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                          unique=True)
    permission: Mapped[CameoPermission] = mapped_column(
        _str_enum(CameoPermission, "cameo_permission"), default=CameoPermission.ONLY_ME)
    face: Mapped[bytes] = mapped_column(LargeBinary)
    voice: Mapped[bytes] = mapped_column(LargeBinary)
    voice_parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    chips: Mapped[int] = mapped_column(Integer, default=0)  # aligned face images stored
    # what the owner never wants ("never show me smoking") and always wants ("always in a
    # blue dress"), in their own words
    rules: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User] = relationship()


class CameoApproval(Base):
    """``user`` is one of the people a cameo's owner approves to use it."""

    __tablename__ = "cameo_approvals"
    __table_args__ = (UniqueConstraint("cameo_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cameo_id: Mapped[int] = mapped_column(ForeignKey("cameos.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class VideoCameo(Base):
    """``video`` shows ``cameo``: its owner sees the video (drafts too) and may remove it."""

    __tablename__ = "video_cameos"
    __table_args__ = (UniqueConstraint("video_id", "cameo_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    video_id: Mapped[int] = mapped_column(ForeignKey("videos.id", ondelete="CASCADE"),
                                          index=True)
    cameo_id: Mapped[int] = mapped_column(ForeignKey("cameos.id", ondelete="CASCADE"),
                                          index=True)


class AuditEvent(Base):
    """Something done that must be answerable later: a cameo erased, a video taken down by
    the owner of a cameo it showed. It names who did what to which row, never any of the
    likeness it was about."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_handle: Mapped[str] = mapped_column(String(32))  # kept when the account is gone
    subject: Mapped[str] = mapped_column(String(80))  # "cameo 3", "video 12"
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
