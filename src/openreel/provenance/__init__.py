"""Watermarks, C2PA manifests, fingerprints and verification of openreel videos."""

from openreel.provenance.manifest import (
    ALGORITHMIC_MEDIA,
    TRAINED_ALGORITHMIC_MEDIA,
    ClaimFacts,
    IngredientReport,
    ManifestReadError,
    ManifestReport,
    ManifestState,
    ParentVideo,
    read_manifest,
    sign_video,
    source_type_for_engine,
)
from openreel.provenance.signing import SigningError, SigningIdentity, load_signing_identity

__all__ = [
    "ALGORITHMIC_MEDIA",
    "TRAINED_ALGORITHMIC_MEDIA",
    "ClaimFacts",
    "IngredientReport",
    "ManifestReadError",
    "ManifestReport",
    "ManifestState",
    "ParentVideo",
    "SigningError",
    "SigningIdentity",
    "load_signing_identity",
    "read_manifest",
    "sign_video",
    "source_type_for_engine",
]
