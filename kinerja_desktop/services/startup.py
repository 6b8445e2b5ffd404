"""Open the office's database as its one writer: lock, open, daily backup.

The GUI and every command that writes go through here; read-only commands (``check``,
``backup``) do not take the lock, since SQLite lets them read beside a writer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from kinerja_desktop.data.lock import DatabaseLock, acquire_lock
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.recovery import damaged_file_advice

__all__ = ["DatabaseLock", "open_locked", "open_office", "take_lock"]


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
    path: Path, lock: DatabaseLock | None, *, create: bool = True, now: datetime | None = None
) -> AppServices:
    """Open ``path`` holding ``lock`` and take today's automatic backup if it is due.

    A failed automatic backup does not stop the app: it becomes a warning to show.

    Raises:
        StorageError: the file cannot be used (for a damaged file the message names the backup
            to restore); the lock is released.
    """
    existed = path.exists()
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
        try:
            services.backups.automatic_backup(now)
        except StorageError as error:
            services = replace(services, warnings=(*services.warnings, error.message))
        # SKPs agreed before the audit log existed get their baseline seal once, after the
        # backup.
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
