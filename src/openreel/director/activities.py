"""Activities people name as a whole rather than as a verb and its object: "tai chi",
"rock climbing", "doing laundry", "a haircut". Each is an action template with the things
it is done with, the place or floor it needs, and whether it takes a partner.

Words of an activity are read together (the "rock" of rock climbing is no rock on stage,
the "bed" of making a bed is the bed being made), before the sentence's own grammar.
"""

from __future__ import annotations

from dataclasses import dataclass

from openreel.spec import Age, Motion

M = Motion


@dataclass(frozen=True, slots=True)
class Activity:
    """How an activity is staged."""

    motion: Motion
    props: tuple[str, ...] = ()  # kinds it is done with, the first the catalog has
    places: tuple[str, ...] = ()  # where it happens when the prompt names nowhere
    ground: str | None = None  # the floor it needs (ice for ice skating)
    partner: bool = False  # done with someone (wrestling, a handshake)
    age: Age | None = None  # who does it ("a baby waking up")
    wording: str | None = None  # Entity.action: the form of the template it asks for
    target: str | None = None  # the kind it is aimed at (an axe at a target)
    answer: Motion | None = None  # what the partner does back (catches what is thrown)
    makes: bool = False  # the thing it makes is drawn by the act ("sews a quilt")
    shore: bool = False  # done from the bank of the water named ("fishing on a lake")


def _a(motion: Motion, *props: str, places: tuple[str, ...] = (), ground: str | None = None,
       partner: bool = False, age: Age | None = None, wording: str | None = None,
       target: str | None = None, answer: Motion | None = None, makes: bool = False,
       shore: bool = False) -> Activity:
    return Activity(motion, props, places, ground, partner, age, wording, target, answer,
                    makes, shore)


ACTIVITIES: dict[str, Activity] = {
    # sport and exercise
    "tai chi": _a(M.STRETCH, places=("park",), wording="tai chi"),
    "yoga": _a(M.STRETCH, wording="yoga"), "doing yoga": _a(M.STRETCH, wording="yoga"),
    "push up": _a(M.EXERCISE, wording="push-ups"), "push ups": _a(M.EXERCISE, wording="push-ups"),
    "push-up": _a(M.EXERCISE, wording="push-ups"),
    "push-ups": _a(M.EXERCISE, wording="push-ups"), "pushups": _a(M.EXERCISE,
                                                                   wording="push-ups"),
    "squat": _a(M.EXERCISE, wording="squats"), "squats": _a(M.EXERCISE, wording="squats"),
    "aerobics": _a(M.EXERCISE, wording="aerobics"),
    "hula hooping": _a(M.EXERCISE, "hula_hoop", wording="hula hoop"),
    "jogging": _a(M.RUN, places=("park",)), "jog": _a(M.RUN, places=("park",)),
    "cheerleading": _a(M.CHEER, places=("stadium",), wording="cheerleading"),
    "robot dancing": _a(M.DANCE, wording="robot dance"),
    "robot dance": _a(M.DANCE, wording="robot dance"),
    "dancing ballet": _a(M.DANCE, places=("stage",), wording="ballet"),
    "ballet": _a(M.DANCE, places=("stage",), wording="ballet"),
    "air drumming": _a(M.PLAY, wording="air drums"),
    "rock climbing": _a(M.CLIMB, places=("cliff", "mountains"), wording="rock wall"),
    "bungee jumping": _a(M.JUMP, places=("bridge", "cliff", "mountains"),
                         wording="bungee jump"),
    "skydiving": _a(M.FALL, places=("sky",), wording="skydiving"),
    "archery": _a(M.SHOOT, "bow_and_arrow", places=("park",), wording="archery",
                  target="target"),
    "throwing axe": _a(M.THROW, "axe", places=("park", "forest"), target="target",
                       wording="axe throwing"),
    "throwing an axe": _a(M.THROW, "axe", places=("park", "forest"), target="target",
                          wording="axe throwing"),
    "catching or throwing frisbee": _a(M.THROW, "frisbee", places=("park", "beach"),
                                       partner=True, answer=M.CATCH),
    "playing frisbee": _a(M.THROW, "frisbee", places=("park", "beach"), partner=True,
                          answer=M.CATCH),
    "catching or throwing baseball": _a(M.THROW, "baseball", places=("park",), partner=True,
                                        answer=M.CATCH),
    "playing catch": _a(M.THROW, "baseball", places=("park",), partner=True, answer=M.CATCH),
    "play catch": _a(M.THROW, "baseball", places=("park",), partner=True, answer=M.CATCH),
    "plays catch": _a(M.THROW, "baseball", places=("park",), partner=True, answer=M.CATCH),
    "shooting goal": _a(M.KICK, "football", places=("football_field", "stadium")),
    "scoring a goal": _a(M.KICK, "football", places=("football_field", "stadium")),
    "sword fighting": _a(M.FIGHT, "sword", partner=True, wording="sword fight"),
    "wrestling": _a(M.FIGHT, partner=True, wording="wrestling"),
    "boxing": _a(M.FIGHT, partner=True, wording="boxing"),
    "karate": _a(M.FIGHT, partner=True, wording="boxing"),
    "roller skating": _a(M.SKATE, places=("city_street",), ground="asphalt",
                         wording="roller skates"),
    "ice skating": _a(M.SKATE, ground="ice", wording="ice skates"),
    "skateboarding": _a(M.RIDE, "skateboard", places=("city_street",),
                        wording="skateboard"),
    "snowboarding": _a(M.SKI, places=("ski_slope", "snow"), wording="snowboard"),
    "motorcycling": _a(M.RIDE, "motorcycle", places=("city_street",), wording="motorbike"),
    "sailing": _a(M.RIDE, "sailboat", places=("ocean",), wording="boat"),
    "canoeing": _a(M.RIDE, "boat", places=("river", "ocean"), wording="kayak"),
    "kayaking": _a(M.RIDE, "boat", places=("river", "ocean"), wording="kayak"),
    "driving car": _a(M.DRIVE, "car", places=("city_street",)),
    "driving a car": _a(M.DRIVE, "car", places=("city_street",)),
    "running on treadmill": _a(M.EXERCISE, "treadmill", places=("gym",), wording="treadmill"),
    "running on a treadmill": _a(M.EXERCISE, "treadmill", places=("gym",),
                                 wording="treadmill"),
    "climbing a rope": _a(M.CLIMB, "rope", places=("gym",), wording="rope"),
    # tricks on a board or a bike: the trick is done riding it
    "kickflip": _a(M.RIDE, "skateboard", places=("city_street",), wording="kickflip"),
    "kickflips": _a(M.RIDE, "skateboard", places=("city_street",), wording="kickflip"),
    "ollie": _a(M.RIDE, "skateboard", places=("city_street",), wording="kickflip"),
    "heelflip": _a(M.RIDE, "skateboard", places=("city_street",), wording="kickflip"),
    "skateboard trick": _a(M.RIDE, "skateboard", places=("city_street",), wording="kickflip"),
    "skateboard tricks": _a(M.RIDE, "skateboard", places=("city_street",),
                            wording="kickflip"),
    "backflip": _a(M.FLIP), "backflips": _a(M.FLIP), "somersault": _a(M.FLIP),
    "somersaults": _a(M.FLIP), "cartwheel": _a(M.FLIP), "cartwheels": _a(M.FLIP),
    "front flip": _a(M.FLIP), "back flip": _a(M.FLIP),
    "trick": _a(M.FLIP, wording="trick"), "tricks": _a(M.FLIP, wording="trick"),
    "stunt": _a(M.FLIP, wording="trick"), "stunts": _a(M.FLIP, wording="trick"),
    "wheelie": _a(M.RIDE, "bicycle", places=("city_street",), wording="wheelie"),
    "wheelies": _a(M.RIDE, "bicycle", places=("city_street",), wording="wheelie"),
    # eating, drinking, cooking
    "tasting beer": _a(M.DRINK, "glass", wording="beer"),
    "drinking beer": _a(M.DRINK, "glass", wording="beer"),
    "barbequing": _a(M.COOK, "grill", places=("park",), wording="barbecue"),
    "barbecuing": _a(M.COOK, "grill", places=("park",), wording="barbecue"),
    "peeling apples": _a(M.CUT, "apple", places=("kitchen",), wording="peeling"),
    "sharpening knives": _a(M.CUT, "knife", places=("kitchen",), wording="sharpening"),
    "sharpening a knife": _a(M.CUT, "knife", places=("kitchen",), wording="sharpening"),
    # chores and care
    "doing laundry": _a(M.CLEAN, "clothes", wording="folding laundry"),
    "folding clothes": _a(M.CLEAN, "clothes", wording="folding clothes"),
    "making bed": _a(M.CLEAN, "bed", places=("bedroom", "living_room"), wording="making bed"),
    "making the bed": _a(M.CLEAN, "bed", places=("bedroom", "living_room"),
                         wording="making bed"),
    "taking a shower": _a(M.CLEAN, "soap", places=("shower", "bathroom"), wording="shower"),
    "washing hands": _a(M.CLEAN, "kitchen_sink", places=("bathroom", "kitchen"),
                        wording="washing hands"),
    "washing dishes": _a(M.CLEAN, "kitchen_sink", "plate", places=("kitchen",),
                         wording="washing dishes"),
    "cleaning windows": _a(M.CLEAN, "window", wording="cleaning windows"),
    "ironing": _a(M.CLEAN, "ironing_board", wording="ironing"),
    "sweeping floor": _a(M.CLEAN, "broom", wording="sweeping"),
    "sweeping the floor": _a(M.CLEAN, "broom", wording="sweeping"),
    "cutting nails": _a(M.CUT, "scissors", wording="cutting nails"),
    "trimming or shaving beard": _a(M.CUT, "razor", wording="shaving beard"),
    "shaving beard": _a(M.CUT, "razor", wording="shaving beard"),
    "getting a haircut": _a(M.CUT, "scissors", partner=True, wording="haircut"),
    "filling eyebrows": _a(M.BRUSH, "pencil", wording="eyebrows"),
    "brushing teeth": _a(M.BRUSH, "toothbrush", places=("bathroom",), wording="teeth"),
    "shining shoes": _a(M.CLEAN, "shoe", wording="polishing shoes"),
    "petting animal": _a(M.BRUSH, "dog", wording="petting"),
    "petting": _a(M.BRUSH, "dog", wording="petting"),
    # making and handling
    "giving or receiving award": _a(M.LIFT, "trophy", wording="trophy"),
    "receiving award": _a(M.LIFT, "trophy", wording="trophy"),
    "arranging flowers": _a(M.GRAB, "vase", "flower", wording="arranging flowers"),
    "bending metal": _a(M.PULL, "metal_bar", wording="bending metal"),
    "tying tie": _a(M.PULL, "tie", wording="tying tie"),
    "milking cow": _a(M.PULL, "cow", places=("farm",), wording="milking"),
    "making snowman": _a(M.PUSH, "snowman", places=("snow",), wording="snowball"),
    "making a snowman": _a(M.PUSH, "snowman", places=("snow",), wording="snowball"),
    "using computer": _a(M.TYPE, "laptop", places=("office",), wording="laptop"),
    "using a computer": _a(M.TYPE, "laptop", places=("office",), wording="laptop"),
    "flying kite": _a(M.PULL, "kite", places=("park", "beach"), wording="kite"),
    # a picnic is sitting on a blanket on the grass, eating
    "picnic": _a(M.SIT, places=("park",), wording="picnic"),
    "picnics": _a(M.SIT, places=("park",), wording="picnic"),
    "having a picnic": _a(M.SIT, places=("park",), wording="picnic"),
    "have a picnic": _a(M.SIT, places=("park",), wording="picnic"),
    "has a picnic": _a(M.SIT, places=("park",), wording="picnic"),
    # fishing is done from the bank: a lake or a sea named is the water beside it
    "fishing": _a(M.PULL, places=("river",), wording="fishing", shore=True),
    "goes fishing": _a(M.PULL, places=("river",), wording="fishing", shore=True),
    "go fishing": _a(M.PULL, places=("river",), wording="fishing", shore=True),
    "flying a kite": _a(M.PULL, "kite", places=("park", "beach"), wording="kite"),
    "planting trees": _a(M.DIG, "plant", places=("park", "farm"), wording="planting"),
    "planting a tree": _a(M.DIG, "plant", places=("park", "farm"), wording="planting"),
    "shuffling cards": _a(M.PLAY, "playing_cards", wording="shuffling cards"),
    # kneeling in the sand, patting the castle into shape
    **{f"{verb} {thing}": _a(M.DIG, "sandcastle", places=("beach",), ground="sand",
                             wording="sandcastle")
       for verb in ("build", "builds", "building", "built", "make", "makes", "making")
       for thing in ("a sandcastle", "sandcastles", "a sand castle", "sand castles",
                     "the sandcastle")},
    # needlework: done sitting, the seat named ("on a porch swing") or a chair, indoors
    # unless the prompt says where; the piece in the hands is the act's own
    **{word: _a(M.SIT, places=("living_room",), wording="knitting", makes=True) for word in (
        "knit", "knits", "knitting", "crochet", "crochets", "crocheting", "sew", "sews",
        "sewing", "embroider", "embroiders", "embroidering")},
    # banknotes held in both hands, eyes on them, one flicked over now and then
    "counting money": _a(M.READ, "money", places=("office",), wording="counting money"),
    # a wand dipped in a little bottle and blown through: the bubbles are the act's own
    **{f"{verb} {thing}": _a(M.PLAY, places=("park",), wording="blowing bubbles")
       for verb in ("blow", "blows", "blowing", "blew", "make", "makes", "making")
       for thing in ("bubbles", "soap bubbles", "some bubbles", "big bubbles")},
    "rock scissors paper": _a(M.PLAY, partner=True, wording="rock paper scissors"),
    "rock paper scissors": _a(M.PLAY, partner=True, wording="rock paper scissors"),
    # babies
    "baby waking up": _a(M.STRETCH, places=("bedroom", "living_room"), age=Age.BABY,
                         wording="waking up"),
    "crawling baby": _a(M.CRAWL, places=("living_room",), age=Age.BABY),
}


# People named by what they do: "a skateboarder" rides a skateboard, "a surfer" surfs. The
# role is what they do when the prompt gives them nothing else to do; a jump or a trick is
# done riding ("a skateboarder jumps", "a surfer does a trick").
ROLES: dict[str, Activity] = {
    "skateboarder": _a(M.RIDE, "skateboard", places=("city_street",), wording="skateboard"),
    "skateboarders": _a(M.RIDE, "skateboard", places=("city_street",), wording="skateboard"),
    "skater": _a(M.RIDE, "skateboard", places=("city_street",), wording="skateboard"),
    "cyclist": _a(M.RIDE, "bicycle", places=("city_street",)),
    "cyclists": _a(M.RIDE, "bicycle", places=("city_street",)),
    "biker": _a(M.RIDE, "bicycle", places=("city_street",)),
    "bicyclist": _a(M.RIDE, "bicycle", places=("city_street",)),
    "motorcyclist": _a(M.RIDE, "motorcycle", places=("city_street",), wording="motorbike"),
    "jockey": _a(M.RIDE, "horse", places=("farm",)),
    "horseman": _a(M.RIDE, "horse", places=("farm",)),
    "equestrian": _a(M.RIDE, "horse", places=("farm",)),
    "surfer": _a(M.SURF, "surfboard", places=("beach",)),
    "surfers": _a(M.SURF, "surfboard", places=("beach",)),
    "skier": _a(M.SKI, "ski_set", places=("ski_slope", "snow")),
    "skiers": _a(M.SKI, "ski_set", places=("ski_slope", "snow")),
    "snowboarder": _a(M.SKI, places=("ski_slope", "snow"), wording="snowboard"),
    "swimmer": _a(M.SWIM, places=("swimming_pool", "ocean")),
    "swimmers": _a(M.SWIM, places=("swimming_pool", "ocean")),
    "runner": _a(M.RUN, places=("running_track", "park")),
    "jogger": _a(M.RUN, places=("park",)),
    "sprinter": _a(M.RUN, places=("running_track",)),
    "guitarist": _a(M.PLAY, "guitar", wording="guitar"),
    "pianist": _a(M.PLAY, "piano", wording="piano"),
    "drummer": _a(M.PLAY, "drum", wording="drums"),
    "violinist": _a(M.PLAY, "violin", wording="violin"),
    "boxer": _a(M.FIGHT, partner=True, places=("gymnasium",), wording="boxing"),
    "boxers": _a(M.FIGHT, partner=True, places=("gymnasium",), wording="boxing"),
    "wrestler": _a(M.FIGHT, partner=True, places=("gymnasium",), wording="wrestling"),
    "wrestlers": _a(M.FIGHT, partner=True, places=("gymnasium",), wording="wrestling"),
    "gardener": _a(M.DIG, "plant", places=("botanical_garden", "park"), wording="planting"),
    "painter": _a(M.WRITE, wording="painting"),
}
# Verbs that name what they are done on: "a teenager skateboards", "she kayaks".
VERB_ACTIVITIES: dict[str, str] = {
    "skateboard": "skateboarding", "longboard": "skateboarding",
    "snowboard": "snowboarding", "kayak": "kayaking", "canoe": "canoeing",
    "rollerblade": "roller skating", "rollerskate": "roller skating", "fish": "fishing",
}
# Places a bank-side activity moves to from the water the prompt names ("fishing on a lake").
SHORES = {"ocean": "river", "underwater": "river"}
# What a rider's jump or flip is: a trick done on the board, not a leap off it.
RIDING = frozenset({M.RIDE, M.SKATE, M.SKI, M.SURF})
TRICKS = frozenset({M.JUMP, M.FLIP, M.SPIN})
# What a rider's going along is: "a skateboarder rolls down the street" rides.
GOING = frozenset({M.ROLL, M.SLIDE, M.DRIVE, M.GLIDE})
