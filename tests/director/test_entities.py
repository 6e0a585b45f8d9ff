"""Things: kinds and their words, counts, colours, materials, sizes, relations."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director.lexicon import KIND_WORDS, PLACE_WORDS
from openreel.spec import KINDS, PLACES, Motion


def test_three_red_balls_bounce_on_the_beach() -> None:
    board, shot = one_shot("three red balls bounce on the beach")
    [ball] = shot.entities
    assert (ball.kind, ball.count, ball.colour, ball.motion) == ("ball", 3, "red", Motion.BOUNCE)
    assert ball.id == "ball" and ball.position is None and ball.velocity is None
    assert board.environment.place == "beach"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_understood_by_name(kind: str) -> None:
    word = kind.replace("_", " ")
    # a landmark named without a verb is the place it names ("a castle in a field" is the
    # castle place, its castle in the dressing); as a clause's subject it is the thing
    verb = " stands" if word in PLACE_WORDS else ""
    _, shot = one_shot(f"a {word}{verb} in a field")
    assert shot.entities[0].kind == kind


@pytest.mark.parametrize(("prompt", "place"), [
    ("a castle in a field", "castle"), ("a lighthouse", "lighthouse"), ("house", "house"),
    ("a dragon flies over the palace", "palace"),
])
def test_a_landmark_without_a_verb_is_its_place(prompt: str, place: str) -> None:
    board, shot = one_shot(prompt)
    assert board.environment.place == place
    assert place not in {e.kind for e in shot.entities}


@pytest.mark.parametrize(("word", "kind"), [
    ("puppy", "dog"), ("kitten", "cat"), ("lorry", "truck"), ("aeroplane", "plane"),
    ("soccer ball", "football"), ("teapot", "jug"), ("couch", "sofa"), ("spaceship", "ufo"),
    ("ballerina", "dancer"), ("t-rex", "dinosaur"), ("doughnut", "donut"), ("palm tree",
                                                                             "palm_tree"),
])
def test_synonyms(word: str, kind: str) -> None:
    _, shot = one_shot(f"a {word} sits there")
    assert shot.entities[0].kind == kind and shot.entities[0].label == word


def test_every_catalog_word_is_in_the_lexicon() -> None:
    for kind in KINDS.values():
        for word in kind.words:
            assert KIND_WORDS[word] == kind.name


@pytest.mark.parametrize(("prompt", "kind", "count"), [
    ("3 cubes fall", "cube", 3),
    ("a pair of dogs run", "dog", 2),
    ("a couple of cats sleep", "cat", 2),
    ("several balloons float", "balloon", 3),
    ("some apples roll", "apple", 3),
    ("a few ducks swim in a pond", "duck", 3),
    ("many marbles roll", "marble", 6),
    ("lots of fish swim", "fish", 6),
    ("twelve eggs", "egg", 12),
    ("200 balls fall", "ball", 50),
    ("birds fly", "bird", 3),
    ("a lonely fish", "fish", 1),
    ("children play", "child", 3),
    ("a vase on the right of scissors", "scissors", 1),  # one pair of scissors
    ("skis and a snowboard", "ski_set", 1),
    ("three pairs of scissors", "scissors", 3),
])
def test_counts(prompt: str, kind: str, count: int) -> None:
    _, shot = one_shot(prompt)
    assert entity(shot, kind).count == count


@pytest.mark.parametrize(("prompt", "colour"), [
    ("a crimson car", "red"), ("a grey cat", "grey"), ("a gray cat", "grey"),
    ("a turquoise fish", "cyan"), ("a golden bird", "gold"), ("a violet flower", "purple"),
    ("a beige box", "tan"), ("an ivory chair", "cream"), ("a colourful balloon", "rainbow"),
    ("a navy boat", "navy"), ("a pink pig", "pink"),
])
def test_colours(prompt: str, colour: str) -> None:
    _, shot = one_shot(prompt)
    assert shot.entities[0].colour == colour


def test_orange_is_a_colour_before_a_noun_and_a_fruit_alone() -> None:
    _, shot = one_shot("an orange cat chases an orange")
    cat, fruit = shot.entities
    assert (cat.kind, cat.colour) == ("cat", "orange")
    assert fruit.kind == "orange" and cat.target == fruit.id


@pytest.mark.parametrize(("prompt", "material"), [
    ("a wooden ball", "wood"), ("a metal cube", "metal"), ("a metallic robot", "metal"),
    ("a steel box", "metal"), ("a glass ball", "glass"), ("a rubber duck", "rubber"),
    ("a plastic bottle", "plastic"), ("a stone cube", "stone"), ("a paper bird", "paper"),
])
def test_materials(prompt: str, material: str) -> None:
    _, shot = one_shot(prompt)
    assert shot.entities[0].material == material


@pytest.mark.parametrize(("prompt", "bigger"), [
    ("a tiny dog", False), ("a small hut", False), ("a big ball", True),
    ("a giant cat", True), ("a huge apple", True),
])
def test_sizes_scale_the_catalog_size(prompt: str, bigger: bool) -> None:
    _, shot = one_shot(prompt)
    e = shot.entities[0]
    assert e.size is not None
    assert (e.size > KINDS[e.kind].size) is bigger


def test_adjectives_stack() -> None:
    _, shot = one_shot("two huge shiny red metal balls roll")
    ball = entity(shot, "ball")
    assert (ball.count, ball.colour, ball.material, ball.motion) == (2, "red", "metal",
                                                                     Motion.ROLL)
    assert ball.size == pytest.approx(KINDS["ball"].size * 2.5)


def test_ids_are_unique_and_follow_the_kind() -> None:
    _, shot = one_shot("a red ball and a blue ball and a green ball roll")
    assert [e.id for e in shot.entities] == ["ball", "ball_2", "ball_3"]
    assert [e.colour for e in shot.entities] == ["red", "blue", "green"]
    assert all(e.motion is Motion.ROLL for e in shot.entities)


def test_the_refers_back_inside_a_shot() -> None:
    _, shot = one_shot("a dog sits on a sofa and the dog sleeps")
    assert [e.kind for e in shot.entities] == ["dog", "sofa"]
    assert entity(shot, "dog").motion is Motion.SLEEP


def test_pour_from_a_jug_into_a_glass() -> None:
    _, shot = one_shot("water pours from a jug into a glass")
    jug, glass = entity(shot, "jug"), entity(shot, "glass")
    assert jug.motion is Motion.POUR and jug.target == glass.id
    assert glass.motion is Motion.IDLE


def test_a_person_pouring_gets_a_vessel() -> None:
    _, shot = one_shot("a chef pours tea into a cup")
    pourer = next(e for e in shot.entities if e.motion is Motion.POUR)
    assert pourer.kind == "jug" and pourer.target == entity(shot, "cup").id


def test_chase_has_a_target_and_the_chased_flees() -> None:
    _, shot = one_shot("a dog chases two cats in the park")
    dog, cats = entity(shot, "dog"), entity(shot, "cat")
    assert dog.motion is Motion.CHASE and dog.target == cats.id
    assert cats.count == 2 and cats.motion is Motion.RUN


def test_crash_into() -> None:
    _, shot = one_shot("a red car crashes into a blue truck")
    car, truck = entity(shot, "car"), entity(shot, "truck")
    assert car.motion is Motion.CRASH and car.target == truck.id


def test_ball_falls_on_a_table() -> None:
    board, shot = one_shot("a ball falls on a table")
    assert entity(shot, "ball").motion is Motion.FALL
    assert entity(shot, "table").motion is Motion.IDLE
    assert PLACES[board.environment.place].indoor


def test_scenery_when_nothing_is_named() -> None:
    board, shot = one_shot("a sunset on the beach")
    assert board.environment.place == "beach" and shot.entities
    assert {e.kind for e in shot.entities} <= {"palm_tree", "boat"}
    assert one_shot("a sunset on the beach")[1] == shot  # chosen deterministically
