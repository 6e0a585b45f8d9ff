"""A soundtrack played faster or slower, pitched or paced loses its sound mark as it is; the
index hears the change (landmarks), and the mark is read once more with that change undone.
Unmarked sound stays unmarked however it is read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sound_changes import CHANGES, same_change

from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance import audio_mark
from openreel.provenance.copy_edits import EDITS, SOUND_EDITS, edit_copy, sound_only
from openreel.provenance.hash_index import HashIndex
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance, mark_id_for
from openreel.provenance.verify import SOUND_RATE, look, with_matches, with_sound_reread

OPTIONS = GenerateOptions(seconds=5, size="720x1280", seed=11)
MARK = mark_id_for("test", "sound changes")
KEY = 0x5EC2E7
CHANGED = ("sped_2pct", "slowed_2pct", "pitched_up_2_semitones", "pitched_down_1_semitone",
           "paced_10pct_faster")


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, HashIndex]:
    folder = tmp_path_factory.mktemp("sound_changes")
    provenance = Provenance(creator="maya", mark=MARK, watermark_key=KEY,
                            identity=load_signing_identity(folder / "keys"),
                            title="a dog", engine="procedural")
    made = render_to_file(plan("a dog barks at the mailman while birds sing", None, OPTIONS),
                          OPTIONS, folder / "marked.mp4", provenance=provenance)
    assert made.sealed is not None
    index = HashIndex()
    index.add(7, made.sealed.fingerprint)
    return made.video, index


@pytest.mark.parametrize("edit", CHANGED)
def test_a_changed_soundtrack_has_its_mark_read_with_the_change_undone(
        marked: tuple[Path, HashIndex], tmp_path: Path, edit: str) -> None:
    video, index = marked
    copy = sound_only(video, tmp_path / "copy.m4a", change=SOUND_EDITS[edit])
    looked = look(copy, key=KEY, trust_anchors_pem=None,
                  public_keys=(DEFAULT_WATERMARK_KEY,))
    assert looked.examination.sound is not None and not looked.examination.sound.found
    found = with_matches(looked, index)
    assert found.matches[0].video_id == 7 and found.matches[0].sound_change
    reread = with_sound_reread(looked.sound, found, key=KEY, public_keys=(DEFAULT_WATERMARK_KEY,))
    assert reread.sound is not None and reread.sound.payload == MARK
    assert not reread.sound.public
    assert same_change(reread.sound.view, CHANGES[edit]), reread.sound.view
    assert reread.sound.confidence == 1.0 - 4 * audio_mark.FALSE_POSITIVE_BOUND


def test_a_mirrored_copy_played_faster_reads_both_marks(marked: tuple[Path, HashIndex],
                                                        tmp_path: Path) -> None:
    video, index = marked
    copy = edit_copy(video, tmp_path / "copy.mp4", EDITS["mirrored_sped_10pct"])
    looked = look(copy, key=KEY, trust_anchors_pem=None)
    assert looked.examination.picture is not None
    assert looked.examination.picture.payload == MARK
    reread = with_sound_reread(looked.sound, with_matches(looked, index), key=KEY)
    assert reread.sound is not None and reread.sound.payload == MARK
    assert reread.sound.view == "played 10 % faster"


def test_a_mark_found_as_it_is_is_not_read_again(marked: tuple[Path, HashIndex]) -> None:
    video, index = marked
    looked = look(video, key=KEY, trust_anchors_pem=None)
    assert looked.sound is None  # nothing kept to read again
    found = with_matches(looked, index)
    assert with_sound_reread(looked.sound, found, key=KEY) is found


def test_under_another_key_a_changed_copy_reads_no_mark(marked: tuple[Path, HashIndex],
                                                        tmp_path: Path) -> None:
    video, index = marked
    copy = sound_only(video, tmp_path / "copy.m4a", change=SOUND_EDITS["sped_2pct"])
    looked = look(copy, key=KEY + 1, trust_anchors_pem=None)
    found = with_matches(looked, index)
    assert found.matches and found.matches[0].sound_change
    reread = with_sound_reread(looked.sound, found, key=KEY + 1)
    assert reread.sound is not None and not reread.sound.found


@pytest.mark.parametrize("change", [(1.02, 1.02), (2 ** (2 / 12), 1.0), (1.0, 1.1)])
def test_noise_read_under_a_change_carries_no_mark(change: tuple[float, float]) -> None:
    rng = np.random.default_rng(5)
    for _ in range(5):
        noise = rng.normal(0, 0.1, 6 * SOUND_RATE).astype(np.float32)
        assert audio_mark.detect(noise, SOUND_RATE, KEY, change=change).payload is None


def test_a_change_must_have_positive_factors() -> None:
    with pytest.raises(ValueError, match="positive"):
        audio_mark.detect(np.zeros(SOUND_RATE, np.float32), SOUND_RATE, KEY, change=(0.0, 1.0))
