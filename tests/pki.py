"""A throwaway PKI for mutual-TLS tests: a CA, a server certificate for 127.0.0.1/localhost and a client
certificate, written as PEM files into a directory (tests only; nothing here is a real PKIoverheid chain).

    pki = maak_pki(tmp_path)
    pki.server_cert, pki.server_key, pki.ca_cert, pki.client_cert, pki.client_key   # Paths
"""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path
from typing import NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


class Pki(NamedTuple):
    ca_cert: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def _naam(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _schrijf(map: Path, naam: str, cert: x509.Certificate, sleutel=None) -> tuple[Path, Path | None]:
    cert_pad = map / f"{naam}.crt"
    cert_pad.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    if sleutel is None:
        return cert_pad, None
    sleutel_pad = map / f"{naam}.key"
    sleutel_pad.write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_pad, sleutel_pad


def _cert(onderwerp, sleutel, uitgever, uitgever_sleutel, *, ca: bool, extensies=()) -> x509.Certificate:
    nu = datetime.datetime.now(datetime.UTC)
    bouwer = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(uitgever)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(minutes=5))
        .not_valid_after(nu + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        bouwer = bouwer.add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                          encipher_only=False, decipher_only=False), critical=True)  # fmt: skip
        bouwer = bouwer.add_extension(x509.SubjectKeyIdentifier.from_public_key(sleutel.public_key()), critical=False)
    else:
        bouwer = bouwer.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(uitgever_sleutel.public_key()), critical=False
        )
    for extensie in extensies:
        bouwer = bouwer.add_extension(extensie, critical=False)
    return bouwer.sign(uitgever_sleutel, hashes.SHA256())


def maak_pki(map: Path) -> Pki:
    map = Path(map)
    map.mkdir(parents=True, exist_ok=True)
    ca_sleutel = ec.generate_private_key(ec.SECP256R1())
    ca_naam = _naam("Test-CA DUO stand-in")
    ca = _cert(ca_naam, ca_sleutel, ca_naam, ca_sleutel, ca=True)

    server_sleutel = ec.generate_private_key(ec.SECP256R1())
    server = _cert(_naam("127.0.0.1"), server_sleutel, ca_naam, ca_sleutel, ca=False, extensies=[
        x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
        x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
    ])  # fmt: skip
    client_sleutel = ec.generate_private_key(ec.SECP256R1())
    client = _cert(_naam("gemeente 00000001001589623000"), client_sleutel, ca_naam, ca_sleutel, ca=False,
                   extensies=[x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH])])  # fmt: skip

    ca_pad, _ = _schrijf(map, "ca", ca)
    server_cert, server_key = _schrijf(map, "server", server, server_sleutel)
    client_cert, client_key = _schrijf(map, "client", client, client_sleutel)
    return Pki(ca_pad, server_cert, server_key, client_cert, client_key)
