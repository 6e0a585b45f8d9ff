"""Where, when and how: places, floors, weather, time, light, camera, style, mood."""

from __future__ import annotations

import pytest
from director_boards import one_shot

from openreel.director import direct
from openreel.spec import (
    CameraMove,
    Direction,
    Framing,
    Lighting,
    Mood,
    Style,
    TimeOfDay,
    Weather,
)


@pytest.mark.parametrize(("prompt", "place"), [
    ("a dog runs on the beach", "beach"), ("a car on a city street at night", "city_street"),
    ("a fox in a forest", "forest"), ("an astronaut jumps on the moon", "moon"),
    ("a fish underwater", "underwater"), ("a chef in a kitchen", "kitchen"),
    ("a rocket in space", "space"), ("a robot on mars", "mars"),
    ("a camel walks in the desert", "desert"), ("a boat on the lake", "ocean"),
    ("a cow on a farm", "farm"), ("a dancer on stage", "stage"),
    ("a cat in the living room", "living_room"), ("an athlete in a stadium", "stadium"),
    ("a goat in the mountains", "mountains"), ("a penguin in the arctic", "snow"),
])
def test_places(prompt: str, place: str) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.place == place


@pytest.mark.parametrize(("prompt", "gravity"), [
    ("a ball falls on the moon", 1.62), ("a ball falls in the park", 9.81),
    ("a rock falls on mars", 3.71), ("an astronaut floats in space", 0.0),
    ("a ball bounces in zero gravity", 0.0),
])
def test_gravity(prompt: str, gravity: float) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.resolved_gravity() == pytest.approx(gravity)


@pytest.mark.parametrize(("prompt", "ground"), [
    ("a red ball bounces on a wooden floor", "wood"),
    ("a puck slides on an icy floor", "ice"), ("a penguin slides on ice", "ice"),
    ("a ball rolls on a sandy floor", "sand"), ("a ball rolls on a grass floor", "grass"),
    ("a marble rolls on a stone floor", "stone"), ("a cube falls on a metal floor", "metal"),
])
def test_floor_materials(prompt: str, ground: str) -> None:
    board, shot = one_shot(prompt)
    assert board.environment.ground == ground
    assert board.environment.resolved_ground() == ground
    assert shot.entities  # the floor is not a thing


@pytest.mark.parametrize(("word", "weather"), [
    ("in the rain", Weather.RAIN), ("on a rainy day", Weather.RAIN),
    ("in a storm", Weather.STORM), ("with thunder", Weather.STORM),
    ("while snowing", Weather.SNOW), ("in the fog", Weather.FOG), ("on a foggy day", Weather.FOG),
    ("on a misty morning", Weather.FOG), ("on a windy day", Weather.WIND),
])
def test_weather(word: str, weather: Weather) -> None:
    board, _ = one_shot(f"a dog walks {word}")
    assert board.environment.weather is weather


@pytest.mark.parametrize(("word", "time"), [
    ("at dawn", TimeOfDay.DAWN), ("at sunrise", TimeOfDay.DAWN),
    ("in the morning", TimeOfDay.MORNING), ("at noon", TimeOfDay.NOON),
    ("at midday", TimeOfDay.NOON), ("in the afternoon", TimeOfDay.AFTERNOON),
    ("at golden hour", TimeOfDay.GOLDEN_HOUR), ("at sunset", TimeOfDay.GOLDEN_HOUR),
    ("at dusk", TimeOfDay.DUSK), ("at twilight", TimeOfDay.DUSK),
    ("at night", TimeOfDay.NIGHT), ("at midnight", TimeOfDay.NIGHT),
    ("in a moonlit park", TimeOfDay.NIGHT),
])
def test_time_of_day(word: str, time: TimeOfDay) -> None:
    board, _ = one_shot(f"a cat walks {word}")
    assert board.environment.time_of_day is time


@pytest.mark.parametrize(("prompt", "lighting"), [
    ("a city street at night", Lighting.NEON), ("a neon sign glows over a car", Lighting.NEON),
    ("a candle-lit dinner with a cake", Lighting.CANDLELIGHT),
    ("a cake by candlelight", Lighting.CANDLELIGHT), ("a robot in studio lighting",
                                                      Lighting.STUDIO),
    ("a dancer in a spotlight", Lighting.SPOTLIGHT), ("a wolf howls in moonlight",
                                                      Lighting.MOONLIGHT),
    ("a dog in the park at night", Lighting.MOONLIGHT), ("a dog in the park", Lighting.NATURAL),
])
def test_lighting(prompt: str, lighting: Lighting) -> None:
    board, _ = one_shot(prompt)
    assert board.environment.lighting is lighting


@pytest.mark.parametrize(("phrase", "framing"), [
    ("close-up of", Framing.CLOSE_UP), ("closeup of", Framing.CLOSE_UP),
    ("medium shot of", Framing.MEDIUM), ("wide shot of", Framing.WIDE),
    ("establishing shot of", Framing.WIDE),
])
def test_framing(phrase: str, framing: Framing) -> None:
    _, shot = one_shot(f"{phrase} a frog on a rock")
    assert shot.camera.framing is framing


@pytest.mark.parametrize(("phrase", "move", "direction"), [
    ("pan left", CameraMove.PAN, Direction.LEFT), ("pan right", CameraMove.PAN, Direction.RIGHT),
    ("tilt up", CameraMove.TILT, Direction.UP), ("tilt down", CameraMove.TILT, Direction.DOWN),
    ("dolly in", CameraMove.DOLLY, Direction.IN), ("dolly out", CameraMove.DOLLY, Direction.OUT),
    ("push in", CameraMove.DOLLY, Direction.IN), ("zoom in", CameraMove.ZOOM, Direction.IN),
    ("zoom out", CameraMove.ZOOM, Direction.OUT), ("orbit shot", CameraMove.ORBIT, None),
    ("orbiting", CameraMove.ORBIT, None), ("360", CameraMove.ORBIT, None),
    ("handheld", CameraMove.HANDHELD, None), ("shaky cam", CameraMove.HANDHELD, None),
    ("drone shot", CameraMove.DRONE, None), ("aerial view", CameraMove.DRONE, None),
    ("bird's-eye view", CameraMove.DRONE, None),
])
def test_camera_moves(phrase: str, move: CameraMove, direction: Direction | None) -> None:
    _, shot = one_shot(f"{phrase}, a horse stands in a field")
    assert (shot.camera.move, shot.camera.direction) == (move, direction)
    assert shot.entities[0].kind == "horse"


def test_drone_shots_are_wide() -> None:
    _, shot = one_shot("aerial shot of a boat on the ocean")
    assert shot.camera.framing is Framing.WIDE


@pytest.mark.parametrize(("phrase", "speed"), [
    ("slow motion", 0.5), ("slow-mo", 0.5), ("in slow-motion", 0.5),
    ("super slow motion", 0.25), ("", 1.0),
])
def test_slow_motion(phrase: str, speed: float) -> None:
    _, shot = one_shot(f"a water balloon bursts {phrase}")
    assert shot.camera.slow_motion == speed


@pytest.mark.parametrize("prompt", [
    "tracking shot of a horse galloping on the beach",
    "the camera follows the horse on the beach",
    "a horse gallops on the beach, tracking shot",
])
def test_camera_follows(prompt: str) -> None:
    _, shot = one_shot(prompt)
    horse = next(e for e in shot.entities if e.kind == "horse")
    assert shot.camera.follow == horse.id
    assert horse.target is None


@pytest.mark.parametrize(("word", "style"), [
    ("cinematic", Style.CINEMATIC), ("film", Style.CINEMATIC), ("movie", Style.CINEMATIC),
    ("animated", Style.ANIMATED), ("cartoon", Style.ANIMATED), ("pixar", Style.ANIMATED),
    ("3d animation", Style.ANIMATED), ("anime", Style.ANIME), ("manga", Style.ANIME),
    ("ghibli", Style.ANIME), ("photoreal", Style.PHOTOREAL), ("photorealistic",
                                                              Style.PHOTOREAL),
    ("realistic", Style.PHOTOREAL), ("surreal", Style.SURREAL), ("dreamlike", Style.SURREAL),
    ("dali", Style.SURREAL), ("noir", Style.NOIR), ("black and white", Style.NOIR),
    ("watercolor", Style.WATERCOLOR), ("watercolour", Style.WATERCOLOR),
    ("painting", Style.WATERCOLOR), ("pixel art", Style.PIXEL), ("8-bit", Style.PIXEL),
    ("retro game", Style.PIXEL),
])
def test_styles(word: str, style: Style) -> None:
    board, shot = one_shot(f"{word} style, a fox jumps")
    assert board.style is style and shot.entities[0].kind == "fox"


def test_default_style_and_explicit_style_wins() -> None:
    assert direct("a fox jumps").style is Style.ANIMATED
    assert direct("an anime cat", style=Style.NOIR).style is Style.NOIR


@pytest.mark.parametrize(("word", "mood"), [
    ("happy", Mood.HAPPY), ("joyful", Mood.HAPPY), ("calm", Mood.CALM),
    ("peaceful", Mood.CALM), ("tense", Mood.TENSE), ("scary", Mood.TENSE),
    ("suspense", Mood.TENSE), ("epic", Mood.EPIC), ("sad", Mood.SAD),
    ("playful", Mood.PLAYFUL), ("funny", Mood.PLAYFUL), ("mysterious", Mood.MYSTERIOUS),
    ("dreamy", Mood.DREAMY),
])
def test_mood_words(word: str, mood: Mood) -> None:
    assert direct(f"a {word} scene: a cat walks").mood is mood


@pytest.mark.parametrize(("prompt", "mood"), [
    ("a car crashes into a wall", Mood.TENSE), ("a rocket launches", Mood.EPIC),
    ("noir, a man walks", Mood.MYSTERIOUS), ("puppies dance", Mood.PLAYFUL),
    ("a fish swims underwater", Mood.CALM), ("surreal, a clock melts", Mood.DREAMY),
])
def test_mood_is_inferred(prompt: str, mood: Mood) -> None:
    assert direct(prompt).mood is mood


def test_sound_cues() -> None:
    board = direct("a dog barks at a bell while thunder rolls, then applause and music")
    sounds = {c.sound for s in board.shots for c in s.sounds}
    assert {"bark", "bell", "thunder", "applause", "music"} <= sounds
    bark = next(c for s in board.shots for c in s.sounds if c.sound == "bark")
    assert bark.entity == "dog"


def test_sound_words_each_give_a_cue() -> None:
    for word in ("thunder", "explosion", "applause", "music", "bark", "horn", "bell", "whoosh"):
        _, shot = one_shot(f"a cat sits, a {word}")
        assert [c.sound for c in shot.sounds] == [word], word
        assert all(0 <= c.at < shot.duration for c in shot.sounds)


def test_no_music() -> None:
    assert direct("a cat sleeps, no music").music is False
    assert direct("a cat sleeps").music is True


def test_a_sofa_puts_the_scene_indoors() -> None:
    from openreel.director import direct

    board = direct('Shot 1: a cat sits on a sofa. Shot 2: close-up, the cat says "feed me"')
    assert board.environment.place == "living_room"
