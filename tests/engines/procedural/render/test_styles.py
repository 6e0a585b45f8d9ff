"""Every style is a look of its own: the same scene and seed reads differently in each."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from openreel.director import direct
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.finish.media import PAPER
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Storyboard, Style

SIZE = (180, 320)
# Mean absolute difference (0–255) every pair of styles keeps on the same frame. Measured
# on this scene the closest pair differs by about 20; before styles were looks,
# photoreal and animated differed by 3 and anime and animated by 11.
PAIR_MARGIN = 12.0
CALLED_OUT_MARGIN = 15.0


def _scene(style: Style) -> Storyboard:
    return Storyboard.model_validate({
        "style": style.value,
        "environment": {"place": "park", "time_of_day": "afternoon"},
        "shots": [{"duration": 1.0, "camera": {"framing": "medium"}, "entities": [
            {"id": "walker", "kind": "person", "motion": "walk", "position": [4.0, 0.0]},
            {"id": "dog", "kind": "dog", "position": [6.0, 0.0]},
            {"id": "ball", "kind": "ball", "colour": "red", "position": [7.0, 0.0]}]}]})


@pytest.fixture(scope="module")
def frames() -> dict[Style, np.ndarray]:
    """One RGB frame of the same scene, seed and moment in every style."""
    out: dict[Style, np.ndarray] = {}
    for style in Style:
        board = _scene(style)
        sim = simulate_storyboard(board, fps=12, seed=3)[0]
        renderer = Renderer(board, width=SIZE[0], height=SIZE[1], seed=3)
        out[style] = renderer.render(sim.frames[6], sim)[..., :3].astype(np.int16)
    return out


def _mean_abs(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


def _edges(rgb: np.ndarray) -> float:
    grey = cv2.cvtColor(rgb.astype(np.uint8), cv2.COLOR_RGB2GRAY)
    return float((cv2.Canny(grey, 80, 200) > 0).mean())


def _saturation(rgb: np.ndarray, percentile: float = 50) -> float:
    hsv = cv2.cvtColor(rgb.astype(np.uint8), cv2.COLOR_RGB2HSV)
    return float(np.percentile(hsv[..., 1], percentile))


def _darkest(rgb: np.ndarray) -> float:
    return float(np.percentile(rgb.mean(axis=2), 1))


def test_every_pair_of_styles_differs_clearly(frames: dict[Style, np.ndarray]) -> None:
    for a, b in itertools.combinations(Style, 2):
        assert _mean_abs(frames[a], frames[b]) >= PAIR_MARGIN, (a.value, b.value)


def test_photoreal_and_anime_are_not_animated(frames: dict[Style, np.ndarray]) -> None:
    animated = frames[Style.ANIMATED]
    assert _mean_abs(frames[Style.PHOTOREAL], animated) >= CALLED_OUT_MARGIN
    assert _mean_abs(frames[Style.ANIME], animated) >= CALLED_OUT_MARGIN


def test_anime_is_inked_and_photoreal_is_not(frames: dict[Style, np.ndarray]) -> None:
    animated = _edges(frames[Style.ANIMATED])
    assert _edges(frames[Style.ANIME]) > 2 * animated
    assert _edges(frames[Style.PHOTOREAL]) < 1.3 * animated
    # photoreal's palette is natural; anime's most vivid colours are more vivid still
    assert _saturation(frames[Style.PHOTOREAL]) < _saturation(frames[Style.ANIMATED]) - 5
    assert _saturation(frames[Style.ANIME], 90) > _saturation(frames[Style.ANIMATED], 90) + 25


def test_noir_is_black_and_white_with_hard_contrast(frames: dict[Style, np.ndarray]) -> None:
    noir = frames[Style.NOIR]
    assert np.abs(noir[..., 0] - noir[..., 1]).max() == 0
    assert np.abs(noir[..., 1] - noir[..., 2]).max() == 0
    grey = noir[..., 0]
    assert (grey < 40).mean() > 0.2, "deep blacks"
    assert grey.std() > frames[Style.ANIMATED].mean(axis=2).std(), grey.std()


def test_pixel_art_is_blocks_from_a_small_palette(frames: dict[Style, np.ndarray]) -> None:
    pixel = frames[Style.PIXEL]

    def blocky(top: int, left: int) -> float:
        """Share of pixels equal to the first pixel of their 6 × 6 block on that grid."""
        cut = pixel[top:, left:]
        blocks = np.repeat(np.repeat(cut[::6, ::6], 6, axis=0), 6, axis=1)
        return float((blocks[:cut.shape[0], :cut.shape[1]] == cut).all(axis=2).mean())
    assert max(blocky(top, left) for top in range(6) for left in range(6)) > 0.99
    colours = np.unique(pixel.reshape(-1, 3), axis=0)
    assert len(colours) <= 40
    assert len(np.unique(frames[Style.ANIMATED].reshape(-1, 3), axis=0)) > 10 * len(colours)


def test_cinematic_is_letterboxed(frames: dict[Style, np.ndarray]) -> None:
    cinematic = frames[Style.CINEMATIC]
    assert cinematic[:25].max() < 10 and cinematic[-25:].max() < 10
    assert frames[Style.ANIMATED][:25].max() > 100


def test_watercolour_is_on_paper(frames: dict[Style, np.ndarray]) -> None:
    edge = frames[Style.WATERCOLOR][:2].reshape(-1, 3)
    assert np.abs(edge.mean(axis=0) - np.array(PAPER)).max() < 25, "an unpainted margin"
    # a soft palette: muted colours, and no black anywhere (the paper shows through)
    assert _saturation(frames[Style.WATERCOLOR]) < 0.7 * _saturation(frames[Style.ANIMATED])
    assert _darkest(frames[Style.WATERCOLOR]) > _darkest(frames[Style.ANIMATED])


def test_film_looks_have_grain(frames: dict[Style, np.ndarray]) -> None:
    def fine_noise(rgb: np.ndarray) -> float:
        grey = rgb.mean(axis=2)
        sky = grey[30:90, 20:160]  # open sky: smooth unless the film adds grain
        return float(np.abs(np.diff(sky, axis=1)).mean())
    animated = fine_noise(frames[Style.ANIMATED])
    for style in (Style.PHOTOREAL, Style.CINEMATIC, Style.NOIR):
        assert fine_noise(frames[style]) > animated + 1.5, style.value


def _night_alley_grey(style: Style) -> float:
    board = direct("a rainy alley at night with neon signs", seconds=1, style=style)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    rgb = Renderer(board, width=SIZE[0], height=SIZE[1], seed=3).render(sim.frames[3], sim)
    return float(cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2GRAY).mean())


def test_noir_exposes_a_night_scene_so_it_can_be_seen() -> None:
    # noir's hard curve crushed a rainy alley at night to a mean grey of 10/255: black
    grey = _night_alley_grey(Style.NOIR)
    assert grey > 25.0
    # and it is still a night picture, darker than the same alley in the animated look
    assert grey < _night_alley_grey(Style.ANIMATED) + 10.0
