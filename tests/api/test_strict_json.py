"""NaN and Infinity are not JSON numbers: every API route that reads a JSON body answers
422 naming them, never 500."""

from __future__ import annotations

import re

import pytest
from api_client import PlatformApp

BODIES = ['{"seconds": NaN}', '{"weight": Infinity, "text": "less cats"}', '[-Infinity]',
          '{"display_name": "x", "n": {"deep": [1, NaN]}}']


def _json_routes(app: PlatformApp) -> list[tuple[str, str]]:
    """(method, path) of every API route whose body is JSON (from the OpenAPI schema),
    ids filled in."""
    found = []
    for path, operations in app.app.openapi()["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                filled = re.sub(r"\{[a-z_]+\}",
                                lambda m: "alice" if "handle" in m.group() else "1", path)
                found.append((method.upper(), filled))
    return found


def test_non_finite_numbers_are_refused_with_422(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("alice")
    routes = _json_routes(platform_app)
    assert len(routes) >= 10, routes
    for method, path in routes:
        for body in BODIES:
            response = platform_app.client.request(
                method, path, content=body, headers={**auth, "content-type": "application/json"})
            assert response.status_code == 422, (method, path, body, response.text)
            assert "NaN and Infinity are not numbers in JSON" in response.text, (method, path)


@pytest.mark.parametrize("body", ['{"text": "more dogs", "note": "NaN"}',
                                  '{"text": "Infinity and beyond"}'])
def test_the_words_nan_and_infinity_in_strings_are_fine(platform_app: PlatformApp,
                                                        body: str) -> None:
    auth = platform_app.sign_up("bob")
    response = platform_app.client.post("/api/v1/feed/steer", content=body,
                                        headers={**auth, "content-type": "application/json"})
    assert response.status_code != 500
    assert "not numbers in JSON" not in response.text
