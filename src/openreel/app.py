"""The ASGI application: the API, the web pages and the in-process render workers."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

import openreel
from openreel.api.deps import reads_inline
from openreel.api.errors import install_error_handlers
from openreel.api.guards import BodyLimit, RateLimit, SecurityHeaders
from openreel.api.router import API_PREFIX, api_router
from openreel.api.routes.feed import FeedShortcut
from openreel.config import Settings, get_settings
from openreel.jobs import WorkerPool
from openreel.services.platform import Platform
from openreel.services.rendering import render_handler
from openreel.services.videos import RENDER_JOB
from openreel.web.pages import CsrfMissing, error_page, web_router

logger = logging.getLogger(__name__)


def start_workers(platform: Platform) -> WorkerPool:
    """Render workers in this process, as many as the settings ask for."""
    settings = platform.settings
    pool = WorkerPool(platform.sessions, {RENDER_JOB: render_handler(platform)},
                      workers=settings.workers, lease_seconds=settings.job_lease_seconds,
                      retry_seconds=settings.job_retry_seconds, queue=platform.queue)
    pool.start()
    return pool


def _warm_up(platform: Platform) -> None:
    try:
        platform.warm_up()
    except Exception:  # the first steering loads it then, and says what failed
        logger.exception("warming up failed")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The whole app for ``settings`` (the process-wide settings by default), on one
    platform built here: every route and page gets it from ``app.state.platform``."""
    settings = settings or get_settings()
    platform = Platform.from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        removed = platform.clean_scratch()
        if removed:
            logger.info("removed %d unfinished work folders and files left in %s", removed,
                        settings.scratch_dir())
        pool = start_workers(platform)
        if settings.warm_up:
            threading.Thread(target=_warm_up, args=(platform,), daemon=True,
                             name="warm-up").start()
        # What exists once the app is built (modules, routes, schemas: some hundred
        # thousand objects) lives as long as the process; frozen, the collector stops
        # walking it, and its full collections no longer stall requests for 100 ms.
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            pool.stop(timeout=5.0)
            platform.close()

    app = FastAPI(title="openreel", version=openreel.__version__, lifespan=lifespan,
                  description="Make, share and remix short videos with sound.",
                  openapi_url="/api/v1/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.platform = platform
    install_error_handlers(app, error_page)

    async def on_missing_csrf(request: Request, _exc: Exception) -> Response:
        return error_page(request, 403, "the form expired or came from elsewhere: "
                                        "reload the page and try again")

    app.add_exception_handler(CsrfMissing, on_missing_csrf)
    app.include_router(api_router())
    app.include_router(web_router())
    app.mount("/static", StaticFiles(directory=str(files("openreel.web") / "static")),
              name="static")
    app.add_middleware(FeedShortcut, path=f"{API_PREFIX}/feed")  # innermost: see its notes
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute,
                       identify=platform.caller_of, identify_inline=reads_inline(platform))
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: every answer carries them
    return app
