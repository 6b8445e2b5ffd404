"""A damaged database file at start: set it aside, never delete it, and offer the best backup.

The order follows Zotero and Anki (reliability §3.3, §3.4, T5): a quick check when the file is
opened; a damaged file is renamed to ``kinerja.sqlite.rusak-YYYYMMDD-HHMMSS`` with its journal
files; the newest backup in ``backups/`` that passes the full integrity check is offered with
its date; the chosen one is copied into place (checked, synced, renamed) and opened normally,
which upgrades it if an older version made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.data.backup import BackupError, create_verified_backup
from kinerja_desktop.data.damaged import move_aside
from kinerja_desktop.data.migrate import SchemaState
from kinerja_desktop.data.opening import inspect_file
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.platform.backup import BackupInfo, backups_of, describe_moment

_RESTORABLE = (SchemaState.CURRENT, SchemaState.OLDER)


@dataclass(frozen=True)
class DamagedFile:
    """A damaged database that was moved aside, and the backup to offer in its place."""

    original: Path
    aside: Path
    problem: str
    #: The newest backup that passed the full check, or None when there is none.
    backup: BackupInfo | None

    def message(self) -> str:
        lines = [
            f"Berkas basis data {self.original.name} rusak: {self.problem}",
            f"Berkas itu tidak dihapus; dipindahkan ke {self.aside.name}.",
        ]
        if self.backup is None:
            lines.append("Tidak ada cadangan yang baik di folder 'backups' di samping berkas.")
        else:
            lines.append(
                f"Cadangan terbaru yang baik: {self.backup.path.name} "
                f"({describe_moment(self.backup.taken_at)})."
            )
        return "\n".join(lines)


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup of ``database`` that passes the full integrity check and is ours."""
    for backup in backups_of(database):
        health = inspect_file(backup.path, thorough=True)
        if health.healthy and health.schema_state in _RESTORABLE:
            return backup
    return None


def set_aside_if_damaged(database: Path, now: datetime | None = None) -> DamagedFile | None:
    """Move ``database`` aside when it is damaged; None when it is missing or not damaged.

    A file that is merely not ours, made by a newer version, or unreadable for permissions is
    not damaged: it stays where it is and opening it gives its own message.

    Raises:
        StorageError: the file is damaged but could not be moved (a read-only folder).
    """
    health = inspect_file(database)
    if not health.exists or not health.damaged:
        return None
    try:
        aside = move_aside(database, now)
    except OSError as error:
        raise StorageError(
            f"{health.problem} Berkas tidak dapat dipindahkan ({error.strerror}); "
            "berkas tidak diubah."
        ) from error
    return DamagedFile(database, aside, health.problem or "", newest_good_backup(database))


def restore_in_place_of_missing(backup: Path, database: Path) -> None:
    """Copy ``backup`` to ``database`` (which must not exist), checked, synced and renamed.

    Raises:
        StorageError: the copy failed; ``database`` still does not exist.
    """
    if database.exists():
        raise StorageError(
            f"Berkas {database.name} sudah ada; pemulihan ini hanya untuk berkas "
            "yang sudah dipindahkan."
        )
    try:
        create_verified_backup(backup, database)
    except BackupError as error:
        raise StorageError(f"Pemulihan dari {backup.name} gagal ({error}).") from error


def damaged_file_advice(database: Path) -> str | None:
    """For the command line: what to do about a damaged file, naming the backup to restore."""
    health = inspect_file(database)
    if not health.damaged:
        return None
    backup = newest_good_backup(database)
    if backup is None:
        return "Tidak ada cadangan yang baik di folder 'backups' di samping berkas ini."
    return (
        f"Cadangan terbaru yang baik: {backup.path} ({describe_moment(backup.taken_at)}). "
        f"Pulihkan dengan: kinerja-desktop restore --db {database} --from {backup.path}"
    )
