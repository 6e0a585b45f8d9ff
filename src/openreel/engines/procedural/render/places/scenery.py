"""Every place's set, looked up by place name, with every drawn shape registered."""

from __future__ import annotations

# Importing the shape modules registers their shapes for ``Item`` to draw.
from openreel.engines.procedural.render.places import (  # noqa: F401
    fixtures,
    furniture,
    halls,
    homeware,
    landmarks,
    props,
    shopfittings,
    venues,
    wilds,
)
from openreel.engines.procedural.render.places.indoor import indoor_sets
from openreel.engines.procedural.render.places.outdoor import outdoor_sets
from openreel.engines.procedural.render.places.sets import PlaceSet

SETS: dict[str, PlaceSet] = {**outdoor_sets(), **indoor_sets()}


def set_of(place: str) -> PlaceSet:
    """The set of a place (a park for a place this engine has no set for)."""
    return SETS.get(place, SETS["park"])
