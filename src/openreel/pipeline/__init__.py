"""The line from a prompt to a finished file, as one call.

The names are loaded when first used: ``openreel --help`` and other light callers can read
:mod:`openreel.pipeline.sizes` without importing the engines and the encoder.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from openreel.pipeline.sizes import FPS_CHOICES, SIZES

if TYPE_CHECKING:
    from openreel.pipeline.generate import (
        GenerateOptions,
        GenerationResult,
        InvalidRequest,
        load_image,
        plan,
        render_to_file,
    )

_FROM_GENERATE = ("GenerateOptions", "GenerationResult", "InvalidRequest", "load_image", "plan",
                  "render_to_file")


def __getattr__(name: str) -> Any:
    if name in _FROM_GENERATE:
        return getattr(importlib.import_module("openreel.pipeline.generate"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FPS_CHOICES", "SIZES", "GenerateOptions", "GenerationResult", "InvalidRequest",
           "load_image", "plan", "render_to_file"]
