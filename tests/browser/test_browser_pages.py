"""Single pages in a real browser: signing in, steering, drafts, not found."""

from __future__ import annotations

import re

from browser_steps import (
    PASSWORD,
    create_clip,
    open_feed_showing,
    publish_from_job_page,
    sign_up,
    unique_handle,
    wait_for_preview,
)
from playwright.sync_api import expect
from sqlalchemy import select

from openreel.db.models import FeedPreference, User, Video, VideoStatus

STEER_TIMEOUT_MS = 90_000


def test_sign_in_with_a_wrong_password_shows_the_error(new_context, shot) -> None:
    handle = unique_handle("keys")
    sign_up(new_context().new_page(), handle)

    page = new_context().new_page()
    page.goto("/create")
    page.wait_for_url("**/signin?next=/create")
    page.get_by_label("Handle or email").fill(handle)
    page.get_by_label("Password").fill("not the password")
    with page.expect_response(lambda r: r.url.endswith("/signin")
                              and r.request.method == "POST") as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401
    expect(page.get_by_role("alert")).to_have_text("wrong handle, email or password")
    expect(page.get_by_label("Handle or email")).to_have_value(handle)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    shot(page, "wrong-password")

    # The right password still works, and leads where the person was going.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/create")
    expect(page.get_by_role("heading", name="Create a video")).to_be_visible()
    expect(page.get_by_role("link", name=f"@{handle}")).to_be_visible()


def test_the_steer_box_says_what_changed(new_context, platform, shot) -> None:
    handle = unique_handle("steer")
    page = new_context().new_page()
    sign_up(page, handle)
    result = page.locator("#steer-result")
    expect(result).to_be_hidden()
    page.get_by_role("button", name="Your feed").click()
    expect(page.get_by_text("You have not steered your feed yet")).to_be_visible()
    page.get_by_placeholder(re.compile("^Steer your feed")).fill("more animals, less sports")
    # The server loads its sentence model on the first steer: allow for a slow machine.
    with page.expect_response("**/api/v1/feed/steer", timeout=STEER_TIMEOUT_MS) as steered:
        page.get_by_role("button", name="Steer").click()
    assert steered.value.status == 200
    expect(result).to_be_visible()
    expect(result).to_have_text(re.compile(r"^Now: "))
    expect(result).to_contain_text("more animals")
    expect(result).to_contain_text("less sports")
    shot(page, "steered")

    with platform.transaction() as db:
        user_id = db.scalar(select(User.id).where(User.handle == handle))
        weights = {p.topic: p.weight for p in db.scalars(
            select(FeedPreference).where(FeedPreference.user_id == user_id))}
    assert weights.get("animals", 0) > 0 and weights.get("sports", 0) < 0, weights


def test_a_sentence_the_steer_box_cannot_read_shows_an_error(new_context) -> None:
    page = new_context().new_page()
    sign_up(page, unique_handle("vague"))
    page.get_by_role("button", name="Your feed").click()
    page.get_by_placeholder(re.compile("^Steer your feed")).fill("whatever blorf")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with page.expect_response("**/api/v1/feed/steer", timeout=STEER_TIMEOUT_MS) as steered:
        page.get_by_role("button", name="Steer").click()
    assert steered.value.status == 422
    expect(page.get_by_role("button", name="Steer")).to_be_enabled()
    # said in the page, where a screen reader hears it, not in a browser dialog
    alert = page.locator("#steer-form").get_by_role("alert")
    expect(alert).to_contain_text("“blorf”: not something the feed knows")
    assert dialogs == []
    expect(page.locator("#steer-result")).to_be_hidden()


def test_deleting_a_draft_from_the_drafts_page(new_context, platform, shot) -> None:
    page = new_context().new_page()
    sign_up(page, unique_handle("tidy"))
    create_clip(page, "a cat sleeps on a red sofa")
    video_id = wait_for_preview(page)

    page.get_by_role("link", name="All drafts").click()
    page.wait_for_url("**/drafts")
    card = page.locator(f'article.draft[data-video-id="{video_id}"]')
    expect(card).to_be_visible()
    expect(card.get_by_role("link")).to_have_text("a cat sleeps on a red sofa")
    shot(page, "drafts-before-delete", full_page=True)

    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    with page.expect_response(f"**/api/v1/videos/{video_id}") as deleted:
        card.get_by_role("button", name="Delete").click()
    assert deleted.value.status == 204
    assert asked == ["Delete this video for good?"]
    expect(page.locator("article.draft")).to_have_count(0)
    expect(page.get_by_text("No drafts yet.")).to_be_visible()
    shot(page, "drafts-after-delete", full_page=True)

    with platform.transaction() as db:
        row = db.get(Video, video_id)
        assert row is not None
        assert (row.status, row.video_key, row.poster_key) == (VideoStatus.DELETED, None, None)
    assert page.request.get(f"/api/v1/videos/{video_id}/file").status == 404
    gone = page.goto(f"/v/{video_id}")
    assert gone is not None and gone.status == 404


def test_keeping_a_draft_when_delete_is_not_confirmed(new_context, platform) -> None:
    page = new_context().new_page()
    sign_up(page, unique_handle("keep"))
    create_clip(page, "a red ball bounces in a park")
    video_id = wait_for_preview(page)
    page.goto("/drafts")
    card = page.locator(f'article.draft[data-video-id="{video_id}"]')
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.method) if r.method == "DELETE" else None)
    page.once("dialog", lambda dialog: dialog.dismiss())
    card.get_by_role("button", name="Delete").click()
    page.reload()
    expect(page.locator(f'article.draft[data-video-id="{video_id}"]')).to_be_visible()
    assert requests == []
    with platform.transaction() as db:
        row = db.get(Video, video_id)
        assert row is not None and row.status == VideoStatus.DRAFT


def test_an_unknown_address_is_the_styled_not_found_page(new_context) -> None:
    page = new_context().new_page()
    answer = page.goto("/no/such/page")
    assert answer is not None and answer.status == 404
    assert answer.headers["content-type"].startswith("text/html")
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_text("there is nothing at this address")
    api = page.request.get("/api/v1/no/such/thing")  # scripts still get JSON
    assert api.status == 404 and api.json() == {"detail": "Not Found"}


def test_an_unknown_video_is_a_not_found_page(new_context, shot) -> None:
    page = new_context().new_page()
    answer = page.goto("/v/987654")
    assert answer is not None and answer.status == 404
    assert answer.headers["content-type"].startswith("text/html")
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.get_by_role("alert")).not_to_be_empty()
    expect(page).to_have_title(re.compile("Something went wrong"))
    shot(page, "not-found")
    page.get_by_role("link", name="Back to the feed").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("#feed")).to_be_attached()

    nobody = page.goto("/@nobody_by_that_name")
    assert nobody is not None and nobody.status == 404
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()


def _box(page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return box


def test_a_feed_reel_keeps_its_caption_and_buttons_on_the_video(new_context, shot) -> None:
    maker = new_context().new_page()
    sign_up(maker, unique_handle("frame"))
    create_clip(maker, "a dog runs across a snowy field")
    video_id = publish_from_job_page(maker, "Snow zoomies")

    reel = f'section.reel[data-video-id="{video_id}"]'
    for width, height, wide in ((1280, 860, True), (1280, 640, True), (1600, 1000, True),
                                (390, 844, False)):
        page = new_context().new_page()
        page.set_viewport_size({"width": width, "height": height})
        open_feed_showing(page, video_id)
        page.locator(reel).scroll_into_view_if_needed()
        page.wait_for_function("(s) => document.querySelector(s).readyState >= 1",
                               arg=reel + " video")
        video = _box(page, reel + " video")
        caption = _box(page, reel + " .overlay")
        rail = _box(page, reel + " .rail")
        where = f"at {width}x{height}"
        assert video["height"] > 0.6 * height, where
        # The caption lies on the picture.
        assert caption["x"] >= video["x"] - 0.5, where
        assert caption["x"] + caption["width"] <= video["x"] + video["width"] + 0.5, where
        assert caption["y"] + caption["height"] <= video["y"] + video["height"] + 0.5, where
        # The buttons sit beside the picture on a wide screen, on it on a phone.
        if wide:
            assert rail["x"] >= video["x"] + video["width"], where
        else:
            assert rail["x"] + rail["width"] <= video["x"] + video["width"] + 0.5, where
        assert rail["y"] + rail["height"] <= video["y"] + video["height"] + 0.5, where
        # One reel fills the window below the header; the page itself does not scroll.
        assert page.evaluate("document.scrollingElement.scrollHeight <= innerHeight"), where
        shot(page, f"feed-{width}x{height}")


def test_on_a_phone_the_main_places_are_a_tab_bar_and_the_header_is_one_line(
        new_context, shot) -> None:
    page = new_context(390, 844).new_page()
    page.goto("/")
    tabs = page.get_by_role("navigation", name="Main")
    expect(tabs).to_be_visible()  # signed out: where to start creating is one tap away
    expect(tabs.get_by_role("link", name="Create")).to_have_attribute("href", "/signup")
    handle = unique_handle("thumb")
    sign_up(page, handle)
    for name, href in (("Home", "/"), ("Following", "/following"), ("Create", "/create"),
                       ("Inbox", "/notifications"), ("Profile", f"/@{handle}")):
        link = tabs.get_by_role("link", name=re.compile(f"^{name}"))
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", href)
    # the feed is the video, the tools over it and the tab bar: no header
    expect(page.locator("header.top")).to_be_hidden()
    page.goto("/notifications")
    header = page.locator("header.top").bounding_box()
    bar = tabs.bounding_box()
    assert header is not None and bar is not None
    assert header["height"] < 70, header  # it wrapped to four lines
    assert bar["y"] + bar["height"] == 844  # along the bottom of the screen
    shot(page, "phone-tab-bar")
    tabs.get_by_role("link", name="Create").click()
    page.wait_for_url("**/create")
    wide = new_context().new_page()  # on a desktop the header has it all, no tab bar
    wide.goto("/")
    expect(wide.get_by_role("navigation", name="Main")).to_be_hidden()
