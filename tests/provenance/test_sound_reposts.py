"""A soundtrack stays traceable through what re-posts do to sound: played 2 % faster or
slower, pitched up or down, paced faster with its pitch kept, music mixed over it at the
same loudness, a phone line, a 2 s excerpt; and a mirrored copy played 10 % faster."""

from __future__ import annotations

from pathlib import Path

import pytest
from sound_changes import CHANGES, same_change

from openreel.engines import RenderRequest, get_engine
from openreel.media import Mp4Writer
from openreel.pipeline import GenerateOptions, plan
from openreel.provenance.copy_edits import EDITS, SOUND_EDITS, edit_copy, sound_only
from openreel.provenance.fingerprint import VideoFingerprint, fingerprint_query, fingerprint_video
from openreel.provenance.hash_index import HashIndex

PROMPTS = ("a man talks to a woman in a busy cafe", "a dog barks at the mailman",
           "rain falls on a city street at night")
@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[HashIndex, list[Path]]:
    folder = tmp_path_factory.mktemp("sound_reposts")
    index, clips = HashIndex(), []
    for i, prompt in enumerate(PROMPTS):
        options = GenerateOptions(seconds=4, seed=i)
        out = folder / f"clip{i}.mp4"
        with Mp4Writer(out, 360, 640, 24) as writer:
            get_engine("procedural").render(plan(prompt, None, options),
                                            RenderRequest(360, 640, 24, seed=i), writer)
        clips.append(out)
        index.add(i, fingerprint_video(out))
    return index, clips


@pytest.mark.parametrize("edit", SOUND_EDITS)
def test_a_changed_soundtrack_is_found_and_the_change_named(
        library: tuple[HashIndex, list[Path]], tmp_path: Path, edit: str) -> None:
    index, clips = library
    for i, clip in enumerate(clips):
        copy = sound_only(clip, tmp_path / "sound.m4a", change=SOUND_EDITS[edit])
        found = index.lookup(fingerprint_query(copy))
        assert [c.video_id for c in found] == [i], (edit, i, found)
        assert same_change(found[0].sound_change, CHANGES[edit]), found[0].sound_change
        assert found[0].sound_share > 0.6, found[0]


def test_a_mirrored_copy_played_faster_is_found_by_picture_and_sound(
        library: tuple[HashIndex, list[Path]], tmp_path: Path) -> None:
    index, clips = library
    for i, clip in enumerate(clips):
        copy = edit_copy(clip, tmp_path / "copy.mp4", EDITS["mirrored_sped_10pct"])
        (found,) = index.lookup(fingerprint_query(copy))
        assert found.video_id == i and found.picture_view == "mirrored"
        assert found.sound_change == "played 10 % faster"


def test_stored_fingerprints_carry_the_landmarks_and_older_ones_still_read(
        library: tuple[HashIndex, list[Path]]) -> None:
    _, clips = library
    stored = fingerprint_video(clips[0])
    assert len(stored.landmark_keys) > 200  # some 90 pairs a second
    again = VideoFingerprint.from_bytes(stored.to_bytes())
    assert (again.landmark_keys == stored.landmark_keys).all()
    older = VideoFingerprint(stored.frames, stored.audio, stored.centre_frames)
    data = bytearray(older.to_bytes())
    # the version 1 layout: no landmark count in the header, no landmarks
    data[4] = 1
    v1 = bytes(data[:4 + 13]) + bytes(data[4 + 17:])
    read = VideoFingerprint.from_bytes(v1)
    assert read.frames == stored.frames and len(read.landmark_keys) == 0
