"""A cameo owner's rules in their own words: what they never want their cameo in is
refused, with their words; how they always want it to look is how it looks."""

from __future__ import annotations

from pathlib import Path

from cameo_api import API, generate, make_cameo, run_jobs, sign_up
from fastapi.testclient import TestClient

from openreel.director import direct

NEVER = "never show me drinking or smoking"
ALWAYS = "always in a blue dress"


def test_an_owner_s_restrictions_refuse_prompts_in_their_own_words(
        client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path, "everyone")
    set_ = client.put(f"{API}/cameos/me/rules", headers=maya, json={"rules": [NEVER, ALWAYS]})
    assert set_.status_code == 200, set_.text
    assert set_.json()["rules"] == [NEVER, ALWAYS]
    omar = sign_up(client, "omar")
    assert client.get(f"{API}/cameos/maya", headers=omar).json()["rules"] == [NEVER, ALWAYS]

    refusal = f"@maya's cameo may not be used for this: “{NEVER}”"
    for prompt in ("@maya drinks a beer at a bar",  # the words
                   "@maya lights a cigarette on a balcony",  # the meaning
                   "@maya takes a shot of tequila"):  # what tequila is (an alcohol, a drink)
        refused = generate(client, omar, prompt)
        assert refused.status_code == 403, (prompt, refused.text)
        assert refused.json()["detail"] == refusal
    # what she did not rule out goes ahead, and her own videos are hers to make
    allowed = generate(client, omar, "@maya walks a dog in the park")
    assert allowed.status_code == 202, allowed.text
    assert generate(client, maya, "@maya drinks a beer at a bar").status_code == 202
    run_jobs(client)
    video_id = client.get(f"{API}/jobs/{allowed.json()['id']}", headers=omar).json()["video_id"]
    # a remix asking for it is refused too
    remix = client.post(f"{API}/videos/{video_id}/remix", headers=omar,
                        json={"prompt": "make her drink a glass of wine"})
    assert remix.status_code == 403, remix.text
    assert remix.json()["detail"] == refusal

    # a rule set while a job waits stops it as it starts
    queued = generate(client, omar, "@maya dances at a party")
    assert queued.status_code == 202
    assert client.put(f"{API}/cameos/me/rules", headers=maya,
                      json={"rules": ["no dancing"]}).status_code == 200
    run_jobs(client)
    stopped = client.get(f"{API}/jobs/{queued.json()['id']}", headers=omar).json()
    assert stopped["status"] == "failed"
    assert stopped["error"] == ("cameo permission revoked: @maya's cameo may not be used for "
                                "this: “no dancing”")


def test_rules_that_say_nothing_are_refused(client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path, "everyone")
    empty = client.put(f"{API}/cameos/me/rules", headers=maya, json={"rules": ["never"]})
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["msg"] == "“never” does not say what it is about"
    many = client.put(f"{API}/cameos/me/rules", headers=maya,
                      json={"rules": [f"no topic {n}" for n in range(11)]})
    assert many.status_code == 422
    assert client.get(f"{API}/cameos/me", headers=maya).json()["rules"] == []


def test_a_preference_is_how_the_cameo_looks_unless_the_prompt_says_otherwise(
        client: TestClient, tmp_path: Path) -> None:
    from openreel.db.models import Cameo
    from openreel.services.cameos import as_preferred

    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path, "everyone")
    client.put(f"{API}/cameos/me/rules", headers=maya, json={"rules": [NEVER, ALWAYS]})
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.reading() as session:
        cameo = session.query(Cameo).one()
        plain = as_preferred(session, direct("@maya waves at a dog"), [cameo.id])
        said = as_preferred(session, direct("@maya in a red suit waves at a dog"), [cameo.id])
    [her] = [e for e in plain.shots[0].entities if e.cameo == "maya"]
    assert her.persona is not None and her.persona.outfit == "dress" and her.colour == "blue"
    [her] = [e for e in said.shots[0].entities if e.cameo == "maya"]
    assert her.persona is not None and her.persona.outfit == "suit" and her.colour == "red"
