"""The camera of each frame: where it looks and how many pixels a metre spans.

A pure function of (shot, frame), so projecting a point for annotations or
panning sound gives exactly what the picture shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, ShotSimulation
from openreel.spec import CameraMove, Direction, Easing, Framing, Shot

GROUND_AT = 0.74  # fraction of the frame height where the ground line sits at rest


@dataclass(frozen=True, slots=True)
class View:
    """One frame's camera: world point at the frame centre and pixels per metre."""

    cx: float
    cy: float
    ppm: float
    width: int
    height: int
    pan: float = 0.0  # metres the camera travelled sideways, for parallax of far layers

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """World metres → pixels."""
        return (self.width / 2 + (x - self.cx) * self.ppm,
                self.height / 2 - (y - self.cy) * self.ppm)


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
        cam = shot.camera
        self._rng_phase = np.random.default_rng(seed + 7 * sim.shot).uniform(0, 2 * np.pi, 4)
        actors = [e for e in sim.frames[0].entities if e.depth <= 0.01] if sim.frames else []
        xs: list[float] = []
        tops: list[float] = [0.5]
        biggest = 0.3
        for frame in sim.frames[:: max(1, len(sim.frames) // 24)]:
            for e in frame.entities:
                if e.depth > 0.01 or not e.visible:
                    continue
                w, h = footprint(e.archetype, e.size)
                biggest = max(biggest, h, w * 0.5)
                xs += [e.x - w / 2, e.x + w / 2]
                tops.append(min(e.y + h / 2, 12.0))
        stage = sim.stage_width
        lo, hi = (min(xs), max(xs)) if xs else (stage * 0.3, stage * 0.7)
        self.centre_x = (lo + hi) / 2
        action_w = max(hi - lo, 1.0) * 1.12
        # medium frames the action by its own scale: small props fill the frame too
        minimum = {Framing.WIDE: stage * 0.8, Framing.MEDIUM: max(biggest * 3.0, 0.8),
                   Framing.CLOSE_UP: 1.0}[cam.framing]
        if width > height:  # landscape frames show more stage for the same height
            minimum *= 1.4
        subject = self._subject(actors)
        self.subject_h = 1.0
        if cam.framing is Framing.CLOSE_UP and subject is not None:
            w, h = footprint(subject.archetype, subject.size)
            self.subject_h = h
            # head and shoulders: about two thirds of the subject fills the frame's height
            view_w = max(0.7 * h * width / height, 1.15 * w, 0.3)
        else:
            view_w = max(action_w if cam.framing is not Framing.CLOSE_UP else 0, minimum)
            view_w = min(view_w, stage * 1.2)
        self.base_ppm = width / view_w
        top = float(np.percentile(tops, 90))
        # keep the action's top in frame: ground at GROUND_AT unless things fly high
        room = height * GROUND_AT - height * 0.08
        if top * self.base_ppm > room and cam.framing is not Framing.CLOSE_UP:
            self.base_ppm = max(room / top, width / (stage * 1.5))
        self.subject_uid = subject.uid if subject is not None else None
        self.close = cam.framing is Framing.CLOSE_UP

    def _subject(self, actors: list[EntityFrame]) -> EntityFrame | None:
        follow = self.shot.camera.follow
        speakers = {line.speaker for line in self.shot.dialogue}
        for e in actors:
            if follow is not None and e.group == follow:
                return e
        for e in actors:
            if e.group in speakers:
                return e
        return actors[0] if actors and self.shot.camera.framing is Framing.CLOSE_UP else None

    def view(self, frame_in_shot: int) -> View:
        """The camera at a frame of this shot."""
        cam = self.shot.camera
        n = max(len(self.sim.frames) - 1, 1)
        p = ease(frame_in_shot / n, cam.easing)
        ppm = self.base_ppm
        cx = self.centre_x
        view_w = self.width / ppm
        follow_x = self._follow_x(frame_in_shot)
        if follow_x is not None:
            cx = follow_x
        lift = 0.0
        amount = cam.amount
        sign = -1.0 if cam.direction in (Direction.LEFT, Direction.DOWN, Direction.OUT) else 1.0
        if cam.move is CameraMove.PAN:
            cx += sign * (p - 0.5) * view_w * 0.45 * amount * 2
        elif cam.move is CameraMove.TILT:
            lift = sign * p * view_w * 0.25 * amount
        elif cam.move in (CameraMove.ZOOM, CameraMove.DOLLY):
            zoom_in = cam.direction is not Direction.OUT
            k = 1 + 0.5 * amount * (p if zoom_in else 1 - p)
            ppm *= k
        elif cam.move is CameraMove.ORBIT:
            cx += math.sin((p - 0.5) * math.pi) * view_w * 0.3
        elif cam.move is CameraMove.DRONE:
            lift = (1 - p) * view_w * 0.5
            ppm *= 0.85 + 0.15 * p
            cx += (p - 0.5) * view_w * 0.3
        if cam.move is CameraMove.HANDHELD:
            t = (self.sim.start + frame_in_shot / self.sim.fps)
            a, b, c, d = self._rng_phase
            cx += 0.012 * view_w * (math.sin(0.9 * t + a) + 0.5 * math.sin(2.3 * t + b))
            lift += 0.01 * view_w * (math.sin(1.1 * t + c) + 0.5 * math.sin(1.7 * t + d))
        ground_px = self.height * (0.62 if self.close else GROUND_AT)
        cy = (ground_px - self.height / 2) / ppm + lift
        if self.close and self.subject_uid is not None:
            # the subject's top sits a fifth of the way down the frame (headroom)
            top = self._subject_y(frame_in_shot) + 0.08 * self.subject_h
            cy = top - 0.3 * self.height / ppm
        return View(cx=cx, cy=cy, ppm=ppm, width=self.width, height=self.height,
                    pan=cx - self.centre_x)

    def _follow_x(self, frame_in_shot: int) -> float | None:
        if self.subject_uid is None or not (self.shot.camera.follow or self.close):
            return None
        # damped follow: average the subject's x over the surrounding half second
        k = max(1, self.sim.fps // 4)
        lo, hi = max(0, frame_in_shot - k), min(len(self.sim.frames), frame_in_shot + k + 1)
        xs = [e.x for f in self.sim.frames[lo:hi] for e in f.entities if e.uid == self.subject_uid]
        return float(np.mean(xs)) if xs else None

    def _subject_y(self, frame_in_shot: int) -> float:
        # damped like the horizontal follow, so a jump does not jerk the frame
        k = max(1, self.sim.fps // 3)
        lo, hi = max(0, frame_in_shot - k), min(len(self.sim.frames), frame_in_shot + k + 1)
        ys = [max((p.y for p in e.parts.values()), default=e.y)
              for f in self.sim.frames[lo:hi] for e in f.entities if e.uid == self.subject_uid]
        return float(np.mean(ys)) if ys else 0.0
