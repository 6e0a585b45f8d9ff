"""The physics showcases, checked from the simulation's own state and contacts."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.holding import HANDLE
from openreel.engines.procedural.simulation.poses import limb_end
from openreel.spec import Entity

FPS = 24


def _of(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def _first_frame_at(sim: ShotSimulation, t: float) -> int:
    """Index of the first frame shown at or after clip time ``t``."""
    return next(k for k, f in enumerate(sim.frames) if f.t >= t - 1e-9)


def _aimed(motion: str, ball: str, target: str) -> ShotSimulation:
    """A player who ``motion``s a ``ball`` at a ``target`` in a stadium."""
    sb = one_shot(Entity(id="player", kind="athlete", motion=motion, object="ball",
                         target=target),
                  Entity(id="ball", kind=ball), Entity(id=target, kind=target),
                  place="stadium", duration=4.0)
    return simulate_storyboard(sb, fps=FPS, seed=3)[0]


def test_a_shot_ball_drops_through_the_ring_of_the_hoop() -> None:
    sim = _aimed("shoot", "basketball", "hoop")
    hoop = _of(sim, "hoop")[0].extra
    x0, x1, rim_y = hoop["rim_x0"], hoop["rim_x1"], hoop["rim_y"]
    assert 2.9 < rim_y < 3.2 and 0.4 < x1 - x0 < 0.5  # a regulation ring, with its opening
    ball = _of(sim, "ball")
    radius = 0.5 * ball[0].size
    crossings = []
    for a, b in itertools.pairwise(ball):
        if a.y >= rim_y > b.y:
            u = (a.y - rim_y) / (a.y - b.y)
            crossings.append((a.x + u * (b.x - a.x), b.vy))
    # the centre goes down through the ring's plane between its two ends, clear of both
    assert len(crossings) == 1
    x, vy = crossings[0]
    assert x0 + radius * 0.5 < x < x1 - radius * 0.5 and vy < 0
    swish = [c for c in sim.contacts if c.kind == "swish"]
    assert len(swish) == 1 and x0 < swish[0].x < x1
    # it went in clean: nothing of the hoop was touched before the swish
    assert not [c for c in sim.contacts if c.kind == "impact" and "hoop" in (c.a, c.b)
                and c.t < swish[0].t]
    # and it falls out under the net onto the floor
    assert ball[-1].y < 1.0
    assert any(c.kind == "impact" and c.b == "ground" and c.t > swish[0].t
               for c in sim.contacts)


def test_a_kicked_ball_ends_in_the_goal() -> None:
    sim = _aimed("kick", "football", "goal")
    goal = _of(sim, "goal")[0].extra
    lo, hi = sorted((goal["mouth_x"], goal["back_x"]))
    ball = _of(sim, "ball")
    assert not lo < ball[0].x < hi
    assert lo < ball[-1].x < hi and ball[-1].y < goal["bar_y"]
    assert abs(ball[-1].vx) < 0.3  # caught by the net, not bouncing out
    kick = next(c for c in sim.contacts if c.kind == "impact" and c.b == "player")
    # on the contact frame the kicking foot is at the ball
    k = _first_frame_at(sim, kick.t)
    player = _of(sim, "player")[k]
    foot = limb_end(player.parts["shin_near"], 0.25 * player.size)
    assert math.dist(foot, (ball[k - 1].x, ball[k - 1].y)) < 0.5 * ball[0].size + 0.15
    assert any(c.kind == "net" and c.t > kick.t for c in sim.contacts)


@pytest.mark.parametrize("count", [20, 40])
def test_dominoes_all_fall_in_order_with_a_clack_per_hit(count: int) -> None:
    sb = one_shot(Entity(id="d", kind="domino", count=count, motion="topple"),
                  place="living_room", duration=6.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    uids = ["d"] + [f"d.{k}" for k in range(1, count)]
    tracks = [_of(sim, uid) for uid in uids]
    xs = [tr[0].x for tr in tracks]
    assert xs == sorted(xs) and max(xs) - min(xs) < 0.86 * sim.stage_width
    assert all(abs(tr[0].angle) < 1e-6 for tr in tracks)  # standing at the start
    # every one ends past 60 degrees
    assert all(abs(tr[-1].angle) > math.radians(60) for tr in tracks)
    # ... and they go over one after another along the row
    times = []
    for tr in tracks:
        k = next(k for k, e in enumerate(tr) if abs(e.angle) > math.radians(30))
        a0, a1 = abs(tr[k - 1].angle), abs(tr[k].angle)
        u = (math.radians(30) - a0) / (a1 - a0)
        times.append(sim.frames[k - 1].t + u / FPS)
    assert all(b > a for a, b in itertools.pairwise(times))
    # a clack each time one domino hits the next, in order along the row
    hits = []
    for a, b in itertools.pairwise(uids):
        pair = [c.t for c in sim.contacts if c.kind == "impact" and {c.a, c.b} == {a, b}]
        assert pair, f"{a} never hit {b}"
        hits.append(min(pair))
    assert all(y > x for x, y in itertools.pairwise(hits))


def _break_sim(*entities: Entity) -> ShotSimulation:
    return simulate_storyboard(one_shot(*entities, place="kitchen", duration=3.0), fps=FPS,
                               seed=3)[0]


def _check_shatters(sim: ShotSimulation) -> None:
    shatter = next(c for c in sim.contacts if c.kind == "shatter")
    glass = _of(sim, "glass")
    k = _first_frame_at(sim, shatter.t)
    assert not any(e.extra.get("broken") for e in glass[:k])  # whole until the impact
    on_contact = glass[k]
    assert on_contact.extra["broken"] == 1.0 and on_contact.extra["pieces"] >= 6
    shards = [n for n in on_contact.outlines if n.startswith("shard_")]
    assert len(shards) >= 6

    def spread(e: EntityFrame) -> float:
        pts = np.array([(e.parts[n].x, e.parts[n].y) for n in shards])
        return float(np.mean(np.linalg.norm(pts - pts.mean(axis=0), axis=1)))

    later = glass[min(k + FPS // 3, len(glass) - 1)]
    assert spread(later) > 1.5 * spread(on_contact)  # the pieces fly apart


def test_a_glass_pushed_off_a_table_shatters_on_the_floor() -> None:
    sim = _break_sim(Entity(id="table", kind="table"),
                     Entity(id="glass", kind="glass", motion="break", relation="on",
                            relative_to="table"))
    glass, table = _of(sim, "glass"), _of(sim, "table")
    assert glass[0].y > 0.75  # it starts on the table top
    shatter = next(c for c in sim.contacts if c.kind == "shatter")
    assert shatter.b == "ground" and shatter.t > 0.6
    assert abs(glass[0].x - table[0].x) < 0.5 * 1.3 * table[0].size
    _check_shatters(sim)


def test_a_glass_slips_from_a_hand_and_shatters() -> None:
    sim = _break_sim(Entity(id="man", kind="person", object="glass"),
                     Entity(id="glass", kind="glass", motion="break"))
    glass = _of(sim, "glass")
    k = int(0.5 * FPS)
    assert abs(glass[k].y - glass[0].y) < 1e-6  # held still first
    shatter = next(c for c in sim.contacts if c.kind == "shatter")
    assert shatter.b == "ground"
    assert not any("man" in (c.a, c.b) for c in sim.contacts if c.t <= shatter.t)
    _check_shatters(sim)


def _period(sim: ShotSimulation, uid: str) -> tuple[float, float]:
    swing = np.array([e.extra["swing"] for e in _of(sim, uid)])
    t = np.array([f.t for f in sim.frames])
    ups = []
    for i in range(1, len(swing)):
        if swing[i - 1] > 0 >= swing[i]:
            u = swing[i - 1] / (swing[i - 1] - swing[i])
            ups.append(t[i - 1] + u * (t[i] - t[i - 1]))
    assert len(ups) >= 2
    return float(np.mean(np.diff(ups))), _of(sim, uid)[0].extra["length"]


@pytest.mark.parametrize("place", ["living_room", "moon"])
def test_pendulum_period_matches_its_length(place: str) -> None:
    sb = one_shot(Entity(id="p", kind="pendulum", motion="swing"), place=place, duration=12.0)
    sim = simulate_storyboard(sb, fps=60, seed=1)[0]
    period, length = _period(sim, "p")
    expected = 2.0 * math.pi * math.sqrt(length / sim.gravity)
    assert abs(period - expected) / expected < 0.03
    bob = _of(sim, "p")[0].parts["bob"]
    pivot = _of(sim, "p")[0].extra
    assert math.dist((bob.x, bob.y), (pivot["pivot_x"], pivot["pivot_y"])) == pytest.approx(
        length, rel=1e-3)


def test_a_hanging_lamp_swings_from_its_string() -> None:
    sim = simulate_storyboard(one_shot(Entity(id="lamp", kind="lamp", motion="swing"),
                                       place="living_room", duration=4.0), fps=FPS, seed=1)[0]
    swing = np.array([e.extra["swing"] for e in _of(sim, "lamp")])
    assert swing.max() > 0.3 and swing.min() < -0.3  # it goes both ways
    assert "string" in _of(sim, "lamp")[0].outlines


def test_a_thrown_ball_is_caught_in_the_hands() -> None:
    sb = one_shot(Entity(id="a", kind="person", motion="throw", object="ball", target="b"),
                  Entity(id="b", kind="person", motion="catch", object="ball"),
                  Entity(id="ball", kind="ball"), duration=4.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    ball, catcher = _of(sim, "ball"), _of(sim, "b")
    catch = next(c for c in sim.contacts if c.kind == "impact" and c.b == "b")
    k = _first_frame_at(sim, catch.t)
    thrown = next(i for i, e in enumerate(ball) if abs(e.vx) > 2.0)
    assert thrown < k  # it flew from the thrower
    for e, c in zip(ball[k:], catcher[k:], strict=True):
        hands = [limb_end(c.parts[p], 0.17 * c.size) for p in ("lower_arm_near",
                                                               "lower_arm_far")]
        mid = np.mean(hands, axis=0)
        assert math.dist((e.x, e.y), mid) < 0.5 * e.size + 0.08  # in the hands, and kept
    assert catcher[-1].extra.get("ragdoll") is None


def test_a_diver_splashes_on_the_entry_frame_and_swims() -> None:
    sb = one_shot(Entity(id="pool", kind="swimming_pool"),
                  Entity(id="kid", kind="child", motion="dive", target="pool"), duration=5.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    level = _of(sim, "pool")[0].extra["water_level"]
    kid = _of(sim, "kid")
    entry = next(k for k, e in enumerate(kid) if e.y < level)
    splash = [c for c in sim.contacts if c.kind == "splash" and c.a == "kid"]
    assert len(splash) == 1
    # the splash is heard between the last frame above the water and the first below it
    assert sim.frames[entry - 1].t < splash[0].t <= sim.frames[entry].t
    spray = [p for p in sim.frames[entry].particles if p.kind == "splash"]
    assert spray and len(spray[0].xy) > 30
    assert not any(p.kind == "splash" for p in sim.frames[entry - 1].particles)
    assert kid[0].y > 0.0 and "water_line" in kid[-1].extra
    assert abs(kid[-1].y - level) < 0.3  # back up, swimming at the surface


def test_things_in_a_pool_splash_and_float_or_sink_by_density() -> None:
    sb = one_shot(Entity(id="pool", kind="swimming_pool"),
                  Entity(id="ball", kind="beach_ball", motion="fall", position=(4.0, 1.5)),
                  Entity(id="rock", kind="rock", size=0.3, motion="fall", position=(6.0, 1.5)),
                  duration=5.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    pool = _of(sim, "pool")[0].extra
    splashed = {c.a for c in sim.contacts if c.kind == "splash"}
    assert {"ball", "rock"} <= splashed
    ball, rock = _of(sim, "ball")[-1], _of(sim, "rock")[-1]
    assert abs(ball.y - pool["water_level"]) < 0.5 * ball.size  # afloat
    assert rock.y < pool["pool_bottom"] + rock.size  # on the bottom


def test_a_man_pouring_from_a_pot_fills_the_cup() -> None:
    sb = one_shot(Entity(id="man", kind="person", motion="pour", object="pot", target="cup"),
                  Entity(id="cup", kind="glass"), Entity(id="pot", kind="jug"),
                  place="kitchen", duration=6.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    fills = [e.extra["fill"] for e in _of(sim, "cup")]
    assert fills[0] == 0.0 and fills[-1] > 0.4
    assert any(c.kind == "pour" for c in sim.contacts)
    man, pot = _of(sim, "man"), _of(sim, "pot")
    for m, p in zip(man, pot, strict=True):
        hand = limb_end(m.parts["lower_arm_near"], 0.17 * m.size)
        c, s = math.cos(p.angle), math.sin(p.angle)
        grip = (p.x + (c * HANDLE[0] - s * HANDLE[1]) * p.size,
                p.y + (s * HANDLE[0] + c * HANDLE[1]) * p.size)
        assert math.dist(hand, grip) < 0.03  # the hand stays on the pot as it tips


def test_a_child_rides_a_swing_that_swings() -> None:
    sb = one_shot(Entity(id="girl", kind="child", motion="swing", object="swing"),
                  Entity(id="swing", kind="swing_set"), duration=4.0)
    sim = simulate_storyboard(sb, fps=FPS, seed=3)[0]
    swing = np.array([e.extra["swing"] for e in _of(sim, "swing")])
    assert swing.max() > 0.3 and swing.min() < -0.3
    for girl, seat in zip(_of(sim, "girl"), _of(sim, "swing"), strict=True):
        hips = girl.parts["thigh_near"]
        assert math.dist((hips.x, hips.y), (seat.parts["bob"].x, seat.parts["bob"].y)) < 0.35
        assert girl.extra.get("ragdoll") is None
