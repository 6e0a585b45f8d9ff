"""Which kind of thing a noun names: the catalog's own words, then WordNet, then meaning.

A noun the catalog knows ("puppy", "basketball player") is that kind. Any other noun is
looked up in WordNet and its hypernyms are climbed until a kind's own sense is reached: a
poodle is a dog, a lighthouse is a beacon … a tower, a frisbee is a disk and a plaything.
When only a broad category is reached (an armadillo is an animal, a spatula a tool) the
thing is staged as that category's generic stand-in, of the right size and body. Sentence
embeddings are asked only for words WordNet does not know at all (brand names, slang), and
only a close match is taken. Every choice says how it was made, so ``--explain`` can tell
the user what was substituted, generalised or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from openreel.director import lexicon as lx
from openreel.director.wordnet import Synset, WordNet, installed
from openreel.spec import KINDS, Archetype

How = Literal["exact", "generalised", "substituted", "stand_in"]
A = Archetype
_THINGS = ("noun.artifact", "noun.object")
# The lexical files a kind's own senses may come from, by body plan: "glass" the drinking
# vessel (noun.artifact), not glass the substance; "plant" the organism, not the factory.
_LEXNAMES: dict[Archetype, tuple[str, ...]] = {
    A.HUMANOID: ("noun.person", "noun.artifact", "noun.Tops"), A.QUADRUPED: ("noun.animal",),
    A.BIRD: ("noun.animal",), A.FISH: ("noun.animal",), A.TREE: ("noun.plant",),
    A.PLANT: ("noun.plant",), A.FOOD: ("noun.food", "noun.plant"),
}
CONCRETE = frozenset({"noun.artifact", "noun.object", "noun.animal", "noun.person",
                      "noun.plant", "noun.food"})
# Generic stand-ins, the WordNet words whose first fitting sense anchors each of them, and
# the lexical file that falls back onto them when no anchor is met on the way up.
GENERIC: dict[str, tuple[str, ...]] = {
    "animal": ("animal",), "vehicle": ("vehicle", "conveyance"),
    "building": ("building", "structure"), "food": ("food", "foodstuff", "dish"),
    "tool": ("tool", "implement", "utensil"), "plant": ("plant",),
    "furniture": ("furniture", "furnishing"), "toy": ("plaything",),
    "device": ("device", "electronic_equipment"), "object": ("artifact",),
}
# The lexical files each stand-in's anchor senses come from (its art's body plan says
# nothing about which sense of "plant" or "food" is meant).
_GENERIC_LEXNAMES: dict[str, tuple[str, ...]] = {
    "animal": ("noun.animal", "noun.Tops"), "food": ("noun.food", "noun.Tops"),
    "plant": ("noun.plant", "noun.Tops"), "object": ("noun.Tops", "noun.artifact"),
}
_FALLBACK_BY_LEXNAME = {"noun.person": "person", "noun.animal": "animal", "noun.plant": "plant",
                        "noun.food": "food", "noun.artifact": "object", "noun.object": "object"}
_SENSES_TRIED = 3  # a word's commonest senses; rarer ones mislead more than they help
_COUSIN_REACH = 1  # a look-alike is a sibling: both one step below a shared parent
# Siblings look alike among living things (a wolf for a dog, a lemon for an orange); among
# made things and people they do not (a laptop is no notebook, a pirate no zombie).
_LOOK_ALIKES = frozenset({"noun.animal", "noun.plant", "noun.food"})
_MOST_STEPS = 8  # a kind further than this from the word is no longer "the same thing"


@dataclass(frozen=True, slots=True)
class KindChoice:
    """The kind a noun became and how: its own name, a hypernym, a look-alike, a stand-in."""

    kind: str
    how: How
    via: str | None = None  # the WordNet word the kind was reached through

    def explained(self, word: str) -> str:
        """"frisbee → disk (generalised)"-style words for ``--explain``."""
        if self.how == "exact":
            return f"{word} → {self.kind}"
        via = f" via {self.via.replace('_', ' ')}" if self.via and self.via != self.kind else ""
        return f"{word} → {self.kind} ({self.how.replace('_', '-')}{via})"


def exact_kind(phrase: str) -> tuple[str, str] | None:
    """The catalog kind named by the end of ``phrase`` and the words that named it."""
    words = phrase.split()
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if candidate in lx.KIND_WORDS:
            return lx.KIND_WORDS[candidate], candidate
    return None


def kind_of_noun(phrase: str, lemma: str | None = None) -> KindChoice | None:
    """The kind a noun phrase (compounds and head, lower case) names, or None."""
    found = exact_kind(phrase)
    if found is not None:
        return KindChoice(found[0], "exact")
    head = phrase.split()[-1]
    if lemma and lemma != head and lemma in lx.KIND_WORDS:
        return KindChoice(lx.KIND_WORDS[lemma], "exact")
    wordnet = installed()
    if wordnet is not None:
        words = phrase.split()
        for start in range(len(words)):
            choice = _through_wordnet(wordnet, "_".join(words[start:]))
            if choice is not None:
                return choice
        if lemma and lemma != head:
            choice = _through_wordnet(wordnet, lemma)
            if choice is not None:
                return choice
        if wordnet.synsets(head):
            return None  # WordNet knows the word, and it names nothing that can be staged
    return None


def wordnet_knows(word: str) -> bool:
    """Whether WordNet has ``word`` as a noun at all (any sense)."""
    wordnet = installed()
    return wordnet is not None and bool(wordnet.synsets(word))


def wordnet_adjective(word: str) -> bool:
    """Whether WordNet has ``word`` as an adjective (without its adjectives, anything may
    be one)."""
    wordnet = installed()
    return wordnet is None or not wordnet.has("adj") or bool(wordnet.synsets(word, "adj"))


def only_a_name(word: str) -> bool:
    """Whether every noun sense WordNet has for ``word`` is one named individual ("Toyota"
    the city): as a common noun in a prompt it is most likely a brand or a character."""
    wordnet = installed()
    senses = wordnet.synsets(word) if wordnet is not None else []
    return bool(senses) and all(s.instance for s in senses)


def can_name_an_individual(word: str) -> bool:
    """Whether one of ``word``'s noun senses is a named individual ("Paris" the city, though
    also a plant's genus), or WordNet does not know the word at all (most names)."""
    wordnet = installed()
    senses = wordnet.synsets(word) if wordnet is not None else []
    return not senses or any(s.instance for s in senses)


def is_concrete(word: str) -> bool:
    """Whether ``word``'s commonest noun sense is a thing one can see (WordNet)."""
    wordnet = installed()
    if wordnet is None:
        return True
    senses = wordnet.synsets(word)
    return bool(senses) and senses[0].lexname in CONCRETE


def _through_wordnet(wordnet: WordNet, word: str) -> KindChoice | None:
    # WordNet orders senses by how often they are used: the first one that names a thing is
    # what the prompt means ("a cookie" is food, not a ranch cook; "a kite" the toy).
    for sense in wordnet.synsets(word)[:_SENSES_TRIED]:
        if sense.lexname not in CONCRETE:
            continue
        names = {wordnet.synset(o).name for o in wordnet.ancestors(sense)}
        if "clothing" in names:
            continue  # worn, not staged: "a turtle" is the animal, not the turtleneck
        choice = _nearest_kind(wordnet, sense)
        if sense.lexname == "noun.object" and (choice is None or choice.kind in GENERIC):
            continue  # a hill or a shore is a place, not a thing to stand on stage
        return choice
    return None


def _nearest_kind(wordnet: WordNet, sense: Synset) -> KindChoice | None:
    """The closest kind to ``sense``: an ancestor, a near cousin, else a stand-in."""
    up = wordnet.ancestors(sense)
    below = _kinds_below()
    best: tuple[int, KindChoice] | None = None
    for offset, steps_up in up.items():
        for kind, steps_down, anchor in below.get(offset, ()):
            if kind in GENERIC:
                continue
            if steps_down > 0 and (steps_up > _COUSIN_REACH or steps_down > _COUSIN_REACH
                                   or sense.lexname not in _LOOK_ALIKES):
                continue
            distance = steps_up + steps_down
            how: How = "exact" if distance == 0 else (
                "generalised" if steps_down == 0 else "substituted")
            if best is None or distance < best[0]:
                best = (distance, KindChoice(kind, how, wordnet.synset(anchor).name))
    if best is not None and best[0] <= _MOST_STEPS:
        return best[1]
    generic = [(steps, offset) for offset, steps in up.items()
               if _anchors().get(offset) in GENERIC]
    if generic:
        _, offset = min(generic)
        return KindChoice(_anchors()[offset], "stand_in", wordnet.synset(offset).name)
    fallback = _FALLBACK_BY_LEXNAME.get(sense.lexname)
    if fallback in KINDS:
        return KindChoice(fallback, "stand_in")
    return None


@lru_cache(maxsize=1)
def _kinds_below() -> dict[int, list[tuple[str, int, int]]]:
    """Synset offset → the kinds whose own sense lies below it: (kind, steps down, anchor)."""
    wordnet = installed()
    table: dict[int, list[tuple[str, int, int]]] = {}
    if wordnet is None:
        return table
    for anchor, kind in _anchors().items():
        for offset, steps in wordnet.ancestors(wordnet.synset(anchor)).items():
            table.setdefault(offset, []).append((kind, steps, anchor))
    return table


@lru_cache(maxsize=1)
def _anchors() -> dict[int, str]:
    """Synset offset → kind: each kind's own senses, then the generic stand-ins' senses."""
    wordnet = installed()
    table: dict[int, str] = {}
    if wordnet is None:
        return table
    generic = {name for name in GENERIC if name in KINDS}
    for kind in KINDS.values():
        if kind.name in generic:
            continue
        allowed = _LEXNAMES.get(kind.archetype, _THINGS)
        for word in (kind.name, *kind.words):
            sense = _first_sense(wordnet, word, allowed)
            if sense is not None:
                table.setdefault(sense.offset, kind.name)
    for name in sorted(generic):
        allowed = _GENERIC_LEXNAMES.get(name, ("noun.artifact",))
        for word in GENERIC[name]:
            sense = _first_sense(wordnet, word, allowed)
            if sense is not None:
                table.setdefault(sense.offset, name)
    return table


def _first_sense(wordnet: WordNet, word: str, lexnames: tuple[str, ...]) -> Synset | None:
    return next((s for s in wordnet.synsets(word) if s.lexname in lexnames), None)
