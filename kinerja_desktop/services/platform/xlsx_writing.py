"""Writing .xlsx workbooks that office users open in Excel or LibreOffice: shared cell habits.

Text stays text (never evaluated as a formula), tables get a bold filled header, a filter and
landscape printing, and a workbook is saved beside its target and then moved over it, so a
failed save never leaves half a file. The file is owner-only (0600), like the database: it holds
the same appraisals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from kinerja_desktop.data.whole_files import replace_whole
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.platform.xlsx_tables import Table, write_tables

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def put_cell(
    sheet: Any, row: int, column: int, value: object, *, bold: bool = False, wrap: bool = True
) -> Any:
    """Write one cell; text always stays text (never a formula: "=..." is not evaluated)."""
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str) and value:
        cell.value = _ILLEGAL.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value if value != "" else None
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def header_row(sheet: Any, row: int, columns: Sequence[tuple[str, float]]) -> None:
    """Write (heading, width) pairs as a filled bold header and freeze the rows above it."""
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="DDE5F0")
    for index, (heading, width) in enumerate(columns, start=1):
        cell = put_cell(sheet, row, index, heading, bold=True)
        cell.fill = fill
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def finish_table(sheet: Any, header: int, last_row: int, width: int) -> None:
    """Add a filter over the table and print it landscape, one page wide."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A{header}:{get_column_letter(width)}{max(header + 1, last_row)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def save_workbook(workbook: Any, target: Path) -> None:
    """Save beside the target, then move over it; raise ValidationError naming the file."""
    _save(target, workbook.save)


def save_tables(target: Path, tables: Sequence[Table]) -> None:
    """Write plain ``tables`` (``xlsx_tables``) as `save_workbook` saves a workbook."""
    _save(target, lambda stream: write_tables(stream, tables))


def _save(target: Path, write: Callable[[BinaryIO], object]) -> None:
    try:
        replace_whole(target, write)
    except OSError as error:
        hint = " Mungkin berkas itu sedang dibuka; tutup dulu lalu coba lagi."
        raise ValidationError(
            f"Berkas '{target.name}' tidak dapat disimpan ({error.strerror or error})."
            + (hint if isinstance(error, PermissionError) else "")
        ) from None
