"""Fireworks: read from the prompt as a display in the sky, drawn bursting there, and heard
bang at the moment each shell bursts."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from openreel.director import direct
from openreel.director.describe import describe
from openreel.engines.procedural.audio import mix_soundtrack
from openreel.engines.procedural.fireworks import COLOURS, schedule
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Mood, Storyboard, TimeOfDay

SR = 48000


def test_fireworks_are_a_display_in_the_sky_not_things_on_the_stage() -> None:
    # "fireworks" were three grey stand-in boxes on the street
    board = direct("fireworks over a city skyline at night", seconds=4)
    env = board.environment
    assert env.fireworks and env.place == "downtown" and env.time_of_day is TimeOfDay.NIGHT
    assert board.shots[0].entities == []  # no cars or passers-by brought in to fill it
    assert board.mood is Mood.HAPPY
    assert "fireworks in the sky" in describe(board) and "not understood: nothing" in \
        describe(board)


@pytest.mark.parametrize(("prompt", "time"), [
    ("a family watches fireworks on the beach", TimeOfDay.NIGHT),  # after dark by default
    ("a firework display at dusk", TimeOfDay.DUSK),  # unless the prompt says when
])
def test_fireworks_go_off_at_night_unless_told_when(prompt: str, time: TimeOfDay) -> None:
    board = direct(prompt, seconds=4)
    assert board.environment.fireworks and board.environment.time_of_day is time


def test_a_rocket_launch_or_a_neon_sign_is_no_fireworks() -> None:
    for prompt in ("a rocket launches into space", "a neon sign glows in an alley",
                   "a campfire crackles at night"):
        assert not direct(prompt, seconds=4).environment.fireworks


def test_the_show_is_the_same_for_a_seed_and_keeps_going_through_the_shot() -> None:
    bursts = schedule(7, 0, 10.0)
    assert bursts == schedule(7, 0, 10.0) and bursts != schedule(8, 0, 10.0)
    times = [b.t for b in bursts]
    assert times[0] < 1.0 and times[-1] > 8.5
    assert all(0.5 <= b - a <= 1.2 for a, b in itertools.pairwise(times))
    for a, b in itertools.pairwise(bursts):
        assert a.colour != b.colour and b.colour in COLOURS
    assert all(0.1 <= b.u <= 0.9 and 0.1 <= b.v <= 0.45 for b in bursts)  # up in the sky


def _board(prompt: str) -> Storyboard:
    return direct(prompt, seconds=3)


def test_each_burst_is_drawn_where_and_when_it_bursts() -> None:
    board = _board("fireworks over a city skyline at night")
    quiet = board.model_copy(update={"environment": board.environment.model_copy(
        update={"fireworks": False})})
    sim = simulate_storyboard(board, fps=12, seed=4)[0]
    plain = simulate_storyboard(quiet, fps=12, seed=4)[0]
    w, h = 180, 320
    with_show = Renderer(board, width=w, height=h, seed=4)
    without = Renderer(quiet, width=w, height=h, seed=4)
    burst = schedule(4, 0, len(sim.frames) / sim.fps)[1]
    f = round((burst.t + 0.25) * 12)  # a quarter second after it bursts
    lit = with_show.render(sim.frames[f], sim)[..., :3].astype(int)
    dark = without.render(plain.frames[f], plain)[..., :3].astype(int)
    added = (lit - dark).sum(axis=2) > 60
    ys, xs = np.nonzero(added)
    assert len(ys) > 30
    near = np.hypot(xs - burst.u * w, ys - burst.v * h) < 1.3 * burst.reach * w
    assert near.mean() > 0.7  # the new light is around the burst
    # in the shell's colour (once the first white-hot moment is over)
    later = round((burst.t + 0.6) * 12)
    gain = (with_show.render(sim.frames[later], sim)[..., :3].astype(int) - without.render(
        plain.frames[later], plain)[..., :3].astype(int))
    mean = gain[gain.sum(axis=2) > 60].mean(axis=0)
    assert np.corrcoef(mean, burst.colour)[0, 1] > 0.5, (mean, burst.colour)


def test_each_burst_is_heard_when_it_is_seen() -> None:
    board = _board("fireworks over the city at night")
    sims = simulate_storyboard(board, fps=24, seed=5)
    bangs = [c for c in sims[0].contacts if c.kind == "firework"]
    bursts = schedule(5, 0, len(sims[0].frames) / 24)
    assert [round(c.t, 3) for c in bangs] == [round(b.t, 3) for b in bursts]
    stems: dict[str, np.ndarray] = {}
    mix_soundtrack(board, sims, [], seed=5, stems_out=stems)
    foley = np.abs(stems["foley"]).max(axis=1)
    first = round(bangs[0].t * SR)
    assert foley[:first - 1].max() < 1e-6  # silent until the first burst …
    assert foley[first:first + SR // 20].max() > 0.1  # … and a bang from that sample on
    quiet = board.model_copy(update={"environment": board.environment.model_copy(
        update={"fireworks": False})})
    assert not any(c.kind == "firework" for c in simulate_storyboard(
        quiet, fps=24, seed=5)[0].contacts)
