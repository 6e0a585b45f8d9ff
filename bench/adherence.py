"""Does each clip show what its prompt asks? VBench's per-dimension prompts, graded from truth.

Every prompt of six VBench dimensions (object_class, multiple_objects, color,
spatial_relationship, scene, human_action; lists in ``bench/vbench/``) goes through the
director (``openreel.pipeline.plan``) and the engine with ground truth switched on, and is
graded from what the engine says it staged and drew: the kinds, each instance's mask and
box per frame, the places and the action templates (rules in ``bench.adherence_grading``,
expectations in ``bench.adherence_tables`` and ``bench.adherence_actions``).

Clips are short and small so the whole set renders in minutes: 3 s at 12 fps (36 frames)
at 360×640, the product's default 9:16 frame at half its size (``--size 640x360`` grades
VBench's own landscape frame). Shares of the frame do not depend on the size; at 360×640
the 3 % threshold is 6,912 mask pixels, thin parts stay a few pixels wide, and a colour
is read from thousands of pixels. The engine is called directly rather than through
``render_to_file``, whose sizes and frame rates are the product's and which encodes an
MP4 nobody looks at here.

    python -m bench.adherence [--dimensions color,scene] [--limit 10] [--workers 2]

Targets: at least 95 % on every dimension, 85 % on human_action.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from bench.adherence_grading import (
    Box,
    Rendering,
    Verdict,
    grade_color,
    grade_human_action,
    grade_multiple_objects,
    grade_object_class,
    grade_scene,
    grade_spatial_relationship,
)
from openreel.engines import RenderRequest, get_engine
from openreel.pipeline import GenerateOptions, InvalidRequest, plan
from openreel.spec import Storyboard

VBENCH = Path(__file__).resolve().parent / "vbench"
RESULTS = Path(__file__).resolve().parent / "results" / "adherence.json"
DIMENSIONS = ("object_class", "multiple_objects", "color", "spatial_relationship", "scene",
              "human_action")
TARGETS = {name: 0.85 if name == "human_action" else 0.95 for name in DIMENSIONS}
ACTION_PREFIX = "A person is "
EXAMPLES = 3  # failing prompts quoted per failure category


@dataclass(frozen=True)
class Case:
    """One prompt of one dimension, with what its grading needs to know."""

    dimension: str
    prompt: str
    facts: tuple[str, ...]  # the grader's arguments after the rendering


@dataclass(frozen=True)
class Clip:
    """How every prompt is rendered."""

    seconds: float = 3.0
    fps: int = 12
    width: int = 360
    height: int = 640
    seed: int = 0


def _metadata(dimension: str) -> list[dict[str, str]]:
    return list(json.loads((VBENCH / "metadata" / f"{dimension}.json").read_text()))


def _prompts(dimension: str) -> list[str]:
    text = (VBENCH / "prompts_per_dimension" / f"{dimension}.txt").read_text()
    return [line.strip() for line in text.splitlines() if line.strip()]


def _colour_object(prompt: str, colour: str) -> str:
    """"a red bicycle" → "bicycle"."""
    words = prompt.split(" ", 2)
    if len(words) != 3 or words[0] not in ("a", "an") or words[1] != colour:
        raise ValueError(f"colour prompt {prompt!r} is not 'a {colour} OBJECT'")
    return words[2]


def load_cases(dimension: str) -> list[Case]:
    """Every prompt of a dimension, in VBench's order."""
    if dimension == "object_class":
        return [Case(dimension, m["prompt_en"], (m["object_en"],)) for m in _metadata(dimension)]
    if dimension == "multiple_objects":
        return [Case(dimension, m["prompt_en"], tuple(m["object_en"].split(" and ")))
                for m in _metadata(dimension)]
    if dimension == "color":
        return [Case(dimension, m["prompt_en"],
                     (_colour_object(m["prompt_en"], m["color_en"]), m["color_en"]))
                for m in _metadata(dimension)]
    if dimension == "spatial_relationship":
        return [Case(dimension, m["prompt_en"],
                     (m["object_a_en"], m["object_b_en"], m["relationship_en"]))
                for m in _metadata(dimension)]
    if dimension == "scene":
        return [Case(dimension, p, (p,)) for p in _prompts(dimension)]
    if dimension == "human_action":
        return [Case(dimension, p, (p.removeprefix(ACTION_PREFIX),)) for p in _prompts(dimension)]
    raise ValueError(f"unknown dimension {dimension!r}; known: {', '.join(DIMENSIONS)}")


GRADERS: dict[str, Callable[..., Verdict]] = {
    "object_class": grade_object_class,
    "multiple_objects": grade_multiple_objects,
    "color": grade_color,
    "spatial_relationship": grade_spatial_relationship,
    "scene": grade_scene,
    "human_action": grade_human_action,
}


class _KeepFrames:
    """A frame sink that keeps the RGB frames and drops the sound."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []

    def write_audio(self, samples: np.ndarray) -> None:
        """Sound is not graded here."""

    def write_frame(self, rgba: np.ndarray) -> None:
        """Keep the frame's colour channels."""
        self.frames.append(rgba[..., :3].copy())


def load_rendering(directory: Path, frames: list[np.ndarray]) -> Rendering:
    """Read the ground truth an engine wrote into ``directory`` for these frames."""
    scene = json.loads((directory / "scene.json").read_text(encoding="utf-8"))
    boxes: list[dict[int, Box]] = []
    with open(directory / "frames.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            boxes.append({int(e["mask_id"]): tuple(e["box"]) for e in record["entities"]})
    masks = np.stack([np.asarray(Image.open(directory / "masks" / f"{i:05d}.png"))
                      for i in range(len(boxes))]).astype(np.uint16)
    return Rendering(Storyboard.model_validate(scene["storyboard"]), scene["instances"],
                     boxes, masks, np.stack(frames))


def render(prompt: str, clip: Clip) -> Rendering:
    """Direct and render ``prompt`` with ground truth."""
    return render_storyboard(plan(prompt, None, GenerateOptions(seconds=clip.seconds,
                                                                 seed=clip.seed)), clip)


def render_storyboard(board: Storyboard, clip: Clip) -> Rendering:
    """Render a storyboard with ground truth."""
    sink = _KeepFrames()
    with tempfile.TemporaryDirectory(prefix="adherence-") as tmp:
        request = RenderRequest(width=clip.width, height=clip.height, fps=clip.fps,
                                seed=clip.seed, annotations=Path(tmp))
        get_engine("procedural").render(board, request, sink)
        return load_rendering(Path(tmp), sink.frames)


def grade_case(case: Case, clip: Clip) -> dict[str, object]:
    """Render and grade one prompt; a prompt the platform cannot render fails as an error.

    Any exception the director or engine raises is recorded against the prompt rather
    than ending the run, so one broken prompt does not cost the figures of the others.
    """
    started = time.perf_counter()
    try:
        verdict = GRADERS[case.dimension](render(case.prompt, clip), *case.facts)
    except InvalidRequest as exc:
        verdict = Verdict(False, "error", f"rejected: {exc}")
    except Exception as exc:  # the run goes on; the row says what broke
        verdict = Verdict(False, "error", f"{type(exc).__name__}: {exc}")
    row: dict[str, object] = {"prompt": case.prompt, "pass": verdict.passed}
    if not verdict.passed:
        row.update(failure=verdict.failure, reason=verdict.reason)
    row.update(verdict.details)
    row["seconds"] = round(time.perf_counter() - started, 3)
    return row


def _grade_all(cases: list[Case], clip: Clip, workers: int) -> Iterator[dict[str, object]]:
    """Verdicts in the order of ``cases``, rendered in ``workers`` processes."""
    if workers <= 1:
        yield from (grade_case(case, clip) for case in cases)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(grade_case, cases, [clip] * len(cases), chunksize=2)


def summarise(dimension: str, rows: list[dict[str, object]]) -> dict[str, object]:
    """Pass rate, failure categories with examples, and every prompt's verdict."""
    passed = sum(bool(r["pass"]) for r in rows)
    failures = Counter(str(r["failure"]) for r in rows if not r["pass"])
    examples = {category: [f"{r['prompt']}: {r['reason']}" for r in rows
                           if r.get("failure") == category][:EXAMPLES]
                for category in failures}
    rate = passed / len(rows) if rows else 0.0
    seconds = sum(float(str(r["seconds"])) for r in rows)
    return {"pass_rate": round(rate, 4), "passed": passed, "count": len(rows),
            "target": TARGETS[dimension], "meets_target": rate >= TARGETS[dimension],
            "render_and_grade_seconds": round(seconds, 1),
            "failures": dict(failures.most_common()), "examples": examples, "prompts": rows}


def run(dimensions: list[str], limit: int | None, workers: int, clip: Clip,
        progress: Callable[[str], None] = print) -> dict[str, object]:
    """Grade the chosen dimensions and return the figures."""
    started = time.perf_counter()
    cases = [case for dimension in dimensions for case in load_cases(dimension)[:limit]]
    sizes = Counter(case.dimension for case in cases)
    rows: dict[str, list[dict[str, object]]] = {dimension: [] for dimension in dimensions}
    for done, (case, row) in enumerate(zip(cases, _grade_all(cases, clip, workers),
                                           strict=True), start=1):
        rows[case.dimension].append(row)
        if len(rows[case.dimension]) == sizes[case.dimension]:
            passed = sum(bool(r["pass"]) for r in rows[case.dimension])
            progress(f"{case.dimension}: {passed}/{len(rows[case.dimension])} "
                     f"({done}/{len(cases)} prompts, {time.perf_counter() - started:.0f} s)")
    results = {dimension: summarise(dimension, rows[dimension]) for dimension in dimensions}
    return {
        "benchmark": "adherence",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"python": platform.python_version(), "cpus": len(os.sched_getaffinity(0)),
                    "workers": workers},
        "engine": "procedural",
        "clip": {"seconds": clip.seconds, "fps": clip.fps, "width": clip.width,
                 "height": clip.height, "seed": clip.seed},
        "limit": limit,
        "pass_rates": {d: results[d]["pass_rate"] for d in dimensions},
        "targets": {d: TARGETS[d] for d in dimensions},
        "pass": all(results[d]["meets_target"] for d in dimensions),
        "total_seconds": round(time.perf_counter() - started, 1),
        "dimensions": results,
    }


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, got {text!r}") from None
    if not (16 <= width <= 4096 and 16 <= height <= 4096):
        raise argparse.ArgumentTypeError(f"size {text} is out of range")
    return width, height


def main() -> None:
    """Command line: choose dimensions, cap prompts per dimension, render in parallel."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dimensions", default=",".join(DIMENSIONS),
                        help="comma-separated, from: " + ", ".join(DIMENSIONS))
    parser.add_argument("--limit", type=int, default=None, help="first N prompts of each")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)),
                        help="rendering processes")
    parser.add_argument("--size", type=_size, default=(360, 640), help="WIDTHxHEIGHT")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--fps", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    dimensions = [d.strip() for d in args.dimensions.split(",") if d.strip()]
    unknown = sorted(set(dimensions) - set(DIMENSIONS))
    if unknown:
        parser.error(f"unknown dimension {', '.join(unknown)}; known: {', '.join(DIMENSIONS)}")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not 1.0 <= args.seconds <= 60.0 or not 1 <= args.fps <= 60:
        parser.error("--seconds must be 1..60 and --fps 1..60")
    clip = Clip(seconds=args.seconds, fps=args.fps, width=args.size[0], height=args.size[1],
                seed=args.seed)
    result = run(dimensions, args.limit, args.workers, clip)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k != "dimensions"}, indent=1))


if __name__ == "__main__":
    main()
