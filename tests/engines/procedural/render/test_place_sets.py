"""Places: every one is painted, recognisably different, and scenery only (no bodies, no
masks); storms hide the sun and clear nights show the moon."""

from __future__ import annotations

import numpy as np
import pytest

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.backdrop import paint_backdrop
from openreel.engines.procedural.render.palette import light_for
from openreel.engines.procedural.render.places.items import SHAPES, Item, artwork
from openreel.engines.procedural.render.places.scenery import SETS
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import PLACES, Environment, Storyboard, Style, TimeOfDay, Weather

SIZE = (144, 256)


def _board(place: str, entities: list[dict[str, object]] | None = None,
           **environment: object) -> Storyboard:
    return Storyboard.model_validate({
        "style": "animated", "environment": {"place": place, **environment},
        "shots": [{"duration": 0.5, "entities": entities or [],
                   "camera": {"framing": "wide"}}]})


def _frame(board: Storyboard, size: tuple[int, int] = SIZE) -> np.ndarray:
    sim = simulate_storyboard(board, fps=12, seed=1)[0]
    return Renderer(board, *size, seed=1).render(sim.frames[2], sim)[..., :3]


@pytest.fixture(scope="module")
def frames() -> dict[str, np.ndarray]:
    return {place: _frame(_board(place)) for place in PLACES}


def test_every_place_has_a_set_and_all_its_dressing_exists() -> None:
    assert set(SETS) == set(PLACES)
    for name, scene in SETS.items():
        for element in (*scene.far, *scene.mid, *scene.near):
            if isinstance(element, Item) and element.art not in SHAPES:
                assert artwork(element.art) is not None, (name, element.art)


def test_every_place_is_painted_with_detail(frames: dict[str, np.ndarray]) -> None:
    for place, frame in frames.items():
        colours = len(np.unique(frame.reshape(-1, 3) // 8, axis=0))
        assert frame.std() > 12 and colours > 40, (place, frame.std(), colours)


def test_different_places_look_different(frames: dict[str, np.ndarray]) -> None:
    names = sorted(frames)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            # places share skies and floors; what tells them apart is their dressing
            changed = np.abs(frames[a].astype(np.int16) - frames[b]).max(axis=-1) > 40
            assert changed.mean() > 0.03, (a, b, changed.mean())


def test_dressing_never_enters_the_masks_or_the_world() -> None:
    cast = [{"id": "ball", "kind": "ball", "colour": "red", "position": [4.0, 0.3]},
            {"id": "dog", "kind": "dog", "position": [6.0, 0.0]}]
    masks = []
    for place in ("park", "supermarket", "gas_station", "library", "amusement_park"):
        board = _board(place, cast, ground="stone")
        sim = simulate_storyboard(board, fps=12, seed=1)[0]
        assert {e.uid for e in sim.frames[0].entities} == {"ball", "dog"}
        renderer = Renderer(board, *SIZE, seed=1)
        masks.append(renderer.instance_mask(sim.frames[3], sim))
    for mask in masks[1:]:  # the same cast on the same floor: the same pixels, wherever
        assert np.array_equal(mask, masks[0])
    assert set(np.unique(masks[0])) == {0, 1, 2}


def _sky(weather: Weather, time: TimeOfDay = TimeOfDay.NOON, place: str = "park") -> tuple[
        np.ndarray, float, float]:
    env = Environment(place=place, weather=weather, time_of_day=time)
    light = light_for(env, Style.ANIMATED, indoor=False)
    w, h = 360, 640
    ground = h * 0.74
    backdrop = paint_backdrop(env, light, w, h, ground, seed=5)
    sky = backdrop.sky.toarray()[..., :3].astype(np.float32)
    x = w * light.sun_x
    y = ground - max(light.sun_height, 0.03) * ground * 0.9 if not light.night else h * 0.16
    return sky, x, y


def _disc(sky: np.ndarray, x: float, y: float, radius: int = 6) -> float:
    """The brightness of the sky where the sun or moon would be."""
    patch = sky[int(y) - radius:int(y) + radius, int(x) - radius:int(x) + radius]
    return float(patch.mean())


def test_a_clear_day_shows_the_sun_and_storms_hide_it() -> None:
    clear, x, y = _sky(Weather.CLEAR)
    assert _disc(clear, x, y) > 235
    for weather in (Weather.STORM, Weather.RAIN, Weather.CLOUDY, Weather.FOG, Weather.SNOW):
        sky, x, y = _sky(weather)
        assert _disc(sky, x, y) < 215, weather
        assert sky.mean() < clear.mean(), weather
    storm, _, _ = _sky(Weather.STORM)
    rain, _, _ = _sky(Weather.RAIN)
    assert storm.mean() < rain.mean()  # a storm is the darkest sky


def test_a_clear_night_shows_the_moon_and_stars_and_a_stormy_one_does_not() -> None:
    def stars(sky: np.ndarray, y: float) -> int:
        band = sky[int(y) + 60: int(y) + 300].mean(axis=-1)  # below the moon's glow
        return int((band > np.median(band) + 60).sum())

    night, x, y = _sky(Weather.CLEAR, TimeOfDay.NIGHT)
    assert _disc(night, x, y, 4) > 220
    assert stars(night, y) > 20
    stormy, x, y = _sky(Weather.STORM, TimeOfDay.NIGHT)
    assert _disc(stormy, x, y, 4) < 150
    assert stars(stormy, y) == 0


def test_indoors_there_is_no_sky_to_see(frames: dict[str, np.ndarray]) -> None:
    for place in ("kitchen", "bathroom", "classroom", "supermarket", "corridor"):
        top = frames[place][: SIZE[1] // 10].astype(np.float32)
        blue = (top[..., 2] > top[..., 0] + 40) & (top[..., 2] > 150)
        assert blue.mean() < 0.05, place


def test_an_alley_at_night_glows_with_neon_signs() -> None:
    # "a rainy alley at night with neon signs" showed none
    board = Storyboard.model_validate({
        "environment": {"place": "alley", "time_of_day": "night", "lighting": "neon"},
        "shots": [{"duration": 1.0, "entities": [
            {"id": "cat", "kind": "cat", "position": [5.0, 0.0]}]}]})
    sim = simulate_storyboard(board, fps=12, seed=2)[0]
    rgb = Renderer(board, width=360, height=640, seed=2).render(sim.frames[0], sim)
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    # the signs' tubes: hot pink and ice blue (the wet night's own light is purple)
    pink = (r > 230) & (g < 110) & (b > 130) & (b < 220)
    cyan = (b > 200) & (g > 180) & (r < 150)
    assert int(pink.sum()) > 400 and int(cyan.sum()) > 200
