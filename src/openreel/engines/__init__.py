"""Video engines and the table of their names."""

from __future__ import annotations

import threading

from openreel.engines.base import FrameSink, ProgressFn, RenderRequest, RenderResult, VideoEngine

ENGINE_NAMES = ("procedural",)


class UnknownEngine(ValueError):
    """Asked for an engine that does not exist here."""


def get_engine(name: str) -> VideoEngine:
    """The engine called ``name``; imported only when asked for."""
    if name == "procedural":
        from openreel.engines.procedural.engine import ProceduralEngine

        return ProceduralEngine()
    raise UnknownEngine(f"unknown engine {name!r}; available: {', '.join(ENGINE_NAMES)}")


class Engines:
    """The engines one deployment renders with: each made on first use, then kept (an
    engine that loads model weights loads them once)."""

    def __init__(self) -> None:
        self._made: dict[str, VideoEngine] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> VideoEngine:
        """The engine called ``name`` (see :func:`get_engine`)."""
        with self._lock:
            engine = self._made.get(name)
            if engine is None:
                engine = self._made[name] = get_engine(name)
            return engine

    def close(self) -> None:
        """Let go of the engines made."""
        with self._lock:
            self._made.clear()


__all__ = ["ENGINE_NAMES", "Engines", "FrameSink", "ProgressFn", "RenderRequest",
           "RenderResult", "UnknownEngine", "VideoEngine", "get_engine"]
