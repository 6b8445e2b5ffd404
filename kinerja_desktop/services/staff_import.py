"""Import the staff list from a CSV or XLSX file: preview every problem, then write all at once.

The file format is documented in docs/import-format.md. A preview reads the file and checks each
row against the rules and against the database without writing anything; ``apply`` checks again
inside one write transaction and writes every valid row together, or nothing.

Work is done in bulk so that tens of thousands of rows import in seconds: existing people are
loaded by NIP in chunks, all checks run on in-memory maps, and rows are inserted and updated with
``executemany``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Table as SqlTable
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.models import EmployeeRow, EmploymentEventRow
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.hierarchy import supervisor_cycle
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import (
    EmploymentEventKind,
    StaffFields,
    Unit,
    UnitKind,
    ValidStaffFields,
    clean_text,
    validate_staff_fields,
)
from kinerja_desktop.services.tabular import Table, TableRow, header_key, read_table

#: Columns every file must have: (header key, name as documented).
REQUIRED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("nip", "NIP"),
    ("nama", "Nama"),
    ("status", "Status"),
    ("golongan", "Golongan"),
    ("jabatan", "Jabatan"),
    ("jenisjabatan", "Jenis Jabatan"),
    ("unitkerja", "Unit Kerja"),
)
#: Columns a file may have; when one is missing, existing records keep that value.
OPTIONAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("gelardepan", "Gelar Depan"),
    ("gelarbelakang", "Gelar Belakang"),
    ("nippenilai", "NIP Penilai"),
)
#: Separator of the levels of a unit path: "Pemerintah Kota Palembang > Puskesmas Kertapati".
UNIT_PATH_SEPARATOR = ">"
UNIT_NAME_MAX = 200

_NIP, _NAMA, _STATUS, _GOLONGAN, _JABATAN, _JENIS, _UNIT = (key for key, _ in REQUIRED_COLUMNS)
_GELAR_DEPAN, _GELAR_BELAKANG, _PENILAI = (key for key, _ in OPTIONAL_COLUMNS)
_DOCUMENTED = dict(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
#: Field names used by the staff validation, mapped to the column that holds them.
_FIELD_COLUMN = {
    "nip": _NIP,
    "name": _NAMA,
    "gelar_depan": _GELAR_DEPAN,
    "gelar_belakang": _GELAR_BELAKANG,
    "status": _STATUS,
    "golongan": _GOLONGAN,
    "jabatan": _JABATAN,
    "jabatan_kind": _JENIS,
    "jenis_jabatan": _JENIS,
}
_CHUNK = 500  # stay under SQLite's bound-parameter limit
_EMPTY = "(kosong)"
_NONE = "(tidak ada)"

assert all(header_key(name) == key for key, name in _DOCUMENTED.items())


class ImportAction(StrEnum):
    NEW = "NEW"
    UPDATE = "UPDATE"
    UNCHANGED = "UNCHANGED"

    @property
    def label(self) -> str:
        return {"NEW": "Baru", "UPDATE": "Diperbarui", "UNCHANGED": "Tidak berubah"}[self.value]


@dataclass(frozen=True)
class ImportIssue:
    """One problem; ``line`` and ``column`` are None for a problem of the whole file.

    Attributes:
        line: The spreadsheet row number (the header is line 1).
        column: The column heading as written in the file.
        message: What is wrong and what to do, in Indonesian.
    """

    line: int | None
    column: str | None
    message: str

    def text(self) -> str:
        if self.line is None:
            return self.message
        if self.column is None:
            return f"Baris {self.line}: {self.message}"
        return f"Baris {self.line}, kolom '{self.column}': {self.message}"


@dataclass(frozen=True)
class NewUnit:
    """A unit the import creates, shown with its full path."""

    path: str
    kind: UnitKind

    def text(self) -> str:
        return f"{self.path} ({self.kind.label})"


@dataclass(frozen=True)
class PreviewRow:
    """One data row of the file as the import will treat it.

    Attributes:
        action: None when the row is invalid (it has issues).
        changes: For an update, each changed field as "Golongan: III/a → III/b".
    """

    line: int
    nip: str
    name: str
    unit: str
    action: ImportAction | None
    changes: tuple[str, ...]
    issues: tuple[ImportIssue, ...]

    @property
    def valid(self) -> bool:
        return not self.issues


@dataclass(frozen=True)
class ImportPreview:
    """Everything an import would do, and everything that stops it; nothing is written."""

    file_name: str
    rows: tuple[PreviewRow, ...]
    file_issues: tuple[ImportIssue, ...]
    new_units: tuple[NewUnit, ...] = ()

    @property
    def valid_count(self) -> int:
        return sum(1 for row in self.rows if row.valid)

    @property
    def invalid_count(self) -> int:
        return len(self.rows) - self.valid_count

    def count(self, action: ImportAction) -> int:
        return sum(1 for row in self.rows if row.action is action)

    def issues(self) -> list[ImportIssue]:
        """Return the file's problems first, then every row problem by line."""
        row_issues = sorted(
            (issue for row in self.rows for issue in row.issues), key=lambda i: i.line or 0
        )
        return [*self.file_issues, *row_issues]

    def problem_lines(self) -> list[str]:
        """One line per problem: "Baris 5, kolom 'Golongan': ..."."""
        return [issue.text() for issue in self.issues()]

    def importable(self, *, skip_invalid: bool) -> bool:
        """True when the file is usable, has a valid row, and invalid rows may be skipped."""
        if self.file_issues or self.valid_count == 0:
            return False
        return skip_invalid or self.invalid_count == 0

    def refusal(self, *, skip_invalid: bool) -> str:
        """Say why nothing would be written ("" when the import can go ahead)."""
        if self.importable(skip_invalid=skip_invalid):
            return ""
        if self.file_issues:
            return (
                f"Tidak ada yang disimpan: berkas '{self.file_name}' tidak dapat diimpor "
                "sebelum masalahnya diperbaiki."
            )
        if self.valid_count == 0:
            return (
                f"Tidak ada yang disimpan: semua {self.invalid_count} baris tidak valid. "
                "Perbaiki berkas lalu impor ulang."
            )
        return (
            f"Tidak ada yang disimpan: {self.invalid_count} baris tidak valid. Perbaiki berkas, "
            f"atau pakai --skip-invalid untuk mengimpor {self.valid_count} baris yang valid saja."
        )


@dataclass(frozen=True)
class UpdatedPerson:
    line: int
    nip: str
    name: str
    changes: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    file_name: str
    created: int
    updated: int
    unchanged: int
    skipped: int
    new_units: tuple[NewUnit, ...] = ()
    updates: tuple[UpdatedPerson, ...] = ()
    skipped_lines: tuple[int, ...] = ()

    def summary_lines(self) -> list[str]:
        """Describe the import in Indonesian, listing what changed for each updated person."""
        counts = (
            f"Impor '{self.file_name}' selesai: {self.created} pegawai baru, "
            f"{self.updated} diperbarui, {self.unchanged} tidak berubah"
        )
        if self.skipped:
            lines = ", ".join(str(line) for line in self.skipped_lines)
            counts += f", {self.skipped} baris tidak valid dilewati (baris {lines})"
        result = [counts + "."]
        if self.new_units:
            result.append(f"Unit kerja baru ({len(self.new_units)}):")
            result.extend(f"  - {unit.text()}" for unit in self.new_units)
        if self.updates:
            result.append(f"Data yang berubah ({len(self.updates)} pegawai):")
            result.extend(
                f"  - Baris {person.line}, {person.name} (NIP {person.nip}): "
                + "; ".join(person.changes)
                for person in self.updates
            )
        if not (self.created or self.updated or self.new_units):
            result.append("Tidak ada perubahan: data di berkas sudah sama dengan basis data.")
        return result


class StaffImportService:
    """Preview and apply a staff list file (see docs/import-format.md)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def preview(self, path: Path) -> ImportPreview:
        """Read and check the whole file against the database; writes nothing.

        A file that cannot be read gives a preview with one file issue rather than an error.
        """
        try:
            table = read_table(path)
        except ValidationError as error:
            issue = ImportIssue(None, None, error.message)
            return ImportPreview(file_name=path.name, rows=(), file_issues=(issue,))
        with self._db.reading() as session:
            return _Analysis(session, table).preview()

    def apply(self, path: Path, *, skip_invalid: bool) -> ImportResult:
        """Check the file again and write every valid row in one transaction.

        Raises:
            ValidationError: The file cannot be imported as it is now (the database may have
                changed since the preview); nothing was written.
        """
        table = read_table(path)
        with self._db.transaction() as session:
            analysis = _Analysis(session, table)
            preview = analysis.preview()
            if not preview.importable(skip_invalid=skip_invalid):
                lines = [preview.refusal(skip_invalid=skip_invalid), *preview.problem_lines()]
                raise ValidationError("\n".join(lines))
            return analysis.write(session)


def _clean(text: str) -> str:
    """Return ``clean_text(text)``, skipping the work for text that is already plain ASCII."""
    if text.isascii() and text.isprintable() and "  " not in text and text == text.strip():
        return text
    return clean_text(text)


# --- units -------------------------------------------------------------------------------------


@dataclass(eq=False)
class _NewUnit:
    name: str
    kind: UnitKind
    parent: _UnitRef | None
    path: str
    children: dict[str, _NewUnit] = field(default_factory=dict)
    used: bool = False
    row_id: int | None = None


_UnitRef = int | _NewUnit


def _unit_segments(text: str) -> tuple[str, ...]:
    """Split a Unit Kerja cell into its levels, checking each.

    Raises:
        ValidationError: A level is empty or too long.
    """
    whole = _clean(text)
    if not whole:
        raise ValidationError("Unit kerja wajib diisi.")
    segments = tuple(_clean(part.strip()) for part in whole.split(UNIT_PATH_SEPARATOR))
    if not all(segments):
        raise ValidationError(
            f"Jalur unit kerja '{whole}' punya bagian kosong. Pisahkan tingkatannya dengan "
            "' > ', misalnya 'Pemerintah Kota Palembang > Puskesmas Kertapati'."
        )
    for segment in segments:
        if len(segment) > UNIT_NAME_MAX:
            raise ValidationError(
                f"Nama unit kerja terlalu panjang ({len(segment)} karakter; paling banyak "
                f"{UNIT_NAME_MAX})."
            )
    return segments


class _Units:
    """The unit tree in memory, growing by the units the file names that do not exist yet.

    A single name is an existing unit of that name (any level, ignoring case) or else a new unit
    under the only root instansi (a new instansi when there is not exactly one). A path starts at
    an existing unit of that name, or else at a new instansi, and goes down by name.
    """

    def __init__(self, units: Sequence[Unit]) -> None:
        self._units: dict[int, Unit] = {unit.id: unit for unit in units}
        self._by_name: dict[str, list[int]] = defaultdict(list)
        self._children: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for unit in units:
            self._by_name[unit.name.casefold()].append(unit.id)
            if unit.parent_id is not None:
                self._children[unit.parent_id][unit.name.casefold()].append(unit.id)
        roots = [unit.id for unit in units if unit.parent_id is None]
        self._single_root = roots[0] if len(roots) == 1 else None
        self._new_under: dict[int, dict[str, _NewUnit]] = defaultdict(dict)
        self._new_roots: dict[str, _NewUnit] = {}
        self._new_by_name: dict[str, list[_NewUnit]] = defaultdict(list)
        self.created: list[_NewUnit] = []

    def resolve_path(self, segments: Sequence[str]) -> _UnitRef:
        first = segments[0]
        found = self._by_name.get(first.casefold(), [])
        if len(found) > 1:
            raise self._ambiguous(first, list(found))
        current: _UnitRef
        if found:
            current = found[0]
        else:
            current = self._new_roots.get(first.casefold()) or self._create(first, None)
        for segment in segments[1:]:
            current = self._child(current, segment)
        return current

    def resolve_name(self, name: str) -> _UnitRef:
        """Resolve a single name; call after every path so that paths create units first."""
        key = name.casefold()
        found: list[_UnitRef] = [*self._by_name.get(key, []), *self._new_by_name.get(key, [])]
        if len(found) > 1:
            raise self._ambiguous(name, found)
        if found:
            return found[0]
        return self._create(name, self._single_root)

    def path(self, ref: _UnitRef) -> str:
        if isinstance(ref, _NewUnit):
            return ref.path
        names: list[str] = []
        current: int | None = ref
        while current is not None and len(names) < 50:
            names.append(self._units[current].name)
            current = self._units[current].parent_id
        return f" {UNIT_PATH_SEPARATOR} ".join(reversed(names))

    def name(self, ref: _UnitRef) -> str:
        return ref.name if isinstance(ref, _NewUnit) else self._units[ref].name

    @staticmethod
    def mark_used(ref: _UnitRef) -> None:
        current: _UnitRef | None = ref
        while isinstance(current, _NewUnit):
            current.used = True
            current = current.parent

    def _child(self, parent: _UnitRef, name: str) -> _UnitRef:
        key = name.casefold()
        if isinstance(parent, _NewUnit):
            return parent.children.get(key) or self._create(name, parent)
        existing = self._children[parent].get(key, [])
        if existing:
            exact = [unit_id for unit_id in existing if self._units[unit_id].name == name]
            return (exact or existing)[0]
        return self._new_under[parent].get(key) or self._create(name, parent)

    def _create(self, name: str, parent: _UnitRef | None) -> _NewUnit:
        if parent is None:
            kind = UnitKind.INSTANSI
            path = name
        else:
            parent_kind = parent.kind if isinstance(parent, _NewUnit) else self._units[parent].kind
            kind = UnitKind.UNIT if parent_kind is UnitKind.INSTANSI else UnitKind.SUB_UNIT
            path = f"{self.path(parent)} {UNIT_PATH_SEPARATOR} {name}"
        unit = _NewUnit(name=name, kind=kind, parent=parent, path=path)
        key = name.casefold()
        if parent is None:
            self._new_roots[key] = unit
        elif isinstance(parent, _NewUnit):
            parent.children[key] = unit
        else:
            self._new_under[parent][key] = unit
        self._new_by_name[key].append(unit)
        self.created.append(unit)
        return unit

    def _ambiguous(self, name: str, refs: Sequence[_UnitRef]) -> ValidationError:
        paths = sorted(self.path(ref) for ref in refs)
        return ValidationError(
            f"Ada {len(paths)} unit kerja bernama '{name}': {'; '.join(paths)}. "
            f"Tulis jalur lengkapnya, misalnya '{paths[0]}'."
        )


# --- checking ----------------------------------------------------------------------------------


@dataclass(eq=False)
class _Draft:
    """One data row while it is being checked."""

    line: int
    nip_text: str
    name_text: str
    fields: ValidStaffFields | None = None
    nip: str | None = None  # the 18 digits, when the NIP is valid
    penilai: str | None = None  # the penilai's 18 digits, when given and valid
    penilai_ok: bool = True  # False when the NIP Penilai cell is filled but wrong
    segments: tuple[str, ...] = ()
    unit: _UnitRef | None = None
    issues: list[ImportIssue] = field(default_factory=list)
    action: ImportAction | None = None
    changes: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.issues


def _nip_or_none(text: str) -> str | None:
    try:
        return str(Nip.parse(text))
    except ValidationError:
        return None


def _change(label: str, old: str, new: str) -> str:
    return f"{label}: {old or _EMPTY} → {new or _EMPTY}"


def _jenjang_label(value: str | Jenjang | None) -> str:
    return Jenjang(value).label if value else _NONE


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class _Analysis:
    """Checks a table against the rules and the database; can then write the valid rows."""

    def __init__(self, session: Session, table: Table) -> None:
        self._session = session
        self._table = table
        self._file_issues: list[ImportIssue] = []
        self._drafts: list[_Draft] = []
        self._existing: dict[str, EmployeeRow] = {}
        self._id_to_nip: dict[int, str] = {}
        self._db_penilai: dict[int, int | None] = {}
        self._file_rows: dict[str, _Draft] = {}  # valid NIPs that occur once
        self._duplicates: dict[str, list[int]] = {}  # NIPs on several lines
        self._units = _Units(repo.all_units(session))
        missing = [name for key, name in REQUIRED_COLUMNS if not table.has(key)]
        if missing:
            found = ", ".join(f"'{column}'" for column in table.columns)
            self._file_issues.append(
                ImportIssue(
                    None,
                    None,
                    f"Berkas '{table.name}' tidak punya kolom wajib: {', '.join(missing)}. "
                    f"Kolom yang ada: {found}.",
                )
            )
        elif not table.rows:
            self._file_issues.append(
                ImportIssue(
                    None, None, f"Berkas '{table.name}' tidak berisi data pegawai (baris kosong)."
                )
            )
        else:
            self._check()

    # --- the checks, in order -------------------------------------------------------------

    def _check(self) -> None:
        self._drafts = [self._parse(row) for row in self._table.rows]
        self._check_duplicates()
        self._load_database()
        self._check_penilai_known()
        self._resolve_units()
        # Loops in the file as written, then, until nothing changes, loops in what would really
        # be stored: an invalid row is not written, so its person keeps the database's penilai.
        self._check_cycles(self._penilai_override(valid_only=False))
        self._block_dependents()
        while True:
            invalid = sum(1 for draft in self._drafts if not draft.valid)
            self._check_cycles(self._penilai_override(valid_only=True), stored=True)
            self._block_dependents()
            if sum(1 for draft in self._drafts if not draft.valid) == invalid:
                break
        for draft in self._drafts:
            if draft.valid:
                self._compare(draft)

    def _column(self, key: str) -> str:
        return self._table.heading(key) or _DOCUMENTED[key]

    def _issue(self, draft: _Draft, key: str | None, message: str) -> None:
        column = self._column(key) if key else None
        draft.issues.append(ImportIssue(draft.line, column, message))

    def _parse(self, row: TableRow) -> _Draft:
        draft = _Draft(row.line, _clean(row.get(_NIP)), _clean(row.get(_NAMA)))
        if row.extra:
            self._issue(
                draft,
                None,
                f"Baris ini berisi {len(row.extra)} isian lebih banyak dari jumlah kolom. "
                "Mungkin ada koma di dalam isian yang tidak diapit tanda kutip, misalnya gelar "
                '"S.Kep., Ners".',
            )
        fields = StaffFields(
            nip=row.get(_NIP),
            name=row.get(_NAMA),
            status=row.get(_STATUS),
            golongan=row.get(_GOLONGAN),
            jabatan=row.get(_JABATAN),
            jabatan_kind=row.get(_JENIS),
            gelar_depan=row.get(_GELAR_DEPAN),
            gelar_belakang=row.get(_GELAR_BELAKANG),
        )
        try:
            draft.fields = validate_staff_fields(fields)
            draft.nip = str(draft.fields.nip)
        except ValidationErrors as errors:
            for error in errors.errors:
                self._issue(draft, _FIELD_COLUMN.get(error.field or "", _NIP), error.message)
            draft.nip = _nip_or_none(row.get(_NIP))
        self._parse_penilai(draft, row.get(_PENILAI))
        try:
            draft.segments = _unit_segments(row.get(_UNIT))
        except ValidationError as error:
            self._issue(draft, _UNIT, error.message)
        return draft

    def _parse_penilai(self, draft: _Draft, text: str) -> None:
        if not _clean(text):
            return
        try:
            draft.penilai = str(Nip.parse(text))
        except ValidationError as error:
            draft.penilai_ok = False
            self._issue(draft, _PENILAI, f"NIP Penilai tidak valid: {error.message}")
            return
        if draft.penilai == draft.nip:
            draft.penilai_ok = False
            self._issue(
                draft, _PENILAI, "Pegawai tidak boleh menjadi Pejabat Penilai bagi dirinya sendiri."
            )

    def _check_duplicates(self) -> None:
        lines: dict[str, list[int]] = defaultdict(list)
        for draft in self._drafts:
            if draft.nip:
                lines[draft.nip].append(draft.line)
        for draft in self._drafts:
            if not draft.nip:
                continue
            found = lines[draft.nip]
            if len(found) == 1:
                self._file_rows[draft.nip] = draft
                continue
            listed = ", ".join(str(line) for line in found[:-1]) + f" dan {found[-1]}"
            self._issue(
                draft,
                _NIP,
                f"NIP {draft.nip} ganda: ada di baris {listed}. "
                "Satu pegawai hanya boleh satu baris.",
            )
        self._duplicates = {nip: found for nip, found in lines.items() if len(found) > 1}

    def _load_database(self) -> None:
        wanted = {d.nip for d in self._drafts if d.nip} | {
            d.penilai for d in self._drafts if d.penilai
        }
        self._existing = repo.employees_by_nip(self._session, wanted)
        self._id_to_nip = {row.id: nip for nip, row in self._existing.items()}
        self._db_penilai = repo.penilai_map(self._session)

    def _check_penilai_known(self) -> None:
        for draft in self._drafts:
            penilai = draft.penilai
            if penilai and penilai not in self._existing and penilai not in self._file_rows:
                if penilai in self._duplicates:
                    continue  # reported by the dependency check
                self._issue(
                    draft,
                    _PENILAI,
                    f"Pejabat Penilai dengan NIP {penilai} tidak ada di berkas ini maupun di "
                    "basis data.",
                )

    def _resolve_units(self) -> None:
        # Paths first, so that a single name can match a unit a path creates, in any row order.
        ordered = sorted(self._drafts, key=lambda draft: len(draft.segments) == 1)
        for draft in ordered:
            if not draft.segments:
                continue
            try:
                if len(draft.segments) == 1:
                    draft.unit = self._units.resolve_name(draft.segments[0])
                else:
                    draft.unit = self._units.resolve_path(draft.segments)
            except ValidationError as error:
                self._issue(draft, _UNIT, error.message)

    def _penilai_override(self, *, valid_only: bool) -> dict[str, str | None]:
        """Return the penilai that rows of the file give their NIP, replacing the database's.

        Without a NIP Penilai column nobody's penilai changes, so the result is empty.
        """
        if not self._table.has(_PENILAI):
            return {}
        return {
            nip: draft.penilai if draft.penilai_ok else None
            for nip, draft in self._file_rows.items()
            if draft.valid or not valid_only
        }

    def _check_cycles(self, override: dict[str, str | None], *, stored: bool = False) -> None:
        """Report each row of ``override`` that lies on a loop of penilai.

        Args:
            override: The penilai given by the rows taken into account.
            stored: The rows are those that would be written; say why others do not count.
        """

        def penilai_of(key: Hashable) -> Hashable | None:
            """Walk people by NIP, or by database id for people the file does not mention."""
            if isinstance(key, str):
                if key in override:
                    return override[key]
                row = self._existing.get(key)
                penilai_id = row.penilai_id if row is not None else None
            else:
                penilai_id = self._db_penilai.get(key) if isinstance(key, int) else None
            if penilai_id is None:
                return None
            return self._id_to_nip.get(penilai_id, penilai_id)

        on_cycle = _nodes_on_cycles(list(override), penilai_of)
        for draft in self._drafts:
            nip = draft.nip
            if nip is None or nip not in on_cycle or nip not in override:
                continue
            chain = supervisor_cycle(nip, penilai_of(nip), penilai_of)
            shown = " → ".join(self._person_label(key) for key in chain or [nip])
            message = f"Rantai penilai berputar: {shown}. Ganti NIP Penilai salah satu dari mereka."
            if stored:
                message += (
                    " Baris yang tidak valid tidak diimpor, jadi Pejabat Penilai orang itu tetap "
                    "seperti di basis data."
                )
            self._issue(draft, _PENILAI, message)

    def _person_label(self, key: Hashable) -> str:
        if isinstance(key, str) and key in self._file_rows:
            draft = self._file_rows[key]
            return f"{draft.name_text or key} (baris {draft.line})"
        if isinstance(key, str) and key in self._existing:
            return self._existing[key].name
        row = repo.employee_row(self._session, key) if isinstance(key, int) else None
        return row.name if row is not None else str(key)

    def _block_dependents(self) -> None:
        """Mark invalid each row whose penilai is a row of the file that cannot be imported."""
        dependents: dict[str, list[_Draft]] = defaultdict(list)
        for draft in self._drafts:
            if draft.penilai:
                dependents[draft.penilai].append(draft)
        blocked = [d.nip for d in self._drafts if d.nip and not d.valid]
        blocked.extend(self._duplicates)
        seen = set(blocked)
        while blocked:
            nip = blocked.pop()
            lines = self._duplicates.get(nip) or [self._file_rows[nip].line]
            for draft in dependents.get(nip, []):
                if not draft.valid:
                    continue
                listed = ", ".join(str(line) for line in lines)
                self._issue(
                    draft,
                    _PENILAI,
                    f"Pejabat Penilai (NIP {nip}, baris {listed}) tidak dapat diimpor, jadi baris "
                    "ini juga tidak. Perbaiki baris Pejabat Penilai itu dahulu.",
                )
                if draft.nip and draft.nip not in seen:
                    seen.add(draft.nip)
                    blocked.append(draft.nip)

    def _compare(self, draft: _Draft) -> None:
        assert draft.fields is not None and draft.nip is not None and draft.unit is not None
        self._units.mark_used(draft.unit)
        row = self._existing.get(draft.nip)
        if row is None:
            draft.action = ImportAction.NEW
            return
        fields = draft.fields
        pairs = [
            ("Nama", row.name, fields.name),
            ("Status", row.status, fields.status.value),
            ("Golongan", row.golongan, fields.golongan.code),
            ("Jabatan", row.jabatan, fields.jabatan),
            (
                "Jenis jabatan",
                JabatanKind(row.jabatan_kind).label,
                fields.jabatan_kind.label,
            ),
            ("Jenjang", _jenjang_label(row.jenjang), _jenjang_label(fields.jenjang)),
        ]
        if self._table.has(_GELAR_DEPAN):
            pairs.append(("Gelar depan", row.gelar_depan, fields.gelar_depan))
        if self._table.has(_GELAR_BELAKANG):
            pairs.append(("Gelar belakang", row.gelar_belakang, fields.gelar_belakang))
        changes = [_change(label, old, new) for label, old, new in pairs if old != new]
        if draft.unit != row.unit_id:
            old_unit = self._units.name(row.unit_id)
            changes.append(_change("Unit kerja", old_unit, self._units.name(draft.unit)))
        if self._table.has(_PENILAI) and self._penilai_id(draft) != row.penilai_id:
            changes.append(self._penilai_change(row.penilai_id, draft.penilai))
        draft.changes = tuple(changes)
        draft.action = ImportAction.UPDATE if changes else ImportAction.UNCHANGED

    def _penilai_id(self, draft: _Draft) -> int | _Draft | None:
        """The penilai's database id, or the file row of a penilai who is new."""
        if draft.penilai is None:
            return None
        found = self._existing.get(draft.penilai)
        return found.id if found is not None else self._file_rows[draft.penilai]

    def _penilai_change(self, old_id: int | None, new_nip: str | None) -> str:
        if old_id is None:
            old = _NONE
        elif old_id in self._id_to_nip:
            old = self._existing[self._id_to_nip[old_id]].name
        else:
            found = repo.employee_row(self._session, old_id)
            old = found.name if found is not None else str(old_id)
        if new_nip is None:
            new = _NONE
        elif new_nip in self._file_rows and self._file_rows[new_nip].fields is not None:
            new = self._file_rows[new_nip].fields.name  # type: ignore[union-attr]
        else:
            new = self._existing[new_nip].name
        return f"Pejabat Penilai: {old} → {new}"

    # --- results ---------------------------------------------------------------------------

    def preview(self) -> ImportPreview:
        rows = tuple(
            PreviewRow(
                line=draft.line,
                nip=draft.nip or draft.nip_text,
                name=draft.fields.name if draft.fields else draft.name_text,
                unit=self._units.path(draft.unit) if draft.unit is not None else "",
                action=draft.action,
                changes=draft.changes,
                issues=tuple(draft.issues),
            )
            for draft in self._drafts
        )
        return ImportPreview(
            file_name=self._table.name,
            rows=rows,
            file_issues=tuple(self._file_issues),
            new_units=self._new_units(),
        )

    def _new_units(self) -> tuple[NewUnit, ...]:
        return tuple(NewUnit(unit.path, unit.kind) for unit in self._units.created if unit.used)

    def write(self, session: Session) -> ImportResult:
        """Write every valid row: units, new people, updates, penilai links, history."""
        writer = _Writer(session, self._table, self._units, self._existing)
        valid = [draft for draft in self._drafts if draft.valid]
        writer.create_units()
        writer.insert_people([d for d in valid if d.action is ImportAction.NEW])
        updates = [d for d in valid if d.action is ImportAction.UPDATE]
        writer.update_people(updates)
        writer.link_new_penilai([d for d in valid if d.action is ImportAction.NEW])
        writer.record_events()
        skipped = [draft.line for draft in self._drafts if not draft.valid]
        return ImportResult(
            file_name=self._table.name,
            created=sum(1 for d in valid if d.action is ImportAction.NEW),
            updated=len(updates),
            unchanged=sum(1 for d in valid if d.action is ImportAction.UNCHANGED),
            skipped=len(skipped),
            new_units=self._new_units(),
            updates=tuple(
                UpdatedPerson(d.line, d.nip or "", d.name_text, d.changes) for d in updates
            ),
            skipped_lines=tuple(skipped),
        )


def _nodes_on_cycles(
    starts: Iterable[Hashable], penilai_of: Callable[[Hashable], Hashable | None]
) -> set[Hashable]:
    """Return every node that lies on a supervisor loop reachable from ``starts``.

    Each node is walked once, so this stays linear however deep the chains are.
    """
    done: set[Hashable] = set()
    on_cycle: set[Hashable] = set()
    for start in starts:
        path: list[Hashable] = []
        position: dict[Hashable, int] = {}
        current: Hashable | None = start
        while current is not None and current not in done:
            if current in position:
                on_cycle.update(path[position[current] :])
                break
            position[current] = len(path)
            path.append(current)
            current = penilai_of(current)
        done.update(path)
    return on_cycle


# --- writing -----------------------------------------------------------------------------------


class _Writer:
    """Bulk writes for one import, inside the caller's transaction."""

    def __init__(
        self,
        session: Session,
        table: Table,
        units: _Units,
        existing: dict[str, EmployeeRow],
    ) -> None:
        self._session = session
        self._table = table
        self._units = units
        self._existing = existing
        self._ids: dict[str, int] = {nip: row.id for nip, row in existing.items()}
        self._events: list[dict[str, Any]] = []
        self._today = date.today()
        self._note = f"Impor dari berkas {table.name}"[:500]

    def create_units(self) -> None:
        for unit in self._units.created:
            if unit.used:
                parent_id = self._unit_id(unit.parent) if unit.parent is not None else None
                unit.row_id = repo.add_unit(self._session, unit.name, unit.kind, parent_id, "").id

    def _unit_id(self, ref: _UnitRef | None) -> int:
        assert ref is not None
        if isinstance(ref, _NewUnit):
            assert ref.row_id is not None
            return ref.row_id
        return ref

    def insert_people(self, drafts: Sequence[_Draft]) -> None:
        if not drafts:
            return
        values = []
        for draft in drafts:
            assert draft.fields is not None
            values.append(
                {
                    **_field_values(draft.fields),
                    "unit_id": self._unit_id(draft.unit),
                    "active": True,
                }
            )
        self._session.execute(insert(EmployeeRow), values)
        nips = [str(draft.nip) for draft in drafts]
        for chunk in _chunks(nips):
            query = select(EmployeeRow.nip, EmployeeRow.id).where(EmployeeRow.nip.in_(chunk))
            self._ids.update(
                {nip: employee_id for nip, employee_id in self._session.execute(query)}
            )
        for draft in drafts:
            self._events.append(
                {
                    "employee_id": self._ids[str(draft.nip)],
                    "kind": EmploymentEventKind.MASUK.value,
                    "to_unit_id": self._unit_id(draft.unit),
                }
            )

    def update_people(self, drafts: Sequence[_Draft]) -> None:
        """Update changed people by primary key, checking and raising their version."""
        if not drafts:
            return
        values = []
        for draft in drafts:
            assert draft.fields is not None and draft.nip is not None
            row = self._existing[draft.nip]
            unit_id = self._unit_id(draft.unit)
            data = {**_field_values(draft.fields), "id": row.id, "version": row.version}
            data["unit_id"] = unit_id
            # An absent optional column keeps the stored value.
            if not self._table.has(_GELAR_DEPAN):
                data["gelar_depan"] = row.gelar_depan
            if not self._table.has(_GELAR_BELAKANG):
                data["gelar_belakang"] = row.gelar_belakang
            if self._table.has(_PENILAI):
                data["penilai_id"] = self._ids[draft.penilai] if draft.penilai else None
            else:
                data["penilai_id"] = row.penilai_id
            values.append(data)
            if unit_id != row.unit_id:
                self._events.append(
                    {
                        "employee_id": row.id,
                        "kind": EmploymentEventKind.MUTASI.value,
                        "from_unit_id": row.unit_id,
                        "to_unit_id": unit_id,
                    }
                )
        self._session.execute(update(EmployeeRow), values)

    def link_new_penilai(self, drafts: Sequence[_Draft]) -> None:
        """Set the penilai of new people, now that everyone they may point at exists."""
        links = [
            {"b_id": self._ids[str(draft.nip)], "b_penilai": self._ids[draft.penilai]}
            for draft in drafts
            if draft.penilai
        ]
        if not links:
            return
        table: SqlTable = EmployeeRow.__table__  # type: ignore[assignment]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(penilai_id=bindparam("b_penilai"))
        )
        self._session.execute(statement, links)

    def record_events(self) -> None:
        if self._events:
            defaults = {"event_date": self._today, "note": self._note, "from_unit_id": None}
            rows = [{**defaults, **event} for event in self._events]
            self._session.execute(insert(EmploymentEventRow), rows)


def _field_values(fields: ValidStaffFields) -> dict[str, Any]:
    return {
        "nip": str(fields.nip),
        "name": fields.name,
        "gelar_depan": fields.gelar_depan,
        "gelar_belakang": fields.gelar_belakang,
        "status": fields.status.value,
        "golongan": fields.golongan.code,
        "jabatan": fields.jabatan,
        "jabatan_kind": fields.jabatan_kind.value,
        "jenjang": fields.jenjang.value if fields.jenjang else None,
    }
