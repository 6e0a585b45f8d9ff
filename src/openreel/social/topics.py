"""The feed's topic vocabulary, and the topics a video is filed under.

A topic is a plain word a viewer would use ("animals", "space", "comedy"). Videos get
theirs from storyboard facts handed in by the caller (the kinds of things in it, where it
happens, its look and mood, and the words of its prompt), so this module knows the
catalog's names but never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TOPICS: tuple[str, ...] = (
    "animals", "pets", "wildlife", "farm", "ocean", "sports", "vehicles", "space", "scifi",
    "fantasy", "nature", "weather", "city", "home", "food", "music", "dance", "people", "kids",
    "toys", "comedy", "action", "drama", "mystery", "relaxing", "cinematic", "cartoon",
    "anime", "art", "retro",
)

# Topics a viewer under 18 never gets. Empty today; the feed enforces it all the same.
MATURE_TOPICS: frozenset[str] = frozenset()

# Every kind of the catalog, most specific topic first (steering uses the first).
KIND_TOPICS: dict[str, tuple[str, ...]] = {
    # people and characters
    "person": ("people",), "child": ("kids", "people"), "robot": ("scifi",),
    "astronaut": ("space", "scifi"), "knight": ("fantasy", "action"), "wizard": ("fantasy",),
    "chef": ("food", "people"), "dancer": ("dance", "music", "people"),
    "alien": ("scifi", "space"), "zombie": ("fantasy", "mystery"),
    "snowman": ("weather", "kids"), "athlete": ("sports", "people"),
    # animals
    "dog": ("pets", "animals"), "cat": ("pets", "animals"), "rabbit": ("pets", "animals"),
    "mouse": ("pets", "animals"), "parrot": ("pets", "animals"),
    "horse": ("farm", "animals"), "cow": ("farm", "animals"), "pig": ("farm", "animals"),
    "sheep": ("farm", "animals"), "chicken": ("farm", "animals"), "duck": ("farm", "animals"),
    "fox": ("wildlife", "animals"), "squirrel": ("wildlife", "animals"),
    "turtle": ("wildlife", "animals"),
    "bear": ("wildlife", "animals"),
    "lion": ("wildlife", "animals"), "elephant": ("wildlife", "animals"),
    "frog": ("wildlife", "animals"), "bird": ("wildlife", "animals"),
    "owl": ("wildlife", "animals"), "eagle": ("wildlife", "animals"),
    "penguin": ("wildlife", "animals"), "butterfly": ("wildlife", "animals", "nature"),
    "dinosaur": ("animals", "fantasy"), "dragon": ("fantasy",),
    "fish": ("ocean", "animals"), "shark": ("ocean", "wildlife", "animals"),
    "whale": ("ocean", "wildlife", "animals"), "dolphin": ("ocean", "wildlife", "animals"),
    "octopus": ("ocean", "wildlife", "animals"),
    # vehicles
    "car": ("vehicles",), "truck": ("vehicles",), "bus": ("vehicles", "city"),
    "bicycle": ("vehicles",), "motorcycle": ("vehicles",), "train": ("vehicles",),
    "tractor": ("vehicles", "farm"), "boat": ("vehicles", "ocean"),
    "ship": ("vehicles", "ocean"), "sailboat": ("vehicles", "ocean"),
    "plane": ("vehicles",), "helicopter": ("vehicles",), "ufo": ("scifi", "space"),
    "rocket": ("space", "vehicles"),
    # balls, toys and objects
    "ball": ("toys",), "football": ("sports",), "basketball": ("sports",),
    "tennis_ball": ("sports",), "beach_ball": ("toys", "ocean"), "balloon": ("toys", "kids"),
    "marble": ("toys",), "yarn": ("home", "pets"), "sandcastle": ("ocean", "kids"),
    "stick": ("pets", "nature"), "bone": ("pets",), "bubble": ("toys", "kids"),
    "cube": ("toys",), "domino": ("toys",),
    "box": ("home",), "brick": ("home",), "book": ("home",), "rock": ("nature",),
    "planet": ("space",),
    # furniture and household things
    "table": ("home",), "chair": ("home",), "sofa": ("home",), "lamp": ("home",),
    "bed": ("home",), "shelf": ("home",), "fireplace": ("home",), "jug": ("home",),
    "glass": ("home",), "bucket": ("home",), "bottle": ("home",),
    # plants and buildings
    "tree": ("nature",), "palm_tree": ("nature", "ocean"), "flower": ("nature",),
    "bush": ("nature",), "cactus": ("nature",), "house": ("home",), "skyscraper": ("city",),
    "castle": ("fantasy",), "lighthouse": ("ocean",),
    # food
    "apple": ("food",), "cake": ("food",), "birthday_cake": ("food", "kids"), "pizza": ("food",),
    "burger": ("food",),
    "donut": ("food",), "watermelon": ("food",), "egg": ("food",),
    # physics showcases
    "hoop": ("sports",), "goal": ("sports",), "pendulum": ("home",),
    "swing_set": ("kids", "toys"), "swimming_pool": ("sports", "nature"),
    # things drawn from art: props, new animals, plants, food and stand-ins
    "tiger": ("wildlife", "animals"), "leopard": ("wildlife", "animals"),
    "zebra": ("wildlife", "animals"), "giraffe": ("wildlife", "animals"), "animal": ("animals",),
    "vehicle": ("vehicles",), "bench": ("home", "city"), "furniture": ("home",), "cup": ("home",),
    "wine_glass": ("home",), "bowl": ("home",), "vase": ("home",), "jar": ("home",),
    "traffic_light": ("city",), "fire_hydrant": ("city",), "stop_sign": ("city",),
    "parking_meter": ("city",), "mailbox": ("city",), "backpack": ("home",),
    "umbrella": ("home",), "beach_umbrella": ("ocean",), "handbag": ("home",),
    "tie": ("home",), "suitcase": ("home",),
    "frisbee": ("sports",), "ski_set": ("sports",), "snowboard": ("sports",),
    "kite": ("toys", "kids"), "baseball_bat": ("sports",), "baseball_glove": ("sports",),
    "skateboard": ("sports",), "surfboard": ("sports", "ocean"), "tennis_racket": ("sports",),
    "tv": ("home",), "laptop": ("home",), "remote": ("home",), "keyboard": ("home",),
    "cell_phone": ("home",), "microwave": ("home",), "oven": ("home",), "toaster": ("home",),
    "kitchen_sink": ("home",), "refrigerator": ("home",), "toilet": ("home",), "clock": ("home",),
    "watch": ("home",), "pedestal": ("home",),
    "scissors": ("home",), "teddy_bear": ("toys", "kids"), "hair_drier": ("home",),
    "toothbrush": ("home",), "fork": ("food",), "knife": ("food",), "spoon": ("food",),
    "plate": ("food",), "frying_pan": ("food",), "piano": ("music",), "guitar": ("music",),
    "violin": ("music",), "drum": ("music",), "flute": ("music",), "trumpet": ("music",),
    "harp": ("music",), "microphone": ("music",), "sword": ("fantasy", "action"),
    "axe": ("home",), "shovel": ("home",), "broom": ("home",),
    "bow_and_arrow": ("sports", "action"),
    "shopping_cart": ("city",), "trophy": ("sports",), "chess_board": ("toys",),
    "playing_cards": ("toys",), "photo_camera": ("home",), "candle": ("home",), "tent": ("nature",),
    "flag": ("home",), "anchor": ("ocean",), "key": ("home",), "lightbulb": ("home",),
    "gift": ("home",), "money": ("home",), "money_bag": ("home",), "hammer": ("home",),
    "wrench": ("home",), "paintbrush": ("home",), "pencil": ("home",), "rope": ("home",),
    "ladder": ("home",), "wheelchair": ("home",), "stroller": ("home",), "log": ("nature",),
    "fence": ("home", "nature"), "tool": ("home",), "toy": ("toys", "kids"), "device": ("home",),
    "object": ("home",), "pine_tree": ("nature",), "sunflower": ("nature",), "rose": ("nature",),
    "potted_plant": ("home", "nature"), "mushroom": ("nature",), "bamboo": ("nature",),
    "plant": ("nature",), "hut": ("home",), "building": ("city",), "orange": ("food",),
    "banana": ("food",), "nut": ("food",), "shell": ("nature",), "sandwich": ("food",),
    "broccoli": ("food",), "carrot": ("food",),
    "hot_dog": ("food",), "bread": ("food",), "food": ("food",), "scooter": ("vehicles",),
    "notebook": ("home",), "baseball": ("sports",), "game_controller": ("home",),
    "ironing_board": ("home",), "grill": ("food",), "treadmill": ("sports",),
    "hula_hoop": ("sports", "toys"), "target": ("sports",), "metal_bar": ("sports",),
    "window": ("home",), "clothes": ("home",), "shoe": ("home",), "soap": ("home",),
    "razor": ("home",),
}

PLACE_TOPICS: dict[str, tuple[str, ...]] = {
    # open country and water
    "park": ("nature",), "forest": ("nature",), "desert": ("nature",),
    "snow": ("weather", "nature"), "mountains": ("nature",), "valley": ("nature",),
    "cliff": ("nature", "ocean"), "glacier": ("nature", "weather"), "iceberg": ("ocean", "nature"),
    "volcano": ("nature", "action"), "waterfall": ("nature", "relaxing"),
    "marsh": ("nature", "wildlife"), "river": ("nature", "relaxing"), "campsite": ("nature",),
    "forest_road": ("nature", "vehicles"), "botanical_garden": ("nature", "relaxing"),
    "golf_course": ("sports",), "farm": ("farm", "nature"), "barn": ("farm",),
    "windmill": ("farm", "nature"), "ski_slope": ("sports", "weather"),
    "beach": ("ocean", "nature"), "ocean": ("ocean", "nature"), "underwater": ("ocean",),
    "coral_reef": ("ocean", "wildlife"), "lighthouse": ("ocean", "nature"),
    "harbor": ("ocean", "vehicles"), "bridge": ("city",), "swimming_pool": ("sports",),
    # streets and landmarks
    "city_street": ("city",), "downtown": ("city",), "alley": ("city", "mystery"),
    "crosswalk": ("city",), "phone_booth": ("city", "retro"), "skyscraper": ("city",),
    "highway": ("vehicles", "city"), "parking_lot": ("vehicles", "city"),
    "gas_station": ("vehicles", "city"), "construction_site": ("city", "vehicles"),
    "industrial_area": ("city",), "junkyard": ("vehicles", "city"), "driveway": ("home",),
    "train_station": ("vehicles", "city"), "railway": ("vehicles",),
    "castle": ("fantasy",), "palace": ("fantasy",), "mansion": ("home",), "house": ("home",),
    "tower": ("city",), "arch": ("nature",), "fountain": ("city", "relaxing"),
    "courtyard": ("home",), "cemetery": ("mystery",), "campus": ("kids",),
    "amusement_park": ("kids", "action"), "carousel": ("kids",),
    # sport, sky and space
    "stadium": ("sports",), "football_field": ("sports",), "baseball_stadium": ("sports",),
    "running_track": ("sports",), "raceway": ("vehicles", "sports", "action"),
    "basketball_court": ("sports",), "tennis_court": ("sports",), "gymnasium": ("sports",),
    "indoor_swimming_pool": ("sports",), "sky": ("nature", "relaxing"), "moon": ("space",),
    "mars": ("space",), "space": ("space",),
    # rooms
    "living_room": ("home",), "bedroom": ("home", "relaxing"), "kitchen": ("food", "home"),
    "bathroom": ("home",), "shower": ("home",), "nursery": ("kids", "home"),
    "basement": ("home", "mystery"), "staircase": ("home",), "cafe": ("food", "relaxing"),
    "restaurant": ("food",), "bakery": ("food",), "bar": ("food", "music"),
    "cafeteria": ("food", "kids"), "food_court": ("food",), "supermarket": ("food", "home"),
    "pharmacy": ("home",), "classroom": ("kids",), "library": ("relaxing", "kids"),
    "laboratory": ("scifi",), "office": ("city",), "hospital": ("drama",),
    "jail_cell": ("drama", "mystery"), "corridor": ("mystery",), "museum": ("art",),
    "science_museum": ("scifi", "kids"), "art_gallery": ("art",), "aquarium": ("ocean",
                                                                               "wildlife"),
    "ballroom": ("dance", "music"), "movie_theater": ("cinematic",), "music_studio": ("music",),
    "stage": ("music",), "studio": ("art",),
}

# A look's own name comes first where it is not a topic already ("less noir" means noir).
STYLE_TOPICS: dict[str, tuple[str, ...]] = {
    "cinematic": ("cinematic",), "animated": ("cartoon",), "anime": ("anime",),
    "photoreal": ("photoreal", "cinematic"), "surreal": ("surreal", "art"),
    "noir": ("noir", "cinematic", "mystery"), "watercolor": ("watercolor", "art"),
    "pixel": ("pixel art", "retro", "art"),
}
STYLE_LABELS: tuple[str, ...] = ("noir", "watercolor", "pixel art", "surreal", "photoreal")

MOOD_TOPICS: dict[str, tuple[str, ...]] = {
    "happy": (), "calm": ("relaxing",), "tense": ("action",), "epic": ("action", "cinematic"),
    "sad": ("drama",), "playful": ("comedy",), "mysterious": ("mystery",),
    "dreamy": ("relaxing", "art"),
}

# Prompt words that name a topic the kinds and places cannot show ("rain", "funny" …).
WORD_TOPICS: dict[str, tuple[str, ...]] = {
    **{word: ("weather",) for word in (
        "rain", "raining", "rainy", "storm", "stormy", "thunder", "thunderstorm", "lightning",
        "snowing", "snowfall", "blizzard", "fog", "foggy", "mist", "windy", "tornado",
        "hurricane", "hail", "rainbow")},
    **{word: ("comedy",) for word in (
        "funny", "silly", "joke", "jokes", "prank", "hilarious", "goofy", "clumsy", "slapstick",
        "comedy", "laughing", "laughs")},
    **{word: ("action",) for word in (
        "chase", "chases", "chasing", "race", "races", "racing", "explosion", "explodes",
        "fight", "fights", "fighting", "battle", "crash", "crashes", "stunt", "stunts")},
    **{word: ("music",) for word in (
        "song", "sing", "sings", "singing", "concert", "band", "guitar", "drums", "piano",
        "music", "musical")},
    **{word: ("dance",) for word in ("dance", "dances", "dancing", "ballet")},
    **{word: ("sports",) for word in (
        "match", "goal", "kick", "kicks", "dunk", "soccer", "tennis", "skating", "sport",
        "sports", "olympics")},
    **{word: ("food",) for word in (
        "cook", "cooks", "cooking", "bake", "baking", "eat", "eats", "eating", "recipe")},
    **{word: ("space",) for word in ("galaxy", "stars", "orbit", "cosmos", "nebula")},
    **{word: ("relaxing",) for word in (
        "calm", "peaceful", "relaxing", "cozy", "cosy", "sleepy", "lofi", "serene")},
    **{word: ("mystery",) for word in ("mysterious", "haunted", "spooky", "ghost", "mystery")},
    **{word: ("drama",) for word in ("sad", "crying", "tears", "heartbreak", "drama")},
}

_WORD = re.compile(r"[a-z]+")


def _add(topics: list[str], more: Iterable[str]) -> None:
    for topic in more:
        if topic not in topics:
            topics.append(topic)


def _word_topics(words: str) -> list[str]:
    """Topics named by the words of a prompt: a vocabulary word, or a known cue word."""
    found: list[str] = []
    for word in _WORD.findall(words.lower()):
        if word in TOPICS:
            _add(found, (word,))
        elif word in WORD_TOPICS:
            _add(found, WORD_TOPICS[word])
    return found


def subject_label(kind: str) -> str:
    """The label a video showing ``kind`` is filed under besides its topics ("palm tree")."""
    return kind.replace("_", " ")


# Topics inside a broader one: every kind filed under the first is under the second too.
NARROWER_TOPICS: dict[str, tuple[str, ...]] = {"pets": ("animals",), "wildlife": ("animals",)}


def _broader_labels() -> dict[str, frozenset[str]]:
    out = {subject_label(kind): frozenset(topics) for kind, topics in KIND_TOPICS.items()}
    out.update({label: frozenset(topics) - {label} for label, topics in
                ((STYLE_TOPICS[style][0], STYLE_TOPICS[style]) for style in STYLE_TOPICS)})
    for label, wider in list(out.items()):  # a dog is an animal as well as a pet
        out[label] = wider.union(*(NARROWER_TOPICS.get(topic, ()) for topic in wider))
    out.update({topic: frozenset(wider) for topic, wider in NARROWER_TOPICS.items()})
    return {label: wider for label, wider in out.items() if wider}


BROADER: dict[str, frozenset[str]] = _broader_labels()


def broader(label: str) -> frozenset[str]:
    """The labels that take in ``label``: "dog" → pets, animals; "noir" → cinematic,
    mystery; "pets" → animals. What "no pets, but dogs are fine" makes an exception to."""
    return BROADER.get(label, frozenset())


def topics_for(kinds: Iterable[str], place: str | None, style: str | None, mood: str | None,
               words: str = "") -> list[str]:
    """The feed labels of a video, from its storyboard's facts, most telling first.

    Topics of the kinds come first (what is in the clip), then the place, the prompt's
    words, the mood and the look; then the kinds themselves ("cat", "dog"), so a viewer
    can ask for fewer cats without losing every pet. Unknown names are ignored, so old
    rows and new catalog entries never fail.
    """
    topics: list[str] = []
    kinds = [kind for kind in kinds if kind in KIND_TOPICS]
    for kind in kinds:
        _add(topics, KIND_TOPICS[kind])
    if place is not None:
        _add(topics, PLACE_TOPICS.get(place, ()))
    _add(topics, _word_topics(words))
    if mood is not None:
        _add(topics, MOOD_TOPICS.get(mood, ()))
    if style is not None:
        _add(topics, STYLE_TOPICS.get(style, ()))
    _add(topics, (subject_label(kind) for kind in kinds))
    return topics
