"""What four-legged animals act: eating and drinking off the floor, playing, swatting a thing
off a counter, and being ridden."""

from __future__ import annotations

import math
from dataclasses import dataclass

from openreel.engines.procedural.simulation.act import TAU, ease, osc, pulse
from openreel.spec import Motion

M = Motion


SWAT_AT = 1.2  # seconds in: a cat has eyed the glass, and now its paw sends it over
SWAT_REACH = 0.42  # of the animal's size: how far ahead of its root the paw lands


@dataclass(frozen=True, slots=True)
class AnimalPose:
    """Leg swings, tail, head nod and graze of an animal, its body pitch and lift."""

    legs: tuple[float, float, float, float]
    tail: float
    head: float
    graze: float = 0.0
    pitch: float = 0.0  # positive lifts the front
    lift: float = 0.0  # metres above standing
    knee: float = 0.0


def animal_act(motion: Motion, t: float, phase: float, size: float, near: bool) -> AnimalPose:
    """The pose of an animal eating, drinking or playing ``t`` seconds in.

    ``near`` says a played-with ball is within reach (it bats it instead of chasing)."""
    wag = 0.4 + 0.4 * math.sin(TAU * 2.5 * t + phase)
    if motion is M.EAT:
        chew = abs(osc(t, 0.6))
        lift_head = pulse(t, 4.0, 0.8, 0.1)  # looks up now and then, chewing
        return AnimalPose((0.12, 0.05, -0.05, 0.02), wag * 0.5, 0.0,
                          graze=0.95 - 0.1 * chew - 0.6 * lift_head, pitch=-0.12)
    if motion is M.DRINK:
        lap = abs(osc(t, 0.3))
        return AnimalPose((0.15, 0.08, -0.05, 0.02), 0.2, 0.0, graze=0.97 - 0.06 * lap,
                          pitch=-0.12)
    if motion is M.PUSH:
        return _swat(t, phase)
    if not near:
        return AnimalPose((0.0, 0.0, 0.0, 0.0), wag, 0.2)
    # a play bow, then a bounce forward that bats the ball
    bow = pulse(t, 1.6, 0.3, 0.3)
    hop = pulse(t, 1.6, 0.75, 0.12)
    return AnimalPose((0.9 * bow - 0.3 * hop, 0.8 * bow - 0.3 * hop, 0.3 * hop, 0.2 * hop),
                      wag + 0.3, 0.4 * bow, pitch=-0.35 * bow + 0.15 * hop,
                      lift=0.15 * size * hop, knee=0.3 * bow)


def _swat(t: float, phase: float) -> AnimalPose:
    """Eyeing the thing with the head low, a wind-up, one quick forward swipe of the near
    front paw at ``SWAT_AT``, then a look down after it, tail flicking."""
    eye = ease(t / 0.6)
    wind = _bump(t, SWAT_AT - 0.25, 0.2)
    swipe = _bump(t, SWAT_AT, 0.12)
    after = ease((t - SWAT_AT - 0.1) / 0.4)
    flick = 0.3 * math.sin(TAU * 1.4 * t + phase)
    paw = -0.5 * wind + 1.35 * swipe
    return AnimalPose((paw, 0.05, -0.05, 0.02), 0.5 + flick, -0.3 * eye - 0.4 * after,
                      graze=0.25 * eye + 0.25 * after, pitch=-0.06 * eye + 0.12 * swipe,
                      knee=0.2 * wind)


def _bump(t: float, at: float, half: float) -> float:
    """0 … 1 … 0 once, centred at ``at`` seconds, ``half`` seconds either side."""
    u = abs(t - at) / half
    return 0.5 + 0.5 * math.cos(math.pi * u) if u < 1.0 else 0.0
