"""Where a use case's writes begin and end: the services own their transactions.

A service function that writes is one unit of work on the session it is given: it commits
when it succeeds and rolls back when it raises, so every caller (an API route, a page, the
command line, a job, a test) gets the same guarantee and commits nothing itself. Such a
function is marked :func:`commits`. One that must act once its writes are committed
(delete the files its rows no longer name, let the queue cancel in a transaction of its
own) writes inside ``with unit_of_work(session, outermost=True):`` and acts after the
block; one that stores an upload puts ``uploads.kept_if_committed`` around its unit.

Units nest: a unit begun while another is open on the same session (a use case made of
others, a block of ``Platform.transaction`` or ``db.session.session_scope``) joins it and
leaves the commit to it, so no use case commits part of a larger one. One commit inside
a unit is deliberate: a refused password is counted and committed whatever the refused
use case does next (``accounts._refused``); ``db.session.end_reads`` ends reads only.

Sessions behave as before around the commit: a request's session takes the write lock as
its transaction begins and reads on the reading engine once it has committed
(``api.deps.request_session``), and rows stay readable after a commit
(``expire_on_commit=False``), so a route presents what the service returned as it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from openreel.db.session import TRANSACTION_OWNED, owning_transaction

P = ParamSpec("P")
T = TypeVar("T")


@contextmanager
def unit_of_work(session: Session, *, outermost: bool = False) -> Iterator[Session]:
    """Commit ``session`` when the block ends, roll it back if the block raises; inside a
    unit already open on the session, join that one instead (its owner commits).

    ``outermost``: the block's writes must be committed when it ends (what follows acts on
    them), so it refuses to be part of a larger unit.
    """
    if session.info.get(TRANSACTION_OWNED):
        if outermost:
            raise RuntimeError("this use case commits before it goes on: call it on its own, "
                               "not inside another unit of work")
        yield session
        return
    with owning_transaction(session):
        yield session


def commits(work: Callable[Concatenate[Session, P], T]) -> Callable[Concatenate[Session, P], T]:
    """Make ``work``, a service function that takes the session first, one unit of work
    (see :func:`unit_of_work`)."""

    @wraps(work)
    def unit(session: Session, *args: P.args, **kwargs: P.kwargs) -> T:
        with unit_of_work(session):
            return work(session, *args, **kwargs)

    return unit
