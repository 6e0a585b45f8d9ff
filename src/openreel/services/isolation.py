"""Work on files strangers send, done apart: in a child process with a memory ceiling and a
time limit, a few at a time.

Decoding an upload can take any amount of memory and time the file asks for (a raw stream
without timestamps, a picture that decodes to gigabytes), and memory a decoder took is not
given back to the system by a long-running server. A child process ends with its work, so
whatever it took is returned; a ceiling on its memory and a wall-clock limit bound one
file's cost, and a semaphore bounds how many run at once (the rest wait their turn for a
while, then are told to come back).

The children fork from a server process started once (multiprocessing's "forkserver"),
which has the modules they need loaded already: forking one takes milliseconds and shares
nothing with the web server's threads or database connections. As with multiprocessing's
spawn method, each child imports the main module of the process that asked for it under
another name, so that module must do nothing on import (openreel's entry points, uvicorn
and pytest keep their work under ``if __name__ == "__main__"``).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from openreel.services.errors import Busy, InvalidInput, TooLarge

T = TypeVar("T")
CHILD_NICENESS = 10


class TookTooLong(Exception):
    """The child ran past its time limit and was stopped."""


class OutOfMemory(Exception):
    """The child needed more memory than its ceiling (or died without answering)."""


def _child(conn: Connection, memory_bytes: int, work: Callable[..., Any],
           args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    # Private writable memory (heap and anonymous maps, where decoded frames live); code
    # and shared libraries do not count against it.
    resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
    os.nice(CHILD_NICENESS)  # the server's own requests come first
    try:
        conn.send(("ok", work(*args, **kwargs)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # every failure goes back to the caller
        conn.send(("error", exc))
    finally:
        conn.close()


class Isolated:
    """Runs functions in child processes: at most ``at_once`` at a time (a caller waits up
    to ``wait_seconds`` for a turn, else Busy), each stopped after ``seconds`` (TookTooLong)
    and held to ``memory_bytes`` of private memory (OutOfMemory).

    ``preload`` names modules the fork server imports once, so children start warm.
    """

    def __init__(self, *, at_once: int, wait_seconds: float, seconds: float,
                 memory_bytes: int, preload: tuple[str, ...] = ()) -> None:
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self.wait_seconds = wait_seconds
        self._turns = threading.BoundedSemaphore(at_once)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(list(preload))

    def run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``work(*args, **kwargs)`` in a child; its exceptions are raised here."""
        if not self._turns.acquire(timeout=self.wait_seconds):
            raise Busy("openreel is busy checking other files: try again in a moment",
                       retry_after=5)
        try:
            return self._run(work, args, kwargs)
        finally:
            self._turns.release()

    def _run(self, work: Callable[..., T], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> T:
        ours, theirs = self._context.Pipe(duplex=False)
        child = self._context.Process(target=_child, daemon=True, args=(
            theirs, self.memory_bytes, work, args, kwargs))
        child.start()
        theirs.close()
        try:
            if not ours.poll(self.seconds):
                raise TookTooLong(f"stopped after {self.seconds:g} s")
            try:
                outcome, value = ours.recv()
            except EOFError:  # killed (by the kernel, out of memory) before it answered
                raise OutOfMemory("the work ended without an answer") from None
        finally:
            ours.close()
            if child.is_alive():
                child.kill()
            child.join()
        if outcome == "memory":
            raise OutOfMemory(f"needed more than {self.memory_bytes // 2**20} MiB")
        if outcome == "error":
            raise value
        result: T = value
        return result


def run_on_upload(checks: Isolated, work: Callable[..., T], *args: Any, doing: str,
                  instead: str, **kwargs: Any) -> T:
    """``work`` on a file someone sent, through ``checks``; past its time limit →
    InvalidInput, past its memory → TooLarge, both saying what it was ``doing`` ("examine")
    and what to send ``instead``."""
    try:
        return checks.run(work, *args, **kwargs)
    except TookTooLong:
        raise InvalidInput("file", f"took longer than {checks.seconds:g} s to {doing}: "
                           f"{instead}") from None
    except OutOfMemory:
        raise TooLarge(f"the file needs more memory to {doing} than openreel gives one "
                       f"check: {instead}") from None
