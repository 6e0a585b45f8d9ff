"""The camera of each frame: where it looks and how many pixels a metre spans.

A shot is framed on its main subject: in a medium shot the subject fills about 45 % of the
frame's height (never less than 30 % unless the cast cannot otherwise be seen), in a close-up
a character's head and shoulders fill it, and a wide shot shows the place around it. The
camera follows the subject, damped, when it would otherwise leave the frame, and moves the
prompt asks for (pan, tilt, zoom, orbit, drone, handheld) are limited so that they never
lose it. A pure function of (shot, frame), so projecting a point for annotations or panning
sound gives exactly what the picture shows.
"""

from __future__ import annotations

import math

import numpy as np

from openreel.engines.procedural.render.artwork import art_of
from openreel.engines.procedural.render.framing import (
    Box,
    cast_of,
    subject_height,
    world_box,
)
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.spec import Archetype, CameraMove, Direction, Easing, Framing, Shot

GROUND_AT = 0.74  # fraction of the frame height where the ground line sits at rest
# How much of the frame's height the main subject fills; the view widens from there, down
# to the cast's least fill (framing.Cast.least_fill), to keep the others in frame.
_FILL = {Framing.MEDIUM: 0.38, Framing.WIDE: 0.2}
_PERSON_FILL = 0.52
_WIDE_LEAST = 0.12  # the least of the frame's height a wide shot's subject fills
_WALKERS = frozenset({Archetype.HUMANOID, Archetype.QUADRUPED})
_LOOK_ROOM = 0.17  # of the view's width the camera leans ahead of a lone figure at rest
_MARGIN = 0.06  # of the view kept clear around the subject
_DAMPING_SECONDS = 0.45  # the follow looks this far around each frame


def ease(t: float, easing: Easing) -> float:
    """Ease a 0..1 progress (no linear camera moves unless asked)."""
    t = min(max(t, 0.0), 1.0)
    if easing is Easing.LINEAR:
        return t
    if easing is Easing.EASE_IN:
        return t * t * t
    if easing is Easing.EASE_OUT:
        return 1 - (1 - t) ** 3
    return t * t * (3 - 2 * t) if t < 1 else 1.0


class ShotCamera:
    """Plans the framing of one shot once, then answers per frame."""

    def __init__(self, shot: Shot, sim: ShotSimulation, width: int, height: int,
                 seed: int) -> None:
        self.shot, self.sim, self.width, self.height = shot, sim, width, height
        self._rng_phase = np.random.default_rng(seed + 7 * sim.shot).uniform(0, 2 * np.pi, 4)
        self.close = shot.camera.framing is Framing.CLOSE_UP
        cast = cast_of(shot, sim)
        self.subject_uid = cast.subject[0] if cast.subject else None
        first = self._find(sim.frames[0].entities, self.subject_uid) if sim.frames else None
        # a person or an animal a wide shot is about keeps a share of the frame; birds in
        # its sky are part of the view (gulls over a lighthouse), and a wide still life
        # shows all its things
        self._wide_least = _WIDE_LEAST if first is not None and \
            first.archetype in _WALKERS else 0.0
        self.least_fill = min(self._wide_least, cast.least_fill) \
            if shot.camera.framing is Framing.WIDE else cast.least_fill
        count = len(sim.frames)
        # a close-up of a group (two friends, three dogs) is a close-up of one of them: the
        # middle of a group is the gap between its members
        members = cast.subject[:1] if self.close else cast.subject
        self._subject = self._boxes(members, count)
        # a group spread wider than the frame is followed by its first member: between
        # them there is only the gap
        self._lead = self._boxes(members[:1], count) if len(members) > 1 else self._subject
        self._own = list(self._subject)  # the subject itself, before any ball is followed
        self._flight: list[Box | None] = [None] * count  # the ball once it has left
        self._follow_flight(cast.thrown, count, cast.keep_thrower)
        # everyone named is in frame when that keeps the subject big enough, else the core
        self._cast = self._boxes(cast.everyone, count)
        self._alone = len(cast.everyone) == 1 and first is not None and \
            first.archetype in _WALKERS
        # the level the shot stands on: the ground, or the top of what a still subject rests
        # on (a table top, a pedestal), held where the ground line would be
        self._floor = self._resting_level() if cast.resting else 0.0
        view_h = self._view_height()
        # a shot about one that acts keeps to its core when not everyone fits; a still life
        # shows as many of its things as it can
        if view_h > self._least_view_height() * 0.999 and cast.core != cast.everyone \
                and (cast.least_fill >= 0.3 or cast.resting):
            self._cast = self._boxes(cast.core, count)
            view_h = self._view_height()
        self.base_ppm = height / view_h
        self._track_x, self._track_y = self._tracks(view_h)
        self.centre_x = float(self._track_x[0]) if count else 0.0

    # -- planning ---------------------------------------------------------------------------
    def _follow_flight(self, thrown: tuple[str, ...], count: int, keep_thrower: bool) -> None:
        """Once what the subject kicks, throws or shoots has left it, the ball is what the
        shot is about: the camera follows it to where it goes (the hoop, the goal). A person
        who threw it stays in frame (the shot shows someone acting): the camera then leans
        as far towards the ball as keeping the thrower in allows."""
        if not thrown:
            return
        ball = self._boxes(thrown, count)
        away = False
        for f in range(count):
            mine, it = self._subject[f], ball[f]
            if mine is None or it is None:
                continue
            gap = math.hypot(it.cx - mine.cx, 0.5 * (it.y0 + it.y1 - mine.y0 - mine.y1))
            away = away or gap > 0.9 * mine.height
            if away and keep_thrower:
                self._flight[f] = it
            elif away:
                self._subject[f] = it

    def _resting_level(self) -> float:
        """Where a resting subject's underside is, early in the shot (0 when on the ground)."""
        bottoms = [b.y0 for b in self._own[: max(1, len(self._own) // 4)] if b is not None]
        return max(min(bottoms), 0.0) if bottoms else 0.0

    def _boxes(self, members: tuple[str, ...], count: int) -> list[Box | None]:
        """The box around ``members`` on every frame (None where none is on stage)."""
        boxes: list[Box | None] = [None] * count
        wanted = set(members)
        for f, frame in enumerate(self.sim.frames):
            box = None
            for e in frame.entities:
                if e.uid in wanted and e.visible:
                    b = world_box(e)
                    box = b if box is None else box.union(b)
            boxes[f] = box
        return boxes

    def _view_height(self) -> float:
        """Metres of world the frame's height shows."""
        aspect = self.width / self.height
        first = next((e for e in (self.sim.frames[0].entities if self.sim.frames else [])
                      if e.uid == self.subject_uid), None)
        if first is None:
            return self.sim.stage_width * 0.8 / aspect
        height = self._subject_height(first)
        if self.close:
            return self._close_up_height(first)
        wanted = _FILL.get(self.shot.camera.framing, _FILL[Framing.MEDIUM])
        if first.archetype is Archetype.HUMANOID and self.shot.camera.framing is Framing.MEDIUM:
            wanted = _PERSON_FILL  # people are read by their faces and hands: a little closer
        least = self.least_fill
        view_h = height / wanted
        # widen (down to the least fill) so the cast fits side by side on most frames
        widths = sorted(b.width for b in self._cast if b is not None)
        most = height / least if least > 0 else math.inf
        share = 1.0 if self.shot.camera.framing is Framing.WIDE else 0.8
        if widths:
            need_w = widths[int(share * (len(widths) - 1))] / (1 - 2 * _MARGIN)
            view_h = max(view_h, min(need_w / aspect, most))
        # and tall enough for the cast standing on the ground and the subject's own jumps
        floor = self._floor
        tops = sorted(b.y1 for b in self._cast if b is not None)
        if tops:
            top = tops[int(0.8 * (len(tops) - 1))]
            view_h = max(view_h, min((top - floor) / (GROUND_AT - _MARGIN), most))
        tops = [b.y1 for b in self._own if b is not None]
        bottoms = [b.y0 for b in self._own if b is not None]
        if tops:
            reach = max(tops) - max(min(bottoms), floor)
            view_h = max(view_h, min(reach / (GROUND_AT - _MARGIN), most))
        if self.shot.camera.framing is Framing.WIDE:
            # the place around the subject, but never so much of it that a small subject is
            # lost in it (a whole 10 m stage in a portrait frame showed a dog 5 % high)
            view_h = max(view_h, min(self.sim.stage_width * 0.6 / aspect,
                                     height / self._wide_least if self._wide_least else math.inf))
        return view_h

    def _least_view_height(self) -> float:
        """The tallest view that still shows the subject at the framing's least fill."""
        first = next((e for e in (self.sim.frames[0].entities if self.sim.frames else [])
                      if e.uid == self.subject_uid), None)
        if first is None or self.close:
            return math.inf
        least = self.least_fill
        return self._subject_height(first) / least if least > 0 else math.inf

    def _subject_height(self, first: EntityFrame) -> float:
        """The subject's height at rest: one thing's, or its group's stack when they pile."""
        boxes = [b for b in self._own[: max(1, len(self._own) // 4)] if b is not None]
        own = subject_height(first)
        if not boxes:
            return own
        return max(own, min(b.height for b in boxes))

    def _close_up_height(self, subject: EntityFrame) -> float:
        if subject.archetype is Archetype.HUMANOID:
            return 0.5 * subject.size  # head and shoulders
        if art_of(subject) is not None:
            # a picture is one face and body: all of it, filling the frame's narrower side
            box = next((b for b in self._own if b is not None), None)
            if box is not None:
                aspect = self.width / self.height
                return 1.1 * max(box.height, box.width / aspect)
        if subject.archetype is Archetype.QUADRUPED:
            return 0.8 * subject.size
        return max(subject_height(subject) / 0.7, 0.25)

    def _tracks(self, view_h: float) -> tuple[np.ndarray, np.ndarray]:
        """Where the camera looks on each frame, before any asked-for move: the cast's
        centre while it fits in frame, else the subject; the ground line at rest unless the
        subject would leave the frame; always keeping the subject in; then damped."""
        count = len(self.sim.frames)
        view_w = view_h * self.width / self.height
        xs = np.zeros(count)
        ys = np.zeros(count)
        # how far each frame's look may go either way with the subject still whole in frame
        lo, hi = np.full(count, -np.inf), np.full(count, np.inf)
        last_x = self.sim.stage_width / 2
        # world y at the centre with the ground (or the surface a still subject rests on) at
        # its line
        rest_y = self._floor + (GROUND_AT - 0.5) * view_h
        mx, my = view_w * _MARGIN, view_h * _MARGIN
        for f in range(count):
            subject, cast = self._subject[f], self._cast[f]
            if subject is None:
                xs[f], ys[f] = last_x, rest_y
                continue
            lead = self._lead[f]
            if subject.width > view_w - 2 * mx and lead is not None:
                subject = cast = lead
            if self.close:
                # a close-up is of its subject alone: a face centred, not a reaching hand
                xs[f] = last_x = self._face_x(f, subject.cx)
                ys[f] = self._close_up_y(subject, view_h)
                continue
            # as much of the cast as the frame holds, never losing the subject
            x = cast.cx if cast is not None else subject.cx
            me = self._find(self.sim.frames[f].entities, self.subject_uid) \
                if self._alone else None
            if me is not None and abs(me.vx) < 0.3:
                # one figure at rest is framed with room before it, for what it holds out,
                # looks at or works on (a rod's line, an easel, a trunk's spray): the rule
                # of thirds
                x += (1 if me.facing >= 0 else -1) * _LOOK_ROOM * view_w
            flight = self._flight[f]
            if flight is not None:  # towards the ball in flight, as far as the subject allows
                x = flight.cx
            xs[f] = last_x = _within(x, subject.x1 - view_w / 2 + mx,
                                     subject.x0 + view_w / 2 - mx, subject.cx)
            if subject.width < view_w:
                lo[f], hi[f] = subject.x1 - view_w / 2, subject.x0 + view_w / 2
            y = rest_y if flight is None else max(rest_y, flight.y0 + flight.height / 2)
            if cast is not None and flight is None:
                y = max(y, cast.y1 - view_h / 2 + my)  # up to what rides high: a kite
            ys[f] = _within(y, subject.y1 - view_h / 2 + my,
                            subject.y0 + view_h / 2 - my, subject.y0 + subject.height / 2)
        k = max(1, round(_DAMPING_SECONDS * self.sim.fps))
        # damped, yet never so late that the subject is cut (a car turning at the road's end
        # left half of it out of frame)
        return np.clip(_smooth(xs, k), lo, hi), _smooth(ys, k)

    def _close_up_y(self, subject: Box, view_h: float) -> float:
        """A close-up looks at a character's eyes a third of the way down, else the middle."""
        first = self._find(self.sim.frames[0].entities, self.subject_uid)
        if first is not None and first.archetype is Archetype.HUMANOID:
            return subject.y1 - 0.36 * view_h
        return subject.y0 + 0.5 * subject.height

    def _face_x(self, f: int, otherwise: float) -> float:
        """Where the subject's head is across, on frame ``f`` (``otherwise`` without one)."""
        me = self._find(self.sim.frames[f].entities, self.subject_uid)
        if me is None or me.archetype is not Archetype.HUMANOID:
            return otherwise  # an animal drawn from art has its face in its picture
        head = me.parts.get("head")
        return head.x if head is not None else otherwise

    @staticmethod
    def _find(entities: list[EntityFrame], uid: str | None) -> EntityFrame | None:
        return next((e for e in entities if e.uid == uid), None) if uid is not None else None

    # -- per frame --------------------------------------------------------------------------
    def view(self, frame_in_shot: int) -> View:
        """The camera at a frame of this shot."""
        cam = self.shot.camera
        count = len(self.sim.frames)
        f = min(max(frame_in_shot, 0), max(count - 1, 0))
        n = max(count - 1, 1)
        p = ease(frame_in_shot / n, cam.easing)
        ppm = self.base_ppm
        cx = float(self._track_x[f]) if count else self.sim.stage_width / 2
        cy = float(self._track_y[f]) if count else 0.0
        view_w = self.width / ppm
        amount = cam.amount
        sign = -1.0 if cam.direction in (Direction.LEFT, Direction.DOWN, Direction.OUT) else 1.0
        dx = dy = 0.0
        if cam.move is CameraMove.PAN:
            dx = sign * (p - 0.5) * view_w * 0.45 * amount * 2
        elif cam.move is CameraMove.TILT:
            dy = sign * (p - 0.5) * view_w * 0.25 * amount * 2
        elif cam.move in (CameraMove.ZOOM, CameraMove.DOLLY):
            zoom_in = cam.direction is not Direction.OUT
            ppm *= 1 + 0.5 * amount * (p if zoom_in else 1 - p)
        elif cam.move is CameraMove.ORBIT:
            dx = math.sin((p - 0.5) * math.pi) * view_w * 0.3
        elif cam.move is CameraMove.DRONE:
            dy = (1 - p) * view_w * 0.4
            ppm *= 0.8 + 0.2 * p
            dx = (p - 0.5) * view_w * 0.3
        if cam.move is CameraMove.HANDHELD:
            t = self.sim.start + frame_in_shot / self.sim.fps
            a, b, c, d = self._rng_phase
            dx += 0.012 * view_w * (math.sin(0.9 * t + a) + 0.5 * math.sin(2.3 * t + b))
            dy += 0.01 * view_w * (math.sin(1.1 * t + c) + 0.5 * math.sin(1.7 * t + d))
        cx, cy = self._keep_subject(f, cx + dx, cy + dy, ppm)
        return View(cx=cx, cy=cy, ppm=ppm, width=self.width, height=self.height,
                    pan=cx - self.centre_x)

    def _keep_subject(self, f: int, cx: float, cy: float, ppm: float) -> tuple[float, float]:
        """Slide the view the least that keeps the subject inside it."""
        box = self._subject[f] if 0 <= f < len(self._subject) else None
        if box is None:
            return cx, cy
        if self.close:
            return cx, cy  # a close-up holds a face, and a body is larger than the frame
        half_w, half_h = self.width / ppm / 2, self.height / ppm / 2
        mx, my = half_w * 2 * _MARGIN, half_h * 2 * _MARGIN
        lead = self._lead[f]
        if box.width > 2 * (half_w - mx) and lead is not None:
            box = lead  # a group wider than the frame: keep its first member in
        cx = _within(cx, box.x1 - half_w + mx, box.x0 + half_w - mx, box.cx)
        cy = _within(cy, box.y1 - half_h + my, box.y0 + half_h - my, box.y0 + box.height / 2)
        return cx, cy


def _within(value: float, low: float, high: float, fallback: float) -> float:
    """``value`` clamped into [low, high]; ``fallback`` when the range is empty."""
    if low > high:
        return fallback
    return min(max(value, low), high)


def _smooth(values: np.ndarray, k: int) -> np.ndarray:
    """A moving average over ±k frames, ends held: a damped, forward-and-back follow."""
    if len(values) <= 1:
        return values
    padded = np.concatenate([np.full(k, values[0]), values, np.full(k, values[-1])])
    kernel = np.hanning(2 * k + 3)[1:-1]
    kernel /= kernel.sum()
    return np.convolve(padded, kernel, mode="valid")
