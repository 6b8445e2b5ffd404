"""Verified copies of the database file, made with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from kinerja_desktop.data.sqlite_files import leave_no_sidecars, read_only_uri


class BackupError(Exception):
    """The copy could not be made or did not pass its check; the source is untouched."""


def create_verified_backup(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` so that the copy is whole or absent.

    The copy is written to a temporary file beside the destination, checked with
    ``PRAGMA integrity_check``, synced to disk, then renamed into place.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        with (
            leave_no_sidecars(source),
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"integrity_check of the copy: {verdict}")
            # A backup should be a single self-contained file, whatever the source's mode.
            dst.execute("PRAGMA journal_mode=DELETE")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
    except (sqlite3.Error, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    return destination


def timestamped_name(stem: str, reason: str, now: datetime | None = None) -> str:
    """Return a backup file name such as ``kinerja_pre-migrate_20261128-093000.sqlite``."""
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{stem}_{reason}_{moment}.sqlite"
