"""Plain tables as an .xlsx, written as SpreadsheetML directly: one header row, typed cells.

For exports of thousands of rows where every cell of a column looks the same (the e-Kinerja
workbook): openpyxl (without lxml) spends about 25 µs of pure Python on each cell (a cell
object, its style, an XML element), this writer about 2 µs with the compression (one formatted
string), so a unit's month (25,000 cells) takes about 50 ms of CPU instead of about 550 ms
(docs/benchmarks.md). The look is the one of
``xlsx_writing``: a bold filled header that wraps, frozen under the first row, a filter over
the table, landscape printing one page wide, the columns' widths.

Text is always a (shared) string cell, never a formula: no cell is written with ``<f>``, so
"=HYPERLINK(...)" stays the text it is. Dates and times are real (serial) numbers shown with
their column's number format; numbers are numbers; ``None`` and "" leave the cell empty.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import IO, BinaryIO
from xml.sax.saxutils import escape

#: Characters XML 1.0 cannot hold; dropped from text (as ``xlsx_writing`` does).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Excel's day 0 (its serial numbers count days from here, 1900 date system).
_EPOCH = date(1899, 12, 30)
#: Number formats Excel knows by id; any other is declared in styles.xml from id 164.
_BUILT_IN_FORMATS = {"General": 0, "0": 1, "@": 49}
_HEADER_FILL = "FFDDE5F0"
#: Rows written to the zip member at a time: the sheet is streamed, never held whole.
_CHUNK_ROWS = 500

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class TableColumn:
    """One column: its heading, its width in characters and how its cells are shown.

    Attributes:
        number_format: Excel's number format of the column's cells ("@" keeps a typed-over
            cell text; "DD/MM/YYYY" shows a date; ``None`` is General).
        wrap: Long text wraps in the cell (top-aligned) instead of running on one line.
    """

    heading: str
    width: float
    number_format: str | None = None
    wrap: bool = False


@dataclass(frozen=True)
class Table:
    """A sheet: its name, its columns and its rows (each a sequence of values, in order)."""

    name: str
    columns: Sequence[TableColumn]
    rows: Iterable[Sequence[object]]


def write_tables(stream: BinaryIO, tables: Sequence[Table]) -> list[int]:
    """Write ``tables`` as one workbook, a sheet each, to ``stream``; the rows of each table.

    Raises:
        TypeError: a value of a type a cell cannot hold (a programming error).
        ValueError: no table, or a table without columns (a programming error).
    """
    if not tables or not all(table.columns for table in tables):
        raise ValueError("a workbook needs a sheet, and each sheet a column")
    styles = _Styles(tables)
    strings = _SharedStrings()
    written = []
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for index, table in enumerate(tables, start=1):
            with package.open(_member(f"xl/worksheets/sheet{index}.xml"), "w") as sheet:
                written.append(_write_sheet(sheet, table, styles.of(table), strings))
        package.writestr(_member("[Content_Types].xml"), _content_types(len(tables)))
        package.writestr(_member("_rels/.rels"), _ROOT_RELATIONS)
        package.writestr(_member("xl/workbook.xml"), _workbook(tables, written))
        package.writestr(_member("xl/_rels/workbook.xml.rels"), _workbook_relations(len(tables)))
        package.writestr(_member("xl/styles.xml"), styles.xml())
        package.writestr(_member("xl/sharedStrings.xml"), strings.xml())
    return written


def _member(name: str) -> zipfile.ZipInfo:
    # A fixed date: the same tables give the same bytes.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class _SharedStrings:
    """The workbook's strings, each stored once; a cell holds its index."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self.uses = 0

    def cell(self, reference: str, style: int, text: str) -> str:
        self.uses += 1
        index = self._index.get(text)
        if index is None:
            index = self._index[text] = len(self._index)
        return f'<c r="{reference}" s="{style}" t="s"><v>{index}</v></c>'

    def xml(self) -> str:
        items = []
        for text in self._index:
            clean = escape(_ILLEGAL.sub("", text))
            space = ' xml:space="preserve"' if clean != clean.strip() else ""
            items.append(f"<si><t{space}>{clean}</t></si>")
        return (
            f'{_DECLARATION}<sst xmlns="{_MAIN}" count="{self.uses}" '
            f'uniqueCount="{len(self._index)}">{"".join(items)}</sst>'
        )


class _Styles:
    """The cell formats (``cellXfs``): 0 plain, 1 the header, then one per distinct column look."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self._formats: dict[str, int] = {}
        self._looks: dict[tuple[int, bool], int] = {(0, False): 0}
        for table in tables:
            for column in table.columns:
                self._look(column)

    def _look(self, column: TableColumn) -> int:
        shown = column.number_format or "General"
        number = _BUILT_IN_FORMATS.get(shown)
        if number is None:
            number = self._formats.setdefault(shown, 164 + len(self._formats))
        # Index 1 is the header's, so a column's look is counted from 2.
        return self._looks.setdefault((number, column.wrap), len(self._looks) + 1)

    def of(self, table: Table) -> list[int]:
        return [self._look(column) for column in table.columns]

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{number}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
            for code, number in self._formats.items()
        )
        plain = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        header = (
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" '
            'applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
        )
        looks = [plain, header]
        for (number, wrap), _ in sorted(self._looks.items(), key=lambda item: item[1])[1:]:
            applied = ' applyNumberFormat="1"' if number else ""
            ending = (
                ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
                if wrap
                else "/>"
            )
            looks.append(
                f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0"'
                f"{applied}{ending}"
            )
        font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
        return (
            f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="{len(self._formats)}">{formats}</numFmts>'
            f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill>'
            f'<fill><patternFill patternType="solid"><fgColor rgb="{_HEADER_FILL}"/>'
            '<bgColor indexed="64"/></patternFill></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{len(looks)}">{"".join(looks)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def _letters(count: int) -> list[str]:
    """The column letters A, B, ... of ``count`` columns."""
    letters = []
    for number in range(1, count + 1):
        name, left = "", number
        while left:
            left, rest = divmod(left - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _write_sheet(sheet: IO[bytes], table: Table, looks: list[int], strings: _SharedStrings) -> int:
    """Stream the sheet's XML into ``sheet``; the number of rows below the header.

    The dimension and the filter name the last row, which is known only at the end: both
    follow ``<sheetData>`` or are left to the workbook (the filter's defined name), so the
    rows are written as they come. Excel does not need ``<dimension>``; it is left out.
    """
    letters = _letters(len(table.columns))
    columns = "".join(
        f'<col min="{number}" max="{number}" width="{column.width:g}" customWidth="1"/>'
        for number, column in enumerate(table.columns, start=1)
    )
    sheet.write(
        (
            f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONS}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            '<sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols><sheetData>'
            '<row r="1">'
            + "".join(
                strings.cell(f"{letter}1", 1, column.heading)
                for letter, column in zip(letters, table.columns, strict=True)
            )
            + "</row>"
        ).encode()
    )
    cells = list(zip(letters, looks, strict=True))
    count = 0
    chunk: list[str] = []
    for count, values in enumerate(table.rows, start=1):
        row = count + 1
        chunk.append(f'<row r="{row}">')
        for (letter, look), value in zip(cells, values, strict=True):
            if value is not None and value != "":
                chunk.append(_cell(f"{letter}{row}", look, value, strings))
        chunk.append("</row>")
        if not count % _CHUNK_ROWS:
            sheet.write("".join(chunk).encode())
            chunk = []
    last = f"{letters[-1]}{max(2, count + 1)}"
    chunk.append(
        f'</sheetData><autoFilter ref="A1:{last}"/>'
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
    )
    sheet.write("".join(chunk).encode())
    return count


def _cell(reference: str, look: int, value: object, strings: _SharedStrings) -> str:
    """One ``<c>`` element: text as a shared string, everything else as a number."""
    if isinstance(value, str):
        return strings.cell(reference, look, value)
    if isinstance(value, bool):
        return f'<c r="{reference}" s="{look}" t="b"><v>{int(value)}</v></c>'
    return f'<c r="{reference}" s="{look}"><v>{_number(value)}</v></c>'


def _number(value: object) -> str:
    """The serial number Excel stores for a number, a date, a date and time, or a time."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return str(int(value)) if whole else repr(float(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        clock = value.time()
        return repr(_day_number(value.date()) + _day_fraction(clock))
    if isinstance(value, date):
        return str(_day_number(value))
    if isinstance(value, time):
        return repr(_day_fraction(value))
    raise TypeError(f"a cell cannot hold {type(value).__name__}")


def _day_number(day: date) -> int:
    serial = (day - _EPOCH).days
    # Excel counts a 29 February 1900 that never was: days before March 1900 are one less.
    return serial - 1 if serial < 61 else serial


def _day_fraction(clock: time) -> float:
    seconds = clock.hour * 3600 + clock.minute * 60 + clock.second + clock.microsecond / 1e6
    return seconds / 86400


def _content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for index in range(1, sheets + 1)
    )
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (
        f"{_DECLARATION}"
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{kind}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}.sharedStrings+xml"/>'
        f"{overrides}</Types>"
    )


_ROOT_RELATIONS = (
    f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def _workbook(tables: Sequence[Table], rows: list[int]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(table.name, {chr(34): "&quot;"})}" sheetId="{index}" '
        f'r:id="rId{index}"/>'
        for index, table in enumerate(tables, start=1)
    )
    # Excel remembers a sheet's filter range under this hidden name.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"'{escape(table.name.replace(chr(39), chr(39) * 2))}'!$A$1:"
        f"${_letters(len(table.columns))[-1]}${max(2, count + 1)}</definedName>"
        for index, (table, count) in enumerate(zip(tables, rows, strict=True))
    )
    return (
        f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONS}">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{sheets}</sheets><definedNames>{filters}</definedNames></workbook>"
    )


def _workbook_relations(sheets: int) -> str:
    parts = [
        f'<Relationship Id="rId{index}" Type="{_RELATIONS}/worksheet" '
        f'Target="worksheets/sheet{index}.xml"/>'
        for index in range(1, sheets + 1)
    ]
    parts.append(
        f'<Relationship Id="rId{sheets + 1}" Type="{_RELATIONS}/styles" Target="styles.xml"/>'
    )
    parts.append(
        f'<Relationship Id="rId{sheets + 2}" Type="{_RELATIONS}/sharedStrings" '
        'Target="sharedStrings.xml"/>'
    )
    listed = "".join(parts)
    return f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONS}">{listed}</Relationships>'
