"""The create form in a real browser, on a phone and on a desktop: the prompt's live
character counter, the day's quota, errors said in the page, and the favicon."""

from __future__ import annotations

import re

import pytest
from browser_steps import sign_up, unique_handle
from playwright.sync_api import Page, expect

from openreel.services.videos import MAX_PROMPT

SIZES = [pytest.param((390, 844), id="phone"), pytest.param((1280, 860), id="desktop")]
QUOTA_LINE = re.compile(r"^(\d+) of (\d+) videos? left today · resets at midnight UTC$")


def _quota(page: Page) -> dict[str, int]:
    answer = page.request.get("/api/v1/me/quota")
    assert answer.status == 200, answer.text()
    body: dict[str, int] = answer.json()
    return body


def _colour(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "node => getComputedStyle(node).color"))


@pytest.mark.parametrize("size", SIZES)
def test_the_prompt_counter_follows_typing_and_warns_near_the_limit(
        new_context, shot, size: tuple[int, int]) -> None:
    page = new_context(*size).new_page()
    sign_up(page, unique_handle("count"))
    page.goto("/create")
    prompt = page.get_by_label("Prompt", exact=True)
    counter = page.locator("#prompt-count")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(prompt).to_have_attribute("aria-describedby", "prompt-count")
    expect(counter).to_have_text(f"0 / {MAX_PROMPT}")
    calm = _colour(page, "#prompt-count")

    prompt.press_sequentially("a dog")  # key by key, as a person types
    expect(counter).to_have_text(f"5 / {MAX_PROMPT}")
    prompt.press("Backspace")
    expect(counter).to_have_text(f"4 / {MAX_PROMPT}")
    expect(counter).not_to_have_class(re.compile(r"\bnear\b"))

    prompt.fill("a dog runs on the beach. " * 76)  # 1900 characters: 95% of the limit
    expect(counter).to_have_text(f"1900 / {MAX_PROMPT}")
    expect(counter).to_have_class(re.compile(r"\bnear\b"))
    counter.scroll_into_view_if_needed()
    expect(counter).to_be_in_viewport()
    assert _colour(page, "#prompt-count") != calm, "near the limit it changes colour"
    shot(page, "near-the-limit")

    prompt.fill("a" * (MAX_PROMPT + 50))  # the field stops at the limit
    expect(counter).to_have_text(f"{MAX_PROMPT} / {MAX_PROMPT}")


@pytest.mark.parametrize("size", SIZES)
def test_the_quota_line_shows_what_is_left_and_counts_down(
        new_context, shot, size: tuple[int, int]) -> None:
    page = new_context(*size).new_page()
    sign_up(page, unique_handle("quota"))
    page.goto("/create")
    line = page.locator("#quota")
    expect(line).to_be_visible()
    quota = _quota(page)
    assert quota["used"] == 0
    expect(line).to_have_text(QUOTA_LINE)
    expect(line).to_have_text(re.compile(rf"^{quota['left']} of {quota['limit']} "))
    shot(page, "quota")

    page.get_by_label("Prompt", exact=True).fill("a red kite over a green hill")
    page.get_by_label("Seconds", exact=True).fill("1")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+$"))
    page.goto("/create")
    after = _quota(page)
    assert (after["used"], after["left"]) == (1, quota["left"] - 1)
    expect(line).to_have_text(re.compile(rf"^{after['left']} of {after['limit']} "))


@pytest.mark.parametrize("size", SIZES)
def test_create_errors_are_said_in_the_page_not_in_a_dialog(
        new_context, tmp_path, size: tuple[int, int]) -> None:
    page = new_context(*size).new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_up(page, unique_handle("oops"))
    page.goto("/create")
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture at all\n")
    page.get_by_label("Prompt", exact=True).fill("a cat on a red sofa")
    page.get_by_label("First frame").set_input_files(str(notes))
    with page.expect_response(lambda r: r.url.endswith("/create")
                              and r.request.method == "POST") as answer:
        page.get_by_role("button", name="Generate").click()
    assert answer.value.status == 415
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("not a picture openreel can read")
    expect(alert).to_contain_text("upload a PNG, JPEG, WebP, GIF or BMP picture")
    expect(alert).to_be_in_viewport()
    # what was typed is still there, and counted
    expect(page.get_by_label("Prompt", exact=True)).to_have_value("a cat on a red sofa")
    expect(page.locator("#prompt-count")).to_have_text(f"19 / {MAX_PROMPT}")
    assert dialogs == []


@pytest.mark.parametrize("size", SIZES)
def test_the_favicon_link_resolves(new_context, size: tuple[int, int]) -> None:
    page = new_context(*size).new_page()
    for path in ("/", "/signin", "/verify"):
        page.goto(path)
        href = page.locator('link[rel="icon"]').get_attribute("href")
        assert href == "/static/favicon.svg"
        # the address the browser itself resolves it to
        url = page.evaluate("document.querySelector('link[rel=\"icon\"]').href")
        icon = page.request.get(url)
        assert icon.status == 200
        assert icon.headers["content-type"].startswith("image/svg+xml")
        assert b"<svg" in icon.body()
    legacy = page.request.get("/favicon.ico")  # what browsers ask for unprompted
    assert legacy.status == 200 and legacy.url.endswith("/static/favicon.svg")
