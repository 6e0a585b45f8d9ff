"""How well the cameo liveness check tells a live answer from a cheat, measured on captures
made as the tests make them (bench.capture_clips: a real photograph turned in place, the
two neural voices inside wheels saying the digits).

* Digits: ``--challenges`` random challenges per voice, said in a quiet room and under room
  noise at 20 dB and 10 dB SNR, read through the recogniser's three-digit grammar (the
  sound alone, at the capture's 16 kHz): exact reads, and how often a recording made for
  another challenge reads as this one (it must not).
* Turn: how far the landmarks see the head turn for real turns of 10-30°, and for a photo
  held to the camera and tilted 20-45° (what TURN_NEEDED must lie between).
* The whole check (encoded MP4, read as uploads are): ``--captures`` live captures (both
  voices, both turns) must pass; as many replays for other digits, held photos and captures
  turned the wrong way must all be refused.

    python -m bench.liveness [--challenges 60] [--captures 8]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy.signal import lfilter

from bench import capture_clips as clips
from openreel.likeness import faces, voice
from openreel.likeness.capture import read_capture
from openreel.likeness.challenge import Challenge
from openreel.likeness.liveness import TURN_NEEDED, check
from openreel.media import AUDIO_RATE

RESULTS = Path(__file__).resolve().parent / "results" / "liveness.json"
VOICES = ("heart", "joe")
NOISE_SNR_DB = {"quiet room": None, "room noise, 20 dB SNR": 20.0,
                "room noise, 10 dB SNR": 10.0}


def _noisy(sound: np.ndarray, snr_db: float | None, rng: np.random.Generator) -> np.ndarray:
    if snr_db is None:
        return sound
    speech = sound[np.abs(sound[:, 0]) > 0.01]
    power = float(np.mean(speech ** 2)) if len(speech) else 1e-4
    # pink-ish noise (a room's hum and air): white noise through a one-pole low-pass
    pink = lfilter([1.0], [1.0, -0.97], rng.normal(0, 1, len(sound)))
    pink *= np.sqrt(power / 10 ** (snr_db / 10) / np.mean(pink ** 2))
    return (sound + pink[:, None]).astype(np.float32)


def _digits(challenges: int, rng: random.Random) -> dict[str, Any]:
    noise = np.random.default_rng(7)
    out: dict[str, Any] = {}
    for base in VOICES:
        for condition, snr in NOISE_SNR_DB.items():
            exact = replays = 0
            for _ in range(challenges):
                asked = tuple(rng.randrange(10) for _ in range(3))
                other = tuple(rng.randrange(10) for _ in range(3))
                heard = voice.heard_digits(voice.at_rate(
                    _noisy(clips.saying(asked, 3.5, base), snr, noise), AUDIO_RATE))
                exact += heard == asked
                if other != asked:
                    replays += voice.heard_digits(voice.at_rate(
                        _noisy(clips.saying(other, 3.5, base), snr, noise),
                        AUDIO_RATE)) == asked
            out[f"{base}, {condition}"] = {"exact": exact, "of": challenges,
                                           "replays_read_as_asked": replays}
    return out


def _turns() -> dict[str, Any]:
    picture = clips.photo()
    real = {f"{d}°": round(faces.find_faces(clips.turned(picture, d))[0].turn, 3)
            for d in (10, 15, 20, 25, 30, -10, -15, -20, -25, -30)}
    held = {}
    for d in (20, 30, 40, 45):
        found = faces.find_faces(clips.held_photo(picture, d))
        held[f"{d}°"] = round(found[0].turn, 3) if found else None
    return {"head_turned": real, "photo_tilted": held, "turn_needed": TURN_NEEDED}


def _checks(captures: int, rng: random.Random, tmp: Path) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}

    def count(kind: str, accepted: bool) -> None:
        seen = counts.setdefault(kind, {"accepted": 0, "of": 0})
        seen["accepted"] += accepted
        seen["of"] += 1

    for n in range(captures):
        digits = tuple(rng.randrange(10) for _ in range(3))
        turn = "left" if n % 2 == 0 else "right"
        degrees = 25 if turn == "left" else -25
        base = VOICES[n % len(VOICES) if n < 2 else rng.randrange(len(VOICES))]
        asked = Challenge(digits, turn)
        live = clips.live(tmp / f"live{n}.mp4", digits, degrees, base=base)
        count("live", check(read_capture(live), asked).accepted)
        other = tuple((d + 1 + rng.randrange(9)) % 10 for d in digits)
        replay = clips.live(tmp / f"replay{n}.mp4", other, degrees, base=base)
        count("replay for other digits", check(read_capture(replay), asked).accepted)
        wrong = clips.live(tmp / f"wrong{n}.mp4", digits, -degrees, base=base)
        count("turned the wrong way", check(read_capture(wrong), asked).accepted)
        tilt = clips.head_turn(35 if n % 2 == 0 else -35)
        photo = clips.write_clip(tmp / f"photo{n}.mp4", 6.0,
                                 lambda share, tilt=tilt: clips.held_photo(clips.photo(),
                                                                           tilt(share)),
                                 clips.saying(digits, 6.0, base))
        count("photo held and tilted", check(read_capture(photo), asked).accepted)
    return counts


def run(challenges: int, captures: int) -> dict[str, Any]:
    """Measure; return the figures."""
    started = time.perf_counter()
    rng = random.Random(2026)
    digits = _digits(challenges, rng)
    turns = _turns()
    with tempfile.TemporaryDirectory() as tmp_name:
        checks = _checks(captures, rng, Path(tmp_name))
    cheats = [v for k, v in checks.items() if k != "live"]
    return {
        "benchmark": "liveness",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "identities": "1 face (one real photograph), 2 voices (the neural voices in wheels)",
        "digits": digits,
        "turn": turns,
        "check": checks,
        "seconds": round(time.perf_counter() - started, 1),
        "pass": (checks["live"]["accepted"] == checks["live"]["of"]
                 and all(v["accepted"] == 0 for v in cheats)
                 and all(v["replays_read_as_asked"] == 0 for v in digits.values())),
    }


def main() -> None:
    """Run and write bench/results/liveness.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--challenges", type=int, default=60)
    parser.add_argument("--captures", type=int, default=8)
    args = parser.parse_args()
    results = run(args.challenges, args.captures)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    json.dump(results, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
