"""Signal attacks the audio watermark must survive; shared by its tests and benchmark."""

from __future__ import annotations

import tempfile
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from scipy.signal import resample_poly

from openreel.media import read_audio


def aac_roundtrip(samples: np.ndarray, rate: int, bitrate: int = 96_000) -> np.ndarray:
    """Encode (n, 2) float32 audio to AAC in an M4A at ``bitrate`` and decode it again."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "attack.m4a"
        with av.open(str(path), mode="w", format="mp4") as container:
            stream = container.add_stream("aac", rate=rate)
            stream.layout = "stereo"
            stream.bit_rate = bitrate
            planar = np.ascontiguousarray(samples.T, dtype=np.float32)
            for start in range(0, planar.shape[1], 1024):
                frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(
                    planar[:, start:start + 1024]), format="fltp", layout="stereo")
                frame.sample_rate = rate
                frame.pts = start
                for packet in stream.encode(frame):
                    container.mux(packet)
            for packet in stream.encode(None):
                container.mux(packet)
        decoded, _ = read_audio(path)
    return decoded


def resample(samples: np.ndarray, src: int, dst: int) -> np.ndarray:
    """Resample (n, ch) audio with a polyphase filter."""
    ratio = Fraction(dst, src)
    return resample_poly(samples, ratio.numerator, ratio.denominator, axis=0).astype(np.float32)


def trim(samples: np.ndarray, rate: int, head_s: float, tail_s: float) -> np.ndarray:
    """Cut ``head_s`` seconds from the start and ``tail_s`` from the end."""
    return samples[int(head_s * rate):len(samples) - int(tail_s * rate)]
