"""A saved connection to a PostgreSQL server (server mode): where it is, never its password.

The password lives in the operating system's keyring (``services.platform.server_passwords``),
under :attr:`ConnectionProfile.key`, so a profile and the same server written as a URL on the
command line find the same password.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.text import checked_text

#: PostgreSQL's own port, the one a profile gets when none is typed.
DEFAULT_PORT = 5432
NAME_MAX = 60
#: A DNS name has at most 253 characters; a Unix socket folder (host ``/run/...``) fits too.
HOST_MAX = 253
#: PostgreSQL truncates identifiers (database and role names) to 63 bytes.
IDENTIFIER_MAX = 63


class SslMode(StrEnum):
    """libpq's ``sslmode``: whether the connection is encrypted (TLS) and how it is checked."""

    DISABLE = "disable"
    PREFER = "prefer"
    REQUIRE = "require"
    VERIFY_FULL = "verify-full"

    @property
    def label(self) -> str:
        return {
            "disable": "Tanpa TLS",
            "prefer": "TLS bila server mendukung",
            "require": "Wajib TLS",
            "verify-full": "Wajib TLS dan sertifikat server diperiksa",
        }[self.value]


@dataclass(frozen=True)
class ConnectionProfile:
    """A named connection: host, port, database, user and TLS mode (no password)."""

    name: str
    host: str
    port: int
    database: str
    user: str
    sslmode: SslMode = SslMode.PREFER

    @property
    def key(self) -> str:
        """Where the server is, as ``user@host:port/database``: the keyring's entry name."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def parse(
        cls,
        *,
        name: str,
        host: str,
        port: str | int,
        database: str,
        user: str,
        sslmode: str = SslMode.PREFER.value,
    ) -> ConnectionProfile:
        """Check typed or stored values and build the profile.

        Raises:
            ValidationErrors: one message per wrong field (``name``, ``host``, ``port``,
                ``database``, ``user``, ``sslmode``), each naming it.
        """
        errors: list[ValidationError] = []
        clean_name = checked_text(
            name, field="name", label="Nama koneksi", max_length=NAME_MAX, errors=errors
        )
        if clean_name and _looks_like_path(clean_name):
            errors.append(
                ValidationError(
                    "Nama koneksi tidak boleh berisi / atau \\, berakhiran .sqlite, atau diawali "
                    "postgresql: nama itu dipakai juga sebagai --db di baris perintah.",
                    field="name",
                )
            )
        clean_host = checked_text(
            host, field="host", label="Host server", max_length=HOST_MAX, errors=errors
        )
        if clean_host and " " in clean_host and not clean_host.startswith("/"):
            errors.append(ValidationError("Host server tidak boleh berisi spasi.", field="host"))
        clean_port = _port(port, errors)
        clean_database = checked_text(
            database,
            field="database",
            label="Nama basis data",
            max_length=IDENTIFIER_MAX,
            errors=errors,
        )
        clean_user = checked_text(
            user, field="user", label="Pengguna", max_length=IDENTIFIER_MAX, errors=errors
        )
        mode = _sslmode(sslmode, errors)
        if errors:
            raise ValidationErrors(errors)
        return cls(clean_name, clean_host, clean_port, clean_database, clean_user, mode)


def _looks_like_path(name: str) -> bool:
    lowered = name.lower()
    return (
        "/" in name
        or "\\" in name
        or lowered.endswith(".sqlite")
        or lowered.startswith("postgresql")
    )


def _port(value: str | int, errors: list[ValidationError]) -> int:
    text = str(value).strip()
    if not text:
        return DEFAULT_PORT
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        errors.append(
            ValidationError(
                f"Port harus bilangan bulat 1 sampai 65535 (tertulis: {text}).", field="port"
            )
        )
        return DEFAULT_PORT
    return int(text)


def _sslmode(value: str, errors: list[ValidationError]) -> SslMode:
    try:
        return SslMode(value.strip().lower())
    except ValueError:
        known = ", ".join(mode.value for mode in SslMode)
        errors.append(
            ValidationError(
                f"Mode TLS harus salah satu dari {known} (tertulis: {value}).", field="sslmode"
            )
        )
        return SslMode.PREFER
