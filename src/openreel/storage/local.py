"""Blobs as files under one directory, written atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from openreel.storage.blobs import DEFAULT_CHUNK_SIZE, BlobNotFound, check_key, check_range


class LocalBlobStore:
    """A :class:`~openreel.storage.blobs.BlobStore` over a local directory.

    A write goes to a hidden temporary file beside its target, is flushed to disk, and is
    renamed into place, so readers see the old blob or the new one and a crash leaves no
    partial file under any key.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def put_file(self, key: str, path: Path) -> None:
        """Store a copy of the file at ``path`` under ``key``."""
        with open(path, "rb") as source:
            self._write_atomically(key, lambda target: shutil.copyfileobj(source, target))

    def put_bytes(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key``."""
        self._write_atomically(key, lambda target: target.write(data))

    def open(self, key: str) -> BinaryIO:
        """The blob opened for reading."""
        try:
            return open(self._path(key), "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise BlobNotFound(key) from None

    def size(self, key: str) -> int:
        """The blob's length in bytes."""
        path = self._path(key)
        if not path.is_file():
            raise BlobNotFound(key)
        return path.stat().st_size

    def exists(self, key: str) -> bool:
        """Whether a blob is stored under ``key``."""
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        """Remove the blob if it is there."""
        with contextlib.suppress(FileNotFoundError):
            self._path(key).unlink()

    def iter_range(
        self, key: str, start: int = 0, end: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[bytes]:
        """Yield bytes ``[start, end)`` of the blob, at most ``chunk_size`` at a time.

        A missing blob raises :class:`BlobNotFound` here, before any byte is promised.
        """
        check_range(start, end)
        if chunk_size <= 0:
            raise ValueError(f"chunk_size must be positive, got {chunk_size}")
        stop = self.size(key) if end is None else min(end, self.size(key))
        return self._read_chunks(key, start, stop, chunk_size)

    def _read_chunks(self, key: str, start: int, stop: int, chunk_size: int) -> Iterator[bytes]:
        """The generator behind :meth:`iter_range`."""
        if start >= stop:
            return
        with self.open(key) as blob:
            blob.seek(start)
            remaining = stop - start
            while remaining > 0:
                chunk = blob.read(min(chunk_size, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                yield chunk

    def _path(self, key: str) -> Path:
        """Where the blob for a valid ``key`` lives."""
        return self.root.joinpath(*check_key(key).split("/"))

    def _write_atomically(self, key: str, write: Callable[[BinaryIO], object]) -> None:
        """Run ``write`` into a temp file beside the target, then rename it into place."""
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(fd, "wb") as temp:
                write(temp)
                temp.flush()
                os.fsync(temp.fileno())
            os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise
        _fsync_directory(target.parent)


def _fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
