"""Choosing a voice per speaker: espeak variant, pitch and rate from who is talking."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import signal

from openreel.spec.catalog import KINDS, Archetype

# Alternating variants give two speakers of the same kind clearly different timbres.
_ADULT_VARIANTS = ("en-us+m3", "en-us+f3", "en-us+m1", "en-us+f2", "en-us+m7", "en-us+f4")
_CHILD_VARIANTS = ("en-us+f5", "en-us+f2", "en-us+m5", "en-us+f4")
_ROBOT_KINDS = frozenset({"robot", "ufo"})
_OTHERWORLDLY_KINDS = frozenset({"alien"})


@dataclass(frozen=True, slots=True)
class VoiceProfile:
    """How one speaker sounds."""

    voice: str
    rate: int  # words per minute
    pitch: int  # espeak 0..99
    pitch_range: int  # espeak 0..99
    robot: bool = False


def voice_for(kind: str, size: float | None, index: int,
              explicit: str | None = None) -> VoiceProfile:
    """Voice for the ``index``-th distinct speaker of a shot, of catalog ``kind`` and ``size``."""
    spec = KINDS.get(kind)
    base_size = spec.size if spec is not None else 1.7
    size = size if size is not None else base_size
    archetype = spec.archetype if spec is not None else Archetype.HUMANOID
    robot = kind in _ROBOT_KINDS
    variants: tuple[str, ...]
    if kind == "child" or (archetype != Archetype.HUMANOID and size < 0.7):
        variants = _CHILD_VARIANTS
    else:
        variants = _ADULT_VARIANTS
    voice = explicit or variants[index % len(variants)]
    # Pitch follows size on a log scale: a mouse squeaks, a dinosaur rumbles.
    pitch = 50.0 - 22.0 * np.log2(max(size, 0.05) / 1.7)
    pitch += (-8.0, 8.0, -3.0, 12.0, 4.0, -12.0)[index % 6]
    rate = 165 + (0, 12, -10, 20, -5, 8)[index % 6]
    pitch_range = 50
    if size > 2.5:
        rate -= 20
    if size < 0.5:
        rate += 15
    if robot:
        pitch_range, rate = 10, rate - 10
    if kind in _OTHERWORLDLY_KINDS:
        pitch_range = 90
    return VoiceProfile(voice, int(rate), int(np.clip(pitch, 5, 95)), pitch_range, robot)


def robotise(x: np.ndarray, sr: int) -> np.ndarray:
    """Metallic ring-modulated voice with a short comb resonance."""
    t = np.arange(len(x), dtype=np.float32) / sr
    ring = x * (0.55 + 0.45 * np.sin(2 * np.pi * 55.0 * t, dtype=np.float32))
    delay = max(1, int(0.0045 * sr))
    # Feedback comb: y[n] = x[n] + 0.55 y[n - delay] gives the tinny ring of a metal box.
    a = np.zeros(delay + 1, np.float32)
    a[0], a[delay] = 1.0, -0.55
    out = signal.lfilter([1.0], a, ring).astype(np.float32)
    return out * 0.6
