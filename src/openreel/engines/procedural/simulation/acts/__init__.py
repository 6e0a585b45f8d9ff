"""The action templates, one per acted Motion (see ``simulation/act.py`` for the contract)."""

from __future__ import annotations

from collections.abc import Callable

from openreel.engines.procedural.simulation.act import Act, Cue
from openreel.engines.procedural.simulation.acts import (
    chores,
    handling,
    moving,
    social,
    tasks,
    workout,
)
from openreel.spec import Motion

M = Motion
Template = Callable[[Cue], Act]

TEMPLATES: dict[Motion, Template] = {
    M.MARCH: moving.march, M.CRAWL: moving.crawl, M.SKATE: moving.skate, M.SKI: moving.ski,
    M.SURF: moving.surf, M.RIDE: moving.ride, M.FLIP: moving.flip, M.CLIMB: moving.climb,
    M.GRAB: handling.grab, M.PUSH: handling.push, M.PULL: handling.pull,
    M.CARRY: handling.carry, M.LIFT: handling.lift,
    M.FIGHT: social.fight, M.HUG: social.hug, M.KISS: social.kiss,
    M.SHAKE_HANDS: social.shake_hands, M.CLAP: social.clap, M.CHEER: social.cheer,
    M.LAUGH: social.laugh, M.CRY: social.cry, M.WAVE: social.wave_hello,
    M.PLAY: tasks.play, M.WRITE: tasks.write, M.READ: tasks.read, M.TYPE: tasks.type_,
    M.COOK: tasks.cook, M.EAT: tasks.eat, M.DRINK: tasks.drink,
    M.CUT: chores.cut, M.CLEAN: chores.clean, M.BRUSH: chores.brush, M.DIG: chores.dig,
    M.STRETCH: workout.stretch, M.EXERCISE: workout.exercise, M.DANCE: workout.dance,
    M.SIT: workout.sit, M.SLEEP: workout.sleep,
}
