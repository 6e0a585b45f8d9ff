"""Which artwork draws each kind, and which way that artwork looks.

Most things come from Fluent Emoji (Microsoft, MIT), a few from Noto Emoji (Google,
Apache-2.0) where Fluent has none or Noto's reads better, and the rest from the
``drawn/`` folder: things neither set has, or has in a form that hides what names
them (both emoji bicycles have solid or pale wheels that outweigh the paint of the
frame, so a red bicycle would not read red), drawn in the same language (soft
gradients, rounded forms, a gentle highlight). Kinds missing here keep their
hand-built rigs (people, and animals whose artwork is only a face).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Source = Literal["fluent", "noto", "drawn"]


@dataclass(frozen=True, slots=True)
class Icon:
    """One piece of artwork."""

    name: str  # the icon's name in its set (or the file stem under drawn/)
    source: Source
    facing: int = 0  # which way the thing looks as drawn: -1 left, +1 right, 0 neither
    turn: float = 0.0  # degrees (counter-clockwise) that stand the drawn thing level/upright

    @property
    def key(self) -> str:
        """The icon's unique name in the generated library."""
        return f"{self.source}:{self.name}"


def _f(name: str, facing: int = 0, turn: float = 0.0) -> Icon:
    return Icon(name, "fluent", facing, turn)


def _n(name: str, facing: int = 0, turn: float = 0.0) -> Icon:
    return Icon(name, "noto", facing, turn)


def _d(name: str, facing: int = 0) -> Icon:
    return Icon(name, "drawn", facing)


L, R = -1, 1
ICONS: dict[str, Icon] = {
    # animals
    "dog": _f("dog", L), "cat": _f("cat", L), "horse": _f("horse", L), "cow": _f("cow", L),
    "pig": _f("pig", L), "sheep": _f("ewe", L), "elephant": _f("elephant", L),
    "rabbit": _f("rabbit", L), "mouse": _f("mouse", L), "squirrel": _f("chipmunk", L),
    "dinosaur": _f("t-rex", L),
    "dragon": _n("dragon", L), "frog": _f("frog"), "zebra": _f("zebra", L),
    "giraffe": _f("giraffe", L), "tiger": _f("tiger", L), "leopard": _f("leopard", L),
    "animal": _f("badger", L),
    "bird": _f("bird", L), "duck": _f("duck", L), "owl": _f("owl"), "eagle": _f("eagle", L),
    "parrot": _f("parrot", L), "penguin": _f("penguin"), "chicken": _f("rooster", L),
    "butterfly": _f("butterfly"),
    "fish": _f("tropical-fish", L), "shark": _f("shark", L), "whale": _f("whale", L),
    "dolphin": _f("dolphin", L), "octopus": _f("octopus"), "turtle": _f("turtle", L),
    # vehicles
    "car": _f("automobile", L), "truck": _f("delivery-truck", L), "bus": _f("bus", L),
    "bicycle": _d("bicycle", R), "motorcycle": _f("motorcycle", L), "train": _f("locomotive", L),
    "tractor": _f("tractor", L), "vehicle": _f("sport-utility-vehicle", L),
    "boat": _n("canoe", L), "ship": _f("passenger-ship", L), "sailboat": _n("sailboat", R),
    "plane": _f("airplane", R, -38.0), "helicopter": _f("helicopter", L),
    "ufo": _f("flying-saucer"), "rocket": _f("rocket", 0, 45.0),
    # balls, toys and blocks
    "football": _f("soccer-ball"), "basketball": _f("basketball"), "balloon": _f("balloon"),
    "yarn": _f("yarn"), "sandcastle": _d("sandcastle"),
    "stick": _d("stick"), "bone": _f("bone"),
    "rock": _n("rock"), "planet": _f("globe-showing-europe-africa"), "box": _f("package"),
    "book": _f("closed-book"), "brick": _f("brick"),
    # furniture and vessels
    "table": _d("table"), "chair": _f("chair"), "sofa": _d("sofa"), "bed": _d("bed"),
    "shelf": _d("shelf"), "fireplace": _d("fireplace"),
    "lamp": _d("lamp"), "bench": _d("bench"), "furniture": _f("door"),
    "jug": _f("teapot", L), "glass": _f("tumbler-glass"), "cup": _f("hot-beverage"),
    "wine_glass": _f("wine-glass"), "bowl": _f("bowl-with-spoon"), "vase": _f("amphora"),
    "jar": _f("jar"), "bucket": _f("bucket"), "bottle": _n("bottle-with-popping-cork", 0, -35.0),
    # plants and buildings
    "tree": _f("deciduous-tree"), "palm_tree": _f("palm-tree"),
    "pine_tree": _f("evergreen-tree"), "flower": _f("tulip"), "sunflower": _f("sunflower"),
    "rose": _f("rose"), "cactus": _f("cactus"), "potted_plant": _f("potted-plant"),
    "mushroom": _f("mushroom"), "bamboo": _f("tanabata-tree"), "plant": _f("seedling"),
    "house": _f("house"), "hut": _f("hut"), "skyscraper": _f("office-building"),
    "castle": _f("castle"), "building": _f("classical-building"),
    # food
    "apple": _f("red-apple"), "orange": _f("tangerine"), "banana": _f("banana"),
    "nut": _f("chestnut"), "shell": _f("spiral-shell"),
    "sandwich": _f("sandwich"), "broccoli": _f("broccoli"), "carrot": _f("carrot"),
    "hot_dog": _f("hot-dog"), "bread": _f("bread"), "food": _f("pot-of-food"),
    "cake": _f("shortcake"), "birthday_cake": _f("birthday-cake"), "pizza": _f("pizza"),
    "burger": _f("hamburger"),
    "donut": _f("doughnut"), "watermelon": _f("watermelon"), "egg": _f("egg"),
    # props
    "traffic_light": _n("vertical-traffic-light"), "fire_hydrant": _d("fire_hydrant"),
    "stop_sign": _d("stop_sign"), "parking_meter": _d("parking_meter"),
    "mailbox": _f("closed-mailbox-with-raised-flag"), "backpack": _f("backpack"),
    "umbrella": _f("umbrella"), "beach_umbrella": _f("umbrella-on-ground"),
    "handbag": _f("handbag"), "tie": _f("necktie"),
    "suitcase": _f("luggage"), "frisbee": _f("flying-disc"), "ski_set": _f("skis"),
    "snowboard": _d("snowboard"), "kite": _f("kite"), "baseball_bat": _d("baseball_bat"),
    "baseball_glove": _d("baseball_glove"), "skateboard": _f("skateboard"),
    "surfboard": _d("surfboard"), "tennis_racket": _f("tennis"), "tv": _f("television"),
    "laptop": _f("laptop"), "remote": _d("remote"), "keyboard": _f("keyboard"),
    "game_controller": _f("video-game"), "window": _f("window"), "clothes": _f("t-shirt"),
    "shoe": _f("running-shoe", R, 40.0), "soap": _f("soap"), "razor": _f("razor"),
    "notebook": _f("notebook"), "scooter": _f("kick-scooter", L),
    "cell_phone": _f("mobile-phone"), "microwave": _d("microwave"), "oven": _d("oven"),
    "toaster": _d("toaster"), "kitchen_sink": _d("sink"), "refrigerator": _d("refrigerator"),
    "toilet": _f("toilet"), "ironing_board": _d("ironing_board"), "grill": _d("grill"),
    "treadmill": _d("treadmill", R), "hula_hoop": _d("hula_hoop"), "metal_bar": _d("metal_bar"),
    "target": _f("bullseye"),
    "clock": _f("mantelpiece-clock"), "watch": _f("watch"), "pedestal": _d("pedestal"),
    "scissors": _f("scissors"),
    "teddy_bear": _f("teddy-bear"), "hair_drier": _d("hair_drier", R),
    "toothbrush": _f("toothbrush"), "fork": _f("fork-and-knife"), "knife": _f("kitchen-knife"),
    "spoon": _f("spoon"), "plate": _f("fork-and-knife-with-plate"), "frying_pan": _f("cooking"),
    "piano": _f("musical-keyboard"), "guitar": _f("guitar"), "violin": _f("violin"),
    "drum": _f("drum"), "flute": _f("flute"), "trumpet": _f("trumpet"), "harp": _n("harp"),
    "microphone": _f("studio-microphone"), "sword": _n("dagger"), "axe": _f("axe"),
    "shovel": _n("shovel"), "broom": _f("broom"), "bow_and_arrow": _f("bow-and-arrow", R, -45.0),
    "shopping_cart": _f("shopping-cart"), "trophy": _f("trophy"),
    "chess_board": _d("chess_board"), "playing_cards": _f("joker"), "photo_camera": _f("camera"),
    "candle": _f("candle"), "tent": _f("tent"), "flag": _f("triangular-flag"),
    "anchor": _f("anchor"), "key": _f("key"), "lightbulb": _f("light-bulb"),
    "gift": _f("wrapped-gift"), "money": _f("dollar-banknote"), "money_bag": _f("money-bag"),
    "hammer": _f("hammer"), "wrench": _f("wrench"), "paintbrush": _f("paintbrush"),
    "pencil": _f("pencil"), "rope": _f("knot"), "ladder": _f("ladder"),
    "wheelchair": _f("manual-wheelchair", L), "stroller": _d("stroller", L),
    "log": _f("wood"), "fence": _d("fence"), "tool": _f("toolbox"), "toy": _f("yo-yo"),
    "device": _f("desktop-computer"), "object": _f("package"),
}


# Set dressing of places: scenery painted into a backdrop's layers, never cast (no body,
# no mask). Looked up by the icon's own name.
_DRESSING_FLUENT = (
    # buildings, landmarks and the fair
    "house-with-garden", "church", "convenience-store", "tokyo-tower", "moai", "circus-tent",
    "ferris-wheel", "roller-coaster", "carousel-horse", "headstone", "umbrella-on-ground",
    # vehicles and the street
    "bullet-train", "racing-car", "articulated-lorry", "sport-utility-vehicle", "motor-boat",
    "fuel-pump", "oil-drum", "chequered-flag", "ring-buoy", "skier", "wastebasket",
    # nature
    "palm-tree", "deciduous-tree", "tulip", "sunflower", "hibiscus", "cherry-blossom", "coral",
    "jellyfish", "tropical-fish", "fire", "wood", "rock",
    # rooms
    "bathtub", "toilet", "mirror", "books", "desktop-computer", "file-cabinet",
    "globe-showing-americas", "world-map", "candle", "teddy-bear", "kite", "balloon",
    "baby-bottle", "nesting-dolls", "roll-of-paper", "lotion-bottle", "soap",
    # food and drink
    "croissant", "bread", "cupcake", "birthday-cake", "pie", "doughnut", "pizza", "hamburger",
    "sushi", "steaming-bowl", "hot-beverage", "cup-with-straw", "beer-mug", "cocktail-glass",
    "wine-glass",
    # science, health, museums, film and sport
    "test-tube", "microscope", "alembic", "dna", "telescope", "ringed-planet", "satellite",
    "magnet", "pill", "amphora", "crown", "popcorn", "flag-in-hole",
)
DRESSING: dict[str, Icon] = {name: _f(name) for name in _DRESSING_FLUENT}
DRESSING["vertical-traffic-light"] = _n("vertical-traffic-light")

# Animals whose artwork is only a face keep their rig body and wear the face as its head.
HEADS: dict[str, Icon] = {"lion": _f("lion"), "bear": _f("bear"), "fox": _f("fox")}


def icon_for(kind: str) -> Icon | None:
    """The artwork of a kind, or None when the kind keeps its rig."""
    return ICONS.get(kind)


def all_icons() -> list[Icon]:
    """Every icon the engine draws, once each."""
    return list({i.key: i for i in (*ICONS.values(), *HEADS.values(),
                                    *DRESSING.values())}.values())
