"""What every blob store offers, and the keys and errors they share.

The operations map one to one onto an S3-compatible object store (PutObject, GetObject,
HeadObject, DeleteObject, ranged GetObject), so a remote store can follow without changes
to callers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

MAX_KEY_LENGTH = 512
DEFAULT_CHUNK_SIZE = 256 * 1024

_SEGMENT = re.compile(r"[a-z0-9_][a-z0-9_.-]*")


class BlobError(Exception):
    """Base class for blob store errors."""


class BlobNotFound(BlobError, LookupError):
    """No blob is stored under the key."""

    def __init__(self, key: str) -> None:
        super().__init__(f"no blob stored under key {key!r}")
        self.key = key


class InvalidBlobKey(BlobError, ValueError):
    """The key is not a safe, portable blob key."""


def check_key(key: str) -> str:
    """Return ``key`` if it is valid, else raise :class:`InvalidBlobKey`.

    A key is '/'-separated segments of ``[a-z0-9_.-]``; no segment may be empty or start
    with '.', which rules out '..', absolute paths and hidden (temporary) files alike.
    """
    if not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidBlobKey(f"blob key must be 1..{MAX_KEY_LENGTH} characters: {key!r}")
    for segment in key.split("/"):
        if not _SEGMENT.fullmatch(segment):
            raise InvalidBlobKey(
                f"bad blob key {key!r}: segments are [a-z0-9_.-], non-empty, not starting '.'"
            )
    return key


def check_range(start: int, end: int | None) -> None:
    """Reject a byte range that no slice could mean."""
    if start < 0:
        raise ValueError(f"range start must be >= 0, got {start}")
    if end is not None and end < start:
        raise ValueError(f"range end {end} is before start {start}")


@runtime_checkable
class BlobStore(Protocol):
    """Immutable-ish bytes under string keys; every write is all or nothing."""

    def put_file(self, key: str, path: Path) -> None:
        """Store the contents of the file at ``path`` under ``key``, replacing any blob."""
        ...

    def put_bytes(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key``, replacing any blob."""
        ...

    def open(self, key: str) -> BinaryIO:
        """A readable binary stream of the blob; the caller closes it."""
        ...

    def size(self, key: str) -> int:
        """The blob's length in bytes."""
        ...

    def exists(self, key: str) -> bool:
        """Whether a blob is stored under ``key``."""
        ...

    def delete(self, key: str) -> None:
        """Remove the blob; removing a missing blob is not an error (as in S3)."""
        ...

    def iter_range(
        self, key: str, start: int = 0, end: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[bytes]:
        """Yield bytes ``[start, end)`` of the blob in chunks, clamped to its size.

        ``end`` is exclusive, like a slice (an HTTP ``Range: bytes=a-b`` is ``[a, b + 1)``);
        ``None`` means to the end.
        """
        ...
