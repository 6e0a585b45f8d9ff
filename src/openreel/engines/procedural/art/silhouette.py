"""Physics outlines from artwork: the convex pieces of its opaque pixels, in metres."""

from __future__ import annotations

import numpy as np

from openreel.engines.procedural.art.library import Artwork

Polygon = list[tuple[float, float]]


def body_pieces(art: Artwork, width: float, height: float) -> list[Polygon]:
    """Convex polygons (metres, centred on the artwork's box, y up) covering its silhouette
    when drawn ``width`` × ``height``."""
    longest = max(width, height)
    return [[(float(x), float(y)) for x, y in piece * longest] for piece in art.pieces]


def hull_points(art: Artwork, width: float, height: float) -> np.ndarray:
    """(n, 2) convex hull of the opaque pixels in metres, centred on the box, y up."""
    return art.hull * max(width, height)
