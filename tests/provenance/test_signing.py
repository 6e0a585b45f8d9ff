"""The local CA is made once with private keys, reused after; operators' chains are checked."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import numpy as np
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from openreel.media import Mp4Writer
from openreel.provenance.manifest import ClaimFacts, read_manifest, sign_video
from openreel.provenance.signing import (
    C2PA_CLAIM_SIGNING_EKU,
    CA_CERT_FILE,
    CA_KEY_FILE,
    SIGNER_CERT_FILE,
    SIGNER_KEY_FILE,
    SigningError,
    load_signing_identity,
)

NOW = dt.datetime.now(dt.UTC)


# -- the local CA --------------------------------------------------------------------------

def test_first_use_creates_a_ca_and_a_signer_with_private_keys(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    identity = load_signing_identity(keys)
    for name in (CA_KEY_FILE, SIGNER_KEY_FILE):
        assert stat.S_IMODE((keys / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert not [p for p in keys.iterdir() if p.name.endswith(".part")]

    ca = x509.load_pem_x509_certificate((keys / CA_CERT_FILE).read_bytes())
    leaf = x509.load_pem_x509_certificate((keys / SIGNER_CERT_FILE).read_bytes())
    assert identity.trust_anchors_pem == (keys / CA_CERT_FILE).read_text()
    assert identity.cert_chain_pem == (keys / SIGNER_CERT_FILE).read_text()
    assert identity.algorithm == "es256"
    assert identity.subject == "CN=openreel signer,O=openreel"

    basic = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign and not usage.digital_signature
    assert (ca.not_valid_after_utc - ca.not_valid_before_utc).days >= 3650
    assert isinstance(ca.public_key(), ec.EllipticCurvePublicKey)
    assert ca.public_key().curve.name == "secp256r1"  # type: ignore[union-attr]

    leaf.verify_directly_issued_by(ca)
    assert leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "openreel"
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    leaf_usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert leaf_usage.digital_signature and not leaf_usage.key_cert_sign
    ekus = set(leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert {ExtendedKeyUsageOID.EMAIL_PROTECTION, C2PA_CLAIM_SIGNING_EKU} <= ekus
    aki = leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ca_ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ca_ski.digest
    leaf_ski = leaf.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert leaf_ski.digest == x509.SubjectKeyIdentifier.from_public_key(leaf.public_key()).digest


def test_later_loads_reuse_the_same_ca_and_key(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    first = load_signing_identity(keys)
    files = {p.name: p.read_bytes() for p in keys.iterdir()}
    second = load_signing_identity(keys)
    assert second == first
    assert {p.name: p.read_bytes() for p in keys.iterdir()} == files


def test_a_half_deleted_key_directory_is_refused(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    load_signing_identity(keys)
    (keys / CA_KEY_FILE).unlink()
    with pytest.raises(SigningError, match=CA_KEY_FILE):
        load_signing_identity(keys)


def test_leftovers_of_an_interrupted_first_run_are_replaced(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / CA_KEY_FILE).write_text("half written")  # crashed before any certificate
    identity = load_signing_identity(keys)
    assert identity.trust_anchors_pem == (keys / CA_CERT_FILE).read_text()


# -- operator chains -----------------------------------------------------------------------

def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Broadcaster"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate | None,
          issuer_key: ec.EllipticCurvePrivateKey, *, ca: bool,
          not_after: dt.datetime | None = None) -> x509.Certificate:
    issuer_name = issuer.subject if issuer is not None else _name(subject)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=2))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), critical=False)
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _key_pem(key: ec.EllipticCurvePrivateKey,
             encryption: serialization.KeySerializationEncryption | None = None) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption or serialization.NoEncryption())


class Operator:
    """A root, an intermediate and a signing certificate, as a broadcaster's PKI issues."""

    def __init__(self, tmp: Path, curve: ec.EllipticCurve = ec.SECP384R1(),
                 leaf_not_after: dt.datetime | None = None) -> None:
        self.root_key = ec.generate_private_key(ec.SECP384R1())
        self.root = _cert("Broadcaster Root", self.root_key, None, self.root_key, ca=True)
        mid_key = ec.generate_private_key(ec.SECP384R1())
        self.mid = _cert("Broadcaster Content CA", mid_key, self.root, self.root_key, ca=True)
        self.key = ec.generate_private_key(curve)
        self.leaf = _cert("Newsroom signer", self.key, self.mid, mid_key, ca=False,
                          not_after=leaf_not_after)
        self.chain = tmp / "chain.pem"
        self.chain.write_bytes(_pem(self.leaf, self.mid, self.root))
        self.key_file = tmp / "signer.key"
        self.key_file.write_bytes(_key_pem(self.key))


def _clip(path: Path) -> Path:
    with Mp4Writer(path, 64, 48, 10) as writer:
        writer.write_audio(np.zeros((9600, 2), np.float32))
        for i in range(6):
            writer.write_frame(np.full((48, 64, 3), 30 * i, np.uint8))
    return path


def test_an_operator_chain_signs_manifests_trusted_by_its_root(tmp_path: Path) -> None:
    operator = Operator(tmp_path)
    identity = load_signing_identity(tmp_path / "keys", cert_chain=operator.chain,
                                     private_key=operator.key_file)
    assert not (tmp_path / "keys").exists()  # no local CA when the operator brings one
    assert identity.algorithm == "es384"
    assert identity.trust_anchors_pem == _pem(operator.root).decode()
    assert identity.subject == "CN=Newsroom signer,O=Example Broadcaster"

    facts = ClaimFacts(title="Evening news", creator="newsroom",
                       created_at=dt.datetime(2025, 11, 2, 18, 0, tzinfo=dt.UTC),
                       engine="procedural",
                       digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/"
                                           "algorithmicMedia",
                       video_id="news-1", watermark_payload=bytes(8))
    signed = tmp_path / "signed.mp4"
    sign_video(_clip(tmp_path / "plain.mp4"), signed, identity, facts)
    report = read_manifest(signed, trust_anchors_pem=identity.trust_anchors_pem)
    assert report.state == "trusted"
    assert report.signer_subject == "CN=Newsroom signer,O=Example Broadcaster"
    assert report.facts == facts
    local = load_signing_identity(tmp_path / "local-keys")
    assert read_manifest(signed, trust_anchors_pem=local.trust_anchors_pem).state == "valid"


def test_a_key_that_is_not_a_key_is_refused(tmp_path: Path) -> None:
    operator = Operator(tmp_path)
    operator.key_file.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n"
                                  b"-----END PRIVATE KEY-----\n")
    with pytest.raises(SigningError, match="not a PEM private key"):
        load_signing_identity(tmp_path, cert_chain=operator.chain, private_key=operator.key_file)


def test_someone_elses_key_is_refused(tmp_path: Path) -> None:
    operator = Operator(tmp_path)
    operator.key_file.write_bytes(_key_pem(ec.generate_private_key(ec.SECP384R1())))
    with pytest.raises(SigningError, match="does not belong"):
        load_signing_identity(tmp_path, cert_chain=operator.chain, private_key=operator.key_file)


def test_an_encrypted_key_is_refused(tmp_path: Path) -> None:
    operator = Operator(tmp_path)
    operator.key_file.write_bytes(
        _key_pem(operator.key, serialization.BestAvailableEncryption(b"secret")))
    with pytest.raises(SigningError, match="encrypted"):
        load_signing_identity(tmp_path, cert_chain=operator.chain, private_key=operator.key_file)


def test_missing_or_half_given_operator_files_are_refused(tmp_path: Path) -> None:
    operator = Operator(tmp_path)
    with pytest.raises(SigningError, match="both"):
        load_signing_identity(tmp_path, cert_chain=operator.chain)
    with pytest.raises(SigningError, match=r"nope\.pem"):
        load_signing_identity(tmp_path, cert_chain=tmp_path / "nope.pem",
                              private_key=operator.key_file)
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("hello")
    with pytest.raises(SigningError, match="not a PEM certificate chain"):
        load_signing_identity(tmp_path, cert_chain=garbage, private_key=operator.key_file)


def test_chains_c2pa_validators_would_reject_are_refused(tmp_path: Path) -> None:
    expired = Operator(tmp_path, leaf_not_after=NOW - dt.timedelta(days=1))
    with pytest.raises(SigningError, match="not valid now"):
        load_signing_identity(tmp_path, cert_chain=expired.chain, private_key=expired.key_file)

    disordered = Operator(tmp_path)
    disordered.chain.write_bytes(_pem(disordered.leaf, disordered.root, disordered.mid))
    with pytest.raises(SigningError, match="not issued by"):
        load_signing_identity(tmp_path, cert_chain=disordered.chain,
                              private_key=disordered.key_file)

    ca_as_signer = Operator(tmp_path)
    ca_as_signer.chain.write_bytes(_pem(ca_as_signer.root))
    ca_as_signer.key_file.write_bytes(_key_pem(ca_as_signer.root_key))
    with pytest.raises(SigningError, match="CA certificate"):
        load_signing_identity(tmp_path, cert_chain=ca_as_signer.chain,
                              private_key=ca_as_signer.key_file)

    odd_curve = Operator(tmp_path, curve=ec.SECP256K1())
    with pytest.raises(SigningError, match="secp256k1"):
        load_signing_identity(tmp_path, cert_chain=odd_curve.chain,
                              private_key=odd_curve.key_file)
