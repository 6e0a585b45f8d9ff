"""Steer the feed with a sentence: "more animals, less sports", "no cats but dogs are fine".

The sentence is cut into clauses, at punctuation, conjunctions and each new cue ("more
soccer less politics" is two), each with a direction (more, less, never, or fine) read
from cue words. What remains of a clause once cues and filler words are gone is matched
by sentence-embedding similarity against phrases that stand for the feed's labels: broad
topics ("animals"), the things videos show ("cat", "dog") and looks ("noir"). A phrase
close to none of them maps to nothing and is reported as not understood: a guess such as
"spiders" → every animal would hide far more than was asked.

The embedder is handed in (unit vectors, one row per text), so this module does not
depend on any model; the services layer passes the platform's (the director's MiniLM
encoder). Storing a steering is the services' (``services.feed.apply_steering``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from openreel.social.topics import KIND_TOPICS, STYLE_LABELS, TOPICS, WORD_TOPICS, subject_label

Embed = Callable[[list[str]], np.ndarray]

# Below this cosine similarity to every phrase, a phrase means nothing here. MiniLM puts
# near-synonyms and plurals above it ("cats"–"cat" 0.87, "horror"–"scary" 0.75) and loose
# associations below ("spiders"–"creatures" 0.67, "gloomy"–"rainy" 0.57).
MIN_SIMILARITY = 0.7
STEP = 0.5  # how far one "more" or "less" moves a topic's weight
STRONG_STEP = 1.0
MILD_STEP = 0.25

# Words that stand for each topic, besides its own name. Words for one kind of thing
# ("cats", "cars") are not here: they name that thing, not its whole topic.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "animals": ("animal", "creatures", "critters", "cute animals"),
    "pets": ("pet", "household pets"),
    "wildlife": ("wild animals", "safari", "zoo animals", "nature documentary"),
    "farm": ("farm animals", "countryside", "barnyard"),
    "ocean": ("sea", "sea life", "underwater", "beach", "marine animals"),
    "sports": ("sport", "football", "soccer", "basketball", "tennis", "athletes"),
    "vehicles": ("vehicle", "transport", "traffic"),
    "space": ("outer space", "planets", "stars", "astronauts", "rockets", "galaxy"),
    "scifi": ("science fiction", "sci-fi", "robots", "aliens", "futuristic"),
    "fantasy": ("dragons", "wizards", "magic", "knights", "castles", "fairy tales"),
    "nature": ("landscapes", "forests", "trees", "flowers", "mountains", "plants",
               "outdoors"),
    "weather": ("rain", "storms", "snow", "thunder", "wind"),
    "city": ("cities", "streets", "urban", "skyscrapers"),
    "home": ("house", "interiors", "furniture", "household"),
    "food": ("cooking", "recipes", "baking", "eating", "meals", "snacks"),
    "music": ("songs", "concerts", "singing", "bands"),
    "dance": ("dancing", "dancers", "ballet"),
    "people": ("humans", "faces", "persons"),
    "kids": ("children", "kid", "babies"),
    "toys": ("toy", "balloons", "balls", "bubbles"),
    "comedy": ("funny", "funny videos", "jokes", "humor", "humour", "memes", "silly"),
    "action": ("chases", "fights", "explosions", "stunts", "racing", "battles"),
    "drama": ("sad", "emotional", "tearjerkers"),
    "mystery": ("mysterious", "spooky", "horror", "scary", "creepy", "ghosts"),
    "relaxing": ("calm", "chill", "peaceful", "cozy", "asmr", "soothing"),
    "cinematic": ("movie-like", "films", "movies"),
    "cartoon": ("cartoons", "animated", "animation"),
    "anime": ("manga",),
    "art": ("artistic", "painting", "abstract"),
    "retro": ("vintage", "old school"),
}

# Looks a viewer names: each stands for the style label videos in that look carry.
STYLE_WORDS: dict[str, tuple[str, ...]] = {
    "noir": ("film noir", "black and white", "black and white films", "monochrome",
             "detective films"),
    "watercolor": ("watercolour", "watercolors", "watercolor painting"),
    "pixel art": ("8-bit", "pixelated", "pixel", "retro games"),
    "surreal": ("surrealism", "dreamlike", "surreal art"),
    "photoreal": ("photorealistic", "realistic", "lifelike", "photographic"),
}

# Everyday words for one kind of thing the embedding alone does not bring close enough.
SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "cat": ("cats", "kittens", "kitten", "kitties", "kitty"),
    "dog": ("dogs", "puppies", "puppy", "doggos", "doggo", "pups"),
    "bicycle": ("bikes", "bike", "cycling"), "plane": ("planes", "airplanes", "aeroplanes"),
    "mouse": ("mice",), "rabbit": ("bunnies", "bunny"), "child": ("kiddos",),
    "person": ("people",), "ufo": ("ufos", "flying saucers"),
}

# Kind names that mostly mean something else when said to a feed ("bush", "rock" music).
_AMBIGUOUS_KINDS = frozenset({"bush", "rock", "object", "device", "tool", "animal", "vehicle",
                              "food", "toy", "plant", "furniture", "building"})


class Direction(StrEnum):
    """What a clause asks for its labels."""

    MORE = "more"
    LESS = "less"
    NEVER = "never"
    FINE = "fine"  # shown again if hidden, and no longer pushed down: "dogs are fine"


_NEVER = (r"no more|never|don'?t show|do not show|stop showing|don'?t want|do not want|"
          r"not interested in|hide|block|ban|none of|without|i hate|hate|no")
_LESS = (r"don'?t like|do not like|don'?t care for|not so much|not as much|not as many|"
         r"not so many|cut down on|cut back on|tone down|too much|too many|less|fewer|"
         r"reduce|dislike|lower|tired of|sick of|bored of|bored with|fed up with|"
         r"enough of|enough with|done with|enough|not")
_MORE = (r"show me|give me|i want|want|i like|like|i love|love|lots of|plenty of|"
         r"more|add|extra|into|prefer|keep|only")
# Said after what it is about: "dogs are fine", "cats are ok".
_FINE = r"(?:is|are|'s|'re)?\s*(?:fine|ok|okay|alright|all right|allowed|acceptable)"
_CUES = ((Direction.NEVER, re.compile(rf"\b(?:{_NEVER})\b")),
         (Direction.LESS, re.compile(rf"\b(?:{_LESS})\b")),
         (Direction.FINE, re.compile(rf"\b{_FINE}\b")),
         (Direction.MORE, re.compile(rf"\b(?:{_MORE})\b")))
# Cues that start a new clause where they follow other words: "more soccer less politics".
_LEADING_CUE = re.compile(r"\b(?:" + "|".join(sorted(
    {cue for group in (_NEVER, _LESS, _MORE) for cue in group.split("|")},
    key=len, reverse=True)) + r")\b")
_STRONG = re.compile(r"\b(?:a lot|lots|much|way|far|tons|loads|so much)\s+(?:more|less|fewer)\b"
                     r"|\bonly\b")
_MILD = re.compile(r"\b(?:a bit|a little|slightly|somewhat|a tad)\s+(?:more|less|fewer)\b")
_CLAUSE_BREAK = re.compile(
    r"[,;.!?]|\b(?:and|but|or|plus|also|then|while|though|however|instead)\b")
_WORD = re.compile(r"[a-z0-9][a-z0-9'_-]*")
_FILLER = frozenset("""
    please pls stuff things thing videos video clips clip content of me the some a an about
    with related to i my feed posts post ones one thanks thank you see show showing shows
    give just really very any in on much lot lots way bit little slightly somewhat tad
    kinda kind sort would could can wanna id i'd im i'm get have there is are be it that
    this those these them all so too anymore again ok okay well now maybe enough stop
    instead let's lets us our we your for from at by as only other others type types style
    styles far tons loads is actually even ever look looks looking
""".split())


@dataclass(frozen=True)
class Clause:
    """One part of the sentence, the direction it asks for and the labels it named."""

    text: str
    direction: Direction
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Steering:
    """What a sentence asks: weight changes per label, labels to hide or allow again,
    and the words not understood."""

    weights: dict[str, float]
    hidden: tuple[str, ...]
    not_understood: tuple[str, ...]
    clauses: tuple[Clause, ...]
    allowed: tuple[str, ...] = ()

    @property
    def changes_anything(self) -> bool:
        return bool(self.weights or self.hidden or self.allowed)


def topic_phrases() -> list[tuple[str, str]]:
    """(phrase, label) pairs: topic names and words, looks, and the catalog's kinds.

    Topics come first, so a word that is both a topic's word and a kind ("football")
    means the topic.
    """
    pairs = [(topic, topic) for topic in TOPICS]
    pairs += [(word, topic) for topic, words in TOPIC_WORDS.items() for word in words]
    pairs += [(word, topics[0]) for word, topics in WORD_TOPICS.items()]
    pairs += [(label, label) for label in STYLE_LABELS]
    pairs += [(word, label) for label, words in STYLE_WORDS.items() for word in words]
    kinds = [kind for kind in KIND_TOPICS if kind not in _AMBIGUOUS_KINDS]
    pairs += [(subject_label(kind), subject_label(kind)) for kind in kinds]
    pairs += [(word, subject_label(kind)) for kind, words in SUBJECT_WORDS.items()
              for word in words]
    return list(dict.fromkeys(pairs))


# Phrases that hold a word which otherwise splits clauses ("black and white").
_JOINED = tuple(sorted((phrase for phrase, _ in topic_phrases()
                        if _CLAUSE_BREAK.search(phrase) and " " in phrase),
                       key=len, reverse=True))

# Kept per process, not per platform: the table is a pure function of the phrases (fixed
# at import) and the embedder, the same wherever it is asked for, and takes the model a
# few seconds to compute.
_tables: dict[Embed, tuple[list[str], list[str], np.ndarray]] = {}
_tables_lock = threading.Lock()


def _phrase_table(embed: Embed) -> tuple[list[str], list[str], np.ndarray]:
    """Phrases, the label of each and their embeddings, computed once per embedder."""
    with _tables_lock:
        if embed not in _tables:
            pairs = topic_phrases()
            vectors = np.asarray(embed([phrase for phrase, _ in pairs]), dtype=np.float32)
            _tables[embed] = ([p for p, _ in pairs], [label for _, label in pairs], vectors)
        return _tables[embed]


def _direction(clause: str) -> tuple[Direction | None, float]:
    """The clause's direction and step size, or None where it has no cue."""
    for direction, pattern in _CUES:
        if pattern.search(clause):
            if direction is Direction.NEVER:
                return direction, -STRONG_STEP
            if direction is Direction.FINE:
                return direction, 0.0
            sign = 1.0 if direction is Direction.MORE else -1.0
            if _STRONG.search(clause):
                return direction, sign * STRONG_STEP
            if _MILD.search(clause):
                return direction, sign * MILD_STEP
            return direction, sign * STEP
    return None, 0.0


def _content(clause: str) -> list[str]:
    """The clause's words once cue and filler words are gone."""
    for _, pattern in _CUES:
        clause = pattern.sub(" ", clause)
    return [w.replace("_", " ") for w in _WORD.findall(clause) if w not in _FILLER]


def _nearest_labels(texts: list[str], embed: Embed) -> dict[str, tuple[str, float]]:
    """Closest phrase's label and its similarity for each text (exact phrases first)."""
    if not texts:
        return {}
    phrases, labels, table = _phrase_table(embed)
    exact: dict[str, str] = {}
    for phrase, label in zip(phrases, labels, strict=True):
        exact.setdefault(phrase, label)  # the first: topics before kinds
    found = {text: (exact[text], 1.0) for text in texts if text in exact}
    rest = [text for text in texts if text not in found]
    if rest:
        similarity = np.asarray(embed(rest), dtype=np.float32) @ table.T
        best = np.argmax(similarity, axis=1)
        found.update({text: (labels[int(b)], float(similarity[i, b])) for i, (text, b) in
                      enumerate(zip(rest, best, strict=True))})
    return found


def _split(sentence: str) -> list[str]:
    """Clauses: cut at punctuation and conjunctions, then before each cue that follows
    words of its own ("more soccer less politics" → "more soccer", "less politics")."""
    text = sentence.lower().replace("\u2019", "'")
    for phrase in _JOINED:
        text = text.replace(phrase, phrase.replace(" ", "_"))
    clauses: list[str] = []
    for part in _CLAUSE_BREAK.split(text):
        start = 0
        for cue in _LEADING_CUE.finditer(part):
            if cue.start() > start and _content(part[start:cue.start()]):
                clauses.append(part[start:cue.start()])
                start = cue.start()
        clauses.append(part[start:])
    return [clause.strip() for clause in clauses if clause.strip()]


def steer(sentence: str, embed: Embed) -> Steering:
    """Read a sentence into label weight changes (−1..1), hidden and allowed labels, and
    the words not understood.

    A clause with no cue of its own ("… and dogs") takes the previous clause's direction;
    the first one defaults to "more". A phrase is matched whole first ("science fiction"),
    then word by word.
    """
    parsed: list[tuple[str, Direction, float, list[str]]] = []
    direction, step = Direction.MORE, STEP
    for text in _split(sentence):
        found, found_step = _direction(text)
        if found is not None:
            direction, step = found, found_step
        words = _content(text)
        if words:
            parsed.append((text.replace("_", " "), direction, step, words))
    wanted = {" ".join(words) for *_, words in parsed} | {w for *_, ws in parsed for w in ws}
    nearest = _nearest_labels(sorted(wanted), embed)

    def label_of(text: str) -> str | None:
        label, similarity = nearest[text]
        return label if similarity >= MIN_SIMILARITY else None

    weights: dict[str, float] = {}
    hidden: list[str] = []
    allowed: list[str] = []
    unknown: list[str] = []
    clauses: list[Clause] = []
    said: dict[str, str] = {}  # label → the words that last lowered or hid it here
    for text, clause_direction, clause_step, words in parsed:
        whole = label_of(" ".join(words))
        labels = [whole] if whole else []
        if whole is None:
            for word in words:
                label = label_of(word)
                if label is None:
                    unknown.append(word)
                elif label not in labels:
                    labels.append(label)
        if clause_direction is Direction.FINE:
            # "no sports but tennis is fine": tennis is filed under sports, with no label
            # of its own; the feed cannot keep it apart, so it is not understood and the
            # sports stay hidden. ("no dogs, dogs are fine": the same words, the last wins.)
            narrower = [label for label in labels
                        if label in said and said[label] != " ".join(words)]
            if narrower:
                unknown.extend(words)
                labels = [label for label in labels if label not in narrower]
        elif clause_direction in (Direction.NEVER, Direction.LESS):
            said.update((label, " ".join(words)) for label in labels)
        for label in labels:
            _record(weights, hidden, allowed, label, clause_direction, clause_step)
        clauses.append(Clause(text, clause_direction, tuple(labels)))
    return Steering(weights=weights, hidden=tuple(hidden),
                    not_understood=tuple(dict.fromkeys(unknown)), clauses=tuple(clauses),
                    allowed=tuple(allowed))


def _record(weights: dict[str, float], hidden: list[str], allowed: list[str], label: str,
            direction: Direction, step: float) -> None:
    if direction is Direction.FINE:
        weights.pop(label, None)
        if label in hidden:
            hidden.remove(label)
        if label not in allowed:
            allowed.append(label)
        return
    if label in allowed:
        allowed.remove(label)
    if direction is Direction.NEVER:
        weights[label] = -1.0
        if label not in hidden:
            hidden.append(label)
        return
    if label in hidden and step > 0:
        hidden.remove(label)  # a later "more" takes back an earlier "never"
    # Within one sentence the last word on a label counts once: "more cats and kittens".
    weights[label] = step
