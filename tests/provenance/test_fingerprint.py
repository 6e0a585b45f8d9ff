"""Fingerprints of real rendered clips, images and sound files; bad input is refused clearly."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from openreel.engines import RenderRequest, get_engine
from openreel.media import Mp4Writer, read_audio, read_frames
from openreel.pipeline import GenerateOptions, plan
from openreel.provenance import fingerprint
from openreel.provenance._audio_attacks import aac_roundtrip, resample, trim
from openreel.provenance.copy_edits import sound_only
from openreel.provenance.fingerprint import (
    AUDIO_HOP,
    AUDIO_RATE,
    QUERY_INTERVAL,
    FingerprintError,
    VideoFingerprint,
    audio_fingerprint,
    fingerprint_image,
    fingerprint_query,
    fingerprint_video,
    hamming,
)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3 s, 360x640 procedural clip with sound."""
    out = tmp_path_factory.mktemp("fingerprint") / "clip.mp4"
    options = GenerateOptions(seconds=3, seed=4)
    board = plan("a dog runs on the beach at sunset", None, options)
    with Mp4Writer(out, 360, 640, 24) as writer:
        get_engine("procedural").render(board, RenderRequest(360, 640, 24, seed=4), writer)
    return out


def test_video_fingerprint_has_key_frames_centres_and_sound(clip: Path) -> None:
    fp = fingerprint_video(clip)
    times = [f.t for f in fp.frames]
    assert times[0] == 0.0 and times == sorted(times) and times[-1] > 2.4
    assert max(np.diff(times)) <= 0.5 + 1e-6  # at least every STORE_INTERVAL
    assert len(fp.centre_frames) == len(fp.frames)
    assert all(hamming(a.hash, b.hash) > 0 for a, b in zip(fp.frames, fp.centre_frames,
                                                           strict=True))
    hops = 3.0 / (AUDIO_HOP / float(AUDIO_RATE))
    assert 0.85 * hops < len(fp.audio) <= hops and np.count_nonzero(fp.audio) > 0.9 * len(fp.audio)


def test_fingerprint_bytes_round_trip_and_reject_garbage(clip: Path) -> None:
    fp = fingerprint_video(clip)
    data = fp.to_bytes()
    again = VideoFingerprint.from_bytes(data)
    assert again.frames == fp.frames and again.centre_frames == fp.centre_frames
    assert np.array_equal(again.audio, fp.audio)
    for bad in (b"", b"nonsense", data[:-3], data + b"\0", b"ORFP\x09" + data[5:]):
        with pytest.raises(FingerprintError):
            VideoFingerprint.from_bytes(bad)


def test_query_kinds_for_video_image_and_sound(clip: Path, tmp_path: Path) -> None:
    stored = fingerprint_video(clip)
    video = fingerprint_query(clip)
    assert video.kind == "video" and len(video.frames) >= 3 / QUERY_INTERVAL - 1
    assert np.array_equal(video.audio, stored.audio)
    frame = list(read_frames(clip))[30]
    Image.fromarray(frame).save(tmp_path / "still.png")
    Image.fromarray(frame).save(tmp_path / "still.jpg", quality=70)
    for source in (frame, tmp_path / "still.png", str(tmp_path / "still.jpg")):
        still = fingerprint_query(source)
        assert still.kind == "image" and not len(still.audio)
        assert min(hamming(h.hash, k.hash) for h in still.frames for k in stored.frames) <= 16
    sound = fingerprint_query(sound_only(clip, tmp_path / "sound.m4a"))
    assert sound.kind == "audio" and sound.frames == [] and len(sound.audio) > 200


def test_screenshot_query_tries_picture_placements(clip: Path) -> None:
    frame = list(read_frames(clip))[40]
    bars = np.concatenate([np.full((40, 360, 3), 20, np.uint8), frame,
                           np.full((70, 360, 3), 230, np.uint8)])
    bars[12:28, 20:120] = 250  # a clock on the status bar
    shot = fingerprint_query(bars)
    best = min(hamming(h.hash, fingerprint_image(frame)) for h in shot.frames)
    assert len(shot.frames) > 10 and best <= 12
    assert len(fingerprint_query(frame).frames) <= 2  # a frame is not slid over
    # its other views (mirrored, turned, boxed in) are looked up only when it finds nothing
    assert set(fingerprint_query(frame).views) <= set(fingerprint.VIEWS)


def test_image_hash_is_stable_under_downscale() -> None:
    rng = np.random.default_rng(0)
    image = np.kron(rng.integers(0, 256, (40, 24, 3)), np.ones((32, 30, 1))).astype(np.uint8)
    half = np.asarray(Image.fromarray(image).resize((360, 640), Image.Resampling.BILINEAR))
    other = np.kron(rng.integers(0, 256, (40, 24, 3)), np.ones((32, 30, 1))).astype(np.uint8)
    assert hamming(fingerprint_image(image), fingerprint_image(half)) <= 16
    assert hamming(fingerprint_image(image), fingerprint_image(other)) >= 80


def test_audio_fingerprint_survives_aac_and_resampling(clip: Path) -> None:
    samples, rate = read_audio(clip)
    original = audio_fingerprint(samples, rate)
    copy = audio_fingerprint(resample(aac_roundtrip(samples, rate, 96_000), rate, 44_100),
                             44_100)
    n = min(len(original), len(copy))
    errors = np.bitwise_count(original[:n] ^ copy[:n]).mean() / 32
    assert errors < 0.15  # random words differ in half their bits
    trimmed = audio_fingerprint(trim(samples, rate, 1.0, 0.0), rate)
    assert len(trimmed) < len(original) - 60


def test_bad_input_raises_fingerprint_error(clip: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not media at all")
    (tmp_path / "empty.mp4").write_bytes(b"")
    data = clip.read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[:len(data) // 2])
    Image.fromarray(np.zeros((64, 64, 3), np.uint8)).save(tmp_path / "ok.png")
    png = (tmp_path / "ok.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(png[:len(png) // 2])
    Image.new("RGB", (9000, 8)).save(tmp_path / "wide.png")
    cases = {"notes.txt": "not an image, video or sound", "empty.mp4": "not an image",
             "cut.mp4": "truncated", "cut.png": "truncated", "wide.png": "limit",
             "missing.mp4": "no such file"}
    for name, reason in cases.items():
        with pytest.raises(FingerprintError, match=reason):
            fingerprint_query(tmp_path / name)
    with pytest.raises(FingerprintError, match="truncated"):
        fingerprint_video(tmp_path / "cut.mp4")
    with pytest.raises(FingerprintError, match="no video"):
        fingerprint_video(sound_only(clip, tmp_path / "sound.m4a"))
    with pytest.raises(FingerprintError):
        fingerprint_query(np.zeros((10, 10), np.float32))
    with pytest.raises(FingerprintError, match="folder"):
        fingerprint_query(tmp_path)


def test_limits_bound_size_and_length(clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fingerprint, "MAX_QUERY_SECONDS", 1.0)
    query = fingerprint_query(clip)
    assert max(f.t for f in query.frames) <= 1.0
    assert len(query.audio) < 1.4 / (AUDIO_HOP / float(AUDIO_RATE))
    monkeypatch.setattr(fingerprint, "MAX_VIDEO_SECONDS", 1.0)
    with pytest.raises(FingerprintError, match="longer than"):
        fingerprint_video(clip)
    monkeypatch.setattr(fingerprint, "MAX_SIDE", 480)
    with pytest.raises(FingerprintError, match="640"):
        fingerprint_video(clip)
    with pytest.raises(FingerprintError, match="640"):
        fingerprint_query(np.zeros((640, 360, 3), np.uint8))


@pytest.mark.parametrize(("source", "size"), [
    ((1280, 2276), (256, 144)), ((1280, 2276), (1280, 720)), ((1080, 1920), (1280, 720)),
    ((1280, 720), (144, 256)), ((641, 359), (256, 143)), ((720, 1280), (1000, 562)),
])
def test_shrinking_averages_as_opencv_does_whatever_the_factor(
        source: tuple[int, int], size: tuple[int, int]) -> None:
    rng = np.random.default_rng(3)
    h, w = source
    # shapes some 30 pixels across and fine grain, like a video frame
    base = cv2.resize(rng.integers(0, 256, (h // 30 + 2, w // 30 + 2, 3), dtype=np.uint8),
                      (w, h), interpolation=cv2.INTER_CUBIC)
    picture = np.clip(base + rng.normal(0, 6, base.shape), 0, 255).astype(np.uint8)
    shrunk = fingerprint.shrink(picture, size)
    assert (shrunk.shape[1], shrunk.shape[0]) == size
    plain = cv2.resize(picture, size, interpolation=cv2.INTER_AREA)
    # within a few levels (the rows and columns past a whole factor, dropped, move the
    # picture by a fraction of a pixel) and the same to the fingerprint
    assert np.mean(np.abs(shrunk.astype(float) - plain)) < 8.0
    assert fingerprint.hamming(fingerprint.fingerprint_image(shrunk),
                               fingerprint.fingerprint_image(plain)) <= 8


@pytest.mark.parametrize("pixel_format", ["yuv420p", "yuvj420p", "yuv444p", "nv12", "rgb24",
                                          "yuv420p10le"])
def test_a_decoded_frame_gives_its_full_range_luma_whatever_its_format(
        pixel_format: str) -> None:
    import av

    rgb = np.zeros((64, 96, 3), np.uint8)
    rgb[:, :48], rgb[:, 48:], rgb[20:40, 10:80] = (200, 100, 50), (20, 220, 120), (250, 250, 245)
    want = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format=pixel_format)
    picture = fingerprint.DecodedPicture(frame)
    luma = picture.luma()
    assert luma.dtype == np.uint8 and luma.shape == (64, 96)
    # limited-range (16-235) luma read as it is would be off by up to 20 levels
    assert float(np.abs(luma - want).mean()) < 1.0
    half = picture.luma(0.5)
    assert half.shape == (32, 48)
    small = cv2.resize(want, (48, 32), interpolation=cv2.INTER_AREA)
    assert float(np.abs(half - small).mean()) < 1.0
