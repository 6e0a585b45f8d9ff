"""Every upload that is refused for what the file is says which files are taken, and
every kind of file it names is really taken."""

from __future__ import annotations

import io
from collections.abc import Callable

import av
import numpy as np
import pytest
from api_client import PlatformApp
from PIL import Image
from web_pages import form_token, sign_in_pages

from openreel.services.uploads import PICTURE_KINDS, VERIFIABLE

PICTURE_WORDS = "upload a PNG, JPEG, WebP, GIF or BMP picture"
VERIFY_WORDS = ("upload an MP4, MOV or WebM video, a WAV, MP3 or M4A sound, "
                "or a PNG, JPEG, WebP, GIF or BMP picture")


def _picture(pillow_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 64), (200, 60, 40)).save(buffer, format=pillow_format)
    return buffer.getvalue()


def _clip(container: str, video_codec: str | None, audio_codec: str | None) -> bytes:
    """A one-second clip: ten flat frames, and/or a 440 Hz tone."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        if video_codec is not None:
            video = out.add_stream(video_codec, rate=10)
            video.width, video.height, video.pix_fmt = 64, 64, "yuv420p"
            for i in range(10):
                frame = av.VideoFrame.from_ndarray(
                    np.full((64, 64, 3), 20 * i, np.uint8), format="rgb24")
                for packet in video.encode(frame):
                    out.mux(packet)
            for packet in video.encode():
                out.mux(packet)
        if audio_codec is not None:
            sound = out.add_stream(audio_codec, rate=22_050)
            tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(22_050) / 22_050)
            samples = (tone * 32767).astype(np.int16)[None, :]
            frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
            frame.sample_rate = 22_050
            for packet in sound.encode(frame):
                out.mux(packet)
            for packet in sound.encode():
                out.mux(packet)
    return buffer.getvalue()


# One file per kind /verify names, made here; (file name, content, what it is read as)
MAKERS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "MP4": ("clip.mp4", lambda: _clip("mp4", "libx264", None), "video"),
    "MOV": ("clip.mov", lambda: _clip("mov", "libx264", None), "video"),
    "WebM": ("clip.webm", lambda: _clip("webm", "libvpx", None), "video"),
    "WAV": ("tone.wav", lambda: _clip("wav", None, "pcm_s16le"), "audio"),
    "MP3": ("tone.mp3", lambda: _clip("mp3", None, "libmp3lame"), "audio"),
    "M4A": ("tone.m4a", lambda: _clip("ipod", None, "aac"), "audio"),
    **{kind.name: (f"still{kind.extensions[0]}", lambda f=pillow: _picture(f), "image")
       for pillow, kind in PICTURE_KINDS.items()},
}


def test_every_kind_verify_names_is_made_here() -> None:
    named = {kind.name for _, kinds in VERIFIABLE.groups for kind in kinds}
    assert named == set(MAKERS)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_every_kind_verify_names_is_examined(platform_app: PlatformApp, name: str) -> None:
    filename, make, kind = MAKERS[name]
    answer = platform_app.client.post("/api/v1/verify", files={
        "file": (filename, make(), "application/octet-stream")})
    assert answer.status_code == 200, answer.text
    assert answer.json()["kind"] == kind


@pytest.mark.parametrize("pillow", sorted(PICTURE_KINDS))
def test_every_picture_kind_named_is_taken_as_an_avatar(platform_app: PlatformApp,
                                                        pillow: str) -> None:
    auth = platform_app.sign_up("ada")
    answer = platform_app.client.put("/api/v1/me/avatar", headers=auth, files={
        "avatar": (f"me{PICTURE_KINDS[pillow].extensions[0]}", _picture(pillow),
                   PICTURE_KINDS[pillow].media_type)})
    assert answer.status_code == 200, answer.text
    assert answer.json()["avatar_url"]


def _truncated_png() -> bytes:
    whole = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (64, 64, 3), np.uint8)).save(
        whole, format="PNG")
    return whole.getvalue()[:300]


# (content, how the refusal starts): unreadable, a picture of a kind not taken, damaged
BAD_PICTURES = [
    pytest.param(b"plain text, not a picture", "the file is not a picture openreel can read",
                 id="words"),
    pytest.param(_picture("TIFF"), "TIFF pictures are not taken", id="tiff"),
    pytest.param(_truncated_png(), "the picture is damaged", id="truncated"),
]


@pytest.mark.parametrize(("data", "problem"), BAD_PICTURES)
def test_a_bad_first_frame_says_which_pictures_are_taken(
        platform_app: PlatformApp, data: bytes, problem: str) -> None:
    auth = platform_app.sign_up("ada")
    answer = platform_app.client.post(
        "/api/v1/generations", headers=auth, data={"prompt": "a red ball", "seconds": "2"},
        files={"image": ("frame.png", data, "image/png")})
    assert answer.status_code == 415, answer.text
    detail = answer.json()["detail"]
    assert detail.startswith(f"image: {problem}") and detail.endswith(PICTURE_WORDS), detail


@pytest.mark.parametrize(("data", "problem"), BAD_PICTURES)
def test_a_bad_avatar_says_which_pictures_are_taken(
        platform_app: PlatformApp, data: bytes, problem: str) -> None:
    auth = platform_app.sign_up("ada")
    answer = platform_app.client.put("/api/v1/me/avatar", headers=auth,
                                     files={"avatar": ("me.png", data, "image/png")})
    assert answer.status_code == 415, answer.text
    detail = answer.json()["detail"]
    assert detail.startswith(f"avatar: {problem}") and detail.endswith(PICTURE_WORDS), detail


def test_an_empty_avatar_is_422_and_says_which_pictures_are_taken(
        platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    answer = platform_app.client.put("/api/v1/me/avatar", headers=auth,
                                     files={"avatar": ("me.png", b"", "image/png")})
    assert answer.status_code == 422, answer.text
    [problem] = answer.json()["detail"]
    assert problem["loc"][-1] == "avatar"
    assert problem["msg"] == f"the file is empty; {PICTURE_WORDS}"


@pytest.mark.parametrize(("data", "status", "problem"), [
    pytest.param(b"just some words, not a video\n", 415,
                 "notes.txt: not an image, video or sound file", id="words"),
    pytest.param(b"", 422, "the file is empty", id="empty"),
])
def test_a_file_verify_cannot_read_says_which_files_are_taken(
        platform_app: PlatformApp, data: bytes, status: int, problem: str) -> None:
    answer = platform_app.client.post("/api/v1/verify",
                                      files={"file": ("notes.txt", data, "text/plain")})
    assert answer.status_code == status, answer.text
    body = answer.json()
    detail = body["detail"][0]["msg"] if status == 422 else body["detail"]
    assert detail == f"{problem}; {VERIFY_WORDS}"


def test_the_create_page_shows_which_pictures_are_taken(platform_app: PlatformApp) -> None:
    platform_app.sign_up("ada")
    sign_in_pages(platform_app, "ada")
    client = platform_app.client
    token = form_token(client.get("/create").text)
    page = client.post("/create", data={"prompt": "a red ball", "seconds": "2",
                                        "csrf_token": token},
                       files={"image": ("frame.png", b"plain text", "image/png")})
    assert page.status_code == 415
    assert (f"image: the file is not a picture openreel can read; {PICTURE_WORDS}"
            in page.text)
    assert ">a red ball</textarea>" in page.text  # what was typed is kept


def test_the_verify_page_shows_which_files_are_taken(platform_app: PlatformApp) -> None:
    client = platform_app.client
    token = form_token(client.get("/verify").text)
    unreadable = client.post("/verify", data={"csrf_token": token},
                             files={"file": ("notes.txt", b"words\n", "text/plain")})
    assert unreadable.status_code == 415
    assert f"notes.txt: not an image, video or sound file; {VERIFY_WORDS}" in unreadable.text
    nothing = client.post("/verify", data={"csrf_token": token},
                          files={"file": ("", b"", "application/octet-stream")})
    assert nothing.status_code == 422
    assert f"choose a file to verify: {VERIFY_WORDS.removeprefix('upload ')}" in nothing.text
