"""Screenshots of the app for the README: the feed, create, job and watch pages.

Starts ``openreel serve`` on a fresh data directory with the demo seeded, signs a viewer
up, and photographs each page with headless Chromium at a phone size (390×844) and a
desktop size (1280×860) into ``docs/screens/``.

    python -m gallery.screens [--out docs/screens] [--data DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.feed_load import serve
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}
PROMPT = "a golden retriever catches a frisbee in a sunny park"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _openreel(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "openreel.cli.main", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def _settle(page: Page) -> None:
    """Let videos show a frame and transitions end before the picture is taken."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1200)


def _sign_in(page: Page, handle: str) -> None:
    page.goto("/signin")
    page.get_by_label("Handle or email").fill(handle)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def take(base: str, out: Path) -> list[Path]:
    """Photograph the pages of the server at ``base``; returns the files written."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screens need Chromium on PATH (the 'chromium' package)")
    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True,
            args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"])
        maker = browser.new_context(base_url=base, viewport=PHONE)
        page = maker.new_page()
        page.goto("/signup")
        page.get_by_label("Handle").fill("you")
        page.get_by_label("Email").fill("you@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        page.wait_for_url("**/")
        for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            context = browser.new_context(base_url=base, viewport=viewport)
            page = context.new_page()
            page.goto("/")
            page.wait_for_selector("section.reel video")
            _settle(page)
            written.append(out / f"feed-signed-out-{name}.png")
            page.screenshot(path=str(written[-1]))
            _sign_in(page, "you")
            page.wait_for_selector("section.reel video")
            _settle(page)
            written.append(out / f"feed-{name}.png")
            page.screenshot(path=str(written[-1]))
            page.locator("section.reel").first.get_by_role("button", name="Comments").click()
            _settle(page)
            written.append(out / f"comments-{name}.png")
            page.screenshot(path=str(written[-1]))
            page.keyboard.press("Escape")
            page.goto("/create")
            page.get_by_label("Prompt", exact=True).fill(PROMPT)
            _settle(page)
            written.append(out / f"create-{name}.png")
            page.screenshot(path=str(written[-1]))
            page.get_by_role("button", name="Generate").click()
            page.wait_for_url("**/jobs/*")
            page.wait_for_selector('#job-status[data-status="succeeded"]', timeout=300_000)
            _settle(page)
            written.append(out / f"job-{name}.png")
            page.screenshot(path=str(written[-1]))
            page.get_by_role("link", name="Open the draft").click()
            page.wait_for_url("**/v/*")
            _settle(page)
            written.append(out / f"watch-{name}.png")
            page.screenshot(path=str(written[-1]))
            context.close()
        browser.close()
    return written


def main() -> None:
    """Seed a demo on a fresh data directory, serve it and photograph the pages."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--data", type=Path, default=None,
                        help="a data directory with the demo already seeded")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.data or Path(tempfile.mkdtemp(prefix="openreel-screens-"))
    env = {**os.environ, "OPENREEL_DATA_DIR": str(data),
           "OPENREEL_RATE_LIMIT_PER_MINUTE": "100000"}
    if args.data is None:
        _openreel("migrate", env=env)
        _openreel("seed-demo", env=env)
    port = _free_port()
    command = [sys.executable, "-m", "openreel.cli.main", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", "1"]
    started = time.perf_counter()
    with serve(command, env, port, "/"):
        for path in take(f"http://127.0.0.1:{port}", args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    print(f"screens: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
