"""Physics outlines from artwork: the convex pieces of its opaque pixels, in metres, and
how much of its box those pixels cover."""

from __future__ import annotations

import threading

import numpy as np

from openreel.engines.procedural.art.build import OPAQUE
from openreel.engines.procedural.art.library import Artwork
from openreel.engines.procedural.art.masters import master

Polygon = list[tuple[float, float]]


def body_pieces(art: Artwork, width: float, height: float) -> list[Polygon]:
    """Convex polygons (metres, centred on the artwork's box, y up) covering its silhouette
    when drawn ``width`` × ``height``."""
    longest = max(width, height)
    return [[(float(x), float(y)) for x, y in piece * longest] for piece in art.pieces]


def hull_points(art: Artwork, width: float, height: float) -> np.ndarray:
    """(n, 2) convex hull of the opaque pixels in metres, centred on the box, y up."""
    return art.hull * max(width, height)


def opaque_share(art: Artwork) -> float:
    """How much of a square on the artwork's longest side its opaque pixels cover (a bat
    drawn corner to corner covers little of it, a ball most of its circle)."""
    with _lock:
        found = _shares.get(art.key)
    if found is None:
        alpha = master(art)[..., 3]
        found = float((alpha >= OPAQUE).sum()) / max(alpha.shape) ** 2
        with _lock:
            _shares[art.key] = found
    return found


_lock = threading.Lock()
_shares: dict[str, float] = {}
