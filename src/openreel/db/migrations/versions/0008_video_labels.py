"""Videos are filed under the things they show and their look, besides broad topics.

A feed could only hide "pets" as a whole and knew no "noir"; now a video's labels also
name its kinds ("cat", "dog") and its look ("noir", "watercolor"). This revision files
the videos made before it again, from their stored storyboards, with the labels of the
code that runs it; a storyboard that no longer reads keeps the labels it had.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pydantic import ValidationError

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 500
_videos = sa.table("videos", sa.column("id", sa.Integer), sa.column("storyboard", sa.JSON),
                   sa.column("topics", sa.JSON))


def upgrade() -> None:
    """Apply this revision."""
    from openreel.services.topics import storyboard_topics
    from openreel.spec import Storyboard

    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(_videos.c.id, _videos.c.storyboard)
            .where(_videos.c.id > last, _videos.c.storyboard.is_not(None))
            .order_by(_videos.c.id).limit(_BATCH)).all()
        if not rows:
            return
        for video_id, storyboard in rows:
            try:
                topics = storyboard_topics(Storyboard.model_validate(storyboard))
            except ValidationError:
                continue
            connection.execute(sa.update(_videos).where(_videos.c.id == video_id)
                               .values(topics=topics))
        last = rows[-1][0]


def downgrade() -> None:
    """Labels are a superset of the topics before: the older code reads them as they are."""
