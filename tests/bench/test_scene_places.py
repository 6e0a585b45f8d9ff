"""Every VBench scene prompt (a bare place name) is read as a place that shows it."""

from __future__ import annotations

import pytest
from bench.adherence import load_cases
from bench.adherence_tables import PLACES_FOR

from openreel.director import direct
from openreel.spec import PLACES

SCENES = [case.prompt for case in load_cases("scene")]


@pytest.mark.parametrize("scene", SCENES)
def test_each_scene_prompt_is_read_as_its_place(scene: str) -> None:
    board = direct(scene, seconds=2.0)
    assert board.environment.place in PLACES_FOR[scene], board.environment.place


def test_every_acceptable_place_of_a_scene_exists() -> None:
    for scene, places in PLACES_FOR.items():
        assert places & set(PLACES), scene
