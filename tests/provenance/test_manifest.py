"""Signed manifests read back trusted with their facts, and every later change is caught."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import numpy as np
import pytest

from openreel.media import Mp4Writer, probe, read_audio, read_frames
from openreel.provenance.manifest import (
    ALGORITHMIC_MEDIA,
    TRAINED_ALGORITHMIC_MEDIA,
    ClaimFacts,
    ManifestReadError,
    ParentVideo,
    read_manifest,
    sign_video,
    source_type_for_engine,
)
from openreel.provenance.signing import SigningError, SigningIdentity, load_signing_identity

WIDTH, HEIGHT, FPS = 96, 64, 12


def _write_clip(path: Path, seed: int, frames: int = 12) -> Path:
    rng = np.random.default_rng(seed)
    with Mp4Writer(path, WIDTH, HEIGHT, FPS) as writer:
        writer.write_audio(rng.uniform(-0.2, 0.2, (frames * 4000, 2)).astype(np.float32))
        for i in range(frames):
            picture = np.full((HEIGHT, WIDTH, 3), 40 + 15 * i, np.uint8)
            picture[:, : 8 * (i + 1)] = rng.integers(0, 255, 3, dtype=np.uint8)
            writer.write_frame(picture)
    return path


def _facts(**changes: object) -> ClaimFacts:
    facts = ClaimFacts(
        title="A red ball bounces in the park",
        creator="alice",
        created_at=dt.datetime(2025, 10, 1, 12, 30, tzinfo=dt.UTC),
        engine="procedural",
        digital_source_type=source_type_for_engine("procedural"),
        video_id="0b7e4a52-video",
        watermark_payload=bytes.fromhex("00ff10203040a5c3"),
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def _boxes(data: bytes) -> dict[str, tuple[int, int]]:
    """Top-level MP4 boxes: type -> (offset, size)."""
    boxes, offset = {}, 0
    while offset < len(data):
        size = int.from_bytes(data[offset:offset + 4], "big")
        boxes[data[offset + 4:offset + 8].decode("latin-1")] = (offset, size)
        offset += size
    return boxes


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return load_signing_identity(tmp_path_factory.mktemp("data") / "keys")


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_clip(tmp_path_factory.mktemp("clips") / "plain.mp4", seed=1)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, clip: Path,
           identity: SigningIdentity) -> Path:
    out = tmp_path_factory.mktemp("signed") / "signed.mp4"
    sign_video(clip, out, identity, _facts())
    return out


def test_signed_copy_reads_trusted_with_every_fact(signed: Path, clip: Path,
                                                  identity: SigningIdentity) -> None:
    report = read_manifest(signed, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "trusted"
    assert report.facts == _facts()
    assert report.facts.generator_name == "openreel" and report.facts.generator_version
    assert report.signer_subject == "CN=openreel signer,O=openreel"
    assert report.failure_codes == ()
    assert {"signingCredential.trusted", "claimSignature.validated",
            "assertion.bmffHash.match"} <= set(report.success_codes)
    assert report.ingredients == ()
    # The picture and sound are untouched: only the manifest box was added.
    assert [f.tobytes() for f in read_frames(signed)] == [f.tobytes() for f in read_frames(clip)]
    assert np.array_equal(read_audio(signed)[0], read_audio(clip)[0])
    assert probe(signed).frames == probe(clip).frames


def test_manifest_names_the_created_action_and_source_type(signed: Path,
                                                           identity: SigningIdentity) -> None:
    report = read_manifest(signed, trust_anchors_pem=identity.trust_anchors_pem)
    assertions = {a["label"]: a["data"] for a in report.manifest["assertions"]}
    (created,) = assertions["c2pa.actions.v2"]["actions"]
    assert created["action"] == "c2pa.created"
    assert created["digitalSourceType"] == ALGORITHMIC_MEDIA
    assert created["softwareAgent"]["name"] == "openreel"
    assert assertions["org.openreel.video"]["watermark_payload"] == "00ff10203040a5c3"
    assert assertions["org.openreel.video"]["video_id"] == "0b7e4a52-video"


def test_without_anchors_the_signature_is_valid_but_not_trusted(signed: Path) -> None:
    report = read_manifest(signed, trust_anchors_pem=None)
    assert report.state == "valid"
    assert report.failure_codes == ("signingCredential.untrusted",)
    assert report.facts == _facts()


def test_another_ca_does_not_make_it_trusted(signed: Path, tmp_path: Path) -> None:
    stranger = load_signing_identity(tmp_path / "other-keys")
    report = read_manifest(signed, trust_anchors_pem=stranger.trust_anchors_pem)
    assert report.state == "valid"
    assert "signingCredential.untrusted" in report.failure_codes


def test_remix_carries_its_parent_as_ingredient(signed: Path, tmp_path: Path,
                                                identity: SigningIdentity) -> None:
    child_clip = _write_clip(tmp_path / "child.mp4", seed=2)
    facts = _facts(title="The ball, at night", video_id="c4d1-remix", engine="wan",
                   digital_source_type=source_type_for_engine("wan"),
                   parent=ParentVideo(signed, "A red ball bounces in the park", "0b7e4a52-video"))
    out = tmp_path / "remix.mp4"
    sign_video(child_clip, out, identity, facts)

    report = read_manifest(out, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "trusted"
    assert report.facts == dataclasses.replace(facts, parent=None)
    assert report.facts.digital_source_type == TRAINED_ALGORITHMIC_MEDIA
    (parent,) = report.ingredients
    assert (parent.title, parent.relationship, parent.video_id, parent.has_manifest) == \
        ("A red ball bounces in the park", "parentOf", "0b7e4a52-video", True)
    actions = next(a["data"]["actions"] for a in report.manifest["assertions"]
                   if a["label"] == "c2pa.actions.v2")
    assert [a["action"] for a in actions] == ["c2pa.created", "c2pa.edited"]
    assert actions[1]["parameters"]["ingredients"]  # the edit points at the parent
    # The parent's own manifest travels inside the remix and was trusted when embedded.
    embedded = report.manifest["ingredients"][0]["validation_results"]["activeManifest"]
    assert "signingCredential.trusted" in {s["code"] for s in embedded["success"]}


def test_flipping_one_byte_of_the_media_is_tampering(signed: Path, tmp_path: Path,
                                                     identity: SigningIdentity) -> None:
    data = bytearray(signed.read_bytes())
    offset, size = _boxes(bytes(data))["mdat"]
    data[offset + size // 2] ^= 0x01
    changed = tmp_path / "flipped.mp4"
    changed.write_bytes(data)
    report = read_manifest(changed, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "tampered"
    assert "assertion.bmffHash.mismatch" in report.failure_codes
    assert report.facts == _facts()  # still says what was claimed


def test_changing_the_signed_claim_is_tampering(signed: Path, tmp_path: Path,
                                                identity: SigningIdentity) -> None:
    data = bytearray(signed.read_bytes())
    # The creator's handle sits in the openreel assertion; rename alice to alicf.
    at = data.index(b"alice")
    data[at + 4] = ord("f")
    changed = tmp_path / "claim-edited.mp4"
    changed.write_bytes(data)
    report = read_manifest(changed, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "tampered"
    assert any(code.endswith(".mismatch") for code in report.failure_codes)


@pytest.mark.parametrize("cut_in", ["mdat", "moov"])
def test_truncated_copies_are_tampering(signed: Path, tmp_path: Path,
                                        identity: SigningIdentity, cut_in: str) -> None:
    data = signed.read_bytes()
    offset, size = _boxes(data)[cut_in]
    short = tmp_path / "short.mp4"
    short.write_bytes(data[: offset + size // 2])
    report = read_manifest(short, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "tampered"


def test_a_re_encoded_copy_has_no_manifest(signed: Path, tmp_path: Path,
                                           identity: SigningIdentity) -> None:
    copy = tmp_path / "reencoded.mp4"
    with Mp4Writer(copy, WIDTH, HEIGHT, FPS) as writer:
        writer.write_audio(read_audio(signed)[0])
        for frame in read_frames(signed):
            writer.write_frame(frame)
    report = read_manifest(copy, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "absent" and report.facts is None


def test_an_unsigned_file_has_no_manifest(clip: Path, identity: SigningIdentity) -> None:
    report = read_manifest(clip, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "absent"
    assert (report.facts, report.signer_subject, report.failure_codes) == (None, None, ())


def test_non_media_is_a_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video at all")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    for path in (text, empty, tmp_path / "missing.mp4"):
        with pytest.raises(ManifestReadError, match=re.escape(path.name)):
            read_manifest(path, trust_anchors_pem=None)


def test_a_corrupt_mp4_without_manifest_is_absent(clip: Path, tmp_path: Path) -> None:
    data = clip.read_bytes()
    ftyp_size = int.from_bytes(data[:4], "big")
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(data[:ftyp_size] + b"\xff\xff\xff\xf0junk" + bytes(range(256)) * 8)
    report = read_manifest(corrupt, trust_anchors_pem=None)
    assert report.state == "absent"
    assert report.error


def test_signing_is_atomic_and_fails_clearly_on_non_media(tmp_path: Path,
                                                          identity: SigningIdentity) -> None:
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"\x00\x00\x00\x08free" + b"hello" * 50)
    out = tmp_path / "out" / "signed.mp4"
    out.parent.mkdir()
    with pytest.raises(SigningError, match=r"bogus\.mp4"):
        sign_video(bogus, out, identity, _facts())
    assert list(out.parent.iterdir()) == []


def test_signing_in_place_replaces_the_file(tmp_path: Path, identity: SigningIdentity) -> None:
    path = _write_clip(tmp_path / "in-place.mp4", seed=3)
    sign_video(path, path, identity, _facts(video_id="in-place"))
    report = read_manifest(path, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "trusted" and report.facts is not None
    assert report.facts.video_id == "in-place"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-place.mp4"]


def test_naive_creation_time_is_refused(clip: Path, tmp_path: Path,
                                        identity: SigningIdentity) -> None:
    with pytest.raises(ValueError, match="timezone"):
        sign_video(clip, tmp_path / "x.mp4", identity,
                   _facts(created_at=dt.datetime(2025, 10, 1, 12, 30)))
