"""Likes, comments, follows, views, feeds and notifications over HTTP."""

from __future__ import annotations

import io

from api_client import PlatformApp
from PIL import Image

from openreel.api.schemas import FeedPage


def test_like_is_counted_once_and_notifies(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    video = platform_app.make_video(ada)
    for _ in range(2):
        liked = client.post(f"/api/v1/videos/{video['id']}/like", headers=ben)
        assert liked.json()["likes"] == 1 and liked.json()["liked"] is True
    assert client.get(f"/api/v1/videos/{video['id']}", headers=ben).json()["liked"] is True
    unread = client.get("/api/v1/notifications/unread", headers=ada).json()["unread"]
    notes = client.get("/api/v1/notifications", headers=ada).json()
    likes = [n for n in notes if n["kind"] == "like"]
    assert len(likes) == 1 and likes[0]["actor"] == "ben" and "liked" in likes[0]["text"]
    assert unread == len(notes)
    marked = client.post("/api/v1/notifications/read", headers=ada, json={})
    assert marked.json()["changed"] == unread
    assert client.get("/api/v1/notifications/unread", headers=ada).json()["unread"] == 0
    unliked = client.delete(f"/api/v1/videos/{video['id']}/like", headers=ben)
    assert unliked.json()["likes"] == 0


def test_comments_thread_one_level(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    video = platform_app.make_video(ada)
    top = client.post(f"/api/v1/videos/{video['id']}/comments", headers=ben,
                      json={"body": "nice bounce"}).json()
    reply = client.post(f"/api/v1/videos/{video['id']}/comments", headers=ada,
                        json={"body": "thanks", "reply_to": top["id"]}).json()
    deeper = client.post(f"/api/v1/videos/{video['id']}/comments", headers=ben,
                         json={"body": "you're welcome", "reply_to": reply["id"]}).json()
    assert deeper["reply_to"] == top["id"], "a reply to a reply joins the same thread"
    threads = client.get(f"/api/v1/videos/{video['id']}/comments").json()
    assert len(threads) == 1
    assert [r["body"] for r in threads[0]["replies"]] == ["thanks", "you're welcome"]
    assert client.get(f"/api/v1/videos/{video['id']}").json()["comments"] == 3
    empty = client.post(f"/api/v1/videos/{video['id']}/comments", headers=ben,
                        json={"body": "   "})
    assert empty.status_code == 422
    stranger = platform_app.sign_up("cyd")
    refused = client.delete(f"/api/v1/comments/{top['id']}", headers=stranger)
    assert refused.status_code == 403
    assert client.delete(f"/api/v1/comments/{top['id']}", headers=ada).status_code == 204
    assert client.get(f"/api/v1/videos/{video['id']}").json()["comments"] == 0


def test_feeds_rank_explain_and_follow(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben, cy = (platform_app.sign_up(h) for h in ("ada", "ben", "cyd"))
    dog = platform_app.make_video(ada, "a dog runs on grass")
    car = platform_app.make_video(ben, "a car drives on a road")
    client.post("/api/v1/users/ada/follow", headers=cy)
    feed = client.get("/api/v1/feed", headers=cy).json()
    ids = [item["video"]["id"] for item in feed["items"]]
    assert set(ids) == {dog["id"], car["id"]}
    assert ids[0] == dog["id"], "a followed creator ranks first"
    reasons = " ".join(r["text"] for r in feed["items"][0]["reasons"])
    assert "@ada" in reasons
    assert [item["following"] for item in feed["items"]] == [True, False]
    assert all(item["owner_avatar_url"] is None for item in feed["items"])
    picture = io.BytesIO()
    Image.new("RGB", (64, 64), "orange").save(picture, "PNG")
    avatar = client.put("/api/v1/me/avatar", headers=ada,
                        files={"avatar": ("me.png", picture.getvalue(), "image/png")}).json()
    items = client.get("/api/v1/feed", headers=cy).json()["items"]
    by_owner = {item["video"]["owner"]: item["owner_avatar_url"] for item in items}
    assert by_owner == {"ada": avatar["avatar_url"], "ben": None}
    following = client.get("/api/v1/feed?mode=following", headers=cy).json()
    assert [i["video"]["id"] for i in following["items"]] == [dog["id"]]
    assert client.get("/api/v1/feed?mode=following").status_code == 401
    anonymous = client.get("/api/v1/feed").json()
    assert {i["video"]["id"] for i in anonymous["items"]} == {dog["id"], car["id"]}
    less = client.post(f"/api/v1/videos/{dog['id']}/not-interested", headers=cy)
    assert less.status_code == 204
    after = client.get("/api/v1/feed", headers=cy).json()
    assert dog["id"] not in [i["video"]["id"] for i in after["items"]]
    undone = client.delete(f"/api/v1/videos/{dog['id']}/not-interested", headers=cy)
    assert undone.status_code == 204
    back = client.get("/api/v1/feed", headers=cy).json()
    assert dog["id"] in [i["video"]["id"] for i in back["items"]]
    assert client.delete("/api/v1/videos/999999/not-interested", headers=cy).status_code == 404


def test_feed_body_is_exactly_its_schema(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    for prompt in ("a dog runs on grass", "a red ball bounces"):
        platform_app.make_video(ada, prompt)
    client.post("/api/v1/users/ada/follow", headers=ben)
    for headers in (ben, {}):
        raw = client.get("/api/v1/feed?limit=1", headers=headers)
        page = FeedPage.model_validate_json(raw.text)
        assert len(page.items) == 1 and page.next_cursor
        assert page.model_dump(mode="json") == raw.json(), "no field beyond or unlike the schema"
        assert page.items[0].reasons and page.items[0].video.created_at.tzinfo is not None


def test_steering_sentence_sets_topic_weights(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    steered = client.post("/api/v1/feed/steer", headers=ada,
                          json={"sentence": "more animals, less sports"})
    assert steered.status_code == 200, steered.text
    weights = {t["topic"]: t["weight"] for t in steered.json()["preferences"]}
    assert weights.get("animals", 0) > 0
    assert weights.get("sports", 0) < 0
    nonsense = client.post("/api/v1/feed/steer", headers=ada, json={"sentence": "qqq zzz"})
    assert nonsense.status_code == 422
    assert client.delete("/api/v1/feed/preferences", headers=ada).status_code == 204
    assert client.get("/api/v1/feed/preferences", headers=ada).json()["preferences"] == []


def test_no_pets_but_dogs_are_fine_keeps_the_dogs_in_the_feed(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    dog = platform_app.make_video(ada, prompt="a dog runs in the park")
    cat = platform_app.make_video(ada, prompt="a cat sleeps on the couch")
    ball = platform_app.make_video(ada, prompt="a red ball bounces")

    def shown(mode: str = "for_you") -> set[int]:
        page = client.get(f"/api/v1/feed?mode={mode}", headers=ben).json()
        return {item["video"]["id"] for item in page["items"]}

    assert shown() == {dog["id"], cat["id"], ball["id"]}
    client.post("/api/v1/users/ada/follow", headers=ben)
    steered = client.post("/api/v1/feed/steer", headers=ben,
                          json={"sentence": "no pets but dogs are fine"})
    assert steered.status_code == 200, steered.text
    assert steered.json()["hidden"] == ["pets"] and steered.json()["fine"] == ["dog"]
    assert shown() == {dog["id"], ball["id"]}
    assert shown("following") == {dog["id"], ball["id"]}
    told = client.get("/api/v1/feed/preferences", headers=ben).json()
    assert told["hidden"] == ["pets"] and told["fine"] == ["dog"]
    client.post("/api/v1/feed/steer", headers=ben, json={"sentence": "no dogs"})
    assert shown() == {ball["id"]}
    assert client.get("/api/v1/feed/preferences", headers=ben).json()["fine"] == []
    assert client.delete("/api/v1/feed/preferences", headers=ben).status_code == 204
    assert shown() == {dog["id"], cat["id"], ball["id"]}


def test_views_accumulate_watch_time(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    video = platform_app.make_video(ada)
    client.post(f"/api/v1/videos/{video['id']}/views", headers=ben, json={"watched_seconds": 1.5})
    counted = client.post(f"/api/v1/videos/{video['id']}/views", json={"watched_seconds": 99})
    assert counted.json()["views"] == 2
    bad = client.post(f"/api/v1/videos/{video['id']}/views", json={"watched_seconds": -1})
    assert bad.status_code == 422


def test_pages_render_for_a_signed_out_visitor(platform_app: PlatformApp) -> None:
    ada = platform_app.sign_up("ada")
    video = platform_app.make_video(ada, "a dog runs on grass")
    for path in ("/", "/signin", "/signup", f"/v/{video['id']}", "/@ada"):
        page = platform_app.client.get(path)
        assert page.status_code == 200, path
        assert "<html" in page.text
    missing = platform_app.client.get("/v/99999")
    assert missing.status_code == 404 and "Not found" in missing.text
    assert platform_app.client.get("/create", follow_redirects=False).status_code == 303


def test_ids_past_a_rows_range_are_refused_not_queried(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    video = platform_app.make_video(ada)
    huge = 2**63
    asks = [
        client.post("/api/v1/notifications/read", headers=ada, json={"up_to_id": huge}),
        client.post(f"/api/v1/videos/{video['id']}/comments", headers=ada,
                    json={"body": "hi", "reply_to": huge}),
        client.post("/api/v1/stitches", headers=ada, json={"video_ids": [video["id"], huge]}),
        client.get(f"/api/v1/videos/{huge}"),
        client.post(f"/api/v1/videos/{huge}/like", headers=ada),
        client.get(f"/api/v1/jobs/{huge}", headers=ada),
        client.delete(f"/api/v1/me/tokens/{huge}", headers=ada),
    ]
    for answer in asks:
        assert answer.status_code == 422, (answer.request.url, answer.text)
        assert "9223372036854775807" in answer.text, "the message says the limit"
    assert client.get(f"/api/v1/videos/{video['id']}").status_code == 200
    assert client.get(f"/v/{huge}").status_code == 422


def test_feed_items_show_counters_and_likes_as_they_are_now(platform_app: PlatformApp) -> None:
    client = platform_app.client
    assert client.get("/api/v1/feed").json()["items"] == []  # nothing published yet
    ada, ben, cyd = (platform_app.sign_up(h) for h in ("ada", "ben", "cyd"))
    video = platform_app.make_video(ada, "a red ball bounces")

    def shown(headers: dict[str, str]) -> dict[str, object]:
        items = client.get("/api/v1/feed", headers=headers).json()["items"]
        [item] = [i["video"] for i in items if i["video"]["id"] == video["id"]]
        return item

    assert (shown(ben)["likes"], shown(ben)["liked"]) == (0, False)
    client.post(f"/api/v1/videos/{video['id']}/like", headers=ben)
    assert (shown(ben)["likes"], shown(ben)["liked"]) == (1, True)
    client.post(f"/api/v1/videos/{video['id']}/like", headers=cyd)
    assert (shown(ben)["likes"], shown(ben)["liked"]) == (2, True)
    assert shown({})["likes"] == 2 and shown({})["liked"] is False


def test_a_remix_counts_and_tells_the_parent_s_owner_only_once_it_is_public(
        platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    parent = platform_app.make_video(ada, "a red car drives down a city street")
    job = client.post(f"/api/v1/videos/{parent['id']}/remix", headers=ben,
                      json={"prompt": "make it night"})
    platform_app.run_jobs()
    remix_id = client.get(f"/api/v1/jobs/{job.json()['id']}", headers=ben).json()["video_id"]

    def remixes() -> int:
        count: int = client.get(f"/api/v1/videos/{parent['id']}").json()["remixes"]
        return count

    def told() -> list[dict[str, object]]:
        notes = client.get("/api/v1/notifications", headers=ada).json()
        return [n for n in notes if n["kind"] == "remix"]

    # a private draft: Ada is not told of a video she could not open, nor is it counted
    assert remixes() == 0 and told() == []
    published = client.post(f"/api/v1/videos/{remix_id}/publish", headers=ben,
                            json={"caption": "night drive"})
    assert published.status_code == 200
    assert remixes() == 1
    [note] = told()
    assert note["actor"] == "ben" and note["video_id"] == remix_id
    assert client.get(f"/v/{remix_id}", headers=ada).status_code == 200  # the link opens
    # deleted: no longer counted, and the notification says so instead of leading to a 404
    assert client.delete(f"/api/v1/videos/{remix_id}", headers=ben).status_code == 204
    assert remixes() == 0
    [note] = told()
    assert note["video_id"] is None and "since been deleted" in str(note["text"])


def test_opening_the_notifications_page_does_not_mark_them_read(
        platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada, ben = platform_app.sign_up("ada"), platform_app.sign_up("ben")
    video = platform_app.make_video(ada)
    client.post(f"/api/v1/videos/{video['id']}/like", headers=ben)
    unread = client.get("/api/v1/notifications/unread", headers=ada).json()["unread"]
    assert unread >= 1
    client.get("/signin")  # the form sets its CSRF cookie
    signed = client.post("/signin", data={"login": "ada", "password": "correct horse battery",
                                          "csrf_token": client.cookies.get("openreel_csrf")},
                         follow_redirects=False)
    assert signed.status_code == 303
    page = client.get("/notifications")
    assert page.status_code == 200 and "ben liked your video" in page.text
    assert 'id="mark-read"' in page.text
    assert client.get("/api/v1/notifications/unread", headers=ada).json()["unread"] == unread
    csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    newest = client.get("/api/v1/notifications", headers=ada).json()[0]["id"]
    marked = client.post("/notifications/read", data={"csrf_token": csrf, "up_to": newest},
                         follow_redirects=False)
    assert marked.status_code == 303 and marked.headers["location"] == "/notifications"
    assert client.get("/api/v1/notifications/unread", headers=ada).json()["unread"] == 0
    assert 'id="mark-read"' not in client.get("/notifications").text
