"""Read one shot's text: what is named, what each thing does, where, to what, and who speaks.

The text is parsed (``openreel.director.parsing``) and read in three passes:

1. settings — style, camera, time, weather, light, mood, place and floor phrases are
   matched against the director's word tables and take their words out of play;
2. things — every noun phrase becomes a thing (its kind from the catalog, WordNet or a
   stand-in; its count, colour, material, size and persona from its modifiers), a place,
   clothing or hair of the person it belongs to, or a word reported as not understood;
   pronouns are resolved to the things they name;
3. actions — every clause gives its subjects a motion (verbs only: a verb never becomes a
   prop), its object and target, and prepositional phrases become targets ("into the
   pool"), starting points ("off the table") or spatial relations ("on the left of").

Quoted text is dialogue spoken by the character the syntax names, or, when it names a sign,
title or caption (or no one who can talk), text shown on screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import chain

from openreel.director import lexicon as lx
from openreel.director import parsing
from openreel.director.activities import ACTIVITIES, SHORES, VERB_ACTIVITIES, Activity
from openreel.director.clauses import QUOTE_TOKEN
from openreel.director.entities import (
    CHARACTERS,
    Draft,
    Modifiers,
    Reading,
    ShotDraft,
    agrees,
    carry,
    cast,
    find_or_add,
    fix_pour,
    is_character,
    set_motion,
    set_target,
)
from openreel.director.nearest import nearest_kind
from openreel.director.nouns import (
    KindChoice,
    can_name_an_individual,
    kind_of_noun,
    only_a_name,
    wordnet_adjective,
    wordnet_knows,
)
from openreel.director.persona_words import (
    CLOTHING_WORDS,
    FEMALE_WORDS,
    HAIR_NOUNS,
    MALE_WORDS,
    merged,
    persona_from,
)
from openreel.director.verbs import (
    BRITTLE,
    CAPTION_NOUNS,
    CAPTION_VERBS,
    COOKWARE,
    DISPLACING_VERBS,
    OBJECT_MOTIONS,
    RELATION_PREPOSITIONS,
    START_PREPOSITIONS,
    TARGET_MOTIONS,
    TARGET_PREPOSITIONS,
    VEHICLE_VERBS,
    could_be_verb,
    handling,
    motion_of,
)
from openreel.director.wordnet import installed
from openreel.spec import (
    KINDS,
    PLACES,
    Archetype,
    CameraMove,
    Gender,
    Motion,
    Persona,
    Relation,
)

NounMapper = Callable[[str], "tuple[str, float] | None"]
def is_english(word: str) -> bool:
    """Whether the director or the dictionary knows ``word`` (True with no dictionary)."""
    if word in lx.UNDERSTOOD_WORDS or word in lx.KIND_WORDS or word in lx.MOTION_VERBS \
            or word in lx.SOUND_WORDS or word in lx.COLOUR_WORDS:
        return True
    wordnet = installed()
    return wordnet is None or wordnet.knows(word)


def does_it(subject: str, word: str) -> bool:
    """Whether ``word`` (in -ing) after ``subject`` is the subject doing something: a living
    thing's participle ("a butterfly landing"), not a thing named by two words ("a city
    building", "a flower painting")."""
    choice = kind_of_noun(subject)
    if choice is None or KINDS[choice.kind].archetype not in CHARACTERS or \
            word in lx.KIND_WORDS:
        return False
    wordnet = installed()
    return wordnet is not None and bool(wordnet.synsets(word, "verb"))

OUTSIDE_PLACE = "city_street"  # where a shop or a room named "outside" is seen from
_SPOKEN = re.compile(r"q(\d+)")  # a quotation as the parser sees it: "Q0" → token q0
_TRAILING_VIEW = re.compile(
    r",\s*((?:" + "|".join(re.escape(v) for v in lx.VIEW_WORDS) + r")\b[^,.;]*)", re.I)
# Prepositions before the name of a place a prompt is set in ("in Paris", "from Tokyo")
_WHERE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "around", "across", "through",
                                 "outside", "to", "of"})
# Things people sit on to do what they do ("reads on a bench")
SEATS = frozenset({"bench", "sofa", "chair", "bed"})
# Parts of a place drawn with it, never things of their own, and the place they imply
# when the prompt names none ("a stop sign on the corner" is on a street corner).
_PLACE_PARTS: dict[str, str | None] = {"aisle": None, "aisles": None,
                                       "corner": "city_street", "street corner": "city_street",
                                       "room": "living_room", "rooms": "living_room",
                                       "coral": "coral_reef", "corals": "coral_reef"}
_WHITE_BEARS = frozenset({"panda", "pandas", "giant panda", "polar bear", "polar bears"})
_PAINTING_VERBS = frozenset({"paint"})
# What painting draws itself: the easel, the canvas on it and the picture on the canvas.
_PAINTED = frozenset({"easel", "easels", "canvas", "picture", "painting", "portrait",
                      "landscape", "artwork", "mural"})
_LEASHES = frozenset({"leash", "leashes", "lead"})
_FIGHT_WORDS = frozenset({"boxer", "boxers", "boxing", "box", "boxes", "fight", "fights",
                          "fighting", "fighters", "wrestle", "wrestles", "wrestling",
                          "wrestlers", "wrestler", "spar", "spars", "sparring"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "them", "him", "her", "itself", "its",
                       "their", "his", "we", "i", "you", "someone", "somebody", "everyone"})
_CAMERA_WORDS = frozenset({"camera", "shot", "view", "frame", "scene", "footage", "video",
                           "clip", "lens", "angle", "shots"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
_BODY_PARTS = frozenset({"finger", "fingers", "hand", "hands", "head", "nose", "arm", "arms",
                         "leg", "legs", "foot", "feet", "shoulder", "shoulders", "knee",
                         "knees", "lap", "mouth", "paw", "paws", "tail", "back", "chest",
                         "palm", "palms", "teeth", "beak", "jaws", "face", "tongue",
                         "eye", "eyes", "ear", "ears", "eyebrow", "eyebrows", "neck"})
_CLIMBS_ONTO = 0.45  # metres: an animal this small gets up onto the counter it clears
# What things do on their own: "it" doing one of these is a thing, not the one who acted.
_THING_MOTIONS = frozenset({Motion.BREAK, Motion.FALL, Motion.TOPPLE, Motion.ROLL,
                            Motion.BOUNCE, Motion.SLIDE, Motion.SPIN, Motion.EXPLODE,
                            Motion.SINK, Motion.FLOAT, Motion.SPLASH})


class ShotReader:
    """Reads one shot's text into a ShotDraft, adding to the prompt-wide Reading."""

    def __init__(self, part: str, quotes: list[str], reading: Reading,
                 mapper: NounMapper = nearest_kind) -> None:
        self.part = part
        self.quotes = quotes
        self.reading = reading
        self.mapper = mapper
        self.shot = ShotDraft()
        self.used: set[int] = set()  # tokens whose meaning has been taken
        self.settled: set[int] = set()  # tokens that were setting phrases
        self.names: dict[int, tuple[str, int]] = {}  # last word of a many-word name → name
        self.claimed: set[int] = set()  # every word of those names
        self.redirect: dict[int, int] = {}  # a phrase folded into a name → the name's head
        self.activities: list[tuple[int, int, str]] = []  # (first token, end, phrase)
        self.things: dict[int, Draft] = {}  # noun phrase head → the thing it names
        self.quote_at: dict[int, int] = {}  # token index → quotation number
        self.split: set[str] = set()  # groups one of whom has been told apart, not yet all
        self.members: list[tuple[Draft, Draft]] = []  # (one told apart, the group it left)

    def read(self) -> ShotDraft:
        """Read the shot; settings, things, then actions and dialogue."""
        self.parsed = parsing.read(_speakable(_plain(self.part)), could_be_verb,
                                   lambda words: words in lx.KIND_WORDS or wordnet_knows(words),
                                   is_english, wordnet_adjective, does_it)
        toks = self.parsed.tokens
        self.shot.words = sum(t.isalnum() and _SPOKEN.fullmatch(t) is None for t in toks)
        self.shot.clauses = max(1, sum(t in (".", "!", "?", ";") for t in toks[:-1]) + 1)
        self.quote_at = {i: int(m.group(1)) for i, t in enumerate(toks)
                         if (m := _SPOKEN.fullmatch(t)) and int(m.group(1)) < len(self.quotes)}
        self._settings()
        self._name_phrases()
        for phrase in self.parsed.phrases:
            self._phrase(phrase)
        for phrase in self.parsed.phrases:
            self._noun_prepositions(phrase)
        for clause in self.parsed.clauses:
            self._clause(clause)
        self._share_objects()
        self._members_follow_groups()
        self._seated()
        for start, _, wording in self.activities:
            self._activity(start, ACTIVITIES[wording])
        self._seated_reading()
        for index in sorted(self.quote_at):
            self._quote(index)
        self._sounds()
        self._leftovers()
        fix_pour(self.shot)
        return self.shot

    # -- pass 1: settings ------------------------------------------------------------------
    def _settings(self) -> None:
        toks = self.parsed.tokens
        i = 0
        while i < len(toks):
            named = self._activity_at(i) or self._name_at(i)
            if named:
                i += named
                continue
            used = self._setting_at(i)
            if used:
                self.used.update(range(i, i + used))
                self.settled.update(range(i, i + used))
                i += used
            else:
                i += 1

    def _activity_at(self, i: int) -> int:
        """An activity named as a whole ("tai chi", "rock climbing", "doing laundry")."""
        hit = self._phrase_at(i, dict(ACTIVITIES), longest=5)
        name = self._phrase_at(i, dict(lx.KIND_WORDS))
        if hit is None or (name is not None and name[1] > hit[1]):
            return 0  # "an ironing board" is a thing, not someone ironing
        self.activities.append((i, i + hit[1], hit[0]))
        self.claimed.update(range(i, i + hit[1]))
        self.used.update(range(i, i + hit[1]))
        return hit[1]

    def _name_at(self, i: int) -> int:
        """A thing named in several words ("bow and arrow", "traffic light", "hot dog"):
        the words are one name whatever the parser made of them."""
        hit = self._phrase_at(i, dict(lx.KIND_WORDS))
        if hit is None or hit[1] < 2:
            return 0
        tables: tuple[dict[str, object], ...] = (
            dict(lx.PLACE_WORDS), dict(lx.STYLE_WORDS), dict(lx.CAMERA_WORDS))
        setting = max((self._phrase_at(i, table) or ("", 0))[1] for table in tables)
        if setting > hit[1]:
            return 0
        head = i + hit[1] - 1
        self.names[head] = (hit[0], i)
        self.claimed.update(range(i, head + 1))
        self.used.update(range(i, head + 1))
        return hit[1]

    def _phrase_at(self, i: int, table: dict[str, object], longest: int = 4
                   ) -> tuple[str, int] | None:
        for n in range(min(longest, len(self.parsed.tokens) - i), 0, -1):
            text = self.parsed.span_text(i, i + n)
            if text in table:
                return text, n
        return None

    def _setting_at(self, i: int) -> int:
        """Consume a style, mood, time, weather, light, camera, place or floor phrase."""
        tables: list[tuple[str, dict[str, object]]] = [
            ("silence", dict.fromkeys(lx.SILENCE_WORDS)), ("style", dict(lx.STYLE_WORDS)),
            ("framing", dict(lx.FRAMING_WORDS)), ("slow", dict(lx.SLOW_MOTION_WORDS)),
            ("camera", dict(lx.CAMERA_WORDS)), ("gravity", dict(lx.GRAVITY_WORDS)),
            ("time", dict(lx.TIME_WORDS)), ("weather", dict(lx.WEATHER_WORDS)),
            ("fireworks", dict.fromkeys(lx.FIREWORK_WORDS)),
            ("lighting", dict(lx.LIGHTING_WORDS)), ("mood", dict(lx.MOOD_WORDS)),
            ("place", dict(lx.PLACE_WORDS)), ("ground", dict(lx.GROUND_PHRASES)),
            ("view", dict.fromkeys(lx.VIEW_WORDS)),
        ]
        best: tuple[str, int, str] | None = None
        for what, table in tables:
            hit = self._phrase_at(i, table)
            if hit is not None and (best is None or hit[1] > best[1]):
                best = (hit[0], hit[1], what)
        floor = self._floor_at(i)
        if floor:
            return floor
        if best is None:
            return 0
        phrase, n, what = best
        toks = self.parsed.tokens
        if what == "place" and phrase in parsing.QUANTITY_NOUNS and i + n < len(toks) and \
                toks[i + n] == "of":
            return 0  # "a tower of blocks" counts the blocks; it is no place
        # A longer thing's name wins ("beach ball" is not the beach); a word that names both
        # a place and a thing ("a castle") is the thing when it is a phrase's subject.
        thing = self._phrase_at(i, dict(lx.KIND_WORDS))
        if thing is not None and (thing[1] > n or (thing[1] == n and what == "place"
                                                   and self._is_subject(i + n - 1))):
            return 0
        # "reads a comic": a mood word used as a noun that names a thing is the thing
        if thing is not None and thing[1] == n and what in ("mood", "style") and \
                self.parsed.pos[i + n - 1] in ("NOUN", "PROPN"):
            return 0
        if what in ("camera", "framing") and self.parsed.pos[i + n - 1] == "VERB" and \
                self.parsed.tokens[i + n - 1] in lx.MOTION_VERBS and n == 1:
            return 0  # "a ball rolls" is no camera move; "the camera rolls" is read later
        if what == "place" and PLACES[lx.PLACE_WORDS[phrase]].indoor and self._outside(i):
            # "parks outside a bakery", "in front of the cafe": the street before it
            self.shot.place = self.shot.place or OUTSIDE_PLACE
            self.reading.notes[phrase] = f"outside a {phrase} → {OUTSIDE_PLACE}".replace(
                "_", " ")
            return n
        self._apply_setting(what, phrase)
        return n

    def _in_a_room(self) -> bool:
        """Whether the prompt is set indoors ("in the corner of the kitchen")."""
        return any(tok in ("room", "rooms") or (tok in lx.PLACE_WORDS and PLACES[
            lx.PLACE_WORDS[tok]].indoor) for tok in self.parsed.tokens)

    def _outside(self, i: int) -> bool:
        """Whether the place named at token ``i`` is seen from outside ("outside a bakery",
        "in front of the cafe")."""
        toks = self.parsed.tokens
        j = i - 1
        while j >= 0 and toks[j] in ("a", "an", "the", "this", "that", "my", "our", "his",
                                     "her", "their", "its", "some", "local", "little"):
            j -= 1
        return j >= 0 and (toks[j] in ("outside", "outdoors") or toks[max(j - 2, 0):j + 1]
                           == ["in", "front", "of"])

    def _floor_at(self, i: int) -> int:
        toks = self.parsed.tokens
        tok, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else ""
        if tok in lx.GROUND_MATERIALS and nxt in lx.GROUND_WORDS:
            self.shot.ground = lx.GROUND_MATERIALS[tok]
            return 2
        return 0

    def _is_subject(self, head: int) -> bool:
        return any(p.head == head for c in self.parsed.clauses for p in c.subjects)

    def _apply_setting(self, what: str, phrase: str) -> None:
        shot, reading = self.shot, self.reading
        if what == "silence":
            reading.music = False
        elif what == "style":
            reading.style = lx.STYLE_WORDS[phrase]
        elif what == "framing":
            shot.framing = lx.FRAMING_WORDS[phrase]
        elif what == "slow":
            shot.slow_motion = lx.SLOW_MOTION_WORDS[phrase]
        elif what == "camera":
            shot.move, shot.direction = lx.CAMERA_WORDS[phrase]
            if phrase in lx.FOLLOW_WORDS:
                shot.follow_wanted = True
        elif what == "gravity":
            reading.gravity = lx.GRAVITY_WORDS[phrase]
        elif what == "time":
            reading.time = lx.TIME_WORDS[phrase]
        elif what == "weather":
            reading.weather = lx.WEATHER_WORDS[phrase]
        elif what == "fireworks":
            reading.fireworks = True
        elif what == "lighting":
            reading.lighting = lx.LIGHTING_WORDS[phrase]
        elif what == "mood":
            reading.mood = lx.MOOD_WORDS[phrase]
        elif what == "place":
            shot.place = shot.place or lx.PLACE_WORDS[phrase]
            if phrase in lx.NEAREST_PLACES:
                reading.notes[phrase] = (f"{phrase} → {lx.NEAREST_PLACES[phrase]} "
                                         "(the nearest place staged)").replace("_", " ")
        elif what == "ground":
            shot.ground = lx.GROUND_PHRASES[phrase]

    # -- pass 2: things --------------------------------------------------------------------
    def _name_phrases(self) -> None:
        """One phrase per many-word name, headed by its last word, standing for whatever
        phrases the parser made of its words ("bow" and "arrow" are one bow and arrow)."""
        phrases = {p.head: p for p in self.parsed.phrases}
        for head, (name, start) in self.names.items():
            inside = [p for p in self.parsed.phrases if start <= p.head <= head]
            base = phrases.get(head) or (inside[-1] if inside else None)
            if base is None:
                base = parsing.Phrase(head=head, start=start, text=self.parsed.tokens[head],
                                      lemma=self.parsed.lemmas[head], pos="NOUN")
                self.parsed.phrases.append(base)
            base.start = min(start, base.start)
            base.compounds = name.split()[:-1]
            for clause in self.parsed.clauses:  # a word of the name the parser took for a verb
                if start <= clause.verb <= head:
                    base.preps += clause.preps
            for index in range(start, head + 1):  # … or for an adjective
                base.preps += self.parsed.stray_preps.get(index, [])
            for other in inside:
                if other is base:
                    continue
                base.preps += other.preps
                base.conjuncts += [c for c in other.conjuncts if not start <= c.head <= head]
                base.det = base.det or other.det
                base.number = base.number or other.number
                self.redirect[other.head] = base.head
            if base.head != head:
                self.redirect[head] = base.head
        retired = set(self.redirect)
        self.parsed.phrases = sorted((p for p in self.parsed.phrases if p.head not in retired),
                                     key=lambda p: p.head)

    def _name_of(self, head: int) -> str | None:
        """The many-word name a phrase head stands for, if any."""
        for name_head, (name, start) in self.names.items():
            if start <= head <= name_head:
                return name
        return None

    def _thing_at(self, head: int) -> Draft | None:
        """The thing named by the phrase headed at token ``head`` (or the name it is in)."""
        return self.things.get(self.redirect.get(head, head))

    def _phrase(self, phrase: parsing.Phrase) -> None:
        head = phrase.head
        name = self._name_of(head)
        if name is not None:  # its words were claimed as one name, so they read as used
            self._thing(phrase, KindChoice(lx.KIND_WORDS[name], "exact"), name)
            return
        if head in self.used or head in self.quote_at:
            return
        text = phrase.text
        handle = self.reading.cameos.get(text)
        if handle is not None:
            self._cameo(phrase, handle)
            return
        if text in _PRONOUNS or phrase.pos == "PRON":
            self._pronoun(phrase)
            return
        if text in _CAMERA_WORDS or text in lx.GROUND_WORDS or text in lx.SUBSTANCE_WORDS:
            self.used.add(head)
            return
        if (text in parsing.QUANTITY_NOUNS or phrase.lemma in parsing.QUANTITY_NOUNS) and any(
                word == "of" for word, _ in phrase.preps):
            self.used.add(head)  # "a row of": the count of what follows
            return
        if text in CLOTHING_WORDS or text in HAIR_NOUNS:
            return  # dressed onto its owner by the preposition that names it
        if text in _BODY_PARTS and (phrase.possessor is not None or any(
                is_character(d) for d in self.shot.entities)):
            # "on his finger", "in her hands", "a person massaging legs": part of who owns it
            self.used.add(head)
            return
        if text in _PLACE_PARTS or (text in ("sign", "signs") and "neon" in (
                *phrase.adjectives, *phrase.compounds)):
            self.used.add(head)  # "a supermarket aisle", "an alley with neon signs"
            self.reading.notes[phrase.words] = f"{phrase.words} → drawn with the place"
            place = _PLACE_PARTS.get(text)
            if place is not None and (PLACES[place].indoor or not self._in_a_room()):
                self.shot.place = self.shot.place or place
            return
        if text in ("ring", "rings") and _FIGHT_WORDS & set(self.parsed.tokens):
            self.used.add(head)  # "boxers fight in a ring": the ring is where they box
            self.shot.place = self.shot.place or "gymnasium"
            return
        if self._named_place(phrase):
            self.used.add(head)  # "in Paris", "at Shibuya": where, not a thing to stage
            self.reading.notes[text] = f"{text} → the name of a place (not staged)"
            return
        choice = self._kind(phrase)
        if choice is not None:
            self._thing(phrase, choice, phrase.words if choice.how == "exact" else text)
            self._contents(phrase)

    def _cameo(self, phrase: parsing.Phrase, handle: str) -> None:
        """A cameo named by its @handle: the person who shows it."""
        self.used.update(range(phrase.start, phrase.head + 1))
        draft = cast(handle, self.shot, self.reading)
        persona = persona_from(phrase.adjectives, phrase.text)
        if persona is not None:
            draft.persona = merged(draft.persona, **persona.model_dump())
        self.things[phrase.head] = draft
        self.reading.last = draft

    def _named_place(self, phrase: parsing.Phrase) -> bool:
        """A capitalised name after "in", "at", "from" … that is no word of the catalog and
        names only individuals (a city, a country): a place the prompt is set in."""
        start, _ = self.parsed.spans[phrase.head]
        if not self.parsed.text[start:start + 1].isupper() or phrase.text in lx.KIND_WORDS:
            return False
        if not can_name_an_individual(phrase.lemma):
            return False
        preps = chain((pp for p in self.parsed.phrases for pp in p.preps),
                      (pp for c in self.parsed.clauses for pp in c.preps))
        return any(inner.head == phrase.head and word in _WHERE_PREPOSITIONS
                   for word, inner in preps)

    def _contents(self, phrase: parsing.Phrase) -> None:
        """"a ball of red yarn", "a bowl of soup": what a container holds is part of it (its
        colour words colour it), not a second thing beside it."""
        if phrase.text not in parsing.CONTAINER_NOUNS and \
                phrase.lemma not in parsing.CONTAINER_NOUNS:
            return
        of = next((p for word, p in phrase.preps if word == "of"), None)
        if of is None or of.head in self.things:
            return
        self.used.update(range(of.start, of.head + 1))
        draft = self.things[phrase.head]
        draft.label = f"{draft.label or phrase.words} of {of.words}"
        named = lx.KIND_WORDS.get(f"{phrase.text} of {of.text}")
        if named is not None:  # "a ball of red yarn": the kind "ball of yarn" names
            draft.kind = named
        if draft.colour is None:
            draft.colour = next((lx.COLOUR_WORDS[w] for w in of.adjectives
                                 if w in lx.COLOUR_WORDS), None)

    def _thing(self, phrase: parsing.Phrase, choice: KindChoice, label: str) -> None:
        """A noun phrase names a thing of ``choice``'s kind: find it or bring it on."""
        head, text = phrase.head, phrase.text
        self.used.update(range(phrase.start, head + 1))
        mods = self._modifiers(phrase, choice)
        persona = persona_from(phrase.adjectives, text)
        draft = self._member(choice.kind, mods, persona, label) or find_or_add(
            label, choice.kind, mods, self.shot, self.reading, persona)
        if choice.how != "exact":
            self.reading.mapped[text] = choice.kind
            self.reading.notes[text] = choice.explained(text)
        if draft.colour is None and phrase.words in _WHITE_BEARS:
            draft.colour = "white"  # a panda or a polar bear is a bear, but not a brown one
        if persona is not None and draft.archetype is Archetype.HUMANOID:
            draft.persona = merged(draft.persona, **persona.model_dump())
        self.things[head] = draft
        self.reading.last = draft

    def _kind(self, phrase: parsing.Phrase) -> KindChoice | None:
        words = " ".join(w for w in phrase.words.split() if w not in lx.COLOUR_WORDS
                         and w not in lx.SIZE_WORDS and w not in lx.MATERIAL_WORDS)
        words = words or phrase.text
        if phrase.lemma in parsing.PEOPLE_GROUPS and not any(w == "of" for w, _ in phrase.preps):
            return KindChoice("person", "generalised")  # "a couple walks": that many people
        choice = kind_of_noun(words, phrase.lemma)
        if choice is None and phrase.pos in ("NOUN", "PROPN") and phrase.text.isalpha() and (
                not wordnet_knows(phrase.lemma) or only_a_name(phrase.lemma)):
            mapped = self.mapper(phrase.text)  # a word WordNet lacks: a name, a brand
            if mapped is not None:
                choice = KindChoice(mapped[0], "substituted", "meaning")
        return choice

    def _modifiers(self, phrase: parsing.Phrase, choice: KindChoice) -> Modifiers:
        mods = Modifiers()
        for word in [*phrase.adjectives, *phrase.compounds]:
            mods.take(word)
        det = phrase.det
        amount = next((lx.NUMBER_WORDS[w] for w in phrase.adjectives
                       if w in lx.NUMBER_WORDS and w not in ("a", "an")), None)
        if phrase.number is not None:
            mods.count = max(1, min(phrase.number, lx.MAX_COUNT))
        elif det in lx.NUMBER_WORDS and det not in ("a", "an"):
            mods.count = lx.NUMBER_WORDS[det]
        elif amount is not None:
            mods.count = amount
        elif (phrase.plural or phrase.text in lx.PLURAL_FORMS) and \
                phrase.text not in lx.PAIR_NOUNS:
            mods.count = 3
        elif det in ("a", "an", "another", "every", "each", "one"):
            mods.count = 1  # a new thing, never one named before
        if det is not None and det not in ("a", "an", "another", "every", "each") and \
                mods.count is None:
            mods.definite = True
        if phrase.possessor is not None:
            mods.definite = mods.count is None
        return mods

    def _pronoun(self, phrase: parsing.Phrase) -> None:
        text = phrase.text
        if text in ("i", "you", "we", "everyone"):
            return
        draft = self._acted_on(phrase) or self._resolve_pronoun(text)
        if draft is None:
            return
        draft = carry(draft, self.shot, self.reading)
        self.things[phrase.head] = draft
        self.used.add(phrase.head)

    def _acted_on(self, phrase: parsing.Phrase) -> Draft | None:
        """"knocks a glass off the counter and it shatters": an "it" that does what things
        do is the thing last acted on (a verb's object), not the last thing named."""
        if phrase.text not in ("it", "itself"):
            return None
        clause = next((c for c in self.parsed.clauses
                       if any(p.head == phrase.head for p in c.subjects)), None)
        done_to = next((c for c in self.parsed.clauses
                        if any(p.head == phrase.head for p in c.objects)), None)
        if done_to is not None:  # "throws a frisbee and the dog catches it"
            clause = done_to
            if motion_of(clause.phrasal, clause.text, clause.lemma) not in OBJECT_MOTIONS:
                return None
        elif clause is None or motion_of(clause.phrasal, clause.text, clause.lemma) \
                not in _THING_MOTIONS:
            return None
        acted = [d for c in self.parsed.clauses if c.verb < phrase.head
                 for p in c.objects if (d := self._thing_at(p.head)) is not None
                 and not is_character(d)]
        return acted[-1] if acted else None

    def _resolve_pronoun(self, text: str) -> Draft | None:
        """The thing a pronoun points at: the last one named that agrees with it."""
        recent = [*reversed(self.shot.entities), *reversed(list(self.reading.known.values()))]
        if self.reading.last is not None:
            recent.insert(0, self.reading.last)
        if text in ("she", "her", "herself", "he", "him", "himself", "someone", "somebody"):
            wanted = Gender.FEMALE if text in ("she", "her", "herself") else Gender.MALE
            people = [d for d in recent if d.archetype is Archetype.HUMANOID]
            for draft in people:
                if _gender_of(draft) is wanted:
                    return draft
            unsure = [d for d in people if _gender_of(d) is None]
            if unsure and unsure[0].count > 1:
                return self._one_of(unsure[0], wanted)
            if unsure:
                unsure[0].persona = merged(unsure[0].persona, gender=wanted)
                return unsure[0]
            # nobody named can be "she": someone new ("the cat sleeps while she reads")
            draft = find_or_add("person", "person", Modifiers(count=1), self.shot,
                                self.reading)
            draft.persona = merged(draft.persona, gender=wanted)
            return draft
        if text in ("they", "them", "their"):
            group = next((d for d in recent if d.count > 1), None)
            return group or (recent[0] if recent else None)
        things = [d for d in recent if d.archetype is not Archetype.HUMANOID]
        return things[0] if things else (recent[0] if recent else None)

    def _member(self, kind: str, mods: Modifiers, persona: Persona | None,
                label: str) -> Draft | None:
        """"Two friends on a bench. The girl asks …": a character named with "the" who is
        nobody named before is one of a group named before (of people not yet told apart)."""
        if not mods.definite or persona is None or persona.gender is None or \
                KINDS[kind].archetype is not Archetype.HUMANOID:
            return None
        if any(d.archetype is Archetype.HUMANOID and d.count == 1 and d.id not in self.split
               and (d.kind == kind or d.label == label) and agrees(d.persona, persona)
               for d in self.shot.entities):
            return None  # "the girl" is the girl already named
        group = next((d for d in self.shot.entities if (d.count > 1 or d.id in self.split)
                      and d.archetype is Archetype.HUMANOID and _gender_of(d) is None), None)
        if group is None:
            return None
        if group.count == 1:  # the last of the group: "… and the boy says"
            self.split.discard(group.id)
            group.persona = merged(group.persona, **persona.model_dump())
            one = group
        else:
            one = self._one_of(group, persona.gender)
            self.split.add(group.id)
        one.label = label
        return one

    def _seated(self) -> None:
        """"A man on a bench", "two friends on a sofa, talking": people on a seat sit on it
        (standing on a bench is asked for as standing)."""
        for draft in self.shot.entities:
            seat = next((d for d in self.shot.entities if d.id == draft.relative_to), None)
            if draft.archetype is Archetype.HUMANOID and draft.relation is Relation.ON and \
                    seat is not None and seat.kind in SEATS and draft.object is None and \
                    draft.motion in (Motion.IDLE, Motion.TALK, Motion.LAUGH):
                draft.motion, draft.object = Motion.SIT, seat.id
                draft.relation = draft.relative_to = None

    def _members_follow_groups(self) -> None:
        """Each one told apart from a group is where the group is and does what it does
        ("two friends on a bench": the girl and the boy sit on it), unless told otherwise."""
        for one, group in self.members:
            if one.relation is None and group.relation is not None:
                one.relation, one.relative_to = group.relation, group.relative_to

    def _one_of(self, group: Draft, gender: Gender) -> Draft:
        """"Two friends talk, she says …": she is one of them, standing apart from the rest
        as a person of her own (with her own voice and close-up); the rest stay a group,
        or the one left over."""
        group.count -= 1
        one = find_or_add(group.kind, group.kind, Modifiers(count=1), self.shot, self.reading)
        one.motion, one.target, one.action = group.motion, group.target, group.action
        one.relation, one.relative_to = group.relation, group.relative_to
        one.persona = merged(group.persona, gender=gender)
        self.members.append((one, group))
        if group.label:
            one.label = group.label.removesuffix("s")
            if group.count == 1:
                group.label = one.label
        return one

    # -- prepositions on nouns: relations, clothes, hair, things in hand -------------------
    def _noun_prepositions(self, phrase: parsing.Phrase) -> None:
        owner = self._thing_at(phrase.head)
        if owner is None:
            return
        for words, inner in phrase.preps:
            other = self._thing_at(inner.head)
            if inner.text in CLOTHING_WORDS and words in ("in", "with", "wearing"):
                self._dress(owner, inner)
            elif inner.text in HAIR_NOUNS and words == "with":
                self._hair(owner, inner)
            elif other is None or other is owner:
                continue
            elif words == "with" and not is_character(other):
                if owner.object is None and is_character(owner):
                    owner.object = other.id
                    set_motion(owner, Motion.CARRY)
            elif words in ("on", "upon", "astride") and is_character(owner) and \
                    other.archetype.value in ("quadruped", "vehicle") and other.kind != "bus":
                owner.object = other.id  # "a knight on a horse" rides it
                set_motion(owner, Motion.RIDE)
            elif words in RELATION_PREPOSITIONS:
                self._relate(owner, RELATION_PREPOSITIONS[words], other)

    def _dress(self, owner: Draft, garment: parsing.Phrase) -> None:
        colour = next((lx.COLOUR_WORDS[w] for w in garment.adjectives if w in lx.COLOUR_WORDS),
                      None)
        owner.persona = merged(owner.persona, outfit=garment.lemma or garment.text)
        if colour is not None:
            owner.colour = colour
        self.used.update(range(garment.start, garment.head + 1))

    def _hair(self, owner: Draft, hair: parsing.Phrase) -> None:
        colour = next((lx.COLOUR_WORDS[w] for w in hair.adjectives if w in lx.COLOUR_WORDS),
                      None)
        if colour is None and ("blonde" in hair.adjectives or "blond" in hair.adjectives):
            colour = "gold"
        if colour is not None:
            owner.persona = merged(owner.persona, hair=colour)
        self.used.update(range(hair.start, hair.head + 1))

    @staticmethod
    def _relate(owner: Draft, relation: Relation, other: Draft) -> None:
        if owner.relation is None:
            owner.relation, owner.relative_to = relation, other.id

    # -- pass 3: actions -------------------------------------------------------------------
    def _clause(self, clause: parsing.Clause) -> None:
        if clause.verb in self.settled or clause.verb in self.claimed:
            return  # "make it rain", "a traffic light": the word was a setting or a name
        subjects = self._things_of(clause.subjects)
        if any(p.text == "camera" for p in clause.subjects):
            self._camera_clause(clause)
            return
        named_act = VERB_ACTIVITIES.get(clause.lemma)
        if named_act is not None and not clause.negated and subjects and all(
                d.archetype is Archetype.HUMANOID for d in subjects):
            self.used.add(clause.verb)  # "skateboards": the verb names the board ridden
            self.activities.append((clause.verb, clause.verb + 1, named_act))
            return
        with_object = f"{clause.text} {clause.objects[0].text}" if clause.objects else ""
        motion = motion_of(clause.phrasal, clause.text, clause.lemma, with_object)
        self.used.add(clause.verb)
        objects = self._things_of(clause.objects)
        if not clause.negated and self._handled(clause, subjects):
            return
        if motion is None and self._vehicle_act(clause, subjects):
            return
        if motion is None:
            if clause.lemma in ("do", "perform") and any(
                    start <= p.head < end for p in clause.objects
                    for start, end, _ in self.activities):
                return  # "does a kickflip": the activity says what is done
            if clause.lemma not in ("be", "have", "is", "are", "appear", "look", "seem") and \
                    clause.text.isalpha() and clause.text not in lx.STOPWORDS:
                self._not_understood(clause.text)
            self._static_relations(subjects, clause)
            return
        if clause.negated:
            return
        if (not subjects or clause.inherited) and self._camera_verb(motion, clause, objects):
            return
        if motion is Motion.POUR:
            # "pours milk into a glass", "water pours from a jug": the liquid poured
            self.shot.liquid = self.shot.liquid or next(
                (lx.LIQUIDS[p.text] for p in (*clause.subjects, *clause.objects)
                 if p.text in lx.LIQUIDS), None)
        if not subjects and motion is Motion.POUR:
            subjects = [d for w, p in clause.preps if w in ("from", "out of")
                        and (d := self._thing_at(p.head)) is not None][:1]
        if not subjects and motion is Motion.POUR and any(
                w in ("into", "in") for w, _ in clause.preps):
            # "coffee pours into a cup": from a jug, which fix_pour points at the cup
            subjects = [find_or_add("jug", "jug", Modifiers(count=1), self.shot,
                                    self.reading)]
        if not subjects:
            subjects = self._orphan_subject(clause)
        if not subjects:
            return
        for draft in subjects:
            set_motion(draft, motion)
        actor = subjects[-1]
        if clause.lemma in _PAINTING_VERBS and actor.archetype is Archetype.HUMANOID and \
                all(p.text in _PAINTED for p in clause.objects):
            self._painting(actor, clause)  # (painting a fence or a wall is another job)
            return
        others = [o for o in objects if o not in subjects]
        over = clause.particle == "over"
        if not others and clause.lemma in DISPLACING_VERBS:
            # "knocks over a tower of blocks": the parser made "over" a preposition
            others = [o for o in self._things_of([p for w, p in clause.preps if w == "over"])
                      if o not in subjects]
            over = bool(others)
        if others and self._displaced(clause, actor, others[0], motion, over):
            return
        if others and motion in OBJECT_MOTIONS:
            actor.object = others[0].id
        elif others and (motion in TARGET_MOTIONS or motion is Motion.CHASE):
            set_target(actor, others[0])
        self._clause_prepositions(subjects, motion, clause)

    def _retire_named(self, phrases: list[parsing.Phrase], names: frozenset[str],
                      keep: Draft, note: str) -> None:
        """Take off the stage what these phrases name when it is one of ``names``, drawn by
        the act itself or not staged at all (never ``keep``, who does the act)."""
        for phrase in phrases:
            thing = self._thing_at(phrase.head)
            if thing is not None and thing is not keep and (
                    phrase.text in names or phrase.words in names):
                self._retire(thing, phrase.text, f"{phrase.text} → {note}")

    def _painting(self, actor: Draft, clause: parsing.Clause) -> None:
        """"paints a picture at an easel": done at an easel the act draws, with its canvas
        and brush; the picture, the canvas and the easel named are that, not props."""
        actor.action = "painting"
        self._retire_named([*clause.objects, *(p for _, p in clause.preps)], _PAINTED, actor,
                           "shown in the act (painting)")
        self._clause_prepositions([actor], actor.motion, clause)

    def _vehicle_act(self, clause: parsing.Clause, subjects: list[Draft]) -> bool:
        """"a delivery truck parks": a drive with an end, done by vehicles only, and not
        a state ("cars are parked")."""
        act = VEHICLE_VERBS.get(clause.lemma)
        toks = self.parsed.tokens
        if act is None:
            return False
        if not subjects:
            return clause.text.endswith("ed")  # "a parked car": it stands there
        if any(KINDS[d.kind].archetype is not Archetype.VEHICLE for d in subjects):
            return False
        if clause.negated or (clause.verb > 0 and toks[clause.verb - 1] in (
                "is", "are", "was", "were", "be", "been", "stay", "stays", "sits")):
            return True  # "cars are parked along the road": they stand, parked
        for draft in subjects:
            set_motion(draft, Motion.DRIVE)
            draft.action = act
        return True

    def _handled(self, clause: parsing.Clause, subjects: list[Draft]) -> bool:
        """"flips a pancake", "swings a bat", "turns the page": a verb that alone moves the
        body, done by a character to a thing, is an act on that thing."""
        # "slides on the snow, tracking shot": a camera or place phrase is not the thing done to
        named = next((p for p in clause.objects if p.head not in self.settled), None)
        if not subjects or named is None or not is_character(subjects[-1]):
            return False
        how = handling(clause.lemma, " ".join([*named.adjectives, named.words]))
        if how is None:
            return False
        actor = subjects[-1]
        thing = self._thing_at(named.head)
        for draft in subjects:
            set_motion(draft, how.motion)
        if how.wording is not None:
            actor.action = how.wording
        if how.shown_by_act and thing is not None:
            self._retire(thing, named.text, f"{named.text} → shown in the act "
                                            f"({how.wording or how.motion.value})",
                         keep=thing is actor)
            thing = None
        if how.tool is not None and how.tool in KINDS:
            thing = find_or_add(how.tool, how.tool, Modifiers(definite=True), self.shot,
                                self.reading)
        if thing is not None and thing is not actor and how.alongside and how.thing:
            # "walks her dog": the dog walks at her side, the two together
            set_motion(thing, how.thing)
            self._relate(thing, Relation.NEXT_TO, actor)
            # "on a leash": the lead of a dog walked is not a thing on the stage
            self._retire_named([p for _, p in clause.preps], _LEASHES, thing,
                               "not staged (walked at heel)")
            thing = None
        if thing is not None and thing is not actor:
            actor.object = thing.id
            if how.thing is not None:
                set_motion(thing, how.thing)
            if thing.motion is Motion.FALL and (thing.material or KINDS[thing.kind].material) \
                    in BRITTLE:
                thing.motion = Motion.BREAK  # "drops a glass": it shatters
            if how.motion is Motion.IDLE and self.shot.follow is None:
                self.shot.follow = actor.id  # the shot is of who drops it, not of the glass
        if how.motion is Motion.COOK:  # the grill or pan it is done on: the act draws it
            self._retire_named([p for _, p in clause.preps], COOKWARE, actor,
                               f"shown in the act ({how.wording or how.motion.value})")
        self.used.add(clause.verb)
        self._clause_prepositions(subjects, how.motion, clause)
        return True

    def _seated_reading(self) -> None:
        """"a woman reads a book on a bench", "an old man sits on a bench and reads": a
        person reading where a seat is named reads sitting on it (the book in their hands,
        not left lying on the seat)."""
        for actor in list(self.shot.entities):
            if actor.archetype is not Archetype.HUMANOID or actor.motion not in (
                    Motion.READ, Motion.SIT):
                continue
            by_id = {d.id: d for d in self.shot.entities}
            held = by_id.get(actor.object or "")
            seat = next((d for d in self.shot.entities if d.kind in SEATS and (
                d.id in (actor.relative_to, actor.object, actor.target)
                or (held is not None and held.relative_to == d.id))), None)
            if seat is None:
                continue
            if actor.motion is Motion.SIT:
                reads = any(c.lemma == "read" and self._things_of(c.subjects) == [actor]
                            for c in self.parsed.clauses)
                if seat.motion is Motion.READ:  # "sits on a bench reading": not the bench
                    held = by_id.get(seat.object or "")
                    seat.motion, seat.object, reads = Motion.IDLE, None, True
                if not reads or actor.action is not None:
                    continue
            actor.target = None
            actor.motion, actor.action, actor.object = Motion.SIT, "reading", seat.id
            actor.relation = actor.relative_to = None
            if held is not None and held is not seat and held.kind in ("book", "notebook"):
                held.relation = held.relative_to = None
                self._retire(held, held.label or held.kind, f"{held.label or held.kind} → "
                             "held open in the act")

    def _retire(self, thing: Draft, word: str, note: str, keep: bool = False) -> None:
        """Take a thing off the stage (the act it is part of draws it); ``keep`` it when the
        word was misread as naming something else on stage ("the page" as a person)."""
        self.reading.mapped.pop(word, None)
        self.reading.notes[word] = note
        if keep:
            return
        if thing in self.shot.entities:
            self.shot.entities.remove(thing)
        self.reading.known.pop(thing.id, None)
        self.things = {h: d for h, d in self.things.items() if d is not thing}
        if self.reading.last is thing:
            self.reading.last = None

    def _displaced(self, clause: parsing.Clause, actor: Draft, thing: Draft,
                   motion: Motion, over: bool) -> bool:
        """"a cat knocks a glass off the counter": the thing stood on the counter, the actor
        pushes it over the edge and it falls (a brittle thing shatters)."""
        if clause.lemma not in DISPLACING_VERBS or is_character(thing):
            return False
        if over:  # "knocks over a tower of blocks", "knocks the vase over": it topples
            set_motion(thing, Motion.TOPPLE)
            actor.motion, actor.object, actor.target = Motion.PUSH, thing.id, None
            return True
        named = next((p for p in clause.objects if self._thing_at(p.head) is thing), None)
        preps = clause.preps + (named.preps if named is not None else [])
        support = next((d for w, p in preps if w in START_PREPOSITIONS
                        and (d := self._thing_at(p.head)) is not None
                        and d not in (actor, thing)), None)
        if support is None:
            return False
        thing.relation, thing.relative_to = Relation.ON, support.id
        material = thing.material or KINDS[thing.kind].material
        thing.motion = Motion.BREAK if material in BRITTLE else Motion.FALL
        if motion in (Motion.CRASH, Motion.PUSH, Motion.HIT):
            actor.motion = Motion.PUSH  # a paw or a hand sends it over, no collision
        actor.object = thing.id
        actor.target = None
        if actor.relation is None:
            # a cat is up on the counter beside the glass; a dog or a person stands at it
            small = actor.archetype is Archetype.QUADRUPED and \
                KINDS[actor.kind].size * (actor.scale or 1.0) <= _CLIMBS_ONTO
            actor.relation = Relation.ON if small else Relation.NEXT_TO
            actor.relative_to = support.id
        return True

    def _clause_prepositions(self, subjects: list[Draft], motion: Motion,
                             clause: parsing.Clause) -> None:
        actor = subjects[-1]
        for words, inner in clause.preps:
            other = self._thing_at(inner.head)
            if other is None or other in subjects:
                if inner.text in CLOTHING_WORDS and words in ("in", "wearing"):
                    for s in subjects:
                        self._dress(s, inner)
                continue
            if words in START_PREPOSITIONS and motion in (
                    Motion.FALL, Motion.BREAK, Motion.TOPPLE, Motion.JUMP, Motion.DIVE,
                    Motion.ROLL, Motion.SLIDE, Motion.BOUNCE):
                for s in subjects:
                    self._relate(s, Relation.ON, other)
            elif (words == "with" and actor.object is None and not is_character(other)) or (
                    motion in (Motion.SIT, Motion.SLEEP, Motion.RIDE, Motion.SWING)
                    and words in ("on", "onto", "in", "at", "upon", "astride")):
                actor.object = other.id  # "plays with a ball", "sits on a bench"
            elif words in TARGET_PREPOSITIONS and (motion in TARGET_MOTIONS
                                                   or motion in OBJECT_MOTIONS):
                if motion in (Motion.JUMP, Motion.SWIM) and other.kind == "swimming_pool":
                    set_motion(actor, Motion.DIVE)
                set_target(actor, other)
            elif words in TARGET_PREPOSITIONS and motion in (Motion.JUMP, Motion.FALL,
                                                             Motion.BOUNCE, Motion.CRASH):
                for s in subjects:  # "a teddy bear and a laptop fall onto a sofa": both
                    set_target(s, other)
            elif words in RELATION_PREPOSITIONS:
                for s in subjects:
                    self._relate(s, RELATION_PREPOSITIONS[words], other)

    def _orphan_subject(self, clause: parsing.Clause) -> list[Draft]:
        """"Falling from the sky, a red apple": a verb before the thing that does it."""
        roles = {p.head for c in self.parsed.clauses for p in c.subjects + c.objects} | {
            p.head for c in self.parsed.clauses for _, p in c.preps} | {
            inner.head for p in self.parsed.phrases for _, inner in p.preps}
        after = [d for head, d in sorted(self.things.items())
                 if head > clause.verb and head not in roles]
        # "a kitten plays with a ball": the parser left the subject before its verb unlinked
        before = [d for head, d in sorted(self.things.items())
                  if head < clause.verb and head not in roles]
        return after[:1] or before[-1:]

    def _static_relations(self, subjects: list[Draft], clause: parsing.Clause) -> None:
        """"A cat is under the table": a verb with no motion still places its subject."""
        for words, inner in clause.preps:
            other = self._thing_at(inner.head)
            if other is not None and words in RELATION_PREPOSITIONS:
                for s in subjects:
                    if s is not other:
                        self._relate(s, RELATION_PREPOSITIONS[words], other)

    def _camera_verb(self, motion: Motion, clause: parsing.Clause,
                     objects: list[Draft]) -> bool:
        """"Orbiting, a horse stands", "follows the dog": a verb with no subject of its own
        that only a camera can do moves the camera."""
        if motion is Motion.ORBIT:
            self.shot.move = CameraMove.ORBIT
            return True
        if clause.text in lx.CAMERA_FOLLOW_VERBS and not clause.inherited:
            self.shot.move = self.shot.move or CameraMove.PAN
            self.shot.follow_wanted = True
            if objects:
                self.shot.follow = objects[0].id
            return True
        return False

    def _camera_clause(self, clause: parsing.Clause) -> None:
        """"The camera follows the dog", "the camera orbits the dancer"."""
        self.used.add(clause.verb)
        targets = self._things_of(clause.objects) or [
            d for _, p in clause.preps if (d := self._thing_at(p.head)) is not None]
        if clause.lemma in ("follow", "track", "trail", "chase"):
            self.shot.move = self.shot.move or CameraMove.PAN
            if targets:
                self.shot.follow = targets[0].id
            self.shot.follow_wanted = True
        elif clause.lemma in ("orbit", "circle", "rotate"):
            self.shot.move = CameraMove.ORBIT
        elif clause.lemma in ("zoom", "push", "move") and targets:
            self.shot.follow = targets[0].id

    def _activity(self, start: int, activity: Activity) -> None:
        """Whoever the sentence names does the activity, with its things and partner."""
        before = [d for head, d in sorted(self.things.items())
                  if head < start and d.archetype is Archetype.HUMANOID]
        doer = before[-1] if before else next(
            (d for d in self.shot.entities if d.archetype is Archetype.HUMANOID), None)
        if doer is None:
            doer = find_or_add("person", "person", Modifiers(count=1), self.shot, self.reading)
        doer.motion = activity.motion  # the activity is what this person does
        doer.action = activity.wording
        if activity.age is not None:
            doer.persona = merged(doer.persona, age=activity.age)
        if activity.makes:
            self._made_in_the_act(start, doer, activity)
        if doer.object is None and activity.motion is Motion.SIT:
            # "knits on a porch swing": done sitting on the seat the sentence names
            taken = {d.object for d in self.shot.entities}
            seat = next((d for d in self.shot.entities if d.kind in SEATS
                         and d.id not in taken), None)
            doer.object = seat.id if seat is not None else None
        if doer.object is None:
            prop = next((k for k in activity.props if k in KINDS), None)
            if prop is not None:
                doer.object = find_or_add(prop, prop, Modifiers(definite=True), self.shot,
                                          self.reading).id
        if activity.target is not None and doer.target is None and activity.target in KINDS:
            doer.target = find_or_add(activity.target, activity.target,
                                      Modifiers(definite=True), self.shot, self.reading).id
        if activity.partner and activity.answer is not None and doer.count == 2:
            # "two kids play catch": one of the two answers the other
            doer.count = 1
            mate = find_or_add(doer.kind, doer.kind, Modifiers(count=1), self.shot,
                               self.reading)
            mate.persona, mate.label = doer.persona, doer.label
        if activity.partner and doer.target is None and doer.count == 1:
            partner = next((d for d in self.shot.entities if d is not doer
                            and d.archetype is Archetype.HUMANOID), None)
            if partner is None:
                partner = find_or_add("person", "person", Modifiers(count=1), self.shot,
                                      self.reading)
            partner.motion = activity.answer or activity.motion
            doer.target, partner.target = partner.id, doer.id
            if activity.answer is Motion.CATCH:  # the partner catches what the doer throws
                partner.object, partner.target = doer.object, None
        self.shot.places_wanted.extend(activity.places)
        if activity.shore and self.shot.place in SHORES and not any(
                d.archetype is Archetype.BOAT for d in self.shot.entities):
            self.shot.place = SHORES[self.shot.place]  # on the bank, the lake beyond
        if activity.ground is not None and self.shot.ground is None:
            self.shot.ground = activity.ground

    def _made_in_the_act(self, start: int, doer: Draft, activity: Activity) -> None:
        """"sews a quilt", "knits a scarf": what the activity makes is in the doer's hands,
        drawn by the act, not a thing of its own on the stage."""
        for clause in self.parsed.clauses:
            if clause.verb != start:
                continue
            for made in self._things_of(clause.objects):
                if made is doer or made.kind in SEATS or \
                        made.archetype is Archetype.HUMANOID:
                    continue
                word = made.label or made.kind
                self._retire(made, word, f"{word} → made in the act ({activity.wording})")

    def _share_objects(self) -> None:
        """"catches or throws a frisbee": conjoined verbs share the object named once."""
        for clause in self.parsed.clauses:
            objects = self._things_of(clause.objects)
            if not objects:
                continue
            for draft in self._things_of(clause.subjects):
                if draft.object is None and draft.motion in OBJECT_MOTIONS and \
                        objects[0] is not draft:
                    draft.object = objects[0].id

    def _things_of(self, phrases: list[parsing.Phrase]) -> list[Draft]:
        found: list[Draft] = []
        for phrase in phrases:
            target = phrase
            if phrase.head not in self.things:
                of = next((p for w, p in phrase.preps if w == "of"), None)
                if of is not None:
                    target = of  # "a row of dominoes topples": the dominoes do
            draft = self._thing_at(target.head)
            if draft is not None and draft not in found:
                found.append(draft)
            for conj in phrase.conjuncts:
                more = self._thing_at(conj.head)
                if more is not None and more not in found:
                    found.append(more)
        return found

    # -- dialogue and captions -------------------------------------------------------------
    def _quote(self, index: int) -> None:
        text = self.quotes[self.quote_at[index]]
        self.used.add(index)
        clause = next((c for c in self.parsed.clauses
                       if any(p.head == index for p in c.objects + c.subjects)), None)
        if self._is_caption(index, clause):
            self.shot.captions.append(text)
            return
        speaker = None
        if clause is not None:
            speakers = [d for d in self._things_of(
                [p for p in clause.subjects if p.head != index]) if is_character(d)]
            speaker = speakers[0] if speakers else None
        speaker = speaker or self._likely_speaker(index)
        if speaker is None:
            if not any(is_character(d) for d in self.shot.entities) and any(
                    not is_character(d) for d in self.shot.entities):
                self.shot.captions.append(text)  # nobody here can talk: it is shown
                return
            speaker = find_or_add("person", "person", Modifiers(), self.shot, self.reading)
        self.shot.lines.append((speaker.id, text))
        set_motion(speaker, Motion.TALK)
        self.reading.last = speaker

    def _is_caption(self, index: int, clause: parsing.Clause | None) -> bool:
        toks = self.parsed.tokens
        window = toks[max(0, index - 4):index] + toks[index + 1:index + 3]
        if any(w in CAPTION_NOUNS for w in window):
            return True
        if clause is not None and clause.lemma in CAPTION_VERBS:
            return not any(is_character(d) for d in self._things_of(clause.subjects))
        return False

    def _likely_speaker(self, index: int) -> Draft | None:
        """The character a quote most likely belongs to: the last named, else the first."""
        before = [d for head, d in sorted(self.things.items()) if head < index
                  and is_character(d)]
        if before:
            return before[-1]
        if self.reading.last is not None and is_character(self.reading.last):
            return carry(self.reading.last, self.shot, self.reading)
        return next((d for d in self.shot.entities if is_character(d)), None)

    # -- sounds and words left over --------------------------------------------------------
    def _sounds(self) -> None:
        for i, tok in enumerate(self.parsed.tokens):
            if tok not in lx.SOUND_WORDS or (i in self.settled and tok not in
                                             lx.WEATHER_WORDS):
                continue
            who = None
            clause = next((c for c in self.parsed.clauses if c.verb == i), None)
            if clause is not None:
                subjects = self._things_of(clause.subjects)
                who = subjects[0].id if subjects else None
            self.shot.sounds.append((lx.SOUND_WORDS[tok], who))
            self.used.add(i)

    def _leftovers(self) -> None:
        for i, tok in enumerate(self.parsed.tokens):
            if i in self.used or i in self.quote_at or not tok.isalpha() or len(tok) < 3:
                continue
            if self.parsed.pos[i] not in _CONTENT_POS or tok in lx.STOPWORDS or \
                    tok in lx.UNDERSTOOD_WORDS or tok in lx.IGNORED_WORDS:
                continue
            if tok in lx.COLOUR_WORDS or tok in lx.SIZE_WORDS or tok in lx.MATERIAL_WORDS \
                    or tok in lx.NUMBER_WORDS or tok in CLOTHING_WORDS or tok in HAIR_NOUNS:
                continue
            if tok in FEMALE_WORDS or tok in MALE_WORDS or tok in lx.SUBSTANCE_WORDS:
                continue
            self._not_understood(tok)

    def _not_understood(self, word: str) -> None:
        if word not in self.reading.unknown:
            self.reading.unknown.append(word)


def _plain(text: str) -> str:
    """Text with accents taken off letters ("café" → "cafe"), and a trailing point of view
    (", front view") set apart so the parser does not read it into the last noun."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TRAILING_VIEW.sub(r". \1", plain)


def _speakable(part: str) -> str:
    """The shot text with quotation placeholders written as quoted words the parser reads."""
    return QUOTE_TOKEN.sub(lambda m: f'"Q{m.group(1)}"', part)


def _gender_of(draft: Draft) -> Gender | None:
    if draft.persona is not None and draft.persona.gender is not None:
        return draft.persona.gender
    label = (draft.label or "").split()[-1] if draft.label else ""
    if label in FEMALE_WORDS:
        return Gender.FEMALE
    if label in MALE_WORDS:
        return Gender.MALE
    return None
