"""The swarm collector's DER reader gives the same validity dates as openssl."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from dockerbench.collect.swarm import certificate_validity

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the certificates")


def make_cert(tmp_path: Path, days: int, key: str) -> bytes:
    """A self-signed certificate from openssl (EC key like swarm's, or RSA)."""
    pem = tmp_path / f"{key}-{days}.crt"
    key_args = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"] if key == "ec" else ["-newkey", "rsa:2048"]
    subprocess.run(["openssl", "req", "-x509", "-nodes", *key_args, "-keyout", str(tmp_path / "k.pem"),
                    "-subj", "/CN=swarm-ca", "-days", str(days), "-out", str(pem)],
                   check=True, capture_output=True)
    return pem.read_bytes()


def openssl_dates(pem: bytes) -> tuple[int, int]:
    out = subprocess.run(["openssl", "x509", "-noout", "-startdate", "-enddate"], input=pem,
                         check=True, capture_output=True).stdout.decode()
    fields = dict(line.split("=", 1) for line in out.splitlines())
    parse = lambda text: int(datetime.strptime(text, "%b %d %H:%M:%S %Y GMT")  # noqa: E731
                             .replace(tzinfo=timezone.utc).timestamp())
    return parse(fields["notBefore"]), parse(fields["notAfter"])


@pytest.mark.parametrize(("days", "key"), [(90, "ec"), (30000, "rsa")], ids=["utctime-ec", "generalizedtime-rsa"])
def test_validity_matches_openssl(tmp_path: Path, days: int, key: str) -> None:
    pem = make_cert(tmp_path, days, key)
    assert certificate_validity(pem) == openssl_dates(pem)


def test_first_certificate_of_a_chain_is_read(tmp_path: Path) -> None:
    leaf, issuer = make_cert(tmp_path, 90, "ec"), make_cert(tmp_path, 3650, "ec")
    assert certificate_validity(leaf + issuer) == openssl_dates(leaf)


def test_text_without_a_certificate_is_invalid() -> None:
    with pytest.raises(ValueError, match=r"^not an X\.509 certificate$"):
        certificate_validity(b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n")
    with pytest.raises(ValueError, match=r"^no PEM certificate$"):
        certificate_validity(b"not a pem")
