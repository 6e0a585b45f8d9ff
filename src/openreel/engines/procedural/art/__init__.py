"""Things drawn from a curated art library: which icon draws each kind, the library made
at install, rasters cached per size, and silhouettes for physics bodies."""

from openreel.engines.procedural.art.library import ArtLibraryMissing, Artwork, artwork_of

__all__ = ["ArtLibraryMissing", "Artwork", "artwork_of"]
