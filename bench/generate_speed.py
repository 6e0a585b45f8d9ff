"""Speed as a user meets it: a cold ``openreel generate`` against libx264 alone, and ``--help``.

``openreel generate`` runs in a fresh process (imports, directing, simulation, rendering,
sound, the visible mark, the picture and sound marks, the fingerprint, encoding and the
signed C2PA manifest: everything a user waits for) on a 10 s 720×1280 24 fps clip with sound
and several moving things. libx264 alone encodes the same frames (decoded from that output,
so already yuv420p, the pixel format libx264 is given) at the same size, rate, preset and
CRF into an MP4, in this process. The two alternate, several times in one run; the ratio of
the medians is the figure (target: at most 2.5). ``openreel --help`` is timed from a cold
process too (target: under 0.5 s).

Beside the wall times the CPU seconds are kept (on a shared machine they say what the wall
times cannot), and, for comparison, the time libx264 takes when PyAV is handed the same
frames as RGB arrays and converts them to yuv420p itself (swscale).

    python -m bench.generate_speed [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from openreel.config import Settings
from openreel.media.encode import X264_PARAMS

PROMPT = "three red balls bounce and a dog runs past a tree in the park"
SECONDS = 10
SIZE = (720, 1280)
FPS = 24
SEED = 7
RATIO_MAX = 2.5
HELP_MAX_S = 0.5
RESULTS = Path(__file__).resolve().parent / "results" / "generate_speed.json"
_REPORTED = re.compile(r"in (\d+\.\d+) s")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "openreel.cli.main", *args]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _generate(out: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall and CPU seconds of one cold ``openreel generate``, and the time it reports."""
    command = _cli("generate", PROMPT, "-o", str(out), "--seconds", str(SECONDS),
                   "--size", f"{SIZE[0]}x{SIZE[1]}", "--fps", str(FPS), "--seed", str(SEED),
                   "--creator", "benchmark")
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
    reported = _REPORTED.findall(" ".join(done.stderr.split()))
    return wall, cpu, float(reported[-1]) if reported else float("nan")


def _help(env: dict[str, str]) -> tuple[float, float]:
    cpu, started = _children_cpu(), time.perf_counter()
    subprocess.run(_cli("--help"), env=env, capture_output=True, check=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def _decoded(path: Path) -> list[np.ndarray]:
    """Every frame of ``path`` as yuv420p planes (one array a frame)."""
    with av.open(str(path)) as container:
        frames = [f.to_ndarray(format="yuv420p") for f in container.decode(video=0)]
    if not frames:
        raise RuntimeError(f"{path} holds no video")
    return frames


def _rgb(planes: np.ndarray) -> np.ndarray:
    rgb: np.ndarray = cv2.cvtColor(planes, cv2.COLOR_YUV2RGB_I420)
    return rgb.astype(np.uint8)


def _x264(frames: list[av.VideoFrame], out: Path, settings: Settings) -> tuple[float, float]:
    """Wall and CPU seconds libx264 takes to encode ``frames`` into an MP4 as the pipeline
    sets it up (the frames are converted to yuv420p first if they are not)."""
    cpu, started = _own_cpu(), time.perf_counter()
    with av.open(str(out), mode="w", format="mp4", options={"movflags": "+faststart"}) as mp4:
        stream = mp4.add_stream("libx264", rate=FPS)
        stream.width, stream.height = SIZE
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, FPS)
        stream.codec_context.options = {"preset": settings.x264_preset,
                                        "crf": str(settings.x264_crf),
                                        "x264-params": X264_PARAMS}
        for index, frame in enumerate(frames):
            frame.pts = index
            mp4.mux(stream.encode(frame))
        mp4.mux(stream.encode(None))
    return time.perf_counter() - started, _own_cpu() - cpu


def _median(pairs: list[tuple[float, float]], at: int) -> float:
    return statistics.median(pair[at] for pair in pairs)


def _column(pairs: list[tuple[float, float]], at: int) -> list[float]:
    return [round(pair[at], 3) for pair in pairs]


def run(repeats: int = 5) -> dict[str, object]:
    """Measure and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # as on a user's machine, Python keeps the bytecode of what it imported (the
        # warm-up run writes it), so a cold process does not compile every module again
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}
        env["OPENREEL_DATA_DIR"] = str(folder / "data")
        settings = Settings(data_dir=folder / "data")
        clip = folder / "clip.mp4"
        _generate(clip, env)  # warm-up: makes the local signing CA, fills the disk cache
        planes = _decoded(clip)
        yuv = [av.VideoFrame.from_ndarray(p, format="yuv420p") for p in planes]
        rgb = [av.VideoFrame.from_ndarray(_rgb(p), format="rgb24") for p in planes]
        del planes
        _x264(yuv, folder / "x264.mp4", settings)
        generate: list[tuple[float, float]] = []
        x264: list[tuple[float, float]] = []
        from_rgb: list[tuple[float, float]] = []
        helps: list[tuple[float, float]] = []
        reported: list[float] = []
        for _ in range(repeats):
            wall, cpu, work = _generate(clip, env)
            generate.append((wall, cpu))
            reported.append(work)
            x264.append(_x264(yuv, folder / "x264.mp4", settings))
            from_rgb.append(_x264(rgb, folder / "x264-rgb.mp4", settings))
            helps.extend(_help(env) for _ in range(3))
    generate_s, x264_s = _median(generate, 0), _median(x264, 0)
    help_s = _median(helps, 0)
    ratio = generate_s / x264_s
    return {
        "prompt": PROMPT,
        "clip": f"{SECONDS} s, {SIZE[0]}x{SIZE[1]}, {FPS} fps, with sound, provenance included",
        "frames": len(yuv),
        "x264": {"preset": settings.x264_preset, "crf": settings.x264_crf,
                 "pix_fmt": "yuv420p"},
        "repeats": repeats,
        "generate_cold_s": _column(generate, 0),
        "generate_cold_cpu_s": _column(generate, 1),
        "generate_reported_work_s": [round(s, 3) for s in reported],
        "x264_alone_s": _column(x264, 0),
        "x264_alone_cpu_s": _column(x264, 1),
        "x264_from_rgb_s": _column(from_rgb, 0),
        "x264_from_rgb_cpu_s": _column(from_rgb, 1),
        "help_cold_s": _column(helps, 0),
        "help_cold_cpu_s": _column(helps, 1),
        "generate_cold_median_s": round(generate_s, 3),
        "x264_alone_median_s": round(x264_s, 3),
        "ratio": round(ratio, 3),
        "cpu_ratio": round(_median(generate, 1) / _median(x264, 1), 3),
        "ratio_to_x264_from_rgb": round(generate_s / _median(from_rgb, 0), 3),
        "help_cold_median_s": round(help_s, 3),
        "help_cold_median_cpu_s": round(_median(helps, 1), 3),
        "targets": {"ratio_max": RATIO_MAX, "help_cold_s_max": HELP_MAX_S},
        "pass": bool(ratio <= RATIO_MAX and help_s < HELP_MAX_S),
    }


def main() -> None:
    """Run and write bench/results/generate_speed.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    result = {"benchmark": "generate_speed", "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              "cpus": len(os.sched_getaffinity(0)), **run(args.repeats)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
