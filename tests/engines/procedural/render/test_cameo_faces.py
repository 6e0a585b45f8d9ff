"""A cameo's face worn on a character's head: turned with it, blinking, speaking, and the
character's skin taking the face's colour."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from skimage import data

from openreel.engines.procedural.cameo_faces import EYES, MOUTH, face_photo, face_rgba
from openreel.engines.procedural.simulation.layout import layout
from openreel.likeness import faces
from openreel.spec import Cameo, Entity, Environment


@pytest.fixture(scope="module")
def chip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    picture = data.astronaut()
    aligned = faces.aligned(picture, faces.find_faces(picture)[0])
    path = tmp_path_factory.mktemp("cameo") / "face-0.png"
    cv2.imwrite(str(path), aligned[..., ::-1])
    return path


def _weight_centre(rgba: np.ndarray) -> float:
    alpha = rgba[..., 3].astype(np.float64)
    return float((alpha * np.arange(rgba.shape[1])[None, :]).sum() / alpha.sum())


def test_the_face_turns_with_the_head_and_stays_on_it(chip: Path) -> None:
    photo = face_photo(str(chip))
    ahead, right, left = (face_rgba(photo, 200, yaw) for yaw in (0.0, 0.35, -0.35))
    assert abs(_weight_centre(ahead) - 100) < 3
    assert _weight_centre(right) > 110 and _weight_centre(left) < 90
    # nothing outside the head's circle
    y, x = np.mgrid[0:200, 0:200]
    outside = (x - 99.5) ** 2 + (y - 99.5) ** 2 > 100.5 ** 2
    assert ahead[..., 3][outside].max() == 0
    # and the face itself is there: dlib finds the photographed person on it
    on_grey = (ahead[..., :3].astype(np.float64) + 128 * (1 - ahead[..., 3:] / 255)).astype(
        np.uint8)
    found = faces.find_faces(np.ascontiguousarray(on_grey), 1)
    original = data.astronaut()
    mine = faces.descriptor(original, faces.find_faces(original)[0])
    assert found and faces.distance(faces.descriptor(on_grey, found[0]), mine) < \
        faces.SAME_PERSON


def test_eyes_close_in_a_blink_and_the_mouth_opens_with_speech(chip: Path) -> None:
    photo = face_photo(str(chip))
    n = photo.size
    grey = photo.rgb.mean(axis=2)

    def region(rgb: np.ndarray, x: float, y: float, half: float) -> np.ndarray:
        a, b, c, d = (int((v) * n) for v in (x - half, x + half, y - half / 2, y + half / 2))
        return rgb[c:d, a:b]

    from openreel.engines.procedural.cameo_faces import _acting
    shut = _acting(photo, 1.0, 0.0).mean(axis=2)
    for ex, ey in EYES:
        # the dark of the eye is covered by lid: the eye region grows lighter and flatter
        assert region(shut, ex, ey, 0.06).min() > region(grey, ex, ey, 0.06).min() + 0.1
    speaking = _acting(photo, 0.0, 1.0)
    inside = region(speaking, MOUTH[0], MOUTH[1] + 0.035, 0.12)
    assert (inside.max(axis=2) < 0.35).mean() > 0.3  # the open mouth is dark
    assert (region(photo.rgb, MOUTH[0], MOUTH[1] + 0.035, 0.12).max(axis=2) < 0.35).mean() < \
        0.1


def test_a_person_showing_a_cameo_wears_its_face_and_skin(chip: Path) -> None:
    entities = [Entity(id="person", kind="person", cameo="maya"),
                Entity(id="person_2", kind="person")]
    rng = np.random.default_rng(1)
    worn = layout(entities, Environment(), rng, 1,
                  cameos=[Cameo(handle="maya", faces=[str(chip)])])
    look = {i.uid: i.look for i in worn}
    assert look["person"] is not None and look["person"].face == str(chip)
    assert look["person"].skin == face_photo(str(chip)).skin
    assert look["person_2"] is not None and look["person_2"].face is None
    # a stored storyboard carries no likeness: the character is drawn as anyone
    bare = layout(entities, Environment(), np.random.default_rng(1), 1)
    assert all(i.look is not None and i.look.face is None for i in bare)
