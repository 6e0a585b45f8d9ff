"""Speed as a user meets it: a cold ``openreel generate`` against libx264 alone, and ``--help``.

``openreel generate`` runs in a fresh process (imports, directing, simulation, rendering,
sound, the visible mark, the picture and sound marks, the fingerprint, encoding and the
signed C2PA manifest: everything a user waits for) on a 10 s 720×1280 24 fps clip with sound
and several moving things. libx264 alone encodes the same frames (decoded from that output,
so already yuv420p, the pixel format libx264 is given) at the same size, rate, preset and
CRF into an MP4, in this process. The two alternate, several times in one run; the ratio of
the medians is the figure (target: at most 2.5). ``openreel --help`` is timed from a cold
process too (target: under 0.5 s).

    python -m bench.generate_speed [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av

from openreel.config import Settings

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


def _generate(out: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds of one cold ``openreel generate`` and the time it reports for its work."""
    command = _cli("generate", PROMPT, "-o", str(out), "--seconds", str(SECONDS),
                   "--size", f"{SIZE[0]}x{SIZE[1]}", "--fps", str(FPS), "--seed", str(SEED),
                   "--creator", "benchmark")
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    reported = _REPORTED.findall(" ".join(done.stderr.split()))
    return wall, float(reported[-1]) if reported else float("nan")


def _help(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(_cli("--help"), env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def _decoded(path: Path) -> list[av.VideoFrame]:
    """Every frame of ``path`` as fresh yuv420p frames (no decoder timing or frame types)."""
    with av.open(str(path)) as container:
        frames = [av.VideoFrame.from_ndarray(f.to_ndarray(format="yuv420p"), format="yuv420p")
                  for f in container.decode(video=0)]
    if not frames:
        raise RuntimeError(f"{path} holds no video")
    return frames


def _x264_alone(frames: list[av.VideoFrame], out: Path, settings: Settings) -> float:
    """Wall seconds libx264 takes to encode ``frames`` into an MP4 as the pipeline sets it."""
    started = time.perf_counter()
    with av.open(str(out), mode="w", format="mp4", options={"movflags": "+faststart"}) as mp4:
        stream = mp4.add_stream("libx264", rate=FPS)
        stream.width, stream.height = SIZE
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, FPS)
        stream.codec_context.options = {"preset": settings.x264_preset,
                                        "crf": str(settings.x264_crf)}
        for index, frame in enumerate(frames):
            frame.pts = index
            mp4.mux(stream.encode(frame))
        mp4.mux(stream.encode(None))
    return time.perf_counter() - started


def run(repeats: int = 5) -> dict[str, object]:
    """Measure and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "OPENREEL_DATA_DIR": str(folder / "data")}
        settings = Settings(data_dir=folder / "data")
        clip = folder / "clip.mp4"
        _generate(clip, env)  # warm-up: makes the local signing CA, fills the disk cache
        frames = _decoded(clip)
        _x264_alone(frames, folder / "x264.mp4", settings)
        generate, reported, x264, helps = [], [], [], []
        for _ in range(repeats):
            wall, work = _generate(clip, env)
            generate.append(wall)
            reported.append(work)
            x264.append(_x264_alone(frames, folder / "x264.mp4", settings))
            helps.extend(_help(env) for _ in range(3))
    generate_s, x264_s = statistics.median(generate), statistics.median(x264)
    help_s = statistics.median(helps)
    ratio = generate_s / x264_s
    return {
        "prompt": PROMPT,
        "clip": f"{SECONDS} s, {SIZE[0]}x{SIZE[1]}, {FPS} fps, with sound, provenance included",
        "frames": len(frames),
        "x264": {"preset": settings.x264_preset, "crf": settings.x264_crf,
                 "pix_fmt": "yuv420p"},
        "repeats": repeats,
        "generate_cold_s": [round(s, 3) for s in generate],
        "generate_reported_work_s": [round(s, 3) for s in reported],
        "x264_alone_s": [round(s, 3) for s in x264],
        "help_cold_s": [round(s, 3) for s in helps],
        "generate_cold_median_s": round(generate_s, 3),
        "x264_alone_median_s": round(x264_s, 3),
        "ratio": round(ratio, 3),
        "help_cold_median_s": round(help_s, 3),
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
