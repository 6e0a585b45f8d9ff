"""What verifying a 10 s 720×1280 clip costs: in process, and as ``openreel verify`` run
from a shell (start-up included).

A clip is rendered with provenance (marks, fingerprint, manifest) and catalogued in a
reverse-search index; then the clip itself, a CRF 30 re-encode, a letterboxed re-post (the
boxed-in search runs) and a render openreel never marked (every search runs and finds
nothing) are each examined ``--repeats`` times: reading the file (manifest, both marks,
the query fingerprint) and looking it up. Medians are reported; the target is 2 s for a
10 s clip on 2 cores.

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

from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.copy_edits import EDITS, edit_copy
from openreel.provenance.hash_index import HashIndex
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance, mark_id_for
from openreel.provenance.verify import look, with_matches

PROMPT = "a dog runs along a beach and barks at the waves while gulls call"
SECONDS = 10.0
TARGET_S = 2.0
RESULTS = Path(__file__).resolve().parent / "results" / "verify_cost.json"


def run(repeats: int) -> dict[str, object]:
    """Measure and return the figures."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        options = GenerateOptions(seconds=SECONDS, size="720x1280", seed=3)
        board = plan(PROMPT, None, options)
        provenance = Provenance(creator="maya", mark=mark_id_for("bench", "verify"),
                                identity=load_signing_identity(tmp / "keys"),
                                title="a dog", engine="procedural")
        made = render_to_file(board, options, tmp / "made.mp4", provenance=provenance)
        assert made.sealed is not None
        index = HashIndex()
        index.add(1, made.sealed.fingerprint)
        other = render_to_file(plan("a red car drives down a rainy street", None, options),
                               options, tmp / "other.mp4").video
        files = {"as_made": made.video,
                 "crf30": edit_copy(made.video, tmp / "crf30.mp4", EDITS["crf30"]),
                 "letterboxed": edit_copy(made.video, tmp / "box.mp4", EDITS["letterboxed"]),
                 "never_marked": other}
        timings: dict[str, list[float]] = {}
        found: dict[str, bool] = {}
        for _ in range(repeats):
            for name, path in files.items():
                t0 = time.perf_counter()
                examined = with_matches(look(path, key=DEFAULT_WATERMARK_KEY,
                                             trust_anchors_pem=None), index)
                timings.setdefault(name, []).append(time.perf_counter() - t0)
                found[name] = bool(examined.matches) and examined.matches[0].video_id == 1
        cli = []
        env = {**os.environ, "OPENREEL_DATA_DIR": str(tmp / "data")}
        for _ in range(repeats):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "openreel.cli.main", "verify",
                            str(made.video), "--json"], env=env, capture_output=True,
                           check=False)
            cli.append(time.perf_counter() - t0)
    medians = {name: round(statistics.median(v), 3) for name, v in timings.items()}
    return {
        "benchmark": "verify_cost",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "clip": f"{SECONDS:g} s, 720x1280, 24 fps, procedural engine, with sound",
        "cpus": os.cpu_count(), "repeats": repeats,
        "in_process_median_s": medians,
        "identified": found,
        "cli_verify_median_s": round(statistics.median(cli), 3),
        "target_s": TARGET_S,
        "pass": max(medians.values()) <= TARGET_S and found["as_made"] and found["crf30"]
                and found["letterboxed"] and not found["never_marked"],
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
