"""Activities with their own apparatus, judged from the simulation: a runner on a treadmill's
deck, a hoop round the waist, a bar bent between the fists, an iron on its board, an axe
at its target and a ball thrown into a catcher's hands."""

from __future__ import annotations

import math

import numpy as np
from sim_storyboards import one_shot

from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.engines.procedural.simulation.arrange import AIM_DISTANCE
from openreel.spec import Entity, Motion

M = Motion


def _frames(sim: ShotSimulation, uid: str) -> list[EntityFrame]:
    return [next(e for e in f.entities if e.uid == uid) for f in sim.frames]


def _size(e: EntityFrame) -> tuple[float, float]:
    return footprint(e.archetype, e.size, e.kind)


def _lowest(e: EntityFrame) -> float:
    return min(tr.y for name, tr in e.parts.items() if name.startswith("shin"))


def _simulate(*entities: Entity, place: str = "park") -> ShotSimulation:
    return simulate_storyboard(one_shot(*entities, place=place, duration=3.0), fps=15,
                               seed=4)[0]


def test_a_runner_runs_on_the_treadmill_deck_facing_its_console() -> None:
    on = _simulate(Entity(id="p", kind="person", motion=M.EXERCISE, action="treadmill",
                          object="t"), Entity(id="t", kind="treadmill"))
    mimed = _simulate(Entity(id="p", kind="person", motion=M.EXERCISE, action="treadmill"))
    runner, mill = _frames(on, "p"), _frames(on, "t")
    w, h = _size(mill[0])
    assert np.ptp([m.x for m in mill]) < 0.01, "the treadmill stays put"
    for r, m in zip(runner, mill, strict=True):
        assert abs(r.x - m.x) < 0.3 * w, "on the deck, not beside it"
        assert r.facing == m.facing, "facing the console"
    raised = np.mean([_lowest(r) for r in runner]) - np.mean(
        [_lowest(r) for r in _frames(mimed, "p")])
    assert 0.15 * h < raised < 0.35 * h, "standing on the belt"
    assert np.ptp([r.x for r in runner]) < 0.2, "running in place"


def test_a_hula_hoop_spins_round_the_waist() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.EXERCISE, action="hula hoop",
                           object="h"), Entity(id="h", kind="hula_hoop"))
    person, hoop = _frames(sim, "p"), _frames(sim, "h")
    for p, o in zip(person[5:], hoop[5:], strict=True):
        hip = p.parts["torso"]
        assert abs(o.x - p.x) < 0.12 * p.size
        assert 0.35 * p.size < o.y - _lowest(p) < 0.75 * p.size, "at the waist"
        assert abs(hip.y - o.y) < 0.3 * p.size
    assert np.ptp([o.angle for o in hoop[5:]]) > 0.1, "it tips as it turns"


def test_a_bar_is_bent_between_the_fists_standing_still() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.PULL, action="bending metal",
                           object="b"), Entity(id="b", kind="metal_bar"))
    person, bar = _frames(sim, "p"), _frames(sim, "b")
    w, h = _size(bar[0])
    for p, b in zip(person[5:], bar[5:], strict=True):
        for side in ("near", "far"):
            hand = p.parts[f"hand_{side}"]
            assert abs(hand.x - b.x) < 0.5 * w + 0.05 and abs(hand.y - b.y) < 0.5 * h + 0.08
        assert b.y > _lowest(p) + 0.45 * p.size, "held up before the chest"
    assert np.ptp([p.x for p in person]) < 0.05


def test_the_iron_goes_over_the_ironing_board() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.CLEAN, action="ironing", object="b"),
                    Entity(id="b", kind="ironing_board"), place="living_room")
    person, board = _frames(sim, "p"), _frames(sim, "b")
    w, h = _size(board[0])
    top = board[0].y + 0.5 * h
    for p in person:
        hand = p.parts["hand_near"]
        assert abs(hand.x - board[0].x) < 0.5 * w
        assert -0.05 < hand.y - top < 0.25, "the iron on the board's top"


def test_an_axe_flies_at_the_target_board_ahead() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.THROW, object="a", target="t"),
                    Entity(id="a", kind="axe"), Entity(id="t", kind="target"))
    person, axe, board = _frames(sim, "p"), _frames(sim, "a"), _frames(sim, "t")
    ahead = (board[0].x - person[0].x) * person[0].facing
    assert math.isclose(ahead, AIM_DISTANCE, abs_tol=0.05)
    closest = min(abs(a.x - board[0].x) + abs(a.y - board[0].y) for a in axe)
    assert closest < 0.5 * _size(board[0])[0] + 0.2, "the axe reaches the board"


def test_a_thrown_ball_ends_in_the_catchers_hands() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.THROW, object="b", target="q"),
                    Entity(id="b", kind="baseball"),
                    Entity(id="q", kind="person", motion=M.CATCH, object="b"))
    ball, catcher = _frames(sim, "b")[-1], _frames(sim, "q")[-1]
    reach = min(math.dist((ball.x, ball.y), (catcher.parts[f"hand_{s}"].x,
                                             catcher.parts[f"hand_{s}"].y))
                for s in ("near", "far"))
    assert reach < 0.2
    order = [e.uid for e in sim.frames[0].entities]
    assert order.index("b") > order.index("q"), "drawn over the catching hands"


def test_an_archer_looses_an_arrow_at_the_target_and_keeps_the_bow() -> None:
    sim = _simulate(Entity(id="p", kind="person", motion=M.SHOOT, object="b", target="t"),
                    Entity(id="b", kind="bow_and_arrow"), Entity(id="t", kind="target"))
    person, bow, board = _frames(sim, "p"), _frames(sim, "b"), _frames(sim, "t")
    for p, b in zip(person[1:], bow[1:], strict=True):  # taken up on the first frame
        hand = p.parts["hand_far"]
        assert math.dist((hand.x, hand.y), (b.x, b.y)) < 0.1, "the bow stays in the bow hand"
    flying = [p.parts["arrow"] for p in person if "arrow" in p.parts]
    assert 0 < len(flying) < len(person), "the arrow is loosed part way through"
    w, h = _size(board[0])
    end = flying[-1]
    assert abs(end.x - board[0].x) < 0.5 * w and abs(end.y - board[0].y) < 0.5 * h, (
        "it ends in the target")
