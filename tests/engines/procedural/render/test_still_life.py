"""Still lifes of things of unlike sizes, from the ground truth: both things read (their
masks cover a real part of the frame), the small one is brought forward rather than left
a speck, and the asked order holds in the picture."""

from __future__ import annotations

import numpy as np
import pytest

from openreel.director import direct
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.framing import world_box
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import KINDS, Storyboard

SIZE = (180, 320)  # a 9:16 frame; shares of the frame do not depend on its size
SHARE = 0.015  # each of two things shown together covers this much of the frame


def _truth(board: Storyboard, step: int = 4) -> tuple[list[dict[str, float]],
                                                       list[dict[str, tuple[float, ...]]]]:
    """Per sampled frame: each group's share of the frame and each group's pixel box."""
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    renderer = Renderer(board, width=SIZE[0], height=SIZE[1], seed=3)
    shares: list[dict[str, float]] = []
    boxes: list[dict[str, tuple[float, ...]]] = []
    for state in sim.frames[::step]:
        mask = renderer.instance_mask(state, sim)
        share: dict[str, float] = {}
        box: dict[str, tuple[float, ...]] = {}
        for i, e in enumerate(state.entities):
            if e.archetype.value in ("tree", "building"):
                continue
            share[e.group] = share.get(e.group, 0.0) + float((mask == i + 1).mean())
            b = renderer.entity_box(state, sim, e)
            old = box.get(e.group, b)
            box[e.group] = (min(old[0], b[0]), min(old[1], b[1]), max(old[2], b[2]),
                            max(old[3], b[3]))
        shares.append(share)
        boxes.append(box)
    return shares, boxes


@pytest.mark.parametrize(("prompt", "big", "small"), [
    ("a giraffe and a bird", "giraffe", "bird"),
    ("a spoon and a laptop", "laptop", "spoon"),
    ("a bench on the left of a truck", "truck", "bench"),
])
def test_a_small_thing_beside_a_big_one_is_brought_forward_and_both_read(
        prompt: str, big: str, small: str) -> None:
    board = direct(prompt, seconds=1)
    shares, boxes = _truth(board)
    ids = {e.kind: e.id for e in board.shots[0].entities}
    for frame_shares in shares:
        assert frame_shares[ids[big]] >= SHARE and frame_shares[ids[small]] >= SHARE, \
            frame_shares
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    first = {e.group: e for e in sim.frames[0].entities}
    assert first[ids[small]].depth < 0.0 <= first[ids[big]].depth  # nearer the lens
    # nearer the lens, its foot is lower in the frame than the big one's, yet both in frame
    for box in boxes:
        assert box[ids[small]][3] > box[ids[big]][3] + 2
        assert box[ids[small]][3] <= SIZE[1]


def test_the_asked_order_holds_when_the_pair_is_wider_than_half_the_stage() -> None:
    board = direct("an airplane on the left of a train, front view", seconds=2)
    _, boxes = _truth(board)
    ids = {e.kind: e.id for e in board.shots[0].entities}
    for box in boxes:
        plane, train = box[ids["plane"]], box[ids["train"]]
        assert (plane[0] + plane[2]) / 2 < (train[0] + train[2]) / 2
        assert plane[2] <= train[0] + 0.1 * (train[2] - train[0]), (plane, train)


def test_a_parked_plane_beside_a_boat_stays_where_it_was_put() -> None:
    board = direct("a boat on the left of an airplane, front view", seconds=2)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    xs = [e.x for f in sim.frames for e in f.entities if e.kind == "plane"]
    assert max(xs) - min(xs) < 0.05


@pytest.mark.parametrize("prompt", ["a pizza on the top of a donut, front view",
                                    "a pizza on the bottom of a donut, front view"])
def test_a_small_thing_stacked_with_a_big_one_is_made_larger_and_rests_on_it(
        prompt: str) -> None:
    board = direct(prompt, seconds=1)
    shares, boxes = _truth(board)
    ids = {e.kind: e.id for e in board.shots[0].entities}
    pizza_on_top = "top" in prompt
    for frame_shares, box in zip(shares, boxes, strict=True):
        assert min(frame_shares.values()) >= SHARE, frame_shares
        upper, lower = (box[ids["pizza"]], box[ids["donut"]]) if pizza_on_top else (
            box[ids["donut"]], box[ids["pizza"]])
        assert abs(upper[3] - lower[1]) <= 3, "the upper one rests on the lower one"


def test_the_framing_box_of_a_thing_drawn_from_art_is_the_drawn_box() -> None:
    """The camera plans on the very box the renderer draws, even for a tipped-over bat."""
    board = direct("a baseball bat and a baseball glove", seconds=2)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    renderer = Renderer(board, width=SIZE[0], height=SIZE[1], seed=3)
    for state in sim.frames[::6]:
        for e in state.entities:
            if e.kind not in ("baseball_bat", "baseball_glove"):
                continue
            x0, y0, x1, y1 = renderer.entity_box(state, sim, e)
            ax, ay = renderer.project(state, sim, world_box(e).x0, world_box(e).y1)
            bx, by = renderer.project(state, sim, world_box(e).x1, world_box(e).y0)
            assert np.allclose([ax, ay, bx, by], [x0, y0, x1, y1], atol=1.0), e.kind


@pytest.mark.parametrize(("prompt", "grown"), [
    ("a pizza on the top of a donut", "donut"),
    ("a bird on a car", None),  # a creature on a vehicle keeps its size
    ("a cup on a table", None),  # what furniture holds keeps its size
])
def test_only_still_life_props_are_evened_when_stacked(prompt: str, grown: str | None) -> None:
    board = direct(prompt, seconds=1)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    for e in sim.frames[0].entities:
        if e.archetype.value in ("tree", "building"):
            continue
        if e.kind == grown:
            assert e.size > 2 * KINDS[e.kind].size
        else:
            assert e.size == pytest.approx(KINDS[e.kind].size), e.kind


def test_a_pair_pushed_to_the_stage_edge_stays_whole_inside_its_walls() -> None:
    """A train set right of a boat brought forward would overlap the stage's wall and be
    thrown out by it; it stands inside instead, and the two keep their order."""
    board = direct("a train on the right of a boat, front view", seconds=2)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    width = sim.stage_width
    for frame in sim.frames:
        train = next(e for e in frame.entities if e.kind == "train")
        boat = next(e for e in frame.entities if e.kind == "boat")
        assert 0.0 <= train.x - 0.5 * world_box(train).width <= width - world_box(train).width
        assert boat.x < train.x


def test_a_still_life_sets_a_bat_down_on_its_side_and_nothing_topples() -> None:
    """A bat drawn corner to corner lies flat from the first frame (wider than tall, and
    its lowest point on the ground); a glove drawn upright stays upright; neither moves."""
    board = direct("a baseball bat and a baseball glove", seconds=2)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    first = {e.kind: e for e in sim.frames[0].entities}
    bat, glove = world_box(first["baseball_bat"]), world_box(first["baseball_glove"])
    assert bat.width > 4 * bat.height
    assert abs(bat.y0) < 0.02  # on the ground, neither sunk nor floating
    assert first["baseball_glove"].angle == 0.0
    assert glove.x0 > bat.x1  # side by side, not overlapping
    for frame in sim.frames:
        now = {e.kind: e for e in frame.entities}
        for kind in ("baseball_bat", "baseball_glove"):
            assert (now[kind].x, now[kind].y, now[kind].angle) == pytest.approx(
                (first[kind].x, first[kind].y, first[kind].angle), abs=1e-3)


@pytest.mark.parametrize(("prompt", "upper", "lower"), [
    ("skis on the top of a snowboard, front view", "ski_set", "snowboard"),
    ("a snowboard on the bottom of a kite, front view", "kite", "snowboard"),
])
def test_stacked_boards_lie_flat_one_on_the_other_and_stay(prompt: str, upper: str,
                                                          lower: str) -> None:
    board = direct(prompt, seconds=1)
    sim = simulate_storyboard(board, fps=12, seed=3)[0]
    first = {e.kind: e for e in sim.frames[0].entities}
    top, bottom = world_box(first[upper]), world_box(first[lower])
    assert bottom.width > 3 * bottom.height  # the board lies on its side
    assert abs(bottom.y0) < 0.02 and abs(top.y0 - bottom.y1) < 0.05 * bottom.width
    for frame in sim.frames:
        for e in frame.entities:
            if e.kind in (upper, lower):
                assert (e.x, e.y, e.angle) == pytest.approx(
                    (first[e.kind].x, first[e.kind].y, first[e.kind].angle), abs=1e-3)
