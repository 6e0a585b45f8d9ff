"""Text the prompt asks to show on screen (titles, taglines, signs), typeset for the frame.

Each caption is set in a typeface that suits the look (Lato for filmed looks, Fredoka One
for drawn ones; both ship as Python packages under the SIL Open Font License), sized to
the frame, wrapped to a measure of about 80 % of its width, balanced across lines, kept
inside the safe area of a phone screen, and faded in and out with a small rise.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import skia

from openreel.spec import Caption, Placement, Style

_FADE = 0.35  # seconds of fade in and out
_MEASURE = 0.8  # of the frame's width a line may take
_SAFE = {Placement.TOP: 0.16, Placement.CENTRE: 0.5, Placement.BOTTOM: 0.78}
_DRAWN = (Style.ANIMATED, Style.ANIME, Style.PIXEL, Style.WATERCOLOR, Style.SURREAL)


@dataclass(frozen=True, slots=True)
class _Face:
    typeface: skia.Typeface
    outline: float  # stroke width as a share of the text size (0: a soft shadow only)


@lru_cache(maxsize=4)
def _typeface(package: str, filename: str) -> skia.Typeface:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the font package {package} is not installed")
    path = Path(spec.origin).parent / "files" / filename
    return skia.Typeface.MakeFromFile(str(path))


def drawn_styles() -> tuple[Style, ...]:
    """The styles drawn as cartoons (their text rounded, their sleepers snoring "z")."""
    return _DRAWN


def rounded_typeface() -> skia.Typeface:
    """The rounded face the drawn styles set their text in."""
    return _typeface("font_fredoka_one", "FredokaOne-Regular.ttf")


def _face(style: Style) -> _Face:
    if style in _DRAWN:
        return _Face(rounded_typeface(), 0.12 if style is Style.ANIME else 0.0)
    return _Face(_typeface("font_lato", "Lato-Black.ttf"), 0.0)


def draw_captions(canvas: skia.Canvas, captions: list[Caption], t: float, duration: float,
                  width: int, height: int, style: Style) -> None:
    """Draw the captions showing at ``t`` seconds into a shot lasting ``duration``."""
    for caption in captions:
        end = duration if caption.duration is None else caption.start + caption.duration
        if not caption.start <= t <= end:
            continue
        fade = min(1.0, (t - caption.start) / _FADE, (end - t) / _FADE) if end > caption.start \
            else 1.0
        _draw_one(canvas, caption, max(0.0, fade), width, height, _face(style))


def _draw_one(canvas: skia.Canvas, caption: Caption, alpha: float, width: int, height: int,
              face: _Face) -> None:
    size = _text_size(caption.text, width, height)
    font = skia.Font(face.typeface, size)
    font.setSubpixel(True)
    lines = balanced_lines(caption.text, font, width * _MEASURE)
    while len(lines) > 3 and size > height * 0.02:
        size *= 0.85
        font = skia.Font(face.typeface, size)
        lines = balanced_lines(caption.text, font, width * _MEASURE)
    leading = size * 1.15
    block = leading * len(lines)
    rise = (1 - alpha) * size * 0.3
    top = height * _SAFE[caption.placement] - block / 2 + rise + size * 0.85
    # a soft dark band behind the block keeps white text legible on a bright wall or sky
    widest = max(font.measureText(line) for line in lines)
    band = skia.Rect.MakeXYWH((width - widest) / 2 - size * 0.6, top - size * 1.15,
                              widest + size * 1.2, block + size * 0.7)
    canvas.drawRRect(skia.RRect.MakeRectXY(band, size * 0.5, size * 0.5), skia.Paint(
        AntiAlias=True, Color=skia.Color(10, 10, 20, int(95 * alpha)),
        MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, size * 0.35)))
    shadow = skia.Paint(AntiAlias=True, Color=skia.Color(0, 0, 0, int(150 * alpha)),
                        MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle,
                                                            size * 0.08))
    fill = skia.Paint(AntiAlias=True, Color=skia.Color(255, 255, 255, int(255 * alpha)))
    stroke = None
    if face.outline > 0:
        stroke = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style,
                            StrokeWidth=size * face.outline, StrokeJoin=skia.Paint.kRound_Join,
                            Color=skia.Color(20, 20, 30, int(255 * alpha)))
    for n, line in enumerate(lines):
        x = (width - font.measureText(line)) / 2
        y = top + n * leading
        canvas.drawString(line, x + size * 0.03, y + size * 0.06, font, shadow)
        if stroke is not None:
            canvas.drawString(line, x, y, font, stroke)
        canvas.drawString(line, x, y, font, fill)


def _text_size(text: str, width: int, height: int) -> float:
    """Short titles large, longer lines smaller; sized by the frame's shorter side."""
    short = min(width, height)
    words = len(text.split())
    factor = 0.13 if words <= 3 else 0.095 if words <= 8 else 0.07
    return max(12.0, short * factor)


def balanced_lines(text: str, font: skia.Font, measure: float) -> list[str]:
    """Words wrapped into as few lines as fit ``measure``, with line lengths evened out."""
    words = text.split()
    if not words:
        return []
    count = 1
    while count < len(words):
        lines = _split_even(words, count, font)
        if max(font.measureText(line) for line in lines) <= measure:
            return lines
        count += 1
    return words


def _split_even(words: list[str], count: int, font: skia.Font) -> list[str]:
    """``words`` in ``count`` lines whose widths differ the least (a small search)."""
    total = font.measureText(" ".join(words))
    target = total / count
    lines: list[str] = []
    current: list[str] = []
    for n, word in enumerate(words):
        trial = " ".join([*current, word])
        remaining_lines = count - len(lines) - 1
        left = len(words) - n
        if current and (font.measureText(trial) > target * 1.08 or left <= remaining_lines) \
                and remaining_lines > 0:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    lines.append(" ".join(current))
    return lines
