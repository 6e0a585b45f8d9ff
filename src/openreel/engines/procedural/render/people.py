"""Drawing people: bodies shaped by build and gender, clothes, hair, faces that act.

Every function draws one rig part in that part's own frame: the canvas origin is the
part's centre, its local y axis points down the screen for a limb hanging straight
(the joint end at -h/2), and ``f`` (+1 or -1) is the side the figure faces, so
``f * x`` is towards its front. Colours are shaded by the painter, so people sit in the
same light, outline and cel look as everything else in the frame.
"""

from __future__ import annotations

import math
from typing import Protocol

import skia

from openreel.engines.procedural.cameo_faces import face_photo, face_rgba, yaw_of
from openreel.engines.procedural.personas import Appearance
from openreel.engines.procedural.render.faces import SMOOTH, light_filter
from openreel.engines.procedural.render.palette import RGB, mix, shade
from openreel.engines.procedural.rigs import PartSpec
from openreel.engines.procedural.scene import EntityFrame

SLEEVES = {"tshirt": "short", "jersey": "short", "tutu": "none", "apron": "long",
           "dress": "short"}
BARE_LEGS = ("dress", "skirt", "tutu")
METAL = ("armour", "metal")


class Shader(Protocol):
    """What a painter offers for shading a shape in the scene's light and style."""

    ambient: RGB
    outline: float

    def fill(self, canvas: skia.Canvas, path: skia.Path, base: RGB, w: float, h: float) -> None:
        """Fill ``path`` in ``base`` lit, shaded and outlined like the rest of the frame."""
        ...


def _paint(c: RGB, alpha: int = 255) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*c, alpha), AntiAlias=True)


def _stroke(c: RGB, width: float, alpha: int = 255) -> skia.Paint:
    return skia.Paint(Color=skia.Color(*c, alpha), AntiAlias=True, Style=skia.Paint.kStroke_Style,
                      StrokeWidth=max(width, 0.8), StrokeCap=skia.Paint.kRound_Cap,
                      StrokeJoin=skia.Paint.kRound_Join)


def _capsule(w: float, h: float) -> skia.Path:
    path = skia.Path()
    r = min(w, h) / 2
    path.addRoundRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), r, r)
    return path


def draw_part(shader: Shader, canvas: skia.Canvas, e: EntityFrame, part: PartSpec, w: float,
              h: float, t: float) -> None:
    """Draw one part of a person (``e.look`` set) in its own frame."""
    look = e.look
    assert look is not None
    f = 1 if e.facing >= 0 else -1
    name = part.name
    far = name.endswith("_far")
    dim = 0.82 if far else 1.0
    if name == "torso":
        _torso(shader, canvas, look, w, h, f)
    elif name.startswith("upper_arm"):
        _sleeve(shader, canvas, look, w, h, dim, upper=True)
    elif name.startswith("lower_arm"):
        _sleeve(shader, canvas, look, w, h, dim, upper=False)
    elif name.startswith("hand"):
        glove = look.outfit in ("spacesuit", *METAL)
        shader.fill(canvas, _capsule(w, w), shade(look.top if glove else look.skin, dim), w, w)
    elif name.startswith("thigh") and _on_lap(e):
        # seated in a skirt or dress: the cloth lies over the thighs
        shader.fill(canvas, _capsule(w * 1.25, h), shade(_skirt_colour(look), dim), w, h)
    elif name.startswith("thigh"):
        _leg(shader, canvas, look, w, h, dim, upper=True)
    elif name.startswith("shin"):
        _leg(shader, canvas, look, w, h, dim, upper=False)
        _shoe(canvas, look, w, h, f, dim)
    elif name == "hair":
        _back_hair(shader, canvas, look, w, h)
    elif name == "skirt" and (look.outfit == "tutu" or not _on_lap(e)):
        _skirt(shader, canvas, look, w, h, t)
    elif name == "head":
        _head(shader, canvas, e, look, w, f, t)


def _on_lap(e: EntityFrame) -> bool:
    """Whether a skirted figure sits (thighs raised well forward of the spine)."""
    look, parts = e.look, e.parts
    if look is None or not look.skirted or look.outfit == "tutu":
        return False
    torso = parts.get("torso")
    if torso is None:
        return False
    return all(abs(parts[n].angle - torso.angle) > 0.9 for n in ("thigh_near", "thigh_far")
               if n in parts)


def _skirt_colour(look: Appearance) -> RGB:
    return look.bottom if look.outfit == "skirt" else look.top


# -- body and clothes --------------------------------------------------------------------------
def _torso(shader: Shader, canvas: skia.Canvas, look: Appearance, w: float, h: float,
           f: int) -> None:
    """The trunk in profile: chest, waist and hips by gender and build, then the garment."""
    female = look.gender == "female"
    heavy = look.build == "heavy"
    chest = 0.58 if female else 0.5
    belly = 0.66 if heavy else (0.44 if female else 0.47)
    hips = 0.5 if female else 0.46
    x = lambda k: f * k * w  # noqa: E731 - a local shorthand for "towards the front"
    p = skia.Path()
    p.moveTo(x(-0.3), -h / 2)
    p.quadTo(x(0.45), -h / 2 - 0.01 * h, x(0.48), -0.36 * h)
    p.quadTo(x(chest + 0.04), -0.2 * h, x(belly), 0.08 * h)
    p.quadTo(x(hips + 0.04), 0.32 * h, x(0.4), h / 2)
    p.lineTo(x(-0.42), h / 2)
    p.quadTo(x(-0.52), 0.3 * h, x(-0.44), 0.04 * h)
    p.quadTo(x(-0.56), -0.3 * h, x(-0.3), -h / 2)
    p.close()
    base = look.top
    if look.outfit == "snow":
        base = (246, 246, 250)
    shader.fill(canvas, p, base, w, h)
    canvas.save()
    canvas.clipPath(p, doAntiAlias=True)
    _garment_detail(canvas, look, w, h, f)
    canvas.restore()


def _garment_detail(canvas: skia.Canvas, look: Appearance, w: float, h: float, f: int) -> None:
    """Collars, ties, aprons, numbers, belts, plates: what tells one outfit from another."""
    o = look.outfit
    top = look.top
    dark = shade(top, 0.7)
    light = shade(top, 1.25)
    line = max(w * 0.05, 1.0)
    front = f * 0.5 * w
    if o == "suit":
        shirt = skia.Path()
        shirt.moveTo(front - f * 0.32 * w, -h / 2)
        shirt.lineTo(front + f * 0.05 * w, -h / 2)
        shirt.lineTo(front + f * 0.05 * w, -0.05 * h)
        shirt.close()
        canvas.drawPath(shirt, _paint((244, 244, 240)))
        tie = skia.Path()
        tie.moveTo(front - f * 0.1 * w, -0.46 * h)
        tie.lineTo(front + f * 0.02 * w, -0.46 * h)
        tie.lineTo(front - f * 0.01 * w, -0.08 * h)
        tie.lineTo(front - f * 0.12 * w, -0.14 * h)
        tie.close()
        canvas.drawPath(tie, _paint((180, 40, 50)))
        canvas.drawLine(front - f * 0.34 * w, -h / 2, front - f * 0.05 * w, 0.0,
                        _stroke(dark, line * 1.4))
    elif o in ("shirt", "coat", "uniform"):
        canvas.drawLine(front - f * 0.1 * w, -0.45 * h, front - f * 0.1 * w, h / 2,
                        _stroke(dark, line))
        for k in range(4):
            canvas.drawCircle(front - f * 0.18 * w, -0.3 * h + k * 0.22 * h, line * 0.9,
                              _paint(light if o != "uniform" else (230, 200, 90)))
        collar = skia.Path()
        collar.moveTo(front - f * 0.45 * w, -h / 2)
        collar.lineTo(front - f * 0.05 * w, -0.36 * h)
        collar.lineTo(front - f * 0.2 * w, -h / 2)
        canvas.drawPath(collar, _paint(light))
        if o in ("uniform", "coat"):
            canvas.drawRect(skia.Rect.MakeLTRB(-w, 0.3 * h, w, 0.4 * h),
                            _paint((40, 34, 30) if o == "uniform" else dark))
    elif o == "apron":
        bib = skia.Path()
        bib.addRoundRect(skia.Rect.MakeLTRB(min(front, front - f * 0.55 * w),
                                            -0.3 * h, max(front, front - f * 0.55 * w),
                                            h), w * 0.1, w * 0.1)
        canvas.drawPath(bib, _paint((250, 250, 250) if sum(top) < 600 else (150, 190, 230)))
        canvas.drawLine(-w, 0.12 * h, w, 0.12 * h, _stroke(shade(top, 0.8), line))
    elif o == "jersey":
        font = skia.Font(None, h * 0.34)
        font.setEmbolden(True)
        canvas.drawString("7", -0.18 * w, 0.14 * h, font, _paint(light if sum(top) < 380
                                                                else dark))
        canvas.drawLine(-w, -0.46 * h, w, -0.46 * h, _stroke(light, line * 1.5))
    elif o == "hoodie":
        hood = skia.Path()
        hood.addOval(skia.Rect.MakeXYWH(-f * 0.5 * w - 0.35 * w, -0.62 * h, 0.7 * w, 0.36 * h))
        canvas.drawPath(hood, _paint(dark))
        canvas.drawRoundRect(skia.Rect.MakeLTRB(min(front, front - f * 0.45 * w), 0.05 * h,
                                                max(front, front - f * 0.45 * w), 0.3 * h),
                             w * 0.08, w * 0.08, _paint(shade(top, 0.85)))
        canvas.drawLine(front - f * 0.12 * w, -0.45 * h, front - f * 0.14 * w, -0.2 * h,
                        _stroke((240, 240, 240), line * 0.6))
    elif o in ("robe", "tutu", "dress"):
        canvas.drawLine(-w, 0.28 * h, w, 0.28 * h, _stroke(
            (230, 190, 80) if o == "robe" else light, line * (2.0 if o == "robe" else 1.0)))
    elif o in METAL or o == "spacesuit":
        for k in range(3):
            y = -0.2 * h + k * 0.25 * h
            canvas.drawLine(-w, y, w, y, _stroke(shade(top, 0.72), line * 0.8))
        if o == "spacesuit":
            canvas.drawRoundRect(skia.Rect.MakeXYWH(front - f * 0.42 * w - 0.0, -0.3 * h,
                                                    f * 0.32 * w or 1.0, 0.22 * h),
                                 2, 2, _paint((90, 130, 200)))
            canvas.drawRoundRect(skia.Rect.MakeXYWH(-f * 0.5 * w - 0.3 * w, -0.4 * h,
                                                    0.4 * w, 0.75 * h), w * 0.1, w * 0.1,
                                 _paint((205, 208, 215)))
        if o == "metal":
            for k in range(3):
                canvas.drawCircle(front - f * 0.2 * w, -0.25 * h + k * 0.2 * h, line,
                                  _paint((240, 80, 70) if k == 1 else (120, 200, 240)))
    elif o == "rags":
        tear = skia.Path()
        tear.moveTo(-w, h / 2)
        for k in range(7):
            tear.lineTo(-w + k * w / 3, 0.34 * h + (0.1 * h if k % 2 else 0.0))
        tear.lineTo(w, h / 2)
        canvas.drawPath(tear, _paint(look.skin))
        canvas.drawRect(skia.Rect.MakeXYWH(-0.1 * w, -0.15 * h, 0.22 * w, 0.18 * h),
                        _paint(shade(top, 0.75)))


def _sleeve(shader: Shader, canvas: skia.Canvas, look: Appearance, w: float, h: float,
            dim: float, upper: bool) -> None:
    """An arm: sleeve where the outfit has one, skin where it does not."""
    sleeve = SLEEVES.get(look.outfit, "long")
    cloth = shade(look.top, dim)
    skin = shade(look.skin, dim)
    path = _capsule(w, h)
    if sleeve == "long" or (look.outfit == "snow"):
        shader.fill(canvas, path, cloth if look.outfit != "snow" else (120, 80, 50), w, h)
        if not upper and look.outfit not in ("snow", *METAL, "spacesuit"):
            canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, h * 0.34, w, h * 0.1),
                            _paint(shade(cloth, 0.8)))
        return
    shader.fill(canvas, path, skin, w, h)
    if sleeve == "short" and upper:
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(-w, -h, w, 0.05 * h))
        shader.fill(canvas, path, cloth, w, h)
        canvas.restore()


def _leg(shader: Shader, canvas: skia.Canvas, look: Appearance, w: float, h: float,
         dim: float, upper: bool) -> None:
    """A leg: trousers, shorts, tights or bare skin under a skirt."""
    o = look.outfit
    path = _capsule(w, h)
    cloth = shade(look.bottom, dim)
    if o == "snow":
        shader.fill(canvas, path, (246, 246, 250), w, h)
    elif o == "tutu":
        shader.fill(canvas, path, shade((250, 214, 222), dim), w, h)
    elif o in BARE_LEGS or (o == "jersey" and not upper):
        shader.fill(canvas, path, shade(look.skin, dim), w, h)
        if o == "jersey":
            canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, h * 0.05, w, h * 0.3),
                            _paint(shade((245, 245, 245), dim)))
    else:
        shader.fill(canvas, path, cloth, w, h)
        if o == "jersey":
            canvas.drawRect(skia.Rect.MakeXYWH(-w / 2, h * 0.3, w, h * 0.2),
                            _paint(shade(look.skin, dim)))
            canvas.save()
            canvas.clipRect(skia.Rect.MakeLTRB(-w, h * 0.5, w, h))
            shader.fill(canvas, path, shade(look.skin, dim), w, h)
            canvas.restore()


def _shoe(canvas: skia.Canvas, look: Appearance, w: float, h: float, f: int,
          dim: float) -> None:
    colour = look.shoes
    if look.outfit in METAL or look.outfit == "spacesuit":
        colour = shade(look.top, 0.85)
    if look.outfit == "snow":
        return
    colour = shade(colour, dim)
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w * 0.62 + f * w * 0.28, h * 0.4, w * 1.55,
                                            w * 0.62), w * 0.3, w * 0.3, _paint(colour))


def _back_hair(shader: Shader, canvas: skia.Canvas, look: Appearance, w: float,
               h: float) -> None:
    """Long hair or a ponytail hanging behind the head."""
    path = skia.Path()
    if look.hair_style == "long":
        path.addRoundRect(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), w * 0.45, w * 0.45)
    else:
        path.moveTo(-w * 0.3, -h / 2)
        path.quadTo(w * 0.6, -h * 0.1, w * 0.05, h / 2)
        path.quadTo(-w * 0.6, -h * 0.1, -w * 0.3, -h / 2)
        path.close()
    shader.fill(canvas, path, look.hair, w, h)
    for k in (-0.2, 0.15):
        canvas.drawLine(w * k, -h * 0.3, w * k * 0.6, h * 0.35,
                        _stroke(shade(look.hair, 0.75), w * 0.05, 160))


def _skirt(shader: Shader, canvas: skia.Canvas, look: Appearance, w: float, h: float,
           t: float) -> None:
    """A skirt, dress, robe or coat tail flaring from the waist; a tutu's stiff tulle."""
    o = look.outfit
    colour = _skirt_colour(look)
    path = skia.Path()
    if o == "tutu":
        path.addOval(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h))
        shader.fill(canvas, path, shade(colour, 1.12), w, h)
        for k in range(6):
            x = -w * 0.42 + k * w * 0.17
            canvas.drawLine(x, -h * 0.1, x + w * 0.05, h * 0.35,
                            _stroke(shade(colour, 0.85), max(w * 0.01, 1.0), 150))
        return
    top = 0.34 if o != "coat" else 0.42
    path.moveTo(-w * top, -h / 2)
    path.lineTo(w * top, -h / 2)
    path.quadTo(w * 0.46, 0.1 * h, w / 2, h / 2)
    swish = math.sin(t * 3.0) * w * 0.03  # a hem that sways a little
    path.quadTo(swish, h * 0.56, -w / 2, h / 2)
    path.quadTo(-w * 0.46, 0.1 * h, -w * top, -h / 2)
    path.close()
    shader.fill(canvas, path, colour, w, h)
    for fold in (-0.2, 0.15):
        canvas.drawLine(w * fold * 0.5, -h * 0.3, w * fold, h * 0.45,
                        _stroke(shade(colour, 0.8), max(w * 0.012, 1.0), 120))


# -- the head ---------------------------------------------------------------------------------
def _head(shader: Shader, canvas: skia.Canvas, e: EntityFrame, look: Appearance, w: float,
          f: int, t: float) -> None:
    r = w / 2
    if look.headwear == "bubble":
        canvas.drawCircle(-f * 0.1 * r, 0.05 * r, r * 1.35, _paint((235, 238, 245)))
    skin = skia.Path()
    skin.addCircle(0, 0, r)
    if look.outfit == "metal":
        skin = skia.Path()
        skin.addRoundRect(skia.Rect.MakeXYWH(-r, -r, 2 * r, 2 * r), r * 0.35, r * 0.35)
    shader.fill(canvas, skin, look.skin, w, w)
    if look.hair_style not in ("none",) and look.outfit != "metal":
        _ear(canvas, look, r, f)
    if look.face is not None:
        _worn_face(shader, canvas, e, look.face, r, f, t)
        _hairline(shader, canvas, look, r, f)
    else:
        _hair_cap(shader, canvas, look, r, f)
        _face(canvas, e, look, r, f, t)
    _headwear(canvas, look, r, f, t)


def _worn_face(shader: Shader, canvas: skia.Canvas, e: EntityFrame, path: str, r: float, f: int,
               t: float) -> None:
    """A cameo's own face on the head, turned with it, blinking and speaking."""
    scale = canvas.getTotalMatrix().mapRadius(1.0)
    size = int(min(max(2 * r * scale * 1.25, 24), 360))  # a little finer than the pixels
    rgba = face_rgba(face_photo(path), size, yaw_of(f, t), e.blink, e.mouth)
    image = skia.Image.fromarray(rgba, colorType=skia.kRGBA_8888_ColorType,
                                 alphaType=skia.kPremul_AlphaType)
    light = light_filter(shader.ambient, shader.ambient, e.depth)
    canvas.drawImageRect(image, skia.Rect.MakeXYWH(-r, -r, 2 * r, 2 * r), SMOOTH,
                         skia.Paint(AntiAlias=True, ColorFilter=light))


def _hairline(shader: Shader, canvas: skia.Canvas, look: Appearance, r: float, f: int) -> None:
    """Hair above a worn face, framing it: over the crown, down the back of the head, the
    hairline high on the forehead so the brows and eyes stay in sight."""
    if look.hair_style in ("none", "bald") or look.headwear in ("helmet", "bubble"):
        return
    p = skia.Path()
    p.moveTo(-f * 1.02 * r, 0.3 * r)
    p.cubicTo(-f * 1.2 * r, -1.12 * r, f * 0.8 * r, -1.3 * r, f * 0.98 * r, -0.5 * r)
    p.quadTo(f * 0.45 * r, -0.8 * r, -f * 0.25 * r, -0.66 * r)
    p.quadTo(-f * 0.62 * r, -0.5 * r, -f * 0.66 * r, 0.3 * r)
    p.close()
    shader.fill(canvas, p, look.hair, 2 * r, 2 * r)


def _ear(canvas: skia.Canvas, look: Appearance, r: float, f: int) -> None:
    canvas.drawOval(skia.Rect.MakeXYWH(-f * 0.12 * r - 0.13 * r, -0.1 * r, 0.26 * r, 0.36 * r),
                    _paint(shade(look.skin, 0.9)))
    canvas.drawOval(skia.Rect.MakeXYWH(-f * 0.12 * r - 0.06 * r, -0.02 * r, 0.12 * r, 0.2 * r),
                    _paint(shade(look.skin, 0.75)))


def _hair_cap(shader: Shader, canvas: skia.Canvas, look: Appearance, r: float, f: int) -> None:
    """Hair on top of the head, by style; a bald elder keeps a fringe above the ear."""
    style = look.hair_style
    if style == "none" or (look.headwear in ("helmet", "bubble") and style != "long"):
        return
    hair = look.hair
    if style == "bald":
        canvas.drawOval(skia.Rect.MakeXYWH(-f * 0.62 * r - 0.3 * r, -0.28 * r, 0.6 * r, 0.3 * r),
                        _paint(hair))
        return
    p = skia.Path()
    depth = {"crop": 0.45, "curly": 0.3}.get(style, 0.25)
    p.moveTo(-f * 1.02 * r, depth * r)
    p.cubicTo(-f * 1.25 * r, -1.1 * r, f * 0.7 * r, -1.35 * r, f * 0.95 * r, -0.35 * r)
    fringe = 0.1 if style in ("long", "ponytail", "bun") else -0.2
    p.quadTo(f * 0.35 * r, fringe * r - 0.35 * r, -f * 0.05 * r, -0.42 * r)
    p.quadTo(-f * 0.35 * r, -0.2 * r, -f * 0.45 * r, depth * r)
    p.close()
    if style == "crop":
        p = skia.Path()
        p.addArc(skia.Rect.MakeXYWH(-1.04 * r, -1.06 * r, 2.08 * r, 2.08 * r),
                 160 if f > 0 else 20, 190 if f > 0 else -190)
        p.close()
    shader.fill(canvas, p, hair, 2 * r, 2 * r)
    if style == "curly":
        for k in range(7):
            a = math.pi * (1.05 + k * 0.13)
            canvas.drawCircle(f * math.cos(a) * r * 0.95, math.sin(a) * r * 0.95, 0.24 * r,
                              _paint(hair))
    elif style == "bun":
        canvas.drawCircle(-f * 0.55 * r, -0.9 * r, 0.34 * r, _paint(shade(hair, 0.95)))
    elif style == "ponytail":
        canvas.drawCircle(-f * 0.85 * r, -0.35 * r, 0.14 * r, _paint((200, 60, 90)))


def _face(canvas: skia.Canvas, e: EntityFrame, look: Appearance, r: float, f: int,
          t: float) -> None:
    smile = e.extra.get("smile", 0.0)
    squint = max(e.extra.get("squint", 0.0), e.blink)
    tears = e.extra.get("tears", 0.0)
    ink = (30, 26, 34)
    robot = look.outfit == "metal"
    eyes = ((f * 0.5 * r, 0.9), (f * 0.08 * r, 0.75))  # near eye, far eye (3/4 view)
    for ex, k in eyes:
        er = 0.17 * r * k
        ey = -0.1 * r
        if robot:
            canvas.drawRoundRect(skia.Rect.MakeXYWH(ex - er, ey - er * 0.6, 2 * er, 1.2 * er),
                                 er * 0.3, er * 0.3, _paint((90, 220, 255)))
            continue
        if squint > 0.6:
            arc = skia.Path()
            bend = -er * 0.7 if smile >= 0 else er * 0.4
            arc.moveTo(ex - er, ey)
            arc.quadTo(ex, ey + bend, ex + er, ey)
            canvas.drawPath(arc, _stroke(ink, er * 0.38))
        else:
            open_ = 1.0 - squint
            canvas.drawOval(skia.Rect.MakeXYWH(ex - er, ey - er * 1.15 * open_, 2 * er,
                                               2.3 * er * open_), _paint((252, 252, 250)))
            pr = er * 0.62
            canvas.drawOval(skia.Rect.MakeXYWH(ex - pr + f * er * 0.3, ey - pr * open_,
                                               2 * pr, 2 * pr * open_), _paint(ink))
            canvas.drawCircle(ex + f * er * 0.45, ey - pr * 0.4 * open_, pr * 0.3,
                              _paint((255, 255, 255)))
        # brows: raised in joy, knitted in grief, drawn down in anger
        inner = -0.12 * smile if tears < 0.5 else -0.3
        if smile < -0.25 and tears < 0.5:
            inner = 0.25
        bx0, bx1 = ex - er * 1.1, ex + er * 1.1
        by = ey - er * 1.9
        inner_x = bx0 if f > 0 and ex > 0.2 * r * f else bx1
        brow = skia.Path()
        brow.moveTo(bx0, by + (inner * er if inner_x == bx0 else 0.0))
        brow.lineTo(bx1, by + (inner * er if inner_x == bx1 else 0.0))
        canvas.drawPath(brow, _stroke(shade(look.hair, 0.8) if look.hair_style != "none"
                                      else ink, er * 0.35))
    if not robot:
        nose = skia.Path()
        nose.moveTo(f * 0.9 * r, -0.05 * r)
        nose.quadTo(f * 1.12 * r, 0.12 * r, f * 0.88 * r, 0.2 * r)
        canvas.drawPath(nose, _paint(shade(look.skin, 0.9)))
    if look.beard:
        _beard(canvas, look, r, f)
    _mouth(canvas, e, r, f, smile)
    if (smile > 0.6 and look.age in ("baby", "child")) or (smile > 0.6 and look.gender == "female"):
        canvas.drawCircle(f * 0.42 * r, 0.22 * r, 0.14 * r, _paint((240, 120, 120), 70))
    if tears > 0:
        drop = (t * 1.3) % 1.0
        for k, x in enumerate((f * 0.45 * r, f * 0.05 * r)):
            y = 0.05 * r + ((drop + 0.5 * k) % 1.0) * 0.8 * r
            canvas.drawOval(skia.Rect.MakeXYWH(x - 0.08 * r, y, 0.16 * r, 0.26 * r),
                            _paint((120, 190, 250), 220))
    if look.age == "elder":
        canvas.drawLine(f * 0.72 * r, -0.02 * r, f * 0.82 * r, 0.06 * r,
                        _stroke(shade(look.skin, 0.8), 0.05 * r))


def _mouth(canvas: skia.Canvas, e: EntityFrame, r: float, f: int, smile: float) -> None:
    mx, my = f * 0.5 * r, 0.45 * r
    mw = 0.42 * r
    open_ = e.mouth
    if open_ < 0.06:
        p = skia.Path()
        p.moveTo(mx - mw / 2, my - smile * 0.05 * r)
        p.quadTo(mx, my + smile * 0.16 * r, mx + mw / 2, my - smile * 0.05 * r)
        canvas.drawPath(p, _stroke((110, 40, 48), 0.07 * r))
        return
    mh = 0.08 * r + open_ * 0.42 * r
    p = skia.Path()
    if smile > 0.3:
        # a laughing D: flat top, round bottom, teeth showing
        p.moveTo(mx - mw / 2, my - 0.05 * r)
        p.lineTo(mx + mw / 2, my - 0.05 * r)
        p.quadTo(mx + mw / 2, my + mh, mx, my + mh)
        p.quadTo(mx - mw / 2, my + mh, mx - mw / 2, my - 0.05 * r)
        p.close()
    else:
        p.addOval(skia.Rect.MakeXYWH(mx - mw * 0.4, my - mh * 0.4, mw * 0.8, mh))
    canvas.drawPath(p, _paint((100, 28, 40)))
    canvas.save()
    canvas.clipPath(p, doAntiAlias=True)
    if smile > 0.3:
        canvas.drawRect(skia.Rect.MakeXYWH(mx - mw, my - 0.06 * r, 2 * mw, 0.09 * r),
                        _paint((250, 250, 246)))
    canvas.drawOval(skia.Rect.MakeXYWH(mx - mw * 0.3, my + mh * 0.5, mw * 0.6, mh * 0.6),
                    _paint((225, 110, 120)))
    canvas.restore()


def _beard(canvas: skia.Canvas, look: Appearance, r: float, f: int) -> None:
    p = skia.Path()
    p.moveTo(-f * 0.05 * r, 0.05 * r)
    p.quadTo(f * 0.1 * r, 0.35 * r, f * 0.3 * r, 0.3 * r)
    p.lineTo(f * 0.75 * r, 0.32 * r)
    p.quadTo(f * 0.95 * r, 0.4 * r, f * 0.85 * r, 0.62 * r)
    long = look.outfit == "robe"
    p.quadTo(f * 0.5 * r, (1.6 if long else 1.05) * r, -f * 0.05 * r, 0.75 * r)
    p.close()
    canvas.drawPath(p, _paint(shade(look.hair, 0.92)))
    canvas.drawOval(skia.Rect.MakeXYWH(f * 0.5 * r - 0.26 * r, 0.3 * r, 0.52 * r, 0.1 * r),
                    _paint(shade(look.hair, 0.8)))


def _headwear(canvas: skia.Canvas, look: Appearance, r: float, f: int, t: float) -> None:
    """Hats, helmets and antennae: who someone is, at a glance."""
    hw = look.headwear
    if hw == "none":
        return
    if hw == "chef_hat":
        canvas.drawRect(skia.Rect.MakeXYWH(-0.8 * r, -1.15 * r, 1.6 * r, 0.4 * r),
                        _paint((246, 246, 246)))
        for dx in (-0.45, 0.0, 0.45):
            canvas.drawCircle(dx * r, -1.45 * r, 0.5 * r, _paint((250, 250, 250)))
        canvas.drawLine(-0.8 * r, -0.8 * r, 0.8 * r, -0.8 * r, _stroke((215, 215, 220), 0.06 * r))
    elif hw == "wizard_hat":
        p = skia.Path()
        p.moveTo(-1.35 * r, -0.55 * r)
        p.lineTo(1.35 * r, -0.55 * r)
        p.lineTo(-f * 0.5 * r, -2.7 * r)
        p.close()
        canvas.drawPath(p, _paint(shade(look.top, 0.85)))
        canvas.drawCircle(0.1 * r, -1.3 * r, 0.14 * r, _paint((250, 220, 90)))
    elif hw == "helmet":
        p = skia.Path()
        p.addArc(skia.Rect.MakeXYWH(-1.1 * r, -1.1 * r, 2.2 * r, 2.2 * r), 180, 180)
        p.lineTo(-1.1 * r, 0.0)
        p.close()
        canvas.drawPath(p, _paint(shade(look.top, 0.95)))
        canvas.drawRect(skia.Rect.MakeXYWH(-f * 1.1 * r if f < 0 else 0.2 * r, -0.3 * r,
                                           0.9 * r, 0.12 * r), _paint(shade(look.top, 0.6)))
        canvas.drawLine(0, -1.1 * r, -f * 0.3 * r, -1.6 * r, _stroke((200, 50, 50), 0.25 * r))
    elif hw == "cap":
        p = skia.Path()
        p.addArc(skia.Rect.MakeXYWH(-1.02 * r, -1.05 * r, 2.04 * r, 2.04 * r), 185, 170)
        p.close()
        canvas.drawPath(p, _paint(shade(look.top, 0.8)))
        canvas.drawRoundRect(skia.Rect.MakeXYWH(f * 0.3 * r if f > 0 else -1.3 * r, -0.42 * r,
                                                1.0 * r, 0.16 * r), 0.08 * r, 0.08 * r,
                             _paint(shade(look.top, 0.6)))
    elif hw == "bubble":
        canvas.drawCircle(-f * 0.1 * r, 0.05 * r, r * 1.3, _paint((150, 200, 240), 70))
        canvas.drawCircle(-f * 0.1 * r, 0.05 * r, r * 1.3, _stroke((235, 238, 245), 0.12 * r))
        canvas.drawOval(skia.Rect.MakeXYWH(f * 0.2 * r, -0.9 * r, 0.5 * r, 0.3 * r),
                        _paint((255, 255, 255), 150))
    elif hw in ("antenna", "antennae"):
        tips = ((0.0, -1.55),) if hw == "antenna" else ((-0.35, -1.5), (0.35, -1.55))
        for dx, dy in tips:
            canvas.drawLine(dx * 0.4 * r, -0.9 * r, dx * r, dy * r,
                            _stroke((90, 95, 105) if hw == "antenna" else shade(look.skin, 0.7),
                                    0.08 * r))
            glow = 0.5 + 0.5 * math.sin(t * 6.0)
            canvas.drawCircle(dx * r, dy * r, 0.14 * r, _paint(mix((240, 70, 60), (255, 200, 80),
                                                                   glow)))
    elif hw == "top_hat":
        canvas.drawRect(skia.Rect.MakeXYWH(-0.6 * r, -1.75 * r, 1.2 * r, 1.0 * r),
                        _paint((30, 30, 35)))
        canvas.drawRect(skia.Rect.MakeXYWH(-0.9 * r, -0.85 * r, 1.8 * r, 0.15 * r),
                        _paint((30, 30, 35)))
