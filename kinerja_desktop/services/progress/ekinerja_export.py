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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import progress as progress_repo
from kinerja_desktop.data.repositories import progress_export as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.progress_export import ExportedEntry, ExportedPlan
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.periods import (
    FINAL_CODE,
    EvaluationScheme,
    period_label,
    periods_for_year,
)
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.xlsx_tables import Table, TableColumn
from kinerja_desktop.services.platform.xlsx_writing import save_tables

#: Long texts that wrap in their cells; the other columns stay one line.
_WRAPPED = frozenset({"rencana_aksi", "kegiatan", "bukti_dukung"})
_PLAN_WRAPPED = frozenset({"rhk", "rencana_aksi", "indikator"})
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
        spec["sheet"], _columns(spec), spec["date_format"], spec["time_format"]
    )


def plans_sheet() -> tuple[str, tuple[Column, ...]]:
    """The second sheet's name and columns (``reference/ekinerja_progress.json``, "plans")."""
    spec = load("ekinerja_progress")["plans"]
    return spec["sheet"], _columns(spec)


def _columns(spec: dict[str, Any]) -> tuple[Column, ...]:
    return tuple(Column(c["field"], c["heading"], float(c["width"])) for c in spec["columns"])


def plan_values(plan: ExportedPlan) -> dict[str, object]:
    """A rencana aksi row's cells by field name."""
    return {
        "nip": plan.nip,
        "nama": plan.name,
        "tahun": plan.year,
        "periode": period_label(plan.period_code),
        "rhk": plan.rhk_text,
        "rencana_aksi": plan.rencana_aksi_text,
        "indikator": plan.indicator,
        # A whole number stays whole ("3", not "3.0"); no period target leaves the cell empty.
        "target": None if plan.target is None else _number(plan.target),
        "satuan": plan.unit,
    }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def rencana_aksi_text(entry: ExportedEntry) -> str:
    """The text of the "Rencana Aksi" cell: the entry's rencana aksi, else its RHK."""
    return entry.rencana_aksi_text or entry.rhk_text


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
        plan_rows: Rencana aksi rows written on the second sheet (one per indicator).
    """

    path: Path
    scope: str
    start: date
    end: date
    people: int
    rows: int
    plan_rows: int = 0

    def summary(self) -> str:
        span = format_date_range_id(self.start, self.end)
        plans = f"{self.plan_rows} baris rencana aksi"
        if not self.rows:
            holds = f"{plans} saja" if self.plan_rows else "judul kolom saja"
            return (
                f"Tidak ada progres harian {self.scope} pada {span}; berkas {self.path.name} "
                f"berisi {holds}."
            )
        return (
            f"{self.rows} progres harian {self.scope} ({self.people} pegawai) pada {span} "
            f"ditulis ke {self.path}, dengan {plans} di lembar kedua. Urutan kolom mengikuti "
            "formulir Tambah Progres Harian e-Kinerja."
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
        scope, ids, found, _plans = self._read(
            start, end, employee_id=employee_id, unit_id=unit_id, with_plans=False
        )
        return scope, len(ids), found

    def write(
        self,
        target: Path,
        start: date,
        end: date,
        *,
        employee_id: int | None = None,
        unit_id: int | None = None,
    ) -> ProgressExportResult:
        """Write the workbook (whole or not at all; owner-only): the entries, then the plans.

        The second sheet holds the same people's rencana aksi of the periods the span falls in,
        with each indicator's period target, for entering them in e-Kinerja beside the entries.

        Raises:
            The same as `entries`; ValidationError when the file cannot be saved.
        """
        scope, ids, found, plans = self._read(
            start, end, employee_id=employee_id, unit_id=unit_id, with_plans=True
        )
        write_workbook(target, found, plans)
        return ProgressExportResult(target, scope, start, end, len(ids), len(found), len(plans))

    def _read(
        self,
        start: date,
        end: date,
        *,
        employee_id: int | None,
        unit_id: int | None,
        with_plans: bool,
    ) -> tuple[str, list[int], list[ExportedEntry], list[ExportedPlan]]:
        _check_span(start, end)
        if (employee_id is None) == (unit_id is None):
            raise ValidationError("Pilih satu pegawai atau satu unit kerja.", field="scope")
        with self._db.reading() as session:
            if employee_id is not None:
                person = staff_repo.find_employee(session, employee_id)
                if person is None:
                    raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
                self._access.require_person(session, employee_id, Action.VIEW)
                scope, ids = person.full_name, [employee_id]
            else:
                assert unit_id is not None
                units = staff_repo.all_units(session)
                unit = next((found for found in units if found.id == unit_id), None)
                if unit is None:
                    raise NotFoundError("Unit tidak ditemukan.")
                unit_ids = subtree(((found.id, found.parent_id) for found in units), unit.id)
                people = self._access.keep(
                    session, progress_repo.people_in_units(session, unit_ids), lambda p: p.id
                )
                scope, ids = unit.name, [person.id for person in people]
            found = repo.entries_of(session, ids, start, end)
            plans = repo.plans_of(session, ids, *_periods_within(start, end)) if with_plans else []
        return scope, ids, found, plans


def _periods_within(start: date, end: date) -> tuple[list[int], set[str]]:
    """The years of the span, and the codes of every scheme's periods that overlap it.

    A month's export lists the rencana aksi of the periods the month falls in (a triwulan, a
    semester or the month, whichever scheme the person's instansi uses): the codes of the
    schemes differ ("TW4", "S2", "M12"), so one set serves everyone.
    """
    years = list(range(start.year, end.year + 1))
    codes = {
        period.code
        for year in years
        for scheme in EvaluationScheme
        for period in periods_for_year(year, scheme)
        if period.code != FINAL_CODE and period.start <= end and period.end >= start
    }
    return years, codes


def _check_span(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.", field="start")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(
            "Rentang tanggal paling panjang satu tahun; ekspor per bulan atau per tahun.",
            field="start",
        )


def write_workbook(
    target: Path, entries: Sequence[ExportedEntry], plans: Sequence[ExportedPlan] = ()
) -> None:
    """Write the entries, then the rencana aksi, in the data file's column orders.

    The sheets are plain tables, written by ``xlsx_tables`` (SpreadsheetML directly, about
    twenty times faster than openpyxl's cell objects for a unit's month).
    """
    spec = progress_sheet()
    formats = {
        "nip": "@",  # typed over in Excel, a NIP stays text
        "tanggal": spec.date_format,
        "jam_mulai": spec.time_format,
        "jam_selesai": spec.time_format,
    }
    progress = Table(
        spec.name,
        [
            TableColumn(c.heading, c.width, formats.get(c.field), c.field in _WRAPPED)
            for c in spec.columns
        ],
        _rows(spec.columns, (row_values(entry) for entry in entries)),
    )
    name, columns = plans_sheet()
    planned = Table(
        name,
        [
            TableColumn(
                c.heading, c.width, "@" if c.field == "nip" else None, c.field in _PLAN_WRAPPED
            )
            for c in columns
        ],
        _rows(columns, (plan_values(plan) for plan in plans)),
    )
    save_tables(target, [progress, planned])


def _rows(columns: Sequence[Column], rows: Iterable[dict[str, object]]) -> Iterator[list[object]]:
    """Each row's cells in the columns' order (a field the row lacks is an empty cell)."""
    fields = [column.field for column in columns]
    for values in rows:
        yield [values.get(field) for field in fields]
