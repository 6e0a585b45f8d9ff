"""The daily quota: every render started since midnight UTC counts, and the refusal
follows the same count the create page and GET /api/v1/me/quota show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from openreel.config import Settings
from openreel.db.models import User
from openreel.jobs import enqueue
from openreel.services import accounts
from openreel.services.errors import QuotaExceeded
from openreel.services.platform import Platform
from openreel.services.videos import RENDER_JOB, DailyQuota, check_quota, daily_quota

NOON = datetime(2025, 3, 9, 12, 0, tzinfo=UTC)


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    """A platform on its own database, allowing three renders a day."""
    made = Platform.from_settings(Settings(data_dir=tmp_path / "data", workers=0,
                                           daily_quota=3))
    yield made
    made.close()


def _person(platform: Platform, handle: str) -> int:
    with platform.transaction() as session:
        user = accounts.sign_up(session, handle=handle, email=f"{handle}@example.org",
                                password="correct horse battery")
        session.flush()
        return user.id


def _started(platform: Platform, user_id: int, at: datetime, kind: str = RENDER_JOB) -> None:
    with platform.transaction() as session:
        job = enqueue(session, kind, {}, user_id=user_id)
        job.created_at = at


def _quota(platform: Platform, user_id: int, now: datetime) -> DailyQuota:
    with platform.transaction() as session:
        return daily_quota(session, platform, session.get_one(User, user_id), now)


def test_renders_since_midnight_utc_count_and_nothing_else(platform: Platform) -> None:
    ada, ben = _person(platform, "ada"), _person(platform, "ben")
    midnight = NOON.replace(hour=0)
    _started(platform, ada, midnight - timedelta(seconds=1))  # yesterday: not counted
    _started(platform, ada, midnight)
    _started(platform, ada, NOON - timedelta(hours=1))
    _started(platform, ada, NOON, kind="something-else")  # not a render
    _started(platform, ben, NOON)  # someone else's

    quota = _quota(platform, ada, NOON)
    assert (quota.limit, quota.used, quota.left) == (3, 2, 1)
    assert quota.resets_at == datetime(2025, 3, 10, tzinfo=UTC)
    assert _quota(platform, ben, NOON).used == 1
    # the next day everything has reset
    assert _quota(platform, ada, midnight + timedelta(days=1)).left == 3


def test_the_day_is_the_utc_day_whatever_zone_now_is_given_in(platform: Platform) -> None:
    ada = _person(platform, "ada")
    _started(platform, ada, datetime(2025, 3, 9, 20, 0, tzinfo=UTC))
    # 02:00 on the 10th in UTC+5 is 21:00 on the 9th in UTC: the render counts
    east = datetime(2025, 3, 10, 2, 0, tzinfo=timezone(timedelta(hours=5)))
    quota = _quota(platform, ada, east)
    assert quota.used == 1
    assert quota.resets_at == datetime(2025, 3, 10, tzinfo=UTC)


def test_more_than_left_is_refused_and_no_more_than_that(platform: Platform) -> None:
    ada = _person(platform, "ada")
    now = datetime.now(UTC)
    for _ in range(2):
        _started(platform, ada, now)
    with platform.transaction() as session:
        user = session.get_one(User, ada)
        assert daily_quota(session, platform, user).left == 1
        check_quota(session, platform, user)  # the one left
        with pytest.raises(QuotaExceeded, match="1 left today"):
            check_quota(session, platform, user, wanted=2)
    _started(platform, ada, now)
    with platform.transaction() as session:
        user = session.get_one(User, ada)
        assert daily_quota(session, platform, user).left == 0
        with pytest.raises(QuotaExceeded) as refused:
            check_quota(session, platform, user)
        assert 0 < refused.value.retry_after <= 86_401
