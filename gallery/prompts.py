"""About twenty varied prompts that show what the procedural engine can do."""

PROMPTS: tuple[tuple[str, str | None], ...] = (
    ("a red ball bounces on a wooden floor", None),
    ("three blue cubes fall on a table in a kitchen", "photoreal"),
    ("water pours from a jug into a glass", "photoreal"),
    ("a dog chases a cat in the park at golden hour", "animated"),
    ("a rocket launches from the desert at dawn, slow motion", "cinematic"),
    ("an astronaut jumps on the moon, wide shot", "cinematic"),
    ("a car drives down a city street at night in the rain", "cinematic"),
    ("a robot says \"hello, human\" in a living room", "anime"),
    ("fish swim over a coral reef underwater", "animated"),
    ("a sailboat floats on the ocean at sunset", "watercolor"),
    ("a knight walks past a castle in the snow", "anime"),
    ("five balloons float up in a stadium", "animated"),
    ("a penguin slides on the snow, tracking shot", "animated"),
    ("a man dances on a stage under a spotlight", "noir"),
    ("giant apples fall in a surreal desert, slow motion", "surreal"),
    ("a horse runs across a farm at dawn, drone shot", "photoreal"),
    ("a bird flies over a forest in the morning", "watercolor"),
    ("Shot 1: a cat sits on a sofa. Shot 2: close-up, the cat says \"feed me\"", "animated"),
    ("a ufo hovers over the mountains at night with stars", "pixel"),
    ("a truck crashes into boxes on a city street", "anime"),
)
