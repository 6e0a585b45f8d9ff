"""schemathesis over the whole /api/v1 schema: no 5xx, and every answer matches the schema.

Requests are generated from the OpenAPI schema itself (valid and invalid), sent through
the real app on a real SQLite file, signed in with an API token, so each route is
exercised with data its author did not think of.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from openreel.app import create_app
from openreel.config import Settings

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance,
          content_type_conformance]


def _app(data_dir: Path) -> FastAPI:
    return create_app(Settings(data_dir=data_dir, workers=0, rate_limit_per_minute=10**7,
                               daily_quota=10**6))


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FastAPI, dict[str, str]]]:
    """The app with one account, one published video and one token for the generated calls."""
    app = _app(tmp_path_factory.mktemp("contract"))
    with TestClient(app) as client:
        client.post("/api/v1/auth/signup", json={"handle": "ada", "email": "ada@example.org",
                                                 "password": "correct horse battery"})
        token = client.post("/api/v1/auth/token", json={
            "login": "ada", "password": "correct horse battery"}).json()["secret"]
        yield app, {"Authorization": f"Bearer {token}"}


def test_every_operation_keeps_its_contract(api: tuple[FastAPI, dict[str, str]]) -> None:
    app, auth = api
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    # The event stream lasts as long as its job, and no job runs here.
    schema = schema.exclude(path_regex=r"/events$")
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def exercise(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={**auth, **(case.headers or {})}, checks=CHECKS)

        try:
            exercise()
        except Exception as exc:  # collect every broken operation, not just the first
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    assert operations >= 30, f"only {operations} operations in the schema"
    assert not failures, "\n\n".join(failures)
