"""Save (a private bookmark, kept apart from Download) and the Saved list, over HTTP."""

from __future__ import annotations

from typing import Any

from api_client import PlatformApp
from sqlalchemy import func, select

from openreel.api.schemas import FeedPage
from openreel.db.models import SavedVideo


def _saves(platform_app: PlatformApp) -> list[tuple[int, int]]:
    with platform_app.platform.sessions() as session:
        return [(row.user_id, row.video_id) for row in session.scalars(select(SavedVideo))]


def _listed(platform_app: PlatformApp, auth: dict[str, str], **params: Any) -> dict[str, Any]:
    answer = platform_app.client.get("/api/v1/me/saved", headers=auth, params=params)
    assert answer.status_code == 200, answer.text
    page: dict[str, Any] = answer.json()
    return page


def _sign_in_page(platform_app: PlatformApp, handle: str) -> None:
    """Sign the test client's browser-like cookie jar in as ``handle``."""
    client = platform_app.client
    client.get("/signin")  # the form sets its CSRF cookie
    signed = client.post("/signin", data={"login": handle, "password": "correct horse battery",
                                          "csrf_token": client.cookies.get("openreel_csrf")},
                         follow_redirects=False)
    assert signed.status_code == 303


def test_saving_is_a_private_bookmark_kept_once(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    video = platform_app.make_video(ada)
    assert video["saved"] is False
    notes_before = client.get("/api/v1/notifications", headers=ada).json()
    for _ in range(2):
        saved = client.post(f"/api/v1/videos/{video['id']}/save", headers=ben)
        assert saved.status_code == 200, saved.text
        assert saved.json()["saved"] is True and saved.json()["id"] == video["id"]
        assert saved.json()["liked"] is False and saved.json()["likes"] == 0
    with platform_app.platform.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SavedVideo)) == 1
    assert [v for _, v in _saves(platform_app)] == [video["id"]]
    # only the saver sees it saved; nobody is told, nothing is counted, Download is unchanged
    assert client.get(f"/api/v1/videos/{video['id']}", headers=ben).json()["saved"] is True
    assert client.get(f"/api/v1/videos/{video['id']}", headers=ada).json()["saved"] is False
    shown = client.get(f"/api/v1/videos/{video['id']}").json()
    assert shown["saved"] is False and shown["download_url"] == video["download_url"]
    assert client.get("/api/v1/notifications", headers=ada).json() == notes_before
    # a like and a save are separate
    liked = client.post(f"/api/v1/videos/{video['id']}/like", headers=ben).json()
    assert (liked["liked"], liked["saved"]) == (True, True)
    for _ in range(2):
        unsaved = client.delete(f"/api/v1/videos/{video['id']}/save", headers=ben)
        assert unsaved.status_code == 200, unsaved.text
        assert (unsaved.json()["saved"], unsaved.json()["liked"]) == (False, True)
    assert _saves(platform_app) == []
    assert _listed(platform_app, ben) == {"items": [], "next_cursor": None}


def test_the_saved_list_is_newest_save_first_and_pages(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    first, second, third = (platform_app.make_video(ada, prompt)["id"] for prompt in (
        "a red ball bounces", "a dog runs on grass", "a car drives on a road"))
    for video_id in (first, third, second, first):  # saving again keeps the first save
        assert client.post(f"/api/v1/videos/{video_id}/save", headers=ben).status_code == 200
    page = _listed(platform_app, ben)
    assert [v["id"] for v in page["items"]] == [second, third, first]
    assert page["next_cursor"] is None
    assert all(v["saved"] for v in page["items"])
    assert _listed(platform_app, ada)["items"] == [], "saves are each user's own"

    one = _listed(platform_app, ben, limit=2)
    assert [v["id"] for v in one["items"]] == [second, third] and one["next_cursor"]
    two = _listed(platform_app, ben, limit=2, cursor=one["next_cursor"])
    assert [v["id"] for v in two["items"]] == [first] and two["next_cursor"] is None

    # taking a save back and saving again makes it the newest
    client.delete(f"/api/v1/videos/{third}/save", headers=ben)
    client.post(f"/api/v1/videos/{third}/save", headers=ben)
    assert [v["id"] for v in _listed(platform_app, ben)["items"]] == [third, second, first]

    for params in ({"cursor": "not-a-cursor"}, {"cursor": one["next_cursor"][:-2]},
                   {"limit": 0}, {"limit": 51}, {"cursor": "x" * 201}):
        refused = client.get("/api/v1/me/saved", headers=ben, params=params)
        assert refused.status_code == 422, (params, refused.text)
    bad = client.get("/api/v1/me/saved", headers=ben, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert "cursor" in bad.text


def test_what_you_cannot_see_cannot_be_saved(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    draft = platform_app.make_video(ada, publish=False)
    public = platform_app.make_video(ada, "a dog runs on grass")
    for method in ("POST", "DELETE"):
        hidden = client.request(method, f"/api/v1/videos/{draft['id']}/save", headers=ben)
        liking = client.request(method, f"/api/v1/videos/{draft['id']}/like", headers=ben)
        assert hidden.status_code == liking.status_code == 404
        assert hidden.json() == liking.json(), "the same answer liking gives"
        missing = client.request(method, "/api/v1/videos/987654/save", headers=ben)
        assert missing.status_code == 404
        assert client.request(method, f"/api/v1/videos/{public['id']}/save").status_code == 401
        huge = client.request(method, f"/api/v1/videos/{2**63}/save", headers=ben)
        assert huge.status_code == 422
    assert client.get("/api/v1/me/saved").status_code == 401
    assert _saves(platform_app) == []
    # your own draft you may save: it is yours to see
    own = client.post(f"/api/v1/videos/{draft['id']}/save", headers=ada)
    assert own.status_code == 200 and own.json()["saved"] is True
    assert [v["id"] for v in _listed(platform_app, ada)["items"]] == [draft["id"]]


def test_a_deleted_video_drops_out_of_the_saved_list(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    kept = platform_app.make_video(ada, "a dog runs on grass")
    gone = platform_app.make_video(ada, "a red ball bounces")
    for video in (kept, gone):
        client.post(f"/api/v1/videos/{video['id']}/save", headers=ben)
    assert client.delete(f"/api/v1/videos/{gone['id']}", headers=ada).status_code == 204
    page = _listed(platform_app, ben, limit=1)
    assert [v["id"] for v in page["items"]] == [kept["id"]], "a full page after the filter"
    assert page["next_cursor"] is None
    assert client.post(f"/api/v1/videos/{gone['id']}/save", headers=ben).status_code == 404
    # the row goes with the video's row, as a like's does (the tombstone keeps both)
    assert sorted(v for _, v in _saves(platform_app)) == sorted([kept["id"], gone["id"]])


def test_feed_items_say_whether_the_viewer_saved_them(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben, cyd = (platform_app.sign_up(h) for h in ("ada", "ben", "cyd"))
    dog = platform_app.make_video(ada, "a dog runs on grass")
    ball = platform_app.make_video(ada, "a red ball bounces")
    client.post(f"/api/v1/videos/{dog['id']}/save", headers=ben)
    client.post(f"/api/v1/videos/{ball['id']}/like", headers=ben)

    def flags(headers: dict[str, str]) -> dict[int, tuple[bool, bool]]:
        raw = client.get("/api/v1/feed", headers=headers)
        page = FeedPage.model_validate_json(raw.text)
        assert page.model_dump(mode="json") == raw.json(), "no field beyond or unlike the schema"
        return {i.video.id: (i.video.liked, i.video.saved) for i in page.items}

    assert flags(ben) == {dog["id"]: (False, True), ball["id"]: (True, False)}
    assert flags(cyd) == {dog["id"]: (False, False), ball["id"]: (False, False)}
    assert flags({}) == {dog["id"]: (False, False), ball["id"]: (False, False)}
    client.delete(f"/api/v1/videos/{dog['id']}/save", headers=ben)
    client.post(f"/api/v1/videos/{ball['id']}/save", headers=ben)
    assert flags(ben) == {dog["id"]: (False, False), ball["id"]: (True, True)}


def test_the_saved_page_and_the_save_button(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    platform_app.sign_up("ben")
    video = platform_app.make_video(ada, "a dog runs on grass")
    away = client.get("/saved", follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"] == "/signin?next=/saved"

    _sign_in_page(platform_app, "ben")
    empty = client.get("/saved")
    assert empty.status_code == 200 and "<h1>Saved</h1>" in empty.text
    assert "Nothing saved yet. Tap Save on a video to keep it here." in empty.text
    assert '<a class="wide" href="/saved">Saved</a>' in empty.text
    watch = client.get(f"/v/{video['id']}")
    assert (f'class="save" data-video-id="{video["id"]}" data-saved="false" '
            'aria-pressed="false"') in watch.text
    # a cookie session writes only with the page's CSRF token, as the button sends it
    csrf = watch.text.split('name="csrf-token" content="')[1].split('"')[0]
    refused = client.post(f"/api/v1/videos/{video['id']}/save")
    assert refused.status_code == 403 and _saves(platform_app) == []
    saved = client.post(f"/api/v1/videos/{video['id']}/save", headers={"X-CSRF-Token": csrf})
    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert 'data-saved="true" aria-pressed="true"' in client.get(f"/v/{video['id']}").text

    listed = client.get("/saved")
    assert f'href="/v/{video["id"]}"' in listed.text and "Nothing saved yet" not in listed.text
    assert client.get("/saved", params={"cursor": "nope"}).status_code == 422
    # the signed-in user's own profile leads to the list; someone else's does not
    assert '<a class="button" href="/saved">' in client.get("/@ben").text
    assert '<a class="button" href="/saved">' not in client.get("/@ada").text
    assert "function saveButton" in client.get("/static/app.js").text
