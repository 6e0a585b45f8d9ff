"""Who may use a cameo: every reach the owner can choose × every relation, teenagers too."""

from __future__ import annotations

import pytest

from openreel.likeness.permission import Reach, Relation, may_use

OWNER = Relation(is_owner=True)
APPROVED = Relation(approved=True)
MUTUAL = Relation(owner_follows=True, follows_owner=True)
FOLLOWER = Relation(follows_owner=True)
FOLLOWED = Relation(owner_follows=True)
STRANGER = Relation()
RELATIONS = {"owner": OWNER, "approved": APPROVED, "mutual": MUTUAL, "follower": FOLLOWER,
             "followed by the owner": FOLLOWED, "stranger": STRANGER}
# who may use it, by reach: the wider reaches take in everyone the narrower ones do
ALLOWED = {
    Reach.ONLY_ME: {"owner"},
    Reach.APPROVED: {"owner", "approved"},
    Reach.MUTUALS: {"owner", "approved", "mutual"},
    Reach.EVERYONE: set(RELATIONS),
}


@pytest.mark.parametrize("reach", list(Reach))
@pytest.mark.parametrize("name", list(RELATIONS))
def test_an_adult_s_cameo(reach: Reach, name: str) -> None:
    decision = may_use(reach, RELATIONS[name], "maya")
    assert decision.allowed == (name in ALLOWED[reach])
    assert decision.allowed or decision.reason.startswith("@maya's cameo is only") or \
        decision.reason.startswith("@maya's cameo can be used by")


@pytest.mark.parametrize("reach", list(Reach))
def test_a_teenager_s_cameo_reaches_only_people_they_approve_and_adults_they_follow(
        reach: Reach) -> None:
    def teen(**facts: bool) -> Relation:
        return Relation(owner_is_minor=True, **facts)

    widest = reach >= Reach.APPROVED
    assert may_use(reach, teen(is_owner=True), "kid").allowed
    # an approved adult: only one the teenager follows
    assert may_use(reach, teen(approved=True), "kid").allowed is False
    assert may_use(reach, teen(approved=True, owner_follows=True), "kid").allowed is widest
    # an approved teenager
    assert may_use(reach, teen(approved=True, user_is_minor=True), "kid").allowed is widest
    # nobody wider, whatever the teenager chose
    for wider in (teen(owner_follows=True, follows_owner=True), teen(follows_owner=True),
                  teen(), teen(user_is_minor=True, owner_follows=True, follows_owner=True)):
        assert not may_use(reach, wider, "kid").allowed
    refused = may_use(reach, teen(follows_owner=True), "kid")
    assert refused.reason == "@kid's cameo is only for people @kid approves and follows"
