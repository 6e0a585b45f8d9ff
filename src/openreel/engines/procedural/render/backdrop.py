"""Backdrops: sky, far and mid parallax layers and the ground of every place.

Static layers are painted once per shot into images; each frame only places
them (with parallax) and draws the ground band, so frames stay cheap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import skia

from openreel.engines.procedural.render.palette import RGB, Light, mix, shade
from openreel.spec import PLACES, Environment

PLACE_GROUND: dict[str, RGB] = {
    "grass": (104, 160, 80), "sand": (226, 200, 150), "asphalt": (72, 74, 82),
    "snow": (236, 240, 246), "stone": (140, 134, 126), "regolith": (150, 150, 150),
    "wood": (168, 118, 74), "water": (40, 110, 150), "metal": (150, 155, 165),
    "ice": (200, 225, 240), "glass": (190, 210, 220), "rubber": (70, 70, 70),
    "fabric": (150, 90, 80), "none": (0, 0, 0),
}
MARS_GROUND: RGB = (190, 110, 70)


def _c(rgb: RGB, a: int = 255) -> int:
    return skia.Color(int(rgb[0]), int(rgb[1]), int(rgb[2]), a)


def _paint(rgb: RGB, a: int = 255, blur: float = 0.0) -> skia.Paint:
    p = skia.Paint(Color=_c(rgb, a), AntiAlias=True)
    if blur > 0:
        p.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
    return p


@dataclass
class Backdrop:
    """The painted layers of one shot."""

    sky: skia.Image
    far: skia.Image | None
    mid: skia.Image | None
    ground: RGB
    ground_texture: skia.Shader | None
    near: skia.Image | None
    has_ground: bool
    water_surface: bool


def paint_backdrop(env: Environment, light: Light, width: int, height: int,
                   ground_px: float, seed: int, surreal: bool = False) -> Backdrop:
    """Paint the static layers of a place for frames of this size."""
    rng = np.random.default_rng(seed)
    place = PLACES[env.place]
    sky = _sky(env, light, width, height, ground_px, rng, surreal)
    far_w = int(width * 2.2)
    far = skia.Surface(far_w, height)
    mid = skia.Surface(far_w, height)
    far.getCanvas().clear(skia.ColorTRANSPARENT)
    mid.getCanvas().clear(skia.ColorTRANSPARENT)
    painter = _PLACES.get(env.place, _park)
    painter(far.getCanvas(), mid.getCanvas(), far_w, height, ground_px, light, rng)
    ground_name = env.resolved_ground()
    ground = PLACE_GROUND.get(ground_name, (120, 120, 120))
    if place.medium == "water":
        ground = PLACE_GROUND["sand"]
    if env.place == "mars" and env.ground is None:
        ground = MARS_GROUND
    texture = _ground_texture(ground_name, ground, light, rng)
    near = _near_layer(ground_name, ground, light, far_w, height, ground_px, rng)
    return Backdrop(sky=sky, far=far.makeImageSnapshot(), mid=mid.makeImageSnapshot(),
                    ground=mix(ground, light.ambient, 0.15), ground_texture=texture, near=near,
                    has_ground=env.place != "space", water_surface=env.place == "ocean")


# -- sky -----------------------------------------------------------------------------------
def _sky(env: Environment, light: Light, w: int, h: int, ground_px: float,
         rng: np.random.Generator, surreal: bool) -> skia.Image:
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    top, bottom = light.sky_top, light.sky_bottom
    if env.place in ("space", "moon"):
        top, bottom = (4, 6, 18), (14, 18, 40)
    elif env.place == "mars":
        top, bottom = (150, 90, 70), (225, 170, 130)
    elif env.place == "underwater":
        top, bottom = (40, 150, 190), (10, 50, 90)
    paint = skia.Paint(Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, 0), skia.Point(0, ground_px)], [_c(top), _c(bottom)]))
    canvas.drawRect(skia.Rect.MakeWH(w, h), paint)
    night = light.night or env.place in ("space", "moon")
    if night:
        for _ in range(int(w * h / 2500)):
            x, y = rng.uniform(0, w), rng.uniform(0, ground_px * 0.95)
            r = rng.uniform(0.4, 1.6) * w / 720
            canvas.drawCircle(x, y, r, _paint((255, 255, 245), int(rng.uniform(90, 255))))
        mx, my, mr = w * light.sun_x, h * 0.16, w * 0.05
        canvas.drawCircle(mx, my, mr * 3, _paint((200, 210, 255), 40, blur=mr))
        canvas.drawCircle(mx, my, mr, _paint((245, 245, 230)))
        canvas.drawCircle(mx + mr * 0.3, my - mr * 0.2, mr * 0.22, _paint((215, 215, 205)))
        if env.place == "moon":
            canvas.drawCircle(w * 0.25, h * 0.2, w * 0.07, _paint((70, 130, 220)))
            canvas.drawCircle(w * 0.24, h * 0.19, w * 0.03, _paint((90, 170, 90), 200))
    elif env.place == "underwater":
        for i in range(7):  # light shafts from the surface
            x = rng.uniform(0, w)
            path = skia.Path()
            path.moveTo(x, 0)
            path.lineTo(x + w * 0.08, 0)
            path.lineTo(x + w * 0.25 + i * 5, h)
            path.lineTo(x + w * 0.1, h)
            path.close()
            canvas.drawPath(path, _paint((200, 240, 255), 28, blur=w * 0.01))
    elif env.place == "mars":
        sx, sy = w * light.sun_x, ground_px * 0.35
        canvas.drawCircle(sx, sy, w * 0.3, _paint((255, 225, 190), 60, blur=w * 0.1))
        canvas.drawCircle(sx, sy, w * 0.03, _paint((255, 245, 230)))
    else:
        sx = w * light.sun_x
        sy = ground_px - max(light.sun_height, 0.03) * ground_px * 0.9
        glow = skia.Paint(Shader=skia.GradientShader.MakeRadial(
            skia.Point(sx, sy), w * 0.6, [_c(light.sun, 150), _c(light.sun, 0)]))
        canvas.drawRect(skia.Rect.MakeWH(w, h), glow)
        canvas.drawCircle(sx, sy, w * 0.045, _paint(shade(light.sun, 1.15)))
        clouds = 4 if env.weather.value in ("clear",) else 9
        for _ in range(clouds):
            cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(0.06, 0.5) * ground_px
            size = rng.uniform(0.18, 0.34) * w * (0.6 + 0.8 * cy / ground_px)
            _cloud(canvas, cx, cy, size, light, rng)
    if surreal:
        _surreal(canvas, w, h, ground_px, light, rng)
    return surface.makeImageSnapshot()


def _cloud(canvas: skia.Canvas, cx: float, cy: float, size: float, light: Light,
           rng: np.random.Generator) -> None:
    """A stylised cumulus: puffs on a flat base, lit from above, shaded underneath."""
    path = skia.Path()
    path.addRoundRect(skia.Rect.MakeXYWH(cx - size * 0.55, cy - size * 0.12, size * 1.1,
                                         size * 0.24), size * 0.12, size * 0.12)
    for k in range(4):
        r = size * rng.uniform(0.16, 0.26)
        x = cx + (k - 1.5) * size * 0.24 + rng.uniform(-0.05, 0.05) * size
        path.addCircle(x, cy - r * 0.45, r)
    top = mix((255, 255, 255), light.sun, 0.15)
    bottom = mix(light.sky_bottom, (170, 175, 195), 0.35)
    paint = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(cx, cy - size * 0.5), skia.Point(cx, cy + size * 0.12)],
        [_c(top, 245), _c(bottom, 235)]))
    canvas.drawPath(path, paint)


def _surreal(canvas: skia.Canvas, w: int, h: int, ground_px: float, light: Light,
             rng: np.random.Generator) -> None:
    """A mirrored world hangs from the sky, and islands float in between."""
    canvas.save()
    canvas.translate(0, ground_px * 0.35)
    canvas.scale(1, -1)
    _ridge(canvas, w, ground_px * 0.35, h * 0.12, 4, mix((150, 90, 170), light.haze, 0.4), rng)
    canvas.restore()
    for _ in range(3):
        x, y, s = rng.uniform(0.1, 0.9) * w, rng.uniform(0.3, 0.6) * ground_px, w * 0.08
        rock = skia.Path()
        rock.moveTo(x - s, y)
        rock.lineTo(x + s, y)
        rock.lineTo(x + s * 0.2, y + s * 0.9)
        rock.close()
        canvas.drawPath(rock, _paint((140, 100, 150)))
        canvas.drawOval(skia.Rect.MakeXYWH(x - s, y - s * 0.15, 2 * s, s * 0.3),
                        _paint((120, 200, 150)))


# -- places: each paints a far and a mid layer ---------------------------------------------
def _ridge(canvas: skia.Canvas, w: int, base: float, amp: float, rough: int, colour: RGB,
           rng: np.random.Generator, alpha: int = 255, sharp: bool = False) -> None:
    path = skia.Path()
    path.moveTo(0, base + amp * 3)
    phases = rng.uniform(0, 2 * math.pi, 3)
    steps = 64
    for i in range(steps + 1):
        x = w * i / steps
        u = x / w * rough
        y = (math.sin(u + phases[0]) * 0.6 + math.sin(2.3 * u + phases[1]) * 0.3
             + math.sin(5.1 * u + phases[2]) * 0.1)
        if sharp:
            y = 1 - 2 * abs(((u * 0.5 + phases[0]) % 1) - 0.5) * 2
        path.lineTo(x, base - amp * (0.5 + 0.5 * y))
    path.lineTo(w, base + amp * 3)
    path.close()
    canvas.drawPath(path, _paint(colour, alpha))


def _trees(canvas: skia.Canvas, w: int, base: float, size: float, colour: RGB,
           rng: np.random.Generator, count: int, pine: bool = False) -> None:
    for _ in range(count):
        x = rng.uniform(0, w)
        s = size * rng.uniform(0.7, 1.3)
        trunk = shade(colour, 0.55) if pine else mix(shade(colour, 0.5), (110, 80, 55), 0.5)
        if pine:
            canvas.drawRect(skia.Rect.MakeXYWH(x - s * 0.03, base - s * 0.2, s * 0.06, s * 0.2),
                            _paint(trunk))
            for tier in range(3):  # three stacked tiers read as a fir, not a cone
                top = base - s * (1.35 - tier * 0.3)
                half = s * (0.22 + tier * 0.08)
                path = skia.Path()
                path.moveTo(x, top)
                path.lineTo(x - half, top + s * 0.55)
                path.lineTo(x + half, top + s * 0.55)
                path.close()
                canvas.drawPath(path, _paint(shade(colour, 1.0 + 0.06 * (2 - tier))))
        else:
            canvas.drawRect(skia.Rect.MakeXYWH(x - s * 0.04, base - s * 0.45, s * 0.08,
                                               s * 0.45), _paint(trunk))
            for _k in range(4):
                canvas.drawCircle(x + rng.uniform(-0.25, 0.25) * s, base - s * rng.uniform(
                    0.55, 0.95), s * rng.uniform(0.25, 0.38), _paint(shade(colour, rng.uniform(
                        0.9, 1.1))))


def _park(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
          rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.12, 5, mix((110, 160, 110), light.haze, 0.55), rng)
    _ridge(mid, w, g, h * 0.06, 9, mix((80, 140, 70), light.haze, 0.25), rng)
    _trees(mid, w, g, h * 0.12, mix((60, 120, 60), light.haze, 0.2), rng, 14)


def _forest(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
            rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.06, 5, mix((70, 120, 90), light.haze, 0.55), rng)
    _trees(far, w, g, h * 0.13, mix((50, 100, 70), light.haze, 0.5), rng, 34, pine=True)
    _trees(mid, w, g, h * 0.2, mix((40, 90, 50), light.haze, 0.15), rng, 16, pine=True)


def _beach(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
           rng: np.random.Generator) -> None:
    sea = mix((40, 120, 160), light.haze, 0.3)
    _ridge(far, w, g - h * 0.06, h * 0.025, 3, mix((90, 120, 110), light.haze, 0.6), rng)
    far.drawRect(skia.Rect.MakeLTRB(0, g - h * 0.06, w, g), _paint(sea))
    for _ in range(60):
        x, y = rng.uniform(0, w), rng.uniform(g - h * 0.06, g)
        far.drawRect(skia.Rect.MakeXYWH(x, y, w * 0.01, 1.5), _paint(shade(sea, 1.4), 150))
    mid.drawRect(skia.Rect.MakeLTRB(0, g - h * 0.012, w, g), _paint((235, 230, 210), 180))


def _ocean(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
           rng: np.random.Generator) -> None:
    _ridge(far, w, g - h * 0.01, h * 0.04, 3, mix((80, 110, 110), light.haze, 0.6), rng)


def _city(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
          rng: np.random.Generator) -> None:
    for layer, canvas, height, haze in ((0, far, 0.45, 0.55), (1, mid, 0.32, 0.2)):
        x = 0.0
        while x < w:
            bw = rng.uniform(0.06, 0.14) * w / 2.2
            bh = rng.uniform(0.4, 1.0) * h * height
            body = mix((70 + 20 * layer, 75, 95), light.haze, haze)
            canvas.drawRect(skia.Rect.MakeXYWH(x, g - bh, bw, bh), _paint(body))
            lit = (255, 215, 130) if light.night else shade(body, 1.25)
            for wy in np.arange(g - bh + 8, g - 10, 14 * h / 1280):
                for wx in np.arange(x + 5, x + bw - 8, 11 * h / 1280):
                    if rng.random() < (0.45 if light.night else 0.8):
                        canvas.drawRect(skia.Rect.MakeXYWH(wx, wy, 5 * h / 1280, 7 * h / 1280),
                                        _paint(lit, 220))
            x += bw + rng.uniform(0, 0.01) * w


def _desert(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
            rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.1, 3, mix((200, 130, 90), light.haze, 0.5), rng, sharp=True)
    _ridge(mid, w, g, h * 0.04, 6, mix((225, 180, 120), light.haze, 0.2), rng)


def _snow(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
          rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.2, 4, mix((215, 225, 240), light.haze, 0.35), rng, sharp=True)
    _trees(mid, w, g, h * 0.16, mix((40, 80, 70), light.haze, 0.25), rng, 16, pine=True)


def _mountains(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
               rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.3, 4, mix((110, 120, 150), light.haze, 0.45), rng, sharp=True)
    _ridge(mid, w, g, h * 0.1, 7, mix((90, 130, 90), light.haze, 0.2), rng)
    _trees(mid, w, g, h * 0.1, mix((40, 90, 60), light.haze, 0.2), rng, 18, pine=True)


def _moon(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
          rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.06, 4, (95, 95, 100), rng)
    for _ in range(10):
        x = rng.uniform(0, w)
        mid.drawOval(skia.Rect.MakeXYWH(x, g - 6, rng.uniform(30, 90), 10), _paint((90, 90, 95)))


def _mars(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
          rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.12, 3, (160, 90, 60), rng, sharp=True)
    _ridge(mid, w, g, h * 0.04, 8, (185, 110, 70), rng)


def _space(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
           rng: np.random.Generator) -> None:
    for _ in range(5):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.1, 0.3) * h
        far.drawCircle(x, y, r, _paint((120, 60, 160), 40, blur=r * 0.5))
    far.drawCircle(w * 0.7, h * 0.3, h * 0.08, _paint((210, 150, 100)))
    far.drawCircle(w * 0.7, h * 0.3, h * 0.08, _paint((255, 255, 255), 30, blur=h * 0.02))


def _underwater(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
                rng: np.random.Generator) -> None:
    _ridge(far, w, g, h * 0.1, 6, (30, 80, 100), rng)
    for _ in range(30):
        x = rng.uniform(0, w)
        s = rng.uniform(0.03, 0.08) * h
        colour = [(240, 110, 120), (250, 170, 80), (180, 100, 200)][int(rng.integers(3))]
        for k in range(5):
            mid.drawCircle(x + rng.uniform(-s, s) * 0.5, g - k * s * 0.3, s * 0.3,
                           _paint(mix(colour, (20, 70, 100), 0.3)))


def _interior(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
              rng: np.random.Generator, kitchen: bool) -> None:
    wall = light.sky_bottom
    far.drawRect(skia.Rect.MakeWH(w, g), _paint(wall))
    for x in np.arange(0, w, w * 0.02):  # wallpaper stripes
        far.drawRect(skia.Rect.MakeXYWH(x, 0, w * 0.004, g), _paint(shade(wall, 0.95)))
    for wx in (w * 0.15, w * 0.6):  # windows onto the day
        rect = skia.Rect.MakeXYWH(wx, g * 0.25, w * 0.12, g * 0.35)
        far.drawRect(rect, _paint((196, 216, 232) if not light.night else (25, 35, 70)))
        far.drawRect(rect, skia.Paint(Color=_c((250, 250, 250)), Style=skia.Paint.kStroke_Style,
                                      StrokeWidth=w * 0.006, AntiAlias=True))
    far.drawRect(skia.Rect.MakeLTRB(0, g - h * 0.02, w, g), _paint(shade(wall, 0.8)))
    if kitchen:
        cab = (120, 150, 140)
        for x in np.arange(w * 0.3, w * 0.55, w * 0.06):
            mid.drawRoundRect(skia.Rect.MakeXYWH(x, g * 0.2, w * 0.055, g * 0.25), 4, 4,
                              _paint(cab))
        mid.drawRect(skia.Rect.MakeLTRB(w * 0.75, g - h * 0.2, w * 0.98, g), _paint(cab))
        mid.drawRect(skia.Rect.MakeLTRB(w * 0.74, g - h * 0.21, w * 0.99, g - h * 0.2),
                     _paint((230, 225, 215)))
    else:
        mid.drawRect(skia.Rect.MakeXYWH(w * 0.8, g - h * 0.25, w * 0.06, h * 0.25),
                     _paint((120, 80, 50)))
        for k in range(6):
            mid.drawRect(skia.Rect.MakeXYWH(w * 0.802 + k * w * 0.009, g - h * 0.24,
                                            w * 0.007, h * 0.05), _paint(
                [(180, 70, 60), (70, 110, 160), (200, 170, 80)][k % 3]))
        # a framed landscape on the wall and a potted plant: a lived-in room
        frame = skia.Rect.MakeXYWH(w * 0.33, g * 0.3, w * 0.14, g * 0.2)
        mid.drawRect(frame.makeOutset(w * 0.006, w * 0.006), _paint((120, 85, 55)))
        art = skia.Paint(Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, frame.top()), skia.Point(0, frame.bottom())],
            [_c((250, 200, 150)), _c((120, 170, 190))]))
        mid.drawRect(frame, art)
        hill = skia.Path()
        hill.moveTo(frame.left(), frame.bottom())
        hill.quadTo(frame.centerX(), frame.top() + frame.height() * 0.4, frame.right(),
                    frame.bottom())
        hill.close()
        mid.drawPath(hill, _paint((80, 130, 90)))
        px = w * 0.62
        mid.drawRect(skia.Rect.MakeXYWH(px - w * 0.015, g - h * 0.04, w * 0.03, h * 0.04),
                     _paint((170, 90, 60)))
        for k in range(7):
            a = -math.pi / 2 + (k - 3) * 0.35
            leaf = skia.Path()
            leaf.moveTo(px, g - h * 0.04)
            leaf.quadTo(px + math.cos(a) * h * 0.03 - h * 0.01, g - h * 0.04 + math.sin(a)
                        * h * 0.05, px + math.cos(a) * h * 0.05, g - h * 0.04 + math.sin(a)
                        * h * 0.07)
            mid.drawPath(leaf, skia.Paint(Color=_c((60, 130, 70)), AntiAlias=True,
                                          Style=skia.Paint.kStroke_Style, StrokeWidth=h * 0.008,
                                          StrokeCap=skia.Paint.kRound_Cap))


def _kitchen(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
             rng: np.random.Generator) -> None:
    _interior(far, mid, w, h, g, light, rng, kitchen=True)


def _living(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
            rng: np.random.Generator) -> None:
    _interior(far, mid, w, h, g, light, rng, kitchen=False)


def _stadium(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
             rng: np.random.Generator) -> None:
    for tier in range(5):
        top = g + h * 0.05 - h * (0.05 + tier * 0.05)
        far.drawRect(skia.Rect.MakeLTRB(0, top - h * 0.05, w, top),
                     _paint(shade((80, 85, 100), 0.8 + 0.05 * tier)))
        for sx in np.arange(0, w, 7):
            far.drawCircle(float(sx) + rng.uniform(0, 3), top - h * 0.03, 2.5, _paint(
                [(230, 80, 70), (240, 240, 240), (60, 110, 200), (240, 200, 60)][int(
                    rng.integers(4))], 200))
    for lx in (w * 0.1, w * 0.9):
        far.drawRect(skia.Rect.MakeXYWH(lx, g - h * 0.45, 6, h * 0.2), _paint((60, 60, 70)))
        far.drawCircle(lx + 3, g - h * 0.45, h * 0.04, _paint((255, 255, 230), 160, blur=h * 0.02))


def _stage(far: skia.Canvas, mid: skia.Canvas, w: int, h: int, g: float, light: Light,
           rng: np.random.Generator) -> None:
    far.drawRect(skia.Rect.MakeWH(w, g), _paint((40, 20, 30)))
    for x in np.arange(0, w, w * 0.025):
        far.drawRect(skia.Rect.MakeXYWH(x, 0, w * 0.012, g), _paint((110, 30, 50)))
    for bx in (w * 0.3, w * 0.5, w * 0.7):
        path = skia.Path()
        path.moveTo(bx - w * 0.01, 0)
        path.lineTo(bx + w * 0.01, 0)
        path.lineTo(bx + w * 0.08, g)
        path.lineTo(bx - w * 0.08, g)
        path.close()
        mid.drawPath(path, _paint((255, 245, 210), 45, blur=w * 0.01))


_PLACES = {
    "park": _park, "farm": _park, "forest": _forest, "beach": _beach, "ocean": _ocean,
    "city_street": _city, "desert": _desert, "snow": _snow, "mountains": _mountains,
    "moon": _moon, "mars": _mars, "space": _space, "underwater": _underwater,
    "kitchen": _kitchen, "living_room": _living, "stadium": _stadium, "stage": _stage,
}


# -- ground --------------------------------------------------------------------------------
def _near_layer(name: str, base: RGB, light: Light, w: int, h: int, ground_px: float,
                rng: np.random.Generator) -> skia.Image | None:
    """Foreground details below the stage line: the nearest parallax layer."""
    if name not in ("grass", "sand", "snow", "regolith", "stone") or ground_px >= h * 0.95:
        return None  # no foreground where the ground is out of frame
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    top = ground_px + (h - ground_px) * 0.35
    for _ in range(int(w / 18)):
        x, y = rng.uniform(0, w), rng.uniform(top, h * 1.02)
        near = (y - top) / max(h - top, 1)
        size = h * (0.012 + 0.03 * near)
        colour = shade(mix(base, light.ambient, 0.15), rng.uniform(0.7, 0.95))
        if name == "grass":
            path = skia.Path()
            for k in range(5):
                bx = x + (k - 2) * size * 0.25
                path.moveTo(bx - size * 0.08, y)
                path.quadTo(bx, y - size * 1.2, bx + (k - 2) * size * 0.3, y - size * 1.6)
                path.quadTo(bx + size * 0.05, y - size * 0.8, bx + size * 0.08, y)
                path.close()
            canvas.drawPath(path, _paint(shade(colour, 0.85)))
        elif rng.random() < 0.35:
            size *= 0.6
            canvas.drawOval(skia.Rect.MakeXYWH(x, y, size * 1.4, size * 0.8), _paint(colour))
            canvas.drawOval(skia.Rect.MakeXYWH(x + size * 0.2, y + size * 0.05, size * 0.6,
                                               size * 0.25), _paint(shade(colour, 1.15)))
    return surface.makeImageSnapshot()



def _ground_texture(name: str, base: RGB, light: Light,
                    rng: np.random.Generator) -> skia.Shader | None:
    """A tiling texture for the ground band, or None for a plain fill."""
    size = 256
    surface = skia.Surface(size, size)
    canvas = surface.getCanvas()
    colour = mix(base, light.ambient, 0.15)
    canvas.clear(_c(colour))
    if name == "wood":
        for row in range(0, size, 32):
            y = float(row)
            canvas.drawRect(skia.Rect.MakeXYWH(0, y, size, 2), _paint(shade(colour, 0.75)))
            off = rng.integers(0, size)
            canvas.drawRect(skia.Rect.MakeXYWH(off, y, 2, 32), _paint(shade(colour, 0.8)))
            for _ in range(6):
                gy = y + rng.uniform(4, 28)
                canvas.drawRect(skia.Rect.MakeXYWH(0, gy, size, 1), _paint(shade(colour, 0.92),
                                                                           120))
    elif name == "grass":
        for _ in range(900):
            x, y = rng.uniform(0, size), rng.uniform(0, size)
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, 1.5, rng.uniform(4, 9)),
                            _paint(shade(colour, rng.uniform(0.8, 1.15))))
    elif name in ("sand", "snow", "regolith", "stone"):
        for _ in range(700):
            x, y = rng.uniform(0, size), rng.uniform(0, size)
            canvas.drawCircle(x, y, rng.uniform(0.6, 1.8), _paint(shade(colour, rng.uniform(
                0.88, 1.1)), 160))
    elif name == "asphalt":
        for _ in range(1200):
            x, y = rng.uniform(0, size), rng.uniform(0, size)
            canvas.drawCircle(x, y, 0.8, _paint(shade(colour, rng.uniform(0.8, 1.3)), 150))
        canvas.drawRect(skia.Rect.MakeXYWH(0, 60, 120, 8), _paint((235, 220, 150)))
    else:
        return None
    return surface.makeImageSnapshot().makeShader(skia.TileMode.kRepeat, skia.TileMode.kRepeat)
