"""How well faces are told apart, for cameos: matching (likeness protection) and the
rendered cameo's likeness, on the real people's photographs the registries hold
(bench.face_photos: 76 faces of 59 people; 7 with more than one photograph).

* Matching: every face's dlib descriptor against every other's. Same-person pairs are a
  person's different photographs, and each photograph against edits of itself that uploads
  go through (the head turned 20°, dim warm light, JPEG quality 20, the face shrunk to
  60 px, a tight crop); different-person pairs are every pair of two people's faces, edits
  included. Reported: the true-match rate where false matches are at most 1 % (and the
  distance that gives it), and both rates at ``matching.MATCH``.
* Rendered cameos: each person's cameo (their aligned photograph, as a capture would give)
  worn by a character who says a line in a close-up (the procedural engine at 720x1280),
  frames 4 a second; each face found is compared with every person's own descriptor. The
  owner must be the nearest in ≥ 95 % of faces found.

    python -m bench.cameo_faces [--people 59]
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from bench import capture_clips, face_photos
from openreel.director import direct
from openreel.engines.base import RenderRequest
from openreel.engines.procedural.engine import ProceduralEngine
from openreel.likeness import faces, matching
from openreel.spec import Cameo

RESULTS = Path(__file__).resolve().parent / "results" / "cameo_faces.json"
FPR_MOST = 0.01


def _edits(photo: face_photos.Photo) -> dict[str, tuple[np.ndarray, tuple[float, float]]]:
    """The photograph as uploads change it, each with where the face's centre went."""
    rgb = photo.rgb
    left, top, right, bottom = photo.face.box
    cx, cy, half = (left + right) / 2, (top + bottom) / 2, (right - left) / 2
    dim = np.clip(255 * (rgb / 255.0) ** 1.6 * np.array([1.08, 0.97, 0.85]), 0, 255)
    ok, jpeg = cv2.imencode(".jpg", rgb[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 20])
    assert ok
    k = 60 / (right - left)
    small = cv2.resize(rgb, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    pad = int(half * 0.25)
    h, w = rgb.shape[:2]
    x0, y0 = max(0, left - pad), max(0, top - pad)
    crop = rgb[y0:min(h, bottom + pad), x0:min(w, right + pad)]
    return {"turned 20°": (capture_clips.turned(rgb, 20, (cx, cy, half)), (cx, cy)),
            "dim warm light": (dim.astype(np.uint8), (cx, cy)),
            "JPEG quality 20": (cv2.imdecode(jpeg, cv2.IMREAD_COLOR)[..., ::-1].copy(),
                                (cx, cy)),
            "face 60 px": (np.ascontiguousarray(small), (cx * k, cy * k)),
            "tight crop": (np.ascontiguousarray(crop), (cx - x0, cy - y0))}


def _descriptor(rgb: np.ndarray, near: tuple[float, float]) -> np.ndarray | None:
    """The descriptor of the face found nearest ``near`` (the edited face, not another
    face of a group photograph)."""
    found = faces.find_faces(rgb, 1 if max(rgb.shape[:2]) <= 1200 else 0)
    if not found:
        return None

    def off(face: faces.Face) -> float:
        left, top, right, bottom = face.box
        return float(np.hypot((left + right) / 2 - near[0], (top + bottom) / 2 - near[1]))

    face = min(found, key=off)
    if off(face) > face.width:
        return None
    return faces.descriptor(rgb, face)


def _at_fpr(same: np.ndarray, other: np.ndarray) -> tuple[float, float]:
    """The largest distance line whose false-match rate is at most FPR_MOST, and the
    true-match rate under it."""
    ordered = np.sort(other)
    allowed = int(np.floor(FPR_MOST * len(ordered)))
    line = float(ordered[allowed]) if allowed < len(ordered) else float(ordered[-1]) + 1e-6
    return line, float(np.mean(same < line))


def measure_matching(photos: list[face_photos.Photo]) -> dict[str, Any]:
    originals = [faces.descriptor(p.rgb, p.face) for p in photos]
    edited: list[tuple[int, str, np.ndarray]] = []
    missed: dict[str, int] = {}
    for i, photo in enumerate(photos):
        for name, (rgb, centre) in _edits(photo).items():
            d = _descriptor(rgb, centre)
            if d is None:
                missed[name] = missed.get(name, 0) + 1
            else:
                edited.append((i, name, d))
    people = [p.person for p in photos]
    same: list[float] = []
    other: list[float] = []
    for (i, a), (j, b) in itertools.combinations(enumerate(originals), 2):
        (same if people[i] == people[j] else other).append(faces.distance(a, b))
    by_edit: dict[str, list[float]] = {}
    for i, name, d in edited:
        by_edit.setdefault(name, []).append(faces.distance(d, originals[i]))
        same.append(by_edit[name][-1])
        other.extend(faces.distance(d, originals[j]) for j in range(len(photos))
                     if people[j] != people[i])
    s, o = np.asarray(same), np.asarray(other)
    line, tpr = _at_fpr(s, o)
    return {
        "faces": len(photos), "people": len(set(people)),
        "people_with_several_photographs": sum(
            1 for who in set(people) if people.count(who) > 1),
        "same_person_pairs": len(s), "different_person_pairs": len(o),
        "edits_with_no_face_found": missed,
        "at_fpr_1pct": {"distance": round(line, 3), "true_match_rate": round(tpr, 4),
                        "false_match_rate": round(float(np.mean(o < line)), 4)},
        "at_match_line": {"distance": matching.MATCH,
                          "true_match_rate": round(float(np.mean(s < matching.MATCH)), 4),
                          "false_match_rate": round(float(np.mean(o < matching.MATCH)), 4)},
        "true_match_rate_by_edit_at_match_line": {
            name: round(float(np.mean(np.asarray(ds) < matching.MATCH)), 4)
            for name, ds in by_edit.items()},
    }


class _Frames:
    def __init__(self, every: int) -> None:
        self.every, self.count, self.frames = every, 0, []

    def write_audio(self, samples: np.ndarray) -> None:
        pass

    def write_frame(self, rgba: np.ndarray) -> None:
        if self.count % self.every == self.every // 2:
            self.frames.append(np.ascontiguousarray(rgba[..., :3]))
        self.count += 1


def measure_rendered(photos: list[face_photos.Photo], people: int) -> dict[str, Any]:
    first: dict[str, face_photos.Photo] = {}
    for photo in photos:
        first.setdefault(photo.person, photo)
    owners = list(first)[:people]
    own = {who: faces.descriptor(first[who].rgb, first[who].face) for who in first}
    names = list(own)
    table = np.stack([own[n] for n in names])
    engine = ProceduralEngine()
    found = nearest_owner = 0
    frames = 0
    distances: list[float] = []
    misses: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, who in enumerate(owners):
            photo = first[who]
            chip = Path(tmp) / f"face-{k}.png"
            cv2.imwrite(str(chip), faces.aligned(photo.rgb, photo.face)[..., ::-1])
            board = direct('@cameo_person says "hello there, it is so lovely to meet you all"',
                           seconds=3.0)
            board = board.model_copy(update={"cameos": [
                Cameo(handle="cameo_person", faces=[str(chip)])]})
            sink = _Frames(6)
            engine.render(board, RenderRequest(720, 1280, 24, seed=k), sink)
            for rgb in sink.frames:
                frames += 1
                seen = faces.find_faces(rgb, 0)
                if not seen:
                    continue
                found += 1
                d = faces.descriptor(rgb, seen[0])
                gaps = np.linalg.norm(table - d[None, :], axis=1)
                distances.append(float(gaps[names.index(who)]))
                if names[int(np.argmin(gaps))] == who:
                    nearest_owner += 1
                else:
                    misses.append({"owner": who, "taken_for": names[int(np.argmin(gaps))],
                                   "owner_distance": round(float(gaps[names.index(who)]), 3),
                                   "nearest_distance": round(float(gaps.min()), 3)})
    return {
        "cameos_rendered": len(owners), "people_compared_against": len(names),
        "frames_looked_at": frames, "faces_found": found,
        "owner_nearest": nearest_owner,
        "owner_nearest_rate": round(nearest_owner / max(found, 1), 4),
        "owner_distance_median": round(float(np.median(distances)), 3) if distances else None,
        "owner_distance_under_match_line": round(
            float(np.mean(np.asarray(distances) < matching.MATCH)), 4) if distances else None,
        "misses": misses[:20],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1000,
                        help="how many people's cameos to render (all by default)")
    args = parser.parse_args()
    started = time.perf_counter()
    photos = face_photos.photos()
    result = {"matching": measure_matching(photos),
              "rendered_cameos": measure_rendered(photos, args.people),
              "seconds": None}
    result["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
