"""Opening a database on a PostgreSQL server (server mode), beside SQLite's files.

A server database is checked as a file is (its schema revision: new, current, older, newer,
not ours) but none of SQLite's file care applies: no lock file (the server has many writers),
no ``quick_check`` and no backups before a migration (the server's own tools, ``pg_dump``, do
that; PostgreSQL's DDL is transactional, so a failed migration leaves the database as it was).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from kinerja_desktop.data.database import (
    Database,
    explain_server_failure,
    make_server_engine,
)
from kinerja_desktop.data.migrate import SchemaState, inspect_schema, upgrade_to_head
from kinerja_desktop.domain.connections import DEFAULT_PORT, ConnectionProfile
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError

#: Two installations opening one empty (or older) server database at once: one migrates,
#: the other waits for it (a transaction-level advisory lock, released at commit).
_MIGRATION_LOCK = 0x4B494E45  # "KINE"


def is_server_url(target: str | URL) -> bool:
    """True when ``target`` names a PostgreSQL database rather than a file path."""
    if isinstance(target, URL):
        return target.get_backend_name() == "postgresql"
    return str(target).startswith(("postgresql://", "postgresql+psycopg://"))


def server_url(target: str | URL) -> URL:
    """The URL with psycopg 3 as its driver (``postgresql://`` names no driver)."""
    url = make_url(target)
    if url.get_backend_name() != "postgresql":
        raise StorageError("Alamat server basis data harus diawali postgresql://.")
    return url.set(drivername="postgresql+psycopg")


def profile_url(profile: ConnectionProfile, password: str | None = None) -> URL:
    """The psycopg URL of ``profile``; without ``password``, libpq's own (PGPASSWORD, .pgpass).

    A host starting with ``/`` is a Unix socket folder, as libpq takes it.
    """
    return URL.create(
        "postgresql+psycopg",
        username=profile.user,
        password=password or None,
        host=profile.host,
        port=profile.port,
        database=profile.database,
        query={"sslmode": profile.sslmode.value},
    )


def profile_from_url(target: str) -> ConnectionProfile:
    """Read ``postgresql://user@host:port/database[?sslmode=...]`` as a connection.

    The profile is named after the URL itself (it is not saved).

    Raises:
        ValidationError: the URL is malformed, lacks a part, or carries a password (field
            ``db``): a password on the command line is seen by every user of the computer.
    """
    try:
        url = make_url(target)
    except ArgumentError as error:
        raise ValidationError(f"Alamat server tidak dapat dibaca: {target}.", field="db") from error
    if url.get_backend_name() != "postgresql":
        raise ValidationError("Alamat server basis data harus diawali postgresql://.", field="db")
    if url.password:
        raise ValidationError(
            "Jangan menulis kata sandi di alamat server pada baris perintah (terlihat oleh "
            "pengguna lain komputer ini): simpan di Pengaturan (keyring) atau isi PGPASSWORD.",
            field="db",
        )
    host = url.host or url.query.get("host")
    sslmode = url.query.get("sslmode", "prefer")
    try:
        profile = ConnectionProfile.parse(
            name="baris perintah",
            host=host if isinstance(host, str) else "",
            port=url.port or DEFAULT_PORT,
            database=url.database or "",
            user=url.username or "",
            sslmode=sslmode if isinstance(sslmode, str) else "",
        )
    except DomainError as error:
        raise ValidationError(f"Alamat server {target}: {error.message}", field="db") from error
    return replace(profile, name=target)


def probe_server(url: URL, *, timeout_seconds: int) -> tuple[str, bool]:
    """Connect once to ``url``: the server's version ("16.4") and whether TLS encrypts it.

    Raises:
        StorageError: the host cannot be reached, the login or the database is refused, the
            server offers no TLS where it is required; the message says which.
    """
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"connect_timeout": timeout_seconds, "application_name": "kinerja"},
    )
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
            encrypted = connection.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
    except DBAPIError as error:
        explained = explain_server_failure(error)
        if explained is None:
            raise StorageError(f"Koneksi ke server basis data gagal: {error.orig}") from error
        raise explained from error
    finally:
        engine.dispose()
    return str(version).split()[0], bool(encrypted)


def open_server_database(target: str | URL, local_path: Path, *, create: bool = True) -> Database:
    """Open the PostgreSQL database ``target``, creating or migrating its tables as needed.

    Args:
        target: ``postgresql://user@host:port/database`` (the password comes from the
            caller, never from a file of ours).
        local_path: Where this installation keeps what belongs beside the database
            (evidence files, the seal anchor): :attr:`Database.path`.
        create: Create the tables in an empty database.

    Raises:
        StorageError: the server cannot be reached or refuses the login, the database is
            not ours or too new, or the migration failed; the database is then as it was.
    """
    engine = make_server_engine(server_url(target))
    try:
        _prepare(engine, create=create)
    except BaseException:
        engine.dispose()
        raise
    return Database(local_path, engine)


def _prepare(engine: Engine, *, create: bool) -> None:
    try:
        with engine.connect() as connection:
            state, _revision = inspect_schema(connection)
            connection.rollback()
            problem = _schema_problem(state, create=create)
            if problem:
                raise StorageError(problem)
            if state is SchemaState.CURRENT:
                return
            with connection.begin():
                _migrate(connection)
    except DBAPIError as error:
        explained = explain_server_failure(error)
        if explained is None:
            raise StorageError(f"Pembaruan struktur basis data gagal: {error.orig}") from error
        raise explained from error


def _migrate(connection: Connection) -> None:
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    # Another installation may have migrated while this one waited for the lock.
    state, _revision = inspect_schema(connection)
    if state is not SchemaState.CURRENT:
        upgrade_to_head(connection)


def _schema_problem(state: SchemaState, *, create: bool) -> str | None:
    if state is SchemaState.NEWER:
        return (
            "Basis data di server ini dibuat oleh versi Kinerja Desktop yang lebih baru. "
            "Perbarui aplikasi untuk membukanya; basis data tidak diubah."
        )
    if state is SchemaState.FOREIGN:
        return "Basis data di server ini berisi tabel lain, bukan milik Kinerja Desktop."
    if state is SchemaState.EMPTY and not create:
        return "Basis data di server ini masih kosong."
    return None
