"""The director: prompt (+ image, or a parent storyboard) → Storyboard."""

from openreel.director.describe import describe
from openreel.director.direct import direct
from openreel.director.extend import ExtendError, extend
from openreel.director.remix import Remix, RemixError, remix

__all__ = ["ExtendError", "Remix", "RemixError", "describe", "direct", "extend", "remix"]
