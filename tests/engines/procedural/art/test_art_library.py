"""The art library: every drawn kind has measured artwork, and a missing library says how to
make it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import skia

from openreel.engines.procedural.art import library as library_module
from openreel.engines.procedural.art.build import measure
from openreel.engines.procedural.art.icons import ICONS, Icon
from openreel.engines.procedural.art.library import ArtLibraryMissing, library
from openreel.engines.procedural.art.raster import bucket, raster, recolour
from openreel.engines.procedural.rigs import footprint
from openreel.spec import KINDS, Archetype


def test_every_icon_names_a_kind_and_is_in_the_library() -> None:
    art = library()
    for kind, icon in ICONS.items():
        assert kind in KINDS, kind
        assert KINDS[kind].archetype is not Archetype.HUMANOID, kind
        record = art[icon.key]
        assert 0.1 < record.aspect < 10, kind
        assert len(record.hull) >= 3 and record.pieces, kind
        # the hull spans the visible box: half the longest side either way of the centre
        span = record.hull.max(axis=0) - record.hull.min(axis=0)
        assert max(span) == pytest.approx(1.0, abs=0.02), kind


def test_every_prop_is_drawn_from_art() -> None:
    props = [k.name for k in KINDS.values() if k.archetype is Archetype.PROP]
    assert len(props) >= 80
    assert all(name in ICONS for name in props)


def test_measure_crops_to_the_visible_thing() -> None:
    # a 16 × 8 bar in the middle of a padded 32 × 32 canvas
    body = '<rect x="8" y="12" width="16" height="8" fill="#3366cc"/>'
    record = measure(Icon("bar", "drawn"), (body, 0.0, 0.0, 32.0, 32.0))
    assert record["aspect"] == pytest.approx(2.0, rel=0.01)
    hull = np.asarray(record["hull"])
    assert hull[:, 0].min() == pytest.approx(-0.5, abs=0.01)
    assert hull[:, 1].max() == pytest.approx(0.25, abs=0.01)
    assert record["hue"] == pytest.approx(220, abs=10)


def test_a_missing_library_names_the_install_command(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ArtLibraryMissing, match="make install"):
        library(tmp_path / "library.json")
    monkeypatch.setattr(library_module, "LIBRARY_PATH", tmp_path / "library.json")
    monkeypatch.setattr(library_module, "_loaded", None)
    with pytest.raises(ArtLibraryMissing, match=r"openreel\.engines\.procedural\.art\.build"):
        footprint(Archetype.PROP, 0.35, "laptop")
    # kinds that keep their rigs never need the library
    assert footprint(Archetype.HUMANOID, 1.75, "person") == pytest.approx((0.45 * 1.75, 1.75))


def test_an_outdated_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text('{"version": 0, "icons": {}}')
    with pytest.raises(ArtLibraryMissing, match="out of date"):
        library(path)


def test_rasters_are_cached_per_size_step() -> None:
    art = library()[ICONS["laptop"].key]
    first = raster(art, 100.0)
    assert raster(art, 99.0) is first  # the same step: no second rasterisation
    assert bucket(100.0) >= 100 and bucket(101.0) >= 101
    assert raster(art, 300.0).width > first.width
    pixels = first.image.toarray(colorType=skia.kRGBA_8888_ColorType)
    # the raster fills its box: opaque pixels touch all four edges
    opaque = pixels[..., 3] >= 128
    assert opaque[0].any() and opaque[-1].any() and opaque[:, 0].any() and opaque[:, -1].any()


def test_recolouring_moves_the_main_colour_and_keeps_the_rest() -> None:
    art = library()[ICONS["car"].key]  # a red car with dark tyres
    pixels = raster(art, 160.0).image.toarray(colorType=skia.kRGBA_8888_ColorType)
    blue = recolour(pixels, art, (45, 105, 220))
    opaque = pixels[..., 3] >= 128
    r, b = blue[..., 0].astype(int), blue[..., 2].astype(int)
    bluish = opaque & (b > r + 40)
    reddish = opaque & (r > b + 40)
    assert bluish.sum() > 0.3 * opaque.sum() and reddish.sum() < 0.05 * opaque.sum()
    # tyres and windows (grey or blue, not the paint's red) stay as they were
    rgb = pixels[..., :3].astype(int)
    grey = opaque & (rgb.max(axis=2) - rgb.min(axis=2) < 20)
    assert grey.sum() > 20 and np.array_equal(blue[grey], pixels[grey])
