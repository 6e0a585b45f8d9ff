"""Provenance: each video's mark id and its stored fingerprint.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mark", sa.String(length=16), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_videos_mark"), ["mark"])
    op.create_table(
        "video_fingerprints",
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_video_fingerprints_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("video_id", name=op.f("pk_video_fingerprints")),
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("video_fingerprints")
    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_videos_mark"), type_="unique")
        batch_op.drop_column("mark")
