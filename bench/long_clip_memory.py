"""A 60 s 1080p clip: peak resident memory of the whole process (prints one JSON line)."""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

from openreel.pipeline import GenerateOptions, plan, render_to_file

PROMPT = "two dogs run and a red ball bounces in the park, then the dogs sit"


def main() -> None:
    """Render and report."""
    options = GenerateOptions(seconds=60, size="1920x1080", fps=24, seed=3)
    board = plan(PROMPT, None, options)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = render_to_file(board, options, Path(tmp) / "long.mp4")
        wall = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"prompt": PROMPT, "seconds": 60, "size": "1920x1080",
                      "frames": result.frames, "wall_s": round(wall, 2),
                      "peak_rss_mib": round(peak_mib, 1), "target_mib_max": 1024,
                      "pass": bool(peak_mib < 1024)}))


if __name__ == "__main__":
    main()
