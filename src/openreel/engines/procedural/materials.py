"""Materials: how things bounce, slide, float and sound.

One table for physics (density, friction, restitution) and for foley (modal
frequencies, decay, noise). Modal synthesis models a struck object as a few
damped sinusoids; ``modes`` are frequencies in Hz for an object of 0.3 m, scaled
inversely with size by the mixer, ``decay`` is the time in seconds for the
modes to fall by 60 dB, ``noise`` the share of filtered noise in a hit (0 for a
bell-like glass, near 1 for sand), ``brightness`` the noise filter's centre in Hz.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Material:
    name: str
    density: float  # kg/m² in the 2-D world (mass = density × area)
    friction: float
    restitution: float
    modes: tuple[float, ...]
    decay: float
    noise: float
    brightness: float


def _m(name: str, density: float, friction: float, restitution: float,
       modes: tuple[float, ...], decay: float, noise: float, brightness: float) -> Material:
    return Material(name, density, friction, restitution, modes, decay, noise, brightness)


MATERIALS: dict[str, Material] = {
    m.name: m
    for m in (
        _m("rubber", 12.0, 0.9, 0.82, (180.0, 410.0), 0.08, 0.35, 900.0),
        _m("wood", 60.0, 0.6, 0.45, (420.0, 1150.0, 2300.0), 0.12, 0.3, 2200.0),
        _m("metal", 250.0, 0.35, 0.4, (830.0, 2210.0, 3980.0, 6150.0), 1.2, 0.1, 5000.0),
        _m("glass", 110.0, 0.3, 0.35, (1850.0, 4700.0, 8100.0), 0.9, 0.05, 7000.0),
        _m("stone", 200.0, 0.7, 0.25, (300.0, 850.0), 0.06, 0.6, 1600.0),
        _m("plastic", 30.0, 0.5, 0.55, (640.0, 1700.0), 0.07, 0.35, 3000.0),
        _m("fabric", 20.0, 0.8, 0.15, (150.0,), 0.03, 0.8, 700.0),
        _m("flesh", 80.0, 0.8, 0.2, (120.0, 260.0), 0.05, 0.6, 600.0),
        _m("leather", 25.0, 0.7, 0.7, (220.0, 520.0), 0.07, 0.4, 1100.0),
        _m("cardboard", 15.0, 0.7, 0.25, (260.0, 700.0), 0.05, 0.6, 1500.0),
        _m("paper", 8.0, 0.6, 0.1, (900.0,), 0.02, 0.9, 4000.0),
        _m("food", 50.0, 0.8, 0.15, (200.0,), 0.03, 0.8, 900.0),
        _m("plant", 30.0, 0.8, 0.2, (300.0,), 0.03, 0.8, 2500.0),
        _m("snow", 25.0, 0.2, 0.05, (150.0,), 0.02, 0.95, 1800.0),
        _m("soap", 1.0, 0.1, 0.6, (2500.0,), 0.02, 0.7, 6000.0),
        _m("ice", 90.0, 0.03, 0.2, (1200.0, 3100.0), 0.2, 0.3, 5000.0),
        _m("grass", 0.0, 0.9, 0.35, (140.0,), 0.03, 0.85, 1200.0),
        _m("sand", 0.0, 0.95, 0.1, (110.0,), 0.02, 0.95, 1400.0),
        _m("asphalt", 0.0, 0.9, 0.55, (200.0, 520.0), 0.04, 0.6, 1800.0),
        _m("regolith", 0.0, 0.8, 0.25, (120.0,), 0.02, 0.9, 1000.0),
        _m("water", 100.0, 0.05, 0.0, (), 0.0, 1.0, 2500.0),
        _m("none", 0.0, 0.5, 0.5, (), 0.0, 0.0, 1000.0),
    )
}


def material(name: str | None, fallback: str = "plastic") -> Material:
    """The material called ``name``, or the fallback when it is unknown."""
    return MATERIALS.get(name or fallback, MATERIALS[fallback])
