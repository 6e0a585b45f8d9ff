"""Browser tests: the real server in a child process, driven by headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from openreel.config import Settings
from openreel.services.platform import Platform

HERE = Path(__file__).resolve().parent
LAUNCHER = HERE / "server_launcher.py"

expect.set_options(timeout=15_000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A running ``openreel serve``: where it answers and where it keeps its data."""

    url: str
    data_dir: Path
    log: Path


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``openreel serve`` with one render worker and its own data directory."""
    data_dir = tmp_path_factory.mktemp("openreel-data")
    log = data_dir / "server.log"
    port = _free_port()
    env = {**os.environ, "OPENREEL_DATA_DIR": str(data_dir),
           "OPENREEL_X264_PRESET": "ultrafast", "OPENREEL_RATE_LIMIT_PER_MINUTE": "100000"}
    command = [sys.executable, str(LAUNCHER), "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", "1"]
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, cwd=data_dir, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited:\n{log.read_text()[-4000:]}")
            try:
                if httpx.get(url + "/", timeout=2.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer:\n{log.read_text()[-4000:]}")
            time.sleep(0.2)
        yield Server(url=url, data_dir=data_dir, log=log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="session")
def platform(server: Server) -> Iterator[Platform]:
    """The server's database and blobs, read from the test process."""
    found = Platform.from_settings(Settings(data_dir=server.data_dir), migrate=False)
    yield found
    found.close()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Headless Chromium from the system (no downloaded browsers)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("the browser tests need Chromium on PATH (the 'chromium' package)")
    launched = playwright_instance.chromium.launch(
        executable_path=chromium, headless=True,
        args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"])
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go."""
    folder = Path(os.environ.get("OPENREEL_TEST_ARTIFACTS") or HERE / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def new_context(browser: Browser, server: Server) -> Iterator:
    """Make fresh browser contexts (separate cookie jars: separate people)."""
    made: list[BrowserContext] = []

    def make(width: int = 1280, height: int = 860) -> BrowserContext:
        context = browser.new_context(base_url=server.url,
                                      viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def shot(artifacts: Path, request: pytest.FixtureRequest):
    """Save a screenshot named after the test and the step."""
    def take(page: Page, step: str, full_page: bool = False) -> Path:
        path = artifacts / f"{request.node.name}-{step}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path
    return take
