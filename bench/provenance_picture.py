"""Invisible picture mark: payload recovery per edit, false positives, quality and cost.

Usage: ``python -m bench.provenance_picture [--clips N] [--unmarked N] [--baseline-clips N]``.
Writes ``bench/results/provenance_picture.json``. The baseline rows measure the
``invisible-watermark`` package (dwtDct and dwtDctSvd, 64 bits, one vote per frame) on the
same edits; they are skipped with a note when that package is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import ndimage

from openreel.media import read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.attacks import combined, crop_edges, downscale, h264_roundtrip, trim_ends
from openreel.provenance.picture_mark import candidate_count, detect, embed, threshold

KEY = 7_340_033
PROMPTS = ("a red ball bounces in the park", "a dog runs on the beach at sunset",
           "a bird flies over snowy mountains at night", "two cats play in a kitchen",
           "three balloons drift over a city at dusk")
RESULTS = Path(__file__).parent / "results" / "provenance_picture.json"
Frames = list[np.ndarray]
ATTACKS: dict[str, Callable[[Frames], Frames]] = {
    "crf30": h264_roundtrip,
    "half_size_crf30": lambda f: h264_roundtrip(downscale(f)),
    "crop_10pct_crf30": lambda f: h264_roundtrip(crop_edges(f)),
    "trim_ends_crf30": lambda f: h264_roundtrip(trim_ends(f, 6, 6)),
    "combined": lambda f: combined(f, 6, 6),
    "still_crf30": lambda f: h264_roundtrip(f)[len(f) // 2:len(f) // 2 + 1],
}


def _ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Luma SSIM with a Gaussian window (sigma 1.5, Wang et al. 2004 constants)."""
    x, y = (v[..., :3].astype(np.float64) @ [0.299, 0.587, 0.114] for v in (a, b))
    blur = lambda v: ndimage.gaussian_filter(v, 1.5)  # noqa: E731
    mx, my = blur(x), blur(y)
    sxx, syy, sxy = blur(x * x) - mx**2, blur(y * y) - my**2, blur(x * y) - mx * my
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    s = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx**2 + my**2 + c1) * (sxx + syy + c2))
    return float(s.mean())


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * np.log10(255**2 / mse)


def _bits(payload: bytes) -> np.ndarray:
    return np.unpackbits(np.frombuffer(payload, np.uint8))


def _unmarked_images(clip_frames: list[Frames], count: int) -> Frames:
    """Frames of unmarked clips plus synthesized noise, gradients, textures and photo-likes."""
    rng = np.random.default_rng(3)
    images: Frames = []
    for frames in clip_frames:
        images.extend(frames[:: max(1, len(frames) // 4)])
    while len(images) < count:
        kind = len(images) % 4
        h, w = (640, 360) if rng.random() < 0.5 else (480, 640)
        yy, xx = np.mgrid[0:h, 0:w]
        if kind == 0:
            images.append(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
        elif kind == 1:
            angle = rng.uniform(0, np.pi)
            ramp = np.cos(angle) * xx + np.sin(angle) * yy
            ramp = (ramp - ramp.min()) / (np.ptp(ramp) + 1e-9) * 255
            images.append(np.repeat(ramp[..., None], 3, axis=2).astype(np.uint8))
        elif kind == 2:  # stripes and checks: periodic hosts are the hard case for a tiled mark
            period = rng.uniform(4, 40)
            pattern = np.sin(2 * np.pi * (xx * rng.uniform(-1, 1) + yy) / period)
            images.append(np.repeat((128 + 100 * pattern)[..., None], 3, 2).astype(np.uint8))
        else:  # photo-like: 1/f noise in colour with a few hard-edged shapes
            spec = np.fft.fft2(rng.normal(size=(h, w, 3)), axes=(0, 1))
            f = np.hypot(np.fft.fftfreq(h)[:, None], np.fft.fftfreq(w)[None, :]) + 1e-3
            img = np.real(np.fft.ifft2(spec / f[..., None], axes=(0, 1)))
            img = (img - img.mean()) / (img.std() + 1e-9) * 45 + 120
            for _ in range(4):
                cy, cx, r = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(20, 120)
                img[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] = rng.uniform(0, 255, 3)
            images.append(np.clip(img, 0, 255).astype(np.uint8))
    return images[:count]


def _baseline(clips: list[tuple[Frames, bytes]]) -> dict[str, object]:
    """invisible-watermark's dwtDct and dwtDctSvd on the same edits (bit accuracy, 64 bits)."""
    try:
        from imwatermark import WatermarkDecoder, WatermarkEncoder
    except ImportError:
        return {"skipped": "invisible-watermark is not installed (pip install invisible-watermark)"}
    out: dict[str, object] = {"clips": len(clips)}
    for method in ("dwtDct", "dwtDctSvd"):
        acc: dict[str, list[float]] = {}
        psnr = []
        for original, payload in clips:
            encoder = WatermarkEncoder()
            encoder.set_watermark("bytes", payload)
            marked = [encoder.encode(f[..., 2::-1].copy(), method)[..., ::-1].copy()
                      for f in original]
            psnr.append(_psnr(original[len(original) // 2][..., :3], marked[len(marked) // 2]))
            for name, attack in ATTACKS.items():
                votes = []
                for frame in attack(marked):
                    if frame.shape[0] * frame.shape[1] < 256 * 256:
                        continue
                    bits = WatermarkDecoder("bits", 64).decode(frame[..., 2::-1].copy(), method)
                    votes.append(np.asarray(bits, dtype=float))
                got = np.mean(votes, axis=0) > 0.5 if votes else 1 - _bits(payload)
                acc.setdefault(name, []).append(float(np.mean(got == _bits(payload))))
        out[method] = {"psnr_db_mean": round(float(np.mean(psnr)), 2),
                       "bit_accuracy": {k: round(float(np.mean(v)), 4) for k, v in acc.items()},
                       "exact_payload_rate": {k: round(float(np.mean(np.array(v) == 1.0)), 4)
                                              for k, v in acc.items()}}
    return out


def run(clips: int, unmarked: int, baseline_clips: int) -> dict[str, object]:
    """Measure and return the figures."""
    started = time.perf_counter()
    hits: dict[str, list[bool]] = {}
    bit_acc: dict[str, list[float]] = {}
    psnr, ssim, embed_s, detect_s, originals = [], [], [], [], []
    kept: list[tuple[Frames, bytes]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for i in range(clips):
            options = GenerateOptions(seconds=1.5, size="720x1280", seed=i)
            render_to_file(plan(PROMPTS[i % len(PROMPTS)], None, options), options,
                           tmp / "o.mp4")
            original = list(read_frames(tmp / "o.mp4"))
            payload = int(np.random.default_rng(i).integers(0, 2**63)).to_bytes(8, "big")
            t0 = time.perf_counter()
            marked = [embed(f, payload, KEY) for f in original]
            embed_s.append((time.perf_counter() - t0) / len(original))
            for j in (0, len(original) // 2, len(original) - 1):
                psnr.append(_psnr(original[j], marked[j]))
                ssim.append(_ssim(original[j], marked[j]))
            for name, attack in ATTACKS.items():
                frames = attack(marked)
                t0 = time.perf_counter()
                got = detect(frames, KEY).payload
                detect_s.append(time.perf_counter() - t0)
                hits.setdefault(name, []).append(got == payload)
                # A miss counts as chance (half the bits), not as zero.
                acc = float(np.mean(_bits(got) == _bits(payload))) if got else 0.5
                bit_acc.setdefault(name, []).append(acc)
            originals.append(original[::6])
            if len(kept) < baseline_clips:
                kept.append((original, payload))
    images = _unmarked_images(originals, unmarked)
    false_clips = sum(detect(f, KEY).payload is not None for f in originals)
    false_images = sum(detect([im], KEY).payload is not None for im in images)
    return {
        "benchmark": "provenance_picture",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count()},
        "clips": clips,
        "clip": "1.5 s, 720x1280, 24 fps, procedural engine, 5 prompts",
        "attacks": {name: {"identification_rate": round(float(np.mean(hits[name])), 4),
                           "payload_bit_accuracy": round(float(np.mean(bit_acc[name])), 4),
                           "misread": int(sum(a < 1.0 and a != 0.5 for a in bit_acc[name]))}
                    for name in hits},
        "false_positives": {"unmarked_clips": f"{false_clips}/{clips}",
                            "unmarked_images": f"{false_images}/{len(images)}"},
        "detector": {"z_threshold": round(threshold(), 3), "candidates": candidate_count(),
                     "false_positive_bound": 1e-6},
        "psnr_db": {"mean": round(float(np.mean(psnr)), 2), "min": round(min(psnr), 2)},
        "ssim": {"mean": round(float(np.mean(ssim)), 4), "min": round(min(ssim), 4)},
        "embed_s_per_10s_720x1280_clip": round(float(np.mean(embed_s)) * 240, 2),
        "detect_s_mean": round(float(np.mean(detect_s)), 3),
        "invisible_watermark_baseline": _baseline(kept),
        "wall_s": round(time.perf_counter() - started, 1),
        "targets": {"combined_identification_min": 0.99, "psnr_db_min": 38.0,
                    "ssim_min": 0.97, "false_positives_max": 0},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=50)
    parser.add_argument("--unmarked", type=int, default=1000)
    parser.add_argument("--baseline-clips", type=int, default=8)
    args = parser.parse_args()
    result = run(args.clips, args.unmarked, args.baseline_clips)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
