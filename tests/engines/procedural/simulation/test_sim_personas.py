"""The cast: personas change bodies, hair and clothes measurably, and casting is deterministic."""

from __future__ import annotations

import numpy as np
from sim_storyboards import one_shot

from openreel.engines.procedural.personas import SKIN_TONES, appear
from openreel.engines.procedural.rigs import all_parts
from openreel.engines.procedural.scene import EntityFrame
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Entity, Persona


def _first(*entities: Entity, seed: int = 1) -> dict[str, EntityFrame]:
    sim = simulate_storyboard(one_shot(*entities, duration=0.5), fps=8, seed=seed)[0]
    return {e.uid: e for e in sim.frames[0].entities}


def _spec(e: EntityFrame, name: str) -> tuple[float, float]:
    part = next(p for p in all_parts(e.archetype, e.size, e.look) if p.name == name)
    return part.w, part.h


def _height(e: EntityFrame) -> float:
    """Top of the head above the floor."""
    head = e.parts["head"]
    return head.y + 0.5 * _spec(e, "head")[1]


def test_a_child_is_shorter_with_a_bigger_head_and_a_baby_shorter_still() -> None:
    f = _first(Entity(id="a", kind="person", persona=Persona(age="adult")),
               Entity(id="c", kind="person", persona=Persona(age="child")),
               Entity(id="b", kind="person", persona=Persona(age="baby")))
    adult, child, baby = f["a"], f["c"], f["b"]
    assert _height(child) < 0.75 * _height(adult)
    assert _height(baby) < 0.65 * _height(child)
    # heads are a bigger share of the body the younger the figure
    shares = [_spec(e, "head")[1] / _height(e) for e in (adult, child, baby)]
    assert shares[0] < shares[1] < shares[2]
    # and everyone stands on the floor
    for e in (adult, child, baby):
        lowest = min(p.y for n, p in e.parts.items() if n.startswith("shin"))
        assert 0.0 < lowest < 0.2 * e.size


def test_a_heavy_build_is_wider_than_a_slim_one_and_an_elder_stoops() -> None:
    # the same gender for both: the build is what differs
    f = _first(Entity(id="slim", kind="person",
                      persona=Persona(build="slim", age="adult", gender="male")),
               Entity(id="heavy", kind="person",
                      persona=Persona(build="heavy", age="adult", gender="male")),
               Entity(id="old", kind="person", persona=Persona(age="elder")))
    assert _spec(f["heavy"], "torso")[0] > 1.4 * _spec(f["slim"], "torso")[0]
    assert _spec(f["heavy"], "thigh_near")[0] > 1.3 * _spec(f["slim"], "thigh_near")[0]
    # the stoop tips the torso forward (towards where the figure faces)
    old = f["old"]
    assert old.parts["torso"].angle * -old.facing > 0.08


def test_hair_and_clothes_follow_the_persona() -> None:
    f = _first(
        Entity(id="w", kind="person", colour="red",
               persona=Persona(gender="female", outfit="dress", hair="gold", skin="#6e4a34")),
        Entity(id="m", kind="person", persona=Persona(gender="male", outfit="suit", age="adult")),
        Entity(id="b", kind="person", persona=Persona(gender="female", outfit="tutu")))
    woman, man, ballerina = f["w"], f["m"], f["b"]
    assert woman.look is not None and man.look is not None and ballerina.look is not None
    assert "skirt" in woman.parts and "skirt" not in man.parts and "skirt" in ballerina.parts
    assert woman.look.top == (222, 53, 53), "the entity's colour is the garment colour"
    assert woman.look.skin == (0x6E, 0x4A, 0x34)
    assert woman.look.hair == (222, 184, 110), "gold hair is blonde, not paint-box gold"
    assert woman.look.hair != man.look.hair or woman.look.hair_style != man.look.hair_style
    assert man.look.outfit == "suit" and man.look.bottom == man.look.top
    # long hair is a part of its own, hanging behind the head
    long = [e for e in f.values() if e.look is not None and e.look.long_hair]
    for e in long:
        assert "hair" in e.parts
        assert (e.parts["hair"].x - e.parts["head"].x) * e.facing < 0, "hair hangs behind"
    assert all("hair" not in e.parts for e in f.values() if e.look and not e.look.long_hair)


def test_kinds_keep_their_identity_unless_the_persona_says_otherwise() -> None:
    rng = np.random.default_rng(0)
    chef = appear(Entity(id="c", kind="chef"), rng)
    knight = appear(Entity(id="k", kind="knight"), rng)
    astronaut = appear(Entity(id="a", kind="astronaut"), rng)
    wizard = appear(Entity(id="w", kind="wizard"), rng)
    assert (chef.outfit, chef.headwear) == ("apron", "chef_hat")
    assert (knight.outfit, knight.headwear) == ("armour", "helmet")
    assert astronaut.headwear == "bubble" and wizard.beard and wizard.age == "elder"
    girl_knight = appear(Entity(id="g", kind="knight", persona=Persona(gender="female",
                                                                       age="child")), rng)
    assert girl_knight.gender == "female" and girl_knight.age == "child"
    assert girl_knight.outfit == "armour"


def test_a_crowd_is_varied_and_the_same_seed_casts_it_the_same() -> None:
    crowd = [Entity(id="p", kind="person", count=8)]
    a = _first(*crowd, seed=4)
    b = _first(*crowd, seed=4)
    c = _first(*crowd, seed=5)
    looks = [e.look for e in a.values()]
    assert looks == [e.look for e in b.values()]
    assert looks != [e.look for e in c.values()]
    assert len({(lk.skin, lk.top, lk.hair_style) for lk in looks if lk}) >= 6
    assert len({lk.gender for lk in looks if lk}) == 2
    assert all(lk is not None and lk.skin in SKIN_TONES for lk in looks)
