"""Who signs openreel's C2PA manifests: a local CA made on first use, or an operator's chain.

The local CA
    On first use a root CA (EC P-256, ``CA:true, pathlen:0``, keyCertSign + cRLSign, ten
    years) and a signing certificate issued by it (EC P-256, digitalSignature, the
    emailProtection and C2PA claim-signing EKUs, ``O=openreel``) are written to the keys
    directory. Later runs load the same files, so every video an installation ever signed
    chains to one root, which verifiers use as their trust anchor. The leaf expires with the
    root: manifests carry no time stamp (openreel makes no network calls), so validators
    judge the certificate at reading time and a short-lived leaf would void old videos.

An operator's chain
    A PEM bundle (signing certificate first, then intermediates, optionally the root) and
    the matching PEM private key. Both are checked here, before anything is signed, against
    the rules C2PA validators apply to signing certificates, so a bad file fails at start-up
    with a clear message instead of producing manifests that no one can validate.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import itertools
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

_SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey
_Ext = TypeVar("_Ext", bound=x509.ExtensionType)

CA_CERT_FILE = "root-ca.crt"
CA_KEY_FILE = "root-ca.key"
SIGNER_CERT_FILE = "signer.crt"
SIGNER_KEY_FILE = "signer.key"
CA_LIFETIME = dt.timedelta(days=3650)
C2PA_CLAIM_SIGNING_EKU = ObjectIdentifier("1.3.6.1.4.1.62558.2.1")

# The EKUs C2PA validators accept on a claim-signing certificate (c2pa-rs's default list).
_ACCEPTED_EKUS = frozenset({
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ObjectIdentifier("1.3.6.1.5.5.7.3.36"),  # id-kp-documentSigning
    ObjectIdentifier("1.3.6.1.4.1.311.76.59.1.9"),  # Microsoft C2PA signing
    C2PA_CLAIM_SIGNING_EKU,
})
_EC_ALGORITHMS = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}
_BACKDATE = dt.timedelta(hours=1)  # tolerate clocks a little behind the one that issued


class SigningError(Exception):
    """The signing identity is missing, unreadable or unusable for C2PA."""


@dataclass(frozen=True)
class SigningIdentity:
    """A certificate chain and its private key, ready to sign C2PA manifests.

    ``cert_chain_pem`` starts with the signing certificate. ``algorithm`` is the C2PA name
    (``es256``, ``ps256``, ``ed25519`` …). ``trust_anchors_pem`` is the root verifiers
    should trust for these signatures: the local CA, or the self-signed root at the end of
    an operator's chain (None when the chain stops at an intermediate).
    """

    cert_chain_pem: str
    private_key_pem: str
    algorithm: str
    trust_anchors_pem: str | None

    @property
    def subject(self) -> str:
        """The signing certificate's subject, RFC 4514 style (``CN=…,O=…``)."""
        leaf = x509.load_pem_x509_certificates(self.cert_chain_pem.encode())[0]
        return leaf.subject.rfc4514_string()


def load_signing_identity(keys_dir: Path, *, cert_chain: Path | None = None,
                          private_key: Path | None = None) -> SigningIdentity:
    """The operator's chain and key when given, else the local CA in ``keys_dir`` (made once)."""
    if cert_chain is not None or private_key is not None:
        if cert_chain is None or private_key is None:
            raise SigningError("an operator signing identity needs both a certificate chain "
                               "and a private key")
        return _operator_identity(cert_chain, private_key)
    return _local_identity(Path(keys_dir))


# -- the key of the invisible marks ------------------------------------------------------

MARK_KEY_FILE = "mark.key"


def load_mark_key(keys_dir: Path) -> int:
    """This deployment's secret key of the invisible marks, made once in ``keys_dir`` beside
    its CA: 64 random bits nobody else has, so nobody else can write its marks into a file
    or find them to strip them."""
    keys_dir = Path(keys_dir)
    path = keys_dir / MARK_KEY_FILE
    key = _read_mark_key(path)
    if key is not None:
        return key
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _locked(keys_dir):  # concurrent first runs make one key, not two
        key = _read_mark_key(path)
        if key is None:
            key = secrets.randbits(64)
            _write_atomic(path, f"{key:016x}\n".encode(), 0o600)
    return key


def _read_mark_key(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SigningError(f"cannot read the mark key {path.name}: {exc.strerror}") from exc
    try:
        key = int(text, 16)
    except ValueError:
        key = -1
    if not 0 <= key < 2**64 or len(text) != 16:
        raise SigningError(f"{path.name} is not a mark key (16 hex digits): restore it from a "
                           "backup, or set watermark_key")
    return key


# -- operator identity ---------------------------------------------------------------------

def _operator_identity(chain_path: Path, key_path: Path) -> SigningIdentity:
    chain = _read_chain(chain_path)
    key = _read_key(key_path)
    algorithm = _check_identity(chain, key, source=str(chain_path.name))
    root = chain[-1] if len(chain) > 1 and _is_self_signed(chain[-1]) else None
    return SigningIdentity(
        cert_chain_pem=_chain_pem(chain),
        private_key_pem=_key_pem(key),
        algorithm=algorithm,
        trust_anchors_pem=_cert_pem(root) if root is not None else None,
    )


def _read_chain(path: Path) -> list[x509.Certificate]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read certificate chain {path.name}: {exc.strerror}") from exc
    try:
        chain = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise SigningError(f"{path.name} is not a PEM certificate chain") from exc
    return chain


def _read_key(path: Path) -> _SigningKey:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read private key {path.name}: {exc.strerror}") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError as exc:  # cryptography's way of saying "encrypted, no password"
        raise SigningError(f"private key {path.name} is encrypted; give it unencrypted") from exc
    except ValueError as exc:
        raise SigningError(f"{path.name} is not a PEM private key") from exc
    if not isinstance(key, _SigningKey):
        raise SigningError(f"private key {path.name}: C2PA signs with EC, RSA or Ed25519 keys")
    return key


def _check_identity(chain: list[x509.Certificate], key: _SigningKey, *, source: str) -> str:
    """Raise SigningError unless the chain and key can sign valid C2PA manifests; the alg."""
    leaf = chain[0]
    if _public_der(leaf.public_key()) != _public_der(key.public_key()):
        raise SigningError(f"the private key does not belong to the first certificate in {source}")
    now = dt.datetime.now(dt.UTC)
    for cert in chain:
        if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
            raise SigningError(f"certificate {cert.subject.rfc4514_string()} in {source} is not "
                               f"valid now (valid {cert.not_valid_before_utc:%Y-%m-%d} to "
                               f"{cert.not_valid_after_utc:%Y-%m-%d})")
    for child, parent in itertools.pairwise(chain):
        try:
            child.verify_directly_issued_by(parent)
        except (ValueError, TypeError, InvalidSignature) as exc:
            raise SigningError(f"{source}: {child.subject.rfc4514_string()} is not issued by "
                               f"the certificate after it") from exc
    _check_leaf_profile(leaf, source)
    return _algorithm_for(key, source)


def _check_leaf_profile(leaf: x509.Certificate, source: str) -> None:
    """The end-entity rules C2PA validators enforce (C2PA spec §14.5 certificate profile)."""
    subject = leaf.subject.rfc4514_string()
    if leaf.version != x509.Version.v3:
        raise SigningError(f"{source}: {subject} must be an X.509 v3 certificate")
    constraints = _extension(leaf, x509.BasicConstraints)
    if constraints is not None and constraints.ca:
        raise SigningError(f"{source}: {subject} is a CA certificate; sign with an end-entity one")
    usage = _extension(leaf, x509.KeyUsage)
    if usage is None or not usage.digital_signature:
        raise SigningError(f"{source}: {subject} lacks the digitalSignature key usage")
    ekus = _extension(leaf, x509.ExtendedKeyUsage)
    if ekus is None or not _ACCEPTED_EKUS & set(ekus):
        raise SigningError(f"{source}: {subject} needs an extended key usage C2PA accepts "
                           "(emailProtection, documentSigning or C2PA claim signing)")
    if ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE in set(ekus):
        raise SigningError(f"{source}: {subject} must not carry the anyExtendedKeyUsage EKU")
    if _extension(leaf, x509.AuthorityKeyIdentifier) is None:
        raise SigningError(f"{source}: {subject} lacks an authority key identifier")


def _algorithm_for(key: _SigningKey, source: str) -> str:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise SigningError(f"{source}: RSA keys must be at least 2048 bits")
        return "ps256"
    algorithm = _EC_ALGORITHMS.get(key.curve.name)
    if algorithm is None:
        raise SigningError(f"{source}: EC curve {key.curve.name} is not allowed by C2PA "
                           "(use P-256, P-384 or P-521)")
    return algorithm


# -- local CA ------------------------------------------------------------------------------

def _local_identity(keys_dir: Path) -> SigningIdentity:
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _locked(keys_dir):
        # The signer certificate is written last, so without it nothing was ever signed and
        # whatever a crashed first run left behind can be replaced.
        if not (keys_dir / SIGNER_CERT_FILE).exists():
            _create_local_ca(keys_dir)
        names = (CA_CERT_FILE, CA_KEY_FILE, SIGNER_CERT_FILE, SIGNER_KEY_FILE)
        missing = [name for name in names if not (keys_dir / name).exists()]
        if missing:
            raise SigningError(f"the local signing keys are incomplete (missing "
                               f"{', '.join(missing)}); restore them, or move the keys "
                               "directory away to start a new CA")
    ca_cert = _read_chain(keys_dir / CA_CERT_FILE)[0]
    leaf_cert = _read_chain(keys_dir / SIGNER_CERT_FILE)[0]
    key = _read_key(keys_dir / SIGNER_KEY_FILE)
    algorithm = _check_identity([leaf_cert, ca_cert], key, source="the local CA")
    return SigningIdentity(
        cert_chain_pem=_cert_pem(leaf_cert),
        private_key_pem=_key_pem(key),
        algorithm=algorithm,
        trust_anchors_pem=_cert_pem(ca_cert),
    )


@contextlib.contextmanager
def _locked(keys_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so concurrent first runs create one CA, not two."""
    fd = os.open(keys_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _create_local_ca(keys_dir: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    not_before, not_after = now - _BACKDATE, now + CA_LIFETIME
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("openreel local root CA")
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(ca_ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("openreel signer")).issuer_name(ca_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                              C2PA_CLAIM_SIGNING_EKU]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    # Keys first, the signer certificate last: its presence means the set is complete.
    _write_atomic(keys_dir / CA_KEY_FILE, _key_pem(ca_key).encode(), 0o600)
    _write_atomic(keys_dir / SIGNER_KEY_FILE, _key_pem(leaf_key).encode(), 0o600)
    _write_atomic(keys_dir / CA_CERT_FILE, _cert_pem(ca_cert).encode(), 0o644)
    _write_atomic(keys_dir / SIGNER_CERT_FILE, _cert_pem(leaf_cert).encode(), 0o644)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "openreel"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=not cert_sign, content_commitment=False,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=cert_sign, crl_sign=cert_sign, encipher_only=False,
                         decipher_only=False)


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to a temporary file created with ``mode`` and rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have narrowed or (for 0600) never widens it
        os.write(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


# -- small conversions ---------------------------------------------------------------------

def _extension(cert: x509.Certificate, kind: type[_Ext]) -> _Ext | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _public_der(public_key: CertificatePublicKeyTypes) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER,
                                   serialization.PublicFormat.SubjectPublicKeyInfo)


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _chain_pem(chain: list[x509.Certificate]) -> str:
    return "".join(_cert_pem(cert) for cert in chain)


def _key_pem(key: _SigningKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()
