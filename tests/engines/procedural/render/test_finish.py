"""The finishing passes and materials, each on pictures whose answer is known."""

from __future__ import annotations

import numpy as np
import skia

from openreel.engines.procedural.render.finish.accents import light_source
from openreel.engines.procedural.render.finish.grade import ColourGrade
from openreel.engines.procedural.render.finish.lens import LensPasses
from openreel.engines.procedural.render.finish.media import Palette, PixelArt, Watercolour
from openreel.engines.procedural.render.finish.scenery import flatten
from openreel.engines.procedural.render.images import to_array, to_image
from openreel.engines.procedural.render.looks import (
    LOOKS,
    Grade,
    Lens,
    Material,
    Medium,
    Shading,
)
from openreel.engines.procedural.render.palette import Light
from openreel.engines.procedural.render.shading import art_material, fill_shape
from openreel.spec import Style


def _frame(rgb: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> np.ndarray:
    out = np.zeros((size[1], size[0], 4), np.uint8)
    out[...] = (*rgb, 255)
    return out


def test_a_neutral_grade_changes_nothing() -> None:
    frame = np.random.default_rng(0).integers(0, 256, (20, 30, 4), dtype=np.uint8)
    frame[..., 3] = 255
    graded = frame.copy()
    ColourGrade(Grade()).apply(graded)
    assert np.array_equal(graded, frame)


def test_cinematic_grade_is_teal_in_shadow_and_orange_in_light() -> None:
    grade = ColourGrade(LOOKS[Style.CINEMATIC].grade)
    dark, bright = _frame((70, 70, 70)), _frame((190, 190, 190))
    grade.apply(dark)
    grade.apply(bright)
    r, _, b = dark[0, 0, :3].astype(int)
    assert b > r + 15, "teal shadows"
    r, _, b = bright[0, 0, :3].astype(int)
    assert r > b + 15, "orange highlights"


def test_noir_grade_is_grey_and_contrasty() -> None:
    grade = ColourGrade(LOOKS[Style.NOIR].grade)
    frame = np.concatenate([_frame((200, 40, 40)), _frame((60, 60, 200))])
    grade.apply(frame)
    assert (frame[..., 0] == frame[..., 1]).all() and (frame[..., 1] == frame[..., 2]).all()
    mid, dark = _frame((150, 150, 150)), _frame((70, 70, 70))
    grade.apply(mid)
    grade.apply(dark)
    assert int(mid[0, 0, 0]) - int(dark[0, 0, 0]) > 1.3 * 80


def test_vignette_darkens_corners_and_grain_moves() -> None:
    lens = LensPasses(Lens(vignette=0.6, grain=0.5), 64, 48, seed=1)
    first, second = _frame((160, 160, 160)), _frame((160, 160, 160))
    lens.film(first, 0)
    lens.film(second, 1)
    assert first[:4, :4, :3].mean() < first[20:28, 28:36, :3].mean() - 20
    assert not np.array_equal(first, second)
    assert (first[..., 3] == 255).all()


def test_bloom_spreads_light_around_a_lamp_only() -> None:
    lens = LensPasses(Lens(bloom=1.0, threshold=0.8), 160, 160, seed=1)
    frame = _frame((40, 40, 40), (160, 160))
    frame[70:90, 70:90, :3] = 255
    lens.glow(frame)
    assert frame[60, 80, 0] > 45, "a glow just outside the lamp"
    assert frame[5, 5, 0] == 40, "darkness far away is left alone"


def test_palette_snaps_to_the_nearest_colour() -> None:
    colours = np.array([[250, 20, 20], [20, 20, 250], [240, 240, 240]], np.float32)
    art = PixelArt(Medium(pixel=6, colours=3), 8, 8)
    frame = _frame((200, 60, 50), (8, 8))
    frame[4:, :, :3] = (40, 50, 220)
    art.apply(frame, Palette(colours))
    assert (frame[0, 0, :3] == (250, 20, 20)).all()
    assert (frame[7, 7, :3] == (20, 20, 250)).all()


def test_watercolour_leaves_paper_at_the_margin() -> None:
    paint = Watercolour(Medium(paper=1.0, bleed=2.0, pigment=0.7), 200, 300, seed=2)
    frame = _frame((60, 90, 160), (200, 300))
    paint.wash(frame)
    paint.margin(frame)
    assert frame[0, 100, :3].mean() > 220, "unpainted paper at the edge"
    assert abs(frame[150, 100, :3].astype(int) - (60, 90, 160)).max() < 25, "the wash inside"


def test_the_sun_is_found_in_a_painted_sky() -> None:
    surface = skia.Surface(200, 300)
    canvas = surface.getCanvas()
    canvas.clear(skia.Color(90, 150, 220))
    canvas.drawCircle(150, 60, 40, skia.Paint(Color=skia.Color(255, 250, 230, 160),
                                              AntiAlias=True))
    canvas.drawCircle(150, 60, 10, skia.Paint(Color=skia.Color(255, 255, 250), AntiAlias=True))
    canvas.drawCircle(40, 100, 30, skia.Paint(Color=skia.Color(250, 250, 250), AntiAlias=True))
    sky = to_array(surface.makeImageSnapshot())
    light = Light((90, 150, 220), (200, 220, 240), (255, 255, 255), (255, 250, 230), 0.6, 0.75,
                  False, (200, 220, 240))
    found = light_source(sky, light, ground_px=200)
    assert found is not None
    assert abs(found[0] - 150) < 8 and abs(found[1] - 60) < 8
    overcast = to_array(to_image(_frame((120, 125, 135), (200, 300))))
    assert light_source(overcast, light, ground_px=200) is None


def test_flatten_keeps_hues_in_few_tones() -> None:
    ramp = np.zeros((10, 256, 4), np.uint8)
    ramp[..., 0] = np.arange(256)
    ramp[..., 1] = np.arange(256) // 2
    ramp[..., 3] = 255
    flat = flatten(ramp, 3)
    assert len(np.unique(flat[0, :, :3].max(axis=1))) <= 3, "three tones of lightness"
    bright = flat[0, -1, :3].astype(int)
    assert bright[0] > bright[1] > bright[2], "still orange"


def _art() -> skia.Image:
    """A round, lit-from-nowhere orange disc on transparency, like an icon."""
    surface = skia.Surface(80, 80)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    canvas.drawCircle(40, 40, 34, skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
        [skia.Point(0, 0), skia.Point(80, 80)],
        [skia.Color(255, 200, 120), skia.Color(200, 110, 40)])))
    return surface.makeImageSnapshot()


def test_cel_art_is_a_few_flat_colours_with_its_shape_kept() -> None:
    image = _art()
    cel = to_array(art_material("disc-cel", image, Material(Shading.CEL, bands=2)))
    source = to_array(image)
    solid = source[..., 3] == 255
    assert len(np.unique(cel[solid][:, :3], axis=0)) <= 6
    assert len(np.unique(source[solid][:, :3], axis=0)) > 30
    assert np.array_equal(cel[..., 3], source[..., 3])


def test_photoreal_art_is_shaded_as_a_lit_form() -> None:
    image = _art()
    material = LOOKS[Style.PHOTOREAL].material
    lit = to_array(art_material("disc-real", image, material)).astype(int)
    flat = to_array(image).astype(int)
    # the upper-left side turns to the light, the lower-right away from it
    gain_lit = lit[22, 22, :3].sum() - flat[22, 22, :3].sum()
    gain_dark = lit[58, 58, :3].sum() - flat[58, 58, :3].sum()
    assert gain_lit > gain_dark + 40
    assert (lit[..., 3] == flat[..., 3]).all()


def _filled(material: Material, outline: float) -> np.ndarray:
    pixels = np.zeros((100, 100, 4), np.uint8)
    surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)
    canvas = surface.getCanvas()
    canvas.clear(skia.Color(255, 255, 255))
    canvas.translate(50, 50)
    path = skia.Path()
    path.addCircle(0, 0, 40)
    fill_shape(canvas, path, (200, 80, 60), material, outline)
    surface.flushAndSubmit()
    return pixels[..., :3].astype(int)


def test_cel_fill_has_two_flat_tones_and_ink() -> None:
    cel = _filled(Material(Shading.CEL, shadow=0.6), outline=4.0)
    lit, dark = cel[35, 35], cel[72, 72]
    assert (lit == (200, 80, 60)).all()
    assert (dark == (120, 48, 36)).all()
    assert cel[50, 11].sum() < 150, "an inked edge"


def test_gradient_fill_turns_smoothly_with_a_glint() -> None:
    real = _filled(Material(Shading.GRADIENT, shadow=0.55, specular=0.6), outline=0.0)
    row = real[np.arange(26, 75), np.arange(26, 75)].sum(axis=1)
    assert row[0] > row[-1] + 150, "lit upper left, shadowed lower right"
    assert len(np.unique(row)) > 30, "a gradient, not bands"
    assert real[50, 11].sum() > 150, "no ink"
