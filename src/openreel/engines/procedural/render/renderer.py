"""The renderer: one RGBA frame per FrameState, plus masks and projections for ground truth."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import skia

from openreel.engines.procedural.fireworks import Burst, schedule
from openreel.engines.procedural.render import artwork
from openreel.engines.procedural.render.artwork import ArtPainter, art_of
from openreel.engines.procedural.render.backdrop import paint_backdrop
from openreel.engines.procedural.render.camera import ShotCamera, View
from openreel.engines.procedural.render.captions import draw_captions, drawn_styles
from openreel.engines.procedural.render.compositing import blit, trail
from openreel.engines.procedural.render.effects import Weather2D, draw_particles
from openreel.engines.procedural.render.figures import FigurePainter, depth_matrix, parts_of
from openreel.engines.procedural.render.finish import Finisher, ShotFinish
from openreel.engines.procedural.render.gear import bough
from openreel.engines.procedural.render.looks import LOOKS
from openreel.engines.procedural.render.palette import RGB, Light, light_for, lit_colour, shade
from openreel.engines.procedural.render.placing import BackdropPlacer, place_photo
from openreel.engines.procedural.render.shadows import draw_shadows
from openreel.engines.procedural.render.sky_show import draw_fireworks
from openreel.engines.procedural.render.sleep_marks import draw_sleep_marks
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, FrameState, ShotSimulation
from openreel.engines.procedural.simulation.poses import rest_height
from openreel.spec import PLACES, Archetype, Storyboard, Style

# parts drawn see-through (a goal's or a hoop's net): what is behind them stays seen, so
# they own no pixels of the instance masks
SEE_THROUGH = frozenset({"net"})


@dataclass
class _ShotLook:
    camera: ShotCamera
    placer: BackdropPlacer | None  # None over a photo given as the first frame
    light: Light
    weather: Weather2D
    painter: FigurePainter
    art: ArtPainter
    finish: ShotFinish
    fireworks: list[Burst]  # the shot's display in the sky (none without fireworks)

    def draw(self, canvas: skia.Canvas, entity: EntityFrame, view: View, t: float) -> None:
        """Draw an entity from its artwork, or from its rig when it has none."""
        if "perch" in entity.extra:  # the bough a bird sits on, under its feet
            px, py = view.to_px(entity.x, entity.y - rest_height(entity.archetype, entity.size))
            canvas.save()
            canvas.translate(px, py)
            bough(canvas, entity.size * view.ppm, 1 if entity.facing >= 0 else -1, t)
            canvas.restore()
        art = art_of(entity)
        if art is not None:
            self.art.draw(canvas, entity, art, view, t)
        else:
            self.painter.draw(canvas, entity, view, t)


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
        pixels = self._small_buffer if self._small is not None else self._buffer
        canvas = target.getCanvas()
        view = self._view(state, sim, self.inner[0], self.inner[1])
        self._lay_backdrop(canvas, pixels, shot, view, state, sim)
        if shot.fireworks:
            first = sim.frames[0].index if sim.frames else state.index
            draw_fireworks(canvas, shot.fireworks, (state.index - first) / sim.fps,
                           *self.inner)
        draw_shadows(canvas, state, view, shot.light, self.look.shadow)
        slow = self.storyboard.shots[sim.shot].camera.slow_motion
        for entity in self._draw_order(state):
            if not self._motion_trail(canvas, shot, entity, view, state.t, sim.fps, slow):
                shot.draw(canvas, entity, view, state.t)
        draw_particles(canvas, state.particles, view)
        if self.storyboard.style in drawn_styles():
            draw_sleep_marks(canvas, state, view)
        shot.weather.draw(canvas, state.t, state.index)
        target.flushAndSubmit()
        return pixels

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
        shot.art.draw(canvas, entity, art, view, t, trail=(dx, dy, copies))
        return True

    def _rig_trail(self, canvas: skia.Canvas, shot: _ShotLook, entity: EntityFrame,
                   view: View, t: float, step: tuple[float, float], copies: int,
                   reach: float) -> bool:
        """A rig's trail: the rig drawn once into a picture of its own, then that picture
        laid down faded along the path and whole on top (the rig is drawn once, not once
        per copy).
        Returns whether the entity itself was drawn."""
        px, py = view.to_px(entity.x, entity.y)
        left, top = math.floor(px - reach), math.floor(py - reach)
        side = math.ceil(2 * reach) + 2
        if side > 4 * max(self.width, self.height):
            return False
        sprite = np.zeros((side, side, 4), np.uint8)
        surface = skia.Surface(sprite, colorType=skia.kRGBA_8888_ColorType)
        own = surface.getCanvas()
        own.translate(-left, -top)
        shot.painter.draw(own, entity, view, t)
        surface.flushAndSubmit()
        # only the box the rig covers is laid down
        x, y, w, h = cv2.boundingRect(sprite[..., 3])
        if w == 0 or h == 0:
            return True
        sprite = sprite[y:y + h, x:x + w]
        trail(canvas, sprite, left + x, top + y, step, copies)
        blit(canvas, sprite, left + x, top + y)
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
            colour = (i & 255, i >> 8, 0, 255)
            paint.setColor(skia.Color(*colour))
            art = art_of(entity)
            if art is not None:
                shot.art.silhouette(self._mask_buffer, entity, art, view, state.t, colour)
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
                camera=camera,
                placer=(BackdropPlacer(finish.backdrop, w, h)
                        if finish.backdrop is not None else None), light=light,
                weather=Weather2D(env.weather, w, h, self.seed + sim.shot),
                painter=FigurePainter(light.ambient, light.haze, outline, material),
                art=ArtPainter(light.ambient, light.haze, outline, material), finish=finish,
                fireworks=schedule(self.seed, sim.shot, len(sim.frames) / sim.fps)
                if env.fireworks else [])
            if (self.finisher.pixels is not None or self.finisher.meters) and sim.frames:
                # a limited palette, or the exposure, is chosen from the shot's first frame,
                # whichever frame is asked for first, so every frame of the shot shares it
                sample = self._draw_scene(shot, sim.frames[0], sim).copy()
                if self.finisher.meters:
                    self.finisher.meter(finish, sample)
                if self.finisher.pixels is not None:
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
        # far to near; at one depth, furniture first: what sits or lands on a sofa, or hides
        # under a table, is seen in front of it
        return sorted(state.entities,
                      key=lambda e: (-e.depth, e.archetype is not Archetype.FURNITURE))

    def _lay_backdrop(self, canvas: skia.Canvas, pixels: np.ndarray, shot: _ShotLook,
                      view: View, state: FrameState, sim: ShotSimulation) -> None:
        if self._image is not None:
            first = sim.frames[0].index if sim.frames else 0
            progress = (state.index - first) / max(len(sim.frames) - 1, 1)
            place_photo(canvas, self._image, *self.inner, progress)
            return
        assert shot.placer is not None
        shot.placer.place(canvas, pixels, view, shot.camera.view(0), state.t, sim.water_level)

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
