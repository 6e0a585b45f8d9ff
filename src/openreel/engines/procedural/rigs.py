"""Rig geometry: the parts each archetype is built from, in metres.

Shared by the simulation (which places every part in the world each frame) and
the renderer (which draws each part at its transform and adds details such as
faces, windows and wheel spokes). A part's shape is centred on its transform,
``w`` wide along its local x axis and ``h`` tall along its local y axis, then
rotated by the transform's angle. A limb hanging straight down is tall and thin
at angle 0.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from openreel.engines.procedural.art.library import artwork_of
from openreel.engines.procedural.art.sizing import art_box
from openreel.engines.procedural.personas import PLAIN, Appearance, Proportions
from openreel.spec import Archetype

Shape = Literal["capsule", "ellipse", "circle", "box", "rounded_box", "triangle", "wheel",
                "trapezoid"]
Role = Literal["main", "skin", "limb", "far_limb", "dark", "accent", "glass", "flame", "detail"]


@dataclass(frozen=True, slots=True)
class PartSpec:
    name: str
    shape: Shape
    w: float
    h: float
    z: int  # drawing order within the entity, low first
    role: Role


def _p(name: str, shape: Shape, w: float, h: float, z: int, role: Role) -> PartSpec:
    return PartSpec(name, shape, w, h, z, role)


def rig_parts(archetype: Archetype, size: float,
              look: Appearance | None = None) -> tuple[PartSpec, ...]:
    """The jointed parts of an entity of this archetype whose height (or diameter) is ``size``.

    A humanoid's measures follow its look (a child's big head, a heavy build's width)."""
    s = size
    A = Archetype
    if archetype in (A.BALL, A.FOOD):
        return (_p("body", "circle", s, s, 0, "main"),)
    if archetype is A.PROP:
        # drawn from art; this box only stands in where no kind is known
        return (_p("body", "rounded_box", s, s, 0, "main"),)
    if archetype is A.BLOCK:
        return (_p("body", "rounded_box", s, s, 0, "main"),)
    if archetype is A.HUMANOID:
        parts = humanoid_parts(s, (look or PLAIN).body)
        if look is not None and look.face is not None:
            # a cameo's face is what the video is for: the arms pass behind the head
            parts = tuple(replace(p, z=16) if p.name == "head" else p for p in parts)
        return parts
    if archetype is A.QUADRUPED:
        # size is the shoulder height; the body is about 1.3 × as long as tall.
        return (
            _p("tail", "capsule", 0.08 * s, 0.45 * s, 0, "main"),
            _p("front_leg_far", "capsule", 0.12 * s, 0.5 * s, 1, "far_limb"),
            _p("back_leg_far", "capsule", 0.13 * s, 0.5 * s, 2, "far_limb"),
            _p("body", "ellipse", 1.1 * s, 0.5 * s, 3, "main"),
            _p("front_leg_near", "capsule", 0.12 * s, 0.5 * s, 4, "limb"),
            _p("back_leg_near", "capsule", 0.13 * s, 0.5 * s, 5, "limb"),
            _p("head", "ellipse", 0.45 * s, 0.38 * s, 6, "main"),
        )
    if archetype is A.BIRD:
        return (
            _p("wing_far", "ellipse", 0.7 * s, 0.22 * s, 0, "far_limb"),
            _p("legs", "capsule", 0.05 * s, 0.3 * s, 1, "accent"),
            _p("body", "ellipse", 0.8 * s, 0.55 * s, 2, "main"),
            _p("head", "circle", 0.38 * s, 0.38 * s, 3, "main"),
            _p("beak", "triangle", 0.2 * s, 0.1 * s, 4, "accent"),
            _p("wing_near", "ellipse", 0.7 * s, 0.22 * s, 5, "limb"),
        )
    if archetype is A.FISH:
        # size is the length
        return (
            _p("tail", "triangle", 0.35 * s, 0.35 * s, 0, "limb"),
            _p("body", "ellipse", s, 0.42 * s, 1, "main"),
            _p("fin", "triangle", 0.25 * s, 0.15 * s, 2, "accent"),
        )
    if archetype is A.VEHICLE:
        # size is the height; the chassis is 2.6 × as long.
        return (
            _p("chassis", "rounded_box", 2.6 * s, 0.55 * s, 0, "main"),
            _p("cabin", "rounded_box", 1.4 * s, 0.45 * s, 1, "glass"),
            _p("wheel_back", "wheel", 0.5 * s, 0.5 * s, 2, "dark"),
            _p("wheel_front", "wheel", 0.5 * s, 0.5 * s, 3, "dark"),
        )
    if archetype is A.BOAT:
        return (
            _p("sail", "triangle", 0.6 * s, 0.9 * s, 0, "accent"),
            _p("hull", "rounded_box", 1.8 * s, 0.35 * s, 1, "main"),
            _p("cabin", "rounded_box", 0.6 * s, 0.3 * s, 2, "glass"),
        )
    if archetype is A.AIRCRAFT:
        return (
            _p("wing_far", "triangle", 0.9 * s, 0.2 * s, 0, "far_limb"),
            _p("fuselage", "capsule", 2.6 * s, 0.45 * s, 1, "main"),
            _p("tail", "triangle", 0.5 * s, 0.5 * s, 2, "accent"),
            _p("wing_near", "triangle", 1.0 * s, 0.22 * s, 3, "limb"),
            _p("rotor", "box", 2.4 * s, 0.05 * s, 4, "dark"),
        )
    if archetype is A.ROCKET:
        # size is the height of the rocket; it stands upright at angle 0.
        return (
            _p("flame", "triangle", 0.22 * s, 0.45 * s, 0, "flame"),
            _p("fins", "triangle", 0.45 * s, 0.25 * s, 1, "accent"),
            _p("body", "capsule", 0.2 * s, s, 2, "main"),
            _p("window", "circle", 0.09 * s, 0.09 * s, 3, "glass"),
        )
    if archetype is A.TREE:
        return (
            _p("trunk", "box", 0.08 * s, 0.5 * s, 0, "dark"),
            _p("canopy", "ellipse", 0.6 * s, 0.6 * s, 1, "main"),
        )
    if archetype is A.PLANT:
        return (
            _p("stem", "capsule", 0.06 * s, 0.7 * s, 0, "dark"),
            _p("bloom", "circle", 0.45 * s, 0.45 * s, 1, "main"),
        )
    if archetype is A.BUILDING:
        return (
            _p("walls", "box", 0.7 * s, s, 0, "main"),
            _p("roof", "triangle", 0.8 * s, 0.25 * s, 1, "accent"),
        )
    if archetype is A.FURNITURE:
        return (
            _p("legs", "box", 1.1 * s, 0.9 * s, 0, "dark"),
            _p("top", "rounded_box", 1.3 * s, 0.12 * s, 1, "main"),
        )
    if archetype is A.CONTAINER:
        # an open vessel: two walls and a floor, drawn as glass over its fluid
        return (
            _p("floor", "box", 0.6 * s, 0.06 * s, 0, "main"),
            _p("wall_left", "box", 0.05 * s, s, 1, "main"),
            _p("wall_right", "box", 0.05 * s, s, 2, "main"),
        )
    apparatus = apparatus_parts(archetype, size)
    if apparatus is not None:
        return apparatus
    raise ValueError(f"no rig for archetype {archetype}")


# how far below the hips a skirt, dress, robe, tutu or coat reaches, per size
SKIRT_LENGTH = {"dress": 0.3, "skirt": 0.24, "robe": 0.5, "tutu": 0.1, "coat": 0.26}


def humanoid_parts(s: float, b: Proportions) -> tuple[PartSpec, ...]:
    """A biped's jointed parts for a body of height ``s`` with proportions ``b``."""
    arm_w, leg_w = 0.065 * s * b.limb_w, 0.09 * s * b.limb_w
    return (
        _p("upper_arm_far", "capsule", arm_w, b.upper_arm * s, 0, "far_limb"),
        _p("lower_arm_far", "capsule", 0.85 * arm_w, b.forearm * s, 1, "far_limb"),
        _p("thigh_far", "capsule", leg_w, b.thigh * s, 4, "far_limb"),
        _p("shin_far", "capsule", 0.89 * leg_w, b.shin * s, 5, "far_limb"),
        _p("torso", "capsule", b.torso_w * s, b.torso_h * s, 8, "main"),
        _p("thigh_near", "capsule", leg_w, b.thigh * s, 9, "limb"),
        _p("shin_near", "capsule", 0.89 * leg_w, b.shin * s, 10, "limb"),
        _p("head", "circle", b.head * s, b.head * s, 12, "skin"),
        _p("upper_arm_near", "capsule", arm_w, b.upper_arm * s, 13, "limb"),
        _p("lower_arm_near", "capsule", 0.85 * arm_w, b.forearm * s, 14, "limb"),
    )


def attached_parts(archetype: Archetype, size: float,
                   look: Appearance | None = None) -> tuple[PartSpec, ...]:
    """Parts that ride on the jointed ones without joints of their own.

    An animal's neck (``neck``), reaching from its head back into its body. A humanoid's
    hands (``hand_near``/``hand_far``: where held things are gripped), long hair hanging
    behind the head (``hair``) and a skirt, dress, robe or coat tail flaring from the hips
    (``skirt``). Their transforms come from ``poses.attach`` and ``poses.attach_animal``."""
    if archetype is Archetype.QUADRUPED:
        return (_p("neck", "capsule", 0.2 * size, 0.55 * size, 2, "main"),)
    if archetype is not Archetype.HUMANOID:
        return ()
    look = look or PLAIN
    s, b = size, look.body
    hand = 0.075 * s * b.limb_w ** 0.5
    parts = [_p("hand_far", "circle", hand, hand, 2, "far_limb"),
             _p("hand_near", "circle", hand, hand, 15, "skin")]
    if look.long_hair:
        long = look.hair_style == "long"
        parts.append(_p("hair", "capsule", b.head * s * (0.62 if long else 0.34),
                        b.head * s * (1.35 if long else 1.0), 7, "detail"))
    if look.skirted:
        flare = 2.6 if look.outfit == "tutu" else 1.45
        parts.append(_p("skirt", "trapezoid", b.torso_w * s * flare,
                        SKIRT_LENGTH[look.outfit] * s, 11, "main"))
    return tuple(parts)


def all_parts(archetype: Archetype, size: float,
              look: Appearance | None = None) -> tuple[PartSpec, ...]:
    """Every part an entity frame carries: jointed ones and attached ones."""
    return rig_parts(archetype, size, look) + attached_parts(archetype, size, look)


def footprint(archetype: Archetype, size: float, kind: str = "") -> tuple[float, float]:
    """Width and height of the entity's bounding box at rest, in metres.

    Things drawn from art measure their artwork (pass ``kind``); without a kind, a prop
    is taken as a square.
    """
    art = artwork_of(kind) if kind and archetype is not Archetype.HUMANOID else None
    if art is not None:
        return art_box(archetype, size, art)
    parts = rig_parts(archetype, size)
    if archetype is Archetype.QUADRUPED:
        return 1.6 * size, 1.1 * size
    if archetype is Archetype.VEHICLE:
        return 2.6 * size, size
    if archetype in (Archetype.HUMANOID, Archetype.ROCKET):
        return 0.45 * size, size
    if archetype is Archetype.BUILDING:
        return 0.8 * size, 1.25 * size
    if archetype is Archetype.TREE:
        return 0.6 * size, size
    if archetype in APPARATUS_FOOTPRINT:
        w, h = APPARATUS_FOOTPRINT[archetype]
        return w * size, h * size
    width = max(p.w for p in parts)
    height = max(p.h for p in parts)
    return width, height


# ── apparatus of the physics showcases ─────────────────────────────────────────────────
# Each is drawn looking right (its business end towards +x) with the root at the centre
# of its footprint. Measures are metres at the kind's nominal size, scaled with ``size``.

HOOP_NOMINAL = 3.95  # top of the backboard; the rim is at 3.05 m
GOAL_NOMINAL = 2.44  # crossbar height
PENDULUM_PIVOT = 0.45  # pivot height above the root, per size
PENDULUM_LENGTH = 0.72  # pivot to bob centre, per size
POOL_DEPTH = 0.3  # basin depth per length
POOL_WALL = 0.025  # wall and floor thickness per length
POOL_FREEBOARD = 0.02  # deck to water surface per length

APPARATUS_FOOTPRINT = {
    Archetype.HOOP: (1.34 / HOOP_NOMINAL, 1.0),
    Archetype.GOAL: (1.7 / GOAL_NOMINAL, 1.0),
    Archetype.PENDULUM: (0.6, 1.0),
    Archetype.POOL: (1.0, POOL_DEPTH),
}


@dataclass(frozen=True, slots=True)
class HoopGeometry:
    """Where a hoop's working parts are, relative to its root, looking right (metres)."""

    ground: float  # y of the floor
    rim_y: float
    rim_near: float  # x of the inner edge of the rim next to the board
    rim_far: float  # x of the inner edge of the rim away from the board
    rim_tube: float  # radius of the rim's tube
    board_x: float  # x of the backboard's face
    board_bottom: float
    board_top: float
    pole_x: float
    net_depth: float


def hoop_geometry(size: float) -> HoopGeometry:
    """A hoop of height ``size`` (regulation proportions at 3.95 m)."""
    k = size / HOOP_NOMINAL
    ground = -0.5 * size
    return HoopGeometry(ground=ground, rim_y=ground + 3.05 * k, rim_near=0.15 * k,
                        rim_far=0.6 * k, rim_tube=0.02 * k, board_x=0.0,
                        board_bottom=ground + 2.9 * k, board_top=ground + 3.95 * k,
                        pole_x=-0.61 * k, net_depth=0.42 * k)


@dataclass(frozen=True, slots=True)
class GoalGeometry:
    """A goal's mouth, roof and back, relative to its root, mouth towards +x (metres)."""

    ground: float
    mouth_x: float
    bar_y: float  # crossbar height (centre of the bar)
    bar_radius: float
    roof_back_x: float  # where the flat roof of the net ends
    back_x: float  # where the sloping back of the net meets the ground


def goal_geometry(size: float) -> GoalGeometry:
    """A goal whose crossbar is ``size`` high (a full-size goal is 2.44 m)."""
    k = size / GOAL_NOMINAL
    ground = -0.5 * size
    return GoalGeometry(ground=ground, mouth_x=0.8 * k, bar_y=ground + 2.38 * k,
                        bar_radius=0.06 * k, roof_back_x=-0.1 * k, back_x=-0.8 * k)


def apparatus_parts(archetype: Archetype, size: float) -> tuple[PartSpec, ...] | None:
    """Rig parts of the showcase apparatus (None for other archetypes)."""
    s = size
    if archetype is Archetype.HOOP:
        k = s / HOOP_NOMINAL
        return (
            _p("pole", "box", 0.11 * k, 3.25 * k, 0, "dark"),
            _p("arm", "box", 0.55 * k, 0.07 * k, 1, "dark"),
            _p("board", "box", 0.06 * k, 1.05 * k, 2, "glass"),
            _p("net", "box", 0.47 * k, 0.42 * k, 3, "detail"),
            _p("rim", "box", 0.49 * k, 0.04 * k, 4, "main"),
        )
    if archetype is Archetype.GOAL:
        k = s / GOAL_NOMINAL
        return (
            _p("net", "box", 1.6 * k, 2.44 * k, 0, "detail"),
            _p("post", "box", 0.1 * k, 2.44 * k, 1, "main"),
            _p("bar", "circle", 0.12 * k, 0.12 * k, 2, "main"),
        )
    if archetype is Archetype.PENDULUM:
        return (
            _p("stand", "box", 0.6 * s, s, 0, "dark"),
            _p("rod", "box", 0.012 * s, PENDULUM_LENGTH * s, 1, "dark"),
            _p("bob", "circle", 0.16 * s, 0.16 * s, 2, "main"),
        )
    if archetype is Archetype.POOL:
        inner = (1.0 - 2 * POOL_WALL) * s
        water = (POOL_DEPTH - POOL_WALL - POOL_FREEBOARD) * s
        return (
            _p("basin", "box", s, POOL_DEPTH * s, 0, "main"),
            _p("water", "box", inner, water, 1, "glass"),
            _p("ladder", "box", 0.05 * s, 0.34 * s, 2, "accent"),
        )
    return None
