"""Recording a cameo through the API: the challenge, the recording, refusals with their
reasons, a challenge spent once, and erasing every byte of it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from bench.capture_clips import live
from cameo_api import API, answer, generate, make_cameo, run_jobs, sign_up
from fastapi.testclient import TestClient

from openreel.db.models import CameoChallenge
from openreel.db.timestamps import utcnow


def _challenge(client: TestClient, auth: dict[str, str]) -> dict[str, object]:
    response = client.post(f"{API}/cameos/challenge", headers=auth)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _send(client: TestClient, auth: dict[str, str], challenge_id: object, clip: Path,
          **fields: str):  # type: ignore[no-untyped-def]
    with clip.open("rb") as stream:
        return client.post(f"{API}/cameos", headers=auth,
                           data={"challenge_id": str(challenge_id), **fields},
                           files={"file": ("me.mp4", stream, "video/mp4")})


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_recording_answering_its_challenge_becomes_the_cameo_and_erasing_it_leaves_nothing(
        client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    asked = _challenge(client, maya)
    assert len(asked["digits"]) == 3 and asked["turn"] in ("left", "right")  # type: ignore[arg-type]
    assert str(asked["instructions"]).startswith("Look at the camera and say ")
    made = _send(client, maya, asked["id"], answer(tmp_path, asked), permission="mutuals")
    assert made.status_code == 201, made.text
    cameo = made.json()
    assert cameo["handle"] == "maya" and cameo["permission"] == "mutuals"
    assert cameo["faces"] == 8 and 150 < cameo["voice"]["f0_median"] < 300
    face = client.get(f"{API}/cameos/me/faces/0", headers=maya)
    assert face.status_code == 200 and face.content[:8] == b"\x89PNG\r\n\x1a\n"
    other = sign_up(client, "omar")
    assert client.get(f"{API}/cameos/maya", headers=other).json()["permission"] == "mutuals"
    assert client.get(f"{API}/cameos/omar", headers=maya).status_code == 404
    narrowed = client.patch(f"{API}/cameos/me", headers=maya, json={"permission": "only_me"})
    assert narrowed.json()["permission"] == "only_me"

    # what is stored of it: the face images and, in the database, the face and the voice
    data_dir = tmp_path / "data"
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.reading() as session:
        from openreel.db.models import Cameo

        row = session.query(Cameo).one()
        secrets_ = [row.face, row.voice]
    chips = [p.read_bytes() for p in _files(data_dir) if p.suffix == ".png"]
    assert len(chips) == 8
    assert any(s in p.read_bytes() for p in _files(data_dir) for s in secrets_)

    assert client.delete(f"{API}/cameos/me", headers=maya).status_code == 204
    assert client.get(f"{API}/cameos/me", headers=maya).status_code == 404
    assert client.get(f"{API}/cameos/me/faces/0", headers=maya).status_code == 404
    left = [p.read_bytes() for p in _files(data_dir)]
    for secret in [*secrets_, *(c[100:164] for c in chips)]:
        assert not any(secret in data for data in left)
    # the erasure is in the audit log, which names it and keeps none of it
    assert _audit(client) == [("cameo_erased", "maya", f"cameo {row.id}",
                               {"face_images": 8, "videos_it_was_in": 0})]


def _audit(client: TestClient) -> list[tuple[str, str, str, dict[str, object]]]:
    from openreel.db.models import AuditEvent

    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.reading() as session:
        return [(e.action, e.actor_handle, e.subject, e.detail)
                for e in session.query(AuditEvent).order_by(AuditEvent.id)]


def test_a_recording_that_fails_is_refused_with_its_reasons_and_spends_the_challenge(
        client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    asked = _challenge(client, maya)
    digits = [int(d) for d in asked["digits"]]  # type: ignore[attr-defined]
    wrong = [(d + 1) % 10 for d in digits]
    turn = 25 if asked["turn"] == "left" else -25
    refused = _send(client, maya, asked["id"], live(tmp_path / "old.mp4", wrong, turn))
    assert refused.status_code == 422
    message = refused.json()["detail"][0]["msg"]
    assert message.startswith("the recording did not pass the liveness check: the digits "
                              f"heard ({' '.join(map(str, wrong))}) are not the ones asked")
    # the same challenge cannot be tried again, even with the right recording
    again = _send(client, maya, asked["id"], answer(tmp_path, asked))
    assert again.status_code == 422
    assert "already answered" in again.json()["detail"][0]["msg"]
    assert client.get(f"{API}/cameos/me", headers=maya).status_code == 404


def test_a_challenge_is_the_asker_s_own_and_expires(client: TestClient, tmp_path: Path) -> None:
    maya, omar = sign_up(client, "maya"), sign_up(client, "omar")
    asked = _challenge(client, maya)
    clip = answer(tmp_path, asked)
    assert _send(client, omar, asked["id"], clip).status_code == 404
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.sessions() as session:
        row = session.get(CameoChallenge, asked["id"])
        row.expires_at = utcnow() - timedelta(seconds=1)
        session.commit()
    late = _send(client, maya, asked["id"], clip)
    assert late.status_code == 422 and "expired" in late.json()["detail"][0]["msg"]


def test_what_is_not_a_recording_is_refused_clearly(client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    refused = _send(client, maya, _challenge(client, maya)["id"], text)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["msg"] == (
        "the file is not a video openreel can read; upload an MP4, MOV or WebM video")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert _send(client, maya, _challenge(client, maya)["id"], empty).status_code == 422
    assert client.post(f"{API}/cameos/challenge").status_code == 401
    bad = client.post(f"{API}/cameos", headers=maya, data={"challenge_id": "x"},
                      files={"file": ("a.mp4", b"1", "video/mp4")})
    assert bad.status_code == 422
    assert client.get(f"{API}/cameos/me/faces/99", headers=maya).status_code == 422


def test_asking_again_gives_the_open_challenge_until_it_is_spent(client: TestClient,
                                                                  tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    first = _challenge(client, maya)
    assert _challenge(client, maya) == first  # a page reloaded shows the same digits
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.sessions() as session:
        row = session.get(CameoChallenge, first["id"])
        row.expires_at = utcnow() + timedelta(seconds=30)  # under a minute left
        session.commit()
    assert _challenge(client, maya)["id"] != first["id"]


def test_who_may_use_a_cameo_through_the_api(client: TestClient, tmp_path: Path) -> None:
    """Every permission × every relation, as the API tells each person (you_may_use)."""
    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path)
    people = {name: sign_up(client, name) for name in ("ann", "moe", "fay", "sam")}
    assert client.put(f"{API}/cameos/me/approved/ann", headers=maya).json() == ["ann"]
    for follower, followee in (("moe", "maya"), ("maya", "moe"), ("fay", "maya")):
        assert client.post(f"{API}/users/{followee}/follow",
                           headers=people.get(follower, maya)).status_code == 200
    relations = {"maya": maya, "ann": people["ann"], "moe": people["moe"],
                 "fay": people["fay"], "sam": people["sam"]}  # owner, approved, mutual,
    allowed = {"only_me": {"maya"}, "approved": {"maya", "ann"},  # follower, stranger
               "mutuals": {"maya", "ann", "moe"}, "everyone": set(relations)}
    for permission, who in allowed.items():
        assert client.patch(f"{API}/cameos/me", headers=maya,
                            json={"permission": permission}).status_code == 200
        for name, auth in relations.items():
            seen = client.get(f"{API}/cameos/maya", headers=auth).json()
            assert seen["you_may_use"] is (name in who), (permission, name, seen)
            assert (seen["why_not"] is None) is (name in who)
    # taking someone off the list takes their use away
    client.patch(f"{API}/cameos/me", headers=maya, json={"permission": "approved"})
    assert client.delete(f"{API}/cameos/me/approved/ann", headers=maya).status_code == 204
    refused = client.get(f"{API}/cameos/maya", headers=people["ann"]).json()
    assert refused["you_may_use"] is False
    assert refused["why_not"] == "@maya's cameo can be used by people @maya approves"
    assert client.get(f"{API}/cameos/me/approved", headers=maya).json() == []
    assert client.put(f"{API}/cameos/me/approved/maya", headers=maya).status_code == 422
    assert client.put(f"{API}/cameos/me/approved/nobody", headers=maya).status_code == 404


def test_a_teenager_s_cameo_reaches_no_further_than_people_they_approve_and_follow(
        client: TestClient, tmp_path: Path) -> None:
    year = utcnow().year
    kid = sign_up(client, "kid", birth_year=year - 15)
    make_cameo(client, kid, tmp_path)
    adult, friend = sign_up(client, "adult"), sign_up(client, "friend", birth_year=year - 14)
    client.patch(f"{API}/cameos/me", headers=kid, json={"permission": "everyone"})
    for name in ("adult", "friend"):
        client.put(f"{API}/cameos/me/approved/{name}", headers=kid)
    assert client.get(f"{API}/cameos/kid", headers=friend).json()["you_may_use"] is True
    refused = client.get(f"{API}/cameos/kid", headers=adult).json()
    assert refused["you_may_use"] is False
    assert refused["why_not"] == "@kid's cameo is only for people @kid approves and follows"
    client.post(f"{API}/users/adult/follow", headers=kid)
    assert client.get(f"{API}/cameos/kid", headers=adult).json()["you_may_use"] is True
    stranger = sign_up(client, "stranger")
    assert client.get(f"{API}/cameos/kid", headers=stranger).json()["you_may_use"] is False


def _permit(client: TestClient, auth: dict[str, str], permission: str) -> None:
    assert client.patch(f"{API}/cameos/me", headers=auth,
                        json={"permission": permission}).status_code == 200


def test_a_cameo_in_a_prompt_is_checked_when_asked_when_made_and_when_published(
        client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path)
    omar, sam = sign_up(client, "omar"), sign_up(client, "sam")

    refused = generate(client, omar, "@maya dances in the rain")
    assert refused.status_code == 403
    assert refused.json()["detail"] == "@maya's cameo can be used by only @maya"
    nobody = generate(client, omar, "@nobodyhere waves at the camera")
    assert nobody.status_code == 422
    assert nobody.json()["detail"][0]["msg"] == "nobody is called @nobodyhere"
    assert generate(client, maya, "@omar waves").json()["detail"][0]["msg"] == \
        "@omar has no cameo"
    # a batch's rows are single videos: a row naming a cameo it may not use is skipped
    batch = client.post(f"{API}/batches", headers=omar, json={
        "template": "{who} waves from a boat", "seconds": 2,
        "rows": [{"who": "@maya"}, {"who": "a sailor"}]}).json()
    rows = {row["row"]: row for row in batch["rows"]}
    assert rows[1]["status"] == "skipped"
    assert rows[1]["error"] == "@maya's cameo can be used by only @maya"
    assert rows[2]["job_id"] is not None
    # an e-mail address is not a mention
    assert generate(client, omar, "a letter to omar@example.org").status_code == 202
    run_jobs(client)

    _permit(client, maya, "everyone")
    first = generate(client, omar, "@maya dances in the rain")
    assert first.status_code == 202, first.text
    run_jobs(client)
    job = client.get(f"{API}/jobs/{first.json()['id']}", headers=omar).json()
    assert job["status"] == "succeeded", job
    video_id = job["video_id"]
    # maya sees omar's draft with her in it; nobody else does
    assert [v["id"] for v in client.get(f"{API}/cameos/me/videos", headers=maya).json()] == \
        [video_id]
    assert client.get(f"{API}/videos/{video_id}", headers=maya).status_code == 200
    assert client.get(f"{API}/videos/{video_id}", headers=sam).status_code == 404
    told = [n for n in client.get(f"{API}/notifications", headers=maya).json()
            if n["kind"] == "cameo_used"]
    assert [(n["text"], n["video_id"]) for n in told] == [
        ("@omar made a video with your cameo", video_id)]

    # narrowed while a job waits: the job stops as it starts
    queued = generate(client, omar, "@maya reads a book by the window")
    assert queued.status_code == 202
    _permit(client, maya, "only_me")
    run_jobs(client)
    stopped = client.get(f"{API}/jobs/{queued.json()['id']}", headers=omar).json()
    assert stopped["status"] == "failed"
    assert stopped["error"].startswith("cameo permission revoked")
    # and the draft made while it was allowed cannot be published now
    published = client.post(f"{API}/videos/{video_id}/publish", headers=omar,
                            json={"caption": "look"})
    assert published.status_code == 403
    assert published.json()["detail"].startswith("cameo permission revoked")

    # published while allowed, a remix by someone the cameo does not reach is refused
    _permit(client, maya, "everyone")
    assert client.post(f"{API}/videos/{video_id}/publish", headers=omar,
                       json={"caption": "look"}).status_code == 200
    _permit(client, maya, "mutuals")
    remix = client.post(f"{API}/videos/{video_id}/remix", headers=sam,
                        json={"prompt": "make it night"})
    assert remix.status_code == 403, remix.text
    assert remix.json()["detail"] == ("@maya's cameo can be used by @maya's mutuals and the "
                                      "people they approve")

    # maya removes the video she is in, though it is omar's
    assert client.delete(f"{API}/cameos/me/videos/{video_id}", headers=maya).status_code == 204
    assert client.get(f"{API}/videos/{video_id}", headers=omar).status_code == 404
    assert client.get(f"{API}/cameos/me/videos", headers=maya).json() == []
    assert client.delete(f"{API}/cameos/me/videos/{video_id}",
                         headers=maya).status_code == 404
    assert _audit(client) == [("cameo_video_removed", "maya", f"video {video_id}",
                               {"maker": "omar", "status": "published"})]


def test_liveness_checks_are_bounded_and_a_recording_past_the_bound_waits_or_is_told_to(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openreel.services import cameos

    maya = sign_up(client, "maya")
    asked = _challenge(client, maya)
    monkeypatch.setattr(cameos, "CHECK_WAIT_SECONDS", 0.2)
    held = [cameos._CHECK_TURNS.acquire(timeout=1) for _ in range(cameos.CHECKS_AT_ONCE)]
    try:
        assert all(held)
        busy = _send(client, maya, asked["id"], answer(tmp_path, asked))
    finally:
        for _ in held:
            cameos._CHECK_TURNS.release()
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == "5"
    assert "busy checking other recordings" in busy.json()["detail"]
    again = _challenge(client, maya)
    made = _send(client, maya, again["id"], answer(tmp_path, again, "again.mp4"))
    assert made.status_code == 201, made.text
