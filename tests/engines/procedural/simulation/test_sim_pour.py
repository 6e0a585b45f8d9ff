"""Water poured from a jug into a glass."""

from __future__ import annotations

import numpy as np
from sim_storyboards import one_shot

from openreel.engines.procedural.scene import FrameState
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.fluid import LIQUID_COLOURS
from openreel.spec import Entity


def _water(frame: FrameState) -> np.ndarray:
    return next(p for p in frame.particles if p.kind == "water").xy


def _inside(frame: FrameState, uid: str) -> int:
    glass = next(e for e in frame.entities if e.uid == uid)
    left, right = glass.parts["wall_left"].x, glass.parts["wall_right"].x
    bottom = glass.parts["floor"].y
    top = glass.y + 0.5 * glass.size
    xy = _water(frame)
    return int(np.sum((xy[:, 0] > left) & (xy[:, 0] < right) & (xy[:, 1] > bottom)
                      & (xy[:, 1] < top)))


def test_water_pours_from_the_jug_into_the_glass() -> None:
    glass = Entity(id="glass", kind="glass")
    jug = Entity(id="jug", kind="jug", motion="pour", target="glass")
    sims = simulate_storyboard(one_shot(glass, jug, place="kitchen", duration=6.0), fps=24,
                               seed=5)
    frames = sims[0].frames
    first, last = frames[0], frames[-1]
    g0 = next(e for e in first.entities if e.uid == "glass")
    j0 = next(e for e in first.entities if e.uid == "jug")
    assert j0.x < g0.x and j0.y > g0.y  # the jug starts up-left of the glass

    c0, c1 = _water(first).mean(axis=0), _water(last).mean(axis=0)
    # the water's centroid travels from the jug toward the glass
    assert np.linalg.norm(c1 - (g0.x, g0.y)) < np.linalg.norm(c0 - (g0.x, g0.y)) - 0.05
    assert len(_water(first)) == len(_water(last))  # no water is lost

    counts = [_inside(f, "glass") for f in frames]
    fills = [next(e for e in f.entities if e.uid == "glass").extra["fill"] for f in frames]
    assert counts[0] == 0 and fills[0] == 0.0
    assert counts[-1] > 30
    assert fills[-1] > 0.5
    # the level rises over time rather than appearing at once
    mid = len(frames) // 2
    assert fills[0] < fills[mid] or fills[mid] < fills[-1]
    assert any(0.05 < f < fills[-1] - 0.05 for f in fills)
    jug_fill = [next(e for e in f.entities if e.uid == "jug").extra["fill"] for f in frames]
    assert jug_fill[-1] < jug_fill[0]
    assert any(c.kind == "pour" for c in sims[0].contacts)
    assert any(s.kind == "water" and s.level.max() > 0.1 for s in sims[0].continuous)


def test_milk_poured_into_a_glass_on_a_table_fills_it_there_and_is_milk_white() -> None:
    glass = Entity(id="glass", kind="glass", relation="on", relative_to="table")
    table = Entity(id="table", kind="table")
    jug = Entity(id="jug", kind="jug", motion="pour", target="glass", action="milk")
    sims = simulate_storyboard(one_shot(glass, table, jug, place="kitchen", duration=6.0),
                               fps=24, seed=5)
    frames = sims[0].frames
    g0 = next(e for e in frames[0].entities if e.uid == "glass")
    # the glass stands on the table top, not on the floor under the jug
    assert g0.y - 0.5 * g0.size > 0.6
    milk = next(p for p in frames[-1].particles if p.kind == "water")
    assert milk.colour == LIQUID_COLOURS["milk"]
    assert _inside(frames[-1], "glass") > 0.3 * len(milk.xy)  # most of it in the glass
