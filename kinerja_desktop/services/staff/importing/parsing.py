"""Check each row of a staff list file on its own: the staff rules, NIP Penilai, unit path.

These checks need nothing but the file, so their result, a :class:`ParsedFile`, stays true for as
long as the file's bytes stay the same, whatever happens in the database meanwhile:
:mod:`.service` keeps the preview's for apply. :mod:`.validation` checks it against the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import StaffFields, ValidStaffFields, validate_staff_fields
from kinerja_desktop.services.platform.tabular import Table, TableRow, column_letter
from kinerja_desktop.services.staff.importing import columns as col
from kinerja_desktop.services.staff.importing.columns import REQUIRED_COLUMNS, clean
from kinerja_desktop.services.staff.importing.results import ImportIssue
from kinerja_desktop.services.staff.importing.units import unit_segments


class ParsedRow(NamedTuple):
    """One data row as the file alone says it: what :func:`parse_file` read and refused."""

    line: int
    nip_text: str
    name_text: str
    fields: ValidStaffFields | None
    nip: str | None  # the 18 digits, when the NIP is valid
    penilai: str | None  # the penilai's 18 digits, when given and valid
    penilai_ok: bool  # False when the NIP Penilai cell is filled but wrong
    segments: tuple[str, ...]
    issues: tuple[ImportIssue, ...]


@dataclass(frozen=True)
class ParsedFile:
    """A staff list file checked on its own; never changed, so it can be checked again later."""

    table: Table
    #: The missing columns, or an empty file; then ``rows`` is empty.
    file_issues: tuple[ImportIssue, ...]
    rows: tuple[ParsedRow, ...]


def _nip_or_none(text: str) -> str | None:
    try:
        return str(Nip.parse(text))
    except ValidationError:
        return None


def parse_file(table: Table) -> ParsedFile:
    """Check every row of ``table`` on its own: the staff rules, the NIP Penilai, the unit path."""
    missing = [name for key, name in REQUIRED_COLUMNS if not table.has(key)]
    if missing:
        found = ", ".join(f"'{column}'" for column in table.columns)
        issue = ImportIssue(
            None,
            None,
            f"Berkas '{table.name}' tidak punya kolom wajib: {', '.join(missing)}. "
            f"Kolom yang ada: {found}.",
        )
        return ParsedFile(table, (issue,), ())
    if not table.rows:
        issue = ImportIssue(
            None, None, f"Berkas '{table.name}' tidak berisi data pegawai (baris kosong)."
        )
        return ParsedFile(table, (issue,), ())
    parser = _RowParser(table)
    return ParsedFile(table, (), tuple(parser.parse(row) for row in table.rows))


class _RowParser:
    """The checks of one row that need nothing but the row (and the file's headings)."""

    def __init__(self, table: Table) -> None:
        self._table = table
        self._columns: dict[str, str] = {}
        #: A NIP cell's text -> its digits, for the rows' own valid NIPs: a list names most
        #: people again as someone's penilai, and reading that cell again gives the same NIP.
        self._known_nips: dict[str, str] = {}

    def _column(self, key: str) -> str:
        found = self._columns.get(key)
        if found is None:
            found = self._columns[key] = self._table.heading(key) or col.DOCUMENTED[key]
        return found

    def parse(self, row: TableRow) -> ParsedRow:
        issues: list[ImportIssue] = []
        line = row.line
        cells = row.cells
        nip_cell = cells.get(col.NIP, "")
        if row.extra:
            issues.append(
                ImportIssue(
                    line,
                    None,
                    f"Baris ini berisi {len(row.extra)} isian lebih banyak dari jumlah kolom. "
                    "Mungkin ada koma di dalam isian yang tidak diapit tanda kutip, misalnya "
                    'gelar "S.Kep., Ners".',
                )
            )
        # Cells past the last heading are the `extra` above; the rest sit under a blank
        # heading between named columns and would silently count for nothing.
        for number, text in row.unnamed[: len(row.unnamed) - len(row.extra)]:
            issues.append(
                ImportIssue(
                    line,
                    None,
                    f"Kolom {column_letter(number)} tanpa judul berisi '{text[:20]}', jadi tidak "
                    "terbaca. Beri judul kolom itu atau hapus isinya.",
                )
            )
        fields = StaffFields(
            nip=nip_cell,
            name=cells.get(col.NAMA, ""),
            status=cells.get(col.STATUS, ""),
            golongan=cells.get(col.GOLONGAN, ""),
            jabatan=cells.get(col.JABATAN, ""),
            jabatan_kind=cells.get(col.JENIS, ""),
            gelar_depan=cells.get(col.GELAR_DEPAN, ""),
            gelar_belakang=cells.get(col.GELAR_BELAKANG, ""),
        )
        valid: ValidStaffFields | None = None
        nip: str | None
        try:
            valid = validate_staff_fields(fields)
            nip = valid.nip.digits
            self._known_nips[nip_cell] = nip
        except ValidationErrors as errors:
            for error in errors.errors:
                key = col.FIELD_COLUMN.get(error.field or "", col.NIP)
                issues.append(ImportIssue(line, self._column(key), error.message))
            nip = _nip_or_none(nip_cell)
        penilai, penilai_ok = self._penilai(line, nip, cells.get(col.PENILAI, ""), issues)
        segments: tuple[str, ...] = ()
        try:
            segments = unit_segments(cells.get(col.UNIT, ""))
        except ValidationError as error:
            issues.append(ImportIssue(line, self._column(col.UNIT), error.message))
        return ParsedRow(
            line,
            clean(nip_cell),
            clean(cells.get(col.NAMA, "")),
            valid,
            nip,
            penilai,
            penilai_ok,
            segments,
            tuple(issues),
        )

    def _penilai(
        self, line: int, nip: str | None, text: str, issues: list[ImportIssue]
    ) -> tuple[str | None, bool]:
        """The penilai's NIP and whether the cell is right (an empty cell is)."""
        penilai = self._known_nips.get(text)
        if penilai is None:
            if not clean(text):
                return None, True
            try:
                penilai = str(Nip.parse(text))
            except ValidationError as error:
                message = f"NIP Penilai tidak valid: {error.message}"
                issues.append(ImportIssue(line, self._column(col.PENILAI), message))
                return None, False
        if penilai == nip:
            issues.append(
                ImportIssue(
                    line,
                    self._column(col.PENILAI),
                    "Pegawai tidak boleh menjadi Pejabat Penilai bagi dirinya sendiri.",
                )
            )
            return penilai, False
        return penilai, True
