"""The mixed soundtrack: sync of impacts, length, loudness, peaks, ducking, determinism."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from audio_fixtures import FPS, SR, band_energy, impact, make_sims, rolling

from openreel.engines.procedural.audio import apply_mouths, mix_soundtrack, schedule_dialogue
from openreel.spec import Storyboard


def _board(**extra: object) -> Storyboard:
    data: dict[str, object] = {
        "mood": "happy", "style": "animated", "environment": {"place": "park"},
        "shots": [{"duration": 3.0, "entities": [{"id": "ball", "kind": "ball"},
                                                  {"id": "bob", "kind": "person"}]},
                  {"duration": 2.0, "environment": {"place": "beach"},
                   "entities": [{"id": "ball", "kind": "ball"}]}],
    }
    data.update(extra)
    return Storyboard.model_validate(data)


ENTS = [[("ball", "ball", 3.0), ("bob", "person", 6.0)], [("ball", "ball", 5.0)]]
HITS = [0.52, 1.37, 2.2, 3.61, 4.45]


def _mix(board: Storyboard, sims: list, seed: int = 3, stems: dict | None = None) -> np.ndarray:
    lines = schedule_dialogue(board, sims, seed=seed)
    apply_mouths(sims, lines)
    return mix_soundtrack(board, sims, lines, seed=seed, sample_rate=SR, stems_out=stems)


def test_impact_onsets_in_final_mix_are_on_their_frame() -> None:
    board = _board()
    contacts = [[impact(t, 2.0 + t, "metal" if i % 2 else "wood") for i, t in enumerate(HITS[:3])],
                [impact(t, 5.0, "glass") for t in HITS[3:]]]
    stems: dict[str, np.ndarray] = {}
    audio = _mix(board, make_sims(board, ENTS, contacts), stems=stems)
    assert np.sqrt(np.mean(stems["ambience"] ** 2)) > 1e-3  # beds really are there
    assert np.sqrt(np.mean(stems["music"] ** 2)) > 1e-3
    energy = band_energy(audio, SR, 1500.0)
    hop = 0.002
    for t in HITS:
        k = int(t / hop)
        before = energy[k - 40:k - 5].mean()  # 10..80 ms before the hit
        after = energy[k:k + 10]
        assert after.max() > 6 * before, f"no onset at {t}"
        # First hop that rises well above the background, searched over ±1 frame.
        lo, hi = int((t - 1 / FPS) / hop), int((t + 1 / FPS) / hop)
        window = energy[lo:hi]
        onset = lo + int(np.argmax(window > 4 * before))
        assert abs(onset * hop - t) <= 1 / FPS


def test_foley_stem_onsets_within_a_millisecond() -> None:
    board = _board(music=False)
    hits = (0.3, 1.9, 3.7)  # far enough apart that each ring has died before the next
    contacts = [[impact(t, 3.0, "metal") for t in hits[:2]], [impact(hits[2], 5.0, "wood")]]
    stems: dict[str, np.ndarray] = {}
    _mix(board, make_sims(board, ENTS, contacts), stems=stems)
    foley = np.abs(stems["foley"]).max(axis=1)
    ms = SR // 1000
    for t in hits:
        k = round(t * SR)
        assert foley[k - 100 * ms:k - ms].max() < 1e-3 * foley[k:k + 10 * ms].max()
        # Sharp attack: most of the peak level is reached within a couple of milliseconds.
        assert foley[k:k + 2 * ms].max() > 0.3 * foley[k:k + 50 * ms].max()


def test_length_is_exact_for_awkward_frame_counts() -> None:
    board = Storyboard.model_validate({"shots": [{"duration": 1.01}, {"duration": 0.77}]})
    for fps in (24, 25, 30):
        sims = make_sims(board, [[], []], fps=fps)
        frames = sum(len(s.frames) for s in sims)
        for sr in (48000, 44100):
            audio = mix_soundtrack(board, sims, [], seed=1, sample_rate=sr)
            assert audio.shape == (round(frames / fps * sr), 2)
            assert audio.dtype == np.float32


def test_loudness_and_peaks() -> None:
    board = _board(shots=[{"duration": 4.0, "entities": [{"id": "ball", "kind": "ball"},
                                                         {"id": "bob", "kind": "person"}],
                           "dialogue": [{"speaker": "bob", "text": "What a lovely day for it."}],
                           "sounds": [{"sound": "explosion", "at": 2.5}]}])
    contacts = [[impact(t, 3.0, "metal", impulse=500.0) for t in (0.5, 1.5, 3.5)]]
    audio = _mix(board, make_sims(board, ENTS[:1], contacts))
    lufs = pyloudnorm.Meter(SR).integrated_loudness(audio.astype(np.float64))
    assert abs(lufs - (-14.0)) <= 1.0
    assert np.abs(audio).max() <= 0.98 + 1e-6


def test_music_ducks_under_speech() -> None:
    board = _board(shots=[{"duration": 6.0, "entities": [{"id": "bob", "kind": "person"}],
                           "dialogue": [{"speaker": "bob", "text": "Listen to me now, please.",
                                         "start": 2.0}]}])
    sims = make_sims(board, [[("bob", "person", 5.0)]])
    stems: dict[str, np.ndarray] = {}
    lines = schedule_dialogue(board, sims, seed=1)
    mix_soundtrack(board, sims, lines, seed=1, stems_out=stems)
    music = stems["music"]
    line = lines[0]
    inside = music[int((line.start + 0.3) * SR):int((line.end - 0.1) * SR)]
    outside = music[int(0.3 * SR):int(1.8 * SR)]
    ratio_db = 20 * np.log10(np.sqrt(np.mean(inside ** 2)) / np.sqrt(np.mean(outside ** 2)))
    assert ratio_db < -6.0


def test_same_inputs_same_samples_and_seed_matters() -> None:
    board = _board()
    contacts = [[impact(1.0, 3.0)], [impact(3.5, 4.0, "wood")]]
    cont = [[rolling(72)], []]
    a = _mix(board, make_sims(board, ENTS, contacts, cont), seed=5)
    b = _mix(board, make_sims(board, ENTS, contacts, cont), seed=5)
    c = _mix(board, make_sims(board, ENTS, contacts, cont), seed=6)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_screen_position_drives_panning() -> None:
    board = _board(music=False)
    contacts = [[impact(1.0, 3.0, "metal", impulse=200.0)], []]
    sims = make_sims(board, ENTS, contacts)
    left: dict[str, np.ndarray] = {}
    right: dict[str, np.ndarray] = {}
    mix_soundtrack(board, sims, [], seed=1, screen_x=lambda f, x, y: -1.0, stems_out=left)
    mix_soundtrack(board, sims, [], seed=1, screen_x=lambda f, x, y: 1.0, stems_out=right)
    seg = slice(int(1.0 * SR), int(1.3 * SR))
    assert np.abs(left["foley"][seg, 0]).sum() > 20 * np.abs(left["foley"][seg, 1]).sum()
    assert np.abs(right["foley"][seg, 1]).sum() > 20 * np.abs(right["foley"][seg, 0]).sum()


@pytest.mark.parametrize("mood", ["happy", "calm", "tense", "epic", "sad", "playful",
                                  "mysterious", "dreamy"])
def test_every_mood_makes_music(mood: str) -> None:
    board = Storyboard.model_validate({"mood": mood, "shots": [{"duration": 2.0}]})
    stems: dict[str, np.ndarray] = {}
    mix_soundtrack(board, make_sims(board, [[]]), [], seed=2, stems_out=stems)
    assert np.sqrt(np.mean(stems["music"] ** 2)) > 1e-3
