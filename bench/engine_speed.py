"""10 s, 720×1280, 24 fps with sound: engine wall time vs libx264 alone on the same frames."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from openreel.media import EncodeSettings, Mp4Writer, read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file

PROMPT = ("three red balls bounce while two dogs run and a bird flies over the beach "
          "at golden hour")
SECONDS = 10.0


def run() -> dict[str, object]:
    """Measure and return the figures."""
    settings = EncodeSettings()
    options = GenerateOptions(seconds=SECONDS, size="720x1280", fps=24, seed=7, encode=settings)
    board = plan(PROMPT, None, options)
    moving = sum(e.count for e in board.shots[0].entities if e.motion.value != "idle")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.mp4"
        render_to_file(board, options, out)  # warm-up: imports, caches
        started = time.perf_counter()
        result = render_to_file(board, options, out)
        engine_wall = time.perf_counter() - started
        frames = list(read_frames(out))
        started = time.perf_counter()
        with Mp4Writer(Path(tmp) / "x264.mp4", 720, 1280, 24, settings) as writer:
            for f in frames:
                writer.write_frame(f)
        x264_wall = time.perf_counter() - started
    return {
        "prompt": PROMPT,
        "moving_entities": moving,
        "frames": result.frames,
        "x264_preset": settings.preset,
        "engine_wall_s": round(engine_wall, 3),
        "stage_s": {k: round(v, 3) for k, v in result.stats.items()},
        "realtime_factor": round(SECONDS / engine_wall, 2),
        "x264_alone_wall_s": round(x264_wall, 3),
        "ratio_to_x264": round(engine_wall / x264_wall, 2),
        "targets": {"realtime_factor_min": 2.0, "engine_wall_s_max": 5.0,
                    "ratio_to_x264_max": 2.5},
        "pass": bool(engine_wall <= 5.0 and engine_wall / x264_wall <= 2.5),
    }
