"""Verified copies of the database file, made with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from kinerja_desktop.data.private_files import create_private_file, make_private_folder
from kinerja_desktop.data.sqlite_files import leave_no_sidecars, read_only_uri
from kinerja_desktop.domain.backup_rotation import BackupKind, unused_name

#: Automatic and safety backups live in this folder beside the database.
BACKUP_FOLDER = "backups"
#: A copy is written under its name plus this, and renamed once checked and synced.
PART_SUFFIX = ".part"
#: A restore copies the backup to this name plus the safety backup's name, in ``backups/``.
RESTORE_STAGING_PREFIX = ".pemulihan-"


class BackupError(Exception):
    """The copy could not be made or did not pass its check; the source is untouched."""


def create_verified_backup(source: Path, destination: Path, *, thorough: bool = True) -> Path:
    """Copy ``source`` to ``destination`` so that the copy is whole or absent.

    The copy is written to a temporary file beside the destination, checked with
    ``PRAGMA integrity_check`` (``quick_check`` when not ``thorough``: the daily automatic
    backup, fully checked once a week), synced to disk, then renamed into place. It reads
    ``source`` through its own read-only connection, which in WAL mode never blocks a save.
    """
    check = "integrity_check" if thorough else "quick_check"
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + PART_SUFFIX)
    temporary.unlink(missing_ok=True)
    try:
        create_private_file(temporary)  # a backup is as private as the database
        with (
            leave_no_sidecars(source),
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            verdict = dst.execute(f"PRAGMA {check}").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"{check} of the copy: {verdict}")
            # A backup should be a single self-contained file, whatever the source's mode.
            dst.execute("PRAGMA journal_mode=DELETE")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
        fsync_directory(destination.parent)
    except (sqlite3.Error, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    return destination


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows has no directory handles for this."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems (FAT sticks, network shares) cannot sync a folder
    finally:
        os.close(descriptor)


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def restore_staging(safety_backup: Path) -> Path:
    """Where a restore checks (and upgrades) its copy of the backup before swapping it in."""
    return safety_backup.with_name(f"{RESTORE_STAGING_PREFIX}{safety_backup.stem}.sqlite")


def backup_before(
    database: Path, kind: BackupKind, now: datetime | None = None, *, thorough: bool = True
) -> Path:
    """Take a verified backup of ``database`` into its backups folder, named for ``kind``."""
    folder = backup_folder(database)
    make_private_folder(folder)
    taken = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    name = unused_name(database.stem, kind, now or datetime.now(), taken)
    return create_verified_backup(database, folder / name.file_name, thorough=thorough)


def restore_into(engine: Engine, source: Path) -> None:
    """Replace the whole content of the open database with ``source``, in one transaction.

    SQLite's backup API writes every page into the live file through its own journal, so the
    database is either the old one or the new one, even if the power fails midway; the other
    connections of ``engine`` see the new content at their next transaction. ``source`` must
    already be a checked copy at the app's schema version.

    Raises:
        BackupError: the copy failed or the result did not pass its check (the old content
            stays in that case).
    """
    try:
        with (
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            engine.connect() as connection,
        ):
            target = connection.connection.driver_connection
            assert isinstance(target, sqlite3.Connection)
            src.backup(target)
            verdict = target.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"integrity_check after the restore: {verdict}")
    except sqlite3.Error as error:
        raise BackupError(str(error)) from error


def count_rows(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Count the rows of ``tables`` in the file at ``path``, read-only; a missing table is 0."""
    with (
        leave_no_sidecars(path),
        closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection,
    ):
        present = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if table in present
            else 0
            for table in tables
        }
