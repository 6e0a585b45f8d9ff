"""Save in a real browser: the watch page's toggle, and the Saved list it fills."""

from __future__ import annotations

from browser_steps import create_clip, publish_from_job_page, sign_up, unique_handle
from playwright.sync_api import expect
from sqlalchemy import select

from openreel.db.models import SavedVideo, User


def test_saving_a_video_puts_it_on_the_saved_page(new_context, platform, shot) -> None:
    maker = new_context().new_page()
    sign_up(maker, unique_handle("keeper"))
    create_clip(maker, "a red kite flies over a beach")
    video_id = publish_from_job_page(maker, "Kite day")

    handle = unique_handle("saver")
    page = new_context().new_page()
    sign_up(page, handle)
    page.goto("/saved")
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    expect(page.get_by_text("Nothing saved yet. Tap Save on a video to keep it here.")
           ).to_be_visible()

    page.goto(f"/v/{video_id}")
    button = page.get_by_role("button", name="Save", exact=True)
    expect(button).to_have_attribute("aria-pressed", "false")
    with page.expect_response(f"**/api/v1/videos/{video_id}/save") as answer:
        button.click()
    assert answer.value.status == 200 and answer.value.request.method == "POST"
    saved = page.get_by_role("button", name="Saved", exact=True)
    expect(saved).to_have_attribute("aria-pressed", "true")
    expect(saved).to_have_attribute("data-saved", "true")
    # Download is untouched: still the file's own link
    expect(page.get_by_role("link", name="Download")).to_have_attribute(
        "href", f"/api/v1/videos/{video_id}/file?download=1")
    shot(page, "watch-saved")

    with platform.transaction() as db:
        user_id = db.scalar(select(User.id).where(User.handle == handle))
        rows = db.scalars(select(SavedVideo.video_id).where(SavedVideo.user_id == user_id))
        assert list(rows) == [video_id]

    page.get_by_role("link", name="Saved", exact=True).click()  # the header's link
    page.wait_for_url("**/saved")
    tile = page.locator(f'a.tile[href="/v/{video_id}"]')
    expect(tile).to_be_visible()
    expect(tile).to_contain_text("Kite day")
    expect(page.get_by_text("Nothing saved yet.")).to_have_count(0)
    shot(page, "saved-list")

    # the list's own toggle takes it back; the page after a reload is empty again
    with page.expect_response(f"**/api/v1/videos/{video_id}/save") as answer:
        page.get_by_role("button", name="Saved", exact=True).click()
    assert answer.value.status == 200 and answer.value.request.method == "DELETE"
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_attribute(
        "aria-pressed", "false")
    page.reload()
    expect(page.locator("a.tile")).to_have_count(0)
    expect(page.get_by_text("Nothing saved yet.")).to_be_visible()
