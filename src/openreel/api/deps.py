"""Shared request needs, declared once: the database session, who is asking, limits."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from openreel.db.models import User
from openreel.services.accounts import resolve_api_token, resolve_session
from openreel.services.platform import Platform

SESSION_COOKIE = "openreel_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_platform(request: Request) -> Platform:
    """The platform the app was built with (async: no I/O, so no trip to the threadpool)."""
    platform: Platform = request.app.state.platform
    return platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


def get_db(platform: PlatformDep) -> Iterator[Session]:
    """A session for the request; routes commit their writes before they answer."""
    session = platform.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


SessionDep = Annotated[Session, Depends(get_db)]


@dataclass
class Caller:
    """Who is asking: a user (or nobody), and how they proved it."""

    user: User | None
    via: str  # "token", "session" or "anonymous"
    csrf_token: str | None = None


def get_caller(request: Request, db: SessionDep) -> Caller:
    """Resolve a bearer token or a session cookie; cookie writes must carry the CSRF token."""
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, secret = auth.partition(" ")
        user = resolve_api_token(db, secret.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise HTTPException(401, "the API token is not valid",
                                headers={"WWW-Authenticate": "Bearer"})
        if db.dirty:  # the token's last-used time, written at most once a minute
            db.commit()
        return Caller(user=user, via="token")
    cookie = request.cookies.get(SESSION_COOKIE)
    web = resolve_session(db, cookie) if cookie else None
    if web is None:
        return Caller(user=None, via="anonymous")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), web.csrf_token.encode()):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return Caller(user=web.user, via="session", csrf_token=web.csrf_token)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_viewer(caller: CallerDep) -> User | None:
    """The signed-in user, or None for anonymous readers."""
    return caller.user


async def get_current_user(caller: CallerDep) -> User:
    """The signed-in user; anonymous callers get 401."""
    if caller.user is None:
        raise HTTPException(401, "sign in or send an API token (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})
    return caller.user


ViewerDep = Annotated[User | None, Depends(get_viewer)]
CurrentUser = Annotated[User, Depends(get_current_user)]
