"""The line from a prompt to a finished file, as one call."""

from openreel.pipeline.generate import (
    SIZES,
    GenerateOptions,
    GenerationResult,
    InvalidRequest,
    load_image,
    plan,
    render_to_file,
)

__all__ = ["SIZES", "GenerateOptions", "GenerationResult", "InvalidRequest", "load_image",
           "plan", "render_to_file"]
