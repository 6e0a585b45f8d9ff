"""What the sound edits of ``copy_edits.SOUND_EDITS`` do, in the words the index uses."""

from __future__ import annotations

import re

CHANGES = {"sped_2pct": "played 2 % faster", "slowed_2pct": "played 2 % slower",
           "pitched_up_2_semitones": "pitched up 2 semitones",
           "pitched_down_1_semitone": "pitched down 1 semitone",
           "paced_10pct_faster": "paced 10 % faster, pitch kept",
           "music_mixed_equal_loudness": "", "telephone_8k_mulaw": "", "excerpt_2s": ""}


def same_change(said: str, done: str) -> bool:
    """Whether ``said`` names the change ``done``, its percentage within the grid's 1 %
    step (a 10 % faster pace may read 9 %: both are near)."""
    numbers = [re.search(r"(\d+) %", text) for text in (said, done)]
    if numbers[0] is None or numbers[1] is None:
        return said == done
    words = [re.sub(r"\d+ %", "N %", text) for text in (said, done)]
    return words[0] == words[1] and abs(int(numbers[0][1]) - int(numbers[1][1])) <= 1
