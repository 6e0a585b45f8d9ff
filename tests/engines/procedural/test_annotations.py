"""Ground truth written beside a render agrees with the frames it describes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from openreel.pipeline import GenerateOptions, plan, render_to_file


def test_annotations_cover_every_frame(tmp_path: Path) -> None:
    truth = tmp_path / "truth"
    options = GenerateOptions(seconds=1.0, size="720x1280", seed=2, annotations=truth)
    board = plan("two red balls fall on a wooden floor and a dog walks", None, options)
    render_to_file(board, options, tmp_path / "clip.mp4")
    scene = json.loads((truth / "scene.json").read_text())
    frames = [json.loads(line) for line in (truth / "frames.jsonl").read_text().splitlines()]
    assert scene["frames"] == len(frames) == 24
    assert {i["kind"] for i in scene["instances"]} >= {"ball", "dog"}
    masks = sorted((truth / "masks").glob("*.png"))
    assert len(masks) == 24
    ids = {i["mask_id"] for i in scene["instances"]}
    for record, path in zip(frames, masks, strict=True):
        mask = np.asarray(Image.open(path))
        assert mask.shape == (1280, 720)
        assert set(np.unique(mask).tolist()) <= ids | {0}
        assert record["depth_order"] and len(record["entities"]) == len(scene["instances"])
        for entity in record["entities"]:
            ys, xs = np.nonzero(mask == entity["mask_id"])
            if len(xs) == 0:
                continue
            x0, y0, x1, y1 = entity["box"]
            assert x0 - 2 <= xs.min() and xs.max() <= x1 + 2
            assert y0 - 2 <= ys.min() and ys.max() <= y1 + 2
    contacts = scene["contacts"]
    assert contacts and all(c["frame"] == round(c["t"] * 24) for c in contacts)
    assert all({"kind", "a", "b", "impulse", "materials"} <= set(c) for c in contacts)
