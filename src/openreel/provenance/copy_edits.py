"""Copies of a video file as they travel the web, picture and sound; for tests and benches.

Each copy is re-encoded as a re-upload would be (H.264 CRF 30, AAC 96 kbit/s), and may
also be halved in size, cropped by a tenth at every edge and trimmed at either end; or
reduced to its soundtrack. Frames stream through one at a time. (``attacks`` holds the
same edits on decoded frame lists, without sound.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np

from openreel.media import AUDIO_RATE, EncodeSettings, Mp4Writer, probe, read_audio, read_frames
from openreel.provenance._audio_attacks import resample


@dataclass(frozen=True)
class Edit:
    """What happens to a copy besides re-encoding."""

    half_size: bool = False
    crop: float = 0.0  # share of the size cut from every edge
    head_s: float = 0.0  # seconds cut from the start
    tail_s: float = 0.0  # seconds cut from the end
    crf: int = 30


EDITS: dict[str, Edit] = {
    "crf30": Edit(),
    "half_size": Edit(half_size=True),
    "crop_10pct": Edit(crop=0.1),
    "trim": Edit(head_s=0.7, tail_s=0.4),
    "combined": Edit(half_size=True, crop=0.1, head_s=0.7, tail_s=0.4),
}


def edited_size(width: int, height: int, edit: Edit) -> tuple[int, int]:
    """Width and height (even, for yuv420p) of a ``width`` x ``height`` picture's copy."""
    width -= 2 * round(width * edit.crop)
    height -= 2 * round(height * edit.crop)
    if edit.half_size:
        width, height = width // 2, height // 2
    return max(2, width - width % 2), max(2, height - height % 2)


def edit_frame(rgb: np.ndarray, edit: Edit) -> np.ndarray:
    """Crop and scale one frame as ``edit`` says."""
    h, w = rgb.shape[:2]
    dy, dx = round(h * edit.crop), round(w * edit.crop)
    rgb = rgb[dy:h - dy, dx:w - dx]
    width, height = edited_size(w, h, edit)
    if (rgb.shape[1], rgb.shape[0]) != (width, height):
        rgb = cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(rgb)


def _kept(path: Path, first: int, last: int) -> Iterator[np.ndarray]:
    for i, rgb in enumerate(read_frames(path)):
        if first <= i < last:
            yield rgb


def edit_copy(src: Path, dst: Path, edit: Edit) -> Path:
    """Write to ``dst`` the copy of video ``src`` that ``edit`` describes."""
    info = probe(src)
    fps = round(info.fps) or 24
    width, height = edited_size(info.width, info.height, edit)
    settings = EncodeSettings(crf=edit.crf, audio_bitrate=96_000)
    with Mp4Writer(dst, width, height, fps, settings) as writer:
        if info.audio_codec is not None:
            samples, rate = read_audio(src)
            samples = resample(samples, rate, AUDIO_RATE) if rate != AUDIO_RATE else samples
            stereo = samples if samples.shape[1] == 2 else np.repeat(samples[:, :1], 2, axis=1)
            head, tail = round(edit.head_s * AUDIO_RATE), round(edit.tail_s * AUDIO_RATE)
            writer.write_audio(stereo[head:len(stereo) - tail])
        first, last = round(edit.head_s * fps), info.frames - round(edit.tail_s * fps)
        for rgb in _kept(src, first, last):
            writer.write_frame(edit_frame(rgb, edit))
    return dst


def sound_only(src: Path, dst: Path, head_s: float = 0.0, tail_s: float = 0.0,
               rate: int = 44_100) -> Path:
    """Write the soundtrack of ``src``, trimmed and resampled to ``rate``, as AAC in M4A."""
    samples, source_rate = read_audio(src)
    samples = samples[round(head_s * source_rate):len(samples) - round(tail_s * source_rate)]
    planar = np.ascontiguousarray(resample(samples, source_rate, rate).T)
    layout = "stereo" if len(planar) == 2 else "mono"
    with av.open(str(dst), mode="w", format="mp4") as container:
        stream = container.add_stream("aac", rate=rate)
        stream.layout = layout
        stream.bit_rate = 96_000
        for start in range(0, planar.shape[1], 1024):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(planar[:, start:start + 1024]), format="fltp",
                layout=layout)
            frame.sample_rate, frame.pts = rate, start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return dst
