"""Everyday prompts: pets, cooking, boards and catches read as the action they ask for."""

from __future__ import annotations

import pytest
from director_boards import entity, one_shot

from openreel.director import direct
from openreel.director.describe import describe
from openreel.spec import Motion, Relation


def test_a_cat_knocks_a_glass_off_the_counter_and_it_shatters() -> None:
    board, shot = one_shot("a cat knocks a glass off the kitchen counter and it shatters")
    cat, glass, counter = entity(shot, "cat"), entity(shot, "glass"), entity(shot, "table")
    assert counter.label == "kitchen counter"
    # the glass stands on the counter and breaks; the cat is up there with it, swatting it
    assert (glass.motion, glass.relation, glass.relative_to) == (
        Motion.BREAK, Relation.ON, counter.id)
    assert (cat.motion, cat.object, cat.target) == (Motion.PUSH, glass.id, None)
    assert (cat.relation, cat.relative_to) == (Relation.ON, counter.id)
    assert counter.motion is Motion.IDLE  # "it" is the glass, not the counter named last
    assert board.environment.place == "kitchen"


@pytest.mark.parametrize(("prompt", "thing", "falls"), [
    ("a dog pushes a vase off the table", "vase", Motion.BREAK),
    ("a cat swats a ball off the table", "ball", Motion.FALL),
    ("a boy knocks a cup off the desk", "cup", Motion.BREAK),
])
def test_knocking_a_thing_off_a_support_makes_it_fall_from_there(
        prompt: str, thing: str, falls: Motion) -> None:
    _, shot = one_shot(prompt)
    moved = entity(shot, thing)
    assert moved.motion is falls and moved.relation is Relation.ON
    support = next(e for e in shot.entities if e.id == moved.relative_to)
    actor = next(e for e in shot.entities if e.object == moved.id)
    assert actor.motion is Motion.PUSH and actor.relative_to == support.id
    # only a small animal climbs onto it; a dog or a child stands beside it
    assert actor.relation is (Relation.ON if actor.kind == "cat" else Relation.NEXT_TO)


def test_it_still_names_the_thing_last_named_when_it_does_not_fall_apart() -> None:
    _, shot = one_shot("a ball rolls under the table and it stops")
    assert entity(shot, "ball").motion is Motion.ROLL
    assert entity(shot, "table").motion is Motion.IDLE


def test_a_chef_flipping_a_pancake_cooks_and_the_act_draws_the_pancake() -> None:
    board, shot = one_shot("a chef flips a pancake in a busy kitchen")
    chef = entity(shot, "chef")
    assert (chef.motion, chef.action) == (Motion.COOK, "flipping pancakes")
    assert [e.kind for e in shot.entities] == ["chef"]  # no cake stand-in, no second pan
    assert "pancake" not in board.mapped_words
    assert "shown in the act" in board.word_notes["pancake"]
    assert board.environment.place == "kitchen"


@pytest.mark.parametrize(("prompt", "motion", "kind", "prop"), [
    ("a girl tosses a pancake", Motion.COOK, "child", None),
    ("a man flips a coin", Motion.THROW, "person", None),
    ("a woman turns the page of her book", Motion.READ, "person", "book"),
    ("a boy swings a bat", Motion.HIT, "child", "baseball_bat"),
    ("a knight swings a sword", Motion.FIGHT, "knight", "sword"),
    ("a baker rolls the dough", Motion.COOK, "chef", "food"),
])
def test_a_body_verb_with_an_object_is_an_act_on_that_object(
        prompt: str, motion: Motion, kind: str, prop: str | None) -> None:
    _, shot = one_shot(prompt)
    actor = entity(shot, kind)
    assert actor.motion is motion, prompt
    assert actor.motion is not Motion.FLIP
    held = next((e.kind for e in shot.entities if e.id == actor.object), None)
    assert held == prop
    assert not any(e.kind == "ball" for e in shot.entities)  # a coin is no ball


@pytest.mark.parametrize("prompt", ["a gymnast flips on the mat", "an acrobat does a backflip",
                                    "a girl does a trick"])
def test_a_flip_with_no_thing_flipped_is_still_a_somersault(prompt: str) -> None:
    _, shot = one_shot(prompt)
    assert any(e.motion is Motion.FLIP for e in shot.entities), prompt


def test_a_skateboarder_does_a_kickflip_riding_a_skateboard_in_a_paved_skate_park() -> None:
    board, shot = one_shot("a skateboarder does a kickflip in a skate park at sunset")
    rider = next(e for e in shot.entities if e.label == "skateboarder")
    deck = entity(shot, "skateboard")
    assert (rider.motion, rider.object, rider.action) == (Motion.RIDE, deck.id, "kickflip")
    assert board.environment.place == "city_street"  # paved, not the grass of a park
    assert "nearest place" in board.word_notes["skate park"]
    assert "does" not in board.unknown_words and "kickflip" not in board.unknown_words


@pytest.mark.parametrize(("prompt", "motion", "prop", "action"), [
    ("a skateboarder rolls down the street", Motion.RIDE, "skateboard", "skateboard"),
    ("a skateboarder jumps over a bench", Motion.RIDE, "skateboard", "kickflip"),
    ("a cyclist does a trick", Motion.RIDE, "bicycle", "wheelie"),
    ("a surfer rides a wave", Motion.SURF, "surfboard", None),
    ("a skier on a mountain", Motion.SKI, "ski_set", None),
    ("a guitarist on stage", Motion.PLAY, "guitar", "guitar"),
])
def test_people_named_by_what_they_do_do_it(prompt: str, motion: Motion, prop: str,
                                             action: str | None) -> None:
    _, shot = one_shot(prompt)
    doer = next(e for e in shot.entities if e.motion is motion)
    assert next(e.kind for e in shot.entities if e.id == doer.object) == prop, prompt
    assert doer.action == action


def test_a_role_does_not_override_what_the_prompt_asks() -> None:
    _, shot = one_shot("a skateboarder waves at the camera")
    assert next(e for e in shot.entities if e.label == "skateboarder").motion is Motion.WAVE
    assert not any(e.kind == "skateboard" for e in shot.entities)


def test_a_golden_retriever_catches_a_frisbee() -> None:
    board, shot = one_shot("a golden retriever catches a frisbee on the beach")
    dog, frisbee = entity(shot, "dog"), entity(shot, "frisbee")
    assert (dog.motion, dog.object, dog.colour) == (Motion.CATCH, frisbee.id, "gold")
    assert board.environment.place == "beach"


@pytest.mark.parametrize(("prompt", "thing"), [
    ("a man throws a frisbee and his dog catches it", "frisbee"),
    ("a girl throws a ball to her dog", "ball"),
    ("a dog fetches a ball", "ball"),
])
def test_a_dog_catches_what_is_thrown_to_it(prompt: str, thing: str) -> None:
    _, shot = one_shot(prompt)
    dog, caught = entity(shot, "dog"), entity(shot, thing)
    assert (dog.motion, dog.object) == (Motion.CATCH, caught.id)
    assert sum(e.kind in ("ball", "frisbee") for e in shot.entities) == 1  # nothing extra


def test_a_kitten_playing_with_a_ball_plays_though_the_parser_left_it_unlinked() -> None:
    _, shot = one_shot("a kitten plays with a ball of yarn")
    cat = entity(shot, "cat")
    assert (cat.motion, cat.object) == (Motion.PLAY, entity(shot, "yarn").id)


def test_a_burger_flipped_on_the_grill_is_grilled_and_the_act_draws_both() -> None:
    board, shot = one_shot("a girl flips a burger on the grill")
    [cook] = shot.entities
    assert (cook.motion, cook.action, cook.target) == (Motion.COOK, "grilling", None)
    assert {"burger", "grill"} <= set(board.word_notes)
    assert "grill" not in board.mapped_words


def test_a_dropped_glass_is_held_then_breaks() -> None:
    _, shot = one_shot("a waiter drops a glass")
    glass = entity(shot, "glass")
    holder = next(e for e in shot.entities if e.object == glass.id)
    assert glass.motion is Motion.BREAK and holder.motion is Motion.IDLE


@pytest.mark.parametrize(("prompt", "kind"), [
    ("a toddler knocks over a tower of blocks", "cube"),
    ("a boy knocks the vase over", "vase"),
])
def test_knocking_a_thing_over_topples_it(prompt: str, kind: str) -> None:
    board, shot = one_shot(prompt)
    knocked = entity(shot, kind)
    assert knocked.motion is Motion.TOPPLE
    assert any(e.motion is Motion.PUSH and e.object == knocked.id for e in shot.entities)
    assert board.environment.place != "tower"  # "a tower of" counts blocks


@pytest.mark.parametrize(("prompt", "kinds"), [
    ("a man spins a basketball on his finger", {"person", "basketball"}),
    ("a girl holds a kitten in her arms", {"child", "cat"}),
])
def test_a_body_part_of_someone_is_never_a_prop(prompt: str, kinds: set[str]) -> None:
    board, shot = one_shot(prompt)
    assert {e.kind for e in shot.entities} == kinds
    assert not board.mapped_words


def test_explain_names_the_form_of_the_act() -> None:
    board, _ = one_shot("a chef flips a pancake in a busy kitchen")
    text = describe(board)
    assert "chef cook [flipping pancakes]" in text
    assert "pancake → shown in the act" in text


def test_a_truck_that_parks_outside_a_shop_drives_in_on_the_street() -> None:
    board, shot = one_shot("a delivery truck parks outside a bakery")
    assert [e.kind for e in shot.entities] == ["truck"]  # "parks" is its verb, no people
    truck = shot.entities[0]
    assert (truck.motion, truck.action, truck.label) == (Motion.DRIVE, "park",
                                                          "delivery truck")
    # seen from outside: the street before the shop, said so
    assert board.environment.place == "city_street"
    assert "outside a bakery → city street" in describe(board)
    assert "truck drive [park]" in describe(board)


@pytest.mark.parametrize(("prompt", "place"), [
    ("a girl reads in front of the library", "city_street"),
    ("a girl reads in the library", "library"),
])
def test_outside_a_room_is_the_street_inside_it_is_the_room(prompt: str, place: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == place


@pytest.mark.parametrize("prompt", ["a cat sleeps on a parked car",
                                    "cars are parked along the road"])
def test_parked_vehicles_stand_and_are_understood(prompt: str) -> None:
    board, shot = one_shot(prompt)
    car = entity(shot, "car")
    assert car.motion is Motion.IDLE
    assert "not understood: nothing" in describe(board)


def test_only_a_vehicle_parks_by_driving() -> None:
    _, shot = one_shot("a man parks his bike next to a tree")
    assert all(e.motion is not Motion.DRIVE for e in shot.entities)
    assert {e.kind for e in shot.entities} >= {"person", "bicycle"}


@pytest.mark.parametrize(("prompt", "kind", "label"), [
    ("a red sports car races past a gas station", "car", "sports car"),
    ("a police car speeds down the street", "car", "police car"),
])
def test_a_compound_before_a_vehicle_that_moves_is_part_of_its_name(
        prompt: str, kind: str, label: str) -> None:
    # "sports" in "a sports car races" was a subject of its own: three people
    board, shot = one_shot(prompt)
    assert [e.kind for e in shot.entities] == [kind]
    assert shot.entities[0].label == label and shot.entities[0].motion is Motion.DRIVE
    assert "not understood: nothing" in describe(board)


@pytest.mark.parametrize(("prompt", "seat"), [
    ("a grandmother knits a scarf on a porch swing", "bench"),
    ("an old woman is knitting", "chair"),
    ("a man sews on the sofa", "sofa"),
])
def test_needlework_is_done_sitting_on_the_seat_named_else_a_chair(prompt: str,
                                                                   seat: str) -> None:
    board, shot = one_shot(prompt)
    who = next(e for e in shot.entities if e.kind == "person")
    assert (who.motion, who.action) == (Motion.SIT, "knitting")
    assert who.object == entity(shot, seat).id
    assert "not understood: nothing" in describe(board)


def test_what_needlework_makes_is_in_the_hands_and_it_is_done_indoors() -> None:
    # the quilt was an invisible stand-in, and the window's room a park
    board, shot = one_shot("an old woman sews a quilt by the window")
    assert sorted(e.kind for e in shot.entities) == ["chair", "person", "window"]
    assert board.environment.place == "living_room"
    assert "quilt → made in the act (knitting)" in describe(board)
    # a place the prompt names still wins
    assert one_shot("a girl knits a scarf in the park")[0].environment.place == "park"


def test_a_ball_of_yarn_is_one_thing_and_a_cup_of_coffee_is_the_cup() -> None:
    _, shot = one_shot("a kitten plays with a ball of red yarn")
    assert [e.kind for e in shot.entities] == ["cat", "yarn"]
    yarn = entity(shot, "yarn")
    assert entity(shot, "cat").object == yarn.id and yarn.colour == "red"
    _, shot = one_shot("a boy eats a bowl of soup")
    assert [e.kind for e in shot.entities] == ["child", "bowl"]
    assert entity(shot, "bowl").label == "bowl of soup"


def test_kids_building_a_sandcastle_kneel_at_it_on_the_beach() -> None:
    board, shot = one_shot("two kids build a sandcastle while waves roll in")
    kids, castle = entity(shot, "child"), entity(shot, "sandcastle")
    assert (kids.count, kids.motion, kids.action, kids.object) == (
        2, Motion.DIG, "sandcastle", castle.id)
    assert (board.environment.place, board.environment.ground) == ("beach", "sand")
    assert "not understood: nothing" in describe(board)


@pytest.mark.parametrize(("prompt", "seat"), [
    ("a woman reads a book on a bench", "bench"),
    ("an old man sits on a bench and reads", "bench"),
    ("a man sits on a bench reading a newspaper", "bench"),
    ("a girl reads on the sofa", "sofa"),
    ("a teenager reads a comic on the couch", "sofa"),
    ("a grandmother reads a magazine in bed", "bed"),
])
def test_reading_where_a_seat_is_named_is_done_sitting_on_it(prompt: str, seat: str) -> None:
    board, shot = one_shot(prompt)
    reader = next(e for e in shot.entities if e.kind in ("person", "child"))
    assert (reader.motion, reader.action) == (Motion.SIT, "reading")
    assert reader.object == entity(shot, seat).id
    # the seat does not read, and no book is left lying on it: the act holds it open
    assert entity(shot, seat).motion is Motion.IDLE
    assert not any(e.kind in ("book", "notebook") for e in shot.entities)
    assert "not understood: nothing" in describe(board)


def test_reading_with_no_seat_named_stays_standing_with_the_book() -> None:
    _, shot = one_shot("a boy reads a book")
    boy, book = entity(shot, "child"), entity(shot, "book")
    assert (boy.motion, boy.object) == (Motion.READ, book.id)


@pytest.mark.parametrize(("prompt", "kinds", "name"), [
    ("a red bicycle on a street in Paris", ["bicycle"], "paris"),
    ("a birthday cake on a table in Tokyo", ["birthday_cake", "table"], "tokyo"),
    ("a girl waves from London", ["child"], "london"),
])
def test_a_named_place_is_where_not_a_prop(prompt: str, kinds: list[str], name: str) -> None:
    # "Paris" was staged as a seedling (a plant genus is also called Paris)
    board, shot = one_shot(prompt)
    assert sorted(e.kind for e in shot.entities) == sorted(kinds)
    assert f"{name} → the name of a place" in describe(board)


def test_a_lower_case_thing_after_in_is_still_a_thing() -> None:
    _, shot = one_shot("a cat sleeps in the box")
    assert sorted(e.kind for e in shot.entities) == ["box", "cat"]


@pytest.mark.parametrize(("prompt", "count", "motion"), [
    ("a couple walks in the park", 2, Motion.WALK),
    ("a family walks on the beach", 4, Motion.WALK),
    ("a crowd cheers at a concert", 12, Motion.CHEER),
    ("a band plays on stage", 4, Motion.PLAY),
])
def test_a_group_of_people_named_on_its_own_is_that_many_people(prompt: str, count: int,
                                                                 motion: Motion) -> None:
    # "a couple walks in the park" staged two trees and two birds, and nobody
    board, shot = one_shot(prompt)
    people = entity(shot, "person")
    assert (people.count, people.motion) == (count, motion)
    assert "not understood: nothing" in describe(board)


def test_a_group_word_with_of_still_counts_what_follows() -> None:
    _, shot = one_shot("a couple of dogs play in the park")
    assert [(e.kind, e.count) for e in shot.entities] == [("dog", 2)]


@pytest.mark.parametrize("prompt", ["a family picnic by the lake", "a man reads by the lake",
                                    "a couple walks along the lakeside at sunset"])
def test_the_shore_of_a_lake_is_a_grassy_bank_not_the_open_sea(prompt: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == "river"
    assert board.environment.resolved_ground() == "grass"


def test_skateboards_as_a_noun_stay_things() -> None:
    _, shot = one_shot("three skateboards lean on a wall")
    assert entity(shot, "skateboard").count == 3


@pytest.mark.parametrize("prompt", ["a boy flies a kite on a windy beach",
                                    "kids fly kites in the park"])
def test_flying_a_kite_is_holding_its_line_not_flying(prompt: str) -> None:
    # "a boy flies a kite" sent the boy into the sky
    _, shot = one_shot(prompt)
    kite = entity(shot, "kite")
    flier = next(e for e in shot.entities if e.object == kite.id)
    assert (flier.motion, flier.action) == (Motion.PULL, "kite")


def test_a_camera_phrase_is_not_what_a_verb_is_done_to() -> None:
    # "tracking shot" was read as the thing the penguin slid, and the penguin pushed it
    _, shot = one_shot("a penguin slides on the snow, tracking shot")
    assert entity(shot, "penguin").motion is Motion.SLIDE
    assert shot.camera.follow == "penguin"


def test_the_girl_and_the_boy_are_the_two_friends_named_first() -> None:
    board = direct('two friends on a bench. The girl asks "Want to go swimming?" and the boy '
                   'says "Sure"')
    shot = board.shots[0]
    bench = entity(shot, "bench")
    people = [e for e in shot.entities if e.kind != "bench"]
    assert len(people) == 2 and all(e.count == 1 for e in people)
    genders = {e.label: e.persona.gender.value for e in people if e.persona and
               e.persona.gender}
    assert genders == {"girl": "female", "boy": "male"}
    assert all((e.motion, e.object) == (Motion.SIT, bench.id) for e in people)
    speakers = [line.speaker for s in board.shots for line in s.dialogue]
    girl = next(e.id for e in people if e.label == "girl")
    boy = next(e.id for e in people if e.label == "boy")
    assert speakers == [girl, boy]


def test_her_grandson_is_someone_else() -> None:
    # the grandson was the old woman herself, laughing at her own line
    _, shot = one_shot('an old woman says "When I was young, we walked everywhere" and her '
                       'grandson laughs')
    woman, grandson = shot.entities
    assert woman.persona is not None and grandson.persona is not None
    assert (woman.persona.gender.value, woman.persona.age.value) == ("female", "elder")
    assert (grandson.persona.gender.value, grandson.motion) == ("male", Motion.LAUGH)
    assert [line.speaker for line in shot.dialogue] == [woman.id]


def test_the_boy_of_two_kids_is_one_of_them() -> None:
    _, shot = one_shot("two kids play in the park. The boy laughs")
    assert sorted(((e.count, e.motion) for e in shot.entities), key=str) == [
        (1, Motion.LAUGH), (1, Motion.PLAY)]


def test_a_pendulum_swings_is_a_pendulum_not_three_swings() -> None:
    _, shot = one_shot("a pendulum swings in a laboratory")
    assert [(e.kind, e.count, e.motion) for e in shot.entities] == [
        ("pendulum", 1, Motion.SWING)]


def test_things_falling_together_onto_a_sofa_both_land_on_it() -> None:
    _, shot = one_shot("a teddy bear and a laptop fall onto a sofa")
    sofa = entity(shot, "sofa")
    assert {(e.kind, e.target) for e in shot.entities if e is not sofa} == {
        ("teddy_bear", sofa.id), ("laptop", sofa.id)}


def test_a_cat_asleep_under_a_table_is_indoors_but_not_in_a_bedroom() -> None:
    board, _ = one_shot("a cat sleeps under the table while a dog chews a bone")
    assert board.environment.place == "living_room"
    assert entity(board.shots[0], "bone").id == entity(board.shots[0], "dog").object


def test_a_watch_on_a_pedestal_is_a_product_shot() -> None:
    board, shot = one_shot("a watch on a pedestal")
    watch, pedestal = entity(shot, "watch"), entity(shot, "pedestal")
    assert (watch.relation, watch.relative_to) == (Relation.ON, pedestal.id)
    assert board.environment.place == "studio"


@pytest.mark.parametrize("prompt", ["two boxers fight in a ring", "a boxer fights in a ring"])
def test_boxers_fight_in_a_ring_indoors(prompt: str) -> None:
    # the ring was a cardboard box on the grass of a park, and the boxers fought it
    board, shot = one_shot(prompt)
    assert board.environment.place == "gymnasium"
    assert all(e.kind == "person" and e.motion is Motion.FIGHT for e in shot.entities)
    assert sum(e.count for e in shot.entities) == 2


def test_a_ring_worn_is_not_a_place() -> None:
    board, _ = one_shot("a woman wears a gold ring")
    assert board.environment.place != "gymnasium"


def test_two_kids_play_catch_with_each_other() -> None:
    # "catch" was a third person standing by
    _, shot = one_shot("two kids play catch")
    thrower = next(e for e in shot.entities if e.motion is Motion.THROW)
    catcher = next(e for e in shot.entities if e.motion is Motion.CATCH)
    assert thrower.kind == catcher.kind == "child" and thrower.target == catcher.id
    assert thrower.object == catcher.object == entity(shot, "baseball").id


def test_walking_past_a_thing_goes_by_it() -> None:
    _, shot = one_shot("a giraffe and a zebra walk past a fire hydrant")
    hydrant = entity(shot, "fire_hydrant")
    for kind in ("giraffe", "zebra"):
        walker = entity(shot, kind)
        assert (walker.motion, walker.relation, walker.relative_to) == (
            Motion.WALK, Relation.IN_FRONT_OF, hydrant.id)


@pytest.mark.parametrize(("prompt", "place"), [("five red apples on the grass", "park"),
                                               ("a dog runs on the sand", "beach")])
def test_a_floor_named_alone_says_where(prompt: str, place: str) -> None:
    # the apples on the grass were on a lawn laid in a kitchen (apples are food)
    board, _ = one_shot(prompt)
    assert board.environment.place == place


@pytest.mark.parametrize("prompt", ["a man fishing on a lake at sunrise",
                                    "a man fishes by the river", "an old man goes fishing"])
def test_fishing_is_done_from_the_bank(prompt: str) -> None:
    # "a man fishing on a lake" stood on the open sea grabbing a box; "a man fishes" was a
    # man and three fish
    board, shot = one_shot(prompt)
    [fisher] = shot.entities
    assert (fisher.kind, fisher.motion, fisher.action) == ("person", Motion.PULL, "fishing")
    assert board.environment.place == "river"


@pytest.mark.parametrize("prompt", ["a woman paints at an easel",
                                    "a woman paints a picture on an easel in the park"])
def test_painting_is_done_at_an_easel_the_act_draws(prompt: str) -> None:
    # the easel was a computer (a stand-in "device") and she wrote in a notebook
    _, shot = one_shot(prompt)
    [painter] = shot.entities
    assert (painter.motion, painter.action, painter.object) == (Motion.WRITE, "painting", None)


def test_painting_a_fence_is_not_painting_a_picture() -> None:
    _, shot = one_shot("a boy paints the fence")
    assert entity(shot, "child").action != "painting"


def test_a_family_picnic_is_sitting_on_the_grass_to_eat() -> None:
    # the picnic was a pot of food (a stand-in) beside four people standing in a row
    board, shot = one_shot("a family having a picnic in the park")
    [family] = shot.entities
    assert (family.count, family.motion, family.action, family.object) == (
        4, Motion.SIT, "picnic", None)
    assert board.environment.place == "park"


def test_a_group_sitting_on_the_grass_does_not_share_one_chair() -> None:
    # four people sat stacked on one chair brought on for them
    _, shot = one_shot("a family sits on the grass")
    assert [(e.kind, e.motion, e.object) for e in shot.entities] == [
        ("person", Motion.SIT, None)]


def test_fish_named_bare_are_several_and_a_branch_is_a_tree_s() -> None:
    _, shot = one_shot("fish swim over a coral reef underwater")
    assert entity(shot, "fish").count == 3
    _, shot = one_shot("the fish jumps out of the water")
    assert entity(shot, "fish").count == 1
    _, shot = one_shot("a parrot sits on a branch in the jungle")
    tree = entity(shot, "tree")
    assert entity(shot, "parrot").object == tree.id


@pytest.mark.parametrize("prompt", ["a man walks his dog in the park",
                                    "a woman walks a dog on a leash in the city"])
def test_walking_a_dog_is_walking_together(prompt: str) -> None:
    # the dog stood still while the woman walked away, standing on a phone (the leash)
    _, shot = one_shot(prompt)
    person, dog = entity(shot, "person"), entity(shot, "dog")
    assert person.motion is dog.motion is Motion.WALK
    assert (dog.relation, dog.relative_to) == (Relation.NEXT_TO, person.id)
    assert {e.kind for e in shot.entities} == {"person", "dog"}


@pytest.mark.parametrize(("prompt", "colour"), [("a panda eating bamboo", "white"),
                                                 ("a grizzly in the forest", None)])
def test_a_panda_is_a_white_bear_not_a_badger(prompt: str, colour: str | None) -> None:
    _, shot = one_shot(prompt)
    assert entity(shot, "bear").colour == colour


@pytest.mark.parametrize(("prompt", "form"), [("a snowy ski slope at noon, a girl skis down",
                                               None),
                                              ("a man snowboards down a mountain",
                                               "snowboard")])
def test_skis_and_boards_are_on_the_feet_not_left_on_the_slope(prompt: str,
                                                               form: str | None) -> None:
    # a pair of skis (a boot on skis) stood on the snow while the girl skied on drawn ones
    _, shot = one_shot(prompt)
    [skier] = shot.entities
    assert (skier.motion, skier.action, skier.object) == (Motion.SKI, form, None)


def test_an_umbrella_on_the_beach_is_a_beach_umbrella() -> None:
    _, shot = one_shot("three yellow umbrellas on the beach at sunset")
    assert [(e.kind, e.count, e.colour) for e in shot.entities] == [
        ("beach_umbrella", 3, "yellow")]
    _, shot = one_shot("a woman with an umbrella in the rain")
    assert entity(shot, "umbrella").count == 1


@pytest.mark.parametrize(("prompt", "word"), [
    ("a rainy alley at night with neon signs", "neon signs"),
    ("a busy supermarket aisle with shopping carts", "supermarket aisle")])
def test_parts_of_a_place_are_drawn_with_it(prompt: str, word: str) -> None:
    # the aisle was a cardboard box (a stand-in) and the neon signs were not understood
    board, shot = one_shot(prompt)
    assert board.unknown_words == [] and "object" not in {e.kind for e in shot.entities}
    assert board.word_notes[word] == f"{word} → drawn with the place"


@pytest.mark.parametrize(("prompt", "place"), [
    ("an owl sleeps on a branch", "park"),  # in a tree, not in a bedroom
    ("a lion sleeps", "park"),  # a wild animal has no bedroom
    ("a man sleeps on the sofa", "living_room"),  # the sofa's room
    ("a cat sleeps on the bed", "bedroom"),
    ("a dog sleeps", "bedroom"),  # a pet asleep indoors
    ("a man sleeps in the park", "park"),
])
def test_a_sleeper_sleeps_where_what_it_sleeps_on_belongs(prompt: str, place: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == place


def test_a_person_asleep_indoors_sleeps_in_a_bed_and_outdoors_on_the_ground() -> None:
    _, shot = one_shot("a baby sleeps")
    baby, bed = entity(shot, "person"), entity(shot, "bed")
    assert (baby.motion, baby.object) == (Motion.SLEEP, bed.id)
    _, shot = one_shot("an old man sleeps in the living room")
    assert entity(shot, "person").object == entity(shot, "sofa").id
    _, shot = one_shot("a man sleeps in the park")
    assert [e.kind for e in shot.entities] == ["person"]


@pytest.mark.parametrize(("prompt", "animal", "seat"), [
    ("a cat sleeps on the bed", "cat", "bed"),
    ("a dog sits on the sofa", "dog", "sofa"),
    ("a dog naps on the bench in the park", "dog", "bench"),
])
def test_an_animal_lies_or_sits_on_the_furniture_named(prompt: str, animal: str,
                                                      seat: str) -> None:
    # a person acts with a chair or a bed; an animal is set on it (it stood beside the bed)
    _, shot = one_shot(prompt)
    pet, furniture = entity(shot, animal), entity(shot, seat)
    assert (pet.relation, pet.relative_to, pet.object) == (Relation.ON, furniture.id, None)


@pytest.mark.parametrize(("prompt", "place", "things"), [
    ("a stop sign on the street corner", "city_street", ["stop_sign"]),
    ("a fire hydrant on the corner", "city_street", ["fire_hydrant"]),
    ("a cat sits in the corner of the kitchen", "kitchen", ["cat"]),
    ("a lamp in the corner of the room", "living_room", ["lamp"]),
    ("a cat in a room", "living_room", ["cat"]),
])
def test_a_corner_or_a_room_is_part_of_the_place_not_a_thing(
        prompt: str, place: str, things: list[str]) -> None:
    # "corner" was staged as a building the sign stood on; "room" as a building too
    board, shot = one_shot(prompt)
    assert board.environment.place == place
    assert [e.kind for e in shot.entities] == things
    assert "drawn with the place" in describe(board)


@pytest.mark.parametrize("prompt", ["a golden retriever playing in the snow",
                                    "a golden retriever runs on the beach"])
def test_a_breed_after_an_adjective_is_still_the_animal(prompt: str) -> None:
    # the tagger read "golden retriever playing" as two adjectives and no dog was staged
    board, shot = one_shot(prompt)
    dog = entity(shot, "dog")
    assert dog.label == "retriever" and dog.colour == "gold"
    assert "not understood: nothing" in describe(board)


@pytest.mark.parametrize(("prompt", "subject", "motion", "thing"), [
    ("a butterfly landing on a flower", "butterfly", Motion.IDLE, "flower"),
    ("a squirrel gathering nuts in the park", "squirrel", Motion.GRAB, "nut"),
    ("a woman collects shells on the beach", "person", Motion.GRAB, "shell"),
])
def test_an_animal_doing_something_is_not_a_compound_noun(
        prompt: str, subject: str, motion: Motion, thing: str) -> None:
    # "butterfly landing" was parsed as one noun, a stand-in box on the flower; the
    # squirrel of "squirrel gathering nuts" was lost and the nuts were plants
    _, shot = one_shot(prompt)
    animal, other = entity(shot, subject), entity(shot, thing)
    assert animal.motion is motion
    assert other.id in (animal.object, animal.relative_to)
    assert "object" not in [e.kind for e in shot.entities]


@pytest.mark.parametrize("prompt", ["a city building", "a flower painting on the wall",
                                    "a birthday cake on the table"])
def test_a_thing_named_by_two_nouns_stays_one_thing(prompt: str) -> None:
    _, shot = one_shot(prompt)
    assert len([e for e in shot.entities if e.motion is not Motion.IDLE]) == 0


@pytest.mark.parametrize(("prompt", "kinds"), [
    ("A person is massaging legs", ["person"]),  # the legs were three stand-in devices
    ("A person is sticking tongue out", ["person"]),
    ("a man scratches his head", ["person"]),  # a scratch is no cut: no knife is brought in
    ("a cat scratches the sofa", ["cat", "sofa"]),
])
def test_body_parts_and_misleading_verbs_bring_in_no_props(prompt: str,
                                                          kinds: list[str]) -> None:
    _, shot = one_shot(prompt)
    assert [e.kind for e in shot.entities] == kinds


@pytest.mark.parametrize("prompt", ["a girl blowing bubbles in the garden",
                                    "a boy blows bubbles", "kids blowing bubbles in the park"])
def test_blowing_bubbles_is_an_act_and_the_bubbles_are_its_own(prompt: str) -> None:
    # "blowing" was not understood and three bubbles lay on the grass as cyan balls
    board, shot = one_shot(prompt)
    child = entity(shot, "child")
    assert (child.motion, child.action, child.object) == (Motion.PLAY, "blowing bubbles", None)
    assert [e.kind for e in shot.entities] == ["child"]
    assert "not understood: nothing" in describe(board)


@pytest.mark.parametrize(("prompt", "liquid", "receiver"), [
    ("water pours from a jug into a glass", "water", "glass"),
    ("a woman pours milk into a glass", "milk", "glass"),
    ("coffee pours into a cup", "coffee", "cup"),  # no jug named: one pours it
    ("a bartender pours wine into a glass", "wine", "glass"),
])
def test_a_pour_is_of_its_liquid_into_a_glass_standing_on_a_table(
        prompt: str, liquid: str, receiver: str) -> None:
    _, shot = one_shot(prompt)
    jug, into, table = entity(shot, "jug"), entity(shot, receiver), entity(shot, "table")
    assert (jug.motion, jug.action, jug.target) == (Motion.POUR, liquid, into.id)
    assert (into.relation, into.relative_to) == (Relation.ON, table.id)


@pytest.mark.parametrize(("prompt", "place"), [
    ("a clock above the fireplace in a living room", "living_room"),
    ("a cat sleeps in front of the fireplace", "living_room"),  # indoors, not in a park
    ("a vase falls off the shelf and breaks", "kitchen"),  # a vessel: the kitchen
])
def test_a_fireplace_and_a_shelf_are_furniture_of_their_own(prompt: str, place: str) -> None:
    # the fireplace was a building stand-in (a temple), the shelf a stand-in device
    board, shot = one_shot(prompt)
    assert board.environment.place == place
    kinds = {e.kind for e in shot.entities}
    assert kinds & {"fireplace", "shelf"} and not kinds & {"building", "device", "object"}


@pytest.mark.parametrize(("prompt", "place", "kind"), [
    ("a clownfish swims near the coral", "coral_reef", "fish"),  # a pot of food in a kitchen
    ("a turtle swims near the coral", "coral_reef", "turtle"),
    ("a shark swims", "underwater", "shark"),  # a shark swam in a swimming pool
])
def test_sea_creatures_swim_in_the_sea_and_coral_is_the_reef(prompt: str, place: str,
                                                             kind: str) -> None:
    board, shot = one_shot(prompt)
    assert board.environment.place == place
    assert [e.kind for e in shot.entities] == [kind]
