"""Serving stored files over HTTP with byte ranges, so browsers can seek in a video."""

from __future__ import annotations

import re

from fastapi import HTTPException
from fastapi.responses import StreamingResponse

from openreel.storage import BlobStore

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """``[start, end)`` for one ``Range`` header; None: the whole file; 416: unsatisfiable."""
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        return None  # multiple or odd ranges: answering with the whole file is allowed
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            raise HTTPException(416, "empty suffix range",
                                headers={"Content-Range": f"bytes */{size}"})
        return max(0, size - length), size
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    if start >= size or end <= start:
        raise HTTPException(416, f"range not satisfiable for {size} bytes",
                            headers={"Content-Range": f"bytes */{size}"})
    return start, end


def blob_response(blobs: BlobStore, key: str, media_type: str, *, range_header: str | None,
                  download_name: str | None = None, cache: str = "private, max-age=3600"
                  ) -> StreamingResponse:
    """The blob (or the requested part of it) as a streamed response."""
    size = blobs.size(key)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": cache}
    if download_name:
        headers["Content-Disposition"] = f'attachment; filename="{download_name}"'
    span = parse_range(range_header, size) if range_header else None
    if span is None:
        headers["Content-Length"] = str(size)
        return StreamingResponse(blobs.iter_range(key, 0, None), media_type=media_type,
                                 headers=headers)
    start, end = span
    headers["Content-Length"] = str(end - start)
    headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
    return StreamingResponse(blobs.iter_range(key, start, end), status_code=206,
                             media_type=media_type, headers=headers)
