"""Grading one rendered clip against one VBench prompt, from the engine's ground truth.

A ``Rendering`` holds what the engine wrote for the clip (the storyboard, every instance
with its kind, per-frame boxes and instance masks) and the frames themselves. Each
``grade_*`` function returns a ``Verdict``: passed or not, and for a failure its category
and a sentence saying what was wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from bench.adherence_actions import ACTIONS, ActionExpectation
from bench.adherence_colour import canonical, oklch, read_colour
from bench.adherence_tables import HUMANS, KINDS_FOR, PLACES_FOR
from openreel.spec import Entity, Shot, Storyboard

VISIBLE_SHARE = 0.03  # of the frame's area, for a thing shown alone
PAIR_SHARE = 0.015  # each of two things shown together: half the frame share of one
PROP_PIXELS = 1  # a prop counts as in frame from one mask pixel
FRAME_SHARE = 0.8  # of the frames in which a condition must hold
BACKDROP_SHARE = 0.4  # of the frame the place must fill, not hidden behind things
FLAT_DISTANCE = 0.04  # OKLab distance from the backdrop's median colour that counts as detail
DETAIL_SHARE = 0.05  # of the backdrop that must differ from its median colour
COLOUR_PIXELS = 8_000  # at most this many pixels read per frame for a colour
BACKDROP_PIXELS = 3_000  # at most this many backdrop pixels read per frame for detail

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y down


@dataclass
class Rendering:
    """A rendered clip with its ground truth, frame by frame."""

    storyboard: Storyboard
    instances: list[dict[str, object]]  # scene.json "instances"
    boxes: list[dict[int, Box]]  # per frame: mask id → box, as frames.jsonl gives it
    masks: np.ndarray  # (frames, height, width) uint16 instance ids, 0 = backdrop
    pixels: np.ndarray  # (frames, height, width, 3) uint8 RGB
    counts: np.ndarray = field(init=False)  # (frames, ids + 1) mask pixels per id

    def __post_init__(self) -> None:
        ids = max([int(str(i["mask_id"])) for i in self.instances], default=0) + 1
        self.counts = np.stack([np.bincount(m.ravel(), minlength=ids) for m in self.masks])

    @property
    def area(self) -> int:
        """Pixels in one frame."""
        return int(self.masks.shape[1] * self.masks.shape[2])

    def ids_of_kinds(self, kinds: frozenset[str]) -> list[int]:
        """Mask ids of every instance whose kind is one of ``kinds``."""
        return [int(str(i["mask_id"])) for i in self.instances if i["kind"] in kinds]

    def ids_of_entity(self, entity_id: str) -> list[int]:
        """Mask ids of the instances a storyboard entity became."""
        return [int(str(i["mask_id"])) for i in self.instances if i["group"] == entity_id]

    def kinds(self) -> list[str]:
        """Every staged kind, in order of appearance, once each."""
        return list(dict.fromkeys(str(i["kind"]) for i in self.instances))

    def share(self, ids: list[int]) -> np.ndarray:
        """Per frame, the part of the frame those instances' masks cover."""
        return self.counts[:, ids].sum(axis=1) / self.area

    def box(self, frame: int, ids: list[int]) -> Box | None:
        """The union of those instances' boxes in a frame (those with pixels), clipped."""
        boxes = [self.boxes[frame][i] for i in ids
                 if i in self.boxes[frame] and self.counts[frame, i] > 0]
        if not boxes:
            return None
        height, width = self.masks.shape[1:]
        x0, y0 = max(0.0, min(b[0] for b in boxes)), max(0.0, min(b[1] for b in boxes))
        x1, y1 = min(width, max(b[2] for b in boxes)), min(height, max(b[3] for b in boxes))
        return x0, y0, x1, y1


@dataclass(frozen=True)
class Verdict:
    """Whether a clip shows its prompt; for a failure, why not."""

    passed: bool
    failure: str | None = None  # category: "wrong kind", "not visible", "colour" …
    reason: str = ""
    details: dict[str, object] = field(default_factory=dict)


def _fail(failure: str, reason: str, **details: object) -> Verdict:
    return Verdict(False, failure, reason, details)


def _held(condition: np.ndarray) -> float:
    return float(condition.mean()) if condition.size else 0.0


def _staged(rendering: Rendering, name: str) -> list[int] | Verdict:
    """Mask ids of the instances showing the COCO object ``name``, or a failed verdict."""
    ids = rendering.ids_of_kinds(KINDS_FOR[name])
    if ids:
        return ids
    staged = ", ".join(rendering.kinds()) or "nothing"
    return _fail("wrong kind", f"no kind showing {name!r}: staged {staged}")


def _median_share(rendering: Rendering, ids: list[int]) -> float:
    return round(float(np.median(rendering.share(ids))), 4)


def _visible(rendering: Rendering, name: str, ids: list[int], share: float) -> Verdict | None:
    """None when the instances cover ``share`` of the frame often enough, else a failure."""
    held = _held(rendering.share(ids) >= share)
    if held >= FRAME_SHARE:
        return None
    median = _median_share(rendering, ids)
    return _fail("not visible", f"{name} covers {share:.1%} of the frame in only {held:.0%} "
                                f"of frames (median {median:.1%})",
                 visible_frames=round(held, 3), median_share=median)


def grade_object_class(rendering: Rendering, name: str) -> Verdict:
    """The named object is staged as its kind and seen at ``VISIBLE_SHARE``."""
    ids = _staged(rendering, name)
    if isinstance(ids, Verdict):
        return ids
    return _visible(rendering, name, ids, VISIBLE_SHARE) or Verdict(True)


Pair = tuple[list[int], list[int], np.ndarray]  # ids of each object, frames seen together


def _pair(rendering: Rendering, a: str, b: str) -> Pair | Verdict:
    """Both objects staged and seen together often enough: their ids and the shared frames."""
    staged_a, staged_b = _staged(rendering, a), _staged(rendering, b)
    for staged in (staged_a, staged_b):
        if isinstance(staged, Verdict):
            return staged
    assert not isinstance(staged_a, Verdict) and not isinstance(staged_b, Verdict)
    together = ((rendering.share(staged_a) >= PAIR_SHARE)
                & (rendering.share(staged_b) >= PAIR_SHARE))
    held = _held(together)
    if held < FRAME_SHARE:
        medians = [_median_share(rendering, staged_a), _median_share(rendering, staged_b)]
        return _fail("not visible", f"{a} and {b} each cover {PAIR_SHARE:.1%} of the frame "
                                    f"together in only {held:.0%} of frames (medians "
                                    f"{medians[0]:.1%} and {medians[1]:.1%})",
                     visible_frames=round(held, 3), median_shares=medians)
    return staged_a, staged_b, together


def grade_multiple_objects(rendering: Rendering, a: str, b: str) -> Verdict:
    """Both named objects are staged as their kinds and seen together."""
    pair = _pair(rendering, a, b)
    return pair if isinstance(pair, Verdict) else Verdict(True)


def relation_holds(relation: str, a: Box, b: Box) -> bool:
    """Whether box ``a`` stands in ``relation`` to box ``b`` as a viewer sees the frame.

    Left and right: ``a``'s centre is on that side of ``b``'s and the two are further apart
    across than up and down. On top and at the bottom: ``a``'s centre is above (below)
    ``b``'s, and one is over the other (either centre within the other's width) or the two
    are further apart up and down than across.
    """
    ax, ay = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    bx, by = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    across, down = bx - ax, by - ay  # image y grows downwards
    if relation == "on the left of":
        return across > 0 and abs(across) > abs(down)
    if relation == "on the right of":
        return across < 0 and abs(across) > abs(down)
    stacked = b[0] <= ax <= b[2] or a[0] <= bx <= a[2] or abs(down) > abs(across)
    if relation == "on the top of":
        return down > 0 and stacked
    if relation == "on the bottom of":
        return down < 0 and stacked
    raise ValueError(f"unknown relation {relation!r}")


def grade_spatial_relationship(rendering: Rendering, a: str, b: str, relation: str) -> Verdict:
    """Both objects are seen together and their boxes keep the relation."""
    pair = _pair(rendering, a, b)
    if isinstance(pair, Verdict):
        return pair
    ids_a, ids_b, together = pair
    held = []
    for frame in np.flatnonzero(together):
        box_a, box_b = rendering.box(int(frame), ids_a), rendering.box(int(frame), ids_b)
        held.append(box_a is not None and box_b is not None
                    and relation_holds(relation, box_a, box_b))
    share = _held(np.array(held))
    if share >= FRAME_SHARE:
        return Verdict(True, details={"relation_frames": round(share, 3)})
    return _fail("relation", f"{a} {relation} {b} held in only {share:.0%} of frames",
                 relation_frames=round(share, 3))


def grade_color(rendering: Rendering, name: str, asked: str) -> Verdict:
    """The object is staged, seen, and its pixels read as the asked colour."""
    ids = _staged(rendering, name)
    if isinstance(ids, Verdict):
        return ids
    failed = _visible(rendering, name, ids, VISIBLE_SHARE)
    if failed is not None:
        return failed
    readings = []
    for frame in np.flatnonzero(rendering.share(ids) >= VISIBLE_SHARE):
        inside = np.isin(rendering.masks[frame], ids)
        pixels = rendering.pixels[frame][inside]
        step = max(1, len(pixels) // COLOUR_PIXELS)
        readings.append(read_colour(pixels[::step]))
    right = sum(r == canonical(asked) for r in readings) / len(readings)
    seen = Counter(readings).most_common(1)[0][0]
    if right >= FRAME_SHARE:
        return Verdict(True, details={"read_as": seen})
    return _fail("colour", f"{asked} {name} read as {seen} ({right:.0%} of frames {asked})",
                 read_as=seen)


def backdrop_drawn(pixels: np.ndarray, mask: np.ndarray) -> bool:
    """Whether the place fills ``BACKDROP_SHARE`` of a frame and is more than one flat colour."""
    backdrop = pixels[mask == 0]
    if len(backdrop) < BACKDROP_SHARE * mask.size:
        return False
    sample = backdrop[:: max(1, len(backdrop) // BACKDROP_PIXELS)]
    lightness, chroma, hue = oklch(sample)
    radians = np.radians(hue)
    lab = np.stack([lightness, chroma * np.cos(radians), chroma * np.sin(radians)], axis=1)
    distance = np.linalg.norm(lab - np.median(lab, axis=0), axis=1)
    return bool((distance > FLAT_DISTANCE).mean() >= DETAIL_SHARE)


def grade_scene(rendering: Rendering, scene: str) -> Verdict:
    """Every shot plays in a place that shows the scene, and the place is drawn."""
    board = rendering.storyboard
    places = list(dict.fromkeys(board.environment_of(s).place for s in board.shots))
    wrong = [p for p in places if p not in PLACES_FOR[scene]]
    if wrong:
        return _fail("place", f"place {', '.join(wrong)} for {scene!r}", places=places)
    drawn = _held(np.array([backdrop_drawn(p, m)
                            for p, m in zip(rendering.pixels, rendering.masks, strict=True)]))
    if drawn < FRAME_SHARE:
        return _fail("backdrop", f"{places[0]} drawn in only {drawn:.0%} of frames",
                     places=places)
    return Verdict(True, details={"places": places})


def _is_human(entity: Entity) -> bool:
    return entity.kind in HUMANS


def _mismatch(board: Storyboard, shot: Shot, actor: Entity,
              expected: ActionExpectation) -> str | None:
    """Why this actor's staging does not show the action, or None when it does."""
    by_id = {e.id: e for e in shot.entities}
    acted_on = [by_id[i] for i in (actor.object, actor.target) if i is not None]
    if expected.props is not None and not any(e.kind in expected.props for e in acted_on):
        found = ", ".join(e.kind for e in acted_on) or "none"
        return f"prop: {actor.motion.value} with {found}, wanted one of " \
               f"{', '.join(sorted(expected.props))}"
    target = by_id.get(actor.target) if actor.target is not None else None
    if expected.targets is not None and (target is None or target.kind not in expected.targets):
        return f"target: {target.kind if target else 'none'}, wanted one of " \
               f"{', '.join(sorted(expected.targets))}"
    environment = board.environment_of(shot)
    if expected.places is not None and environment.place not in expected.places:
        return f"place: {environment.place}, wanted one of {', '.join(sorted(expected.places))}"
    if expected.grounds is not None and environment.resolved_ground() not in expected.grounds:
        return f"ground: {environment.resolved_ground()}, wanted one of " \
               f"{', '.join(sorted(expected.grounds))}"
    age = actor.persona.age if actor.persona is not None else None
    if expected.actor_age is not None and expected.actor_age not in (actor.kind, age):
        return f"actor: a {age or 'grown'} {actor.kind}, wanted a {expected.actor_age}"
    if expected.actions is not None and actor.action not in expected.actions:
        return f"form: {actor.motion.value} as {actor.action or 'plain'}, wanted " \
               f"{', '.join(sorted(expected.actions))}"
    return None


def grade_human_action(rendering: Rendering, action: str) -> Verdict:
    """A person acts the action out with an acceptable template and props, and is seen.

    Whatever the verdict, its details give the largest median frame share of any person,
    so a failure of staging also tells whether the person would have been seen.
    """
    verdict = _act_out(rendering, action)
    people = {e.id for shot in rendering.storyboard.shots for e in shot.entities if _is_human(e)}
    shares = [_median_share(rendering, rendering.ids_of_entity(p)) for p in people]
    return replace(verdict, details={**verdict.details, "person_share": max(shares, default=0.0)})


def _act_out(rendering: Rendering, action: str) -> Verdict:
    expected = ACTIONS[action]
    board = rendering.storyboard
    people = [(shot, e) for shot in board.shots for e in shot.entities if _is_human(e)]
    if not people:
        return _fail("no person", f"no person staged: {', '.join(rendering.kinds()) or 'nothing'}")
    if not expected.motions:
        return _fail("no template", f"no motion in the contract shows {action!r}")
    acting = [(shot, e) for shot, e in people if e.motion.value in expected.motions]
    if not acting:
        motions = ", ".join(dict.fromkeys(e.motion.value for _, e in people))
        return _fail("motion", f"motion {motions}, wanted one of "
                               f"{', '.join(sorted(expected.motions))}")
    problems = [(_mismatch(board, shot, actor, expected), shot, actor) for shot, actor in acting]
    fitting = [(shot, actor) for problem, shot, actor in problems if problem is None]
    if not fitting:
        problem = str(problems[0][0])
        return _fail(problem.split(":")[0], problem)
    shot, actor = fitting[0]
    failed = _visible(rendering, "the person", rendering.ids_of_entity(actor.id), VISIBLE_SHARE)
    if failed is not None:
        return failed
    if expected.props is not None:
        by_id = {e.id: e for e in shot.entities}
        prop = next(by_id[i] for i in (actor.object, actor.target)
                    if i is not None and by_id[i].kind in expected.props)
        in_frame = rendering.counts[:, rendering.ids_of_entity(prop.id)].sum(axis=1)
        shown = _held(in_frame >= PROP_PIXELS)
        if shown < FRAME_SHARE:
            return _fail("not visible",
                         f"the {prop.kind} is in frame in only {shown:.0%} of frames")
    return Verdict(True, details={"motion": actor.motion.value})
