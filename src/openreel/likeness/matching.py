"""Whose face is in a picture: faces found and matched against the registered cameos.

A face matches a cameo when dlib's descriptors of the two lie within :data:`MATCH` of each
other (the embedder's own same-person line is 0.6; bench.cameo_faces measures the true
and false matches at this line on packaged photographs and their edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from openreel.likeness import faces

MATCH = 0.55  # descriptor distance under which a face is taken for a cameo's owner
SMALLEST_FACE = 40  # pixels: smaller faces are not looked for (a crowd, a poster far off)


@dataclass(frozen=True)
class Known:
    """A registered cameo's face."""

    cameo_id: int
    handle: str
    descriptor: np.ndarray  # (128,) float32


@dataclass(frozen=True)
class Match:
    """A face in a picture taken for a cameo's owner."""

    cameo_id: int
    handle: str
    distance: float
    at: float  # seconds into a video (0 for a picture)


def descriptors_in(rgb: np.ndarray) -> list[np.ndarray]:
    """The descriptor of every face in ``rgb`` at least :data:`SMALLEST_FACE` wide (small
    pictures are looked at doubled, so a face that small is found)."""
    upsample = 1 if max(rgb.shape[:2]) <= 800 else 0
    return [faces.descriptor(rgb, face) for face in faces.find_faces(rgb, upsample)
            if face.width >= SMALLEST_FACE]


def matches(pictures: Iterable[tuple[float, np.ndarray]], known: Sequence[Known],
            threshold: float = MATCH) -> list[Match]:
    """For each cameo whose owner's face is in any of ``pictures`` ((time, RGB) pairs), its
    closest match, nearest first."""
    if not known:
        return []
    table = np.stack([k.descriptor for k in known]).astype(np.float32)
    best: dict[int, Match] = {}
    for at, rgb in pictures:
        for found in descriptors_in(rgb):
            distances = np.linalg.norm(table - found[None, :], axis=1)
            i = int(np.argmin(distances))
            d = float(distances[i])
            who = known[i]
            if d < threshold and (who.cameo_id not in best or d < best[who.cameo_id].distance):
                best[who.cameo_id] = Match(who.cameo_id, who.handle, round(d, 3), at)
    return sorted(best.values(), key=lambda m: m.distance)
