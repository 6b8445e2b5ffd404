"""Read a tabular import file (CSV or XLSX) into plain text cells keyed by column.

Shared by every importer (staff list, survey answers, SKP). The reader knows nothing about what
the columns mean; it only turns a file into rows of text the way a spreadsheet user sees them,
and says in Indonesian, naming the file, when the file cannot be read. Its file checks
(:func:`read_file_bytes`) and workbook opening (:func:`open_workbook`) are shared with the SKP
workbook reader, so each message is written once.

Header keys: a column is looked up by :func:`header_key` of its heading, which keeps only the
letters and digits, in lower case. "NIP Penilai", " nip  penilai" and "NIP_PENILAI" all become
"nippenilai"; "Unit Kerja" becomes "unitkerja".
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

CSV_SUFFIXES = frozenset({".csv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
#: Separators tried on the header line of a CSV file, most common first.
_SEPARATORS = (",", ";", "\t")
#: Excel writes "sep=;" as the first line of some CSV files to name the separator.
_SEP_HINT = re.compile(r"^sep=(.)$", re.IGNORECASE)
#: The most data rows (below the header) read from one sheet. A staff list of the largest office
#: the app is built for has 20,000 rows; an SKM survey a few thousand respondents. Reading stops
#: at the cap, so a sheet of millions of tiny rows is refused in seconds and small memory.
MAX_ROWS = 100_000
#: The most columns read: every import format has fewer than 40 columns.
MAX_COLUMNS = 300
#: A whole number at least this large is shown the way a spreadsheet does: "1.98503E+17".
_SCIENTIFIC_FROM = 1e15


def header_key(text: str) -> str:
    """Return the lookup key of a column heading: its letters and digits, in lower case."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in normalised if char.isalnum())


@dataclass(frozen=True)
class TableRow:
    """One non-blank data row.

    Attributes:
        line: The row number a spreadsheet shows for it (the header is normally line 1).
        cells: Cell text by header key; a cell the row does not reach is "".
        extra: Non-empty cells to the right of the last heading (often an unquoted comma).
        unnamed: Every non-empty cell in a column without a heading, between headed columns
            or right of them, as (column number from 1, text): data no column names.
    """

    line: int
    cells: Mapping[str, str]
    extra: tuple[str, ...] = ()
    unnamed: tuple[tuple[int, str], ...] = ()

    def get(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass(frozen=True)
class Table:
    """The contents of an import file.

    Attributes:
        name: The file name, for messages.
        columns: The headings as written in the file, left to right, blanks left out.
        rows: The data rows, blank rows left out.
        encoding: How a CSV file's text was read ("UTF-8", "UTF-8 dengan BOM", "UTF-16",
            "Windows-1252"), for the preview; "" for a workbook.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    encoding: str = ""
    _by_key: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def has(self, key: str) -> bool:
        return key in self._by_key

    def heading(self, key: str) -> str | None:
        """Return the heading as written for a header key, or None when the file lacks it."""
        return self._by_key.get(key)


def read_table(path: Path) -> Table:
    """Read the first sheet of an .xlsx file, or a CSV file, as text.

    CSV: comma, semicolon or tab (taken from the header line; an Excel "sep=;" line is
    honoured), UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252; quoted
    fields may hold separators and line breaks. A file that is UTF-8 except for a few bytes is
    refused naming the line and column of the first bad byte: read as Windows-1252 it would
    mangle every name with an accent, silently.

    XLSX: cells become the text a spreadsheet shows: 9 for 9.0, 1.98503E+17 for a long number,
    2024-01-31 for a date.

    Raises:
        ValidationError: The file is missing, unreadable, of an unknown kind, empty, has no
            header, or is not what its name says; the message names the file.
    """
    return table_from_bytes(path, read_import_bytes(path))


def read_import_bytes(path: Path) -> bytes:
    """Return the bytes of a CSV or XLSX import file, refusing other kinds first.

    Raises:
        ValidationError: As :func:`read_table`, for everything but the contents.
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValidationError(
            f"Berkas '{path.name}' berformat Excel lama (.xls) yang tidak didukung. "
            "Simpan ulang sebagai .xlsx atau CSV."
        )
    if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
        raise ValidationError(
            f"Berkas '{path.name}' tidak dapat diimpor: jenisnya harus .csv atau .xlsx."
        )
    return read_file_bytes(path)


def table_from_bytes(path: Path, data: bytes) -> Table:
    """Read ``data``, the bytes of ``path`` (:func:`read_import_bytes`), as :func:`read_table`.

    An importer that keeps what it read of a file by the file's digest reads the bytes once.

    Raises:
        ValidationError: As :func:`read_table`, for the contents.
    """
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _build(path.name, _xlsx_rows(path.name, data))
    text, encoding = _decode(path.name, data)
    return replace(_build(path.name, _csv_rows(path.name, text)), encoding=encoding)


def read_file_bytes(path: Path) -> bytes:
    """Return the contents of an import file.

    Raises:
        ValidationError: The file is missing, a folder, unreadable or empty; the message names
            the file.
    """
    if not path.exists():
        raise ValidationError(f"Berkas '{path.name}' tidak ditemukan: {path}")
    if path.is_dir():
        raise ValidationError(f"'{path.name}' adalah folder, bukan berkas.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            f"Berkas '{path.name}' tidak dapat dibaca ({error.strerror or error})."
        ) from None
    if not data.strip():
        raise ValidationError(f"Berkas '{path.name}' kosong.")
    return data


def not_xlsx_error(name: str) -> ValidationError:
    """Return the error for a file named .xlsx that is not a workbook that can be read."""
    return ValidationError(
        f"Berkas '{name}' bukan berkas Excel .xlsx yang sah (mungkin rusak, terkunci sandi, "
        "atau sebenarnya berformat lain). Buka di spreadsheet lalu simpan ulang sebagai .xlsx."
    )


def open_workbook(name: str, data: bytes) -> Any:
    """Open the bytes of an .xlsx file as a read-only openpyxl workbook of cell values.

    The caller closes the workbook, and reports a failure while reading its sheets with
    :func:`not_xlsx_error` (a damaged file can fail at any cell).

    Raises:
        ValidationError: The data is not an Excel workbook (:func:`not_xlsx_error`).
    """
    import openpyxl  # loaded only when an .xlsx is read

    if not data.startswith(b"PK"):
        raise not_xlsx_error(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a zip that is not a workbook fails in many different ways
        raise not_xlsx_error(name) from None


# --- building the table ------------------------------------------------------------------------


def _build(name: str, rows: Iterable[tuple[int, Sequence[str]]]) -> Table:
    header: list[tuple[int, str, str]] | None = None  # (position, heading, key)
    headed: frozenset[int] = frozenset()
    data_rows: list[TableRow] = []
    for line, cells in rows:
        if not any(cells):
            continue
        if header is None:
            header = _header(name, cells)
            headed = frozenset(index for index, _, _ in header)
            continue
        mapped = {key: cells[index] if index < len(cells) else "" for index, _, key in header}
        extra = tuple(cell for cell in cells[header[-1][0] + 1 :] if cell)
        unnamed = tuple(
            (index + 1, cell) for index, cell in enumerate(cells) if cell and index not in headed
        )
        data_rows.append(TableRow(line=line, cells=mapped, extra=extra, unnamed=unnamed))
    if header is None:
        raise ValidationError(f"Berkas '{name}' tidak berisi judul kolom maupun data.")
    return Table(
        name=name,
        columns=tuple(heading for _, heading, _ in header),
        rows=tuple(data_rows),
        _by_key={key: heading for _, heading, key in header},
    )


def _header(name: str, cells: Sequence[str]) -> list[tuple[int, str, str]]:
    header: list[tuple[int, str, str]] = []
    seen: dict[str, str] = {}
    for index, cell in enumerate(cells):
        heading = " ".join(cell.split())
        key = header_key(heading)
        if not key:
            continue  # an unnamed column: its cells go to TableRow.unnamed
        if key in seen:
            raise ValidationError(
                f"Berkas '{name}' punya dua kolom dengan judul yang sama: "
                f"'{seen[key]}' dan '{heading}'. Hapus atau ganti nama salah satunya."
            )
        seen[key] = heading
        header.append((index, heading, key))
    if not header:
        raise ValidationError(f"Berkas '{name}' tidak punya baris judul kolom.")
    return header


# --- CSV ---------------------------------------------------------------------------------------


#: A well-formed UTF-8 sequence of two to four bytes: a Windows-1252 text almost never has one.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _decode(name: str, data: bytes) -> tuple[str, str]:
    """Return the text of a CSV file and the name of the encoding it was read in."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        body = data.removeprefix(codecs.BOM_UTF8)
        label = "UTF-8 dengan BOM" if len(body) < len(data) else "UTF-8"
        try:
            return body.decode("utf-8"), label
        except UnicodeDecodeError as error:
            if len(body) < len(data) or _UTF8_MULTIBYTE.search(body):
                raise _mostly_utf8(name, body, error.start) from None
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            pass
    raise ValidationError(
        f"Berkas '{name}' bukan berkas teks CSV. Buka di spreadsheet lalu simpan sebagai "
        "CSV (UTF-8) atau .xlsx."
    )


def _mostly_utf8(name: str, body: bytes, start: int) -> ValidationError:
    """The error for a UTF-8 file with a stray byte, naming where it is."""
    line_start = body.rfind(b"\n", 0, start) + 1
    line = body.count(b"\n", 0, start) + 1
    column = len(body[line_start:start].decode("utf-8", "replace")) + 1
    return ValidationError(
        f"Berkas '{name}' berformat UTF-8, tetapi baris {line} kolom {column} berisi byte "
        f"0x{body[start]:02X} yang bukan UTF-8 (mungkin tersalin dari berkas lain). Perbaiki "
        "karakter itu, atau simpan ulang berkas sebagai CSV UTF-8, lalu impor lagi."
    )


def _separator(header_line: str) -> str:
    """Return the separator used most often outside quotes on the header line."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, list[str]]]:
    if "\x00" in text:
        raise ValidationError(f"Berkas '{name}' berisi karakter biner; ini bukan berkas CSV.")
    lines = text.splitlines()
    first = next((number for number, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ValidationError(f"Berkas '{name}' kosong.")
    hint = _SEP_HINT.match(lines[first].strip())
    separator = hint[1] if hint else _separator(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for line, cells in enumerate(reader, start=1):
            if hint and line == first + 1:
                continue
            yield line, [cell.strip() for cell in cells]
    except csv.Error as error:
        raise ValidationError(
            f"Berkas '{name}' tidak dapat dibaca sebagai CSV di sekitar baris "
            f"{reader.line_num} ({error})."
        ) from None


# --- XLSX --------------------------------------------------------------------------------------


def _xlsx_rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    workbook = open_workbook(name, data)
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise ValidationError(f"Berkas '{name}' tidak berisi lembar kerja.")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [
                (line, [_cell_text(value) for value in values])
                for line, values in capped_rows(name, sheets[0], values_only=True)
            ]
    except ValidationError:
        raise
    except Exception:
        raise not_xlsx_error(name) from None
    finally:
        workbook.close()


def capped_rows(
    name: str, sheet: Any, *, values_only: bool
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Yield (line, row) of a read-only sheet, refusing one above MAX_ROWS or MAX_COLUMNS.

    Some tools store a wrong sheet size ("A1"); read-only mode would trust it and see one
    column, so the sheet is measured again (every cell that is there is read). Reading stops
    at the first row past a cap: the rest of the file is never read.

    Raises:
        ValidationError: The sheet has more than MAX_ROWS non-blank rows below its first, or a
            cell beyond MAX_COLUMNS; the message names the file and the limit.
    """
    sheet.reset_dimensions()
    filled = 0
    rows = sheet.iter_rows(min_row=1, min_col=1, values_only=values_only)
    for line, row in enumerate(rows, start=1):
        values = row if values_only else tuple(cell.value for cell in row)
        if any(value not in (None, "") for value in values[MAX_COLUMNS:]):
            raise ValidationError(
                f"Berkas '{name}' terlalu lebar: baris {line} berisi data di luar kolom ke-"
                f"{MAX_COLUMNS}. Batasnya {MAX_COLUMNS} kolom; hapus kolom yang tidak dipakai."
            )
        if any(value not in (None, "") for value in values):
            filled += 1
            if filled > MAX_ROWS + 1:  # the header and MAX_ROWS rows of data
                limit = f"{MAX_ROWS:,}".replace(",", ".")  # 100.000, the Indonesian way
                raise ValidationError(
                    f"Berkas '{name}' terlalu besar: lebih dari {limit} baris data (batasnya "
                    f"{limit}). Bagi berkas menjadi beberapa bagian, lalu impor satu per satu."
                )
        yield line, tuple(row[:MAX_COLUMNS])


def _cell_text(value: object) -> str:
    """Return a cell as the text a spreadsheet shows for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()  # text, whole numbers, durations


def column_letter(number: int) -> str:
    """Return a spreadsheet's name of the column ``number`` (from 1): 1 is A, 28 is AB."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _number_text(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= _SCIENTIFIC_FROM:
        # Spreadsheets show long numbers with six significant digits: 1.98503E+17.
        mantissa, exponent = f"{value:.5E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E{exponent}"
    if value.is_integer():
        return str(int(value))
    return f"{value:.15g}"
