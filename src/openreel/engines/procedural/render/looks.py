"""Styles as looks: outlines, shading, grade, grain, vignette, letterbox, paper, pixels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import skia

from openreel.spec import Style


@dataclass(frozen=True)
class Look:
    """What a style does to the picture."""

    outline: float = 0.0  # stroke width in pixels at 720 px wide
    cel: bool = False  # two-tone shading instead of gradients
    grade: tuple[float, ...] | None = None  # 4×5 colour matrix over the whole frame
    grain: float = 0.0  # 0..1
    vignette: float = 0.0  # 0..1
    letterbox: float = 0.0  # fraction of the height covered by each bar
    paper: float = 0.0  # watercolour paper texture strength
    pixel: int = 1  # render this many times smaller, then scale up without smoothing
    speed_lines: bool = False


def _saturate(s: float, contrast: float = 1.0, lift: float = 0.0) -> tuple[float, ...]:
    lr, lg, lb = 0.2126, 0.7152, 0.0722
    c = contrast
    off = (1 - c) / 2 + lift
    return (
        c * (lr * (1 - s) + s), c * lg * (1 - s), c * lb * (1 - s), 0, off,
        c * lr * (1 - s), c * (lg * (1 - s) + s), c * lb * (1 - s), 0, off,
        c * lr * (1 - s), c * lg * (1 - s), c * (lb * (1 - s) + s), 0, off,
        0, 0, 0, 1, 0,
    )


LOOKS: dict[Style, Look] = {
    Style.ANIMATED: Look(cel=False, vignette=0.15),
    Style.ANIME: Look(outline=3.0, cel=True, grade=_saturate(1.25, 1.05), speed_lines=True),
    Style.CINEMATIC: Look(grade=(1.08, 0.02, -0.04, 0, 0.0, -0.02, 1.0, 0.02, 0, 0.0,
                                 -0.06, 0.06, 1.0, 0, 0.035, 0, 0, 0, 1, 0),
                          grain=0.35, vignette=0.5, letterbox=0.1),
    Style.PHOTOREAL: Look(grade=_saturate(0.92, 1.04), grain=0.12, vignette=0.25),
    Style.SURREAL: Look(grade=_saturate(1.3, 0.95, 0.03), vignette=0.3),
    Style.NOIR: Look(outline=0.0, grade=_saturate(0.0, 1.35, -0.02), grain=0.6, vignette=0.7),
    Style.WATERCOLOR: Look(grade=_saturate(0.85, 0.9, 0.06), paper=0.5),
    Style.PIXEL: Look(outline=0.0, cel=True, pixel=6, grade=_saturate(1.2)),
}


class Finish:
    """Pre-made overlays for a look at one frame size."""

    def __init__(self, look: Look, width: int, height: int, seed: int) -> None:
        self.look, self.width, self.height = look, width, height
        # a light vignette is painted into the cached backdrop, saving a full-frame draw
        self.vignette_in_backdrop = look.vignette <= 0.25
        rng = np.random.default_rng(seed + 5)
        self.grain: list[skia.Image] = []
        if look.grain > 0:
            for _ in range(4):
                noise = rng.normal(128, 40, (256, 256)).clip(0, 255).astype(np.uint8)
                rgba = np.dstack([noise, noise, noise, np.full_like(noise, int(60 * look.grain))])
                self.grain.append(skia.Image.fromarray(np.ascontiguousarray(rgba),
                                                       colorType=skia.kRGBA_8888_ColorType,
                                                       alphaType=skia.kUnpremul_AlphaType))
        self.vignette: skia.Image | None = None
        if look.vignette > 0:
            # painted once; per frame it is one image draw
            r = max(width, height) * 0.75
            shader = skia.GradientShader.MakeRadial(
                skia.Point(width / 2, height / 2), r,
                [skia.Color(0, 0, 0, 0), skia.Color(0, 0, 0, 0),
                 skia.Color(0, 0, 0, int(200 * look.vignette))], [0.0, 0.55, 1.0])
            surface = skia.Surface(width, height)
            surface.getCanvas().clear(skia.ColorTRANSPARENT)
            surface.getCanvas().drawRect(skia.Rect.MakeWH(width, height), skia.Paint(Shader=shader))
            self.vignette = surface.makeImageSnapshot()
        self.paper = None
        if look.paper > 0:
            small = rng.normal(0, 1, (64, 64))
            tex = np.kron(small, np.ones((4, 4)))
            tex = (128 + 30 * tex + rng.normal(0, 12, tex.shape)).clip(0, 255).astype(np.uint8)
            rgba = np.dstack([tex, tex, tex, np.full_like(tex, int(90 * look.paper))])
            image = skia.Image.fromarray(np.ascontiguousarray(rgba),
                                         colorType=skia.kRGBA_8888_ColorType,
                                         alphaType=skia.kUnpremul_AlphaType)
            self.paper = skia.Paint(Shader=image.makeShader(skia.TileMode.kRepeat,
                                                            skia.TileMode.kRepeat))
            self.paper.setBlendMode(skia.BlendMode.kOverlay)

    def apply(self, canvas: skia.Canvas, frame: int) -> None:
        """Draw the overlays of the look over a finished frame."""
        w, h = self.width, self.height
        if self.paper is not None:
            canvas.drawRect(skia.Rect.MakeWH(w, h), self.paper)
        if self.grain:
            tile = self.grain[frame % len(self.grain)]
            paint = skia.Paint(Shader=tile.makeShader(skia.TileMode.kRepeat,
                                                      skia.TileMode.kRepeat))
            paint.setBlendMode(skia.BlendMode.kOverlay)
            canvas.drawRect(skia.Rect.MakeWH(w, h), paint)
        if self.vignette is not None and not self.vignette_in_backdrop:
            canvas.drawImage(self.vignette, 0, 0)
        if self.look.letterbox > 0:
            bar = h * self.look.letterbox if h > w else h * self.look.letterbox * 0.6
            black = skia.Paint(Color=skia.Color(0, 0, 0))
            canvas.drawRect(skia.Rect.MakeLTRB(0, 0, w, bar), black)
            canvas.drawRect(skia.Rect.MakeLTRB(0, h - bar, w, h), black)
