"""Find a sheet's table in an SKP workbook: the sheet by its name, the header row by headings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kinerja_desktop.services.platform.tabular import header_key
from kinerja_desktop.services.skp.xlsx.cells import SheetData, cell_text
from kinerja_desktop.services.skp.xlsx.columns import NO, SHEET_NAMES, SheetColumn
from kinerja_desktop.services.skp.xlsx.results import SkpImportIssue


@dataclass(frozen=True)
class SheetRow:
    """One non-blank data row: cell values by column key."""

    line: int
    values: Mapping[str, object]

    def text(self, column: SheetColumn) -> str:
        return cell_text(self.values.get(column.key))


@dataclass(frozen=True)
class SheetTable:
    """A sheet's data rows, with its headings as written, by column key."""

    sheet: str
    headings: Mapping[str, str]
    rows: tuple[SheetRow, ...]

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
        heading = " ".join(cell_text(value).split())
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


def read_sheet_table(
    sheet: SheetData,
    columns: Sequence[SheetColumn],
    issues: list[SkpImportIssue],
    *,
    min_known: int,
    other: Mapping[str, str] | None = None,
) -> SheetTable | None:
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
        if any(cell_text(value) for key, value in mapped.items() if key != NO.key):
            rows.append(SheetRow(line, mapped))
    headings = {key: heading for key, (_, heading) in header.found.items()}
    return SheetTable(sheet.title, headings, tuple(rows))


def pick_sheets(sheets: Sequence[SheetData], issues: list[SkpImportIssue]) -> dict[str, SheetData]:
    """Find each sheet of :data:`SHEET_NAMES` by its name; one issue for each missing sheet."""
    picked: dict[str, SheetData] = {}
    for name, keys in SHEET_NAMES.items():
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
