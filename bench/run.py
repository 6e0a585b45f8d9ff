"""Run every benchmark and write one JSON file per benchmark under bench/results/."""

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


def main() -> None:
    """Run the benchmarks in turn."""
    _write("engine_speed", engine_speed.run())
    # The long clip runs in its own process so its peak RSS is its own.
    out = subprocess.run([sys.executable, "-m", "bench.long_clip_memory"], check=True,
                         capture_output=True, text=True)
    _write("long_clip_memory", json.loads(out.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
