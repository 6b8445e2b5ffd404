"""Read the "SKP" sheet: group its rows into RHK and place every problem on its cell."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.platform.tabular import header_key
from kinerja_desktop.services.skp.xlsx.cells import number_text
from kinerja_desktop.services.skp.xlsx.columns import (
    ASPEK,
    ASPEK_VALUES,
    IKI,
    JENIS,
    JENIS_VALUES,
    KIND_WORD,
    LOWER,
    NARATIF,
    PARENT,
    PERSPEKTIF,
    PERSPEKTIF_VALUES,
    RHK,
    SATUAN,
    TARGET,
    YES_NO,
    SheetColumn,
    labels,
    lookup,
)
from kinerja_desktop.services.skp.xlsx.results import SkpImportIssue
from kinerja_desktop.services.skp.xlsx.table import SheetRow, SheetTable

_CELL_NAME = re.compile(r"rhk\[(\d+)\]\.(?:iki\[(\d+)\]\.)?(\w+)")
#: "RHK 2, indikator 3: " in front of a rule's message; the row and column say it better.
_RULE_PLACE = re.compile(r"^RHK \d+(?:, indikator \d+)?(?:: | (?=\w))")

_E = TypeVar("_E")


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


class SkpSheetReader:
    """Groups the rows of the "SKP" sheet into RHK, reading each cell; knows every row's RHK."""

    def __init__(
        self, table: SheetTable, *, layout: SkpLayout, parent_options: Sequence[RhkOption]
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

    def _read_row(self, row: SheetRow) -> None:
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
            if jenis and lookup(jenis, JENIS_VALUES) is not group.kind:
                self._issue(
                    row.line,
                    JENIS,
                    f"Jenis '{jenis}' berbeda dengan RHK di atasnya ('{group.text}', "
                    f"{KIND_WORD[group.kind]}). Tulis Rencana Hasil Kerja-nya bila ini RHK lain.",
                )
        self._last = group
        self._read_parent(row, group)
        iki = self._iki(row)
        if iki is not None:
            group.indicators.append((row.line, iki))

    def _kind(self, line: int, jenis: str) -> RhkKind | None:
        kind = lookup(jenis, JENIS_VALUES)
        if kind is None:
            said = f"Jenis '{jenis}' tidak dikenal" if jenis else "Jenis wajib diisi"
            self._issue(line, JENIS, f"{said}; tulis Utama atau Tambahan.")
        return kind

    def _read_parent(self, row: SheetRow, group: _Group) -> None:
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

    def _iki(self, row: SheetRow) -> IkiDraft | None:
        indicator, unit, narrative = row.text(IKI), row.text(SATUAN), row.text(NARATIF)
        target = number_text(row.values.get(TARGET.key))
        choice = row.text(self._choice)
        lower_text = row.text(LOWER)
        lower = lookup(lower_text, YES_NO)
        if not any((indicator, target, unit, narrative, choice)) and lower is False:
            return None  # an RHK without indicators yet ("Tidak" alone is the default)
        if lower is None:
            self._issue(row.line, LOWER, f"isi Ya atau Tidak; yang diisi '{lower_text}'.")
        aspek: Aspek | None = None
        perspektif: Perspektif | None = None
        if self._layout is SkpLayout.JPT:
            perspektif = self._pick(row.line, choice, PERSPEKTIF_VALUES, Perspektif)
        else:
            aspek = self._pick(row.line, choice, ASPEK_VALUES, Aspek)
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
        found = lookup(text, choices)
        if found is None:
            name = self._choice.heading
            self._issue(
                line, self._choice, f"{name} '{text}' tidak dikenal; pilih {labels(kinds)}."
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
