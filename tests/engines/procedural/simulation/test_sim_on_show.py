"""Things on show and things at rest, from the simulation's own state: a sneaker turning on
its pedestal, toys dropped onto a sofa, two friends on a bench, a kite on its line, a
penguin on its belly, a cat asleep."""

from __future__ import annotations

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.render.artwork import art_of, secondary
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.acts.handling import KITE_UP, fishing_strike
from openreel.spec import Entity

FPS = 24


def _of(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def _sim(*entities: Entity, place: str = "living_room", duration: float = 3.0
         ) -> ShotSimulation:
    return simulate_storyboard(one_shot(*entities, place=place, duration=duration), fps=FPS,
                               seed=3)[0]


def test_a_thing_spun_on_a_pedestal_turns_on_the_spot() -> None:
    sim = _sim(Entity(id="shoe", kind="shoe", motion="spin", relation="on",
                      relative_to="pedestal"),
               Entity(id="pedestal", kind="pedestal"), place="studio", duration=5.0)
    shoe, stand = _of(sim, "shoe"), _of(sim, "pedestal")
    # it stays where it stands on the pedestal, unturned in the picture's plane, and the
    # pedestal stays standing (the spin knocked it over, and threw the shoe in the air)
    for e in (shoe, stand):
        assert max(np.ptp([f.x for f in e]), np.ptp([f.y for f in e]),
                   np.ptp([f.angle for f in e])) < 1e-6
    assert abs(stand[0].angle) < 1e-6
    # it turns about its upright axis: face on, edge on, seen from behind, and back
    turns = np.array([e.extra["turn"] for e in shoe])
    assert turns[0] > 0.99 and turns.min() < -0.99 and np.abs(turns).min() < 0.1
    assert turns[int(np.argmin(turns)):].max() > 0.95  # round to face on again


def test_a_pedestal_is_made_for_what_it_shows() -> None:
    watch = _sim(Entity(id="watch", kind="watch", relation="on", relative_to="pedestal"),
                 Entity(id="pedestal", kind="pedestal"), place="studio")
    stand = _of(watch, "pedestal")[0]
    assert 0.25 <= stand.size < 0.5  # a low plinth for a watch, not a 0.9 m column
    shown = _of(watch, "watch")[0]
    assert shown.y > stand.y  # standing on top of it


@pytest.mark.parametrize("seed", [3, 6])
def test_things_dropped_onto_a_sofa_land_on_its_seat(seed: int) -> None:
    board = one_shot(Entity(id="teddy", kind="teddy_bear", motion="fall", target="sofa"),
                     Entity(id="laptop", kind="laptop", motion="fall", target="sofa"),
                     Entity(id="sofa", kind="sofa"), place="living_room", duration=4.0)
    sim = simulate_storyboard(board, fps=FPS, seed=seed)[0]
    sofa = _of(sim, "sofa")[-1]
    half = 0.5 * footprint(sofa.archetype, sofa.size, sofa.kind)[0]
    for uid in ("teddy", "laptop"):
        end = _of(sim, uid)[-1]
        # on the seat, not on the floor beside it nor on top of the backrest
        assert abs(end.x - sofa.x) < half, uid
        assert 0.35 < end.y - end.size * 0.5 < 0.6, (uid, end.y)


def test_two_on_one_bench_sit_side_by_side_facing_each_other() -> None:
    sim = _sim(Entity(id="girl", kind="person", motion="sit", object="bench"),
               Entity(id="boy", kind="person", motion="sit", object="bench"),
               Entity(id="bench", kind="bench"), place="park")
    girl, boy = _of(sim, "girl")[0], _of(sim, "boy")[0]
    assert abs(girl.x - boy.x) > 0.3
    left, right = sorted((girl, boy), key=lambda e: e.x)
    assert (left.facing, right.facing) == (1, -1)


def test_a_kite_rides_high_above_whoever_flies_it() -> None:
    sim = _sim(Entity(id="boy", kind="child", motion="pull", object="kite", action="kite"),
               Entity(id="kite", kind="kite"), place="beach", duration=4.0)
    boy, kite = _of(sim, "boy"), _of(sim, "kite")
    for b, k in zip(boy[12:], kite[12:], strict=True):
        head = b.parts["head"].y
        assert k.y > head + 0.5 * KITE_UP * b.size  # well above the head, on its line
        assert "gear:kite_line" in b.parts
    assert np.ptp([b.x for b in boy]) < 0.3  # standing, not hauling it along the ground
    assert np.ptp([k.y for k in kite[12:]]) > 0.02  # it bobs on the wind


def test_a_penguin_slides_on_its_belly_along_the_snow() -> None:
    sim = _sim(Entity(id="penguin", kind="penguin", motion="slide"), place="snow",
               duration=3.0)
    penguin = _of(sim, "penguin")
    assert all(e.y < 0.5 * e.size for e in penguin)  # on the snow, never in the air
    assert all(abs(abs(e.angle) - 1.35) < 0.05 for e in penguin)  # tipped onto its belly
    assert abs(penguin[-1].x - penguin[0].x) > 2.0


def test_a_cat_asleep_is_drawn_lying_low() -> None:
    asleep = _of(_sim(Entity(id="cat", kind="cat", motion="sleep")), "cat")[10]
    awake = _of(_sim(Entity(id="cat", kind="cat")), "cat")[10]
    assert art_of(asleep) is not None
    lying, standing = secondary(asleep, 1.0, 1.0, 0.4), secondary(awake, 1.0, 1.0, 0.4)
    assert lying.sy < 0.7 * standing.sy and lying.sx > standing.sx


def test_walkers_pass_in_front_of_a_thing_without_tripping_on_it() -> None:
    # the zebra walked into the fire hydrant and tumbled; the hydrant was knocked flying
    sim = _sim(Entity(id="zebra", kind="zebra", motion="walk", relation="in_front_of",
                      relative_to="hydrant"),
               Entity(id="hydrant", kind="fire_hydrant"), place="park", duration=5.0)
    zebra, hydrant = _of(sim, "zebra"), _of(sim, "hydrant")
    assert zebra[0].x < hydrant[0].x < zebra[-1].x  # from one side of it to the other
    assert all(abs(e.angle) < 0.1 for e in zebra)
    assert max(np.ptp([e.x for e in hydrant]), np.ptp([e.angle for e in hydrant])) < 1e-3


def test_a_fisher_stands_on_the_bank_with_a_rod_and_strikes_after_a_bite() -> None:
    sim = _sim(Entity(id="man", kind="person", motion="pull", action="fishing"),
               place="river", duration=6.0)
    man = _of(sim, "man")
    assert np.ptp([e.x for e in man]) < 0.05  # standing still on the bank
    assert all("gear:fishing_rod" in e.parts for e in man)
    strikes = [fishing_strike(f.t) for f in sim.frames]
    assert max(strikes) > 0.9 and min(strikes) == 0.0  # a bite and a strike within 6 s


def test_a_bird_sitting_in_a_tree_perches_on_a_bough() -> None:
    # the parrot sat on the ground beside a seedling (the branch, a stand-in)
    sim = _sim(Entity(id="parrot", kind="parrot", motion="sit", object="tree"),
               Entity(id="tree", kind="tree"), place="forest")
    parrot = _of(sim, "parrot")
    assert all("perch" in e.extra and e.y > 1.4 for e in parrot)
    assert np.ptp([e.y for e in parrot]) < 1e-6 and np.ptp([e.x for e in parrot]) < 1e-6


def test_an_elephant_spraying_water_throws_it_up_ahead_of_its_head() -> None:
    sim = _sim(Entity(id="elephant", kind="elephant", motion="splash"), place="beach",
               duration=2.0)
    elephant = _of(sim, "elephant")[0]
    drops = [p for f in sim.frames for p in f.particles if p.kind == "splash"]
    assert drops, "no spray"
    xy = np.concatenate([p.xy for p in drops])
    ahead = (xy[:, 0] - elephant.x) * elephant.facing
    assert np.median(ahead) > 0 and np.percentile(xy[:, 1], 90) > 2.0
