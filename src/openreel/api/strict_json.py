"""JSON bodies as JSON defines them: ``NaN`` and ``Infinity`` are not numbers.

Python's reader accepts them, so ``{"seconds": NaN}`` reached validation and came back as
a 500 (the error report, holding the NaN, could not itself be written as JSON). Every API
route reads its body through ``FiniteJSONRequest`` instead, which refuses them as a JSON
decode error: a 422 that names the place, like any other malformed body.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

_NOT_NUMBERS = "NaN and Infinity are not numbers in JSON"


class _NotANumber(ValueError):
    pass


def _refuse(constant: str) -> Any:
    raise _NotANumber(constant)


class FiniteJSONRequest(Request):
    """A request whose JSON body may hold only finite numbers."""

    async def json(self) -> Any:
        """The body read as strict JSON (raises ``json.JSONDecodeError`` otherwise)."""
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = json.loads(body, parse_constant=_refuse)
            except _NotANumber as exc:
                text = body.decode("utf-8", "replace")
                raise json.JSONDecodeError(_NOT_NUMBERS, text, max(text.find(str(exc)), 0)) \
                    from None
        return self._json


class FiniteJSONRoute(APIRoute):
    """An API route that reads its body with ``FiniteJSONRequest``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The usual handler, given the strict request."""
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(FiniteJSONRequest(request.scope, request.receive))

        return strict
