"""The generated art library: loaded once, looked up by kind.

``library.json`` is made at install by ``openreel.engines.procedural.art.build`` (from the
npm icon sets) and is not kept in the repository; without it the engine stops with a
message that names the command that makes it.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from openreel.engines.procedural.art.icons import HEADS, Icon, icon_for

LIBRARY_PATH = Path(__file__).resolve().parent / "library.json"
LIBRARY_VERSION = 1
INSTALL_HINT = ("run `make install` (it runs `npm ci` and "
                "`python -m openreel.engines.procedural.art.build`)")


class ArtLibraryMissing(RuntimeError):
    """The generated art library is absent or out of date."""


@dataclass(frozen=True, slots=True)
class Artwork:
    """One measured icon: its SVG cropped to the visible thing, and its outline.

    Outline points are in units of the artwork's longest side, centred on it, y up.
    """

    key: str
    svg: bytes
    aspect: float  # visible width / visible height
    facing: int  # -1 drawn looking left, +1 right, 0 neither
    hull: np.ndarray  # (n, 2) convex hull of the opaque pixels
    pieces: tuple[np.ndarray, ...]  # convex pieces for physics bodies
    hue: float | None  # main hue in degrees, None for achromatic art
    sat: float | None
    val: float

    def extent(self, longest: float) -> tuple[float, float]:
        """Width and height when the longest side measures ``longest``."""
        if self.aspect >= 1.0:
            return longest, longest / self.aspect
        return longest * self.aspect, longest


_lock = threading.Lock()
_loaded: dict[str, Artwork] | None = None


def _load(path: Path) -> dict[str, Artwork]:
    if not path.exists():
        raise ArtLibraryMissing(f"the art library {path.name} is not installed: {INSTALL_HINT}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != LIBRARY_VERSION:
        raise ArtLibraryMissing(f"the art library {path.name} is out of date: {INSTALL_HINT}")
    out: dict[str, Artwork] = {}
    for key, r in data["icons"].items():
        out[key] = Artwork(key, r["svg"].encode("utf-8"), float(r["aspect"]), int(r["facing"]),
                           np.asarray(r["hull"], np.float64),
                           tuple(np.asarray(p, np.float64) for p in r["pieces"]),
                           r["hue"], r["sat"], float(r["val"]))
    return out


def library(path: Path | None = None) -> dict[str, Artwork]:
    """Every artwork by icon key: the installed library (loaded once), or the one at ``path``."""
    global _loaded
    if path is not None:
        return _load(path)
    with _lock:
        if _loaded is None:
            _loaded = _load(LIBRARY_PATH)
        return _loaded


def artwork_of(kind: str) -> Artwork | None:
    """The artwork a kind is drawn from, or None when it keeps its rig."""
    return _find(icon_for(kind), kind)


def head_artwork_of(kind: str) -> Artwork | None:
    """The face a rig-bodied animal wears as its head, if it has one."""
    return _find(HEADS.get(kind), kind)


def _find(icon: Icon | None, kind: str) -> Artwork | None:
    if icon is None:
        return None
    art = library().get(icon.key)
    if art is None:
        raise ArtLibraryMissing(f"the art library has no {icon.key} (for {kind}): {INSTALL_HINT}")
    return art
