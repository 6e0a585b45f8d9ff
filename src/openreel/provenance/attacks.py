"""Edits a published video commonly goes through, applied to decoded frames.

The picture mark's tests and benchmark use these to check that the mark survives them:
re-encoding with H.264, downscaling, cropping the edges, trimming the ends, all of them
at once, saving a frame as a JPEG, and the re-posts of ``copy_edits`` (mirrored, turned,
framed, boxed in).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from openreel.media import EncodeSettings, Mp4Writer, read_frames
from openreel.provenance.copy_edits import EDITS, edit_frame

Frames = list[np.ndarray]


def h264_roundtrip(frames: Frames, crf: int = 30, fps: int = 24) -> Frames:
    """Encode RGB(A) frames to H.264 (yuv420p) at ``crf`` and decode them again."""
    h, w = frames[0].shape[:2]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "attack.mp4"
        with Mp4Writer(path, w - w % 2, h - h % 2, fps, EncodeSettings(crf=crf)) as writer:
            for frame in frames:
                writer.write_frame(np.ascontiguousarray(frame[:h - h % 2, :w - w % 2]))
        return list(read_frames(path))


def downscale(frames: Frames, factor: float = 0.5) -> Frames:
    """Resize every frame by ``factor`` with bilinear filtering."""
    h, w = frames[0].shape[:2]
    size = (round(w * factor), round(h * factor))
    return [np.asarray(Image.fromarray(f).resize(size, Image.Resampling.BILINEAR))
            for f in frames]


def crop_edges(frames: Frames, share: float = 0.1) -> Frames:
    """Cut ``share`` of the height from the top and the bottom, and of the width from each side."""
    h, w = frames[0].shape[:2]
    dy, dx = int(h * share), int(w * share)
    return [np.ascontiguousarray(f[dy:h - dy, dx:w - dx]) for f in frames]


def trim_ends(frames: Frames, head: int, tail: int) -> Frames:
    """Drop ``head`` frames from the start and ``tail`` from the end."""
    return frames[head:len(frames) - tail]


def combined(frames: Frames, head: int, tail: int) -> Frames:
    """Trim, crop 10 % of each edge, halve the size and re-encode at CRF 30, in that order."""
    return h264_roundtrip(downscale(crop_edges(trim_ends(frames, head, tail))))



def jpeg(frames: Frames, quality: int = 75) -> Frames:
    """Save every frame as a JPEG at ``quality`` and decode it again (RGB)."""
    out = []
    for frame in frames:
        buf = io.BytesIO()
        Image.fromarray(np.ascontiguousarray(frame[..., :3])).save(buf, "JPEG", quality=quality)
        out.append(np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")))
    return out


def repost(frames: Frames, edit: str) -> Frames:
    """The frames as the re-post ``edit`` of ``copy_edits.EDITS`` shows them (before any
    re-encoding): ``"mirrored"``, ``"turned_90"``, ``"border_3pct"``, ``"letterboxed"``
    or ``"blurred_background"``."""
    return [edit_frame(np.ascontiguousarray(f[..., :3]), EDITS[edit]) for f in frames]
