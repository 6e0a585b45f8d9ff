"""Notifications: telling someone that something happened to them or their videos."""

from __future__ import annotations

from sqlalchemy.orm import Session

from openreel.db.models import Notification, NotificationKind


def notify(session: Session, recipient_id: int, kind: NotificationKind, *,
           actor_id: int | None = None, video_id: int | None = None,
           job_id: int | None = None) -> None:
    """Tell someone something happened; nobody is told about their own actions."""
    if actor_id is not None and actor_id == recipient_id:
        return
    session.add(Notification(recipient_id=recipient_id, kind=kind, actor_id=actor_id,
                             video_id=video_id, job_id=job_id))
