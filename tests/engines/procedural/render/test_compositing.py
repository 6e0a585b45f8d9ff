"""Placing pictures: the OpenCV warp lands where skia's own draw does, blits and trails
lay down what they should, and the backdrop laid by parts equals the backdrop drawn whole."""

from __future__ import annotations

import numpy as np
import skia

from openreel.director import direct
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.render.backdrop import Backdrop
from openreel.engines.procedural.render.compositing import blit, fades, fill, trail, warp
from openreel.engines.procedural.render.placing import BackdropPlacer
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.simulation import simulate_storyboard

W, H = 160, 120


def _picture() -> np.ndarray:
    """A 40 × 30 premultiplied picture: an opaque red disc, a see-through blue square."""
    pixels = np.zeros((30, 40, 4), np.uint8)
    surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)
    canvas = surface.getCanvas()
    canvas.drawCircle(12, 15, 10, skia.Paint(Color=skia.Color(220, 30, 30), AntiAlias=True))
    canvas.drawRect(skia.Rect.MakeXYWH(26, 5, 10, 20), skia.Paint(Color=skia.Color(0, 0, 255, 128)))
    surface.flushAndSubmit()
    return pixels


def _canvas() -> tuple[np.ndarray, skia.Surface]:
    pixels = np.zeros((H, W, 4), np.uint8)
    pixels[..., 3] = 255
    return pixels, skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)


def test_warp_lands_where_skia_draws_the_same_picture() -> None:
    picture = _picture()
    image = skia.Image.fromarray(picture, colorType=skia.kRGBA_8888_ColorType,
                                 alphaType=skia.kPremul_AlphaType)
    matrix = skia.Matrix.Translate(70.3, 64.6)
    matrix.preRotate(17.0)
    matrix.preScale(-1.4, 1.2)  # mirrored, enlarged unevenly
    dest = skia.Rect.MakeLTRB(-20, -30, 20, 0)
    expected, surface = _canvas()
    canvas = surface.getCanvas()
    canvas.concat(matrix)
    canvas.drawImageRect(image, dest, skia.SamplingOptions(skia.FilterMode.kLinear),
                         skia.Paint(AntiAlias=True))
    surface.flushAndSubmit()
    placed = warp(picture, matrix, dest, W, H)
    assert placed is not None
    sprite, x, y = placed
    got, surface = _canvas()
    blit(surface.getCanvas(), sprite, x, y)
    surface.flushAndSubmit()
    difference = np.abs(got.astype(int) - expected.astype(int)).max(axis=2)
    # resampling differs only in rounding, and along the antialiased rim
    assert difference.mean() < 0.5
    assert (difference > 40).mean() < 0.01
    red = (got[..., 0] > 150) & (got[..., 2] < 80)
    assert abs(int(red.sum()) - int(((expected[..., 0] > 150) & (expected[..., 2] < 80)).sum())) \
        <= 0.03 * red.sum()


def test_warp_outside_the_frame_places_nothing() -> None:
    assert warp(_picture(), skia.Matrix.Translate(500, 500), skia.Rect.MakeWH(40, 30),
                W, H) is None


def test_blit_is_exact_at_whole_pixels_and_clipped_at_the_edges() -> None:
    picture = _picture()
    got, surface = _canvas()
    blit(surface.getCanvas(), picture, -5, 100)  # hangs over the left and bottom edges
    surface.flushAndSubmit()
    inside = picture[:H - 100, 5:]
    opaque = inside[..., 3] == 255
    assert np.array_equal(got[100:, :35][opaque], inside[opaque])
    assert (got[:100] == (0, 0, 0, 255)).all()


def test_a_trail_fades_behind_a_moving_thing() -> None:
    sprite = np.zeros((10, 10, 4), np.uint8)
    sprite[...] = (200, 200, 200, 255)
    got, surface = _canvas()
    trail(surface.getCanvas(), sprite, 100, 50, (40.0, 0.0), 4)  # moving right, 40 px a frame
    surface.flushAndSubmit()
    row = got[55, :, 0].astype(int)
    # copies lie 8, 16, 24 and 32 px behind it (to the left), fainter the farther back;
    # the thing itself is not laid down by its trail
    assert row[102:].max() == 0
    near, far = row[97], row[69]  # where only the nearest, only the farthest copy lies
    assert near > far > 0
    assert near <= 200 * (70 / 255) * 1.05
    assert [round(alpha, 3) for _, alpha in fades(2)] == [round(70 * 0.2 / 255, 3),
                                                          round(70 * 0.6 / 255, 3)]


def test_fill_marks_only_covered_pixels() -> None:
    mask = np.zeros((H, W, 4), np.uint8)
    coverage = np.zeros((20, 20), np.uint8)
    coverage[5:15, 5:15] = 255
    coverage[0, 0] = 100  # faint: below the threshold
    fill(mask, coverage, W - 10, -3, 128, (7, 0, 0, 255))
    hit = mask[..., 0] == 7
    assert hit.sum() == 5 * 10
    assert hit[2:12, W - 5:].all()


def test_the_backdrop_laid_by_parts_equals_the_backdrop_drawn_whole() -> None:
    """A panning camera over a textured ground: the sky copied, the layers cut to their
    rows, the ground copied from its strip — against every layer drawn in full."""
    board = direct("a dog runs across a park", seconds=2.0)
    sim = simulate_storyboard(board, fps=12, seed=4)[0]
    renderer = Renderer(board, 180, 320, seed=4)
    renderer.render(sim.frames[0], sim)
    shot = renderer._shot(sim)
    assert shot.placer is not None
    backdrop = shot.placer.backdrop
    assert backdrop is not None and backdrop.ground_texture is not None
    rest = shot.camera.view(0)
    for k, pan in enumerate((0.0, 0.37, 1.9, -2.45)):
        view = View(rest.cx + pan, rest.cy, rest.ppm, 180, 320, pan)
        laid, surface = _canvas_of(180, 320)
        BackdropPlacer(backdrop, 180, 320).place(surface.getCanvas(), laid, view, rest,
                                                 k / 12, None)
        whole, surface = _canvas_of(180, 320)
        _draw_whole(surface.getCanvas(), backdrop, view, rest)
        difference = np.abs(laid.astype(int) - whole.astype(int)).max(axis=2)
        # the ground's texture moves by whole pixels in the strip, by fractions drawn whole
        assert np.median(difference) <= 2, pan
        assert (difference > 60).mean() < 0.05, pan


def _canvas_of(w: int, h: int) -> tuple[np.ndarray, skia.Surface]:
    pixels = np.zeros((h, w, 4), np.uint8)
    return pixels, skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType)


def _draw_whole(canvas: skia.Canvas, b: Backdrop, view: View, rest: View) -> None:
    """Every layer drawn in full, as a frame was laid before the parts were cut."""
    w, h = view.width, view.height
    canvas.drawImage(b.sky, 0, 0)
    lift = (view.cy - rest.cy) * view.ppm
    for layer, factor in ((b.far, 0.12), (b.mid, 0.35)):
        if layer is not None:
            canvas.drawImage(layer, -(layer.width() - w) / 2 - view.pan * view.ppm * factor,
                             lift * factor * 2)
    _, gy = view.to_px(0.0, 0.0)
    paint = skia.Paint(Color=skia.Color(*b.ground), Shader=b.ground_texture)
    x = -view.cx * view.ppm
    canvas.save()
    canvas.translate(x, gy)
    canvas.drawRect(skia.Rect.MakeLTRB(-x, 0, w - x, h - gy), paint)
    canvas.restore()
    canvas.drawRect(skia.Rect.MakeLTRB(0, gy, w, h), skia.Paint(
        Shader=skia.GradientShader.MakeLinear(
            [skia.Point(0, gy), skia.Point(0, h)],
            [skia.Color(0, 0, 0, 0), skia.Color(0, 0, 0, 70)])))
    near = b.near
    if near is not None:
        canvas.drawImage(near, -(near.width() - w) / 2 - view.pan * view.ppm * 1.3,
                         gy - rest.to_px(0.0, 0.0)[1])
