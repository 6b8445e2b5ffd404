"""Server mode's way in: check a saved connection ("Uji koneksi") and open its database."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.data.database import LOGIN_REFUSED_MESSAGE, PASSWORD_NEEDED_MESSAGE
from kinerja_desktop.data.server import probe_server, profile_url
from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.paths import server_home
from kinerja_desktop.services.app_services import AppServices, open_services

#: "Uji koneksi" waits this long for the server: a wrong address must not hang the settings.
CHECK_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Uji koneksi" found, in words for the user."""

    ok: bool
    message: str
    server_version: str | None = None
    #: True when TLS encrypts the connection (never on a Unix socket, which needs none).
    encrypted: bool = False


def check_connection(
    profile: ConnectionProfile,
    password: str | None,
    *,
    timeout_seconds: int = CHECK_TIMEOUT_SECONDS,
) -> ConnectionCheck:
    """Connect once to ``profile``'s database and say whether it worked (never raises).

    Args:
        profile: The connection to try.
        password: Its password; None lets libpq find one (PGPASSWORD, .pgpass) or none.
        timeout_seconds: How long to wait for the server to answer.
    """
    try:
        version, encrypted = probe_server(
            profile_url(profile, password), timeout_seconds=timeout_seconds
        )
    except StorageError as error:
        return ConnectionCheck(ok=False, message=error.message)
    how = "terenkripsi (TLS)" if encrypted else "tanpa enkripsi TLS"
    return ConnectionCheck(
        ok=True,
        message=(
            f"Koneksi berhasil: server PostgreSQL {version}, basis data {profile.database}, {how}."
        ),
        server_version=version,
        encrypted=encrypted,
    )


def open_server(
    profile: ConnectionProfile, password: str | None, *, create: bool = True
) -> AppServices:
    """Open ``profile``'s database (creating or migrating its tables as needed).

    What belongs beside the database (the cache of opened evidence files, the seal anchor) is
    kept in a folder of this installation for that server
    (:func:`kinerja_desktop.paths.server_home`).

    Raises:
        StorageError: the server cannot be reached, refuses the login, or the database is not
            ours or too new; it is left as it was.
    """
    home = server_home(profile.key)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"Folder {home} tidak dapat dibuat ({error.strerror or error})."
        ) from error
    # The stand-in's name is what the window title shows: the database and where it is.
    where = profile.host.replace("/", "_").replace("\\", "_")
    stand_in = home / f"{profile.database} di {where}"
    return open_services(stand_in, create=create, server=profile_url(profile, password))


def is_login_refusal(error: StorageError) -> bool:
    """True when the server wants a (different) password: worth asking the user again."""
    return error.message in (LOGIN_REFUSED_MESSAGE, PASSWORD_NEEDED_MESSAGE)
