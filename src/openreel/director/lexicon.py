"""Word tables: every word the director understands and what it means."""

from __future__ import annotations

from openreel.spec import (
    COLOURS,
    KINDS,
    PLACES,
    CameraMove,
    Direction,
    Framing,
    Lighting,
    Mood,
    Motion,
    Style,
    TimeOfDay,
    Weather,
)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _kind_words() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind in KINDS.values():
        for word in (kind.name.replace("_", " "), *kind.words):
            table.setdefault(word, kind.name)
            table.setdefault(_plural(word), kind.name)
    return table


KIND_WORDS: dict[str, str] = _kind_words()
KIND_WORDS.update({"geese": "duck", "oxen": "cow", "puppies": "dog",
                   "kitties": "cat", "ponies": "horse", "bunnies": "rabbit"})
# nouns plural in form that name one thing ("scissors", "skis": one pair)
PAIR_NOUNS = frozenset({"scissors", "skis", "shears", "spectacles", "binoculars",
                        "pants", "trousers", "jeans", "shorts", "tongs", "pliers",
                        "headphones", "goggles"})
PLURAL_FORMS: frozenset[str] = (frozenset(
    _plural(w) for kind in KINDS.values() for w in (kind.name.replace("_", " "), *kind.words)
) | {"people", "men", "women", "children", "kids", "mice", "cacti", "snowmen", "geese"}) \
    - PAIR_NOUNS

COLOUR_WORDS: dict[str, str] = {
    w: c.name for c in COLOURS.values() for w in (c.name, *c.words)}

PLACE_WORDS: dict[str, str] = {
    w: p.name for p in PLACES.values() for w in (p.name.replace("_", " "), *p.words)}
# Words that name a place only inside a longer phrase would mislead alone. A swimming pool
# is the thing (something dives into it; the director stages it in the swimming_pool place),
# never the place's name, so "a dog jumps into the pool" keeps the pool it jumps into.
for _ambiguous in ("home", "room", "orbit", "stars", "earth", "court", "swimming pool"):
    PLACE_WORDS.pop(_ambiguous, None)
# Places the catalog lacks, staged in the nearest one it has (and said so by --explain): a
# skate park is paved city ground, not the grass of a park.
NEAREST_PLACES: dict[str, str] = {
    phrase: place for phrase, place in {
        "skate park": "city_street", "skatepark": "city_street", "skate parks": "city_street",
        "skateboard park": "city_street", "bmx park": "city_street",
        "dog park": "park",
    }.items() if place in PLACES and phrase not in PLACE_WORDS}
PLACE_WORDS.update(NEAREST_PLACES)

MATERIAL_WORDS: dict[str, str] = {
    "wooden": "wood", "wood": "wood", "metal": "metal", "metallic": "metal", "steel": "metal",
    "iron": "metal", "glass": "glass", "crystal": "glass", "rubber": "rubber",
    "plastic": "plastic", "stone": "stone", "concrete": "stone", "marble": "stone",
    "fabric": "fabric", "woolly": "fabric", "cloth": "fabric", "paper": "paper",
    "cardboard": "cardboard", "leather": "leather", "icy": "ice", "ice": "ice",
}
GROUND_WORDS = frozenset({"floor", "ground", "surface", "floors", "tiles", "deck", "lawn"})
GROUND_MATERIALS: dict[str, str] = {
    "wooden": "wood", "wood": "wood", "metal": "metal", "steel": "metal", "stone": "stone",
    "concrete": "stone", "marble": "stone", "icy": "ice", "ice": "ice", "glass": "glass",
    "grass": "grass", "grassy": "grass", "sandy": "sand", "sand": "sand", "snowy": "snow",
    "tiled": "stone", "asphalt": "asphalt", "rubber": "rubber", "carpeted": "fabric",
    "frozen": "ice", "snow": "snow",
}
# Floors named without the word "floor".
GROUND_PHRASES: dict[str, str] = {
    "on ice": "ice", "on the ice": "ice", "ice rink": "ice", "on a frozen lake": "ice",
    "frozen lake": "ice", "on the frozen lake": "ice", "on a frozen pond": "ice",
    "on the grass": "grass", "on grass": "grass", "on the sand": "sand", "on sand": "sand",
}

SIZE_WORDS: dict[str, float] = {
    "tiny": 0.35, "little": 0.6, "small": 0.6, "mini": 0.45, "big": 1.6, "large": 1.6,
    "huge": 2.5, "giant": 3.0, "gigantic": 3.5, "enormous": 3.0, "massive": 3.0, "baby": 0.5,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "pair": 2, "couple": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "several": 3, "some": 3, "few": 3, "many": 6,
    "lots": 6, "bunch": 4, "group": 4, "flock": 5, "herd": 4, "pack": 4, "school": 5,
    "twenty": 20, "fifty": 50, "lot": 6, "numerous": 6, "dozens": 24, "hundred": 50,
    "hundreds": 50, "thousands": 50, "countless": 50,
}
MAX_COUNT = 50

MOTION_VERBS: dict[str, Motion] = {}
_VERBS: dict[Motion, tuple[str, ...]] = {
    Motion.BOUNCE: ("bounce", "bounces", "bouncing", "bounced", "bouncy"),
    Motion.FALL: ("fall", "falls", "falling", "fell", "drop", "drops", "dropping", "dropped",
                  "tumble", "tumbles", "tumbling", "rain down"),
    Motion.ROLL: ("roll", "rolls", "rolling", "rolled"),
    Motion.SLIDE: ("slide", "slides", "sliding", "slid", "skid", "skids"),
    Motion.FLY: ("fly", "flies", "flying", "flew", "soar", "soars", "soaring", "glides over",
                 "flutter", "flutters", "fluttering"),
    Motion.JUMP: ("jump", "jumps", "jumping", "jumped", "leap", "leaps", "leaping", "hop",
                  "hops", "hopping", "skip", "skips"),
    Motion.WALK: ("walk", "walks", "walking", "walked", "stroll", "strolls", "strolling",
                  "wander", "wanders", "wandering", "trot", "trots", "waddle", "waddles",
                  "waddling"),
    Motion.RUN: ("run", "runs", "running", "ran", "jog", "jogs", "jogged", "jogging", "sprint",
                 "sprints", "sprinting", "race",
                 "races", "racing", "gallop", "gallops", "galloping", "dash", "dashes"),
    Motion.DANCE: ("dance", "dances", "dancing", "danced", "boogie", "grooves"),
    Motion.SPIN: ("spin", "spins", "spinning", "spun", "twirl", "twirls", "twirling",
                  "rotate", "rotates", "rotating", "whirl", "whirls"),
    Motion.FLOAT: ("float", "floats", "floating", "floated", "hover", "hovers", "hovering",
                   "drift", "drifts", "drifting", "levitate", "levitates", "rise", "rises"),
    Motion.SINK: ("sink", "sinks", "sinking", "sank"),
    Motion.SWIM: ("swim", "swims", "swimming", "swam"),
    Motion.DRIVE: ("drive", "drives", "driving", "drove", "cruise", "cruises", "cruising",
                   "speed", "speeds", "sail", "sails", "sailing"),
    Motion.CRASH: ("crash", "crashes", "crashing", "crashed", "collide", "collides",
                   "colliding", "smash", "smashes", "smashing", "knock", "knocks", "slam",
                   "slams"),
    Motion.EXPLODE: ("explode", "explodes", "exploding", "exploded", "burst", "bursts",
                     "bursting", "blow up", "blows up", "pop", "pops"),
    Motion.SPLASH: ("splash", "splashes", "splashing", "splashed", "spray", "sprays",
                    "spraying", "sprayed", "squirt", "squirts"),
    Motion.WAVE: ("wave", "waves", "waving", "waved", "greet", "greets"),
    Motion.TALK: ("talk", "talks", "talking", "say", "says", "said", "saying", "speak",
                  "speaks", "speaking", "sing", "sings", "singing", "shout", "shouts",
                  "shouting", "whisper", "whispers", "ask", "asks", "yell", "yells", "reply",
                  "replies", "answer", "answers", "tell", "tells", "exclaims", "bark", "barks",
                  "meow", "meows"),
    Motion.SIT: ("sit", "sits", "sitting", "sat", "rest", "rests", "resting", "lie", "lies",
                 # done sitting down, the act's wording picks the form
                 "knit", "knits", "knitting", "crochet", "crochets", "crocheting", "sew",
                 "sews", "sewing", "embroider", "embroiders", "embroidering"),
    Motion.SLEEP: ("sleep", "sleeps", "sleeping", "slept", "nap", "naps", "napping"),
    Motion.CLIMB: ("climb", "climbs", "climbing", "climbed", "scale", "scales"),
    Motion.POUR: ("pour", "pours", "pouring", "poured", "fill", "fills", "filling"),
    Motion.LAUNCH: ("launch", "launches", "launching", "launched", "take off", "takes off",
                    "blast off", "blasts off", "lift off", "lifts off", "lifting off",
                    "taking off", "blasting off", "took off"),
    Motion.CHASE: ("chase", "chases", "chasing", "chased", "follow", "follows", "following",
                   "pursue", "pursues", "hunt", "hunts"),
    Motion.SHAKE: ("shake", "shakes", "shaking", "wobble", "wobbles", "wobbling", "tremble",
                   "trembles", "vibrate", "vibrates"),
    Motion.GROW: ("grow", "grows", "growing", "grew", "expand", "expands", "inflate",
                  "inflates", "bloom", "blooms"),
    Motion.ORBIT: ("orbit", "orbits", "orbiting", "circle", "circles", "circling"),
    Motion.IDLE: ("stand", "stands", "standing", "wait", "waits", "waiting", "sit still",
                  "stay", "stays", "watch", "watches", "watching", "look", "looks",
                  "stare", "stares", "pose", "poses"),
}
_NEW_VERBS: dict[Motion, tuple[str, ...]] = {
    Motion.MARCH: ("march", "marches", "marching", "marched", "parade", "parades"),
    Motion.CRAWL: ("crawl", "crawls", "crawling", "crawled", "creep", "creeps"),
    Motion.SKATE: ("skate", "skates", "skating", "skated", "rollerblade", "rollerblades"),
    Motion.SKI: ("ski", "skis", "skiing", "skied", "snowboard", "snowboards", "snowboarding"),
    Motion.SURF: ("surf", "surfs", "surfing", "surfed"),
    Motion.RIDE: ("ride", "rides", "riding", "rode", "pedal", "pedals", "pedalling",
                  "pedaling", "skateboard", "skateboards", "skateboarding", "cycle", "cycles",
                  "cycling", "longboards", "kayak", "kayaks", "kayaking", "canoes"),
    Motion.DRIFT: ("drift", "drifts", "drifting", "drifted"),
    Motion.SWOOP: ("swoop", "swoops", "swooping", "swooped", "dive-bomb", "dive-bombs"),
    Motion.GLIDE: ("glide", "glides", "gliding", "glided"),
    Motion.DIVE: ("dive", "dives", "diving", "dived", "dove", "plunge", "plunges",
                  "cannonball", "cannonballs"),
    Motion.FLIP: ("flip", "flips", "flipping", "flipped", "somersault", "somersaults",
                  "backflip", "backflips", "cartwheel", "cartwheels"),
    Motion.TOPPLE: ("topple", "topples", "toppling", "toppled", "tip over", "tips over",
                    "fall over", "falls over", "knock over", "knocks over"),
    Motion.BREAK: ("shatter", "shatters", "shattering", "shattered", "break", "breaks",
                   "breaking", "broke", "smashes to pieces", "crack", "cracks"),
    Motion.SWING: ("swing", "swings", "swinging", "swung", "sway", "sways", "oscillate",
                   "oscillates"),
    Motion.KICK: ("kick", "kicks", "kicking", "kicked"),
    Motion.THROW: ("throw", "throws", "throwing", "threw", "toss", "tosses", "tossing",
                   "hurl", "hurls", "pitch", "pitches"),
    Motion.SHOOT: ("shoot", "shoots", "shooting", "shot at", "dunk", "dunks", "dunking",
                   "score", "scores", "scoring"),
    Motion.CATCH: ("catch", "catches", "catching", "caught", "fetch", "fetches", "fetching",
                   "fetched"),
    Motion.HIT: ("hit", "hits", "hitting", "strike", "strikes", "bat", "bats", "serve",
                 "serves", "swats"),
    Motion.GRAB: ("grab", "grabs", "grabbing", "grabbed", "pick up", "picks up", "seize",
                  "seizes", "snatch", "snatches", "gather", "gathers", "gathering",
                  "collect", "collects", "collecting"),
    Motion.PUSH: ("push", "pushes", "pushing", "pushed", "shove", "shoves"),
    Motion.PULL: ("pull", "pulls", "pulling", "pulled", "drag", "drags", "tug", "tugs",
                  "fishes", "fished", "reels", "reeling"),
    Motion.CARRY: ("carry", "carries", "carrying", "carried", "hold", "holds", "holding"),
    Motion.LIFT: ("lift", "lifts", "lifting", "lifted", "raise", "raises"),
    Motion.FIGHT: ("fight", "fights", "fighting", "fought", "punch", "punches", "punching",
                   "box", "boxes", "boxing", "wrestle", "wrestles", "wrestling", "spar",
                   "spars", "duel", "duels"),
    Motion.HUG: ("hug", "hugs", "hugging", "hugged", "embrace", "embraces", "cuddle",
                 "cuddles"),
    Motion.KISS: ("kiss", "kisses", "kissing", "kissed"),
    Motion.SHAKE_HANDS: ("shake hands", "shakes hands", "shaking hands", "handshake"),
    Motion.CLAP: ("clap", "claps", "clapping", "clapped", "applaud", "applauds",
                  "applauding"),
    Motion.CHEER: ("cheer", "cheers", "cheering", "cheered", "celebrate", "celebrates",
                   "celebrating"),
    Motion.LAUGH: ("laugh", "laughs", "laughing", "laughed", "giggle", "giggles", "smile",
                   "smiles", "smiling"),
    Motion.CRY: ("cry", "cries", "crying", "cried", "weep", "weeps", "sob", "sobs"),
    Motion.PLAY: ("play", "plays", "playing", "played", "strum", "strums", "strumming"),
    Motion.WRITE: ("write", "writes", "writing", "wrote", "draw", "draws", "drawing",
                   "sketch", "sketches", "paint", "paints", "painting"),
    Motion.READ: ("read", "reads", "reading", "browse", "browses"),
    Motion.TYPE: ("type", "types", "typing", "typed", "text", "texts", "texting"),
    Motion.COOK: ("cook", "cooks", "cooking", "cooked", "fry", "fries", "frying", "stir",
                  "stirs", "stirring", "bake", "bakes", "baking", "grill", "grills",
                  "grilling", "barbecue", "barbecues", "barbequing", "barbecuing"),
    Motion.EAT: ("eat", "eats", "eating", "ate", "munch", "munches", "bite", "bites",
                 "chew", "chews", "taste", "tastes", "tasting", "graze", "grazes", "grazing",
                 "nibble", "nibbles", "nibbling", "peck", "pecks", "pecking", "feed", "feeds",
                 "feeding"),
    Motion.DRINK: ("drink", "drinks", "drinking", "drank", "sip", "sips", "sipping"),
    Motion.CUT: ("cut", "cuts", "cutting", "chop", "chops", "chopping", "slice", "slices",
                 "slicing", "peel", "peels", "peeling", "trim", "trims", "trimming",
                 "shave", "shaves", "shaving", "sharpen", "sharpens", "sharpening"),
    Motion.CLEAN: ("clean", "cleans", "cleaning", "sweep", "sweeps", "sweeping", "wipe",
                   "wipes", "wiping", "wash", "washes", "washing", "scrub", "scrubs",
                   "iron", "irons", "ironing", "fold", "folds", "folding", "mop", "mops"),
    Motion.BRUSH: ("brush", "brushes", "brushing", "brushed", "comb", "combs", "combing",
                   "groom", "grooms", "grooming"),
    Motion.DIG: ("dig", "digs", "digging", "dug", "shovel", "shovels", "shovelling",
                 "plant", "plants", "planting"),
    Motion.STRETCH: ("stretch", "stretches", "stretching", "stretched", "bend", "bends",
                     "bending", "yoga"),
    Motion.EXERCISE: ("exercise", "exercises", "exercising", "squat", "squats", "squatting",
                      "workout", "works out", "working out", "push-ups", "sit-ups"),
}
_VERBS.update(_NEW_VERBS)
for _motion, _words in _VERBS.items():
    for _w in _words:
        MOTION_VERBS[_w] = _motion
SPEECH_VERBS = frozenset(_VERBS[Motion.TALK])
# Verbs that make the camera, not a thing, move when no subject comes before them.
CAMERA_FOLLOW_VERBS = frozenset({"follow", "follows", "following", "track", "tracks",
                                 "tracking"})

STYLE_WORDS: dict[str, Style] = {
    "cinematic": Style.CINEMATIC, "film": Style.CINEMATIC, "movie": Style.CINEMATIC,
    "filmic": Style.CINEMATIC, "hollywood": Style.CINEMATIC, "blockbuster": Style.CINEMATIC,
    "animated": Style.ANIMATED, "animation": Style.ANIMATED, "cartoon": Style.ANIMATED,
    "cartoony": Style.ANIMATED, "pixar": Style.ANIMATED, "3d animation": Style.ANIMATED,
    "anime": Style.ANIME, "manga": Style.ANIME, "ghibli": Style.ANIME,
    "studio ghibli": Style.ANIME, "claymation": Style.ANIMATED, "3d animated": Style.ANIMATED,
    "3d": Style.ANIMATED, "disney": Style.ANIMATED, "film noir": Style.NOIR,
    "photoreal": Style.PHOTOREAL, "photorealistic": Style.PHOTOREAL,
    "realistic": Style.PHOTOREAL, "real life": Style.PHOTOREAL, "documentary": Style.PHOTOREAL,
    "surreal": Style.SURREAL, "dreamlike": Style.SURREAL, "dali": Style.SURREAL,
    "psychedelic": Style.SURREAL, "noir": Style.NOIR, "black and white": Style.NOIR,
    "black-and-white": Style.NOIR, "monochrome": Style.NOIR, "watercolor": Style.WATERCOLOR,
    "watercolour": Style.WATERCOLOR, "painting": Style.WATERCOLOR, "painted": Style.WATERCOLOR,
    "pixel art": Style.PIXEL, "pixel": Style.PIXEL, "8-bit": Style.PIXEL, "8 bit": Style.PIXEL,
    "retro game": Style.PIXEL, "retro video game": Style.PIXEL, "16-bit": Style.PIXEL,
}

MOOD_WORDS: dict[str, Mood] = {
    "happy": Mood.HAPPY, "joyful": Mood.HAPPY, "cheerful": Mood.HAPPY, "fun": Mood.PLAYFUL,
    "calm": Mood.CALM, "peaceful": Mood.CALM, "relaxing": Mood.CALM, "serene": Mood.CALM,
    "tense": Mood.TENSE, "scary": Mood.TENSE, "suspense": Mood.TENSE, "creepy": Mood.TENSE,
    "horror": Mood.TENSE, "epic": Mood.EPIC, "heroic": Mood.EPIC, "dramatic": Mood.EPIC,
    "sad": Mood.SAD, "melancholy": Mood.SAD, "lonely": Mood.SAD, "playful": Mood.PLAYFUL,
    "funny": Mood.PLAYFUL, "silly": Mood.PLAYFUL, "mysterious": Mood.MYSTERIOUS,
    "eerie": Mood.MYSTERIOUS, "dreamy": Mood.DREAMY, "magical": Mood.DREAMY,
    "suspenseful": Mood.TENSE, "spooky": Mood.TENSE, "terrifying": Mood.TENSE,
    "frightening": Mood.TENSE, "majestic": Mood.EPIC, "grand": Mood.EPIC, "gloomy": Mood.SAD,
    "heartbreaking": Mood.SAD, "whimsical": Mood.PLAYFUL, "hilarious": Mood.PLAYFUL,
    "comic": Mood.PLAYFUL, "enigmatic": Mood.MYSTERIOUS, "ethereal": Mood.DREAMY,
    "joyous": Mood.HAPPY, "tranquil": Mood.CALM, "cozy": Mood.CALM, "cosy": Mood.CALM,
}

TIME_WORDS: dict[str, TimeOfDay] = {
    "dawn": TimeOfDay.DAWN, "sunrise": TimeOfDay.DAWN, "daybreak": TimeOfDay.DAWN,
    "morning": TimeOfDay.MORNING, "noon": TimeOfDay.NOON, "midday": TimeOfDay.NOON,
    "afternoon": TimeOfDay.AFTERNOON, "daytime": TimeOfDay.AFTERNOON,
    "golden hour": TimeOfDay.GOLDEN_HOUR, "sunset": TimeOfDay.GOLDEN_HOUR,
    "dusk": TimeOfDay.DUSK, "twilight": TimeOfDay.DUSK, "evening": TimeOfDay.DUSK,
    "night": TimeOfDay.NIGHT, "midnight": TimeOfDay.NIGHT, "nighttime": TimeOfDay.NIGHT,
    "moonlit": TimeOfDay.NIGHT, "tonight": TimeOfDay.NIGHT,
}

WEATHER_WORDS: dict[str, Weather] = {
    "rain": Weather.RAIN, "rainy": Weather.RAIN, "raining": Weather.RAIN,
    "drizzle": Weather.RAIN, "storm": Weather.STORM, "stormy": Weather.STORM,
    "thunderstorm": Weather.STORM, "lightning": Weather.STORM, "snow": Weather.SNOW,
    "snowing": Weather.SNOW, "snowfall": Weather.SNOW, "blizzard": Weather.SNOW,
    "thunder": Weather.STORM, "thundering": Weather.STORM,
    "fog": Weather.FOG, "foggy": Weather.FOG, "misty": Weather.FOG, "mist": Weather.FOG,
    "haze": Weather.FOG, "windy": Weather.WIND, "wind": Weather.WIND, "breezy": Weather.WIND,
    "cloudy": Weather.CLOUDY, "overcast": Weather.CLOUDY, "clouds": Weather.CLOUDY,
    "sunny": Weather.CLEAR, "clear": Weather.CLEAR,
}

LIGHTING_WORDS: dict[str, Lighting] = {
    "neon": Lighting.NEON, "candlelight": Lighting.CANDLELIGHT,
    "candle-lit": Lighting.CANDLELIGHT, "candlelit": Lighting.CANDLELIGHT,
    "candles": Lighting.CANDLELIGHT, "studio": Lighting.STUDIO, "spotlight": Lighting.SPOTLIGHT,
    "spotlights": Lighting.SPOTLIGHT, "moonlight": Lighting.MOONLIGHT,
}

FRAMING_WORDS: dict[str, Framing] = {
    "close-up": Framing.CLOSE_UP, "close up": Framing.CLOSE_UP, "closeup": Framing.CLOSE_UP,
    "extreme close-up": Framing.CLOSE_UP, "macro": Framing.CLOSE_UP,
    "medium shot": Framing.MEDIUM, "mid shot": Framing.MEDIUM, "medium": Framing.MEDIUM,
    "wide shot": Framing.WIDE, "wide": Framing.WIDE, "establishing shot": Framing.WIDE,
    "establishing": Framing.WIDE, "long shot": Framing.WIDE, "wide-angle": Framing.WIDE,
}

CAMERA_WORDS: dict[str, tuple[CameraMove, Direction | None]] = {
    "pan left": (CameraMove.PAN, Direction.LEFT), "pan right": (CameraMove.PAN, Direction.RIGHT),
    "pans left": (CameraMove.PAN, Direction.LEFT),
    "pans right": (CameraMove.PAN, Direction.RIGHT), "panning": (CameraMove.PAN, None),
    "pan": (CameraMove.PAN, None), "pans": (CameraMove.PAN, None),
    "tilt up": (CameraMove.TILT, Direction.UP), "tilt down": (CameraMove.TILT, Direction.DOWN),
    "tilts up": (CameraMove.TILT, Direction.UP),
    "tilts down": (CameraMove.TILT, Direction.DOWN), "tilt": (CameraMove.TILT, None),
    "dolly in": (CameraMove.DOLLY, Direction.IN), "dolly out": (CameraMove.DOLLY, Direction.OUT),
    "push in": (CameraMove.DOLLY, Direction.IN), "pull back": (CameraMove.DOLLY, Direction.OUT),
    "pull out": (CameraMove.DOLLY, Direction.OUT), "pushes in": (CameraMove.DOLLY, Direction.IN),
    "dolly": (CameraMove.DOLLY, Direction.IN), "zoom in": (CameraMove.ZOOM, Direction.IN),
    "zoom out": (CameraMove.ZOOM, Direction.OUT), "zooms in": (CameraMove.ZOOM, Direction.IN),
    "zooms out": (CameraMove.ZOOM, Direction.OUT), "zoom": (CameraMove.ZOOM, Direction.IN),
    "orbit shot": (CameraMove.ORBIT, None), "orbiting camera": (CameraMove.ORBIT, None),
    "360": (CameraMove.ORBIT, None), "360-degree": (CameraMove.ORBIT, None),
    "orbiting shot": (CameraMove.ORBIT, None), "circling camera": (CameraMove.ORBIT, None),
    "camera orbits": (CameraMove.ORBIT, None), "handheld": (CameraMove.HANDHELD, None),
    "hand-held": (CameraMove.HANDHELD, None), "shaky cam": (CameraMove.HANDHELD, None),
    "shaky": (CameraMove.HANDHELD, None), "drone": (CameraMove.DRONE, None),
    "aerial": (CameraMove.DRONE, None), "bird's-eye": (CameraMove.DRONE, None),
    "birds-eye": (CameraMove.DRONE, None), "overhead": (CameraMove.DRONE, None),
    "bird's eye": (CameraMove.DRONE, None), "birds eye": (CameraMove.DRONE, None),
    "top-down": (CameraMove.DRONE, None), "crane shot": (CameraMove.DRONE, None),
    "shaky camera": (CameraMove.HANDHELD, None), "shaky-cam": (CameraMove.HANDHELD, None),
    "tracking shot": (CameraMove.PAN, None), "tracking": (CameraMove.PAN, None),
}
# Playback speed: plain slow motion halves it, the emphatic kinds quarter it.
SLOW_MOTION_WORDS: dict[str, float] = {
    w: 0.5 for w in ("slow motion", "slow-motion", "slow-mo", "slowmo", "slow mo")}
SLOW_MOTION_WORDS.update({f"{lead} {w}": 0.25 for w in list(SLOW_MOTION_WORDS)
                          for lead in ("super", "extreme", "ultra", "very")})
SLOW_MOTION_WORDS.update({"super-slow-motion": 0.25, "bullet time": 0.25})
FOLLOW_WORDS = frozenset({"tracking shot", "tracking", "tracking camera"})

SOUND_WORDS: dict[str, str] = {
    "thunder": "thunder", "explosion": "explosion", "applause": "applause",
    "clapping": "applause", "cheering": "crowd", "crowd": "crowd", "bark": "bark",
    "barking": "bark", "barks": "bark", "meow": "meow", "meows": "meow", "horn": "horn",
    "honk": "horn", "honks": "horn", "bell": "bell", "bells": "bell", "whoosh": "whoosh",
    "siren": "siren", "sirens": "siren", "birdsong": "birdsong", "chirping": "birdsong",
    "chirps": "birdsong", "music": "music", "song": "music", "drums": "drums",
    "thundering": "thunder", "thunderstorm": "thunder", "explodes": "explosion",
    "applauds": "applause", "applauding": "applause", "rings": "bell", "ringing": "bell",
    "whooshes": "whoosh", "honking": "horn", "footsteps": "footsteps", "laughter": "laughter",
    "laughing": "laughter", "laughs": "laughter", "roar": "roar", "roars": "roar",
}
SILENCE_WORDS = ("no music", "without music", "silent", "in silence")
# Points of view that the side-on stage shows as it is.
VIEW_WORDS = ("front view", "side view", "top view", "rear view", "back view",
              "close view", "first-person view", "low angle", "high angle", "eye level")
# Words that describe but cannot be staged; they are not reported as misunderstood.
IGNORED_WORDS = frozenset("""
beautiful lovely cute pretty nice gorgeous stunning amazing awesome cool great good bad
adorable fluffy fuzzy furry shiny glossy sparkly sparkling glowing shimmering vibrant vivid
detailed realistic high quality highly hd 4k 8k ultra sharp crisp soft smooth elegant
graceful gracefully happily sadly gently quickly slowly softly loudly wildly playfully calmly
peacefully lazily carefully proudly excitedly joyfully quietly suddenly finally really very
beautifully perfectly slightly little lone lonely curious excited hungry tired sleepy angry
brave shy proud friendly happy sad busy empty quiet loud wild strange old young new
tall short long wide deep high low huge small large tiny dark bright light warm cold hot cool
wet dry fresh clean dirty modern ancient vintage classic traditional famous local whole
entire several various different same other first second last final next right left middle
front back top bottom side nearby distant far together alone around across along away
do does doing did done make makes making made take takes taking took get gets getting got
give gives giving gave keep keeps keeping try tries trying start starts starting begin
begins beginning go goes going went come comes coming soccer basketball baseball tennis
golf hockey sport sports game games activity
""".split())

GRAVITY_WORDS: dict[str, float] = {
    "zero gravity": 0.0, "zero-gravity": 0.0, "weightless": 0.0, "low gravity": 1.62,
    "low-gravity": 1.62, "heavy gravity": 20.0,
}

STOPWORDS = frozenset(
    """
a about above across after again against all along an and angle another are around as at
away back background be been behind being below beside between both but by camera cut
down each every fast finally for foreground from gently he her here hers herself himself
his how i in inside into is it it's its itself just like lit look looks me meanwhile my
near next of off on onto or other our out outside over past quickly really same scene
she shot slowly so style suddenly than that the their them then there these they this
those through to together too toward towards under up upon very view was we were what
when where which while who with without you your has have having frame video clip
has softly gracefully happily loudly wildly gently playfully sadly calmly again beneath
above beyond against amid among front top bottom left right middle center centre side
edge full its is are am can will would shows showing show features featuring depicting
""".split()
)

# Stuff, not things: the engines draw these from the motion (pour, splash) or the place.
# Liquids a pour can be of, by the word that names them (the engine knows their colours).
LIQUIDS: dict[str, str] = {
    "water": "water", "milk": "milk", "juice": "juice", "coffee": "coffee", "tea": "tea",
    "wine": "wine", "lemonade": "lemonade", "soda": "cola", "cola": "cola", "oil": "oil",
    "beer": "beer", "honey": "honey", "syrup": "honey", "paint": "paint", "smoothie": "juice",
}
SUBSTANCE_WORDS = frozenset({"beer", "honey", "syrup", "cola", "smoothie",
                             "water", "juice", "milk", "coffee", "tea", "paint", "sand",
                             "smoke", "fire", "light", "sky", "sun", "moonlight", "wind",
                             "waves", "air", "ground", "floor", "dust", "snowflakes", "sunlight",
                             "shadows", "shadow", "clouds", "cloud", "distance", "horizon",
                             "day", "way", "world", "lemonade", "soda", "wine", "oil", "lava",
                             "rainbow", "ice"})

# Adjectives that can end a noun phrase ("the sky is beautiful") but never name a thing.
NOT_NOUNS = frozenset({
    "old", "young", "new", "cute", "beautiful", "lovely", "tall", "short", "fluffy", "shiny",
    "lone", "pretty", "bright", "dark", "wet", "dry", "hot", "cold", "warm", "fast", "slow",
    "first", "second", "last", "final", "same", "whole", "entire", "little", "busy", "empty",
    "quiet", "loud", "wild", "strange", "angry", "excited", "curious", "brave", "lazy",
    "sleepy", "hungry", "friendly", "shy", "proud", "glowing", "sparkling", "floating",
})

# A fireworks display: drawn in the sky as the weather is, never a thing on the stage.
FIREWORK_WORDS = frozenset({
    "fireworks", "firework", "fireworks display", "firework display", "fireworks show",
    "firework show", "pyrotechnics", "fireworks exploding", "fireworks bursting",
})

# Parts of phrases the director reads as a whole; alone they are not "not understood".
UNDERSTOOD_WORDS = frozenset(
    word
    for table in (STYLE_WORDS, MOOD_WORDS, TIME_WORDS, WEATHER_WORDS, LIGHTING_WORDS,
                  FRAMING_WORDS, CAMERA_WORDS, SLOW_MOTION_WORDS, GRAVITY_WORDS, PLACE_WORDS,
                  GROUND_PHRASES, MOTION_VERBS, dict.fromkeys(SILENCE_WORDS),
                  dict.fromkeys(FIREWORK_WORDS))
    for phrase in table
    for word in phrase.split()
) | {"degree", "degrees", "lit", "shot", "shots", "angle", "lens", "footage", "sequence"}
