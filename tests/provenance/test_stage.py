"""The provenance stage in the pipeline: a rendered file carries every mark and a signature."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from openreel.media import read_audio, read_frames
from openreel.pipeline import GenerateOptions, plan, render_to_file
from openreel.provenance import audio_mark, picture_mark
from openreel.provenance.fingerprint import fingerprint_query
from openreel.provenance.hash_index import HashIndex
from openreel.provenance.manifest import read_manifest
from openreel.provenance.signing import SigningIdentity, load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance, mark_id_for
from openreel.provenance.visible import VisibleMark

PROMPT = "a dog chases a red ball across a sunny park while birds sing"
OPTIONS = GenerateOptions(seconds=3, size="720x1280", seed=11)
MARK = mark_id_for("test", "stage")


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return load_signing_identity(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory,
             identity: SigningIdentity) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stage")
    board = plan(PROMPT, None, OPTIONS)
    plain = render_to_file(board, OPTIONS, folder / "plain.mp4")
    provenance = Provenance(creator="maya", mark=MARK, identity=identity, title="a dog",
                            engine="procedural")
    marked = render_to_file(board, OPTIONS, folder / "marked.mp4", provenance=provenance)
    assert plain.sealed is None and marked.sealed is not None
    assert marked.sealed.mark == MARK
    index = HashIndex()
    index.add(7, marked.sealed.fingerprint)
    index.save(folder / "index.bin")
    return {"plain": plain.video, "marked": marked.video, "poster": marked.poster,
            "plain_poster": plain.poster, "index": folder / "index.bin"}


def test_visible_mark_with_the_handle_is_in_every_frame(rendered: dict[str, Path]) -> None:
    plain = list(read_frames(rendered["plain"]))
    marked = list(read_frames(rendered["marked"]))
    assert len(plain) == len(marked) == 72
    mark = VisibleMark("maya", 720, 1280, 24)
    h, w = mark.image.shape[:2]
    for i in range(0, len(marked), 6):
        x, y = mark.position(i)
        inside = np.abs(marked[i][y:y + h, x:x + w].astype(int)
                        - plain[i][y:y + h, x:x + w].astype(int)).mean()
        assert inside > 8, f"frame {i}: no visible mark at {x},{y}"


def test_invisible_marks_read_back_from_the_file(rendered: dict[str, Path]) -> None:
    frames = list(read_frames(rendered["marked"]))
    picture = picture_mark.detect(frames, DEFAULT_WATERMARK_KEY)
    assert picture.payload == MARK
    sound, rate = read_audio(rendered["marked"])
    heard = audio_mark.detect(sound, rate, DEFAULT_WATERMARK_KEY)
    assert heard.payload == MARK
    assert picture_mark.detect(list(read_frames(rendered["plain"])),
                               DEFAULT_WATERMARK_KEY).payload is None


def test_manifest_is_trusted_and_names_creator_and_mark(rendered: dict[str, Path],
                                                        identity: SigningIdentity) -> None:
    report = read_manifest(rendered["marked"], trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "trusted"
    assert report.facts is not None
    assert report.facts.creator == "maya"
    assert report.facts.watermark_payload == MARK
    assert report.facts.digital_source_type.endswith("algorithmicMedia")
    assert read_manifest(rendered["plain"], trust_anchors_pem=None).state == "absent"


def test_poster_carries_the_marks(rendered: dict[str, Path]) -> None:
    poster = np.asarray(Image.open(rendered["poster"]).convert("RGB"))
    plain = np.asarray(Image.open(rendered["plain_poster"]).convert("RGB"))
    assert np.abs(poster.astype(int) - plain.astype(int)).max() > 60  # the visible mark
    assert picture_mark.detect([poster], DEFAULT_WATERMARK_KEY).payload == MARK


def test_stored_fingerprint_finds_the_file(rendered: dict[str, Path]) -> None:
    index = HashIndex.load(rendered["index"])
    found = index.lookup(fingerprint_query(rendered["marked"]))
    assert found and found[0].video_id == 7
    frame = next(iter(read_frames(rendered["marked"])))
    still = index.lookup(fingerprint_query(frame))
    assert still and still[0].video_id == 7
