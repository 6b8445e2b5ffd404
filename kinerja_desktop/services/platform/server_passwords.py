"""Server passwords in the operating system's keyring, never in a file of ours.

Each password is kept under the server's ``user@host:port/database``
(:attr:`ConnectionProfile.key`). Where the computer has no keyring (a Linux desktop without a
secret service, a locked keyring), the password is kept in memory for this run only and asked
again at the next start: :class:`KeyringUnavailableError` says so.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import StorageError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

#: The keyring's service name for every server password of the app.
KEYRING_SERVICE = "Kinerja Desktop (server basis data)"

NO_KEYRING_MESSAGE = (
    "Penyimpanan kata sandi sistem (keyring) tidak tersedia di komputer ini, jadi kata sandi "
    "server tidak disimpan: aplikasi menanyakannya lagi setiap kali dibuka."
)


class KeyringUnavailableError(StorageError):
    """The keyring cannot store or read passwords here; the password is kept for this run."""


class ServerPasswords:
    """Server passwords: the keyring first, then what was typed during this run."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._session: dict[str, str] = {}

    def get(self, profile: ConnectionProfile) -> str | None:
        """The password for ``profile``: typed this run, else from the keyring, else None."""
        if profile.key in self._session:
            return self._session[profile.key]
        try:
            return self._keyring().get_password(KEYRING_SERVICE, profile.key)
        # Backends raise their own errors besides keyring's (D-Bus, a locked collection):
        # whichever it is, there is no password to read.
        except Exception as error:
            log.info("keyring unavailable for reading: %s", error)
            return None

    def remember(self, profile: ConnectionProfile, password: str) -> None:
        """Keep ``password`` for this run and store it in the keyring.

        Raises:
            KeyringUnavailableError: the keyring cannot store it; it is kept for this run.
        """
        self._session[profile.key] = password
        try:
            self._keyring().set_password(KEYRING_SERVICE, profile.key, password)
        except Exception as error:  # as in get: any backend failure
            log.info("keyring unavailable for storing: %s", error)
            raise KeyringUnavailableError(NO_KEYRING_MESSAGE) from error

    def remember_for_session(self, profile: ConnectionProfile, password: str) -> None:
        """Keep ``password`` for this run only (the user did not ask to store it)."""
        self._session[profile.key] = password

    def forget(self, profile: ConnectionProfile) -> None:
        """Remove the password of ``profile`` from this run and from the keyring."""
        self._session.pop(profile.key, None)
        try:
            self._keyring().delete_password(KEYRING_SERVICE, profile.key)
        except Exception as error:  # nothing stored, or no keyring: gone
            log.info("keyring password not deleted: %s", error)

    def _keyring(self) -> KeyringBackend:
        # Loaded when a password is first needed: keyring looks for its backends on import,
        # which a start that opens a file never needs.
        import keyring

        return self._backend or keyring.get_keyring()


@cache
def session_passwords() -> ServerPasswords:
    """This run's passwords, shared by the start and Pengaturan (one typed password each)."""
    return ServerPasswords()
