"""What the QR code of a printed sheet holds: its code, its content digest and a signature.

The installation signs :func:`signed_message` (the code and the full digest) with its Ed25519
key, so another office holding the public key can tell offline that a sheet came from that
installation and that its digest is the one printed. The payload is one line of text, compact
enough for a small QR code: ``KD1|K7QX-M2PA-9R|<digest, base64url>|<signature, base64url>``
(base64url without padding: 43 and 86 characters).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from kinerja_desktop.domain.errors import ValidationError

PREFIX = "KD1"
#: The earlier, unsigned payload (still on sheets printed before signing): code and hex digest.
LEGACY_PREFIX = "KINERJA-DESKTOP"
DIGEST_BYTES = 32
SIGNATURE_BYTES = 64
_CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$")
_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


def signed_message(code: str, digest: str) -> bytes:
    """The bytes the installation signs for a sheet: a fixed label, the code and hex digest."""
    return f"{LEGACY_PREFIX}|{code}|{digest.lower()}".encode("ascii")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def from_b64url(text: str) -> bytes:
    """Decode base64url with or without padding.

    Raises:
        ValueError: not base64url.
    """
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as error:
        raise ValueError("not base64url") from error


def digest_bytes(text: str) -> bytes:
    """A digest typed as 64 hex digits or as 43 base64url characters, as bytes.

    Raises:
        ValidationError: neither (field "digest").
    """
    cleaned = text.strip()
    if _HEX.match(cleaned):
        return bytes.fromhex(cleaned)
    try:
        raw = from_b64url(cleaned)
    except ValueError:
        raw = b""
    if len(raw) != DIGEST_BYTES:
        raise ValidationError(
            "Sidik isi harus 64 angka heksadesimal atau 43 karakter base64url.", field="digest"
        )
    return raw


@dataclass(frozen=True)
class PaperSeal:
    """A sheet's code, its digest (hex) and the signature (empty on unsigned sheets)."""

    code: str
    digest: str
    signature: bytes = b""

    @property
    def message(self) -> bytes:
        return signed_message(self.code, self.digest)

    @property
    def payload(self) -> str:
        """The QR code's text; the unsigned form when there is no signature."""
        if not self.signature:
            return f"{LEGACY_PREFIX}|{self.code}|{self.digest}"
        digest = b64url(bytes.fromhex(self.digest))
        return f"{PREFIX}|{self.code}|{digest}|{b64url(self.signature)}"


def _code(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise ValidationError(
            f"'{text.strip()}' bukan kode verifikasi (contoh: K7QX-M2PA-9R).", field="code"
        )
    return code


def seal_from_parts(code: str, digest: str, signature: str) -> PaperSeal:
    """A seal from its three parts as typed (digest hex or base64url; signature base64url).

    Raises:
        ValidationError: a part is malformed (field "code", "digest" or "signature").
    """
    try:
        raw = from_b64url(signature.strip())
    except ValueError:
        raw = b""
    if len(raw) != SIGNATURE_BYTES:
        raise ValidationError(
            "Tanda tangan harus 86 karakter base64url (64 bita).", field="signature"
        )
    return PaperSeal(_code(code), digest_bytes(digest).hex(), raw)


def parse_payload(text: str) -> PaperSeal:
    """Read a QR code's text back (signed, or the earlier unsigned form).

    Raises:
        ValidationError: not a Kinerja Desktop payload, or a part is malformed (field "qr").
    """
    parts = text.strip().split("|")
    if len(parts) == 4 and parts[0] == PREFIX:
        try:
            return seal_from_parts(parts[1], parts[2], parts[3])
        except ValidationError as error:
            raise ValidationError(f"Isi QR rusak: {error.message}", field="qr") from error
    if len(parts) == 3 and parts[0] == LEGACY_PREFIX:
        try:
            return PaperSeal(_code(parts[1]), digest_bytes(parts[2]).hex())
        except ValidationError as error:
            raise ValidationError(f"Isi QR rusak: {error.message}", field="qr") from error
    raise ValidationError(
        "Isi QR ini bukan kode verifikasi Kinerja Desktop (harus diawali 'KD1|').", field="qr"
    )
