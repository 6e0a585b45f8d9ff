"""What every simulation must hold: frames, rig parts, counts, determinism, continuity."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sim_storyboards import one_shot

from openreel.engines.procedural.rigs import all_parts
from openreel.engines.procedural.scene import ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import KINDS, Archetype, Camera, Entity, Environment, Motion, Shot, Storyboard


def _one_kind_per_archetype() -> list[str]:
    seen: dict[Archetype, str] = {}
    for kind in KINDS.values():
        seen.setdefault(kind.archetype, kind.name)
    return list(seen.values())


def _check_frames(sim: ShotSimulation) -> None:
    for frame in sim.frames:
        for e in frame.entities:
            names = {p.name for p in all_parts(e.archetype, e.size, e.look)}
            assert names <= set(e.parts), (e.uid, names - set(e.parts))
            values = (e.x, e.y, e.vx, e.vy, e.angle, *(p.x for p in e.parts.values()))
            assert all(math.isfinite(v) for v in values), e.uid


@pytest.mark.parametrize("kind", _one_kind_per_archetype())
def test_every_archetype_and_motion_fills_every_rig_part(kind: str) -> None:
    for motion in Motion:
        entities = [Entity(id="it", kind=kind, motion=motion, count=2,
                           target="other" if motion in (Motion.CHASE, Motion.POUR,
                                                        Motion.CRASH) else None),
                    Entity(id="other", kind="glass" if motion is Motion.POUR else "box")]
        for place in ("park", "ocean", "space"):
            sims = simulate_storyboard(one_shot(*entities, place=place, duration=1.0), fps=8,
                                       seed=2)
            _check_frames(sims[0])
            assert {e.uid for e in sims[0].frames[-1].entities} >= {"it", "it.1", "other"}


def test_counts_make_that_many_instances_without_overlap() -> None:
    sb = one_shot(Entity(id="dogs", kind="dog", count=4), Entity(id="ball", kind="ball",
                                                                  count=3))
    frame = simulate_storyboard(sb, fps=12, seed=1)[0].frames[0]
    uids = [e.uid for e in frame.entities]
    assert uids == ["dogs", "dogs.1", "dogs.2", "dogs.3", "ball", "ball.1", "ball.2"]
    dogs = sorted(e.x for e in frame.entities if e.group == "dogs")
    assert min(np.diff(dogs)) > 0.6 * 1.6 * KINDS["dog"].size


def test_same_seed_same_output_and_a_different_seed_differs() -> None:
    sb = one_shot(Entity(id="balls", kind="ball", count=3, motion="bounce"),
                  Entity(id="kid", kind="child", motion="run"),
                  Entity(id="bird", kind="bird", motion="fly"), duration=2.0)

    def fingerprint(seed: int) -> list[tuple[float, ...]]:
        sims = simulate_storyboard(sb, fps=24, seed=seed)
        rows: list[tuple[float, ...]] = [(e.x, e.y, e.angle, e.blink) for f in sims[0].frames
                                         for e in f.entities]
        rows += [(c.t, c.impulse) for c in sims[0].contacts]
        return rows

    assert fingerprint(11) == fingerprint(11)
    assert fingerprint(11) != fingerprint(12)


def test_frame_counts_tile_the_clip_across_shots() -> None:
    shots = [Shot(duration=d, entities=[Entity(id="b", kind="ball", motion="roll")])
             for d in (1.01, 2.02, 0.37)]
    shots[1] = shots[1].model_copy(update={"continues": True,
                                           "camera": Camera(slow_motion=0.5)})
    sb = Storyboard(shots=shots, environment=Environment())
    fps = 30
    sims = simulate_storyboard(sb, fps=fps, seed=0)
    assert sum(len(s.frames) for s in sims) == round(sb.duration * fps)
    index = [f.index for s in sims for f in s.frames]
    assert index == list(range(round(sb.duration * fps)))
    start = 0.0
    for shot, sim in zip(shots, sims, strict=True):
        assert sim.start == round(start * fps) / fps
        assert sim.frames[0].t == sim.frames[0].index / fps
        assert all(f.shot == sim.shot for f in sim.frames)
        start += shot.duration
        for c in sim.contacts:
            assert sim.start - 1e-9 <= c.t <= sim.start + len(sim.frames) / fps + 1e-9


def test_a_continuing_shot_starts_where_the_last_one_ended() -> None:
    ball = Entity(id="b", kind="ball", motion="roll", velocity=(1.5, 0.0))
    sb = Storyboard(shots=[Shot(duration=1.0, entities=[ball]),
                           Shot(duration=1.0, entities=[ball], continues=True)])
    a, b = simulate_storyboard(sb, fps=24, seed=0)
    end, start = a.frames[-1].entities[0], b.frames[0].entities[0]
    assert start.x == pytest.approx(end.x, abs=0.15)
    assert start.vx == pytest.approx(end.vx, abs=0.2)
