"""The renderer of the procedural engine (skia): backdrops, figures, particles, looks."""

from openreel.engines.procedural.render.renderer import Renderer

__all__ = ["Renderer"]
