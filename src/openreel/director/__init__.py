"""The director: prompt (+ image) → Storyboard."""

from openreel.director.describe import describe
from openreel.director.direct import direct

__all__ = ["describe", "direct"]
