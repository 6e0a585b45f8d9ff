"""Saved videos: a user keeps videos to find again, newest first.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "saved_videos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_saved_videos_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["video_id"], ["videos.id"],
                                name=op.f("fk_saved_videos_video_id_videos"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_videos")),
        sa.UniqueConstraint("user_id", "video_id", name=op.f("uq_saved_videos_user_id_video_id")),
    )
    with op.batch_alter_table("saved_videos", schema=None) as batch_op:
        batch_op.create_index("ix_saved_videos_user_id_created_at", ["user_id", "created_at"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_saved_videos_video_id"), ["video_id"], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("saved_videos")
