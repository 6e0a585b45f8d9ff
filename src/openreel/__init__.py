"""openreel: an open platform for AI-made short video with synchronized sound."""

from functools import cache
from typing import Any


@cache
def _version() -> str:
    # importlib.metadata costs a third of the command line's start-up: read it when asked.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("openreel")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
