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


def filtered(samples: np.ndarray, rate: int, chain: str) -> np.ndarray:
    """(n, ch) float32 audio through an FFmpeg audio filter chain (e.g. ``"atempo=1.02"``),
    at ``rate`` again afterwards."""
    layout = "stereo" if samples.ndim == 2 and samples.shape[1] == 2 else "mono"
    planar = np.ascontiguousarray(np.atleast_2d(samples.T if samples.ndim == 2 else samples),
                                  dtype=np.float32)
    graph = av.filter.Graph()
    source = graph.add_abuffer(format="fltp", sample_rate=rate, layout=layout,
                               time_base=Fraction(1, rate))
    nodes = [source]
    for part in [*chain.split(","), f"aresample={rate}", "aformat=sample_fmts=fltp"]:
        name, _, args = part.partition("=")
        nodes.append(graph.add(name, args or None))
    sink = graph.add("abuffersink")
    for a, b in zip([*nodes], [*nodes[1:], sink], strict=True):
        a.link_to(b)
    graph.configure()
    out: list[np.ndarray] = []

    def drain() -> None:
        while True:
            try:
                frame = sink.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            assert isinstance(frame, av.AudioFrame)
            out.append(frame.to_ndarray().reshape(len(planar), -1))

    for start in range(0, planar.shape[1], 1024):
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(planar[:, start:start + 1024]),
                                           format="fltp", layout=layout)
        frame.sample_rate, frame.pts, frame.time_base = rate, start, Fraction(1, rate)
        source.push(frame)
        drain()
    source.push(None)
    drain()
    joined = np.concatenate(out, axis=1) if out else np.zeros((len(planar), 0), np.float32)
    return np.ascontiguousarray(joined.T if samples.ndim == 2 else joined[0], dtype=np.float32)


def music(seconds: float, rate: int, seed: int = 0) -> np.ndarray:
    """(n, 2) float32 music openreel never made: a chord progression over a bass line and
    a beat, at moderate loudness."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    beat = 60 / rng.uniform(90, 130)
    roots = 110 * 2 ** (rng.choice([0, 3, 5, 7, 8, 10], 8) / 12)
    root = roots[(t / (4 * beat)).astype(int) % len(roots)]
    phase = 2 * np.pi * np.cumsum(root) / rate
    chord = sum(np.sin(phase * ratio) / (1 + k) for k, ratio in enumerate((1, 1.26, 1.5, 2)))
    bass = 0.8 * np.sin(phase / 2)
    since = t % beat
    kick = np.sin(2 * np.pi * 55 * since) * np.exp(-since * 18)
    hat = rng.normal(0, 1, len(t)) * np.exp(-((t + beat / 2) % beat) * 60) * 0.3
    mono = 0.25 * chord + 0.3 * bass + 0.6 * kick + hat
    mono /= np.max(np.abs(mono)) + 1e-9
    return np.repeat((0.5 * mono)[:, None], 2, axis=1).astype(np.float32)


def mixed_with(samples: np.ndarray, other: np.ndarray) -> np.ndarray:
    """``samples`` with ``other`` mixed in at the same loudness (RMS), scaled to not clip."""
    other = other[:len(samples)]
    if len(other) < len(samples):
        other = np.concatenate([other, np.zeros((len(samples) - len(other),
                                                 *other.shape[1:]), np.float32)])
    gain = np.sqrt(np.mean(samples ** 2) / (np.mean(other ** 2) + 1e-12))
    mix = samples + gain * other
    return (mix / max(1.0, float(np.max(np.abs(mix))))).astype(np.float32)


def telephone(samples: np.ndarray, rate: int) -> np.ndarray:
    """As a phone line carries it: 300-3400 Hz, 8 kHz, 8-bit mu-law, and back to ``rate``."""
    band = filtered(samples, rate, "highpass=f=300,lowpass=f=3400")
    narrow = np.clip(resample(band, rate, 8000), -1, 1)
    coded = np.round(np.sign(narrow) * np.log1p(255 * np.abs(narrow)) / np.log1p(255) * 127)
    decoded = np.sign(coded) * np.expm1(np.abs(coded) / 127 * np.log1p(255)) / 255
    return resample(decoded.astype(np.float32), 8000, rate)


def room(samples: np.ndarray, rate: int, seed: int = 0) -> np.ndarray:
    """As a phone filming a screen hears it: a small speaker (200-7000 Hz), the room's
    echoes, and the room's own noise about 30 dB under the sound."""
    band = filtered(samples, rate, "highpass=f=200,lowpass=f=7000,"
                                   "aecho=0.8:0.6:23|41|67:0.35|0.25|0.15")
    rng = np.random.default_rng(seed)
    level = float(np.sqrt(np.mean(band ** 2))) * 10 ** (-30 / 20)
    hiss = rng.normal(0, level, band.shape).astype(np.float32)
    t = np.arange(len(band)) / rate
    hum = (level * np.sin(2 * np.pi * 50 * t)).astype(np.float32)
    mix = band + hiss + (hum[:, None] if band.ndim == 2 else hum)
    return (mix / max(1.0, float(np.max(np.abs(mix))))).astype(np.float32)
