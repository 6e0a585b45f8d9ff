"""Shared request needs, declared once: the database session, who is asking, limits.

Database work runs where it costs least. On SQLite (a local file in WAL mode, where a
read never waits for a writer and a query takes microseconds to a millisecond) reads run
inline on the event loop: the work is CPU-bound Python either way, and handing it to the
threadpool only adds trips between threads that wait on each other for the GIL, which
under load cost more than the work itself. On a networked database, and for anything
that may wait on a lock (commits), the work goes to the threadpool. See :func:`run_db`.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from openreel.db.models import User
from openreel.db.session import end_reads, reads_after_commit
from openreel.services.accounts import resolve_api_token, resolve_session
from openreel.services.platform import Platform

SESSION_COOKIE = "openreel_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

P = ParamSpec("P")
T = TypeVar("T")


async def get_platform(request: Request) -> Platform:
    """The platform the app was built with (async: no I/O, so no trip to the threadpool)."""
    platform: Platform = request.app.state.platform
    return platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


def reads_inline(platform: Platform) -> bool:
    """Whether database reads may run on the event loop (SQLite: see the module notes)."""
    return platform.engine.dialect.name == "sqlite"


async def run_db(platform: Platform, work: Callable[P, T], *args: P.args,
                 **kwargs: P.kwargs) -> T:
    """Run database reads: inline on SQLite, on the threadpool otherwise."""
    if reads_inline(platform):
        return work(*args, **kwargs)
    return await run_in_threadpool(work, *args, **kwargs)


@asynccontextmanager
async def request_session(platform: Platform, *, writes: bool = False
                          ) -> AsyncIterator[Session]:
    """A session for one request; the service a route calls commits what it writes (see
    ``services.transactions``), before the route answers.

    A request that may write gets a session whose transactions wait their turn for the
    write lock as they begin (see ``db.session.writing_engine``): overlapping writers then
    queue instead of failing. Opening one does no I/O; closing it rolls back what is left
    uncommitted.
    """
    session = (platform.writes if writes else platform.sessions)()
    session.info["writes"] = writes
    if writes:
        reads_after_commit(session, platform.engine)
    try:
        yield session
    finally:
        await run_db(platform, session.close)


async def get_db(request: Request, platform: PlatformDep) -> AsyncIterator[Session]:
    """The request's session (see :func:`request_session`): one that writes for every
    method but GET, HEAD and OPTIONS."""
    async with request_session(platform, writes=request.method not in SAFE_METHODS) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]


def client_address(request: Request) -> str:
    """The address a request came from (as the server saw it), or "?"."""
    return request.client.host if request.client else "?"


@dataclass
class Caller:
    """Who is asking: a user (or nobody), and how they proved it.

    A token names its user by id; the user's row is read from ``session`` the first time
    :attr:`user` is asked for, so requests that need only the id never read it.
    """

    user_id: int | None
    via: str  # "token", "session" or "anonymous"
    csrf_token: str | None = None
    session: Session | None = field(default=None, repr=False)
    _user: User | None = field(default=None, repr=False)

    @classmethod
    def of(cls, user: User | None, via: str, csrf_token: str | None = None) -> Caller:
        """A caller whose user row is at hand already."""
        return cls(user.id if user else None, via, csrf_token, _user=user)

    @property
    def user(self) -> User | None:
        """The signed-in user's row (None for anonymous callers)."""
        if self._user is None and self.user_id is not None:
            assert self.session is not None, "a caller known by id needs a session"
            self._user = self.session.get(User, self.user_id)
        return self._user


async def get_caller(request: Request, db: SessionDep, platform: PlatformDep) -> Caller:
    """Resolve a bearer token or a session cookie; cookie writes must carry the CSRF token."""
    with looking_up(db, platform):
        caller = await _resolve_caller(request, db, platform)
        await run_db(platform, _user_of, caller)  # read now, while the look-up reads
    return caller


async def identify(request: Request, db: Session, platform: Platform) -> Caller:
    """Who is asking, as :func:`get_caller` tells, for a request that reads only and
    needs no more of the user than their id: their row is not read. (A token of an
    account that went is gone with it.)"""
    assert not db.info.get("writes"), "a request that writes resolves its caller with get_caller"
    return await _resolve_caller(request, db, platform)


@contextmanager
def looking_up(db: Session, platform: Platform) -> Iterator[None]:
    """Reads that come before a request's writes (who is asking) take no write lock.

    A session that writes takes the lock as a transaction begins; taken for a look-up,
    it would be held while the request waits for a thread, and a hundred requests that
    each hold the threads the others need wait out the busy timeout together. So the
    look-up reads on the reading engine, and the session's next transaction, the one
    that writes, begins on the writing one.
    """
    if not db.info.get("writes"):
        yield
        return
    writing = db.bind
    db.bind = platform.engine
    try:
        yield
    finally:
        if db.in_transaction():
            end_reads(db)
        db.bind = writing


async def _resolve_caller(request: Request, db: Session, platform: Platform) -> Caller:
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, secret = auth.partition(" ")
        found = (await run_db(platform, resolve_api_token, db, secret.strip())
                 if scheme.lower() == "bearer" else None)
        if found is None:
            raise HTTPException(401, "the API token is not valid",
                                headers={"WWW-Authenticate": "Bearer"})
        if found.record:  # at most once a minute per token, on a thread of its own
            platform.token_uses.record(found.token_id)
        return Caller(found.user_id, "token", session=db)
    cookie = request.cookies.get(SESSION_COOKIE)
    web = await run_db(platform, resolve_session, db, cookie) if cookie else None
    if web is None:
        return Caller.of(None, "anonymous")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), web.csrf_token.encode()):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return Caller.of(web.user, "session", web.csrf_token)


CallerDep = Annotated[Caller, Depends(get_caller)]


def _user_of(caller: Caller) -> User | None:
    return caller.user


async def get_viewer(caller: CallerDep, platform: PlatformDep) -> User | None:
    """The signed-in user, or None for anonymous readers."""
    if caller.user_id is None:
        return None
    user = await run_db(platform, _user_of, caller)
    if user is None:  # the account went after the token was checked
        raise HTTPException(401, "the API token is not valid",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


async def get_current_user(caller: CallerDep, platform: PlatformDep) -> User:
    """The signed-in user; anonymous callers get 401."""
    user = await get_viewer(caller, platform)
    if user is None:
        raise HTTPException(401, "sign in or send an API token (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


ViewerDep = Annotated[User | None, Depends(get_viewer)]
CurrentUser = Annotated[User, Depends(get_current_user)]
