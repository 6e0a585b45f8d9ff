"""Acts with a tool: cutting, cleaning, brushing and digging."""

from __future__ import annotations

import math

from openreel.engines.procedural.simulation.act import (
    Act,
    Cue,
    Face,
    ease,
    floor,
    loop,
    osc,
    pulse,
    standing,
)
from openreel.engines.procedural.simulation.acts.tasks import Gear, along, held, long_axis
from openreel.engines.procedural.simulation.poses import HumanoidJoints
from openreel.engines.procedural.simulation.reach import arm_to, hand_at, mouth, shoulder


def _counter(c: Cue, j: HumanoidJoints, default: float = 0.5) -> float:
    """Local height of the counter or table in front of a standing figure."""
    base = floor(j, c)
    if c.prop is not None and c.prop.use == "station":
        return base + min(max(c.prop.top, 0.3 * c.size), 0.7 * c.size)
    return base + default * c.size


def cut(c: Cue) -> Act:
    """Chopping on a board, peeling in the hand, shaving, clipping nails, sharpening."""
    s, b = c.size, c.body
    v = c.variant
    period = {"peel": 1.2, "nails": 0.8, "sharpen": 0.9, "hair": 0.6, "shave": 1.0}.get(v, 0.4)
    j = standing(c.t, c.phase, period)
    sh = shoulder(s, j, b)
    if v == "shave":
        j.head = 0.3
        m = mouth(s, j, b)
        stroke = (c.t % 1.0) / 1.0
        arm_to(j, "near", (m[0] - 0.02 * s, m[1] + 0.07 * s - 0.1 * s * ease(stroke)), s, b)
        hx, hy = hand_at(j, "near", s, b)
        return Act(j, gear={"razor": (hx, hy, -2.6)}, period=loop(period), face=Face(squint=0.3))
    if v in ("peel", "nails", "sharpen", "hair"):
        j.head = -0.35 if v != "hair" else 0.1
        centre = (sh[0] + 0.2 * s, sh[1] - 0.2 * s) if v != "hair" else (
            sh[0] + 0.02 * s, sh[1] + 0.22 * s)
        a = 2 * math.pi * c.t / period
        if v == "hair":
            arm_to(j, "far", (centre[0] - 0.06 * s, centre[1] - 0.02 * s), s, b)
            arm_to(j, "near", (centre[0] + 0.04 * s, centre[1] + 0.02 * s * math.sin(a)), s, b)
        else:
            arm_to(j, "far", centre, s, b)
            sweep = math.sin(a) if v != "nails" else 0.3 * math.sin(a)
            arm_to(j, "near", (centre[0] + 0.05 * s * math.cos(a), centre[1] + 0.05 * s *
                               sweep), s, b)
        hx, hy = hand_at(j, "near", s, b)
        tool = {"peel": "knife", "nails": "clippers", "sharpen": "knife", "hair": "scissors"}[v]
        gear: Gear = {tool: (hx, hy, -1.3)}
        if v == "sharpen":  # the knife (held when it was given) drawn along the steel
            steel: Gear = {"steel": (*hand_at(j, "far", s, b), -0.6)}
            return held(c, "knife", (hx, hy), 1.3, ("near",), j, loop(period),
                        Face(squint=0.3), gear=steel)
        name = "apple" if v == "peel" else "hand"
        return held(c, name, hand_at(j, "far", s, b), 0.0, ("far",), j, loop(period),
                    Face(squint=0.3), gear=gear) if v == "peel" else Act(
            j, gear=gear, period=loop(period), face=Face(squint=0.3))
    j.lean, j.head = -0.15, -0.45
    top = _counter(c, j)
    chop = pulse(c.t, period, 0.5, 0.5)
    board = (sh[0] + 0.3 * s, top)
    w = c.prop.w if c.prop is not None and c.prop.use == "held" else 0.1 * s
    h = c.prop.h if c.prop is not None and c.prop.use == "held" else 0.1 * s
    food = (board[0] - 0.02 * s, top + 0.02 * s + 0.5 * h)
    arm_to(j, "far", (food[0] - 0.3 * w, food[1] + 0.2 * h), s, b)
    knife = (food[0] + 0.5 * w + 0.04 * s, food[1] + 0.5 * h + 0.02 * s + 0.1 * s * chop)
    arm_to(j, "near", knife, s, b)
    hx, hy = hand_at(j, "near", s, b)
    gear = {"knife": (hx, hy, -1.5), "board": (board[0], top, 0.0)}
    if c.prop is None or c.prop.use == "station":
        gear["veg"] = (food[0], food[1], 0.0)
    if c.prop is None:
        gear["counter"] = (board[0], top, 0.0)
    grip = (food[0], food[1], 0.0) if c.prop is not None and c.prop.use == "held" else None
    return Act(j, gear=gear, grip=grip, period=loop(period), holding=("far",) if grip else (),
               face=Face(squint=0.2))


def clean(c: Cue) -> Act:
    """Sweeping, mopping, washing up, wiping a window, ironing, folding, washing hands."""
    v = c.variant
    if v in ("sweep", "mop"):
        return _sweep(c)
    if v == "shower":
        return _shower(c)
    s, b = c.size, c.body
    period = {"dishes": 1.0, "iron": 1.4, "fold": 2.6, "hands": 0.7, "wipe": 1.1,
              "window": 1.3}.get(v, 1.1)
    j = standing(c.t, c.phase, period)
    j.lean, j.head = -0.1, -0.35
    sh = shoulder(s, j, b)
    gear: Gear = {}
    if v == "window":
        j.head = 0.15
        a = 2 * math.pi * c.t / period
        pane = (sh[0] + 0.32 * s, sh[1] + 0.1 * s)
        arm_to(j, "near", (pane[0] + 0.06 * s * math.cos(a), pane[1] + 0.08 * s * math.sin(a)),
               s, b)
        gear["cloth"] = (*hand_at(j, "near", s, b), 0.0)
        if c.prop is None:
            gear["window"] = (pane[0] - 0.02 * s, pane[1], 0.0)
        return Act(j, gear=gear, period=loop(period), face=Face(smile=0.3))
    top = _counter(c, j, 0.5 if v != "iron" else 0.48)
    spot = (sh[0] + 0.28 * s, top + 0.03 * s)
    a = 2 * math.pi * c.t / period
    if v == "fold":
        k = pulse(c.t, period, 0.5, 0.45)
        arm_to(j, "near", (spot[0] + 0.1 * s - 0.14 * s * k, spot[1] + 0.12 * s * math.sin(
            math.pi * k)), s, b)
        arm_to(j, "far", (spot[0] - 0.08 * s, spot[1]), s, b)
        gear["shirt"] = (spot[0], top, 0.0)
    elif v == "iron":
        glide = osc(c.t, period)
        arm_to(j, "near", (spot[0] + 0.1 * s * glide, spot[1] + 0.03 * s), s, b)
        arm_to(j, "far", (spot[0] - 0.14 * s, spot[1]), s, b)
        gear["iron"] = (*hand_at(j, "near", s, b), 0.0)
        if c.prop is None:
            gear["ironing_board"] = (spot[0], top, 0.0)
    else:
        arm_to(j, "near", (spot[0] + 0.05 * s * math.cos(a), spot[1] + 0.03 * s * math.sin(a)),
               s, b)
        arm_to(j, "far", (spot[0] - 0.04 * s * math.cos(a), spot[1] - 0.02 * s * math.sin(a)),
               s, b)
        gear["sponge" if v != "hands" else "bubbles"] = (*hand_at(j, "near", s, b), 0.0)
        if v == "dishes":
            gear["plate"] = (*hand_at(j, "far", s, b), 0.3)
    if c.prop is None and v in ("dishes", "hands"):
        gear["sink"] = (spot[0], top, 0.0)
    elif c.prop is None and v in ("wipe", "fold"):
        gear["counter"] = (spot[0], top, 0.0)
    return Act(j, gear=gear, period=loop(period), face=Face(smile=0.2))


def _shower(c: Cue) -> Act:
    """Face up into the spray, eyes shut, both hands lathering the hair in circles."""
    s, b = c.size, c.body
    period = 1.2
    a = 2 * math.pi * c.t / period
    j = standing(c.t, c.phase, period)
    j.head = 0.35
    m = mouth(s, j, b)
    crown = (m[0] - 0.05 * s, m[1] + 0.14 * s)
    arm_to(j, "near", (crown[0] + 0.05 * s * math.cos(a), crown[1] + 0.03 * s * math.sin(a)),
           s, b)
    arm_to(j, "far", (crown[0] - 0.05 * s * math.cos(a), crown[1] - 0.03 * s * math.sin(a)),
           s, b)
    hand = hand_at(j, "near", s, b)
    gear: Gear = {"bubbles": (crown[0], crown[1] + 0.02 * s, 0.0)}
    return held(c, "sponge", hand, 0.0, ("near",), j, loop(period), Face(smile=0.4, squint=1.0),
                gear=gear)


def _sweep(c: Cue) -> Act:
    s, b = c.size, c.body
    period = 1.3
    sweep = osc(c.t, period)
    j = standing(c.t, c.phase, period)
    j.lean, j.head = -0.22, -0.3
    fy = floor(j, c)
    length = long_axis(c, 0.75)
    axis = 2.75 + 0.22 * sweep  # bristles on the floor ahead, handle up to the hands
    foot = (0.3 * s + 0.12 * s * sweep, fy)
    centre = along(foot, axis, -0.5 * length)
    arm_to(j, "near", along(foot, axis, -0.55 * length), s, b)
    arm_to(j, "far", along(foot, axis, -0.85 * length), s, b)
    name = "mop" if c.variant == "mop" else "broom"
    return held(c, name, centre, axis - math.pi, ("near", "far"), j, loop(period),
                Face(smile=0.1))


def brush(c: Cue) -> Act:
    """Brushing teeth, brushing hair, or grooming an animal's coat."""
    s, b = c.size, c.body
    period = {"groom": 1.2, "hair": 1.4}.get(c.variant, 0.22)
    j = standing(c.t, c.phase, period)
    gear: Gear = {}
    if c.variant == "groom":
        j.lean, j.head = -0.5, -0.3
        j.hip_near, j.knee_near, j.hip_far, j.knee_far = 0.7, 1.2, 0.5, 1.1
        fy = floor(j, c)
        back = fy + (c.prop.top if c.prop is not None else 0.45 * s) + 0.02 * s
        stroke = (c.t % period) / period
        arm_to(j, "near", (0.3 * s + 0.25 * s * ease(stroke), back + 0.04 * s * (1 - stroke)),
               s, b)
        arm_to(j, "far", (0.28 * s, back), s, b)
        gear["brush"] = (*hand_at(j, "near", s, b), 0.0)
        return Act(j, gear=gear, period=loop(period), face=Face(smile=0.7))
    m = mouth(s, j, b)
    if c.variant == "hair":
        j.head = 0.1
        stroke = ease((c.t % period) / period)
        top = (m[0] - 0.12 * s, m[1] + 0.19 * s)
        arm_to(j, "near", (top[0] - 0.06 * s * stroke, top[1] - 0.14 * s * stroke), s, b)
        gear["hairbrush"] = (*hand_at(j, "near", s, b), -2.0)
        return held(c, "hairbrush", hand_at(j, "near", s, b), -2.0, ("near",), j, loop(period),
                    Face(smile=0.2))
    scrub = osc(c.t, period)
    arm_to(j, "near", (m[0] + 0.03 * s, m[1] - 0.035 * s + 0.012 * s * scrub), s, b)
    hx, hy = hand_at(j, "near", s, b)
    return held(c, "toothbrush", (hx, hy), 0.0, ("near",), j, loop(period),
                Face(mouth=0.25, squint=0.2))


def dig(c: Cue) -> Act:
    """Shovel in, foot on the blade, lever, lift and toss; or kneel and plant a sapling."""
    s, b = c.size, c.body
    if c.variant in ("plant", "sandcastle"):
        period = 3.0
        pat = abs(osc(c.t, 0.5))
        j = HumanoidJoints(lean=-0.55, head=0.2, hip_near=1.7, knee_near=2.4, hip_far=0.1,
                           knee_far=1.6)
        fy = floor(j, c)
        spot = (0.42 * s, fy + 0.02 * s)
        if c.variant == "sandcastle" and c.prop is not None:
            # patting the castle's near wall into shape, half way up
            spot = (min(c.prop.gap + 0.05 * s, 0.45 * s), fy + 0.45 * c.prop.top)
            arm_to(j, "near", (spot[0] - 0.02 * s, spot[1] + 0.05 * s * pat), s, b)
            arm_to(j, "far", (spot[0] + 0.01 * s, spot[1] + 0.05 * s * (1 - pat)), s, b)
            return Act(j, support="lowest", period=period, face=Face(smile=0.6))
        arm_to(j, "near", (spot[0] - 0.05 * s, spot[1] + 0.05 * s * pat), s, b)
        arm_to(j, "far", (spot[0] + 0.05 * s, spot[1] + 0.05 * s * (1 - pat)), s, b)
        gear: Gear = {"mound": (spot[0], fy, 0.0)}
        if c.prop is None:
            gear["sapling"] = (spot[0], fy, 0.0)
        return Act(j, support="lowest", gear=gear, period=period, face=Face(smile=0.5))
    period = 2.4
    u = (c.t / period) % 1.0
    push = pulse(c.t, period, 0.15, 0.15)
    lift = ease((u - 0.3) / 0.25) - ease((u - 0.75) / 0.2)
    j = standing(c.t, c.phase, period)
    j.lean, j.head = -0.35 - 0.25 * lift, -0.2
    j.hip_near, j.knee_near = 0.35 + 0.45 * push, 0.2 + 0.9 * push
    fy = floor(j, c)
    length = long_axis(c, 0.95)
    blade = (0.42 * s, fy + 0.02 * s + 0.3 * s * lift)
    axis = 2.55 + 0.35 * lift - 0.6 * pulse(c.t, period, 0.62, 0.08)
    centre = along(blade, axis, -0.5 * length)
    arm_to(j, "near", along(blade, axis, -0.5 * length), s, b)
    arm_to(j, "far", along(blade, axis, -0.85 * length), s, b)
    gear = {"mound": (0.5 * s, fy, 0.0)}
    return held(c, "shovel", centre, axis - math.pi, ("near", "far"), j, loop(period),
                Face(smile=-0.1, squint=0.3 * lift), gear=gear)
