"""Music: a short bed in a key, tempo and colour that fit the storyboard's mood and style.

Everything is synthesised with numpy: chords on a pad or plucks, a bass line, light
drums and a melody motif, then a convolution reverb. Note waveforms are cached, so a
60 s bed costs little more than one bar of each chord.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio.dsp import fade_edges, lowpass, normalise_rms, rng_for
from openreel.spec.storyboard import Mood, Style

MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
LYDIAN = (0, 2, 4, 6, 7, 9, 11)
PHRYGIAN = (0, 1, 3, 5, 7, 8, 10)


@dataclass(frozen=True, slots=True)
class Feel:
    """The musical choices for one mood."""

    root: int  # MIDI note of the tonic in the bass octave
    scale: tuple[int, ...]
    bpm: float
    progression: tuple[int, ...]  # scale degrees (0-based), one chord per bar
    chords: str  # "pad", "pluck", "pulse", "brass"
    drums: str  # "none", "soft", "pop", "epic", "tick"
    melody: float  # note density 0..1
    bright: float  # filter openness 0..1


FEELS: dict[Mood, Feel] = {
    Mood.HAPPY: Feel(48, MAJOR, 112, (0, 4, 5, 3), "pluck", "pop", 0.6, 0.8),
    Mood.CALM: Feel(45, MAJOR, 76, (0, 3, 5, 4), "pad", "soft", 0.3, 0.4),
    Mood.TENSE: Feel(45, MINOR, 124, (0, 0, 5, 4), "pulse", "tick", 0.2, 0.5),
    Mood.EPIC: Feel(38, MINOR, 92, (0, 5, 2, 6), "brass", "epic", 0.4, 0.6),
    Mood.SAD: Feel(45, MINOR, 68, (0, 5, 3, 4), "pad", "none", 0.35, 0.35),
    Mood.PLAYFUL: Feel(50, MAJOR, 128, (0, 5, 1, 4), "pluck", "pop", 0.7, 0.9),
    Mood.MYSTERIOUS: Feel(40, PHRYGIAN, 80, (0, 1, 0, 6), "pad", "tick", 0.25, 0.3),
    Mood.DREAMY: Feel(43, LYDIAN, 70, (0, 1, 0, 4), "pad", "none", 0.4, 0.5),
}


def _hz(midi: float) -> float:
    return float(440.0 * 2.0 ** ((midi - 69.0) / 12.0))


def _env(n: int, sr: int, a: float, r: float, decay: float | None = None) -> np.ndarray:
    """Attack / release envelope with an optional exponential decay in between."""
    t = np.arange(n, dtype=np.float32) / sr
    e = np.minimum(1.0, t / max(a, 1e-4))
    if decay is not None:
        e = e * np.exp(-t / decay)
    k = min(n, int(r * sr))
    if k:
        e[n - k:] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
    return e.astype(np.float32)


@lru_cache(maxsize=2048)
def _note(instrument: str, midi: int, n: int, sr: int, bright: float) -> np.ndarray:
    """One note of ``n`` samples on a named instrument (cached: melodies repeat)."""
    f = _hz(midi)
    t = np.arange(n, dtype=np.float32) / sr
    ph = (f * t) % 1.0
    if instrument == "square":  # chiptune: a 25 % pulse wave, stepped envelope
        x = np.where(ph < 0.25, 1.0, -1.0).astype(np.float32) * 0.5
        return x * _env(n, sr, 0.002, 0.02, 0.35)
    if instrument == "triangle":
        x = (2.0 * np.abs(2.0 * ph - 1.0) - 1.0).astype(np.float32)
        return x * _env(n, sr, 0.002, 0.02)
    if instrument == "pluck":  # harmonics that die faster the higher they are
        x = np.zeros(n, np.float32)
        for h in range(1, 7):
            x += np.sin(2 * np.pi * f * h * t) * np.exp(-t * (3.0 + 2.5 * h)) / h
        return x * _env(n, sr, 0.003, 0.03)
    if instrument == "bass":
        x = np.sin(2 * np.pi * f * t) + 0.3 * np.sin(4 * np.pi * f * t) + 0.1 * np.sin(
            6 * np.pi * f * t)
        return (x * _env(n, sr, 0.005, 0.05, 0.6)).astype(np.float32)
    if instrument == "bell":
        x = (np.sin(2 * np.pi * f * t) + 0.4 * np.sin(2 * np.pi * f * 2.76 * t) * np.exp(-t * 3)
             + 0.2 * np.sin(2 * np.pi * f * 5.4 * t) * np.exp(-t * 6))
        return (x * _env(n, sr, 0.002, 0.05, 0.8)).astype(np.float32)
    if instrument == "lead":  # soft sine lead with a little vibrato
        vib = 1.0 + 0.004 * np.sin(2 * np.pi * 5.5 * t) * np.minimum(1.0, t / 0.3)
        phase = 2 * np.pi * f * np.cumsum(vib) / sr
        x = np.sin(phase) + 0.25 * np.sin(2 * phase) + 0.1 * np.sin(3 * phase)
        return (x * _env(n, sr, 0.02, 0.08)).astype(np.float32)
    # "saw": two detuned saws through a low-pass (strings, pads, brass)
    x = (2.0 * ph - 1.0) + (2.0 * ((f * 1.006 * t) % 1.0) - 1.0)
    x = lowpass(x.astype(np.float32), 600.0 + 3000.0 * bright + f, sr)
    return x * 0.5


@lru_cache(maxsize=64)
def _drum(name: str, sr: int) -> np.ndarray:
    rng = rng_for(0, "drum", name)
    if name in ("kick", "tom"):
        n = int(sr * (0.35 if name == "kick" else 0.5))
        t = np.arange(n, dtype=np.float32) / sr
        f = (50.0 + 110.0 * np.exp(-t * 30.0)) if name == "kick" else (90.0 + 60 * np.exp(-t * 8))
        x = np.sin(2 * np.pi * np.cumsum(f) / sr) * np.exp(-t * (9.0 if name == "kick" else 6.0))
        return x.astype(np.float32)
    if name == "snare":
        n = int(sr * 0.22)
        t = np.arange(n, dtype=np.float32) / sr
        tone = np.sin(2 * np.pi * 190 * t) * np.exp(-t * 25)
        x = 0.6 * rng.standard_normal(n) * np.exp(-t * 18) + 0.5 * tone
        return signal.sosfilt(signal.butter(2, 800, "highpass", fs=sr, output="sos"), x).astype(
            np.float32)
    if name == "brush":
        n = int(sr * 0.15)
        t = np.arange(n, dtype=np.float32) / sr
        x = rng.standard_normal(n) * np.minimum(1.0, t / 0.02) * np.exp(-t * 20)
        return signal.sosfilt(signal.butter(2, (2000, 8000), "bandpass", fs=sr, output="sos"),
                              x).astype(np.float32) * 0.5
    n = int(sr * (0.05 if name == "hat" else 0.08))  # hat / shaker / tick
    t = np.arange(n, dtype=np.float32) / sr
    x = rng.standard_normal(n) * np.exp(-t * (90.0 if name == "hat" else 50.0))
    cut = 7000 if name == "hat" else 4000
    return signal.sosfilt(signal.butter(2, cut, "highpass", fs=sr, output="sos"), x).astype(
        np.float32) * (0.4 if name != "tick" else 0.25)


def _chord(feel: Feel, degree: int, sevenths: bool) -> list[int]:
    """MIDI notes (above the bass octave) of the triad/seventh on ``degree``."""
    scale = feel.scale
    steps = (0, 2, 4, 6) if sevenths else (0, 2, 4)
    notes = []
    for s in steps:
        d = degree + s
        notes.append(feel.root + 12 + scale[d % 7] + 12 * (d // 7))
    return notes


def _put(buf: np.ndarray, x: np.ndarray, start: int, gain: float) -> None:
    n = buf.size
    if start >= n:
        return
    m = min(x.size, n - start)
    buf[start:start + m] += x[:m] * gain


def _reverb_ir(sr: int, seconds: float, seed: int) -> np.ndarray:
    rng = rng_for(seed, "reverb")
    n = int(sr * seconds)
    t = np.arange(n, dtype=np.float32) / sr
    ir = rng.standard_normal((2, n)).astype(np.float32) * np.exp(-t * 6.9 / seconds)[None, :]
    ir = lowpass(ir, 5000.0, sr)
    ir[:, : int(0.01 * sr)] = 0.0  # pre-delay keeps the dry attack clear
    return ir / np.sqrt(np.sum(ir ** 2, axis=1, keepdims=True))


def compose(mood: Mood, style: Style, seconds: float, sr: int, seed: int) -> np.ndarray:
    """A (2, n) music bed lasting ``seconds``, normalised to a fixed RMS."""
    n = max(1, int(np.rint(seconds * sr)))
    feel = FEELS[mood]
    rng = rng_for(seed, "music", mood, style)
    bpm = feel.bpm * (1.1 if style == Style.ANIME else 1.0)
    beat = 60.0 / bpm
    swing = 0.16 if style == Style.NOIR else 0.0
    sevenths = style == Style.NOIR or mood in (Mood.DREAMY, Mood.CALM)
    bright = min(1.0, feel.bright + (0.25 if style in (Style.ANIME, Style.PIXEL) else 0.0))
    chip = style == Style.PIXEL
    chord_inst = "square" if chip else {"pad": "saw", "brass": "saw", "pulse": "saw",
                                        "pluck": "pluck"}[feel.chords]
    if style == Style.CINEMATIC and feel.chords == "pluck":
        chord_inst = "saw"
    bass_inst = "triangle" if chip else "bass"
    lead_inst = "square" if chip else ("bell" if mood in (Mood.DREAMY, Mood.MYSTERIOUS) else
                                       "pluck" if mood == Mood.PLAYFUL else "lead")
    drums = "brush" if style == Style.NOIR and feel.drums != "none" else feel.drums

    pads = np.zeros(n, np.float32)
    bass = np.zeros(n, np.float32)
    lead = np.zeros(n, np.float32)
    kit = np.zeros(n, np.float32)
    bar = 4 * beat
    # A motif: rhythm (in eighths) and chord-tone steps, repeated with small changes.
    slots = [i for i in range(8) if rng.random() < feel.melody or i == 0]
    contour = rng.integers(0, 5, size=8)
    bars = int(np.ceil(seconds / bar)) + 1
    for b in range(bars):
        t0 = b * bar
        s0 = int(t0 * sr)
        if s0 >= n:
            break
        degree = feel.progression[b % len(feel.progression)]
        notes = _chord(feel, degree, sevenths)
        # Chords: sustained pads, or rhythmic stabs for plucks and pulses.
        if feel.chords in ("pad", "brass") and not chip:
            m = int(bar * sr) + int(0.3 * sr)
            for k, note in enumerate(notes):
                x = _note(chord_inst, note, m, sr, bright) * _env(m, sr, 0.4 if feel.chords == "pad"
                                                                  else 0.08, 0.5)
                _put(pads, x, s0, 0.25 / (1 + 0.2 * k))
        else:
            step = beat / 2 if feel.chords == "pulse" else beat
            hits = int(np.rint(bar / step))
            for h in range(hits):
                m = int(step * sr * 0.9)
                at = s0 + int((h * step + (swing * beat if h % 2 else 0.0)) * sr)
                for note in notes:
                    _put(pads, _note(chord_inst, note, m, sr, bright), at, 0.16)
        # Bass: root on the beat (walking in noir, eighth pulses when tense).
        root = feel.root + feel.scale[degree % 7]
        if style == Style.NOIR:
            walk = [root, root + feel.scale[2] - feel.scale[0], root + 7, root + 5]
            for i, note in enumerate(walk):
                _put(bass, _note(bass_inst, note, int(beat * sr), sr, bright),
                     s0 + int(i * beat * sr), 0.5)
        else:
            step = beat * (0.5 if feel.chords == "pulse" else 2.0 if feel.drums == "none" else 1.0)
            for i in range(int(np.rint(bar / step))):
                note = root if i % 4 != 3 else root + 7
                _put(bass, _note(bass_inst, note, int(step * sr * 0.95), sr, bright),
                     s0 + int(i * step * sr), 0.5)
        # Melody: the motif's rhythm over this chord's tones, answered every other bar.
        if b % 4 != 3:
            for i in slots:
                idx = int(contour[i] + (b % 2) * (1 if i % 3 == 0 else 0))
                octave, tone = divmod(idx, len(notes))
                note = notes[tone] + 12 + 12 * octave
                m = int(beat / 2 * sr * (2 if i + 1 not in slots else 1))
                at = s0 + int((i * beat / 2 + (swing * beat if i % 2 else 0.0)) * sr)
                _put(lead, _note(lead_inst, note, m, sr, bright), at, 0.22)
        # Drums.
        for i in range(8):
            at = s0 + int((i * beat / 2 + (swing * beat if i % 2 else 0.0)) * sr)
            if drums == "pop":
                if i in (0, 4):
                    _put(kit, _drum("kick", sr), at, 0.9)
                if i in (2, 6):
                    _put(kit, _drum("snare", sr), at, 0.45)
                _put(kit, _drum("hat", sr), at, 0.35)
            elif drums == "epic":
                if i in (0, 3, 4):
                    _put(kit, _drum("kick", sr), at, 1.0)
                if i in (2, 6):
                    _put(kit, _drum("tom", sr), at, 0.8)
                if i == 6:
                    _put(kit, _drum("snare", sr), at, 0.5)
            elif drums == "tick":
                _put(kit, _drum("tick", sr), at, 0.5 if i % 2 == 0 else 0.25)
                if i == 0:
                    _put(kit, _drum("kick", sr), at, 0.5)
            elif drums == "soft":
                _put(kit, _drum("shaker", sr), at, 0.25 if i % 2 else 0.15)
            elif drums == "brush":
                _put(kit, _drum("brush", sr), at, 0.6)
                if i in (2, 6):
                    _put(kit, _drum("snare", sr), at, 0.12)
    # Place the parts: pads wide, bass and kick centred, lead slightly off centre.
    mix = np.zeros((2, n), np.float32)
    mix[0] += 0.8 * pads + bass + 0.55 * lead + kit
    mix[1] += 0.8 * pads + bass + 0.45 * lead + kit
    delay = int(0.012 * sr)  # Haas offset widens the chord part without phase trouble at mono
    mix[1, delay:] += 0.25 * pads[:-delay]
    wet_seconds = 2.2 if mood in (Mood.DREAMY, Mood.MYSTERIOUS, Mood.SAD, Mood.CALM) else 1.2
    if chip:
        wet_seconds = 0.4
    ir = _reverb_ir(sr, wet_seconds, seed)
    send = lowpass(0.8 * pads + 0.7 * lead + 0.2 * kit, 4000.0, sr)
    wet = np.stack([signal.oaconvolve(send, ir[c])[:n] for c in range(2)]).astype(np.float32)
    mix += 0.35 * wet
    mix = normalise_rms(mix, 0.1)
    fade_edges(mix, sr, 0.05)
    k = min(n, int(1.5 * sr))  # gentle fade-out at the end of the clip
    mix[:, n - k:] *= np.linspace(1.0, 0.0, k, dtype=np.float32) ** 0.7
    return mix
