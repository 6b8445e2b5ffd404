"""The import use cases: preview a staff list file, or apply it in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.tabular import Table, read_table
from kinerja_desktop.services.staff.importing.changes import compare
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


class StaffImportService:
    """Preview and apply a staff list file (see docs/import-format.md)."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def preview(self, path: Path) -> ImportPreview:
        """Read and check the whole file against the database; writes nothing.

        A file that cannot be read gives a preview with one file issue rather than an error.
        """
        self._access.require(Capability.IMPORT_STAFF)
        try:
            table = read_table(path)
        except ValidationError as error:
            issue = ImportIssue(None, None, error.message)
            return ImportPreview(file_name=path.name, rows=(), file_issues=(issue,))
        with self._db.reading() as session:
            return _Analysis(session, table).preview()

    def apply(self, path: Path, *, skip_invalid: bool, today: date | None = None) -> ImportResult:
        """Check the file again and write every valid row in one transaction.

        ``today`` dates the history the import records (a move between units); the real date
        unless given.

        Raises:
            ImportRefusedError: The file cannot be imported as it is now (the database may have
                changed since the preview); nothing was written.
        """
        self._access.require(Capability.IMPORT_STAFF)
        table = read_table(path)
        with self._db.transaction() as session:
            analysis = _Analysis(session, table)
            preview = analysis.preview()
            if not preview.importable(skip_invalid=skip_invalid):
                raise ImportRefusedError(preview, skip_invalid=skip_invalid)
            result = analysis.write(session, today or date.today())
            return replace(result, skipped_problems=tuple(preview.problem_lines()))


class _Analysis:
    """Checks a table against the rules and the database; can then write the valid rows."""

    def __init__(self, session: Session, table: Table) -> None:
        self._checked = Validation(session, table)
        for draft in self._checked.drafts:
            if draft.valid:
                compare(self._checked, draft)

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
            encoding=checked.table.encoding,
        )
