"""The picture sizes and frame rates a video can be made at.

Nothing is imported here: the command line's help shows these without loading the pipeline.
"""

SIZES: dict[str, tuple[int, int]] = {
    "720x1280": (720, 1280),
    "1280x720": (1280, 720),
    "1024x1024": (1024, 1024),
    "1920x1080": (1920, 1080),
}
FPS_CHOICES = (24, 30)
