"""Read the optional "Rencana Aksi" sheet: rencana aksi, period targets and scales (issue 17).

A row names its RHK by number (the order the RHK first appear in the "SKP" sheet) and its
indicator by number within that RHK, so the plans follow the content read from the same file.
The values are checked by the rules of the Rencana Aksi tab (:mod:`kinerja_desktop.domain.plans`);
every problem names its row and column. What the rows hold is keyed by position, not by id: the
service puts it on the RHK and indicators once the content is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.plans import TargetScale, period_target, rencana_aksi_text
from kinerja_desktop.domain.skp import IkiDraft, RhkDraft, SkpDraft
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.platform.tabular import header_key
from kinerja_desktop.services.skp.xlsx.cells import number_text
from kinerja_desktop.services.skp.xlsx.columns import (
    PLAN_ACTION,
    PLAN_IKI,
    PLAN_IKI_NO,
    PLAN_PERIOD,
    PLAN_RHK,
    PLAN_RHK_NO,
    PLAN_SCALE,
    PLAN_TARGET,
    PLAN_UNIT,
    SHEET_SKP,
    SheetColumn,
    lookup,
)
from kinerja_desktop.services.skp.xlsx.results import SheetPlans, SkpImportIssue
from kinerja_desktop.services.skp.xlsx.table import SheetRow, SheetTable

SCALE_VALUES = {header_key(scale.label): scale for scale in TargetScale} | {
    header_key(scale.value): scale for scale in TargetScale
}


class PlansSheetReader:
    """Reads the rows of the "Rencana Aksi" sheet against the content of the "SKP" sheet."""

    def __init__(self, table: SheetTable, draft: SkpDraft, periods: Sequence[Period]) -> None:
        self._table = table
        self._rhks = draft.rhks
        self._periods = periods
        self.issues: list[SkpImportIssue] = []
        self.plans = SheetPlans(sheet=table.sheet)
        # Where each value was first given, for "differs from row n".
        self._action_lines: dict[tuple[int, str], int] = {}
        self._target_lines: dict[tuple[int, int, str], int] = {}
        self._scale_lines: dict[tuple[int, int], int] = {}
        for row in table.rows:
            self._read_row(row)

    def _issue(self, line: int, column: SheetColumn, message: str) -> None:
        self.issues.append(self._table.issue(line, column, message))

    def _read_row(self, row: SheetRow) -> None:
        found = self._rhk(row)
        period = self._period(row)
        if found is None or period is None:
            return
        index, rhk = found
        self.plans.lines.setdefault(period.code, row.line)
        self._read_action(row, index, period)
        iki = self._iki(row, rhk)
        if iki is not None:
            self._read_target(row, index, iki, period)

    def _number(self, row: SheetRow, column: SheetColumn, count: int, what: str) -> int | None:
        """A 1-based number of one of ``count`` ``what``, as a 0-based index; None with an issue."""
        said = row.text(column)
        if said.isdigit() and 1 <= int(said) <= count:
            return int(said) - 1
        if not count:
            self._issue(row.line, column, f"belum ada {what}, jadi baris ini tidak dapat dibaca.")
        else:
            shown = f"; yang diisi '{said}'" if said else ""
            self._issue(row.line, column, f"isi nomor urut {what}: 1 sampai {count}{shown}.")
        return None

    def _same_text(self, row: SheetRow, column: SheetColumn, expected: str, what: str) -> None:
        said = clean_text(row.text(column))
        if said and said.casefold() != clean_text(expected).casefold():
            self._issue(
                row.line,
                column,
                f"'{said}' berbeda dengan {what} ('{clean_text(expected)}'). Periksa nomornya.",
            )

    def _rhk(self, row: SheetRow) -> tuple[int, RhkDraft] | None:
        index = self._number(row, PLAN_RHK_NO, len(self._rhks), f"RHK di lembar '{SHEET_SKP}'")
        if index is None:
            return None
        rhk = self._rhks[index]
        self._same_text(row, PLAN_RHK, rhk.text, f"RHK {index + 1} di lembar '{SHEET_SKP}'")
        return index, rhk

    def _period(self, row: SheetRow) -> Period | None:
        said = row.text(PLAN_PERIOD)
        key = header_key(said)
        for period in self._periods:
            if key in (header_key(period.code), header_key(period.label)):
                return period
        names = ", ".join(period.label for period in self._periods)
        start = f"Periode '{said}' tidak dikenal" if said else "Periode wajib diisi"
        self._issue(row.line, PLAN_PERIOD, f"{start}; tulis salah satu: {names}.")
        return None

    def _read_action(self, row: SheetRow, index: int, period: Period) -> None:
        typed = row.text(PLAN_ACTION)
        if not typed:
            return
        try:
            text = rencana_aksi_text(typed, field=None, label="Rencana aksi")
        except ValidationError as error:
            self._issue(row.line, PLAN_ACTION, error.message)
            return
        key = (index, period.code)
        if key not in self.plans.rencana_aksi:
            self.plans.rencana_aksi[key] = text
            self._action_lines[key] = row.line
        elif self.plans.rencana_aksi[key] != text:
            self._issue(
                row.line,
                PLAN_ACTION,
                f"berbeda dengan baris {self._action_lines[key]} untuk RHK {index + 1} "
                f"{period.label}; satu RHK punya satu rencana aksi per periode.",
            )

    def _iki(self, row: SheetRow, rhk: RhkDraft) -> tuple[int, IkiDraft] | None:
        if not row.text(PLAN_IKI_NO):
            for column in (PLAN_TARGET, PLAN_SCALE):
                if row.text(column):
                    self._issue(
                        row.line,
                        PLAN_IKI_NO,
                        f"isi nomor indikator untuk {column.heading} di baris ini.",
                    )
                    break
            return None
        index = self._number(row, PLAN_IKI_NO, len(rhk.indicators), "indikator RHK ini")
        if index is None:
            return None
        iki = rhk.indicators[index]
        self._same_text(row, PLAN_IKI, iki.indicator, f"indikator {index + 1} RHK ini")
        unit = row.text(PLAN_UNIT)
        if unit and header_key(unit) != header_key(iki.unit):
            self._issue(
                row.line,
                PLAN_UNIT,
                f"target periode memakai satuan indikatornya ('{clean_text(iki.unit)}'); "
                f"yang diisi '{unit}'.",
            )
        return index, iki

    def _read_target(
        self, row: SheetRow, rhk: int, found: tuple[int, IkiDraft], period: Period
    ) -> None:
        index, iki = found
        self._read_scale(row, (rhk, index))
        try:
            value = period_target(
                number_text(row.values.get(PLAN_TARGET.key)),
                lower_is_better=iki.lower_is_better,
                field=None,
                label="Target periode",
            )
        except ValidationError as error:
            self._issue(row.line, PLAN_TARGET, error.message)
            return
        if value is None:
            return
        key = (rhk, index, period.code)
        if key not in self.plans.targets:
            self.plans.targets[key] = value
            self._target_lines[key] = row.line
        elif self.plans.targets[key] != value:
            self._issue(
                row.line,
                PLAN_TARGET,
                f"berbeda dengan baris {self._target_lines[key]} untuk indikator yang sama "
                f"{period.label}; satu indikator punya satu target per periode.",
            )

    def _read_scale(self, row: SheetRow, key: tuple[int, int]) -> None:
        said = row.text(PLAN_SCALE)
        if not said:
            return
        scale = lookup(said, SCALE_VALUES)
        if scale is None:
            message = f"Skala '{said}' tidak dikenal; tulis Kumulatif atau Per periode."
            self._issue(row.line, PLAN_SCALE, message)
        elif key not in self.plans.scales:
            self.plans.scales[key] = scale
            self._scale_lines[key] = row.line
        elif self.plans.scales[key] is not scale:
            self._issue(
                row.line,
                PLAN_SCALE,
                f"berbeda dengan baris {self._scale_lines[key]} untuk indikator yang sama; satu "
                "indikator punya satu skala untuk semua periodenya.",
            )
