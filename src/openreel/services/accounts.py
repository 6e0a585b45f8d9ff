"""Accounts: sign-up, sign-in, browser sessions, API tokens and profiles."""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PIL import Image
from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from openreel.db.driver import Prepared
from openreel.db.models import ApiToken, SignInFailure, User, WebSession
from openreel.db.session import end_reads
from openreel.db.timestamps import utcnow
from openreel.services.errors import (
    Busy,
    Conflict,
    InvalidInput,
    NotFound,
    NotSignedIn,
    QuotaExceeded,
)
from openreel.services.handles import HANDLE, RESERVED_HANDLES
from openreel.services.transactions import commits, unit_of_work
from openreel.services.uploads import kept_if_committed, store_avatar
from openreel.storage import BlobStore

EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}")
MIN_PASSWORD = 8
MIN_PASSWORD_SCORE = 2  # zxcvbn's 0-4 scale: 2 is "somewhat guessable", 10^8 guesses
MAX_PASSWORD = 256
TOKEN_PREFIX = "or_"
# A token's last use is written at most this often, so a busy script does not turn reads
# into writes.
TOKEN_USE_EVERY = timedelta(minutes=1)

# Password guessing: wrong passwords within the window, per account (as typed) and per
# address; past either, sign-ins are refused before any hashing until the window moves on.
GUESS_WINDOW = timedelta(minutes=15)
GUESSES_PER_ACCOUNT = 10
GUESSES_PER_ADDRESS = 50
# Each hash takes 64 MiB and a fifth of a second of a core: at most this many at once per
# process, the rest wait their turn up to HASH_WAIT_SECONDS, then are told to come back.
HASHES_AT_ONCE = 2
HASH_WAIT_SECONDS = 10.0

# Module-level, not the platform's: the hasher holds only its parameters, and the slots
# bound what hashing takes of this process's cores and memory, which every platform in
# the process shares.
_hasher = PasswordHasher()
_hashing = threading.BoundedSemaphore(HASHES_AT_ONCE)


_dummy: list[str] = []  # the hash below, once made
_dummy_lock = threading.Lock()


def _dummy_hash() -> str:
    """A hash to verify against for an unknown account, so that its sign-in is as slow as a
    wrong password's. Made on first need, in a hashing turn and by one request while the
    others wait (one argon2 hash at import, about 0.1 s, was paid by every CLI command; a
    crowd of first sign-ins each making it would hash past the bound)."""
    with _dummy_lock:
        if not _dummy:
            _dummy.append(_hash("not a real password"))
        return _dummy[0]


@contextmanager
def _hash_slot() -> Iterator[None]:
    """A turn to hash a password (bounded memory and CPU), else Busy."""
    if not _hashing.acquire(timeout=HASH_WAIT_SECONDS):
        raise Busy("openreel is busy signing people in: try again in a moment", retry_after=2)
    try:
        yield
    finally:
        _hashing.release()


def _hash(password: str) -> str:
    with _hash_slot():
        return _hasher.hash(password)


def _matches(password_hash: str, password: str) -> bool:
    with _hash_slot():
        try:
            return bool(_hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False


@dataclass(frozen=True)
class SignedIn:
    """A new browser session: the cookie secret and its CSRF token."""

    user: User
    token: str
    csrf_token: str


def _digest(secret: str) -> str:
    """Tokens are random and long, so a fast hash is enough; only the digest is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def check_handle(handle: str) -> str:
    """The normalised handle, or InvalidInput saying what a handle may be."""
    normal = handle.strip().lstrip("@").lower()
    if not HANDLE.fullmatch(normal):
        raise InvalidInput("handle", "3 to 32 characters: letters, digits and underscores")
    if normal in RESERVED_HANDLES:
        raise InvalidInput("handle", f"@{normal} is reserved")
    return normal


@commits
def sign_up(session: Session, *, handle: str, email: str, password: str,
            display_name: str = "", birth_year: int | None = None, client: str = "") -> User:
    """Create an account; handles and emails are unique, case-insensitively.

    Handles are public (profiles show them), so a taken one is said to be taken. Whether
    an email has an account is not public: a sign-up with one answers in words that do
    not say so, and counts against the ``client`` address it came from as a wrong password
    does, so emails cannot be tried by the thousand."""
    normal = check_handle(handle)
    address = email.strip().lower()
    if not EMAIL.fullmatch(address) or len(address) > 254:
        raise InvalidInput("email", "not an email address")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput("password", f"use {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    check_password_strength(password, normal, address)
    this_year = datetime.now(UTC).year
    if birth_year is not None:
        if not this_year - 120 <= birth_year <= this_year:
            raise InvalidInput("birth_year", f"a year between {this_year - 120} and "
                               f"{this_year}, like 1990")
        if birth_year > this_year - 13:
            raise InvalidInput("birth_year", "you must be at least 13 to use openreel")
    # An address refused for trying emails is refused before any hashing. The hashing
    # comes between two transactions: the one that checks and adds the account holds the
    # write lock for that alone, not for the hashing's fraction of a second.
    _check_guesses(session, "", client[:64])
    _hold_nothing(session)
    password_hash = _hash(password)
    if session.scalar(select(User.id).where(User.handle == normal)) is not None:
        raise Conflict(f"@{normal} is taken")
    if session.scalar(select(User.id).where(User.email == address)) is not None:
        _refused(session, "", client)
        raise Conflict("this email cannot be used for a new account: if it is yours, sign in "
                       "(or use another)")
    user = User(handle=normal, email=address, password_hash=password_hash,
                display_name=display_name.strip()[:64] or normal, birth_year=birth_year)
    session.add(user)
    session.flush()
    return user


@commits
def sign_up_and_sign_in(session: Session, *, handle: str, email: str, password: str,
                        birth_year: int | None = None, client: str = "",
                        days: int) -> SignedIn:
    """Create an account (see :func:`sign_up`) and its first browser session, lasting
    ``days``."""
    user = sign_up(session, handle=handle, email=email, password=password,
                   birth_year=birth_year, client=client)
    return start_session(session, user, days=days)


def check_password_strength(password: str, *about: str) -> None:
    """Refuse a password that is easy to guess: common ones ("password", "12345678"),
    keyboard walks, repeats, dates, and ones made of the handle or email (``about``).

    zxcvbn estimates how many guesses it would take; a score under 2 falls to an online
    attacker who gets past the sign-in limits. Only the first 100 characters are scored
    (the estimate is slow on very long input, and a long password is not a weak one)."""
    # imported here: its word lists take a fifth of a second to load, which every command
    # line start-up would otherwise pay
    from zxcvbn import zxcvbn

    verdict = zxcvbn(password[:100], user_inputs=[w for w in about if w])
    if verdict["score"] >= MIN_PASSWORD_SCORE:
        return
    warning = verdict["feedback"].get("warning") or "it is easy to guess"
    raise InvalidInput("password", f"{warning.rstrip('.')}: choose one that is harder to "
                       "guess, such as a few unrelated words")


@commits
def authenticate(session: Session, login: str, password: str, address: str = "") -> User:
    """The user whose handle or email and password match, else NotSignedIn.

    Wrong passwords are recorded (committed, whatever the caller does next); an account
    or an address with too many of them lately is refused (QuotaExceeded) before any
    password is hashed, a right one included, until the window moves on.
    """
    key = login.strip().lstrip("@").lower()[:254]
    address = address[:64]
    _check_guesses(session, key, address)
    user = session.scalar(select(User).where((User.handle == key) | (User.email == key)))
    _hold_nothing(session)
    if not _matches(user.password_hash if user else _dummy_hash(), password) or user is None:
        _refused(session, key, address)
        raise NotSignedIn("wrong handle, email or password")
    session.execute(delete(SignInFailure).where(SignInFailure.login == key))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hash(password)
    return user


@commits
def sign_in(session: Session, login: str, password: str, address: str, *,
            days: int) -> SignedIn:
    """A new browser session, lasting ``days``, for the user whose handle or email and
    password match (see :func:`authenticate`)."""
    return start_session(session, authenticate(session, login, password, address), days=days)


@commits
def issue_api_token(session: Session, login: str, password: str, name: str,
                    address: str = "") -> tuple[ApiToken, str]:
    """A new API token named ``name`` for the user whose handle or email and password
    match (see :func:`authenticate`); the secret is returned once and never stored."""
    return create_api_token(session, authenticate(session, login, password, address), name)


def _hold_nothing(session: Session) -> None:
    """End what the session has only read so far, so that no lock is held while a password
    is hashed (writes of an enclosing use case keep their transaction)."""
    if not (session.new or session.dirty or session.deleted):
        end_reads(session)


def _refused(session: Session, login: str, address: str) -> None:
    """Count a refusal (a wrong password, an email tried at sign-up) and commit it, whatever
    the request does next; refusals older than the window are forgotten.

    It commits inside the use case's unit of work (see ``services.transactions``) on
    purpose: the count outlives the refused use case, which then raises and keeps nothing
    else."""
    now = utcnow()
    session.rollback()  # nothing of the refused request is kept but the count
    session.execute(delete(SignInFailure).where(SignInFailure.at < now - GUESS_WINDOW))
    session.add(SignInFailure(login=login, address=address[:64], at=now))
    session.commit()


def _check_guesses(session: Session, login: str, address: str) -> None:
    since = utcnow() - GUESS_WINDOW
    for column, value, limit, whose in (
            (SignInFailure.login, login, GUESSES_PER_ACCOUNT, "this account"),
            (SignInFailure.address, address, GUESSES_PER_ADDRESS, "your address")):
        if not value:
            continue
        times = list(session.scalars(select(SignInFailure.at).where(
            column == value, SignInFailure.at >= since).order_by(SignInFailure.at.desc())
            .limit(limit)))
        if len(times) >= limit:
            wait = max(1, int((times[-1] + GUESS_WINDOW - utcnow()).total_seconds()) + 1)
            raise QuotaExceeded(f"too many wrong passwords for {whose}: try again in "
                                f"{max(1, round(wait / 60))} minutes", retry_after=wait)


@commits
def start_session(session: Session, user: User, *, days: int) -> SignedIn:
    """A new browser session for ``user`` lasting ``days``."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    session.add(WebSession(user_id=user.id, token_hash=_digest(token), csrf_token=csrf,
                           expires_at=utcnow() + timedelta(days=days)))
    session.flush()
    return SignedIn(user=user, token=token, csrf_token=csrf)


def resolve_session(session: Session, token: str) -> WebSession | None:
    """The live session behind a cookie value, or None."""
    if not token:
        return None
    row = session.scalar(select(WebSession).where(WebSession.token_hash == _digest(token)))
    if row is None or row.expires_at <= utcnow():
        return None
    return row


@commits
def end_session(session: Session, token: str) -> None:
    """Sign a browser out; unknown tokens are ignored."""
    session.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))


@commits
def create_api_token(session: Session, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal API token; the secret is returned once and never stored."""
    label = name.strip()
    if not 1 <= len(label) <= 64:
        raise InvalidInput("name", "give the token a name of 1 to 64 characters")
    if (session.scalar(select(func.count()).where(ApiToken.user_id == user.id)) or 0) >= 20:
        raise Conflict("at most 20 tokens per account: delete one first")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=_digest(secret), name=label)
    session.add(row)
    session.flush()
    return row, secret


@dataclass(frozen=True)
class TokenUse:
    """The owner of a presented API token, and whether to record this use of it."""

    user_id: int
    token_id: int
    record: bool  # last recorded over TOKEN_USE_EVERY ago: call record_token_uses


_TOKEN_OWNER = Prepared(select(ApiToken.user_id, ApiToken.id, ApiToken.last_used_at)
                        .where(ApiToken.token_hash == bindparam("digest")))


def resolve_api_token(session: Session, secret: str) -> TokenUse | None:
    """Whose API token secret this is, or None; reads only (one indexed query).

    The owner is named by id: every request with a token asks this, and most need no
    more of the user than who they are.
    """
    if not secret.startswith(TOKEN_PREFIX):
        return None
    found = _TOKEN_OWNER.rows(session.connection(), {"digest": _digest(secret)})
    if not found:
        return None
    user_id, token_id, last_used = found[0]
    due = last_used is None or utcnow() - last_used > TOKEN_USE_EVERY
    return TokenUse(user_id=user_id, token_id=token_id, record=due)


def caller_of(session: Session, kind: str, secret: str) -> int | None:
    """The user an API token (``kind`` "token") or a session cookie ("session") belongs
    to, or None; reads only."""
    if kind == "token":
        found = resolve_api_token(session, secret)
        return found.user_id if found is not None else None
    web = resolve_session(session, secret)
    return web.user_id if web is not None else None


def record_token_uses(session: Session, token_ids: list[int]) -> None:
    """Record that these tokens were used now, each unless that was done in the last minute.

    Meant for a transaction of its own: a write begun inside an older read transaction
    fails on SQLite when another connection wrote in between.
    """
    now = utcnow()
    session.execute(update(ApiToken).where(
        ApiToken.id.in_(token_ids),
        or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < now - TOKEN_USE_EVERY))
        .values(last_used_at=now))


def list_api_tokens(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens, newest first (names and dates only)."""
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                .order_by(ApiToken.id.desc())))


@commits
def revoke_api_token(session: Session, user: User, token_id: int) -> None:
    """Delete one of the user's tokens."""
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound(f"no token {token_id}")
    session.delete(row)


def user_by_handle(session: Session, handle: str) -> User:
    """The user with this handle, or NotFound."""
    user = session.scalar(select(User).where(User.handle == handle.lstrip("@").lower()))
    if user is None:
        raise NotFound(f"no user @{handle.lstrip('@')}")
    return user


@commits
def update_profile(session: Session, user: User, *, display_name: str | None = None,
                   bio: str | None = None) -> User:
    """Change the name and bio shown on the profile."""
    if display_name is not None:
        name = display_name.strip()
        if not 1 <= len(name) <= 64:
            raise InvalidInput("display_name", "1 to 64 characters")
        user.display_name = name
    if bio is not None:
        if len(bio) > 500:
            raise InvalidInput("bio", "at most 500 characters")
        user.bio = bio.strip()
    return user


def set_avatar(session: Session, blobs: BlobStore, user: User, picture: Image.Image) -> User:
    """Make the uploaded ``picture`` (decoded by ``uploads.open_picture``) the user's avatar
    (cropped to a square); the old picture is deleted once the new one is committed, the
    new one if the commit fails."""
    old = user.avatar_key
    key = store_avatar(blobs, user.id, picture)
    with kept_if_committed(blobs, key), unit_of_work(session, outermost=True):
        user.avatar_key = key
    if old:
        blobs.delete(old)
    return user
