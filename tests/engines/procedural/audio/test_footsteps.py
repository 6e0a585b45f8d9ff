"""A footfall sounds on every floor material, soft or hard, dull or ringing."""

from __future__ import annotations

import numpy as np
import pytest

from openreel.engines.procedural.audio.foley import footstep
from openreel.engines.procedural.materials import MATERIALS


@pytest.mark.parametrize("ground", sorted(MATERIALS))
def test_a_footstep_on_every_floor(ground: str) -> None:
    sound = footstep(ground, 24000, 3)
    assert sound.shape == (int(24000 * 0.16),) and np.isfinite(sound).all()
    assert 0.5 < float(np.abs(sound).max()) <= 1.0001
