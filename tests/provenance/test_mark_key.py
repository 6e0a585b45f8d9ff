"""Each deployment's own secret key of the invisible marks, made once beside its CA."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from openreel.config import Settings
from openreel.provenance import picture_mark
from openreel.provenance.signing import MARK_KEY_FILE, SigningError, load_mark_key
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY
from openreel.provenance.verify import look
from openreel.services.signing import Signing

PAYLOAD = bytes.fromhex("0123456789abcdef")


def test_a_deployment_makes_its_mark_key_once_and_keeps_it_to_itself(tmp_path: Path) -> None:
    first = load_mark_key(tmp_path / "a")
    assert load_mark_key(tmp_path / "a") == first  # kept, not made again
    assert load_mark_key(tmp_path / "b") != first  # another deployment, another key
    key_file = tmp_path / "a" / MARK_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert first != DEFAULT_WATERMARK_KEY and 0 <= first < 2**64


@pytest.mark.parametrize("text", ["", "not a key", "0123", "0123456789abcdefff"])
def test_a_damaged_mark_key_is_refused_rather_than_replaced(tmp_path: Path, text: str) -> None:
    (tmp_path / MARK_KEY_FILE).write_text(text)
    with pytest.raises(SigningError, match="not a mark key"):
        load_mark_key(tmp_path)
    assert (tmp_path / MARK_KEY_FILE).read_text() == text  # never overwritten


def test_signing_marks_with_its_own_key_and_still_reads_the_old_public_one(
        tmp_path: Path) -> None:
    own = Signing(Settings(data_dir=tmp_path))
    assert own.watermark_key == load_mark_key(tmp_path / "keys")
    assert own.public_keys == (DEFAULT_WATERMARK_KEY,)
    chosen = Signing(Settings(data_dir=tmp_path, watermark_key=12345))
    assert chosen.watermark_key == 12345 and chosen.public_keys == (DEFAULT_WATERMARK_KEY,)
    public = Signing(Settings(data_dir=tmp_path, watermark_key=DEFAULT_WATERMARK_KEY))
    assert public.public_keys == ()


def _photo(tmp_path: Path, key: int | None) -> Path:
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:480, 0:640]
    base = np.stack([120 + 60 * np.sin(x / 40.0), 110 + 50 * np.cos(y / 55.0),
                     90 + 40 * np.sin((x + y) / 70.0)], axis=-1)
    rgb = np.clip(base + rng.normal(0, 6, base.shape), 0, 255).astype(np.uint8)
    if key is not None:
        rgb = picture_mark.embed(rgb, PAYLOAD, key)
    path = tmp_path / f"photo-{key}.png"
    Image.fromarray(rgb).save(path)
    return path


def test_marks_read_under_this_deployments_key_and_under_the_public_one_as_public(
        tmp_path: Path) -> None:
    mine, theirs = load_mark_key(tmp_path / "mine"), load_mark_key(tmp_path / "theirs")
    public = (DEFAULT_WATERMARK_KEY,)
    found = look(_photo(tmp_path, mine), key=mine, trust_anchors_pem=None,
                 public_keys=public).examination.picture
    assert found is not None and found.payload == PAYLOAD and not found.public
    # another deployment's marks cannot be read (nor written, nor stripped) without its key
    other = look(_photo(tmp_path, theirs), key=mine, trust_anchors_pem=None,
                 public_keys=public).examination.picture
    assert other is not None and other.payload is None
    # what older versions wrote with the public key still reads, and says so
    old = look(_photo(tmp_path, DEFAULT_WATERMARK_KEY), key=mine, trust_anchors_pem=None,
               public_keys=public).examination.picture
    assert old is not None and old.payload == PAYLOAD and old.public
    unmarked = look(_photo(tmp_path, None), key=mine, trust_anchors_pem=None,
                    public_keys=public).examination.picture
    assert unmarked is not None and unmarked.payload is None and not unmarked.public
