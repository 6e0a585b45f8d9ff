"""Everyday actions checked from the simulation's own state: a dog's catch, a cat's swat, a
kickflip, a pancake toss."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.personas import ADULT
from openreel.engines.procedural.render.framing import world_box
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.act import Cue
from openreel.engines.procedural.simulation.acts import TEMPLATES
from openreel.engines.procedural.simulation.acts.tasks import BLOWING, BUBBLE_CYCLE, FLIP_HEIGHT
from openreel.engines.procedural.simulation.animals import SWAT_AT
from openreel.engines.procedural.simulation.fetching import LEAP
from openreel.engines.procedural.simulation.grouping import SEAT_TOPS
from openreel.engines.procedural.simulation.poses import limb_end
from openreel.spec import Entity, Motion, Relation

FPS = 24


def _of(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def _sim(*entities: Entity, place: str, duration: float) -> ShotSimulation:
    return simulate_storyboard(one_shot(*entities, place=place, duration=duration), fps=FPS,
                               seed=3)[0]


def test_a_dog_leaps_and_catches_a_frisbee_thrown_in_at_the_top_of_its_leap() -> None:
    sim = _sim(Entity(id="dog", kind="dog", motion="catch", object="frisbee"),
               Entity(id="frisbee", kind="frisbee"), place="beach", duration=4.0)
    dog, disc = _of(sim, "dog"), _of(sim, "frisbee")
    times = [f.t for f in sim.frames]
    [caught] = [c for c in sim.contacts if {c.a, c.b} == {"dog", "frisbee"}]
    k = next(i for i, t in enumerate(times) if t >= caught.t - 1e-6)
    # out of sight until it is thrown, then flying in fast towards the dog
    shown = next(i for i, e in enumerate(disc) if e.visible)
    assert 0 < shown < k and all(e.visible for e in disc[shown:])
    assert abs(disc[shown].x - dog[0].x) > 2.0
    assert all(math.hypot(e.vx, e.vy) > 2.0 for e in disc[shown + 1:k])
    # caught at the top of a real leap, in the jaws
    rest = dog[0].y
    top = max(range(len(dog)), key=lambda i: dog[i].y)
    assert abs(top - k) <= 1
    assert dog[top].y - rest > 0.6 * LEAP * 0.6
    for e, f in zip(disc[k:], dog[k:], strict=True):
        head = f.parts["head"]
        assert math.hypot(e.x - head.x, e.y - head.y) < 0.35 * f.size
    # and it never touches the sand
    assert not [c for c in sim.contacts if "frisbee" in (c.a, c.b) and c.b == "ground"]
    landed = [c for c in sim.contacts if c.kind == "footstep" and c.a == "dog"
              and c.t > caught.t]
    assert landed


def test_a_cat_on_the_counter_swats_the_glass_off_and_it_shatters_on_the_floor() -> None:
    sim = _sim(Entity(id="cat", kind="cat", motion="push", object="glass", relation="on",
                      relative_to="table"),
               Entity(id="glass", kind="glass", motion="break", relation="on",
                      relative_to="table"),
               Entity(id="table", kind="table"), place="kitchen", duration=3.5)
    cat, glass, table = _of(sim, "cat"), _of(sim, "glass"), _of(sim, "table")
    top = table[0].y + 0.5 * table[0].size
    assert cat[0].y > top and glass[0].y > top  # both up on the counter
    ahead = (glass[0].x - cat[0].x) * cat[0].facing
    assert 0.0 < ahead < 0.5  # the glass within a paw's reach in front of the cat
    before = [g for g, f in zip(glass, sim.frames, strict=True) if f.t < SWAT_AT - 0.05]
    assert max(abs(g.x - glass[0].x) for g in before) < 1e-3  # untouched until the swat
    [shatter] = [c for c in sim.contacts if c.kind == "shatter" and c.a == "glass"]
    assert shatter.t > SWAT_AT and shatter.b == "ground"
    assert (glass[-1].x - glass[0].x) * cat[0].facing > 0  # off the far side, away from it
    assert glass[-1].extra.get("broken")
    # the near front paw swings forward for the swat
    k = next(i for i, f in enumerate(sim.frames) if f.t >= SWAT_AT)
    paw = cat[k].parts["front_leg_near"].angle - cat[0].parts["front_leg_near"].angle
    assert paw * cat[0].facing > 0.8


def test_a_kickflip_keeps_the_board_under_the_feet_and_turns_it_over_once() -> None:
    sim = _sim(Entity(id="kid", kind="athlete", motion="ride", object="board",
                      action="kickflip"),
               Entity(id="board", kind="skateboard"), place="city_street", duration=3.0)
    kid, board = _of(sim, "kid"), _of(sim, "board")
    assert abs(kid[-1].x - kid[0].x) > 2.0  # rolling along
    for k, b in zip(kid[2:], board[2:], strict=True):
        feet = [limb_end(k.parts[f"shin_{side}"], 0.25 * k.size) for side in ("near", "far")]
        middle = 0.5 * (feet[0][0] + feet[1][0])
        assert abs(b.x - middle) < 0.1 and b.y < min(y for _, y in feet)
    turns = [b.angle for b in board]
    swept = sum(abs((b - a + math.pi) % (2 * math.pi) - math.pi)
                for a, b in itertools.pairwise(turns))
    assert 2 * math.pi - 0.3 < swept < 2 * math.pi * 1.5  # one full turn in 3 s
    assert abs(((turns[2] - turns[-1]) + math.pi) % (2 * math.pi) - math.pi) < 0.05
    assert max(k.y for k in kid) - kid[2].y > 0.2 * kid[0].size  # the pop


def test_a_rider_stands_on_the_deck_and_the_board_stays_level_when_turning_about() -> None:
    # the feet floated a quarter metre over the deck (its slanted drawing's height was taken
    # for the deck's), and the board stood on end once the rider turned about at the edge
    sim = _sim(Entity(id="teen", kind="person", motion="ride", object="board",
                      action="skateboard"),
               Entity(id="board", kind="skateboard"), place="city_street", duration=8.0)
    teen, board = _of(sim, "teen"), _of(sim, "board")
    assert {k.facing for k in teen} == {1, -1}  # it turns about within the clip
    level = board[2].angle
    for k, b in zip(teen[2:], board[2:], strict=True):
        feet = min(limb_end(k.parts[f"shin_{side}"], 0.25 * k.size)[1]
                   for side in ("near", "far"))
        assert abs(((b.angle - level) + math.pi) % (2 * math.pi) - math.pi) < 0.05
        deck = b.y + 0.5 * 0.15 * b.size  # the top of a board about 0.15 of its length high
        assert abs(feet - deck) < 0.08 * k.size


@pytest.mark.parametrize("size", [1.2, 1.75])
def test_a_tossed_pancake_rises_turns_over_and_lands_back_in_the_pan(size: float) -> None:
    def gear(t: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
        act = TEMPLATES[Motion.COOK](Cue(t=t, size=size, body=ADULT, variant="flip"))
        return act.gear["pancake"], act.gear["pan"]

    resting, pan = gear(0.0)
    assert resting[0] == pytest.approx(pan[0]) and 0 < resting[1] - pan[1] < 0.05 * size
    high, pan_then = gear(0.3 + 0.45 / 2)
    assert high[1] - pan_then[1] == pytest.approx(FLIP_HEIGHT * size + 0.03 * size, rel=0.05)
    assert high[2] == pytest.approx(math.pi, abs=0.1)  # upside down at the top
    landed, pan_after = gear(0.3 + 0.45 + 0.01)
    assert landed[1] - pan_after[1] == pytest.approx(resting[1] - pan[1], abs=0.01 * size)
    assert landed[2] == pytest.approx(0.0, abs=1e-9)


def test_a_dog_catches_what_a_person_throws_it_at_the_top_of_its_leap() -> None:
    sim = _sim(Entity(id="man", kind="person", motion="throw", object="ball", target="dog"),
               Entity(id="ball", kind="ball"),
               Entity(id="dog", kind="dog", motion="catch", object="ball"),
               place="park", duration=3.5)
    dog, ball, man = _of(sim, "dog"), _of(sim, "ball"), _of(sim, "man")
    [caught] = [c for c in sim.contacts if {c.a, c.b} == {"dog", "ball"}]
    k = next(i for i, f in enumerate(sim.frames) if f.t >= caught.t - 1e-6)
    assert abs(ball[0].x - man[0].x) < 0.6  # it starts in the thrower's hands
    assert (man[0].x - dog[0].x) * dog[0].facing > 0  # the dog faces the thrower
    top = max(range(len(dog)), key=lambda i: dog[i].y)
    assert abs(top - k) <= 1 and dog[top].y - dog[0].y > 0.2
    head = dog[-1].parts["head"]
    assert math.hypot(ball[-1].x - head.x, ball[-1].y - head.y) < 0.35 * dog[-1].size


def test_a_cat_asleep_on_a_bed_lies_on_the_mattress_and_the_bed_stays_put() -> None:
    sim = _sim(Entity(id="cat", kind="cat", motion=Motion.SLEEP, relation=Relation.ON,
                      relative_to="bed"),
               Entity(id="bed", kind="bed"), place="bedroom", duration=3.0)
    cat, bed = _of(sim, "cat"), _of(sim, "bed")
    bed_box = [world_box(b) for b in bed]
    # a bed is about two metres long: a person fits on it
    assert 1.8 <= bed_box[0].width <= 2.3
    mattress = bed_box[0].y0 + SEAT_TOPS["bed"] * bed_box[0].height
    for c, b in zip(cat, bed, strict=True):
        assert "asleep" in c.extra
        assert abs(world_box(c).y0 - mattress) < 0.05  # on the mattress, not the headboard
        assert abs(c.x - b.x) < 0.3 * bed_box[0].width  # and on the bed, not beside it
        # the sleeper does not shove the bed it lies on
        assert abs(b.angle) < 0.01 and abs(b.x - bed[0].x) < 0.01


def test_a_person_asleep_on_a_sofa_lies_on_its_seat_under_a_thin_blanket() -> None:
    sim = _sim(Entity(id="man", kind="person", motion=Motion.SLEEP, object="sofa"),
               Entity(id="sofa", kind="sofa"), place="living_room", duration=3.0)
    man, sofa = _of(sim, "man")[-1], _of(sim, "sofa")[-1]
    seat = world_box(sofa).y0 + SEAT_TOPS["sofa"] * world_box(sofa).height
    # lying on the back: the body's underside is on the seat, below the backrest's top
    assert abs(world_box(man).y0 - seat) < 0.12
    assert world_box(man).y0 < world_box(sofa).y1
    assert "asleep" in man.extra


@pytest.mark.parametrize("kind", ["stop_sign", "parking_meter"])
def test_street_furniture_stands_on_its_pole(kind: str) -> None:
    sim = _sim(Entity(id="s", kind=kind), place="city_street", duration=3.0)
    frames = _of(sim, "s")
    box = world_box(frames[0])
    assert box.height > 1.2  # a sign on a pole, taller than a child
    assert abs(box.y0) < 0.05  # standing on the pavement
    assert all(abs(f.angle) < 1e-3 and abs(f.x - frames[0].x) < 1e-3 for f in frames)


def test_a_butterfly_on_a_flower_rests_on_its_top_in_front_of_it() -> None:
    sim = _sim(Entity(id="b", kind="butterfly", relation=Relation.ON, relative_to="f"),
               Entity(id="f", kind="flower"), place="park", duration=2.0)
    fly, flower = _of(sim, "b"), _of(sim, "f")
    for b, f in zip(fly, flower, strict=True):
        assert abs(world_box(b).y0 - world_box(f).y1) < 0.03  # on the flower, not the grass
        assert abs(b.x - f.x) < 0.05
        assert b.depth < f.depth  # drawn in front of the flower it sits on
        assert "perched" in b.extra and "perch" not in b.extra  # no tree bough under it


def test_blown_bubbles_stream_from_the_lips_while_the_wand_is_raised_and_drift_away() -> None:
    sim = _sim(Entity(id="kid", kind="child", motion=Motion.PLAY, action="blowing bubbles"),
               place="park", duration=6.0)
    kid = _of(sim, "kid")
    counts = [sum(len(p.xy) for p in f.particles if p.kind == "soap") for f in sim.frames]
    # none while the wand is dipped at the start of the cycle, a stream once it is blown
    first = next(n for n, c in enumerate(counts) if c)
    assert first / FPS >= BLOWING[0] * BUBBLE_CYCLE - 0.05
    assert max(counts) >= 8
    # they leave the way the child faces, from about head height, and drift off
    last = next(p for p in sim.frames[-1].particles if p.kind == "soap")
    head = kid[-1].parts["head"]
    ahead = (last.xy[:, 0] - head.x) * kid[-1].facing
    assert np.median(ahead) > 0.3
    assert np.all(last.xy[:, 1] > 0.3 * kid[-1].size)  # floating, not on the ground


def test_a_cup_that_falls_off_the_desk_goes_over_its_edge_to_the_floor() -> None:
    # it stayed on the desk: only things that break were nudged over the edge
    sim = _sim(Entity(id="cup", kind="cup", motion=Motion.FALL, relation=Relation.ON,
                      relative_to="desk"),
               Entity(id="desk", kind="table", label="desk"), place="office", duration=3.0)
    cup, desk = _of(sim, "cup"), _of(sim, "desk")
    assert world_box(cup[0]).y0 > 0.6  # on the desk at first
    assert world_box(cup[-1]).y0 < 0.05  # on the floor at the end
    assert abs(cup[-1].x - desk[-1].x) > 0.5 * world_box(desk[-1]).width  # past its edge
