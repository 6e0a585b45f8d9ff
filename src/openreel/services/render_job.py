"""The render job's payload: what a worker needs to make one video, as a typed model.

The service that queues a render writes it (:meth:`RenderPayload.dump`); the worker that
claims the job reads it back through :meth:`RenderPayload.read`, which validates every
field once, so a payload that is not a render job's (a hand-edited row, a job queued by
another version) fails for good with the reason instead of a KeyError deep in a render.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from openreel.db.models import VideoKind
from openreel.jobs import PermanentJobError
from openreel.media import EncodeSettings
from openreel.pipeline import GenerateOptions
from openreel.spec import Storyboard, Style


class VideoSpec(BaseModel):
    """The video the job makes: its kind, prompt, parent and, for a stitch, its parts."""

    model_config = ConfigDict(frozen=True)

    kind: VideoKind
    prompt: str
    parent_id: int | None = None
    sources: list[int] = Field(default_factory=list)


class RenderOptions(BaseModel):
    """How to render, as :class:`GenerateOptions` holds it (less what lives on disk)."""

    model_config = ConfigDict(frozen=True)

    seconds: float | None = None
    size: str
    seed: int = Field(ge=0)
    engine: str
    fps: int
    style: Style | None = None

    @classmethod
    def of(cls, options: GenerateOptions) -> RenderOptions:
        """The options of a planned generation."""
        return cls(seconds=options.seconds, size=options.size, seed=options.seed,
                   engine=options.engine, fps=options.fps, style=options.style)

    def generate(self, image: Path | None, encode: EncodeSettings) -> GenerateOptions:
        """The pipeline's options, with the first-frame picture and the encoder's settings."""
        return GenerateOptions(seconds=self.seconds, size=self.size, fps=self.fps,
                               style=self.style, seed=self.seed, engine=self.engine,
                               image=image, encode=encode)


class RenderPayload(BaseModel):
    """Everything a worker needs to make the video, fixed when the job is queued."""

    model_config = ConfigDict(frozen=True)

    video: VideoSpec
    options: RenderOptions
    storyboard: Storyboard | None = None  # None for a stitch
    image_key: str | None = None  # the first-frame picture in the blob store
    # The id both invisible marks carry: drawn once, so every attempt marks the same.
    mark: str | None = Field(None, pattern=r"^[0-9a-f]{16}$")
    notes: list[str] = Field(default_factory=list)  # what the director said, for the page
    # the cameos it shows: their use is checked again as the job starts
    cameos: list[int] = Field(default_factory=list, max_length=16)

    def dump(self) -> dict[str, Any]:
        """The payload as plain JSON for the queue."""
        return self.model_dump(mode="json")

    @classmethod
    def read(cls, payload: dict[str, Any]) -> RenderPayload:
        """A claimed job's payload, validated; PermanentJobError when it is not one."""
        try:
            return cls.model_validate(payload)
        except ValidationError as exc:
            where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                              for e in exc.errors()[:3])
            raise PermanentJobError(f"not a render job's payload ({where})") from None


def notes_of(payload: dict[str, Any]) -> list[str]:
    """The director's notes kept in a job's payload, for pages that show the job (any job
    kind: only a render's has them)."""
    notes = payload.get("notes")
    return [str(n) for n in notes] if isinstance(notes, list) else []
