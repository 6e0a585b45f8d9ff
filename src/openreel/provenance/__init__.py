"""Watermarks, C2PA manifests, fingerprints and verification of openreel videos."""
