"""The shared vocabulary: kinds of things, colours, places and materials.

The director maps words onto these names and the engines know how to build,
move, draw and sound each of them. Sizes are metres: the height of things that
stand (people, furniture, vessels, vehicles, plants, buildings), the shoulder
height of four-legged animals, the length of birds, fish, boats and aircraft,
and the longest side of props, food, balls and blocks (a diameter for round
things).
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
    PROP = "prop"  # a rigid thing drawn from art, its body cut from the art's silhouette
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
    _k("bear", A.QUADRUPED, 1.3, "flesh", "brown", "animals", "bears", "grizzly", "panda",
       "pandas", "giant panda", "polar bear", "polar bears"),
    _k("lion", A.QUADRUPED, 1.2, "flesh", "gold", "animals", "lions", "lioness"),
    _k("tiger", A.QUADRUPED, 1.0, "flesh", "orange", "animals", "tigers"),
    _k("leopard", A.QUADRUPED, 0.7, "flesh", "gold", "animals", "leopards", "cheetah",
       "jaguar", "panther"),
    _k("zebra", A.QUADRUPED, 1.3, "flesh", "white", "animals", "zebras"),
    _k("giraffe", A.QUADRUPED, 4.5, "flesh", "gold", "animals", "giraffes"),
    _k("animal", A.QUADRUPED, 0.5, "flesh", "grey", "animals", "animals", "creature",
       "critter", "beast", "mammal"),
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
    _k("bicycle", A.VEHICLE, 1.0, "metal", "teal", "vehicles", "bike", "cycle"),
    _k("scooter", A.VEHICLE, 0.9, "metal", "red", "vehicles", "scooters", "kick scooter",
       "push scooter"),
    _k("motorcycle", A.VEHICLE, 1.1, "metal", "black", "vehicles", "motorbike", "moped"),
    _k("train", A.VEHICLE, 3.5, "metal", "green", "vehicles", "locomotive", "tram", "subway"),
    _k("tractor", A.VEHICLE, 2.5, "metal", "green", "vehicles", "bulldozer", "digger"),
    _k("vehicle", A.VEHICLE, 1.8, "metal", "blue", "vehicles", "vehicles", "suv"),
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
    _k("baseball", A.BALL, 0.075, "leather", "white", "sports", "baseballs", "softball"),
    _k("beach_ball", A.BALL, 0.5, "plastic", "yellow", "toys", "beach ball"),
    _k("balloon", A.BALL, 0.35, "rubber", "red", "toys", "balloons"),
    _k("marble", A.BALL, 0.03, "glass", "blue", "toys", "marbles", "pebble"),
    _k("bone", A.PROP, 0.2, "wood", "white", "animals", "bones", "dog bone", "chew toy"),
    _k("stick", A.PROP, 0.6, "wood", "brown", "objects", "sticks", "twig", "twigs"),
    _k("sandcastle", A.PROP, 0.5, "sand", "tan", "toys", "sandcastles", "sand castle",
       "sand castles"),
    _k("yarn", A.BALL, 0.1, "fabric", "red", "toys", "ball of yarn", "balls of yarn",
       "yarn ball", "ball of wool", "balls of wool", "wool"),
    _k("bubble", A.BALL, 0.2, "soap", "cyan", "toys", "bubbles"),
    _k("cube", A.BLOCK, 0.3, "wood", "blue", "toys", "cubes", "block", "blocks", "dice", "die"),
    _k("box", A.BLOCK, 0.5, "cardboard", "tan", "objects", "boxes", "crate", "package",
       "parcel", "carton"),
    _k("brick", A.BLOCK, 0.1, "stone", "brown", "objects", "bricks"),
    _k("book", A.BLOCK, 0.25, "paper", "red", "objects", "books", "comic", "comics",
       "comic book", "comic books", "magazine", "magazines", "novel", "novels", "newspaper",
       "newspapers", "storybook", "picture book", "paperback"),
    _k("notebook", A.PROP, 0.25, "paper", "white", "objects", "notebooks", "paper",
       "sketchbook", "sketch pad", "notepad", "drawing pad", "sheet of paper"),
    _k("domino", A.BLOCK, 0.2, "wood", "white", "toys", "dominoes", "dominos"),
    _k("rock", A.BALL, 0.5, "stone", "grey", "nature", "rocks", "stone", "boulder", "asteroid",
       "meteor"),
    _k("planet", A.BALL, 3.0, "stone", "blue", "space", "planets", "earth", "moon ball"),
    # furniture and objects
    _k("table", A.FURNITURE, 0.75, "wood", "brown", "home", "tables", "desk", "counter",
       "dining table"),
    _k("chair", A.FURNITURE, 0.9, "wood", "brown", "home", "chairs", "stool", "seat"),
    _k("bench", A.FURNITURE, 0.85, "wood", "brown", "home", "benches", "park bench",
       "porch swing", "porch swings", "swing bench"),
    _k("furniture", A.FURNITURE, 0.9, "wood", "brown", "home", "furnishing", "cupboard",
       "cabinet", "wardrobe", "dresser"),
    _k("pedestal", A.FURNITURE, 0.9, "plastic", "white", "home", "pedestals", "plinth",
       "plinths", "display stand"),
    _k("sofa", A.FURNITURE, 0.85, "fabric", "teal", "home", "couch", "sofas"),
    _k("lamp", A.FURNITURE, 1.5, "metal", "gold", "home", "lamps", "lantern", "streetlight",
       "street lamp", "streetlamp", "lamp post", "lamppost"),
    _k("bed", A.FURNITURE, 1.0, "fabric", "white", "home", "beds"),
    _k("jug", A.CONTAINER, 0.3, "glass", "cyan", "home", "pitcher", "kettle", "teapot",
       "carafe"),
    _k("glass", A.CONTAINER, 0.15, "glass", "cyan", "home", "tumbler", "beaker", "glasses"),
    _k("cup", A.CONTAINER, 0.12, "glass", "white", "home", "cups", "mug", "mugs", "teacup",
       "coffee cup"),
    _k("wine_glass", A.CONTAINER, 0.2, "glass", "cyan", "home", "wine glass", "wine",
       "goblet", "champagne glass"),
    _k("bowl", A.CONTAINER, 0.12, "glass", "blue", "home", "bowls"),
    _k("vase", A.CONTAINER, 0.4, "glass", "orange", "home", "vases", "urn", "amphora"),
    _k("jar", A.CONTAINER, 0.2, "glass", "cyan", "home", "jars"),
    _k("bucket", A.CONTAINER, 0.35, "plastic", "blue", "home", "pail", "pot", "buckets"),
    _k("bottle", A.CONTAINER, 0.3, "glass", "green", "home", "bottles", "flask"),
    # props: rigid things drawn from art (size is the longest side)
    _k("traffic_light", A.PROP, 1.0, "metal", "yellow", "city", "traffic light",
       "traffic lights", "stoplight", "traffic signal"),
    _k("fire_hydrant", A.PROP, 0.75, "metal", "red", "city", "fire hydrant", "hydrant",
       "hydrants"),
    _k("stop_sign", A.PROP, 2.2, "metal", "red", "city", "stop sign", "road sign"),
    _k("parking_meter", A.PROP, 1.4, "metal", "grey", "city", "parking meter"),
    _k("mailbox", A.PROP, 1.1, "metal", "blue", "city", "mailboxes", "letterbox", "postbox",
       "post box"),
    _k("backpack", A.PROP, 0.5, "fabric", "red", "objects", "backpacks", "rucksack",
       "schoolbag", "school bag", "knapsack"),
    _k("umbrella", A.PROP, 1.0, "fabric", "purple", "objects", "umbrellas"),
    _k("beach_umbrella", A.PROP, 2.2, "fabric", "red", "objects", "beach umbrella",
       "beach umbrellas", "parasol", "parasols", "sunshade", "sun umbrella"),
    _k("handbag", A.PROP, 0.35, "leather", "tan", "objects", "handbags", "purse", "bag",
       "tote"),
    _k("tie", A.PROP, 0.5, "fabric", "blue", "objects", "necktie", "ties", "neckties"),
    _k("suitcase", A.PROP, 0.7, "plastic", "blue", "objects", "suitcases", "luggage",
       "baggage"),
    _k("frisbee", A.PROP, 0.27, "plastic", "cyan", "sports", "frisbees", "flying disc",
       "disc"),
    # named so the verbs "skis", "sinks", "pans" and "bows" stay verbs
    _k("ski_set", A.PROP, 1.7, "wood", "blue", "sports", "pair of skis", "ski boots",
       "ski gear", "skis"),
    _k("snowboard", A.PROP, 1.5, "wood", "blue", "sports", "snowboards"),
    _k("kite", A.PROP, 0.8, "paper", "blue", "toys", "kites"),
    _k("baseball_bat", A.PROP, 0.85, "wood", "tan", "sports", "baseball bat", "bat",
       "cricket bat"),
    _k("baseball_glove", A.PROP, 0.3, "leather", "brown", "sports", "baseball glove", "mitt",
       "glove", "catcher's mitt"),
    _k("skateboard", A.PROP, 0.8, "wood", "purple", "sports", "skateboards",
       "skate board"),
    _k("surfboard", A.PROP, 2.0, "plastic", "yellow", "sports", "surfboards", "surf board",
       "paddleboard"),
    _k("tennis_racket", A.PROP, 0.68, "plastic", "blue", "sports", "tennis racket",
       "racket", "racquet", "rackets"),
    _k("tv", A.PROP, 0.9, "plastic", "black", "home", "television", "televisions", "tv set",
       "monitor", "screen"),
    _k("laptop", A.PROP, 0.35, "plastic", "silver", "home", "laptops", "notebook computer",
       "computer"),
    _k("remote", A.PROP, 0.2, "plastic", "black", "home", "remote control", "remotes"),
    _k("game_controller", A.PROP, 0.16, "plastic", "grey", "home", "game controller",
       "controller", "controllers", "gamepad", "joystick", "video game", "console"),
    _k("window", A.PROP, 1.2, "glass", "cyan", "home", "windows", "window pane"),
    _k("clothes", A.PROP, 0.7, "fabric", "blue", "home", "clothing", "laundry", "garments",
       "t-shirt", "tshirt", "t-shirts", "towel", "towels"),
    _k("shoe", A.PROP, 0.3, "leather", "red", "home", "shoes", "sneaker", "sneakers",
       "trainers"),
    _k("soap", A.PROP, 0.1, "soap", "pink", "home", "bar of soap", "soaps"),
    _k("razor", A.PROP, 0.16, "metal", "silver", "home", "razors", "shaver",
       "electric shaver", "trimmer", "beard trimmer"),
    _k("keyboard", A.PROP, 0.45, "plastic", "white", "home", "keyboards"),
    _k("cell_phone", A.PROP, 0.15, "glass", "black", "home", "cell phone", "phone",
       "smartphone", "mobile phone", "mobile", "iphone", "phones"),
    _k("microwave", A.PROP, 0.5, "metal", "white", "home", "microwaves", "microwave oven"),
    _k("oven", A.PROP, 0.9, "metal", "silver", "home", "ovens", "stove", "cooker"),
    _k("toaster", A.PROP, 0.3, "metal", "silver", "home", "toasters"),
    _k("kitchen_sink", A.PROP, 0.9, "metal", "white", "home", "kitchen sink", "washbasin",
       "basin", "bathroom sink", "sink"),
    _k("refrigerator", A.PROP, 1.8, "metal", "white", "home", "fridge", "refrigerators",
       "fridges", "freezer"),
    _k("toilet", A.PROP, 0.8, "glass", "white", "home", "toilets", "loo"),
    _k("ironing_board", A.PROP, 1.35, "fabric", "cyan", "home", "ironing board",
       "ironing boards"),
    _k("grill", A.PROP, 1.0, "metal", "black", "home", "grills", "barbecue", "barbeque",
       "barbecue grill", "bbq", "barbecues"),
    _k("treadmill", A.PROP, 1.9, "metal", "grey", "sports", "treadmills", "running machine"),
    _k("hula_hoop", A.PROP, 0.9, "plastic", "pink", "toys", "hula hoop", "hula hoops",
       "hoola hoop"),
    _k("target", A.PROP, 0.6, "wood", "red", "sports", "targets", "bullseye", "dartboard",
       "archery target", "dart board"),
    _k("metal_bar", A.PROP, 1.0, "metal", "silver", "objects", "metal bar", "steel bar",
       "iron bar", "metal rod", "steel rod", "iron rod", "metal pipe", "metal bars"),
    _k("clock", A.PROP, 0.3, "wood", "brown", "home", "clocks", "alarm clock"),
    _k("watch", A.PROP, 0.05, "metal", "silver", "objects", "watches", "wristwatch",
       "wristwatches", "smartwatch"),
    _k("scissors", A.PROP, 0.2, "metal", "red", "home", "scissor", "shears"),
    _k("teddy_bear", A.PROP, 0.4, "fabric", "brown", "toys", "teddy bear", "teddy",
       "teddies", "stuffed animal", "plush toy"),
    _k("hair_drier", A.PROP, 0.25, "plastic", "pink", "home", "hair drier", "hair dryer",
       "hairdryer", "blow dryer"),
    _k("toothbrush", A.PROP, 0.19, "plastic", "pink", "home", "toothbrushes"),
    _k("fork", A.PROP, 0.2, "metal", "silver", "food", "forks", "cutlery"),
    _k("knife", A.PROP, 0.25, "metal", "silver", "food", "knives", "kitchen knife"),
    _k("spoon", A.PROP, 0.18, "metal", "silver", "food", "spoons", "ladle"),
    _k("plate", A.PROP, 0.3, "glass", "white", "food", "plates", "dish plate", "platter"),
    _k("frying_pan", A.PROP, 0.45, "metal", "black", "food", "frying pan", "skillet", "wok",
       "saucepan"),
    _k("piano", A.PROP, 1.4, "wood", "black", "music", "pianos", "grand piano",
       "keyboard piano"),
    _k("guitar", A.PROP, 1.0, "wood", "red", "music", "guitars", "electric guitar",
       "ukulele"),
    _k("violin", A.PROP, 0.6, "wood", "brown", "music", "violins", "fiddle", "cello",
       "viola"),
    _k("drum", A.PROP, 0.5, "wood", "red", "music", "drums", "drum kit", "drumkit"),
    _k("flute", A.PROP, 0.65, "wood", "tan", "music", "flutes", "recorder", "clarinet"),
    _k("trumpet", A.PROP, 0.5, "metal", "gold", "music", "trumpets", "horn", "trombone",
       "saxophone", "tuba"),
    _k("harp", A.PROP, 1.6, "wood", "gold", "music", "harps", "lyre"),
    _k("microphone", A.PROP, 0.25, "metal", "grey", "music", "microphones", "mic"),
    _k("sword", A.PROP, 1.0, "metal", "silver", "fantasy", "swords", "blade", "sabre",
       "saber", "katana", "dagger"),
    _k("axe", A.PROP, 0.8, "metal", "red", "objects", "axes", "hatchet"),
    _k("shovel", A.PROP, 1.2, "metal", "grey", "objects", "shovels", "spade"),
    _k("broom", A.PROP, 1.3, "wood", "tan", "home", "brooms", "broomstick", "mop"),
    _k("bow_and_arrow", A.PROP, 0.9, "wood", "brown", "sports", "bow and arrow", "archery bow",
       "arrow", "arrows", "crossbow", "longbow"),
    _k("shopping_cart", A.PROP, 1.0, "metal", "silver", "city", "shopping cart",
       "shopping trolley", "trolley", "cart"),
    _k("trophy", A.PROP, 0.4, "metal", "gold", "sports", "trophies", "cup trophy", "award"),
    _k("chess_board", A.PROP, 0.5, "wood", "brown", "toys", "chess board", "chessboard",
       "chess", "checkers", "board game"),
    _k("playing_cards", A.PROP, 0.1, "paper", "white", "toys", "playing cards", "cards",
       "card", "deck of cards", "poker"),
    # not "camera": that word directs the shot
    _k("photo_camera", A.PROP, 0.15, "metal", "grey", "objects", "photo camera", "camcorder",
       "film camera", "dslr"),
    _k("candle", A.PROP, 0.2, "plastic", "cream", "home", "candles"),
    _k("tent", A.PROP, 2.2, "fabric", "orange", "nature", "tents", "teepee"),
    _k("flag", A.PROP, 1.6, "fabric", "red", "objects", "flags", "banner", "pennant"),
    _k("anchor", A.PROP, 1.0, "metal", "blue", "objects", "anchors"),
    _k("key", A.PROP, 0.08, "metal", "gold", "objects", "keys"),
    _k("lightbulb", A.PROP, 0.12, "glass", "yellow", "objects", "light bulb", "bulb",
       "lightbulbs"),
    _k("gift", A.PROP, 0.4, "cardboard", "red", "objects", "gifts", "present", "presents",
       "gift box"),
    _k("money", A.PROP, 0.16, "paper", "green", "objects", "cash", "banknote", "banknotes",
       "dollar", "dollars"),
    _k("money_bag", A.PROP, 0.5, "fabric", "tan", "objects", "money bag", "moneybag",
       "sack of money", "sack"),
    _k("hammer", A.PROP, 0.35, "metal", "grey", "objects", "hammers", "mallet"),
    _k("wrench", A.PROP, 0.3, "metal", "silver", "objects", "wrenches", "spanner"),
    _k("paintbrush", A.PROP, 0.25, "wood", "blue", "objects", "paint brush", "paintbrushes"),
    _k("pencil", A.PROP, 0.18, "wood", "orange", "objects", "pencils", "pen", "crayon"),
    _k("rope", A.PROP, 0.4, "fabric", "blue", "objects", "ropes", "knot", "cord"),
    _k("ladder", A.PROP, 2.5, "wood", "brown", "objects", "ladders", "stepladder"),
    _k("wheelchair", A.PROP, 0.95, "metal", "red", "objects", "wheelchairs"),
    _k("stroller", A.PROP, 1.0, "fabric", "blue", "objects", "strollers", "pram",
       "baby carriage", "pushchair", "buggy"),
    _k("log", A.PROP, 0.6, "wood", "brown", "nature", "logs", "tree stump", "stump",
       "firewood", "timber"),
    _k("fence", A.PROP, 2.0, "wood", "tan", "objects", "fences", "railing", "picket fence"),
    _k("tool", A.PROP, 0.45, "metal", "red", "objects", "tools", "toolbox", "toolkit",
       "equipment", "gadget"),
    _k("toy", A.PROP, 0.15, "plastic", "purple", "toys", "toys", "yo-yo", "yoyo", "plaything"),
    _k("device", A.PROP, 0.5, "plastic", "silver", "objects", "devices", "machine",
       "appliance", "electronics", "desktop computer"),
    _k("object", A.PROP, 0.4, "cardboard", "tan", "objects", "objects", "item", "items"),
    # plants and buildings
    _k("tree", A.TREE, 6.0, "wood", "green", "nature", "trees", "oak", "branch", "branches",
       "tree branch", "bough"),
    _k("pine_tree", A.TREE, 8.0, "wood", "green", "nature", "pine tree", "pine", "pines",
       "fir", "spruce", "christmas tree", "evergreen"),
    _k("palm_tree", A.TREE, 7.0, "wood", "green", "nature", "palm tree", "palm", "palms"),
    _k("flower", A.PLANT, 0.4, "plant", "pink", "nature", "flowers", "tulip", "daisy"),
    _k("sunflower", A.PLANT, 1.6, "plant", "yellow", "nature", "sunflowers"),
    _k("rose", A.PLANT, 0.5, "plant", "red", "nature", "roses"),
    _k("potted_plant", A.PLANT, 0.6, "plant", "green", "home", "potted plant", "houseplant",
       "house plant", "pot plant", "plant pot"),
    _k("mushroom", A.PLANT, 0.15, "plant", "red", "nature", "mushrooms", "toadstool",
       "fungus"),
    _k("bamboo", A.PLANT, 3.0, "plant", "green", "nature", "bamboos", "bamboo shoot"),
    _k("plant", A.PLANT, 0.3, "plant", "green", "nature", "plants", "seedling", "sprout",
       "herb", "weed"),
    _k("bush", A.PLANT, 1.0, "plant", "green", "nature", "bushes", "shrub", "hedge"),
    _k("cactus", A.PLANT, 1.5, "plant", "green", "nature", "cacti"),
    _k("house", A.BUILDING, 7.0, "wood", "cream", "places", "houses", "home building",
       "cottage", "cabin"),
    _k("hut", A.BUILDING, 3.5, "wood", "tan", "places", "huts", "shack", "shed"),
    _k("building", A.BUILDING, 12.0, "stone", "grey", "places", "structure", "edifice"),
    _k("skyscraper", A.BUILDING, 40.0, "glass", "silver", "places", "tower block",
       "office tower", "office building"),
    _k("castle", A.BUILDING, 20.0, "stone", "grey", "fantasy", "palace", "fortress"),
    _k("lighthouse", A.BUILDING, 15.0, "stone", "white", "places", "tower", "windmill"),
    # food
    _k("apple", A.FOOD, 0.08, "food", "red", "food", "apples", "peach", "tomato"),
    _k("orange", A.FOOD, 0.08, "food", "orange", "food", "oranges", "tangerine", "mandarin",
       "clementine", "lemon"),
    _k("banana", A.FOOD, 0.2, "food", "yellow", "food", "bananas"),
    _k("sandwich", A.FOOD, 0.12, "food", "tan", "food", "sandwiches", "toast"),
    _k("broccoli", A.FOOD, 0.15, "food", "green", "food", "broccolis", "cauliflower",
       "vegetable", "vegetables"),
    _k("carrot", A.FOOD, 0.18, "food", "orange", "food", "carrots"),
    _k("hot_dog", A.FOOD, 0.18, "food", "red", "food", "hot dog", "hotdog", "hot dogs",
       "sausage"),
    _k("bread", A.FOOD, 0.2, "food", "tan", "food", "loaf", "baguette", "breads"),
    _k("food", A.FOOD, 0.25, "food", "orange", "food", "meal", "dish", "stew", "soup",
       "snack"),
    _k("cake", A.FOOD, 0.2, "food", "pink", "food", "cakes", "cupcake", "pie", "muffin"),
    _k("birthday_cake", A.FOOD, 0.3, "food", "pink", "food", "birthday cake",
       "birthday cakes", "cake with candles", "wedding cake"),
    _k("pizza", A.FOOD, 0.35, "food", "orange", "food", "pizzas"),
    _k("burger", A.FOOD, 0.12, "food", "brown", "food", "hamburger", "cheeseburger",
       "burgers"),
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


Cast = tuple[tuple[str, int, str], ...]  # (kind, count, motion) of things in a place


@dataclass(frozen=True)
class Place:
    """A setting: its physics (gravity, floor, medium), the words people use for it, and
    the things a shot there shows when the prompt names none (``scenery``)."""

    name: str
    gravity: float
    ground: str  # ground material name
    topic: str
    words: tuple[str, ...] = ()
    indoor: bool = False
    medium: str = "air"  # "air", "water" or "vacuum"
    scenery: Cast = ()


EARTH_G = 9.81


def _out(name: str, ground: str, topic: str, words: tuple[str, ...], scenery: Cast = ()
         ) -> Place:
    return Place(name, EARTH_G, ground, topic, words, scenery=scenery)


def _in(name: str, ground: str, topic: str, words: tuple[str, ...], scenery: Cast = ()
        ) -> Place:
    return Place(name, EARTH_G, ground, topic, words, indoor=True, scenery=scenery)


_BIRDS: Cast = (("bird", 2, "fly"),)
_WALKER: Cast = (("person", 1, "walk"),)
_STANDER: Cast = (("person", 1, "idle"),)
_PLACE_LIST: tuple[Place, ...] = (
    # open country
    _out("park", "grass", "nature", ("garden", "meadow", "field", "lawn", "backyard", "yard",
                                     "playground"), (("tree", 2, "idle"), *_BIRDS)),
    _out("forest", "grass", "nature", ("woods", "jungle", "woodland", "rainforest"),
         (("tree", 3, "idle"), *_BIRDS)),
    _out("desert", "sand", "nature", ("dunes", "sahara", "canyon", "sand dunes"),
         (("cactus", 2, "idle"),)),
    _out("snow", "snow", "nature", ("snowy", "arctic", "tundra", "winter", "north pole",
                                    "snowfield"), (("snowman", 1, "idle"),
                                                   ("pine_tree", 2, "idle"))),
    _out("mountains", "stone", "nature", ("mountain", "hills", "hill", "peak", "summit",
                                          "mountain top", "mountaintop"),
         (("person", 1, "walk"), ("eagle", 1, "fly"))),  # trees in front hid the peaks
    _out("ski_slope", "snow", "sports", ("ski slope", "ski resort", "slopes", "ski run",
                                         "piste", "ski hill", "ski slopes"),
         (("person", 1, "ski"),)),  # a skier coming down says "ski slope" at a glance
    _out("valley", "grass", "nature", ("valley", "valleys", "glen", "dale", "river valley"),
         (("eagle", 1, "fly"),)),
    _out("cliff", "grass", "nature", ("cliff", "cliffs", "cliff edge", "clifftop",
                                      "cliff top", "sea cliff"), _BIRDS),
    _out("glacier", "ice", "nature", ("glacier", "glaciers", "ice field", "icefield",
                                      "ice sheet"), (("bird", 1, "fly"),)),
    _out("iceberg", "ice", "nature", ("iceberg", "icebergs", "ice floe", "antarctica",
                                      "polar sea"), (("penguin", 2, "walk"),)),
    _out("volcano", "stone", "nature", ("volcano", "volcanoes", "erupting volcano",
                                        "lava field", "volcanic crater")),
    _out("waterfall", "stone", "nature", ("waterfall", "waterfalls", "cascade"), _BIRDS),
    _out("marsh", "grass", "nature", ("marsh", "swamp", "wetland", "wetlands", "bog", "bayou",
                                      "fen", "marshland"),
         (("duck", 1, "walk"), ("frog", 1, "jump"))),
    # the water's edge: a grassy bank before the water (a lake's shore too; on the lake
    # itself is open water)
    _out("river", "grass", "nature", ("river", "riverbank", "river bank", "creek",
                                      "brook", "riverside", "lakeside", "lake shore",
                                      "lakeshore", "by the lake", "by a lake", "by the pond",
                                      "by a pond", "near the lake", "beside the lake",
                                      "at the lake", "pondside"), _BIRDS),
    _out("campsite", "grass", "nature", ("campsite", "campground", "camp", "camping",
                                         "camp site"), (("tent", 1, "idle"), *_STANDER)),
    _out("forest_road", "asphalt", "nature", ("forest road", "forest path", "dirt road",
                                              "country road", "woodland road"),
         (("car", 1, "drive"),)),
    _out("botanical_garden", "grass", "nature", ("botanical garden", "botanic garden",
                                                 "greenhouse", "glasshouse", "arboretum"),
         (("butterfly", 2, "fly"),)),
    _out("golf_course", "grass", "sports", ("golf course", "golf", "fairway", "putting green",
                                            "golf links"), (("athlete", 1, "idle"),)),
    _out("farm", "grass", "farm", ("ranch", "countryside", "farmland", "farmyard"),
         (("cow", 1, "walk"), ("chicken", 2, "walk"))),
    _out("barn", "grass", "farm", ("barn", "barnyard", "hayloft", "barns"),
         (("horse", 1, "walk"), ("chicken", 2, "walk"))),
    _out("windmill", "grass", "nature", ("windmill", "windmills", "wind mill",
                                         "tulip field"), (("sheep", 1, "walk"),)),
    # water's edge and water
    _out("beach", "sand", "nature", ("seaside", "shore", "coast", "ocean shore", "seashore"),
         (("palm_tree", 2, "idle"), ("boat", 1, "float"))),
    Place("ocean", EARTH_G, "water", "nature", ("sea", "lake", "pond", "open sea", "the ocean"),
          scenery=(("sailboat", 1, "drive"), *_BIRDS)),
    Place("underwater", EARTH_G, "sand", "nature", ("under water", "under the sea", "seabed",
                                                   "ocean floor", "sea floor"),
          medium="water", scenery=(("fish", 4, "swim"),)),
    Place("coral_reef", EARTH_G, "sand", "nature", ("coral reef", "reef", "coral reefs",
                                                   "underwater coral reef", "barrier reef"),
          medium="water", scenery=(("fish", 4, "swim"),)),
    _out("lighthouse", "grass", "places", ("lighthouse", "lighthouses", "lighthouse on a coast",
                                           "rocky coast"), _BIRDS),
    _out("harbor", "wood", "places", ("harbor", "harbour", "port", "marina", "dock", "docks",
                                      "pier", "wharf", "quay"), _BIRDS),
    _out("bridge", "stone", "places", ("bridge", "bridges", "footbridge", "suspension bridge",
                                       "bridge over water"), (*_WALKER, *_BIRDS)),
    _out("swimming_pool", "stone", "sports", ("poolside", "lido", "outdoor pool",
                                              "outdoor swimming pool", "pool deck"),
         (("swimming_pool", 1, "idle"),)),
    # streets and the city
    _out("city_street", "asphalt", "city", ("city", "street", "road", "town", "avenue",
                                            "city street", "main street", "sidewalk"),
         (("car", 2, "drive"), *_WALKER)),
    _out("downtown", "asphalt", "city", ("downtown", "city centre", "city center",
                                         "town centre", "business district", "skyline",
                                         "city skyline", "skylines"),
         (("car", 2, "drive"), *_WALKER)),
    _out("alley", "asphalt", "city", ("alley", "alleyway", "back alley", "alleys"),
         (("cat", 1, "walk"),)),
    _out("crosswalk", "asphalt", "city", ("crosswalk", "zebra crossing", "pedestrian crossing",
                                          ), (("person", 2, "walk"),)),
    _out("phone_booth", "stone", "city", ("phone booth", "telephone booth", "phone box",
                                          "telephone box", "call box"), _WALKER),
    _out("skyscraper", "stone", "city", ("skyscraper", "skyscrapers", "high-rise",
                                         "highrise"), _WALKER),
    _out("highway", "asphalt", "vehicles", ("highway", "motorway", "freeway", "expressway",
                                            "interstate"),
         (("car", 2, "drive"), ("truck", 1, "drive"))),
    _out("parking_lot", "asphalt", "city", ("parking lot", "car park", "parking garage",
                                            "parking area"), (("car", 1, "drive"),)),
    _out("gas_station", "stone", "city", ("gas station", "petrol station", "filling station",
                                          "service station"), (("car", 1, "drive"),)),
    _out("construction_site", "sand", "city", ("construction site", "building site",
                                               "construction"), (("truck", 1, "drive"),)),
    _out("industrial_area", "stone", "city", ("industrial area", "industrial zone",
                                              "industrial estate", "industrial park",
                                              "factory", "factories", "refinery"),
         (("truck", 1, "drive"),)),
    _out("junkyard", "sand", "city", ("junkyard", "scrapyard", "scrap yard", "junk yard",
                                      "landfill"), (("dog", 1, "idle"),)),
    _out("driveway", "stone", "home", ("driveway", "drive way", "garage", "front yard"),
         (("dog", 1, "idle"),)),
    _out("train_station", "stone", "vehicles", ("train station", "railway station",
                                                "station platform", "train station platform",
                                                "subway station", "metro station", "station"),
         _WALKER),
    _out("railway", "stone", "vehicles", ("railway", "railroad", "train railway",
                                          "train tracks", "railway track", "railroad tracks",
                                          "train track", "rail line"), (("train", 1, "drive"),)),
    # landmarks
    _out("castle", "grass", "fantasy", ("castle", "fortress", "citadel", "castles"),
         (("knight", 1, "walk"),)),
    _out("palace", "stone", "places", ("palace", "royal palace", "palaces"), _WALKER),
    _out("mansion", "sand", "home", ("mansion", "manor", "villa", "stately home",
                                     "manor house"), _WALKER),
    _out("house", "grass", "home", ("house", "suburban house", "family home", "cottage garden"),
         (("dog", 1, "idle"),)),
    _out("tower", "stone", "places", ("tower", "towers", "radio tower", "eiffel tower",
                                      "observation tower", "tv tower"), _BIRDS),
    _out("arch", "sand", "nature", ("arch", "archway", "stone arch", "natural arch",
                                    "rock arch"), (("eagle", 1, "fly"),)),
    _out("fountain", "stone", "city", ("fountain", "fountains", "plaza", "town square"),
         (("bird", 2, "walk"),)),
    _out("courtyard", "stone", "places", ("courtyard", "court yard", "patio", "cloister",
                                          "quadrangle"), (("bird", 2, "walk"),)),
    _out("cemetery", "grass", "places", ("cemetery", "graveyard", "churchyard",
                                         "burial ground"), (("bird", 1, "fly"),)),
    _out("campus", "stone", "places", ("campus", "university", "college",
                                       "university campus", "college campus"),
         (("person", 2, "walk"),)),
    _out("amusement_park", "stone", "places", ("amusement park", "theme park", "funfair",
                                               "fairground", "carnival"),
         (("child", 1, "walk"),)),
    _out("carousel", "stone", "places", ("carousel", "carrousel", "merry-go-round",
                                         "merry go round"), (("child", 1, "idle"),)),
    # grounds for sport
    _out("stadium", "grass", "sports", ("arena", "sports ground", "stadiums"),
         (("football", 1, "bounce"), ("athlete", 2, "run"))),
    _out("football_field", "grass", "sports", ("football field", "soccer field",
                                               "football pitch", "soccer pitch",
                                               "football stadium", "soccer stadium"),
         (("football", 1, "bounce"), ("athlete", 2, "run"))),
    _out("baseball_stadium", "grass", "sports", ("baseball stadium", "baseball field",
                                                 "ballpark", "ball park", "baseball diamond"),
         (("athlete", 2, "run"),)),
    _out("running_track", "rubber", "sports", ("running track", "outdoor track",
                                               "athletics track", "track and field",
                                               "track field"), (("athlete", 2, "run"),)),
    _out("raceway", "asphalt", "sports", ("raceway", "race track", "racetrack",
                                          "racing circuit", "speedway", "race course"),
         (("car", 2, "drive"),)),
    _out("basketball_court", "stone", "sports", ("basketball court", "basketball courts",
                                                 "streetball court"),
         (("basketball", 1, "bounce"), ("athlete", 1, "run"))),
    _out("tennis_court", "stone", "sports", ("tennis court", "tennis courts"),
         (("tennis_ball", 1, "bounce"), ("athlete", 1, "run"))),
    # sky and space
    _out("sky", "fabric", "nature", ("sky", "skies", "above the clouds", "cloudscape",
                                     "in the clouds"), (("bird", 3, "fly"), ("plane", 1, "fly"))),
    Place("moon", 1.62, "regolith", "space", ("lunar", "moon surface", "the moon",
                                               "on the moon"), medium="vacuum",
          scenery=(("astronaut", 1, "jump"), ("rock", 2, "idle"))),
    Place("mars", 3.71, "regolith", "space", ("martian", "red planet"),
          scenery=(("rock", 3, "idle"), ("robot", 1, "walk"))),
    Place("space", 0.0, "none", "space", ("outer space", "orbit", "galaxy", "stars", "cosmos"),
          medium="vacuum", scenery=(("planet", 1, "orbit"), ("ufo", 1, "float"))),
    # homes
    _in("living_room", "wood", "home", ("living room", "lounge", "sitting room", "room",
                                        "house interior", "home", "apartment"),
        (("cat", 1, "idle"),)),
    _in("bedroom", "wood", "home", ("bedroom", "bed room", "dorm room", "guest room"),
        (("cat", 1, "sleep"),)),
    _in("kitchen", "wood", "food", ("kitchen", "kitchens"),
        (("table", 1, "idle"), ("chef", 1, "walk"))),
    _in("bathroom", "stone", "home", ("bathroom", "washroom", "restroom", "lavatory",
                                      "bath room")),
    _in("shower", "stone", "home", ("shower", "shower stall", "shower room", "shower cubicle")),
    _in("nursery", "fabric", "home", ("nursery", "baby room", "nursery room", "playroom"),
        (("teddy_bear", 1, "idle"),)),
    _in("basement", "stone", "home", ("basement", "cellar", "boiler room"),
        (("mouse", 1, "run"),)),
    _in("staircase", "stone", "home", ("staircase", "stairs", "stairway", "stairwell",
                                       "grand staircase"), (("cat", 1, "walk"),)),
    # shops, food and drink
    _in("cafe", "wood", "food", ("cafe", "café", "coffee shop", "coffeehouse", "coffee house",
                                 "tea room", "teahouse", "espresso bar"), _STANDER),
    _in("restaurant", "wood", "food", ("restaurant", "diner", "bistro", "dining room",
                                       "eatery", "restaurants"), _STANDER),
    _in("bakery", "stone", "food", ("bakery", "bakery shop", "bakeshop", "bake shop",
                                    "patisserie", "pastry shop"), (("chef", 1, "idle"),)),
    _in("bar", "wood", "food", ("bar", "pub", "tavern", "saloon", "cocktail bar", "nightclub"),
        _STANDER),
    _in("cafeteria", "stone", "food", ("cafeteria", "canteen", "lunchroom", "dining hall",
                                       "mess hall"), _WALKER),
    _in("food_court", "stone", "food", ("food court", "shopping mall", "mall",
                                        "food hall"), _WALKER),
    _in("supermarket", "stone", "home", ("supermarket", "grocery store", "grocery",
                                         "grocery shop", "convenience store", "store"),
        _WALKER),
    _in("pharmacy", "stone", "home", ("pharmacy", "drugstore", "drug store", "chemist",
                                      "apothecary"), _STANDER),
    # schools, science and work
    _in("classroom", "wood", "kids", ("classroom", "class room", "school", "schoolroom"),
        (("child", 1, "idle"),)),
    _in("library", "fabric", "home", ("library", "indoor library", "bookshop", "bookstore",
                                      "reading room"), _STANDER),
    _in("laboratory", "stone", "scifi", ("laboratory", "lab", "science lab",
                                         "chemistry lab"), _STANDER),
    _in("office", "fabric", "city", ("office", "workplace", "cubicle", "open office",
                                     "meeting room"), _STANDER),
    _in("hospital", "stone", "people", ("hospital", "hospital room", "ward", "clinic",
                                        "emergency room", "hospital ward")),
    _in("jail_cell", "stone", "drama", ("jail cell", "prison cell", "jail", "prison")),
    _in("corridor", "stone", "home", ("corridor", "hallway", "hall way", "passageway",
                                      "corridors"), _WALKER),
    # halls
    _in("museum", "stone", "art", ("museum", "indoor museum", "history museum",
                                   "museums"), _WALKER),
    _in("science_museum", "stone", "scifi", ("science museum", "science center",
                                             "science centre", "planetarium"),
        (("child", 1, "walk"),)),
    _in("art_gallery", "wood", "art", ("art gallery", "gallery", "art museum",
                                       "exhibition"), _WALKER),
    _in("aquarium", "wood", "ocean", ("aquarium", "oceanarium", "sea life centre"),
        (("child", 1, "idle"),)),
    _in("ballroom", "stone", "dance", ("ballroom", "ball room", "dance hall", "banquet hall"),
        (("dancer", 2, "dance"),)),
    _in("gymnasium", "wood", "sports", ("gymnasium", "gym", "indoor gymnasium",
                                        "sports hall", "indoor court", "boxing ring",
                                        "wrestling ring", "boxing gym"),
        (("basketball", 1, "bounce"), ("athlete", 1, "run"))),
    _in("indoor_swimming_pool", "stone", "sports", ("indoor swimming pool", "indoor pool",
                                                    "natatorium", "swimming hall",
                                                    "aquatic center", "aquatics centre"),
        (("swimming_pool", 1, "idle"),)),
    _in("movie_theater", "fabric", "cinematic", ("movie theater", "movie theatre", "cinema",
                                                 "indoor movie theater", "movie house")),
    _in("music_studio", "wood", "music", ("music studio", "recording studio",
                                          "sound studio"), _STANDER),
    _in("stage", "wood", "music", ("concert", "theater", "theatre", "club", "dance floor",
                                   "concert hall", "on stage"), (("dancer", 1, "dance"),)),
    # "studio" alone is a kind of light; these phrases name the room
    _in("studio", "plastic", "art", ("photo studio", "photography studio", "product studio",
                                     "in a studio", "in the studio", "product shot",
                                     "studio backdrop", "white studio")),
)
PLACES: dict[str, Place] = {p.name: p for p in _PLACE_LIST}

# Ground materials and entity materials share one table in the engine.
MATERIAL_NAMES: tuple[str, ...] = (
    "rubber", "wood", "metal", "glass", "stone", "plastic", "fabric", "flesh", "leather",
    "cardboard", "paper", "food", "plant", "snow", "soap", "ice", "grass", "sand", "asphalt",
    "regolith", "water", "none",
)
