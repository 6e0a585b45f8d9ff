"""Remix: a parent's storyboard with a change applied, keeping its structure.

Shots, durations, camera moves, entity ids, positions and dialogue timing stay as they
were; only what the instruction names changes. The instruction is read in two passes.
Edits that only make sense against an existing video (replace, remove, add, recolour,
stop) are found first, each naming its things the way the director does. Everything left
is read by the director's own shot reader, seeded with the video's things under their ids,
so "the dog" in "the dog says 'hi'" is the parent's dog; its settings (time, weather,
place, look, mood, camera), motions, lines and sounds become the changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openreel.director import lexicon as lx
from openreel.director.clauses import lift_quotes, match_phrase, tokens
from openreel.director.direct import _default_lighting
from openreel.director.entities import (
    Draft,
    Modifiers,
    Reading,
    ShotDraft,
    set_motion,
)
from openreel.director.nearest import nearest_kind
from openreel.director.reading import ShotReader
from openreel.spec import (
    KINDS,
    Archetype,
    Camera,
    Entity,
    Environment,
    Framing,
    Line,
    Motion,
    Shot,
    SoundCue,
    Storyboard,
    TimeOfDay,
    Weather,
)

A = Archetype


class RemixError(ValueError):
    """The instruction cannot be applied; the message says why."""


@dataclass
class Remix:
    """The remixed storyboard, what changed in plain words, and the words not understood."""

    storyboard: Storyboard
    changes: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)


def remix(parent: Storyboard, instruction: str) -> Remix:
    """Apply ``instruction`` to a copy of ``parent``; RemixError when it changes nothing."""
    edit = edit_board(parent, instruction)
    if not edit.changes:
        raise RemixError(nothing_changed(edit))
    board = edit.storyboard.model_copy(
        update={"prompt": f"{parent.prompt} — remix: {' '.join(instruction.split())}"})
    return Remix(Storyboard.model_validate(board.model_dump()), edit.changes,
                 edit.not_understood)


@dataclass
class Edit:
    """An instruction applied to a storyboard: the result and how it was read."""

    storyboard: Storyboard
    changes: list[str]
    not_understood: list[str]
    problems: list[str]  # things named that the video does not have
    actions: list[str]  # "dog jumps": verbs that gave a thing its motion, changed or not


_REMIX_HINT = ("nothing in the instruction changes the video: try “make it night”, "
               "“anime style” or “replace the dog with a cat”")


def nothing_changed(edit: Edit, hint: str = _REMIX_HINT) -> str:
    """Why an instruction that changed nothing did not: for the caller's error."""
    if edit.problems:
        return "; ".join(edit.problems)
    if edit.not_understood:
        return f"{hint} (not understood: {', '.join(edit.not_understood)})"
    return hint


def edit_board(board: Storyboard, instruction: str, *,
               context: Storyboard | None = None) -> Edit:
    """Apply ``instruction`` to a copy of ``board``; nothing is raised for no change.

    ``context`` is a larger storyboard that ``board`` belongs to: its things are known by
    id (a thing it had earlier comes back under its id) and new ids avoid all of its ids.
    """
    if not instruction or not instruction.strip():
        raise RemixError("say what to change, e.g. “make it night”")
    return _Editor(board, instruction, context or board).run()


# -- words ----------------------------------------------------------------------------------
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "its",
                          "their", "his", "her", "all", "every", "each", "both", "some"})
_ALL = frozenset({"all", "every", "each", "both"})
_REPLACE_VERBS = frozenset({"replace", "swap", "switch", "exchange", "substitute"})
_REPLACE_LINKS = frozenset({"with", "for", "by", "to", "into"})
_CHANGE_VERBS = frozenset({"change", "turn", "transform", "morph"})
_BECOMES: dict[str, int] = {"becomes": 1, "become": 1, "turns into": 2, "turn into": 2,
                            "changes into": 2, "change into": 2, "transforms into": 2,
                            "morphs into": 2, "is replaced by": 3, "are replaced by": 3,
                            "is now": 2, "are now": 2, "turns": 1, "is": 1, "are": 1,
                            "goes": 1, "gets": 1}
_TO_NOUN = frozenset({"becomes", "become", "turns into", "turn into", "changes into",
                      "change into", "transforms into", "morphs into", "is replaced by",
                      "are replaced by", "is now", "are now"})
_RECOLOUR_VERBS = frozenset({"make", "paint", "colour", "color", "dye", "turn", "change"})
_REMOVE_VERBS: dict[str, int] = {"remove": 1, "delete": 1, "erase": 1, "take out": 2,
                                 "take away": 2, "get rid of": 3, "no more": 2,
                                 "without": 1, "no": 1, "stop": 1, "lose": 1}
_VANISH: dict[str, int] = {"disappears": 1, "disappear": 1, "vanishes": 1, "vanish": 1,
                           "leaves": 1, "exits": 1, "is gone": 2, "goes away": 2}
_ADD_VERBS: dict[str, int] = {"add": 1, "include": 1, "insert": 1, "introduce": 1,
                              "bring in": 2, "put in": 2, "throw in": 2}
_HALT: dict[str, int] = {"stops": 1, "stop": 1, "halts": 1, "freezes": 1, "stands still": 2,
                         "stays still": 2, "stand still": 2, "stay still": 2}
_NEW_AGAIN = frozenset({"another", "second", "more", "other", "new", "extra"})
# Words of commands this module reads; the reader would otherwise report them.
_COMMAND_WORDS = frozenset({
    "make", "replace", "swap", "switch", "exchange", "substitute", "change", "turn", "add",
    "include", "insert", "introduce", "bring", "put", "remove", "delete", "erase", "take",
    "get", "rid", "move", "set", "give", "paint", "colour", "color", "dye", "let", "please",
    "now", "instead", "also", "more", "less", "keep", "have", "start", "starts", "begin",
    "begins", "go", "goes", "come", "comes", "transform", "morph", "becomes", "become",
    "turns", "into", "version", "same", "whole", "everything", "starting", "beginning",
    "suddenly", "relocate", "place", "use", "using",
})
# 'hello' as well as "hello": an apostrophe inside a word ("dog's") is not a quote.
_SINGLE_QUOTE = re.compile(r"(?<![\w'])'([^'\n]+?)'(?!\w)")
_DAY_WORDS = frozenset({"day", "daylight", "daytime", "day-time"})
_MOVES_LIKE: dict[frozenset[Archetype], dict[Motion, Motion]] = {
    # What a motion becomes for a body that cannot do it, after the director's own reading.
    frozenset({A.BALL, A.FOOD}): {
        Motion.WALK: Motion.ROLL, Motion.RUN: Motion.ROLL, Motion.DRIVE: Motion.ROLL,
        Motion.SWIM: Motion.ROLL, Motion.JUMP: Motion.BOUNCE, Motion.DANCE: Motion.BOUNCE,
        Motion.CLIMB: Motion.ROLL, Motion.FLY: Motion.FLOAT},
    frozenset({A.BLOCK, A.FURNITURE, A.CONTAINER}): {
        Motion.WALK: Motion.SLIDE, Motion.RUN: Motion.SLIDE, Motion.DRIVE: Motion.SLIDE,
        Motion.ROLL: Motion.SLIDE, Motion.SWIM: Motion.SLIDE, Motion.DANCE: Motion.JUMP,
        Motion.CLIMB: Motion.SLIDE, Motion.FLY: Motion.FLOAT, Motion.BOUNCE: Motion.JUMP},
    frozenset({A.HUMANOID, A.QUADRUPED}): {
        Motion.DRIVE: Motion.RUN, Motion.ROLL: Motion.RUN, Motion.SLIDE: Motion.RUN,
        Motion.LAUNCH: Motion.JUMP, Motion.BOUNCE: Motion.JUMP, Motion.POUR: Motion.IDLE},
    frozenset({A.BIRD, A.AIRCRAFT}): {
        Motion.DRIVE: Motion.FLY, Motion.ROLL: Motion.FLY, Motion.SWIM: Motion.FLY,
        Motion.LAUNCH: Motion.FLY, Motion.BOUNCE: Motion.FLY, Motion.POUR: Motion.IDLE},
    frozenset({A.FISH}): {
        Motion.DRIVE: Motion.SWIM, Motion.FLY: Motion.SWIM, Motion.ROLL: Motion.SWIM,
        Motion.JUMP: Motion.SWIM, Motion.DANCE: Motion.SWIM, Motion.POUR: Motion.IDLE},
    frozenset({A.VEHICLE, A.BOAT}): {
        Motion.JUMP: Motion.DRIVE, Motion.FLY: Motion.DRIVE, Motion.DANCE: Motion.DRIVE,
        Motion.ROLL: Motion.DRIVE, Motion.CHASE: Motion.CHASE, Motion.POUR: Motion.IDLE},
    frozenset({A.ROCKET}): {
        Motion.FLY: Motion.LAUNCH, Motion.JUMP: Motion.LAUNCH, Motion.WALK: Motion.IDLE,
        Motion.POUR: Motion.IDLE},
}
_STATIC_CAN = frozenset({Motion.IDLE, Motion.GROW, Motion.SHAKE})
_ACTION = {Motion.CHASE, Motion.CRASH, Motion.POUR}


def motion_for(kind: str, motion: Motion) -> Motion:
    """How ``kind`` does ``motion``: the director's reading, then the nearest it can do."""
    draft = Draft(id="_", kind=kind)
    set_motion(draft, motion)
    archetype = KINDS[kind].archetype
    if archetype in (A.TREE, A.PLANT, A.BUILDING):
        return draft.motion if draft.motion in _STATIC_CAN else Motion.IDLE
    for bodies, table in _MOVES_LIKE.items():
        if archetype in bodies:
            return table.get(draft.motion, draft.motion)
    return draft.motion


# -- noun phrases ---------------------------------------------------------------------------
@dataclass
class _Phrase:
    """A noun phrase of the instruction: which kind, with which adjectives."""

    start: int
    end: int
    kind: str
    word: str
    looks: Modifiers
    plural: bool = False
    every: bool = False
    definite: bool = False
    fresh: bool = False  # "another dog": a new one even if the video has dogs
    ids: tuple[str, ...] = ()  # entities whose label is the word


@dataclass
class _Adjectives:
    end: int
    looks: Modifiers


def _adjectives(toks: list[str], i: int, *, before_noun: bool) -> _Adjectives:
    """Colour, material and size words from ``i`` on ("big and blue")."""
    looks = Modifiers()
    j = i
    while j < len(toks):
        tok = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else ""
        if before_noun and tok in lx.KIND_WORDS and not (
                nxt in lx.KIND_WORDS or nxt in lx.COLOUR_WORDS or nxt in lx.MATERIAL_WORDS):
            break  # "an orange" is a fruit; "an orange ball" is a colour
        if looks.take(tok) or (tok in ("and", ",") and j > i and not before_noun and (
                nxt in lx.COLOUR_WORDS or nxt in lx.MATERIAL_WORDS or nxt in lx.SIZE_WORDS)):
            pass
        elif tok in ("a", "an") and not before_noun and j == i:
            pass  # "make the ball a wooden one"
        else:
            break
        j += 1
    if not before_noun and j < len(toks) and toks[j] in ("one", "ones"):
        j += 1
    return _Adjectives(j, looks)


class _Editor:
    """Reads one instruction against one storyboard and applies it."""

    def __init__(self, board: Storyboard, instruction: str, context: Storyboard) -> None:
        self.board = board.model_copy(deep=True)
        self.context = context
        text = lift_quotes(_SINGLE_QUOTE.sub(r'"\1"', instruction))
        self.quotes = text.quotes
        self.toks = tokens(text.body)
        self.used = [False] * len(self.toks)
        self.stand_in: dict[int, str] = {}  # consumed span start → words the reader sees
        self.changes: list[str] = []
        self.unknown: list[str] = []
        self.problems: list[str] = []
        self.actions: list[str] = []
        self.last_touched: str | None = None
        self.reading = Reading()
        for shot in context.shots:
            for e in shot.entities:
                self.reading.known[e.id] = _draft_of(e)
        for shot in self.board.shots:
            for e in shot.entities:
                self.reading.known[e.id] = _draft_of(e)

    def run(self) -> Edit:
        """Every pass in order; returns the edited storyboard and how it was read."""
        for step in (self._replace, self._remove, self._add, self._recolour, self._halt,
                     self._adjectives_before):
            i = 0
            while i < len(self.toks):
                used = 0 if self.used[i] else step(i)
                i += max(used, 1)
        self._read_rest()
        unknown = [w for w in dict.fromkeys(self.unknown) if w not in _COMMAND_WORDS]
        board = Storyboard.model_validate(self.board.model_dump())
        return Edit(board, list(dict.fromkeys(self.changes)), unknown, self.problems,
                    self.actions)

    # -- helpers ----------------------------------------------------------------------------
    def _tok(self, i: int) -> str:
        return self.toks[i] if 0 <= i < len(self.toks) and not self.used[i] else ""

    def _phrase_at(self, i: int, table: dict[str, int]) -> tuple[str, int] | None:
        free = [self._tok(j) for j in range(i, min(i + 4, len(self.toks)))]
        return match_phrase(free, 0, table)

    def _consume(self, start: int, end: int, stand_in: str = ".") -> None:
        for j in range(start, end):
            self.used[j] = True
        self.stand_in[start] = stand_in

    def _entities(self) -> list[Entity]:
        """Every entity of the board, first appearance first, one per id."""
        seen: dict[str, Entity] = {}
        for shot in self.board.shots:
            for e in shot.entities:
                seen.setdefault(e.id, e)
        return list(seen.values())

    def _noun(self, i: int, *, guess: bool = True) -> _Phrase | None:
        """The noun phrase starting at ``i``: determiners, adjectives, a thing's name."""
        j, every, definite, fresh = i, False, False, False
        while self._tok(j) in _DETERMINERS or self._tok(j) in _NEW_AGAIN or self._tok(j) in (
                "of",) or self._tok(j).isdigit() or self._tok(j) in lx.NUMBER_WORDS:
            tok = self._tok(j)
            every = every or tok in _ALL
            definite = definite or tok in ("the", "this", "that", "these", "those", "its")
            fresh = fresh or tok in _NEW_AGAIN
            j += 1
        adjectives = _adjectives([self._tok(k) for k in range(len(self.toks))], j,
                                 before_noun=True)
        j = adjectives.end
        free = [self._tok(k) for k in range(len(self.toks))]
        hit = match_phrase(free, j, lx.KIND_WORDS)
        if hit is not None:
            word, n = hit
            labelled = tuple(e.id for e in self._entities() if e.label == word)
            return _Phrase(i, j + n, lx.KIND_WORDS[word], word, adjectives.looks,
                           plural=word in lx.PLURAL_FORMS, every=every, definite=definite,
                           fresh=fresh, ids=labelled)
        word = self._tok(j)
        if not word.isalpha() or word in lx.STOPWORDS or word in lx.SUBSTANCE_WORDS:
            return None
        labelled = tuple(e.id for e in self._entities() if e.label == word)
        if labelled:
            kind = next(e.kind for e in self._entities() if e.id == labelled[0])
            return _Phrase(i, j + 1, kind, word, adjectives.looks, every=every,
                           definite=definite, fresh=fresh, ids=labelled)
        if not guess or word in lx.UNDERSTOOD_WORDS or word in lx.MOTION_VERBS \
                or word in _COMMAND_WORDS or word in lx.NOT_NOUNS:
            return None
        mapped = nearest_kind(word)
        if mapped is None:
            return None
        self.reading.mapped[word] = mapped[0]
        return _Phrase(i, j + 1, mapped[0], word, adjectives.looks, every=every,
                       definite=definite, fresh=fresh)

    def _targets(self, phrase: _Phrase) -> list[str]:
        """Ids of the board's entities a phrase names; all of them for "all"/plurals."""
        entities = self._entities()
        ids = [e.id for e in entities if e.id in phrase.ids]
        if not ids:
            ids = [e.id for e in entities if e.kind == phrase.kind]
        wanted = phrase.looks.colour
        if wanted is not None and len(ids) > 1:
            coloured = [e.id for e in entities if e.id in ids
                        and (e.colour or KINDS[e.kind].colour) == wanted]
            ids = coloured or ids
        if not (phrase.every or phrase.plural):
            ids = ids[:1]
        return ids

    def _each(self, ids: list[str]) -> list[Entity]:
        return [e for shot in self.board.shots for e in shot.entities if e.id in ids]

    def _missing(self, phrase: _Phrase, verb: str) -> None:
        self.problems.append(f"there is no {phrase.word} in the video to {verb}")
        self.unknown.append(phrase.word)

    # -- replace ----------------------------------------------------------------------------
    def _replace(self, i: int) -> int:
        tok = self._tok(i)
        if tok in _REPLACE_VERBS or tok in _CHANGE_VERBS:
            start = i + 1 + (self._tok(i + 1) == "out")
            old = self._noun(start, guess=False)
            if old is None:
                return 0
            word = self._tok(old.end)
            if (tok in _REPLACE_VERBS and word not in _REPLACE_LINKS) or (
                    tok in _CHANGE_VERBS and word not in ("into", "to")):
                return 0
            new = self._noun(old.end + 1)
            if new is None:
                return 0
            return self._swap(i, new.end, old, new)
        old = self._noun(i, guess=False)
        if old is not None:
            link = self._phrase_at(old.end, _BECOMES)
            if link is not None and link[0] in _TO_NOUN:
                new = self._noun(old.end + link[1])
                if new is not None:
                    return self._swap(i, new.end, old, new)
        new = self._noun(i, guess=False)
        if new is not None and self._tok(new.end) == "instead" and self._tok(new.end + 1) == "of":
            old = self._noun(new.end + 2, guess=False)
            if old is not None:
                return self._swap(i, old.end, old, new)
        return 0

    def _swap(self, start: int, end: int, old: _Phrase, new: _Phrase) -> int:
        ids = self._targets(old)
        if not ids:
            self._missing(old, "replace")
            self._consume(start, end)
            return end - start
        if all(e.kind == new.kind for e in self._each(ids)) and not _has_looks(new.looks):
            self.problems.append(f"the {old.word} is already a {new.word}")
            self._consume(start, end)
            return end - start
        for e in self._each(ids):
            scale = None if e.size is None else e.size / KINDS[e.kind].size
            if new.looks.scale is not None:
                scale = new.looks.scale
            e.kind = new.kind
            e.label = new.word
            e.size = None if scale is None else round(KINDS[new.kind].size * scale, 4)
            e.colour = new.looks.colour
            e.material = new.looks.material
            e.motion = motion_for(new.kind, e.motion)
        for shot in self.board.shots:
            if any(e.id in ids for e in shot.entities):
                shot.description = _reworded(shot.description, old.word, new.word)
        self.changes.append(f"{old.word} → {_looks_words(new.looks)}{new.word}")
        self.last_touched = ids[-1]
        self._refresh_known(ids)
        self._consume(start, end, f"the {new.word}")
        return end - start

    # -- remove -----------------------------------------------------------------------------
    def _remove(self, i: int) -> int:
        verb = self._phrase_at(i, _REMOVE_VERBS)
        if verb is not None:
            return self._remove_after(i, i + verb[1], verb[0])
        thing = self._noun(i, guess=False)
        gone = None if thing is None else self._phrase_at(thing.end, _VANISH)
        if thing is None or gone is None:
            return 0
        return self._drop(i, thing.end + gone[1], [thing])

    def _remove_after(self, start: int, i: int, verb: str) -> int:
        j = i + (self._tok(i) == "the")
        weather = self._tok(j)
        if weather in lx.WEATHER_WORDS or weather == "music":
            if verb in ("no", "without") and weather == "music":
                return 0  # the reader hears "no music" itself
            if weather == "music":
                self._set_music(False)
            else:
                self._set_weather(Weather.CLEAR, f"no more {weather}")
            self._consume(start, j + 1)
            return j + 1 - start
        things: list[_Phrase] = []
        k = i
        while True:
            thing = self._noun(k, guess=verb not in ("no", "without", "stop", "lose"))
            if thing is None:
                break
            things.append(thing)
            k = thing.end
            if self._tok(k) not in ("and", ",") or self._noun(k + 1, guess=False) is None:
                break
            k += 1
        if not things:
            return 0
        if verb in ("no", "without", "stop", "lose") and not any(
                self._targets(t) for t in things):
            return 0  # "without a doubt", "stop": not about a thing of the video
        end = things[-1].end
        if self._tok(end) in ("from", "out"):
            end += 1
            while self._tok(end) and self._tok(end) not in (".", ",", ";", "and"):
                end += 1
        return self._drop(start, end, things)

    def _drop(self, start: int, end: int, things: list[_Phrase]) -> int:
        for thing in things:
            ids = self._targets(thing)
            if not ids:
                self._missing(thing, "remove")
                continue
            for shot in self.board.shots:
                _remove_from(shot, set(ids))
            self.changes.append(f"removed the {thing.word}")
        self._consume(start, end)
        return end - start

    # -- add --------------------------------------------------------------------------------
    def _add(self, i: int) -> int:
        verb = self._phrase_at(i, _ADD_VERBS)
        if verb is None:
            return 0
        end = i + verb[1]
        while end < len(self.toks) and not self.used[end]:
            tok = self.toks[end]
            nxt = self.toks[end + 1] if end + 1 < len(self.toks) else ""
            if tok in (".", ";", "!", "?") or (tok in _COMMAND_WORDS - {"more"} and end > i + 1):
                break
            if tok in ("and", ",", "then") and (nxt in _COMMAND_WORDS or nxt in lx.TIME_WORDS
                                                or nxt in lx.STYLE_WORDS or nxt == "make"):
                break
            end += 1
        segment = " ".join(self.toks[i + verb[1]:end])
        if self._noun(i + verb[1]) is None and not any(
                t in lx.KIND_WORDS for t in self.toks[i + verb[1]:end]):
            return 0  # "add some rain", "add music": the reader handles those
        shot = ShotDraft()
        reader = ShotReader(segment, self.quotes, self.reading)
        reader.shot = shot
        reader.read()
        added = [d for d in shot.entities if d.id not in self._ids()]
        if not added:
            return 0
        for draft in added:
            self._add_entity(draft)
        self._apply_drafts([d for d in shot.entities if d not in added], shot)
        self._apply_lines(shot)
        self._consume(i, end)
        return end - i

    def _ids(self) -> set[str]:
        return {e.id for shot in self.board.shots for e in shot.entities}

    def _add_entity(self, draft: Draft) -> None:
        entity = draft.entity().model_copy(update={"motion": motion_for(draft.kind,
                                                                       draft.motion)})
        for shot in self.board.shots:
            if all(e.id != entity.id for e in shot.entities):
                shot.entities.append(entity.model_copy(deep=True))
        self.changes.append(f"added {_looks_words_of(entity)}{draft.label or draft.kind}")
        self.last_touched = entity.id
        self._refresh_known([entity.id])

    # -- colours, materials, sizes ----------------------------------------------------------
    def _recolour(self, i: int) -> int:
        tok = self._tok(i)
        if tok in _RECOLOUR_VERBS:
            thing = self._noun(i + 1, guess=False)
            if thing is None:
                return 0
            at = thing.end + (self._tok(thing.end) in ("to", "into"))
            after = _adjectives([self._tok(k) for k in range(len(self.toks))], at,
                                before_noun=False)
            looks = _merged(thing.looks, after.looks) if _has_looks(after.looks) else None
            if looks is None:
                return 0
            return self._restyle(i, after.end, thing, looks)
        thing = self._noun(i, guess=False)
        if thing is None:
            return 0
        link = self._phrase_at(thing.end, _BECOMES)
        if link is None or link[0] in _TO_NOUN - {"becomes", "become", "is now", "are now"}:
            return 0
        after = _adjectives([self._tok(k) for k in range(len(self.toks))],
                            thing.end + link[1], before_noun=False)
        if not _has_looks(after.looks):
            return 0
        return self._restyle(i, after.end, thing, after.looks)

    def _adjectives_before(self, i: int) -> int:
        # "a wooden ball", "the blue ball": the video's ball, with new looks.
        thing = self._noun(i, guess=False)
        if thing is None or thing.fresh or not _has_looks(thing.looks) or not self._targets(
                thing):
            return 0
        # the reader should still see the phrase: "the blue ball bounces"
        return self._restyle(i, thing.end, thing, thing.looks, keep_reading=True)

    def _restyle(self, start: int, end: int, thing: _Phrase, looks: Modifiers,
                 keep_reading: bool = False) -> int:
        probe = _Phrase(thing.start, thing.end, thing.kind, thing.word, Modifiers(),
                        thing.plural, thing.every, thing.definite, thing.fresh, thing.ids)
        ids = self._targets(probe if keep_reading else thing) or self._targets(probe)
        if not ids:
            self._missing(thing, "change")
            self._consume(start, end)
            return end - start
        before = [e.model_dump() for e in self._each(ids)]
        for e in self._each(ids):
            if looks.colour is not None:
                e.colour = looks.colour
            if looks.material is not None:
                e.material = looks.material
            if looks.scale is not None:
                e.size = round(KINDS[e.kind].size * looks.scale, 4)
        if before != [e.model_dump() for e in self._each(ids)]:
            self.changes.append(f"{thing.word} → {_looks_words(looks).strip()}")
        else:
            self.problems.append(f"the {thing.word} is already {_looks_words(looks).strip()}")
        self.last_touched = ids[-1]
        self._refresh_known(ids)
        self._consume(start, end, f"the {thing.word}")
        return end - start

    # -- stopping ---------------------------------------------------------------------------
    def _halt(self, i: int) -> int:
        thing = self._noun(i, guess=False)
        if thing is None:
            return 0
        hit = self._phrase_at(thing.end, _HALT)
        if hit is None:
            return 0
        ids = self._targets(thing)
        if not ids:
            self._missing(thing, "stop")
        else:
            self._set_motion(ids, Motion.IDLE, thing.word)
        end = thing.end + hit[1]
        self._consume(i, end)
        return end - i

    def _set_motion(self, ids: list[str], motion: Motion, word: str,
                    target: str | None = None) -> None:
        changed = False
        for e in self._each(ids):
            new = motion_for(e.kind, motion)
            if new is Motion.TALK and e.motion is not Motion.IDLE:
                continue  # a speaker keeps doing what it did
            if target is not None and e.target != target and new in _ACTION:
                e.target, changed = target, True
            elif new not in _ACTION and e.target is not None and new is not Motion.TALK:
                e.target = None  # a dog that stops chasing to jump chases nothing
            if e.motion is not new:
                e.motion, changed = new, True
        if motion is not Motion.TALK:
            self.actions.append(f"{word} {motion.value}")
            if changed:
                self.changes.append(f"{word} → {motion.value}")

    # -- everything else: the director's reader ---------------------------------------------
    def _read_rest(self) -> None:
        words: list[str] = []
        for j, tok in enumerate(self.toks):
            if j in self.stand_in:
                words.append(self.stand_in[j])
            # command words are this module's; the reader would take "comes" for a noun
            if not self.used[j] and tok not in _COMMAND_WORDS:
                words.append(tok)
        shot = ShotDraft(entities=[self.reading.known[e.id] for e in self._entities()])
        for draft in shot.entities:
            draft.motion, draft.target = Motion.IDLE, None
        seeded = {d.id for d in shot.entities}
        if self.last_touched is not None:
            self.reading.last = self.reading.known[self.last_touched]
        reader = ShotReader(" ".join(words), self.quotes, self.reading)
        reader.shot = shot
        reader.read()
        # "another dog", "2 dogs": new ones even where the video has that kind already
        fresh_words = {t for k, t in enumerate(self.toks) if k > 0 and (
            self.toks[k - 1] in _NEW_AGAIN or self.toks[k - 1].isdigit()
            or lx.NUMBER_WORDS.get(self.toks[k - 1], 1) > 1)}
        for draft in [d for d in shot.entities if d.id not in seeded]:
            same = [e for e in self._entities() if e.kind == draft.kind]
            if same and draft.label not in fresh_words:
                self._merge(draft, same[0].id, shot)
            else:
                self._add_entity(draft)
        self._apply_setting(shot, tokens(" ".join(words)))
        self._apply_drafts([d for d in shot.entities if d.id in self._ids()], shot)
        self._apply_lines(shot)
        self._apply_sounds(shot)
        self.unknown.extend(self.reading.unknown)

    def _merge(self, draft: Draft, into: str, shot: ShotDraft) -> None:
        """A thing the reader met as new ("a dog jumps") is the video's own of that kind."""
        old = draft.id
        for other in shot.entities:
            if other.target == old:
                other.target = into
        shot.lines = [(into if who == old else who, text) for who, text in shot.lines]
        shot.sounds = [(s, into if who == old else who) for s, who in shot.sounds]
        if shot.follow == old:
            shot.follow = into
        looks = Modifiers(colour=draft.colour, material=draft.material, scale=draft.scale)
        if _has_looks(looks):
            for e in self._each([into]):
                if looks.colour is not None:
                    e.colour = looks.colour
                if looks.material is not None:
                    e.material = looks.material
            self.changes.append(f"{draft.label or draft.kind} → {_looks_words(looks).strip()}")
        draft.id = into

    def _apply_drafts(self, drafts: list[Draft], shot: ShotDraft) -> None:
        """Motions and targets the reader gave to the video's things."""
        speakers = {who for who, _ in shot.lines}
        for draft in drafts:
            if draft.motion is Motion.IDLE:
                continue
            if draft.motion is Motion.TALK and draft.id in speakers:
                self._set_motion([draft.id], Motion.TALK, draft.label or draft.kind)
                continue
            word = draft.label or draft.kind
            self._set_motion([draft.id], draft.motion, word, draft.target)
            self.last_touched = draft.id

    def _apply_lines(self, shot: ShotDraft) -> None:
        for who, text in shot.lines:
            holders = [s for s in self.board.shots if any(e.id == who for e in s.entities)]
            if not holders:
                continue
            # The last shot the speaker is in: earlier lines keep their timing.
            holders[-1].dialogue.append(Line(speaker=who, text=text))
            self.changes.append(f'{who} says "{text}"')
        shot.lines = []

    def _apply_sounds(self, shot: ShotDraft) -> None:
        for sound, who in shot.sounds:
            if sound == "music":
                self._set_music(True)
                continue
            for s in self.board.shots:
                if who is not None and all(e.id != who for e in s.entities):
                    continue
                at = round(min(0.5, s.duration * 0.5), 3)
                s.sounds.append(SoundCue(sound=sound, at=at, duration=min(2.0, s.duration),
                                         entity=who))
            self.changes.append(f"sound: {sound}")

    def _apply_setting(self, shot: ShotDraft, words: list[str]) -> None:
        r = self.reading
        board = self.board
        if r.style is not None and r.style is not board.style:
            board.style = r.style
            self.changes.append(f"style → {r.style.value}")
        elif r.style is not None:
            self.problems.append(f"the style is already {r.style.value}")
        if r.mood is not None and r.mood is not board.mood:
            board.mood = r.mood
            self.changes.append(f"mood → {r.mood.value}")
        elif r.mood is not None:
            self.problems.append(f"the mood is already {r.mood.value}")
        if not r.music:
            self._set_music(False)
        time = r.time
        if time is None and any(w in _DAY_WORDS for w in words):
            time = TimeOfDay.AFTERNOON
        update: dict[str, object] = {}
        if time is not None:
            update["time_of_day"] = time
        if r.weather is not None:
            update["weather"] = r.weather
        if r.lighting is not None:
            update["lighting"] = r.lighting
        if r.gravity is not None:
            update["gravity"] = r.gravity
        if shot.place is not None:
            update["place"] = shot.place
            update["ground"] = shot.ground
        elif shot.ground is not None:
            update["ground"] = shot.ground
        if update:
            self._update_environments(update, explicit_light=r.lighting is not None)
        self._apply_camera(shot)

    def _update_environments(self, update: dict[str, object], explicit_light: bool) -> None:
        board = self.board
        envs = [board.environment] + [s.environment for s in board.shots
                                      if s.environment is not None]
        before = board.environment
        new_envs = [_updated(env, update, explicit_light) for env in envs]
        board.environment = new_envs[0]
        rest = iter(new_envs[1:])
        for s in board.shots:
            if s.environment is not None:
                s.environment = next(rest)
        after = board.environment
        for name, label in (("time_of_day", "time of day"), ("weather", "weather"),
                            ("place", "place"), ("lighting", "lighting"),
                            ("gravity", "gravity"), ("ground", "floor")):
            if name in update and any(getattr(a, name) != getattr(b, name)
                                      for a, b in zip(envs, new_envs, strict=True)):
                value = getattr(after, name) if name != "ground" else after.resolved_ground()
                if name == "gravity":
                    value = f"{after.resolved_gravity():g} m/s²"
                text = str(getattr(value, "value", value)).replace("_", " ")
                self.changes.append(f"{label} → {text}")
            elif name in update and name != "ground":
                value = update[name]
                text = str(getattr(value, "value", value)).replace("_", " ")
                self.problems.append(f"the {label} is already {text}")
        moved = before.place != after.place or before.time_of_day != after.time_of_day
        if moved and not explicit_light and after.lighting != before.lighting:
            self.changes.append(f"lighting → {after.lighting.value}")

    def _set_weather(self, weather: Weather, said: str) -> None:
        envs = [self.board.environment] + [s.environment for s in self.board.shots
                                           if s.environment is not None]
        if all(env.weather is weather for env in envs):
            self.problems.append(f"“{said}”: the weather is already {weather.value}")
            return
        self._update_environments({"weather": weather}, explicit_light=False)

    def _set_music(self, on: bool) -> None:
        if self.board.music is not on:
            self.board.music = on
            self.changes.append("music on" if on else "no music")

    def _apply_camera(self, shot: ShotDraft) -> None:
        ids = self._ids()
        follow = shot.follow if shot.follow in ids else None
        before = [s.camera for s in self.board.shots]
        for s in self.board.shots:
            cam = s.camera
            update: dict[str, object] = {}
            if shot.framing is not None:
                update["framing"] = shot.framing
            if shot.slow_motion != 1.0:
                update["slow_motion"] = shot.slow_motion
            if shot.move is not None:
                update["move"], update["direction"] = shot.move, shot.direction
            present = {e.id for e in s.entities}
            if follow in present:
                update["follow"] = follow
            elif (shot.follow_wanted or shot.framing is Framing.CLOSE_UP) and (
                    cam.follow is None and s.entities):
                update["follow"] = _focus(s)
            s.camera = Camera.model_validate({**cam.model_dump(), **update})

        def changed(name: str) -> bool:
            return any(getattr(a, name) != getattr(b.camera, name)
                       for a, b in zip(before, self.board.shots, strict=True))

        if changed("framing") and shot.framing is not None:
            self.changes.append(f"framing → {shot.framing.value.replace('_', '-')}")
        if changed("slow_motion"):
            self.changes.append(f"slow motion ×{1 / shot.slow_motion:g}")
        if (changed("move") or changed("direction")) and shot.move is not None:
            way = f" {shot.direction.value}" if shot.direction else ""
            self.changes.append(f"camera → {shot.move.value}{way}")
        if changed("follow") and follow is not None:
            self.changes.append(f"camera follows {follow}")

    def _refresh_known(self, ids: list[str]) -> None:
        for e in self._entities():
            if e.id in ids:
                self.reading.known[e.id] = _draft_of(e)


# -- small pieces ---------------------------------------------------------------------------
def _draft_of(entity: Entity) -> Draft:
    return Draft(id=entity.id, kind=entity.kind, count=entity.count, colour=entity.colour,
                 material=entity.material, label=entity.label)


def _has_looks(looks: Modifiers) -> bool:
    return looks.colour is not None or looks.material is not None or looks.scale is not None


def _merged(first: Modifiers, second: Modifiers) -> Modifiers:
    return Modifiers(colour=second.colour or first.colour,
                     material=second.material or first.material,
                     scale=second.scale if second.scale is not None else first.scale)


def _looks_words(looks: Modifiers) -> str:
    size = None
    if looks.scale is not None:
        size = next((w for w, s in lx.SIZE_WORDS.items() if s == looks.scale), None)
    material = None
    if looks.material is not None:
        material = next((w for w, m in lx.MATERIAL_WORDS.items() if m == looks.material),
                        looks.material)
    return "".join(f"{w} " for w in (size, looks.colour, material) if w)


def _looks_words_of(entity: Entity) -> str:
    count = f"{entity.count} " if entity.count > 1 else ""
    return count + _looks_words(Modifiers(colour=entity.colour, material=entity.material))


def _reworded(description: str, old: str, new: str) -> str:
    """The shot's text with the replaced thing's word swapped for the new one."""
    return re.sub(rf"\b{re.escape(old)}\b", new, description)


def _remove_from(shot: Shot, ids: set[str]) -> None:
    """Take entities out of a shot, with the lines, cues and references that need them."""
    shot.entities = [e for e in shot.entities if e.id not in ids]
    shot.dialogue = [line for line in shot.dialogue if line.speaker not in ids]
    shot.sounds = [cue for cue in shot.sounds if cue.entity not in ids]
    for e in shot.entities:
        if e.target in ids:
            e.target = None
            if e.motion is Motion.CHASE:
                e.motion = motion_for(e.kind, Motion.RUN)
    if shot.camera.follow in ids:
        shot.camera = shot.camera.model_copy(update={"follow": None})


def _focus(shot: Shot) -> str:
    """Who a close-up looks at: a speaker, else a thing that moves, else the first thing."""
    if shot.dialogue:
        return shot.dialogue[0].speaker
    movers = [e for e in shot.entities if e.motion not in (Motion.IDLE, Motion.TALK)]
    return (movers or shot.entities)[0].id


def _updated(env: Environment, update: dict[str, object], explicit_light: bool) -> Environment:
    """An environment with the update applied; lighting follows a new time or place."""
    new = Environment.model_validate({**env.model_dump(), **update})
    if explicit_light:
        return new
    if (new.place, new.time_of_day) != (env.place, env.time_of_day) and env.lighting is (
            _default_lighting(env.place, Reading(time=env.time_of_day))):
        lighting = _default_lighting(new.place, Reading(time=new.time_of_day))
        new = new.model_copy(update={"lighting": lighting})
    return new


__all__ = ["Edit", "Remix", "RemixError", "edit_board", "motion_for", "remix"]
