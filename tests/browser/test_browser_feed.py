"""The swipe feed as people use it, on a phone and on a desktop.

One clip is made for the module; each test opens the feed on it at a phone size
(390×844) and, where the layout differs, at a desktop size.
"""

from __future__ import annotations

import re

import pytest
from browser_steps import (
    create_clip,
    open_feed_showing,
    publish_from_job_page,
    sign_up,
    unique_handle,
)
from playwright.sync_api import Page, expect
from sqlalchemy import select

from openreel.db.models import (
    Comment,
    FeedPreference,
    FineTopic,
    Follow,
    HiddenTopic,
    Like,
    NotInterested,
    User,
)

PHONE = (390, 844)
DESKTOP = (1280, 860)
STEER_TIMEOUT_MS = 90_000
RAIL = ("Like", "Comments", "Remix", "Save", "Share", "More")


@pytest.fixture(scope="module")
def clips(browser, server) -> dict[str, int | str]:
    """Two published clips by one maker: a dog, and a noir street."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 860})
    context.set_default_timeout(15_000)
    page = context.new_page()
    maker = unique_handle("reels")
    sign_up(page, maker)
    create_clip(page, "a dog runs across a snowy field")
    dog = publish_from_job_page(page, "Snow zoomies")
    create_clip(page, "a rainy city street at night, noir style")
    noir = publish_from_job_page(page, "Rain on the avenue")
    context.close()
    return {"maker": maker, "dog": dog, "noir": noir}


def reel(page: Page, video_id: int | str):
    return page.locator(f'section.reel[data-video-id="{video_id}"]')


def viewer(new_context, size: tuple[int, int], prefix: str) -> tuple[Page, str]:
    page = new_context(*size).new_page()
    handle = unique_handle(prefix)
    sign_up(page, handle)
    return page, handle


def user_id(platform, handle: str) -> int:
    with platform.transaction() as db:
        found = db.scalar(select(User.id).where(User.handle == handle))
        assert found is not None
        return found


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_rail_names_every_button_and_the_video_fills_a_phone(new_context, clips, size,
                                                                 shot) -> None:
    page, _ = viewer(new_context, size, "rail")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    for name in RAIL:
        expect(item.get_by_role("button", name=name).or_(
            item.get_by_role("link", name=name))).to_be_visible()
    expect(item.get_by_role("link", name=f"@{clips['maker']}'s profile")).to_be_visible()
    expect(item.get_by_role("button", name=f"Follow @{clips['maker']}")).to_be_visible()
    expect(item.locator(".sound-line")).to_contain_text("original sound")
    expect(page.get_by_role("button", name="Sound")).to_be_visible()
    box = item.locator("video").bounding_box()
    caption = item.locator(".overlay").bounding_box()
    rail = item.locator(".rail").bounding_box()
    assert box and caption and rail
    if size == PHONE:
        # the whole width, and all the height the tab bar leaves; no header above it
        assert box["width"] >= PHONE[0] - 1 and box["y"] <= 1, box
        assert box["height"] >= PHONE[1] - 80, box
        expect(page.locator("header.top")).to_be_hidden()
        # the caption and sound line stay clear of the rail
        assert caption["x"] + caption["width"] <= rail["x"] + 1, (caption, rail)
    else:
        assert rail["x"] >= box["x"] + box["width"], (rail, box)
        expect(page.locator("header.top")).to_be_visible()
    shot(page, f"feed-rail-{size[0]}")


def test_tap_pauses_and_plays_and_a_double_tap_likes(new_context, clips, platform) -> None:
    page, handle = viewer(new_context, PHONE, "tapper")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    video = item.locator("video")
    page.wait_for_function("(v) => !v.paused && v.readyState >= 2", arg=video.element_handle())
    video.click()
    page.wait_for_function("(v) => v.paused", arg=video.element_handle())
    expect(item.locator(".paused")).to_be_visible()
    video.click()
    page.wait_for_function("(v) => !v.paused", arg=video.element_handle())
    expect(item.locator(".paused")).to_be_hidden()

    like = item.get_by_role("button", name="Like")
    expect(like).to_have_attribute("aria-pressed", "false")
    with page.expect_response(f"**/api/v1/videos/{clips['dog']}/like"):
        video.dblclick()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator(".count")).to_have_text("1")
    with platform.transaction() as db:
        assert db.scalar(select(Like.id).where(Like.user_id == user_id(platform, handle),
                                               Like.video_id == clips["dog"])) is not None
    # a second double tap keeps the like: it never takes one back
    video.dblclick()
    page.wait_for_timeout(600)
    expect(like).to_have_attribute("aria-pressed", "true")


def test_one_sound_setting_for_the_whole_feed_kept_between_visits(new_context, clips) -> None:
    page, _ = viewer(new_context, PHONE, "ears")
    open_feed_showing(page, clips["dog"])
    sound = page.get_by_role("button", name="Sound")
    expect(sound).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("[...document.querySelectorAll('#feed video')].every((v) => v.muted)")
    sound.click()
    expect(sound).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("[...document.querySelectorAll('#feed video')].every((v) => !v.muted)")
    page.reload()
    page.wait_for_selector("section.reel video")
    expect(page.get_by_role("button", name="Sound")).to_have_attribute("aria-pressed", "true")


def test_comments_open_in_a_sheet_and_a_new_one_counts(new_context, clips, platform,
                                                       shot) -> None:
    page, handle = viewer(new_context, PHONE, "talker")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    button = item.get_by_role("button", name="Comments")
    before = int(button.locator(".count").inner_text())
    button.click()
    sheet = page.get_by_role("dialog", name="Comments")
    expect(sheet).to_be_visible()
    sheet.get_by_label("Add a comment").fill("that dog is flying")
    with page.expect_response(f"**/api/v1/videos/{clips['dog']}/comments"):
        sheet.get_by_role("button", name="Post").click()
    expect(sheet.get_by_role("listitem").filter(has_text="that dog is flying")).to_be_visible()
    expect(sheet.get_by_role("link", name=f"@{handle}")).to_be_visible()
    expect(button.locator(".count")).to_have_text(str(before + 1))
    shot(page, "comment-sheet")
    page.keyboard.press("Escape")
    expect(sheet).to_be_hidden()
    with platform.transaction() as db:
        bodies = list(db.scalars(select(Comment.body).where(Comment.video_id == clips["dog"])))
    assert "that dog is flying" in bodies


def test_follow_from_the_avatar(new_context, clips, platform) -> None:
    page, handle = viewer(new_context, PHONE, "fan")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    with page.expect_response(f"**/api/v1/users/{clips['maker']}/follow"):
        item.get_by_role("button", name=f"Follow @{clips['maker']}").click()
    expect(page.get_by_role("button", name=f"Follow @{clips['maker']}")).to_have_count(0)
    with platform.transaction() as db:
        assert db.scalar(select(Follow.id).where(
            Follow.follower_id == user_id(platform, handle),
            Follow.followee_id == user_id(platform, str(clips["maker"])))) is not None


def test_share_uses_the_phones_share_sheet_where_there_is_one(new_context, clips) -> None:
    context = new_context(*PHONE)
    context.add_init_script("""
        window.__shared = [];
        navigator.share = async (data) => { window.__shared.push(data); };
    """)
    page = context.new_page()
    sign_up(page, unique_handle("sharer"))
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    item.get_by_role("button", name="Share").click()
    page.wait_for_function("() => window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    assert shared["url"].endswith(f"/v/{clips['dog']}"), shared
    assert shared["title"] == "Snow zoomies"


def test_share_copies_the_link_where_the_browser_has_no_share_sheet(new_context, clips) -> None:
    context = new_context(*DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script("delete Navigator.prototype.share;")
    page = context.new_page()
    open_feed_showing(page, clips["dog"])
    reel(page, clips["dog"]).get_by_role("button", name="Share").click()
    expect(page.locator("#notice")).to_contain_text(f"/v/{clips['dog']}")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/v/{clips['dog']}")


def test_why_says_how_to_steer_and_show_less_moves_on_and_can_be_undone(
        new_context, clips, platform, shot) -> None:
    page, handle = viewer(new_context, PHONE, "picky")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    item.get_by_role("button", name="More").click()
    sheet = page.get_by_role("dialog", name="Why you are seeing this")
    expect(sheet).to_be_visible()
    expect(sheet.get_by_role("listitem").first).to_be_visible()  # the ranking's reasons
    expect(sheet).to_contain_text("Show less")
    expect(sheet.get_by_role("link", name="Your feed")).to_be_visible()
    expect(sheet.get_by_role("link", name="Download")).to_have_attribute(
        "href", f"/api/v1/videos/{clips['dog']}/file?download=1")
    shot(page, "why-sheet")
    top = page.evaluate("document.getElementById('feed').scrollTop")
    with page.expect_response(f"**/api/v1/videos/{clips['dog']}/not-interested"):
        sheet.get_by_role("button", name="Show less like this").click()
    notice = page.locator("#notice")
    expect(notice).to_contain_text("You will see less like this.")
    expect(item).to_have_class(re.compile("dismissed"))
    if page.locator("section.reel").count() > 1 and item.evaluate(
            "(r) => r.nextElementSibling !== null"):
        page.wait_for_function("(top) => document.getElementById('feed').scrollTop > top",
                               arg=top)
    viewer_id = user_id(platform, handle)

    def marked() -> bool:
        with platform.transaction() as db:
            return db.scalar(select(NotInterested.id).where(
                NotInterested.user_id == viewer_id,
                NotInterested.video_id == clips["dog"])) is not None
    assert marked()
    with page.expect_response(lambda r: r.request.method == "DELETE"
                              and r.url.endswith("/not-interested")):
        notice.get_by_role("button", name="Undo").click()
    expect(item).not_to_have_class(re.compile("dismissed"))
    assert not marked()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_steering_in_plain_words_shows_what_it_understood_and_resets(new_context, clips,
                                                                     platform, size,
                                                                     shot) -> None:
    page, handle = viewer(new_context, size, "steerer")
    open_feed_showing(page, clips["noir"])
    page.get_by_role("button", name="Your feed").click()
    sheet = page.get_by_role("dialog", name="Your feed")
    expect(sheet.get_by_text("You have not steered your feed yet")).to_be_visible()
    sheet.get_by_label("Tell the feed what you want, in your own words").fill(
        "no noir, no cats but dogs are fine, more glitter")
    with page.expect_response("**/api/v1/feed/steer", timeout=STEER_TIMEOUT_MS):
        sheet.get_by_role("button", name="Steer").click()
    result = sheet.locator("#steer-result")
    expect(result).to_contain_text("no noir")
    expect(result).to_contain_text("no cat")
    expect(result).to_contain_text("dog is fine")
    expect(result).to_contain_text("Not understood: glitter")
    chips = sheet.get_by_role("list", name="Your feed preferences")
    expect(chips.get_by_role("listitem")).to_have_text(["no cat", "no noir", "dog is fine"])
    shot(page, f"steered-{size[0]}")
    # the feed comes again without the noir clip, and the dog stays
    sheet.get_by_role("button", name="Done").click()
    expect(reel(page, clips["noir"])).to_have_count(0)
    open_feed_showing(page, clips["dog"])
    expect(reel(page, clips["noir"])).to_have_count(0)

    viewer_id = user_id(platform, handle)
    with platform.transaction() as db:
        hidden = set(db.scalars(select(HiddenTopic.topic).where(HiddenTopic.user_id == viewer_id)))
    assert hidden == {"noir", "cat"}

    page.get_by_role("button", name="Your feed").click()  # as stored, shown again
    expect(chips.get_by_role("listitem")).to_have_text(["no cat", "no noir", "dog is fine"])
    with page.expect_response(lambda r: r.request.method == "DELETE"
                              and r.url.endswith("/api/v1/feed/preferences")):
        sheet.get_by_role("button", name="Reset my feed").click()
    expect(chips.get_by_role("listitem")).to_have_count(0)
    expect(sheet.get_by_text("You have not steered your feed yet")).to_be_visible()
    with platform.transaction() as db:
        assert db.scalar(select(HiddenTopic.id).where(HiddenTopic.user_id == viewer_id)) is None
        assert db.scalar(select(FineTopic.id).where(FineTopic.user_id == viewer_id)) is None
        assert db.scalar(select(FeedPreference.id).where(
            FeedPreference.user_id == viewer_id)) is None
    sheet.get_by_role("button", name="Done").click()
    open_feed_showing(page, clips["noir"])


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_signed_out_visitors_see_what_it_is_and_where_to_start(new_context, clips, size,
                                                               shot) -> None:
    page = new_context(*size).new_page()
    open_feed_showing(page, clips["dog"])
    welcome = page.get_by_role("region", name="Short videos with sound, made from a sentence")
    expect(welcome).to_be_visible()
    expect(welcome.get_by_role("link", name="Start creating")).to_have_attribute("href", "/signup")
    expect(reel(page, clips["dog"]).get_by_role("button", name="Like")).to_be_disabled()
    shot(page, f"welcome-{size[0]}")
    welcome.get_by_role("button", name="Close the welcome").click()
    expect(welcome).to_be_hidden()
    page.reload()
    expect(page.locator("#welcome")).to_be_hidden()  # closed stays closed


def test_save_on_the_rail_keeps_the_video_in_saved_apart_from_download(new_context,
                                                                        clips) -> None:
    page, _ = viewer(new_context, PHONE, "keeper")
    open_feed_showing(page, clips["dog"])
    item = reel(page, clips["dog"])
    item.scroll_into_view_if_needed()
    with page.expect_response(f"**/api/v1/videos/{clips['dog']}/save"):
        item.get_by_role("button", name="Save").click()
    saved = item.get_by_role("button", name="Saved")
    expect(saved).to_have_attribute("aria-pressed", "true")
    page.goto("/saved")
    expect(page.locator(f'a.tile[href="/v/{clips["dog"]}"]')).to_be_visible()
    open_feed_showing(page, clips["dog"])
    expect(reel(page, clips["dog"]).get_by_role("button", name="Saved")).to_be_visible()
