"""Temporary files that a killed backup, restore or save left behind, removed at the next start.

Everything the app writes whole goes to a temporary name first and is renamed into place once
it is complete (``backup.py``: ``<name>.part`` and the restore's staging copy; the seal
anchor's and ``whole_files``' ``.<name>.<hex>.tmp``; the lock's ``<name>.lock.<pid>.tmp``; a
new office built as ``.<name>.baru-<hex>``). A process killed midway (power cut, Task Manager)
leaves that file, and nothing else ever removes it: a full-size database copy per killed
backup.

Only the process that holds the database's one-writer lock removes them, so no other copy of
the app is writing them; and only names that belong to this database (beside it, or its own
backups in ``backups/``), never another file's. The ``backup`` command reads without the lock
and may be writing a ``.part`` at this moment, so a file is removed only once nobody has
written to it for :data:`QUIET_BEFORE_REMOVAL`: a running backup writes its copy continuously.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from kinerja_desktop.data.backup import (
    PART_SUFFIX,
    RESTORE_STAGING_PREFIX,
    backup_folder,
    fsync_directory,
)
from kinerja_desktop.data.lock import LOCK_SUFFIX, DatabaseLock, lock_path
from kinerja_desktop.domain.backup_rotation import parse_backup_name
from kinerja_desktop.domain.errors import StorageError

#: A temporary file untouched this long belongs to no running writer. The longest quiet
#: stretch of a live backup is the integrity check of its copy: seconds for a large office.
QUIET_BEFORE_REMOVAL = timedelta(hours=1)
#: The mark of a new office under construction (``services.startup.create_office``).
BUILDING_MARK = ".baru-"
#: Files SQLite keeps beside a database while it is written.
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")
_HEX = "[0-9a-f]{8}"


def building_name(database: Path, token: str) -> Path:
    """Where a new office for ``database`` is built before it is renamed into place."""
    return database.with_name(f".{database.name}{BUILDING_MARK}{token}")


def rename_built_database(building: Path, path: Path) -> None:
    """Rename the closed, finished database ``building`` to ``path`` (replacing a file there).

    Its last connection must be closed by now; its emptied journal files are removed first,
    so none is read as the renamed file's.

    Raises:
        StorageError: its write-ahead log still holds content, or the rename failed;
            ``building`` is still there.
    """
    wal = building.with_name(building.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Closing the last connection folds the WAL into the file; without that, renaming the
        # file alone would lose the content.
        raise StorageError(f"Basis data baru belum tertulis utuh ({wal.name} masih berisi).")
    for suffix in SQLITE_SIDECARS:
        building.with_name(building.name + suffix).unlink(missing_ok=True)
    try:
        os.replace(building, path)
    except OSError as error:
        raise StorageError(
            f"Basis data baru tidak dapat diberi nama {path} ({error.strerror or error})."
        ) from error
    fsync_directory(path.parent)


def remove_database(path: Path) -> None:
    """Remove the database file ``path`` and its journal files, where there are any."""
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_SIDECARS)):
        leftover.unlink(missing_ok=True)


def _without_sidecar_suffix(name: str) -> str:
    for suffix in SQLITE_SIDECARS:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _left_beside(database: Path, name: str) -> bool:
    """Whether ``name``, in the database's folder, is one of its temporary files."""
    own = re.escape(database.name)
    base = _without_sidecar_suffix(name)
    return (
        base == database.name + PART_SUFFIX  # a restore in place of a moved-aside file
        or re.fullmatch(rf"\.{own}{re.escape(BUILDING_MARK)}{_HEX}", base) is not None
        or re.fullmatch(rf"\.{own}\..+\.{_HEX}\.tmp", name) is not None  # seal anchor, files
        or re.fullmatch(rf"{own}{re.escape(LOCK_SUFFIX)}\.\d+\.tmp", name) is not None
    )


def _left_in_backups(database: Path, name: str) -> bool:
    """Whether ``name``, in ``backups/``, is a temporary file of one of this database's backups."""
    base = _without_sidecar_suffix(name)
    staging = base.startswith(RESTORE_STAGING_PREFIX)
    if staging:
        base = base.removeprefix(RESTORE_STAGING_PREFIX)
    partial = base.endswith(PART_SUFFIX)
    parsed = parse_backup_name(base.removesuffix(PART_SUFFIX))
    return parsed is not None and parsed.stem == database.stem and (staging or partial)


def leftover_files(database: Path, now: datetime) -> tuple[Path, ...]:
    """This database's temporary files, beside it and in its backups folder, quiet long enough.

    Args:
        database: The database file.
        now: The present moment (tests inject it); files written after
            ``now - QUIET_BEFORE_REMOVAL`` may belong to a running writer and are left out.
    """
    found: list[Path] = []
    for folder, belongs in (
        (database.parent, _left_beside),
        (backup_folder(database), _left_in_backups),
    ):
        with contextlib.suppress(OSError):  # a folder that is missing or cannot be listed
            found.extend(
                path for path in folder.iterdir() if belongs(database, path.name) and path.is_file()
            )
    quiet_since = now - QUIET_BEFORE_REMOVAL
    return tuple(sorted(path for path in found if _last_written(path) <= quiet_since))


def _last_written(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return datetime.max  # gone or unreadable meanwhile: not ours to judge


def remove_leftovers(database: Path, lock: DatabaseLock, now: datetime) -> tuple[Path, ...]:
    """Remove the leftovers of :func:`leftover_files`; return the ones removed.

    ``lock`` is this process's hold on the database's one-writer lock: without it another
    copy of the app may be writing these files. A file that cannot be removed stays; it is
    only litter and must not stop the start.
    """
    if lock.path != lock_path(database):
        raise ValueError(f"{lock.path} is not the lock of {database}")
    removed = []
    for path in leftover_files(database, now):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return tuple(removed)
