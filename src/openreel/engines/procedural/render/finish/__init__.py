"""Finishing passes: what a look does to a whole frame once it is drawn.

``Finisher`` is built once per renderer (its grade tables, lens maps, paper), and
``Finisher.shot`` once per shot (the made-over backdrop, flares, blinds, palette); each
frame then runs a fixed chain of vectorised passes over its RGBA bytes:

    glow → colour fringes → blinds → grade → watercolour washes → palette → film → paper
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import cv2
import numpy as np
import skia

from openreel.engines.procedural.render.backdrop import Backdrop
from openreel.engines.procedural.render.finish.accents import Accents, plan_accents
from openreel.engines.procedural.render.finish.grade import ColourGrade
from openreel.engines.procedural.render.finish.lens import UNIT, LensPasses
from openreel.engines.procedural.render.finish.media import (
    Palette,
    PixelArt,
    Watercolour,
    palette_of,
)
from openreel.engines.procedural.render.finish.scenery import restyle_backdrop
from openreel.engines.procedural.render.images import to_array
from openreel.engines.procedural.render.looks import Look
from openreel.engines.procedural.render.palette import RGB, Light


@dataclass
class ShotFinish:
    """What the finishing passes keep for one shot."""

    backdrop: Backdrop | None
    accents: Accents
    palette: Palette | None
    grade: ColourGrade | None = None  # the look's grade metered for this shot's light


METERED_GREY = 0.3  # the mean grey a metered look exposes a dark shot up to


class Finisher:
    """The finishing passes of one look at one frame size."""

    def __init__(self, look: Look, width: int, height: int, seed: int) -> None:
        self.look, self.width, self.height = look, width, height
        self.grade = ColourGrade(look.grade)
        medium = look.medium
        self.watercolour = (Watercolour(medium, width, height, seed)
                            if medium.paper > 0 or medium.bleed > 0 or medium.pigment > 0
                            else None)
        texture = self.watercolour.texture if self.watercolour is not None else None
        self.lens = LensPasses(look.lens, width, height, seed, texture)
        self.pixels = PixelArt(medium, width, height) if medium.colours else None

    def shot(self, backdrop: Backdrop | None, light: Light, *, outdoor: bool, ground_px: float,
             close: bool, seed: int) -> ShotFinish:
        """Prepare a shot: its backdrop made over, and its accents."""
        accents = Accents()
        if backdrop is not None:
            backdrop = restyle_backdrop(backdrop, self.look, light, outdoor=outdoor,
                                        ground_px=ground_px, close=close, seed=seed)
            accents = plan_accents(self.look.scenery, to_array(backdrop.sky), light, ground_px,
                                   outdoor, self.width, self.height, seed)
        return ShotFinish(backdrop, accents, None)

    def choose_palette(self, shot: ShotFinish, sample: np.ndarray, cast: Iterable[RGB]) -> None:
        """Choose a shot's limited palette from a drawn, unfinished frame of it and the
        colours of its cast, then grade it as the frames will be."""
        colours = palette_of([sample[..., :3]], cast, self.look.medium.colours)
        graded = np.dstack([colours.astype(np.uint8).reshape(1, -1, 3),
                            np.full((1, len(colours), 1), 255, np.uint8)])
        self.grade.apply(graded)
        shot.palette = Palette(np.unique(graded[0, :, :3].astype(np.float32), axis=0))

    @property
    def meters(self) -> bool:
        """Whether the grade is set per shot from its light: noir's hard curve would crush
        a night scene to black, so it exposes for the scene the way a camera meters."""
        return self.look.grade.monochrome

    def meter(self, shot: ShotFinish, sample: np.ndarray) -> None:
        """Expose a shot from a drawn, unfinished frame of it: a dark scene is opened up
        (at most 2.5 stops' worth of gain) until its mean grey is that of a dim interior."""
        grey = float(cv2.cvtColor(np.ascontiguousarray(sample[..., :3]),
                                  cv2.COLOR_RGB2GRAY).mean()) / 255.0
        gain = min(max(METERED_GREY / max(grey, 1e-3), 1.0), 2.5)
        if gain > 1.01:
            shot.grade = ColourGrade(replace(self.look.grade,
                                             exposure=self.look.grade.exposure * gain))

    def overlay(self, canvas: skia.Canvas, pixels: np.ndarray, shot: ShotFinish,
                t: float) -> None:
        """Draw the look's light accents (flares, sparkles, motes) over a drawn scene whose
        bytes are ``pixels``."""
        shot.accents.draw(canvas, pixels, t)

    def apply(self, rgba: np.ndarray, frame: int, shot: ShotFinish) -> None:
        """Run the chain of passes over a drawn (h, w, 4) uint8 frame, in place."""
        self.lens.glow(rgba)
        self.lens.aberration(rgba)
        if shot.accents.blinds is not None:
            cv2.multiply(rgba, shot.accents.blinds, dst=rgba, scale=1 / UNIT)
        (shot.grade or self.grade).apply(rgba)
        if self.watercolour is not None:
            self.watercolour.wash(rgba)
        if self.pixels is not None and shot.palette is not None:
            self.pixels.apply(rgba, shot.palette)
        self.lens.film(rgba, frame)
        if self.watercolour is not None:
            self.watercolour.margin(rgba)
