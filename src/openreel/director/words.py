"""Turn prompt text into shots and tokens, with quoted dialogue kept aside."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_QUOTE = re.compile(r"[\"“”](.+?)[\"“”]", re.S)
_SHOT_MARK = re.compile(r"(?i)\b(?:shot|scene)\s*\d+\s*[:.)\-]")
_THEN = re.compile(
    r"(?i)(?:[.;,]\s*|\s+)(?:and\s+)?(?:then|cut to|after that|afterwards|later|next),?\s+"
)
_TOKEN = re.compile(r"q\d+q|[a-z0-9][a-z0-9'\-]*|[.,;:!?]")


@dataclass
class Text:
    """A prompt with its quotations replaced by placeholders ``q0q``, ``q1q`` …"""

    body: str
    quotes: list[str] = field(default_factory=list)


def lift_quotes(prompt: str) -> Text:
    """Replace every quoted line with a placeholder token and keep the lines."""
    quotes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        quotes.append(match.group(1).strip())
        return f" q{len(quotes) - 1}q "

    return Text(_QUOTE.sub(keep, prompt), quotes)


def split_shots(body: str) -> list[str]:
    """Split on "Shot 1:" / "Scene 2." markers, else on "then", "cut to", "after that"."""
    parts = [p.strip() for p in _SHOT_MARK.split(body)]
    parts = [p for p in parts if p.strip(" .,;")]
    if len(parts) > 1:
        return parts
    parts = [p.strip() for p in _THEN.split(body)]
    return [p for p in parts if p.strip(" .,;")] or [body]


def tokens(text: str) -> list[str]:
    """Lower-case word and punctuation tokens."""
    return _TOKEN.findall(text.lower())


def match_phrase(toks: list[str], i: int, table: Mapping[str, object],
                 longest: int = 4) -> tuple[str, int] | None:
    """The longest phrase of ``table`` starting at token ``i``, with its length in tokens."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        phrase = " ".join(toks[i:i + n])
        if phrase in table:
            return phrase, n
    return None
