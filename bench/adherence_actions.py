"""What a viewer would accept as acting out each of VBench's 100 Kinetics actions.

Each action maps to the ``Motion`` values (``openreel.spec.storyboard.Motion``) a person
may act it out with and, where the action cannot be read without one, the prop it is done
with (the kind of the entity the actor's ``object`` or ``target`` names), the target it
goes to, the place or floor it needs, and who must act it (a baby). Written by hand from
what the action looks like, not from what the director outputs. An empty set of motions
means no template in the contract depicts the action; such prompts fail until one exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.adherence_tables import HUMANS

ANIMALS_NOT_CAT = frozenset({"dog", "puppy", "horse", "pony", "cow", "sheep", "lamb", "goat",
                             "rabbit", "pig", "donkey", "llama", "alpaca"})


@dataclass(frozen=True)
class ActionExpectation:
    """The storyboard facts that show one action."""

    motions: frozenset[str]
    props: frozenset[str] | None = None  # kinds; the actor's object or target is one of them
    targets: frozenset[str] | None = None  # kinds; the actor's target is one of them
    places: frozenset[str] | None = None
    grounds: frozenset[str] | None = None  # floor materials (Environment.resolved_ground)
    actor_age: str | None = None  # the actor must be this age (kind or persona)
    # the form of the template, for a template with several (sitting is not knitting): the
    # actor's action as worded is one of these
    actions: frozenset[str] | None = None


def _act(motions: str, props: str | frozenset[str] | None = None, *, targets: str | None = None,
         places: str | None = None, grounds: str | None = None,
         actor_age: str | None = None, actions: tuple[str, ...] | None = None
         ) -> ActionExpectation:
    """An expectation from space-separated names."""

    def names(value: str | frozenset[str] | None) -> frozenset[str] | None:
        if value is None or isinstance(value, frozenset):
            return value
        return frozenset(value.split())

    return ActionExpectation(frozenset(motions.split()), names(props), names(targets),
                             names(places), names(grounds), actor_age,
                             frozenset(actions) if actions is not None else None)


NO_TEMPLATE = _act("")

# Kinetics action (as VBench words it after "A person is ") → what shows it.
ACTIONS: dict[str, ActionExpectation] = {
    "riding a bike": _act("ride", "bicycle bike"),
    "marching": _act("march"),
    "roller skating": _act("skate", grounds="asphalt wood stone plastic"),
    "tasting beer": _act("drink", "beer_glass beer_bottle beer_mug glass bottle mug"),
    "clapping": _act("clap"),
    "drawing": _act("write", "paper sketchbook notebook canvas easel drawing_board"),
    # stroking an animal's coat: the brushing template with the hand
    "petting animal (not cat)": _act("brush", ANIMALS_NOT_CAT),
    "eating watermelon": _act("eat", "watermelon"),
    "playing harp": _act("play", "harp"),
    "wrestling": _act("fight", HUMANS),
    "riding scooter": _act("ride", "scooter kick_scooter motor_scooter"),
    "sweeping floor": _act("clean", "broom"),
    "skateboarding": _act("ride skate", "skateboard"),
    "dunking basketball": _act("shoot", "basketball", targets="hoop basketball_hoop"),
    "playing flute": _act("play", "flute"),
    "stretching leg": _act("stretch"),
    "tying tie": _act("pull grab", "tie necktie"),
    "skydiving": _act("fall glide fly", places="sky"),
    "shooting goal (soccer)": _act("kick shoot", "football soccer_ball",
                                   targets="goal soccer_goal"),
    "playing piano": _act("play", "piano grand_piano upright_piano"),
    "finger snapping": NO_TEMPLATE,
    # the catalog's canoe is its "boat" kind (drawn as a canoe; "canoe" and "kayak" name it)
    "canoeing or kayaking": _act("ride", "canoe kayak boat"),
    "laughing": _act("laugh"),
    "digging": _act("dig", "shovel spade"),
    "clay pottery making": NO_TEMPLATE,
    "shooting basketball": _act("shoot", "basketball", targets="hoop basketball_hoop"),
    "bending back": _act("stretch"),
    "shaking hands": _act("shake_hands", HUMANS),
    "bandaging": NO_TEMPLATE,
    "push up": _act("exercise"),
    "catching or throwing frisbee": _act("catch throw", "frisbee flying_disc"),
    "playing trumpet": _act("play", "trumpet"),
    "flying kite": _act("fly pull", "kite"),
    "filling eyebrows": _act("brush", "eyebrow_pencil makeup_brush pencil"),
    "shuffling cards": _act("play", "cards playing_cards deck_of_cards"),
    "folding clothes": _act("clean", "clothes shirt t_shirt towel laundry"),
    "smoking": NO_TEMPLATE,
    "tai chi": _act("stretch"),
    "squat": _act("exercise"),
    "playing controller": _act("type play", "game_controller controller gamepad joystick"),
    "throwing axe": _act("throw", "axe"),
    "giving or receiving award": _act("grab lift carry", "trophy award medal"),
    # drumming on nothing: the playing template without an instrument
    "air drumming": _act("play"),
    "taking a shower": _act("clean", places="shower bathroom"),
    # the catalog's seedling is its "plant" kind (drawn as a sprouting seedling)
    "planting trees": _act("dig", "tree sapling seedling shovel spade plant"),
    # the knife drawn across a sharpening steel, the cutting template's sharpening form
    "sharpening knives": _act("cut", "knife", actions=("sharpening",)),
    "robot dancing": _act("dance"),
    "rock climbing": _act("climb", places="cliff mountains mountain climbing_gym"),
    "hula hooping": _act("spin dance exercise play", "hula_hoop"),
    "writing": _act("write", "paper notebook notepad pen pencil book letter whiteboard "
                             "blackboard"),
    "bungee jumping": _act("jump fall", places="bridge cliff valley"),
    "pushing cart": _act("push", "cart shopping_cart trolley wheelbarrow"),
    "cleaning windows": _act("clean", "window"),
    "cutting watermelon": _act("cut", "watermelon"),
    "cheerleading": _act("cheer"),
    # the catalog's sink is its "kitchen_sink" kind (drawn as a basin with a tap)
    "washing hands": _act("clean", "sink washbasin faucet tap soap kitchen_sink"),
    "ironing": _act("clean", "iron ironing_board"),
    "cutting nails": _act("cut", "nail_clippers nail_clipper scissors"),
    "hugging": _act("hug", HUMANS),
    "trimming or shaving beard": _act("cut", "razor shaver electric_shaver beard_trimmer "
                                             "trimmer"),
    "jogging": _act("run"),
    "making bed": _act("clean", "bed"),
    "washing dishes": _act("clean", "plate dish dishes bowl sink kitchen_sink"),
    "grooming dog": _act("brush", "dog puppy"),
    "doing laundry": _act("clean", "washing_machine laundry laundry_basket clothes"),
    # sitting with needles and a ball of yarn, the sitting template's knitting form
    "knitting": _act("sit", actions=("knitting",)),
    "reading book": _act("read", "book"),
    "baby waking up": _act("stretch sit", actor_age="baby"),
    "massaging legs": NO_TEMPLATE,
    "brushing teeth": _act("brush", "toothbrush"),
    "crawling baby": _act("crawl", actor_age="baby"),
    "motorcycling": _act("ride drive", "motorcycle motorbike"),
    "driving car": _act("drive", "car taxi sports_car"),
    "sticking tongue out": NO_TEMPLATE,
    # a humanoid has nothing to shake but its head
    "shaking head": _act("shake"),
    "sword fighting": _act("fight", "sword"),
    "doing aerobics": _act("exercise"),
    "strumming guitar": _act("play", "guitar acoustic_guitar electric_guitar"),
    "riding or walking with horse": _act("ride walk", "horse pony"),
    "archery": _act("shoot", "bow bow_and_arrow"),
    "catching or throwing baseball": _act("catch throw", "baseball"),
    "playing chess": _act("play", "chess chessboard chess_board"),
    # a game between two people's hands
    "rock scissors paper": _act("play", HUMANS),
    "using computer": _act("type", "laptop computer desktop_computer keyboard "
                                   "computer_keyboard"),
    "arranging flowers": _act("grab", "flower flowers bouquet vase"),
    "bending metal": _act("pull push", "metal_bar bar rod pipe"),
    "ice skating": _act("skate", grounds="ice"),
    "climbing a rope": _act("climb", "rope"),
    "crying": _act("cry"),
    "dancing ballet": _act("dance"),
    "getting a haircut": _act("cut", HUMANS | {"scissors", "hair_clippers", "clippers"}),
    "running on treadmill": _act("run exercise", "treadmill"),
    "kissing": _act("kiss", HUMANS),
    # banknotes held and leafed through, the reading template's counting form
    "counting money": _act("read", "money", actions=("counting money",)),
    "barbequing": _act("cook", "grill barbecue barbecue_grill bbq"),
    "peeling apples": _act("cut", "apple"),
    "milking cow": _act("pull", "cow"),
    "shining shoes": _act("clean brush", "shoe shoes boot boots"),
    "making snowman": _act("push lift carry", "snowman snowball"),
    "sailing": _act("ride drive", "sailboat yacht"),
}
