"""Hand-built storyboards for the simulation tests."""

from __future__ import annotations

from openreel.spec import Camera, Entity, Environment, Shot, Storyboard


def one_shot(*entities: Entity, place: str = "park", duration: float = 3.0,
             slow_motion: float = 1.0) -> Storyboard:
    """A storyboard of a single shot with the given entities."""
    shot = Shot(duration=duration, entities=list(entities), camera=Camera(slow_motion=slow_motion))
    return Storyboard(shots=[shot], environment=Environment(place=place))
