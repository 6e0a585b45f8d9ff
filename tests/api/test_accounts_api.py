"""Accounts over HTTP: sign-up, tokens, sessions with CSRF, profiles and avatars."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from api_client import PlatformApp
from PIL import Image
from sqlalchemy import select, update

from openreel.db.models import ApiToken, User
from openreel.services import accounts


def _png(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_sign_up_then_token_then_me(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    me = platform_app.client.get("/api/v1/me", headers=auth)
    assert me.status_code == 200
    assert me.json()["handle"] == "ada"
    assert me.json()["unread_notifications"] == 0
    with platform_app.platform.transaction() as session:
        user = session.scalar(select(User).where(User.handle == "ada"))
        assert user is not None and user.password_hash.startswith("$argon2")
        # Only a digest of the token is stored.
        secret = auth["Authorization"].split()[1]
        assert secret not in {t.token_hash for t in session.scalars(select(ApiToken))}


def test_taken_handle_is_409_and_bad_email_names_the_field(platform_app: PlatformApp) -> None:
    platform_app.sign_up("ada")
    again = platform_app.client.post("/api/v1/auth/signup", json={
        "handle": "ADA", "email": "other@example.org", "password": "long enough pw"})
    assert again.status_code == 409
    assert "taken" in again.json()["detail"]
    bad = platform_app.client.post("/api/v1/auth/signup", json={
        "handle": "bob", "email": "not-an-email", "password": "long enough pw"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "email"
    short = platform_app.client.post("/api/v1/auth/signup", json={
        "handle": "bob", "email": "bob@example.org", "password": "short"})
    assert short.status_code == 422
    assert short.json()["detail"][0]["loc"][-1] == "password"


def test_wrong_password_and_bad_token_are_401(platform_app: PlatformApp) -> None:
    platform_app.sign_up("ada")
    wrong = platform_app.client.post("/api/v1/auth/token", json={"login": "ada",
                                                                "password": "nope nope"})
    assert wrong.status_code == 401
    assert platform_app.client.get("/api/v1/me", headers={
        "Authorization": "Bearer or_madeup"}).status_code == 401
    assert platform_app.client.get("/api/v1/me").status_code == 401


def test_revoked_token_stops_working(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    second = platform_app.client.post("/api/v1/me/tokens", headers=auth, json={"name": "ci"})
    assert second.status_code == 201
    other = {"Authorization": f"Bearer {second.json()['secret']}"}
    assert platform_app.client.get("/api/v1/me", headers=other).status_code == 200
    names = [t["name"] for t in platform_app.client.get("/api/v1/me/tokens", headers=auth).json()]
    assert names == ["ci", "api"]
    gone = platform_app.client.delete(f"/api/v1/me/tokens/{second.json()['id']}", headers=auth)
    assert gone.status_code == 204
    assert platform_app.client.get("/api/v1/me", headers=other).status_code == 401


def test_browser_session_needs_csrf_for_writes(platform_app: PlatformApp) -> None:
    client = platform_app.client
    page = client.get("/signup")
    assert page.status_code == 200
    csrf = client.cookies.get("openreel_csrf")
    assert csrf
    no_token = client.post("/signup", data={"handle": "ada", "email": "ada@example.org",
                                           "password": "correct horse battery"})
    assert no_token.status_code == 403
    made = client.post("/signup", data={"handle": "ada", "email": "ada@example.org",
                                        "password": "correct horse battery",
                                        "csrf_token": csrf}, follow_redirects=False)
    assert made.status_code == 303
    assert client.cookies.get("openreel_session")
    home = client.get("/")
    assert "@ada" in home.text
    session_csrf = home.text.split('name="csrf-token" content="')[1].split('"')[0]
    refused = client.patch("/api/v1/me", json={"bio": "hello"})
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    accepted = client.patch("/api/v1/me", json={"bio": "hello"},
                            headers={"X-CSRF-Token": session_csrf})
    assert accepted.status_code == 200
    assert accepted.json()["bio"] == "hello"


def test_avatar_upload_crops_a_square_and_serves_it(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    response = platform_app.client.put("/api/v1/me/avatar", headers=auth,
                                       files={"avatar": ("me.png", _png((300, 120)), "image/png")})
    assert response.status_code == 200, response.text
    url = response.json()["avatar_url"]
    picture = platform_app.client.get(url)
    assert picture.status_code == 200
    assert Image.open(io.BytesIO(picture.content)).size == (256, 256)


def test_upload_errors_415_and_413_leave_nothing_behind(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    blobs = platform_app.platform.settings.resolved_blob_dir()
    before = sorted(p for p in blobs.rglob("*") if p.is_file()) if blobs.exists() else []
    text = platform_app.client.put("/api/v1/me/avatar", headers=auth,
                                   files={"avatar": ("me.png", b"plain text", "image/png")})
    assert text.status_code == 415
    huge = b"\0" * (5 * 1024 * 1024)
    too_big = platform_app.client.put("/api/v1/me/avatar", headers=auth,
                                      files={"avatar": ("big.png", huge, "image/png")})
    assert too_big.status_code == 413
    assert "larger than" in too_big.json()["detail"]
    after = sorted(p for p in blobs.rglob("*") if p.is_file()) if blobs.exists() else []
    assert after == before
    assert platform_app.client.get("/api/v1/me", headers=auth).json()["avatar_url"] is None


def test_profile_shows_counts_and_follow_state(platform_app: PlatformApp) -> None:
    ada = platform_app.sign_up("ada")
    platform_app.sign_up("ben")
    follow = platform_app.client.post("/api/v1/users/ben/follow", headers=ada)
    assert follow.status_code == 200
    assert follow.json()["followers"] == 1 and follow.json()["is_following"] is True
    self_follow = platform_app.client.post("/api/v1/users/ada/follow", headers=ada)
    assert self_follow.status_code == 409
    assert platform_app.client.get("/api/v1/users/nobody_here").status_code == 404
    page = platform_app.client.get("/@ben")
    assert page.status_code == 200 and "1</span> followers" in page.text


def test_error_pages_keep_the_signed_in_header(platform_app: PlatformApp) -> None:
    client = platform_app.client
    client.get("/signup")
    client.post("/signup", data={"handle": "ada", "email": "ada@example.org",
                                 "password": "correct horse battery",
                                 "csrf_token": client.cookies.get("openreel_csrf")})
    missing = client.get("/v/424242")
    assert missing.status_code == 404
    assert "@ada" in missing.text and "Sign up" not in missing.text


def test_token_use_is_recorded_at_most_once_a_minute(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    client = platform_app.client

    def last_used() -> datetime:
        listed = client.get("/api/v1/me/tokens", headers=auth).json()
        return datetime.fromisoformat(listed[0]["last_used_at"])

    assert client.get("/api/v1/me", headers=auth).status_code == 200
    first = last_used()
    assert abs(datetime.now(UTC) - first) < timedelta(minutes=1)
    assert last_used() == first
    with platform_app.platform.transaction() as session:
        session.execute(update(ApiToken).values(last_used_at=first - timedelta(hours=1)))
    assert client.get("/api/v1/me", headers=auth).status_code == 200
    assert last_used() >= first


@pytest.mark.parametrize("password", ["password", "12345678", "qwertyuiop", "aaaaaaaaaa",
                                      "mayamaya", "maya1234", "iloveyou1"])
def test_passwords_easy_to_guess_are_refused_saying_why(platform_app: PlatformApp,
                                                        password: str) -> None:
    answer = platform_app.client.post("/api/v1/auth/signup", json={
        "handle": "maya", "email": "maya@example.org", "password": password})
    assert answer.status_code == 422, answer.text
    [problem] = answer.json()["detail"]
    assert problem["loc"][-1] == "password" and "harder to guess" in problem["msg"]


def test_a_birth_year_out_of_range_is_not_called_too_young(platform_app: PlatformApp) -> None:
    def year(value: int) -> str:
        answer = platform_app.client.post("/api/v1/auth/signup", json={
            "handle": f"kid{value}", "email": f"kid{value}@example.org",
            "password": "correct horse battery", "birth_year": value})
        assert answer.status_code == 422, answer.text
        return str(answer.json()["detail"][0]["msg"])

    assert "like 1990" in year(1901) and "like 1990" in year(2099)
    assert "at least 13" in year(datetime.now(UTC).year - 5)
    page = platform_app.client
    page.get("/signup")
    form = page.post("/signup", data={
        "handle": "kiddo", "email": "kiddo@example.org", "password": "correct horse battery",
        "birth_year": str(datetime.now(UTC).year - 5),
        "csrf_token": page.cookies.get("openreel_csrf")})
    assert form.status_code == 422 and "birth year: you must be at least 13" in form.text


def test_signing_up_with_a_used_email_does_not_say_it_has_an_account(
        platform_app: PlatformApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "GUESSES_PER_ADDRESS", 3)
    platform_app.sign_up("ada")

    def attempt(handle: str, email: str) -> tuple[int, str]:
        answer = platform_app.client.post("/api/v1/auth/signup", json={
            "handle": handle, "email": email, "password": "correct horse battery"})
        return answer.status_code, str(answer.json()["detail"])

    status, message = attempt("bea", "ada@example.org")
    assert status == 409 and "exists" not in message and "sign in" in message
    attempt("cid", "ada@example.org")
    attempt("dot", "ada@example.org")
    # trying emails one after another from one address is slowed down like guessing
    status, message = attempt("eve", "eve@example.org")
    assert status == 429 and "too many" in message
