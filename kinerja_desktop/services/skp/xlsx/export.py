"""Write an SKP to an .xlsx workbook: the SKP, Lampiran, Ekspektasi and Rencana Aksi sheets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import Aspek, LampiranKind, Perspektif, SkpLayout
from kinerja_desktop.domain.skp_records import SkpView, format_decimal_id
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.platform.xlsx_writing import finish_table, header_row, put_cell
from kinerja_desktop.services.skp.plans import SkpPlanSet
from kinerja_desktop.services.skp.xlsx.columns import (
    ASPEK,
    EKSPEKTASI_COLUMNS,
    EXACT_INTEGER,
    JENIS,
    KIND_WORD,
    LAMPIRAN_COLUMNS,
    LOWER,
    PERSPEKTIF,
    PLAN_COLUMNS,
    PLAN_PERIOD,
    PLAN_SCALE,
    SHEET_EKSPEKTASI,
    SHEET_LAMPIRAN,
    SHEET_RENCANA_AKSI,
    SHEET_SKP,
    SheetColumn,
    skp_columns,
)

#: Extra empty rows that still get the drop-down lists, for rows a user adds.
_SPARE_ROWS = 200


def build_workbook(view: SkpView, person: Employee, plans: SkpPlanSet | None = None) -> Any:
    """Return an openpyxl workbook of the SKP's sheets, not yet saved.

    A fourth sheet, "Rencana Aksi", is written when the SKP has rencana aksi or period targets.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "Kinerja Desktop"
    workbook.properties.title = f"SKP {view.year} {person.full_name}"
    _write_skp_sheet(workbook.active, view, person)
    _write_lampiran_sheet(workbook.create_sheet(SHEET_LAMPIRAN), view)
    _write_ekspektasi_sheet(workbook.create_sheet(SHEET_EKSPEKTASI), view)
    if plans is not None and (plans.stored.rencana_aksi or plans.stored.targets):
        _write_plans_sheet(workbook.create_sheet(SHEET_RENCANA_AKSI), view, plans)
    return workbook


def _header_row(sheet: Any, row: int, columns: Sequence[SheetColumn]) -> None:
    header_row(sheet, row, [(column.heading, column.width) for column in columns])


def _drop_down(sheet: Any, choices: Iterable[str], column: int, rows: tuple[int, int]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(column)
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"')
    validation.allow_blank = True
    sheet.add_data_validation(validation)
    validation.add(f"{letter}{rows[0]}:{letter}{rows[1]}")


def _write_skp_sheet(sheet: Any, view: SkpView, person: Employee) -> None:
    sheet.title = SHEET_SKP
    put_cell(sheet, 1, 1, "SASARAN KINERJA PEGAWAI", bold=True, wrap=False)
    status = view.status.label
    if view.agreed_on is not None:
        status += f" ({format_date_id(view.agreed_on)})"
    details = (
        ("Nama", person.full_name),
        ("NIP", person.nip_formatted),
        ("Jabatan", person.jabatan),
        ("Tahun", view.year),
        ("Periode", format_date_range_id(view.period_start, view.period_end)),
        ("Pendekatan", view.pendekatan.label),
        ("Status", status),
    )
    for offset, (label, value) in enumerate(details, start=2):
        put_cell(sheet, offset, 1, label, bold=True, wrap=False)
        cell = put_cell(sheet, offset, 2, value, wrap=False)
        if label == "NIP":
            cell.number_format = "@"
        elif label == "Tahun":
            cell.number_format = "0"
    header = len(details) + 3
    columns = skp_columns(view.layout)
    _header_row(sheet, header, columns)
    row = header
    for values in _skp_rows(view):
        row += 1
        for index, value in enumerate(values, start=1):
            put_cell(sheet, row, index, value)
    choice = [item.label for item in (Perspektif if view.layout is SkpLayout.JPT else Aspek)]
    spare = (header + 1, row + _SPARE_ROWS)
    _drop_down(sheet, KIND_WORD.values(), columns.index(JENIS) + 1, spare)
    choice_column = PERSPEKTIF if view.layout is SkpLayout.JPT else ASPEK
    _drop_down(sheet, choice, columns.index(choice_column) + 1, spare)
    _drop_down(sheet, ("Ya", "Tidak"), columns.index(LOWER) + 1, spare)
    finish_table(sheet, header, row, len(columns))


def _skp_rows(view: SkpView) -> Iterable[tuple[object, ...]]:
    number = 0
    for rhk in view.rhks:
        parent = rhk.parent_label if rhk.parent_rhk_id is not None else rhk.parent_text
        start = (KIND_WORD[rhk.kind], parent, rhk.text)
        if not rhk.indicators:
            number += 1
            yield (number, *start, None, None, None, None, None, None)
        for iki in rhk.indicators:
            number += 1
            choice = iki.perspektif if view.layout is SkpLayout.JPT else iki.aspek
            yield (
                number,
                *start,
                choice.label if choice else None,
                iki.indicator,
                None if iki.target is None else _number_cell(iki.target),
                iki.unit,
                iki.target_text,
                "Ya" if iki.lower_is_better else "Tidak",
            )


def _number_cell(value: Decimal) -> int | float | str:
    """The target as a spreadsheet number when that is exact, otherwise as text.

    Text keeps the digits a spreadsheet number would lose: "0,1234567890123456789".
    """
    if value == value.to_integral_value() and abs(value) < EXACT_INTEGER:
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return format_decimal_id(value)


def _write_lampiran_sheet(sheet: Any, view: SkpView) -> None:
    _header_row(sheet, 1, LAMPIRAN_COLUMNS)
    row = 1
    for kind in LampiranKind:
        for text in view.lampiran.get(kind, ()):
            row += 1
            put_cell(sheet, row, 1, kind.label)
            put_cell(sheet, row, 2, text)
    _drop_down(sheet, (kind.label for kind in LampiranKind), 1, (2, row + _SPARE_ROWS))
    finish_table(sheet, 1, row, len(LAMPIRAN_COLUMNS))


def _write_ekspektasi_sheet(sheet: Any, view: SkpView) -> None:
    _header_row(sheet, 1, EKSPEKTASI_COLUMNS)
    for row, value in enumerate(BehaviourValue, start=2):
        put_cell(sheet, row, 1, value.label)
        put_cell(sheet, row, 2, view.expectations.get(value, ""))
    finish_table(sheet, 1, len(BehaviourValue) + 1, len(EKSPEKTASI_COLUMNS))


def _write_plans_sheet(sheet: Any, view: SkpView, plans: SkpPlanSet) -> None:
    _header_row(sheet, 1, PLAN_COLUMNS)
    row = 1
    for values in _plan_rows(view, plans):
        row += 1
        for index, value in enumerate(values, start=1):
            put_cell(sheet, row, index, value)
    spare = (2, row + _SPARE_ROWS)
    _drop_down(sheet, (p.label for p in plans.periods), PLAN_COLUMNS.index(PLAN_PERIOD) + 1, spare)
    _drop_down(sheet, (s.label for s in TargetScale), PLAN_COLUMNS.index(PLAN_SCALE) + 1, spare)
    finish_table(sheet, 1, row, len(PLAN_COLUMNS))


def _plan_rows(view: SkpView, plans: SkpPlanSet) -> Iterable[tuple[object, ...]]:
    """One row per RHK, planned period and indicator; an RHK without indicators gets one."""
    stored = plans.stored
    used = {code for _, code in stored.rencana_aksi} | {code for _, code in stored.targets}
    known = [p for p in plans.periods if p.code in used]
    # A plan of a period the scheme no longer has is still written, under its own name.
    others = sorted(used - {p.code for p in known})
    labels = [(p.code, p.label) for p in known] + [(code, period_label(code)) for code in others]
    for number, rhk in enumerate(view.rhks, start=1):
        for code, label in labels:
            action = stored.rencana_aksi.get((rhk.id, code))
            targets = [stored.targets.get((iki.id, code)) for iki in rhk.indicators]
            if action is None and all(value is None for value in targets):
                continue
            start = (number, rhk.text, label, action.text if action else None)
            if not rhk.indicators:
                yield (*start, None, None, None, None, None)
            for index, (iki, value) in enumerate(zip(rhk.indicators, targets, strict=True), 1):
                yield (
                    *start,
                    index,
                    iki.indicator,
                    None if value is None else _number_cell(value),
                    iki.unit,
                    stored.scale(iki.id).label,
                )
