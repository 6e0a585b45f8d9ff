"""Who a character looks like: a storyboard Persona resolved into body, colours and clothes.

The director may say only "a woman" or nothing at all; this module fills in the rest
(age, build, skin, hair, outfit) deterministically from a random generator, so the same
seed always casts the same people and a crowd never looks cloned. Kinds with an
identity (chef, knight, astronaut, wizard, dancer, athlete, robot, alien, zombie) keep
it: their outfit and headwear come from the kind unless the persona overrides them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from openreel.spec import COLOURS, KINDS, Entity, Persona

RGB = tuple[int, int, int]

# Natural skin tones, light to deep.
SKIN_TONES: tuple[RGB, ...] = ((255, 226, 200), (244, 200, 166), (228, 178, 136),
                               (204, 148, 104), (168, 112, 74), (128, 84, 56), (94, 62, 44))
HAIR_TONES: dict[str, RGB] = {"black": (34, 28, 28), "dark": (62, 42, 32),
                              "brown": (110, 72, 44), "auburn": (146, 66, 38),
                              "blonde": (222, 184, 110), "red": (196, 92, 44)}
GREY_HAIR: tuple[RGB, ...] = ((200, 200, 204), (232, 232, 236), (150, 148, 150))
# Pleasant garment colours for people whose clothes nobody described.
GARMENTS: tuple[RGB, ...] = ((52, 104, 196), (206, 64, 70), (62, 150, 96), (240, 180, 60),
                             (132, 84, 176), (236, 130, 160), (60, 170, 180), (236, 236, 230),
                             (44, 48, 60), (214, 120, 60))
TROUSERS: tuple[RGB, ...] = ((52, 70, 110), (46, 48, 58), (150, 126, 92), (70, 84, 72),
                             (92, 112, 150))
SHOES: tuple[RGB, ...] = ((40, 36, 40), (96, 60, 40), (236, 236, 236))
# Words that name what someone wears, mapped onto the outfits the renderer draws.
OUTFIT_WORDS: dict[str, str] = {
    "dress": "dress", "gown": "dress", "sundress": "dress", "skirt": "skirt",
    "suit": "suit", "tuxedo": "suit", "blazer": "suit", "coat": "coat", "jacket": "coat",
    "raincoat": "coat", "trench coat": "coat", "t-shirt": "tshirt", "tshirt": "tshirt",
    "tee": "tshirt", "shirt": "shirt", "blouse": "shirt", "sweater": "shirt",
    "uniform": "uniform", "apron": "apron", "jersey": "jersey", "sportswear": "jersey",
    "tracksuit": "jersey", "hoodie": "hoodie", "robe": "robe", "cloak": "robe",
    "tutu": "tutu", "leotard": "tutu", "armour": "armour", "armor": "armour",
    "spacesuit": "spacesuit", "space suit": "spacesuit", "pyjamas": "shirt",
    "pajamas": "shirt", "overalls": "uniform", "scrubs": "uniform",
}


@dataclass(frozen=True, slots=True)
class Proportions:
    """A body's measures as fractions of its height (the root is the torso centre)."""

    head: float = 0.20  # head diameter
    neck: float = 0.16  # root → base of the head, along the spine
    shoulder: float = 0.13  # root → shoulder joints
    hip: float = 0.15  # root → hip joints, downwards
    thigh: float = 0.24
    shin: float = 0.25
    upper_arm: float = 0.18
    forearm: float = 0.17
    torso_w: float = 0.20
    limb_w: float = 1.0  # scale on limb thickness
    stoop: float = 0.0  # a forward lean the figure always carries (elders), radians

    @property
    def torso_h(self) -> float:
        """Length of the torso from hips to the base of the head."""
        return self.neck + self.hip + 0.01

    @property
    def leg(self) -> float:
        """Hip to sole, standing straight."""
        return self.thigh + self.shin


ADULT = Proportions()
_AGES: dict[str, Proportions] = {
    "baby": Proportions(head=0.30, neck=0.1, shoulder=0.08, hip=0.14, thigh=0.2, shin=0.19,
                        upper_arm=0.15, forearm=0.14, torso_w=0.25, limb_w=1.25),
    "child": Proportions(head=0.25, neck=0.12, shoulder=0.095, hip=0.14, thigh=0.23,
                         shin=0.24, upper_arm=0.165, forearm=0.155, torso_w=0.21, limb_w=1.05),
    "teen": Proportions(head=0.21, neck=0.15, shoulder=0.12, torso_w=0.19, limb_w=0.92),
    "adult": ADULT,
    "elder": Proportions(stoop=0.14),
}
_BUILD_W = {"slim": (0.84, 0.84), "average": (1.0, 1.0), "heavy": (1.34, 1.3)}
HEIGHTS: dict[tuple[str, str | None], float] = {
    ("baby", None): 0.75, ("child", None): 1.2, ("teen", None): 1.62,
    ("adult", "female"): 1.66, ("adult", "male"): 1.78, ("elder", "female"): 1.6,
    ("elder", "male"): 1.7}


@dataclass(frozen=True, slots=True)
class Appearance:
    """A character as the renderer draws it: proportions, colours, hair, clothes, headwear."""

    gender: str  # "female" | "male" | "none" (robots, snowmen)
    age: str  # baby | child | teen | adult | elder
    build: str  # slim | average | heavy
    skin: RGB
    hair: RGB
    hair_style: str  # short | crop | curly | long | ponytail | bun | bald | none
    beard: bool
    outfit: str  # tshirt | shirt | suit | dress | skirt | coat | uniform | apron | jersey |
    # hoodie | robe | tutu | armour | spacesuit | metal | snow | rags
    top: RGB  # the garment colour
    bottom: RGB  # trousers, skirt or shorts
    shoes: RGB
    headwear: str  # none | chef_hat | helmet | wizard_hat | cap | bubble | antenna | antennae |
    # top_hat
    body: Proportions = ADULT
    face: str | None = None  # a cameo's frontal face photograph, worn on the head

    @property
    def long_hair(self) -> bool:
        """Whether hair falls past the head (drawn as its own part behind the shoulders)."""
        return self.hair_style in ("long", "ponytail")

    @property
    def skirted(self) -> bool:
        """Whether the figure wears something that flares over the thighs."""
        return self.outfit in ("dress", "skirt", "robe", "tutu", "coat")


@dataclass(frozen=True, slots=True)
class Identity:
    """What a kind of character always looks like unless its persona says otherwise."""

    outfit: str | None = None
    headwear: str = "none"
    top: RGB | None = None
    skin: RGB | None = None
    hair_style: str | None = None
    gender: str | None = None
    age: str | None = None
    build: str | None = None
    beard: bool | None = None


PLAIN = Appearance("male", "adult", "average", (240, 198, 160), (60, 40, 30), "short", False,
                   "shirt", (52, 104, 196), (58, 66, 92), (40, 36, 40), "none", ADULT)
"""The look of a figure nobody cast (frames built outside the simulation)."""

_IDENTITY: dict[str, Identity] = {
    "chef": Identity(outfit="apron", headwear="chef_hat", top=(246, 246, 244)),
    "knight": Identity(outfit="armour", headwear="helmet", top=(186, 192, 204),
                       hair_style="none"),
    "astronaut": Identity(outfit="spacesuit", headwear="bubble", top=(238, 238, 242)),
    "wizard": Identity(outfit="robe", headwear="wizard_hat", age="elder", gender="male",
                       beard=True),
    "dancer": Identity(outfit="tutu", gender="female", hair_style="bun"),
    "athlete": Identity(outfit="jersey", build="slim"),
    "child": Identity(age="child"),
    "robot": Identity(outfit="metal", headwear="antenna", hair_style="none", gender="none",
                      skin=(200, 206, 216), beard=False),
    "alien": Identity(outfit="uniform", headwear="antennae", hair_style="none",
                      skin=(132, 204, 120), beard=False),
    "zombie": Identity(outfit="rags", skin=(150, 176, 128), beard=False),
    "snowman": Identity(outfit="snow", headwear="top_hat", hair_style="none", gender="none",
                        skin=(246, 246, 250), beard=False),
}
_NOBODY = Identity()


# colour words said of hair and skin mean natural tones, not the paint-box colour
HAIR_WORDS: dict[str, RGB] = {"black": HAIR_TONES["black"], "brown": HAIR_TONES["brown"],
                              "red": HAIR_TONES["red"], "orange": HAIR_TONES["red"],
                              "gold": HAIR_TONES["blonde"], "yellow": HAIR_TONES["blonde"],
                              "tan": HAIR_TONES["blonde"], "grey": GREY_HAIR[0],
                              "silver": GREY_HAIR[0], "white": GREY_HAIR[1]}
SKIN_WORDS: dict[str, RGB] = {"white": SKIN_TONES[0], "cream": SKIN_TONES[0],
                              "pink": SKIN_TONES[1], "tan": SKIN_TONES[3],
                              "brown": SKIN_TONES[4], "black": SKIN_TONES[6]}


def rgb_of(name: str | None) -> RGB | None:
    """A colour name or #rrggbb as RGB (None stays None)."""
    if name is None:
        return None
    if name.startswith("#"):
        return int(name[1:3], 16), int(name[3:5], 16), int(name[5:7], 16)
    return COLOURS[name].rgb


def outfit_of(word: str | None) -> str | None:
    """The drawn outfit a word names (None when the word names none we know)."""
    if word is None:
        return None
    w = word.lower().strip()
    if w in OUTFIT_WORDS:
        return OUTFIT_WORDS[w]
    for key, outfit in OUTFIT_WORDS.items():
        if key in w.split() or w.endswith(key):
            return outfit
    return None


def _pick(rng: np.random.Generator, options: tuple[str, ...], weights: tuple[float, ...]) -> str:
    p = np.asarray(weights, float)
    return str(options[int(rng.choice(len(options), p=p / p.sum()))])


def _pick_rgb(rng: np.random.Generator, options: tuple[RGB, ...]) -> RGB:
    return options[int(rng.integers(len(options)))]


def appear(entity: Entity, rng: np.random.Generator) -> Appearance:
    """The look of a humanoid entity: its persona where given, plausible choices elsewhere."""
    p = entity.persona or Persona()
    who = _IDENTITY.get(entity.kind, _NOBODY)
    gender = p.gender.value if p.gender else (who.gender or _pick(rng, ("female", "male"),
                                                                  (1, 1)))
    age = p.age.value if p.age else (who.age or _pick(rng, ("adult", "teen", "elder"),
                                                      (0.76, 0.1, 0.14)))
    build = p.build.value if p.build else (who.build or _pick(
        rng, ("average", "slim", "heavy"), (0.6, 0.25, 0.15)))
    skin = SKIN_WORDS.get(p.skin or "") or rgb_of(p.skin) or who.skin or _pick_rgb(
        rng, SKIN_TONES)
    grey = age == "elder" and rng.random() < 0.75
    hair = HAIR_WORDS.get(p.hair or "") or rgb_of(p.hair) or (
        _pick_rgb(rng, GREY_HAIR) if grey else HAIR_TONES[_pick(
        rng, tuple(HAIR_TONES), (3, 3, 3, 1, 2, 1))])
    style = who.hair_style or _hair_style(rng, gender, age)
    if p.hair is not None and style == "bald":
        style = "short"  # a named hair colour means there is hair to colour
    chance = 0.45 if age == "elder" else 0.22
    beard = who.beard if who.beard is not None else (
        gender == "male" and age in ("adult", "elder") and bool(rng.random() < chance))
    outfit = outfit_of(p.outfit) or who.outfit or _everyday(rng, gender, age)
    kind_colour = rgb_of(KINDS[entity.kind].colour) if who.outfit is not None else None
    top = rgb_of(entity.colour) or who.top or kind_colour or _pick_rgb(rng, GARMENTS)
    bottom = _bottom(rng, outfit, top)
    shoes = (250, 236, 240) if outfit == "tutu" else _pick_rgb(rng, SHOES)
    headwear = who.headwear
    if outfit == "uniform" and headwear == "none":
        headwear = "cap"
    return Appearance(gender, age, build, skin, hair, style, beard, outfit, top, bottom, shoes,
                      headwear, _body(age, build, gender))


def height_of(look: Appearance) -> float:
    """A typical standing height (m) for someone of this age and gender."""
    young = look.age in ("baby", "child", "teen")
    return HEIGHTS[(look.age, None if young else
                    ("female" if look.gender == "female" else "male"))]


def _hair_style(rng: np.random.Generator, gender: str, age: str) -> str:
    if age == "baby":
        return "crop"
    if gender == "female":
        return _pick(rng, ("long", "ponytail", "bun", "short", "curly"), (4, 3, 2, 2, 1))
    if age == "elder" and rng.random() < 0.45:
        return "bald"
    return _pick(rng, ("short", "crop", "curly"), (5, 3, 2))


def _everyday(rng: np.random.Generator, gender: str, age: str) -> str:
    if age == "baby":
        return "tshirt"
    if gender == "female":
        return _pick(rng, ("dress", "skirt", "tshirt", "shirt", "hoodie", "coat"),
                     (3, 2, 2, 2, 1, 1))
    return _pick(rng, ("tshirt", "shirt", "hoodie", "coat", "suit"), (3, 3, 2, 1, 1))


def _bottom(rng: np.random.Generator, outfit: str, top: RGB) -> RGB:
    if outfit in ("dress", "robe", "tutu", "suit", "uniform", "armour", "spacesuit", "metal",
                  "snow"):
        return top
    if outfit == "jersey":
        return (240, 240, 240) if sum(top) < 420 else (40, 44, 60)
    if outfit == "skirt":
        return _pick_rgb(rng, ((40, 44, 60), (150, 60, 70), (60, 80, 140), (90, 120, 80)))
    return _pick_rgb(rng, TROUSERS)


def _body(age: str, build: str, gender: str) -> Proportions:
    base = _AGES[age]
    width, limbs = _BUILD_W[build]
    if gender == "female" and age not in ("baby", "child"):
        width, limbs = width * 0.92, limbs * 0.9
    return Proportions(head=base.head, neck=base.neck, shoulder=base.shoulder, hip=base.hip,
                       thigh=base.thigh, shin=base.shin, upper_arm=base.upper_arm,
                       forearm=base.forearm, torso_w=base.torso_w * width,
                       limb_w=base.limb_w * limbs, stoop=base.stoop)
