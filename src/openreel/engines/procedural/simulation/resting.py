"""How a still thing lies when it is set down: a bat or a pair of skis drawn corner to
corner would topple from its upright picture, so a still life sets it down on its side
from the start, the way it would come to rest.

The thing's body is its artwork's outline (``rigid.rigid_shapes``); it rests steadily on
an edge of that outline's convex hull when its centre lies above the edge. Of the steady
edges, the one that keeps the centre lowest is the one it settles on.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from openreel.engines.procedural.art.library import artwork_of
from openreel.engines.procedural.art.silhouette import hull_points
from openreel.engines.procedural.rigs import footprint
from openreel.spec import Archetype

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.layout import Instance

A = Archetype
# things whose physical body is their artwork's outline (as in ``rigid``)
_OUTLINED = (A.PROP, A.FOOD, A.BLOCK, A.FURNITURE, A.CONTAINER)
_FLAT = 0.02  # of the longest side: points this close to the lowest are on the ground


def lying_angle(inst: Instance) -> float:
    """The angle (radians, counter-clockwise) at which the instance lies steady on the
    ground: 0 when its upright picture already stands steady."""
    points = _outline(inst)
    if points is None or _steady(points):
        return 0.0
    best, lowest = 0.0, math.inf
    for a, b in zip(points, np.roll(points, -1, axis=0), strict=True):
        edge = math.atan2(b[1] - a[1], b[0] - a[0])
        for angle in (-edge, math.pi - edge):
            turned = _turn(points, angle)
            height = _centre(turned)[1] - turned[:, 1].min()
            if height < lowest and _steady(turned):
                best, lowest = angle, height
    return math.remainder(best, 2 * math.pi)


def lying_extent(inst: Instance) -> tuple[float, float, float]:
    """Width, height, and the height of its root above the ground, of the instance as it
    lies at its angle."""
    points = _outline(inst)
    if points is None:
        w, h = footprint(inst.archetype, inst.size, inst.kind)
        return w, h, inst.rest
    turned = _turn(points, inst.angle)
    low, high = turned.min(axis=0), turned.max(axis=0)
    return float(high[0] - low[0]), float(high[1] - low[1]), float(-low[1])


def _outline(inst: Instance) -> np.ndarray | None:
    """The hull of its body about its root (metres, y up), or None for a rig."""
    art = artwork_of(inst.kind) if inst.archetype in _OUTLINED else None
    if art is None:
        return None
    w, h = footprint(inst.archetype, inst.size, inst.kind)
    return np.asarray(hull_points(art, w, h), np.float64)


def _turn(points: np.ndarray, angle: float) -> np.ndarray:
    c, s = math.cos(angle), math.sin(angle)
    return points @ np.array([[c, s], [-s, c]])


def _centre(points: np.ndarray) -> np.ndarray:
    """The centre of the polygon's area (shoelace)."""
    x, y = points[:, 0], points[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return points.mean(axis=0)
    return np.array([((x + xn) * cross).sum(), ((y + yn) * cross).sum()]) / (6 * area)


def _steady(points: np.ndarray) -> bool:
    """Whether the outline, as turned, stands steady: its centre above its footing."""
    longest = float(np.ptp(points, axis=0).max())
    footing = points[points[:, 1] <= points[:, 1].min() + _FLAT * longest]
    x = _centre(points)[0]
    return bool(footing[:, 0].min() <= x <= footing[:, 0].max()) and \
        float(np.ptp(footing[:, 0])) > 0.1 * longest
