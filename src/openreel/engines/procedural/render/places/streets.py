"""Towns and cities: rows of buildings with lit windows, from a far skyline to the shop
fronts along the pavement."""

from __future__ import annotations

from dataclasses import dataclass

import skia

from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.render.places.canvas import Context, fill, vertical


@dataclass(frozen=True)
class Skyline:
    """A row of buildings: ``height`` is the tallest in frame heights, ``widths`` the range
    of their widths; windows glow warm at night."""

    colour: RGB = (78, 80, 100)
    height: float = 0.4
    widths: tuple[float, float] = (0.06, 0.14)
    low: float = 0.4  # the shortest, as a fraction of the tallest
    palette: tuple[RGB, ...] = ()  # facades in varied colours (else shades of ``colour``)
    lift: float = 0.0
    haze: float = 0.0
    glass: bool = False  # curtain-wall towers: bands of glazing rather than windows

    def paint(self, canvas: skia.Canvas, ctx: Context) -> None:
        """Paint the row from left to right."""
        f, rng = ctx.frame, ctx.rng
        base = f.g - f.px(self.lift)
        x = -f.px(0.02)
        lit = (255, 215, 130)
        while x < f.w:
            bw = f.px(rng.uniform(*self.widths))
            bh = f.px(self.height) * rng.uniform(self.low, 1.0)
            tint = (self.palette[int(rng.integers(len(self.palette)))] if self.palette
                    else shade(self.colour, rng.uniform(0.85, 1.12)))
            body = ctx.tone(tint, self.haze)
            rect = skia.Rect.MakeXYWH(x, base - bh, bw, bh)
            canvas.drawRect(rect, vertical(shade(body, 1.08), shade(body, 0.9), rect.top(),
                                           rect.bottom()))
            canvas.drawRect(skia.Rect.MakeXYWH(x, base - bh, bw, f.px(0.006)),
                            fill(shade(body, 1.2)))
            if self.glass:
                sky = mix(ctx.light.sky_top, ctx.light.sky_bottom, 0.5)
                for k, band in enumerate(range(int(base - bh + f.px(0.01)), int(base), max(
                        int(f.px(0.02)), 3))):
                    tone = mix(body, sky, 0.5 if k % 2 else 0.3)
                    if ctx.light.night and rng.random() < 0.5:
                        tone = mix(tone, lit, 0.6)
                    canvas.drawRect(skia.Rect.MakeXYWH(x + f.px(0.004), band, bw - f.px(0.008),
                                                       f.px(0.012)), fill(tone))
            else:
                pane_w, pane_h = f.px(0.006), f.px(0.009)
                wy = base - bh + f.px(0.012)
                while wy < base - f.px(0.02):
                    wx = x + f.px(0.006)
                    while wx < x + bw - pane_w - f.px(0.004):
                        on = rng.random() < (0.45 if ctx.light.night else 0.85)
                        if on:
                            glass = lit if ctx.light.night else shade(body, 1.3)
                            canvas.drawRect(skia.Rect.MakeXYWH(wx, wy, pane_w, pane_h),
                                            fill(glass, 220))
                        wx += pane_w * 1.9
                    wy += pane_h * 1.7
            x += bw + f.px(rng.uniform(0.0, 0.01))
