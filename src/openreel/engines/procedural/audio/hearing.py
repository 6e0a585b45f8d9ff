"""Hearing speech as a listener without context would: pocketsphinx's bundled US-English model.

Used to measure how intelligible the voices are (word accuracy against the text they read),
never to steer a render.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio.spoken_text import spell_numbers

RATE = 16000  # the acoustic model's rate

_SCALES = frozenset({"hundred", "thousand", "million"})
# Contractions and spoken forms written out, so "it's" and "it is" count as the same words.
_EXPANSIONS = {
    "can't": "can not", "won't": "will not", "shan't": "shall not", "let's": "let us",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "dr": "doctor", "mr": "mister",
    "mrs": "missus", "ms": "miss", "st": "street", "okay": "ok", "o.k.": "ok",
}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"),
             ("'m", " am"), ("'d", " would"), ("'s", " is"))
_LOCK = threading.Lock()


def normalise_words(text: str) -> list[str]:
    """Lower-case words with numbers spelt out, contractions expanded and punctuation gone."""
    text = spell_numbers(text.lower().replace("’", "'"))
    text = re.sub(r"[-–—/]", " ", text)
    words: list[str] = []
    for raw in re.findall(r"[a-z0-9.']+", text):
        word = raw.strip(".'")
        word = _EXPANSIONS.get(word, word)
        for suffix, full in _SUFFIXES:
            if word.endswith(suffix) and word != "o'clock":
                word = word[: -len(suffix)] + full
                break
        words.extend(word.replace(".", " ").split())
    # "one hundred and twenty" and "one hundred twenty" are the same number.
    return [w for i, w in enumerate(words)
            if not (w == "and" and 0 < i < len(words) - 1 and words[i - 1] in _SCALES)]


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """Word-level edit distance between the normalised texts, and the reference's word count."""
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    # Levenshtein over words, one row at a time.
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1], len(ref)


@cache
def _decoder() -> Any:
    from pocketsphinx import Decoder  # imported late: only measurements listen

    return Decoder(samprate=RATE, loglevel="FATAL")


def transcribe(samples: np.ndarray, sample_rate: int) -> str:
    """What pocketsphinx's default US-English model and language model hear in ``samples``."""
    x = np.asarray(samples, np.float64)
    if sample_rate != RATE:
        g = np.gcd(RATE, sample_rate)
        x = signal.resample_poly(x, RATE // g, sample_rate // g)
    peak = float(np.abs(x).max()) if x.size else 0.0
    if peak <= 0.0:
        return ""
    # A quarter second of faint room tone either side, as around a line in a clip: the
    # recogniser settles its noise and level estimates on it (digital silence misleads it).
    pad = np.zeros(RATE // 4)
    heard = np.concatenate((pad, x / peak * 0.8, pad))
    heard += 1e-3 * np.random.default_rng(0).standard_normal(heard.size)
    pcm = (np.clip(heard, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
    with _LOCK:
        decoder = _decoder()
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        hyp = decoder.hyp()
    return str(hyp.hypstr) if hyp is not None else ""
