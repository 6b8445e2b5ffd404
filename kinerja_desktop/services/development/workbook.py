"""The unit's training plan as an .xlsx workbook for the personnel office (BKPSDM).

Three sheets: "Rencana Pengembangan" (one row per plan item, the sheet the personnel office
merges into the agency's training plan), "Rekap Pegawai" (JP against the minimum, JPM, follow-up
per person) and "Kebutuhan Kompetensi" (which competences most need work). NIPs are text so no
spreadsheet turns them into 1.98503E+17.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.development import ItemStatus
from kinerja_desktop.services.development.unit import UnitDevelopment
from kinerja_desktop.services.platform.xlsx_writing import (
    finish_table,
    header_row,
    put_cell,
    save_workbook,
)

SHEET_PLAN = "Rencana Pengembangan"
SHEET_PEOPLE = "Rekap Pegawai"
SHEET_NEEDS = "Kebutuhan Kompetensi"

PLAN_COLUMNS = (
    ("No", 5),
    ("NIP", 21),
    ("Nama", 28),
    ("Jabatan", 28),
    ("Unit kerja", 26),
    ("Yang dikembangkan", 34),
    ("Kegiatan", 40),
    ("Jalur", 26),
    ("Klasikal/Nonklasikal", 14),
    ("Penyelenggara", 22),
    ("Mulai", 12),
    ("Selesai", 12),
    ("JP", 7),
    ("Status", 13),
    ("Hasil", 30),
)
PEOPLE_COLUMNS = (
    ("No", 5),
    ("NIP", 21),
    ("Nama", 28),
    ("Jabatan", 28),
    ("Unit kerja", 26),
    ("JPM (%)", 9),
    ("Kategori JPM", 16),
    ("Kompetensi di bawah standar", 12),
    ("JP selesai", 10),
    ("JP direncanakan", 12),
    ("Minimum JP", 10),
    ("Kekurangan JP", 12),
    ("Kegiatan", 10),
    ("Selesai", 9),
    ("Terlambat", 10),
    ("Perlu ditinjau", 10),
    ("Rencana terhenti", 10),
)
NEEDS_COLUMNS = (
    ("Kode", 9),
    ("Kompetensi", 34),
    ("Jenis", 16),
    ("Pegawai di bawah standar", 14),
    ("Jumlah kekurangan level", 14),
    ("Pegawai dinilai", 12),
)


def _number(value: Decimal) -> int | float:
    """JP as a number cell: whole numbers stay integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def _write_plan(sheet: Any, overview: UnitDevelopment) -> int:
    header_row(sheet, 1, PLAN_COLUMNS)
    row = 1
    for row, (line, entry) in enumerate(overview.items, start=2):
        item, person = entry.item, line.person
        values: tuple[object, ...] = (
            row - 1,
            person.nip,
            person.full_name,
            person.jabatan,
            line.unit_name,
            item.addresses,
            item.title,
            item.path.label,
            item.path.group.label,
            entry.provider,
            item.start,
            item.end,
            _number(item.jp),
            item.status.label + (" (terlambat)" if entry.overdue else ""),
            entry.outcome,
        )
        for column, value in enumerate(values, start=1):
            cell = put_cell(sheet, row, column, value)
            if column in (11, 12) and value is not None:
                cell.number_format = "DD/MM/YYYY"
    finish_table(sheet, 1, row, len(PLAN_COLUMNS))
    return row - 1


def _write_people(sheet: Any, overview: UnitDevelopment) -> None:
    header_row(sheet, 1, PEOPLE_COLUMNS)
    row = 1
    for row, line in enumerate(overview.people, start=2):
        person, plan = line.person, line.plan
        values: tuple[object, ...] = (
            row - 1,
            person.nip,
            person.full_name,
            person.jabatan,
            line.unit_name,
            float(line.jpm.percent) if line.jpm else None,
            line.jpm.label if line.jpm else "belum dinilai",
            line.below_standard,
            _number(plan.jp.done),
            _number(plan.jp.planned),
            _number(plan.minimum) if plan.minimum is not None else plan.minimum_text,
            _number(plan.shortfall) if plan.minimum is not None else "",
            len(plan.items),
            line.count(ItemStatus.SELESAI),
            line.overdue,
            line.to_review,
            "Ya" if plan.lapsed else "",
        )
        for column, value in enumerate(values, start=1):
            put_cell(sheet, row, column, value)
    finish_table(sheet, 1, row, len(PEOPLE_COLUMNS))


def _write_needs(sheet: Any, overview: UnitDevelopment) -> None:
    header_row(sheet, 1, NEEDS_COLUMNS)
    row = 1
    for row, need in enumerate(overview.needs, start=2):
        values: tuple[object, ...] = (
            need.competence.code,
            need.competence.name,
            need.competence.kind.label,
            need.people_below,
            need.levels_short,
            need.rated,
        )
        for column, value in enumerate(values, start=1):
            put_cell(sheet, row, column, value)
    finish_table(sheet, 1, row, len(NEEDS_COLUMNS))


def build_training_plan(overview: UnitDevelopment, made_on: str = "") -> Any:
    """The workbook of a unit view; ``made_on`` goes into its properties."""
    from openpyxl import Workbook

    workbook = Workbook()
    plan = workbook.active
    plan.title = SHEET_PLAN
    _write_plan(plan, overview)
    _write_people(workbook.create_sheet(SHEET_PEOPLE), overview)
    _write_needs(workbook.create_sheet(SHEET_NEEDS), overview)
    workbook.properties.title = (
        f"Rencana pengembangan kompetensi {overview.year} — {overview.scope}"
    )
    workbook.properties.creator = "Kinerja Desktop"
    if made_on:
        workbook.properties.description = f"Dibuat {made_on}"
    return workbook


def write_training_plan(overview: UnitDevelopment, target: Path, made_on: date) -> None:
    """Build and save the workbook (whole or not at all), saying it was made on ``made_on``.

    Raises:
        ValidationError: The file cannot be written (named in the message).
    """
    save_workbook(build_training_plan(overview, format_date_id(made_on)), target)
