"""/verify, open to anyone, is bounded: a few checks at a time (then 503 with Retry-After),
each within a time limit (then a 422 that says so); scratch work a crash left is removed."""

from __future__ import annotations

import io
import os
import time

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient
from PIL import Image

from openreel.app import create_app
from openreel.config import Settings
from openreel.services.isolation import Isolated


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (96, 64), (30, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def _verify(platform_app: PlatformApp) -> tuple[int, dict[str, str], str]:
    answer = platform_app.client.post("/api/v1/verify",
                                      files={"file": ("photo.png", _png(), "image/png")})
    return answer.status_code, dict(answer.headers), answer.text


def test_checks_past_the_bound_are_told_to_come_back(platform_app: PlatformApp,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    checks = Isolated(at_once=1, wait_seconds=0.05, seconds=30, memory_bytes=1024 * 2**20)
    monkeypatch.setattr(platform_app.platform, "checks", checks)
    assert checks._turns.acquire()  # another check is under way
    try:
        status, headers, text = _verify(platform_app)
    finally:
        checks._turns.release()
    assert status == 503 and headers["retry-after"] == "5" and "try again" in text
    status, _, text = _verify(platform_app)  # its turn came: examined in a child process
    assert status == 200 and '"kind":"image"' in text


def test_a_check_that_runs_too_long_is_stopped_and_said_so(
        platform_app: PlatformApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_app.platform, "checks", Isolated(
        at_once=1, wait_seconds=1, seconds=0.001, memory_bytes=1024 * 2**20))
    status, _, text = _verify(platform_app)
    assert status == 422 and "took longer than" in text


def test_work_left_in_scratch_by_a_crash_is_removed_when_the_app_starts(
        settings: Settings) -> None:
    scratch = settings.scratch_dir()
    (scratch / "tmpdead").mkdir(parents=True)
    (scratch / "tmpdead" / "video.mp4").write_bytes(b"half a render")
    (scratch / "tmpupload.h264").write_bytes(b"half an upload")
    (scratch / "tmplive").mkdir()
    (scratch / "tmplive" / "frames.raw").write_bytes(b"being written")
    hours_ago = time.time() - 3 * 3600
    for old in (scratch / "tmpdead" / "video.mp4", scratch / "tmpdead",
                scratch / "tmpupload.h264", scratch / "tmplive"):
        os.utime(old, (hours_ago, hours_ago))  # tmplive's file inside is fresh
    with TestClient(create_app(settings)):
        assert sorted(p.name for p in scratch.iterdir()) == ["tmplive"]
