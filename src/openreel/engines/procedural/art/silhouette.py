"""Outlines from artwork: the convex pieces of its opaque pixels, in metres, and how much
of its box it covers."""

from __future__ import annotations

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


_shares: dict[str, float] = {}


def opaque_share(art: Artwork) -> float:
    """The part of the artwork's box its opaque pixels cover: near 1 for a box, a third for
    a bicycle, whose wheels are seen through."""
    share = _shares.get(art.key)
    if share is None:
        share = _shares[art.key] = float((master(art)[..., 3] >= OPAQUE).mean())
    return share
