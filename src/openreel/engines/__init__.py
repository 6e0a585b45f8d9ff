"""Video engines and the table of their names."""

from __future__ import annotations

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


__all__ = ["ENGINE_NAMES", "FrameSink", "ProgressFn", "RenderRequest", "RenderResult",
           "UnknownEngine", "VideoEngine", "get_engine"]
