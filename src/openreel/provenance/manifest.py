"""Signed C2PA manifests in openreel's MP4s: write one, read one back and judge it.

What a manifest says
    The title, the generator (``openreel`` and its version), one ``c2pa.created`` action with
    the IPTC digital source type (``algorithmicMedia`` for the procedural engine,
    ``trainedAlgorithmicMedia`` for neural ones), the software agent and the creation time,
    and an ``org.openreel.video`` assertion holding the video id, the creator's handle, the
    engine and the invisible watermark payload (hex), which is what links a file to its
    database row. A remix also names its parent file as a ``parentOf`` ingredient (whose own
    manifest is carried along) and adds a ``c2pa.edited`` action pointing at it.

How a reading is judged
    The C2PA SDK hashes the file (every box but the manifest's own), checks the claim
    signature and the certificate profile, and, given trust anchors, the chain. Its verdict
    maps onto five states: ``absent`` (no manifest), ``trusted`` (valid and chained to the
    anchors), ``valid`` (intact and well signed, signer not trusted here), ``tampered``
    (something signed no longer matches: a ``*.mismatch`` failure, or a file whose box
    structure was broken after signing) and ``invalid`` (any other failure: bad or expired
    certificate, malformed manifest). Nothing here reaches the network: no time-stamp
    authority, no remote manifests, no OCSP.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import c2pa

from openreel import __version__
from openreel.provenance.signing import SigningError, SigningIdentity

ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia"
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
OPENREEL_ASSERTION = "org.openreel.video"
VIDEO_ID_PREFIX = "openreel:video:"
MP4 = "video/mp4"

ManifestState = Literal["absent", "valid", "trusted", "tampered", "invalid"]

_C2PA_BOX_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
_PARENT_LABEL = "parent"
_OFFLINE = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
_MAX_TOP_LEVEL_BOXES = 10_000


class ManifestReadError(Exception):
    """The file cannot be examined for a manifest at all (missing, or not an MP4)."""


@dataclass(frozen=True)
class ParentVideo:
    """The video a remix was made from: its file (to embed as an ingredient), title and id."""

    path: Path
    title: str
    video_id: str


@dataclass(frozen=True)
class ClaimFacts:
    """What openreel asserts about a video it made."""

    title: str
    creator: str
    created_at: dt.datetime
    engine: str
    digital_source_type: str
    video_id: str
    watermark_payload: bytes
    parent: ParentVideo | None = None
    generator_name: str = "openreel"
    generator_version: str = __version__


@dataclass(frozen=True)
class IngredientReport:
    """One ingredient named by a manifest."""

    title: str
    relationship: str
    video_id: str | None
    has_manifest: bool


@dataclass(frozen=True)
class ManifestReport:
    """The verdict on a file's manifest and what the manifest says.

    ``facts`` is None when there is no manifest or it was not written by openreel (its
    ``parent`` is always None: the parent is described by ``ingredients``).
    ``failure_codes`` and ``success_codes`` are the C2PA validation status codes as the SDK
    gave them; ``error`` is the SDK's message when it could not parse the file at all;
    ``manifest`` is the active manifest as the SDK reports it, for display.
    """

    state: ManifestState
    facts: ClaimFacts | None = None
    signer_subject: str | None = None
    ingredients: tuple[IngredientReport, ...] = ()
    failure_codes: tuple[str, ...] = ()
    success_codes: tuple[str, ...] = ()
    error: str | None = None
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)


def source_type_for_engine(engine: str) -> str:
    """The IPTC digital source type of an engine's output: procedural or trained model."""
    return ALGORITHMIC_MEDIA if engine == "procedural" else TRAINED_ALGORITHMIC_MEDIA


# -- signing -------------------------------------------------------------------------------

def sign_video(src: Path, dst: Path, identity: SigningIdentity, claim: ClaimFacts) -> None:
    """Write a copy of the MP4 ``src`` carrying a signed manifest to ``dst``, atomically."""
    src, dst = Path(src), Path(dst)
    settings: dict[str, Any] = {**_OFFLINE, "builder": {"thumbnail": {"enabled": False}}}
    if identity.trust_anchors_pem:  # so a parent's manifest is judged trusted when embedded
        settings["trust"] = {"trust_anchors": identity.trust_anchors_pem}
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with c2pa.Context.from_dict(settings) as context, \
                c2pa.Builder(_definition(claim), context=context) as builder, \
                _signer(identity) as signer:
            if claim.parent is not None:
                with open(claim.parent.path, "rb") as parent:
                    builder.add_ingredient(_parent_ingredient(claim.parent), MP4, parent)
            with open(src, "rb") as source, open(tmp, "w+b") as out:
                builder.sign(signer, MP4, source, out)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, dst)
    except c2pa.C2paError as exc:
        raise SigningError(f"could not sign {src.name}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _signer(identity: SigningIdentity) -> c2pa.Signer:
    info = c2pa.C2paSignerInfo(identity.algorithm.encode(), identity.cert_chain_pem.encode(),
                               identity.private_key_pem.encode(), None)  # None: no TSA
    return c2pa.Signer.from_info(info)


def _definition(claim: ClaimFacts) -> dict[str, Any]:
    if claim.created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    agent = {"name": claim.generator_name, "version": claim.generator_version}
    actions: list[dict[str, Any]] = [{
        "action": "c2pa.created",
        "digitalSourceType": claim.digital_source_type,
        "softwareAgent": agent,
        "when": claim.created_at.isoformat(),
    }]
    if claim.parent is not None:
        actions.append({
            "action": "c2pa.edited",
            "description": f"remix of {claim.parent.title}",
            "digitalSourceType": claim.digital_source_type,
            "softwareAgent": agent,
            "parameters": {"ingredientIds": [_PARENT_LABEL]},
        })
    return {
        "claim_generator_info": [agent],
        "title": claim.title,
        "assertions": [
            {"label": "c2pa.actions.v2", "data": {"actions": actions}},
            {"label": OPENREEL_ASSERTION, "data": {
                "video_id": claim.video_id,
                "creator": claim.creator,
                "engine": claim.engine,
                "watermark_payload": claim.watermark_payload.hex(),
            }},
        ],
    }


def _parent_ingredient(parent: ParentVideo) -> dict[str, Any]:
    return {"title": parent.title, "relationship": "parentOf", "label": _PARENT_LABEL,
            "instance_id": VIDEO_ID_PREFIX + parent.video_id}


# -- reading -------------------------------------------------------------------------------

def read_manifest(path: Path, *, trust_anchors_pem: str | None) -> ManifestReport:
    """Find, validate and parse the manifest of the MP4 at ``path``.

    ``trust_anchors_pem`` are the roots whose signatures count as trusted (the local CA's
    certificate, or an operator's root); None checks integrity and signature only.
    Raises ManifestReadError when the file is missing or not an MP4.
    """
    path = Path(path)
    settings: dict[str, Any] = dict(_OFFLINE)
    if trust_anchors_pem:
        settings["trust"] = {"trust_anchors": trust_anchors_pem}
    try:
        with open(path, "rb") as stream:
            _require_mp4(stream, path)
            with c2pa.Context.from_dict(settings) as context:
                reader = c2pa.Reader.try_create(MP4, stream, None, context)
                if reader is None:
                    return ManifestReport(state="absent")
                with reader:
                    store = json.loads(reader.json())
    except OSError as exc:
        raise ManifestReadError(f"cannot read {path.name}: {exc.strerror}") from exc
    except c2pa.C2paError as exc:
        return _unreadable(path, str(exc))
    return _report(store)


def _require_mp4(stream: BinaryIO, path: Path) -> None:
    head = stream.read(8)
    stream.seek(0)
    if len(head) < 8 or head[4:8] != b"ftyp":
        raise ManifestReadError(f"{path.name} is not an MP4 file")


def _unreadable(path: Path, message: str) -> ManifestReport:
    """The verdict when the SDK could not parse the file."""
    has_manifest, intact = _scan_boxes(path)
    if not has_manifest:
        return ManifestReport(state="absent", error=message)
    # A signed file leaves the signer well formed; broken structure means bytes changed since.
    return ManifestReport(state="invalid" if intact else "tampered", error=message)


def _scan_boxes(path: Path) -> tuple[bool, bool]:
    """Whether the top level holds a C2PA box, and whether its box sizes tile the file."""
    size = path.stat().st_size
    found, offset = False, 0
    with open(path, "rb") as f:
        for _ in range(_MAX_TOP_LEVEL_BOXES):
            if offset == size:
                return found, True
            f.seek(offset)
            header = f.read(32)
            if len(header) < 8:
                return found, False
            box_size, kind = int.from_bytes(header[:4], "big"), header[4:8]
            start = 8
            if box_size == 1:
                box_size, start = int.from_bytes(header[8:16], "big"), 16
            elif box_size == 0:
                box_size = size - offset
            if kind == b"uuid" and header[start:start + 16] == _C2PA_BOX_UUID:
                found = True
            if box_size < start or offset + box_size > size:
                return found, False
            offset += box_size
    return found, False


def _report(store: dict[str, Any]) -> ManifestReport:
    results = store.get("validation_results") or {}
    active = results.get("activeManifest") or {}
    failures = _codes(active, "failure")
    for delta in results.get("ingredientDeltas") or []:
        failures += _codes(delta.get("validationDeltas") or {}, "failure")
    manifest = (store.get("manifests") or {}).get(store.get("active_manifest") or "") or {}
    return ManifestReport(
        state=_state(store.get("validation_state"), failures),
        facts=_facts(manifest),
        signer_subject=_subject(manifest.get("signature_info") or {}),
        ingredients=tuple(_ingredient(i) for i in manifest.get("ingredients") or []),
        failure_codes=tuple(failures),
        success_codes=tuple(_codes(active, "success")),
        manifest=manifest,
    )


def _codes(statuses: dict[str, Any], kind: str) -> list[str]:
    return [str(status.get("code", "")) for status in statuses.get(kind) or []]


def _state(validation_state: str | None, failures: list[str]) -> ManifestState:
    if validation_state == "Trusted":
        return "trusted"
    if validation_state == "Valid":
        return "valid"
    if any(code.endswith(".mismatch") for code in failures):
        return "tampered"
    return "invalid"


def _subject(signature: dict[str, Any]) -> str | None:
    """The signing certificate's subject as the SDK reports it (its CN and O)."""
    parts = [f"CN={signature['common_name']}" if signature.get("common_name") else "",
             f"O={signature['issuer']}" if signature.get("issuer") else ""]
    return ",".join(p for p in parts if p) or None


def _facts(manifest: dict[str, Any]) -> ClaimFacts | None:
    """openreel's claim read back, or None when the manifest is not one openreel wrote."""
    assertions = {a.get("label"): a.get("data") for a in manifest.get("assertions") or []}
    ours = assertions.get(OPENREEL_ASSERTION)
    actions = (assertions.get("c2pa.actions.v2") or assertions.get("c2pa.actions") or {})
    created = next((a for a in actions.get("actions") or []
                    if a.get("action") == "c2pa.created"), None)
    generator = (manifest.get("claim_generator_info") or [{}])[0]
    if not isinstance(ours, dict) or created is None:
        return None
    try:
        return ClaimFacts(
            title=str(manifest["title"]),
            creator=str(ours["creator"]),
            created_at=dt.datetime.fromisoformat(created["when"]),
            engine=str(ours["engine"]),
            digital_source_type=str(created["digitalSourceType"]),
            video_id=str(ours["video_id"]),
            watermark_payload=bytes.fromhex(ours["watermark_payload"]),
            generator_name=str(generator.get("name", "")),
            generator_version=str(generator.get("version", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _ingredient(data: dict[str, Any]) -> IngredientReport:
    instance = str(data.get("instance_id") or "")
    return IngredientReport(
        title=str(data.get("title") or ""),
        relationship=str(data.get("relationship") or ""),
        video_id=instance.removeprefix(VIDEO_ID_PREFIX)
        if instance.startswith(VIDEO_ID_PREFIX) else None,
        has_manifest=bool(data.get("active_manifest")),
    )
