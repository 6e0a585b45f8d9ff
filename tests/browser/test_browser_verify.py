"""Verifying files in a real browser: a downloaded reel is recognised, a stranger's file not."""

from __future__ import annotations

import io
import re
from pathlib import Path

from browser_steps import (
    create_clip,
    publish_from_job_page,
    sign_up,
    unique_handle,
    wait_for_preview,
)
from PIL import Image
from playwright.sync_api import expect


def test_a_downloaded_reel_verifies_as_its_creators(new_context, tmp_path: Path, shot) -> None:
    handle = unique_handle("proof")
    page = new_context().new_page()
    sign_up(page, handle)
    create_clip(page, "a dog runs along a beach and barks at the waves", seconds=4)
    wait_for_preview(page)
    video_id = publish_from_job_page(page, "the proof")
    page.goto(f"/v/{video_id}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    copy = tmp_path / "downloaded.mp4"
    download.value.save_as(copy)

    # Anyone, signed in or not, can check a file.
    stranger = new_context().new_page()
    stranger.goto("/")
    stranger.get_by_role("link", name="Verify").click()
    stranger.wait_for_url("**/verify")
    stranger.get_by_label("File").set_input_files(str(copy))
    # the first check of a server starts its checker (a few seconds on a busy machine)
    with stranger.expect_navigation(timeout=60_000):
        stranger.get_by_role("button", name="Verify").click()
    verdict = stranger.locator("#verdict")
    expect(verdict).to_have_attribute("data-openreel", "yes", timeout=60_000)
    expect(verdict.get_by_role("heading", level=2)).to_have_text(re.compile("An openreel video"))
    expect(verdict).to_contain_text(f"@{handle}")
    expect(verdict.locator('[data-manifest="trusted"]')).to_be_visible()
    expect(verdict.locator('[data-mark="picture_mark"]')).to_contain_text("found")
    expect(stranger.locator("#verified-video")).to_have_attribute("href", f"/v/{video_id}")
    shot(stranger, "verify-openreel")

    # A picture that never came from openreel says so.
    noise = Image.effect_noise((640, 360), 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    other = tmp_path / "holiday.png"
    other.write_bytes(buffer.getvalue())
    stranger.get_by_label("File").set_input_files(str(other))
    with stranger.expect_navigation(timeout=60_000):
        stranger.get_by_role("button", name="Verify").click()
    expect(stranger.locator("#verdict")).to_have_attribute("data-openreel", "no",
                                                           timeout=60_000)
    expect(stranger.locator("#verdict .summary")).to_contain_text("No sign of openreel")
    shot(stranger, "verify-not-openreel")
