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

_identities: dict[tuple[str, str, str], SigningIdentity] = {}
_identities_lock = threading.Lock()


def signing_identity(settings: Settings) -> SigningIdentity:
    """The identity manifests are signed with: the operator's chain, else the local CA."""
    where = (str(settings.keys_dir()), str(settings.signing_cert_chain),
             str(settings.signing_key))
    with _identities_lock:
        if where not in _identities:
            _identities[where] = load_signing_identity(
                settings.keys_dir(), cert_chain=settings.signing_cert_chain,
                private_key=settings.signing_key)
        return _identities[where]


def watermark_key(settings: Settings) -> int:
    """The key of the invisible marks this deployment writes and reads."""
    return DEFAULT_WATERMARK_KEY if settings.watermark_key is None else settings.watermark_key


def provenance_for(settings: Settings, *, creator: str, mark: bytes, title: str, engine: str,
                   parent: ParentVideo | None = None) -> Provenance:
    """What the pipeline needs to mark and sign one output of this deployment."""
    return Provenance(creator=creator, mark=mark, identity=signing_identity(settings),
                      title=title, engine=engine, watermark_key=watermark_key(settings),
                      parent=parent)
