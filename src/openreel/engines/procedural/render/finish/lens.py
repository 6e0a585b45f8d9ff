"""What glass and film add to a frame: bloom, streaks, glow, colour fringes, vignette,
grain and letterbox bars.

Everything here works on a frame's RGBA bytes with OpenCV, vectorised once per frame.
Glows are found and blurred at an eighth of the frame's size (a glow is soft by nature)
and laid back with a screen blend; vignette and grain are one precomputed multiply map,
cut at a small offset each frame so the grain dances while the vignette stays put.
"""

from __future__ import annotations

import cv2
import numpy as np

from openreel.engines.procedural.render.looks import Lens

UNIT = 128  # a multiply map's value for "leave as is"
GRAIN_SHIFT = 8  # the map is this much larger than the frame; each frame cuts it elsewhere
GLOW_SCALE = 8
LUMA = (0.2126, 0.7152, 0.0722)
STREAK_TINT = np.array([0.55, 0.75, 1.25, 0.0], np.float32)  # anamorphic flares run blue


def screen(rgba: np.ndarray, light: np.ndarray) -> None:
    """Screen-blend ``light`` (same shape, alpha 0) over ``rgba`` in place."""
    inverse = cv2.bitwise_not(rgba)
    cv2.multiply(inverse, cv2.bitwise_not(light), dst=inverse, scale=1 / 255)
    cv2.bitwise_not(inverse, dst=rgba)


def radial(width: int, height: int) -> np.ndarray:
    """Distance from the frame's centre, 1 at the corners, as (h, w) float32."""
    dx = ((np.arange(width, dtype=np.float32) - (width - 1) / 2) / (width / 2))[None, :]
    dy = ((np.arange(height, dtype=np.float32) - (height - 1) / 2) / (height / 2))[:, None]
    return np.hypot(dx, dy) / np.float32(np.sqrt(2))


def smoothstep(a: float, b: float, x: np.ndarray) -> np.ndarray:
    """0 below a, 1 above b, a smooth ramp between."""
    t = np.clip((x - a) / (b - a), 0.0, 1.0)
    return t * t * (3 - 2 * t)


class LensPasses:
    """The lens and film of one look at one frame size."""

    def __init__(self, lens: Lens, width: int, height: int, seed: int,
                 texture: np.ndarray | None = None) -> None:
        self.lens, self.width, self.height = lens, width, height
        scale = width / 720
        self.glowing = lens.bloom > 0 or lens.streak > 0 or lens.glow > 0
        self._aberration = lens.aberration * scale
        self._map = self._film_map(seed, texture)
        self._bar = 0
        if lens.letterbox > 0:
            share = lens.letterbox if height > width else lens.letterbox * 0.6
            self._bar = round(height * share)

    def _film_map(self, seed: int, texture: np.ndarray | None) -> np.ndarray | None:
        """Vignette × grain (× a paper texture), as uint8 with ``UNIT`` meaning 1.

        Grain and paper darken every channel alike and only the vignette's tint differs
        between them, so the map is worked out as planes, not a four-channel float image
        (a quarter of the memory, and this runs before the first frame).
        """
        lens = self.lens
        if lens.vignette <= 0 and lens.grain <= 0 and texture is None:
            return None
        h, w = self.height + GRAIN_SHIFT, self.width + GRAIN_SHIFT
        common = np.ones((h, w), np.float32)  # what every colour channel is multiplied by
        if lens.grain > 0:
            rng = np.random.default_rng(seed + 5)
            # film grain is a little coarser than a pixel of a 720-wide frame
            noise = np.asarray(cv2.GaussianBlur(rng.normal(0.0, 1.0, (h, w)).astype(np.float32),
                                                (0, 0), 0.6 * max(self.width / 720, 0.5)),
                               np.float32)
            noise /= max(float(noise.std()), 1e-6)
            common += 0.2 * lens.grain * noise
        if texture is not None:
            tiled = np.pad(texture, ((0, GRAIN_SHIFT), (0, GRAIN_SHIFT)), mode="wrap")
            common *= tiled[:h, :w]
        falloff = None
        if lens.vignette > 0:
            # the margin repeats the frame's edge so a shifted cut keeps the same vignette
            falloff = np.pad(smoothstep(0.35, 1.1, radial(self.width, self.height)),
                             ((0, GRAIN_SHIFT), (0, GRAIN_SHIFT)), mode="edge")
        planes = []
        for c in range(3):
            plane: np.ndarray = common
            if falloff is not None:
                keep = lens.vignette_colour[c] / 255
                plane = common * (1 - lens.vignette * (1 - keep) * falloff)
            planes.append(np.clip(plane * UNIT + 0.5, 0, 255).astype(np.uint8))
        planes.append(np.full((h, w), UNIT, np.uint8))
        return cv2.merge(planes)

    # -- per frame --------------------------------------------------------------------------
    def glow(self, rgba: np.ndarray) -> None:
        """Bloom around bright lights, anamorphic streaks and dreamy glow, in place."""
        if not self.glowing:
            return
        lens = self.lens
        sw, sh = max(self.width // GLOW_SCALE, 2), max(self.height // GLOW_SCALE, 2)
        small = cv2.resize(rgba, (sw, sh), interpolation=cv2.INTER_AREA)
        light = np.zeros((sh, sw, 4), np.float32)
        sigma = max(sw * 0.025, 0.8)
        if lens.bloom > 0 or lens.streak > 0:
            rgb = small.astype(np.float32)
            luma = rgb[..., :3] @ np.array(LUMA, np.float32) / 255
            # only what is brighter than the threshold glows: lamps, the sun, glints
            over = np.clip((luma - lens.threshold) / (1 - lens.threshold), 0, 1) ** 2
            bright = rgb * over[..., None]
            if lens.bloom > 0:
                near = cv2.GaussianBlur(bright, (0, 0), sigma)
                far = cv2.GaussianBlur(bright, (0, 0), sigma * 4)
                light += lens.bloom * (0.9 * near + 0.7 * far)
            if lens.streak > 0:
                streak = cv2.GaussianBlur(bright, (0, 0), sigmaX=sw * 0.3, sigmaY=0.5)
                light += lens.streak * 2.5 * streak * STREAK_TINT
        if lens.glow > 0:
            soft = cv2.GaussianBlur(small, (0, 0), sigma * 2).astype(np.float32)
            light += lens.glow * 0.6 * soft
        light[..., 3] = 0
        glowing = np.nonzero(light.max(axis=2) >= 1.0)
        if len(glowing[0]) == 0:
            return
        # only the part of the frame that glows is enlarged and blended
        y0, y1 = max(int(glowing[0].min()) - 1, 0), min(int(glowing[0].max()) + 2, sh)
        x0, x1 = max(int(glowing[1].min()) - 1, 0), min(int(glowing[1].max()) + 2, sw)
        fx, fy = self.width / sw, self.height / sh
        top, bottom = round(y0 * fy), self.height if y1 == sh else round(y1 * fy)
        left, right = round(x0 * fx), self.width if x1 == sw else round(x1 * fx)
        part = np.clip(light[y0:y1, x0:x1], 0, 255).astype(np.uint8)
        big = cv2.resize(part, (right - left, bottom - top), interpolation=cv2.INTER_LINEAR)
        screen(rgba[top:bottom, left:right], big)

    def aberration(self, rgba: np.ndarray) -> None:
        """Red and blue images a little larger and smaller than green: fringes at the edges."""
        if self._aberration < 0.25:
            return
        w, h = self.width, self.height
        half_diagonal = 0.5 * float(np.hypot(w, h))
        cx, cy = (w - 1) / 2, (h - 1) / 2
        for channel, sign in ((0, -1.0), (2, 1.0)):
            s = 1 + sign * self._aberration / half_diagonal
            matrix = np.array([[s, 0, (1 - s) * cx], [0, s, (1 - s) * cy]], np.float32)
            plane = cv2.extractChannel(rgba, channel)
            moved = cv2.warpAffine(plane, matrix, (w, h), flags=cv2.INTER_LINEAR
                                   | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)
            cv2.insertChannel(moved, rgba, channel)

    def film(self, rgba: np.ndarray, frame: int) -> None:
        """Vignette, grain (different every frame) and letterbox bars, in place."""
        if self._map is not None:
            k = (frame * 7919) % (GRAIN_SHIFT * GRAIN_SHIFT)
            ox, oy = k % GRAIN_SHIFT, k // GRAIN_SHIFT
            cut = self._map[oy:oy + self.height, ox:ox + self.width]
            cv2.multiply(rgba, cut, dst=rgba, scale=1 / UNIT)
        if self._bar > 0:
            rgba[:self._bar, :, :3] = 0
            rgba[self.height - self._bar:, :, :3] = 0
