"""Steps the browser tests share: making a clip through the pages and watching it finish."""

from __future__ import annotations

import itertools
import os
import re
import time

from playwright.sync_api import Page, expect

RENDER_TIMEOUT_MS = 180_000
PASSWORD = "correct horse battery"
_handles = itertools.count(1)

# Installed in every page: keeps each text the job status line shows, so a test can tell
# that the page changed live (over server-sent events) rather than by reloading.
STATUS_RECORDER = """
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("job-status");
  if (!status) return;
  window.__statusLog = [status.textContent.trim()];
  new MutationObserver(() => {
    const text = status.textContent.trim();
    if (window.__statusLog[window.__statusLog.length - 1] !== text) window.__statusLog.push(text);
  }).observe(status, { childList: true, characterData: true, subtree: true });
});
"""


def create_clip(page: Page, prompt: str, seconds: int = 2) -> int:
    """Fill the create form and submit it; returns the job id the page moved to."""
    page.goto("/create")
    page.get_by_label("Prompt", exact=True).fill(prompt)
    page.get_by_label("Seconds", exact=True).fill(str(seconds))
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+$"))
    return int(page.url.rsplit("/", 1)[1])


def wait_for_preview(page: Page) -> int:
    """Wait on a job page until the preview video is there and has loaded its metadata.

    Returns the id of the video the job made.
    """
    expect(page.locator("#job-status")).to_have_attribute("data-status", "succeeded",
                                                          timeout=RENDER_TIMEOUT_MS)
    expect(page.locator("#job-result")).to_be_visible()
    # a finished job cannot be cancelled: the button goes (a style once kept it showing)
    expect(page.get_by_role("button", name="Cancel")).to_be_hidden()
    preview = page.locator("#job-preview")
    expect(preview).to_have_attribute("src", re.compile(r"^/api/v1/videos/\d+/file$"))
    page.wait_for_function("document.getElementById('job-preview').readyState >= 1",
                           timeout=30_000)
    src = preview.get_attribute("src") or ""
    return int(src.split("/")[4])


def preview_duration(page: Page) -> float:
    """The duration the browser read from the preview video's metadata."""
    return float(page.evaluate("document.getElementById('job-preview').duration"))


def wait_until_playing(page: Page, video_selector: str) -> None:
    """Wait until the video has frames to show and its clock moves (it really plays)."""
    page.wait_for_function(
        """(selector) => {
             const video = document.querySelector(selector);
             return video !== null && video.readyState >= 2 && video.currentTime > 0;
           }""", arg=video_selector, timeout=30_000)


def open_feed_showing(page: Page, video_id: int, deadline_s: float = 20.0) -> None:
    """Open the For you feed until it shows the reel of ``video_id``.

    The server keeps the feed's candidates for a few seconds, so a video published a
    moment ago may need a reload or two to show up, as it would for a person.
    """
    started = time.monotonic()
    reel = page.locator(f'section.reel[data-video-id="{video_id}"]')
    while True:
        page.goto("/")
        # The first page of the feed has arrived once it shows reels or says it is empty.
        page.wait_for_function("""() => document.getElementById("feed").children.length > 0
                                  || !document.getElementById("feed-empty").hidden""")
        if reel.count() == 1:
            return
        if time.monotonic() - started > deadline_s:
            shown = page.locator("section.reel").evaluate_all(
                "reels => reels.map((r) => r.dataset.videoId)")
            raise AssertionError(f"video {video_id} is not in the feed after {deadline_s} s; "
                                 f"it shows {shown}")
        page.wait_for_timeout(500)


def publish_from_job_page(page: Page, caption: str) -> int:
    """On a finished job page: open the draft, publish it with ``caption``; returns its id."""
    video_id = wait_for_preview(page)
    page.get_by_role("link", name="Open the draft").click()
    page.wait_for_url(f"**/v/{video_id}")
    page.get_by_placeholder("Caption").fill(caption)
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("p.caption")).to_have_text(caption)
    return video_id


def unique_handle(prefix: str) -> str:
    """A handle no other test uses."""
    return f"{prefix}{next(_handles)}_{os.getpid() % 10_000}"


def sign_up(page: Page, handle: str) -> None:
    """Create an account through the sign-up form; ends on the feed, signed in."""
    page.goto("/signup")
    page.get_by_label("Handle").fill(handle)
    page.get_by_label("Email").fill(f"{handle}@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/")
    # signed in: a link to their profile shows (the header's @handle, or on a phone the
    # tab bar's Profile)
    expect(page.locator(f'a[href="/@{handle}"]:visible').first).to_be_visible()
