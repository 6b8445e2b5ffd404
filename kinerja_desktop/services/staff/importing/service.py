"""The import use cases: preview a staff list file, or apply it in one transaction.

Apply checks the file again inside its write transaction: the database may have changed since
the preview. What the checks of the file alone found (:func:`.parsing.parse_file`, most of the
work) is kept from the preview and used again when the file's bytes are the same (their SHA-256);
the checks against the database and between rows (known NIPs and penilai, units, duplicates,
penilai loops) always run again, on what the transaction reads.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.collector import collector_paused
from kinerja_desktop.services.platform.tabular import read_import_bytes, table_from_bytes
from kinerja_desktop.services.staff.importing.changes import compare
from kinerja_desktop.services.staff.importing.parsing import ParsedFile, parse_file
from kinerja_desktop.services.staff.importing.results import (
    ImportAction,
    ImportIssue,
    ImportPreview,
    ImportRefusedError,
    ImportResult,
    NewUnit,
    PreviewRow,
    UpdatedPerson,
)
from kinerja_desktop.services.staff.importing.validation import Validation
from kinerja_desktop.services.staff.importing.writer import Writer


@dataclass(frozen=True)
class _Kept:
    """The file-only checks of the last file previewed, by its path and the digest of its bytes."""

    path: Path
    digest: bytes
    parsed: ParsedFile


class StaffImportService:
    """Preview and apply a staff list file (see docs/import-format.md)."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access
        self._kept: _Kept | None = None
        self._lock = threading.Lock()

    def preview(self, path: Path) -> ImportPreview:
        """Read and check the whole file against the database; writes nothing.

        A file that cannot be read gives a preview with one file issue rather than an error.
        """
        self._access.require(Capability.IMPORT_STAFF)
        with collector_paused():
            try:
                parsed = self._parse(path, keep=True)
            except ValidationError as error:
                issue = ImportIssue(None, None, error.message)
                return ImportPreview(file_name=path.name, rows=(), file_issues=(issue,))
            with self._db.reading() as session:
                return _Analysis(session, parsed).preview()

    def apply(self, path: Path, *, skip_invalid: bool, today: date | None = None) -> ImportResult:
        """Check the file again and write every valid row in one transaction.

        The file-only checks of the preview are used again when the file's bytes have not
        changed since; the checks against the database run again in the transaction.
        ``today`` dates the history the import records (a move between units); the real date
        unless given.

        Raises:
            ImportRefusedError: The file cannot be imported as it is now (the database may have
                changed since the preview); nothing was written.
        """
        self._access.require(Capability.IMPORT_STAFF)
        day = today or date.today()
        with collector_paused():
            parsed = self._parse(path, keep=False)
            # On a server a conflict runs this again: it reads afresh and keeps nothing.
            work = functools.partial(_check_and_write, parsed, skip_invalid=skip_invalid, day=day)
            result = self._db.run(work)
        self.forget()  # written: a later import of the same file starts afresh
        return result

    def forget(self) -> None:
        """Drop what the last preview kept (tens of megabytes for a large list)."""
        with self._lock:
            self._kept = None

    def _parse(self, path: Path, *, keep: bool) -> ParsedFile:
        """The file-only checks of ``path``: kept from its preview when its bytes are the same.

        Raises:
            ValidationError: The file cannot be read (missing, empty, not CSV or XLSX).
        """
        data = read_import_bytes(path)
        digest = hashlib.sha256(data).digest()
        where = path.resolve()
        with self._lock:
            kept = self._kept
        if kept is not None and kept.path == where and kept.digest == digest:
            return kept.parsed
        parsed = parse_file(table_from_bytes(path, data))
        if keep:
            with self._lock:
                self._kept = _Kept(where, digest, parsed)
        return parsed


def _check_and_write(
    parsed: ParsedFile, session: Session, *, skip_invalid: bool, day: date
) -> ImportResult:
    """Check ``parsed`` against the database in ``session``'s transaction, then write it.

    Raises:
        ImportRefusedError: The rows cannot be imported as the database is now.
    """
    analysis = _Analysis(session, parsed)
    if not analysis.importable(skip_invalid=skip_invalid):
        raise ImportRefusedError(analysis.preview(), skip_invalid=skip_invalid)
    return analysis.write(session, day)


class _Analysis:
    """Checks a table against the rules and the database; can then write the valid rows."""

    def __init__(self, session: Session, parsed: ParsedFile) -> None:
        self._checked = Validation(session, parsed)
        for draft in self._checked.drafts:
            if draft.valid:
                compare(self._checked, draft)

    def importable(self, *, skip_invalid: bool) -> bool:
        """As :meth:`ImportPreview.importable`, without building the preview's rows."""
        checked = self._checked
        valid = sum(1 for draft in checked.drafts if draft.valid)
        if checked.file_issues or valid == 0:
            return False
        return skip_invalid or valid == len(checked.drafts)

    def _problem_lines(self) -> tuple[str, ...]:
        """As :meth:`ImportPreview.problem_lines`, without building the preview's rows."""
        issues = [*self._checked.file_issues]
        row_issues = (issue for draft in self._checked.drafts for issue in draft.issues)
        issues.extend(sorted(row_issues, key=lambda issue: issue.line or 0))
        return tuple(issue.text() for issue in issues)

    def preview(self) -> ImportPreview:
        checked = self._checked
        rows = tuple(
            PreviewRow(
                line=draft.line,
                nip=draft.nip or draft.nip_text,
                name=draft.fields.name if draft.fields else draft.name_text,
                unit=checked.units.path(draft.unit) if draft.unit is not None else "",
                action=draft.action,
                changes=draft.changes,
                issues=tuple(draft.issues),
            )
            for draft in checked.drafts
        )
        return ImportPreview(
            file_name=checked.table.name,
            rows=rows,
            file_issues=tuple(checked.file_issues),
            new_units=self._new_units(),
            encoding=checked.table.encoding,
        )

    def _new_units(self) -> tuple[NewUnit, ...]:
        created = self._checked.units.created
        return tuple(NewUnit(unit.path, unit.kind) for unit in created if unit.used)

    def write(self, session: Session, today: date) -> ImportResult:
        """Write every valid row: units, new people, updates, penilai links, history."""
        checked = self._checked
        writer = Writer(session, checked.table, checked.units, checked.existing, today)
        valid = [draft for draft in checked.drafts if draft.valid]
        writer.create_units()
        writer.insert_people([d for d in valid if d.action is ImportAction.NEW])
        updates = [d for d in valid if d.action is ImportAction.UPDATE]
        writer.update_people(updates)
        writer.link_new_penilai([d for d in valid if d.action is ImportAction.NEW])
        writer.record_events()
        skipped = [draft.line for draft in checked.drafts if not draft.valid]
        return ImportResult(
            file_name=checked.table.name,
            created=sum(1 for d in valid if d.action is ImportAction.NEW),
            updated=len(updates),
            unchanged=sum(1 for d in valid if d.action is ImportAction.UNCHANGED),
            skipped=len(skipped),
            new_units=self._new_units(),
            updates=tuple(
                UpdatedPerson(d.line, d.nip or "", d.name_text, d.changes) for d in updates
            ),
            skipped_lines=tuple(skipped),
            skipped_problems=self._problem_lines(),
            encoding=checked.table.encoding,
        )
