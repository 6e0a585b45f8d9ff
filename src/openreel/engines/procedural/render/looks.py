"""Styles as looks: what each style does to materials, light, lens, medium and scenery.

A look is plain data. The painters read its ``material`` (how a shape is filled and
inked), the shadow pass its ``shadow``, the once-per-shot scenery pass its ``scenery``,
and the finishing passes (``render.finish``) its ``grade``, ``lens`` and ``medium``.
Lengths in pixels are given for a frame 720 pixels wide and scale with the frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from openreel.spec import Style

RGB = tuple[int, int, int]


class Shading(StrEnum):
    """How a filled shape turns from its lit side to its shadow side."""

    GRADIENT = "gradient"  # a rounded form: highlight, midtone, core shadow, smoothly
    SOFT = "soft"  # soft cel: two tones joined by a narrow soft band
    CEL = "cel"  # two flat tones with a hard terminator


@dataclass(frozen=True)
class Material:
    """How painters fill and ink a shape, whether drawn from a rig or from artwork."""

    shading: Shading = Shading.SOFT
    outline: float = 0.0  # ink width in pixels
    ink: RGB = (22, 18, 32)
    shadow: float = 0.8  # the shadow tone as a multiple of the lit colour
    specular: float = 0.0  # strength of the highlight where the light glances off
    texture: float = 0.0  # strength of a fine material grain (cloth, paint, skin)
    bands: int = 0  # artwork: lightness bands it is flattened into (0 keeps its gradients)
    saturation: float = 1.0  # artwork: chroma scale of its colours


@dataclass(frozen=True)
class Grade:
    """The colour grade of the whole frame."""

    saturation: float = 1.0
    contrast: float = 1.0  # S-curve strength about mid grey (1 leaves it)
    exposure: float = 1.0
    lift: float = 0.0  # raised (+) or crushed (-) blacks, 0..1 of full scale
    filmic: bool = False  # highlights roll off like film instead of clipping
    shadows: RGB = (128, 128, 128)  # colour pushed into the shadows (mid grey: none)
    highlights: RGB = (128, 128, 128)  # colour pushed into the highlights
    split: float = 0.0  # strength of that split toning
    monochrome: bool = False


@dataclass(frozen=True)
class Lens:
    """What the camera's glass and film add."""

    vignette: float = 0.0
    vignette_colour: RGB = (0, 0, 0)
    grain: float = 0.0
    bloom: float = 0.0  # glow around light sources and bright highlights
    threshold: float = 0.85  # brightness (0..1) where bloom starts
    streak: float = 0.0  # anamorphic horizontal streaks from bright lights
    glow: float = 0.0  # soft dreamy glow over the whole picture
    aberration: float = 0.0  # colour fringe at the frame corners, pixels
    depth_of_field: float = 0.0  # backdrop blur on wide shots, as a fraction of the width
    letterbox: float = 0.0  # fraction of the height covered by each bar


@dataclass(frozen=True)
class Medium:
    """What the picture is made of, when it is not film."""

    paper: float = 0.0  # watercolour paper: its tooth, and unpainted margins
    bleed: float = 0.0  # how far washes wander from the drawn edge, pixels
    pigment: float = 0.0  # pigment pooling where washes meet
    pixel: int = 1  # render this many times smaller, then scale up without smoothing
    colours: int = 0  # a limited palette of this many colours (0: unlimited)


@dataclass(frozen=True)
class Scenery:
    """What happens to the painted backdrop once per shot."""

    sky_bands: int = 0  # a flat sky in this many bands of colour
    big_clouds: bool = False  # towering stylised clouds
    flat: int = 0  # backdrop layers flattened into this many tones (0 keeps them)
    wash: float = 0.0  # backdrop layers softened into washes
    texture: float = 0.0  # a material grain on the backdrop layers (plaster, bark, leaves)
    dim: float = 0.0  # the backdrop darkened by this much, so lit figures stand out
    blinds: float = 0.0  # hard light through window blinds across the frame
    flare: float = 0.0  # a lens flare from the brightest light in the sky
    sparkles: int = 0  # glints around the light


@dataclass(frozen=True)
class Shadow:
    """Cast shadows and contact shadows under everything on the ground."""

    strength: float = 1.0
    hardness: float = 0.0  # 0: a soft falloff, 1: a crisp edge
    length: float = 1.0  # multiple of the length the sun's height gives
    contact: float = 0.0  # ambient occlusion where a thing meets the ground


@dataclass(frozen=True)
class Look:
    """What a style does to the picture."""

    material: Material = field(default_factory=Material)
    grade: Grade = field(default_factory=Grade)
    lens: Lens = field(default_factory=Lens)
    medium: Medium = field(default_factory=Medium)
    scenery: Scenery = field(default_factory=Scenery)
    shadow: Shadow = field(default_factory=Shadow)
    speed_lines: bool = False  # ink streaks behind fast movers instead of motion blur
    motion_blur: bool = True  # fading copies behind fast movers (when no speed lines)


LOOKS: dict[Style, Look] = {
    Style.ANIMATED: Look(
        material=Material(Shading.SOFT, shadow=0.8, specular=0.3),
        grade=Grade(saturation=1.22, contrast=1.06, exposure=1.04),
        lens=Lens(vignette=0.12)),
    Style.ANIME: Look(
        material=Material(Shading.CEL, outline=4.5, shadow=0.7, specular=0.55, bands=3,
                          saturation=1.25),
        grade=Grade(saturation=1.3, contrast=1.12, exposure=1.03,
                    shadows=(90, 110, 190), split=0.18),
        scenery=Scenery(sky_bands=4, big_clouds=True, flat=4, flare=0.9, sparkles=9),
        shadow=Shadow(strength=0.8, hardness=0.7), speed_lines=True),
    Style.PHOTOREAL: Look(
        material=Material(Shading.GRADIENT, shadow=0.55, specular=0.4, texture=0.35),
        grade=Grade(saturation=0.86, contrast=1.14, exposure=0.98, filmic=True,
                    shadows=(110, 125, 140), highlights=(150, 135, 115), split=0.12),
        lens=Lens(vignette=0.3, grain=0.1, bloom=0.5, threshold=0.82, aberration=1.6,
                  depth_of_field=0.0022),
        scenery=Scenery(texture=1.0),
        shadow=Shadow(strength=1.0, length=1.2, contact=1.0)),
    Style.CINEMATIC: Look(
        material=Material(Shading.GRADIENT, shadow=0.62, specular=0.35, texture=0.25),
        grade=Grade(saturation=0.92, contrast=1.25, exposure=0.95, filmic=True,
                    shadows=(20, 120, 140), highlights=(255, 150, 70), split=0.26),
        lens=Lens(vignette=0.55, grain=0.16, bloom=0.35, threshold=0.8, streak=0.7,
                  aberration=0.8, depth_of_field=0.003, letterbox=0.1),
        scenery=Scenery(texture=0.6),
        shadow=Shadow(strength=1.1, length=1.5, contact=0.6)),
    Style.SURREAL: Look(
        material=Material(Shading.SOFT, shadow=0.78, specular=0.45),
        grade=Grade(saturation=1.3, contrast=0.95, lift=0.05, shadows=(100, 40, 170),
                    highlights=(255, 190, 215), split=0.35),
        lens=Lens(vignette=0.4, vignette_colour=(70, 10, 90), glow=0.45),
        scenery=Scenery(sparkles=14),
        shadow=Shadow(strength=0.7)),
    Style.NOIR: Look(
        material=Material(Shading.CEL, shadow=0.42, specular=0.5, bands=2),
        grade=Grade(monochrome=True, contrast=1.75, lift=-0.03, exposure=1.1),
        lens=Lens(vignette=0.7, grain=0.38, bloom=0.3, threshold=0.85),
        scenery=Scenery(blinds=0.55, dim=0.35),
        shadow=Shadow(strength=1.5, hardness=1.0, length=1.8)),
    Style.WATERCOLOR: Look(
        material=Material(Shading.SOFT, shadow=0.86, saturation=0.9),
        grade=Grade(saturation=0.82, contrast=0.82, lift=0.07, exposure=1.04),
        medium=Medium(paper=0.8, bleed=2.5, pigment=0.7),
        scenery=Scenery(wash=1.0),
        shadow=Shadow(strength=0.6)),
    Style.PIXEL: Look(
        material=Material(Shading.CEL, outline=6.0, shadow=0.68, bands=3, saturation=1.2),
        grade=Grade(saturation=1.2, contrast=1.1),
        medium=Medium(pixel=6, colours=16),
        shadow=Shadow(hardness=1.0), motion_blur=False),
}
