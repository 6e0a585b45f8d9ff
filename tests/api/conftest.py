"""The real app on a real SQLite file in a temporary data directory, without background workers.

Render jobs are run when a test says so (``platform_app.run_jobs()``), so tests decide
when a video exists instead of waiting for a thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient

from openreel.app import create_app
from openreel.config import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test: its own data directory, no worker threads."""
    return Settings(data_dir=tmp_path / "data", workers=0, daily_quota=20,
                    rate_limit_per_minute=100_000, max_upload_bytes=4 * 1024 * 1024,
                    x264_preset="ultrafast")


@pytest.fixture
def platform_app(settings: Settings) -> Iterator[PlatformApp]:
    """The app, a client for it, and a way to run queued jobs."""
    app = create_app(settings)
    with TestClient(app) as client:
        yield PlatformApp(app, client)
