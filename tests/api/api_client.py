"""A test's handle on the running app: its client, its platform, and account helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from openreel.jobs import JobRun, drain
from openreel.services.platform import Platform
from openreel.services.rendering import render_handler
from openreel.services.videos import RENDER_JOB

SMALL = {"seconds": "2", "size": "720x1280"}


@dataclass
class PlatformApp:
    """The app under test and its client."""

    app: FastAPI
    client: TestClient

    @property
    def platform(self) -> Platform:
        """The platform the app was built with."""
        platform: Platform = self.app.state.platform
        return platform

    def run_jobs(self) -> list[JobRun]:
        """Run every queued job to its end, here."""
        return drain(self.platform.sessions, {RENDER_JOB: render_handler(self.platform)},
                     retry_seconds=0)

    def sign_up(self, handle: str, **extra: Any) -> dict[str, str]:
        """Create an account and return Authorization headers with a fresh API token."""
        body = {"handle": handle, "email": f"{handle}@example.org",
                "password": "correct horse battery", **extra}
        response = self.client.post("/api/v1/auth/signup", json=body)
        assert response.status_code == 201, response.text
        token = self.client.post("/api/v1/auth/token", json={
            "login": handle, "password": "correct horse battery"})
        assert token.status_code == 201, token.text
        return {"Authorization": f"Bearer {token.json()['secret']}"}

    def make_video(self, auth: dict[str, str], prompt: str = "a red ball bounces",
                   publish: bool = True, **fields: str) -> dict[str, Any]:
        """Generate a short video through the API, run its job, optionally publish it."""
        response = self.client.post("/api/v1/generations", headers=auth,
                                    data={"prompt": prompt, **SMALL, **fields})
        assert response.status_code == 202, response.text
        job_id = response.json()["id"]
        self.run_jobs()
        job = self.client.get(f"/api/v1/jobs/{job_id}", headers=auth).json()
        assert job["status"] == "succeeded", job
        video_id = job["video_id"]
        if publish:
            published = self.client.post(f"/api/v1/videos/{video_id}/publish", headers=auth,
                                          json={"caption": prompt})
            assert published.status_code == 200, published.text
        video: dict[str, Any] = self.client.get(f"/api/v1/videos/{video_id}",
                                                headers=auth).json()
        return video
