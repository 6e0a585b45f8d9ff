"""Checking a file a stranger sends is bounded: in pictures decoded whatever the timestamps
say, in time and memory (a child process), and in how many run at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import av
import numpy as np
import pytest

from openreel.provenance import fingerprint
from openreel.provenance.fingerprint import scan_copy
from openreel.services.errors import Busy
from openreel.services.isolation import Isolated, OutOfMemory, TookTooLong


def _raw_stream(path: Path, frames: int) -> Path:
    """An H.264 elementary stream: no container, so no timestamps (every frame reads as 0 s)."""
    out = av.open(str(path), "w", format="h264")
    stream = out.add_stream("libx264", rate=30)
    stream.width, stream.height, stream.pix_fmt = 160, 96, "yuv420p"
    stream.options = {"preset": "ultrafast", "crf": "35"}
    for i in range(frames):
        picture = np.full((96, 160, 3), i % 250, np.uint8)
        for packet in stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()
    return path


def test_a_stream_without_timestamps_is_read_only_up_to_the_picture_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw_stream(tmp_path / "clip.h264", 240)
    seen: list[float] = []
    full = scan_copy(raw, on_frame=lambda t, frame: seen.append(t))
    assert len(seen) == 240 and max(seen) == 0.0  # no time passes: the clock cannot stop it
    assert full.seconds == 0.0
    seen.clear()
    monkeypatch.setattr(fingerprint, "MAX_QUERY_PIXELS", 60 * 160 * 96)
    scan_copy(raw, on_frame=lambda t, frame: seen.append(t))
    assert len(seen) == 60


@pytest.fixture(scope="module")
def apart() -> Isolated:
    # the ceiling counts what the child shares with the fork server it came from, which may
    # have the decoders loaded already (a few hundred MiB); the time limit leaves room for a
    # child to start on a machine busy with other tests
    return Isolated(at_once=1, wait_seconds=0.2, seconds=5.0, memory_bytes=1024 * 2**20)


def test_work_apart_answers_like_a_call_here(apart: Isolated) -> None:
    assert apart.run(sorted, [3, 1, 2], reverse=True) == [3, 2, 1]
    with pytest.raises(ValueError, match="invalid literal"):
        apart.run(int, "not a number")


def test_work_apart_is_stopped_at_its_time_limit(apart: Isolated) -> None:
    began = time.monotonic()
    with pytest.raises(TookTooLong):
        apart.run(time.sleep, 30)
    assert time.monotonic() - began < 10


def test_work_apart_is_held_to_its_memory_and_gives_it_back(apart: Isolated) -> None:
    with pytest.raises(OutOfMemory):
        apart.run(bytearray, 4096 * 2**20)  # four gibibytes, four times the ceiling
    assert len(apart.run(bytearray, 64 * 2**20)) == 64 * 2**20  # within it: fine


def test_a_caller_waits_its_turn_then_is_told_to_come_back(apart: Isolated) -> None:
    busy = threading.Thread(target=apart.run, args=(time.sleep, 1.0))
    busy.start()
    time.sleep(0.3)  # the one turn is taken
    try:
        with pytest.raises(Busy) as refused:
            apart.run(sorted, [2, 1])
        assert refused.value.retry_after > 0
    finally:
        busy.join()
    assert apart.run(sorted, [2, 1]) == [1, 2]  # and once it is free, it runs
