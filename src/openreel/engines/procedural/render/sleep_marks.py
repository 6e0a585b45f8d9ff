"""The cartoon sign of sleep: letters "z" rising from a sleeper's head and fading.

An animal drawn from art cannot close its eyes, and a bird asleep on a bough looks like
one awake; in the drawn styles every sleeper breathes out a slow stream of "z"s, the way
a cartoon says it."""

from __future__ import annotations

import math
import zlib

import skia

from openreel.engines.procedural.render.captions import rounded_typeface
from openreel.engines.procedural.render.view import View
from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.scene import EntityFrame, FrameState
from openreel.spec import Archetype

_PERIOD = 2.7  # seconds each letter takes to rise and fade
_LETTERS = 3  # letters in the air at once, evenly spaced in time
_INK = skia.Color(255, 255, 255)
_EDGE = skia.Color(40, 48, 80)


def draw_sleep_marks(canvas: skia.Canvas, state: FrameState, view: View) -> None:
    """Draw the "z"s of every visible sleeper of the frame (extra["asleep"])."""
    for entity in state.entities:
        if entity.visible and "asleep" in entity.extra:
            _marks(canvas, entity, view, state.t)


def head_of(entity: EntityFrame) -> tuple[float, float]:
    """Where a sleeper's head is, in world metres: a person's head, else the top of its
    drawing towards the way it faces (an animal drawn from art has no head of its own)."""
    head = entity.parts.get("head")
    if head is not None and entity.archetype is Archetype.HUMANOID:
        return head.x, head.y
    w, h = footprint(entity.archetype, entity.size, entity.kind)
    lying = 0.6 if entity.archetype is Archetype.QUADRUPED else 1.0  # drawn curled up low
    return entity.x + 0.3 * w * entity.facing, entity.y + 0.25 * h * lying


def _marks(canvas: skia.Canvas, entity: EntityFrame, view: View, t: float) -> None:
    hx, hy = head_of(entity)
    # a person's letters are a hand's height; a cat's or a bird's smaller, never tiny
    glyph = (0.07 + 0.09 * min(entity.size, 2.0)) * view.ppm
    if glyph < 6.0:
        return
    font = skia.Font(rounded_typeface(), glyph)
    fill = skia.Paint(AntiAlias=True, Color=_INK)
    edge = skia.Paint(AntiAlias=True, Color=_EDGE, Style=skia.Paint.kStroke_Style,
                      StrokeWidth=max(1.0, 0.12 * glyph), StrokeJoin=skia.Paint.kRound_Join)
    # sleepers do not snore in step
    offset = (zlib.crc32(entity.uid.encode()) % 97) / 97.0 * _PERIOD
    for k in range(_LETTERS):
        age = ((t + offset) / _PERIOD + k / _LETTERS) % 1.0
        rise = 2.2 * glyph * age
        x, y = view.to_px(hx, hy)
        x += entity.facing * (0.4 * glyph + 0.8 * glyph * age + 0.15 * glyph *
                              math.sin(2 * math.pi * age))
        y -= 0.6 * glyph + rise
        scale = 0.55 + 0.6 * age
        alpha = min(1.0, age / 0.15, (1.0 - age) / 0.3)
        canvas.save()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        canvas.rotate(-12.0 * entity.facing)
        layer = int(255 * max(alpha, 0.0))
        canvas.saveLayerAlpha(None, layer)
        canvas.drawString("z", -0.3 * glyph, 0.35 * glyph, font, edge)
        canvas.drawString("z", -0.3 * glyph, 0.35 * glyph, font, fill)
        canvas.restore()
        canvas.restore()
