"""Steer the feed with a sentence: "more animals, less sports", "no cars please".

The sentence is cut into clauses, each with a direction (more, less, never) read from cue
words; what remains of a clause once cues and filler words are gone is matched to a topic
by sentence-embedding similarity against words that stand for each topic. A phrase that
is not close enough to any of them maps to nothing and is reported as not understood.

The embedder is handed in (unit vectors, one row per text), so this module does not
depend on any model; the services layer passes the director's MiniLM encoder.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from openreel.db.models import FeedPreference, HiddenTopic
from openreel.social.topics import KIND_TOPICS, TOPICS, WORD_TOPICS

Embed = Callable[[list[str]], np.ndarray]

# Below this cosine similarity to every word of every topic, a phrase means nothing here.
MIN_SIMILARITY = 0.55
STEP = 0.5  # how far one "more" or "less" moves a topic's weight
STRONG_STEP = 1.0
MILD_STEP = 0.25

# Words that stand for each topic, besides its own name and the kinds filed under it.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "animals": ("animal", "creatures", "critters", "cute animals"),
    "pets": ("cats", "dogs", "kittens", "puppies", "pet"),
    "wildlife": ("wild animals", "safari", "zoo animals", "birds", "giraffes", "zebras",
                 "monkeys", "tigers", "nature documentary"),
    "farm": ("farm animals", "countryside", "barnyard"),
    "ocean": ("sea", "sea life", "underwater", "beach", "marine animals"),
    "sports": ("sport", "football", "soccer", "basketball", "tennis", "athletes"),
    "vehicles": ("cars", "trucks", "trains", "planes", "boats", "bikes", "motorcycles",
                 "transport"),
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
    "cinematic": ("movie-like", "films", "realistic", "photorealistic"),
    "cartoon": ("cartoons", "animated", "animation"),
    "anime": ("manga",),
    "art": ("artistic", "surreal", "watercolor", "painting", "abstract"),
    "retro": ("pixel art", "8-bit", "vintage", "old school"),
}


# Kind names that mostly mean something else when said to a feed ("bush", "rock" music).
_AMBIGUOUS_KINDS = frozenset({"bush", "rock"})


class Direction(StrEnum):
    """What a clause asks for its topics."""

    MORE = "more"
    LESS = "less"
    NEVER = "never"


_NEVER = (r"no more|never|don'?t show|do not show|stop showing|don'?t want|do not want|"
          r"not interested in|hide|block|ban|none of|without|i hate|hate|no")
_LESS = (r"don'?t like|do not like|don'?t care for|not so much|not as much|not as many|"
         r"not so many|cut down on|cut back on|tone down|too much|too many|less|fewer|"
         r"reduce|dislike|lower|not")
_MORE = (r"show me|give me|i want|want|i like|like|i love|love|lots of|plenty of|"
         r"more|add|extra|into|prefer|keep")
_CUES = ((Direction.NEVER, re.compile(rf"\b(?:{_NEVER})\b")),
         (Direction.LESS, re.compile(rf"\b(?:{_LESS})\b")),
         (Direction.MORE, re.compile(rf"\b(?:{_MORE})\b")))
_STRONG = re.compile(r"\b(?:a lot|lots|much|way|far|tons|loads|so much)\s+(?:more|less|fewer)\b")
_MILD = re.compile(r"\b(?:a bit|a little|slightly|somewhat|a tad)\s+(?:more|less|fewer)\b")
_CLAUSE_BREAK = re.compile(
    r"[,;.!?]|\b(?:and|but|or|plus|also|then|while|though|however|instead)\b")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_FILLER = frozenset("""
    please pls stuff things thing videos video clips clip content of me the some a an about
    with related to i my feed posts post ones one thanks thank you see show showing shows
    give just really very any in on much lot lots way bit little slightly somewhat tad
    kinda kind sort would could can wanna id i'd im i'm get have there is are be it that
    this those these them all so too anymore again ok okay well now maybe enough stop
    instead let's lets us our we your for from at by as only other others type types style
    far tons loads is actually even ever
""".split())


@dataclass(frozen=True)
class Clause:
    """One part of the sentence, the direction it asks for and the topics it named."""

    text: str
    direction: Direction
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Steering:
    """What a sentence asks: weight changes per topic, topics to hide, words not understood."""

    weights: dict[str, float]
    hidden: tuple[str, ...]
    not_understood: tuple[str, ...]
    clauses: tuple[Clause, ...]


def topic_phrases() -> list[tuple[str, str]]:
    """(phrase, topic) pairs that stand for the topics: names, synonyms, catalog kinds."""
    pairs = [(topic, topic) for topic in TOPICS]
    pairs += [(word, topic) for topic, words in TOPIC_WORDS.items() for word in words]
    pairs += [(kind.replace("_", " "), topics[0]) for kind, topics in KIND_TOPICS.items()
              if kind not in _AMBIGUOUS_KINDS]
    pairs += [(word, topics[0]) for word, topics in WORD_TOPICS.items()]
    return list(dict.fromkeys(pairs))


_tables: dict[Embed, tuple[list[str], np.ndarray]] = {}
_tables_lock = threading.Lock()


def _phrase_table(embed: Embed) -> tuple[list[str], np.ndarray]:
    """Topic of each phrase and the phrases' embeddings, computed once per embedder."""
    with _tables_lock:
        if embed not in _tables:
            pairs = topic_phrases()
            vectors = np.asarray(embed([phrase for phrase, _ in pairs]), dtype=np.float32)
            _tables[embed] = ([topic for _, topic in pairs], vectors)
        return _tables[embed]


def _direction(clause: str) -> tuple[Direction | None, float]:
    """The clause's direction and step size, or None where it has no cue."""
    for direction, pattern in _CUES:
        if pattern.search(clause):
            if direction is Direction.NEVER:
                return direction, -STRONG_STEP
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
    return [w for w in _WORD.findall(clause) if w not in _FILLER]


def _nearest_topics(texts: list[str], embed: Embed) -> dict[str, tuple[str, float]]:
    """Closest topic and its similarity for each text."""
    if not texts:
        return {}
    topics, table = _phrase_table(embed)
    similarity = np.asarray(embed(texts), dtype=np.float32) @ table.T
    best = np.argmax(similarity, axis=1)
    return {text: (topics[int(b)], float(similarity[i, b])) for i, (text, b) in
            enumerate(zip(texts, best, strict=True))}


def _split(sentence: str) -> list[str]:
    text = sentence.lower().replace("\u2019", "'")
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part.strip()]


def steer(sentence: str, embed: Embed) -> Steering:
    """Read a sentence into topic weight changes (−1..1), hidden topics and unknown words.

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
            parsed.append((text, direction, step, words))
    wanted = {" ".join(words) for *_, words in parsed} | {w for *_, ws in parsed for w in ws}
    nearest = _nearest_topics(sorted(wanted), embed)

    def topic_of(text: str) -> str | None:
        topic, similarity = nearest[text]
        return topic if similarity >= MIN_SIMILARITY else None

    weights: dict[str, float] = {}
    hidden: list[str] = []
    unknown: list[str] = []
    clauses: list[Clause] = []
    for text, clause_direction, clause_step, words in parsed:
        whole = topic_of(" ".join(words))
        topics = [whole] if whole else []
        if whole is None:
            for word in words:
                topic = topic_of(word)
                if topic is None:
                    unknown.append(word)
                elif topic not in topics:
                    topics.append(topic)
        for topic in topics:
            _record(weights, hidden, topic, clause_direction, clause_step)
        clauses.append(Clause(text, clause_direction, tuple(topics)))
    return Steering(weights=weights, hidden=tuple(hidden),
                    not_understood=tuple(dict.fromkeys(unknown)), clauses=tuple(clauses))


def _record(weights: dict[str, float], hidden: list[str], topic: str, direction: Direction,
            step: float) -> None:
    if direction is Direction.NEVER:
        weights[topic] = -1.0
        if topic not in hidden:
            hidden.append(topic)
        return
    if topic in hidden and step > 0:
        hidden.remove(topic)  # a later "more" takes back an earlier "never"
    # Within one sentence the last word on a topic counts once: "more cats and kittens".
    weights[topic] = step


def apply_steering(session: Session, user_id: int, steering: Steering) -> None:
    """Merge a steering into the user's FeedPreference and HiddenTopic rows (no commit).

    Weight changes add to what is stored and are clamped to −1..1; hidden topics are
    stored at −1; asking for more of a hidden topic shows it again.
    """
    stored = {p.topic: p for p in session.scalars(select(FeedPreference).where(
        FeedPreference.user_id == user_id, FeedPreference.topic.in_(list(steering.weights))))}
    for topic, change in steering.weights.items():
        if topic in steering.hidden:
            weight = -1.0
        else:
            weight = float(np.clip((stored[topic].weight if topic in stored else 0.0) + change,
                                   -1.0, 1.0))
        if topic in stored:
            stored[topic].weight = weight
        else:
            session.add(FeedPreference(user_id=user_id, topic=topic, weight=weight))
    already = set(session.scalars(select(HiddenTopic.topic).where(
        HiddenTopic.user_id == user_id, HiddenTopic.topic.in_(list(steering.hidden)))))
    for topic in steering.hidden:
        if topic not in already:
            session.add(HiddenTopic(user_id=user_id, topic=topic))
    shown = [t for t, change in steering.weights.items() if change > 0 and t not in steering.hidden]
    if shown:
        session.execute(delete(HiddenTopic).where(HiddenTopic.user_id == user_id,
                                                  HiddenTopic.topic.in_(shown)))
    session.flush()
