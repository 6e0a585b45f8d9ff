"""Is this capture a live person answering this challenge? And if so, their likeness.

A capture passes when, throughout, exactly one face is seen and it stays one person; the
head turns the asked way (a photo held to the camera and tilted does not turn its nose
against its jaw: measured 0.03 at most, against 0.3 for a head turned 20°); the three
digits asked are heard, exactly; and one voice says them. Every failed test gives its
reason in words a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from openreel.likeness import faces, voice
from openreel.likeness.capture import Capture
from openreel.likeness.challenge import Challenge, Turn
from openreel.spec import VoiceShape

MIN_SECONDS, MAX_SECONDS = 5.0, 20.0
FACE_SHARE = 0.8  # of the frames looked at, at least this many show the face
TWO_FACES_SHARE = 0.1  # a second face in more than this share of frames: two people
SECOND_FACE_SIZE = 0.5  # a second face counts from half the width of the first
# and from this confidence: a clear face scores about 1; a round badge or a pattern that
# just passes for one, near 0 (seen on the fixture's mission patch, 0.00-0.04)
SECOND_FACE_SCORE = 0.4
# How far the head must turn from facing the camera: about 8°. Measured (bench.liveness) on
# the fixture's face: a head turned 10° reads 0.13-0.15, 15° 0.21; a photo held to the
# camera and tilted 20-45° reads 0.00-0.03.
TURN_NEEDED = 0.1
MIN_SPEECH_SECONDS = 0.6
ONE_VOICE = 0.5  # cosine between the two halves' voices at least (see voice.one_voice)
DESCRIBED_FRAMES = 5  # frames whose faces are described (the embedder is the slow part)
CHIPS = 8  # aligned face images kept for the renderer

T = TypeVar("T")


@dataclass(frozen=True)
class Looked:
    """What the check measured, whether it passed or not."""

    faces_seen: float = 0.0  # share of frames with the face
    two_faces: float = 0.0  # share of frames with a second face
    face_spread: float = 0.0  # largest distance of a described face from their mean
    turn: float = 0.0  # the head's turn towards the asked side, from facing the camera
    turn_away: float = 0.0  # and towards the other side
    speech_seconds: float = 0.0
    digits_heard: tuple[int, ...] = ()
    one_voice: float | None = None


@dataclass(frozen=True)
class Likeness:
    """A live person's face and voice, as a cameo keeps them."""

    chips: list[np.ndarray]  # aligned face images (CHIP_SIZE square RGB), frontal first
    face: np.ndarray  # (128,) the face's descriptor, averaged over frontal frames
    voice: np.ndarray  # (256,) the speaker embedding of all their speech
    voice_parameters: VoiceShape


@dataclass(frozen=True)
class Verdict:
    """The check's answer: accepted, or the reasons it was not."""

    reasons: list[str]
    looked: Looked
    likeness: Likeness | None = field(default=None)

    @property
    def accepted(self) -> bool:
        """True when the capture answers its challenge."""
        return not self.reasons


def check(capture: Capture, challenge: Challenge) -> Verdict:
    """Test ``capture`` against ``challenge``; on success, take the person's likeness."""
    if not MIN_SECONDS <= capture.seconds <= MAX_SECONDS:
        return Verdict([f"the clip is {capture.seconds:.1f} s long: record "
                        f"{MIN_SECONDS:g} to {MAX_SECONDS:g} seconds"], Looked())
    seen = [(t, rgb, faces.find_faces(rgb)) for t, rgb in capture.frames]
    reasons: list[str] = []
    with_face = [(t, rgb, found[0]) for t, rgb, found in seen if found]
    share = len(with_face) / len(seen)
    two = sum(1 for _, _, found in seen if any(
        other.width >= SECOND_FACE_SIZE * found[0].width and other.score >= SECOND_FACE_SCORE
        for other in found[1:])) / len(seen)
    looked = Looked(faces_seen=round(share, 3), two_faces=round(two, 3))
    if not with_face:
        return Verdict(["no face was seen: face the camera in good light"], looked)
    if two > TWO_FACES_SHARE:
        reasons.append("two faces were seen: record yourself alone")
    if share < FACE_SHARE:
        reasons.append(f"your face was seen in only {round(100 * share)} % of the clip: keep "
                       "it in view the whole time")
    described = _described(with_face)
    spread = max(faces.distance(d, described.mean(axis=0)) for d in described)
    if spread > faces.SAME_PERSON / 2:
        reasons.append("the face changes during the clip: one person records their own cameo")
    toward, away = _turns([f.turn for _, _, f in with_face], challenge.turn)
    if toward < TURN_NEEDED:
        other = "right" if challenge.turn == "left" else "left"
        reasons.append(
            f"your head turned to your {other}, and the challenge asked for your "
            f"{challenge.turn}" if away >= TURN_NEEDED else
            f"your head did not turn: turn it slowly to your {challenge.turn} (a photo or a "
            "still face cannot pass)")
    speech = voice.speech_seconds(capture.sound) if len(capture.sound) else 0.0
    heard: tuple[int, ...] = ()
    alike: float | None = None
    if speech < MIN_SPEECH_SECONDS:
        reasons.append("no voice was heard: say the three digits aloud")
    else:
        heard = voice.heard_digits(capture.sound)
        if heard != challenge.digits:
            reasons.append(f"the digits heard ({' '.join(map(str, heard))}) are not the ones "
                           f"asked ({' '.join(map(str, challenge.digits))}): say them "
                           "clearly, one by one")
        alike = voice.one_voice(capture.sound)
        if alike is not None and alike < ONE_VOICE:
            reasons.append("more than one voice was heard: record yourself alone")
    looked = Looked(looked.faces_seen, looked.two_faces, round(spread, 3), round(toward, 3),
                    round(away, 3), round(speech, 2), heard,
                    None if alike is None else round(alike, 3))
    if reasons:
        return Verdict(reasons, looked)
    said = " ".join(voice.DIGIT_WORDS[d] for d in heard)
    return Verdict([], looked, _likeness(capture, with_face, described, said))


def _described(with_face: list[tuple[float, np.ndarray, faces.Face]]) -> np.ndarray:
    """Descriptors of the face in DESCRIBED_FRAMES frames spread over the clip."""
    return np.stack([faces.descriptor(rgb, face)
                     for _, rgb, face in _spread(with_face, DESCRIBED_FRAMES)])


def _spread(items: list[T], count: int) -> list[T]:
    """``count`` of ``items`` evenly spread from first to last (all of them when fewer)."""
    picks = np.linspace(0, len(items) - 1, min(count, len(items))).round().astype(int)
    return [items[i] for i in picks]


def _turns(turns: list[float], asked: Turn) -> tuple[float, float]:
    """How far the head turned towards the asked side and towards the other, from where
    it faced the camera most (the frames whose turn is nearest the clip's median)."""
    values = np.asarray(turns, np.float64)
    facing = float(np.median(values))
    sign = 1.0 if asked == "left" else -1.0
    # the second largest excursion, so one misplaced set of landmarks is not a turn
    toward = np.sort(sign * (values - facing))[-2] if len(values) > 1 else 0.0
    away = np.sort(-sign * (values - facing))[-2] if len(values) > 1 else 0.0
    return float(toward), float(away)


def _likeness(capture: Capture, with_face: list[tuple[float, np.ndarray, faces.Face]],
              described: np.ndarray, said: str) -> Likeness:
    by_turn = sorted(with_face, key=lambda seen: abs(seen[2].turn))
    chips = [faces.aligned(rgb, face) for _, rgb, face in _spread(by_turn, CHIPS)]
    return Likeness(chips, described.mean(axis=0).astype(np.float32),
                    voice.speaker_embedding(capture.sound),
                    voice.voice_parameters(capture.sound, said))
