"""Invisible picture mark: payload recovery per edit, false positives, quality and cost."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage

from openreel.media import EncodeSettings, Mp4Writer, read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.picture_mark import detect, embed, threshold

KEY = 7_340_033
CLIPS = 50
UNMARKED_IMAGES = 1000
PROMPTS = ("a red ball bounces in the park", "a dog runs on the beach at sunset",
           "a bird flies over snowy mountains at night", "two cats play in a kitchen",
           "three balloons drift over a city at dusk")
Frames = list[np.ndarray]


def _encode(frames: Frames, path: Path) -> Frames:
    h, w = frames[0].shape[:2]
    with Mp4Writer(path, w, h, 24, EncodeSettings(crf=30)) as writer:
        for frame in frames:
            writer.write_frame(frame)
    return list(read_frames(path))


def _half(frames: Frames) -> Frames:
    return [np.asarray(Image.fromarray(f).resize((f.shape[1] // 2, f.shape[0] // 2),
                                                 Image.Resampling.BILINEAR)) for f in frames]


def _crop(frames: Frames) -> Frames:
    h, w = frames[0].shape[:2]
    return [np.ascontiguousarray(f[h // 10:h - h // 10, w // 10:w - w // 10]) for f in frames]


def _ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Luma SSIM with an 11-tap Gaussian window (Wang et al. 2004 constants)."""
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


def _attacks(tmp: Path) -> dict[str, Callable[[Frames], Frames]]:
    return {
        "crf30": lambda f: _encode(f, tmp / "a.mp4"),
        "half_size": lambda f: _encode(_half(f), tmp / "b.mp4"),
        "crop_10pct": lambda f: _encode(_crop(f), tmp / "c.mp4"),
        "trim_ends": lambda f: _encode(f[6:-6], tmp / "d.mp4"),
        "combined": lambda f: _encode(_half(_crop(f[6:-6])), tmp / "e.mp4"),
        "still_crf30": lambda f: _encode(f, tmp / "a.mp4")[len(f) // 2:len(f) // 2 + 1],
    }


def _unmarked_images(clip_frames: list[Frames], count: int) -> Frames:
    rng = np.random.default_rng(3)
    images: Frames = []
    for frames in clip_frames:
        images.extend(frames[:: max(1, len(frames) // 8)])
    while len(images) < count:
        kind = len(images) % 3
        h, w = (640, 360) if rng.random() < 0.5 else (480, 640)
        if kind == 0:
            images.append(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
        elif kind == 1:
            angle = rng.uniform(0, np.pi)
            yy, xx = np.mgrid[0:h, 0:w]
            ramp = (np.cos(angle) * xx + np.sin(angle) * yy)
            ramp = (ramp - ramp.min()) / (np.ptp(ramp) + 1e-9) * 255
            images.append(np.repeat(ramp[..., None], 3, axis=2).astype(np.uint8))
        else:
            smooth = ndimage.gaussian_filter(rng.normal(128, 60, (h, w)), rng.uniform(2, 12))
            images.append(np.repeat(np.clip(smooth, 0, 255)[..., None], 3, 2).astype(np.uint8))
    return images[:count]


def run(clips: int = CLIPS, unmarked_images: int = UNMARKED_IMAGES) -> dict[str, object]:
    """Measure and return the figures."""
    started = time.perf_counter()
    hits: dict[str, list[bool]] = {}
    bit_acc: dict[str, list[float]] = {}
    psnr, ssim, embed_ms, originals = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for i in range(clips):
            options = GenerateOptions(seconds=1.5, size="720x1280", seed=i)
            render_to_file(plan(PROMPTS[i % len(PROMPTS)], None, options), options,
                           tmp / "o.mp4")
            original = list(read_frames(tmp / "o.mp4"))
            originals.append(original)
            payload = int(np.random.default_rng(i).integers(0, 2**63)).to_bytes(8, "big")
            t0 = time.perf_counter()
            marked = [embed(f, payload, KEY) for f in original]
            embed_ms.append((time.perf_counter() - t0) / len(original) * 1000)
            psnr.append(_psnr(original[5], marked[5]))
            ssim.append(_ssim(original[5], marked[5]))
            truth = np.unpackbits(np.frombuffer(payload, np.uint8))
            for name, attack in _attacks(tmp).items():
                found = detect(attack(marked), KEY)
                got = found.payload
                hits.setdefault(name, []).append(got == payload)
                bits = np.unpackbits(np.frombuffer(got, np.uint8)) if got else 1 - truth
                bit_acc.setdefault(name, []).append(float(np.mean(bits == truth)))
        images = _unmarked_images(originals, unmarked_images)
        false_clips = sum(detect(f, KEY).payload is not None for f in originals)
        false_images = sum(detect([im], KEY).payload is not None for im in images)
    return {
        "clips": clips,
        "frames_per_clip": len(originals[0]),
        "attacks": {name: {"identification_rate": round(float(np.mean(hits[name])), 4),
                           "bit_accuracy": round(float(np.mean(bit_acc[name])), 4)}
                    for name in hits},
        "false_positives": {"unmarked_clips": f"{false_clips}/{clips}",
                            "unmarked_images": f"{false_images}/{len(images)}"},
        "detector_z_threshold": round(threshold(), 3),
        "psnr_db": {"mean": round(float(np.mean(psnr)), 2), "min": round(min(psnr), 2)},
        "ssim": {"mean": round(float(np.mean(ssim)), 4), "min": round(min(ssim), 4)},
        "embed_ms_per_frame_720x1280": round(float(np.mean(embed_ms)), 2),
        "wall_s": round(time.perf_counter() - started, 1),
        "targets": {"psnr_db_min": 38.0, "ssim_min": 0.97, "false_positives_max": 0},
    }


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(run(*args), indent=2))
