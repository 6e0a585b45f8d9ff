"""A grammatical reading: verbs act, nouns are things, prepositions place and aim them."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director import describe, direct
from openreel.spec import Age, Build, Gender, Motion, Relation


@pytest.mark.parametrize(("prompt", "kinds"), [
    ("a basketball player shoots the ball and it swishes through the hoop",
     {"athlete", "ball", "hoop"}),
    ("two kids cheer as the dog jumps", {"child", "dog"}),
    ("a man in a red coat walks his dog", {"person", "dog"}),
    ("a ball rolls back and forth", {"ball"}),
    ("a dog swims in the pool and barks", {"dog", "swimming_pool"}),
    ("the crowd cheers as the car drifts", {"car"}),
    ("a robot waves and smiles", {"robot"}),
])
def test_verbs_and_function_words_never_become_things(prompt: str, kinds: set[str]) -> None:
    _, shot = one_shot(prompt)
    assert {e.kind for e in shot.entities} <= kinds | {"person"}, [e.kind for e in shot.entities]
    assert {e.kind for e in shot.entities} >= kinds


@pytest.mark.parametrize(("prompt", "subject", "motion"), [
    ("a t-rex roars and stomps", "dinosaur", None),
    ("a row of dominoes topples", "domino", Motion.TOPPLE),
    ("two kids cheer", "child", Motion.CHEER),
    ("a marble rolls", "marble", Motion.ROLL),
    ("a glass falls off the table and shatters", "glass", Motion.BREAK),
    ("a dog runs and jumps", "dog", Motion.JUMP),
    ("a person is riding a bike", "person", Motion.RIDE),
    ("a herd of cows grazes in a field", "cow", Motion.EAT),
])
def test_the_subject_does_the_verb(prompt: str, subject: str, motion: Motion | None) -> None:
    _, shot = one_shot(prompt)
    thing = entity(shot, subject)
    if motion is not None:
        assert thing.motion is motion


def test_subject_verb_object_destination() -> None:
    _, shot = one_shot("a boy throws a ball to a dog")
    boy, ball, dog = entity(shot, "child"), entity(shot, "ball"), entity(shot, "dog")
    assert boy.motion is Motion.THROW and boy.object == ball.id and boy.target == dog.id
    assert ball.motion is Motion.IDLE


def test_an_action_outranks_a_way_of_moving() -> None:
    _, shot = one_shot("a girl runs, grabs the ball and kicks it")
    girl = entity(shot, "child")
    assert girl.motion is Motion.KICK and girl.object == entity(shot, "ball").id


def test_conjoined_verbs_share_their_object() -> None:
    _, shot = one_shot("a person is catching or throwing a ball")
    person = entity(shot, "person")
    assert person.motion in (Motion.CATCH, Motion.THROW)
    assert person.object == entity(shot, "ball").id


@pytest.mark.parametrize(("prompt", "relation"), [
    ("a cat under the table", Relation.UNDER),
    ("a cat is under the table", Relation.UNDER),
    ("a cat sleeps under the table", Relation.UNDER),
    ("a cup on the table", Relation.ON),
    ("a bicycle on the left of a car, front view", Relation.LEFT_OF),
    ("a bus on the right of a car", Relation.RIGHT_OF),
    ("a dog behind the sofa", Relation.BEHIND),
    ("a ball in front of the box", Relation.IN_FRONT_OF),
    ("a lamp above the bed", Relation.ABOVE),
    ("a cat sits next to a dog", Relation.NEXT_TO),
    ("a book on the top of a table", Relation.ON),
])
def test_prepositions_place_things(prompt: str, relation: Relation) -> None:
    _, shot = one_shot(prompt)
    first, second = shot.entities[0], shot.entities[1]
    assert (first.relation, first.relative_to) == (relation, second.id)


def test_falling_off_starts_on_what_it_falls_from() -> None:
    _, shot = one_shot("a glass falls off the table")
    glass = entity(shot, "glass")
    assert glass.motion is Motion.FALL
    assert (glass.relation, glass.relative_to) == (Relation.ON, entity(shot, "table").id)


def test_riding_the_thing_one_sits_on() -> None:
    _, shot = one_shot("a knight on a horse")
    knight = entity(shot, "knight")
    assert knight.motion is Motion.RIDE and knight.object == entity(shot, "horse").id


@pytest.mark.parametrize(("prompt", "kind", "count"), [
    ("a row of dominoes topples", "domino", 24),
    ("a herd of cows", "cow", 4),
    ("dozens of balloons float", "balloon", 24),
    ("a flock of birds flies", "bird", 5),
    ("a few ducks swim", "duck", 3),
    ("a couple of cats sleep", "cat", 2),
])
def test_quantities(prompt: str, kind: str, count: int) -> None:
    _, shot = one_shot(prompt)
    assert entity(shot, kind).count == count


def test_pronouns_find_the_character_they_name() -> None:
    _, shot = one_shot("a man and a woman sit on a bench. She laughs and he waves")
    man = next(e for e in shot.entities if e.label == "man")
    woman = next(e for e in shot.entities if e.label == "woman")
    assert woman.motion is Motion.LAUGH and man.motion is Motion.WAVE


def test_she_with_nobody_to_name_is_someone_new() -> None:
    _, shot = one_shot("the cat sleeps under the table while she reads a book")
    cat, reader = entity(shot, "cat"), entity(shot, "person")
    assert cat.motion is Motion.SLEEP
    assert reader.motion is Motion.READ and reader.persona is not None
    assert reader.persona.gender is Gender.FEMALE


def test_it_is_the_last_thing() -> None:
    _, shot = one_shot("a player kicks the ball and it rolls away")
    assert entity(shot, "ball").motion is Motion.ROLL


def test_they_is_the_group() -> None:
    board = direct("three dogs sit on the grass, then they run")
    dogs = [e for s in board.shots for e in s.entities]
    assert [(e.id, e.count) for e in dogs] == [("dog", 3), ("dog", 3)]
    assert dogs[1].motion is Motion.RUN


@pytest.mark.parametrize(("prompt", "gender", "age", "build"), [
    ("an old woman waves", Gender.FEMALE, Age.ELDER, None),
    ("a little girl runs", Gender.FEMALE, Age.CHILD, None),
    ("a fat man sits", Gender.MALE, None, Build.HEAVY),
    ("a skinny teenage boy dances", Gender.MALE, None, Build.SLIM),
    ("a grandmother knits", Gender.FEMALE, Age.ELDER, None),
])
def test_persona_from_words(prompt: str, gender: Gender, age: Age | None,
                            build: Build | None) -> None:
    _, shot = one_shot(prompt)
    persona = shot.entities[0].persona
    assert persona is not None and persona.gender is gender
    if age is not None:
        assert persona.age is age
    if build is not None:
        assert persona.build is build


def test_clothes_and_hair_dress_the_person_and_are_not_things() -> None:
    _, shot = one_shot("a man in a red coat and a woman with blonde hair walk")
    man = next(e for e in shot.entities if e.label == "man")
    woman = next(e for e in shot.entities if e.label == "woman")
    assert len(shot.entities) == 2
    assert man.persona is not None and man.persona.outfit == "coat" and man.colour == "red"
    assert woman.persona is not None and woman.persona.hair == "gold"


def test_two_speakers_each_say_their_own_line() -> None:
    board = direct('a woman in a cafe says "Did you see that?" and a man replies '
                   '"I did, it was amazing"')
    speakers = {line.text: next(e for e in shot.entities if e.id == line.speaker)
                for shot in board.shots for line in shot.dialogue}
    assert speakers["Did you see that?"].label == "woman"
    assert speakers["I did, it was amazing"].label == "man"


def test_only_characters_speak_and_shown_text_is_a_caption() -> None:
    _, shot = one_shot('a title reads "Summer Sale" over a beach')
    assert not shot.dialogue
    assert [c.text for c in shot.captions] == ["Summer Sale"]
    _, shot = one_shot('a bottle on a table, "Taste the summer"')
    assert not shot.dialogue and [c.text for c in shot.captions] == ["Taste the summer"]


@pytest.mark.parametrize(("word", "kind", "how"), [
    ("poodle", "dog", "generalised"), ("sedan", "car", "generalised"),
    ("wolf", "dog", "substituted"), ("grapefruit", "orange", "substituted"),
    ("detective", "person", "generalised"),
])
def test_unknown_nouns_climb_wordnet_and_say_how(word: str, kind: str, how: str) -> None:
    board = direct(f"a {word} stands in the park")
    [thing] = [e for e in board.shots[0].entities if e.label == word]
    assert thing.kind == kind
    assert board.word_notes[word].startswith(f"{word} → {kind} ({how}")
    assert board.word_notes[word] in describe(board)


def test_unknown_words_are_reported_not_staged() -> None:
    board = direct("a cat sleeps blorptastically near the xyzzq")
    assert [e.kind for e in board.shots[0].entities] == ["cat"]
    assert {"blorptastically", "xyzzq"} <= set(board.unknown_words)


@pytest.mark.parametrize(("prompt", "actor", "motion", "thing", "target"), [
    ("a basketball player shoots the ball through the hoop", "athlete", Motion.SHOOT,
     "ball", "hoop"),
    ("a boy kicks the ball into the goal", "child", Motion.KICK, "ball", "goal"),
    ("a man pours coffee into a cup", None, Motion.POUR, None, "cup"),
    ("the dog jumps into the swimming pool", "dog", Motion.JUMP, None, "swimming_pool"),
])
def test_aimed_actions_name_what_and_where(prompt: str, actor: str | None, motion: Motion,
                                           thing: str | None, target: str) -> None:
    _, shot = one_shot(prompt)
    doer = next(e for e in shot.entities if e.motion is motion)
    if actor is not None:
        assert doer.kind == actor
    if thing is not None:
        assert doer.object == entity(shot, thing).id
    assert doer.target == entity(shot, target).id


def test_she_and_he_are_each_one_of_two_friends() -> None:
    board = direct('two friends talk at a cafe table, she says "I got the job!" and he says '
                   '"No way, congratulations!"')
    people = [e for e in board.shots[0].entities if e.kind == "person"]
    assert sorted((e.count, e.persona.gender.value if e.persona and e.persona.gender else None)
                  for e in people) == [(1, "female"), (1, "male")]
    speakers = [line.speaker for shot in board.shots for line in shot.dialogue]
    genders = {e.id: e.persona.gender.value for e in people if e.persona and e.persona.gender}
    assert [genders[s] for s in speakers] == ["female", "male"]
