"""A fireworks display: when each shell bursts, where in the sky and in what colour.

The display belongs to the sky, like the weather: it is drawn over the place's sky in the
frame's own coordinates (whatever the camera does, the show is up there), and the
simulation hears each burst at the same moment. Both read the one schedule below, a pure
function of the clip's seed, so picture and sound agree and a seed renders the same show.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RISE = 0.8  # seconds a shell climbs before it bursts
FADE = 1.9  # seconds a burst's stars glow and fall
COLOURS: tuple[tuple[int, int, int], ...] = (
    (255, 196, 84), (255, 84, 84), (120, 255, 150), (110, 170, 255), (214, 124, 255),
    (255, 244, 230), (255, 128, 204),
)


@dataclass(frozen=True, slots=True)
class Burst:
    """One shell: it bursts at ``t`` seconds into the shot, at (``u``, ``v``) of the
    frame's width and height (0, 0 top left), its stars reaching ``reach`` of the frame's
    width."""

    t: float
    u: float
    v: float
    reach: float
    colour: tuple[int, int, int]
    stars: int


def schedule(seed: int, shot: int, duration: float) -> list[Burst]:
    """The shells of one shot, in order: one every 0.5 to 1.2 s from just after the start,
    high in the frame and spread across it, never two of one colour in a row."""
    rng = np.random.default_rng([seed, shot, 0xF1AE])
    bursts: list[Burst] = []
    t = RISE * 0.6
    last = -1
    while t < duration - 0.3:
        pick = int(rng.integers(len(COLOURS) - 1))
        pick = pick if pick < last or last < 0 else pick + 1  # not the colour just shown
        last = pick
        bursts.append(Burst(t=round(t, 4), u=float(rng.uniform(0.18, 0.82)),
                            v=float(rng.uniform(0.12, 0.4)),
                            reach=float(rng.uniform(0.14, 0.24)), colour=COLOURS[pick],
                            stars=int(rng.integers(48, 72))))
        t += float(rng.uniform(0.5, 1.2))
    return bursts
