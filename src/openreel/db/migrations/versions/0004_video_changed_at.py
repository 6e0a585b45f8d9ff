"""Videos remember when they last changed, so the feed reads only what moved.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_videos_changed_at"), ["changed_at"], unique=False)
    # Existing rows: changed when made (a feed index rebuilds in full when it starts).
    op.execute("UPDATE videos SET changed_at = created_at")


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_videos_changed_at"))
        batch_op.drop_column("changed_at")
