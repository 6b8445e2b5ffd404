"""Read an SKP workbook's sheets as cell values, and cells as the text a spreadsheet shows."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.skp_records import format_decimal_id
from kinerja_desktop.services.platform.tabular import (
    XLSX_SUFFIXES,
    capped_rows,
    not_xlsx_error,
    open_workbook,
    read_file_bytes,
)
from kinerja_desktop.services.skp.xlsx.columns import EXACT_INTEGER


@dataclass(frozen=True)
class SheetData:
    """The cell values of one worksheet."""

    title: str
    #: (row number as the spreadsheet shows it, cell values from column A).
    rows: tuple[tuple[int, tuple[object, ...]], ...]


def load_sheets(path: Path) -> list[SheetData]:
    """Read every worksheet's values, or raise ValidationError naming the file."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValidationError(
            f"Berkas '{path.name}' berformat Excel lama (.xls) yang tidak didukung. "
            "Simpan ulang sebagai .xlsx."
        )
    if suffix not in XLSX_SUFFIXES:
        raise ValidationError(
            f"Berkas '{path.name}' tidak dapat diimpor sebagai SKP: jenisnya harus .xlsx."
        )
    data = read_file_bytes(path)
    workbook = open_workbook(path.name, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            return [_sheet_values(path.name, sheet) for sheet in workbook.worksheets]
    except ValidationError:
        raise
    except Exception:  # a damaged workbook can fail at any cell
        raise not_xlsx_error(path.name) from None
    finally:
        workbook.close()


@dataclass(frozen=True)
class _Percent:
    """A number cell shown as a percentage: typing "100%" stores 1 with a "0%" format."""

    shown: Decimal


def _sheet_values(name: str, sheet: Any) -> SheetData:
    return SheetData(
        title=str(sheet.title),
        rows=tuple(
            (line, tuple(_cell_value(cell) for cell in cells))
            for line, cells in capped_rows(name, sheet, values_only=False)
        ),
    )


def _cell_value(cell: Any) -> object:
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and "%" in str(cell.number_format or "")
    ):
        return _Percent(Decimal(repr(value)) * 100)
    return value


def cell_text(value: object) -> str:
    """A cell as the text a spreadsheet shows for it."""
    if value is None:
        return ""
    if isinstance(value, _Percent):
        return f"{format_decimal_id(value.shown)}%"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        whole = value.is_integer() and abs(value) < EXACT_INTEGER
        return str(int(value)) if whole else repr(value)
    if isinstance(value, datetime) and value.time() == time(0, 0):
        value = value.date()
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def number_text(value: object) -> str:
    """A target cell as text for :func:`parse_number`: a number cell exactly, "12,5"."""
    if isinstance(value, _Percent):
        return format_decimal_id(value.shown)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal_id(Decimal(value))
    if isinstance(value, float) and math.isfinite(value):
        return format_decimal_id(Decimal(repr(value)))
    return cell_text(value)
