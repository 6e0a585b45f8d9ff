"""Who a character is, read from the words naming them: gender, age, build, hair, clothes."""

from __future__ import annotations

from functools import lru_cache

from openreel.director.wordnet import installed
from openreel.spec import Age, Build, Gender, Persona

FEMALE_WORDS = frozenset("""
woman women girl girls lady ladies mother mom mum mommy mummy grandmother grandma granny
sister daughter wife queen princess bride actress waitress girlfriend aunt niece nun witch
ballerina businesswoman policewoman schoolgirl she her herself female housewife maid mermaid
granddaughter granddaughters
""".split())
MALE_WORDS = frozenset("""
man men boy boys guy guys gentleman gentlemen father dad daddy grandfather grandpa brother son
husband king prince groom actor waiter boyfriend uncle nephew monk wizard businessman
policeman fisherman schoolboy he him himself male cowboy grandson grandsons
""".split())
BABY_WORDS = frozenset({"baby", "babies", "infant", "infants", "toddler", "toddlers",
                        "newborn"})
CHILD_WORDS = frozenset({"child", "children", "kid", "kids", "boy", "boys", "girl", "girls",
                         "schoolgirl", "schoolboy", "little", "grandson", "grandsons",
                         "granddaughter", "granddaughters"})
TEEN_WORDS = frozenset({"teen", "teens", "teenager", "teenagers", "teenage", "adolescent",
                        "young"})
ELDER_WORDS = frozenset({"old", "elderly", "aged", "grandmother", "grandma", "granny",
                         "grandfather", "grandpa", "senior", "retired", "wrinkled"})
BUILD_WORDS: dict[str, Build] = {
    "fat": Build.HEAVY, "chubby": Build.HEAVY, "plump": Build.HEAVY, "stout": Build.HEAVY,
    "overweight": Build.HEAVY, "burly": Build.HEAVY, "muscular": Build.HEAVY,
    "heavy": Build.HEAVY, "bulky": Build.HEAVY, "slim": Build.SLIM, "thin": Build.SLIM,
    "skinny": Build.SLIM, "slender": Build.SLIM, "lanky": Build.SLIM, "petite": Build.SLIM,
}
HAIR_WORDS: dict[str, str] = {
    "blonde": "gold", "blond": "gold", "redhead": "orange", "red-haired": "orange",
    "ginger": "orange", "brunette": "brown", "dark-haired": "brown", "black-haired": "black",
    "grey-haired": "grey", "gray-haired": "grey", "white-haired": "white",
    "silver-haired": "silver", "fair-haired": "gold",
}
# Garments the prompt may dress someone in ("a man in a red coat", "wearing a tutu").
CLOTHING_WORDS = frozenset("""
dress dresses suit suits coat coats jacket jackets shirt shirts t-shirt tshirt hoodie uniform
uniforms apron robe robes tutu jersey sweater jumper gown tuxedo raincoat overalls skirt
jeans trousers pants shorts cape cloak kimono sari armor armour vest tracksuit swimsuit
bikini pajamas pyjamas costume scarf hat cap helmet boots sneakers gloves
""".split())
HAIR_NOUNS = frozenset({"hair", "ponytail", "braids", "beard", "moustache", "mustache", "curls"})


def persona_from(words: list[str], head: str) -> Persona | None:
    """The persona the head noun and its adjectives describe, or None when they say nothing."""
    all_words = [*words, head]
    gender = _gender(all_words, head)
    age = _age(all_words, head)
    build = next((BUILD_WORDS[w] for w in all_words if w in BUILD_WORDS), None)
    hair = next((HAIR_WORDS[w] for w in all_words if w in HAIR_WORDS), None)
    if gender is None and age is None and build is None and hair is None:
        return None
    return Persona(gender=gender, age=age, build=build, hair=hair)


def merged(persona: Persona | None, **changes: object) -> Persona:
    """``persona`` with the given fields set where they are not None."""
    base = persona or Persona()
    update = {k: v for k, v in changes.items() if v is not None}
    return base.model_copy(update=update)


def _gender(words: list[str], head: str) -> Gender | None:
    if any(w in FEMALE_WORDS for w in words):
        return Gender.FEMALE
    if any(w in MALE_WORDS for w in words):
        return Gender.MALE
    return _wordnet_gender(head)


def _age(words: list[str], head: str) -> Age | None:
    if any(w in BABY_WORDS for w in words):
        return Age.BABY
    if any(w in ELDER_WORDS for w in words):
        return Age.ELDER
    if head in CHILD_WORDS:
        return Age.CHILD
    if any(w in ("little", "small") for w in words) and head in FEMALE_WORDS | MALE_WORDS \
            and head not in ("man", "men", "woman", "women", "lady", "ladies"):
        return Age.CHILD  # "a little sister"
    if any(w in TEEN_WORDS for w in words):
        return Age.TEEN
    return None


@lru_cache(maxsize=256)
def _wordnet_gender(word: str) -> Gender | None:
    """Gender of a person noun WordNet files under woman/female or man/male ("nun", "monk")."""
    wordnet = installed()
    if wordnet is None:
        return None
    senses = [s for s in wordnet.synsets(word)[:2] if s.lexname == "noun.person"]
    if not senses:
        return None
    names = {wordnet.synset(o).name for o in wordnet.ancestors(senses[0])}
    female = bool(names & {"woman", "female", "female_person"})
    male = bool(names & {"man", "male", "male_person"})
    if female != male:
        return Gender.FEMALE if female else Gender.MALE
    return None
