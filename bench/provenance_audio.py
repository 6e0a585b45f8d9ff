"""Audio watermark: bit accuracy, identification and false positives over rendered soundtracks.

Usage: ``python -m bench.provenance_audio [--clips N]``; writes
``bench/results/provenance_audio.json``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from openreel.media import read_audio
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance._audio_attacks import aac_roundtrip, resample, trim
from openreel.provenance.audio_mark import FALSE_POSITIVE_BOUND, detect, embed

CLIPS = 50
RESULTS = Path(__file__).parent / "results" / "provenance_audio.json"
SECONDS = 6.0
KEY = 77
PROMPTS = ["a dog barks on a rainy street while a man says hello and music plays",
           "waves crash on a beach at sunset with gulls and soft guitar",
           "a car drives through a city at night, horns and rain",
           "two kids laugh and play football in a park with birds singing",
           "a woman says good morning in a quiet kitchen while coffee boils"]
Attack = Callable[[np.ndarray, int], tuple[np.ndarray, int]]
ATTACKS: dict[str, Attack] = {
    "none": lambda x, r: (x, r),
    "aac96": lambda x, r: (aac_roundtrip(x, r, 96_000), r),
    "resample44k1": lambda x, r: (resample(x, r, 44_100), 44_100),
    "trim": lambda x, r: (trim(x, r, 1.0, 0.8), r),
    "combined": lambda x, r: (resample(trim(aac_roundtrip(x, r, 96_000), r, 1.0, 0.8), r,
                                       44_100), 44_100),
}


def _soundtracks(folder: Path, clips: int) -> list[np.ndarray]:
    out = []
    for i in range(clips):
        options = GenerateOptions(seconds=SECONDS, size="1280x720", fps=24, seed=i)
        path = folder / f"clip{i}.mp4"
        render_to_file(plan(PROMPTS[i % len(PROMPTS)], None, options), options, path)
        out.append(read_audio(path)[0])
    return out


def _unmarked_excerpts(tracks: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """Excerpts of unmarked soundtracks (also AAC'd), noise and tones: at least 1,000."""
    rate, out = 48_000, []
    for track in tracks:
        aac = aac_roundtrip(track, rate)
        for start in np.arange(0.0, SECONDS - 3.0, 0.5):
            out.append(track[int(start * rate):int((start + 3.0) * rate)])
            out.append(aac[int(start * rate):int((start + 3.0) * rate)])
    t = np.arange(3 * rate) / rate
    for _ in range(200):
        out.append(rng.normal(0, 0.1, (3 * rate, 2)).astype(np.float32))
        tone = 0.2 * np.sin(2 * np.pi * rng.uniform(100, 8000) * t)
        out.append(np.stack([tone, tone], axis=1).astype(np.float32))
    return out


def run(clips: int = CLIPS) -> dict[str, object]:
    """Measure and return the figures."""
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        tracks = _soundtracks(Path(tmp), clips)
    snr, embed_s, detect_s = [], [], []
    found = {name: 0 for name in ATTACKS}
    misread = {name: 0 for name in ATTACKS}
    payload_bits = {name: 0 for name in ATTACKS}
    corrected: dict[str, list[int]] = {name: [] for name in ATTACKS}
    for track in tracks:
        payload = rng.bytes(8)
        truth = np.unpackbits(np.frombuffer(payload, np.uint8))
        started = time.perf_counter()
        marked = embed(track, 48_000, payload, KEY)
        embed_s.append(time.perf_counter() - started)
        noise = np.sum((marked.astype(np.float64) - track) ** 2)
        snr.append(10 * np.log10(np.sum(track.astype(np.float64) ** 2) / noise))
        for name, attack in ATTACKS.items():
            samples, rate = attack(marked, 48_000)
            started = time.perf_counter()
            result = detect(samples, rate, KEY)
            detect_s.append(time.perf_counter() - started)
            if result.payload is None:
                continue  # an unread payload counts as no bit recovered
            got = np.unpackbits(np.frombuffer(result.payload, np.uint8))
            payload_bits[name] += int(np.sum(got == truth))
            found[name] += result.payload == payload
            misread[name] += result.payload != payload
            corrected[name].append(int(result.bit_errors or 0))
    unmarked = _unmarked_excerpts(tracks, rng)
    false_positives = sum(detect(x, 48_000, KEY).payload is not None for x in unmarked)
    n = len(tracks)
    return {
        "clips": n, "seconds": SECONDS,
        "attacks": {name: {
            "identification_rate": round(found[name] / n, 3),
            "identified": f"{found[name]}/{n}",
            "payload_bit_accuracy": round(payload_bits[name] / (64 * n), 4),
            "misread": misread[name],
            "coded_bits_corrected_mean": round(float(np.mean(corrected[name] or [0])), 1),
            "coded_bits_corrected_max": max(corrected[name] or [0]),
        } for name in ATTACKS},
        "payload_bit_accuracy_counts": "bits of the 64-bit payload read right; a clip whose "
                                       "payload was not found counts as none right",
        "snr_db": {"min": round(min(snr), 2), "mean": round(float(np.mean(snr)), 2)},
        "unmarked_excerpts": len(unmarked), "false_positives": false_positives,
        "false_positive_bound_per_call": FALSE_POSITIVE_BOUND,
        "embed_s_mean": round(float(np.mean(embed_s)), 4),
        "detect_s_mean": round(float(np.mean(detect_s)), 4),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=CLIPS)
    result = run(parser.parse_args().clips)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
