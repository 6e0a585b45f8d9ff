"""Re-posts people make every day keep a video traceable: mirrored, turned a quarter, framed
with a border, letterboxed into the other orientation, or set over a blurred copy of itself.
Both the picture mark and the fingerprint find such a copy, and say how it was shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance.copy_edits import EDITS, edit_copy
from openreel.provenance.fingerprint import fingerprint_query
from openreel.provenance.hash_index import HashIndex
from openreel.provenance.signing import load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance, mark_id_for
from openreel.provenance.verify import look

OPTIONS = GenerateOptions(seconds=3, size="720x1280", seed=3)
MARK = mark_id_for("test", "reposts")
REPOSTS = {"mirrored": "mirrored", "turned_90": "turned 90°", "border_3pct": "boxed in",
           "letterboxed": "boxed in", "blurred_background": "boxed in"}


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, HashIndex]:
    folder = tmp_path_factory.mktemp("reposts")
    provenance = Provenance(creator="maya", mark=MARK,
                            identity=load_signing_identity(folder / "keys"),
                            title="a cat", engine="procedural")
    made = render_to_file(plan("a cat walks across a kitchen floor", None, OPTIONS), OPTIONS,
                          folder / "marked.mp4", provenance=provenance)
    assert made.sealed is not None
    index = HashIndex()
    index.add(5, made.sealed.fingerprint)
    return made.video, index


@pytest.mark.parametrize("edit", REPOSTS)
def test_a_reposted_copy_keeps_its_mark_and_its_match(marked: tuple[Path, HashIndex],
                                                      tmp_path: Path, edit: str) -> None:
    video, index = marked
    copy = edit_copy(video, tmp_path / f"{edit}.mp4", EDITS[edit])
    looked = look(copy, key=DEFAULT_WATERMARK_KEY, trust_anchors_pem=None)
    picture = looked.examination.picture
    assert picture is not None and picture.payload == MARK, picture
    assert picture.view == REPOSTS[edit]
    (found,) = index.lookup(looked.query)
    assert found.video_id == 5 and found.picture_view == REPOSTS[edit]
    assert found.picture_share > 0.7, found
    # a copy shown as it was is looked up as it is: no view is named for it
    if edit == "mirrored":
        plain = index.lookup(fingerprint_query(video))[0]
        assert plain.picture_view == "" and plain.picture_share > 0.9


# Rotated a few degrees, stretched, filmed off a screen: the mark's grid is bent out of
# square (or keystoned inside a bezel), and is found again. The fingerprint finds the
# stretched and filmed copies by their pictures; a rotated one only by its sound (PDQ moves
# some 40 bits a degree: 3° and the zoom that hides the corners are past any radius that
# keeps unrelated pictures apart), so there the picture mark is what names its pictures.
RESHAPED = {"rotated_3deg": "rotated 3°", "stretched_5pct": "stretched 5 %",
            "stretched_15pct": "stretched 15 %", "screen_recording": "boxed in"}


@pytest.mark.parametrize("edit", RESHAPED)
def test_a_rotated_stretched_or_filmed_copy_keeps_its_mark_and_its_match(
        marked: tuple[Path, HashIndex], tmp_path: Path, edit: str) -> None:
    video, index = marked
    copy = edit_copy(video, tmp_path / f"{edit}.mp4", EDITS[edit])
    looked = look(copy, key=DEFAULT_WATERMARK_KEY, trust_anchors_pem=None)
    picture = looked.examination.picture
    assert picture is not None and picture.payload == MARK, picture
    assert picture.view == RESHAPED[edit]
    (found,) = index.lookup(looked.query)
    assert found.video_id == 5 and found.sound_share > 0.9, found
    if edit != "rotated_3deg":
        assert found.picture_share > 0.7, found
