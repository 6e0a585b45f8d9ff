"""The liveness challenge a person answers while recording their cameo: three random digits
to say aloud and a way to turn the head. It is issued by the server just before recording,
expires after :data:`LIFETIME_SECONDS` and is used once (the service that stores it sees to
both), so a recording made for another challenge, or a photo, cannot answer it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Literal

from openreel.likeness.voice import DIGIT_WORDS

Turn = Literal["left", "right"]
TURNS: tuple[Turn, ...] = ("left", "right")
DIGITS = 3
LIFETIME_SECONDS = 300


@dataclass(frozen=True)
class Challenge:
    """What a recording must show: these digits said, the head turned this way (to the
    person's own left or right)."""

    digits: tuple[int, ...]
    turn: Turn

    def __post_init__(self) -> None:
        if len(self.digits) != DIGITS or any(not 0 <= d <= 9 for d in self.digits):
            raise ValueError(f"a challenge is {DIGITS} digits 0-9, got {self.digits}")
        if self.turn not in TURNS:
            raise ValueError(f"a challenge turns left or right, got {self.turn!r}")

    @property
    def instructions(self) -> str:
        """What the person is asked to do, in plain words."""
        said = ", ".join(str(d) for d in self.digits)
        return (f"Look at the camera and say {said} aloud, then slowly turn your head to "
                f"your {self.turn} and back.")

    @property
    def spoken(self) -> str:
        """The digits as words, as a person says them."""
        return ", ".join(DIGIT_WORDS[d] for d in self.digits)


def new_challenge() -> Challenge:
    """A fresh challenge from the system's secure random source: three different digits
    (a digit said twice running, "eight eight", is easily heard once: seen as "8 2" for
    8 8 2), so 720 challenges, and a turn."""
    chosen = secrets.SystemRandom().sample(range(10), DIGITS)
    return Challenge(tuple(chosen), TURNS[secrets.randbelow(len(TURNS))])
