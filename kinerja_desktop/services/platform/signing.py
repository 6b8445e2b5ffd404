"""The installation's Ed25519 key pair: signs hand-over packages (and later printed forms).

One key pair per installation, kept in the app data folder (``keys/installation-ed25519.pem``),
created on first use, readable by its owner only (0o600). The public key travels with what it
signs, so anyone can check that a package was not changed after signing. Whether to *trust*
that key (is it really the other office's?) is a separate step: compare its fingerprint over
the phone or on paper, or keep a list of known offices' keys (not built yet).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kinerja_desktop.domain.errors import DomainError

KEY_FILE_NAME = "installation-ed25519.pem"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


@dataclass(frozen=True)
class SigningKey:
    """The installation's private key, loaded."""

    private: Ed25519PrivateKey
    path: Path

    def sign(self, data: bytes) -> bytes:
        """Return the 64-byte Ed25519 signature of ``data``."""
        return self.private.sign(data)

    def export_public_key(self) -> bytes:
        """The raw 32-byte public key, for packages and for other offices."""
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.export_public_key())


def fingerprint(public_key: bytes) -> str:
    """A short text to compare a public key by eye or over the phone: "AB12-CD34-..."."""
    digest = base64.b32encode(hashlib.sha256(public_key).digest()).decode()[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def verify(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the signature of ``data`` by the key ``public_key`` (raw)."""
    if len(public_key) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_or_create_key(folder: Path) -> SigningKey:
    """Load the installation key from ``folder``, creating it (0o600) on first use.

    Raises:
        DomainError: the key file cannot be read, is not an Ed25519 key, or cannot be written.
    """
    path = folder / KEY_FILE_NAME
    try:
        if not path.exists():
            _create(path)
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise DomainError(
            f"Kunci tanda tangan instalasi ini tidak dapat dibaca atau dibuat ({path}): {error}. "
            "Periksa izin folder data aplikasi."
        ) from error
    if not isinstance(loaded, Ed25519PrivateKey):
        raise DomainError(f"Berkas kunci {path} bukan kunci Ed25519.")
    return SigningKey(loaded, path)


def _create(path: Path) -> None:
    """Write a new key beside the target and link it in: two starts never make two keys."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        # Another process may have made it first: then theirs is the key.
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        temp.unlink(missing_ok=True)
