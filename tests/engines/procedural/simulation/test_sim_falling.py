"""Balls that drop, bounce and are heard: gravity, impacts and slow motion."""

from __future__ import annotations

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.scene import ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Entity

FPS = 24


def _track(sim: ShotSimulation, uid: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = np.array([f.t for f in sim.frames])
    ent = [next(e for e in f.entities if e.uid == uid) for f in sim.frames]
    return t, np.array([e.y for e in ent]), np.array([e.vy for e in ent])


def test_red_ball_bounces_on_wooden_floor_with_an_impact_per_bounce() -> None:
    ball = Entity(id="ball", kind="ball", colour="red", motion="bounce")
    sim = simulate_storyboard(one_shot(ball, place="living_room", duration=3.0), fps=FPS,
                              seed=7)[0]
    t, y, vy = _track(sim, "ball")
    assert sim.environment.resolved_ground() == "wood"
    assert y[0] > 1.4  # dropped from high
    # it falls, turns round at the floor, and rises again
    first_up = int(np.argmax(vy > 0.5))
    assert first_up > 0 and y[first_up - 1] < 0.5 * y[0]
    assert y[first_up + 4] > y[first_up]
    impacts = [c for c in sim.contacts if c.kind == "impact" and c.a == "ball"]
    assert len(impacts) >= 3
    assert all(c.b == "ground" and c.material_a == "rubber" and c.material_b == "wood"
               for c in impacts)
    # every bounce (vy goes from falling to rising between frames) has its impact in that frame
    turns = [k for k in range(1, len(vy)) if vy[k - 1] < -0.5 and vy[k] > 0.5]
    assert len(turns) >= 3
    for k in turns:
        near = [c for c in impacts if t[k - 1] - 1.0 / FPS <= c.t <= t[k] + 1.0 / FPS]
        assert near, f"no impact near the bounce at frame {k}"
    # louder first: the impulse falls bounce after bounce
    assert impacts[0].impulse > impacts[1].impulse > impacts[2].impulse


def test_resting_ball_makes_no_stream_of_impacts() -> None:
    ball = Entity(id="ball", kind="ball", motion="idle")
    sim = simulate_storyboard(one_shot(ball, duration=4.0), fps=FPS, seed=1)[0]
    assert len([c for c in sim.contacts if c.kind == "impact"]) <= 1


@pytest.mark.parametrize(("place", "g"), [("park", 9.81), ("moon", 1.62)])
def test_fitted_fall_acceleration_matches_gravity(place: str, g: float) -> None:
    ball = Entity(id="ball", kind="ball", motion="fall", position=(5.0, 3.0))
    sim = simulate_storyboard(one_shot(ball, place=place, duration=2.0), fps=FPS, seed=3)[0]
    t, y, _ = _track(sim, "ball")
    first_contact = min((c.t for c in sim.contacts if c.a == "ball"), default=t[-1])
    free = t < first_contact - 1.0 / FPS
    assert free.sum() >= 6
    a2, _, _ = np.polyfit(t[free], y[free], 2)
    assert -2 * a2 == pytest.approx(g, rel=0.02)
    assert sim.gravity == pytest.approx(g)


def test_slow_motion_stretches_the_fall_in_clip_time() -> None:
    def landing(slow: float) -> float:
        ball = Entity(id="ball", kind="ball", motion="fall", position=(5.0, 2.0))
        sim = simulate_storyboard(one_shot(ball, duration=3.0, slow_motion=slow), fps=FPS,
                                  seed=3)[0]
        return min(c.t for c in sim.contacts if c.a == "ball")

    normal, slow = landing(1.0), landing(0.25)
    assert slow == pytest.approx(normal / 0.25, rel=0.03)
    # the landing seen in slow motion still lines up with the picture
    ball = Entity(id="ball", kind="ball", motion="fall", position=(5.0, 2.0))
    sim = simulate_storyboard(one_shot(ball, duration=3.0, slow_motion=0.25), fps=FPS, seed=3)[0]
    t, _, vy = _track(sim, "ball")
    k = next(k for k in range(1, len(vy)) if vy[k - 1] < -0.5 <= vy[k])
    assert t[k - 1] - 1 / FPS <= slow <= t[k] + 1 / FPS
