"""What ``--db`` names: a database file, a server URL or a saved server connection.

``--db postgresql://user@host:port/database`` names a PostgreSQL database; ``--db NAME`` a
connection saved in Pengaturan ("Server basis data"), when no file of that name exists; any
other value is a file. A server's password comes from the keyring, else from libpq's own ways
(``PGPASSWORD``, ``.pgpass``); never from the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_STORAGE
from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices

#: Commands that work on the SQLite file itself, and what to do on a server instead (none
#: now: ``backup`` and ``restore`` print the ``pg_dump``/``pg_restore`` command for a server,
#: ``check`` checks what the app wrote there, and refuses only ``--terima-segel``).
FILE_ONLY: dict[str, str] = {}


@dataclass(frozen=True)
class ServerDatabase:
    """A database on a PostgreSQL server, as ``--db`` named it."""

    profile: ConnectionProfile

    def __str__(self) -> str:
        return self.profile.name


def database_value(text: str) -> Path | str:
    """Argparse's type for ``--db``: a server URL is kept as written, anything else a path."""
    return text if text.startswith("postgresql") else Path(text)


def resolve(
    value: Path | str | None, command: str | None, connections: Path
) -> Path | ServerDatabase | None:
    """The file or the server ``--db`` names.

    Args:
        value: ``--db`` as parsed (:func:`database_value`), or None.
        command: The sub-command (None: the GUI), to refuse the file-only ones on a server.
        connections: The saved connections' file.

    Raises:
        ValidationError: the URL is malformed or carries a password, or the command works
            only on a file (field ``db``).
        StorageError: the saved connections cannot be read.
    """
    if value is None:
        return None
    if isinstance(value, str):
        from kinerja_desktop.data.server import profile_from_url

        target = ServerDatabase(profile_from_url(value))
    else:
        found = _saved(value, connections)
        if found is None:
            return value
        target = ServerDatabase(found)
    if command in FILE_ONLY:
        raise ValidationError(FILE_ONLY[command], field="db")
    return target


def _saved(value: Path, connections: Path) -> ConnectionProfile | None:
    """The saved connection called ``value`` when it can be one and no such file exists."""
    if len(value.parts) != 1 or value.exists() or not connections.exists():
        return None
    from kinerja_desktop.services.platform.connections import ConnectionStore

    return ConnectionStore(connections).get(str(value))


def missing(target: Path | ServerDatabase) -> bool:
    """True for a file that does not exist (a server database is looked at when opened)."""
    return isinstance(target, Path) and not target.exists()


def open_database(
    target: Path | ServerDatabase, *, create: bool = False, locked: bool = True
) -> AppServices:
    """Open the file ``target`` (as its one writer when ``locked``) or the server database.

    Args:
        target: What ``--db`` named (:func:`resolve`).
        create: Create the file, or the tables in an empty server database.
        locked: Take the file's one-writer lock and the daily backup (a command that writes).

    Raises:
        StorageError: the file is missing or cannot be used; the server cannot be reached,
            refuses the login, or holds no office.
    """
    if isinstance(target, ServerDatabase):
        from kinerja_desktop.services.platform.server_connection import open_server
        from kinerja_desktop.services.platform.server_passwords import ServerPasswords

        password = ServerPasswords().get(target.profile)
        return open_server(target.profile, password, create=create)
    if not create and not target.exists():
        raise StorageError(f"Berkas basis data tidak ada: {target}")
    if locked:
        from kinerja_desktop.services.platform.startup import open_office

        return open_office(target, create=create)
    from kinerja_desktop.services.app_services import open_services

    return open_services(target, create=create)


def with_database(
    target: Path | ServerDatabase, work: Callable[[AppServices], int], *, locked: bool = True
) -> int:
    """Open what ``--db`` names, run ``work`` on it and close it, telling a problem on stderr.

    Returns:
        What ``work`` returns; EXIT_STORAGE when the database cannot be opened or a
        StorageError ends the work; EXIT_INPUT for any other DomainError.
    """
    try:
        services = open_database(target, locked=locked)
    except StorageError as error:
        print(error.message, file=sys.stderr)
        return EXIT_STORAGE
    try:
        return work(services)
    except StorageError as error:
        print(error.message, file=sys.stderr)
        return EXIT_STORAGE
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return EXIT_INPUT
    finally:
        services.close()
