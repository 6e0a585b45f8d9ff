"""Vehicles, boats, rockets, explosions, squash and the speed of the stage."""

from __future__ import annotations

import numpy as np
from sim_storyboards import one_shot

from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Entity


def _frames(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def test_a_car_drives_on_turning_wheels_and_sounds_its_engine() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="car", kind="car", motion="drive"),
                                       duration=2.5), fps=24, seed=0)[0]
    car = _frames(sim, "car")
    dx = car[-1].x - car[0].x
    assert dx > 2.0
    r = 0.25 * car[0].size
    turned = car[-1].parts["wheel_back"].angle - car[0].parts["wheel_back"].angle
    assert abs(turned + dx / r) < 0.15 * abs(dx / r)  # the wheels roll, they do not skid
    engine = next(c for c in sim.continuous if c.kind == "engine" and c.uid == "car")
    assert engine.level.max() > 0.5
    assert np.allclose(engine.pan, [f.x for f in car], atol=1e-4)


def test_a_crashing_car_hits_its_target_with_a_loud_impact() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="car", kind="car", motion="crash",
                                              target="crate"),
                                       Entity(id="crate", kind="box", size=1.0),
                                       duration=3.0), fps=24, seed=0)[0]
    hits = [c for c in sim.contacts if c.kind == "impact" and {"car", "crate"} == {c.a, c.b}]
    assert hits and max(c.impulse for c in hits) > 100.0
    crate = _frames(sim, "crate")
    assert crate[-1].x - crate[0].x > 0.3  # shoved by the impact
    assert _frames(sim, "car")[-1].extra["crashed"] == 1.0


def test_a_boat_floats_at_the_water_level() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="boat", kind="boat", motion="drive"),
                                       place="ocean", duration=5.0), fps=24, seed=0)[0]
    assert sim.water_level == 0.0
    boat = _frames(sim, "boat")
    ys = np.array([f.y for f in boat[24:]])
    assert np.all(np.abs(ys - sim.water_level) < 0.5 * boat[0].size * 0.35)
    assert boat[-1].x != boat[0].x


def test_a_rocket_launches_on_a_growing_flame_with_smoke() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="rocket", kind="rocket", motion="launch"),
                                       duration=3.0), fps=24, seed=0)[0]
    rocket = _frames(sim, "rocket")
    assert rocket[0].extra["flame"] == 0.0 and rocket[-1].extra["flame"] > 0.9
    assert rocket[-1].y > rocket[0].y + 3.0
    assert rocket[-1].vy > rocket[len(rocket) // 2].vy  # still accelerating
    kinds = {p.kind for p in sim.frames[-1].particles}
    assert {"smoke", "fire"} <= kinds
    assert {c.kind for c in sim.continuous if c.uid == "rocket"} >= {"engine", "flame"}


def test_an_explosion_hides_the_thing_and_throws_debris() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="barrel", kind="box", motion="explode"),
                                       duration=3.0), fps=24, seed=0)[0]
    barrel = _frames(sim, "barrel")
    assert barrel[0].visible and not barrel[-1].visible
    boom = [c for c in sim.contacts if c.kind == "explosion"]
    assert len(boom) == 1
    k = next(i for i, f in enumerate(barrel) if not f.visible)
    kinds = {p.kind for p in sim.frames[k + 2].particles}
    assert {"debris", "spark", "smoke", "fire"} <= kinds


def test_a_bouncing_ball_squashes_at_impact_and_stretches_in_flight() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="ball", kind="ball", motion="bounce"),
                                       duration=2.0), fps=60, seed=0)[0]
    ball = _frames(sim, "ball")
    squash = np.array([f.squash for f in ball])
    assert squash.min() < 0.9 and squash.max() > 1.05
    first_hit = min(c.t for c in sim.contacts if c.a == "ball")
    k = int(np.argmin(squash))
    assert abs(sim.frames[k].t - first_hit) < 0.1


def test_a_busy_ten_second_shot_keeps_every_entity() -> None:
    sb = one_shot(Entity(id="balls", kind="ball", count=3, motion="bounce"),
                  Entity(id="man", kind="person", motion="walk"),
                  Entity(id="dog", kind="dog", motion="run"),
                  Entity(id="car", kind="car", motion="drive"),
                  Entity(id="bird", kind="bird", motion="fly"),
                  Entity(id="tree", kind="tree", count=2), duration=10.0)
    sims = simulate_storyboard(sb, fps=24, seed=0)
    assert len(sims[0].frames) == 240
    assert all(len(f.entities) == 9 for f in sims[0].frames)


def test_a_rolling_ball_is_heard_rolling_where_it_is() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="ball", kind="ball", motion="roll",
                                              velocity=(2.0, 0.0)), duration=2.0),
                              fps=24, seed=0)[0]
    roll = next(c for c in sim.continuous if c.uid == "ball" and c.kind == "roll")
    ball = _frames(sim, "ball")
    assert roll.level.shape == (len(sim.frames),) and roll.level.max() > 0.2
    assert np.allclose(roll.pan, [f.x for f in ball], atol=1e-4)
    # rolling, not sliding: the angle turns by distance over radius
    turned = ball[-1].angle - ball[0].angle
    assert abs(turned + (ball[-1].x - ball[0].x) / (0.5 * ball[0].size)) < 0.5


def test_a_balloon_rises_and_drifts_with_the_wind() -> None:
    sb = one_shot(Entity(id="balloon", kind="balloon"), duration=3.0)
    sb.environment.wind = 3.0
    balloon = _frames(simulate_storyboard(sb, fps=24, seed=0)[0], "balloon")
    assert balloon[-1].y > balloon[0].y + 0.5
    assert balloon[-1].x > balloon[0].x + 0.5


def test_a_parking_truck_drives_in_and_stays_where_it_stopped() -> None:
    def run(action: str | None) -> list[EntityFrame]:
        board = one_shot(Entity(id="truck", kind="truck", motion="drive", action=action),
                         duration=8.0)
        return _frames(simulate_storyboard(board, fps=24, seed=0)[0], "truck")

    parked, driven = run("park"), run(None)
    assert parked[72].x - parked[0].x > 1.5  # it drove in
    last = parked[-72:]  # the last three seconds
    assert max(abs(f.vx) for f in last) < 0.05
    assert max(f.x for f in last) - min(f.x for f in last) < 0.05
    # a truck that only drives keeps going (and turns at the end of the road)
    assert max(abs(f.vx) for f in driven[-72:]) > 0.5
