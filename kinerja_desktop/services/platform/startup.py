"""Open the office's database as its one writer: lock, open, daily backup.

The GUI and every command that writes go through here; read-only commands (``check``,
``backup``) do not take the lock, since SQLite lets them read beside a writer.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from kinerja_desktop.data.leftovers import (
    building_name,
    remove_database,
    remove_leftovers,
    rename_built_database,
)
from kinerja_desktop.data.lock import DatabaseLock, acquire_lock
from kinerja_desktop.data.sqlite_files import replace_unwritable_shm
from kinerja_desktop.domain.errors import StorageError, ValidationError
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.platform.recovery import damaged_file_advice

__all__ = ["DatabaseLock", "create_office", "open_locked", "open_office", "take_lock"]

T = TypeVar("T")
#: SQLite's files beside a database while it is open.


def take_lock(path: Path, *, take_over: bool = False) -> DatabaseLock | None:
    """Take the one-writer lock of ``path``; None when its folder cannot be written.

    A folder nobody can write to holds no writer to guard against; the file then opens
    read-only.

    Raises:
        LockedError: another copy of the app holds it (``stale`` when it looks abandoned).
    """
    try:
        return acquire_lock(path, take_over=take_over)
    except PermissionError:
        return None


def open_locked(
    path: Path,
    lock: DatabaseLock | None,
    *,
    create: bool = True,
    now: datetime | None = None,
    daily_backup: bool = True,
) -> AppServices:
    """Open ``path`` holding ``lock`` and take today's automatic backup if it is due.

    The GUI passes ``daily_backup`` False and takes that backup itself, in the background once
    its window is shown (``ui.application``); a command takes it here, before it writes.

    Holding the lock, it first removes the temporary files a killed backup, restore or save
    left beside the file and in its backups folder (``data.leftovers``), and a ``-shm`` this
    process cannot write (SQLite rebuilds it from the ``-wal``). Without the lock (a folder
    nobody can write) the file opens read-only. A failed automatic
    backup does not stop the app: it becomes a warning to show.

    Raises:
        StorageError: the file cannot be used (for a damaged file the message names the backup
            to restore); the lock is released.
    """
    existed = path.exists()
    if lock is not None:
        remove_leftovers(path, lock, now or datetime.now())
        # A -shm left unwritable by another user or a crash would fail every save.
        replace_unwritable_shm(path)
    try:
        services = open_services(path, create=create, lock=lock)
    except StorageError as error:
        if lock is not None:
            lock.release()
        advice = damaged_file_advice(path) if path.exists() else None
        if advice:
            raise StorageError(f"{error.message}\n{advice}") from error
        raise
    if services.read_only:
        return services
    if existed:
        if daily_backup:
            try:
                services.backups.automatic_backup(now)
            except StorageError as error:
                services = replace(services, warnings=(*services.warnings, error.message))
        # SKPs agreed before the audit log existed get their baseline seal once (the file
        # before it is in the migration's backup, taken when that log was added).
        services.seals.seal_unlogged()
    # The log is checked against its signed anchor, which follows every commit from now on.
    anchor = services.seals.open_anchor()
    if anchor:
        services = replace(services, warnings=(*services.warnings, *anchor))
    return services


def open_office(
    path: Path, *, create: bool = True, take_over: bool = False, now: datetime | None = None
) -> AppServices:
    """Lock and open ``path`` (the command line's way in).

    Raises:
        LockedError: another copy of the app is using the file.
        StorageError: the file cannot be used.
    """
    return open_locked(path, take_lock(path, take_over=take_over), create=create, now=now)


def create_office(
    path: Path, fill: Callable[[AppServices], T], *, lock: DatabaseLock | None = None
) -> T:
    """Create a new office at ``path`` and fill it: the whole office, or no file at all.

    The database is built under a temporary name beside ``path`` while ``path``'s lock is
    held, and renamed to ``path`` only after ``fill`` returned and the file was closed. If
    anything fails (a refused package), the temporary file and its journals are removed, and
    so are the evidence folder and the parent folders if they were made for it.

    Args:
        path: Where the office goes; it must not exist yet.
        fill: Writes the office's content through the services it is given (an import).
        lock: ``path``'s lock when the caller holds it already (the GUI's first start); it
            stays held. Without it the lock is taken here and released at the end.

    Returns:
        What ``fill`` returned.

    Raises:
        ValidationError: ``path`` exists already (field ``db``).
        LockedError: another copy of the app holds ``path``'s lock.
        StorageError: the folder or the file cannot be written.
        Whatever ``fill`` raises; nothing is left behind.
    """
    if path.exists():
        raise ValidationError(f"Berkas basis data sudah ada: {path}.", field="db")
    made = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    evidence_was_there = evidence_folder(path).exists()
    building = building_name(path, secrets.token_hex(4))
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"Folder {path.parent} tidak dapat dibuat ({error.strerror or error})."
            ) from error
        held = lock if lock is not None else take_lock(path)
        try:
            services = open_services(building, create=True)
            try:
                value = fill(services)
            finally:
                services.close()
            _move_into_place(building, path)
        finally:
            if held is not None and held is not lock:
                held.release()
    except BaseException:
        remove_database(building)
        if not evidence_was_there:
            shutil.rmtree(evidence_folder(path), ignore_errors=True)
        for folder in made:  # deepest first; a folder someone else filled meanwhile stays
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return value


def _move_into_place(building: Path, path: Path) -> None:
    """Rename the closed, finished database to its name; its journals must be gone by now."""
    if path.exists():
        raise StorageError(f"Berkas basis data sudah ada: {path}; tidak ditimpa.")
    rename_built_database(building, path)
