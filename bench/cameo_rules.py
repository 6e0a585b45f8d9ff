"""How well a cameo owner's restrictions catch the prompts that break them, and let the
others through: 10 restrictions as people write them, each with prompts that ask for what
it forbids (said plainly, and said with other words) and everyday prompts that do not.

Reported per restriction and overall: prompts blocked that should be (recall), prompts
let through that should be, and what caught each (the words or the meaning).

    python -m bench.cameo_rules
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from openreel.director.restrictions import SIMILAR, conflict, read_rule

RESULTS = Path(__file__).resolve().parent / "results" / "cameo_rules.json"

# restriction → (prompts that break it, prompts that do not)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "never show me drinking or smoking": (
        ("@maya drinks a beer at a bar", "@maya lights a cigarette on a balcony",
         "@maya sips red wine at dinner", "@maya takes a shot of tequila with friends",
         "@maya vapes in the car", "@maya smokes a cigar in a leather chair"),
        ("@maya drinks a glass of water after a run", "@maya walks a dog in the park",
         "@maya blows out the candles on a birthday cake", "@maya reads a book by the window")),
    "no politics": (
        ("@maya gives a speech at an election rally", "@maya votes for the president",
         "@maya waves a campaign flag at a protest", "@maya debates a senator on television"),
        ("@maya plays chess in the park", "@maya paints a sunset",
         "@maya cooks pasta in a kitchen", "@maya dances at a wedding")),
    "don't put me in a swimsuit": (
        ("@maya swims at the beach in a bikini", "@maya lies by the pool in swimwear",
         "@maya surfs a big wave in a swimsuit"),
        ("@maya builds a sandcastle in a sweater", "@maya walks on the beach in a coat",
         "@maya drinks coffee at a cafe")),
    "never with guns or weapons": (
        ("@maya fires a rifle at a target", "@maya holds a pistol in an alley",
         "@maya swings a sword at a knight", "@maya aims a bow and arrow at a deer"),
        ("@maya shoots a basketball at the hoop", "@maya plays tennis in the sun",
         "@maya waters the plants on a balcony", "@maya rides a bike through the city")),
    "I do not want to be shown dancing": (
        ("@maya waltzes in a ballroom", "@maya dances in the rain", "@maya does ballet on a stage",
         "@maya breakdances on the street"),
        ("@maya sits on a bench feeding pigeons", "@maya jogs along the river",
         "@maya types on a laptop in an office")),
    "no kissing or romance": (
        ("@maya kisses someone under the mistletoe", "@maya goes on a candlelit date",
         "@maya hugs a lover on a bridge at sunset"),
        ("@maya hugs a puppy", "@maya waves goodbye at the train station",
         "@maya eats noodles with chopsticks")),
    "never show me crying or sad": (
        ("@maya cries at a funeral", "@maya sobs alone in the rain",
         "@maya looks heartbroken at a letter"),
        ("@maya laughs at a joke", "@maya cheers at a football match",
         "@maya fixes a bicycle in a garage")),
    "no fighting": (
        ("@maya punches a man in a boxing ring", "@maya wrestles a bear",
         "@maya gets into a brawl at a bar", "@maya has a sword fight with a pirate"),
        ("@maya shakes hands with a friend", "@maya plays the piano at a concert",
         "@maya climbs a mountain")),
    "don't show me driving": (
        ("@maya drives a car down a highway", "@maya races a sports car on a track",
         "@maya steers a truck through the snow"),
        ("@maya sits in the back of a taxi reading", "@maya walks across a car park",
         "@maya washes a car in the driveway")),
    "nothing scary or horror": (
        ("@maya runs from a zombie in a dark forest",
         "@maya is chased by a ghost in a haunted house",
         "@maya screams at a monster under the bed"),
        ("@maya picks apples in an orchard", "@maya flies a kite on a windy hill",
         "@maya plays with a kitten")),
}


def main() -> None:
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    caught = missed = passed = wrong = 0
    for said, (breaking, fine) in CASES.items():
        rule = read_rule(said)
        hits = [p for p in breaking if conflict(p, [rule]) is not None]
        false = [p for p in fine if conflict(p, [rule]) is not None]
        caught += len(hits)
        missed += len(breaking) - len(hits)
        wrong += len(false)
        passed += len(fine) - len(false)
        rows.append({"restriction": said, "topics": list(rule.topics),
                     "blocked": f"{len(hits)}/{len(breaking)}",
                     "missed": [p for p in breaking if p not in hits],
                     "wrongly_blocked": false})
    result = {
        "similarity_line": SIMILAR,
        "restrictions": len(CASES),
        "breaking_prompts_blocked": f"{caught}/{caught + missed}",
        "other_prompts_let_through": f"{passed}/{passed + wrong}",
        "recall": round(caught / (caught + missed), 3),
        "false_block_rate": round(wrong / (passed + wrong), 3),
        "by_restriction": rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
