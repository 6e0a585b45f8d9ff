"""Cut prompt text into shots and tokens, with quoted dialogue kept aside."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from openreel.spec import MENTION

_QUOTE = re.compile(r"[\"“”](.+?)[\"“”]", re.S)
# "Shot 1:", "Scene 2.", "shot 3 -", or a bare "Scene 4 …".
_SHOT_MARK = re.compile(r"(?i)\b(?:shot|scene)\s*#?\d+\s*[:.)\-]?")
# Words that start a new shot anywhere ("then", "cut to") and words that do so only at the
# start of a sentence, because "next to" or "later that day" mid-clause are not cuts.
_CUT = re.compile(
    r"(?i)(?:[.;!?,]\s*|\s+)(?:and\s+)?(?:then|cut\s+to|after\s+that|afterwards),?:?\s+"
    r"|(?:[.;!?]\s+)(?:next|later|finally|meanwhile),?\s+"
)
_TOKEN = re.compile(r"q\d+q|[a-z0-9][a-z0-9'\-]*|[.,;:!?]")
QUOTE_TOKEN = re.compile(r"q(\d+)q")


@dataclass
class Text:
    """A prompt with its quotations replaced by placeholders ``q0q``, ``q1q`` …"""

    body: str
    quotes: list[str] = field(default_factory=list)


def lift_quotes(prompt: str) -> Text:
    """Replace every quoted line with a placeholder token and keep the lines."""
    quotes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        # The comma that closes a quote before "says X" belongs to the sentence, not the line.
        quotes.append(match.group(1).strip().rstrip(",;:").strip())
        return f" q{len(quotes) - 1}q "

    return Text(_QUOTE.sub(keep, prompt), quotes)


# First names the parser reads as people wherever they stand in a sentence: each @handle of a
# prompt is read as one of them (one the prompt does not use itself), then put back.
STAND_INS = ("Anna", "Tom", "Emma", "Sam", "Mia", "Jack", "Zoe", "Ben", "Leo", "Max")


def lift_mentions(body: str) -> tuple[str, dict[str, str]]:
    """``body`` with each cameo's @handle written as a first name, and the names read back
    (lower-case name → handle). Handles beyond the names there are stay as written."""
    used = set(tokens(body))
    free = [n for n in STAND_INS if n.lower() not in used]
    names: dict[str, str] = {}
    by_handle: dict[str, str] = {}

    def stand_in(match: re.Match[str]) -> str:
        handle = match.group(1).lower()
        if handle not in by_handle:
            if len(by_handle) == len(free):
                return match.group(0)
            by_handle[handle] = free[len(by_handle)]
            names[by_handle[handle].lower()] = handle
        return by_handle[handle]

    return MENTION.sub(stand_in, body), names


def restore_mentions(text: str, names: Mapping[str, str]) -> str:
    """``text`` with the first names that stood in for handles written as the handles."""
    if not names:
        return text
    stand_ins = re.compile(r"\b(" + "|".join(names) + r")\b", re.IGNORECASE)
    return stand_ins.sub(lambda m: "@" + names[m.group(1).lower()], text)


def split_shots(body: str) -> list[str]:
    """Split on "Shot 1:" / "Scene 2" markers, else on "then", "cut to", "after that"."""
    marked = [p.strip() for p in _SHOT_MARK.split(body)]
    marked = [p for p in marked if p.strip(" .,;:")]
    if len(marked) > 1:
        return marked
    parts = [p.strip() for p in _CUT.split(body)]
    return [p for p in parts if p.strip(" .,;:")] or [body]


def tokens(text: str) -> list[str]:
    """Lower-case word and punctuation tokens."""
    return _TOKEN.findall(text.lower())


def quote_index(token: str) -> int | None:
    """The index of the quotation a placeholder token stands for, if it is one."""
    match = QUOTE_TOKEN.fullmatch(token)
    return int(match.group(1)) if match else None


def match_phrase(toks: list[str], i: int, table: Mapping[str, object],
                 longest: int = 4) -> tuple[str, int] | None:
    """The longest phrase of ``table`` starting at token ``i``, with its length in tokens."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        phrase = " ".join(toks[i:i + n])
        if phrase in table:
            return phrase, n
    return None
