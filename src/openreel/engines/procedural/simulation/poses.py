"""Rig poses: where every part of an archetype sits relative to the entity's root.

A pose is built in the entity's local frame looking right (x forward, y up), with
the root at the origin, then placed in the world by ``place``: rotated by the root
angle and mirrored when the entity looks left. The root is the centre of the main
physical body (ball centre, torso centre, chassis centre, hull centre …).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from openreel.engines.procedural.art.sizing import RESTS_ON_ART
from openreel.engines.procedural.personas import ADULT, Appearance, Proportions
from openreel.engines.procedural.rigs import (
    GOAL_NOMINAL,
    HOOP_NOMINAL,
    PENDULUM_LENGTH,
    PENDULUM_PIVOT,
    POOL_DEPTH,
    POOL_FREEBOARD,
    POOL_WALL,
    SKIRT_LENGTH,
    all_parts,
    footprint,
)
from openreel.engines.procedural.scene import Transform
from openreel.spec import Archetype

A = Archetype
LocalPose = dict[str, tuple[float, float, float]]  # part -> (x, y, angle) in the local frame


def place(x: float, y: float, angle: float, facing: int, pose: LocalPose) -> dict[str, Transform]:
    """World transforms of a local pose whose root is at (x, y) turned by ``angle``."""
    c, s = math.cos(angle), math.sin(angle)
    out: dict[str, Transform] = {}
    for name, (lx, ly, la) in pose.items():
        mx = lx * facing
        out[name] = Transform(x + c * mx - s * ly, y + s * mx + c * ly, angle + la * facing)
    return out


def limb(top: tuple[float, float], angle: float, length: float) -> tuple[float, float, float,
                                                                          tuple[float, float]]:
    """A segment hanging from ``top`` turned by ``angle``: its centre, angle and far end."""
    dx, dy = math.sin(angle) * length, -math.cos(angle) * length
    end = (top[0] + dx, top[1] + dy)
    return top[0] + dx / 2, top[1] + dy / 2, angle, end


def rest_height(archetype: Archetype, size: float, kind: str = "",
                body: Proportions | None = None) -> float:
    """Height of the root above the ground when the entity stands or rests on it.

    A thing whose body is its artwork (pass ``kind``) rests on the bottom of the art; a
    humanoid's follows its proportions (``body``: a baby's legs are short).
    """
    s = size
    if archetype is A.HUMANOID and body is not None:
        return (body.hip + body.leg) * s
    if kind and archetype in RESTS_ON_ART:
        return 0.5 * footprint(archetype, size, kind)[1]
    table = {
        A.BALL: 0.5 * s, A.FOOD: 0.5 * s, A.BLOCK: 0.5 * s, A.HUMANOID: 0.64 * s,
        A.QUADRUPED: 0.65 * s, A.BIRD: 0.45 * s, A.FISH: 0.21 * s, A.VEHICLE: 0.425 * s,
        A.BOAT: 0.175 * s, A.AIRCRAFT: 0.35 * s, A.ROCKET: 0.525 * s,
        A.TREE: 0.5 * s, A.PLANT: 0.5 * s, A.BUILDING: 0.625 * s, A.FURNITURE: 0.5 * s,
        A.CONTAINER: 0.5 * s, A.HOOP: 0.5 * s, A.GOAL: 0.5 * s, A.PENDULUM: 0.5 * s,
        A.POOL: -0.5 * POOL_DEPTH * s, A.PROP: 0.5 * s,
    }
    return table[archetype]


def rigid_pose(archetype: Archetype, size: float) -> LocalPose:
    """The pose of an archetype whose parts do not move relative to each other."""
    s = size
    if archetype in (A.BALL, A.FOOD, A.BLOCK, A.PROP):
        return {"body": (0.0, 0.0, 0.0)}
    if archetype is A.CONTAINER:
        return container_pose(s)
    if archetype is A.FURNITURE:
        return {"legs": (0.0, -0.05 * s, 0.0), "top": (0.0, 0.44 * s, 0.0)}
    if archetype is A.TREE:
        return {"trunk": (0.0, -0.25 * s, 0.0), "canopy": (0.0, 0.2 * s, 0.0)}
    if archetype is A.PLANT:
        return {"stem": (0.0, -0.15 * s, 0.0), "bloom": (0.0, 0.275 * s, 0.0)}
    if archetype is A.BUILDING:
        return {"walls": (0.0, -0.125 * s, 0.0), "roof": (0.0, 0.5 * s, 0.0)}
    if archetype is A.VEHICLE:
        return {"chassis": (0.0, 0.0, 0.0), "cabin": (-0.1 * s, 0.35 * s, 0.0),
                "wheel_back": (-0.85 * s, -0.175 * s, 0.0),
                "wheel_front": (0.85 * s, -0.175 * s, 0.0)}
    if archetype is A.BOAT:
        return {"hull": (0.0, 0.0, 0.0), "cabin": (-0.3 * s, 0.325 * s, 0.0),
                "sail": (0.3 * s, 0.625 * s, 0.0)}
    if archetype is A.AIRCRAFT:
        return aircraft_pose(s, 0.0)
    if archetype is A.ROCKET:
        return rocket_pose(s, 0.0)
    if archetype is A.HUMANOID:
        return humanoid_pose(s, HumanoidJoints())
    if archetype is A.QUADRUPED:
        return quadruped_pose(s, (0.0, 0.0, 0.0, 0.0), 0.5, 0.0)
    if archetype is A.BIRD:
        return bird_pose(s, 0.3, legs_down=True)
    if archetype is A.FISH:
        return fish_pose(s, 0.0)
    if archetype in (A.HOOP, A.GOAL, A.PENDULUM, A.POOL):
        return apparatus_pose(archetype, s)
    raise ValueError(f"no pose for {archetype}")


def container_pose(s: float) -> LocalPose:
    """An open vessel: root at its middle, floor at the bottom, walls either side."""
    return {"floor": (0.0, -0.47 * s, 0.0), "wall_left": (-0.275 * s, 0.0, 0.0),
            "wall_right": (0.275 * s, 0.0, 0.0)}


def aircraft_pose(s: float, rotor_angle: float) -> LocalPose:
    """Fuselage at the root, wings under it, tail fin at the back, rotor on top."""
    return {"wing_far": (0.15 * s, 0.06 * s, 0.0), "fuselage": (0.0, 0.0, 0.0),
            "tail": (-1.1 * s, 0.3 * s, 0.0), "wing_near": (0.1 * s, -0.06 * s, 0.0),
            "rotor": (0.0, 0.35 * s, rotor_angle)}


def rocket_pose(s: float, flame: float) -> LocalPose:
    """Upright body at the root; the flame hangs under the nozzle and grows with thrust."""
    return {"flame": (0.0, -0.5 * s - 0.225 * s * max(flame, 0.2), 0.0),
            "fins": (0.0, -0.4 * s, 0.0), "body": (0.0, 0.0, 0.0), "window": (0.0, 0.2 * s, 0.0)}


@dataclass(slots=True)
class HumanoidJoints:
    """Joint angles of a figure (radians; positive swings a limb forward)."""

    lean: float = 0.0  # torso tilt, positive leans back
    head: float = 0.0
    hip_near: float = 0.0
    knee_near: float = 0.0  # bend, >= 0 folds the shin back
    hip_far: float = 0.0
    knee_far: float = 0.0
    shoulder_near: float = 0.0
    elbow_near: float = 0.0  # bend, >= 0 folds the forearm forward
    shoulder_far: float = 0.0
    elbow_far: float = 0.0


def spine(j: HumanoidJoints, body: Proportions = ADULT) -> float:
    """The torso's tilt in the local frame: the pose's lean plus the body's own stoop."""
    return j.lean - body.stoop


def joint_at(s: float, j: HumanoidJoints, body: Proportions, along: float) -> tuple[float,
                                                                                    float]:
    """A point ``along`` × size up the spine from the root (negative: down to the hips)."""
    a = spine(j, body)
    return -math.sin(a) * along * s, math.cos(a) * along * s


def humanoid_pose(s: float, j: HumanoidJoints, body: Proportions = ADULT) -> LocalPose:
    """Forward kinematics of a biped whose torso centre is the root."""
    lean = spine(j, body)
    hip = joint_at(s, j, body, -body.hip)
    shoulder = joint_at(s, j, body, body.shoulder)
    neck = joint_at(s, j, body, body.neck)
    r = 0.5 * body.head * s
    # an elder's head comes up again to look ahead over the stoop
    tilt = lean + j.head + 0.6 * body.stoop
    pose: LocalPose = {
        "torso": (0.0, 0.0, lean),
        "head": (neck[0] - math.sin(tilt) * r, neck[1] + math.cos(tilt) * r, tilt),
    }
    for side, hip_a, knee, sh_a, elbow in (
        ("near", j.hip_near, j.knee_near, j.shoulder_near, j.elbow_near),
        ("far", j.hip_far, j.knee_far, j.shoulder_far, j.elbow_far),
    ):
        tx, ty, ta, knee_pt = limb(hip, hip_a, body.thigh * s)
        pose[f"thigh_{side}"] = (tx, ty, ta)
        sx, sy, sa, _ = limb(knee_pt, hip_a - knee, body.shin * s)
        pose[f"shin_{side}"] = (sx, sy, sa)
        ux, uy, ua, elbow_pt = limb(shoulder, sh_a + lean, body.upper_arm * s)
        pose[f"upper_arm_{side}"] = (ux, uy, ua)
        lx, ly, la, _ = limb(elbow_pt, sh_a + lean + elbow, body.forearm * s)
        pose[f"lower_arm_{side}"] = (lx, ly, la)
    return pose


def humanoid_foot_drop(s: float, j: HumanoidJoints, body: Proportions = ADULT) -> float:
    """How far below the root the lower foot reaches (the root height that plants it)."""
    hip_y = joint_at(s, j, body, -body.hip)[1]
    drops = [-(hip_y - body.thigh * s * math.cos(hip_a) - body.shin * s * math.cos(hip_a - knee))
             for hip_a, knee in ((j.hip_near, j.knee_near), (j.hip_far, j.knee_far))]
    return max(drops)


def attach(parts: dict[str, Transform], look: Appearance, size: float,
           facing: int) -> dict[str, Transform]:
    """Add a humanoid's attached parts (hands, long hair, skirt) to its jointed parts."""
    out = dict(parts)
    body = look.body
    for side in ("near", "far"):
        fore = parts[f"lower_arm_{side}"]
        reach = 0.5 * body.forearm * size + 0.02 * size
        out[f"hand_{side}"] = Transform(fore.x + math.sin(fore.angle) * reach,
                                        fore.y - math.cos(fore.angle) * reach, fore.angle)
    head = parts["head"]
    d = body.head * size
    if look.long_hair:
        long = look.hair_style == "long"
        bx, by = (-0.26 * d, -0.4 * d) if long else (-0.56 * d, -0.12 * d)
        turn = 0.0 if long else -0.6
        out["hair"] = _offset(head, bx * facing, by, turn * facing)
    if look.skirted:
        torso = parts["torso"]
        hx, hy = torso.x + math.sin(torso.angle) * body.hip * size, (
            torso.y - math.cos(torso.angle) * body.hip * size)
        thighs = 0.5 * (parts["thigh_near"].angle + parts["thigh_far"].angle) - torso.angle
        # a skirt follows the thighs forward over a lap, but cloth hangs: never flat out
        drape = torso.angle + max(-0.75, min(0.75, 0.85 * thighs))
        half = 0.5 * SKIRT_LENGTH[look.outfit] * size - 0.03 * size
        out["skirt"] = Transform(hx + math.sin(drape) * half, hy - math.cos(drape) * half, drape)
    return out


def _offset(base: Transform, dx: float, dy: float, turn: float) -> Transform:
    c, s = math.cos(base.angle), math.sin(base.angle)
    return Transform(base.x + c * dx - s * dy, base.y + s * dx + c * dy, base.angle + turn)


@dataclass(frozen=True, slots=True)
class Breed:
    """How an animal kind carries itself: how far up its neck lifts the head, how its tail
    hangs."""

    neck: float = 0.0  # 0 a dog's short neck … 1 a horse's long upright one
    droop: float = 0.0  # radians the tail hangs below a dog's jaunty angle


BREEDS = {"horse": Breed(neck=1.0, droop=1.7), "cow": Breed(neck=0.2, droop=1.9),
          "sheep": Breed(neck=0.15, droop=1.5), "elephant": Breed(droop=1.9),
          "pig": Breed(droop=0.4), "bear": Breed(droop=0.8), "lion": Breed(droop=1.2)}
NECK_BASE = (0.42, 0.12)  # where an animal's neck leaves its body, per shoulder height
NECK = 0.55  # length of an animal's neck part, per shoulder height


def quadruped_pose(s: float, legs: tuple[float, float, float, float], tail: float,
                   head: float, knee: float = 0.0, graze: float = 0.0,
                   breed: Breed = Breed()) -> LocalPose:
    """A four-legged body at the root with leg swings (front near, front far, back near,
    back far; positive forward), tail lift, head nod, and ``graze`` (0 head up … 1 mouth
    down at the floor, to eat or drink)."""
    front_top, back_top = (0.4 * s, -0.15 * s), (-0.4 * s, -0.15 * s)
    names = ("front_leg_near", "front_leg_far", "back_leg_near", "back_leg_far")
    pose: LocalPose = {"body": (0.0, 0.0, 0.0)}
    for name, ang in zip(names, legs, strict=True):
        top = front_top if name.startswith("front") else back_top
        cx, cy, ca, _ = limb(top, ang, 0.5 * s * (1.0 - 0.3 * knee))
        pose[name] = (cx, cy, ca)
    base = (-0.5 * s, 0.1 * s)
    # the tail points up and back from its base; positive ``tail`` raises it
    ta = 1.0 + 0.6 * tail + breed.droop
    pose["tail"] = (base[0] - math.sin(ta) * 0.225 * s, base[1] + math.cos(ta) * 0.225 * s, ta)
    up = ((0.62 + 0.14 * breed.neck) * s, (0.3 + 0.32 * breed.neck) * s + 0.06 * s * head,
          0.25 * head - 0.35 * breed.neck)
    down = ((NECK_BASE[0] + 0.12) * s, (NECK_BASE[1] - 0.5) * s, -1.2)
    g = min(max(graze, 0.0), 1.0)
    pose["head"] = (up[0] + (down[0] - up[0]) * g, up[1] + (down[1] - up[1]) * g,
                    up[2] + (down[2] - up[2]) * g)
    return pose


def attach_animal(parts: dict[str, Transform], size: float, facing: int) -> dict[str, Transform]:
    """Add an animal's neck: a capsule from its head back into its body (drawn behind it)."""
    out = dict(parts)
    body, head = parts["body"], parts["head"]
    c, sn = math.cos(body.angle), math.sin(body.angle)
    bx, by = NECK_BASE[0] * size * facing, NECK_BASE[1] * size
    base = (body.x + c * bx - sn * by, body.y + sn * bx + c * by)
    dx, dy = head.x - base[0], head.y - base[1]
    d = max(math.hypot(dx, dy), 1e-6)
    half = 0.5 * NECK * size
    out["neck"] = Transform(head.x - dx / d * half, head.y - dy / d * half,
                            math.atan2(-dx, dy))
    return out


def trot(amplitude: float, phase: float) -> tuple[float, float, float, float]:
    """Leg swings of a trot: diagonal pairs move together (a plain sine, for idling)."""
    a = amplitude * math.sin(phase)
    return a, -a, -a, a


def bird_pose(s: float, wing: float, legs_down: bool) -> LocalPose:
    """Body at the root; wings turn about the shoulder by ``wing`` (up positive)."""
    shoulder = (-0.02 * s, 0.12 * s)
    half = 0.3 * s

    def wing_at(a: float, dx: float) -> tuple[float, float, float]:
        return shoulder[0] + dx - math.cos(a) * half * 0.3, shoulder[1] + math.sin(a) * half, a

    return {
        "wing_far": wing_at(wing * 0.85, 0.04 * s),
        "legs": (0.0, -0.33 * s if legs_down else -0.2 * s, 0.0 if legs_down else 1.2),
        "body": (0.0, 0.0, 0.0),
        "head": (0.35 * s, 0.25 * s, 0.0),
        "beak": (0.6 * s, 0.22 * s, 0.0),
        "wing_near": wing_at(wing, 0.0),
    }


def fish_pose(s: float, tail: float) -> LocalPose:
    """Body at the root; the tail fin swings about the body's back end by ``tail``."""
    pivot = -0.48 * s
    return {
        "tail": (pivot - math.cos(tail) * 0.15 * s, -math.sin(tail) * 0.15 * s, tail),
        "body": (0.0, 0.0, 0.3 * tail * 0.3),
        "fin": (0.02 * s, 0.24 * s, 0.0),
    }


def apparatus_pose(archetype: Archetype, s: float, swing: float = 0.0) -> LocalPose:
    """Parts of a showcase apparatus; ``swing`` turns a pendulum's rod about its pivot."""
    if archetype is A.HOOP:
        k = s / HOOP_NOMINAL
        g = -0.5 * s
        return {"pole": (-0.61 * k, g + 1.625 * k, 0.0), "arm": (-0.335 * k, g + 3.15 * k, 0.0),
                "board": (-0.03 * k, g + 3.425 * k, 0.0), "net": (0.375 * k, g + 2.83 * k, 0.0),
                "rim": (0.375 * k, g + 3.05 * k, 0.0)}
    if archetype is A.GOAL:
        k = s / GOAL_NOMINAL
        return {"net": (0.0, 0.0, 0.0), "post": (0.8 * k, 0.0, 0.0),
                "bar": (0.8 * k, -0.5 * s + 2.38 * k, 0.0)}
    if archetype is A.PENDULUM:
        pivot_y = PENDULUM_PIVOT * s
        length = PENDULUM_LENGTH * s
        dx, dy = math.sin(swing), -math.cos(swing)
        return {"stand": (0.0, 0.0, 0.0),
                "rod": (0.5 * length * dx, pivot_y + 0.5 * length * dy, swing),
                "bob": (length * dx, pivot_y + length * dy, swing)}
    if archetype is A.POOL:
        bottom = (-0.5 * POOL_DEPTH + POOL_WALL) * s
        surface = (0.5 * POOL_DEPTH - POOL_FREEBOARD) * s
        return {"basin": (0.0, 0.0, 0.0), "water": (0.0, 0.5 * (bottom + surface), 0.0),
                "ladder": ((0.5 - POOL_WALL - 0.05) * s, 0.1 * s, 0.0)}
    raise ValueError(f"{archetype} is not showcase apparatus")


def check_parts(archetype: Archetype, size: float, parts: dict[str, Transform],
                look: Appearance | None = None) -> bool:
    """Whether ``parts`` has a transform for every part of the archetype's rig."""
    return all(p.name in parts for p in all_parts(archetype, size, look))


# ── aimed actions: kick, throw, shoot, hit and catch ────────────────────────────────────
# Key poses in seconds from the start of the action: ready, wind-up, the moment the ball
# leaves (or is met), follow-through, settling back. ``wrist`` turns a held bat or racket
# away from the forearm (radians, positive forward).

@dataclass(frozen=True, slots=True)
class ActionKey:
    """One key pose of an aimed action."""

    at: float
    joints: HumanoidJoints
    wrist: float = 0.0


def _j(lean: float = 0.0, head: float = 0.0, hips: tuple[float, float] = (0.05, -0.05),
       knees: tuple[float, float] = (0.08, 0.08), near: tuple[float, float] = (0.1, 0.2),
       far: tuple[float, float] = (-0.05, 0.15)) -> HumanoidJoints:
    return HumanoidJoints(lean, head, hips[0], knees[0], hips[1], knees[1], near[0], near[1],
                          far[0], far[1])


_CHEST = ((0.85, 1.75), (0.75, 1.85))  # near and far arm holding a ball at the chest
ACTION_KEYS: dict[str, tuple[ActionKey, ...]] = {
    # a set shot: dip, rise, both arms push the ball up and out, the arms stay up after
    "shoot": (
        ActionKey(0.0, _j(near=_CHEST[0], far=_CHEST[1], head=0.15)),
        ActionKey(0.45, _j(lean=-0.12, head=0.25, hips=(0.55, 0.5), knees=(0.95, 0.9),
                           near=(0.6, 2.0), far=(0.55, 2.05))),
        ActionKey(0.75, _j(lean=0.05, head=0.3, near=(2.45, 0.35), far=(2.35, 0.4))),
        ActionKey(1.1, _j(lean=0.03, head=0.3, near=(2.5, 0.15), far=(2.4, 0.2))),
        ActionKey(1.9, _j(head=0.15)),
    ),
    # overhand: the arm goes back and up, comes over the top, releases ahead of the head
    "throw": (
        ActionKey(0.0, _j(near=(0.45, 1.2))),
        ActionKey(0.42, _j(lean=0.15, head=0.1, hips=(-0.3, 0.45), knees=(0.25, 0.3),
                           near=(-2.3, 1.1), far=(1.3, 0.2))),
        ActionKey(0.6, _j(lean=-0.2, hips=(-0.15, 0.4), knees=(0.35, 0.35),
                          near=(-3.95, 0.25), far=(0.6, 0.4))),
        ActionKey(0.88, _j(lean=-0.35, hips=(0.3, 0.35), knees=(0.7, 0.35),
                           near=(-5.6, 0.4), far=(-0.4, 0.3))),
        ActionKey(1.6, _j()),
    ),
    # the kicking leg draws back, swings through the ball and follows on up
    "kick": (
        ActionKey(0.0, _j()),
        ActionKey(0.35, _j(lean=0.05, hips=(-0.9, 0.15), knees=(1.5, 0.15), near=(0.6, 0.3),
                           far=(-0.6, 0.3))),
        ActionKey(0.5, _j(lean=0.12, hips=(0.35, 0.1), knees=(0.15, 0.12), near=(-0.4, 0.3),
                          far=(0.8, 0.3))),
        ActionKey(0.75, _j(lean=0.3, hips=(1.3, 0.05), knees=(0.2, 0.1), near=(-0.8, 0.3),
                           far=(1.1, 0.3))),
        ActionKey(1.4, _j()),
    ),
    # the far hand tosses the ball up; the bat comes off the shoulder, back, and sweeps
    # down and through it (wrist angles keep the bat turning the short way round)
    "hit": (
        ActionKey(0.0, _j(near=(-0.3, 2.2), far=(0.6, 0.9)), wrist=-4.68),
        ActionKey(0.25, _j(near=(-0.3, 2.2), far=(1.7, 0.2)), wrist=-4.68),
        ActionKey(0.55, _j(lean=0.1, hips=(-0.2, 0.35), knees=(0.2, 0.3), near=(-1.4, 1.0),
                           far=(0.9, 0.3)), wrist=-2.04),
        ActionKey(0.75, _j(lean=-0.1, hips=(-0.1, 0.3), knees=(0.25, 0.3), near=(1.45, 0.1),
                           far=(0.3, 0.3)), wrist=0.0),
        ActionKey(0.95, _j(lean=-0.2, hips=(0.1, 0.25), knees=(0.4, 0.3), near=(2.9, 0.6),
                           far=(-0.2, 0.3)), wrist=-0.6),
        ActionKey(1.7, _j(near=(0.3, 0.3)), wrist=0.3),
    ),
    # archery: the bow arm comes up level, the string hand draws back to the chin, lets go
    # and flies back, then the bow comes down
    "draw": (
        ActionKey(0.0, _j(near=(0.3, 0.5), far=(0.5, 0.3))),
        ActionKey(0.45, _j(head=0.05, near=(1.45, 0.7), far=(1.55, 0.05))),
        ActionKey(0.85, _j(lean=-0.03, head=0.05, near=(1.45, 2.55), far=(1.57, 0.0))),
        ActionKey(1.0, _j(lean=-0.05, head=0.05, near=(1.15, 2.9), far=(1.57, 0.0))),
        ActionKey(1.8, _j(head=0.05, near=(0.6, 1.2), far=(1.2, 0.1))),
    ),
    # arms reach out to meet the ball, then give with it back to the chest
    "catch": (
        ActionKey(0.0, _j(near=(0.35, 0.7), far=(0.3, 0.7), head=0.05)),
        ActionKey(0.25, _j(lean=-0.05, near=(1.45, 0.25), far=(1.4, 0.3))),
        ActionKey(0.4, _j(lean=-0.05, near=(1.45, 0.25), far=(1.4, 0.3))),
        ActionKey(0.7, _j(lean=0.1, hips=(0.15, 0.0), knees=(0.35, 0.2), near=_CHEST[0],
                          far=_CHEST[1])),
    ),
}
# seconds into each action when the ball leaves the hand or foot (or is caught)
ACTION_CONTACT = {"shoot": 0.75, "throw": 0.6, "kick": 0.5, "hit": 0.75, "catch": 0.4,
                  "draw": 0.9}
HIT_TOSS = 0.25  # when the far hand lets go of the ball it tosses up for a hit


def action_joints(action: str, u: float) -> tuple[HumanoidJoints, float]:
    """Joint angles and wrist turn ``u`` seconds into an aimed action (eased between keys)."""
    keys = ACTION_KEYS[action]
    if u <= keys[0].at:
        return keys[0].joints, keys[0].wrist
    for a, b in itertools.pairwise(keys):
        if u <= b.at:
            w = (u - a.at) / (b.at - a.at)
            w = w * w * (3.0 - 2.0 * w)
            mixed = HumanoidJoints(*(
                x + (y - x) * w for x, y in zip(_fields(a.joints), _fields(b.joints),
                                                strict=True)))
            return mixed, a.wrist + (b.wrist - a.wrist) * w
    return keys[-1].joints, keys[-1].wrist


def _fields(j: HumanoidJoints) -> tuple[float, ...]:
    return (j.lean, j.head, j.hip_near, j.knee_near, j.hip_far, j.knee_far, j.shoulder_near,
            j.elbow_near, j.shoulder_far, j.elbow_far)


def limb_end(part: Transform, length: float) -> tuple[float, float]:
    """World position of the far end (hand, foot) of a placed limb part of ``length``."""
    return (part.x + math.sin(part.angle) * 0.5 * length,
            part.y - math.cos(part.angle) * 0.5 * length)


def reach(j: HumanoidJoints, size: float, target: tuple[float, float]) -> bool:
    """Bend the near arm (shoulder and elbow, two-link IK) so its hand meets ``target``,
    given in the figure's frame looking right with the root at the origin; returns whether
    the hand gets there (an arm too short points straight at it)."""
    upper, lower = 0.18 * size, 0.17 * size
    c, s = math.cos(j.lean), math.sin(j.lean)
    sx, sy = -s * 0.13 * size, c * 0.13 * size
    dx, dy = target[0] - sx, target[1] - sy
    d = math.hypot(dx, dy)
    aim = math.atan2(dx, -dy)  # 0 hanging down, positive swinging forward
    if d >= upper + lower - 1e-6:
        j.shoulder_near, j.elbow_near = aim - j.lean, 0.0
        return False
    d = max(d, abs(upper - lower) + 1e-6)
    inner = math.acos((upper * upper + lower * lower - d * d) / (2 * upper * lower))
    offset = math.acos((upper * upper + d * d - lower * lower) / (2 * upper * d))
    j.shoulder_near = aim - offset - j.lean
    j.elbow_near = math.pi - inner
    return True
