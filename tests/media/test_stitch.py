"""Stitching real clips made with the writer: lengths, pictures, letterboxing, sound."""

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from openreel.media import (
    AUDIO_RATE,
    Mp4Writer,
    StitchError,
    probe,
    read_audio,
    read_frames,
    stitch,
)

RED, BLUE, GREEN = (220, 30, 30), (30, 40, 220), (30, 200, 40)


def _tone(hz: float, seconds: float, rate: int = AUDIO_RATE) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (0.4 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def _clip(path: Path, colour: tuple[int, int, int], frames: int, *, fps: int = 24,
          size: tuple[int, int] = (64, 48), hz: float | None = 440.0) -> Path:
    """A flat-coloured clip with a steady tone, written by the platform's own writer."""
    w, h = size
    with Mp4Writer(path, w, h, fps) as writer:
        if hz is not None:
            tone = _tone(hz, frames / fps)
            writer.write_audio(np.stack([tone, tone], axis=1))
        for _ in range(frames):
            writer.write_frame(np.full((h, w, 3), colour, np.uint8))
    return path


def _raw_clip(path: Path, colour: tuple[int, int, int], frames: int, *, fps: int,
              size: tuple[int, int], sound: tuple[float, int] | None) -> Path:
    """A clip the writer cannot make: no sound at all, or mono sound at another rate."""
    w, h = size
    with av.open(str(path), mode="w", format="mp4") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        video.time_base = Fraction(1, fps)
        audio = None
        if sound is not None:
            audio = container.add_stream("aac", rate=sound[1])
            audio.layout = "mono"
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(np.full((h, w, 3), colour, np.uint8),
                                               format="rgb24").reformat(format="yuv420p")
            frame.pts = i
            for packet in video.encode(frame):
                container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)
        if audio is not None and sound is not None:
            hz, rate = sound
            samples = _tone(hz, frames / fps, rate)
            for start in range(0, len(samples), 1024):
                chunk = samples[start:start + 1024][None, :]
                af = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="fltp",
                                                layout="mono")
                af.sample_rate, af.pts = rate, start
                for packet in audio.encode(af):
                    container.mux(packet)
            for packet in audio.encode(None):
                container.mux(packet)
    return path


def _mean(frame: np.ndarray, box: tuple[slice, slice] | None = None) -> np.ndarray:
    region = frame if box is None else frame[box]
    return region.reshape(-1, 3).mean(axis=0)


def _near(rgb: np.ndarray, colour: tuple[int, int, int], tol: float = 25.0) -> bool:
    return bool(np.abs(rgb - np.asarray(colour)).max() < tol)


def _pitch(samples: np.ndarray, rate: int = AUDIO_RATE) -> float:
    """The strongest frequency of a mono stretch of sound."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples ** 2)))


def test_parts_follow_one_another_in_picture_and_sound(tmp_path: Path) -> None:
    a = _clip(tmp_path / "a.mp4", RED, 24, hz=440.0)
    b = _clip(tmp_path / "b.mp4", BLUE, 12, hz=880.0)
    result = stitch([a, b], tmp_path / "joined.mp4")

    assert (result.frames, result.part_frames, result.fps) == (36, (24, 12), 24)
    info = probe(result.path)
    assert (info.width, info.height, info.frames) == (64, 48, 36)
    frames = list(read_frames(result.path))
    assert all(_near(_mean(f), RED) for f in frames[:24])
    assert all(_near(_mean(f), BLUE) for f in frames[24:])

    sound, rate = read_audio(result.path)
    mono = sound.mean(axis=1)
    assert rate == AUDIO_RATE
    assert abs(len(mono) - 1.5 * AUDIO_RATE) < AUDIO_RATE / 24
    first, second = mono[int(0.2 * rate):int(0.8 * rate)], mono[int(1.1 * rate):int(1.4 * rate)]
    assert _pitch(first) == pytest.approx(440.0, abs=5.0)
    assert _pitch(second) == pytest.approx(880.0, abs=5.0)
    # No gap at the join: every 10 ms around it is as loud as the tones themselves.
    hop = rate // 100
    around = mono[int(0.9 * rate):int(1.1 * rate)]
    levels = [_rms(around[k:k + hop]) for k in range(0, len(around) - hop + 1, hop)]
    assert min(levels) > 0.5 * _rms(first)


def test_other_sizes_are_letterboxed_and_other_rates_resampled(tmp_path: Path) -> None:
    a = _clip(tmp_path / "a.mp4", RED, 24)
    tall = _raw_clip(tmp_path / "tall.mp4", GREEN, 30, fps=30, size=(32, 48), sound=None)
    result = stitch([a, tall], tmp_path / "joined.mp4")

    # 1 s at 30 fps shown for 1 s at the first clip's 24 fps
    assert result.part_frames == (24, 24)
    frames = list(read_frames(result.path))
    assert len(frames) == 48
    for f in frames[24:]:
        assert f.shape == (48, 64, 3)
        assert _near(_mean(f, (slice(None), slice(20, 44))), GREEN)  # the picture, centred
        assert _mean(f, (slice(None), slice(0, 12))).max() < 20  # black bar left
        assert _mean(f, (slice(None), slice(52, 64))).max() < 20  # black bar right
    sound, rate = read_audio(result.path)
    mono = sound.mean(axis=1)
    assert _rms(mono[int(0.2 * rate):int(0.8 * rate)]) > 0.2  # the first clip's tone
    assert _rms(mono[int(1.1 * rate):int(1.9 * rate)]) < 1e-3  # silence for the silent one


def test_sound_at_another_rate_keeps_its_pitch(tmp_path: Path) -> None:
    a = _clip(tmp_path / "a.mp4", RED, 24, hz=440.0)
    other = _raw_clip(tmp_path / "other.mp4", BLUE, 24, fps=24, size=(64, 48),
                      sound=(660.0, 22_050))
    result = stitch([a, other], tmp_path / "joined.mp4")
    sound, rate = read_audio(result.path)
    assert rate == AUDIO_RATE and sound.shape[1] == 2
    part = sound[int(1.2 * rate):int(1.8 * rate)]
    assert _pitch(part[:, 0]) == pytest.approx(660.0, abs=5.0)
    assert np.allclose(part[:, 0], part[:, 1], atol=1e-3)  # mono heard on both sides


def test_the_output_size_and_rate_can_be_chosen(tmp_path: Path) -> None:
    a = _clip(tmp_path / "a.mp4", RED, 24)
    b = _clip(tmp_path / "b.mp4", BLUE, 24)
    result = stitch([a, b], tmp_path / "joined.mp4", width=128, height=128, fps=12)
    info = probe(result.path)
    assert (info.width, info.height, info.frames, round(info.fps)) == (128, 128, 24, 12)
    frames = list(read_frames(result.path))
    # a wide picture in a square frame: bars above and below
    assert _near(_mean(frames[3], (slice(40, 88), slice(None))), RED)
    assert _mean(frames[3], (slice(0, 10), slice(None))).max() < 20
    assert _near(_mean(frames[20], (slice(40, 88), slice(None))), BLUE)


def test_bad_sources_are_refused_and_leave_no_file(tmp_path: Path) -> None:
    a = _clip(tmp_path / "a.mp4", RED, 12)
    out = tmp_path / "joined.mp4"
    with pytest.raises(StitchError, match="at least two"):
        stitch([a], out)
    with pytest.raises(StitchError, match=r"missing\.mp4 does not exist"):
        stitch([a, tmp_path / "missing.mp4"], out)
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"this is not a video" * 100)
    with pytest.raises(StitchError, match=r"junk\.mp4 is not a readable video"):
        stitch([a, junk], out)
    with pytest.raises(StitchError, match="even"):
        stitch([a, a], out, width=63)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4", "junk.mp4"]
