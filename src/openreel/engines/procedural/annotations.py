"""Kubric-style ground truth for every frame: boxes, poses, masks, depth order, contacts.

Layout of the directory:

- ``scene.json``   clip facts, the storyboard, every instance with its mask id, all contacts
- ``frames.jsonl`` one JSON object per frame (entity boxes in pixels, positions and
  velocities in metres, depth order far → near)
- ``masks/NNNNN.png`` 16-bit instance segmentation per frame (0 = background)

Frames are appended as they are rendered, so memory does not grow with length.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Protocol

import numpy as np
from PIL import Image

from openreel.engines.procedural.scene import EntityFrame, FrameState, ShotSimulation
from openreel.spec import Storyboard


class SpokenLineLike(Protocol):
    speaker: str
    text: str
    start: float

    @property
    def end(self) -> float: ...


class _Projector(Protocol):
    def instance_mask(self, state: FrameState, sim: ShotSimulation) -> np.ndarray: ...

    def entity_box(self, state: FrameState, sim: ShotSimulation,
                   entity: EntityFrame) -> tuple[float, float, float, float]: ...


class AnnotationWriter:
    """Appends ground truth frame by frame into a directory."""

    def __init__(self, directory: Path, storyboard: Storyboard, width: int, height: int,
                 fps: int, seed: int) -> None:
        self.directory = Path(directory)
        (self.directory / "masks").mkdir(parents=True, exist_ok=True)
        self.storyboard, self.width, self.height, self.fps, self.seed = (
            storyboard, width, height, fps, seed)
        self._ids: dict[str, int] = {}
        self._instances: list[dict[str, object]] = []
        self._frames: IO[str] = open(self.directory / "frames.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        self._count = 0

    def _mask_id(self, entity: EntityFrame) -> int:
        if entity.uid not in self._ids:
            self._ids[entity.uid] = len(self._ids) + 1
            self._instances.append({"uid": entity.uid, "mask_id": self._ids[entity.uid],
                                    "group": entity.group, "kind": entity.kind,
                                    "colour": list(entity.colour), "material": entity.material,
                                    "size": entity.size})
        return self._ids[entity.uid]

    def add(self, state: FrameState, sim: ShotSimulation, renderer: _Projector) -> None:
        """Record one rendered frame."""
        stable = np.array([self._mask_id(e) for e in state.entities], dtype=np.uint16)
        lookup = np.concatenate([np.zeros(1, np.uint16), stable])
        mask = lookup[renderer.instance_mask(state, sim)]
        Image.fromarray(mask.astype(np.uint16)).save(
            self.directory / "masks" / f"{state.index:05d}.png")
        entities = []
        for e in state.entities:
            x0, y0, x1, y1 = renderer.entity_box(state, sim, e)
            entities.append({
                "uid": e.uid, "mask_id": self._ids[e.uid], "visible": e.visible,
                "box": [round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)],
                "position": [e.x, e.y], "velocity": [e.vx, e.vy], "angle": e.angle,
                "depth": e.depth, "mouth": e.mouth,
            })
        order = [e.uid for e in sorted(state.entities, key=lambda e: -e.depth)]
        record = {"index": state.index, "t": state.t, "shot": state.shot,
                  "entities": entities, "depth_order": order}
        self._frames.write(json.dumps(record) + "\n")
        self._count += 1

    def close(self, sims: list[ShotSimulation], dialogue: Sequence[SpokenLineLike] = ()) -> None:
        """Write the scene summary with every contact event and the dialogue schedule."""
        self._frames.close()
        contacts = [
            {"t": c.t, "frame": round(c.t * self.fps), "kind": c.kind, "a": c.a, "b": c.b,
             "position": [c.x, c.y], "impulse": c.impulse,
             "materials": [c.material_a, c.material_b]}
            for sim in sims for c in sim.contacts
        ]
        contacts.sort(key=lambda c: float(c["t"]))  # type: ignore[arg-type]
        scene = {
            "width": self.width, "height": self.height, "fps": self.fps, "seed": self.seed,
            "frames": self._count,
            "gravity": [sim.gravity for sim in sims],
            "instances": self._instances, "contacts": contacts,
            "dialogue": [{"speaker": d.speaker, "text": d.text, "start": d.start, "end": d.end}
                         for d in dialogue],
            "storyboard": self.storyboard.model_dump(mode="json"),
        }
        (self.directory / "scene.json").write_text(json.dumps(scene, indent=1), encoding="utf-8")

    def abort(self) -> None:
        """Close the open file after a failure."""
        self._frames.close()
