"""One user's and then another's journey through openreel, in a real browser."""

from __future__ import annotations

import re

from browser_steps import (
    STATUS_RECORDER,
    create_clip,
    open_feed_showing,
    preview_duration,
    sign_up,
    unique_handle,
    wait_for_preview,
    wait_until_playing,
)
from playwright.sync_api import Response, expect
from sqlalchemy import select

from openreel.db.models import Comment, Follow, Like, User, Video, VideoKind, VideoStatus


def test_make_publish_and_remix_a_reel(new_context, server, platform, shot) -> None:
    creator_handle = unique_handle("maker")
    fan_handle = unique_handle("fan")
    caption = f"Beach day with {creator_handle}"
    remix_caption = f"Same beach, at night ({fan_handle})"

    # -- the creator signs up and makes a two-second clip -------------------------------
    creator_context = new_context()
    creator_context.add_init_script(STATUS_RECORDER)
    creator = creator_context.new_page()
    event_streams: list[Response] = []
    creator.on("response", lambda r: event_streams.append(r) if r.url.endswith("/events") else None)
    sign_up(creator, creator_handle)
    shot(creator, "01-signed-up-feed")

    job_id = create_clip(creator, "a golden hour beach, a dog chases a red ball")
    expect(creator.get_by_role("heading", name="Making your video")).to_be_visible()
    shot(creator, "02-job-started")
    video_id = wait_for_preview(creator)
    # The finished clip and the way on to the draft both fit in the window.
    expect(creator.get_by_role("link", name="Open the draft")).to_be_in_viewport()
    shot(creator, "03-job-finished")

    # The status line changed in place, fed by the job's server-sent events.
    assert [r.url for r in event_streams] == [f"{server.url}/api/v1/jobs/{job_id}/events"]
    assert event_streams[0].status == 200
    assert event_streams[0].header_value("content-type").startswith("text/event-stream")
    log = creator.evaluate("window.__statusLog")
    assert len(log) >= 2, log
    assert log[-1] == "succeeded · 100%", log
    assert creator.locator("#job-bar").evaluate("bar => bar.style.width") == "100%"
    assert abs(preview_duration(creator) - 2.0) < 0.25

    # -- open the draft and publish it with a caption -----------------------------------
    creator.get_by_role("link", name="Open the draft").click()
    creator.wait_for_url(f"**/v/{video_id}")
    expect(creator.locator(".byline .badge")).to_have_text("draft")
    creator.get_by_placeholder("Caption").fill(caption)
    creator.get_by_role("button", name="Publish").click()
    expect(creator.locator(".byline .badge")).to_have_count(0)
    expect(creator.locator("p.caption")).to_have_text(caption)
    with platform.transaction() as db:
        row = db.get(Video, video_id)
        assert row is not None and row.status == VideoStatus.PUBLISHED and row.caption == caption

    # -- it is in the For you feed (of everyone but its maker), and it plays -------------
    visitor = new_context().new_page()
    open_feed_showing(visitor, video_id)
    reel = visitor.locator(f'section.reel[data-video-id="{video_id}"]')
    expect(reel.locator("p.caption")).to_have_text(caption)
    expect(reel.locator(".byline a")).to_have_text(f"@{creator_handle}")
    expect(reel.locator("button.like")).to_be_disabled()
    reel.scroll_into_view_if_needed()
    wait_until_playing(visitor, f'section.reel[data-video-id="{video_id}"] video')
    assert abs(reel.locator("video").evaluate("v => v.duration") - 2.0) < 0.25
    shot(visitor, "04-feed-reel")

    # -- a second person likes, comments, follows and remixes ---------------------------
    fan_context = new_context()
    fan_context.add_init_script(STATUS_RECORDER)
    fan = fan_context.new_page()
    sign_up(fan, fan_handle)
    open_feed_showing(fan, video_id)
    fan_reel = fan.locator(f'section.reel[data-video-id="{video_id}"]')
    expect(fan_reel.locator("p.caption")).to_have_text(caption)
    fan_reel.scroll_into_view_if_needed()
    like = fan_reel.locator("button.like")
    expect(like.locator(".count")).to_have_text("0")
    like.click()
    expect(like.locator(".count")).to_have_text("1")
    expect(like).to_have_attribute("data-liked", "true")

    fan.goto(f"/v/{video_id}")
    expect(fan.locator(".watch button.like .count")).to_have_text("1")
    fan.get_by_placeholder("Add a comment").fill("The ball is so red!")
    fan.get_by_role("button", name="Comment", exact=True).click()
    comment = fan.locator(".comments .comment").filter(has_text="The ball is so red!")
    expect(comment).to_be_visible()
    expect(comment.get_by_role("link", name=f"@{fan_handle}")).to_be_visible()

    follow = fan.locator("button.follow")
    expect(follow).to_have_text("Follow")
    follow.click()
    expect(follow).to_have_text("Following")
    expect(follow).to_have_attribute("data-following", "true")
    shot(fan, "05-video-page-liked-commented-followed", full_page=True)

    fan.get_by_placeholder(re.compile("make it night")).fill("make it night")
    fan.get_by_role("button", name="Remix", exact=True).click()
    fan.wait_for_url(re.compile(r"/jobs/\d+$"))
    remix_id = wait_for_preview(fan)
    assert remix_id != video_id
    expect(fan.locator(".notes")).to_contain_text("night")
    expect(fan.get_by_role("link", name="Open the draft")).to_be_in_viewport()
    shot(fan, "06-remix-job-finished")
    fan.get_by_role("link", name="Open the draft").click()
    fan.wait_for_url(f"**/v/{remix_id}")
    fan.get_by_placeholder("Caption").fill(remix_caption)
    fan.get_by_role("button", name="Publish").click()
    expect(fan.locator("p.caption")).to_have_text(remix_caption)
    expect(fan.locator(".byline .badge")).to_have_count(0)

    # The remix names its parent; the parent lists the remix: follow the chain both ways.
    remixed_from = fan.locator("section.chain").filter(
        has=fan.get_by_role("heading", name="Remixed from"))
    expect(remixed_from).to_be_visible()
    expect(remixed_from).to_contain_text(f"by @{creator_handle}")
    shot(fan, "07-remix-page", full_page=True)
    remixed_from.locator(f'a[href="/v/{video_id}"]').click()
    fan.wait_for_url(f"**/v/{video_id}")
    expect(fan.locator("p.caption")).to_have_text(caption)
    remixes = fan.locator("section.chain").filter(has=fan.get_by_role("heading", name="Remixes"))
    expect(remixes).to_contain_text(f"by @{fan_handle}")
    remixes.locator(f'a[href="/v/{remix_id}"]').click()
    fan.wait_for_url(f"**/v/{remix_id}")
    expect(fan.locator("p.caption")).to_have_text(remix_caption)

    with platform.transaction() as db:
        remix_row = db.get(Video, remix_id)
        assert remix_row is not None
        assert (remix_row.parent_id, remix_row.kind) == (video_id, VideoKind.REMIX)
        assert remix_row.status == VideoStatus.PUBLISHED
        fan_id = db.scalar(select(User.id).where(User.handle == fan_handle))
        creator_id = db.scalar(select(User.id).where(User.handle == creator_handle))
        assert db.scalar(select(Like.id).where(Like.user_id == fan_id,
                                               Like.video_id == video_id)) is not None
        assert db.scalar(select(Comment.body).where(Comment.video_id == video_id)) == \
            "The ball is so red!"
        assert db.scalar(select(Follow.id).where(Follow.follower_id == fan_id,
                                                 Follow.followee_id == creator_id)) is not None
        parent = db.get(Video, video_id)
        assert parent is not None
        assert (parent.like_count, parent.comment_count, parent.remix_count) == (1, 1, 1)

    # -- the creator hears about all of it ----------------------------------------------
    creator.goto("/")
    expect(creator.locator("#bell [data-unread]")).to_have_text(re.compile(r"^[4-9]$"))
    creator.get_by_role("link", name=re.compile("^Notifications")).click()
    creator.wait_for_url("**/notifications")
    notes = creator.locator("ul.notifications li")
    expect(notes.filter(has_text=f"@{fan_handle} liked your video")).to_have_attribute(
        "data-kind", "like")
    expect(notes.filter(has_text=f"@{fan_handle} commented on your video")).to_have_attribute(
        "data-kind", "comment")
    expect(notes.filter(has_text=f"@{fan_handle} followed you")).to_have_attribute(
        "data-kind", "follow")
    remix_note = notes.filter(has_text=f"@{fan_handle} remixed your video")
    expect(remix_note).to_have_attribute("data-kind", "remix")
    shot(creator, "08-notifications", full_page=True)
    remix_note.get_by_role("link", name="see the video").click()
    creator.wait_for_url(re.compile(r"/v/\d+$"))
    expect(creator.locator("p.caption")).to_have_text(re.compile(re.escape(remix_caption)
                                                                 + "|" + re.escape(caption)))
    # Reading the page marked them read: the bell has no badge any more.
    expect(creator.locator("#bell [data-unread]")).to_have_count(0)
