"""Who acts with what: partners paired and facing, riders on mounts, hands on props.

Runs inside the layout, after every instance has a starting place. It decides how a
character uses the thing its act names (holds it, stands or sits at it, rides it, eats
it off the floor, or acts with it as a partner), moves the character there, and orders
the instances so each is drawn where it belongs: a mount or a station before its
user, a held prop after the hands that hold it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openreel.engines.procedural.rigs import footprint
from openreel.engines.procedural.simulation.acting_words import (
    ANIMAL_ACTS,
    HUMAN_ACTS,
    SOCIAL,
    choose_variant,
    prop_use,
)
from openreel.spec import Archetype, Motion

if TYPE_CHECKING:
    from openreel.engines.procedural.simulation.layout import Instance

A = Archetype
M = Motion
CHARACTERS = (A.HUMANOID, A.QUADRUPED)
APPROACH = 0.35  # metres each partner walks in before a hug, kiss, handshake or fight
# distance between two partners' roots when they act together, per mean height
CONTACT = {M.HUG: 0.2, M.KISS: 0.25, M.SHAKE_HANDS: 0.5, M.FIGHT: 0.56}
# distance from a station's near edge to the root of the figure using it, per height
STATION_GAP = {"piano": 0.2, "harp": 0.14, "drums": 0.16, "easel": 0.34, "chess": 0.16,
               "window": 0.3, "groom": 0.08, "grill": 0.14, "iron": -0.3, "sandcastle": 0.3}
ON_DECK = 0.12  # a runner on a treadmill stands this far (per its length) behind its middle
ON_STATION = (M.SIT, M.SLEEP)  # acts done on the station itself (a chair, a bed)
SHARED_SEATS = frozenset({"bench", "sofa"})


@dataclass(slots=True)
class Staging:
    """How one character performs its act in this shot."""

    motion: Motion  # the act (a partner answers a hug with a hug)
    variant: str = ""  # which form of it: "piano", "broom", "tai_chi" …
    prop: str | None = None  # uid of the thing acted with
    use: str | None = None  # held | station | mount | ground (food at an animal's feet) | ball
    partner: str | None = None  # uid of the other character of a pair
    lead: bool = True  # the first of a pair; the other mirrors its timing
    ridden_by: str | None = None  # on a mount: uid of its rider
    approach: float = 0.0  # metres to walk in before acting together


def stage(instances: list[Instance], width: float) -> list[Instance]:
    """Stage every acting character and return the instances in drawing order."""
    groups: dict[str, list[Instance]] = {}
    for inst in instances:
        groups.setdefault(inst.group, []).append(inst)
    for inst in instances:
        if _acts(inst) and inst.staging is None:
            _cast(inst, groups)
    for inst in instances:
        st = inst.staging
        if st is None or st.ridden_by is not None or inst.archetype is not A.HUMANOID:
            continue
        if st.motion in SOCIAL and st.partner is None:
            _pair(inst, instances)
    for inst in instances:
        st = inst.staging
        if st is None or st.ridden_by is not None:
            continue
        prop = _find(instances, st.prop)
        if st.partner is not None and st.lead:
            _face_partners(inst, _find(instances, st.partner), width)
        elif prop is not None and st.use == "station":
            _to_station(inst, prop, st)
        elif prop is not None and st.use == "mount":
            _mount(inst, prop)
        elif prop is not None and st.use == "ground":
            prop.x = inst.x + inst.facing * (0.66 * inst.size + 0.4 * _width(prop))
        elif prop is not None and st.use == "held":
            prop.x, prop.depth = inst.x, inst.depth
    return _drawing_order(instances)


def _acts(inst: Instance) -> bool:
    if inst.archetype is A.HUMANOID:
        return inst.motion in HUMAN_ACTS
    return inst.archetype is A.QUADRUPED and inst.motion in ANIMAL_ACTS


def _cast(inst: Instance, groups: dict[str, list[Instance]]) -> None:
    """Choose the act's form and how it uses its object."""
    e = inst.entity
    things = groups.get(e.object or "", [])
    thing = things[min(inst.index, len(things) - 1)] if things else None
    variant = choose_variant(inst.motion, e, thing.entity if thing else None)
    st = Staging(inst.motion, variant)
    if thing is not None and thing.staging is None:
        h = footprint(thing.archetype, thing.size, thing.kind)[1]
        st.prop = thing.uid
        st.use = prop_use(inst.motion, variant, thing.entity, thing.archetype, h, inst.size)
        if inst.archetype is A.QUADRUPED:
            st.use = "ground" if inst.motion in (M.EAT, M.DRINK) else "ball"
        elif st.use == "partner":
            st.partner, st.prop = thing.uid, None
            if thing.archetype is A.HUMANOID:
                thing.staging = Staging(inst.motion, variant, partner=inst.uid, lead=False)
    inst.staging = st


def _pair(inst: Instance, instances: list[Instance]) -> None:
    """Find a partner for a social act: a twin of the group, a fellow actor, anyone."""
    others = [o for o in instances if o is not inst and o.archetype in CHARACTERS and (
        o.staging is None or o.staging.partner is None)]
    if not others:
        return
    st = inst.staging
    assert st is not None
    twins = [o for o in others if o.group == inst.group]
    same = [o for o in others if o.staging is not None and o.staging.motion is st.motion]
    partner = (twins or same or sorted(others, key=lambda o: abs(o.x - inst.x)))[0]
    st.partner = partner.uid
    if partner.archetype is A.HUMANOID:
        theirs = partner.staging
        partner.staging = Staging(st.motion, st.variant if theirs is None else theirs.variant,
                                  prop=None if theirs is None else theirs.prop,
                                  use=None if theirs is None else theirs.use,
                                  partner=inst.uid, lead=False)


def _face_partners(a: Instance, b: Instance | None, width: float) -> None:
    """Put two partners either side of their midpoint, facing each other, a walk apart."""
    if b is None:
        return
    st = a.staging
    assert st is not None
    mid = 0.5 * (a.x + b.x)
    gap = CONTACT.get(st.motion, 0.5) * 0.5 * (a.size + b.size)
    if b.archetype is A.QUADRUPED:
        gap = 0.2 * a.size + 0.55 * _width(b)
    mid = min(max(mid, 0.15 * width + gap), 0.85 * width - gap)
    left, right = (a, b) if a.x <= b.x else (b, a)
    left.x, right.x = mid - gap / 2, mid + gap / 2
    left.facing, right.facing = 1, -1
    for who in (a, b):
        if who.staging is not None and who.archetype is A.HUMANOID:
            who.staging.approach = APPROACH


def _to_station(inst: Instance, station: Instance, st: Staging) -> None:
    """Stand (or sit) at a station, facing it; sit or lie on it for sitting and sleeping."""
    if st.motion in ON_STATION:
        inst.x = station.x
        if station.kind in SHARED_SEATS:
            # a bench or a sofa seats several side by side, turned to one another
            k = int(station.extra.get("seated", 0.0))
            station.extra["seated"] = k + 1.0
            inst.x += (-0.22, 0.22, 0.0)[k % 3] * _width(station)
            inst.facing = (1, -1, 1)[k % 3]
        return
    side = 1 if inst.x <= station.x else -1
    if inst.entity.count > 1:
        side = 1 if inst.index % 2 == 0 else -1  # several share it: they face each other
    if st.variant == "treadmill":  # on its deck, facing its console
        inst.x, inst.depth = station.x - side * ON_DECK * _width(station), station.depth
        inst.facing = station.facing = side
        return
    if st.motion is M.CLIMB:
        inst.x = station.x - side * 0.12 * inst.size
    else:
        gap = STATION_GAP.get(st.variant, 0.12) * inst.size
        inst.x = station.x - side * (0.5 * _width(station) + gap)
    inst.facing = side
    inst.depth = station.depth


def _mount(rider: Instance, mount: Instance) -> None:
    """Sit the rider on its mount and set the mount going."""
    rider.x = mount.x
    rider.depth = mount.depth
    moving = {A.VEHICLE: M.DRIVE, A.QUADRUPED: M.WALK, A.BOAT: M.DRIVE}
    if mount.archetype in moving and mount.entity.motion in (M.IDLE, M.RIDE):
        mount.entity = mount.entity.model_copy(update={"motion": moving[mount.archetype]})
    mount.staging = Staging(M.RIDE, "mounted", ridden_by=rider.uid)


def _drawing_order(instances: list[Instance]) -> list[Instance]:
    """Stations and mounts just before their users; held props, and food at an animal's
    mouth, just after them."""
    order = list(instances)
    for inst in instances:
        st = inst.staging
        prop = _find(order, st.prop) if st is not None else None
        if st is None or prop is None:
            continue
        order.remove(prop)
        at = order.index(inst)
        order.insert(at + 1 if st.use in ("held", "ground") else at, prop)
    for inst in instances:  # a ball caught ends in the catcher's hands: drawn over them
        ball = next((i for i in order if i.group == inst.entity.object), None) if (
            inst.motion is M.CATCH and inst.archetype is A.HUMANOID) else None
        if ball is not None and order.index(ball) < order.index(inst):
            order.remove(ball)
            order.insert(order.index(inst) + 1, ball)
    return order


def _find(instances: list[Instance], uid: str | None) -> Instance | None:
    return next((i for i in instances if i.uid == uid), None) if uid else None


def _width(inst: Instance) -> float:
    return footprint(inst.archetype, inst.size, inst.kind)[0]
