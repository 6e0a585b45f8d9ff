"""Read the tokens of one shot: things, their motions and relations, dialogue and setting.

There is no parser: the reader walks the tokens left to right and keeps just enough state
to know the subject of the clause it is in (a verb moves the things named since the last
verb) and what a chase, crash or pour points at (the next thing named).
"""

from __future__ import annotations

from collections.abc import Callable

from openreel.director import lexicon as lx
from openreel.director.clauses import match_phrase, quote_index, tokens
from openreel.director.entities import (
    TARGETED,
    Draft,
    Modifiers,
    Reading,
    ShotDraft,
    carry,
    find_or_add,
    fix_pour,
    is_character,
    set_motion,
    set_target,
)
from openreel.director.nearest import nearest_kind
from openreel.spec import CameraMove, Motion

_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "my", "his", "her", "their",
                          "our", "your", "its", "these", "those", "another", "every", "each"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "them", "him", "itself"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?"})
_SPEECH_MARKS = frozenset({":", ","})

NounMapper = Callable[[str], "tuple[str, float] | None"]


class ShotReader:
    """Reads one shot's text into a ShotDraft, adding to the prompt-wide Reading."""

    def __init__(self, part: str, quotes: list[str], reading: Reading,
                 mapper: NounMapper = nearest_kind) -> None:
        self.toks = tokens(part)
        self.quotes = quotes
        self.reading = reading
        self.mapper = mapper
        self.shot = ShotDraft(words=sum(t.isalnum() for t in self.toks))
        self.mods = Modifiers()
        self.clause: list[Draft] = []  # things named since the last verb: its subjects
        self.verb_subjects: list[Draft] = []  # who did the sentence's last verb ("and jumps")
        self.waiting_verb: Motion | None = None  # a verb seen before its subject
        self.target_for: Draft | None = None  # a chase/crash/pour that wants its object
        self.follow_next = False  # "the camera follows the …"

    # -- the walk ---------------------------------------------------------------------------
    def read(self) -> ShotDraft:
        """Walk every token once; each step consumes one phrase."""
        i = 0
        steps = (self._punctuation, self._quote, self._camera_subject, self._ground,
                 self._setting, self._adjective, self._number, self._thing, self._pronoun,
                 self._verb, self._leftover)
        while i < len(self.toks):
            self._note_sound(i)
            for step in steps:
                used = step(i)
                if used:
                    i += used
                    break
            else:  # pragma: no cover - _leftover always consumes
                i += 1
        fix_pour(self.shot)
        return self.shot

    def _tok(self, i: int) -> str:
        return self.toks[i] if 0 <= i < len(self.toks) else ""

    @property
    def last(self) -> Draft | None:
        return self.reading.last

    def _punctuation(self, i: int) -> int:
        tok = self._tok(i)
        if tok in _CLAUSE_ENDS:
            self.mods = Modifiers()
            self.clause, self.waiting_verb, self.target_for = [], None, None
            self.verb_subjects = []
            self.shot.clauses += 1
            return 1
        if tok == "," and not self.mods.any():
            return 1
        return 0

    def _note_sound(self, i: int) -> None:
        # Named sounds are cues whatever else the word means ("thunder" is also weather).
        tok = self._tok(i)
        if tok in lx.SOUND_WORDS:
            who = None
            if tok in lx.MOTION_VERBS:
                subject = self.clause[-1] if self.clause else self.last
                if subject is not None and subject in self.shot.entities:
                    who = subject.id
            self.shot.sounds.append((lx.SOUND_WORDS[tok], who))

    # -- dialogue ---------------------------------------------------------------------------
    def _quote(self, i: int) -> int:
        index = quote_index(self._tok(i))
        if index is None:
            return 0
        speaker = self._speaker(i)
        self.shot.lines.append((speaker.id, self.quotes[index]))
        set_motion(speaker, Motion.TALK)
        self.reading.last = speaker
        return 1

    def _speaker(self, i: int) -> Draft:
        """Who says the quote at token ``i``: "X says "…"", ""…" says X", or the likeliest."""
        before = self._tok(i - 1)
        if (before in lx.SPEECH_VERBS or before == ":") and self.last in self.shot.entities:
            assert self.last is not None
            return self.last
        after = [t for t in self.toks[i + 1:i + 6] if t not in _SPEECH_MARKS]
        if any(t in lx.SPEECH_VERBS for t in after[:4]):
            for j in range(min(len(after), 4)):
                hit = match_phrase(after, j, lx.KIND_WORDS)
                if hit is not None:
                    return find_or_add(hit[0], lx.KIND_WORDS[hit[0]], Modifiers(definite=True),
                                       self.shot, self.reading)
                if after[j] in _PRONOUNS and self.last is not None:
                    return carry(self.last, self.shot, self.reading)
        if self.last is not None and is_character(self.last):
            return carry(self.last, self.shot, self.reading)
        for draft in self.shot.entities:
            if is_character(draft):
                return draft
        return find_or_add("person", "person", Modifiers(), self.shot, self.reading)

    # -- setting: camera, look, place, floor ------------------------------------------------
    def _camera_subject(self, i: int) -> int:
        # "the camera follows/tracks the X": the camera moves, X does not chase anything.
        if self._tok(i) != "camera":
            return 0
        if self._tok(i + 1) in lx.CAMERA_FOLLOW_VERBS:
            self.follow_next = True
            self.shot.move = self.shot.move or CameraMove.PAN
        elif self._tok(i + 1) in ("orbits", "circles", "orbiting", "circling"):
            self.shot.move = CameraMove.ORBIT
        else:
            return 0
        self.mods = Modifiers()
        return 2

    def _ground(self, i: int) -> int:
        tok, nxt = self._tok(i), self._tok(i + 1)
        if tok in lx.GROUND_MATERIALS and nxt in lx.GROUND_WORDS:
            self.shot.ground = lx.GROUND_MATERIALS[tok]
            self.mods = Modifiers()
            return 2
        hit = match_phrase(self.toks, i, lx.GROUND_PHRASES)
        if hit is not None:
            self.shot.ground = lx.GROUND_PHRASES[hit[0]]
            return hit[1]
        return 0

    def _setting(self, i: int) -> int:
        """Consume a style, mood, time, weather, light, camera or place phrase."""
        tables: list[tuple[str, dict[str, object]]] = [
            ("silence", dict.fromkeys(lx.SILENCE_WORDS)), ("style", dict(lx.STYLE_WORDS)),
            ("framing", dict(lx.FRAMING_WORDS)), ("slow", dict(lx.SLOW_MOTION_WORDS)),
            ("camera", dict(lx.CAMERA_WORDS)), ("gravity", dict(lx.GRAVITY_WORDS)),
            ("time", dict(lx.TIME_WORDS)), ("weather", dict(lx.WEATHER_WORDS)),
            ("lighting", dict(lx.LIGHTING_WORDS)), ("mood", dict(lx.MOOD_WORDS)),
            ("place", dict(lx.PLACE_WORDS)),
        ]
        best: tuple[str, int, str] | None = None
        for what, table in tables:
            hit = match_phrase(self.toks, i, table)
            if hit is not None and (best is None or hit[1] > best[1]):
                best = (hit[0], hit[1], what)
        if best is None:
            return 0
        phrase, n, what = best
        # A longer thing's name wins ("beach ball" is not the beach), and a word that names
        # both a place and a thing is a thing after an article.
        thing = match_phrase(self.toks, i, lx.KIND_WORDS)
        if thing is not None and (thing[1] > n or (thing[1] == n and (
                what == "place" or self.mods.any()))):
            return 0
        if what == "camera" and phrase == "tracking" and self._tok(i + 1) == "shot":
            phrase, n = "tracking shot", 2
        self._apply_setting(what, phrase)
        self.mods = Modifiers()  # "on the beach": that article belonged to the place
        return n

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
                self.follow_next = True
        elif what == "gravity":
            reading.gravity = lx.GRAVITY_WORDS[phrase]
        elif what == "time":
            reading.time = lx.TIME_WORDS[phrase]
        elif what == "weather":
            reading.weather = lx.WEATHER_WORDS[phrase]
        elif what == "lighting":
            reading.lighting = lx.LIGHTING_WORDS[phrase]
        elif what == "mood":
            reading.mood = lx.MOOD_WORDS[phrase]
        elif what == "place":
            shot.place = shot.place or lx.PLACE_WORDS[phrase]

    # -- noun phrases -----------------------------------------------------------------------
    def _adjective(self, i: int) -> int:
        tok = self._tok(i)
        if tok in lx.MATERIAL_WORDS and self._noun_ahead(i + 1):
            self.mods.material = lx.MATERIAL_WORDS[tok]
            return 1
        if tok in lx.COLOUR_WORDS and (tok not in lx.KIND_WORDS or self._noun_ahead(i + 1)):
            self.mods.colour = lx.COLOUR_WORDS[tok]
            return 1
        if tok in lx.SIZE_WORDS:
            self.mods.scale = lx.SIZE_WORDS[tok]
            return 1
        if tok in _DETERMINERS and tok not in ("a", "an"):
            # "the dog" may be one already named; "another dog", "every dog" are new ones.
            self.mods.definite = tok not in ("another", "every", "each")
            return 1
        return 0

    def _number(self, i: int) -> int:
        tok, nxt = self._tok(i), self._tok(i + 1)
        if tok.isdigit():
            self.mods.count = max(1, min(int(tok), lx.MAX_COUNT))
            self.mods.definite = False
            return 1
        if tok in lx.NUMBER_WORDS and not (tok == "some" and not nxt):
            # "a few", "a couple of", "a pair of": the later word is the count.
            self.mods.count = lx.NUMBER_WORDS[tok]
            self.mods.definite = False
            return 2 if nxt == "of" else 1
        return 0

    def _noun_ahead(self, i: int) -> bool:
        """Whether a thing's name follows within a few adjective-like words."""
        for j in range(i, min(i + 3, len(self.toks))):
            tok = self.toks[j]
            if tok in lx.KIND_WORDS:
                return True
            if not (tok in lx.COLOUR_WORDS or tok in lx.SIZE_WORDS or tok in lx.MATERIAL_WORDS):
                return self._unknown_noun_at(j)
        return False

    def _thing(self, i: int) -> int:
        hit = match_phrase(self.toks, i, lx.KIND_WORDS)
        if hit is None:
            return 0
        phrase, n = hit
        self._named(find_or_add(phrase, lx.KIND_WORDS[phrase], self.mods, self.shot,
                                self.reading))
        return n

    def _named(self, draft: Draft) -> None:
        """A thing was named: it is a subject of its clause or the object of a verb."""
        self.mods = Modifiers()
        self.reading.last = draft
        if self.follow_next:
            self.shot.follow = draft.id
            self.follow_next = False
        if self.waiting_verb is not None:
            set_motion(draft, self.waiting_verb)
            self.target_for = draft if self.waiting_verb in TARGETED else None
            self.waiting_verb = None
        elif self.target_for is not None and self.target_for is not draft:
            set_target(self.target_for, draft)
            self.target_for = None
        else:
            self.clause.append(draft)

    def _pronoun(self, i: int) -> int:
        if self._tok(i) not in _PRONOUNS or self.last is None:
            return 0
        draft = carry(self.last, self.shot, self.reading)
        if self.target_for is not None and self.target_for is not draft:
            set_target(self.target_for, draft)
            self.target_for = None
        else:
            self.clause.append(draft)
        return 1

    # -- verbs ------------------------------------------------------------------------------
    def _verb(self, i: int) -> int:
        hit = match_phrase(self.toks, i, lx.MOTION_VERBS, longest=3)
        if hit is None:
            return 0
        phrase, n = hit
        if n == 1 and phrase.endswith("s") and self._tok(i + 1) in lx.MOTION_VERBS:
            # "waves crashing": a plural noun the prompt does not make a thing of.
            self.clause, self.verb_subjects = [], []
            return 1
        motion = lx.MOTION_VERBS[phrase]
        subjects = list(self.clause)
        if not subjects and phrase in lx.CAMERA_FOLLOW_VERBS:
            self.follow_next = True  # "follows the dog" with no subject: the camera does
            return n
        if not subjects and motion is Motion.ORBIT:
            self.shot.move = CameraMove.ORBIT  # "orbiting around the dancer"
            return n
        if not subjects:
            subjects = list(self.verb_subjects)  # "a dog runs and jumps": the same dog
        if subjects:
            for draft in subjects:
                set_motion(draft, motion)
            self.target_for = subjects[-1] if motion in TARGETED else None
            self.verb_subjects = subjects
        else:
            self.waiting_verb = motion
        self.clause = []
        return n

    # -- everything else --------------------------------------------------------------------
    def _leftover(self, i: int) -> int:
        tok = self._tok(i)
        if (not tok.isalpha() or len(tok) < 3 or tok in lx.STOPWORDS
                or tok in lx.SUBSTANCE_WORDS or tok in lx.GROUND_WORDS
                or tok in lx.SOUND_WORDS or tok in lx.UNDERSTOOD_WORDS):
            return 1
        if self._unknown_noun_at(i):
            mapped = self.mapper(tok)
            if mapped is not None:
                self.reading.mapped[tok] = mapped[0]
                self._named(find_or_add(tok, mapped[0], self.mods, self.shot, self.reading))
                return 1
        if tok not in self.reading.unknown:
            self.reading.unknown.append(tok)
        return 1

    def _unknown_noun_at(self, i: int) -> bool:
        """Whether an unknown word sits where a noun would: after an article, before a verb."""
        tok = self._tok(i)
        if (not tok.isalpha() or tok in lx.STOPWORDS or tok in lx.SUBSTANCE_WORDS
                or tok in lx.MOTION_VERBS or tok in lx.NOT_NOUNS or tok.endswith("ly")):
            return False
        j = i - 1
        # Walk back over adjectives we do not know ("a tall giraffe") to the article.
        while j >= 0 and self.toks[j].isalpha() and self.toks[j] not in lx.STOPWORDS \
                and self.toks[j] not in lx.NUMBER_WORDS and self.toks[j] not in _DETERMINERS \
                and i - j <= 2:
            j -= 1
        opener = self._tok(j)
        opened = (opener in _DETERMINERS or opener in lx.NUMBER_WORDS or opener.isdigit()
                  or self.mods.any())
        return opened and self._ends_noun_phrase(i + 1)

    def _ends_noun_phrase(self, j: int) -> bool:
        """Whether token ``j`` can follow a noun: a verb, a preposition, punctuation, the end."""
        tok = self._tok(j)
        if tok == "" or not tok.isalnum() or quote_index(tok) is not None:
            return True
        if tok in lx.MOTION_VERBS:
            return True
        if tok in _DETERMINERS or tok in lx.NUMBER_WORDS:
            return False  # "rows a boat": a word before an article is a verb, not a noun
        if tok in lx.STOPWORDS:
            return True
        # An unknown "-s" word followed by an article is a verb: "a fisherman rows a boat".
        return (tok.endswith("s") and tok not in lx.KIND_WORDS
                and (self._tok(j + 1) in _DETERMINERS or self._tok(j + 1) in lx.NUMBER_WORDS))
