"""WordNet 3.0 read straight from its database files: senses, hypernyms and lexical files.

The director asks WordNet what an unknown noun *is* ("a frisbee is a disk and a plaything",
"a lighthouse is a tower"), to stage something of the right kind instead of guessing by
spelling. Debian's ``wordnet-base`` package installs the database in ``/usr/share/wordnet``.

Only two lookups are needed, so the files are read in place rather than loaded: the index
is sorted, so a lemma is found by binary search over the file, and a synset is one line at a
byte offset of the data file. Nothing is read at import, and a lookup costs microseconds.
(NLTK's reader would load the whole database and refuses paths outside its own data
directories; the format is simple and documented in wndb(5WN).)
"""

from __future__ import annotations

import mmap
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

Pos = Literal["noun", "verb", "adj", "adv"]

# Where operating systems install the database; the first one that holds it is used.
SEARCH_PATHS: tuple[Path, ...] = (
    Path("/usr/share/wordnet"), Path("/usr/local/share/wordnet"),
    Path("/opt/homebrew/share/wordnet"), Path("/usr/share/WordNet-3.0/dict"),
)

# The lexicographer files, by number (the standard list of WordNet 3.0).
LEXNAMES: tuple[str, ...] = (
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
    "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication",
    "verb.competition", "verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
    "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative",
    "verb.weather", "adj.ppl",
)
_HYPERNYMS = ("@", "@i")  # hypernym and instance hypernym pointers
_TOPIC_DOMAIN = ";c"  # the topic a sense belongs to ("election" → politics)
# Regular plural and verb endings (wndb's "detachment rules"), tried after the exception list.
_DETACH: dict[Pos, tuple[tuple[str, str], ...]] = {
    "noun": (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y"), ("s", "")),
    "verb": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", ""), ("s", "")),
    "adj": (("est", ""), ("est", "e"), ("er", ""), ("er", "e")),
    "adv": (),
}


class WordNetMissing(RuntimeError):
    """The WordNet database is not installed where it was looked for."""


@dataclass(frozen=True, slots=True)
class Synset:
    """One sense: its offset (the id within its part of speech), words, file and gloss."""

    offset: int
    pos: Pos
    lexname: str
    words: tuple[str, ...]
    hypernyms: tuple[int, ...]
    gloss: str
    instance: bool = False  # one named individual (a city, a person), not a kind of thing
    domains: tuple[int, ...] = ()  # noun offsets of the topics it belongs to ("politics")

    @property
    def name(self) -> str:
        """The sense's first word, as WordNet spells it ("drinking_glass")."""
        return self.words[0]


class WordNet:
    """Reads one installed WordNet database; safe to share between threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        for pos in ("noun", "verb"):
            for prefix in ("index", "data"):
                if not (self.directory / f"{prefix}.{pos}").is_file():
                    raise WordNetMissing(f"no WordNet {prefix}.{pos} in {self.directory}")
        # adjectives and adverbs are optional: some packagings ship nouns and verbs only
        self._parts: tuple[Pos, ...] = tuple(
            pos for pos in ("noun", "verb", "adj", "adv")
            if (self.directory / f"index.{pos}").is_file())
        self._maps: dict[str, mmap.mmap] = {}
        self._lock = threading.Lock()
        self._exceptions: dict[Pos, dict[str, str]] = {}

    # -- public ----------------------------------------------------------------------------
    def synsets(self, lemma: str, pos: Pos = "noun") -> list[Synset]:
        """The senses of ``lemma`` (any inflection), commonest first; [] when unknown."""
        for base in self.base_forms(lemma, pos):
            offsets = self._index(base, pos)
            if offsets:
                return [self.synset(o, pos) for o in offsets]
        return []

    def has(self, pos: Pos) -> bool:
        """Whether this database has the part of speech ``pos`` at all."""
        return pos in self._parts

    def knows(self, word: str) -> bool:
        """Whether ``word`` (any inflection) is in the dictionary as any part of speech."""
        return any(self._index(base, pos) for pos in self._parts
                   for base in self.base_forms(word, pos))

    def base_forms(self, word: str, pos: Pos = "noun") -> list[str]:
        """Candidate dictionary forms of ``word``: itself, its exception, its detachments."""
        key = word.strip().lower().replace(" ", "_").replace("-", "_")
        forms = [key]
        exception = self._exception_table(pos).get(key)
        if exception:
            forms.append(exception)
        for ending, replacement in _DETACH[pos]:
            if key.endswith(ending) and len(key) > len(ending) + 1:
                forms.append(key[: -len(ending)] + replacement)
        return list(dict.fromkeys(forms))

    def synset(self, offset: int, pos: Pos = "noun") -> Synset:
        """The synset at ``offset`` of the data file of ``pos``."""
        return _parse_data_line(self._line_at(f"data.{pos}", offset), pos)

    def ancestors(self, start: Synset, limit: int = 20) -> dict[int, int]:
        """Every hypernym of ``start`` (its offset → steps up), ``start`` itself at 0."""
        seen = {start.offset: 0}
        frontier = [start]
        for depth in range(1, limit + 1):
            nxt: list[Synset] = []
            for synset in frontier:
                for offset in synset.hypernyms:
                    if offset not in seen:
                        seen[offset] = depth
                        nxt.append(self.synset(offset, synset.pos))
            if not nxt:
                break
            frontier = nxt
        return seen

    # -- files -----------------------------------------------------------------------------
    def _map(self, name: str) -> mmap.mmap:
        with self._lock:
            if name not in self._maps:
                with open(self.directory / name, "rb") as handle:
                    self._maps[name] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            return self._maps[name]

    def _line_at(self, name: str, offset: int) -> str:
        data = self._map(name)
        end = data.find(b"\n", offset)
        return data[offset:end if end >= 0 else len(data)].decode("utf-8", "replace")

    def _index(self, lemma: str, pos: Pos) -> tuple[int, ...]:
        """Synset offsets of an exact lemma, by binary search over the sorted index file."""
        data = self._map(f"index.{pos}")
        key = lemma.encode() + b" "
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(b"  "):  # the licence header sorts before every lemma
                lo = end + 1
                continue
            if line.startswith(key):
                return _offsets_of_index_line(line.decode())
            if line < key:
                lo = end + 1
            else:
                hi = start
        return ()

    def _exception_table(self, pos: Pos) -> dict[str, str]:
        with self._lock:
            if pos not in self._exceptions:
                table: dict[str, str] = {}
                path = self.directory / f"{pos}.exc"
                if path.is_file():
                    for line in path.read_text(encoding="utf-8").splitlines():
                        parts = line.split()
                        if len(parts) >= 2:
                            table.setdefault(parts[0], parts[1])
                self._exceptions[pos] = table
            return self._exceptions[pos]


def _offsets_of_index_line(line: str) -> tuple[int, ...]:
    # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
    fields = line.split()
    synset_count = int(fields[2])
    return tuple(int(f) for f in fields[-synset_count:])


def _parse_data_line(line: str, pos: Pos) -> Synset:
    # offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (symbol offset pos st)* ... | gloss
    head, _, gloss = line.partition(" | ")
    fields = head.split()
    words_count = int(fields[3], 16)
    words = tuple(fields[4 + 2 * k].lower() for k in range(words_count))
    cursor = 4 + 2 * words_count
    pointers = int(fields[cursor])
    hypernyms = []
    domains = []
    instance = False
    for k in range(pointers):
        symbol, offset, target_pos = fields[cursor + 1 + 4 * k: cursor + 4 + 4 * k]
        if symbol in _HYPERNYMS and target_pos == pos[0]:
            hypernyms.append(int(offset))
            instance = instance or symbol == "@i"
        elif symbol == _TOPIC_DOMAIN and target_pos == "n":
            domains.append(int(offset))
    # adjective words carry a marker such as "(a)"; nouns and verbs do not
    words = tuple(w.split("(")[0] for w in words)
    return Synset(int(fields[0]), pos, LEXNAMES[int(fields[1])], words, tuple(hypernyms),
                  gloss.strip(), instance, tuple(domains))


@lru_cache(maxsize=1)
def installed() -> WordNet | None:
    """The installed WordNet, or None when no database is found on this system."""
    for directory in SEARCH_PATHS:
        try:
            return WordNet(directory)
        except WordNetMissing:
            continue
    return None
