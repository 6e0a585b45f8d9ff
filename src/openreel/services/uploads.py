"""Files people upload: first frames for image → video, avatars, and files to verify.

What each upload takes is said once here (``PICTURES``, ``VERIFIABLE``): its refusals
name it, its form's file picker offers it, its API documentation states it.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from openreel.services.errors import InvalidInput, TooLarge, UnsupportedMedia
from openreel.storage import BlobStore

MAX_IMAGE_PIXELS = 40_000_000
AVATAR_SIDE = 256


@dataclass(frozen=True)
class FileKind:
    """One kind of file an upload takes."""

    name: str  # as people write it: "WebP"
    media_type: str
    extensions: tuple[str, ...]


@dataclass(frozen=True)
class Accepted:
    """The kinds of file one upload takes, grouped by what they are ("picture", "video")."""

    groups: tuple[tuple[str, tuple[FileKind, ...]], ...]

    @property
    def words(self) -> str:
        """Said to people: "a PNG, JPEG or WebP picture" (and more groups after commas)."""
        said = [_article(_listed([k.name for k in kinds])) + " " + noun
                for noun, kinds in self.groups]
        return _listed(said, final=", or " if len(said) > 2 else " or ")

    @property
    def accept(self) -> str:
        """The value of a file input's ``accept``: what its file picker offers."""
        kinds = [k for _, group in self.groups for k in group]
        return ",".join([k.media_type for k in kinds]
                        + [e for k in kinds for e in k.extensions])

    def refusal(self, problem: str) -> str:
        """``problem``, then what to upload instead."""
        return f"{problem}; upload {self.words}"


def _listed(items: list[str], final: str = " or ") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + final + items[-1]


def _article(phrase: str) -> str:
    # "an MP4", "an M4A", "a PNG", "a WAV": how the first letter sounds, not what it is
    return ("an " if phrase[0] in "AEFHILMNORSX" else "a ") + phrase


# Pillow's name for each picture format taken → how it is said and sent
PICTURE_KINDS = {
    "PNG": FileKind("PNG", "image/png", (".png",)),
    "JPEG": FileKind("JPEG", "image/jpeg", (".jpg", ".jpeg")),
    "WEBP": FileKind("WebP", "image/webp", (".webp",)),
    "GIF": FileKind("GIF", "image/gif", (".gif",)),
    "BMP": FileKind("BMP", "image/bmp", (".bmp",)),
}
PICTURES = Accepted((("picture", tuple(PICTURE_KINDS.values())),))
_VIDEO_KINDS = (FileKind("MP4", "video/mp4", (".mp4", ".m4v")),
                FileKind("MOV", "video/quicktime", (".mov",)),
                FileKind("WebM", "video/webm", (".webm",)))
# /verify reads any picture Pillow opens and any clip FFmpeg decodes; these are the ones
# it says it takes (and has tests for)
VERIFIABLE = Accepted((
    ("video", _VIDEO_KINDS),
    ("sound", (FileKind("WAV", "audio/wav", (".wav",)),
               FileKind("MP3", "audio/mpeg", (".mp3",)),
               FileKind("M4A", "audio/mp4", (".m4a",)))),
    ("picture", tuple(PICTURE_KINDS.values())),
))
# a cameo's capture: what phones and browsers record (MediaRecorder writes WebM or MP4)
CAPTURES = Accepted((("video", _VIDEO_KINDS),))


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream`` if it holds at most ``limit`` bytes, else TooLarge (read stops there)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"the file is larger than {limit // (1024 * 1024)} MB")
    return data


def open_picture(data: bytes, field: str) -> Image.Image:
    """Decode an uploaded picture as RGB, refusing what is not one or is absurdly large."""
    if not data:
        raise InvalidInput(field, PICTURES.refusal("the file is empty"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in PICTURE_KINDS:
                raise UnsupportedMedia(PICTURES.refusal(
                    f"{field}: {image.format or 'this'} pictures are not taken"))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise InvalidInput(
                    field, f"the picture is too large ({image.width}x{image.height})")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise UnsupportedMedia(PICTURES.refusal(
            f"{field}: the file is not a picture openreel can read")) from exc
    except OSError as exc:
        raise UnsupportedMedia(PICTURES.refusal(
            f"{field}: the picture is damaged ({exc})")) from exc
    return ImageOps.exif_transpose(image).convert("RGB")


def store_source_image(blobs: BlobStore, image: Image.Image) -> str:
    """Keep a first-frame picture (decoded by ``open_picture``) as PNG, metadata dropped,
    and return its key.

    Each upload gets a key of its own (not one per content), so the file of a request
    whose rows are not committed can be deleted without taking another's.
    """
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


@contextmanager
def scratch_copy(stream: BinaryIO, filename: str, scratch: Path, limit: int,
                 accepted: Accepted) -> Iterator[Path]:
    """An upload copied to a file in ``scratch`` (in pieces, never whole into memory, and
    named with the upload's extension where it is a plain one), removed after the block.
    Larger than ``limit`` bytes → TooLarge; empty → InvalidInput."""
    scratch.mkdir(parents=True, exist_ok=True)
    suffix = Path(filename).suffix.lower()[:10] if filename else ""
    if not re.fullmatch(r"\.[a-z0-9]{1,9}", suffix):
        suffix = ""
    with tempfile.NamedTemporaryFile(dir=scratch, suffix=suffix) as copy:
        size = 0
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"the file is larger than {limit // (1024 * 1024)} MB")
            copy.write(chunk)
        copy.flush()
        if size == 0:
            raise InvalidInput("file", accepted.refusal("the file is empty"))
        yield Path(copy.name)


def store_avatar(blobs: BlobStore, user_id: int, picture: Image.Image) -> str:
    """A square 256-pixel JPEG of the centre of ``picture`` (decoded by ``open_picture``);
    returns its key."""
    image = ImageOps.fit(picture, (AVATAR_SIDE, AVATAR_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    key = f"avatars/{user_id}-{secrets.token_hex(6)}.jpg"
    blobs.put_bytes(key, buffer.getvalue())
    return key
