"""The hub's unattended intake: every package in a folder, taken in order, one by one.

``HubIntakeService.receive(folder)`` reads the signed manifest of every ``*.zip`` in the folder,
takes the packages in the order of sender, scope and number, each in a transaction of its own
(``HandoverService.apply(..., unattended=True)``: a refused one changes nothing, the others go
on), and moves each file into ``diterima/`` or ``ditolak/`` beside them (never deleting one; a
name already there gets a number). The unit is the source of its own records, so a record that
differs is taken from the package, except where that would change what is sealed here or an
approved progress entry: those stay ours and are reported "perlu diputuskan". One safety backup
is taken before the first write on SQLite (none on a server). Running it again on the same
packages changes nothing: each is "sudah diterima".
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path

from kinerja_desktop.data.database import WriteConflictError
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_numbering import scope_key
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.handover import HandoverService, ImportResult
from kinerja_desktop.services.handover.package import Manifest, read_manifest

log = logging.getLogger(__name__)

ACCEPTED_FOLDER = "diterima"
REFUSED_FOLDER = "ditolak"


class Outcome(StrEnum):
    """What became of one package, as the report says it."""

    TAKEN = "diterima"
    UNDECIDED = "diterima, perlu diputuskan"
    ALREADY = "sudah diterima"
    REFUSED = "ditolak"
    #: Not looked at: the intake stopped before it (the database could not be written).
    LEFT = "tidak diproses"


@dataclass(frozen=True)
class IntakeLine:
    """One package of the folder and what became of it."""

    #: The package's scope in words ("Kecamatan Kertapati, tahun 2026"); "—" if unreadable.
    unit: str
    file: str
    #: The package's number; None when unnumbered or unreadable.
    sequence: int | None
    outcome: Outcome
    added: int = 0
    replaced: int = 0
    kept: int = 0
    #: Records kept as ours for a person to decide (sealed here, or approved here).
    conflicts: int = 0
    #: Why it was refused, or what is left to decide, in Indonesian.
    reason: str = ""
    #: Where the file is now (None when it could not be moved, or was not looked at).
    moved_to: Path | None = None


@dataclass(frozen=True)
class IntakeReport:
    folder: Path
    lines: tuple[IntakeLine, ...]
    #: The one safety backup taken before the first write (None: nothing written, or a
    #: server database, whose backups are the server's).
    safety_backup: Path | None = None
    #: Why the intake stopped early (the database could not be written); None when it ran.
    stopped: str | None = None

    def count(self, *outcomes: Outcome) -> int:
        return sum(line.outcome in outcomes for line in self.lines)

    def summary_lines(self) -> list[str]:
        """The summary the command prints: totals, then one line per package."""
        taken = self.count(Outcome.TAKEN, Outcome.UNDECIDED)
        lines = [
            f"{len(self.lines)} paket di {self.folder}: {taken} diterima "
            f"({self.count(Outcome.UNDECIDED)} dengan catatan yang perlu diputuskan), "
            f"{self.count(Outcome.ALREADY)} sudah diterima sebelumnya, "
            f"{self.count(Outcome.REFUSED)} ditolak."
        ]
        for line in self.lines:
            number = f" nomor {line.sequence}" if line.sequence is not None else ""
            counts = (
                f": {line.added} ditambah, {line.replaced} diganti, {line.kept} dipertahankan, "
                f"{line.conflicts} perlu diputuskan"
                if line.outcome in (Outcome.TAKEN, Outcome.UNDECIDED)
                else ""
            )
            reason = f" ({line.reason})" if line.reason else ""
            lines.append(f"- {line.unit}, {line.file}{number}: {line.outcome}{counts}{reason}")
        if self.safety_backup is not None:
            lines.append(f"Basis data sebelum penerimaan dicadangkan ke {self.safety_backup}.")
        if self.stopped:
            lines.append(f"Penerimaan dihentikan: {self.stopped}")
        return lines


@dataclass(frozen=True)
class _Found:
    path: Path
    manifest: Manifest | None
    problem: str = ""

    def order(self) -> tuple[str, str, int, str, str]:
        manifest = self.manifest
        if manifest is None:
            return ("", "", 0, "", self.path.name)
        return (
            manifest.fingerprint,
            scope_key(manifest.scope_unit, manifest.scope_year),
            manifest.sequence or 0,
            manifest.exported_at,
            self.path.name,
        )


class _OnceBackup:
    """The intake's one safety backup: taken at the first write, then handed out again."""

    def __init__(self, handover: HandoverService, now: datetime | None) -> None:
        self._handover = handover
        self._now = now
        self.taken: Path | None = None
        self._done = False

    def __call__(self) -> Path | None:
        if not self._done:
            self.taken = self._handover.take_safety_backup(self._now)
            self._done = True
            return self.taken
        return None


class HubIntakeService:
    def __init__(self, handover: HandoverService, access: AccessGuard) -> None:
        self._handover = handover
        self._access = access

    def receive(self, folder: Path, *, now: datetime | None = None) -> IntakeReport:
        """Take every package in ``folder``, in order, and move each file where it belongs.

        Args:
            folder: The receive folder; its ``*.zip`` files (not those in sub-folders).
            now: The moment noted in the received ledger and the backup's name.

        Raises:
            ValidationError: the folder does not exist, is not a folder, or cannot be read
                (field ``folder``); nothing was written.
        """
        self._access.require(Capability.IMPORT_PACKAGE)
        found = sorted(
            (_look_at(path) for path in _packages_in(folder)), key=lambda item: item.order()
        )
        # Unreadable ones last: they never change anything.
        found.sort(key=lambda item: item.manifest is None)
        backup = _OnceBackup(self._handover, now)
        lines: list[IntakeLine] = []
        stopped: str | None = None
        for item in found:
            if stopped is not None:
                lines.append(_left(item))
                continue
            try:
                line = self._take(item, backup, now)
            except StorageError as error:
                stopped = error.message
                lines.append(_left(item))
                continue
            except Exception as error:  # unattended: no traceback, the file stays for a look
                log.exception("the intake stopped at %s", item.path)
                stopped = (
                    f"Kesalahan tak terduga pada paket '{item.path.name}' ({error}); paket itu "
                    "dan sesudahnya tetap di folder."
                )
                lines.append(_left(item))
                continue
            lines.append(_moved(line, folder, item.path))
        return IntakeReport(folder, tuple(lines), backup.taken, stopped)

    def _take(self, item: _Found, backup: _OnceBackup, now: datetime | None) -> IntakeLine:
        manifest = item.manifest
        if manifest is None:
            return IntakeLine("—", item.path.name, None, Outcome.REFUSED, reason=item.problem)
        unit, number = manifest.scope_text(), manifest.sequence
        if self._handover.taken_before(item.path):
            # Known by its SHA-256: not read and checked whole again.
            return IntakeLine(unit, item.path.name, number, Outcome.ALREADY)
        try:
            result = self._apply(item.path, backup, now)
        except StorageError:
            raise
        except DomainError as error:
            return IntakeLine(unit, item.path.name, number, Outcome.REFUSED, reason=error.message)
        if result.already_received:
            return IntakeLine(unit, item.path.name, number, Outcome.ALREADY)
        return IntakeLine(
            unit,
            item.path.name,
            number,
            Outcome.UNDECIDED if result.undecided else Outcome.TAKEN,
            added=result.added,
            replaced=result.replaced,
            kept=result.kept,
            conflicts=len(result.undecided),
            reason="; ".join(result.undecided),
        )

    def _apply(self, path: Path, backup: _OnceBackup, now: datetime | None) -> ImportResult:
        """Apply one package; on a server, once more after another user's write conflicted.

        Running it again is safe: the transaction left nothing, a server takes no backup, and
        evidence copies are content-addressed.
        """
        apply = partial(
            self._handover.apply,
            path,
            default=Choice.TAKE_THEIRS,
            unattended=True,
            safety_backup=backup,
            now=now,
        )
        try:
            return apply()
        except WriteConflictError:
            log.info("a package's import conflicted with another user's write; again")
        return apply()


def _packages_in(folder: Path) -> list[Path]:
    """The ``*.zip`` files directly in ``folder``, by name.

    Raises:
        ValidationError: the folder is missing, not a folder, or unreadable.
    """
    if not folder.exists():
        raise ValidationError(f"Folder penerimaan tidak ditemukan: {folder}.", field="folder")
    if not folder.is_dir():
        raise ValidationError(f"{folder} bukan folder.", field="folder")
    try:
        return sorted(
            path for path in folder.iterdir() if path.suffix.lower() == ".zip" and path.is_file()
        )
    except OSError as error:
        raise ValidationError(
            f"Folder {folder} tidak dapat dibaca ({error.strerror or error}).", field="folder"
        ) from None


def _look_at(path: Path) -> _Found:
    try:
        return _Found(path, read_manifest(path))
    except DomainError as error:
        return _Found(path, None, error.message)


def _left(item: _Found) -> IntakeLine:
    manifest = item.manifest
    return IntakeLine(
        manifest.scope_text() if manifest else "—",
        item.path.name,
        manifest.sequence if manifest else None,
        Outcome.LEFT,
        reason="penerimaan dihentikan sebelum paket ini; berkas tetap di folder",
    )


def _moved(line: IntakeLine, folder: Path, path: Path) -> IntakeLine:
    """Move the package into ``diterima/`` or ``ditolak/``; the line says where it went."""
    into = folder / (REFUSED_FOLDER if line.outcome is Outcome.REFUSED else ACCEPTED_FOLDER)
    try:
        into.mkdir(exist_ok=True)
        target = _free_name(into, path.name)
        # A hard link, then the old name removed: never replaces a file already there.
        try:
            os.link(path, target)
        except OSError:
            if target.exists():
                raise
            path.rename(target)  # a file system without hard links
        else:
            path.unlink()
    except OSError as error:
        note = f"berkas tidak dapat dipindahkan ({error.strerror or error}); tetap di folder"
        reason = f"{line.reason}; {note}" if line.reason else note
        return replace(line, reason=reason, moved_to=None)
    return replace(line, moved_to=target)


def _free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name-2.zip``, ``name-3.zip``... when it is taken."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate
