"""Writing .xlsx workbooks that office users open in Excel or LibreOffice: shared cell habits.

Text stays text (never evaluated as a formula), tables get a bold filled header, a filter and
landscape printing, and a workbook is saved beside its target and then moved over it, so a
failed save never leaves half a file. The file is owner-only (0600), like the database: it holds
the same appraisals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from kinerja_desktop.data.whole_files import replace_whole
from kinerja_desktop.domain.errors import ValidationError

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
    try:
        replace_whole(target, workbook.save)
    except OSError as error:
        hint = " Mungkin berkas itu sedang dibuka; tutup dulu lalu coba lagi."
        raise ValidationError(
            f"Berkas '{target.name}' tidak dapat disimpan ({error.strerror or error})."
            + (hint if isinstance(error, PermissionError) else "")
        ) from None


# --- write-only sheets -------------------------------------------------------------------------
# A sheet of thousands of rows is written several times faster by a write-only workbook
# (``Workbook(write_only=True)``), which streams rows instead of keeping styled cells: the
# helpers below keep the same habits there (text stays text, the same header).


def streamed_cell(
    sheet: Any, value: object, *, number_format: str | None = None, wrap: bool = False
) -> Any:
    """A cell for ``sheet.append`` on a write-only sheet; text always stays text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    if isinstance(value, str) and value:
        cell.value = _ILLEGAL.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value if value != "" else None
    if number_format is not None:
        cell.number_format = number_format
    if wrap:
        cell.alignment = _wrapped()
    return cell


@cache
def _wrapped() -> Any:
    """One alignment for every wrapped cell: building and comparing new ones costs most."""
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def streamed_header(sheet: Any, columns: Sequence[tuple[str, float]]) -> None:
    """Write (heading, width) pairs as the first row of a write-only sheet, frozen above the data.

    Call it before any other row: a write-only sheet takes its widths and panes before rows.
    """
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="DDE5F0")
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = []
    for heading, _ in columns:
        cell = streamed_cell(sheet, heading, wrap=True)
        cell.font = Font(bold=True)
        cell.fill = fill
        cells.append(cell)
    sheet.append(cells)
