"""Pictures people upload: first frames for image → video, and avatars."""

from __future__ import annotations

import hashlib
import io
import secrets
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from openreel.services.errors import InvalidInput, TooLarge, UnsupportedMedia
from openreel.storage import BlobStore

MAX_IMAGE_PIXELS = 40_000_000
AVATAR_SIDE = 256
ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "WEBP", "GIF", "BMP"})


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream`` if it holds at most ``limit`` bytes, else TooLarge (read stops there)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"the file is larger than {limit // (1024 * 1024)} MB")
    return data


def open_picture(data: bytes, field: str) -> Image.Image:
    """Decode an uploaded picture as RGB, refusing what is not one or is absurdly large."""
    if not data:
        raise InvalidInput(field, "the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ACCEPTED_FORMATS:
                raise UnsupportedMedia(f"{field}: send a PNG, JPEG, WebP, GIF or BMP picture")
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise InvalidInput(
                    field, f"the picture is too large ({image.width}x{image.height})")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise UnsupportedMedia(f"{field}: the file is not a picture openreel can read") from exc
    except OSError as exc:
        raise UnsupportedMedia(f"{field}: the picture is damaged ({exc})") from exc
    return ImageOps.exif_transpose(image).convert("RGB")


def store_source_image(blobs: BlobStore, data: bytes) -> str:
    """Keep a first-frame picture as PNG (metadata dropped) and return its key.

    Each upload gets a key of its own (not one per content), so the file of a request
    whose rows are not committed can be deleted without taking another's.
    """
    image = open_picture(data, "image")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    png = buffer.getvalue()
    key = f"uploads/{hashlib.sha256(png).hexdigest()[:16]}-{secrets.token_hex(6)}.png"
    blobs.put_bytes(key, png)
    return key


@contextmanager
def kept_if_committed(blobs: BlobStore, key: str | None) -> Iterator[None]:
    """Around the commit of rows that name a blob just stored: if the block raises (the
    commit failed, the database was busy), the blob is deleted, so nothing is left that
    no row names."""
    try:
        yield
    except BaseException:
        if key is not None:
            with suppress(Exception):  # the error that got here is the one to report
                blobs.delete(key)
        raise


def store_avatar(blobs: BlobStore, user_id: int, data: bytes) -> str:
    """A square 256-pixel JPEG of the picture's centre; returns its key."""
    image = ImageOps.fit(open_picture(data, "avatar"), (AVATAR_SIDE, AVATAR_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    key = f"avatars/{user_id}-{secrets.token_hex(6)}.jpg"
    blobs.put_bytes(key, buffer.getvalue())
    return key
