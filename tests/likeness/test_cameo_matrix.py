"""Who may do what with a cameo, through the API: every permission × every relation to its
owner × every action, each with the answer expected.

Relations: the owner; someone they approve; a mutual follower; a follower they do not
follow back; a stranger; a 15-year-old mutual (a minor gets no more reach than an adult);
and, for a 15-year-old owner, an adult they approve but do not follow. Actions: use the
cameo in a prompt, in a remix of a published video showing it, see a draft someone else
made with it, list the videos showing it, delete such a draft."""

from __future__ import annotations

from pathlib import Path

from cameo_api import API, made_video, make_cameo, sign_up
from fastapi.testclient import TestClient

from openreel.db.timestamps import utcnow

RELATIONS = ("owner", "approved", "mutual", "follower", "stranger", "minor")
# who may put the cameo in a prompt or a remix, by permission
MAY_USE = {"only_me": {"owner"}, "approved": {"owner", "approved"},
           "mutuals": {"owner", "approved", "mutual", "minor"},
           "everyone": set(RELATIONS)}


def _people(client: TestClient, owner: str, *, teen_owner: bool = False
            ) -> dict[str, dict[str, str]]:
    year = utcnow().year
    people = {"owner": sign_up(client, owner, **({"birth_year": year - 15} if teen_owner
                                                 else {}))}
    for relation in RELATIONS[1:]:
        extra = {"birth_year": year - 15} if relation == "minor" else {}
        people[relation] = sign_up(client, f"{owner}_{relation}", **extra)

    def follow(who: str, whom: str) -> None:
        assert client.post(f"{API}/users/{whom}/follow",
                           headers=people[who]).status_code == 200
    for relation in ("mutual", "minor", "approved"):
        follow(relation, owner)
        follow("owner", f"{owner}_{relation}")
    follow("follower", owner)
    return people


def _approve(client: TestClient, owner: dict[str, str], handle: str) -> None:
    assert client.put(f"{API}/cameos/me/approved/{handle}", headers=owner).status_code == 200


def test_the_authorisation_matrix(client: TestClient, tmp_path: Path) -> None:
    owner = "maya"
    people = _people(client, owner)
    make_cameo(client, people["owner"], tmp_path, "everyone")
    _approve(client, people["owner"], f"{owner}_approved")
    # a published video of hers, and a draft an approved friend made with her cameo
    published = made_video(client, people["owner"], f"@{owner} waves on a beach")
    assert client.post(f"{API}/videos/{published}/publish", headers=people["owner"],
                       json={"caption": "hi"}).status_code == 200
    draft = made_video(client, people["approved"], f"@{owner} reads a book in a garden")

    for permission in MAY_USE:
        assert client.patch(f"{API}/cameos/me", headers=people["owner"],
                            json={"permission": permission}).status_code == 200
        seen: dict[tuple[str, str], object] = {}
        expected: dict[tuple[str, str], object] = {}
        for relation, auth in people.items():
            seen[relation, "prompt"] = client.post(f"{API}/generations", headers=auth, data={
                "prompt": f"@{owner} dances in the rain", "seconds": "2"}).status_code
            seen[relation, "remix"] = client.post(
                f"{API}/videos/{published}/remix", headers=auth,
                json={"prompt": "make it night"}).status_code
            seen[relation, "see the draft"] = client.get(f"{API}/videos/{draft}",
                                                         headers=auth).status_code
            listed = client.get(f"{API}/cameos/me/videos", headers=auth)
            seen[relation, "list"] = (listed.status_code, [v["id"] for v in listed.json()])
            allowed = relation in MAY_USE[permission]
            expected[relation, "prompt"] = 202 if allowed else 403
            expected[relation, "remix"] = 202 if allowed else 403
            expected[relation, "see the draft"] = 200 if relation in ("owner", "approved") \
                else 404
            # (everyone lists the videos showing their own cameo: others' show them nothing)
            expected[relation, "list"] = (200, [draft, published] if relation == "owner"
                                          else [])
        assert seen == expected, permission

    # deleting a draft that shows her: hers to do, nobody else's (the owner's goes last)
    deleted = {relation: client.delete(f"{API}/cameos/me/videos/{draft}",
                                       headers=auth).status_code
               for relation, auth in people.items() if relation != "owner"}
    deleted["owner"] = client.delete(f"{API}/cameos/me/videos/{draft}",
                                     headers=people["owner"]).status_code
    assert deleted == {relation: 204 if relation == "owner" else 404 for relation in people}


def test_a_minor_s_cameo_reaches_only_people_they_approve_and_follow(
        client: TestClient, tmp_path: Path) -> None:
    owner = "kid"
    people = _people(client, owner, teen_owner=True)
    people["approved adult not followed"] = sign_up(client, "kid_adult_approved")
    make_cameo(client, people["owner"], tmp_path)
    for handle in ("kid_approved", "kid_adult_approved"):
        _approve(client, people["owner"], handle)
    for permission in MAY_USE:
        assert client.patch(f"{API}/cameos/me", headers=people["owner"],
                            json={"permission": permission}).status_code == 200
        seen = {relation: client.post(f"{API}/generations", headers=auth, data={
            "prompt": f"@{owner} plays chess", "seconds": "2"}).status_code
            for relation, auth in people.items()}
        # at most the people they approve, and an adult only if they follow them back
        reach = {"only_me": {"owner"}}.get(permission, {"owner", "approved"})
        assert seen == {relation: 202 if relation in reach else 403 for relation in people}, \
            permission
