"""What a place looks like, as data: its sky, its floor, and the elements of its far, mid
and near layers (structure from a family, then the set dressing that names the place).

A family is a small function that returns the structural elements of a kind of place
(open land, a street, a room, a vista down a corridor); the tables in ``outdoor`` and
``indoor`` add parameters and dressing per place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openreel.engines.procedural.render.palette import RGB
from openreel.engines.procedural.render.places.canvas import Element
from openreel.engines.procedural.render.places.rooms import Ceiling, Wall, Windows
from openreel.engines.procedural.render.places.streets import Skyline
from openreel.engines.procedural.render.places.terrain import Hills, Trees, Water


@dataclass(frozen=True)
class PlaceSet:
    """A place's backdrop: ``sky`` is open, space, mars, underwater, cloudscape or indoor;
    ``floor`` the ground band's pattern (None: the ground material's own) in
    ``floor_colour`` (None: the material's colour)."""

    sky: str = "open"
    floor: str | None = None
    floor_colour: RGB | None = None
    far: tuple[Element, ...] = ()
    mid: tuple[Element, ...] = ()
    near: tuple[Element, ...] = ()
    tufts: bool | None = None  # grass tufts (True), pebbles (False), nothing (None)

    @property
    def indoor(self) -> bool:
        """Whether the place is a room (its layers are close, not hazed by distance)."""
        return self.sky == "indoor"


# -- families --------------------------------------------------------------------------------
def land(hills: RGB = (110, 160, 110), height: float = 0.12, rough: float = 5,
         sharp: bool = False, snow: bool = False, water: RGB | None = None,
         shore: float = 0.06) -> tuple[Element, ...]:
    """Open country's far layer: a ridge of hills, behind water when ``water`` is given."""
    if water is None:
        return (Hills(hills, height, rough, sharp, snow),)
    return (Hills(hills, height, rough, sharp, snow, lift=shore), Water(water, top=shore))


def meadow(ground: RGB = (80, 140, 70), trees: RGB = (60, 120, 60), count: float = 6.0,
           pines: bool = False, size: float = 0.12) -> tuple[Element, ...]:
    """Open country's mid layer: a low rise and a scatter of trees."""
    return (Hills(ground, 0.05, 9), Trees(trees, count, size, pines))


def street(colour: RGB = (78, 80, 100), height: float = 0.45, near: float = 0.32,
           glass: bool = False) -> tuple[tuple[Element, ...], tuple[Element, ...]]:
    """A city's far skyline and the nearer row of buildings along the street."""
    return ((Skyline(colour, height, glass=glass, haze=0.1),),
            (Skyline((92, 82, 88), near, (0.1, 0.2), 0.55,
                     ((150, 90, 80), (200, 170, 130), (120, 130, 150), (180, 120, 90),
                      (96, 100, 120))),))


def room(wall: RGB, pattern: str = "plain", *, windows: Windows | None = None,
         ceiling: Ceiling | None = None, dado: float = 0.0, dado_colour: RGB | None = None,
         depth: float = 0.05, tile: float = 0.045,
         extra: Sequence[Element] = ()) -> tuple[Element, ...]:
    """A room's far layer: the back wall, its windows, things hung on it, the ceiling."""
    elements: list[Element] = [Wall(wall, pattern, dado, dado_colour, depth=depth, tile=tile)]
    if windows is not None:
        elements.append(windows)
    elements.extend(extra)
    if ceiling is not None:
        elements.append(ceiling)
    return tuple(elements)
