"""What reading an SKP workbook gives: the problems found, the preview, the refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import SkpDraft


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
class SheetPlans:
    """The plans a file holds, by position in the file's SKP content.

    Attributes:
        rencana_aksi: By (RHK index from 0, period code).
        targets: By (RHK index, indicator index from 0, period code).
        scales: By (RHK index, indicator index); only those the file states.
        lines: The first row of each period code, for messages about the period.
        sheet: The sheet's name as the file writes it.
    """

    sheet: str = ""
    rencana_aksi: dict[tuple[int, str], str] = field(default_factory=dict)
    targets: dict[tuple[int, int, str], Decimal] = field(default_factory=dict)
    scales: dict[tuple[int, int], TargetScale] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.rencana_aksi) + len(self.targets)


@dataclass(frozen=True)
class SkpImportPreview:
    """What an import file holds and every problem that stops it; nothing is written.

    Attributes:
        file_name: The file's name, for messages.
        draft: The content read (None when the file could not be read at all); it carries the
            ids of the RHK and indicators it keeps when it was read for a stored SKP.
        issues: Every problem, by sheet and row.
        plans: The "Rencana Aksi" sheet's plans; None when the file has no such sheet (or it
            was read without the person's periods), which leaves the stored plans as they are.
    """

    file_name: str
    draft: SkpDraft | None
    issues: tuple[SkpImportIssue, ...] = ()
    plans: SheetPlans | None = None

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
