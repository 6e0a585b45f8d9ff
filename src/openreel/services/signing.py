"""What this deployment marks and signs its outputs with.

Kept apart from :mod:`openreel.services.provenance` (the catalogue and verifying, which need
the database) so that making a file on the command line loads no database code.
"""

from __future__ import annotations

import threading

from openreel.config import Settings
from openreel.provenance.manifest import ParentVideo
from openreel.provenance.signing import SigningIdentity, load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance


class Signing:
    """The identity manifests are signed with (the operator's chain, else the local CA),
    loaded on first use and kept, and the key of the invisible marks."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.watermark_key = watermark_key(settings)
        self._identity: SigningIdentity | None = None
        self._lock = threading.Lock()

    def identity(self) -> SigningIdentity:
        """The identity manifests are signed with (the local CA is made on first use)."""
        with self._lock:
            if self._identity is None:
                settings = self.settings
                self._identity = load_signing_identity(
                    settings.keys_dir(), cert_chain=settings.signing_cert_chain,
                    private_key=settings.signing_key)
            return self._identity

    def provenance_for(self, *, creator: str, mark: bytes, title: str, engine: str,
                       parent: ParentVideo | None = None) -> Provenance:
        """What the pipeline needs to mark and sign one output of this deployment."""
        return Provenance(creator=creator, mark=mark, identity=self.identity(), title=title,
                          engine=engine, watermark_key=self.watermark_key, parent=parent)


def watermark_key(settings: Settings) -> int:
    """The key of the invisible marks this deployment writes and reads."""
    return DEFAULT_WATERMARK_KEY if settings.watermark_key is None else settings.watermark_key
