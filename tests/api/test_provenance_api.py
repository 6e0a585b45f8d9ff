"""Provenance through the platform: every stored video is marked, signed and catalogued,
and anyone can verify a file at /api/v1/verify or on the /verify page."""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
from api_client import PlatformApp
from PIL import Image
from sqlalchemy import select, update

from openreel.db.models import Fingerprint, Video
from openreel.provenance import picture_mark
from openreel.provenance.fingerprint import fingerprint_video
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY
from openreel.services.signing import Signing


def _download(app: PlatformApp, video_id: int, auth: dict[str, str]) -> bytes:
    response = app.client.get(f"/api/v1/videos/{video_id}/file", headers=auth)
    assert response.status_code == 200
    return response.content


def _verify(app: PlatformApp, name: str, data: bytes, auth: dict[str, str] | None = None,
            ) -> dict:  # type: ignore[type-arg]
    response = app.client.post("/api/v1/verify", headers=auth or {},
                               files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_made_video_is_catalogued_and_verifies(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("maya")
    # Four seconds: the sound mark needs about three to hold its whole payload.
    video = platform_app.make_video(auth, "a dog runs along a beach and barks at the waves",
                                    seconds="4")
    with platform_app.platform.transaction() as session:
        row = session.get(Video, video["id"])
        assert row is not None and row.mark is not None and len(row.mark) == 16
        mark = row.mark
        stored = session.scalar(select(Fingerprint).where(Fingerprint.video_id == row.id))
        assert stored is not None and len(stored.data) > 100
    report = _verify(platform_app, "copy.mp4", _download(platform_app, video["id"], auth))
    assert report["is_openreel"] is True
    assert report["manifest"]["state"] == "trusted"
    assert report["manifest"]["creator"] == "maya"
    assert report["picture_mark"]["payload"] == mark
    assert report["sound_mark"]["payload"] == mark
    assert report["video"]["id"] == video["id"]
    assert report["video"]["creator"] == "maya"
    assert set(report["video"]["evidence"]) >= {"picture mark", "sound mark", "manifest"}
    assert report["matches"][0]["video_id"] == video["id"]


def test_a_remix_names_its_parent_and_a_draft_stays_private(platform_app: PlatformApp) -> None:
    maya, sam = platform_app.sign_up("maya"), platform_app.sign_up("sam")
    parent = platform_app.make_video(maya, "a red car drives down a city street")
    job = platform_app.client.post(f"/api/v1/videos/{parent['id']}/remix", headers=sam,
                                   json={"prompt": "make it night"})
    assert job.status_code == 202, job.text
    platform_app.run_jobs()
    job_id = job.json()["id"]
    remix_id = platform_app.client.get(f"/api/v1/jobs/{job_id}", headers=sam).json()["video_id"]
    data = _download(platform_app, remix_id, sam)
    mine = _verify(platform_app, "remix.mp4", data, sam)
    assert mine["video"]["id"] == remix_id and mine["video"]["creator"] == "sam"
    assert [i["relationship"] for i in mine["manifest"]["ingredients"]] == ["parentOf"]
    # Someone else holding a copy of Sam's unpublished draft learns it is openreel's, and
    # whose, but not where it lives.
    theirs = _verify(platform_app, "remix.mp4", data)
    assert theirs["is_openreel"] is True
    assert theirs["video"]["id"] is None and theirs["video"]["creator"] == "sam"


def test_a_frame_grab_is_traced_to_its_video(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("maya")
    video = platform_app.make_video(auth, "a horse gallops across a green meadow")
    poster = platform_app.client.get(f"/api/v1/videos/{video['id']}/poster", headers=auth)
    assert poster.status_code == 200
    report = _verify(platform_app, "grab.jpg", poster.content)
    assert report["kind"] == "image"
    assert report["is_openreel"] is True
    assert report["video"]["id"] == video["id"]


def test_other_material_is_not_openreel(platform_app: PlatformApp) -> None:
    rng = np.random.default_rng(3)
    picture = (rng.random((480, 640, 3)) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="PNG")
    report = _verify(platform_app, "noise.png", buffer.getvalue())
    assert report["is_openreel"] is False
    assert report["video"] is None and report["matches"] == []
    assert "No sign of openreel" in report["summary"]


def test_bad_uploads_get_clear_errors(platform_app: PlatformApp) -> None:
    client = platform_app.client
    text = client.post("/api/v1/verify", files={"file": ("a.mp4", b"hello there", "video/mp4")})
    assert text.status_code == 415 and "not an image, video or sound" in text.json()["detail"]
    empty = client.post("/api/v1/verify", files={"file": ("a.mp4", b"", "video/mp4")})
    assert empty.status_code == 422 and "empty" in str(empty.json())
    big = client.post("/api/v1/verify",
                      files={"file": ("a.mp4", b"\0" * (5 * 1024 * 1024), "video/mp4")})
    assert big.status_code == 413
    missing = client.post("/api/v1/verify")
    assert missing.status_code == 422


def test_verify_page_shows_the_verdict(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("maya")
    video = platform_app.make_video(auth, "a penguin slides on the snow")
    data = _download(platform_app, video["id"], auth)
    page = platform_app.client.get("/verify")
    assert page.status_code == 200 and 'id="verify-form"' in page.text
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    shown = platform_app.client.post("/verify", data={"csrf_token": token},
                                     files={"file": ("mine.mp4", data, "video/mp4")})
    assert shown.status_code == 200
    assert 'data-openreel="yes"' in shown.text
    assert 'data-manifest="trusted"' in shown.text
    assert f'href="/v/{video["id"]}"' in shown.text
    forged = platform_app.client.post("/verify", data={"csrf_token": "wrong"},
                                      files={"file": ("mine.mp4", data, "video/mp4")})
    assert forged.status_code == 403


def test_a_named_file_that_is_no_media_is_said_to_be_none(platform_app: PlatformApp) -> None:
    for name in ("photo.png", "clip.gif", "song.mp3"):
        answer = platform_app.client.post(
            "/api/v1/verify", files={"file": (name, b"just some words, not a picture\n",
                                              "application/octet-stream")})
        assert answer.status_code == 415, answer.text
        assert f"{name}: not an image, video or sound file" in answer.json()["detail"]
        assert "pixels" not in answer.text


def test_a_deleted_video_is_no_longer_named_or_matched(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("maya")
    video = platform_app.make_video(auth, "a yellow bus drives past a park")
    copy = _download(platform_app, video["id"], auth)
    assert _verify(platform_app, "copy.mp4", copy)["video"]["id"] == video["id"]
    deleted = platform_app.client.delete(f"/api/v1/videos/{video['id']}", headers=auth)
    assert deleted.status_code == 204
    report = _verify(platform_app, "copy.mp4", copy)
    assert report["video"] is None and report["matches"] == []
    # its marks and its own manifest still say what made it, but the catalogue names nothing
    assert report["is_openreel"] is True
    assert "made by" not in report["summary"] and "its manifest names" in report["summary"]


def _photo() -> bytes:
    """A picture someone took: shapes and a gradient, nothing openreel drew."""
    y, x = np.mgrid[0:720, 0:540]
    picture = np.stack([(x * 255 // 540), (y * 255 // 720), np.full_like(x, 90)], -1)
    picture[200:420, 120:400] = (240, 210, 40)
    picture[480:640, 300:500] = (30, 60, 200)
    buffer = io.BytesIO()
    Image.fromarray(picture.astype(np.uint8)).save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def _clip_of(picture: bytes, path: Path) -> Path:
    """Two seconds of a still, as a video: what a clip that barely moves looks like."""
    frame = np.asarray(Image.open(io.BytesIO(picture)).convert("RGB").resize((720, 1280)))
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 720, 1280, "yuv420p"
        for _ in range(48):
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def test_the_picture_a_video_was_started_from_is_not_identified_as_the_video(
        platform_app: PlatformApp, tmp_path: Path) -> None:
    auth = platform_app.sign_up("maya")
    photo = _photo()
    job = platform_app.client.post("/api/v1/generations", headers=auth,
                                   data={"prompt": "the picture comes alive", "seconds": "2"},
                                   files={"image": ("mine.jpg", photo, "image/jpeg")})
    assert job.status_code == 202, job.text
    platform_app.run_jobs()
    video_id = platform_app.client.get(f"/api/v1/jobs/{job.json()['id']}",
                                       headers=auth).json()["video_id"]
    # A clip that barely moves looks like the picture it started from: its fingerprint is
    # the picture's (stored before the catalogue is first read).
    fingerprint = fingerprint_video(_clip_of(photo, tmp_path / "still.mp4")).to_bytes()
    with platform_app.platform.transaction() as session:
        session.execute(update(Fingerprint).where(Fingerprint.video_id == video_id)
                        .values(data=fingerprint))
    # Her own photo is hers: not an openreel video, and no video of hers is named for it
    report = _verify(platform_app, "mine.jpg", photo, auth)
    assert report["is_openreel"] is False and report["video"] is None
    assert report["matches"] == []
    # the same still, were the video not started from it, would be traced to the video
    with platform_app.platform.transaction() as session:
        session.execute(update(Video).where(Video.id == video_id).values(source_image_key=None))
    traced = _verify(platform_app, "mine.jpg", photo, auth)
    assert traced["video"] is not None and traced["video"]["id"] == video_id


def _photo_marked(payload: bytes, key: int) -> bytes:
    """A real-looking photo openreel never made, with ``payload`` written under ``key``."""
    y, x = np.mgrid[0:480, 0:640]
    rng = np.random.default_rng(5)
    base = np.stack([130 + 60 * np.sin(x / 45.0), 120 + 50 * np.cos(y / 60.0),
                     100 + 40 * np.sin((x - y) / 80.0)], axis=-1)
    rgb = np.clip(base + rng.normal(0, 5, base.shape), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(picture_mark.embed(rgb, payload, key)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_mark_forged_with_the_old_public_key_names_nobody(platform_app: PlatformApp) -> None:
    # with openreel's public key anyone could write alice's id into their own picture and
    # it read "made by @alice"; this deployment marks with a key of its own
    auth = platform_app.sign_up("alice")
    video = platform_app.make_video(auth, "a red ball bounces on a wooden floor")
    with platform_app.platform.transaction() as session:
        row = session.get(Video, video["id"])
        assert row is not None and row.mark is not None
        mark = bytes.fromhex(row.mark)
    assert platform_app.platform.signing.watermark_key != DEFAULT_WATERMARK_KEY
    forged = _verify(platform_app, "forged.png", _photo_marked(mark, DEFAULT_WATERMARK_KEY))
    assert forged["picture_mark"]["payload"] == mark.hex()
    assert forged["picture_mark"]["public_key"] is True
    assert forged["is_openreel"] is False and forged["video"] is None
    assert "public key" in forged["summary"] and "@alice" not in forged["summary"]
    # the same id under this deployment's own key is its mark: only it can write that
    own = _verify(platform_app, "own.png", _photo_marked(
        mark, platform_app.platform.signing.watermark_key))
    assert own["is_openreel"] is True and own["picture_mark"]["public_key"] is False


def test_a_video_marked_by_an_older_version_with_the_public_key_still_reads(
        platform_app: PlatformApp) -> None:
    platform = platform_app.platform
    now = platform.signing
    platform.signing = Signing(platform.settings.model_copy(
        update={"watermark_key": DEFAULT_WATERMARK_KEY}))  # as older versions marked
    try:
        auth = platform_app.sign_up("maya")
        video = platform_app.make_video(auth, "a dog runs along a beach and barks",
                                        seconds="4")
    finally:
        platform.signing = now
    report = _verify(platform_app, "old.mp4", _download(platform_app, video["id"], auth))
    assert report["is_openreel"] is True and report["video"]["id"] == video["id"]
    assert report["picture_mark"]["public_key"] is True
    # named because the fingerprint finds the very video the old mark names
    assert {"picture mark (public key)", "fingerprint"} <= set(report["video"]["evidence"])
    assert any("public key" in reason for reason in report["reasons"])
