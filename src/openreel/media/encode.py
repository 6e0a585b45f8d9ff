"""Stream frames and a soundtrack into an MP4 (H.264 yuv420p + AAC 48 kHz stereo, faststart).

Frames go to the encoder one at a time from a bounded queue drained by a
worker thread, so memory stays flat however long the clip is and the encoder
(which releases the GIL) runs beside the renderer. The file is written to a
temporary name and renamed into place only when complete.
"""

from __future__ import annotations

import os
import queue
import threading
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import TracebackType

import av
import cv2
import numpy as np

AUDIO_RATE = 48_000
_AAC_FRAME = 1024


# x264's macroblock-tree rate control made the same frames encode to different bits from
# run to run (4 to 8 different files in 8 encodes of one clip, in one process, one thread
# or many): without it a seed gives the very same file every time, at some cost in size.
X264_PARAMS = "mbtree=0"


@dataclass(frozen=True)
class EncodeSettings:
    """libx264 and AAC settings."""

    preset: str = "veryfast"
    crf: int = 20
    audio_bitrate: int = 192_000
    queue_frames: int = 6


class Mp4Writer:
    """Write an MP4 frame by frame; use as a context manager.

    ``write_audio`` may be called once, before or after the frames; when it
    comes first the audio is interleaved with the video as frames arrive.
    """

    def __init__(self, path: Path, width: int, height: int, fps: int,
                 settings: EncodeSettings | None = None) -> None:
        if width % 2 or height % 2:
            raise ValueError("width and height must be even for yuv420p")
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.settings = settings or EncodeSettings()
        self.frames_written = 0
        self.frames_encoded = 0
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        self._audio: np.ndarray | None = None
        self._audio_pos = 0
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(self.settings.queue_frames)
        self._error: BaseException | None = None
        self._container: av.container.OutputContainer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Mp4Writer:
        self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is None:
            self.close()
        else:
            self.abort()

    def open(self) -> None:
        """Create the temporary file and start the encoder thread."""
        s = self.settings
        self._container = av.open(str(self._tmp), mode="w", format="mp4",
                                  options={"movflags": "+faststart"})
        video = self._container.add_stream("libx264", rate=self.fps)
        video.width, video.height = self.width, self.height
        video.pix_fmt = "yuv420p"
        video.time_base = Fraction(1, self.fps)
        video.codec_context.options = {"preset": s.preset, "crf": str(s.crf),
                                       "x264-params": X264_PARAMS}
        audio = self._container.add_stream("aac", rate=AUDIO_RATE)
        audio.layout = "stereo"
        audio.bit_rate = s.audio_bitrate
        # FFmpeg's constant-quantiser coder: a third of the default search's time, and at
        # this bitrate no difference a listener (or the sound mark's reader) can find
        audio.codec_context.options = {"aac_coder": "fast"}
        self._video, self._audio_stream = video, audio
        self._thread = threading.Thread(target=self._encode_loop, name="mp4-encoder", daemon=True)
        self._thread.start()

    def write_audio(self, samples: np.ndarray) -> None:
        """Give the whole soundtrack: (n, 2) float32 at 48 kHz (any time before ``close``)."""
        if samples.ndim != 2 or samples.shape[1] != 2:
            raise ValueError("audio must be (n, 2)")
        self._audio = np.ascontiguousarray(samples, dtype=np.float32)

    def write_frame(self, rgba: np.ndarray) -> None:
        """Queue one (height, width, 4) or (height, width, 3) uint8 frame for encoding."""
        if self._error is not None:
            raise RuntimeError("encoder failed") from self._error
        if rgba.shape[0] != self.height or rgba.shape[1] != self.width:
            raise ValueError(f"frame is {rgba.shape[1]}x{rgba.shape[0]}, "
                             f"expected {self.width}x{self.height}")
        self._queue.put(rgba)
        self.frames_written += 1

    def close(self) -> None:
        """Flush everything and move the finished file into place."""
        self._finish()
        if self._error is not None:
            self._discard()
            raise RuntimeError(f"encoding failed: {self._error}") from self._error
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        """Stop and remove the partial file."""
        try:
            self._finish()
        finally:
            self._discard()

    # -- internals -------------------------------------------------------------------------
    def _finish(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        if self._container is not None:
            try:
                if self._error is None:
                    self._mux_audio_until(None)
                    for packet in self._audio_stream.encode(None):
                        self._container.mux(packet)
            except Exception as exc:  # keep the first error; the file is discarded
                self._error = self._error or exc
            finally:
                self._container.close()
                self._container = None

    def _discard(self) -> None:
        self._tmp.unlink(missing_ok=True)

    def _encode_loop(self) -> None:
        assert self._container is not None
        index = 0
        while True:
            item = self._queue.get()
            if item is None:
                break
            if self._error is not None:
                continue  # drain so the producer never blocks
            try:
                frame = av.VideoFrame.from_ndarray(_yuv420p(item), format="yuv420p")
                frame.pts = index
                index += 1
                for packet in self._video.encode(frame):
                    self._container.mux(packet)
                self._mux_audio_until(index / self.fps)
                self.frames_encoded = index
            except Exception as exc:
                self._error = exc
        if self._error is None:
            try:
                for packet in self._video.encode(None):
                    self._container.mux(packet)
            except Exception as exc:
                self._error = exc

    def _mux_audio_until(self, seconds: float | None) -> None:
        """Encode the soundtrack up to ``seconds`` (all of it when None)."""
        audio = self._audio  # may arrive from another thread while frames are encoded
        if audio is None or self._container is None:
            return
        end = len(audio) if seconds is None else min(len(audio), int(seconds * AUDIO_RATE))
        while self._audio_pos < end:
            stop = min(self._audio_pos + _AAC_FRAME, len(audio))
            if seconds is not None and stop > end:
                break
            chunk = audio[self._audio_pos:stop]
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk.T), format="fltp",
                                               layout="stereo")
            frame.sample_rate = AUDIO_RATE
            frame.pts = self._audio_pos
            self._audio_pos = stop
            for packet in self._audio_stream.encode(frame):
                self._container.mux(packet)


def _yuv420p(rgb: np.ndarray) -> np.ndarray:
    """An RGB or RGBA frame as the planes of yuv420p (BT.601, limited range), one array.

    OpenCV's converter gives what swscale's default does (luma within one level) in a
    tenth of the time, and releases the GIL while it runs.
    """
    code = cv2.COLOR_RGBA2YUV_I420 if rgb.shape[2] == 4 else cv2.COLOR_RGB2YUV_I420
    return cv2.cvtColor(np.ascontiguousarray(rgb), code)
