"""The shared vocabulary: kinds of things, colours, places and materials.

The director maps words onto these names and the engines know how to build,
move, draw and sound each of them. Sizes are metres (height, or diameter for
round things).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Archetype(StrEnum):
    """How a kind is built: its body plan in physics and its rig in the renderer."""

    BALL = "ball"  # one circle
    BLOCK = "block"  # one box
    HUMANOID = "humanoid"  # articulated biped: head, torso, arms, legs
    QUADRUPED = "quadruped"  # articulated four legs, head, tail
    BIRD = "bird"  # body, head, two wings, two legs
    FISH = "fish"  # body, tail fin
    VEHICLE = "vehicle"  # chassis + two wheels on joints
    BOAT = "boat"  # hull (floats), cabin or sail
    AIRCRAFT = "aircraft"  # fuselage, wings
    ROCKET = "rocket"  # body, fins, exhaust flame
    TREE = "tree"  # static trunk + canopy
    PLANT = "plant"  # small static stem + leaves/flower
    BUILDING = "building"  # static backdrop-scale box with windows
    FURNITURE = "furniture"  # static or dynamic box-like prop (table, chair …)
    CONTAINER = "container"  # open vessel that holds fluid (jug, glass, bucket)
    FOOD = "food"  # small round-ish prop
    # apparatus of the physics showcases
    HOOP = "hoop"  # pole, arm, backboard, a ring with a real opening and a net
    GOAL = "goal"  # a goal frame and the net that catches the ball
    PENDULUM = "pendulum"  # a stand with a pivot, a rod or ropes, and a bob or seat
    POOL = "pool"  # a basin of water sunk in the floor, with a ladder


@dataclass(frozen=True)
class Kind:
    name: str
    archetype: Archetype
    size: float
    material: str
    colour: str
    topic: str
    words: tuple[str, ...] = field(default=())


def _k(name: str, arch: Archetype, size: float, material: str, colour: str, topic: str,
       *words: str) -> Kind:
    return Kind(name, arch, size, material, colour, topic, words)


A = Archetype
_KIND_LIST: tuple[Kind, ...] = (
    # people and characters
    _k("person", A.HUMANOID, 1.75, "flesh", "blue", "people", "man", "woman", "guy", "lady",
       "human", "someone", "somebody", "people", "persons", "men", "women", "friend"),
    _k("child", A.HUMANOID, 1.2, "flesh", "yellow", "people", "kid", "boy", "girl", "children",
       "kids", "toddler"),
    _k("robot", A.HUMANOID, 1.6, "metal", "silver", "scifi", "android", "cyborg", "bot"),
    _k("astronaut", A.HUMANOID, 1.8, "fabric", "white", "space", "spaceman", "cosmonaut"),
    _k("knight", A.HUMANOID, 1.8, "metal", "silver", "fantasy", "warrior", "soldier"),
    _k("wizard", A.HUMANOID, 1.8, "fabric", "purple", "fantasy", "witch", "sorcerer", "mage"),
    _k("chef", A.HUMANOID, 1.75, "fabric", "white", "food", "cook", "baker"),
    _k("dancer", A.HUMANOID, 1.7, "fabric", "pink", "music", "ballerina"),
    _k("alien", A.HUMANOID, 1.4, "flesh", "green", "scifi", "martian", "extraterrestrial"),
    _k("zombie", A.HUMANOID, 1.75, "flesh", "olive", "fantasy", "ghoul"),
    _k("snowman", A.HUMANOID, 1.6, "snow", "white", "nature", "snowmen"),
    _k("athlete", A.HUMANOID, 1.8, "flesh", "red", "sports", "runner", "player",
       "footballer", "basketball player", "skater"),
    # animals
    _k("dog", A.QUADRUPED, 0.6, "flesh", "brown", "animals", "puppy", "dogs", "hound", "pup",
       "doggo", "corgi", "retriever"),
    _k("cat", A.QUADRUPED, 0.35, "flesh", "orange", "animals", "kitten", "cats", "kitty"),
    _k("horse", A.QUADRUPED, 1.6, "flesh", "brown", "animals", "pony", "horses", "stallion"),
    _k("cow", A.QUADRUPED, 1.4, "flesh", "white", "animals", "cows", "bull", "cattle"),
    _k("pig", A.QUADRUPED, 0.8, "flesh", "pink", "animals", "pigs", "piglet", "hog"),
    _k("sheep", A.QUADRUPED, 0.9, "fabric", "white", "animals", "lamb"),
    _k("fox", A.QUADRUPED, 0.5, "flesh", "orange", "animals", "foxes"),
    _k("bear", A.QUADRUPED, 1.3, "flesh", "brown", "animals", "bears", "grizzly"),
    _k("lion", A.QUADRUPED, 1.2, "flesh", "gold", "animals", "lions", "tiger", "leopard"),
    _k("elephant", A.QUADRUPED, 3.0, "flesh", "grey", "animals", "elephants", "mammoth"),
    _k("rabbit", A.QUADRUPED, 0.3, "flesh", "white", "animals", "bunny", "hare", "rabbits"),
    _k("mouse", A.QUADRUPED, 0.08, "flesh", "grey", "animals", "rat", "mice", "hamster"),
    _k("dinosaur", A.QUADRUPED, 4.0, "flesh", "green", "animals", "dino", "t-rex", "trex"),
    _k("dragon", A.QUADRUPED, 4.0, "flesh", "red", "fantasy", "dragons", "wyvern"),
    _k("frog", A.QUADRUPED, 0.12, "flesh", "green", "animals", "toad", "frogs"),
    _k("bird", A.BIRD, 0.25, "flesh", "blue", "animals", "birds", "sparrow", "robin", "pigeon",
       "crow", "seagull", "gull"),
    _k("duck", A.BIRD, 0.4, "flesh", "yellow", "animals", "ducks", "duckling", "goose"),
    _k("owl", A.BIRD, 0.45, "flesh", "brown", "animals", "owls"),
    _k("eagle", A.BIRD, 0.8, "flesh", "brown", "animals", "hawk", "falcon"),
    _k("parrot", A.BIRD, 0.4, "flesh", "red", "animals", "parrots", "macaw"),
    _k("penguin", A.BIRD, 0.7, "flesh", "black", "animals", "penguins"),
    _k("chicken", A.BIRD, 0.5, "flesh", "white", "animals", "hen", "rooster", "chick"),
    _k("butterfly", A.BIRD, 0.1, "paper", "orange", "animals", "butterflies", "moth", "bee"),
    _k("fish", A.FISH, 0.3, "flesh", "orange", "animals", "goldfish", "fishes", "salmon"),
    _k("shark", A.FISH, 3.0, "flesh", "grey", "animals", "sharks"),
    _k("whale", A.FISH, 12.0, "flesh", "navy", "animals", "whales"),
    _k("dolphin", A.FISH, 2.2, "flesh", "grey", "animals", "dolphins", "porpoise"),
    _k("octopus", A.FISH, 0.8, "flesh", "purple", "animals", "squid", "jellyfish"),
    # vehicles
    _k("car", A.VEHICLE, 1.5, "metal", "red", "vehicles", "cars", "automobile", "taxi",
       "sportscar", "jeep"),
    _k("truck", A.VEHICLE, 3.0, "metal", "yellow", "vehicles", "lorry", "trucks", "van"),
    _k("bus", A.VEHICLE, 3.2, "metal", "yellow", "vehicles", "buses", "coach"),
    _k("bicycle", A.VEHICLE, 1.0, "metal", "teal", "vehicles", "bike", "cycle", "scooter"),
    _k("motorcycle", A.VEHICLE, 1.1, "metal", "black", "vehicles", "motorbike", "moped"),
    _k("train", A.VEHICLE, 3.5, "metal", "green", "vehicles", "locomotive", "tram", "subway"),
    _k("tractor", A.VEHICLE, 2.5, "metal", "green", "vehicles", "bulldozer", "digger"),
    _k("boat", A.BOAT, 1.5, "wood", "white", "vehicles", "boats", "canoe", "kayak", "raft"),
    _k("ship", A.BOAT, 8.0, "metal", "red", "vehicles", "ships", "liner", "ferry"),
    _k("sailboat", A.BOAT, 4.0, "wood", "white", "vehicles", "yacht", "sailing boat"),
    _k("plane", A.AIRCRAFT, 3.0, "metal", "white", "vehicles", "airplane", "aeroplane", "jet",
       "aircraft"),
    _k("helicopter", A.AIRCRAFT, 3.0, "metal", "red", "vehicles", "chopper"),
    _k("ufo", A.AIRCRAFT, 3.0, "metal", "silver", "scifi", "spaceship", "spacecraft",
       "flying saucer"),
    _k("rocket", A.ROCKET, 6.0, "metal", "white", "space", "rockets", "missile", "shuttle"),
    # balls and toys
    _k("ball", A.BALL, 0.3, "rubber", "red", "toys", "balls", "sphere", "orb"),
    _k("football", A.BALL, 0.22, "leather", "white", "sports", "soccer ball", "soccerball"),
    _k("basketball", A.BALL, 0.24, "rubber", "orange", "sports", "basketballs"),
    _k("tennis_ball", A.BALL, 0.07, "rubber", "lime", "sports", "tennis ball"),
    _k("beach_ball", A.BALL, 0.5, "plastic", "yellow", "toys", "beach ball"),
    _k("balloon", A.BALL, 0.35, "rubber", "red", "toys", "balloons"),
    _k("marble", A.BALL, 0.03, "glass", "blue", "toys", "marbles", "pebble"),
    _k("bubble", A.BALL, 0.2, "soap", "cyan", "toys", "bubbles"),
    _k("cube", A.BLOCK, 0.3, "wood", "blue", "toys", "cubes", "block", "blocks", "dice", "die"),
    _k("box", A.BLOCK, 0.5, "cardboard", "tan", "objects", "boxes", "crate", "package",
       "parcel", "present", "gift"),
    _k("brick", A.BLOCK, 0.1, "stone", "brown", "objects", "bricks"),
    _k("book", A.BLOCK, 0.25, "paper", "red", "objects", "books", "notebook"),
    _k("domino", A.BLOCK, 0.2, "wood", "white", "toys", "dominoes", "dominos"),
    _k("rock", A.BALL, 0.5, "stone", "grey", "nature", "rocks", "stone", "boulder", "asteroid",
       "meteor"),
    _k("planet", A.BALL, 3.0, "stone", "blue", "space", "planets", "earth", "moon ball"),
    # furniture and objects
    _k("table", A.FURNITURE, 0.75, "wood", "brown", "home", "tables", "desk", "counter"),
    _k("chair", A.FURNITURE, 0.9, "wood", "brown", "home", "chairs", "stool", "bench"),
    _k("sofa", A.FURNITURE, 0.85, "fabric", "teal", "home", "couch", "sofas"),
    _k("lamp", A.FURNITURE, 1.5, "metal", "gold", "home", "lamps", "lantern", "streetlight"),
    _k("bed", A.FURNITURE, 0.6, "fabric", "white", "home", "beds"),
    _k("jug", A.CONTAINER, 0.3, "glass", "cyan", "home", "pitcher", "kettle", "teapot",
       "carafe"),
    _k("glass", A.CONTAINER, 0.15, "glass", "cyan", "home", "cup", "mug", "tumbler", "beaker",
       "jar"),
    _k("bucket", A.CONTAINER, 0.35, "plastic", "red", "home", "pail", "bowl", "pot"),
    _k("bottle", A.CONTAINER, 0.3, "glass", "green", "home", "bottles", "flask"),
    # plants and buildings
    _k("tree", A.TREE, 6.0, "wood", "green", "nature", "trees", "oak", "pine"),
    _k("palm_tree", A.TREE, 7.0, "wood", "green", "nature", "palm tree", "palm", "palms"),
    _k("flower", A.PLANT, 0.4, "plant", "pink", "nature", "flowers", "rose", "tulip", "daisy",
       "sunflower"),
    _k("bush", A.PLANT, 1.0, "plant", "green", "nature", "bushes", "shrub", "hedge"),
    _k("cactus", A.PLANT, 1.5, "plant", "green", "nature", "cacti"),
    _k("house", A.BUILDING, 7.0, "wood", "cream", "places", "houses", "home building",
       "cottage", "cabin", "hut"),
    _k("skyscraper", A.BUILDING, 40.0, "glass", "silver", "places", "tower block", "building",
       "buildings", "office tower"),
    _k("castle", A.BUILDING, 20.0, "stone", "grey", "fantasy", "palace", "fortress"),
    _k("lighthouse", A.BUILDING, 15.0, "stone", "white", "places", "tower", "windmill"),
    # food
    _k("apple", A.FOOD, 0.08, "food", "red", "food", "apples", "orange", "peach", "tomato"),
    _k("cake", A.FOOD, 0.2, "food", "pink", "food", "cakes", "cupcake", "pie", "muffin"),
    _k("pizza", A.FOOD, 0.35, "food", "orange", "food", "pizzas"),
    _k("burger", A.FOOD, 0.12, "food", "brown", "food", "hamburger", "sandwich",
       "cheeseburger"),
    _k("donut", A.FOOD, 0.1, "food", "pink", "food", "doughnut", "donuts", "bagel"),
    _k("watermelon", A.FOOD, 0.35, "food", "green", "food", "melon", "pumpkin"),
    _k("egg", A.FOOD, 0.06, "food", "white", "food", "eggs"),
    # ── physics showcases: what the action templates play on ──────────────────────────
    # hoop: height to the top of the backboard (the rim is at regulation 3.05 m);
    # goal: crossbar height; swimming_pool: its length (depth is 0.3 × length).
    _k("hoop", A.HOOP, 3.95, "metal", "orange", "sports", "basketball hoop", "hoops",
       "basketball basket", "backboard", "basketball net"),
    _k("goal", A.GOAL, 2.44, "metal", "white", "sports", "goals", "goalpost", "goalposts",
       "goal post", "football goal", "soccer goal", "goal net"),
    _k("pendulum", A.PENDULUM, 1.6, "metal", "gold", "objects", "pendulums",
       "pendulum clock"),
    # "swing" names the thing only where the parse says it is a noun ("on a swing")
    _k("swing_set", A.PENDULUM, 2.4, "wood", "red", "toys", "swing", "swing set", "swingset",
       "playground swing", "swing seat", "garden swing"),
    _k("swimming_pool", A.POOL, 6.0, "stone", "cyan", "places", "swimming pool", "pool",
       "pools", "lido", "swimming pools"),
)

KINDS: dict[str, Kind] = {k.name: k for k in _KIND_LIST}


@dataclass(frozen=True)
class Colour:
    name: str
    rgb: tuple[int, int, int]
    words: tuple[str, ...] = ()


COLOURS: dict[str, Colour] = {
    c.name: c
    for c in (
        Colour("red", (222, 53, 53), ("crimson", "scarlet")),
        Colour("orange", (244, 140, 36)),
        Colour("yellow", (250, 205, 40)),
        Colour("gold", (222, 172, 48), ("golden",)),
        Colour("lime", (160, 220, 50)),
        Colour("green", (62, 170, 80), ("emerald",)),
        Colour("olive", (120, 130, 50)),
        Colour("teal", (30, 150, 150)),
        Colour("cyan", (70, 200, 230), ("aqua", "turquoise")),
        Colour("blue", (45, 105, 220), ("azure",)),
        Colour("navy", (30, 45, 120)),
        Colour("purple", (130, 70, 200), ("violet",)),
        Colour("magenta", (220, 60, 170), ("fuchsia",)),
        Colour("pink", (245, 140, 180)),
        Colour("brown", (130, 85, 50), ("chocolate",)),
        Colour("tan", (205, 165, 115), ("beige",)),
        Colour("cream", (245, 232, 200), ("ivory",)),
        Colour("white", (240, 240, 236)),
        Colour("grey", (135, 138, 145), ("gray",)),
        Colour("silver", (190, 195, 205)),
        Colour("black", (30, 30, 34)),
        Colour("rainbow", (230, 90, 160), ("multicoloured", "colorful", "colourful")),
    )
}


@dataclass(frozen=True)
class Place:
    name: str
    gravity: float
    ground: str  # ground material name
    topic: str
    words: tuple[str, ...] = ()
    indoor: bool = False
    medium: str = "air"  # "air", "water" or "vacuum"


EARTH_G = 9.81
PLACES: dict[str, Place] = {
    p.name: p
    for p in (
        Place("park", EARTH_G, "grass", "nature", ("garden", "meadow", "field", "lawn",
              "backyard", "yard")),
        Place("beach", EARTH_G, "sand", "nature", ("seaside", "shore", "coast", "ocean shore")),
        Place("city_street", EARTH_G, "asphalt", "city", ("city", "street", "road", "downtown",
              "town", "avenue", "alley")),
        Place("forest", EARTH_G, "grass", "nature", ("woods", "jungle", "woodland")),
        Place("desert", EARTH_G, "sand", "nature", ("dunes", "sahara", "canyon")),
        Place("snow", EARTH_G, "snow", "nature", ("snowy", "arctic", "tundra", "ski slope",
              "winter", "north pole", "glacier")),
        Place("mountains", EARTH_G, "stone", "nature", ("mountain", "hills", "cliff", "valley")),
        Place("moon", 1.62, "regolith", "space", ("lunar", "moon surface"), medium="vacuum"),
        Place("mars", 3.71, "regolith", "space", ("martian", "red planet")),
        Place("space", 0.0, "none", "space", ("outer space", "orbit", "galaxy", "stars",
              "cosmos"), medium="vacuum"),
        Place("underwater", EARTH_G, "sand", "nature", ("under water", "under the sea",
              "seabed", "ocean floor", "reef", "sea floor", "aquarium"), medium="water"),
        Place("ocean", EARTH_G, "water", "nature", ("sea", "lake", "river", "pond",
              "harbour", "harbor")),
        Place("kitchen", EARTH_G, "wood", "food", ("restaurant", "bakery", "cafe", "diner"),
              indoor=True),
        Place("living_room", EARTH_G, "wood", "home", ("room", "house interior", "bedroom",
              "home", "apartment", "office", "classroom"), indoor=True),
        Place("stadium", EARTH_G, "grass", "sports", ("arena", "court", "pitch", "gym",
              "football field", "basketball court")),
        Place("stage", EARTH_G, "wood", "music", ("concert", "theater", "theatre", "studio",
              "club", "dance floor"), indoor=True),
        Place("farm", EARTH_G, "grass", "nature", ("barn", "ranch", "countryside")),
    )
}

# Ground materials and entity materials share one table in the engine.
MATERIAL_NAMES: tuple[str, ...] = (
    "rubber", "wood", "metal", "glass", "stone", "plastic", "fabric", "flesh", "leather",
    "cardboard", "paper", "food", "plant", "snow", "soap", "ice", "grass", "sand", "asphalt",
    "regolith", "water", "none",
)
