"""Colours of light: sky, ambient tint and sun by time of day, lighting and style."""

from __future__ import annotations

from dataclasses import dataclass

from openreel.spec import Environment, Lighting, Style, TimeOfDay, Weather

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Light:
    """The light of a scene."""

    sky_top: RGB
    sky_bottom: RGB
    ambient: RGB  # multiplied into everything: the colour of the light
    sun: RGB
    sun_height: float  # 0 at the horizon … 1 overhead; < 0 below the horizon (night)
    sun_x: float  # 0..1 across the frame
    night: bool
    haze: RGB  # colour far layers fade into


_TIMES: dict[TimeOfDay, Light] = {
    TimeOfDay.DAWN: Light((92, 110, 170), (250, 180, 150), (255, 225, 215), (255, 200, 150),
                          0.12, 0.2, False, (235, 190, 180)),
    TimeOfDay.MORNING: Light((95, 160, 225), (200, 225, 240), (255, 250, 240), (255, 245, 220),
                             0.45, 0.25, False, (205, 222, 236)),
    TimeOfDay.NOON: Light((70, 140, 220), (185, 215, 240), (255, 255, 250), (255, 255, 240),
                          0.9, 0.55, False, (200, 220, 238)),
    TimeOfDay.AFTERNOON: Light((80, 150, 225), (205, 225, 240), (255, 250, 240),
                               (255, 245, 225), 0.6, 0.7, False, (205, 222, 236)),
    TimeOfDay.GOLDEN_HOUR: Light((70, 90, 160), (255, 175, 95), (255, 220, 180),
                                 (255, 190, 110), 0.1, 0.78, False, (240, 180, 140)),
    TimeOfDay.DUSK: Light((40, 45, 100), (210, 110, 120), (205, 170, 190), (255, 140, 110),
                          0.02, 0.85, False, (150, 110, 140)),
    TimeOfDay.NIGHT: Light((8, 12, 35), (30, 40, 80), (120, 135, 190), (225, 230, 255),
                           -0.5, 0.72, True, (40, 50, 85)),
}


def light_for(env: Environment, style: Style, indoor: bool) -> Light:
    """The light of an environment, adjusted for weather, lighting and style."""
    base = _TIMES[env.time_of_day]
    if indoor:
        warm = env.lighting is Lighting.CANDLELIGHT or base.night
        base = Light((236, 224, 205) if not warm else (70, 50, 40),
                     (246, 238, 222) if not warm else (120, 80, 55),
                     (255, 244, 228) if not warm else (255, 190, 140), (255, 240, 210), 0.8,
                     0.3, base.night, (238, 228, 210) if not warm else (110, 80, 60))
    if env.weather in (Weather.RAIN, Weather.STORM, Weather.CLOUDY, Weather.FOG, Weather.SNOW):
        grey = 0.55 if env.weather is not Weather.CLOUDY else 0.35
        base = Light(_mix(base.sky_top, (120, 128, 140), grey),
                     _mix(base.sky_bottom, (170, 175, 182), grey),
                     _mix(base.ambient, (215, 220, 228), grey), base.sun, base.sun_height,
                     base.sun_x, base.night, _mix(base.haze, (185, 190, 198), grey))
    if env.lighting is Lighting.NEON and base.night:
        base = Light((20, 10, 45), (90, 30, 110), (200, 150, 230), (255, 80, 200),
                     base.sun_height, base.sun_x, True, (80, 40, 110))
    if style is Style.SURREAL:
        base = Light((120, 70, 170), (255, 170, 200), (255, 225, 245), (255, 240, 200),
                     base.sun_height, base.sun_x, base.night, (230, 170, 210))
    return base


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (int(a[0] + (b[0] - a[0]) * t), int(a[1] + (b[1] - a[1]) * t),
            int(a[2] + (b[2] - a[2]) * t))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend two colours; t = 0 gives a, 1 gives b."""
    return _mix(a, b, t)


def shade(c: RGB, k: float) -> RGB:
    """Lighter (k > 1) or darker (k < 1) version of a colour."""
    if k >= 1:
        return _mix(c, (255, 255, 255), min(k - 1, 1))
    return (int(c[0] * k), int(c[1] * k), int(c[2] * k))


def lit_colour(c: RGB, ambient: RGB) -> RGB:
    """A colour under the scene's light: tinted by it, never drowned by it."""
    return (min(255, int(c[0] * (155 + ambient[0] * 0.4) / 255)),
            min(255, int(c[1] * (155 + ambient[1] * 0.4) / 255)),
            min(255, int(c[2] * (155 + ambient[2] * 0.4) / 255)))


def tint(c: RGB, light: RGB) -> RGB:
    """A colour under a light (multiply)."""
    return (c[0] * light[0] // 255, c[1] * light[1] // 255, c[2] * light[2] // 255)
