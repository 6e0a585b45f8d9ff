"""Dialogue: where lines land, how mouths move, how voices differ."""

from __future__ import annotations

import itertools

import numpy as np
from audio_fixtures import SR, make_sims

from openreel.engines.procedural.audio import apply_mouths, mix_soundtrack, schedule_dialogue
from openreel.engines.procedural.audio.dialogue import SpokenLine
from openreel.spec import Storyboard


def _board(dialogue: list[dict], duration: float = 6.0,
           kinds: tuple[str, ...] = ("person", "robot")) -> Storyboard:
    ents = [{"id": f"s{i}", "kind": k} for i, k in enumerate(kinds)]
    return Storyboard.model_validate({"shots": [{"duration": duration, "entities": ents,
                                                 "dialogue": dialogue}]})


def _sims(board: Storyboard, kinds: tuple[str, ...] = ("person", "robot")) -> list:
    return make_sims(board, [[(f"s{i}", k, 2.0 + 4.0 * i) for i, k in enumerate(kinds)]])


def _pitch(x: np.ndarray, sr: int) -> float:
    """Median fundamental (Hz) over voiced 40 ms frames, by autocorrelation."""
    hop = int(0.04 * sr)
    found = []
    for k in range(0, len(x) - hop, hop):
        f = x[k:k + hop].astype(np.float64)
        if np.sqrt(np.mean(f ** 2)) < 0.03:
            continue
        ac = np.correlate(f, f, "full")[hop - 1:]
        lo, hi = sr // 500, sr // 60
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.4 * ac[0]:
            found.append(sr / lag)
    return float(np.median(found))


def test_explicit_start_and_speech_only_inside_the_line() -> None:
    board = _board([{"speaker": "s0", "text": "Good morning to you.", "start": 1.5}])
    sims = _sims(board)
    lines = schedule_dialogue(board, sims, seed=1)
    assert len(lines) == 1 and abs(lines[0].start - 1.5) < 1e-9
    stems: dict[str, np.ndarray] = {}
    mix_soundtrack(board, sims, lines, seed=1, stems_out=stems)
    level = np.abs(stems["dialogue"]).max(axis=1)
    a, b = int(lines[0].start * SR), int(lines[0].end * SR)
    assert level[:a].max() == 0.0 and level[b + 1:].max() == 0.0
    assert level[a:b].max() > 0.1
    # The voice starts within a few milliseconds of its scheduled time.
    first = int(np.argmax(level > 0.02))
    assert 0 <= first - a < int(0.05 * SR)


def test_lines_follow_each_other_without_overlap() -> None:
    board = _board([{"speaker": "s0", "text": "Hello there."},
                    {"speaker": "s1", "text": "Greetings, human."},
                    {"speaker": "s0", "text": "Nice day."}])
    lines = schedule_dialogue(board, _sims(board), seed=4)
    assert 0.1 < lines[0].start < 1.0
    for prev, nxt in itertools.pairwise(lines):
        assert nxt.start >= prev.end + 0.1
        assert nxt.start <= prev.end + 1.0


def test_a_line_never_runs_past_the_clip() -> None:
    text = "This is a rather long sentence that cannot possibly fit into such a short shot at all."
    board = _board([{"speaker": "s0", "text": text}], duration=2.0)
    sims = _sims(board)
    lines = schedule_dialogue(board, sims, seed=1)
    total = sum(len(s.frames) for s in sims) / sims[0].fps
    assert lines[0].end <= total
    late = _board([{"speaker": "s0", "text": "Wait for me!", "start": 1.9}], duration=2.0)
    lines = schedule_dialogue(late, _sims(late), seed=1)
    assert lines[0].end <= total and lines[0].duration > 0.3


def test_mouth_moves_only_while_speaking() -> None:
    board = _board([{"speaker": "s0", "text": "Open wide, my friend.", "start": 1.0}])
    sims = _sims(board)
    lines = schedule_dialogue(board, sims, seed=1)
    apply_mouths(sims, lines)
    line: SpokenLine = lines[0]
    t = np.array([f.t for f in sims[0].frames])
    mouth = np.array([f.entities[0].mouth for f in sims[0].frames])
    other = np.array([f.entities[1].mouth for f in sims[0].frames])
    inside = (t >= line.start) & (t <= line.end)
    assert np.all(mouth[~inside] == 0.0)
    assert mouth[inside].max() > 0.5 and (mouth[inside] > 0).mean() > 0.5
    assert np.all(other == 0.0)
    # It opens and closes with the syllables rather than staying open.
    assert mouth[inside].std() > 0.1


def test_mouth_is_shut_in_a_pause_and_open_on_voiced_sound() -> None:
    board = _board([{"speaker": "s0", "text": "Wait here. I will be right back.", "start": 0.5}])
    sims = _sims(board)
    lines = schedule_dialogue(board, sims, seed=1)
    apply_mouths(sims, lines)
    line = lines[0]
    fps = sims[0].fps
    mouth = np.array([f.entities[0].mouth for f in sims[0].frames])
    hop = SR // fps
    # Loudness of the line's sound around each video frame.
    level = np.zeros(len(mouth))
    for k, frame in enumerate(sims[0].frames):
        a = int((frame.t - line.start) * SR) - hop // 2
        if a >= 0 and a + hop <= len(line.samples):
            level[k] = np.sqrt(np.mean(line.samples[a:a + hop] ** 2))
    voiced = level > 0.05
    silent = level < 0.002
    inside = np.array([line.start + 0.05 < f.t < line.end - 0.05 for f in sims[0].frames])
    assert voiced.sum() >= 10 and (silent & inside).sum() >= 3  # the pause between sentences
    assert (mouth[voiced] > 0.15).mean() > 0.9
    assert np.all(mouth[silent & inside] == 0.0)


def test_two_speakers_sound_different() -> None:
    board = _board([{"speaker": "s0", "text": "I am the first speaker here."},
                    {"speaker": "s1", "text": "I am the second speaker here."}],
                   kinds=("person", "person"))
    lines = schedule_dialogue(board, _sims(board, ("person", "person")), seed=1)
    p0, p1 = (_pitch(line.samples, line.sample_rate) for line in lines)
    assert abs(np.log2(p0 / p1)) > 0.25, (p0, p1)  # at least a few semitones apart


def test_small_creatures_speak_higher_than_big_ones() -> None:
    board = _board([{"speaker": "s0", "text": "Hello, hello there."},
                    {"speaker": "s1", "text": "Hello, hello there."}], kinds=("mouse", "dinosaur"))
    lines = schedule_dialogue(board, _sims(board, ("mouse", "dinosaur")), seed=1)
    assert _pitch(lines[0].samples, SR) > 1.5 * _pitch(lines[1].samples, SR)
    assert lines[0].voice.name == "critter" and lines[1].voice.name == "giant"


def test_robot_voice_is_ring_modulated() -> None:
    board = _board([{"speaker": "s1", "text": "Beep. I am a robot."}])
    lines = schedule_dialogue(board, _sims(board), seed=1)
    assert lines[0].voice.robot and lines[0].engine == "joe"
    assert np.isfinite(lines[0].samples).all() and np.abs(lines[0].samples).max() > 0.05


def test_dialogue_is_the_loudest_stem_while_speaking() -> None:
    board = Storyboard.model_validate({
        "mood": "epic", "environment": {"place": "stadium"},
        "shots": [{"duration": 4.0, "entities": [{"id": "s0", "kind": "person"}],
                   "dialogue": [{"speaker": "s0", "text": "We have to win this one.",
                                 "start": 1.0}]}]})
    sims = make_sims(board, [[("s0", "person", 5.0)]])
    lines = schedule_dialogue(board, sims, seed=1)
    stems: dict[str, np.ndarray] = {}
    mix_soundtrack(board, sims, lines, seed=1, stems_out=stems)
    seg = slice(int(lines[0].start * SR), int(lines[0].end * SR))

    def level(name: str) -> float:
        return float(np.sqrt(np.mean(stems[name][seg] ** 2)))

    # At least 8 dB above music and ambience together, even in a cheering stadium.
    assert level("dialogue") > 2.5 * (level("music") + level("ambience"))
