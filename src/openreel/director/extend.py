"""Extend: a storyboard with one more shot that carries on from where it ended."""

from __future__ import annotations

import re

from openreel.director.remix import remix
from openreel.spec import MAX_SECONDS, Storyboard
from openreel.spec.storyboard import Motion

_VERBS = {m.value: m for m in Motion}
_VERBS.update({"jumps": Motion.JUMP, "runs": Motion.RUN, "walks": Motion.WALK,
               "dances": Motion.DANCE, "spins": Motion.SPIN, "falls": Motion.FALL,
               "flies": Motion.FLY, "rolls": Motion.ROLL, "sleeps": Motion.SLEEP,
               "sits": Motion.SIT, "waves": Motion.WAVE, "bounces": Motion.BOUNCE,
               "swims": Motion.SWIM, "climbs": Motion.CLIMB, "explodes": Motion.EXPLODE,
               "crashes": Motion.CRASH, "floats": Motion.FLOAT, "slides": Motion.SLIDE})


def extend(board: Storyboard, instruction: str, seconds: float) -> Storyboard:
    """Append a ``seconds``-long shot continuing the last one, with the instruction's action."""
    if not 1.0 <= seconds <= MAX_SECONDS - board.duration + 1e-6:
        raise ValueError(f"the new shot may last 1 to {MAX_SECONDS - board.duration:.0f} s")
    text = " ".join(instruction.lower().split())
    last = board.shots[-1]
    shot = last.model_copy(deep=True)
    shot.duration = seconds
    shot.continues = True
    shot.description = instruction.strip()
    shot.dialogue = []
    shot.sounds = []
    words = re.findall(r"[a-z]+", text)
    verbs = [(_VERBS[w], i) for i, w in enumerate(words) if w in _VERBS]
    if verbs:
        motion, at = verbs[0]
        named = {w.rstrip("s") for w in words[:at]}
        movers = [e for e in shot.entities if e.kind in named or (e.label or "") in named]
        for entity in movers or shot.entities[:1]:
            entity.motion = motion
    extended = board.model_copy(update={"shots": [*board.shots, shot]}, deep=True)
    try:
        changed = remix(extended, instruction).storyboard
        # Changes of time, weather or place belong to the new shot only.
        env = changed.environment
        changed = extended
        changed.shots[-1].environment = env if env != board.environment else None
    except ValueError:
        if not verbs:
            raise ValueError("say what happens next, e.g. “then the dog jumps”") from None
        changed = extended
    return Storyboard.model_validate(changed.model_dump())
