"""How big artwork is drawn: the visible box of a kind of a given size, in metres.

A kind's size means what the catalog says it means for its archetype (the height of a
chair, the shoulder height of a horse, the length of a fish, the longest side of a
prop); the artwork is scaled so that measure holds, keeping its own proportions.
"""

from __future__ import annotations

from openreel.engines.procedural.art.library import Artwork
from openreel.spec import Archetype

A = Archetype
# archetype -> (which side the size sets, size multiple); "long" is the longest side
_MEASURE: dict[Archetype, tuple[str, float]] = {
    A.QUADRUPED: ("height", 1.1), A.BUILDING: ("height", 1.25), A.VEHICLE: ("height", 1.0),
    A.CONTAINER: ("height", 1.0), A.FURNITURE: ("height", 1.0), A.TREE: ("height", 1.0),
    A.PLANT: ("height", 1.0), A.ROCKET: ("height", 1.0), A.BOAT: ("width", 1.8),
    A.AIRCRAFT: ("width", 2.6), A.BIRD: ("width", 1.0), A.FISH: ("width", 1.0),
}


def art_box(archetype: Archetype, size: float, art: Artwork) -> tuple[float, float]:
    """Width and height (metres) of the artwork of a thing of this archetype and size."""
    side, k = _MEASURE.get(archetype, ("long", 1.0))
    if side == "height":
        return size * k * art.aspect, size * k
    if side == "width":
        return size * k, size * k / art.aspect
    return art.extent(size * k)


# archetypes whose body is the artwork itself: it rests on the bottom of its box
RESTS_ON_ART = frozenset({A.BALL, A.FOOD, A.BLOCK, A.PROP, A.CONTAINER, A.FURNITURE, A.TREE,
                          A.PLANT, A.BUILDING})
