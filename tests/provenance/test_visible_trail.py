"""The visible mark leaves nothing behind where it was once it glides on.

The frames go through the provenance stage (:class:`MarkingSink`) exactly as a render's do.
The region the mark rested on is compared, after the mark has left it, with the same
frames marked only invisibly (before encoding: identical) and with the unmarked frames
(before and after H.264: no more than the invisible mark's own chips on flat picture).
A blocky ghost of the mark (chips raised by a masking that still saw the mark) fails both.
"""

from __future__ import annotations

import numpy as np
import pytest

from openreel.media import Mp4Writer, read_frames
from openreel.provenance import picture_mark
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import MarkingSink, Provenance, mark_id_for
from openreel.provenance.visible import VisibleMark

WIDTH, HEIGHT, FPS = 360, 640, 8  # at 8 fps the first glide is frames 24 to 28
FRAMES = 34
KEY = 99
MARK = mark_id_for("test", "trail")


class _Frames:
    """A sink that keeps what it is given."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []

    def write_audio(self, samples: np.ndarray) -> None:
        """No sound in this test."""

    def write_frame(self, rgba: np.ndarray) -> None:
        self.frames.append(np.array(rgba[..., :3]))


def _sky() -> np.ndarray:
    """A flat blue gradient: where a ghost of the mark would show most."""
    y = np.linspace(0.0, 1.0, HEIGHT)[:, None]
    frame = np.full((HEIGHT, WIDTH, 4), 255, np.uint8)
    for channel, (top, change) in enumerate(((90, 40), (150, 30), (225, -20))):
        frame[..., channel] = np.broadcast_to(top + change * y, (HEIGHT, WIDTH)).astype(np.uint8)
    return frame


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[np.ndarray]]:
    folder = tmp_path_factory.mktemp("trail")
    provenance = Provenance(creator="maya", mark=MARK,
                            identity=load_signing_identity(folder / "keys"), title="sky",
                            engine="procedural", watermark_key=KEY)
    marked = _Frames()
    sink = MarkingSink(marked, provenance, WIDTH, HEIGHT, FPS)
    sink.open()
    for _ in range(FRAMES):
        sink.write_frame(_sky())
    sink.close()
    invisible = picture_mark.PictureMarker(MARK, KEY, WIDTH, HEIGHT)
    clips = {"marked": marked.frames,
             "invisible": [invisible.apply(_sky())[..., :3].copy() for _ in range(FRAMES)],
             "plain": [_sky()[..., :3].copy() for _ in range(FRAMES)]}
    for name in list(clips):
        path = folder / f"{name}.mp4"
        with Mp4Writer(path, WIDTH, HEIGHT, FPS) as writer:
            for frame in clips[name]:
                writer.write_frame(frame)
        clips[f"{name} encoded"] = list(read_frames(path))
    return clips


def _left_behind() -> tuple[tuple[slice, slice], list[int]]:
    """The rectangle of the mark's first spot and the frames in which the mark is elsewhere."""
    mark = VisibleMark("maya", WIDTH, HEIGHT, FPS)
    h, w = mark.image.shape[:2]
    x0, y0 = mark.position(0)
    gone = [i for i in range(FRAMES)
            if abs(mark.position(i)[0] - x0) >= w or abs(mark.position(i)[1] - y0) >= h]
    return (slice(y0, y0 + h), slice(x0, x0 + w)), gone


def test_the_mark_glides_away_within_the_clip() -> None:
    _, gone = _left_behind()
    assert gone and gone[0] <= FPS * 3.5 and gone[-1] == FRAMES - 1


def test_the_spot_it_left_is_as_if_it_never_was(clips: dict[str, list[np.ndarray]]) -> None:
    region, gone = _left_behind()
    for i in gone:
        marked = clips["marked"][i][region].astype(int)
        assert np.array_equal(marked, clips["invisible"][i][region]), f"frame {i}"
        # the invisible mark's chips on flat picture, and nothing more
        flat = round(picture_mark.FLAT_AMPLITUDE + 0.5)
        assert np.abs(marked - clips["plain"][i][region]).max() <= flat, f"frame {i}"


def test_no_trace_after_encoding(clips: dict[str, list[np.ndarray]]) -> None:
    region, gone = _left_behind()
    for i in gone:
        change = np.abs(clips["marked encoded"][i][region].astype(int)
                        - clips["plain encoded"][i][region])
        # a ghost of the mark measures a mean of 3 levels and a 99th percentile of 10
        assert change.mean() < 1.5, f"frame {i}: mean change {change.mean():.2f}"
        assert np.percentile(change, 99) <= 5, f"frame {i}"


def test_the_mark_is_there_while_it_rests(clips: dict[str, list[np.ndarray]]) -> None:
    region, _ = _left_behind()
    for i in range(0, FPS * 3, 4):
        change = np.abs(clips["marked encoded"][i][region].astype(int)
                        - clips["plain encoded"][i][region])
        assert change.max() > 60, f"frame {i}: no visible mark"
