"""Cameos: liveness challenges, the likeness taken from a capture that passed, and the
people each owner approves to use theirs.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERMISSIONS = ("only_me", "approved", "mutuals", "everyone")


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "cameo_challenges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("digits", sa.String(length=8), nullable=False),
        sa.Column("turn", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_cameo_challenges_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameo_challenges")),
    )
    op.create_index(op.f("ix_cameo_challenges_user_id"), "cameo_challenges", ["user_id"])
    op.create_table(
        "cameos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.Enum(*PERMISSIONS, name="cameo_permission",
                                        native_enum=False, create_constraint=True,
                                        length=16), nullable=False),
        sa.Column("face", sa.LargeBinary(), nullable=False),
        sa.Column("voice", sa.LargeBinary(), nullable=False),
        sa.Column("voice_parameters", sa.JSON(), nullable=False),
        sa.Column("chips", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"],
                                name=op.f("fk_cameos_owner_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameos")),
        sa.UniqueConstraint("owner_id", name=op.f("uq_cameos_owner_id")),
    )
    op.create_table(
        "cameo_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cameo_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cameo_id"], ["cameos.id"],
                                name=op.f("fk_cameo_approvals_cameo_id_cameos"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_cameo_approvals_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameo_approvals")),
        sa.UniqueConstraint("cameo_id", "user_id",
                            name=op.f("uq_cameo_approvals_cameo_id_user_id")),
    )
    op.create_index(op.f("ix_cameo_approvals_user_id"), "cameo_approvals", ["user_id"])


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f("ix_cameo_approvals_user_id"), table_name="cameo_approvals")
    op.drop_table("cameo_approvals")
    op.drop_table("cameos")
    op.drop_index(op.f("ix_cameo_challenges_user_id"), table_name="cameo_challenges")
    op.drop_table("cameo_challenges")
