"""Password guessing is limited per account and per address, in the API and the sign-in
form, and password hashing is bounded: a flood waits its turn or is asked to come back."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from api_client import PlatformApp
from sqlalchemy import func, select

from openreel.db.models import SignInFailure, User
from openreel.services import accounts

PASSWORD = "correct horse battery"


@pytest.fixture
def few_guesses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small limits, so a test reaches them with a handful of (slow) password checks."""
    monkeypatch.setattr(accounts, "GUESSES_PER_ACCOUNT", 3)
    monkeypatch.setattr(accounts, "GUESSES_PER_ADDRESS", 5)


def _token(platform_app: PlatformApp, login: str, password: str) -> tuple[int, dict[str, str],
                                                                         dict[str, object]]:
    answer = platform_app.client.post("/api/v1/auth/token",
                                      json={"login": login, "password": password})
    return answer.status_code, dict(answer.headers), answer.json()


def _failures(platform_app: PlatformApp) -> int:
    with platform_app.platform.sessions() as session:
        return session.scalar(select(func.count()).select_from(SignInFailure)) or 0


def test_an_account_with_too_many_wrong_passwords_is_refused_even_the_right_one(
        platform_app: PlatformApp, few_guesses: None) -> None:
    platform_app.sign_up("alice")
    platform_app.sign_up("bob")
    for _ in range(3):
        status, _, body = _token(platform_app, "alice", "wrong password")
        assert status == 401 and body["detail"] == "wrong handle, email or password"
    status, headers, body = _token(platform_app, "alice", PASSWORD)
    assert status == 429
    assert "too many wrong passwords for this account" in str(body["detail"])
    assert 0 < int(headers["retry-after"]) <= 15 * 60
    assert _failures(platform_app) == 3  # the refusal itself checked no password
    # another account from the same address is not held to alice's count
    assert _token(platform_app, "bob", PASSWORD)[0] == 201


def test_a_right_password_forgets_the_account_s_earlier_mistakes(
        platform_app: PlatformApp, few_guesses: None) -> None:
    platform_app.sign_up("carol")
    for _ in range(2):
        assert _token(platform_app, "carol", "typo typo")[0] == 401
    assert _token(platform_app, "carol", PASSWORD)[0] == 201
    assert _failures(platform_app) == 0
    for _ in range(2):  # two more typos later are not three in a row
        assert _token(platform_app, "carol", "typo typo")[0] == 401
    assert _token(platform_app, "carol", PASSWORD)[0] == 201


def test_an_address_guessing_across_accounts_is_refused(platform_app: PlatformApp,
                                                        few_guesses: None) -> None:
    platform_app.sign_up("dave")
    for name in ("eve", "frank", "grace", "heidi", "ivan"):  # unknown accounts count too
        assert _token(platform_app, name, "guess guess")[0] == 401
    status, _, body = _token(platform_app, "dave", PASSWORD)
    assert status == 429 and "your address" in str(body["detail"])


def test_the_sign_in_form_is_limited_too_and_says_so_on_the_page(
        platform_app: PlatformApp, few_guesses: None) -> None:
    platform_app.sign_up("judy")
    client = platform_app.client
    form = client.get("/signin")
    csrf = client.cookies.get("openreel_csrf")
    assert form.status_code == 200 and csrf
    for _ in range(3):
        answer = client.post("/signin", data={"login": "judy", "password": "nope nope",
                                              "csrf_token": csrf})
        assert answer.status_code == 401
    answer = client.post("/signin", data={"login": "judy", "password": PASSWORD,
                                          "csrf_token": csrf}, follow_redirects=False)
    assert answer.status_code == 429 and "retry-after" in answer.headers
    assert "too many wrong passwords for this account" in answer.text
    assert "<form" in answer.text  # the form again, with the message, not a bare error


def test_password_hashing_is_bounded_and_a_flood_is_asked_to_come_back(
        platform_app: PlatformApp, monkeypatch: pytest.MonkeyPatch) -> None:
    platform_app.sign_up("kim")
    slots = threading.BoundedSemaphore(1)
    monkeypatch.setattr(accounts, "_hashing", slots)
    monkeypatch.setattr(accounts, "HASH_WAIT_SECONDS", 0.05)
    assert slots.acquire()  # someone else is hashing, for longer than a request may wait
    try:
        status, headers, body = _token(platform_app, "kim", PASSWORD)
        signup = platform_app.client.post("/api/v1/auth/signup", json={
            "handle": "lee", "email": "lee@example.org", "password": PASSWORD})
    finally:
        slots.release()
    assert status == 503 and headers["retry-after"] == "2" and "busy" in str(body["detail"])
    assert signup.status_code == 503
    assert _failures(platform_app) == 0  # not counted as a wrong password
    assert _token(platform_app, "kim", PASSWORD)[0] == 201


def test_an_address_trying_emails_at_sign_up_is_refused_before_any_hashing(
        platform_app: PlatformApp, few_guesses: None, monkeypatch: pytest.MonkeyPatch) -> None:
    platform_app.sign_up("lena")
    hashed: list[str] = []
    real_hash = accounts._hash

    def counting_hash(password: str) -> str:
        hashed.append(password)
        return real_hash(password)

    monkeypatch.setattr(accounts, "_hash", counting_hash)

    def sign_up(handle: str, email: str) -> int:
        return platform_app.client.post("/api/v1/auth/signup", json={
            "handle": handle, "email": email, "password": PASSWORD}).status_code

    for n in range(5):  # whether an email has an account is tried: each try counts
        assert sign_up(f"probe{n}", "lena@example.org") == 409
    assert _failures(platform_app) == 5 and len(hashed) == 5
    refused = platform_app.client.post("/api/v1/auth/signup", json={
        "handle": "mallory", "email": "mallory@example.org", "password": PASSWORD})
    assert refused.status_code == 429 and "your address" in refused.json()["detail"]
    assert len(hashed) == 5, "refused before the password was hashed"
    with platform_app.platform.sessions() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_sign_ins_for_unknown_accounts_make_the_stand_in_hash_once_within_the_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The hash an unknown account's password is checked against is made on first need: a
    # crowd of first sign-ins must not each make it (40 at once took 3 GB).
    monkeypatch.setattr(accounts, "_dummy", [])
    busy, most, made = [0], [0], [0]
    lock = threading.Lock()
    real_hash = accounts._hasher.hash

    def watched_hash(password: str) -> str:
        with lock:
            busy[0] += 1
            most[0] = max(most[0], busy[0])
            made[0] += 1
        try:
            time.sleep(0.05)
            return real_hash(password)
        finally:
            with lock:
                busy[0] -= 1

    class Watched:
        hash = staticmethod(watched_hash)

    monkeypatch.setattr(accounts, "_hasher", Watched())
    with ThreadPoolExecutor(20) as pool:
        hashes = set(pool.map(lambda _: accounts._dummy_hash(), range(20)))
    assert len(hashes) == 1 and made[0] == 1
    assert most[0] <= accounts.HASHES_AT_ONCE
