"""What the provenance stage adds to generating a 10 s 720×1280 clip on the procedural engine.

The same storyboard is rendered with and without provenance (visible mark, picture and
sound marks, fingerprint, signed C2PA manifest), alternating, several times in one run;
the medians give the ratio (target: at most 1.30). The stage's own time, as the pipeline
measures it, is reported beside it. Every marked output's C2PA manifest is read back with
the local CA as trust anchor (it must be trusted), and so is a copy with one byte of its
media changed (it must be tampered).

    python -m bench.provenance_cost [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.manifest import read_manifest
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import Provenance, mark_id_for

PROMPT = ("three red balls bounce while two dogs run and a bird flies over the beach "
          "at golden hour")
SECONDS = 10.0
RESULTS = Path(__file__).resolve().parent / "results" / "provenance_cost.json"


def _flip_media_byte(src: Path, dst: Path) -> None:
    """Copy ``src`` with one bit changed in the middle of its media data (``mdat`` box)."""
    data = bytearray(src.read_bytes())
    at = 0
    while at + 8 <= len(data):
        size = int.from_bytes(data[at:at + 4], "big")
        head = 8
        if size == 1:
            size, head = int.from_bytes(data[at + 8:at + 16], "big"), 16
        elif size == 0:
            size = len(data) - at
        if data[at + 4:at + 8] == b"mdat":
            data[at + head + (size - head) // 2] ^= 0x01
            dst.write_bytes(data)
            return
        at += size
    raise ValueError(f"{src} has no mdat box")


def run(repeats: int = 3) -> dict[str, object]:
    """Measure and return the figures."""
    options = GenerateOptions(seconds=SECONDS, size="720x1280", fps=24, seed=7)
    board = plan(PROMPT, None, options)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        provenance = Provenance(creator="benchmark", mark=mark_id_for("bench"),
                                identity=load_signing_identity(folder / "keys"),
                                title="benchmark", engine="procedural")
        render_to_file(board, options, folder / "warm.mp4", provenance=provenance)  # warm-up
        plain, marked, stage = [], [], []
        states: list[str] = []
        flipped: list[str] = []
        for _ in range(repeats):
            started = time.perf_counter()
            render_to_file(board, options, folder / "plain.mp4")
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = render_to_file(board, options, folder / "marked.mp4",
                                    provenance=provenance)
            marked.append(time.perf_counter() - started)
            stage.append(result.stats["provenance"])
            anchors = provenance.identity.trust_anchors_pem
            states.append(read_manifest(folder / "marked.mp4", trust_anchors_pem=anchors).state)
            _flip_media_byte(folder / "marked.mp4", folder / "flipped.mp4")
            flipped.append(read_manifest(folder / "flipped.mp4", trust_anchors_pem=anchors).state)
    ratio = statistics.median(marked) / statistics.median(plain)
    return {
        "clip": "10 s, 720x1280, 24 fps, procedural engine, with sound",
        "repeats": repeats,
        "without_provenance_s": [round(s, 3) for s in plain],
        "with_provenance_s": [round(s, 3) for s in marked],
        "stage_s": [round(s, 3) for s in stage],
        "ratio": round(ratio, 3),
        "target_ratio_max": 1.3,
        "c2pa_outputs": states,
        "c2pa_one_byte_changed": flipped,
        "pass": (ratio <= 1.3 and all(s == "trusted" for s in states)
                 and all(s == "tampered" for s in flipped)),
    }


def main() -> None:
    """Run and write bench/results/provenance_cost.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    result = {"benchmark": "provenance_cost", "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              **run(args.repeats)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
