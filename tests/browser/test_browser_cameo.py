"""Making one's cameo in a real browser: the challenge on the page, a recording that answers
it uploaded, the cameo's faces shown, who may use it changed, and the cameo erased."""

from __future__ import annotations

import re
from pathlib import Path

from browser_steps import create_clip, sign_up, unique_handle, wait_for_preview
from playwright.sync_api import expect

from bench import capture_clips as clips


def test_a_person_makes_their_cameo_from_a_recording_and_erases_it(
        new_context, tmp_path: Path, shot) -> None:
    handle = unique_handle("cam")
    page = new_context().new_page()
    sign_up(page, handle)
    page.locator('a[href="/cameo"]:visible').first.click()
    page.wait_for_url("**/cameo")
    challenge = page.locator("#challenge")
    expect(challenge).to_contain_text("Say these digits aloud")
    digits = [int(d) for d in challenge.get_attribute("data-digits").strip("[]").split(",")]
    turn = challenge.get_attribute("data-turn")
    shot(page, "challenge")

    # a recording of someone else's challenge is refused, with the reason, and a new
    # challenge is shown
    wrong = clips.live(tmp_path / "old.mp4", [(d + 1) % 10 for d in digits],
                       25 if turn == "left" else -25)
    page.locator("#cameo-file").set_input_files(str(wrong))
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name="Make my cameo").click()
    expect(page.locator("#cameo-refused")).to_contain_text("the digits heard")
    digits = [int(d) for d in page.locator("#challenge").get_attribute(
        "data-digits").strip("[]").split(",")]
    turn = page.locator("#challenge").get_attribute("data-turn")

    answer = clips.live(tmp_path / "me.mp4", digits, 25 if turn == "left" else -25)
    page.locator("#cameo-file").set_input_files(str(answer))
    page.get_by_label("Who may use it").select_option("mutuals")
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name="Make my cameo").click()
    faces = page.locator("#cameo-faces img")
    expect(faces).to_have_count(8)
    expect(faces.first).to_have_js_property("naturalWidth", 150)
    expect(page.get_by_label("Who may use it")).to_have_value("mutuals")
    shot(page, "cameo")

    page.get_by_label("Who may use it").select_option("only_me")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_label("Who may use it")).to_have_value("only_me")

    # the owner's rules in their own words: one that says nothing is refused with why
    page.get_by_label("Your rules, one per line").fill("never")
    page.get_by_role("button", name="Save rules").click()
    expect(page.locator("#cameo-rules .error")).to_contain_text("does not say what it is about")
    page.get_by_label("Your rules, one per line").fill(
        "never show me smoking\nalways in a blue dress")
    page.get_by_role("button", name="Save rules").click()
    expect(page.get_by_label("Your rules, one per line")).to_have_value(
        "never show me smoking\nalways in a blue dress")
    shot(page, "rules", full_page=True)

    # the people approved to use it; one of them puts the cameo in a video of their own,
    # which the cameo's owner sees (a draft) and removes
    friend = unique_handle("pal")
    friends_page = new_context().new_page()
    sign_up(friends_page, friend)
    approve = page.get_by_label("Handle to approve")
    approve.fill("@nobody_by_that_name")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("#cameo-approved .error")).to_contain_text("nobody_by_that_name")
    page.get_by_label("Handle to approve").fill(f"@{friend}")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("#cameo-approved li").first).to_have_text(re.compile(f"@{friend}"))
    page.get_by_label("Who may use it").select_option("approved")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_label("Who may use it")).to_have_value("approved")
    create_clip(friends_page, f"@{handle} waves at the camera on a sunny beach")
    video_id = wait_for_preview(friends_page)
    page.goto("/notifications")
    told = page.locator('li[data-kind="cameo_used"]')
    expect(told).to_contain_text(f"@{friend} made a video with your cameo")
    expect(told.get_by_role("link", name="see the video")).to_have_attribute(
        "href", f"/v/{video_id}")
    page.goto("/cameo")
    mine = page.locator(f'#cameo-videos li[data-video-id="{video_id}"]')
    expect(mine).to_contain_text(f"by @{friend} · draft")
    page.get_by_role("button", name=f"Remove the video {video_id}").click()
    expect(page.locator("#cameo-videos li")).to_have_text(["None yet."])
    friends_page.goto(f"/v/{video_id}")
    expect(friends_page.locator("body")).to_contain_text("no video")
    page.get_by_role("button", name=f"Stop approving @{friend}").click()
    expect(page.locator("#cameo-approved li")).to_have_text(["Nobody yet."])

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my cameo").click()
    expect(page.locator("#challenge")).to_be_visible()
    expect(page.locator("#cameo-faces")).to_have_count(0)


def _y4m(path: Path, frames: list, fps: int) -> None:
    """Frames (RGB) as a YUV4MPEG2 file, what Chromium's fake camera plays."""
    import cv2

    height, width = frames[0].shape[:2]
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n")
            out.write(cv2.cvtColor(frame, cv2.COLOR_RGB2YUV_I420).tobytes())


def _wav(path: Path, sound, rate: int) -> None:
    """Mono 16-bit WAV, what Chromium's fake microphone plays."""
    import wave

    import numpy as np

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(sound.mean(axis=1), -1, 1) * 32767).astype("<i2").tobytes())


def test_a_cameo_recorded_with_the_camera_and_microphone_in_the_page(
        new_context, playwright_instance, server, tmp_path: Path, shot) -> None:
    """The page's recorder: Chromium's fake camera and microphone play a person answering
    the page's challenge; the page records 8 s with MediaRecorder and sends it."""
    from openreel.media import AUDIO_RATE

    handle = unique_handle("rec")
    page = new_context().new_page()
    sign_up(page, handle)
    page.goto("/cameo")
    # Chromium's fake devices play their files from a moment that depends on how busy the
    # machine is, and loop them: a recording can start inside the digits and cut them. A
    # recording refused for that shows a new challenge; the person records again (up to
    # three times, each with fresh files answering the new challenge).
    for attempt in range(3):
        challenge = page.locator("#challenge")
        digits = [int(d) for d in challenge.get_attribute("data-digits").strip("[]").split(",")]
        degrees = 25 if challenge.get_attribute("data-turn") == "left" else -25
        # the digits are said once, from 3.5 s; the head turns at 4-7 s
        seconds = 12.0
        frames = [clips.turned(clips.photo(),
                               degrees * max(0.0, 1 - abs(n / clips.FPS - 5.5) / 1.5))
                  for n in range(round(seconds * clips.FPS))]
        camera, microphone = tmp_path / f"camera{attempt}.y4m", tmp_path / f"mic{attempt}.wav"
        _y4m(camera, frames, clips.FPS)
        _wav(microphone, clips.saying(digits, seconds, at=3.5), AUDIO_RATE)
        refusal = _record_in_page(playwright_instance, server, page, camera, microphone, shot)
        if refusal is None:
            return
        # only what the devices' timing can cut may fail it: the digits, the turn
        assert any(cut in refusal for cut in ("the digits heard", "did not turn",
                                              "no voice was heard")), refusal
        page.reload()
    raise AssertionError(f"three recordings refused; the last: {refusal}")


def _record_in_page(playwright_instance, server, page, camera: Path, microphone: Path,
                    shot) -> str | None:
    """Record the cameo in a browser whose camera and microphone play ``camera`` and
    ``microphone``, as the person signed in on ``page``; the refusal shown, or None."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    browser = playwright_instance.chromium.launch(executable_path=chromium, headless=True, args=[
        "--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={camera}",
        f"--use-file-for-fake-audio-capture={microphone}"])
    try:
        # the same person (their cookies), the same open challenge
        context = browser.new_context(base_url=server.url,
                                      storage_state=page.context.storage_state())
        context.grant_permissions(["camera", "microphone"])
        recording = context.new_page()
        recording.goto("/cameo")
        expect(recording.locator("#challenge")).to_have_attribute(
            "data-digits", page.locator("#challenge").get_attribute("data-digits"))
        with recording.expect_navigation(timeout=120_000):
            recording.get_by_role("button", name="Record 8 seconds").click()
        refused = recording.locator("#cameo-refused")
        if refused.count():
            return refused.inner_text()
        expect(recording.locator("#cameo-faces img")).to_have_count(8)
        shot(recording, "recorded")
        return None
    finally:
        browser.close()
