"""Move an office between a SQLite file and a PostgreSQL server database (``move``).

One call moves everything the database holds (``data.move.copy_office``) and proves the copy
before it counts: the row counts of every table, and the seal chain and every sealed record's
digest (``seals.verify_seals_in``) read on both sides inside the copy's transaction, so a copy
that differs is never committed. Around it, what a file needs:

- a SQLite source is locked (no one saves while it is read) and backed up first
  (``backups/<name>_sebelum-pindah_<stamp>.sqlite``); a server source is read in one snapshot,
  its backups are the server's (``pg_dump``);
- a SQLite target is built under a temporary name beside it and renamed into place only once
  whole and proven; a target file that held an office is backed up first and its seal anchor
  moved to the backups folder with it (the anchor belongs to the old records);
- a server target is migrated, emptied (``--replace``) and filled in one transaction.

Evidence files move too (``evidence_move``): from the folder beside a SQLite source
(``evidence/``) or a server's ``evidence_contents`` table, to the target's store, each checked
against its SHA-256; a file the records name but the source lacks is reported, not fatal.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from kinerja_desktop.data.backup import (
    BackupError,
    backup_before,
    backup_folder,
)
from kinerja_desktop.data.database import Database, make_read_only_engine, make_server_engine
from kinerja_desktop.data.leftovers import (
    SQLITE_SIDECARS,
    building_name,
    remove_database,
    rename_built_database,
)
from kinerja_desktop.data.migrate import SchemaState
from kinerja_desktop.data.move import (
    BATCH_ROWS,
    MoveRefusedError,
    Progress,
    TableCount,
    TargetNotEmptyError,
    copy_office,
    filled_tables,
    schema_problem,
    target_not_empty,
)
from kinerja_desktop.data.opening import inspect_file, open_database
from kinerja_desktop.data.repositories import seal_chain as seal_repo
from kinerja_desktop.data.server import is_server_url, server_url
from kinerja_desktop.data.sqlite_files import leave_no_sidecars
from kinerja_desktop.domain.backup_rotation import BackupKind
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.evidence_move import EvidenceMove, EvidenceMoved
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.platform.health import check_database
from kinerja_desktop.services.platform.seal_anchor import anchor_path
from kinerja_desktop.services.platform.seals import SealReport, SealService, verify_seals_in
from kinerja_desktop.services.platform.startup import take_lock

__all__ = ["MoveRefusedError", "MoveReport", "TargetNotEmptyError", "move_office", "shown"]

#: What a server database's ``Database.path`` is during a move: nothing beside it is used.
_NO_LOCAL_PATH = Path("server")
#: SQLite's files beside a database while it is open.


@dataclass(frozen=True)
class MoveReport:
    """What :func:`move_office` did; ``lines`` are ready to print (Indonesian)."""

    source: str
    target: str
    counts: tuple[TableCount, ...]
    seals: SealReport
    evidence: EvidenceMoved
    source_backup: Path | None
    target_backup: Path | None
    #: ``check`` of a SQLite target after the move (a server target has none).
    check_lines: tuple[str, ...]
    healthy: bool

    @property
    def lines(self) -> tuple[str, ...]:
        width = max((len(count.table) for count in self.counts), default=0)
        lines = [f"Pindah: {self.source} -> {self.target}"]
        if self.source_backup:
            lines.append(f"Sumber dicadangkan dulu ke {self.source_backup}")
        if self.target_backup:
            lines.append(f"Isi tujuan sebelumnya dicadangkan ke {self.target_backup}")
        lines.append("Jumlah baris per tabel (sumber -> tujuan):")
        lines.extend(
            f"  {count.table:<{width}}  {count.source:>7} -> {count.target:>7}"
            + ("" if count.matches else "  TIDAK SAMA")
            for count in self.counts
        )
        total = sum(count.target for count in self.counts)
        lines.append(f"Jumlah: {len(self.counts)} tabel, {total} baris, semuanya sama.")
        lines.append(
            f"Segel: {self.seals.entries} catatan audit, rantai utuh; {self.seals.checked} "
            "rekaman tersegel cocok dengan segelnya, sama dengan sumber."
        )
        lines.extend(self.evidence.lines)
        lines.extend(self.check_lines)
        lines.append(
            "Selesai." if self.healthy else "Pemeriksaan tujuan menemukan masalah (lihat di atas)."
        )
        return tuple(lines)


def shown(endpoint: str) -> str:
    """``endpoint`` as it may be printed: a server address never shows a password."""
    if is_server_url(endpoint):
        try:
            return make_url(endpoint).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):
            # whatever precedes the last "@" may hold a password
            return endpoint.rsplit("@", maxsplit=1)[-1]
    return endpoint


def move_office(
    source: str,
    target: str,
    *,
    replace: bool = False,
    now: datetime | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
) -> MoveReport:
    """Move the office at ``source`` to ``target`` (each a file path or ``postgresql://...``).

    Raises:
        MoveRefusedError: nothing was started (a source not at this app's revision or failing
            its seal check, a target that holds data without ``replace``, the same place
            twice); nothing changed.
        LockedError: another copy of the app is using a file.
        StorageError: the copy failed or differed; the target is as it was.
    """
    if _same_place(source, target):
        raise MoveRefusedError("Sumber dan tujuan sama: tidak ada yang dipindahkan.")
    with _opened_source(source, now) as (source_db, source_backup):
        if is_server_url(target):
            target_db = _server_database(target)
            try:
                counts, seals, evidence = _copy(source_db, target_db, replace, batch_rows, progress)
            finally:
                target_db.dispose()
            return MoveReport(
                shown(source), shown(target), counts, seals, evidence, source_backup, None, (), True
            )
        path = Path(target)
        counts, seals, evidence, target_backup = _move_into_file(
            source_db, path, replace=replace, now=now, batch_rows=batch_rows, progress=progress
        )
    check = check_database(path)
    return MoveReport(
        shown(source),
        str(path),
        counts,
        seals,
        evidence,
        source_backup,
        target_backup,
        check.lines,
        # Evidence the source lacked is reported above; the move itself is whole.
        check.records_whole,
    )


def _server_database(endpoint: str) -> Database:
    try:
        url = server_url(endpoint)
    except (ArgumentError, ValueError) as error:
        raise MoveRefusedError(
            f"Alamat server tidak dapat dibaca: {shown(endpoint)} ({error}). Contoh: "
            "postgresql://pengguna@host:5432/basisdata"
        ) from error
    return Database(_NO_LOCAL_PATH, make_server_engine(url))


def _same_place(source: str, target: str) -> bool:
    if is_server_url(source) or is_server_url(target):
        return shown(source) == shown(target)
    return Path(source).resolve() == Path(target).resolve()


@contextmanager
def _opened_source(source: str, now: datetime | None) -> Iterator[tuple[Database, Path | None]]:
    """The source to read, locked and backed up when it is a file."""
    if is_server_url(source):
        database = _server_database(source)
        try:
            yield database, None
        finally:
            database.dispose()
        return
    path = Path(source)
    _refuse_unfit_source(path)
    lock = take_lock(path)
    try:
        try:
            made = backup_before(path, BackupKind.SEBELUM_PINDAH, now)
        except BackupError as error:
            raise StorageError(
                f"Cadangan basis data sumber gagal dibuat ({error}); tidak ada yang dipindahkan."
            ) from error
        database = Database(path, make_read_only_engine(path), read_only=True)
        try:
            with leave_no_sidecars(path):
                _refuse_broken_anchor(database)
                yield database, made
        finally:
            database.dispose()
    finally:
        if lock is not None:
            lock.release()


def _refuse_unfit_source(path: Path) -> None:
    if not path.is_file():
        raise MoveRefusedError(f"Berkas basis data sumber tidak ada: {path}")
    health = inspect_file(path, thorough=True)
    if health.problem:
        raise MoveRefusedError(
            f"Berkas basis data sumber tidak dapat dipindahkan: {health.problem}"
        )
    problem = health.schema_state and schema_problem(health.schema_state, health.revision)
    if problem:
        raise MoveRefusedError(problem)


def _refuse_broken_anchor(database: Database) -> None:
    """A source file whose log no longer matches its signed anchor is dealt with first.

    The chain and the sealed records are compared inside the copy (``same_seals``); the
    anchor is the file's own, so it is looked at here, once.
    """
    found = SealService(database, AccessGuard.system(database)).anchor_check()
    if found.problem:
        raise MoveRefusedError(
            f"Catatan audit basis data sumber bermasalah: {found.message} Tangani dulu "
            "(kinerja-desktop check), lalu pindahkan."
        )


def _copy(
    source: Database,
    target: Database,
    replace: bool,
    batch_rows: int,
    progress: Progress | None,
) -> tuple[tuple[TableCount, ...], SealReport, EvidenceMoved]:
    reports: list[SealReport] = []
    # Each side's evidence store: the folder beside a file, or a server's table (None).
    evidence = EvidenceMove(
        None if source.server else evidence_folder(source.path),
        None if target.server else evidence_folder(target.path),
    )

    def same_seals(reading: Session, writing: Session) -> list[str]:
        before = verify_seals_in(reading)
        if before.problems:
            raise MoveRefusedError(
                "Catatan audit basis data sumber bermasalah: "
                + " ".join(before.problems)
                + " Tangani dulu (kinerja-desktop check), lalu pindahkan."
            )
        after = verify_seals_in(writing)
        reports.append(after)
        findings = list(after.problems)
        head_before, head_after = seal_repo.last_entry(reading), seal_repo.last_entry(writing)
        if (after.entries, after.checked) != (before.entries, before.checked) or (
            head_before != head_after
        ):
            findings.append(
                f"Segel tujuan tidak sama dengan sumber ({after.entries} catatan audit, "
                f"{after.checked} rekaman tersegel; sumber {before.entries} dan "
                f"{before.checked})."
            )
        return findings

    try:
        result = copy_office(
            source,
            target,
            replace=replace,
            batch_rows=batch_rows,
            progress=progress,
            final_check=same_seals,
            copy_apart=evidence,
        )
    except BaseException:
        evidence.undo()
        raise
    assert evidence.moved is not None
    return result.counts, reports[-1], evidence.moved


def _move_into_file(
    source: Database,
    path: Path,
    *,
    replace: bool,
    now: datetime | None,
    batch_rows: int,
    progress: Progress | None,
) -> tuple[tuple[TableCount, ...], SealReport, EvidenceMoved, Path | None]:
    """Build the office beside ``path``, prove it, back up what ``path`` held, rename it in."""
    held = _target_file_content(path)
    if held and not replace:
        raise TargetNotEmptyError(target_not_empty(held))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"Folder {path.parent} tidak dapat dibuat ({error.strerror or error})."
        ) from error
    lock = take_lock(path)
    building = building_name(path, secrets.token_hex(4))
    try:
        target = open_database(building, create=True)
        try:
            counts, seals, evidence = _copy(source, target, False, batch_rows, progress)
        finally:
            target.dispose()
        target_backup = _set_aside(path, now) if path.exists() else None
        _rename_into_place(building, path)
    except BaseException:
        remove_database(building)
        raise
    finally:
        if lock is not None:
            lock.release()
    return counts, seals, evidence, target_backup


def _target_file_content(path: Path) -> list[str]:
    """The tables holding rows in the file at ``path`` (none when it is absent or empty).

    Raises:
        MoveRefusedError: the file is damaged, not ours, or made by a newer app.
    """
    if not path.exists():
        return []
    health = inspect_file(path)
    if health.empty:
        return []
    if health.problem:
        raise MoveRefusedError(f"Berkas tujuan tidak dapat ditimpa: {health.problem}")
    if health.schema_state is SchemaState.EMPTY:
        return []
    database = Database(path, make_read_only_engine(path), read_only=True)
    try:
        with leave_no_sidecars(path), database.reading() as session:
            return filled_tables(session.connection())
    finally:
        database.dispose()


def _set_aside(path: Path, now: datetime | None) -> Path | None:
    """Back up the office ``path`` held, and move its seal anchor beside that backup."""
    if inspect_file(path).empty:
        return None
    try:
        made = backup_before(path, BackupKind.SEBELUM_PINDAH, now)
    except BackupError as error:
        raise StorageError(
            f"Cadangan berkas tujuan gagal dibuat ({error}); berkas tujuan tidak diubah."
        ) from error
    anchor = anchor_path(path)
    if anchor.exists():
        os.replace(anchor, backup_folder(path) / anchor_path(made).name)
    return made


def _rename_into_place(building: Path, path: Path) -> None:
    """Rename the closed, proven database over ``path``; neither keeps a journal by now."""
    if path.exists():
        # The old file's journal would be read as the new file's: fold it in first (the
        # backup already holds that content), then drop what is left of it.
        with contextlib.suppress(sqlite3.Error), closing(sqlite3.connect(path)) as old:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in SQLITE_SIDECARS:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    rename_built_database(building, path)
