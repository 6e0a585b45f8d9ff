"""Platform: web sessions, views, "not interested", stitch parts, counters, job leases.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 00:22:58.796052
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=128), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_web_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "not_interested",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_not_interested_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_not_interested_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_not_interested")),
        sa.UniqueConstraint("user_id", "video_id", name=op.f("uq_not_interested_user_id_video_id")),
    )
    op.create_table(
        "stitch_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["videos.id"],
            name=op.f("fk_stitch_parts_source_id_videos"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_stitch_parts_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stitch_parts")),
        sa.UniqueConstraint("video_id", "position", name=op.f("uq_stitch_parts_video_id_position")),
    )
    with op.batch_alter_table("stitch_parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stitch_parts_video_id"), ["video_id"], unique=False)

    op.create_table(
        "video_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("watch_seconds", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "views >= 1 AND watch_seconds >= 0", name=op.f("ck_video_views_view_counts_valid")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_video_views_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_video_views_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_views")),
        sa.UniqueConstraint("user_id", "video_id", name=op.f("uq_video_views_user_id_video_id")),
    )
    with op.batch_alter_table("video_views", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_video_views_video_id"), ["video_id"], unique=False)

    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_owner", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "kind",
                sa.Enum(
                    "generate",
                    "remix",
                    "extend",
                    "stitch",
                    name="video_kind",
                    native_enum=False,
                    create_constraint=True,
                    length=16,
                ),
                nullable=False,
                server_default="generate",
            )
        )
        batch_op.add_column(
            sa.Column("width", sa.Integer(), nullable=False, server_default=sa.text("'0'"))
        )
        batch_op.add_column(
            sa.Column("height", sa.Integer(), nullable=False, server_default=sa.text("'0'"))
        )
        batch_op.add_column(
            sa.Column("fps", sa.Integer(), nullable=False, server_default=sa.text("'24'"))
        )
        batch_op.add_column(
            sa.Column("topics", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("source_image_key", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("like_count", sa.Integer(), nullable=False, server_default=sa.text("'0'"))
        )
        batch_op.add_column(
            sa.Column("comment_count", sa.Integer(), nullable=False, server_default=sa.text("'0'"))
        )
        batch_op.add_column(
            sa.Column("remix_count", sa.Integer(), nullable=False, server_default=sa.text("'0'"))
        )
        # Replaced after the columns it names exist (PostgreSQL checks at once).
        batch_op.drop_constraint(op.f("ck_videos_counters_non_negative"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_videos_counters_non_negative"),
            "view_count >= 0 AND watch_seconds >= 0 AND like_count >= 0"
            " AND comment_count >= 0 AND remix_count >= 0",
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("videos", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_videos_counters_non_negative"), type_="check")
        batch_op.drop_column("remix_count")
        batch_op.drop_column("comment_count")
        batch_op.drop_column("like_count")
        batch_op.drop_column("source_image_key")
        batch_op.drop_column("topics")
        batch_op.drop_column("fps")
        batch_op.drop_column("height")
        batch_op.drop_column("width")
        batch_op.drop_constraint(op.f("ck_videos_video_kind"), type_="check")
        batch_op.drop_column("kind")
        batch_op.create_check_constraint(
            op.f("ck_videos_counters_non_negative"), "view_count >= 0 AND watch_seconds >= 0"
        )

    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("finished_at")
        batch_op.drop_column("started_at")
        batch_op.drop_column("lease_owner")

    with op.batch_alter_table("video_views", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_video_views_video_id"))

    op.drop_table("video_views")
    with op.batch_alter_table("stitch_parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stitch_parts_video_id"))

    op.drop_table("stitch_parts")
    op.drop_table("not_interested")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_sessions_user_id"))

    op.drop_table("web_sessions")
