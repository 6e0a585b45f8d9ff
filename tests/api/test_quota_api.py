"""GET /api/v1/me/quota: the day's allowance of new videos, as the refusals count it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api_client import SMALL, PlatformApp
from sqlalchemy import update

from openreel.db.models import Job


def test_quota_counts_down_as_videos_start_and_matches_the_refusal(
        platform_app: PlatformApp) -> None:
    platform_app.platform.settings.daily_quota = 2
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")

    def quota(auth: dict[str, str]) -> dict[str, object]:
        answer = client.get("/api/v1/me/quota", headers=auth)
        assert answer.status_code == 200, answer.text
        body: dict[str, object] = answer.json()
        return body

    first = quota(ada)
    assert {k: first[k] for k in ("limit", "used", "left")} == {"limit": 2, "used": 0,
                                                                 "left": 2}
    resets = datetime.fromisoformat(str(first["resets_at"]))
    assert resets.utcoffset() == timedelta(0)
    assert (resets.hour, resets.minute, resets.second) == (0, 0, 0)
    assert timedelta(0) < resets - datetime.now(UTC) <= timedelta(days=1)

    for used in (1, 2):
        started = client.post("/api/v1/generations", headers=ada,
                              data={"prompt": "a red ball bounces", **SMALL})
        assert started.status_code == 202, started.text
        now = quota(ada)
        assert (now["used"], now["left"]) == (used, 2 - used)
    refused = client.post("/api/v1/generations", headers=ada,
                          data={"prompt": "a red ball bounces", **SMALL})
    assert refused.status_code == 429
    assert (quota(ada)["used"], quota(ada)["left"]) == (2, 0)  # a refusal uses nothing
    assert quota(ben)["left"] == 2  # one person's videos are not another's

    # Started before midnight UTC: they no longer count, and videos can start again
    with platform_app.platform.transaction() as session:
        session.execute(update(Job).values(created_at=datetime.now(UTC) - timedelta(days=1)))
    assert (quota(ada)["used"], quota(ada)["left"]) == (0, 2)
    again = client.post("/api/v1/generations", headers=ada,
                        data={"prompt": "a red ball bounces", **SMALL})
    assert again.status_code == 202, again.text


def test_quota_needs_a_signed_in_caller(platform_app: PlatformApp) -> None:
    answer = platform_app.client.get("/api/v1/me/quota")
    assert answer.status_code == 401
