"""Acted templates, judged from the simulation's own state: hands on props, riders on
mounts, partners face to face, loops that repeat, bodies on the floor."""

from __future__ import annotations

import math
from dataclasses import astuple

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.personas import ADULT
from openreel.engines.procedural.rigs import all_parts, footprint
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation, Transform
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.act import Cue, Prop
from openreel.engines.procedural.simulation.acting_words import DEFAULTS, VARIANTS
from openreel.engines.procedural.simulation.acts import TEMPLATES
from openreel.engines.procedural.simulation.staging import CONTACT
from openreel.spec import Entity, Motion

M = Motion


def _frames(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def _forms() -> list[tuple[Motion, str]]:
    """Every template with every form it knows."""
    forms: list[tuple[Motion, str]] = []
    for motion in TEMPLATES:
        names = set(VARIANTS.get(motion, {})) | {DEFAULTS.get(motion, "")}
        forms += [(motion, v) for v in sorted(names)]
    return forms


def _inside(point: tuple[float, float], box: EntityFrame, slack: float) -> bool:
    """Whether a world point lies in an entity's rotated footprint, grown by ``slack``."""
    w, h = footprint(box.archetype, box.size)
    dx, dy = point[0] - box.x, point[1] - box.y
    c, s = math.cos(-box.angle), math.sin(-box.angle)
    lx, ly = c * dx - s * dy, s * dx + c * dy
    return abs(lx) <= w / 2 + slack and abs(ly) <= h / 2 + slack


def _hip(e: EntityFrame) -> tuple[float, float]:
    torso = e.parts["torso"]
    assert e.look is not None
    d = e.look.body.hip * e.size
    return torso.x + math.sin(torso.angle) * d, torso.y - math.cos(torso.angle) * d


@pytest.mark.parametrize(("motion", "variant"), _forms(), ids=lambda v: str(v))
def test_every_template_loops_exactly_and_stays_finite(motion: Motion, variant: str) -> None:
    for prop in (None, Prop(0.3, 0.3, "held", 0.7, 0.2, 0.45)):
        cue = Cue(t=0.7, size=1.7, body=ADULT, phase=0.3, variant=variant, prop=prop)
        act = TEMPLATES[motion](cue)
        j = act.joints
        values = [j.lean, j.head, j.hip_near, j.knee_near, j.hip_far, j.knee_far,
                  j.shoulder_near, j.elbow_near, j.shoulder_far, j.elbow_far, act.lift, act.dx]
        assert all(math.isfinite(v) for v in values)
        if act.period <= 0.0:
            continue
        later = TEMPLATES[motion](Cue(t=0.7 + 2 * act.period, size=1.7, body=ADULT, phase=0.3,
                                      variant=variant, prop=prop))
        assert astuple(later.joints) == pytest.approx(astuple(act.joints), abs=1e-6), (
            motion, variant)
        assert later.grip == pytest.approx(act.grip, abs=1e-6) if act.grip else True
        assert set(later.gear) == set(act.gear)


# (label, entities, the prop's uid): props of every shape the art may give them
HELD = [
    ("reading a book", [Entity(id="p", kind="person", motion=M.READ, object="b"),
                        Entity(id="b", kind="book")], "b"),
    ("drinking from a glass", [Entity(id="p", kind="person", motion=M.DRINK, object="g"),
                               Entity(id="g", kind="glass")], "g"),
    ("carrying a box", [Entity(id="p", kind="person", motion=M.CARRY, object="b"),
                        Entity(id="b", kind="box", size=0.4)], "b"),
    ("lifting a box", [Entity(id="p", kind="athlete", motion=M.LIFT, object="b"),
                       Entity(id="b", kind="box", size=0.35)], "b"),
    ("eating an apple", [Entity(id="p", kind="child", motion=M.EAT, object="a"),
                         Entity(id="a", kind="apple")], "a"),
    ("grabbing a ball", [Entity(id="p", kind="person", motion=M.GRAB, object="a"),
                         Entity(id="a", kind="ball")], "a"),
    ("pushing a crate", [Entity(id="p", kind="person", motion=M.PUSH, object="c"),
                         Entity(id="c", kind="box", size=0.6)], "c"),
    ("pulling a crate", [Entity(id="p", kind="person", motion=M.PULL, object="c"),
                         Entity(id="c", kind="box", size=0.4)], "c"),
    ("strumming a guitar", [Entity(id="p", kind="person", motion=M.PLAY, object="g"),
                            Entity(id="g", kind="box", label="guitar", size=0.8)], "g"),
    ("sweeping with a broom", [Entity(id="p", kind="person", motion=M.CLEAN, object="b"),
                               Entity(id="b", kind="box", label="broom", size=1.0)], "b"),
    ("digging with a shovel", [Entity(id="p", kind="person", motion=M.DIG, object="s"),
                               Entity(id="s", kind="box", label="shovel", size=0.9)], "s"),
    ("a sword fight", [Entity(id="p", kind="knight", motion=M.FIGHT, object="s"),
                       Entity(id="s", kind="box", label="sword", size=0.7),
                       Entity(id="q", kind="knight", motion=M.FIGHT)], "s"),
    ("texting on a phone", [Entity(id="p", kind="person", motion=M.TYPE, object="f",
                                   action="texting"),
                            Entity(id="f", kind="book", label="phone", size=0.12)], "f"),
]


@pytest.mark.parametrize(("label", "entities", "prop"), HELD, ids=[h[0] for h in HELD])
def test_the_hands_reach_the_held_prop_every_frame(label: str, entities: list[Entity],
                                                   prop: str) -> None:
    sim = simulate_storyboard(one_shot(*entities, place="living_room", duration=4.0),
                              fps=15, seed=3)[0]
    actor, thing = _frames(sim, "p"), _frames(sim, prop)
    held = 0
    for e, p in zip(actor, thing, strict=True):
        for side in ("near", "far"):
            if e.extra.get(f"hold_{side}"):
                held += 1
                hand = e.parts[f"hand_{side}"]
                slack = 0.05 * e.size
                assert _inside((hand.x, hand.y), p, slack), (label, side, sim.frames.index)
    assert held >= len(actor) // 3, f"{label}: the prop is barely ever in hand"
    # a prop in hand is lifted off the floor, or travels with whoever pushes or pulls it
    lifted = [p.y - 0.5 * footprint(p.archetype, p.size)[1] > 0.15 for p in thing]
    moved = np.ptp([p.x for p in thing]) > 0.5
    assert moved or np.mean(lifted) > 0.3, label


def test_a_rider_sits_on_a_horse_that_carries_it() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="rider", kind="person", motion=M.RIDE, object="horse"),
        Entity(id="horse", kind="horse"), place="farm", duration=4.0), fps=15, seed=2)[0]
    rider, horse = _frames(sim, "rider"), _frames(sim, "horse")
    assert np.ptp([h.x for h in horse]) > 1.5, "the horse goes somewhere"
    for r, h in zip(rider, horse, strict=True):
        hx, hy = _hip(r)
        back = h.parts["body"].y + 0.25 * h.size
        assert abs(hx - h.x) < 0.45 * h.size
        assert -0.08 < hy - back < 0.12 * r.size
        assert r.facing == h.facing


def test_a_rider_stays_on_a_bicycle_that_drives() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="rider", kind="person", motion=M.RIDE, object="bike"),
        Entity(id="bike", kind="bicycle"), place="park", duration=4.0), fps=15, seed=2)[0]
    rider, bike = _frames(sim, "rider"), _frames(sim, "bike")
    assert np.ptp([b.x for b in bike]) > 2.0
    for r, b in zip(rider, bike, strict=True):
        assert _inside(_hip(r), b, 0.12 * r.size)
    xs = [r.x for r in rider]
    assert np.ptp(xs) > 2.0 and abs(rider[-1].vx) > 0.5


@pytest.mark.parametrize("motion", [M.HUG, M.SHAKE_HANDS, M.KISS, M.FIGHT])
def test_partners_meet_and_end_face_to_face_within_reach(motion: Motion) -> None:
    sim = simulate_storyboard(one_shot(Entity(id="a", kind="person", motion=motion, count=2),
                                       duration=3.5), fps=15, seed=5)[0]
    a, b = _frames(sim, "a"), _frames(sim, "a.1")
    gap0, gap1 = abs(a[0].x - b[0].x), abs(a[-1].x - b[-1].x)
    assert gap1 < gap0 - 0.3, "they walk in to meet"
    end_a, end_b = a[-1], b[-1]
    assert end_a.facing == (1 if end_b.x > end_a.x else -1)
    assert end_b.facing == (1 if end_a.x > end_b.x else -1)
    assert gap1 < CONTACT[motion] * 0.5 * (end_a.size + end_b.size) + 0.05
    if motion is M.SHAKE_HANDS:
        ha, hb = end_a.parts["hand_near"], end_b.parts["hand_near"]
        assert math.dist((ha.x, ha.y), (hb.x, hb.y)) < 0.12
    if motion is M.HUG:
        for e, other in ((end_a, end_b), (end_b, end_a)):
            hand = e.parts["hand_near"]
            assert (hand.x - other.x) * e.facing > 0, "arms reach round the other's back"


def test_a_partner_named_as_the_object_answers_the_act() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="mum", kind="person", motion=M.HUG, object="kid"),
        Entity(id="kid", kind="child"), duration=3.0), fps=15, seed=1)[0]
    mum, kid = _frames(sim, "mum")[-1], _frames(sim, "kid")[-1]
    assert mum.facing == -kid.facing
    assert kid.extra.get("squint", 0.0) > 0.5, "the child hugs back, eyes closed"


def test_stations_stay_put_and_the_figure_works_at_them() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="p", kind="person", motion=M.WRITE, object="desk"),
        Entity(id="desk", kind="table"), place="living_room", duration=3.0), fps=15,
        seed=1)[0]
    person, desk = _frames(sim, "p"), _frames(sim, "desk")
    assert np.ptp([d.x for d in desk]) < 0.01 and np.ptp([d.y for d in desk]) < 0.01
    w = footprint(desk[0].archetype, desk[0].size)[0]
    for p, d in zip(person, desk, strict=True):
        hand = p.parts["hand_near"]
        assert abs(hand.x - d.x) < w / 2 + 0.05, "the pen is over the table"
        assert p.facing == (1 if d.x > p.x else -1)
        assert abs(p.x - d.x) > w / 2, "the writer sits beside it, not inside it"


def test_sitting_on_a_chair_puts_the_hips_on_its_seat() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="p", kind="person", motion=M.SIT, object="c"),
        Entity(id="c", kind="chair"), place="living_room", duration=2.0), fps=15, seed=1)[0]
    person, chair = _frames(sim, "p")[-1], _frames(sim, "c")[-1]
    hx, hy = _hip(person)
    top = chair.y - 0.5 * chair.size + chair.size
    assert abs(hx - chair.x) < 0.3
    assert 0.4 * top < hy < 1.1 * top


def test_knitting_on_a_bench_sits_on_its_seat_with_needles_and_yarn_at_the_feet() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="p", kind="person", motion=M.SIT, object="b", action="knitting"),
        Entity(id="b", kind="bench"), place="park", duration=2.0), fps=15, seed=1)[0]
    person, bench = _frames(sim, "p")[-1], _frames(sim, "b")[-1]
    hx, hy = _hip(person)
    floor = bench.y - 0.5 * bench.size
    # a bench is sat on at its seat, about half way up its back, not on the top rail
    assert abs(hx - bench.x) < 0.3
    assert floor + 0.4 * bench.size < hy < floor + 0.7 * bench.size
    needles, ball = person.parts["gear:knitting"], person.parts["gear:yarn"]
    assert hy < needles.y < hy + 0.3 * person.size  # worked before the lap
    assert abs(ball.y - floor) < 0.1 * person.size  # the ball of yarn lies on the floor
    # the hands keep working: the needles move every second
    ys = [f.parts["hand_near"].y for f in _frames(sim, "p")[-15:]]
    assert max(ys) - min(ys) > 0.005 * person.size


def test_two_builders_of_one_sandcastle_kneel_either_side_of_it_facing_it() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="k", kind="child", count=2, motion=M.DIG, object="c", action="sandcastle"),
        Entity(id="c", kind="sandcastle"), place="beach", duration=2.0), fps=15, seed=1)[0]
    castle = _frames(sim, "c")[-1]
    first, second = _frames(sim, "k")[-1], _frames(sim, "k.1")[-1]
    assert first.x < castle.x < second.x
    assert (first.facing, second.facing) == (1, -1)
    assert abs(_frames(sim, "c")[0].x - castle.x) < 1e-6  # the castle stays where it is built
    for kid in (first, second):  # hands at the castle, not in the air beside it
        hand = kid.parts["hand_near"]
        assert abs(hand.x - castle.x) < 0.5 * castle.size + 0.12 * kid.size


@pytest.mark.parametrize("motion", [M.MARCH, M.CRAWL, M.SKATE, M.SKI, M.PUSH, M.CARRY])
def test_travelling_acts_travel_and_keep_to_the_floor(motion: Motion) -> None:
    persona = {"age": "baby"} if motion is M.CRAWL else None
    sim = simulate_storyboard(one_shot(Entity(id="p", kind="person", motion=motion,
                                              persona=persona), duration=3.0),
                              fps=15, seed=4)[0]
    frames = _frames(sim, "p")
    assert np.ptp([f.x for f in frames]) > (0.4 if motion is M.CRAWL else 0.6)
    for f in frames:
        specs = {p.name: p for p in all_parts(f.archetype, f.size, f.look)}
        lowest = min(_bottom(f.parts[n], specs[n].w, specs[n].h) for n in specs)
        assert -0.06 < lowest < 0.08, (motion, lowest)
    steps = [c for c in sim.contacts if c.kind == "footstep" and c.a == "p"]
    if motion in (M.MARCH, M.PUSH, M.CARRY):
        assert len(steps) >= 3, "every step is heard"


def _bottom(t: Transform, w: float, h: float) -> float:
    """Lowest point of a capsule-like part (its axis end, less its radius)."""
    half = 0.5 * max(h - w, 0.0)
    return t.y - abs(math.cos(t.angle)) * half - 0.5 * min(w, h)


def test_animals_eat_from_the_floor_and_play_with_the_ball() -> None:
    sim = simulate_storyboard(one_shot(
        Entity(id="dog", kind="dog", motion=M.EAT, object="food"),
        Entity(id="food", kind="burger"),
        Entity(id="pup", kind="dog", motion=M.PLAY, object="ball"),
        Entity(id="ball", kind="ball"), duration=5.0), fps=15, seed=3)[0]
    dog, food = _frames(sim, "dog")[-1], _frames(sim, "food")[-1]
    head = dog.parts["head"]
    assert head.y < dog.parts["body"].y - 0.2 * dog.size, "the head is down at the bowl"
    assert abs(head.x - food.x) < 0.45 * dog.size
    ball = _frames(sim, "ball")
    pup = _frames(sim, "pup")
    assert np.ptp([b.x for b in ball]) > 0.3, "the ball gets batted about"
    assert min(abs(p.x - b.x) for p, b in zip(pup, ball, strict=True)) < 0.8


@pytest.mark.parametrize("thing", ["cat", "car", "ball", "table", "tree", "glass", "person",
                                   "horse", "boat"])
def test_any_act_with_any_kind_of_object_runs_and_fills_every_part(thing: str) -> None:
    for motion in TEMPLATES:
        sim = simulate_storyboard(one_shot(Entity(id="p", kind="person", motion=motion,
                                                  object="o"),
                                           Entity(id="o", kind=thing), duration=0.8),
                                  fps=8, seed=1)[0]
        for frame in sim.frames:
            for e in frame.entities:
                names = {p.name for p in all_parts(e.archetype, e.size, e.look)}
                assert names <= set(e.parts), (motion, thing, e.uid)
                assert all(math.isfinite(v) for p in e.parts.values() for v in (p.x, p.y,
                                                                                 p.angle))
