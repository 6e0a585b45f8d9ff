"""Text to speech with espeak-ng through ctypes: samples plus phoneme timings.

espeak-ng speaks lines in languages the neural voices do not, and stands in when a neural
voice cannot load. It keeps global state, so every call into the library holds one lock.
"""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Values from espeak-ng's speak_lib.h.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_PHONEME_EVENTS = 0x0001
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_EVENT_PHONEME = 7
_PARAM_RATE = 1
_PARAM_VOLUME = 2
_PARAM_PITCH = 3
_PARAM_RANGE = 4
_PARAM_WORDGAP = 7

RATE_MIN = 80
RATE_MAX = 450


class _EventId(ctypes.Union):
    _fields_ = (
        ("number", ctypes.c_int),
        ("name", ctypes.c_char_p),
        ("string", ctypes.c_char * 8),
    )


class _Event(ctypes.Structure):
    """espeak_EVENT as laid out in speak_lib.h (audio_position is in milliseconds)."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    )


_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass(frozen=True, slots=True)
class Phoneme:
    """One phoneme: its espeak mnemonic and when it starts, in seconds from the utterance start."""

    name: str
    t: float


@dataclass(frozen=True, slots=True)
class Utterance:
    """Synthesised speech at the engine's own rate, with phoneme timings."""

    samples: np.ndarray  # float32 mono, -1..1
    sample_rate: int
    phonemes: tuple[Phoneme, ...]

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate


class _Espeak:
    """The loaded library with its callback; one per process."""

    def __init__(self) -> None:
        import espeakng_loader  # imported late: only the speech stage needs it

        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
        lib.espeak_SetSynthCallback.argtypes = (_SynthCallback,)
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = (
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.POINTER(ctypes.c_uint), ctypes.c_void_p,
        )
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_Synchronize.restype = ctypes.c_int
        data = espeakng_loader.get_data_path().encode()
        rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 200, data, _INITIALIZE_PHONEME_EVENTS | _INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise RuntimeError("espeak-ng failed to initialise")
        self.lib = lib
        self.sample_rate = int(rate)
        self._chunks: list[np.ndarray] = []
        self._phonemes: list[Phoneme] = []
        # Keep a reference: ctypes frees the trampoline when the Python object dies.
        self._callback = _SynthCallback(self._on_audio)
        lib.espeak_SetSynthCallback(self._callback)

    def _on_audio(self, wav: ctypes.Array[ctypes.c_short] | None, n: int,
                  events: ctypes.Array[_Event]) -> int:
        if wav and n > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            ev = events[i]
            if ev.type == _EVENT_PHONEME:
                name = bytes(ev.id.string).split(b"\0", 1)[0].decode("utf-8", "replace")
                self._phonemes.append(Phoneme(name, ev.audio_position / 1000.0))
            elif ev.type == _EVENT_WORD:
                self._phonemes.append(Phoneme("#", ev.audio_position / 1000.0))
            i += 1
        return 0

    def synth(self, text: str, voice: str, rate: int, pitch: int, pitch_range: int) -> Utterance:
        lib = self.lib
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            lib.espeak_SetVoiceByName(b"en-us")
        lib.espeak_SetParameter(_PARAM_RATE, int(np.clip(rate, RATE_MIN, RATE_MAX)), 0)
        lib.espeak_SetParameter(_PARAM_PITCH, int(np.clip(pitch, 0, 99)), 0)
        lib.espeak_SetParameter(_PARAM_RANGE, int(np.clip(pitch_range, 0, 99)), 0)
        lib.espeak_SetParameter(_PARAM_VOLUME, 100, 0)
        lib.espeak_SetParameter(_PARAM_WORDGAP, 0, 0)
        self._chunks = []
        self._phonemes = []
        # Voice variants add breath and flutter from espeak's own random generator, which
        # it seeds from the clock: reseed it so the same line always sounds the same.
        if hasattr(lib, "espeak_ng_SetRandSeed"):
            lib.espeak_ng_SetRandSeed(ctypes.c_long(0x0E5EED))
        data = text.encode("utf-8") + b"\0"
        buf = ctypes.create_string_buffer(data)
        lib.espeak_Synth(buf, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        lib.espeak_Synchronize()
        pcm = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)
        samples = pcm.astype(np.float32) / 32768.0
        return Utterance(samples, self.sample_rate, tuple(self._phonemes))


_LOCK = threading.Lock()
_ENGINE: _Espeak | None = None


def _engine() -> _Espeak:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _Espeak()
    return _ENGINE


@lru_cache(maxsize=256)
def synthesize(text: str, voice: str = "en-us", rate: int = 165, pitch: int = 50,
               pitch_range: int = 50) -> Utterance:
    """Speak ``text`` with an espeak-ng voice; words per minute ``rate``, ``pitch`` 0..99."""
    with _LOCK:
        return _engine().synth(text, voice, rate, pitch, pitch_range)


_VOICE_NAME = re.compile(r"[a-z]{2,3}(-[a-z0-9]+)*(\+[a-z0-9]+)?")


def knows_voice(name: str) -> bool:
    """Whether espeak-ng has a voice ``name``: a language code, optionally ``+variant``."""
    if not _VOICE_NAME.fullmatch(name):
        return False
    with _LOCK:
        return bool(_engine().lib.espeak_SetVoiceByName(name.encode()) == 0)
