"""The director: prompt (+ image, or a parent storyboard) → Storyboard."""

from openreel.director.describe import describe
from openreel.director.direct import direct
from openreel.director.extend import extend
from openreel.director.remix import Remix, remix

__all__ = ["Remix", "describe", "direct", "extend", "remix"]
