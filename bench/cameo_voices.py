"""How near a cameo's voice comes to its owner's, on real people's recordings
(bench.speech_voices: 17 people).

Each person's cameo is measured from one of their utterances (as a capture would be:
voiceshape, their pitch and vocal tract), and the cameo speaks three English lines in it
(engines.procedural: a base voice in a wheel, reshaped toward theirs). Each line's speaker
embedding (resemblyzer) is compared with every person's own voice (the embedding of three
other utterances of theirs): the owner should be the nearest. Reported beside it: the same
for the base voice unreshaped (where the reshaping starts from), and for a held-out
utterance of the person themselves (what the measure can do at best).

    python -m bench.cameo_voices
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import soxr

from bench import speech_voices
from openreel.engines.procedural.audio.dialogue import SPEECH_RATE, take
from openreel.engines.procedural.audio.voices import VOICES, cameo_voice
from openreel.likeness import voice
from openreel.media import voiceshape
from openreel.spec import VoiceShape

RESULTS = Path(__file__).resolve().parent / "results" / "cameo_voices.json"
LINES = ("It is such a lovely morning for a long walk along the river.",
         "I can't believe you finished the whole cake before the party started!",
         "Welcome back to my channel, today we are trying something completely new.")


def _embedding(sound: np.ndarray) -> np.ndarray:
    return voice.speaker_embedding(sound)


def _spoken(text: str, chosen: Any) -> np.ndarray:
    return soxr.resample(take(text, chosen).samples, SPEECH_RATE, voice.RATE)


def main() -> None:
    started = time.perf_counter()
    people = speech_voices.speakers()
    names = list(people)
    own = np.stack([_embedding(np.concatenate(people[n][1:4])) for n in names])
    trials: dict[str, list[dict[str, Any]]] = {"cameo": [], "base voice": [],
                                                "the person again": []}
    for k, name in enumerate(names):
        capture = people[name][0]
        measured = voiceshape.measure(capture, speech_voices.RATE)
        shape = VoiceShape(f0_median=measured.f0_median, f0_low=measured.f0_low,
                           f0_high=measured.f0_high, envelope=list(measured.envelope),
                           rate=2.6)
        cameo = cameo_voice(f"person_{k}", shape)
        base = VOICES["heart" if cameo.base == "heart" else "joe"]
        heard = {"cameo": [_spoken(line, cameo) for line in LINES],
                 "base voice": [_spoken(line, base) for line in LINES],
                 "the person again": people[name][4:5]}
        for what, sounds in heard.items():
            for sound in sounds:
                closeness = own @ _embedding(sound)
                order = np.argsort(-closeness)
                trials[what].append({
                    "owner": name, "nearest": names[int(order[0])],
                    "owner_rank": int(np.flatnonzero(order == k)[0]) + 1,
                    "owner_cosine": round(float(closeness[k]), 3),
                    "nearest_cosine": round(float(closeness[order[0]]), 3)})
    summary = {what: {"trials": len(rows),
                      "owner_nearest": sum(r["nearest"] == r["owner"] for r in rows),
                      "owner_nearest_rate": round(
                          sum(r["nearest"] == r["owner"] for r in rows) / max(len(rows), 1),
                          3),
                      "owner_rank_median": float(np.median([r["owner_rank"] for r in rows]))}
               for what, rows in trials.items()}
    result = {"people": len(names), "lines_per_cameo": len(LINES), "summary": summary,
              "trials": trials, "seconds": round(time.perf_counter() - started, 1)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({k: result[k] for k in ("people", "summary", "seconds")}, indent=2))


if __name__ == "__main__":
    main()
