"""Two-bone reaching: put a figure's hand or foot on a point by solving shoulder and elbow.

Poses are written in the figure's local frame (looking right, root at the torso centre,
y up). A segment at angle ``a`` points along (sin a, -cos a): 0 hangs straight down and
positive angles swing it forward. Elbows bend forward (the forearm turns further
forward than the upper arm) and knees bend back, as people's do.
"""

from __future__ import annotations

import math

from openreel.engines.procedural.personas import Proportions
from openreel.engines.procedural.simulation.poses import HumanoidJoints, joint_at, spine

Point = tuple[float, float]


def _two_bone(top: Point, target: Point, first: float, second: float,
              bend: int) -> tuple[float, float]:
    """Angles of the first segment and of the second relative to it (``bend`` ±1 picks
    which way the middle joint folds)."""
    dx, dy = target[0] - top[0], target[1] - top[1]
    dist = math.hypot(dx, dy)
    lo, hi = abs(first - second) + 1e-6, first + second - 1e-6
    d = min(max(dist, lo), hi)
    towards = math.atan2(dx, -dy)
    cos_a = (first * first + d * d - second * second) / (2 * first * d)
    cos_b = (first * first + second * second - d * d) / (2 * first * second)
    alpha = math.acos(min(1.0, max(-1.0, cos_a)))
    fold = math.pi - math.acos(min(1.0, max(-1.0, cos_b)))
    return towards - bend * alpha, bend * fold


def shoulder(s: float, j: HumanoidJoints, body: Proportions) -> Point:
    """Where the shoulders are in the local frame for this pose's lean."""
    return joint_at(s, j, body, body.shoulder)


def hip(s: float, j: HumanoidJoints, body: Proportions) -> Point:
    """Where the hips are in the local frame for this pose's lean."""
    return joint_at(s, j, body, -body.hip)


def neck(s: float, j: HumanoidJoints, body: Proportions) -> Point:
    """Where the head sits on the torso in the local frame."""
    return joint_at(s, j, body, body.neck)


def mouth(s: float, j: HumanoidJoints, body: Proportions) -> Point:
    """Roughly where the mouth is (front of the head, below its centre)."""
    n = neck(s, j, body)
    a = spine(j, body) + j.head + 0.6 * body.stoop
    r = 0.5 * body.head * s
    cx, cy = n[0] - math.sin(a) * r, n[1] + math.cos(a) * r
    return cx + math.cos(a) * 0.8 * r + math.sin(a) * 0.35 * r, (
        cy + math.sin(a) * 0.8 * r - math.cos(a) * 0.35 * r)


def arm_to(j: HumanoidJoints, side: str, target: Point, s: float, body: Proportions) -> None:
    """Set one arm's shoulder and elbow so its hand lands on ``target`` (local frame)."""
    reach = body.forearm * s + 0.02 * s  # the grip sits a little past the wrist
    upper, elbow = _two_bone(shoulder(s, j, body), target, body.upper_arm * s, reach, 1)
    sh = upper - spine(j, body)
    if side == "near":
        j.shoulder_near, j.elbow_near = sh, elbow
    else:
        j.shoulder_far, j.elbow_far = sh, elbow


def leg_to(j: HumanoidJoints, side: str, target: Point, s: float, body: Proportions) -> None:
    """Set one leg's hip and knee so its sole lands on ``target`` (local frame)."""
    thigh, knee = _two_bone(hip(s, j, body), target, body.thigh * s, body.shin * s, -1)
    if side == "near":
        j.hip_near, j.knee_near = thigh, -knee
    else:
        j.hip_far, j.knee_far = thigh, -knee


def hand_at(j: HumanoidJoints, side: str, s: float, body: Proportions) -> Point:
    """Where one hand's grip is in the local frame (forward kinematics of ``arm_to``)."""
    sh = shoulder(s, j, body)
    lean = spine(j, body)
    a = (j.shoulder_near if side == "near" else j.shoulder_far) + lean
    b = a + (j.elbow_near if side == "near" else j.elbow_far)
    reach = body.forearm * s + 0.02 * s
    return (sh[0] + math.sin(a) * body.upper_arm * s + math.sin(b) * reach,
            sh[1] - math.cos(a) * body.upper_arm * s - math.cos(b) * reach)


def foot_at(j: HumanoidJoints, side: str, s: float, body: Proportions) -> Point:
    """Where one sole is in the local frame."""
    h = hip(s, j, body)
    a = j.hip_near if side == "near" else j.hip_far
    b = a - (j.knee_near if side == "near" else j.knee_far)
    return (h[0] + math.sin(a) * body.thigh * s + math.sin(b) * body.shin * s,
            h[1] - math.cos(a) * body.thigh * s - math.cos(b) * body.shin * s)


def knee_at(j: HumanoidJoints, side: str, s: float, body: Proportions) -> Point:
    """Where one knee is in the local frame."""
    h = hip(s, j, body)
    a = j.hip_near if side == "near" else j.hip_far
    return h[0] + math.sin(a) * body.thigh * s, h[1] - math.cos(a) * body.thigh * s


def lowest(j: HumanoidJoints, s: float, body: Proportions) -> float:
    """The lowest local height of the feet, knees and hands: what touches the floor."""
    points = [foot_at(j, side, s, body) for side in ("near", "far")]
    points += [knee_at(j, side, s, body) for side in ("near", "far")]
    points += [hand_at(j, side, s, body) for side in ("near", "far")]
    return min(p[1] for p in points)
