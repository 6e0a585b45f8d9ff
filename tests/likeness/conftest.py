"""The platform the cameo API tests talk to: no workers (jobs run when a test says)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from openreel.app import create_app
from openreel.config import Settings


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "data", workers=0,
                        rate_limit_per_minute=100_000, max_upload_bytes=8 * 1024 * 1024)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
