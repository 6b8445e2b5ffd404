"""The daily progress of a person or a unit as an XLSX in e-Kinerja's "Tambah Progres Harian" order.

One row per entry: NIP and Nama, then the form's fields in its order (Rencana Aksi, Tanggal
Kegiatan, Jam Mulai, Jam Selesai, Kegiatan Harian, Sumber Data, Realisasi, Satuan, Bukti
Dukung), then the entry's status here. The columns and their order are data
(``reference/ekinerja_progress.json``, "progress"): reference §11 rates the form's field list
[M], so a change there is a data change.

Cell types: the NIP is text (a number would lose its last digits); the day is a real date; the
times are real times shown "HH:MM", because a text "08.00" becomes the number 8 as soon as
someone edits the cell or saves the sheet as CSV, while a time stays a time, sorts and adds up;
the realisation is a whole number; the evidence is the link, or the stored file's original name
(the file itself stays in the office's evidence folder).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import progress as progress_repo
from kinerja_desktop.data.repositories import progress_export as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.progress_export import ExportedEntry
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.xlsx_writing import (
    finish_table,
    save_workbook,
    streamed_cell,
    streamed_header,
)

#: Long texts that wrap in their cells; the other columns stay one line (and write faster).
_WRAPPED = frozenset({"rencana_aksi", "kegiatan", "bukti_dukung"})
#: The longest span one export takes: a year and a day (a leap year's whole year fits).
MAX_DAYS = 367


@dataclass(frozen=True)
class Column:
    field: str
    heading: str
    width: float


@dataclass(frozen=True)
class ProgressSheetSpec:
    """The sheet's name, its columns in order, and how dates and times are shown."""

    name: str
    columns: tuple[Column, ...]
    date_format: str
    time_format: str


def progress_sheet() -> ProgressSheetSpec:
    """The sheet as ``reference/ekinerja_progress.json`` describes it."""
    spec = load("ekinerja_progress")["progress"]
    return ProgressSheetSpec(
        spec["sheet"],
        tuple(Column(c["field"], c["heading"], float(c["width"])) for c in spec["columns"]),
        spec["date_format"],
        spec["time_format"],
    )


def rencana_aksi_text(entry: ExportedEntry) -> str:
    """The text of the "Rencana Aksi" cell: the entry's rencana aksi, else its RHK.

    Entries point at an RHK today; once they can point at a rencana aksi of the triwulan, this
    is the one place to read its text first.
    """
    return entry.rhk_text


def evidence_text(entry: ExportedEntry) -> str:
    """The "Bukti Dukung" cell: the link, else the stored file's name, else ""."""
    return entry.evidence_link or entry.evidence_name


def row_values(entry: ExportedEntry) -> dict[str, object]:
    """An entry's cells by field name (the names of the data file)."""
    return {
        "nip": entry.nip,
        "nama": entry.name,
        "rencana_aksi": rencana_aksi_text(entry),
        "tanggal": entry.day,
        "jam_mulai": entry.start,
        "jam_selesai": entry.end,
        "kegiatan": entry.activity,
        "sumber_data": entry.data_source,
        "realisasi": entry.realisation,
        "satuan": entry.unit,
        "bukti_dukung": evidence_text(entry),
        "status": entry.status.label,
    }


@dataclass(frozen=True)
class ProgressExportResult:
    """What was written.

    Attributes:
        scope: Whose progress: the person's name, or the unit's.
        people: How many people the export covered (with or without entries).
        rows: Entries written.
    """

    path: Path
    scope: str
    start: date
    end: date
    people: int
    rows: int

    def summary(self) -> str:
        span = format_date_range_id(self.start, self.end)
        if not self.rows:
            return (
                f"Tidak ada progres harian {self.scope} pada {span}; berkas {self.path.name} "
                "berisi judul kolom saja."
            )
        return (
            f"{self.rows} progres harian {self.scope} ({self.people} pegawai) pada {span} "
            f"ditulis ke {self.path}. Urutan kolom mengikuti formulir Tambah Progres Harian "
            "e-Kinerja."
        )


class ProgressEkinerjaExport:
    """Writes a person's or a unit's daily progress for e-Kinerja; reads only."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def entries(
        self,
        start: date,
        end: date,
        *,
        employee_id: int | None = None,
        unit_id: int | None = None,
    ) -> tuple[str, int, list[ExportedEntry]]:
        """Whose progress, how many people, and their entries from ``start`` to ``end``.

        Exactly one of ``employee_id`` and ``unit_id``. A unit covers the active people of it
        and of the units below it whom the account may see (as the unit's month does).

        Raises:
            ValidationError: no or both scopes (field "scope"), or a span that is backwards or
                longer than a year (field "start").
            NotFoundError: the person or the unit does not exist.
            AccessDeniedError: the account may not see the person.
        """
        _check_span(start, end)
        if (employee_id is None) == (unit_id is None):
            raise ValidationError("Pilih satu pegawai atau satu unit kerja.", field="scope")
        with self._db.reading() as session:
            if employee_id is not None:
                person = staff_repo.find_employee(session, employee_id)
                if person is None:
                    raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
                self._access.require_person(session, employee_id, Action.VIEW)
                return person.full_name, 1, repo.entries_of(session, [employee_id], start, end)
            assert unit_id is not None
            units = staff_repo.all_units(session)
            unit = next((found for found in units if found.id == unit_id), None)
            if unit is None:
                raise NotFoundError("Unit tidak ditemukan.")
            unit_ids = subtree(((found.id, found.parent_id) for found in units), unit.id)
            people = self._access.keep(
                session, progress_repo.people_in_units(session, unit_ids), lambda p: p.id
            )
            ids = [person.id for person in people]
            return unit.name, len(ids), repo.entries_of(session, ids, start, end)

    def write(
        self,
        target: Path,
        start: date,
        end: date,
        *,
        employee_id: int | None = None,
        unit_id: int | None = None,
    ) -> ProgressExportResult:
        """Write the workbook (whole or not at all; owner-only).

        Raises:
            The same as `entries`; ValidationError when the file cannot be saved.
        """
        scope, people, found = self.entries(start, end, employee_id=employee_id, unit_id=unit_id)
        write_workbook(target, found)
        return ProgressExportResult(target, scope, start, end, people, len(found))


def _check_span(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.", field="start")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(
            "Rentang tanggal paling panjang satu tahun; ekspor per bulan atau per tahun.",
            field="start",
        )


def write_workbook(target: Path, entries: Sequence[ExportedEntry]) -> None:
    """Write one sheet of entries in the data file's column order (a write-only workbook)."""
    from openpyxl import Workbook

    spec = progress_sheet()
    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(spec.name)
    streamed_header(sheet, [(column.heading, column.width) for column in spec.columns])
    formats = {
        "nip": "@",  # typed over in Excel, a NIP stays text
        "tanggal": spec.date_format,
        "jam_mulai": spec.time_format,
        "jam_selesai": spec.time_format,
    }
    layout = [
        (column.field, formats.get(column.field), column.field in _WRAPPED)
        for column in spec.columns
    ]
    for entry in entries:
        values = row_values(entry)
        sheet.append(
            [
                streamed_cell(sheet, values.get(field, ""), number_format=shown, wrap=wrap)
                for field, shown, wrap in layout
            ]
        )
    finish_table(sheet, 1, len(entries) + 1, len(spec.columns))
    save_workbook(workbook, target)
