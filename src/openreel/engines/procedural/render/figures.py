"""Draw entities from their rig parts: shaded shapes, faces, wheels, windows, flames."""

from __future__ import annotations

import math

import skia

from openreel.engines.procedural.art.library import head_artwork_of
from openreel.engines.procedural.personas import Appearance
from openreel.engines.procedural.render import people
from openreel.engines.procedural.render.apparatus import (
    MIRRORED,
    PAINTERS,
    WATER_TINT,
    draw_outline,
)
from openreel.engines.procedural.render.faces import light_filter, paint_head
from openreel.engines.procedural.render.gear import GEAR
from openreel.engines.procedural.render.looks import Material
from openreel.engines.procedural.render.palette import RGB, lit_colour, mix, shade
from openreel.engines.procedural.render.shading import fill_shape
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.rigs import PartSpec, all_parts, footprint
from openreel.engines.procedural.scene import EntityFrame, foreground_drop, foreground_scale
from openreel.spec import Archetype

SKIN: RGB = (240, 198, 160)
_SKINLESS = {"robot": (200, 205, 215), "alien": (130, 200, 120), "zombie": (150, 175, 130),
             "astronaut": (235, 235, 240), "snowman": (245, 245, 250), "knight": (190, 195, 205)}
_FACE_PART = {Archetype.HUMANOID: "head", Archetype.QUADRUPED: "head", Archetype.BIRD: "head",
              Archetype.FISH: "body"}
_rig_cache: dict[tuple[Archetype, float, Appearance | None], list[PartSpec]] = {}


def parts_of(entity: EntityFrame) -> list[PartSpec]:
    """The parts of an entity (jointed and attached), drawing order first."""
    key = (entity.archetype, round(entity.size, 4), entity.look)
    if key not in _rig_cache:
        parts = all_parts(entity.archetype, entity.size, entity.look)
        _rig_cache[key] = sorted(parts, key=lambda p: p.z)
    return _rig_cache[key]


def depth_matrix(entity: EntityFrame, view: View) -> skia.Matrix:
    """Screen transform of far scenery (smaller, moving less when the camera pans) and of
    things brought forward to be seen beside bigger ones (larger, and standing lower in
    the frame, nearer the lens)."""
    if entity.depth < -0.01:
        k = foreground_scale(entity.depth)
        ax, ay = view.to_px(entity.x, 0.0)
        height = footprint(entity.archetype, entity.size, entity.kind)[1]
        m = skia.Matrix.Translate(ax, ay + foreground_drop(entity.depth, height) * view.ppm)
        m.preScale(k, k)
        m.preTranslate(-ax, -ay)
        return m
    if entity.depth <= 0.0:
        return skia.Matrix()
    k = 1.0 / (1.0 + 0.5 * entity.depth)
    ax, ay = view.to_px(entity.x, 0.0)
    # big scenery (castles, towers) stands far back: never taller than most of the sky
    k = min(k, 0.6 * max(ay, 1.0) / max(entity.size * view.ppm, 1e-6))
    shift = view.pan * view.ppm * (entity.depth / (1.0 + entity.depth))
    m = skia.Matrix.Translate(ax + shift, ay)
    m.preScale(k, k)
    m.preTranslate(-ax, -ay)
    return m


def part_colour(entity: EntityFrame, part: PartSpec) -> RGB:
    """The base colour of a part, before light."""
    main = entity.colour
    if part.role == "skin":
        if entity.archetype is Archetype.HUMANOID:
            return _SKINLESS.get(entity.kind, SKIN)
        return main
    if part.role == "limb":
        if entity.archetype is Archetype.HUMANOID and part.name.startswith(("thigh", "shin")):
            return (58, 66, 92) if entity.kind not in _SKINLESS else shade(main, 0.85)
        return shade(main, 0.92)
    if part.role == "far_limb":
        if entity.archetype is Archetype.HUMANOID and part.name.startswith(("thigh", "shin")):
            return (42, 48, 70) if entity.kind not in _SKINLESS else shade(main, 0.65)
        return shade(main, 0.72)
    if part.role == "dark":
        return (48, 44, 46) if entity.archetype is not Archetype.TREE else (105, 72, 45)
    if part.role == "accent":
        if entity.archetype is Archetype.BIRD:
            return (245, 170, 40)
        return mix(main, (255, 255, 255), 0.45)
    if part.role == "glass":
        return (175, 215, 235)
    if part.role == "flame":
        return (255, 170, 40)
    return main


def shape_path(part: PartSpec, w: float, h: float) -> skia.Path:
    """The outline of a part centred on the origin, w × h pixels."""
    path = skia.Path()
    rect = skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h)
    if part.shape in ("circle", "ellipse", "wheel"):
        path.addOval(rect)
    elif part.shape == "capsule":
        r = min(w, h) / 2
        path.addRoundRect(rect, r, r)
    elif part.shape == "rounded_box":
        r = min(w, h) * 0.22
        path.addRoundRect(rect, r, r)
    elif part.shape == "triangle":
        path.moveTo(-w / 2, h / 2)
        path.lineTo(w / 2, h / 2)
        path.lineTo(0, -h / 2)
        path.close()
    else:
        path.addRect(rect)
    return path


class FigurePainter:
    """Paints entities onto a canvas for one view."""

    def __init__(self, light_ambient: RGB, haze: RGB, outline: float,
                 material: Material | None = None) -> None:
        self.ambient, self.haze, self.outline = light_ambient, haze, outline
        self.material = material if material is not None else Material()
        self.haze_now = 0.0  # how far the entity being drawn fades into the haze

    def draw(self, canvas: skia.Canvas, entity: EntityFrame, view: View, t: float) -> None:
        """Draw one entity with shading, details and its face."""
        if not entity.visible:
            return
        haze = min(max(entity.depth, 0.0) * 0.25, 0.6)
        shift = 0.0
        canvas.save()
        canvas.concat(depth_matrix(entity, view))
        squash = entity.squash if abs(entity.squash - 1) > 1e-3 else 1.0
        cx, cy = view.to_px(entity.x, entity.y)
        water = entity.extra.get("water_line")
        if water is not None:
            canvas.saveLayer(None, None)  # tinted below the surface once drawn
        person = entity.look is not None and entity.archetype is Archetype.HUMANOID
        gear = sorted((GEAR[k[5:]][0], k[5:]) for k in entity.parts
                      if k.startswith("gear:") and k[5:] in GEAR)
        for part in parts_of(entity):
            while gear and gear[0][0] < part.z:
                self._gear(canvas, entity, view, gear.pop(0)[1], t)
            tr = entity.parts.get(part.name)
            if tr is None or entity.extra.get("broken"):
                continue
            if entity.archetype is Archetype.AIRCRAFT and part.name == "rotor" and \
                    entity.kind != "helicopter":
                continue
            px, py = view.to_px(tr.x, tr.y)
            px += shift
            w, h = part.w * view.ppm, part.h * view.ppm
            if entity.archetype is Archetype.ROCKET and part.name == "flame":
                flame = entity.extra.get("flame", 0.0)
                if flame <= 0.02:
                    continue
                h *= 0.4 + flame
            canvas.save()
            if squash != 1.0:
                canvas.translate(cx + shift, cy)
                canvas.rotate(-math.degrees(entity.squash_angle))
                canvas.scale(1 / squash, squash)
                canvas.rotate(math.degrees(entity.squash_angle))
                canvas.translate(-cx - shift, -cy)
            canvas.translate(px, py)
            canvas.rotate(-math.degrees(tr.angle))
            if person:
                self.haze_now = haze
                people.draw_part(self, canvas, entity, part, w, h, t)
                canvas.restore()
                continue
            base = mix(part_colour(entity, part), self.haze, haze)
            face = head_artwork_of(entity.kind) if part.name == "head" else None
            if face is not None:
                # an animal whose artwork is a face wears it as its head
                scale = canvas.getTotalMatrix().mapRadius(1.0)
                paint_head(canvas, face, w, h, scale,
                           light_filter(self.ambient, self.haze, entity.depth))
            else:
                self._shape(canvas, entity, part, w, h, base, t)
            if face is None and part.name == _FACE_PART.get(entity.archetype):
                self._face(canvas, entity, w, h)
                if entity.archetype is Archetype.HUMANOID:
                    self._headwear(canvas, entity, w)
            elif entity.archetype is Archetype.HUMANOID:
                self._extremity(canvas, entity, part, w, h)
            elif part.name == "neck" and entity.kind == "horse":
                _mane(canvas, entity, w, h)
            canvas.restore()
        for _, name in gear:
            self._gear(canvas, entity, view, name, t)
        self._outlines(canvas, entity, view)
        if water is not None:
            _, wy = view.to_px(0.0, water)
            canvas.drawRect(skia.Rect.MakeLTRB(-view.width, wy, 2 * view.width, 2 * view.height),
                            skia.Paint(Color=skia.Color(*WATER_TINT),
                                       BlendMode=skia.BlendMode.kSrcATop))
            canvas.restore()
        canvas.restore()

    def _outlines(self, canvas: skia.Canvas, entity: EntityFrame, view: View) -> None:
        """Polygon parts: the shards of a broken thing, a bat in a hand."""
        for name, outline in entity.outlines.items():
            tr = entity.parts.get(name)
            if tr is None:
                continue
            px, py = view.to_px(tr.x, tr.y)
            canvas.save()
            canvas.translate(px, py)
            canvas.rotate(-math.degrees(tr.angle))
            draw_outline(canvas, outline.points, view.ppm, _lit(outline.colour, self.ambient),
                         outline.glassy)
            canvas.restore()

    def _gear(self, canvas: skia.Canvas, entity: EntityFrame, view: View, name: str,
              t: float) -> None:
        """Draw one piece of mimed gear at its transform, at the figure's scale."""
        tr = entity.parts[f"gear:{name}"]
        px, py = view.to_px(tr.x, tr.y)
        canvas.save()
        canvas.translate(px, py)
        canvas.rotate(-math.degrees(tr.angle))
        GEAR[name][1](canvas, entity.size * view.ppm, 1 if entity.facing >= 0 else -1, t)
        canvas.restore()

    def fill(self, canvas: skia.Canvas, path: skia.Path, base: RGB, w: float, h: float) -> None:
        """Fill a path in the scene's light: gradient (or cel) shading and the style's outline."""
        lit = _lit(mix(base, self.haze, self.haze_now), self.ambient)
        self._shade(canvas, path, lit, w, h, self.outline > 0)

    def _shade(self, canvas: skia.Canvas, path: skia.Path, lit: RGB, w: float, h: float,
               edge: bool) -> None:
        fill_shape(canvas, path, lit, self.material, max(self.outline, 2.0) if edge else 0.0)

    def _shape(self, canvas: skia.Canvas, entity: EntityFrame, part: PartSpec, w: float,
               h: float, base: RGB, t: float) -> None:
        path = shape_path(part, w, h)
        lit = _lit(base, self.ambient)
        special = _SPECIAL.get((entity.kind, part.name))
        if special is not None:
            if entity.kind in MIRRORED and entity.facing < 0:
                canvas.scale(-1.0, 1.0)
            special(canvas, w, h, _lit(entity.colour, self.ambient), t)
            return
        paint = skia.Paint(AntiAlias=True)
        if part.role == "flame":
            paint.setShader(skia.GradientShader.MakeLinear(
                [skia.Point(0, -h / 2), skia.Point(0, h / 2)],
                [skia.Color(255, 250, 200), skia.Color(255, 120, 30, 0)]))
            glow = skia.Paint(Color=skia.Color(255, 160, 60, 90), AntiAlias=True)
            glow.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, w * 0.4))
            canvas.drawOval(skia.Rect.MakeXYWH(-w, -h / 2, 2 * w, h * 1.2), glow)
            canvas.drawPath(path, paint)
            return
        if entity.archetype is Archetype.CONTAINER:
            # clear glass whatever its nominal colour, so the liquid inside reads as liquid
            paint.setColor(skia.Color(228, 236, 240, 190))
            canvas.drawPath(path, paint)
            canvas.drawPath(path, skia.Paint(Color=skia.Color(120, 130, 140, 220),
                                             AntiAlias=True, Style=skia.Paint.kStroke_Style,
                                             StrokeWidth=max(1.0, min(w, h) * 0.15)))
            return
        if part.role == "glass":
            paint.setColor(skia.Color(*lit, 235))
            canvas.drawPath(path, paint)
            return
        # blocks always get a dark edge so stacked ones read as separate things
        self._shade(canvas, path, lit, w, h, self.outline > 0 or entity.archetype is
                    Archetype.BLOCK)
        if part.shape == "wheel":
            hub = skia.Paint(Color=skia.Color(200, 200, 205), AntiAlias=True)
            canvas.drawCircle(0, 0, w * 0.22, hub)
            spoke = skia.Paint(Color=skia.Color(170, 170, 175), AntiAlias=True,
                               Style=skia.Paint.kStroke_Style, StrokeWidth=max(w * 0.05, 1))
            for k in range(4):
                a = k * math.pi / 4
                canvas.drawLine(-math.cos(a) * w * 0.4, -math.sin(a) * w * 0.4,
                                math.cos(a) * w * 0.4, math.sin(a) * w * 0.4, spoke)
        elif entity.archetype is Archetype.BUILDING and part.name == "walls":
            win = skia.Paint(Color=skia.Color(255, 220, 140) if self.ambient[2] > 170 and
                             self.ambient[0] < 160 else skia.Color(120, 150, 180),
                             AntiAlias=True)
            for gx in range(3):
                for gy in range(5):
                    canvas.drawRect(skia.Rect.MakeXYWH(-w * 0.35 + gx * w * 0.27, -h * 0.42 +
                                                       gy * h * 0.17, w * 0.15, h * 0.1), win)
        elif entity.archetype is Archetype.TREE and part.name == "canopy":
            leaf = skia.Paint(Color=skia.Color(*shade(lit, 1.12)), AntiAlias=True)
            for k in range(5):
                a = k * 1.3
                canvas.drawCircle(math.cos(a) * w * 0.25, math.sin(a) * h * 0.2 - h * 0.1,
                                  w * 0.2, leaf)
        elif entity.archetype is Archetype.BALL and part.name == "body":
            shine = skia.Paint(Color=skia.Color(255, 255, 255, 150), AntiAlias=True)
            canvas.drawOval(skia.Rect.MakeXYWH(-w * 0.28, -h * 0.32, w * 0.22, h * 0.14), shine)

    def _extremity(self, canvas: skia.Canvas, entity: EntityFrame, part: PartSpec, w: float,
                   h: float) -> None:
        """Hands at the end of forearms, shoes at the end of shins."""
        if part.name.startswith("lower_arm"):
            colour = _SKINLESS.get(entity.kind, SKIN)
            if part.role == "far_limb":
                colour = shade(colour, 0.8)
            canvas.drawCircle(0, h * 0.5, w * 0.75, skia.Paint(Color=skia.Color(*colour),
                                                                AntiAlias=True))
        elif part.name.startswith("shin"):
            shoe = (40, 36, 40) if part.role == "limb" else (28, 25, 28)
            f = 1 if entity.facing >= 0 else -1
            canvas.drawRoundRect(skia.Rect.MakeXYWH(-w * 0.6 + f * w * 0.25, h * 0.42, w * 1.5,
                                                    w * 0.6), w * 0.3, w * 0.3,
                                 skia.Paint(Color=skia.Color(*shoe), AntiAlias=True))

    def _headwear(self, canvas: skia.Canvas, entity: EntityFrame, w: float) -> None:
        """Hair, helmets, hats and antennae: who someone is, at a glance."""
        r = w / 2
        f = 1 if entity.facing >= 0 else -1
        if entity.kind == "robot":
            stroke = skia.Paint(Color=skia.Color(90, 95, 105), AntiAlias=True,
                                StrokeWidth=max(r * 0.08, 1), Style=skia.Paint.kStroke_Style)
            canvas.drawLine(0, -r, 0, -r * 1.45, stroke)
            canvas.drawCircle(0, -r * 1.5, r * 0.14, skia.Paint(Color=skia.Color(240, 70, 60),
                                                                 AntiAlias=True))
            return
        if entity.kind == "astronaut":
            canvas.drawCircle(0, 0, r * 1.25, skia.Paint(Color=skia.Color(235, 238, 245),
                                                         AntiAlias=True, StrokeWidth=r * 0.18,
                                                         Style=skia.Paint.kStroke_Style))
            canvas.drawOval(skia.Rect.MakeXYWH(f * r * 0.05 - r * 0.55, -r * 0.5, r * 1.1,
                                               r * 0.8), skia.Paint(
                Color=skia.Color(120, 170, 220, 110), AntiAlias=True))
            return
        if entity.kind in ("wizard", "chef", "knight", "snowman"):
            hat = {"wizard": (90, 50, 150), "chef": (248, 248, 248), "knight": (175, 180, 190),
                   "snowman": (30, 30, 35)}[entity.kind]
            path = skia.Path()
            if entity.kind == "wizard":
                path.moveTo(-r * 1.2, -r * 0.6)
                path.lineTo(r * 1.2, -r * 0.6)
                path.lineTo(-f * r * 0.3, -r * 2.6)
            elif entity.kind == "chef":
                path.addOval(skia.Rect.MakeXYWH(-r * 0.9, -r * 1.9, r * 1.8, r * 1.4))
            elif entity.kind == "knight":
                path.addArc(skia.Rect.MakeXYWH(-r * 1.08, -r * 1.08, r * 2.16, r * 2.16), 180,
                            180)
            else:
                path.addRect(skia.Rect.MakeXYWH(-r * 0.6, -r * 1.7, r * 1.2, r * 0.9))
            path.close()
            canvas.drawPath(path, skia.Paint(Color=skia.Color(*hat), AntiAlias=True))
            return
        if entity.kind in ("alien", "zombie"):
            return
        tones = ((60, 40, 30), (30, 25, 25), (200, 160, 90), (150, 70, 40), (110, 80, 55))
        hair = tones[sum(map(ord, entity.uid)) % len(tones)]
        path = skia.Path()
        path.addArc(skia.Rect.MakeXYWH(-r * 1.05, -r * 1.1, r * 2.1, r * 2.1), 200, 140)
        path.close()
        canvas.drawPath(path, skia.Paint(Color=skia.Color(*hair), AntiAlias=True))
        canvas.drawCircle(-f * r * 0.7, -r * 0.35, r * 0.38, skia.Paint(
            Color=skia.Color(*hair), AntiAlias=True))

    def _face(self, canvas: skia.Canvas, entity: EntityFrame, w: float, h: float) -> None:
        f = 1 if entity.facing >= 0 else -1
        r = min(w, h) / 2
        if entity.archetype is Archetype.FISH:
            ex, ey, er = f * w * 0.3, -h * 0.1, h * 0.12
        else:
            ex, ey, er = f * r * 0.35, -r * 0.15, r * 0.2
        white = skia.Paint(Color=skia.Color(250, 250, 250), AntiAlias=True)
        dark = skia.Paint(Color=skia.Color(25, 25, 35), AntiAlias=True)
        open_ = max(0.08, 1.0 - entity.blink)
        for dx in ((0.0,) if entity.archetype is not Archetype.HUMANOID else (-0.45, 0.45)):
            x = ex + dx * er * 1.6 * f
            canvas.drawOval(skia.Rect.MakeXYWH(x - er, ey - er * open_, 2 * er, 2 * er * open_),
                            white)
            canvas.drawOval(skia.Rect.MakeXYWH(x - er * 0.5 + f * er * 0.3, ey - er * 0.5 *
                                               open_, er, er * open_), dark)
        if entity.archetype in (Archetype.HUMANOID, Archetype.QUADRUPED):
            mw = r * 0.35
            mh = r * 0.05 + entity.mouth * r * 0.35
            mx, my = f * r * 0.3, r * 0.4
            if entity.archetype is Archetype.QUADRUPED:
                mx, my = f * w * 0.32, h * 0.2
                canvas.drawCircle(f * w * 0.45, -h * 0.02, r * 0.09, dark)  # nose
            canvas.drawOval(skia.Rect.MakeXYWH(mx - mw / 2, my - mh / 2, mw, mh),
                            skia.Paint(Color=skia.Color(110, 30, 40), AntiAlias=True))
        if entity.archetype is Archetype.QUADRUPED:
            _animal_head(canvas, entity, w, h, f)


def _mane(canvas: skia.Canvas, entity: EntityFrame, w: float, h: float) -> None:
    """A horse's mane along the back of its neck, from the poll towards the withers."""
    f = 1 if entity.facing >= 0 else -1
    mane = skia.Path()
    mane.moveTo(-f * w * 0.42, -h * 0.5)
    mane.quadTo(-f * w * 0.9, -h * 0.1, -f * w * 0.5, h * 0.3)
    mane.lineTo(-f * w * 0.2, h * 0.25)
    mane.quadTo(-f * w * 0.45, -h * 0.1, -f * w * 0.05, -h * 0.5)
    mane.close()
    canvas.drawPath(mane, skia.Paint(Color=skia.Color(*shade(entity.colour, 0.45)),
                                     AntiAlias=True))


_EARS = {"cat": "pointed", "fox": "pointed", "lion": "round", "bear": "round", "mouse": "round",
         "dog": "floppy", "rabbit": "long", "horse": "small", "cow": "horns", "sheep": "floppy",
         "pig": "small", "elephant": "elephant", "dinosaur": "none", "dragon": "horns",
         "frog": "none"}
_SNOUT = {"dog": 0.35, "fox": 0.4, "horse": 0.55, "cow": 0.35, "pig": 0.3, "bear": 0.3,
          "sheep": 0.25, "dinosaur": 0.45, "dragon": 0.45, "elephant": 0.2, "lion": 0.25}


def _animal_head(canvas: skia.Canvas, entity: EntityFrame, w: float, h: float, f: int) -> None:
    """Ears, snouts, manes and trunks that tell one animal from another."""
    base = entity.colour
    dark = skia.Paint(Color=skia.Color(*shade(base, 0.68)), AntiAlias=True)
    snout = _SNOUT.get(entity.kind, 0.0)
    if snout:
        muzzle = skia.Paint(Color=skia.Color(*shade(base, 1.12)), AntiAlias=True)
        canvas.drawRoundRect(skia.Rect.MakeXYWH(f * w * 0.2 - (w * snout if f < 0 else 0),
                                                -h * 0.05, w * snout + w * 0.1, h * 0.42),
                             h * 0.2, h * 0.2, muzzle)
        canvas.drawCircle(f * (w * 0.28 + w * snout), h * 0.02, h * 0.08, skia.Paint(
            Color=skia.Color(35, 30, 35), AntiAlias=True))
    if entity.kind == "pig":
        canvas.drawOval(skia.Rect.MakeXYWH(f * w * 0.45 - h * 0.12, -h * 0.05, h * 0.24,
                                           h * 0.3), skia.Paint(Color=skia.Color(230, 130, 150),
                                                                AntiAlias=True))
    if entity.kind == "elephant":
        trunk = skia.Path()
        trunk.moveTo(f * w * 0.4, -h * 0.1)
        trunk.quadTo(f * w * 0.75, h * 0.4, f * w * 0.55, h * 1.1)
        canvas.drawPath(trunk, skia.Paint(Color=skia.Color(*shade(base, 0.9)), AntiAlias=True,
                                          Style=skia.Paint.kStroke_Style, StrokeWidth=w * 0.16,
                                          StrokeCap=skia.Paint.kRound_Cap))
    if entity.kind == "lion":  # a horse's mane runs down its neck instead (see _mane)
        mane = skia.Paint(Color=skia.Color(*shade(base, 0.8)), AntiAlias=True)
        canvas.drawCircle(-f * w * 0.05, 0, h * 0.75, mane)
        canvas.drawOval(skia.Rect.MakeXYWH(-w / 2, -h / 2, w, h), skia.Paint(
            Color=skia.Color(*base), AntiAlias=True))
    style = _EARS.get(entity.kind, "pointed")
    for k, dx in enumerate((-0.12, 0.1)):
        ex = f * w * dx
        path = skia.Path()
        if style == "pointed":
            path.moveTo(ex - w * 0.11, -h * 0.3)
            path.lineTo(ex + w * 0.11, -h * 0.3)
            path.lineTo(ex + f * w * 0.04, -h * 0.8)
        elif style == "small":
            path.moveTo(ex - w * 0.06, -h * 0.35)
            path.lineTo(ex + w * 0.06, -h * 0.35)
            path.lineTo(ex, -h * 0.72)
        elif style == "long":
            path.addOval(skia.Rect.MakeXYWH(ex - w * 0.07, -h * 1.25, w * 0.14, h * 0.95))
        elif style == "round":
            path.addCircle(ex, -h * 0.42, h * 0.17)
        elif style == "floppy":
            if k == 0:
                continue
            path.addOval(skia.Rect.MakeXYWH(-f * w * 0.2 - w * 0.1, -h * 0.4, w * 0.2, h * 0.7))
        elif style == "horns":
            path.moveTo(ex - w * 0.04, -h * 0.4)
            path.quadTo(ex + f * w * 0.02, -h * 0.7, ex + f * w * 0.12, -h * 0.8)
            path.lineTo(ex + w * 0.05, -h * 0.4)
            canvas.drawPath(path, skia.Paint(Color=skia.Color(235, 225, 200), AntiAlias=True))
            continue
        elif style == "elephant":
            if k == 0:
                continue
            path.addOval(skia.Rect.MakeXYWH(-f * w * 0.35 - w * 0.25, -h * 0.45, w * 0.5, h * 0.9))
        else:
            continue
        path.close()
        canvas.drawPath(path, dark)


def _saucer(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A flying saucer: glass dome, metal disc, blinking lights."""
    dome = skia.Paint(Color=skia.Color(170, 230, 240, 220), AntiAlias=True)
    canvas.drawOval(skia.Rect.MakeXYWH(-w * 0.22, -h * 1.3, w * 0.44, h * 1.6), dome)
    disc = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, -h / 2), skia.Point(0, h / 2)],
        [skia.Color(*shade(lit, 1.25)), skia.Color(*shade(lit, 0.6))]))
    canvas.drawOval(skia.Rect.MakeXYWH(-w / 2, -h * 0.35, w, h * 0.7), disc)
    for k in range(5):
        on = int(t * 4 + k) % 2 == 0
        colour = skia.Color(255, 230, 90) if on else skia.Color(120, 110, 60)
        canvas.drawCircle((k - 2) * w * 0.16, h * 0.05, h * 0.08, skia.Paint(
            Color=colour, AntiAlias=True))
    beam = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, h * 0.3), skia.Point(0, h * 6)],
        [skia.Color(200, 255, 220, 90), skia.Color(200, 255, 220, 0)]))
    path = skia.Path()
    path.moveTo(-w * 0.15, h * 0.3)
    path.lineTo(w * 0.15, h * 0.3)
    path.lineTo(w * 0.45, h * 6)
    path.lineTo(-w * 0.45, h * 6)
    path.close()
    canvas.drawPath(path, beam)


def _castle(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """Stone keep between two towers, with battlements and a flag."""
    stone = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(-w / 2, 0), skia.Point(w / 2, 0)],
        [skia.Color(*shade(lit, 1.1)), skia.Color(*shade(lit, 0.75))]))
    canvas.drawRect(skia.Rect.MakeLTRB(-w * 0.4, -h * 0.25, w * 0.4, h / 2), stone)
    for tx in (-w * 0.5, w * 0.3):
        canvas.drawRect(skia.Rect.MakeLTRB(tx, -h / 2, tx + w * 0.2, h / 2), stone)
        roof = skia.Path()
        roof.moveTo(tx - w * 0.03, -h / 2)
        roof.lineTo(tx + w * 0.23, -h / 2)
        roof.lineTo(tx + w * 0.1, -h * 0.75)
        roof.close()
        canvas.drawPath(roof, skia.Paint(Color=skia.Color(150, 60, 60), AntiAlias=True))
    for k in range(6):
        canvas.drawRect(skia.Rect.MakeXYWH(-w * 0.4 + k * w * 0.14, -h * 0.31, w * 0.08,
                                           h * 0.06), stone)
    canvas.drawRoundRect(skia.Rect.MakeXYWH(-w * 0.09, h * 0.22, w * 0.18, h * 0.28), w * 0.09,
                         w * 0.09, skia.Paint(Color=skia.Color(60, 45, 40), AntiAlias=True))
    window = skia.Paint(Color=skia.Color(40, 35, 45), AntiAlias=True)
    for tx in (-w * 0.4, w * 0.4):
        canvas.drawRect(skia.Rect.MakeXYWH(tx - w * 0.02, -h * 0.3, w * 0.04, h * 0.08), window)
    wave = math.sin(t * 5) * w * 0.02
    flag = skia.Path()
    flag.moveTo(w * 0.4, -h * 0.75)
    flag.lineTo(w * 0.52, -h * 0.72 + wave)
    flag.lineTo(w * 0.4, -h * 0.68)
    flag.close()
    canvas.drawPath(flag, skia.Paint(Color=skia.Color(230, 200, 60), AntiAlias=True))


def _sofa(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A sofa seen from the side: back, seat cushion, arm rests."""
    body = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, -h / 2), skia.Point(0, h / 2)],
        [skia.Color(*shade(lit, 1.15)), skia.Color(*shade(lit, 0.7))]))
    r = h * 0.12
    canvas.drawRoundRect(skia.Rect.MakeLTRB(-w / 2, -h * 0.45, w / 2, h * 0.05), r, r, body)
    canvas.drawRoundRect(skia.Rect.MakeLTRB(-w / 2, -h * 0.05, w / 2, h * 0.4), r, r, body)
    for ax in (-w / 2, w / 2 - w * 0.1):
        canvas.drawRoundRect(skia.Rect.MakeXYWH(ax, -h * 0.2, w * 0.1, h * 0.6), r, r, body)
    leg = skia.Paint(Color=skia.Color(70, 50, 35), AntiAlias=True)
    for lx in (-w * 0.42, w * 0.38):
        canvas.drawRect(skia.Rect.MakeXYWH(lx, h * 0.4, w * 0.04, h * 0.1), leg)


def _rocket_body(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """A rocket: shaded hull, red nose cone and a band."""
    hull = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(-w / 2, 0), skia.Point(w / 2, 0)],
        [skia.Color(*shade(lit, 0.8)), skia.Color(*shade(lit, 1.15)),
         skia.Color(*shade(lit, 0.7))], [0.0, 0.4, 1.0]))
    body = skia.Path()
    body.moveTo(-w / 2, h / 2)
    body.lineTo(-w / 2, -h * 0.22)
    body.cubicTo(-w / 2, -h * 0.4, -w * 0.1, -h * 0.5, 0, -h / 2)
    body.cubicTo(w * 0.1, -h * 0.5, w / 2, -h * 0.4, w / 2, -h * 0.22)
    body.lineTo(w / 2, h / 2)
    body.close()
    canvas.drawPath(body, hull)
    canvas.save()
    canvas.clipPath(body, doAntiAlias=True)
    red = skia.Paint(Color=skia.Color(215, 55, 50), AntiAlias=True)
    canvas.drawRect(skia.Rect.MakeLTRB(-w, -h, w, -h * 0.3), red)
    canvas.drawRect(skia.Rect.MakeLTRB(-w, h * 0.25, w, h * 0.31), red)
    canvas.restore()


def _skip(canvas: skia.Canvas, w: float, h: float, lit: RGB, t: float) -> None:
    """Parts a kind does without (a saucer has no wings, a sofa no separate top)."""


_SPECIAL = {
    ("ufo", "fuselage"): _saucer, ("ufo", "wing_near"): _skip, ("ufo", "wing_far"): _skip,
    ("ufo", "tail"): _skip, ("ufo", "rotor"): _skip,
    ("castle", "walls"): _castle, ("castle", "roof"): _skip,
    ("rocket", "body"): _rocket_body, ("missile", "body"): _rocket_body,
    ("sofa", "legs"): _sofa, ("sofa", "top"): _skip, ("bed", "legs"): _sofa,
    **PAINTERS,
}


def _lit(c: RGB, ambient: RGB) -> RGB:
    return lit_colour(c, ambient)
