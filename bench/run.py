"""Run every benchmark (or those named) and write one JSON file each under bench/results/."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench import engine_speed

RESULTS = Path(__file__).resolve().parent / "results"


def _write(name: str, result: dict[str, object]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": name, "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              "machine": {"python": platform.python_version(), "cpus": _cpus()}, **result}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


# Benchmarks that write their own JSON under bench/results/, each run in a process of its
# own (one at a time: they compare ratios measured on a machine nothing else is using).
OWN_FILES = ("feed_rank", "feed_load", "concurrent_writes", "provenance_picture",
             "provenance_audio", "provenance_index", "provenance_cost", "generate_speed",
             "adherence", "speech_intelligibility", "style_distance", "verify_cost",
             "provenance_reposts", "sound_mark_changes", "liveness", "cameo_faces",
             "cameo_rules", "cameo_voices")


def main() -> None:
    """Run the benchmarks in turn; ``python -m bench.run NAME...`` runs only those."""
    chosen = sys.argv[1:] or ["engine_speed", "long_clip_memory", *OWN_FILES]
    unknown = sorted(set(chosen) - {"engine_speed", "long_clip_memory", *OWN_FILES})
    if unknown:
        sys.exit(f"unknown benchmark: {', '.join(unknown)}")
    if "engine_speed" in chosen:
        _write("engine_speed", engine_speed.run())
    if "long_clip_memory" in chosen:
        # The long clip runs in its own process so its peak RSS is its own.
        out = subprocess.run([sys.executable, "-m", "bench.long_clip_memory"], check=True,
                             capture_output=True, text=True)
        _write("long_clip_memory", json.loads(out.stdout.strip().splitlines()[-1]))
    for name in OWN_FILES:
        if name in chosen:
            print(f"== bench.{name}", flush=True)
            subprocess.run([sys.executable, "-m", f"bench.{name}"], check=True)


if __name__ == "__main__":
    main()
