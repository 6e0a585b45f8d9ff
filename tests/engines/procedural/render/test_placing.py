"""Backdrop layers stay laid across the whole frame, however far the camera pans."""

from __future__ import annotations

import pytest
import skia

from openreel.engines.procedural.render.placing import _wrapped


@pytest.mark.parametrize("x", [-40.0, 0.0, 35.0, -95.0, 260.0, -330.0])
def test_a_layer_panned_past_its_edge_repeats_instead_of_leaving_a_hole(x: float) -> None:
    # a long walk along a lake carried the camera past the water's layer: bare sky showed
    width, span = 120, 100
    layer = skia.Surface(span, 10)
    layer.getCanvas().clear(skia.Color(0, 0, 255))
    image = layer.makeImageSnapshot()
    frame = skia.Surface(width, 10)
    frame.getCanvas().clear(skia.Color(0, 0, 0, 0))
    _wrapped(frame.getCanvas(), image, x, 0.0, width)
    alpha = frame.makeImageSnapshot().toarray()[..., 3]
    assert (alpha == 255).all()


def test_a_layer_that_covers_the_frame_is_drawn_once() -> None:
    layer = skia.Surface(300, 4)
    layer.getCanvas().clear(skia.Color(255, 0, 0))
    calls: list[float] = []

    class Counting:
        def drawImage(self, _image: skia.Image, x: float, _y: float) -> None:
            calls.append(x)

    _wrapped(Counting(), layer.makeImageSnapshot(), -90.0, 0.0, 120)  # type: ignore[arg-type]
    assert calls == [-90.0]
