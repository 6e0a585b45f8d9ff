"""Directing a prompt in a forked process while the caller loads the renderer.

A cold ``openreel generate`` spends its first seconds on one core: loading the English
pipeline and reading the prompt (about 1.3 s), then importing the renderer, the sound and
the marks (about as long). The two do not depend on each other, and Python runs imports
one at a time, so the director works in a child process forked before the renderer is
imported: the child loads the language model and directs, the parent imports the rest,
and the storyboard comes back as JSON through a pipe. Where there is no ``fork``, or the
process already has threads (forking those is unsafe), or the language model is already
loaded (nothing to gain), the prompt is directed in this process when asked for.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openreel.spec import Storyboard, Style


class Directing:
    """A storyboard being directed, here or in a forked child."""

    def __init__(self, prompt: str, *, seconds: float, style: Style | None,
                 image: str | None) -> None:
        self.prompt, self.seconds, self.style, self.image = prompt, seconds, style, image
        self._pid: int | None = None
        self._fd: int | None = None
        if _may_fork():
            self._fork()

    @property
    def asked(self) -> tuple[str, float, Style | None, str | None]:
        """What is being directed: prompt, seconds, style, first-frame image."""
        return self.prompt, self.seconds, self.style, self.image

    @property
    def forked(self) -> bool:
        """Whether a child process is directing."""
        return self._pid is not None

    def result(self) -> Storyboard:
        """The storyboard (raises ValueError with the director's message, as ``direct``)."""
        from openreel.spec import Storyboard

        reply = self._collect()
        if reply is None:  # no child, or it died without answering: direct here
            return self._direct()
        if "error" in reply:
            raise ValueError(str(reply["error"]))
        return Storyboard.model_validate(reply["storyboard"])

    def cancel(self) -> None:
        """Stop the child, if one is still working (the request failed before its plan)."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self._collect()

    # -- internals -------------------------------------------------------------------------
    def _direct(self) -> Storyboard:
        from openreel.director.direct import direct

        return direct(self.prompt, seconds=self.seconds, style=self.style, image=self.image)

    def _fork(self) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: direct, answer, leave without running the parent's exits
            os.close(read)
            try:
                reply: dict[str, object]
                try:
                    reply = {"storyboard": self._direct().model_dump(mode="json")}
                except ValueError as exc:
                    reply = {"error": str(exc)}
                data = json.dumps(reply).encode()
                while data:
                    data = data[os.write(write, data):]
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._fd = pid, read

    def _collect(self) -> dict[str, object] | None:
        """The child's reply (None when there was no child or it gave none), once."""
        if self._pid is None or self._fd is None:
            return None
        chunks: list[bytes] = []
        try:
            while chunk := os.read(self._fd, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(self._fd)
            os.waitpid(self._pid, 0)
            self._pid = self._fd = None
        try:
            reply = json.loads(b"".join(chunks))
        except ValueError:
            return None
        return reply if isinstance(reply, dict) else None


def _may_fork() -> bool:
    return (hasattr(os, "fork") and threading.active_count() == 1
            and "spacy" not in sys.modules)
