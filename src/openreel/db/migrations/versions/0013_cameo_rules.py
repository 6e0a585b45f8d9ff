"""A cameo's rules: what its owner never wants and always wants, in their own words.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 14:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cameos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rules", sa.JSON(), nullable=False,
                                      server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("cameos", schema=None) as batch_op:
        batch_op.drop_column("rules")
