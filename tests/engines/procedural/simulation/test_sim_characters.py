"""Characters: planted walk cycles with footsteps, blinks, ragdoll falls, birds and fish."""

from __future__ import annotations

import itertools
import math

import numpy as np
from sim_storyboards import one_shot

from openreel.engines.procedural.scene import EntityFrame, ShotSimulation, Transform
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Entity


def _frames(sims: list[ShotSimulation], uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sims[0].frames]


def _foot(shin: Transform, length: float) -> tuple[float, float]:
    return shin.x + math.sin(shin.angle) * length / 2, shin.y - math.cos(shin.angle) * length / 2


def test_walk_plants_its_feet_and_is_heard_step_by_step() -> None:
    sims = simulate_storyboard(one_shot(Entity(id="man", kind="person", motion="walk"),
                                        duration=3.0), fps=48, seed=4)
    frames = _frames(sims, "man")
    shin = 0.25 * frames[0].size
    slips, strides = [], []
    for a, b in itertools.pairwise(frames):
        feet_a = [_foot(a.parts[p], shin) for p in ("shin_near", "shin_far")]
        feet_b = [_foot(b.parts[p], shin) for p in ("shin_near", "shin_far")]
        low = int(np.argmin([f[1] for f in feet_a]))
        if int(np.argmin([f[1] for f in feet_b])) == low:
            slips.append(abs(feet_b[low][0] - feet_a[low][0]))
            strides.append(abs(b.x - a.x))
    # the foot on the ground barely moves while the body walks over it
    assert np.median(slips) < 0.15 * np.median(strides)
    assert min(min(_foot(f.parts[p], shin)[1] for p in ("shin_near", "shin_far"))
               for f in frames) > -0.02
    steps = [c for c in sims[0].contacts if c.kind == "footstep" and c.a == "man"]
    # about two steps per second at a walk, evenly spaced
    assert 4 <= len(steps) <= 8
    gaps = np.diff([c.t for c in steps])
    assert gaps.max() - gaps.min() < 0.1
    assert all(c.material_b == "grass" for c in steps)
    # the head bobs and the arms swing
    assert np.ptp([f.parts["head"].y for f in frames]) > 0.01
    assert np.ptp([f.parts["upper_arm_near"].angle for f in frames]) > 0.3


def test_characters_blink_now_and_then() -> None:
    sims = simulate_storyboard(one_shot(Entity(id="kid", kind="child", motion="talk"),
                                        Entity(id="cat", kind="cat"), duration=12.0),
                               fps=24, seed=9)
    for uid in ("kid", "cat"):
        blink = np.array([f.blink for f in _frames(sims, uid)])
        assert blink.min() >= 0.0 and blink.max() <= 1.0
        closed = np.flatnonzero(blink > 0.5)
        starts = closed[np.r_[True, np.diff(closed) > 1]] if len(closed) else closed
        assert 1 <= len(starts) <= 8  # every few seconds, not every frame
        assert np.mean(blink > 0.5) < 0.1


def test_a_falling_person_becomes_a_ragdoll_that_lands_on_the_floor() -> None:
    sims = simulate_storyboard(one_shot(Entity(id="man", kind="person", motion="fall"),
                                        duration=4.0), fps=24, seed=1)
    frames = _frames(sims, "man")
    assert "ragdoll" not in frames[0].extra and frames[-1].extra.get("ragdoll") == 1.0
    head_start, head_end = frames[0].parts["head"].y, frames[-1].parts["head"].y
    assert head_end < 0.4 * head_start
    assert abs(frames[-1].vx) < 0.2 and abs(frames[-1].vy) < 0.2  # come to rest
    hits = [c for c in sims[0].contacts if c.kind == "impact" and c.a == "man"]
    assert hits and all(c.b == "ground" for c in hits)
    # joints hold: the shin stays attached near the thigh
    last = frames[-1]
    s = last.size
    assert math.dist((last.parts["thigh_near"].x, last.parts["thigh_near"].y),
                     (last.parts["shin_near"].x, last.parts["shin_near"].y)) < 0.35 * s


def test_a_ball_thrown_at_a_person_knocks_them_over() -> None:
    sb = one_shot(Entity(id="man", kind="person", position=(6.0, 0.0)),
                  Entity(id="rock", kind="rock", size=0.5, position=(2.0, 1.0),
                         velocity=(14.0, 1.0), motion="roll"), duration=3.0)
    frames = _frames(simulate_storyboard(sb, fps=24, seed=1), "man")
    assert frames[-1].extra.get("ragdoll") == 1.0


def test_birds_fly_on_arcs_flapping_and_fish_wag_their_tails() -> None:
    sims = simulate_storyboard(one_shot(Entity(id="bird", kind="bird", motion="fly"),
                                        Entity(id="fish", kind="fish", motion="swim"),
                                        place="underwater", duration=4.0), fps=24, seed=2)
    bird = _frames(sims, "bird")
    assert min(f.y for f in bird) > 1.0
    assert np.ptp([f.x for f in bird]) > 2.0 and np.ptp([f.y for f in bird]) > 0.1
    rel = [f.parts["wing_near"].angle - f.angle for f in bird]
    assert np.ptp(rel) > 1.0
    assert all(f.facing == (1 if f.vx > 0 else -1) for f in bird if abs(f.vx) > 0.1)
    fish = _frames(sims, "fish")
    tail = [f.parts["tail"].angle for f in fish]
    assert np.ptp(tail) > 0.4
    assert sims[0].water_level is not None and all(f.y < sims[0].water_level for f in fish)
    assert any(c.kind == "wings" for c in sims[0].continuous)


def test_a_figure_placed_in_the_air_drops_as_a_ragdoll_under_gravity() -> None:
    sims = simulate_storyboard(one_shot(Entity(id="bot", kind="robot", motion="fall",
                                               position=(5.0, 3.0)), duration=2.0),
                               fps=24, seed=1)
    frames = _frames(sims, "bot")
    assert frames[1].extra.get("ragdoll") == 1.0
    assert frames[6].y < frames[0].y - 0.2
    assert min(p.y for p in frames[-1].parts.values()) < 0.3
