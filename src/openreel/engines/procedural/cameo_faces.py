"""A cameo's own face on a character's head (2.5D).

The face comes as aligned photographs (``Cameo.faces``: dlib's 150 px chips, padding 0.25,
frontal first). The frontal one is wrapped on the head as on a sphere and turned with it;
its eyelids close when the character blinks and its jaw drops with the speech. The
character's skin takes the colour of the face's cheeks, so hands and neck match it.

Where dlib's alignment puts a face's features is fixed by its template (every face is
mapped onto the same mean shape), so the eyes and the mouth are found at the fractions of
the chip below rather than by a detector at render time (measured on aligned chips: the
eye centres at (0.30, 0.31) and (0.68, 0.32), the nose tip at (0.50, 0.53), the mouth's
centre at (0.49, 0.69), the chin at 0.98).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from openreel.spec import Cameo

RGB = tuple[int, int, int]

EYES = ((0.30, 0.315), (0.685, 0.317))  # chip fractions (x, y) of the eye centres
EYE_AXES = (0.075, 0.036)  # half width and half height of an eye opening
MOUTH = (0.49, 0.695)  # where the lips meet
MOUTH_HALF_WIDTH = 0.19
CHIN = 0.98
_FACE_CENTRE = (0.5, 0.57)  # the oval kept of the photograph: brows to chin, cheek to cheek
_FACE_AXES = (0.48, 0.50)
_FEATHER = 0.16  # share of the oval's radius over which its edge fades
_LONGITUDE = 2.1  # radians of head the chip's width wraps round
_LATITUDE = 1.55  # head radii the chip's height spans
_LOWER = 0.1  # head radii the face's centre sits below the head's: the crown is hair
_CHEEKS = ((0.27, 0.52), (0.73, 0.52))
_INSIDE = (70, 24, 32)  # the open mouth


@dataclass(frozen=True)
class FacePhoto:
    """An aligned face photograph ready to wear."""

    rgb: np.ndarray  # (n, n, 3) float32 0..1
    skin: RGB  # the cheeks' colour

    @property
    def size(self) -> int:
        return self.rgb.shape[0]


@lru_cache(maxsize=16)
def face_photo(path: str) -> FacePhoto:
    """The photograph at ``path`` (an aligned chip), loaded once per process."""
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    if bgr is None:
        raise ValueError(f"cannot read the face image {path}")
    rgb = np.ascontiguousarray(bgr[..., ::-1], dtype=np.float32) / 255.0
    n = rgb.shape[0]
    if rgb.shape[1] != n:
        raise ValueError("a cameo's face image must be square (an aligned chip)")

    def patch(x: float, y: float, half: float) -> np.ndarray:
        a, b = int((x - half) * n), int((x + half) * n)
        c, d = int((y - half) * n), int((y + half) * n)
        return rgb[c:d, a:b].reshape(-1, 3)

    cheeks = np.concatenate([patch(x, y, 0.05) for x, y in _CHEEKS])
    red, green, blue = (round(float(c) * 255) for c in np.median(cheeks, axis=0))
    return FacePhoto(rgb, (red, green, blue))


def photo_of(cameo: Cameo | None) -> FacePhoto | None:
    """The face a cameo shows: its frontal photograph, or None without one."""
    if cameo is None or not cameo.faces:
        return None
    return face_photo(cameo.faces[0])


def _acting(photo: FacePhoto, blink: float, mouth: float) -> np.ndarray:
    """The photograph with its eyes ``blink`` closed (0..1) and its mouth ``mouth`` open."""
    rgb = photo.rgb
    n = photo.size
    ys, xs = np.mgrid[0:n, 0:n].astype(np.float32) / n
    if mouth > 0.02:
        # the jaw drops: what lies under the lips is drawn from higher up, most at the lips
        # and not at all at the chin, over the mouth's width
        drop = 0.075 * min(mouth, 1.0)
        below = np.clip((ys - MOUTH[1]) / drop, 0.0, 1.0) * np.clip(
            (CHIN - ys) / (CHIN - MOUTH[1]), 0.0, 1.0) ** 0.6
        across = np.clip(1.0 - np.abs(xs - MOUTH[0]) / (MOUTH_HALF_WIDTH * 1.9), 0.0, 1.0)
        shift = drop * below * np.sqrt(across)
        map_y = (ys - shift) * n
        rgb = cv2.remap(rgb, xs * n, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        # the gap opened between the lips is the inside of the mouth
        opened = shift.max(axis=0) > 0.004  # the columns the jaw dropped in
        inside = (((xs - MOUTH[0]) / (MOUTH_HALF_WIDTH * 0.8)) ** 2
                  + ((ys - MOUTH[1] - drop * 0.45) / max(drop * 0.55, 1e-3)) ** 2) < 1.0
        inside &= opened[None, :]
        rgb = np.where(inside[..., None], np.asarray(_INSIDE, np.float32) / 255.0, rgb)
    if blink > 0.05:
        rgb = rgb.copy()
        ax, ay = EYE_AXES
        closed = min(blink, 1.0)
        for ex, ey in EYES:
            a, b = int((ex - ax * 1.5) * n), int((ex + ax * 1.5) * n) + 1
            c, d = int((ey - ay * 2.0) * n), int((ey + ay * 2.0) * n) + 1
            bx, by = xs[c:d, a:b], ys[c:d, a:b]
            eye = ((bx - ex) / ax) ** 2 + ((by - ey) / ay) ** 2
            # the lid comes down from the top of the opening, its edge soft
            edge = ey - ay * 1.2 + 2.4 * ay * closed
            covered = np.clip((1.5 - eye) / 0.8, 0.0, 1.0) * np.clip(
                (edge - by) * n / 1.5 + 0.5, 0.0, 1.0)
            # the lid is the skin above the eye drawn down over it, a shade darker
            src_y = np.clip((ey - ay * 1.3 - (edge - by) * 0.5) * n, 0, n - 1).astype(np.int32)
            lid = rgb[src_y, np.clip(bx * n, 0, n - 1).astype(np.int32)] * 0.94
            rgb[c:d, a:b] = rgb[c:d, a:b] * (1 - covered[..., None]) + lid * covered[..., None]
            if closed > 0.6:  # the lashes along the lid's edge
                lash = np.clip(1.0 - np.abs(by - edge) * n / 1.5, 0.0, 1.0) * (eye < 1.3)
                rgb[c:d, a:b] *= (1.0 - 0.6 * lash)[..., None]
    return rgb


def face_rgba(photo: FacePhoto, size: int, yaw: float, blink: float = 0.0,
              mouth: float = 0.0) -> np.ndarray:
    """The face as worn on a head filling a ``size`` × ``size`` square: premultiplied RGBA
    uint8, turned ``yaw`` radians (positive towards the picture's right), transparent
    outside the face's oval and the head's circle."""
    rgb = _acting(photo, blink, mouth)
    n = photo.size
    grid = (np.arange(size, dtype=np.float32) + 0.5) / size * 2.0 - 1.0
    x, y = np.meshgrid(grid, grid)
    rho = np.sqrt(np.clip(1.0 - y * y, 1e-6, None))
    on_head = np.abs(x) < rho * 0.999
    longitude = np.arcsin(np.clip(x / rho, -1.0, 1.0)) - yaw
    u = longitude / _LONGITUDE + 0.5
    v = (y - _LOWER) / _LATITUDE + _FACE_CENTRE[1]
    picture = cv2.remap(rgb, (u * n).astype(np.float32), (v * n).astype(np.float32),
                        cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    oval = np.sqrt(((u - _FACE_CENTRE[0]) / _FACE_AXES[0]) ** 2
                   + ((v - _FACE_CENTRE[1]) / _FACE_AXES[1]) ** 2)
    alpha = np.clip((1.0 - oval) / _FEATHER, 0.0, 1.0) * on_head
    # the far side of a turned face falls away round the head
    alpha *= np.clip(np.cos(longitude + yaw) * 4.0, 0.0, 1.0)
    out = np.empty((size, size, 4), np.uint8)
    out[..., :3] = np.clip(picture * alpha[..., None] * 255.0 + 0.5, 0, 255)
    out[..., 3] = np.clip(alpha * 255.0 + 0.5, 0, 255)
    return out


def yaw_of(facing: int, t: float) -> float:
    """How far a worn face is turned: three-quarters towards where the character faces,
    swaying a little as a living head does."""
    return facing * 0.32 + 0.06 * math.sin(t * 0.9)
