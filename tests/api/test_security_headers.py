"""Every answer, pages, API, errors and refusals alike, carries the security headers."""

from __future__ import annotations

import pytest
from api_client import PlatformApp

HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
           "referrer-policy": "strict-origin-when-cross-origin"}


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/", 200), ("GET", "/api/v1/feed", 200), ("GET", "/signin", 200),
    ("GET", "/no/such/page", 404), ("GET", "/api/v1/videos/999999", 404),
    ("GET", "/static/app.js", 200),
])
def test_answers_carry_the_security_headers(platform_app: PlatformApp, method: str,
                                            path: str, status: int) -> None:
    response = platform_app.client.request(method, path)
    assert response.status_code == status
    for name, value in HEADERS.items():
        assert response.headers[name] == value, name
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_a_refused_upload_carries_them_too(platform_app: PlatformApp) -> None:
    too_big = b"x" * (5 * 1024 * 1024)  # over the 4 MB limit of the test settings
    response = platform_app.client.post("/api/v1/verify", content=too_big,
                                        headers={"content-type": "application/octet-stream"})
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style_the_policy_would_block(
        platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("alice")
    video = platform_app.make_video(auth)
    for path in ("/", "/signin", "/signup", "/create", "/verify", f"/v/{video}"):
        html = platform_app.client.get(path, headers=auth).text
        assert "<script>" not in html and " style=" not in html, path
        assert " onclick=" not in html and "javascript:" not in html, path
