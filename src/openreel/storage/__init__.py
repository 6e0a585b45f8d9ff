"""Blob storage for rendered videos, posters and avatars, addressed by key."""

from openreel.config import Settings
from openreel.storage.blobs import BlobError, BlobNotFound, BlobStore, InvalidBlobKey, check_key
from openreel.storage.local import LocalBlobStore

__all__ = [
    "BlobError",
    "BlobNotFound",
    "BlobStore",
    "InvalidBlobKey",
    "LocalBlobStore",
    "blob_store_from_settings",
    "check_key",
]


def blob_store_from_settings(settings: Settings) -> BlobStore:
    """The blob store the settings describe (a local directory for now)."""
    return LocalBlobStore(settings.resolved_blob_dir())
