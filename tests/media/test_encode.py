from pathlib import Path

import numpy as np
import pytest

from openreel.media import AUDIO_RATE, Mp4Writer, probe, read_audio, read_frames


def _frames(n: int, w: int = 64, h: int = 48) -> list[np.ndarray]:
    out = []
    for i in range(n):
        f = np.zeros((h, w, 4), np.uint8)
        f[..., 3] = 255
        f[:, : (i * 3) % w + 4, 0] = 230  # a red bar that grows
        out.append(f)
    return out


def test_writes_h264_aac_faststart_with_exact_lengths(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    tone = np.sin(np.arange(AUDIO_RATE * 2) / AUDIO_RATE * 2 * np.pi * 440).astype(np.float32)
    with Mp4Writer(out, 64, 48, 24) as writer:
        writer.write_audio(np.stack([tone, tone], axis=1) * 0.5)
        for f in _frames(48):
            writer.write_frame(f)
    info = probe(out)
    assert (info.video_codec, info.pix_fmt, info.width, info.height) == ("h264", "yuv420p", 64, 48)
    assert (info.audio_codec, info.sample_rate, info.channels) == ("aac", 48000, 2)
    assert info.frames == 48
    audio, rate = read_audio(out)
    assert rate == AUDIO_RATE
    assert abs(len(audio) - 2 * AUDIO_RATE) <= AUDIO_RATE / 24
    data = out.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat"), "moov atom must come first (faststart)"
    decoded = list(read_frames(out))
    assert decoded[0][:, :40, 0].mean() < decoded[-1][:, :40, 0].mean()


def test_failure_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    with pytest.raises(RuntimeError), Mp4Writer(out, 64, 48, 24) as writer:
        writer.write_frame(_frames(1)[0])
        raise RuntimeError("renderer crashed")
    assert list(tmp_path.iterdir()) == []


def test_rejects_wrong_frame_size(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    with pytest.raises(ValueError, match="expected 64x48"), Mp4Writer(out, 64, 48, 24) as writer:
        writer.write_frame(np.zeros((10, 10, 4), np.uint8))
    assert not out.exists()
