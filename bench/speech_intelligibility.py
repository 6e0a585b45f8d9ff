"""Speech intelligibility: word accuracy of a generic recogniser on every voice the engine offers.

Each voice reads the same 50 lines through the engine's own dialogue path (synthesis, reshaping,
robot treatment, level); pocketsphinx's bundled US-English model with its default language
model and dictionary transcribes them; both texts are normalised (numbers, money and times in
words, contractions expanded, punctuation dropped) and compared word by word.

It also measures what speech adds to a render as a user meets it: a 10 s clip with two lines
(a woman's, then a man's or a second woman's) and the same clip without them, each rendered
in a fresh process.

Usage: ``python -m bench.speech_intelligibility [--lines N] [--voices a,b]``; writes
``bench/results/speech_intelligibility.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from openreel.engines.procedural.audio.dialogue import SPEECH_RATE, take
from openreel.engines.procedural.audio.hearing import transcribe, word_errors
from openreel.engines.procedural.audio.voices import ESPEAK, VOICES, Voice, espeak_voice

RESULTS = Path(__file__).parent / "results" / "speech_intelligibility.json"
TARGET = 0.85  # for every neural voice and every voice reshaped from one
LINES = (
    "Hey! Did you see that ball bounce? It went right over the fence.",
    "Good morning, how are you today?",
    "I think we should go home now.",
    "Where did you put my keys?",
    "That was the best game I have ever seen.",
    "Please close the door behind you.",
    "We need three more chairs for the party.",
    "Look out, the car is coming!",
    "Yes.",
    "No way!",
    "Thank you so much.",
    "What time does the train leave?",
    "It leaves at 7:30 in the morning.",
    "My name is Sarah, and this is my brother Tom.",
    "Have you met Doctor Smith before?",
    "Emma and James are getting married in June.",
    "Can you hand me that red cup on the table?",
    "The water is too cold for swimming.",
    "I bought 12 apples and 4 oranges at the market.",
    "There are 120 people in the hall.",
    "Call me back at five o'clock.",
    "Wow, look at all those stars!",
    "Run, run as fast as you can!",
    "Why is the sky so dark today?",
    "Do you want to play a game with me?",
    "I lost my dog in the park yesterday.",
    "The store closes in ten minutes, so hurry up.",
    "She said she would be here by noon.",
    "We won the game by two points!",
    "Let me tell you a story about a little bird.",
    "Turn left at the next corner and keep going straight.",
    "I can't believe it is already winter again.",
    "Who wants some hot chocolate?",
    "Be careful, the floor is wet.",
    "This old house has been here for over 50 years.",
    "Stop! Don't touch that!",
    "Michael, come inside, dinner is ready.",
    "The cat is sleeping under the bed.",
    "How much does this coffee cost?",
    "It costs $3.50.",
    "I will meet you at the station on Friday.",
    "Happy birthday to you!",
    "Where are we going next week?",
    "My father works at the hospital downtown.",
    "Open the window, it is very hot in here.",
    "Did you hear that noise outside?",
    "The children are playing in the garden.",
    "I have two sisters and one brother.",
    "Let's go to the beach this weekend.",
    "Goodbye, and see you tomorrow!",
)
# espeak-ng voices measured beside the neural ones: the engine's previous voice and the
# stand-ins for the two neural voices.
ESPEAK_VOICES = ("en-us+m3", "en-us+f3")


@dataclass
class Score:
    """How one voice fared."""

    base: str
    spoken_by: list[str]  # synthesisers that actually spoke (a fallback shows here)
    word_accuracy: float
    word_errors: int
    words: int
    audio_seconds: float
    synthesis_seconds: float
    worst: list[dict[str, object]]


def measure(voice: Voice, lines: tuple[str, ...]) -> Score:
    """Word accuracy of ``voice`` over ``lines``, with timing and the worst transcriptions."""
    errors = words = 0
    audio = synth = 0.0
    engines: set[str] = set()
    misses: list[tuple[int, str, str]] = []
    for text in lines:
        clock = time.perf_counter()
        spoken = take(text, voice)
        synth += time.perf_counter() - clock
        audio += len(spoken.samples) / SPEECH_RATE
        engines.add(spoken.engine)
        heard = transcribe(spoken.samples, SPEECH_RATE)
        e, n = word_errors(text, heard)
        errors, words = errors + e, words + n
        if e:
            misses.append((e, text, heard))
    misses.sort(key=lambda m: -m[0])
    return Score(voice.base, sorted(engines), round(1.0 - errors / words, 4), errors, words,
                 round(audio, 2), round(synth, 2),
                 [{"errors": e, "text": t, "heard": h} for e, t, h in misses[:5]])


def run(lines: tuple[str, ...], names: list[str]) -> dict[str, object]:
    """Measure every named voice and collect the figures."""
    scores: dict[str, Score] = {}
    for name in names:
        voice = VOICES[name] if name in VOICES else espeak_voice(name.split(":")[-1])
        scores[name] = score = measure(voice, lines)
        print(f"{name:>18}  {score.word_accuracy:.3f}  "
              f"({score.word_errors}/{score.words} words wrong)", flush=True)
    below = sorted(name for name, score in scores.items() if score.base != ESPEAK and (
        score.word_accuracy < TARGET or score.spoken_by != [score.base]))
    return {"lines": len(lines), "recogniser": "pocketsphinx en-us (default LM and dictionary)",
            "target": TARGET, "neural_below_target": below,
            "voices": {name: asdict(score) for name, score in scores.items()}}


def _two_lines(second: str) -> dict[str, object]:
    """A 10 s storyboard: a woman speaks in the first shot, ``second`` (a gender) in the next."""
    cast = [{"id": "her", "kind": "person", "persona": {"gender": "female"}},
            {"id": "other", "kind": "person", "persona": {"gender": second}}]
    return {"shots": [
        {"duration": 5.0, "entities": cast,
         "dialogue": [{"speaker": "her", "text": "Did you see that?"}]},
        {"duration": 5.0, "entities": cast,
         "dialogue": [{"speaker": "other", "text": "I did, it was amazing."}]}]}


_RENDER = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from openreel.pipeline import GenerateOptions, render_to_file
from openreel.spec import Storyboard
board = Storyboard.model_validate(json.loads(Path(sys.argv[1]).read_text()))
result = render_to_file(board, GenerateOptions(seed=3), Path(sys.argv[2]))
print(json.dumps({"wall_s": time.perf_counter() - started, **result.stats}))
"""


def dialogue_cost(repeats: int = 2) -> dict[str, object]:
    """Seconds a cold ``render_to_file`` of a 10 s clip takes with two lines and without.

    Two cases: a woman and a man (the two neural voices as they are) and two women (the second
    voice reshaped). Each render runs in a fresh process; the best of ``repeats`` counts.
    """
    boards = {"woman_and_man": _two_lines("male"), "two_women": _two_lines("female")}
    silent = json.loads(json.dumps(boards["woman_and_man"]))
    for shot in silent["shots"]:
        shot["dialogue"] = []
    boards["without_lines"] = silent
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in boards}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            for name, board in boards.items():
                path = Path(tmp) / f"{name}.json"
                path.write_text(json.dumps(board))
                out = subprocess.run([sys.executable, "-c", _RENDER, str(path),
                                      str(Path(tmp) / f"{name}.mp4")],
                                     check=True, capture_output=True, text=True)
                runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))

    def best(name: str, key: str) -> float:
        return round(min(r[key] for r in runs[name]), 3)

    return {"clip_seconds": 10.0, "fresh_process_each": True, "repeats": repeats,
            "wall_s": {name: best(name, "wall_s") for name in runs},
            "audio_stage_s": {name: best(name, "audio") for name in runs},
            "added_wall_s": {name: round(best(name, "wall_s") - best("without_lines", "wall_s"), 3)
                             for name in ("woman_and_man", "two_women")}}


def main() -> None:
    """Run the benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=len(LINES))
    parser.add_argument("--no-cost", action="store_true", help="skip the render-time figures")
    parser.add_argument("--voices", default=",".join(
        [*VOICES, *(f"espeak:{v}" for v in ESPEAK_VOICES)]))
    args = parser.parse_args()
    result = {"benchmark": "speech_intelligibility", "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              **run(LINES[:args.lines], args.voices.split(","))}
    if not args.no_cost:
        result["dialogue_cost"] = cost = dialogue_cost()
        print(f"two lines add {cost['added_wall_s']} s to a cold 10 s render", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
