"""Contact sheets of the acted templates and of the cast: one labelled tile per case.

    python -m gallery.acting OUT_DIR [--only NAME …]

writes ``OUT_DIR/acts.png`` (every action template, mimed and with a prop, at two
moments of its loop), ``OUT_DIR/personas.png`` (every age × build × gender, and the
kinds with an identity) and ``OUT_DIR/animals.png``. Each tile is a medium shot of
its own one-shot storyboard, so a reader can check at a glance that every act reads.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np
import skia

from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Storyboard

TILE = (400, 300)
Case = tuple[str, list[dict[str, Any]], str]  # label, entities, place

ACTS: list[Case] = [
    ("march", [{"id": "a", "kind": "person", "motion": "march"}], "park"),
    ("crawl (baby)", [{"id": "a", "kind": "person", "motion": "crawl",
                       "persona": {"age": "baby"}}], "living_room"),
    ("ice skating", [{"id": "a", "kind": "person", "motion": "skate"}], "snow"),
    ("roller skating", [{"id": "a", "kind": "person", "motion": "skate",
                         "action": "roller skating"}], "city_street"),
    ("skiing", [{"id": "a", "kind": "person", "motion": "ski"}], "snow"),
    ("surfing", [{"id": "a", "kind": "person", "motion": "surf"}], "ocean"),
    ("riding a bike", [{"id": "a", "kind": "person", "motion": "ride"}], "park"),
    ("riding bicycle (prop)", [{"id": "a", "kind": "person", "motion": "ride",
                                "object": "b"}, {"id": "b", "kind": "bicycle"}], "park"),
    ("skateboarding", [{"id": "a", "kind": "person", "motion": "ride",
                        "action": "skateboarding"}], "city_street"),
    ("riding scooter", [{"id": "a", "kind": "person", "motion": "ride",
                         "action": "riding scooter"}], "city_street"),
    ("motorcycling", [{"id": "a", "kind": "person", "motion": "ride",
                       "action": "motorcycling"}], "city_street"),
    ("riding a horse", [{"id": "a", "kind": "person", "motion": "ride", "object": "h"},
                        {"id": "h", "kind": "horse"}], "farm"),
    ("kayaking", [{"id": "a", "kind": "person", "motion": "ride", "object": "k"},
                  {"id": "k", "kind": "boat", "label": "kayak"}], "ocean"),
    ("kayaking (mimed)", [{"id": "a", "kind": "person", "motion": "ride",
                           "action": "kayaking"}], "ocean"),
    ("backflip", [{"id": "a", "kind": "athlete", "motion": "flip"}], "stadium"),
    ("climbing a rope", [{"id": "a", "kind": "person", "motion": "climb"}], "stadium"),
    ("rock climbing", [{"id": "a", "kind": "person", "motion": "climb",
                        "action": "rock climbing"}], "mountains"),
    ("grab a box", [{"id": "a", "kind": "person", "motion": "grab", "object": "b"},
                    {"id": "b", "kind": "box", "size": 0.3}], "living_room"),
    ("pushing cart", [{"id": "a", "kind": "person", "motion": "push"}], "city_street"),
    ("pulling wagon", [{"id": "a", "kind": "child", "motion": "pull"}], "park"),
    ("carry a box", [{"id": "a", "kind": "person", "motion": "carry", "object": "b"},
                     {"id": "b", "kind": "box", "size": 0.4}], "living_room"),
    ("lifting barbell", [{"id": "a", "kind": "athlete", "motion": "lift",
                          "action": "weightlifting"}], "stadium"),
    ("boxing", [{"id": "a", "kind": "person", "motion": "fight", "count": 2}], "stadium"),
    ("sword fighting", [{"id": "a", "kind": "knight", "motion": "fight", "count": 2}],
     "park"),
    ("wrestling", [{"id": "a", "kind": "athlete", "motion": "fight", "count": 2,
                    "action": "wrestling"}], "stadium"),
    ("hugging", [{"id": "a", "kind": "person", "motion": "hug", "count": 2}], "park"),
    ("kissing", [{"id": "a", "kind": "person", "motion": "kiss", "object": "b"},
                 {"id": "b", "kind": "person"}], "park"),
    ("shaking hands", [{"id": "a", "kind": "person", "motion": "shake_hands", "count": 2}],
     "city_street"),
    ("clapping", [{"id": "a", "kind": "person", "motion": "clap"}], "stage"),
    ("cheering", [{"id": "a", "kind": "person", "motion": "cheer"}], "stadium"),
    ("cheerleading", [{"id": "a", "kind": "person", "motion": "cheer",
                       "action": "cheerleading", "persona": {"gender": "female"}}],
     "stadium"),
    ("laughing", [{"id": "a", "kind": "person", "motion": "laugh"}], "living_room"),
    ("crying", [{"id": "a", "kind": "person", "motion": "cry"}], "living_room"),
    ("strumming guitar", [{"id": "a", "kind": "person", "motion": "play"}], "stage"),
    ("playing piano", [{"id": "a", "kind": "person", "motion": "play",
                        "action": "playing piano"}], "stage"),
    ("playing harp", [{"id": "a", "kind": "person", "motion": "play",
                       "action": "playing harp"}], "stage"),
    ("air drumming", [{"id": "a", "kind": "person", "motion": "play",
                       "action": "drumming"}], "stage"),
    ("playing flute", [{"id": "a", "kind": "person", "motion": "play",
                        "action": "playing flute"}], "stage"),
    ("playing trumpet", [{"id": "a", "kind": "person", "motion": "play",
                          "action": "playing trumpet"}], "stage"),
    ("playing violin", [{"id": "a", "kind": "person", "motion": "play",
                         "action": "violin"}], "stage"),
    ("playing controller", [{"id": "a", "kind": "person", "motion": "play",
                             "action": "playing controller"}], "living_room"),
    ("playing chess", [{"id": "a", "kind": "person", "motion": "play",
                        "action": "playing chess"}], "living_room"),
    ("shuffling cards", [{"id": "a", "kind": "person", "motion": "play",
                          "action": "shuffling cards"}], "living_room"),
    ("writing", [{"id": "a", "kind": "person", "motion": "write"}], "living_room"),
    ("writing at a table", [{"id": "a", "kind": "person", "motion": "write", "object": "t"},
                            {"id": "t", "kind": "table"}], "living_room"),
    ("painting", [{"id": "a", "kind": "person", "motion": "write", "action": "painting"}],
     "park"),
    ("reading book", [{"id": "a", "kind": "person", "motion": "read"}], "living_room"),
    ("reading (prop)", [{"id": "a", "kind": "person", "motion": "read", "object": "b"},
                        {"id": "b", "kind": "book"}], "living_room"),
    ("using computer", [{"id": "a", "kind": "person", "motion": "type"}], "living_room"),
    ("texting", [{"id": "a", "kind": "person", "motion": "type", "action": "texting"}],
     "city_street"),
    ("cooking", [{"id": "a", "kind": "chef", "motion": "cook"}], "kitchen"),
    ("barbequing", [{"id": "a", "kind": "person", "motion": "cook", "action": "barbequing"}],
     "park"),
    ("eating", [{"id": "a", "kind": "person", "motion": "eat"}], "kitchen"),
    ("eating watermelon", [{"id": "a", "kind": "person", "motion": "eat", "object": "w"},
                           {"id": "w", "kind": "watermelon", "size": 0.2}], "beach"),
    ("drinking", [{"id": "a", "kind": "person", "motion": "drink"}], "kitchen"),
    ("drinking (glass)", [{"id": "a", "kind": "person", "motion": "drink", "object": "g"},
                          {"id": "g", "kind": "glass"}], "kitchen"),
    ("chopping", [{"id": "a", "kind": "chef", "motion": "cut"}], "kitchen"),
    ("peeling apples", [{"id": "a", "kind": "person", "motion": "cut",
                         "action": "peeling apples"}], "kitchen"),
    ("shaving beard", [{"id": "a", "kind": "person", "motion": "cut", "action": "shaving",
                        "persona": {"gender": "male", "age": "adult"}}], "living_room"),
    ("sharpening knives", [{"id": "a", "kind": "person", "motion": "cut",
                            "action": "sharpening knives"}], "kitchen"),
    ("sweeping floor", [{"id": "a", "kind": "person", "motion": "clean"}], "living_room"),
    ("washing dishes", [{"id": "a", "kind": "person", "motion": "clean",
                         "action": "washing dishes"}], "kitchen"),
    ("cleaning windows", [{"id": "a", "kind": "person", "motion": "clean",
                           "action": "cleaning windows"}], "living_room"),
    ("ironing", [{"id": "a", "kind": "person", "motion": "clean", "action": "ironing"}],
     "living_room"),
    ("folding clothes", [{"id": "a", "kind": "person", "motion": "clean",
                          "action": "folding clothes"}], "living_room"),
    ("brushing teeth", [{"id": "a", "kind": "person", "motion": "brush"}], "living_room"),
    ("brushing hair", [{"id": "a", "kind": "person", "motion": "brush",
                        "action": "brushing hair", "persona": {"gender": "female"}}],
     "living_room"),
    ("grooming dog", [{"id": "a", "kind": "person", "motion": "brush", "object": "d"},
                      {"id": "d", "kind": "dog"}], "park"),
    ("digging", [{"id": "a", "kind": "person", "motion": "dig"}], "park"),
    ("planting trees", [{"id": "a", "kind": "person", "motion": "dig",
                         "action": "planting trees"}], "park"),
    ("stretching leg", [{"id": "a", "kind": "athlete", "motion": "stretch"}], "park"),
    ("bending back", [{"id": "a", "kind": "person", "motion": "stretch",
                       "action": "bending back"}], "park"),
    ("yoga", [{"id": "a", "kind": "person", "motion": "stretch", "action": "yoga"}], "park"),
    ("tai chi", [{"id": "a", "kind": "person", "motion": "stretch", "action": "tai chi",
                  "persona": {"age": "elder"}}], "park"),
    ("squat", [{"id": "a", "kind": "athlete", "motion": "exercise"}], "stadium"),
    ("push up", [{"id": "a", "kind": "athlete", "motion": "exercise", "action": "push up"}],
     "stadium"),
    ("doing aerobics", [{"id": "a", "kind": "person", "motion": "exercise",
                         "action": "doing aerobics"}], "stage"),
    ("hula hooping", [{"id": "a", "kind": "person", "motion": "exercise",
                       "action": "hula hooping"}], "park"),
    ("treadmill", [{"id": "a", "kind": "person", "motion": "exercise",
                    "action": "running on treadmill"}], "living_room"),
    ("dancing", [{"id": "a", "kind": "person", "motion": "dance"}], "stage"),
    ("dancing ballet", [{"id": "a", "kind": "dancer", "motion": "dance"}], "stage"),
    ("robot dancing", [{"id": "a", "kind": "person", "motion": "dance",
                        "action": "robot dancing"}], "stage"),
    ("waving", [{"id": "a", "kind": "person", "motion": "wave"}], "park"),
    ("sitting on a chair", [{"id": "a", "kind": "person", "motion": "sit", "object": "c"},
                            {"id": "c", "kind": "chair"}], "living_room"),
    ("sitting", [{"id": "a", "kind": "person", "motion": "sit"}], "park"),
    ("sleeping", [{"id": "a", "kind": "person", "motion": "sleep"}], "living_room"),
]
ANIMALS: list[Case] = [
    ("dog eating", [{"id": "d", "kind": "dog", "motion": "eat", "object": "f"},
                    {"id": "f", "kind": "burger"}], "park"),
    ("cat drinking", [{"id": "c", "kind": "cat", "motion": "drink", "object": "b"},
                      {"id": "b", "kind": "bucket", "size": 0.12}], "living_room"),
    ("dog playing ball", [{"id": "d", "kind": "dog", "motion": "play", "object": "b"},
                          {"id": "b", "kind": "ball"}], "park"),
    ("horse eating", [{"id": "h", "kind": "horse", "motion": "eat"}], "farm"),
    ("dog sitting", [{"id": "d", "kind": "dog", "motion": "sit"}], "park"),
    ("cat sleeping", [{"id": "c", "kind": "cat", "motion": "sleep"}], "living_room"),
]


def persona_cases() -> list[Case]:
    """Every age with every build, both genders, then the kinds with an identity."""
    cases: list[Case] = []
    for age in ("baby", "child", "teen", "adult", "elder"):
        for gender in ("female", "male"):
            row = [{"id": f"{b[0]}", "kind": "person", "motion": "idle",
                    "position": (4.2 + 0.8 * n, 0.0),
                    "persona": {"age": age, "gender": gender, "build": b}}
                   for n, b in enumerate(("slim", "average", "heavy"))]
            cases.append((f"{age} {gender}: slim / average / heavy", row, "park"))
    outfits = ("dress", "suit", "coat", "t-shirt", "uniform", "apron", "jersey", "hoodie",
               "robe", "tutu")
    for k in range(0, len(outfits), 3):
        row = [{"id": f"o{n}", "kind": "person", "motion": "idle", "position": (4.2 + 0.8 * n,
                                                                                 0.0),
                "persona": {"outfit": o}} for n, o in enumerate(outfits[k:k + 3])]
        cases.append((" / ".join(outfits[k:k + 3]), row, "city_street"))
    kinds = ("chef", "knight", "astronaut", "wizard", "dancer", "athlete", "child", "robot",
             "alien", "zombie", "snowman")
    for k in range(0, len(kinds), 3):
        row = [{"id": f"k{n}", "kind": kind, "position": (4.2 + 0.8 * n, 0.0)}
               for n, kind in enumerate(kinds[k:k + 3])]
        cases.append((" / ".join(kinds[k:k + 3]), row, "park"))
    return cases


def render_tile(label: str, entities: list[dict[str, Any]], place: str, at: float,
                seed: int = 5) -> np.ndarray:
    """One medium shot of ``entities`` at ``at`` seconds, labelled."""
    board = Storyboard.model_validate({
        "environment": {"place": place}, "music": False,
        "shots": [{"duration": max(at + 0.2, 1.0), "camera": {"framing": "medium"},
                   "entities": entities}]})
    sims = simulate_storyboard(board, fps=12, seed=seed)
    sim = sims[0]
    frame = sim.frames[min(int(at * 12), len(sim.frames) - 1)]
    rgba = Renderer(board, width=TILE[0], height=TILE[1], seed=seed).render(frame, sim)
    surface = skia.Surface(np.ascontiguousarray(rgba), colorType=skia.kRGBA_8888_ColorType)
    canvas = surface.getCanvas()
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, TILE[0], 24), skia.Paint(Color=skia.Color(0, 0, 0,
                                                                                       150)))
    canvas.drawString(label, 8, 17, skia.Font(None, 15), skia.Paint(Color=skia.ColorWHITE,
                                                                    AntiAlias=True))
    surface.flushAndSubmit()
    return rgba


def sheet(cases: list[Case], moments: tuple[float, ...], path: Path, cols: int = 6) -> None:
    """Render every case at every moment and tile them into one PNG."""
    tiles = [render_tile(label, ents, place, at, seed=n) for n, (label, ents, place)
             in enumerate(cases) for at in moments]
    rows = (len(tiles) + cols - 1) // cols
    out = np.zeros((rows * TILE[1], cols * TILE[0], 4), np.uint8)
    out[..., 3] = 255
    for k, tile in enumerate(tiles):
        r, c = divmod(k, cols)
        out[r * TILE[1]:(r + 1) * TILE[1], c * TILE[0]:(c + 1) * TILE[0]] = tile
    skia.Image.fromarray(out, colorType=skia.kRGBA_8888_ColorType).save(str(path))


def main() -> None:
    """Write the contact sheets into the directory given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", default=None, help="labels to render")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    acts = [c for c in ACTS if args.only is None or c[0] in args.only]
    if acts:
        sheet(acts, (1.7, 2.5), args.out / "acts.png")
    if args.only is None:
        sheet(persona_cases(), (0.5,), args.out / "personas.png", cols=4)
        sheet(ANIMALS, (1.0, 2.0), args.out / "animals.png", cols=4)


if __name__ == "__main__":
    main()
