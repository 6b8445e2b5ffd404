"""The saved server connections: a small JSON file in the app's settings folder.

The file holds each connection's name, host, port, database, user and TLS mode, and which one
opens at start ("Gunakan saat mulai"); never a password (those are in the keyring,
:mod:`kinerja_desktop.services.platform.server_passwords`). It is written whole or not at all.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kinerja_desktop.data.whole_files import write_bytes_whole, write_failure
from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError

_FORMAT = 1


class ConnectionStore:
    """Reads and writes the saved connections in ``path`` (each call reads the file anew)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def profiles(self) -> tuple[ConnectionProfile, ...]:
        """The saved connections in the order they were added."""
        return self._read()[0]

    def get(self, name: str) -> ConnectionProfile | None:
        """The connection called ``name`` (case-insensitive), or None."""
        wanted = name.strip().casefold()
        return next((p for p in self.profiles() if p.name.casefold() == wanted), None)

    def startup(self) -> ConnectionProfile | None:
        """The connection chosen to open at start instead of the file, if any."""
        profiles, chosen = self._read()
        return next((p for p in profiles if p.name == chosen), None)

    def save(self, profile: ConnectionProfile, *, replacing: str | None = None) -> None:
        """Add ``profile``, or put it in place of the connection called ``replacing``.

        Raises:
            ValidationError: another connection already has that name (field ``name``).
            StorageError: the file cannot be read or written; it is as it was.
        """
        profiles, chosen = self._read()
        taken = {p.name.casefold() for p in profiles if p.name != replacing}
        if profile.name.casefold() in taken:
            raise ValidationError(
                f"Sudah ada koneksi bernama {profile.name}: pilih nama lain.", field="name"
            )
        if replacing is not None and any(p.name == replacing for p in profiles):
            profiles = tuple(profile if p.name == replacing else p for p in profiles)
            if chosen == replacing:
                chosen = profile.name
        else:
            profiles = (*profiles, profile)
        self._write(profiles, chosen)

    def remove(self, name: str) -> None:
        """Forget the connection called ``name`` (and that it opens at start)."""
        profiles, chosen = self._read()
        self._write(
            tuple(p for p in profiles if p.name != name), None if chosen == name else chosen
        )

    def set_startup(self, name: str | None) -> None:
        """Open the connection ``name`` at start from now on; None opens the file again."""
        profiles, _chosen = self._read()
        if name is not None and not any(p.name == name for p in profiles):
            raise ValidationError(f"Tidak ada koneksi bernama {name}.", field="name")
        self._write(profiles, name)

    def _read(self) -> tuple[tuple[ConnectionProfile, ...], str | None]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return (), None
        except OSError as error:
            raise self._unreadable(error.strerror or str(error)) from error
        try:
            content = json.loads(raw)
            profiles = tuple(ConnectionProfile.parse(**entry) for entry in content["connections"])
            chosen = content.get("startup")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise self._unreadable("isinya bukan daftar koneksi yang dikenal") from error
        except DomainError as error:
            raise self._unreadable(error.message) from error
        return profiles, chosen if isinstance(chosen, str) else None

    def _write(self, profiles: tuple[ConnectionProfile, ...], chosen: str | None) -> None:
        content: dict[str, Any] = {
            "format": _FORMAT,
            "connections": [_stored(profile) for profile in profiles],
            "startup": chosen,
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise write_failure(self.path.parent, error) from error
        write_bytes_whole(self.path, json.dumps(content, indent=2).encode("utf-8"))

    def _unreadable(self, why: str) -> StorageError:
        return StorageError(
            f"Daftar koneksi server {self.path} tidak dapat dibaca ({why}). Perbaiki atau "
            "hapus berkas itu, lalu simpan koneksi lagi."
        )


def _stored(profile: ConnectionProfile) -> dict[str, Any]:
    values = asdict(profile)
    values["sslmode"] = profile.sslmode.value
    return values
