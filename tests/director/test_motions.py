"""Verbs: every motion, its word forms, and which thing it moves."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director.lexicon import MOTION_VERBS
from openreel.spec import Motion

EXAMPLES: dict[Motion, tuple[str, ...]] = {
    Motion.BOUNCE: ("a ball bounces", "a ball bouncing", "the ball bounced"),
    Motion.FALL: ("an apple falls", "a book dropped", "a cube drops"),
    Motion.ROLL: ("a marble rolls", "a rock rolling"),
    Motion.SLIDE: ("a box slides", "a penguin sliding"),
    Motion.FLY: ("a bird flies", "an eagle soars"),
    Motion.JUMP: ("a frog jumps", "a rabbit leaps", "a kid hops"),
    Motion.WALK: ("a man walks", "a woman strolls"),
    Motion.RUN: ("a dog runs", "an athlete sprints", "a horse races"),
    Motion.DANCE: ("a robot dances",),
    Motion.SPIN: ("a dancer spins", "a ballerina twirls"),
    Motion.FLOAT: ("a balloon floats", "a ufo hovers"),
    Motion.SINK: ("a rock sinks",),
    Motion.SWIM: ("a fish swims",),
    Motion.DRIVE: ("a bus drives",),
    Motion.CRASH: ("a car crashes", "two cars collide", "a truck smashes"),
    Motion.EXPLODE: ("a balloon explodes", "a bubble bursts"),
    Motion.SPLASH: ("a duck splashes",),
    Motion.WAVE: ("a child waves",),
    Motion.TALK: ("a parrot talks", "a robot speaks", "a wizard sings"),
    Motion.SIT: ("a cat sits",),
    Motion.SLEEP: ("a dog sleeps",),
    Motion.CLIMB: ("a bear climbs",),
    Motion.POUR: ("a jug pours",),
    Motion.LAUNCH: ("a rocket launches", "a rocket takes off", "the rocket blasts off"),
    Motion.CHASE: ("a fox chases a rabbit",),
    Motion.SHAKE: ("a dog shakes",),
    Motion.GROW: ("a flower grows",),
    Motion.ORBIT: ("a planet orbits",),
    Motion.IDLE: ("a lamp stands",),
    Motion.MARCH: ("a knight marches",),
    Motion.CRAWL: ("a child crawls",),
    Motion.SKATE: ("a girl skates",),
    Motion.SKI: ("a man skis",),
    Motion.SURF: ("a man surfs",),
    Motion.RIDE: ("a kid rides",),
    Motion.DRIFT: ("a car drifts",),
    Motion.SWOOP: ("an eagle swoops",),
    Motion.GLIDE: ("a bird glides",),
    Motion.DIVE: ("a dog dives",),
    Motion.FLIP: ("an athlete flips",),
    Motion.TOPPLE: ("a domino topples",),
    Motion.BREAK: ("a glass shatters",),
    Motion.SWING: ("a lamp swings",),
    Motion.KICK: ("a player kicks",),
    Motion.THROW: ("a boy throws",),
    Motion.SHOOT: ("an athlete shoots",),
    Motion.CATCH: ("a dog catches",),
    Motion.HIT: ("a player hits",),
    Motion.GRAB: ("a robot grabs",),
    Motion.PUSH: ("a man pushes",),
    Motion.PULL: ("a horse pulls",),
    Motion.CARRY: ("a woman carries",),
    Motion.LIFT: ("a robot lifts",),
    Motion.FIGHT: ("a knight fights",),
    Motion.HUG: ("a child hugs",),
    Motion.KISS: ("a man kisses",),
    Motion.SHAKE_HANDS: ("a man shakes hands",),
    Motion.CLAP: ("a child claps",),
    Motion.CHEER: ("a woman cheers",),
    Motion.LAUGH: ("a girl laughs",),
    Motion.CRY: ("a girl cries",),
    Motion.PLAY: ("a man plays",),
    Motion.WRITE: ("a girl writes",),
    Motion.READ: ("a woman reads",),
    Motion.TYPE: ("a man types",),
    Motion.COOK: ("a chef is cooking",),
    Motion.EAT: ("a dog eats",),
    Motion.DRINK: ("a cat drinks",),
    Motion.CUT: ("a chef chops",),
    Motion.CLEAN: ("a robot sweeps",),
    Motion.BRUSH: ("a girl brushes",),
    Motion.DIG: ("a dog digs",),
    Motion.STRETCH: ("a woman stretches",),
    Motion.EXERCISE: ("a man exercises",),
}


def test_every_motion_has_examples_and_words() -> None:
    assert set(EXAMPLES) == set(Motion)
    assert set(MOTION_VERBS.values()) == set(Motion)


@pytest.mark.parametrize(("prompt", "motion"),
                         [(p, m) for m, ps in EXAMPLES.items() for p in ps])
def test_verb_gives_the_subject_its_motion(prompt: str, motion: Motion) -> None:
    _, shot = one_shot(prompt)
    assert shot.entities[0].motion is motion


def test_each_clause_moves_its_own_subject() -> None:
    _, shot = one_shot("a dog runs while a cat sleeps and a bird flies")
    assert entity(shot, "dog").motion is Motion.RUN
    assert entity(shot, "cat").motion is Motion.SLEEP
    assert entity(shot, "bird").motion is Motion.FLY


def test_verbs_read_the_way_the_body_can_do_them() -> None:
    _, shot = one_shot("a red car races past a running dog")
    assert entity(shot, "car").motion is Motion.DRIVE


def test_verb_before_subject() -> None:
    _, shot = one_shot("falling from the sky, a red apple")
    assert entity(shot, "apple").motion is Motion.FALL
