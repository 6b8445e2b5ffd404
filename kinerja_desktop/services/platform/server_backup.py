"""Backups of a server database: the server's job, so the app says so and names pg_dump.

The app's own backups are copies of a SQLite file. A PostgreSQL database is backed up (and
restored) by its server's tools, run by whoever looks after the server; the app shows the
command to use, with the database's host, port, name and user, never a password (pg_dump
asks for it, or reads the server administrator's ``.pgpass``).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from sqlalchemy import URL


@dataclass(frozen=True)
class ServerBackupAdvice:
    """Where a server database is and the commands that back it up and restore it."""

    #: ``host:port/database`` as the user reads it (``host`` may be a socket folder).
    where: str
    #: The ``pg_dump`` command that backs the database up into one file.
    dump_command: str
    #: The ``pg_restore`` command that puts such a file back.
    restore_command: str

    def backup_message(self) -> str:
        """What a backup action says instead of copying a file."""
        return (
            f"Basis data ini ada di server PostgreSQL ({self.where}), jadi cadangannya tugas "
            "server, bukan aplikasi ini: cadangan otomatis harian dan cadangan berkas tidak "
            "dibuat. Pengelola server membuat cadangan dengan pg_dump, misalnya:\n"
            f"{self.dump_command}\n"
            "Kata sandi tidak ditulis pada perintah: pg_dump menanyakannya (atau membacanya "
            "dari berkas .pgpass pengelola server)."
        )

    def restore_refusal(self) -> str:
        """Why a restore into the server database is refused, and what to do instead."""
        return (
            f"Pemulihan ditolak: basis data yang dibuka ada di server PostgreSQL ({self.where}), "
            "sedangkan cadangan aplikasi hanya dipulihkan ke berkas basis data. Basis data "
            "tidak diubah. Pengelola server memulihkan cadangan pg_dump dengan pg_restore "
            "(saat aplikasi tidak dipakai), misalnya:\n"
            f"{self.restore_command}"
        )


def server_backup_advice(url: URL) -> ServerBackupAdvice:
    """The advice for the PostgreSQL database ``url``; its password, if any, is left out."""
    host = url.host or _query_value(url, "host")
    database = url.database or "postgres"
    connection: list[str] = []
    if host:
        connection.append(f"--host={shlex.quote(host)}")
    if url.port is not None:
        connection.append(f"--port={url.port}")
    if url.username:
        connection.append(f"--username={shlex.quote(url.username)}")
    dump_file = shlex.quote(f"{database}.dump")
    name = shlex.quote(database)
    dump = ["pg_dump", *connection, "--format=custom", f"--file={dump_file}", name]
    restore = [
        "pg_restore",
        *connection,
        f"--dbname={name}",
        "--clean",
        "--if-exists",
        "--single-transaction",
        dump_file,
    ]
    where = f"{host or 'localhost'}{f':{url.port}' if url.port is not None else ''}/{database}"
    return ServerBackupAdvice(
        where=where, dump_command=" ".join(dump), restore_command=" ".join(restore)
    )


def _query_value(url: URL, key: str) -> str | None:
    """A libpq setting given in the URL's query (``?host=/run/postgresql``), or None."""
    value = url.query.get(key)
    if isinstance(value, tuple):
        return value[0] if value else None
    return value
