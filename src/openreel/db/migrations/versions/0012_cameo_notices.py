"""Notifications of a new kind: someone made a video with your cameo.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("like", "comment", "follow", "remix", "job_finished")
AFTER = (*BEFORE, "cameo_used")


def _kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_notifications_notification_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_notifications_notification_kind"),
            "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")")


def upgrade() -> None:
    """Apply this revision."""
    _kinds(AFTER)


def downgrade() -> None:
    """Undo this revision (notices of the new kind are removed first)."""
    op.execute("DELETE FROM notifications WHERE kind = 'cameo_used'")
    _kinds(BEFORE)
