"""Backups and restores: automatic at start, to a chosen folder, and back with a preview.

Every backup is made with SQLite's backup API into a temporary file, checked, synced and
renamed into place (data.backup). The automatic ones live in ``backups/`` beside the database
and are thinned by domain.backup_rotation; a restore first backs up the current file.

A database on a PostgreSQL server has none of these: its backups are the server's job
(``pg_dump``), so every backup action says so (:mod:`.server_backup`) and a restore into it is
refused.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.data.backup import (
    BackupError,
    backup_before,
    backup_folder,
    count_rows,
    create_verified_backup,
    restore_into,
    restore_staging,
)
from kinerja_desktop.data.database import READ_ONLY_MESSAGE, Database
from kinerja_desktop.data.migrate import SchemaState
from kinerja_desktop.data.opening import inspect_file, migrate_file
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.backup_rotation import (
    BackupKind,
    automatic_backup_due,
    backups_to_keep,
    full_check_due,
    parse_backup_name,
    unused_name,
)
from kinerja_desktop.domain.changes import ALL_TOPICS
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ReadOnlyError, StorageError, ValidationError
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.seals import SealService
from kinerja_desktop.services.platform.server_backup import (
    ServerBackupAdvice,
    server_backup_advice,
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in the backups folder."""

    path: Path
    kind: BackupKind
    taken_at: datetime
    size: int


@dataclass(frozen=True)
class RestorePreview:
    """What a backup holds, shown before the user confirms a restore."""

    path: Path
    taken_at: datetime
    people: int
    skps: int
    predikats: int
    #: True when the backup was made by an older version; it is upgraded on the way in.
    older_schema: bool

    @property
    def when(self) -> str:
        return describe_moment(self.taken_at)

    def lines(self) -> tuple[str, ...]:
        lines = [
            f"Cadangan: {self.path.name}",
            f"Dibuat: {self.when}",
            f"Isi: {self.people} pegawai, {self.skps} SKP, {self.predikats} predikat kinerja",
        ]
        if self.older_schema:
            lines.append("Dibuat oleh versi aplikasi yang lebih lama; strukturnya akan diperbarui.")
        return tuple(lines)


@dataclass(frozen=True)
class RestoreResult:
    preview: RestorePreview
    #: The backup of the file as it was just before the restore.
    safety_backup: Path


def describe_moment(moment: datetime) -> str:
    return f"{format_date_id(moment.date())} pukul {moment:%H.%M}"


def backups_of(database: Path) -> tuple[BackupInfo, ...]:
    """The backups of ``database`` in its backups folder, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return ()
    found = []
    for path in folder.iterdir():
        name = parse_backup_name(path.name)
        if name is None or name.stem != database.stem or not path.is_file():
            continue
        found.append(BackupInfo(path, name.kind, name.taken_at, path.stat().st_size))
    return tuple(sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True))


def _taken_at(path: Path) -> datetime:
    name = parse_backup_name(path.name)
    return name.taken_at if name else datetime.fromtimestamp(path.stat().st_mtime)


def preview_backup(path: Path) -> RestorePreview:
    """Check a backup file fully and say what it holds.

    Raises:
        ValidationError: the file is missing, damaged, not ours, empty, or made by a newer
            version of the app (field ``backup``); nothing was changed.
    """
    health = inspect_file(path, thorough=True)
    if not health.healthy:
        raise ValidationError(
            f"Cadangan {path.name} tidak dapat dipulihkan: {health.problem}", field="backup"
        )
    if health.schema_state is SchemaState.EMPTY:
        raise ValidationError(
            f"Cadangan {path.name} tidak dapat dipulihkan: berkas ini kosong (tidak berisi data "
            "Kinerja Desktop).",
            field="backup",
        )
    counts = count_rows(path, ("employees", "skps", "predikat_decisions"))
    return RestorePreview(
        path=path,
        taken_at=_taken_at(path),
        people=counts["employees"],
        skps=counts["skps"],
        predikats=counts["predikat_decisions"],
        older_schema=health.schema_state is SchemaState.OLDER,
    )


def export_backup(database: Path, destination: Path, now: datetime | None = None) -> Path:
    """Write a checked backup of ``database`` to ``destination`` (a folder or a new file name).

    Raises:
        ValidationError: ``destination`` is an existing file (never overwritten).
        StorageError: the database cannot be read or the copy failed; no partial file is left.
    """
    if destination.is_dir():
        taken = [p.name for p in destination.iterdir()]
        name = unused_name(database.stem, BackupKind.MANUAL, now or datetime.now(), taken)
        destination = destination / name.file_name
    elif destination.exists():
        raise ValidationError(
            f"Berkas tujuan sudah ada: {destination}. Pilih nama lain; berkas itu tidak ditimpa.",
            field="destination",
        )
    health = inspect_file(database)
    if not health.healthy:
        raise StorageError(health.problem or "")
    try:
        return create_verified_backup(database, destination)
    except BackupError as error:
        raise StorageError(
            f"Cadangan ke {destination.parent} gagal dibuat ({error}). Periksa ruang kosong dan "
            "izin tulis di tujuan; basis data tidak diubah."
        ) from error


class BackupService:
    """Backups of the open database."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._database = database
        self._access = access

    @property
    def path(self) -> Path:
        return self._database.path

    @property
    def read_only(self) -> bool:
        return self._database.read_only

    @property
    def server(self) -> ServerBackupAdvice | None:
        """For a database on a server, how its server backs it up; None for a file."""
        if not self._database.server:
            return None
        return server_backup_advice(self._database.engine.url)

    def backups(self) -> tuple[BackupInfo, ...]:
        if self._database.server:
            return ()  # the server's backups are not files of ours
        return backups_of(self.path)

    def automatic_backup(self, now: datetime | None = None) -> Path | None:
        """Take today's automatic backup if there is none yet, then thin the old ones.

        The copy is checked with ``quick_check``, and with the full ``integrity_check`` when it
        is the week's first. It reads the file through its own connection, so the GUI runs it
        on a worker thread after the window is shown (``ui.application``) and saves go on.

        Returns the new backup, or None when one was already taken today or the database is
        on a server (whose backups are the server's job: nothing is taken).

        Raises:
            StorageError: the backup failed (the database is unchanged).
        """
        if self._database.server:
            return None
        moment = now or datetime.now()
        names = [n for n in (parse_backup_name(b.path.name) for b in self.backups()) if n]
        if not automatic_backup_due(names, moment):
            return None
        thorough = full_check_due(names, moment)
        try:
            made = backup_before(self.path, BackupKind.HARIAN, moment, thorough=thorough)
        except (BackupError, OSError) as error:  # OSError: the backups folder cannot be made
            raise StorageError(f"Cadangan otomatis harian gagal dibuat ({error}).") from error
        self.thin(moment)
        return made

    def thin(self, now: datetime | None = None) -> tuple[Path, ...]:
        """Delete the backups the rotation rule does not keep; return what was deleted."""
        every = {b.path: parse_backup_name(b.path.name) for b in self.backups()}
        keep = backups_to_keep([n for n in every.values() if n], now or datetime.now())
        removed = []
        for path, name in every.items():
            if name is not None and name not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return tuple(removed)

    def backup_to(self, destination: Path, now: datetime | None = None) -> Path:
        """The "Cadangkan ke..." action: a checked copy in a folder (a USB stick) or a new file.

        Raises:
            ValidationError: the database is on a server; the message names pg_dump.
        """
        self._access.require(Capability.EXPORT_DATA)
        if (server := self.server) is not None:
            raise ValidationError(server.backup_message(), field="db")
        return export_backup(self.path, destination, now)

    def preview(self, backup: Path) -> RestorePreview:
        return preview_backup(backup)

    def restore(self, backup: Path, now: datetime | None = None) -> RestoreResult:
        """Replace the database's content with ``backup``, after backing up the current file.

        The backup is checked fully first; one made by an older version is upgraded in a
        temporary copy. The content is then swapped in one SQLite transaction.

        Raises:
            ValidationError: the backup is damaged, not ours, empty or too new, or the
                database is on a server (restored by its own tools, never from a file).
            ReadOnlyError: the database was opened read-only.
            StorageError: the safety backup or the restore failed; the database is unchanged.
        """
        self._access.require(Capability.RESTORE_BACKUP)
        if (server := self.server) is not None:
            raise ValidationError(server.restore_refusal(), field="db")
        if self._database.read_only:
            raise ReadOnlyError(READ_ONLY_MESSAGE)
        preview = preview_backup(backup)
        try:
            safety = backup_before(self.path, BackupKind.SEBELUM_PEMULIHAN, now)
        except BackupError as error:
            raise StorageError(
                f"Cadangan berkas saat ini gagal dibuat ({error}), jadi pemulihan dibatalkan; "
                "basis data tidak diubah."
            ) from error
        staging = restore_staging(safety)
        try:
            create_verified_backup(backup, staging)
            if preview.older_schema:
                migrate_file(staging)
            restore_into(self._database.engine, staging)
        except (BackupError, StorageError) as error:
            raise StorageError(
                f"Pemulihan gagal ({getattr(error, 'message', error)}); basis data tidak diubah. "
                f"Cadangan berkas sebelum pemulihan: {safety.name}."
            ) from error
        finally:
            for leftover in (
                staging,
                *(staging.with_name(staging.name + s) for s in ("-wal", "-shm")),
            ):
                leftover.unlink(missing_ok=True)
        # The restored log is the log now: its head is signed into the seal anchor.
        SealService(self._database, self._access).accept_log()
        # The whole file was swapped outside any transaction: every screen reads again.
        self._database.announce(ALL_TOPICS)
        return RestoreResult(preview, safety)
