"""The renderer: one RGBA frame per FrameState, plus masks and projections for ground truth."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import skia

from openreel.engines.procedural.render import artwork
from openreel.engines.procedural.render.artwork import ArtPainter, art_of
from openreel.engines.procedural.render.backdrop import Backdrop, paint_backdrop
from openreel.engines.procedural.render.camera import ShotCamera, View
from openreel.engines.procedural.render.captions import draw_captions
from openreel.engines.procedural.render.effects import Weather2D, draw_particles
from openreel.engines.procedural.render.figures import FigurePainter, depth_matrix, parts_of
from openreel.engines.procedural.render.finish import Finisher, ShotFinish
from openreel.engines.procedural.render.looks import LOOKS
from openreel.engines.procedural.render.palette import RGB, Light, light_for, lit_colour, shade
from openreel.engines.procedural.render.shadows import draw_shadows
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, FrameState, ShotSimulation
from openreel.spec import PLACES, Storyboard, Style

# parts drawn see-through (a goal's or a hoop's net): what is behind them stays seen, so
# they own no pixels of the instance masks
SEE_THROUGH = frozenset({"net"})


@dataclass
class _ShotLook:
    camera: ShotCamera
    backdrop: Backdrop | None
    light: Light
    weather: Weather2D
    painter: FigurePainter
    art: ArtPainter
    finish: ShotFinish

    def draw(self, canvas: skia.Canvas, entity: EntityFrame, view: View, t: float) -> None:
        """Draw an entity from its artwork, or from its rig when it has none."""
        art = art_of(entity)
        if art is not None:
            self.art.draw(canvas, entity, art, view, t)
        else:
            self.painter.draw(canvas, entity, view, t)


def _fades(copies: int) -> list[tuple[float, float]]:
    """The trail's copies, farthest first: how far back along the frame's path each lies
    (0..0.8) and how opaque it is (0..1)."""
    return [(k / copies * 0.8, 70 * (1 - k / copies * 0.8) / 255)
            for k in range(copies, 0, -1)]


# trail copies land between pixels: sampled smoothly
_BETWEEN = skia.SamplingOptions(skia.FilterMode.kLinear, skia.MipmapMode.kNone)


class Renderer:
    """Draws frames of a storyboard's simulation at one size and look."""

    def __init__(self, storyboard: Storyboard, width: int, height: int, seed: int = 0,
                 image: np.ndarray | None = None) -> None:
        self.storyboard, self.width, self.height, self.seed = storyboard, width, height, seed
        self.look = LOOKS[storyboard.style]
        k = self.look.medium.pixel
        # pixel art: drawn k times smaller, every pixel then a k × k block (cut to size)
        self.inner = (max(-(-width // k), 16), max(-(-height // k), 16))
        self.finisher = Finisher(self.look, *self.inner, seed=seed)
        self._buffer = np.zeros((height, width, 4), np.uint8)
        self._surface = skia.Surface(self._buffer, colorType=skia.kRGBA_8888_ColorType)
        self._small_buffer = np.zeros((self.inner[1], self.inner[0], 4), np.uint8)
        self._small = (skia.Surface(self._small_buffer, colorType=skia.kRGBA_8888_ColorType)
                       if k > 1 else None)
        self._mask_buffer = np.zeros((height, width, 4), np.uint8)
        self._mask_surface = skia.Surface(self._mask_buffer, colorType=skia.kRGBA_8888_ColorType)
        self._image = None
        if image is not None:
            self._image = skia.Image.fromarray(np.ascontiguousarray(
                np.dstack([image, np.full(image.shape[:2], 255, np.uint8)])),
                colorType=skia.kRGBA_8888_ColorType)
        self._shots: dict[int, _ShotLook] = {}
        self._backdrop_key: tuple[int, float, float, float] | None = None
        # the cached backdrop is opaque: copying it is a memcpy, not a blend
        self._copy = skia.Paint(BlendMode=skia.BlendMode.kSrc)
        self._backdrop_image: skia.Image | None = None
        self._ground_paints: dict[int, skia.Paint] = {}

    # -- public ----------------------------------------------------------------------------
    def render(self, state: FrameState, sim: ShotSimulation) -> np.ndarray:
        """The frame as (height, width, 4) uint8 RGBA."""
        shot = self._shot(sim)
        pixels = self._draw_scene(shot, state, sim)
        target = self._small if self._small is not None else self._surface
        self.finisher.overlay(target.getCanvas(), pixels, shot.finish, state.t)
        target.flushAndSubmit()
        # the finishing passes work on the frame's bytes, once it is drawn
        self.finisher.apply(pixels, state.index, shot.finish)
        if self._small is not None:
            k = self.look.medium.pixel
            (iw, ih), (w, h) = self.inner, (self.width, self.height)
            blocks = cv2.resize(self._small_buffer, (iw * k, ih * k),
                                interpolation=cv2.INTER_NEAREST)
            top, left = (ih * k - h) // 2, (iw * k - w) // 2
            self._buffer[...] = blocks[top:top + h, left:left + w]
        shot_spec = self.storyboard.shots[sim.shot]
        if shot_spec.captions:  # text is set at full size, crisp whatever the look
            draw_captions(self._surface.getCanvas(), shot_spec.captions, state.t - sim.start,
                          shot_spec.duration, self.width, self.height, self.storyboard.style)
        self._surface.flushAndSubmit()
        return self._buffer.copy()

    def _draw_scene(self, shot: _ShotLook, state: FrameState,
                    sim: ShotSimulation) -> np.ndarray:
        """Draw the frame's scene, unfinished, and return the bytes it was drawn into."""
        target = self._small if self._small is not None else self._surface
        canvas = target.getCanvas()
        view = self._view(state, sim, self.inner[0], self.inner[1])
        self._cached_backdrop(canvas, shot, view, state, sim)
        draw_shadows(canvas, state, view, shot.light, self.look.shadow)
        slow = self.storyboard.shots[sim.shot].camera.slow_motion
        for entity in self._draw_order(state):
            if not self._motion_trail(canvas, shot, entity, view, state.t, sim.fps, slow):
                shot.draw(canvas, entity, view, state.t)
        draw_particles(canvas, state.particles, view)
        shot.weather.draw(canvas, state.t, state.index)
        target.flushAndSubmit()
        return self._small_buffer if self._small is not None else self._buffer

    def _motion_trail(self, canvas: skia.Canvas, shot: _ShotLook, entity: EntityFrame,
                      view: View, t: float, fps: int, slow: float) -> bool:
        """Motion blur: fading copies along the path of anything that moves fast on screen.
        Returns whether the entity itself was drawn with them."""
        dt = slow / fps  # world time covered by one frame
        dx, dy = entity.vx * dt * view.ppm, entity.vy * dt * view.ppm
        streak = math.hypot(dx, dy)
        if streak < 6.0 or not entity.visible or entity.depth > 0:
            return False
        fw, fh = footprint(entity.archetype, entity.size, entity.kind)
        px, py = view.to_px(entity.x, entity.y)
        if self.look.speed_lines:
            # anime: ink streaks trailing the mover instead of a soft blur
            ink = skia.Paint(Color=skia.Color(255, 255, 255, 170), AntiAlias=True,
                             StrokeWidth=max(1.5, fh * view.ppm * 0.03),
                             StrokeCap=skia.Paint.kRound_Cap)
            ux, uy = dx / streak, -dy / streak
            for k in range(5):
                off = (k - 2) * fh * view.ppm * 0.18
                sx, sy = px - uy * off - ux * fw * view.ppm * 0.5, py + ux * off
                length = streak * (3 + (k * 7) % 4)
                canvas.drawLine(sx, sy, sx - ux * length, sy - uy * length, ink)
            return False
        if not self.look.motion_blur:
            return False
        copies = 3 if streak < 30 else 4
        art = art_of(entity)
        if art is None:
            return self._rig_trail(canvas, shot, entity, view, t, (dx, dy), copies,
                                   max(fw, fh) * view.ppm + 8)
        for back, alpha in _fades(copies):
            # one image: drawn see-through directly, no layer to composite
            canvas.save()
            canvas.translate(-dx * back, dy * back)
            shot.art.draw(canvas, entity, art, view, t, alpha)
            canvas.restore()
        return False

    def _rig_trail(self, canvas: skia.Canvas, shot: _ShotLook, entity: EntityFrame,
                   view: View, t: float, step: tuple[float, float], copies: int,
                   reach: float) -> bool:
        """A rig's trail: the rig drawn once into a picture of its own, then that picture
        laid down faded along the path and whole on top (the rig is drawn once, not once
        per copy).
        Returns True: the entity itself is drawn."""
        px, py = view.to_px(entity.x, entity.y)
        left, top = math.floor(px - reach), math.floor(py - reach)
        side = math.ceil(2 * reach) + 2
        if side > 4 * max(self.width, self.height):
            return False
        surface = skia.Surface.MakeRaster(skia.ImageInfo.Make(
            side, side, skia.kRGBA_8888_ColorType, skia.kPremul_AlphaType))
        sprite = surface.getCanvas()
        sprite.translate(-left, -top)
        shot.draw(sprite, entity, view, t)
        image = surface.makeImageSnapshot()
        dx, dy = step
        faded = skia.Paint()
        for back, alpha in _fades(copies):
            faded.setAlphaf(alpha)
            canvas.drawImage(image, left - dx * back, top + dy * back, _BETWEEN, faded)
        canvas.drawImage(image, left, top)  # whole pixels: an exact copy
        return True

    def instance_mask(self, state: FrameState, sim: ShotSimulation) -> np.ndarray:
        """(height, width) uint16: 0 background, i + 1 where state.entities[i] is visible."""
        view = self._view(state, sim, self.width, self.height)
        canvas = self._mask_surface.getCanvas()
        canvas.clear(skia.Color(0, 0, 0, 255))
        index = {id(e): i for i, e in enumerate(state.entities)}
        paint = skia.Paint(AntiAlias=False)
        shot = self._shot(sim)
        for entity in self._draw_order(state):
            i = index[id(entity)] + 1
            paint.setColor(skia.Color(i & 255, i >> 8, 0, 255))
            art = art_of(entity)
            if art is not None:
                shot.art.silhouette(canvas, entity, art, view, state.t, paint.getColor())
            else:
                self._silhouette(canvas, entity, view, paint)
        self._mask_surface.flushAndSubmit()
        return (self._mask_buffer[..., 0].astype(np.uint16)
                | (self._mask_buffer[..., 1].astype(np.uint16) << 8))

    def project(self, state: FrameState, sim: ShotSimulation, x: float,
                y: float) -> tuple[float, float]:
        """World metres → pixel coordinates of that frame's camera."""
        return self._view(state, sim, self.width, self.height).to_px(x, y)

    def entity_box(self, state: FrameState, sim: ShotSimulation,
                   entity: EntityFrame) -> tuple[float, float, float, float]:
        """Pixel bounding box x0, y0, x1, y1 of an entity in that frame."""
        view = self._view(state, sim, self.width, self.height)
        art = art_of(entity)
        if art is not None:
            return artwork.box(entity, art, view, state.t)
        matrix = depth_matrix(entity, view)
        xs: list[float] = []
        ys: list[float] = []
        for part in parts_of(entity):
            tr = entity.parts.get(part.name)
            if tr is None:
                continue
            c, s = math.cos(tr.angle), math.sin(tr.angle)
            for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                lx, ly = dx * part.w / 2, dy * part.h / 2
                px, py = view.to_px(tr.x + lx * c - ly * s, tr.y + lx * s + ly * c)
                point = matrix.mapXY(px, py)
                xs.append(point.x())
                ys.append(point.y())
        if not xs:
            px, py = view.to_px(entity.x, entity.y)
            return px, py, px, py
        return min(xs), min(ys), max(xs), max(ys)

    # -- internals -------------------------------------------------------------------------
    def _shot(self, sim: ShotSimulation) -> _ShotLook:
        if sim.shot not in self._shots:
            env = sim.environment
            place = PLACES[env.place]
            light = light_for(env, self.storyboard.style, place.indoor)
            w, h = self.inner
            camera = ShotCamera(self.storyboard.shots[sim.shot], sim, w, h, self.seed)
            ground_px = camera.view(0).to_px(0.0, 0.0)[1]
            backdrop = None
            if self._image is None:
                backdrop = paint_backdrop(env, light, w, h, ground_px, self.seed + sim.shot,
                                          surreal=self.storyboard.style is Style.SURREAL)
            finish = self.finisher.shot(backdrop, light, outdoor=not place.indoor,
                                        ground_px=ground_px, close=camera.close,
                                        seed=self.seed + sim.shot)
            material = self.look.material
            outline = material.outline * w / 720
            shot = self._shots[sim.shot] = _ShotLook(
                camera=camera, backdrop=finish.backdrop, light=light,
                weather=Weather2D(env.weather, w, h, self.seed + sim.shot),
                painter=FigurePainter(light.ambient, light.haze, outline, material),
                art=ArtPainter(light.ambient, light.haze, outline, material), finish=finish)
            if self.finisher.pixels is not None and sim.frames:
                # a limited palette is chosen from the shot's first frame, whichever frame
                # is asked for first, so every frame of the shot shares it
                sample = self._draw_scene(shot, sim.frames[0], sim).copy()
                self.finisher.choose_palette(finish, sample, [
                    lit_colour(c, light.ambient) for c in _cast_colours(sim)])
        return self._shots[sim.shot]

    def _view(self, state: FrameState, sim: ShotSimulation, width: int, height: int) -> View:
        shot = self._shot(sim)
        first = sim.frames[0].index if sim.frames else 0
        view = shot.camera.view(state.index - first)
        if (width, height) == self.inner:
            return view
        k = width / self.width * self.look.medium.pixel
        return View(view.cx, view.cy, view.ppm * k, width, height, view.pan)

    def _draw_order(self, state: FrameState) -> list[EntityFrame]:
        return sorted(state.entities, key=lambda e: -e.depth)

    def _cached_backdrop(self, canvas: skia.Canvas, shot: _ShotLook, view: View,
                         state: FrameState, sim: ShotSimulation) -> None:
        """Reuse the painted backdrop while the camera holds still (most frames of most shots)."""
        moving_water = shot.backdrop is not None and shot.backdrop.water_surface
        key = (sim.shot, view.cx, view.cy, view.ppm)
        if self._image is not None or moving_water:
            self._backdrop(canvas, shot, view, state, sim)
            return
        if self._backdrop_key != key:
            surface = skia.Surface(*self.inner)
            self._backdrop(surface.getCanvas(), shot, view, state, sim)
            image = surface.makeImageSnapshot()
            self._backdrop_image = image
            self._backdrop_key = key
        assert self._backdrop_image is not None
        canvas.drawImage(self._backdrop_image, 0, 0, skia.SamplingOptions(), self._copy)

    def _backdrop(self, canvas: skia.Canvas, shot: _ShotLook, view: View, state: FrameState,
                  sim: ShotSimulation) -> None:
        w, h = self.inner
        if self._image is not None:
            self._image_backdrop(canvas, view, state, sim)
            return
        b = shot.backdrop
        assert b is not None
        rest = shot.camera.view(0)
        canvas.drawImage(b.sky, 0, 0)
        lift = (view.cy - rest.cy) * view.ppm
        for layer, factor in ((b.far, 0.12), (b.mid, 0.35)):
            if layer is None:
                continue
            x = -(layer.width() - w) / 2 - view.pan * view.ppm * factor
            canvas.drawImage(layer, x, lift * factor * 2)
        if not b.has_ground:
            return
        _, gy = view.to_px(0.0, 0.0)
        if gy >= h:
            return
        paint = self._ground_paints.get(id(b))
        if paint is None:
            # one paint per backdrop: making a shader per frame costs more than the fill
            paint = skia.Paint(Color=skia.Color(*b.ground))
            if b.ground_texture is not None:
                paint.setShader(b.ground_texture)
            self._ground_paints = {id(b): paint}
        # the texture moves with the camera: the canvas is moved under the fixed shader
        x = -view.cx * view.ppm
        canvas.save()
        canvas.translate(x, gy)
        canvas.drawRect(skia.Rect.MakeLTRB(-x, 0, w - x, h - gy), paint)
        canvas.restore()
        shade_paint = skia.Paint(Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, gy), skia.Point(0, h)],
            [skia.Color(0, 0, 0, 0), skia.Color(0, 0, 0, 70)]))
        canvas.drawRect(skia.Rect.MakeLTRB(0, gy, w, h), shade_paint)
        if b.near is not None:
            x = -(b.near.width() - w) / 2 - view.pan * view.ppm * 1.3
            canvas.drawImage(b.near, x, gy - rest.to_px(0.0, 0.0)[1])
        if b.water_surface and sim.water_level is not None:
            _, wy = view.to_px(0.0, sim.water_level)
            sea = skia.Paint(Color=skia.Color(30, 110, 160, 235))
            canvas.drawRect(skia.Rect.MakeLTRB(0, wy, w, h), sea)
            line = skia.Paint(Color=skia.Color(210, 235, 250, 160), StrokeWidth=2,
                              AntiAlias=True)
            for i in range(12):
                yy = wy + (i * i + 2) * h * 0.004
                off = (state.t * 30 + i * 53) % 80
                for xx in np.arange(-off, w, 80):
                    canvas.drawLine(float(xx), yy, float(xx) + 30, yy, line)

    def _image_backdrop(self, canvas: skia.Canvas, view: View, state: FrameState,
                        sim: ShotSimulation) -> None:
        assert self._image is not None
        w, h = self.inner
        iw, ih = self._image.width(), self._image.height()
        scale = max(w / iw, h / ih)
        first = sim.frames[0].index if sim.frames else 0
        p = (state.index - first) / max(len(sim.frames) - 1, 1)
        p = p * p * (3 - 2 * p)
        sampling = skia.SamplingOptions(skia.FilterMode.kLinear)
        # near (lower) half drifts more than the far (upper) half: parallax over a photo
        for top, bottom, depth in ((0.0, 0.5, 0.5), (0.5, 1.0, 1.0)):
            zoom = 1 + 0.08 * p * depth
            dw, dh = iw * scale * zoom, ih * scale * zoom
            dx = (w - dw) / 2 - 0.04 * w * p * depth
            dy = (h - dh) / 2
            canvas.save()
            canvas.clipRect(skia.Rect.MakeLTRB(0, h * top, w, h * bottom))
            canvas.drawImageRect(self._image, skia.Rect.MakeXYWH(dx, dy, dw, dh), sampling)
            canvas.restore()

    def _silhouette(self, canvas: skia.Canvas, entity: EntityFrame, view: View,
                    paint: skia.Paint) -> None:
        from openreel.engines.procedural.render.figures import shape_path

        if not entity.visible:
            return
        canvas.save()
        canvas.concat(depth_matrix(entity, view))
        for part in parts_of(entity):
            tr = entity.parts.get(part.name)
            if tr is None or part.name in SEE_THROUGH:
                continue
            px, py = view.to_px(tr.x, tr.y)
            canvas.save()
            canvas.translate(px, py)
            canvas.rotate(-math.degrees(tr.angle))
            canvas.drawPath(shape_path(part, part.w * view.ppm, part.h * view.ppm), paint)
            canvas.restore()
        canvas.restore()


def _cast_colours(sim: ShotSimulation) -> list[RGB]:
    """The colours of a shot's cast: bodies, and people's skin, hair and clothes."""
    colours: list[RGB] = []
    for e in sim.frames[0].entities if sim.frames else []:
        colours.append(e.colour)
        if e.look is not None:
            colours += [e.look.skin, e.look.hair, e.look.top, e.look.bottom]
    return colours


__all__ = ["Renderer", "shade"]
