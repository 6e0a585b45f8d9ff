"""A cameo in a video, end to end through the API: the person's own face is on the
character (dlib reads it as them), and the stored storyboard names the cameo without
keeping any of its likeness."""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
import pytest
from cameo_api import API, made_video, make_cameo, run_jobs, sign_up
from fastapi.testclient import TestClient

from openreel.likeness import faces


def _pictures_and_sound(data: bytes) -> tuple[list[np.ndarray], np.ndarray]:
    with av.open(io.BytesIO(data)) as container:
        pictures = [f.to_ndarray(format="rgb24") for n, f in enumerate(
            container.decode(video=0)) if n % 8 == 4]
    with av.open(io.BytesIO(data)) as container:
        sound = np.concatenate([f.to_ndarray().mean(axis=0)
                                for f in container.decode(audio=0)])
    return pictures, sound


def test_a_video_with_a_cameo_shows_the_person_s_own_face(
        client: TestClient, tmp_path: Path) -> None:
    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path, "everyone")
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.reading() as session:
        from openreel.db.models import Cameo
        from openreel.services.cameos import face_descriptor

        her_face = face_descriptor(session.query(Cameo).one())

    omar = sign_up(client, "omar")
    video_id = made_video(client, omar,
                          '@maya says "hello everyone, welcome back to my channel"',
                          seconds=5, seed=4)
    board = client.get(f"{API}/videos/{video_id}/storyboard", headers=omar).json()
    shown = [e for shot in board["shots"] for e in shot["entities"] if e["cameo"] == "maya"]
    assert shown and all(e["kind"] == "person" for e in shown)
    assert board["cameos"] == []  # the likeness is the render's, never stored with the video
    data = client.get(f"{API}/videos/{video_id}/file", headers=omar).content
    pictures, sound = _pictures_and_sound(data)
    found = [faces.find_faces(p, 1) for p in pictures]
    hers = [min(faces.distance(faces.descriptor(p, f), her_face) for f in fs)
            for p, fs in zip(pictures, found, strict=True) if fs]
    # her face is on the character for most of the clip, and dlib takes it for hers
    assert len(hers) >= 0.6 * len(pictures), (len(hers), len(pictures))
    assert np.median(hers) < faces.SAME_PERSON, hers
    assert np.abs(sound).max() > 0.05  # (the voice itself is measured in the engine's tests)

    # the same prompt about someone else shows nobody's face that passes for hers
    other = made_video(client, omar,
                       'a woman says "hello everyone, welcome back to my channel"',
                       seconds=5, seed=4)
    pictures, _ = _pictures_and_sound(
        client.get(f"{API}/videos/{other}/file", headers=omar).content)
    for picture in pictures:
        for face in faces.find_faces(picture, 1):
            assert faces.distance(faces.descriptor(picture, face), her_face) > faces.SAME_PERSON


def _picture(rgb: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_registered_face_in_an_uploaded_picture_needs_its_owner_s_permission(
        client: TestClient, tmp_path: Path) -> None:
    from skimage import data

    maya = sign_up(client, "maya")
    make_cameo(client, maya, tmp_path)
    omar = sign_up(client, "omar")
    her_photo = _picture(data.astronaut())  # another picture of the face she recorded
    no_face = _picture(data.coffee())

    # a first frame showing her, while her cameo is hers alone
    refused = client.post(f"{API}/generations", headers=omar, data={
        "prompt": "the camera slowly zooms in", "seconds": "2", "seed": "1"},
        files={"image": ("her.png", her_photo, "image/png")})
    assert refused.status_code == 403, refused.text
    assert refused.json()["detail"] == ("the picture shows @maya's face, and @maya's cameo "
                                        "can be used by only @maya")
    avatar = client.put(f"{API}/me/avatar", headers=omar,
                        files={"avatar": ("her.png", her_photo, "image/png")})
    assert avatar.status_code == 403
    assert client.put(f"{API}/me/avatar", headers=omar, files={
        "avatar": ("cup.png", no_face, "image/png")}).status_code == 200
    # her own face is hers to use anywhere
    assert client.put(f"{API}/me/avatar", headers=maya, files={
        "avatar": ("me.png", her_photo, "image/png")}).status_code == 200

    # allowed, the picture's face is in the video's cast: she is told and sees the draft
    assert client.patch(f"{API}/cameos/me", headers=maya,
                        json={"permission": "everyone"}).status_code == 200
    asked_for = client.post(f"{API}/generations", headers=omar, data={
        "prompt": "the camera slowly zooms in", "seconds": "2", "seed": "1"},
        files={"image": ("her.png", her_photo, "image/png")})
    assert asked_for.status_code == 202, asked_for.text
    run_jobs(client)
    job = client.get(f"{API}/jobs/{asked_for.json()['id']}", headers=omar).json()
    assert job["status"] == "succeeded", job
    mine = client.get(f"{API}/cameos/me/videos", headers=maya).json()
    assert [v["id"] for v in mine] == [job["video_id"]]


def test_a_new_video_showing_a_face_its_maker_may_not_use_is_stopped(
        client: TestClient, tmp_path: Path) -> None:
    from openreel.services.rendering import _check_faces

    maya = sign_up(client, "maya")
    clip = make_cameo(client, maya, tmp_path)
    sign_up(client, "omar")
    platform = client.app.state.platform  # type: ignore[attr-defined]
    with platform.reading() as session:
        from openreel.db.models import Cameo, User

        her = session.query(Cameo).one().id
        omar_id = session.query(User).filter(User.handle == "omar").one().id
    from openreel.jobs import PermanentJobError

    # her capture itself stands for a video that shows her face
    with pytest.raises(PermanentJobError, match=r"the video shows @maya's face"):
        _check_faces(platform, omar_id, clip, [])
    _check_faces(platform, omar_id, clip, [her])  # in the video's allowed cast: it may
    # and once she lets everyone use it, so may he
    assert client.patch(f"{API}/cameos/me", headers=maya,
                        json={"permission": "everyone"}).status_code == 200
    _check_faces(platform, omar_id, clip, [])
