"""Requests are served by the parts of the one platform the app was built with."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import numpy as np
import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient

from openreel.app import create_app
from openreel.config import Settings
from openreel.services.feed import FeedReader, Page
from openreel.services.platform import Platform


def test_feed_requests_share_the_platforms_feed_reader(platform_app: PlatformApp,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    platform_app.make_video(platform_app.sign_up("ada"))
    auth = platform_app.sign_up("bob")
    readers: list[FeedReader] = []
    page = FeedReader.page

    def recording(reader: FeedReader, *args: Any, **kwargs: Any) -> Page:
        readers.append(reader)
        return page(reader, *args, **kwargs)

    monkeypatch.setattr(FeedReader, "page", recording)
    for headers in (auth, {}):
        answer = platform_app.client.get("/api/v1/feed", headers=headers)
        assert answer.status_code == 200 and len(answer.json()["items"]) == 1
    assert readers == [platform_app.platform.feed] * 2
    assert readers[0] is readers[1]
    assert platform_app.platform.feed.index.loads == 1, "one candidate table for both"


def test_steering_uses_the_platforms_embedder(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    platform = platform_app.platform
    real = platform.embed
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return real(texts)

    platform.embed = embed
    for sentence in ("more animals", "less sports"):
        answer = platform_app.client.post("/api/v1/feed/steer", headers=auth,
                                          json={"sentence": sentence})
        assert answer.status_code == 200, answer.text
    asked = [text for batch in calls for text in batch]
    assert "animals" in asked and "sports" in asked


def test_the_app_builds_one_platform_and_closes_it(settings: Settings) -> None:
    app = create_app(settings)
    platform = app.state.platform
    with TestClient(app) as client:
        assert client.get("/api/v1/feed").status_code == 200
        assert app.state.platform is platform
        assert platform.feed.index.background
    assert not platform.feed.index.background  # closed with the app
    with pytest.raises(RuntimeError):
        platform.token_uses.record(1)


def test_a_publish_reaches_the_platforms_feed_at_once(platform_app: PlatformApp) -> None:
    ada = platform_app.sign_up("ada")
    first = platform_app.make_video(ada, prompt="a red ball bounces")
    viewer = platform_app.sign_up("bob")

    def shown() -> list[int]:
        answer = platform_app.client.get("/api/v1/feed", headers=viewer)
        return [item["video"]["id"] for item in answer.json()["items"]]

    assert shown() == [first["id"]]
    index = platform_app.platform.feed.index
    loads = index.loads
    second = platform_app.make_video(ada, prompt="a blue cube slides")
    assert sorted(shown()) == sorted([first["id"], second["id"]])  # well within max_age
    assert index.loads == loads + 1
    assert platform_app.client.delete(f"/api/v1/videos/{second['id']}",
                                      headers=ada).status_code == 204
    assert shown() == [first["id"]]
    assert index.loads == loads + 2


@pytest.mark.parametrize("warm_up", [True, False])
def test_a_served_app_warms_up_the_sentence_model_as_it_starts(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, warm_up: bool) -> None:
    warmed = threading.Event()
    monkeypatch.setattr(Platform, "warm_up", lambda self: warmed.set())
    app = create_app(settings.model_copy(update={"warm_up": warm_up}))
    with TestClient(app):
        assert warmed.wait(10 if warm_up else 0.5) is warm_up


def test_warming_up_loads_the_sentence_model(settings: Settings) -> None:
    # in a process of its own: this one may hold the model and every vector already
    probe = (
        "import sys\n"
        "from openreel.config import Settings\n"
        "from openreel.director.nearest import load_model\n"
        "from openreel.services.platform import Platform\n"
        "platform = Platform.from_settings(Settings(data_dir=sys.argv[1], workers=0))\n"
        "assert load_model.cache_info().currsize == 0, 'loaded before warming up'\n"
        "platform.warm_up()\n"
        "platform.close()\n"
        "print(load_model.cache_info().currsize)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(settings.data_dir)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "1"
