"""Faces in pictures: where they are, how the head is turned, who it is.

dlib's models ship inside the ``face-recognition-models`` package (no download): the HOG
frontal face detector, the 68-point landmark predictor and the ResNet face embedder, whose
128-number descriptors of one person lie within about 0.6 of each other. They load once per
process, on first use, and are shared by every caller (dlib's objects may be called from
several threads; loading is serialised).
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SAME_PERSON = 0.6  # descriptor distance under which dlib's embedder calls two faces one person
CHIP_SIZE = 150  # side of an aligned face image (dlib's own for the embedder)
# landmark indices (dlib's 68-point layout): jaw ends and the tip of the nose
_JAW_RIGHT, _JAW_LEFT, _NOSE_TIP = 0, 16, 30


@dataclass(frozen=True)
class Face:
    """One face found in a picture."""

    box: tuple[int, int, int, int]  # left, top, right, bottom (pixels)
    landmarks: np.ndarray  # (68, 2) x, y
    score: float  # the detector's confidence: about 1 for a clear face, near 0 at its limit

    @property
    def width(self) -> int:
        """The box's width in pixels."""
        return self.box[2] - self.box[0]

    @property
    def turn(self) -> float:
        """How far the head is turned, from the landmarks: 0 facing the camera, towards +1
        turned to the person's own left (the nose moves to the picture's right), towards -1
        to their right. About 0.1 per 10° for a head turned in place."""
        right, left = self.landmarks[_JAW_RIGHT, 0], self.landmarks[_JAW_LEFT, 0]
        span = float(left - right)
        if span <= 0:
            return 0.0
        return float(2 * (self.landmarks[_NOSE_TIP, 0] - right) / span - 1)


class _Models:
    """dlib's detector, landmark predictor and embedder, loaded on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, Any] | None = None

    def get(self) -> tuple[Any, Any, Any]:
        with self._lock:
            if self._loaded is None:
                import dlib  # imported late: loading the models takes a second

                spec = importlib.util.find_spec("face_recognition_models")
                if spec is None or spec.origin is None:
                    raise RuntimeError("face-recognition-models is not installed")
                folder = Path(spec.origin).parent / "models"
                self._loaded = (
                    dlib.get_frontal_face_detector(),
                    dlib.shape_predictor(str(folder / "shape_predictor_68_face_landmarks.dat")),
                    dlib.face_recognition_model_v1(
                        str(folder / "dlib_face_recognition_resnet_model_v1.dat")))
            return self._loaded


_MODELS = _Models()


def find_faces(rgb: np.ndarray, upsample: int = 0) -> list[Face]:
    """Every face in ``rgb`` ((h, w, 3) uint8), largest first. ``upsample`` doubles the
    picture that many times first, to find faces under about 80 pixels wide."""
    detector, predictor, _ = _MODELS.get()
    picture = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    faces = []
    rects, scores, _ = detector.run(picture, upsample, 0.0)
    for rect, score in zip(rects, scores, strict=True):
        shape = predictor(picture, rect)
        points = np.array([(p.x, p.y) for p in shape.parts()], np.float32)
        faces.append(Face((rect.left(), rect.top(), rect.right(), rect.bottom()), points,
                          float(score)))
    return sorted(faces, key=lambda f: -f.width)


def _shape(face: Face) -> Any:
    import dlib

    rect = dlib.rectangle(*face.box)
    return dlib.full_object_detection(rect, [dlib.point(int(x), int(y))
                                             for x, y in face.landmarks])


def descriptor(rgb: np.ndarray, face: Face) -> np.ndarray:
    """The face's 128-number descriptor (float32): faces of one person lie within
    :data:`SAME_PERSON` of each other."""
    _, _, embedder = _MODELS.get()
    picture = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    return np.asarray(embedder.compute_face_descriptor(picture, _shape(face)), np.float32)


def aligned(rgb: np.ndarray, face: Face, size: int = CHIP_SIZE, padding: float = 0.25
            ) -> np.ndarray:
    """The face cut out upright and centred, eyes level, (size, size, 3) uint8: the same
    framing for every picture of a person, as the embedder and the renderer want it."""
    import dlib

    picture = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    return np.asarray(dlib.get_face_chip(picture, _shape(face), size=size, padding=padding),
                      np.uint8)


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean distance between two descriptors (under :data:`SAME_PERSON`: one person)."""
    return float(np.linalg.norm(np.asarray(a, np.float32) - np.asarray(b, np.float32)))
