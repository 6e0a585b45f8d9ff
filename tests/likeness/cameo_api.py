"""What the cameo API tests share: people signing up, cameos recorded from the fixture
capture, and the render jobs run on demand (the platform is conftest's ``client``)."""

from __future__ import annotations

from pathlib import Path

from bench.capture_clips import live
from fastapi.testclient import TestClient
from httpx import Response

API = "/api/v1"


def sign_up(client: TestClient, handle: str, **extra: object) -> dict[str, str]:
    """A new account's bearer header."""
    password = "correct horse battery"
    assert client.post(f"{API}/auth/signup", json={
        "handle": handle, "email": f"{handle}@example.org", "password": password, **extra,
    }).status_code == 201
    token = client.post(f"{API}/auth/token", json={"login": handle, "password": password})
    return {"Authorization": f"Bearer {token.json()['secret']}"}


def answer(tmp_path: Path, challenge: dict[str, object], name: str = "me.mp4") -> Path:
    """A live capture answering ``challenge``."""
    digits = [int(d) for d in challenge["digits"]]  # type: ignore[attr-defined]
    return live(tmp_path / name, digits, 25 if challenge["turn"] == "left" else -25)


def make_cameo(client: TestClient, auth: dict[str, str], tmp_path: Path,
               permission: str = "only_me") -> Path:
    """Record the caller's cameo from a capture answering their challenge; the capture."""
    asked = client.post(f"{API}/cameos/challenge", headers=auth).json()
    capture = answer(tmp_path, asked)
    with capture.open("rb") as stream:
        made = client.post(f"{API}/cameos", headers=auth, files={"file": ("me.mp4", stream)},
                           data={"challenge_id": str(asked["id"]), "permission": permission})
    assert made.status_code == 201, made.text
    return capture


def generate(client: TestClient, auth: dict[str, str], prompt: str, seconds: int = 2,
             seed: int = 1) -> Response:
    """Ask for a video of ``prompt`` (720x1280, the default size)."""
    return client.post(f"{API}/generations", headers=auth,
                       data={"prompt": prompt, "seconds": str(seconds), "seed": str(seed)})


def made_video(client: TestClient, auth: dict[str, str], prompt: str, seconds: int = 2,
               seed: int = 1) -> int:
    """The id of the video of ``prompt``, asked for and made."""
    asked = generate(client, auth, prompt, seconds, seed)
    assert asked.status_code == 202, asked.text
    run_jobs(client)
    job = client.get(f"{API}/jobs/{asked.json()['id']}", headers=auth).json()
    assert job["status"] == "succeeded", job
    return int(job["video_id"])


def run_jobs(client: TestClient) -> None:
    """Run every queued render job to its end."""
    from openreel.jobs import drain
    from openreel.services.rendering import render_handler
    from openreel.services.videos import RENDER_JOB

    platform = client.app.state.platform  # type: ignore[attr-defined]
    drain(platform.sessions, {RENDER_JOB: render_handler(platform)}, retry_seconds=0)
