"""The sound mark through changes of speed, pitch and pace, read as /verify reads it.

``--clips`` clips are rendered with provenance (marked under a key of their own) and
catalogued; the soundtrack of each is copied through every change of
``copy_edits.SOUND_EDITS`` that moves speed, pitch or pace (as AAC in M4A), and each copy
is looked at as it is, then looked up in the catalogue and, where the catalogue hears the
change, its sound mark read once more with the change undone
(``verify.with_sound_reread``). Counted per change: the mark read as it is, the mark read
after the catalogue's change (the right payload), and a wrong payload (must be 0).

False finds: ``--foreign`` pieces of music openreel never made, each put through one of the
changes, are read under every change the re-read tries for it (the landmarks' change and
the grid's step either side); any payload is a false find.

    python -m bench.sound_mark_changes [--clips 12] [--foreign 300]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance import audio_mark, landmarks
from openreel.provenance._audio_attacks import music
from openreel.provenance.copy_edits import SOUND_EDITS, sound_only
from openreel.provenance.hash_index import HashIndex
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import Provenance, mark_id_for
from openreel.provenance.verify import SOUND_RATE, look, with_matches, with_sound_reread

KEY = 0xB0B5EED
CHANGES = {"sped_2pct": (1.02, 1.02), "slowed_2pct": (0.98, 0.98),
           "pitched_up_2_semitones": (2 ** (2 / 12), 1.0),
           "pitched_down_1_semitone": (2 ** (-1 / 12), 1.0),
           "paced_10pct_faster": (1.0, 1.1)}
PROMPTS = ("a dog barks at the mailman while birds sing", "a man talks to a woman in a cafe",
           "rain falls on a city street at night", "a chef chops vegetables in a kitchen",
           "waves crash on a rocky beach", "a child laughs on a swing in the park")
TARGET = 15 / 16
RESULTS = Path(__file__).resolve().parent / "results" / "sound_mark_changes.json"


def run(clips: int, foreign: int) -> dict[str, Any]:
    """Make, change and read; return the figures."""
    started = time.perf_counter()
    options = GenerateOptions(seconds=6, size="720x1280", seed=0)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        identity = load_signing_identity(tmp / "keys")
        index = HashIndex()
        made: list[tuple[bytes, Path]] = []
        for i in range(clips):
            mark = mark_id_for("bench", f"sound change {i}")
            provenance = Provenance(creator=f"maker{i}", mark=mark, identity=identity,
                                    title="a clip", engine="procedural", watermark_key=KEY)
            one = GenerateOptions(seconds=options.seconds, size=options.size, seed=100 + i)
            out = render_to_file(plan(PROMPTS[i % len(PROMPTS)], None, one), one,
                                 tmp / f"clip{i}.mp4", provenance=provenance)
            assert out.sealed is not None
            index.add(i, out.sealed.fingerprint)
            made.append((mark, out.video))
            print(f"made {i + 1}/{clips}", file=sys.stderr)
        per_change: dict[str, dict[str, Any]] = {}
        for name in CHANGES:
            as_is = reread = wrong = 0
            for mark, video in made:
                copy = sound_only(video, tmp / "copy.m4a", change=SOUND_EDITS[name])
                looked = look(copy, key=KEY, trust_anchors_pem=None)
                sound = looked.examination.sound
                if sound is not None and sound.payload is not None:
                    as_is += sound.payload == mark
                    wrong += sound.payload != mark
                    continue
                found = with_sound_reread(looked.sound, with_matches(looked, index), key=KEY)
                if found.sound is not None and found.sound.payload is not None:
                    reread += found.sound.payload == mark
                    wrong += found.sound.payload != mark
            read = as_is + reread
            per_change[name] = {"read_as_it_is": as_is, "read_after_the_change": reread,
                                "wrong_payload": wrong, "of": clips,
                                "share": round(read / clips, 3),
                                "pass": read / clips >= TARGET and wrong == 0}
            print(f"{name}: {per_change[name]}", file=sys.stderr)
    false_finds = 0
    grid = list(CHANGES.values())
    for n in range(foreign):
        piece = music(6.5, SOUND_RATE, seed=20_000 + n).mean(axis=1)
        name = list(CHANGES)[n % len(CHANGES)]
        changed = SOUND_EDITS[name](piece[:, None].astype(np.float32), SOUND_RATE).mean(axis=1)
        nearest = min(landmarks.GRID, key=lambda g: abs(g[0] - grid[n % len(grid)][0])
                      + abs(g[1] - grid[n % len(grid)][1]))
        for change in landmarks.around(nearest):
            if audio_mark.detect(changed, SOUND_RATE, KEY, change=change).payload is not None:
                false_finds += 1
                break
    return {
        "benchmark": "sound_mark_changes",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "cpus": os.cpu_count(),
        "clips": {"count": clips, "seconds": options.seconds,
                  "copies": "the soundtrack alone, changed, as AAC in M4A at 44.1 kHz"},
        "changes": per_change,
        "foreign": {"pieces": foreign, "false_finds": false_finds,
                    "tries_each": "the change and the grid's step either side",
                    "bound_per_reread": 4 * audio_mark.FALSE_POSITIVE_BOUND},
        "target": TARGET,
        "pass": all(c["pass"] for c in per_change.values()) and false_finds == 0,
        "wall_s": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    """Command line: run and write bench/results/sound_mark_changes.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=12)
    parser.add_argument("--foreign", type=int, default=300)
    args = parser.parse_args()
    if not 1 <= args.clips <= 200 or not 0 <= args.foreign <= 100_000:
        parser.error("clips 1-200, foreign 0-100000")
    results = run(args.clips, args.foreign)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    json.dump(results, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
