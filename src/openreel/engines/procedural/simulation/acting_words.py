"""Which way an act is done, read from the words of the prompt and the thing it is done with.

"Playing" a piano is not playing a flute; "cleaning" with a broom is sweeping and at a
sink is washing up. The variant comes from the act's own wording (``Entity.action``),
then from the kind and label of its object, then from the actor's kind, else the
act's most common form.
"""

from __future__ import annotations

from openreel.spec import Archetype, Entity, Motion

M = Motion
A = Archetype

HUMAN_ACTS = frozenset({
    M.MARCH, M.CRAWL, M.SKATE, M.SKI, M.SURF, M.RIDE, M.FLIP, M.GRAB, M.PUSH, M.PULL, M.CARRY,
    M.LIFT, M.FIGHT, M.HUG, M.KISS, M.SHAKE_HANDS, M.CLAP, M.CHEER, M.LAUGH, M.CRY, M.PLAY,
    M.WRITE, M.READ, M.TYPE, M.COOK, M.EAT, M.DRINK, M.CUT, M.CLEAN, M.BRUSH, M.DIG,
    M.STRETCH, M.EXERCISE, M.DANCE, M.WAVE, M.SIT, M.CLIMB, M.SLEEP,
})
ANIMAL_ACTS = frozenset({M.EAT, M.DRINK, M.PLAY, M.SIT, M.SLEEP})
SOCIAL = frozenset({M.FIGHT, M.HUG, M.KISS, M.SHAKE_HANDS})

# variant -> words that ask for it (matched against the act's wording, then the object's)
VARIANTS: dict[Motion, dict[str, tuple[str, ...]]] = {
    M.PLAY: {
        "piano": ("piano", "keyboard", "organ", "keys"), "harp": ("harp",),
        "drums": ("drum", "drums", "drumming", "drumkit"),
        "guitar": ("guitar", "ukulele", "banjo", "bass", "strum", "strumming", "lute"),
        "violin": ("violin", "fiddle", "cello", "viola"),
        "flute": ("flute", "recorder", "clarinet", "oboe", "whistle"),
        "trumpet": ("trumpet", "horn", "saxophone", "sax", "trombone", "bugle", "tuba"),
        "controller": ("controller", "gamepad", "joystick", "video game", "console"),
        "chess": ("chess", "checkers", "board game", "chessboard"),
        "cards": ("cards", "card", "poker", "shuffling", "deck"),
        "ball": ("ball", "football", "basketball", "frisbee"),
        "bubbles": ("bubbles", "bubble", "blowing bubbles"),
    },
    M.WRITE: {"easel": ("paint", "painting", "easel", "canvas", "drawing", "draw", "sketch"),
              "desk": ("write", "writing", "pen", "paper", "letter", "notebook", "desk")},
    M.TYPE: {"phone": ("phone", "smartphone", "texting", "text", "mobile"),
             "laptop": ("laptop", "computer", "keyboard", "typing", "pc", "notebook"),
             "controller": ("controller", "gamepad")},
    M.COOK: {"flip": ("flipping", "pancake", "pancakes", "crepe", "crepes", "flapjack"),
             "grill": ("grill", "grilling", "barbecue", "barbeque", "barbequing", "bbq"),
             "stir": ("stir", "stirring", "pot", "soup", "bowl", "boil"),
             "pan": ("fry", "frying", "pan", "wok", "stove", "flip")},
    M.CUT: {"peel": ("peel", "peeling", "apple", "potato"),
            "chop": ("chop", "chopping", "slice", "slicing", "knife", "watermelon", "board"),
            "shave": ("shave", "shaving", "beard", "razor", "trim beard"),
            "nails": ("nails", "nail", "clipping"),
            "sharpen": ("sharpen", "sharpening", "whetstone"),
            "hair": ("haircut", "hair", "scissors", "barber")},
    M.CLEAN: {"sweep": ("sweep", "sweeping", "broom", "floor"), "mop": ("mop", "mopping"),
              "dishes": ("dish", "dishes", "sink", "washing up", "plates"),
              "window": ("window", "windows", "glass", "mirror"),
              "iron": ("iron", "ironing"), "fold": ("fold", "folding", "laundry", "clothes"),
              "hands": ("hands", "washing hands"),
              "shower": ("shower", "showering", "bath", "bathing"),
              "wipe": ("wipe", "wiping", "table", "car", "scrub", "polish")},
    M.BRUSH: {"teeth": ("teeth", "toothbrush", "tooth"),
              "hair": ("hair", "comb", "combing", "hairbrush"),
              "groom": ("groom", "grooming", "dog", "horse", "cat", "pet", "petting", "fur")},
    M.DIG: {"sandcastle": ("sandcastle", "sand castle"),
            "plant": ("plant", "planting", "seed", "tree", "sapling", "flower"),
            "shovel": ("dig", "digging", "shovel", "spade")},
    M.STRETCH: {"tai_chi": ("tai chi", "taichi", "qigong"),
                "back": ("bend back", "bending back", "backbend", "back"),
                "yoga": ("yoga", "pose", "meditate", "meditating"),
                "leg": ("leg", "legs", "hamstring", "stretching leg", "lunge")},
    M.EXERCISE: {"pushup": ("push up", "push-up", "push-ups", "pushups", "pushup", "plank"),
                 "hoop": ("hula", "hoop", "hooping"),
                 "aerobics": ("aerobics", "aerobic", "jumping jacks", "workout"),
                 "squat": ("squat", "squats", "squatting"),
                 "treadmill": ("treadmill",), "weights": ("dumbbell", "barbell", "weights")},
    M.DANCE: {"ballet": ("ballet", "ballerina", "pirouette", "tutu"),
              "robot": ("robot", "robotic", "popping"),
              "cheer": ("cheerleading", "cheerleader", "pompom", "pom-pom")},
    M.FIGHT: {"sword": ("sword", "swords", "fencing", "sword fighting", "duel", "saber"),
              "wrestle": ("wrestle", "wrestling", "grapple", "judo", "sumo")},
    M.RIDE: {"kickflip": ("kickflip", "kickflips", "ollie", "heelflip", "trick", "tricks"),
             "bike": ("bike", "bicycle", "cycle", "cycling", "pedal", "tricycle"),
             "scooter": ("scooter", "kick scooter"),
             "motorbike": ("motorcycle", "motorbike", "moped", "motorcycling"),
             "skateboard": ("skateboard", "skateboarding", "longboard"),
             "horse": ("horse", "pony", "donkey", "camel", "horseback"),
             "boat": ("canoe", "kayak", "canoeing", "kayaking", "rowing", "boat", "raft"),
             "car": ("car", "drive", "driving", "truck", "tractor", "bus")},
    M.SKATE: {"ice": ("ice", "ice skating", "figure skating"),
              "roller": ("roller", "rollerblade", "rollerblading", "roller skating")},
    M.SKI: {"snowboard": ("snowboard", "snowboarding"), "ski": ("ski", "skiing", "skis")},
    M.CHEER: {"pompoms": ("cheerleading", "cheerleader", "pompom", "pom-pom")},
    M.CLIMB: {"rope": ("rope",), "wall": ("wall", "rock", "cliff", "bouldering", "climbing wall"),
              "ladder": ("ladder", "stairs")},
    M.EAT: {"slice": ("watermelon", "melon", "pizza", "sandwich", "burger"),
            "spoon": ("soup", "cereal", "spoon", "bowl", "rice", "noodles")},
    M.CARRY: {"shoulder": ("shoulder", "shoulders", "log", "plank")},
    M.PULL: {"bend": ("bend", "bending", "bending metal", "metal bar", "steel bar", "iron bar"),
             "kite": ("kite", "kites"), "fishing": ("fishing", "fishes", "rod")},
    M.LIFT: {"barbell": ("barbell", "weights", "weightlifting", "dumbbell")},
    M.SIT: {"knit": ("knit", "knits", "knitting", "knitted", "crochet", "crochets",
                     "crocheting", "sew", "sews", "sewing", "embroider", "embroidering"),
            "read": ("reading", "reads", "read", "book", "newspaper", "magazine"),
            "picnic": ("picnic", "picnics"),
            "chair": ("chair", "stool", "bench", "sofa", "couch", "seat")},
}
# the form an act takes when nothing says otherwise
DEFAULTS: dict[Motion, str] = {
    M.PLAY: "guitar", M.WRITE: "desk", M.TYPE: "laptop", M.COOK: "pan", M.CUT: "chop",
    M.CLEAN: "sweep", M.BRUSH: "teeth", M.DIG: "shovel", M.STRETCH: "leg",
    M.EXERCISE: "squat", M.DANCE: "pop", M.FIGHT: "box", M.RIDE: "bike", M.SKATE: "ice",
    M.SKI: "ski", M.CLIMB: "rope", M.CHEER: "arms", M.EAT: "bite", M.CARRY: "front",
    M.LIFT: "box", M.SIT: "ground",
}
# kinds whose identity implies a form of the act
KIND_VARIANTS: dict[tuple[Motion, str], str] = {
    (M.DANCE, "dancer"): "ballet", (M.DANCE, "robot"): "robot", (M.FIGHT, "knight"): "sword",
}
# things people stand or sit at rather than pick up
STATION_WORDS = ("piano", "organ", "harp", "drum", "table", "desk", "counter", "stove", "oven",
                 "grill", "barbecue", "sink", "easel", "bed", "sofa", "couch", "chair", "bench",
                 "stool", "window", "wall", "workbench", "anvil", "fridge", "car", "truck",
                 "computer", "board", "washing machine", "tree", "rope", "ladder", "sandcastle")
MOUNT_ARCHETYPES = (A.VEHICLE, A.BOAT, A.QUADRUPED)
BOARDS = ("skateboard", "kickflip")  # ridden standing on a board, which tricks flip


def words_of(entity: Entity | None) -> str:
    """Lower-case text naming an entity: its kind and the word the prompt used."""
    if entity is None:
        return ""
    return f" {entity.kind.replace('_', ' ')} {(entity.label or '').lower()} "


def _found(words: tuple[str, ...], text: str) -> bool:
    return any(f" {w} " in text or (" " in w and w in text) for w in words)


def choose_variant(motion: Motion, actor: Entity, thing: Entity | None) -> str:
    """The form of ``motion`` that the actor's wording, its object or its kind asks for."""
    table = VARIANTS.get(motion, {})
    action = f" {(actor.action or '').lower().replace('-', ' ')} "
    for text in (action, words_of(thing)):
        for variant, words in table.items():
            if _found(tuple(w.replace("-", " ") for w in words), text):
                return variant
    if thing is not None and motion is M.RIDE:
        if thing.kind in ("horse", "cow", "elephant", "dog", "sheep", "pig"):
            return "horse"
        if thing.kind in ("boat", "sailboat", "ship"):
            return "boat"
    if (motion, actor.kind) in KIND_VARIANTS:
        return KIND_VARIANTS[(motion, actor.kind)]
    if motion is M.BRUSH and thing is not None and thing.kind in ("dog", "cat", "horse", "cow",
                                                                 "sheep", "rabbit"):
        return "groom"
    return DEFAULTS.get(motion, "")


def prop_use(motion: Motion, variant: str, thing: Entity, archetype: Archetype,
             height: float, actor_size: float) -> str:
    """How an act uses its object: held, station, mount, ground or partner."""
    if motion is M.RIDE and variant in BOARDS and archetype is A.PROP:
        return "held"  # a board under the feet goes where the feet take it
    if motion is M.RIDE:
        return "mount"
    if archetype in (A.HUMANOID, A.QUADRUPED):
        if motion is M.BRUSH or motion in SOCIAL or motion in (M.HUG, M.KISS):
            return "partner" if motion in SOCIAL else "station"
        if motion in (M.CARRY, M.LIFT, M.GRAB) and height < 0.6 * actor_size:
            return "held"
        return "station"
    text = words_of(thing)
    if motion in (M.SIT, M.SLEEP, M.CLIMB):
        return "station"
    if motion is M.PLAY and variant in ("piano", "harp", "drums", "chess"):
        return "station"
    if _found(STATION_WORDS, text) and motion not in (M.CARRY, M.LIFT, M.GRAB, M.PUSH,
                                                        M.PULL):
        return "station"
    if archetype in (A.FURNITURE, A.BUILDING, A.TREE, A.VEHICLE, A.BOAT, A.AIRCRAFT):
        return "station"
    if height > 0.75 * actor_size and motion not in (M.PUSH, M.PULL):
        return "station"
    return "held"
