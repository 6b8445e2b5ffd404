"""What an import would do and what it did: the preview, the result, and their Indonesian text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.file_issues import LineIssue
from kinerja_desktop.domain.staff import UnitKind


class ImportAction(StrEnum):
    NEW = "NEW"
    UPDATE = "UPDATE"
    UNCHANGED = "UNCHANGED"

    @property
    def label(self) -> str:
        return {"NEW": "Baru", "UPDATE": "Diperbarui", "UNCHANGED": "Tidak berubah"}[self.value]


#: One bad line of the file (line, column, reason).
ImportIssue = LineIssue


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
    #: How a CSV file's text was read ("UTF-8", "Windows-1252", ...); "" for a workbook.
    encoding: str = ""

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
    #: The problems of the skipped rows, one line each ("Baris 5, kolom 'Golongan': ...").
    skipped_problems: tuple[str, ...] = ()
    #: How a CSV file's text was read; "" for a workbook.
    encoding: str = ""

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
        if self.encoding:
            result.append(f"Pengodean berkas: {self.encoding}.")
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


class ImportRefusedError(ValidationError):
    """The file cannot be imported as it is; nothing was written.

    ``message`` starts with the refusal and lists every problem; ``preview`` has them as data.
    """

    def __init__(self, preview: ImportPreview, *, skip_invalid: bool) -> None:
        self.preview = preview
        lines = [preview.refusal(skip_invalid=skip_invalid), *preview.problem_lines()]
        super().__init__("\n".join(lines))
