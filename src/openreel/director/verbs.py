"""What a verb makes a thing do, and what its objects and prepositions point at.

A verb is looked up in the director's verb table (every inflection, phrasal verbs such as
"takes off"); a verb the table lacks is placed through WordNet's verb hierarchy ("sprint"
is a way to run, "graze" a way to eat). A verb never becomes a thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from openreel.director import lexicon as lx
from openreel.director.wordnet import installed
from openreel.spec import Motion, Relation

M = Motion
# The thing handled: "kicks the ball", "plays the guitar", "rides a bike".
OBJECT_MOTIONS = frozenset({
    M.KICK, M.THROW, M.SHOOT, M.CATCH, M.HIT, M.GRAB, M.PUSH, M.PULL, M.CARRY, M.LIFT,
    M.PLAY, M.WRITE, M.READ, M.TYPE, M.COOK, M.EAT, M.DRINK, M.CUT, M.CLEAN, M.BRUSH, M.DIG,
    M.RIDE, M.SIT, M.SURF, M.SKI, M.SKATE, M.CLIMB, M.DRIVE})
# Who or where it is aimed at: "chases a cat", "hugs her friend", "dives into the pool".
TARGET_MOTIONS = frozenset({M.CHASE, M.CRASH, M.POUR, M.HUG, M.KISS, M.FIGHT,
                            M.SHAKE_HANDS, M.DIVE, M.SWOOP, M.WAVE, M.TALK})
TARGET_PREPOSITIONS = frozenset({"into", "through", "at", "toward", "towards", "to", "onto",
                                 "in", "inside", "over", "on", "against", "across", "with"})
START_PREPOSITIONS = frozenset({"off", "from", "off of", "out of", "down"})
RELATION_PREPOSITIONS: dict[str, Relation] = {
    "on": Relation.ON, "onto": Relation.ON, "upon": Relation.ON, "atop": Relation.ON,
    "on top of": Relation.ON, "on the top of": Relation.ON, "at top of": Relation.ON,
    "under": Relation.UNDER, "underneath": Relation.UNDER, "beneath": Relation.UNDER,
    "below": Relation.UNDER, "on bottom of": Relation.UNDER, "at bottom of": Relation.UNDER,
    "above": Relation.ABOVE, "over": Relation.ABOVE,
    "on left of": Relation.LEFT_OF, "to left of": Relation.LEFT_OF,
    "at left of": Relation.LEFT_OF, "left of": Relation.LEFT_OF,
    "on right of": Relation.RIGHT_OF, "to right of": Relation.RIGHT_OF,
    "at right of": Relation.RIGHT_OF, "right of": Relation.RIGHT_OF,
    "behind": Relation.BEHIND, "in back of": Relation.BEHIND,
    "in front of": Relation.IN_FRONT_OF, "before": Relation.IN_FRONT_OF,
    "past": Relation.IN_FRONT_OF,  # "walk past a fire hydrant": by it, not through it
    "in": Relation.INSIDE, "inside": Relation.INSIDE, "within": Relation.INSIDE,
    "next to": Relation.NEXT_TO, "beside": Relation.NEXT_TO, "by": Relation.NEXT_TO,
    "near": Relation.NEXT_TO, "alongside": Relation.NEXT_TO, "close to": Relation.NEXT_TO,
    "at": Relation.NEXT_TO, "with": Relation.NEXT_TO,
}
# Quoted text that is shown, not said: 'a title reads "Summer Sale"'.
CAPTION_NOUNS = frozenset({"title", "text", "caption", "sign", "tagline", "words", "banner",
                           "headline", "slogan", "logo", "subtitle", "label", "message",
                           "poster", "billboard", "letters", "lettering", "neon", "card",
                           "titles", "captions", "subtitles", "screen", "writing"})
CAPTION_VERBS = frozenset({"read", "appear", "display", "show", "spell", "flash", "write",
                           "say", "pop"})

# Verbs whose WordNet senses anchor a motion: an unknown verb that is a kind of one of these
# (a troponym, in WordNet's terms) does that motion.
_ANCHOR_VERBS: dict[str, Motion] = {
    "walk": M.WALK, "run": M.RUN, "jump": M.JUMP, "fly": M.FLY, "swim": M.SWIM,
    "eat": M.EAT, "drink": M.DRINK, "dance": M.DANCE, "fall": M.FALL, "roll": M.ROLL,
    "slide": M.SLIDE, "climb": M.CLIMB, "throw": M.THROW, "kick": M.KICK, "hit": M.HIT,
    "sit": M.SIT, "sleep": M.SLEEP, "talk": M.TALK, "sing": M.TALK, "cook": M.COOK,
    "clean": M.CLEAN, "cut": M.CUT, "write": M.WRITE, "read": M.READ, "play": M.PLAY,
    "fight": M.FIGHT, "hug": M.HUG, "laugh": M.LAUGH, "cry": M.CRY, "push": M.PUSH,
    "pull": M.PULL, "carry": M.CARRY, "lift": M.LIFT, "dig": M.DIG, "ride": M.RIDE,
    "float": M.FLOAT, "sink": M.SINK, "spin": M.SPIN, "bounce": M.BOUNCE, "drive": M.DRIVE,
    "explode": M.EXPLODE, "shake": M.SHAKE, "grow": M.GROW, "pour": M.POUR, "chase": M.CHASE,
    "crash": M.CRASH, "wave": M.WAVE, "clap": M.CLAP, "stretch": M.STRETCH,
    "exercise": M.EXERCISE, "skate": M.SKATE, "ski": M.SKI, "surf": M.SURF, "dive": M.DIVE,
    "break": M.BREAK, "catch": M.CATCH, "grab": M.GRAB, "brush": M.BRUSH, "march": M.MARCH,
    "crawl": M.CRAWL, "glide": M.GLIDE, "swing": M.SWING, "topple": M.TOPPLE, "type": M.TYPE,
}


def motion_of(phrasal: str, text: str, lemma: str, with_object: str = "") -> Motion | None:
    """The motion a verb asks for: its table entry (longest first), else through WordNet."""
    for form in (with_object, phrasal, text, lemma):
        if form in lx.MOTION_VERBS:
            return lx.MOTION_VERBS[form]
    if lemma in _MISLEADING:
        return None
    return _wordnet_motion(lemma)


# Verbs whose WordNet ancestry names an act they do not look like: a scratch is a kind of
# cutting there, and "a man scratches his head" was given a knife.
_MISLEADING = frozenset({"scratch"})


# What only a vehicle does, as a drive with an end: "a truck parks" drives in and stops.
# Not motions of their own (a man parks his bike; cars are parked): the reader gives them
# to vehicles that do them.
VEHICLE_VERBS: dict[str, str] = {"park": "park"}


def could_be_verb(word: str) -> bool:
    """Whether a word the tagger read as a noun may be a verb ("roars", "topples", "cheer")."""
    if word.removesuffix("s") in VEHICLE_VERBS:
        return word.endswith("s")  # "a delivery truck parks"
    if word in lx.MOTION_VERBS or word in lx.SOUND_WORDS:
        return word not in lx.KIND_WORDS or word.endswith("s")
    if not word.endswith("s") or word in lx.KIND_WORDS or word in lx.PLURAL_FORMS:
        return False
    wordnet = installed()
    return wordnet is not None and bool(wordnet.synsets(word, "verb")) and \
        _wordnet_motion(word.removesuffix("es") if word.endswith("ses") else word) is not None


@lru_cache(maxsize=1024)
def _wordnet_motion(lemma: str) -> Motion | None:
    wordnet = installed()
    if wordnet is None:
        return None
    anchors = _verb_anchors()
    for sense in wordnet.synsets(lemma, "verb")[:2]:
        reached = wordnet.ancestors(sense, limit=4)
        hits = sorted((steps, anchors[o]) for o, steps in reached.items() if o in anchors)
        if hits:
            return hits[0][1]
    return None


@lru_cache(maxsize=1)
def _verb_anchors() -> dict[int, Motion]:
    wordnet = installed()
    table: dict[int, Motion] = {}
    if wordnet is None:
        return table
    for verb, motion in _ANCHOR_VERBS.items():
        senses = wordnet.synsets(verb, "verb")
        if senses:
            table.setdefault(senses[0].offset, motion)
    return table


@dataclass(frozen=True, slots=True)
class Handling:
    """What a verb of the body means when a character does it to a thing: "flips a pancake"
    is cooking, not a somersault; "swings a bat" is a hit, not a pendulum."""

    motion: Motion  # what the character does
    wording: str | None = None  # Entity.action, the form of the template
    tool: str | None = None  # the kind it is done with, standing in for the named thing
    thing: Motion | None = None  # what the named thing does in turn
    shown_by_act: bool = False  # the act draws the thing itself (a pancake in the pan)
    alongside: bool = False  # the thing goes along at the character's side (a dog walked)


_FOOD_FLIPPED = ("pancake", "pancakes", "crepe", "crepes", "omelette", "omelet", "egg",
                 "eggs", "flapjack", "flapjacks", "tortilla", "food")
_FOOD_GRILLED = ("burger", "burgers", "patty", "patties", "steak", "steaks", "sausage",
                 "sausages", "hot dog", "hot dogs", "kebab", "kebabs")
# Where cooking happens, drawn by the act itself: "flips a burger on the grill".
COOKWARE = frozenset({"grill", "barbecue", "bbq", "griddle", "stove", "hob", "pan", "skillet",
                      "frying pan", "wok", "cooktop"})
_WALKED = ("dog", "dogs", "puppy", "puppies", "pet", "pets", "horse", "pony", "goat",
           "pig", "cow", "sheep", "llama", "alpaca")
_PAGES = ("page", "pages", "book", "books", "magazine", "newspaper")
# (verb lemma, words of the object, or "" for any thing) → how it is done, first match wins.
_HANDLINGS: dict[str, tuple[tuple[tuple[str, ...], Handling], ...]] = {
    "flip": ((_FOOD_FLIPPED, Handling(M.COOK, "flipping pancakes", shown_by_act=True)),
             (_FOOD_GRILLED, Handling(M.COOK, "grilling", shown_by_act=True)),
             (("coin", "coins"), Handling(M.THROW, "coin toss")),
             (("card", "cards"), Handling(M.PLAY, "cards")),
             (("switch", "page", "pages"), Handling(M.GRAB)),
             ((), Handling(M.PUSH, thing=M.TOPPLE))),
    "toss": ((_FOOD_FLIPPED, Handling(M.COOK, "flipping pancakes", shown_by_act=True)),),
    "roll": ((("dough", "pastry"), Handling(M.COOK, "rolling dough")),
             (("dice", "die", "ball", "balls"), Handling(M.THROW)),
             ((), Handling(M.PUSH, thing=M.ROLL))),
    "turn": ((_PAGES, Handling(M.READ, "turning pages", "book", shown_by_act=True)),
             (("wheel", "steering wheel"), Handling(M.DRIVE)),
             ((), Handling(M.GRAB))),
    "spin": ((("ball", "basketball"), Handling(M.PLAY, "ball")),
             ((), Handling(M.PLAY, thing=M.SPIN))),
    "swing": ((("bat", "racket", "club", "stick", "baseball bat", "tennis racket",
                "golf club"), Handling(M.HIT)),
              (("sword", "sabre", "saber"), Handling(M.FIGHT, "sword")),
              (("axe", "hammer"), Handling(M.CUT, "chop"))),
    "bounce": ((("ball", "basketball", "balls"), Handling(M.PLAY, "ball", thing=M.BOUNCE)),),
    "slide": (((), Handling(M.PUSH, thing=M.SLIDE)),),
    # walking a dog: the two walk together, the dog at heel (its lead is not staged)
    "walk": ((_WALKED, Handling(M.WALK, thing=M.WALK, alongside=True)),),
    # the kite flies on its line; the one flying it stands holding the line
    "fly": ((("kite", "kites"), Handling(M.PULL, "kite")),),
    # held until it slips from the hands; a brittle thing breaks on the floor
    "drop": (((), Handling(M.IDLE, thing=M.FALL)),),
}


# Acts that draw what they are done with themselves (the pan a pancake is tossed in, a
# coin too small to stage), so no prop is brought on for them.
SELF_EQUIPPED = frozenset({"flipping pancakes", "grilling", "coin toss", "painting",
                           "blowing bubbles"})


def handling(lemma: str, words: str) -> Handling | None:
    """How a character does the verb ``lemma`` to a thing named ``words``, when the verb
    alone would move the character's own body ("flips", "rolls", "spins", "turns")."""
    padded = f" {words} "
    for names, how in _HANDLINGS.get(lemma, ()):
        if not names or any(f" {name} " in padded for name in names):
            return how
    return None


# Verbs that move a thing off where it stands: "knocks a glass off the counter".
DISPLACING_VERBS = frozenset({"knock", "push", "shove", "nudge", "bump", "swat", "bat", "tip",
                              "sweep", "flick", "paw"})
# Materials that break rather than bounce when they fall from a counter or a table.
BRITTLE = frozenset({"glass", "ceramic", "porcelain", "china", "clay", "crystal"})
