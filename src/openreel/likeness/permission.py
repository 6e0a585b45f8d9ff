"""Who may put a cameo in their videos: the owner's choice, narrowed for teenagers.

The choices widen in steps (only me ⊂ people I approve ⊂ mutuals ⊂ everyone): whoever may
use a cameo at one step may at every wider one. A cameo whose owner is under 18 is used by
no one wider than the people they approve, and never by an adult they do not follow.
This module decides from facts about the two people; the service gathers the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Reach(IntEnum):
    """How wide a cameo's permission reaches (wider is larger)."""

    ONLY_ME = 0
    APPROVED = 1
    MUTUALS = 2
    EVERYONE = 3


@dataclass(frozen=True)
class Relation:
    """What is true between a cameo's owner and someone who wants to use it."""

    is_owner: bool = False
    approved: bool = False  # on the owner's list of people they approve
    owner_follows: bool = False  # the owner follows them
    follows_owner: bool = False  # they follow the owner
    owner_is_minor: bool = False
    user_is_minor: bool = False


@dataclass(frozen=True)
class Decision:
    """Allowed, or the reason not, in words for the person who asked."""

    allowed: bool
    reason: str = ""


def effective_reach(chosen: Reach, owner_is_minor: bool) -> Reach:
    """The reach that applies: a teenager's cameo reaches the people they approve at most."""
    return min(chosen, Reach.APPROVED) if owner_is_minor else chosen


def may_use(chosen: Reach, relation: Relation, handle: str) -> Decision:
    """Whether the person in ``relation`` to @``handle`` may use @``handle``'s cameo."""
    if relation.is_owner:
        return Decision(True)
    reach = effective_reach(chosen, relation.owner_is_minor)
    if relation.owner_is_minor and not relation.user_is_minor and not relation.owner_follows:
        return Decision(False, f"@{handle}'s cameo is only for people @{handle} approves "
                               "and follows")
    if reach >= Reach.EVERYONE:
        return Decision(True)
    if reach >= Reach.MUTUALS and relation.owner_follows and relation.follows_owner:
        return Decision(True)
    if reach >= Reach.APPROVED and relation.approved:
        return Decision(True)
    who = {Reach.ONLY_ME: f"only @{handle}", Reach.APPROVED: f"people @{handle} approves",
           Reach.MUTUALS: f"@{handle}'s mutuals and the people they approve"}[reach]
    return Decision(False, f"@{handle}'s cameo can be used by {who}")
