"""Printed sheets' public key: exporting it, and checking a sheet's QR code offline with it.

Signing uses the same Ed25519 key as the hand-over packages (:mod:`..signing`). A sheet's seal
(:mod:`kinerja_desktop.domain.paper_seal`) is checked without any database: only the public
key file the printing office exported (``kinerja-desktop public-key --out FILE``) is needed.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.paper_seal import PaperSeal, b64url, from_b64url
from kinerja_desktop.services.platform.signing import PUBLIC_KEY_BYTES, fingerprint, verify

_PEM = re.compile(
    r"-----BEGIN PUBLIC KEY-----\s*(?P<body>[A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----"
)
#: Biggest file read as a public key: a PEM block with comment lines is far below this.
MAX_KEY_FILE = 64 * 1024


def public_key_text(public_key: bytes) -> str:
    """The public key as a text file: comment lines with the fingerprint, then PEM."""
    pem = (
        Ed25519PublicKey.from_public_bytes(public_key)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return (
        "# Kunci publik Kinerja Desktop (Ed25519) untuk memeriksa lembar tercetak\n"
        f"# Sidik kunci: {fingerprint(public_key)}\n"
        f"# Mentah (base64url): {b64url(public_key)}\n"
        f"{pem}"
    )


def write_public_key(public_key: bytes, target: Path) -> None:
    """Write the key file whole or not at all (a temporary file renamed into place)."""
    partial = target.with_name(target.name + ".part")
    partial.write_text(public_key_text(public_key), encoding="utf-8")
    partial.replace(target)


def parse_public_key(text: str) -> bytes:
    """The raw 32-byte key from a key file's text: its PEM block, or one base64url/hex line.

    Raises:
        ValidationError: no Ed25519 public key in the text (field "public_key").
    """
    found = _PEM.search(text)
    raw = b""
    if found is not None:
        try:
            der = base64.b64decode("".join(found["body"].split()), validate=True)
            loaded = serialization.load_der_public_key(der)
        except ValueError:
            loaded = None
        if isinstance(loaded, Ed25519PublicKey):
            raw = loaded.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    else:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith("#")]
        if len(lines) == 1:
            raw = _raw_line(lines[0])
    if len(raw) != PUBLIC_KEY_BYTES:
        raise ValidationError(
            "Berkas ini tidak berisi kunci publik Ed25519 (ekspor dengan "
            "'kinerja-desktop public-key --out BERKAS').",
            field="public_key",
        )
    return raw


def _raw_line(line: str) -> bytes:
    if re.fullmatch(r"[0-9a-fA-F]{64}", line):
        return bytes.fromhex(line)
    try:
        return from_b64url(line)
    except ValueError:
        return b""


def read_public_key(path: Path) -> bytes:
    """Read a public key file.

    Raises:
        ValidationError: the file cannot be read or holds no key (field "public_key").
    """
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValidationError(
                f"Berkas {path} terlalu besar untuk sebuah kunci publik.", field="public_key"
            )
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise ValidationError(
            f"Berkas kunci publik tidak dapat dibaca: {path} ({error.strerror or error}).",
            field="public_key",
        ) from error
    return parse_public_key(text)


@dataclass(frozen=True)
class SealCheck:
    """The answer of an offline check.

    Attributes:
        seal: What the sheet's QR code holds.
        valid: The signature is the key's signature of that code and digest.
        key_fingerprint: The fingerprint of the public key checked against.
    """

    seal: PaperSeal
    valid: bool
    key_fingerprint: str

    def lines(self) -> list[str]:
        head = f"Kode {self.seal.code}, sidik isi {self.seal.digest[:12]}…"
        key = f"kunci {self.key_fingerprint}"
        if not self.seal.signature:
            return [
                head,
                "TIDAK BERTANDA TANGAN: lembar ini dicetak sebelum tanda tangan elektronik; "
                "periksa kodenya dengan basis data kantor asal (--db).",
            ]
        if self.valid:
            return [
                head,
                f"SAH: tanda tangan cocok dengan {key}. Kode dan sidik isi ini diterbitkan oleh "
                "pemilik kunci itu. Isi lengkapnya dapat dicocokkan di kantor asal (--db).",
            ]
        return [
            head,
            f"TIDAK SAH: tanda tangan tidak cocok dengan {key}. Lembar ini tidak diterbitkan "
            "dengan kunci itu, atau kode/sidiknya diubah.",
        ]


def check_seal(public_key: bytes, seal: PaperSeal) -> SealCheck:
    """Whether ``seal`` carries ``public_key``'s signature of its code and digest."""
    valid = bool(seal.signature) and verify(public_key, seal.message, seal.signature)
    return SealCheck(seal, valid, fingerprint(public_key))
