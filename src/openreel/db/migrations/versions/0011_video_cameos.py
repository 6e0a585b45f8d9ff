"""Which videos show which cameos.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 11:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "video_cameos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("cameo_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["video_id"], ["videos.id"],
                                name=op.f("fk_video_cameos_video_id_videos"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["cameo_id"], ["cameos.id"],
                                name=op.f("fk_video_cameos_cameo_id_cameos"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_cameos")),
        sa.UniqueConstraint("video_id", "cameo_id", name=op.f("uq_video_cameos_video_id_cameo_id")),
    )
    op.create_index(op.f("ix_video_cameos_video_id"), "video_cameos", ["video_id"])
    op.create_index(op.f("ix_video_cameos_cameo_id"), "video_cameos", ["cameo_id"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f("ix_video_cameos_cameo_id"), table_name="video_cameos")
    op.drop_index(op.f("ix_video_cameos_video_id"), table_name="video_cameos")
    op.drop_table("video_cameos")
