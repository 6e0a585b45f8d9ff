"""Profiles as others see them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from openreel.db.models import User, Video, VideoStatus
from openreel.services.engagement import follow_counts, is_following


@dataclass(frozen=True)
class ProfileStats:
    """The numbers on a profile."""

    followers: int
    following: int
    videos: int
    is_following: bool


def profile_stats(session: Session, user: User, viewer: User | None) -> ProfileStats:
    """Follower counts, published videos, and whether the viewer follows the user."""
    followers, following = follow_counts(session, user)
    videos = session.scalar(select(func.count()).select_from(Video).where(
        Video.owner_id == user.id, Video.status == VideoStatus.PUBLISHED)) or 0
    return ProfileStats(followers=followers, following=following, videos=videos,
                        is_following=is_following(session, viewer, user))
