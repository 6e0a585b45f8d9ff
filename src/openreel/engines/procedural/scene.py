"""What the simulation hands to the renderer, the sound mixer and the annotations.

The simulation is the only writer of these records (plus the speech stage, which
fills ``EntityFrame.mouth``); the renderer and the mixer only read them. World
units: metres, seconds, radians (counter-clockwise), y up, ground at y = 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from openreel.engines.procedural.personas import Appearance
from openreel.spec import Archetype, Environment

GROUND = "ground"


@dataclass(frozen=True, slots=True)
class Transform:
    """Where a rig part sits in the world: centre and rotation."""

    x: float
    y: float
    angle: float = 0.0


@dataclass(frozen=True, slots=True)
class Outline:
    """A part drawn as a polygon instead of a rig shape: a shard of glass, a bat."""

    points: tuple[tuple[float, float], ...]  # metres, in the frame of the part's Transform
    colour: tuple[int, int, int]
    glassy: bool = False  # drawn see-through with a bright edge


@dataclass(slots=True)
class EntityFrame:
    """One entity instance in one frame."""

    uid: str  # unique per instance: "ball" or "ball.2" for the third of a group
    group: str  # the storyboard Entity.id it came from
    kind: str
    archetype: Archetype
    colour: tuple[int, int, int]
    material: str
    size: float  # metres (height, or diameter of round things)
    x: float
    y: float
    angle: float
    vx: float
    vy: float
    parts: dict[str, Transform]  # world transforms for every part of rigs.all_parts(...)
    facing: int = 1  # +1 looks right, -1 looks left
    squash: float = 1.0  # <1 squashed, >1 stretched, along squash_angle
    squash_angle: float = 0.0
    mouth: float = 0.0  # 0 closed … 1 wide open (set by the speech stage)
    blink: float = 0.0  # 0 open … 1 closed
    depth: float = 0.0  # 0 = on the stage plane; larger = further back (parallax, haze)
    visible: bool = True
    extra: dict[str, float] = field(default_factory=dict)  # flame, fill level, glow …
    # polygon parts placed by ``parts`` under the same name (shards, a bat); with
    # extra["broken"] the rig itself is gone and only these are drawn
    outlines: dict[str, Outline] = field(default_factory=dict)
    look: Appearance | None = None  # a character's body, skin, hair and clothes
    painted: bool = False  # its colour was asked for (art is recoloured only then)


FOREGROUND_MOST = 8.0  # a thing brought forward is drawn at most this many times larger


def foreground_scale(depth: float) -> float:
    """How much larger a thing brought forward of the stage looks (depth below zero)."""
    return min(1.0 - depth, FOREGROUND_MOST) if depth < -0.01 else 1.0


def foreground_drop(depth: float, height: float) -> float:
    """How far (metres) below the stage's ground line a thing brought forward stands, for
    a thing ``height`` tall at its own size: nearer the lens, its foot is lower in the
    frame, which is what makes it read as near rather than as a giant."""
    k = foreground_scale(depth)
    return min(0.5 * (k - 1.0), 0.3 * k) * height


ContactKind = Literal["impact", "splash", "footstep", "explosion", "pour", "shatter", "swish",
                      "net", "firework"]


@dataclass(frozen=True, slots=True)
class Contact:
    """A collision or event that should be heard on the frame it happens."""

    t: float  # seconds from the start of the clip
    kind: ContactKind
    a: str  # uid
    b: str  # uid or GROUND
    x: float
    y: float
    impulse: float  # N·s, drives loudness
    material_a: str
    material_b: str


@dataclass(slots=True)
class ContinuousSound:
    """A sound whose level follows the action frame by frame (rolling, engines, flames)."""

    uid: str
    kind: Literal["roll", "slide", "engine", "flame", "wind", "water", "wings", "propeller"]
    material: str
    level: np.ndarray  # per frame of the shot, 0..1
    pan: np.ndarray  # per frame of the shot, world x of the source (metres)


@dataclass(slots=True)
class Particles:
    """A cloud of small things: fluid, spray, sparks, smoke, dust, debris, confetti."""

    kind: Literal["water", "splash", "spark", "smoke", "dust", "debris", "fire", "bubble",
                  "soap"]
    xy: np.ndarray  # (n, 2) float32 world positions
    size: np.ndarray  # (n,) float32 radius in metres
    life: np.ndarray  # (n,) float32 0 (new) … 1 (about to vanish)
    colour: tuple[int, int, int] = (255, 255, 255)


@dataclass(slots=True)
class FrameState:
    """Everything on stage at one output frame."""

    index: int  # frame number in the whole clip
    t: float  # seconds from the start of the clip
    shot: int
    entities: list[EntityFrame]
    particles: list[Particles] = field(default_factory=list)


@dataclass(slots=True)
class ShotSimulation:
    """A simulated shot: one FrameState per output frame plus its sound events."""

    shot: int
    start: float  # seconds from the start of the clip
    fps: int
    environment: Environment
    gravity: float
    frames: list[FrameState]
    contacts: list[Contact]
    continuous: list[ContinuousSound]
    stage_width: float
    water_level: float | None = None  # y of a water surface when the place has one
