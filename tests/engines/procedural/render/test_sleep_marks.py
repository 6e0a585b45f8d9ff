"""Sleepers in the drawn styles breathe out rising "z"s above their heads; an animal drawn
from art cannot close its eyes, so this is what tells a viewer that it sleeps."""

from __future__ import annotations

import numpy as np
import pytest

from openreel.director import direct
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render import renderer as renderer_module
from openreel.engines.procedural.render.sleep_marks import head_of
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Motion, Storyboard, Style

SIZE = (360, 640)


def _frames(board: Storyboard, at: float = 1.5) -> tuple[np.ndarray, tuple[float, float]]:
    """The frame ``at`` seconds in and where the sleeper's head is in it (pixels)."""
    sim = simulate_storyboard(board, fps=12, seed=2)[0]
    renderer = Renderer(board, width=SIZE[0], height=SIZE[1], seed=2)
    state = sim.frames[int(at * 12)]
    sleeper = next((e for e in state.entities if "asleep" in e.extra), state.entities[0])
    return renderer.render(state, sim)[..., :3], renderer.project(state, sim, *head_of(sleeper))


def _unmarked(board: Storyboard, monkeypatch: pytest.MonkeyPatch) -> np.ndarray:
    """The same frame drawn without the marks."""
    with monkeypatch.context() as patch:
        patch.setattr(renderer_module, "draw_sleep_marks", lambda *_: None)
        return _frames(board)[0]


@pytest.mark.parametrize("prompt", ["an owl sleeps on a branch", "a cat sleeps on the bed",
                                    "a baby sleeps"])
def test_a_sleeper_in_a_drawn_style_has_letters_rising_above_its_head(
        prompt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    board = direct(prompt, seconds=3, style=Style.ANIMATED)
    asleep, head = _frames(board)
    awake = _unmarked(board, monkeypatch)
    changed = np.abs(asleep.astype(int) - awake.astype(int)).sum(axis=2) > 60
    ys, xs = np.nonzero(changed)
    assert len(ys) > 40, "no letters drawn"
    # the marks are above the head, not over the body
    assert np.median(ys) < head[1]
    assert np.all(np.abs(xs - head[0]) < 0.45 * SIZE[0])
    # and white letters with dark edges: bright pixels appear where they are
    bright = (asleep.min(axis=2) > 215) & changed
    assert bright.sum() > 10


def test_a_photoreal_sleeper_has_no_cartoon_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    board = direct("an owl sleeps on a branch", seconds=3, style=Style.PHOTOREAL)
    asleep, _ = _frames(board)
    assert np.array_equal(asleep, _unmarked(board, monkeypatch))


def test_only_sleepers_are_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    board = direct("an owl sits on a branch", seconds=3, style=Style.ANIMATED)
    assert board.shots[0].entities[0].motion is not Motion.SLEEP
    assert np.array_equal(_frames(board)[0], _unmarked(board, monkeypatch))
