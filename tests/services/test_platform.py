"""The platform builds each long-lived part once and closes every one of them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from openreel.config import Settings
from openreel.db.models import ApiToken, User, VideoKind, VideoStatus
from openreel.services.feed import FeedVideo
from openreel.services.platform import Platform

WHEN = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", workers=0)


def _video(changed_at: datetime | None = WHEN) -> FeedVideo:
    return FeedVideo(id=1, status=VideoStatus.PUBLISHED, kind=VideoKind.GENERATE, prompt="p",
                     caption="c", style="", engine="procedural", seed=1, seconds=2.0,
                     size="720x1280", width=720, height=1280, topics=[], parent_id=None,
                     created_at=WHEN, published_at=WHEN, like_count=0, comment_count=0,
                     remix_count=0, view_count=0, video_key=None, poster_key=None,
                     changed_at=changed_at, owner_handle="ada")


def test_each_part_is_made_once_and_kept(settings: Settings) -> None:
    platform = Platform.from_settings(settings)
    try:
        assert platform.engines.get("procedural") is platform.engines.get("procedural")
        assert platform.signing.identity() is platform.signing.identity()
        encoded: list[int] = []

        def encode(video: FeedVideo) -> bytes:
            encoded.append(video.id)
            return b"card"

        assert platform.feed.card(_video(), encode) == platform.feed.card(_video(), encode)
        assert encoded == [1], "a card is made once per change of its row"
        platform.feed.card(_video(WHEN.replace(hour=13)), encode)
        assert encoded == [1, 1], "a changed row gets a new card"
    finally:
        platform.close()


def test_two_platforms_share_no_parts(settings: Settings, tmp_path: Path) -> None:
    one = Platform.from_settings(settings)
    other = Platform.from_settings(Settings(data_dir=tmp_path / "other", workers=0))
    try:
        for name in ("queue", "engines", "signing", "catalogue", "checks", "streams",
                     "token_uses", "feed"):
            assert getattr(one, name) is not getattr(other, name), name
        assert one.feed.index is not other.feed.index
        assert one.embed is other.embed  # one model per process (see director.nearest)
    finally:
        one.close()
        other.close()


def test_close_finishes_token_uses_and_stops_every_part(settings: Settings) -> None:
    platform = Platform.from_settings(settings)
    with platform.transaction() as session:
        user = User(handle="ada", email="ada@example.org", password_hash="x")
        session.add(user)
        session.flush()
        token = ApiToken(user_id=user.id, name="cli", token_hash="h" * 64)
        session.add(token)
        session.flush()
        token_id = token.id
    engine = platform.engines.get("procedural")
    encoded: list[int] = []

    def encode(video: FeedVideo) -> bytes:
        encoded.append(video.id)
        return b"card"

    platform.feed.card(_video(), encode)
    platform.token_uses.record(token_id)
    platform.close()
    with platform.reading() as session:  # written before close returned
        stored = session.get(ApiToken, token_id)
        assert stored is not None and stored.last_used_at is not None
    with pytest.raises(RuntimeError):
        platform.token_uses.record(token_id)  # the writer's thread is gone
    assert not platform.feed.index.background  # no more reloads in the background
    platform.feed.card(_video(), encode)
    assert encoded == [1, 1], "the cards were let go"
    assert platform.engines.get("procedural") is not engine, "the engines were let go"
