"""LocalBlobStore: atomic writes, exact ranges, safe keys, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from openreel.config import Settings
from openreel.storage import (
    BlobNotFound,
    BlobStore,
    InvalidBlobKey,
    LocalBlobStore,
    blob_store_from_settings,
)

DATA = bytes(range(256)) * 41 + b"tail"


@pytest.fixture
def store(tmp_path: Path) -> LocalBlobStore:
    return LocalBlobStore(tmp_path / "blobs")


def _all_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_it_is_a_blob_store(store: LocalBlobStore) -> None:
    assert isinstance(store, BlobStore)


def test_bytes_round_trip(store: LocalBlobStore) -> None:
    store.put_bytes("videos/1/clip.mp4", DATA)
    assert store.exists("videos/1/clip.mp4")
    assert store.size("videos/1/clip.mp4") == len(DATA)
    with store.open("videos/1/clip.mp4") as blob:
        assert blob.read() == DATA


def test_file_round_trip_and_overwrite(store: LocalBlobStore, tmp_path: Path) -> None:
    source = tmp_path / "poster.jpg"
    source.write_bytes(DATA)
    store.put_file("posters/1.jpg", source)
    store.put_bytes("posters/1.jpg", b"new")
    with store.open("posters/1.jpg") as blob:
        assert blob.read() == b"new"
    assert _all_files(store.root) == ["posters/1.jpg"]


def test_delete_removes_and_tolerates_missing(store: LocalBlobStore) -> None:
    store.put_bytes("a/b.bin", b"x")
    store.delete("a/b.bin")
    store.delete("a/b.bin")
    assert not store.exists("a/b.bin")


def test_missing_blobs_raise_blob_not_found(store: LocalBlobStore) -> None:
    with pytest.raises(BlobNotFound, match=r"nope\.mp4"):
        store.open("nope.mp4")
    with pytest.raises(BlobNotFound):
        store.size("nope.mp4")
    with pytest.raises(BlobNotFound):
        store.iter_range("nope.mp4")
    store.put_bytes("dir/file.bin", b"x")
    with pytest.raises(BlobNotFound):
        store.open("dir")


def test_a_failed_rename_leaves_no_file_and_no_temp(
    store: LocalBlobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        store.put_bytes("videos/2.mp4", DATA)
    assert not store.exists("videos/2.mp4")
    assert _all_files(store.root) == []


def test_a_failed_write_keeps_the_old_blob_and_no_temp(store: LocalBlobStore) -> None:
    store.put_bytes("videos/3.mp4", b"old")
    with pytest.raises(TypeError):
        store.put_bytes("videos/3.mp4", "not bytes")  # type: ignore[arg-type]
    with store.open("videos/3.mp4") as blob:
        assert blob.read() == b"old"
    assert _all_files(store.root) == ["videos/3.mp4"]


def test_a_missing_source_file_writes_nothing(store: LocalBlobStore, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        store.put_file("videos/4.mp4", tmp_path / "absent.mp4")
    assert not store.exists("videos/4.mp4")


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, None), (0, 1), (5, 17), (1000, 5000), (len(DATA) - 1, None), (10, 10), (0, 10**9)],
)
@pytest.mark.parametrize("chunk_size", [1, 7, 4096])
def test_range_iteration_returns_exact_bytes(
    store: LocalBlobStore, start: int, end: int | None, chunk_size: int
) -> None:
    store.put_bytes("clip.mp4", DATA)
    chunks = list(store.iter_range("clip.mp4", start, end, chunk_size))
    assert b"".join(chunks) == DATA[start:end]
    assert all(0 < len(chunk) <= chunk_size for chunk in chunks)


def test_range_past_the_end_is_empty(store: LocalBlobStore) -> None:
    store.put_bytes("clip.mp4", DATA)
    assert list(store.iter_range("clip.mp4", len(DATA) + 5)) == []


@pytest.mark.parametrize(("start", "end"), [(-1, None), (10, 5)])
def test_impossible_ranges_are_rejected(store: LocalBlobStore, start: int, end: int | None) -> None:
    store.put_bytes("clip.mp4", DATA)
    with pytest.raises(ValueError):
        store.iter_range("clip.mp4", start, end)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "../escape.mp4",
        "a/../../escape.mp4",
        "/etc/passwd",
        "a//b",
        "a/",
        "./a",
        ".hidden",
        "a/.tmp",
        "Upper.mp4",
        "sp ace.mp4",
        "back\\slash",
        "nul\x00.mp4",
        "ünï.mp4",
        "x" * 513,
    ],
)
def test_bad_keys_are_rejected_everywhere(store: LocalBlobStore, key: str) -> None:
    with pytest.raises(InvalidBlobKey):
        store.put_bytes(key, b"x")
    for call in (store.open, store.size, store.exists, store.delete, store.iter_range):
        with pytest.raises(InvalidBlobKey):
            call(key)
    assert not store.root.exists() or _all_files(store.root) == []


def test_settings_choose_the_blob_directory(tmp_path: Path) -> None:
    default = blob_store_from_settings(Settings(data_dir=tmp_path))
    assert isinstance(default, LocalBlobStore) and default.root == tmp_path / "blobs"
    chosen = blob_store_from_settings(Settings(data_dir=tmp_path, blob_dir=tmp_path / "b"))
    assert isinstance(chosen, LocalBlobStore) and chosen.root == tmp_path / "b"
