"""What this deployment marks and signs its outputs with.

Kept apart from :mod:`openreel.services.provenance` (the catalogue and verifying, which need
the database) so that making a file on the command line loads no database code.
"""

from __future__ import annotations

import threading

from openreel.config import Settings
from openreel.provenance.manifest import ParentVideo
from openreel.provenance.signing import SigningIdentity, load_mark_key, load_signing_identity
from openreel.provenance.stage import DEFAULT_WATERMARK_KEY, Provenance


class Signing:
    """The identity manifests are signed with (the operator's chain, else the local CA),
    loaded on first use and kept, and the key of the invisible marks (the operator's, else
    a secret one made once beside the CA)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._identity: SigningIdentity | None = None
        self._key: int | None = None
        self._lock = threading.Lock()

    @property
    def watermark_key(self) -> int:
        """The key this deployment writes its marks with and reads them by."""
        with self._lock:
            if self._key is None:
                self._key = watermark_key(self.settings)
            return self._key

    @property
    def public_keys(self) -> tuple[int, ...]:
        """Keys anyone has, read as well so that files marked by older versions (with
        openreel's public key) still read; what they find is weaker evidence."""
        key = self.watermark_key
        return () if key == DEFAULT_WATERMARK_KEY else (DEFAULT_WATERMARK_KEY,)

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
    """The key of the invisible marks this deployment writes and reads: the one set, else
    the deployment's own (made on first use in its keys folder)."""
    if settings.watermark_key is not None:
        return settings.watermark_key
    return load_mark_key(settings.keys_dir())
