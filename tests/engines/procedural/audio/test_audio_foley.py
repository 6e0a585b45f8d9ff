"""Foley synthesis: materials sound like themselves; every contact kind and cue makes sound."""

from __future__ import annotations

from typing import get_args

import numpy as np
import pytest
from audio_fixtures import SR, make_sims

from openreel.engines.procedural.audio import mix_soundtrack
from openreel.engines.procedural.audio.ambience import ambience_bed
from openreel.engines.procedural.audio.modal import strike
from openreel.engines.procedural.audio.sfx import CUES, render_cue
from openreel.engines.procedural.scene import GROUND, Contact, ContactKind
from openreel.spec import Environment, Storyboard
from openreel.spec.catalog import PLACES


def _centroid(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x))
    freqs = np.fft.rfftfreq(len(x), 1 / SR)
    return float((spec * freqs).sum() / spec.sum())


def _ring_time(x: np.ndarray) -> float:
    """Seconds until the envelope falls 40 dB below its peak."""
    env = np.abs(x)
    above = np.flatnonzero(env > env.max() * 0.01)
    return float(above[-1] / SR)


def test_metal_is_brighter_and_rings_longer_than_wood() -> None:
    metal, wood = strike("metal", 0.3, SR), strike("wood", 0.3, SR)
    # Brightness as heard: the spectrum of the first 100 ms.
    head = SR // 10
    assert _centroid(metal[:head]) > 1.5 * _centroid(wood[:head])
    assert _ring_time(metal) > 3 * _ring_time(wood)


def test_bigger_objects_ring_lower() -> None:
    assert _centroid(strike("wood", 2.0, SR)) < _centroid(strike("wood", 0.2, SR))


@pytest.mark.parametrize("kind", get_args(ContactKind))
def test_every_contact_kind_is_heard_at_its_time(kind: str) -> None:
    board = Storyboard.model_validate({"music": False, "shots": [{"duration": 2.0}]})
    c = Contact(t=0.8, kind=kind, a="x", b=GROUND, x=5.0, y=0.0, impulse=10.0,
                material_a="rubber", material_b="grass")
    sims = make_sims(board, [[]], [[c]])
    stems: dict[str, np.ndarray] = {}
    mix_soundtrack(board, sims, [], seed=1, stems_out=stems)
    foley = np.abs(stems["foley"]).max(axis=1)
    k = int(0.8 * SR)
    assert foley[:k - 1].max() == 0.0
    assert foley[k:k + SR // 10].max() > 0.05


@pytest.mark.parametrize("name", [*sorted(CUES), "trumpet fanfare"])
def test_named_cues_make_sound(name: str) -> None:
    x = render_cue(name, 1.0, SR, 1, 0)
    assert x.ndim == 1 and len(x) > SR // 4
    assert np.isfinite(x).all() and 0.5 < np.abs(x).max() <= 1.0 + 1e-6


@pytest.mark.parametrize("place", sorted(PLACES))
def test_every_place_has_a_bed(place: str) -> None:
    env = Environment(place=place)
    bed = ambience_bed(env, 1.013, SR, 1)
    assert bed.shape == (2, round(1.013 * SR))
    assert np.sqrt(np.mean(bed ** 2)) > 1e-3


def test_space_and_water_dull_the_foley() -> None:
    def foley_in(place: str) -> np.ndarray:
        board = Storyboard.model_validate({"music": False, "environment": {"place": place},
                                           "shots": [{"duration": 1.5}]})
        c = Contact(t=0.5, kind="impact", a="x", b=GROUND, x=5.0, y=0.0, impulse=10.0,
                    material_a="metal", material_b="stone")
        stems: dict[str, np.ndarray] = {}
        mix_soundtrack(board, make_sims(board, [[]], [[c]]), [], seed=1, stems_out=stems)
        return stems["foley"][int(0.5 * SR):int(0.6 * SR), 0]

    park = _centroid(foley_in("park"))
    assert _centroid(foley_in("space")) < 0.5 * park
    assert _centroid(foley_in("underwater")) < 0.7 * park
