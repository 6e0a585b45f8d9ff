"""What a cameo's owner says, in plain words, about how it may be used.

A restriction ("never show me drinking or smoking", "no politics") blocks a prompt that
asks for what it names: by the words (their lemmas: "drinks a beer" meets "drinking"), by
what the words are kinds of (WordNet: a rifle is a gun), by how WordNet defines them (an
election is "a vote … for a political office") or, failing those, by meaning (the sentence
embeddings of ``nearest``: "lights a cigarette" meets "smoking"). A preference ("always in
a blue dress", "with long red hair") is what the cameo's character looks like whenever the
prompt does not say otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from openreel.director import nearest, parsing, wordnet
from openreel.spec import MENTION, Persona, Storyboard

# A statement opening with one of these is a restriction.
_NEGATION = re.compile(
    r"^\s*(?:please\s+)?(?:never|no|not|nothing|avoid|without|don'?t|don’t|do\s+not|"
    r"i\s+don'?t\s+want|i\s+do\s+not\s+want)\b", re.IGNORECASE)
_ALWAYS = re.compile(r"^\s*(?:please\s+)?(?:always|only|show\s+me)\b", re.IGNORECASE)
# Words between the negation and what is restricted ("show me", "put my cameo in").
_FILLER = re.compile(
    r"^\s*(?:(?:ever|to|be|being|get|have|let|make|put|show|shown|seen|use|used|depict|"
    r"draw|want|see)\s+)*"
    r"(?:(?:me|myself|my\s+(?:cameo|face|likeness|character)|him|her|them|anyone)\s+)?"
    r"(?:(?:as|in|into|with|while|when|being|doing|at|near|around|any)\s+)*",
    re.IGNORECASE)
_ME = re.compile(r"^\s*(?:(?:show|have|put|keep|make|draw|be)\s+)*"
                 r"(?:(?:me|myself|my\s+(?:cameo|character))\s+)?", re.IGNORECASE)
_ITEMS = re.compile(r"\s*(?:,|;|/|\bor\b|\band\b|\bnor\b)\s*", re.IGNORECASE)
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_IGNORED_LEMMAS = frozenset({"be", "have", "do", "get", "make", "show", "video", "clip",
                             "scene", "shot", "person", "people", "thing", "stuff", "use"})
# Cosine of sentence embeddings at or above which a prompt's sentence means a restricted
# topic (bench.cameo_rules measures the rule on prompts that do and do not conflict).
SIMILAR = 0.40
MAX_RULES = 10
MAX_RULE_LENGTH = 200


@dataclass(frozen=True)
class Rule:
    """One statement of a cameo's owner, read."""

    text: str  # as the owner wrote it
    restriction: bool
    topics: tuple[str, ...]  # what it is about: "drinking", "smoking"


def read_rule(text: str) -> Rule:
    """Read one statement: a restriction when it says never, no, don't …; otherwise a
    preference. ValueError when it says nothing."""
    said = " ".join(text.split())
    if not said:
        raise ValueError("say what you never want, or what you always want")
    if len(said) > MAX_RULE_LENGTH:
        raise ValueError(f"at most {MAX_RULE_LENGTH} characters a statement")
    negation = _NEGATION.match(said)
    opening = negation or _ALWAYS.match(said)
    rest = said[opening.end():] if opening else said
    if negation:
        rest = _FILLER.sub("", rest, count=1).strip(" .!")
        topics = tuple(t for t in (item.strip(" .!") for item in _ITEMS.split(rest)) if t)
    else:  # a look is said whole, its preposition kept: "in a suit and a cap"
        rest = _ME.sub("", rest, count=1).strip(" .!")
        topics = (rest,) if rest else ()
    if not topics:
        raise ValueError(f"“{said}” does not say what it is about")
    return Rule(said, negation is not None, topics)


def _lemmas(text: str) -> set[str]:
    """The content words of ``text``, as written and as their lemmas ("politics" stays
    whole beside the tagger's "politic")."""
    reading = parsing.read(text)
    words: set[str] = set()
    for token, lemma, pos in zip(reading.tokens, reading.lemmas, reading.pos, strict=True):
        if pos in _CONTENT and lemma not in _IGNORED_LEMMAS and len(lemma) > 2:
            words.update((token, lemma))
    return words


def _sentences(text: str) -> list[str]:
    plain = MENTION.sub("someone", text)
    parts = [p.strip() for p in re.split(r"[.!?;]+|\bthen\b|\band\b|,", plain) if p.strip()]
    return [plain, *parts]


_SENSES = 3  # senses of a word looked at (commonest first)
_UP = 8  # steps up the hypernyms from a prompt's word


def _senses(words: set[str]) -> set[tuple[str, int]]:
    """The commonest senses of ``words``, as nouns and as verbs."""
    net = wordnet.installed()
    if net is None:
        return set()
    return {(s.pos, s.offset) for word in words for pos in ("noun", "verb")
            for s in net.synsets(word, pos)[:_SENSES]}


def _kinds_of(words: set[str]) -> set[tuple[str, int]]:
    """Everything ``words`` are a kind of, and the topics they belong to: "a rifle" is a
    gun and a weapon, "an election" belongs to politics."""
    net = wordnet.installed()
    if net is None:
        return set()
    reached: set[tuple[str, int]] = set()
    for word in words:
        for pos in ("noun", "verb"):
            for sense in net.synsets(word, pos)[:_SENSES]:
                for offset in net.ancestors(sense, _UP):
                    reached.add((sense.pos, offset))
                    above = sense if offset == sense.offset else net.synset(offset, sense.pos)
                    reached.update(("noun", d) for d in above.domains)
    return reached


_STEM = 6  # letters two words share to count as one ("politics", "political")
_GLOSS_STOP = frozenset({"person", "people", "something", "someone", "thing", "used",
                         "especially", "usually", "having", "being", "another", "other"})


def _stems(words: set[str]) -> set[str]:
    return {w[:_STEM] for w in words if len(w) > 2}


def _told_of(words: set[str]) -> set[str]:
    """The stems of what WordNet's definitions of ``words`` say they are ("an election: a
    vote to select the winner of a position or political office")."""
    net = wordnet.installed()
    if net is None:
        return set()
    told: set[str] = set()
    for word in words:
        # nouns only: a verb's commonest sense is too often not the prompt's ("shoots a
        # basketball" is not firing a weapon)
        for sense in net.synsets(word, "noun")[:_SENSES]:
            definition = sense.gloss.split(";")[0].lower()
            told.update(w for w in re.findall(r"[a-z]{4,}", definition)
                        if w not in _GLOSS_STOP)
            told.update(w for name in sense.words for w in name.split("_") if len(w) > 3)
    return _stems(told)


def conflict(text: str, rules: Sequence[Rule]) -> Rule | None:
    """The first restriction of ``rules`` that ``text`` (a prompt, a remix, a storyboard's
    descriptions) asks for, or None: by its words, by what its words are kinds of or
    belong to or by how they are defined (WordNet), or by meaning."""
    restrictions = [r for r in rules if r.restriction]
    if not restrictions or not text.strip():
        return None
    asked = _lemmas(MENTION.sub("someone", text))
    # each topic's words read once, then looked for in the prompt's words, in what they are
    # kinds of, in how they are defined (each step only when the one before found nothing)
    topics = [(rule, topic, _lemmas(topic)) for rule in restrictions for topic in rule.topics]
    hit = next((rule for rule, _, words in topics if words & asked), None)
    if hit is None:
        kinds = _kinds_of(asked)
        hit = next((rule for rule, _, words in topics if _senses(words) & kinds), None)
    if hit is None:
        told = _told_of(asked)
        hit = next((rule for rule, _, words in topics if _stems(words) & told), None)
    if hit is not None:
        return hit
    sentences = _sentences(text)
    vectors = nearest.embed([f"someone {t}" for _, t, _ in topics] + sentences)
    closeness = vectors[:len(topics)] @ vectors[len(topics):].T
    best = np.max(closeness, axis=1)
    for (rule, _, _), score in zip(topics, best, strict=True):
        if score >= SIMILAR:
            return rule
    return None


@dataclass(frozen=True)
class Look:
    """How a preference has a character look: their persona and their clothes' colour."""

    persona: Persona | None
    colour: str | None


def looks(rules: Sequence[Rule]) -> list[Look]:
    """What the preferences of ``rules`` say a character looks like, as the director reads
    each about a person ("in a blue dress": a dress, blue); those it reads nothing from
    are left out."""
    from openreel.director.direct import direct

    found: list[Look] = []
    for rule in rules:
        if rule.restriction:
            continue
        for topic in rule.topics:
            phrase = re.sub(r"\b(?:my|mine|own)\b", "a", topic, flags=re.IGNORECASE)
            board = direct(f"a person {phrase}", seconds=2.0)
            person = next((e for e in board.shots[0].entities if e.kind == "person"), None)
            if person is not None and (person.persona is not None or person.colour):
                found.append(Look(person.persona, person.colour))
    return found


def apply_looks(board: Storyboard, handle: str, wanted: Sequence[Look]) -> Storyboard:
    """``board`` with each character showing cameo ``handle`` looking as ``wanted`` says,
    where the prompt said nothing of it (what the prompt says wins)."""
    if not wanted:
        return board
    shots = []
    for shot in board.shots:
        entities = []
        for entity in shot.entities:
            if entity.cameo == handle:
                said = (entity.persona or Persona()).model_dump(exclude_none=True)
                colour = entity.colour
                for look in wanted:
                    for field, value in (look.persona or Persona()).model_dump(
                            exclude_none=True).items():
                        said.setdefault(field, value)
                    colour = colour or look.colour
                entity = entity.model_copy(update={"persona": Persona(**said),
                                                   "colour": colour})
            entities.append(entity)
        shots.append(shot.model_copy(update={"entities": entities}))
    return board.model_copy(update={"shots": shots})
