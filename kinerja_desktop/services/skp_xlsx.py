"""Export an SKP to an Excel workbook and import one back (docs/skp-xlsx-format.md).

The workbook has three sheets: "SKP" (a short header block, then one row per indicator), "Lampiran"
and "Ekspektasi". Reading collects every problem of the file, each naming its sheet, the row as
the spreadsheet numbers it and the column as its heading is written, before anything is saved;
the values are then checked by the same rules as the editor (:func:`validate_skp`), whose cell
names (``rhk[0].iki[1].target``) are translated back to rows and columns. Importing replaces a
draft SKP's content through :meth:`SkpService.save`: one transaction, all or nothing.
"""

from __future__ import annotations

import io
import math
import os
import re
import secrets
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from kinerja_desktop.data.database import Database
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import RhkOption, SkpView, format_decimal_id
from kinerja_desktop.domain.staff import Employee, clean_text
from kinerja_desktop.services.skp_service import LOCKED_MESSAGE, SkpService
from kinerja_desktop.services.staff_service import StaffService
from kinerja_desktop.services.tabular import header_key

__all__ = [
    "EKSPEKTASI_COLUMNS",
    "LAMPIRAN_COLUMNS",
    "SHEET_EKSPEKTASI",
    "SHEET_LAMPIRAN",
    "SHEET_SKP",
    "SheetColumn",
    "SkpImportIssue",
    "SkpImportPreview",
    "SkpImportRefusedError",
    "SkpXlsxService",
    "read_skp_workbook",
    "skp_columns",
]

SHEET_SKP = "SKP"
SHEET_LAMPIRAN = "Lampiran"
SHEET_EKSPEKTASI = "Ekspektasi"
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
#: The table header of the "SKP" sheet is the first row with at least this many known headings.
_MIN_KNOWN_HEADINGS = 3
#: Extra empty rows that still get the drop-down lists, for rows a user adds.
_SPARE_ROWS = 200
#: Whole numbers up to this size are exact in a spreadsheet; larger targets are written as text.
_EXACT_INTEGER = 10**15
_CELL_NAME = re.compile(r"rhk\[(\d+)\]\.(?:iki\[(\d+)\]\.)?(\w+)")
#: "RHK 2, indikator 3: " in front of a rule's message; the row and column say it better.
_RULE_PLACE = re.compile(r"^RHK \d+(?:, indikator \d+)?(?:: | (?=\w))")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_E = TypeVar("_E")


# --- the layout ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetColumn:
    """One column of a sheet.

    Attributes:
        key: The internal name of the column.
        heading: The heading as exported and documented.
        aliases: Header keys (:func:`header_key`) accepted for it on import.
        required: An import file without it is refused.
        width: The exported column width, in characters.
    """

    key: str
    heading: str
    aliases: tuple[str, ...]
    required: bool = True
    width: float = 14


NO = SheetColumn("no", "No", ("no", "nomor", "nourut"), required=False, width=6)
JENIS = SheetColumn("jenis", "Jenis", ("jenis", "jenisrhk"), width=11)
PARENT = SheetColumn(
    "parent",
    "RHK Atasan yang Diintervensi",
    (
        "rhkatasanyangdiintervensi",
        "rhkatasan",
        "rhkpimpinanyangdiintervensi",
        "rencanahasilkerjaatasanyangdiintervensi",
        "rencanahasilkerjapimpinanyangdiintervensi",
        "rencanahasilkerjapimpinanatasanyangdiintervensi",
    ),
    width=42,
)
RHK = SheetColumn("rhk", "Rencana Hasil Kerja", ("rencanahasilkerja", "rhk"), width=42)
ASPEK = SheetColumn("aspek", "Aspek", ("aspek", "aspekperspektif"), width=12)
PERSPEKTIF = SheetColumn("perspektif", "Perspektif", ("perspektif", "aspekperspektif"), width=19)
IKI = SheetColumn(
    "iki",
    "Indikator Kinerja Individu",
    ("indikatorkinerjaindividu", "iki", "indikator", "indikatorkinerja"),
    width=42,
)
TARGET = SheetColumn("target", "Target", ("target", "targetangka"), width=10)
SATUAN = SheetColumn("satuan", "Satuan", ("satuan", "satuantarget"), width=13)
NARATIF = SheetColumn(
    "naratif",
    "Target Naratif",
    ("targetnaratif", "targetkualitatif"),
    required=False,
    width=30,
)
LOWER = SheetColumn(
    "lower",
    "Makin Kecil Makin Baik",
    ("makinkecilmakinbaik", "semakinkecilsemakinbaik"),
    required=False,
    width=12,
)

LAMPIRAN_COLUMNS = (
    SheetColumn("jenis", "Jenis", ("jenis", "jenislampiran"), width=28),
    SheetColumn("uraian", "Uraian", ("uraian", "isi"), width=90),
)
EKSPEKTASI_COLUMNS = (
    SheetColumn("nilai", "Nilai BerAKHLAK", ("nilaiberakhlak", "nilai", "nilaidasar"), width=26),
    SheetColumn(
        "ekspektasi",
        "Ekspektasi Khusus Pimpinan",
        ("ekspektasikhususpimpinan", "ekspektasikhusus", "ekspektasi"),
        width=90,
    ),
)


def skp_columns(layout: SkpLayout) -> tuple[SheetColumn, ...]:
    """Return the columns of the "SKP" sheet, left to right, for a layout."""
    choice = PERSPEKTIF if layout is SkpLayout.JPT else ASPEK
    return (NO, JENIS, PARENT, RHK, choice, IKI, TARGET, SATUAN, NARATIF, LOWER)


# Spellings, by header key (letters and digits only, lower case).
_JENIS_VALUES = {
    "utama": RhkKind.UTAMA,
    "autama": RhkKind.UTAMA,
    "rhkutama": RhkKind.UTAMA,
    "a": RhkKind.UTAMA,
    "tambahan": RhkKind.TAMBAHAN,
    "btambahan": RhkKind.TAMBAHAN,
    "rhktambahan": RhkKind.TAMBAHAN,
    "b": RhkKind.TAMBAHAN,
}
_ASPEK_VALUES = {header_key(aspek.label): aspek for aspek in Aspek}
_PERSPEKTIF_VALUES = {header_key(item.label): item for item in Perspektif}
_YES_NO = {
    "ya": True,
    "y": True,
    "true": True,
    "benar": True,
    "1": True,
    "": False,
    "tidak": False,
    "t": False,
    "false": False,
    "salah": False,
    "0": False,
}
_LAMPIRAN_VALUES = {header_key(kind.label): kind for kind in LampiranKind}
_VALUE_NAMES = {header_key(value.label): value for value in BehaviourValue}
_KIND_WORD = {RhkKind.UTAMA: "Utama", RhkKind.TAMBAHAN: "Tambahan"}


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkpImportIssue:
    """One problem of an import file; sheet, line and column are None when they do not apply.

    Attributes:
        sheet: The sheet's name.
        line: The row number as the spreadsheet shows it.
        column: The column heading as written in the file (or as documented when missing).
        message: What is wrong and what to do, in Indonesian.
    """

    sheet: str | None
    line: int | None
    column: str | None
    message: str

    def text(self) -> str:
        """One line: "Lembar 'SKP', baris 7, kolom 'Target': ..."."""
        where = []
        if self.sheet is not None:
            where.append(f"Lembar '{self.sheet}'")
        if self.line is not None:
            where.append(f"baris {self.line}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        if not where:
            return self.message
        place = ", ".join(where)
        return f"{place[0].upper()}{place[1:]}: {self.message}"


@dataclass(frozen=True)
class SkpImportPreview:
    """What an import file holds and every problem that stops it; nothing is written.

    Attributes:
        file_name: The file's name, for messages.
        draft: The content read (None when the file could not be read at all); it carries the
            ids of the RHK and indicators it keeps when it was read for a stored SKP.
        issues: Every problem, by sheet and row.
    """

    file_name: str
    draft: SkpDraft | None
    issues: tuple[SkpImportIssue, ...] = ()

    @property
    def valid(self) -> bool:
        return self.draft is not None and not self.issues

    @property
    def rhk_count(self) -> int:
        return len(self.draft.rhks) if self.draft else 0

    @property
    def indicator_count(self) -> int:
        return sum(len(rhk.indicators) for rhk in self.draft.rhks) if self.draft else 0

    def problem_lines(self) -> list[str]:
        return [issue.text() for issue in self.issues]


class SkpImportRefusedError(ValidationError):
    """The file cannot be imported as it is; nothing was written.

    ``message`` starts with the refusal and lists every problem, one a line; ``issues`` has
    them as data.
    """

    def __init__(self, preview: SkpImportPreview) -> None:
        self.issues = preview.issues
        count = len(preview.issues)
        lines = [
            f"Tidak ada yang disimpan: berkas '{preview.file_name}' belum dapat diimpor "
            f"({count} masalah). Perbaiki berkasnya lalu impor ulang.",
            *preview.problem_lines(),
        ]
        super().__init__("\n".join(lines))


# --- the service ---------------------------------------------------------------------------------


class SkpXlsxService:
    """Export an SKP to .xlsx and import one back into a draft SKP."""

    def __init__(self, database: Database) -> None:
        self._skp = SkpService(database)
        self._staff = StaffService(database)

    def export(self, skp_id: int, path: Path) -> Path:
        """Write the SKP (draft or agreed) to an .xlsx file and return the path written.

        ".xlsx" is added to a name without it. The file is written beside the target first and
        then moved over it, so a failed export never leaves half a file.

        Raises:
            NotFoundError: The SKP does not exist.
            ValidationError: The file cannot be written (the message says why).
        """
        view = self._skp.by_id(skp_id)
        person = self._staff.get(view.employee_id)
        target = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        _save(_build_workbook(view, person), target)
        return target

    def suggested_file_name(self, skp_id: int) -> str:
        """A file name for the export dialog: "SKP 2026 - Ahmad Fauzi.xlsx"."""
        view = self._skp.by_id(skp_id)
        name = re.sub(r'[\\/:*?"<>|]+', " ", self._staff.get(view.employee_id).name)
        return f"SKP {view.year} - {' '.join(name.split())}.xlsx"

    def read(
        self,
        path: Path,
        *,
        pendekatan: Pendekatan,
        layout: SkpLayout,
        parent_options: Sequence[RhkOption],
    ) -> SkpDraft:
        """Read an SKP workbook into a draft without ids (see :func:`read_skp_workbook`).

        Raises:
            SkpImportRefusedError: The file has problems; every one is listed.
        """
        preview = read_skp_workbook(
            path, pendekatan=pendekatan, layout=layout, parent_options=parent_options
        )
        if not preview.valid or preview.draft is None:
            raise SkpImportRefusedError(preview)
        return preview.draft

    def preview_import(self, skp_id: int, path: Path) -> SkpImportPreview:
        """Read a file for an SKP, against its layout and its Pejabat Penilai's RHK; no writes.

        The draft keeps the ids of the RHK whose Jenis and text are unchanged, and of their
        indicators whose wording is unchanged, so that their realisation records stay theirs.

        Raises:
            NotFoundError: The SKP does not exist.
        """
        view = self._skp.by_id(skp_id)
        preview = read_skp_workbook(
            path,
            pendekatan=view.pendekatan,
            layout=view.layout,
            parent_options=self._skp.supervisor_options(view.employee_id, view.year),
        )
        issues = preview.issues
        if view.locked:
            issues = (SkpImportIssue(None, None, None, LOCKED_MESSAGE), *issues)
        draft = _with_ids(preview.draft, view) if preview.draft is not None else None
        return replace(preview, draft=draft, issues=issues)

    def import_into(self, skp_id: int, version: int, path: Path) -> SkpView:
        """Replace a draft SKP's content with the file's, in one transaction.

        Raises:
            ValidationError: The SKP is agreed (``LOCKED_MESSAGE``), or saving breaks a rule
                checked against the database (a parent RHK gone, an RHK with realisation data
                would be deleted); nothing was saved.
            SkpImportRefusedError: The file has problems; every one is listed, nothing saved.
            StaleEditError: The SKP changed since ``version`` was read.
        """
        if self._skp.by_id(skp_id).locked:
            raise ValidationError(LOCKED_MESSAGE)
        preview = self.preview_import(skp_id, path)
        if not preview.valid or preview.draft is None:
            raise SkpImportRefusedError(preview)
        return self._skp.save(skp_id, version, preview.draft)


def _with_ids(draft: SkpDraft, current: SkpView) -> SkpDraft:
    free_rhks = list(current.rhks)
    rhks: list[RhkDraft] = []
    for rhk in draft.rhks:
        match = next(
            (old for old in free_rhks if old.kind is rhk.kind and old.text == clean_text(rhk.text)),
            None,
        )
        if match is None:
            rhks.append(rhk)
            continue
        free_rhks.remove(match)
        free_ikis = list(match.indicators)
        indicators: list[IkiDraft] = []
        for iki in rhk.indicators:
            same = next(
                (old for old in free_ikis if old.indicator == clean_text(iki.indicator)), None
            )
            if same is not None:
                free_ikis.remove(same)
            indicators.append(replace(iki, id=same.id if same else None))
        rhks.append(replace(rhk, id=match.id, indicators=tuple(indicators)))
    return replace(draft, rhks=tuple(rhks))


# --- export --------------------------------------------------------------------------------------


def _build_workbook(view: SkpView, person: Employee) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "Kinerja Desktop"
    workbook.properties.title = f"SKP {view.year} {person.full_name}"
    _write_skp_sheet(workbook.active, view, person)
    _write_lampiran_sheet(workbook.create_sheet(SHEET_LAMPIRAN), view)
    _write_ekspektasi_sheet(workbook.create_sheet(SHEET_EKSPEKTASI), view)
    return workbook


def _put(
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


def _header_row(sheet: Any, row: int, columns: Sequence[SheetColumn]) -> None:
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="DDE5F0")
    for index, column in enumerate(columns, start=1):
        cell = _put(sheet, row, index, column.heading, bold=True)
        cell.fill = fill
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def _finish_table(sheet: Any, header: int, last_row: int, width: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A{header}:{get_column_letter(width)}{max(header + 1, last_row)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


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
    _put(sheet, 1, 1, "SASARAN KINERJA PEGAWAI", bold=True, wrap=False)
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
        _put(sheet, offset, 1, label, bold=True, wrap=False)
        cell = _put(sheet, offset, 2, value, wrap=False)
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
            _put(sheet, row, index, value)
    choice = [item.label for item in (Perspektif if view.layout is SkpLayout.JPT else Aspek)]
    spare = (header + 1, row + _SPARE_ROWS)
    _drop_down(sheet, _KIND_WORD.values(), columns.index(JENIS) + 1, spare)
    choice_column = PERSPEKTIF if view.layout is SkpLayout.JPT else ASPEK
    _drop_down(sheet, choice, columns.index(choice_column) + 1, spare)
    _drop_down(sheet, ("Ya", "Tidak"), columns.index(LOWER) + 1, spare)
    _finish_table(sheet, header, row, len(columns))


def _skp_rows(view: SkpView) -> Iterable[tuple[object, ...]]:
    number = 0
    for rhk in view.rhks:
        parent = rhk.parent_label if rhk.parent_rhk_id is not None else rhk.parent_text
        start = (_KIND_WORD[rhk.kind], parent, rhk.text)
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
    if value == value.to_integral_value() and abs(value) < _EXACT_INTEGER:
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
            _put(sheet, row, 1, kind.label)
            _put(sheet, row, 2, text)
    _drop_down(sheet, (kind.label for kind in LampiranKind), 1, (2, row + _SPARE_ROWS))
    _finish_table(sheet, 1, row, len(LAMPIRAN_COLUMNS))


def _write_ekspektasi_sheet(sheet: Any, view: SkpView) -> None:
    _header_row(sheet, 1, EKSPEKTASI_COLUMNS)
    for row, value in enumerate(BehaviourValue, start=2):
        _put(sheet, row, 1, value.label)
        _put(sheet, row, 2, view.expectations.get(value, ""))
    _finish_table(sheet, 1, len(BehaviourValue) + 1, len(EKSPEKTASI_COLUMNS))


def _save(workbook: Any, target: Path) -> None:
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        workbook.save(temp)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        hint = " Mungkin berkas itu sedang dibuka; tutup dulu lalu coba lagi."
        raise ValidationError(
            f"Berkas '{target.name}' tidak dapat disimpan ({error.strerror or error})."
            + (hint if isinstance(error, PermissionError) else "")
        ) from None


# --- import: the file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    title: str
    #: (row number as the spreadsheet shows it, cell values from column A).
    rows: tuple[tuple[int, tuple[object, ...]], ...]


def _load_sheets(path: Path) -> list[_Sheet]:
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
    if not path.is_file():
        missing = "adalah folder, bukan berkas" if path.is_dir() else "tidak ditemukan"
        raise ValidationError(f"Berkas '{path.name}' {missing}: {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            f"Berkas '{path.name}' tidak dapat dibaca ({error.strerror or error})."
        ) from None
    if not data.strip():
        raise ValidationError(f"Berkas '{path.name}' kosong.")
    not_xlsx = ValidationError(
        f"Berkas '{path.name}' bukan berkas Excel .xlsx yang sah (mungkin rusak, terkunci sandi, "
        "atau sebenarnya berformat lain). Buka di spreadsheet lalu simpan ulang sebagai .xlsx."
    )
    if not data.startswith(b"PK"):
        raise not_xlsx
    import openpyxl  # loaded only when a workbook is read

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a zip that is not a workbook fails in many different ways
        raise not_xlsx from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [_sheet_values(sheet) for sheet in workbook.worksheets]
    except Exception:
        raise not_xlsx from None
    finally:
        workbook.close()


@dataclass(frozen=True)
class _Percent:
    """A number cell shown as a percentage: typing "100%" stores 1 with a "0%" format."""

    shown: Decimal


def _sheet_values(sheet: Any) -> _Sheet:
    sheet.reset_dimensions()  # some writers store a wrong size; read what is there
    rows = sheet.iter_rows(min_row=1, min_col=1)
    return _Sheet(
        title=str(sheet.title),
        rows=tuple(
            (line, tuple(_cell_value(cell) for cell in cells))
            for line, cells in enumerate(rows, start=1)
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


def _text(value: object) -> str:
    """A cell as the text a spreadsheet shows for it."""
    if value is None:
        return ""
    if isinstance(value, _Percent):
        return f"{format_decimal_id(value.shown)}%"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        whole = value.is_integer() and abs(value) < _EXACT_INTEGER
        return str(int(value)) if whole else repr(value)
    if isinstance(value, datetime) and value.time() == time(0, 0):
        value = value.date()
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def _number_text(value: object) -> str:
    """A target cell as text for :func:`parse_number`: a number cell exactly, "12,5"."""
    if isinstance(value, _Percent):
        return format_decimal_id(value.shown)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal_id(Decimal(value))
    if isinstance(value, float) and math.isfinite(value):
        return format_decimal_id(Decimal(repr(value)))
    return _text(value)


def _lookup(text: str, choices: Mapping[str, _E]) -> _E | None:
    """Find a spelling by its letters and digits in lower case; a leading "1." is ignored."""
    key = header_key(text)
    if key in choices:
        return choices[key]
    stripped = key.lstrip("0123456789")
    return choices.get(stripped) if stripped else None


def _listed(items: Iterable[str]) -> str:
    names = list(items)
    return f"{', '.join(names[:-1])} atau {names[-1]}" if len(names) > 1 else "".join(names)


def _labels(items: Iterable[Enum]) -> str:
    return _listed(str(getattr(item, "label", item.value)) for item in items)


@dataclass(frozen=True)
class _Row:
    line: int
    values: Mapping[str, object]

    def text(self, column: SheetColumn) -> str:
        return _text(self.values.get(column.key))


@dataclass(frozen=True)
class _Table:
    sheet: str
    headings: Mapping[str, str]
    rows: tuple[_Row, ...]

    def heading(self, column: SheetColumn) -> str:
        return self.headings.get(column.key, column.heading)

    def issue(self, line: int | None, column: SheetColumn | None, message: str) -> SkpImportIssue:
        return SkpImportIssue(self.sheet, line, self.heading(column) if column else None, message)


@dataclass
class _HeaderRow:
    line: int
    found: dict[str, tuple[int, str]] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def _header_candidate(
    line: int, values: Sequence[object], columns: Sequence[SheetColumn], other: Mapping[str, str]
) -> _HeaderRow:
    lookup = {alias: column for column in columns for alias in column.aliases}
    header = _HeaderRow(line)
    for index, value in enumerate(values):
        heading = " ".join(_text(value).split())
        key = header_key(heading)
        column = lookup.get(key)
        if column is None:
            if key in other:
                header.other.append(heading)
            continue
        if column.key in header.found:
            first = header.found[column.key][1]
            header.duplicates.append(
                f"Kolom '{first}' dan '{heading}' sama-sama berarti '{column.heading}'. "
                "Hapus atau ganti nama salah satunya."
            )
            continue
        header.found[column.key] = (index, heading)
    return header


def _read_table(
    sheet: _Sheet,
    columns: Sequence[SheetColumn],
    issues: list[SkpImportIssue],
    *,
    min_known: int,
    other: Mapping[str, str] | None = None,
) -> _Table | None:
    """Find the header row (the first with ``min_known`` known headings) and map the rows."""
    other = other or {}
    header = next(
        (
            candidate
            for line, values in sheet.rows
            if len((candidate := _header_candidate(line, values, columns, other)).found)
            >= min_known
        ),
        None,
    )
    if header is None:
        expected = ", ".join(f"'{column.heading}'" for column in columns)
        issues.append(
            SkpImportIssue(
                sheet.title,
                None,
                None,
                f"baris judul kolom tidak ditemukan. Judul yang diharapkan: {expected}.",
            )
        )
        return None
    issues.extend(SkpImportIssue(sheet.title, header.line, None, dup) for dup in header.duplicates)
    issues.extend(
        SkpImportIssue(sheet.title, header.line, heading, other[header_key(heading)])
        for heading in header.other
    )
    missing = [column for column in columns if column.required and column.key not in header.found]
    if missing:
        names = ", ".join(f"'{column.heading}'" for column in missing)
        issues.append(
            SkpImportIssue(
                sheet.title,
                header.line,
                None,
                f"kolom wajib tidak ada: {names}. Tambahkan pada baris judul kolom.",
            )
        )
    if missing or header.duplicates:
        return None
    rows = []
    for line, values in sheet.rows:
        if line <= header.line:
            continue
        mapped = {
            key: values[index] if index < len(values) else None
            for key, (index, _) in header.found.items()
        }
        if any(_text(value) for key, value in mapped.items() if key != NO.key):
            rows.append(_Row(line, mapped))
    headings = {key: heading for key, (_, heading) in header.found.items()}
    return _Table(sheet.title, headings, tuple(rows))


_SHEET_NAMES = {
    SHEET_SKP: ("skp", "sasarankinerjapegawai"),
    SHEET_LAMPIRAN: ("lampiran", "lampiranskp"),
    SHEET_EKSPEKTASI: ("ekspektasi", "ekspektasikhususpimpinan", "perilakukerja"),
}


def _pick_sheets(sheets: Sequence[_Sheet], issues: list[SkpImportIssue]) -> dict[str, _Sheet]:
    picked: dict[str, _Sheet] = {}
    for name, keys in _SHEET_NAMES.items():
        sheet = next((sheet for sheet in sheets if header_key(sheet.title) in keys), None)
        if sheet is None:
            present = ", ".join(f"'{sheet.title}'" for sheet in sheets) or "tidak ada"
            issues.append(
                SkpImportIssue(
                    name,
                    None,
                    None,
                    f"lembar ini tidak ada di berkas (lembar yang ada: {present}).",
                )
            )
        else:
            picked[name] = sheet
    return picked


def read_skp_workbook(
    path: Path,
    *,
    pendekatan: Pendekatan,
    layout: SkpLayout,
    parent_options: Sequence[RhkOption],
) -> SkpImportPreview:
    """Read an SKP workbook (docs/skp-xlsx-format.md) into a draft, collecting every problem.

    Args:
        path: The .xlsx file.
        pendekatan: The SKP's approach; the target rules depend on it.
        layout: JPT (a "Perspektif" column) or JA/JF (an "Aspek" column).
        parent_options: The Pejabat Penilai's RHK. When there are some, each "RHK Atasan yang
            Diintervensi" must be one of their texts; when there are none (the top of the
            tree), the text is kept as free text.

    Returns:
        The draft (without ids) and the problems; a file that cannot be read at all gives a
        preview without a draft and with one problem.
    """
    try:
        sheets = _load_sheets(path)
    except ValidationError as error:
        return SkpImportPreview(path.name, None, (SkpImportIssue(None, None, None, error.message),))
    issues: list[SkpImportIssue] = []
    picked = _pick_sheets(sheets, issues)
    rhks: tuple[RhkDraft, ...] = ()
    reader: _SkpReader | None = None
    if SHEET_SKP in picked:
        columns = skp_columns(layout)
        table = _read_table(
            picked[SHEET_SKP], columns, issues, min_known=_MIN_KNOWN_HEADINGS, other=_other(layout)
        )
        if table is not None:
            reader = _SkpReader(table, layout=layout, parent_options=parent_options)
            rhks = reader.rhks
    lampiran: dict[LampiranKind, tuple[str, ...]] = {}
    if SHEET_LAMPIRAN in picked:
        table = _read_table(picked[SHEET_LAMPIRAN], LAMPIRAN_COLUMNS, issues, min_known=1)
        lampiran = _read_lampiran(table, issues) if table else {}
    expectations: dict[BehaviourValue, str] = {}
    if SHEET_EKSPEKTASI in picked:
        table = _read_table(picked[SHEET_EKSPEKTASI], EKSPEKTASI_COLUMNS, issues, min_known=1)
        expectations = _read_expectations(table, issues) if table else {}
    draft = SkpDraft(pendekatan, rhks, lampiran, expectations)
    if reader is not None:
        issues[:0] = reader.checked(draft)
    order = {name: position for position, name in enumerate(_SHEET_NAMES)}
    issues.sort(key=lambda issue: (order.get(issue.sheet or "", -1), issue.line or 0))
    return SkpImportPreview(path.name, draft, tuple(issues))


def _other(layout: SkpLayout) -> dict[str, str]:
    """Headings of the other layout, which a file for this SKP should not have."""
    if layout is SkpLayout.JPT:
        return {
            "aspek": "kolom 'Aspek' untuk SKP JA/JF; SKP JPT ini memakai kolom 'Perspektif' "
            f"({_labels(Perspektif)})."
        }
    return {
        "perspektif": "kolom 'Perspektif' hanya untuk SKP JPT; SKP ini memakai kolom 'Aspek' "
        f"({_labels(Aspek)})."
    }


# --- import: the "SKP" sheet ----------------------------------------------------------------------


@dataclass
class _Group:
    """The rows of one RHK."""

    kind: RhkKind
    text: str
    line: int
    parent: str = ""
    parent_line: int | None = None
    indicators: list[tuple[int, IkiDraft]] = field(default_factory=list)


_PART_COLUMNS = {
    "indicator": IKI,
    "target": TARGET,
    "unit": SATUAN,
    "target_text": NARATIF,
    "aspek": ASPEK,
    "perspektif": PERSPEKTIF,
}


class _SkpReader:
    """Groups the rows of the "SKP" sheet into RHK, reading each cell; knows every row's RHK."""

    def __init__(
        self, table: _Table, *, layout: SkpLayout, parent_options: Sequence[RhkOption]
    ) -> None:
        self._table = table
        self._layout = layout
        self._choice = PERSPEKTIF if layout is SkpLayout.JPT else ASPEK
        self._options: dict[str, RhkOption] = {}
        for option in parent_options:
            self._options.setdefault(clean_text(option.text), option)
        self.issues: list[SkpImportIssue] = []
        self._groups: dict[tuple[str, str], _Group] = {}
        self._last: _Group | None = None
        for row in table.rows:
            self._read_row(row)
        self.rhks = tuple(self._rhk(group) for group in self._groups.values())

    def _issue(self, line: int | None, column: SheetColumn | None, message: str) -> None:
        self.issues.append(self._table.issue(line, column, message))

    # reading rows

    def _read_row(self, row: _Row) -> None:
        text = clean_text(row.text(RHK))
        jenis = row.text(JENIS)
        if text:
            kind = self._kind(row.line, jenis)
            key = (kind.value if kind else f"?{header_key(jenis)}", text)
            group = self._groups.get(key)
            if group is None:
                group = self._groups[key] = _Group(kind or RhkKind.UTAMA, text, row.line)
        elif self._last is None:
            self._issue(row.line, RHK, "Rencana Hasil Kerja wajib diisi.")
            return
        else:
            group = self._last  # an empty RHK cell continues the RHK above (merged cells)
            if jenis and _lookup(jenis, _JENIS_VALUES) is not group.kind:
                self._issue(
                    row.line,
                    JENIS,
                    f"Jenis '{jenis}' berbeda dengan RHK di atasnya ('{group.text}', "
                    f"{_KIND_WORD[group.kind]}). Tulis Rencana Hasil Kerja-nya bila ini RHK lain.",
                )
        self._last = group
        self._read_parent(row, group)
        iki = self._iki(row)
        if iki is not None:
            group.indicators.append((row.line, iki))

    def _kind(self, line: int, jenis: str) -> RhkKind | None:
        kind = _lookup(jenis, _JENIS_VALUES)
        if kind is None:
            said = f"Jenis '{jenis}' tidak dikenal" if jenis else "Jenis wajib diisi"
            self._issue(line, JENIS, f"{said}; tulis Utama atau Tambahan.")
        return kind

    def _read_parent(self, row: _Row, group: _Group) -> None:
        parent = clean_text(row.text(PARENT))
        if not parent:
            return
        if not group.parent:
            group.parent, group.parent_line = parent, row.line
        elif parent != group.parent:
            self._issue(
                row.line,
                PARENT,
                f"berbeda dengan baris {group.parent_line} ('{group.parent}') untuk RHK yang "
                f"sama ('{group.text}'); satu RHK hanya mengintervensi satu RHK atasan.",
            )

    def _iki(self, row: _Row) -> IkiDraft | None:
        indicator, unit, narrative = row.text(IKI), row.text(SATUAN), row.text(NARATIF)
        target = _number_text(row.values.get(TARGET.key))
        choice = row.text(self._choice)
        lower_text = row.text(LOWER)
        lower = _lookup(lower_text, _YES_NO)
        if not any((indicator, target, unit, narrative, choice)) and lower is False:
            return None  # an RHK without indicators yet ("Tidak" alone is the default)
        if lower is None:
            self._issue(row.line, LOWER, f"isi Ya atau Tidak; yang diisi '{lower_text}'.")
        aspek: Aspek | None = None
        perspektif: Perspektif | None = None
        if self._layout is SkpLayout.JPT:
            perspektif = self._pick(row.line, choice, _PERSPEKTIF_VALUES, Perspektif)
        else:
            aspek = self._pick(row.line, choice, _ASPEK_VALUES, Aspek)
        return IkiDraft(
            indicator=indicator,
            target=target,
            unit=unit,
            target_text=narrative,
            lower_is_better=bool(lower),
            aspek=aspek,
            perspektif=perspektif,
        )

    def _pick(
        self, line: int, text: str, choices: Mapping[str, _E], kinds: Iterable[Enum]
    ) -> _E | None:
        if not text:
            return None
        found = _lookup(text, choices)
        if found is None:
            name = self._choice.heading
            self._issue(
                line, self._choice, f"{name} '{text}' tidak dikenal; pilih {_labels(kinds)}."
            )
        return found

    # building the draft

    def _rhk(self, group: _Group) -> RhkDraft:
        indicators = tuple(iki for _, iki in group.indicators)
        if not group.parent:
            return RhkDraft(group.text, group.kind, indicators)
        if not self._options:
            return RhkDraft(group.text, group.kind, indicators, parent_text=group.parent)
        option = self._options.get(group.parent)
        if option is None:
            self._issue(
                group.parent_line,
                PARENT,
                f"'{group.parent}' tidak ada di SKP Pejabat Penilai. Salin teks RHK atasan "
                "persis seperti tertulis di SKP Pejabat Penilai.",
            )
            return RhkDraft(group.text, group.kind, indicators)
        return RhkDraft(group.text, group.kind, indicators, parent_rhk_id=option.id)

    def checked(self, draft: SkpDraft) -> list[SkpImportIssue]:
        """This sheet's problems, with the value rules' problems placed on their cells."""
        issues = list(self.issues)
        try:
            validate_skp(draft)
        except ValidationErrors as errors:
            issues.extend(self._locate(error) for error in errors.errors)
        return issues

    def _locate(self, error: ValidationError) -> SkpImportIssue:
        """Turn a cell name (``rhk[0].iki[1].target``) into a row and a column of the sheet."""
        match = _CELL_NAME.fullmatch(error.field or "")
        groups = list(self._groups.values())
        if match is None or int(match[1]) >= len(groups):
            return self._table.issue(None, None, error.message)
        group = groups[int(match[1])]
        part = match[3]
        message = _RULE_PLACE.sub("", error.message)
        if match[2] is None:
            if part == "parent":
                return self._table.issue(group.parent_line or group.line, PARENT, message)
            return self._table.issue(group.line, RHK, message)
        index = int(match[2])
        if index >= len(group.indicators):
            return self._table.issue(group.line, None, error.message)
        return self._table.issue(group.indicators[index][0], _PART_COLUMNS.get(part), message)


# --- import: "Lampiran" and "Ekspektasi" ----------------------------------------------------------


def _read_lampiran(
    table: _Table, issues: list[SkpImportIssue]
) -> dict[LampiranKind, tuple[str, ...]]:
    jenis, uraian = LAMPIRAN_COLUMNS
    items: dict[LampiranKind, list[str]] = {}
    for row in table.rows:
        said = row.text(jenis)
        kind = _lookup(said, _LAMPIRAN_VALUES)
        if kind is None:
            start = (
                f"Jenis lampiran '{said}' tidak dikenal" if said else "Jenis lampiran wajib diisi"
            )
            issues.append(table.issue(row.line, jenis, f"{start}; tulis {_labels(LampiranKind)}."))
        elif text := clean_text(row.text(uraian)):
            items.setdefault(kind, []).append(text)
    return {kind: tuple(texts) for kind, texts in items.items()}


def _read_expectations(table: _Table, issues: list[SkpImportIssue]) -> dict[BehaviourValue, str]:
    nilai, ekspektasi = EKSPEKTASI_COLUMNS
    found: dict[BehaviourValue, tuple[int, str]] = {}
    for row in table.rows:
        said, text = row.text(nilai), clean_text(row.text(ekspektasi))
        value = _lookup(said, _VALUE_NAMES)
        if value is None:
            start = (
                f"Nilai BerAKHLAK '{said}' tidak dikenal" if said else "Nilai BerAKHLAK wajib diisi"
            )
            issues.append(
                table.issue(row.line, nilai, f"{start}; pilih {_labels(BehaviourValue)}.")
            )
        elif text and value in found:
            issues.append(
                table.issue(
                    row.line,
                    nilai,
                    f"nilai {value.label} sudah diisi di baris {found[value][0]}; satu nilai "
                    "hanya punya satu ekspektasi.",
                )
            )
        elif text:
            found[value] = (row.line, text)
    return {value: text for value, (_, text) in found.items()}
