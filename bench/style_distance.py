"""How far apart the styles look: the same storyboards, the same seed, every style.

Usage: ``python -m bench.style_distance [--size 360x640] [--sheet PATH]``.
Writes ``bench/results/style_distance.json`` (and, with ``--sheet``, a contact sheet PNG:
a column per style, a row per prompt).

Each prompt is planned by the director once per style (same seed, so the same cast,
places, camera and simulation) and frames at a few moments are rendered. For every pair
of styles the figures are means over those frames:

- ``mean_abs``: mean absolute difference of the RGB values, 0–255;
- ``ssim``: structural similarity of the grey pictures (1 identical, 0 unrelated);
- ``histogram``: Bhattacharyya distance of the HSV colour histograms (0 same colours,
  1 no colour in common).

Per style it also records what should set it apart: edge density (ink outlines),
saturation (0 for black and white), blockiness (pixel art), dark rows at the top
(letterbox), and the cost of a frame at 720×1280 on a busy scene.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw
from skimage.metrics import structural_similarity

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.pipeline import GenerateOptions, plan
from openreel.spec import Style

RESULTS = Path(__file__).resolve().parent / "results"
PROMPTS = ("a person walking in a park", "a dog and a ball in a living room",
           "a car on a city street at night", "a close-up of a talking woman",
           "a cup on a table")
BUSY = "three red balls bounce while two dogs run and a bird flies over the beach at golden hour"
MOMENTS = (0.3, 0.7)  # where in the first shot frames are taken
SEED = 3
CALLED_OUT = (("photoreal", "animated"), ("anime", "animated"))


def render_frames(prompt: str, style: Style, size: tuple[int, int], seed: int = SEED,
                  moments: tuple[float, ...] = MOMENTS, fps: int = 12) -> list[np.ndarray]:
    """RGB frames of a prompt's first shot in one style, at fractions ``moments`` of it."""
    board = plan(prompt, None, GenerateOptions(seconds=4.0, style=style, seed=seed))
    sim = simulate_storyboard(board, fps=fps, seed=seed)[0]
    renderer = Renderer(board, width=size[0], height=size[1], seed=seed)
    picks = [round(m * (len(sim.frames) - 1)) for m in moments]
    return [renderer.render(sim.frames[i], sim)[..., :3].copy() for i in picks]


def mean_abs(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two RGB frames, 0–255."""
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Structural similarity of two RGB frames, on their grey pictures."""
    ga = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY)
    gb = cv2.cvtColor(b, cv2.COLOR_RGB2GRAY)
    return float(structural_similarity(ga, gb, data_range=255))


def histogram_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Bhattacharyya distance between HSV colour histograms (0 same, 1 disjoint)."""
    def hist(rgb: np.ndarray) -> np.ndarray:
        hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
        h = cv2.calcHist([hsv], [0, 1, 2], None, [18, 8, 8], [0, 180, 0, 256, 0, 256])
        return cv2.normalize(h, h).flatten()
    return float(cv2.compareHist(hist(a), hist(b), cv2.HISTCMP_BHATTACHARYYA))


def edge_density(rgb: np.ndarray) -> float:
    """Share of pixels on a strong edge (Canny): ink outlines raise it."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return float((cv2.Canny(grey, 80, 200) > 0).mean())


def saturation(rgb: np.ndarray) -> float:
    """Mean HSV saturation, 0–255 (0 for black and white)."""
    return float(cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1].mean())


def blockiness(rgb: np.ndarray) -> float:
    """Share of pixels equal to their right-hand neighbour (pixel art repeats its blocks)."""
    return float((rgb[:, 1:] == rgb[:, :-1]).all(axis=2).mean())


def letterbox_rows(rgb: np.ndarray) -> float:
    """Share of the frame's rows, from the top, that are black bars."""
    dark = (rgb.max(axis=(1, 2)) < 12)
    return float(np.argmin(dark) / len(dark)) if not dark.all() else 1.0


def signatures(frames: list[np.ndarray]) -> dict[str, float]:
    """The per-style figures, averaged over frames."""
    return {name: round(float(np.mean([f(x) for x in frames])), 4)
            for name, f in (("edge_density", edge_density), ("saturation", saturation),
                            ("blockiness", blockiness), ("letterbox", letterbox_rows))}


def pair_figures(frames: dict[str, list[np.ndarray]]) -> dict[str, dict[str, float]]:
    """For every pair of styles: mean absolute difference, SSIM, histogram distance."""
    out: dict[str, dict[str, float]] = {}
    for a, b in itertools.combinations(frames, 2):
        pairs = list(zip(frames[a], frames[b], strict=True))
        out[f"{a}|{b}"] = {
            "mean_abs": round(float(np.mean([mean_abs(x, y) for x, y in pairs])), 2),
            "ssim": round(float(np.mean([ssim(x, y) for x, y in pairs])), 3),
            "histogram": round(float(np.mean([histogram_distance(x, y) for x, y in pairs])), 3),
        }
    return out


def frame_cost(style: Style, frames: int = 48) -> dict[str, float]:
    """Milliseconds to render one 720×1280 frame of the busy scene, mean over its frames:
    wall-clock time, and the process's CPU time (steadier on a machine others share)."""
    board = plan(BUSY, None, GenerateOptions(seconds=max(frames / 24, 1.0), style=style, seed=7))
    sims = simulate_storyboard(board, fps=24, seed=7)
    renderer = Renderer(board, width=720, height=1280, seed=7)
    todo = [(state, sim) for sim in sims for state in sim.frames][:frames]
    for state, sim in todo[:2]:  # warm-up: shot set-up, rasters
        renderer.render(state, sim)
    wall, cpu = time.perf_counter(), time.process_time()
    for state, sim in todo:
        renderer.render(state, sim)
    return {"wall": round((time.perf_counter() - wall) / len(todo) * 1000, 1),
            "cpu": round((time.process_time() - cpu) / len(todo) * 1000, 1)}


def contact_sheet(rendered: dict[str, dict[str, list[np.ndarray]]], path: Path) -> Path:
    """A column per style, a row per prompt (the middle moment), labelled."""
    styles = list(next(iter(rendered.values())))
    h, w = next(iter(next(iter(rendered.values())).values()))[0].shape[:2]
    label = 18
    sheet = Image.new("RGB", (len(styles) * w, len(rendered) * h + label), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for i, style in enumerate(styles):
        draw.text((i * w + 6, 3), style, fill=(0, 0, 0))
        for j, prompt in enumerate(rendered):
            frames = rendered[prompt][style]
            sheet.paste(Image.fromarray(frames[len(frames) // 2]), (i * w, label + j * h))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)
    return path


def run(size: tuple[int, int], sheet: Path | None) -> dict[str, object]:
    """Render, measure and return the figures."""
    rendered = {p: {s.value: render_frames(p, s, size) for s in Style} for p in PROMPTS}
    per_style = {s.value: [f for p in PROMPTS for f in rendered[p][s.value]] for s in Style}
    pairs = pair_figures(per_style)
    closest = min(pairs, key=lambda k: pairs[k]["mean_abs"])
    result: dict[str, object] = {
        "prompts": list(PROMPTS), "seed": SEED, "size": f"{size[0]}x{size[1]}",
        "moments": list(MOMENTS), "pairs": pairs,
        "called_out": {f"{a}|{b}": pairs.get(f"{a}|{b}") or pairs[f"{b}|{a}"]
                       for a, b in CALLED_OUT},
        "closest_pair": {closest: pairs[closest]},
        "styles": {s: signatures(frames) for s, frames in per_style.items()},
        "frame_ms_720x1280": {s.value: frame_cost(s) for s in Style},
        "busy_prompt": BUSY,
    }
    if sheet is not None:
        result["sheet"] = str(contact_sheet(rendered, sheet))
    return result


def main() -> None:
    """Run the benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="360x640")
    parser.add_argument("--sheet", type=Path, default=None)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    result = {"benchmark": "style_distance", "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              **run((w, h), args.sheet)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "style_distance.json").write_text(json.dumps(result, indent=2))
    print(json.dumps({k: result[k] for k in ("called_out", "closest_pair",
                                             "frame_ms_720x1280")}, indent=2))


if __name__ == "__main__":
    main()
