"""What verifying a 10 s 720×1280 clip costs: in process, and as ``openreel verify`` run
from a shell (start-up included).

A clip is made through the product (sign up, generate, publish, download: marked with this
deployment's own key, signed, catalogued); then the clip itself, a CRF 30 re-encode, a
letterboxed re-post (2276×1280, three times the pixels: the boxed-in search runs) and a
render openreel never marked (every search runs and finds nothing) are each verified
``--repeats`` times as ``/verify`` verifies a file (``services.provenance.verify_file``:
manifest, both marks, the query fingerprint, the catalogue, the verdict); and the clip
itself through the command line, against the same deployment. Medians are reported; the
target is 2 s for a 10 s clip on 2 cores, held to the clip, its re-encode and the unmarked
render (the letterboxed copy's figure is reported beside them, and the command line's with
what its start-up adds to verifying in process).

    python -m bench.verify_cost [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from bench.provenance_reposts import _publish
from openreel.app import create_app
from openreel.config import Settings
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.copy_edits import EDITS, edit_copy
from openreel.services.platform import Platform
from openreel.services.provenance import verify_file

PROMPT = "a dog runs along a beach and barks at the waves while gulls call"
SECONDS = 10.0
TARGET_S = 2.0
HELD_TO_TARGET = ("as_made", "crf30", "never_marked")
RESULTS = Path(__file__).resolve().parent / "results" / "verify_cost.json"


def run(repeats: int) -> dict[str, object]:
    """Measure and return the figures."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(data_dir=tmp / "data", workers=0, rate_limit_per_minute=1_000_000,
                            daily_quota=1_000, warm_up=False)
        app = create_app(settings)
        with TestClient(app) as client:
            platform: Platform = app.state.platform
            made = tmp / "made.mp4"
            video_id = _publish(client, platform, "maya", PROMPT, 3, SECONDS, made)
            options = GenerateOptions(seconds=SECONDS, size="720x1280", seed=3)
            other = render_to_file(plan("a red car drives down a rainy street", None, options),
                                   options, tmp / "other.mp4").video
            files = {"as_made": made,
                     "crf30": edit_copy(made, tmp / "crf30.mp4", EDITS["crf30"]),
                     "letterboxed": edit_copy(made, tmp / "box.mp4", EDITS["letterboxed"]),
                     "never_marked": other}
            timings: dict[str, list[float]] = {}
            named: dict[str, bool] = {}
            for _ in range(repeats):
                for name, path in files.items():
                    t0 = time.perf_counter()
                    with platform.reading() as session:
                        verdict = verify_file(session, platform, path)
                    timings.setdefault(name, []).append(time.perf_counter() - t0)
                    named[name] = (verdict.video is not None
                                   and verdict.video.video_id == video_id)
        cli: list[float] = []
        codes: list[int] = []
        env = {**os.environ, "OPENREEL_DATA_DIR": str(tmp / "data")}
        for _ in range(repeats):
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "openreel.cli.main", "verify",
                                   str(made), "--json"], env=env, capture_output=True,
                                  check=False)
            cli.append(time.perf_counter() - t0)
            codes.append(done.returncode)
    medians = {name: round(statistics.median(v), 3) for name, v in timings.items()}
    cli_median = round(statistics.median(cli), 3)
    return {
        "benchmark": "verify_cost",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "clip": f"{SECONDS:g} s, 720x1280, 24 fps, procedural engine, with sound",
        "cpus": os.cpu_count(), "repeats": repeats,
        "in_process_median_s": medians,
        "named": named,
        "cli_verify_median_s": cli_median,
        "cli_start_up_s": round(cli_median - medians["as_made"], 3),
        "cli_exit_codes": codes,
        "target_s": TARGET_S,
        "held_to_target": list(HELD_TO_TARGET),
        "pass": max(medians[n] for n in HELD_TO_TARGET) <= TARGET_S
                and named["as_made"] and named["crf30"] and named["letterboxed"]
                and not named["never_marked"] and set(codes) == {0},
    }


def main() -> None:
    """Run and write bench/results/verify_cost.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    results = run(parser.parse_args().repeats)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    json.dump(results, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
