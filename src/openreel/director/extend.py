"""Extend: a storyboard with one more shot that carries on from where it ended.

The new shot is the last one continued: the same place, environment and things under the
same ids, marked ``continues`` so the engine starts each thing where the last shot left it.
The instruction is then applied to that shot alone, the way a remix applies one to a whole
video: "the dog jumps" gives the dog its new motion, "then it starts to rain" changes the
new shot's weather, "a cat runs in" brings a cat. What already happened does not happen
again: a thing that exploded is gone, one that crashed or fell lies still.
"""

from __future__ import annotations

from openreel.director.direct import MAX_SHOTS
from openreel.director.remix import edit_board, nothing_changed
from openreel.spec import MAX_SECONDS, Camera, CameraMove, Entity, Motion, Shot, Storyboard

MIN_SHOT_SECONDS = 1.0
# Motions that happen once: in the shot after, the thing is past them.
_AFTERWARDS: dict[Motion, Motion | None] = {
    Motion.EXPLODE: None, Motion.CRASH: Motion.IDLE, Motion.FALL: Motion.IDLE,
    Motion.SPLASH: Motion.IDLE, Motion.POUR: Motion.IDLE, Motion.LAUNCH: Motion.FLY,
    Motion.GROW: Motion.IDLE, Motion.TALK: Motion.IDLE,
}


class ExtendError(ValueError):
    """The storyboard cannot be extended as asked; the message says why."""


def extend(board: Storyboard, instruction: str, seconds: float) -> Storyboard:
    """Append a ``seconds``-long shot continuing the last one, with the instruction applied."""
    room = MAX_SECONDS - board.duration
    if room < MIN_SHOT_SECONDS - 1e-6:
        raise ExtendError(f"the video already lasts {board.duration:g} s; videos are at most "
                          f"{MAX_SECONDS:g} s")
    if not MIN_SHOT_SECONDS <= seconds <= room + 1e-6:
        raise ExtendError(f"the new shot may last {MIN_SHOT_SECONDS:g} to {room:g} s, "
                          f"got {seconds:g}")
    if len(board.shots) >= MAX_SHOTS:
        raise ExtendError(f"the video already has {MAX_SHOTS} shots, the most it may have")
    if not instruction or not instruction.strip():
        raise ExtendError("say what happens next, e.g. “then the dog jumps”")
    last = board.shots[-1]
    before = board.environment_of(last)
    alone = Storyboard(prompt=board.prompt, style=board.style, mood=board.mood,
                       environment=before, music=board.music,
                       shots=[continuation(last, min(seconds, room), instruction)])
    edit = edit_board(alone, instruction, context=board)
    if not edit.changes and not edit.actions:
        raise ExtendError(nothing_changed(edit, "say what happens next, e.g. “then the dog "
                                                "jumps” or “then it starts to rain”"))
    edited = edit.storyboard
    shot = edited.shots[0]
    after = edited.environment
    shot.environment = None if after == board.environment else after
    # The same stage carries on; a new place starts afresh.
    shot.continues = after.place == before.place and bool(
        {e.id for e in shot.entities} & {e.id for e in last.entities})
    extended = board.model_copy(update={
        "shots": [*board.shots, shot], "style": edited.style, "mood": edited.mood,
        "music": edited.music}, deep=True)
    return Storyboard.model_validate(extended.model_dump())


def continuation(last: Shot, seconds: float, description: str) -> Shot:
    """The shot after ``last``: its things under the same ids, past what happened once."""
    entities: list[Entity] = []
    for entity in last.entities:
        motion = _AFTERWARDS.get(entity.motion, entity.motion)
        if motion is None:
            continue
        entities.append(entity.model_copy(update={"motion": motion}, deep=True))
    ids = {e.id for e in entities}
    for e in entities:
        if e.target is not None and e.target not in ids:
            e.target = None
            if e.motion is Motion.CHASE:
                e.motion = Motion.IDLE
    # A cut to a still camera with the same framing: a move would restart from its beginning.
    follow = last.camera.follow if last.camera.follow in ids else None
    camera = Camera(move=CameraMove.STATIC, framing=last.camera.framing, follow=follow)
    return Shot(description=" ".join(description.split())[:500], duration=seconds,
                camera=camera, entities=entities, continues=True)


__all__ = ["ExtendError", "continuation", "extend"]
