"""The Rekap Pemda as an .xlsx workbook: one sheet per view, numbers as numbers.

"Progres per OPD" (people and, per stage, how many and what share), "Sebaran predikat" (people
per predikat and the check against the curve), "IKM" (each service unit's latest survey of the
year) and "Pengaduan & temuan" (open and overdue). Each sheet starts with a line naming the
period and the day, then a table with a filter; the progress and the complaints end with the
whole office's total.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.hub.recap import HubRecap, OpdRecap
from kinerja_desktop.services.platform.xlsx_writing import (
    finish_table,
    header_row,
    put_cell,
    save_workbook,
)

SHEET_PROGRESS = "Progres per OPD"
SHEET_SPREAD = "Sebaran predikat"
SHEET_IKM = "IKM"
SHEET_RECORDS = "Pengaduan & temuan"
#: The table's header row; the rows above say what the sheet is.
HEADER = 3
PERCENT = "0.0%"
NOT_IN_SCHEME = "Tidak ada pada skema instansi"

_FIRST = (("No", 5), ("Instansi", 26), ("OPD", 30))
PROGRESS_COLUMNS = (
    *_FIRST,
    ("Periode", 14),
    ("Pegawai", 9),
    *(column for stage in Stage for column in ((stage.heading, 11), (f"{stage.heading} (%)", 11))),
)
SPREAD_COLUMNS = (
    *_FIRST,
    ("Predikat organisasi", 16),
    *((predikat.label, 11) for predikat in Predikat),
    ("Berpredikat", 11),
    ("Belum berpredikat", 11),
    ("Sesuai kurva", 9),
    ("Keterangan", 26),
    ("Temuan sebaran", 60),
)
IKM_COLUMNS = (
    *_FIRST,
    ("Unit layanan", 34),
    ("Periode survei", 18),
    ("Responden", 11),
    ("IKM", 9),
    ("Mutu pelayanan", 18),
)
RECORDS_COLUMNS = (
    *_FIRST,
    ("Pengaduan terbuka", 12),
    ("Pengaduan terlambat", 12),
    ("Temuan terbuka", 12),
    ("Temuan terlambat", 12),
)


def write_recap(recap: HubRecap, target: Path) -> None:
    """Write ``recap`` to ``target`` (replaced whole, or left as it was on failure).

    Raises:
        ValidationError: The file cannot be written (open in a spreadsheet, no room); the
            message names it.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_PROGRESS
    _progress(sheet, recap)
    _spread(workbook.create_sheet(SHEET_SPREAD), recap)
    _ikm(workbook.create_sheet(SHEET_IKM), recap)
    _records(workbook.create_sheet(SHEET_RECORDS), recap)
    save_workbook(workbook, target)


def title(recap: HubRecap, what: str) -> str:
    """E.g. "Rekap Pemda — Progres per OPD, Triwulan III 2026 (per 28 November 2026)"."""
    return (
        f"Rekap Pemda — {what}, {recap.period_label} {recap.year} "
        f"(per {format_date_id(recap.today)})"
    )


def _start(sheet: Any, heading: str, columns: Sequence[tuple[str, float]]) -> None:
    put_cell(sheet, 1, 1, heading, bold=True, wrap=False)
    header_row(sheet, HEADER, columns)


def _put_row(sheet: Any, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        put_cell(sheet, row, column, value, bold=bold)


def _progress(sheet: Any, recap: HubRecap) -> None:
    _start(sheet, title(recap, SHEET_PROGRESS), PROGRESS_COLUMNS)
    row = HEADER
    for row, opd in enumerate(recap.opds, start=HEADER + 1):
        _put_row(sheet, row, _progress_values(row - HEADER, opd, opd.instansi_name))
    row += 1
    _put_row(sheet, row, _progress_values(None, recap.total, ""), bold=True)
    for line in range(HEADER + 1, row + 1):
        for column in range(7, len(PROGRESS_COLUMNS) + 1, 2):
            sheet.cell(row=line, column=column).number_format = PERCENT
    finish_table(sheet, HEADER, row, len(PROGRESS_COLUMNS))


def _progress_values(number: int | None, opd: OpdRecap, instansi: str) -> list[object]:
    if number is not None and opd.period is None:
        period: str = NOT_IN_SCHEME
    else:
        period = opd.period.label if opd.period is not None else ""
    values: list[object] = [number, instansi, opd.name, period, opd.people]
    for count in opd.stages:
        values += [count.done, count.share]
    return values


def _spread(sheet: Any, recap: HubRecap) -> None:
    _start(sheet, title(recap, SHEET_SPREAD), SPREAD_COLUMNS)
    row = HEADER
    for row, opd in enumerate(recap.opds, start=HEADER + 1):
        first: list[object] = [row - HEADER, opd.instansi_name, opd.name]
        spread = opd.distribution
        if spread is None:
            values = [*first, "", *([None] * (len(Predikat) + 3)), "Di luar unit yang Anda pimpin"]
        else:
            follows = spread.follows_curve
            values = [
                *first,
                spread.org.label if spread.org is not None else "",
                *(spread.counts[predikat] for predikat in Predikat),
                spread.total,
                spread.undecided,
                "" if follows is None else ("Ya" if follows else "Tidak"),
                spread.verdict,
                spread.findings_text,
            ]
        _put_row(sheet, row, values)
    finish_table(sheet, HEADER, row, len(SPREAD_COLUMNS))


def _ikm(sheet: Any, recap: HubRecap) -> None:
    heading = (
        f"Rekap Pemda — IKM unit layanan, survei terakhir tahun {recap.year} "
        f"(per {format_date_id(recap.today)})"
    )
    _start(sheet, heading, IKM_COLUMNS)
    row = HEADER
    for opd in recap.opds:
        for entry in opd.ikm:
            row += 1
            _put_row(
                sheet,
                row,
                [
                    row - HEADER,
                    opd.instansi_name,
                    opd.name,
                    entry.unit_label,
                    entry.survey.label,
                    entry.respondents,
                    float(entry.ikm) if entry.ikm is not None else None,
                    entry.grade.label if entry.grade is not None else "Belum dapat dihitung",
                ],
            )
            sheet.cell(row=row, column=7).number_format = "0.00"
    finish_table(sheet, HEADER, row, len(IKM_COLUMNS))


def _records(sheet: Any, recap: HubRecap) -> None:
    _start(sheet, title(recap, SHEET_RECORDS), RECORDS_COLUMNS)
    row = HEADER
    for row, opd in enumerate((*recap.opds, recap.total), start=HEADER + 1):
        total = opd is recap.total
        watch = opd.supervision
        _put_row(
            sheet,
            row,
            [
                None if total else row - HEADER,
                "" if total else opd.instansi_name,
                opd.name,
                watch.open_complaints,
                watch.overdue_complaints,
                watch.open_findings,
                watch.overdue_findings,
            ],
            bold=total,
        )
    finish_table(sheet, HEADER, row, len(RECORDS_COLUMNS))
