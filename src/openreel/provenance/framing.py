"""Where the picture is in a frame that boxes it in: a re-post sets a video into bars of
another shape, a border, or a blurred, zoomed copy of itself. Cut out again, the picture
has its own geometry back, which the picture mark's grid and the fingerprint's hashes are
tied to."""

from __future__ import annotations

import cv2
import numpy as np


def content_box(rgb: np.ndarray, least: float = 0.01) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the picture (``rgb``, or its luma) inside bars, a border
    or a blurred background, or None when the picture fills the frame (within ``least`` of a
    side).

    Each side is found from the outside in: what boxes a picture in carries little fine
    detail (bars and borders are flat, a blurred background is soft) and ends at a straight
    edge that runs along the picture's whole side. A flat part of the picture itself (a
    ceiling, a sky) has no such edge before detail begins, or is cut only where it meets
    the rest of the picture: then the box is one more way to look, not the only one.
    """
    if rgb.ndim == 3:
        rgb = cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2GRAY)
    grey = rgb.astype(np.float32)
    detail = np.abs(cv2.Laplacian(grey, cv2.CV_32F))
    h, w = grey.shape
    if min(h, w) < 16:
        return None
    top, bottom = _sides(grey, detail)
    left, right = _sides(grey.T, detail.T)
    bottom, right = h - bottom, w - right
    if bottom - top < 0.3 * h or right - left < 0.3 * w:
        return None
    if top < least * h and bottom > (1 - least) * h and left < least * w \
            and right > (1 - least) * w:
        return None
    return top, bottom, left, right


def _sides(grey: np.ndarray, detail: np.ndarray) -> tuple[int, int]:
    """Rows at the top and at the bottom that are not picture: looked for at a clear step,
    else at a faint one where that gives a centred box (a night scene's dark sky over a
    darkened, blurred copy of itself differs by a few levels; a faint step alone would
    also stop at a faint line inside a picture, which is not centred)."""
    rows = detail.mean(axis=1)
    quiet = 0.4 * float(np.percentile(rows, 90))
    ends = ((grey, rows), (grey[::-1], rows[::-1]))
    sides = [_boxed_in(g, r, quiet) for g, r in ends]
    faint = [side or _boxed_in(g, r, quiet, step=3.0)
             for side, (g, r) in zip(sides, ends, strict=True)]
    if faint != sides and abs(faint[0] - faint[1]) <= max(2, 0.02 * len(grey)):
        return faint[0], faint[1]
    return sides[0], sides[1]


def _boxed_in(grey: np.ndarray, rows: np.ndarray, quiet: float, step: float = 6.0,
              along: float = 0.5) -> int:
    """How many rows at the top of ``grey`` are not picture: rows of little detail (their
    mean detail ``rows`` under ``quiet``) ending at a sharp straight edge (a step of over
    ``step`` levels along at least ``along`` of the row); 0 when detail begins first.

    Read from the top, row by row: the first row ``r`` where the rows above it, taken
    together, have detail means the picture began with no edge before it; the first where
    a straight edge starts with sharp detail right after it (a soft step is the blurred
    background's own, not its edge) is where the box ends. Whichever comes first decides.
    """
    limit = int(0.45 * len(grey))
    if limit < 2:
        return 0
    # the step between rows r and r + 2, for r = 0 .. limit - 1
    straight = (np.abs(grey[2:limit + 2] - grey[:limit]) > step).mean(axis=1)
    r = np.arange(limit)
    began = np.cumsum(rows[:limit]) / np.maximum(r + 1, 1) > quiet  # rows[:r + 1] detailed
    # sharp: any of rows r .. r + 2 detailed (a window past the end is cut short)
    ahead = np.full(limit + 2, -np.inf)
    ahead[:min(limit + 2, len(rows))] = rows[:limit + 2]
    sharp = np.maximum(np.maximum(ahead[:limit], ahead[1:limit + 1]), ahead[2:limit + 2]) > quiet
    edges = np.flatnonzero((straight >= along) & sharp & (r > 0))
    detailed = np.flatnonzero(began[:limit - 1]) + 1  # detail above row r, for r >= 1
    if not len(edges) or (len(detailed) and detailed[0] <= edges[0]):
        return 0
    e = int(edges[0])
    return e + 2 if rows[e + 2:e + 4].mean() > quiet else e + 1
