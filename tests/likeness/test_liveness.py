"""The liveness check on captures: a real photograph turned in place with a neural voice
saying the digits passes; each way of cheating or failing is refused with its reason."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.capture_clips import (
    HEIGHT,
    WIDTH,
    head_turn,
    held_photo,
    live,
    photo,
    saying,
    turned,
    write_clip,
)

from openreel.likeness import faces, voice
from openreel.likeness.capture import CaptureError, read_capture
from openreel.likeness.challenge import Challenge
from openreel.likeness.liveness import Verdict, check
from openreel.media import AUDIO_RATE

ASKED = Challenge((4, 7, 1), "left")


def _checked(path: Path, challenge: Challenge = ASKED) -> Verdict:
    return check(read_capture(path), challenge)


def test_a_live_capture_passes_and_gives_the_face_and_the_voice(tmp_path: Path) -> None:
    verdict = _checked(live(tmp_path / "me.mp4", (4, 7, 1), 25))
    assert verdict.accepted, verdict.reasons
    assert verdict.looked.digits_heard == (4, 7, 1)
    assert verdict.looked.turn >= 0.25 and verdict.looked.turn_away < 0.05
    likeness = verdict.likeness
    assert likeness is not None
    assert len(likeness.chips) == 8 and likeness.chips[0].shape == (150, 150, 3)
    # the face kept is the photographed person's, the voice the one that spoke
    picture = photo()
    own = faces.descriptor(picture, faces.find_faces(picture)[0])
    assert faces.distance(likeness.face, own) < 0.3
    other_speech = voice.at_rate(saying((9, 9, 2), 4.0), AUDIO_RATE)
    assert float(likeness.voice @ voice.speaker_embedding(other_speech)) > 0.6
    assert 150 < likeness.voice_parameters.f0_median < 300  # a woman's voice
    assert 1.5 < likeness.voice_parameters.rate < 5.0


def test_a_live_capture_turning_right_in_another_voice_passes(tmp_path: Path) -> None:
    verdict = _checked(live(tmp_path / "me.mp4", (0, 5, 8), -25, base="joe"),
                       Challenge((0, 5, 8), "right"))
    assert verdict.accepted, verdict.reasons
    assert verdict.likeness is not None
    assert 60 < verdict.likeness.voice_parameters.f0_median < 180  # a man's voice


def _reasons(verdict: Verdict) -> str:
    assert not verdict.accepted and verdict.likeness is None
    return " | ".join(verdict.reasons)


def test_a_photo_held_to_the_camera_and_tilted_is_refused(tmp_path: Path) -> None:
    tilt = head_turn(35)
    clip = write_clip(tmp_path / "photo.mp4", 6.0,
                      lambda share: held_photo(photo(), tilt(share)), saying((4, 7, 1), 6.0))
    verdict = _checked(clip)
    assert "your head did not turn" in _reasons(verdict)
    assert verdict.looked.turn < 0.1 and verdict.looked.faces_seen > 0.9


def test_a_replay_made_for_other_digits_is_refused(tmp_path: Path) -> None:
    verdict = _checked(live(tmp_path / "old.mp4", (2, 9, 3), 25))
    assert _reasons(verdict) == ("the digits heard (2 9 3) are not the ones asked (4 7 1): "
                                 "say them clearly, one by one")


def test_a_head_turned_the_other_way_is_refused(tmp_path: Path) -> None:
    verdict = _checked(live(tmp_path / "right.mp4", (4, 7, 1), -25))
    assert _reasons(verdict) == ("your head turned to your right, and the challenge asked "
                                 "for your left")


def test_no_face_is_refused(tmp_path: Path) -> None:
    wall = np.full((HEIGHT, WIDTH, 3), 180, np.uint8)
    verdict = _checked(write_clip(tmp_path / "wall.mp4", 6.0, lambda share: wall,
                                  saying((4, 7, 1), 6.0)))
    assert _reasons(verdict) == "no face was seen: face the camera in good light"


def test_two_faces_are_refused(tmp_path: Path) -> None:
    turn = head_turn(25)

    def two(share: float) -> np.ndarray:
        frame = turned(photo(), turn(share))
        # a second person's face beside the shoulder: the first face, mirrored
        face = frame[110:260, 160:320][:, ::-1]
        frame[440:590, 300:460] = face
        return frame

    verdict = _checked(write_clip(tmp_path / "two.mp4", 6.0, two, saying((4, 7, 1), 6.0)))
    assert "two faces were seen: record yourself alone" in _reasons(verdict)


def test_too_short_a_clip_is_refused(tmp_path: Path) -> None:
    verdict = _checked(live(tmp_path / "short.mp4", (4, 7, 1), 25, seconds=3.0))
    assert _reasons(verdict).startswith("the clip is 3.0 s long: record 5 to 20 seconds")


def test_a_silent_clip_is_refused(tmp_path: Path) -> None:
    turn = head_turn(25)
    clip = write_clip(tmp_path / "mute.mp4", 6.0, lambda share: turned(photo(), turn(share)),
                      None)
    assert _reasons(_checked(clip)) == "no voice was heard: say the three digits aloud"


def test_a_second_voice_is_refused(tmp_path: Path) -> None:
    turn = head_turn(25)
    sound = saying((4, 7, 1), 6.0, extra=("Yes, that is really her.", "joe", 3.2))
    clip = write_clip(tmp_path / "two.mp4", 6.0, lambda share: turned(photo(), turn(share)),
                      sound)
    verdict = _checked(clip)
    assert "more than one voice was heard: record yourself alone" in _reasons(verdict)
    assert verdict.looked.one_voice is not None and verdict.looked.one_voice < 0.5


@pytest.mark.parametrize(("content", "message"), [
    (b"not a video at all", "the file is not a video openreel can read"),
    (b"", "the file is not a video openreel can read"),
])
def test_a_file_that_is_no_video_is_refused_with_its_reason(tmp_path: Path, content: bytes,
                                                            message: str) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(content)
    with pytest.raises(CaptureError, match=message):
        read_capture(path)


def test_a_sound_file_is_refused_as_no_video(tmp_path: Path) -> None:
    import av

    path = tmp_path / "voice.m4a"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=48_000)
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp",
                                           layout="mono")
        frame.sample_rate = 48_000
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    with pytest.raises(CaptureError, match="holds no video"):
        read_capture(path)


def test_the_fixture_face_turns_as_a_head_does() -> None:
    """The simulated turn moves the nose against the jaw about 0.1 per 10°; a tilted
    photo's stays put."""
    for degrees in (-25, -10, 10, 25):
        face = faces.find_faces(turned(photo(), degrees))[0]
        assert 0.008 < face.turn / degrees < 0.02, (degrees, face.turn)
    for degrees in (20, 35):
        face = faces.find_faces(held_photo(photo(), degrees))[0]
        assert abs(face.turn) < 0.05
