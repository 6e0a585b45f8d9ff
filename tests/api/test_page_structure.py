"""Every page has one h1, a name for every control, the favicon and the form helpers;
the create page counts the prompt's characters and shows the day's quota."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from api_client import PlatformApp
from fastapi.testclient import TestClient
from page_audit import PageAudit
from web_pages import form_token, sign_in_pages

from openreel.app import create_app
from openreel.config import Settings
from openreel.services.uploads import PICTURES, VERIFIABLE, Accepted

QUOTA = 20


@dataclass
class World:
    """A running app with an account that has a bit of everything, and its pages' ids."""

    app: PlatformApp  # its client is signed in as ada
    nobody: TestClient  # one that is not signed in
    ada: dict[str, str]  # ada's API headers
    ids: dict[str, int]

    def page(self, path: str, signed_in: bool) -> str:
        """The page at ``path`` ("{video}" and the like filled in), as ada or as nobody."""
        client = self.app.client if signed_in else self.nobody
        answer = client.get(path.format(**self.ids))
        assert answer.status_code in (200, 404), (path, answer.status_code)
        assert answer.headers["content-type"].startswith("text/html")
        return answer.text


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """ada: a published video, a draft, a batch, a token, a like from ben; signed in."""
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("pages")) / "data", workers=0,
                        daily_quota=QUOTA, rate_limit_per_minute=100_000,
                        x264_preset="ultrafast")
    asgi = create_app(settings)
    with TestClient(asgi) as client:
        app = PlatformApp(asgi, client)
        ada, ben = app.sign_up("ada"), app.sign_up("ben")
        video = app.make_video(ada, "a red ball bounces")
        draft = app.make_video(ada, "a blue cup on a table", publish=False)
        client.post(f"/api/v1/videos/{video['id']}/like", headers=ben)
        client.post("/api/v1/me/tokens", headers=ada, json={"name": "laptop"})
        job = client.post("/api/v1/generations", headers=ada,
                          data={"prompt": "a green bottle", "seconds": "2"}).json()
        sign_in_pages(app, "ada")
        made = client.post("/batches/new", follow_redirects=False, data={
            "template": "{thing} on a table", "rows": "thing\na red cup\na blue cup",
            "seconds": "2", "csrf_token": form_token(client.get("/batches/new").text)})
        assert made.status_code == 303, made.text
        batch = int(made.headers["location"].rsplit("/", 1)[1])
        ids = {"video": video["id"], "draft": draft["id"], "job": job["id"], "batch": batch}
        yield World(app, TestClient(asgi), ada, ids)


# (path, signed in)
PAGES = [
    ("/", True), ("/following", True), ("/create", True), ("/verify", True),
    ("/batches/new", True), ("/batches/{batch}", True), ("/jobs/{job}", True), ("/drafts", True),
    ("/v/{video}", True), ("/v/{draft}", True), ("/@ada", True), ("/@ben", True),
    ("/settings", True), ("/notifications", True), ("/saved", True), ("/no/such/page", True),
    ("/", False), ("/signin", False), ("/signup", False), ("/verify", False),
    ("/v/{video}", False), ("/@ada", False), ("/no/such/page", False),
]


def _cases() -> list[object]:
    return [pytest.param(path, signed_in, id=f"{path}-{'in' if signed_in else 'out'}")
            for path, signed_in in PAGES]


@pytest.mark.parametrize(("path", "signed_in"), _cases())
def test_every_page_has_exactly_one_h1(world: World, path: str, signed_in: bool) -> None:
    headings = PageAudit(world.page(path, signed_in)).h1s
    assert len(headings) == 1, headings
    assert headings[0].strip(), "the h1 says nothing"


@pytest.mark.parametrize(("path", "signed_in"), _cases())
def test_every_control_has_a_name(world: World, path: str, signed_in: bool) -> None:
    assert PageAudit(world.page(path, signed_in)).unnamed_controls() == []


@pytest.mark.parametrize(("path", "signed_in"), PAGES)
def test_every_page_links_the_favicon_and_the_script(world: World, path: str,
                                                     signed_in: bool) -> None:
    audit = PageAudit(world.page(path, signed_in))
    assert audit.icons == ["/static/favicon.svg"]
    assert audit.scripts == ["/static/app.js"]


def test_the_favicon_is_served_at_both_addresses(world: World) -> None:
    client = world.app.client
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in icon.content and b"#ff5a5f" in icon.content
    old_name = client.get("/favicon.ico", follow_redirects=False)
    assert old_name.status_code == 301
    assert old_name.headers["location"] == "/static/favicon.svg"
    assert client.get("/favicon.ico").content == icon.content
    helpers = client.get("/static/app.js")
    assert helpers.status_code == 200 and b"data-counter" in helpers.content
    assert helpers.headers["content-type"].startswith(("text/javascript",
                                                       "application/javascript"))


def test_a_verify_report_page_keeps_one_h1_and_named_controls(world: World) -> None:
    client = world.app.client
    video = client.get(f"/api/v1/videos/{world.ids['video']}").json()
    clip = client.get(video["download_url"]).content
    report = client.post("/verify", data={"csrf_token": form_token(client.get("/verify").text)},
                         files={"file": ("clip.mp4", clip, "video/mp4")})
    assert report.status_code == 200 and 'id="verdict"' in report.text
    audit = PageAudit(report.text)
    assert len(audit.h1s) == 1 and audit.unnamed_controls() == []


def _quota_line(html: str) -> str:
    found = re.search(r'<p id="quota"[^>]*>(.*?)</p>', html, re.S)
    assert found, "the create page shows no quota"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_the_create_page_shows_the_quota_left_and_the_prompt_counter(world: World) -> None:
    client = world.app.client
    page = world.page("/create", signed_in=True)
    left = client.get("/api/v1/me/quota", headers=world.ada).json()["left"]
    assert 0 < left < QUOTA  # ada has started videos today
    assert _quota_line(page) == f"{left} of {QUOTA} videos left today · resets at midnight UTC"
    counter = re.search(r'<p id="prompt-count"([^>]*)>([^<]*)</p>', page)
    assert counter and 'aria-live="polite"' in counter.group(1)
    assert counter.group(2) == "0 / 2000"
    assert re.search(r'<textarea name="prompt"[^>]*maxlength="2000"[^>]*'
                     r'aria-describedby="prompt-count"', page)

    made = client.post("/create", follow_redirects=False, data={
        "prompt": "a yellow kite", "seconds": "2", "csrf_token": form_token(page)})
    assert made.status_code == 303, made.text
    assert _quota_line(world.page("/create", signed_in=True)).startswith(
        f"{left - 1} of {QUOTA} videos left today")
    assert client.get("/api/v1/me/quota", headers=world.ada).json()["left"] == left - 1


def test_a_refused_prompt_comes_back_with_its_count(world: World) -> None:
    client = world.app.client
    page = world.page("/create", signed_in=True)
    refused = client.post("/create", data={"prompt": "   ", "seconds": "2",
                                           "csrf_token": form_token(page)})
    assert refused.status_code == 422
    assert re.search(r'<p id="prompt-count"[^>]*>3 / 2000</p>', refused.text)
    assert _quota_line(refused.text).endswith("videos left today · resets at midnight UTC")


@pytest.mark.parametrize(("path", "name", "accepted"), [
    pytest.param("/create", "image", PICTURES, id="first-frame"),
    pytest.param("/settings", "avatar", PICTURES, id="avatar"),
    pytest.param("/verify", "file", VERIFIABLE, id="verify")])
def test_file_pickers_offer_what_the_upload_takes_and_say_it(
        world: World, path: str, name: str, accepted: Accepted) -> None:
    page = world.page(path, signed_in=True)
    picker = re.search(rf'<label>([^<]*<small>[^<]*</small>)\s*<input name="{name}" '
                       rf'type="file"[^>]* accept="([^"]*)"', page)
    assert picker, f"no labelled file input {name} on {path}"
    assert accepted.words in picker.group(1)
    assert picker.group(2) == accepted.accept
