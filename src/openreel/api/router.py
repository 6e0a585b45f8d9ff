"""All API routes under one router, mounted at /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from openreel.api.errors import COMMON_RESPONSES
from openreel.api.routes import (
    accounts,
    batches,
    cameos,
    feed,
    making,
    provenance,
    users,
    videos,
)

API_PREFIX = "/api/v1"


def api_router() -> APIRouter:
    """The /api/v1 router."""
    router = APIRouter(prefix=API_PREFIX, responses=COMMON_RESPONSES)
    # The feed first: routes are matched in order, and it is asked for most.
    for module in (feed, accounts, users, making, batches, videos, provenance, cameos):
        router.include_router(module.router)
    return router
