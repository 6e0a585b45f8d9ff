"""A 60 s 1080p clip: peak resident memory of the whole process (prints one JSON line)."""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

from openreel.pipeline import GenerateOptions, plan, render_to_file

PROMPT = "two dogs run and a red ball bounces in the park, then the dogs sit"


def _peak_rss_mib() -> float:
    """This process's own high-water mark (ru_maxrss would include the parent's before exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Render and report."""
    options = GenerateOptions(seconds=60, size="1920x1080", fps=24, seed=3)
    board = plan(PROMPT, None, options)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = render_to_file(board, options, Path(tmp) / "long.mp4")
        wall = time.perf_counter() - started
    peak_mib = _peak_rss_mib()
    print(json.dumps({"prompt": PROMPT, "seconds": 60, "size": "1920x1080",
                      "frames": result.frames, "wall_s": round(wall, 2),
                      "peak_rss_mib": round(peak_mib, 1), "target_mib_max": 1024,
                      "pass": bool(peak_mib < 1024)}))


if __name__ == "__main__":
    main()
