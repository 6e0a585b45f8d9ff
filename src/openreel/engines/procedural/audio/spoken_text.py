"""Written numbers as a US speaker reads them aloud: money, clock times, percentages, cardinals."""

from __future__ import annotations

import re

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """``n`` (0 ≤ n < 10⁹) in words, as a US speaker reads it: 120 → one hundred twenty."""
    # Hand-written: plain cardinals take a dozen lines, not a number-spelling library.
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    for size, name in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            rest = n % size
            head = f"{number_words(n // size)} {name}"
            return head if rest == 0 else f"{head} {number_words(rest)}"
    raise ValueError(n)


def spell_numbers(text: str) -> str:
    """``text`` with amounts of money, clock times, percentages and numbers in words."""

    def money(m: re.Match[str]) -> str:
        dollars, cents = int(m.group(1)), int(m.group(2) or 0)
        out = f"{number_words(dollars)} dollar{'s' * (dollars != 1)}"
        return out + (f" and {number_words(cents)} cent{'s' * (cents != 1)}" if cents else "")

    def clock(m: re.Match[str]) -> str:
        hours, minutes = int(m.group(1)), int(m.group(2))
        if minutes == 0:
            return f"{number_words(hours)} o'clock"
        tail = f"oh {number_words(minutes)}" if minutes < 10 else number_words(minutes)
        return f"{number_words(hours)} {tail}"

    text = re.sub(r"\$(\d+)(?:\.(\d\d))?", money, text)
    text = re.sub(r"\b(\d{1,2}):(\d\d)\b", clock, text)
    text = re.sub(r"(\d+)%", lambda m: f"{m.group(1)} percent", text)
    text = re.sub(r"(\d+)\.(\d+)", lambda m: f"{m.group(1)} point {' '.join(m.group(2))}", text)
    return re.sub(r"\d(?:,?\d)*", lambda m: f" {_cardinal(m.group(0))} ", text)


def _cardinal(digits: str) -> str:
    n = int(digits.replace(",", ""))
    return number_words(n) if n < 1_000_000_000 else " ".join(_ONES[int(d)] for d in str(n))
