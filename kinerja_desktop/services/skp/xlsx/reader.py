"""Read an SKP workbook into a draft, collecting every problem of the file (no writes)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.skp import (
    Aspek,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    SkpDraft,
    SkpLayout,
)
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.platform.tabular import header_key
from kinerja_desktop.services.skp.xlsx.cells import SheetData, load_sheets
from kinerja_desktop.services.skp.xlsx.columns import (
    EKSPEKTASI_COLUMNS,
    LAMPIRAN_COLUMNS,
    LAMPIRAN_VALUES,
    PLAN_COLUMNS,
    RENCANA_AKSI_SHEET_NAMES,
    SHEET_EKSPEKTASI,
    SHEET_LAMPIRAN,
    SHEET_NAMES,
    SHEET_SKP,
    VALUE_NAMES,
    labels,
    lookup,
    skp_columns,
)
from kinerja_desktop.services.skp.xlsx.plans_sheet import PlansSheetReader
from kinerja_desktop.services.skp.xlsx.results import SheetPlans, SkpImportIssue, SkpImportPreview
from kinerja_desktop.services.skp.xlsx.skp_sheet import SkpSheetReader
from kinerja_desktop.services.skp.xlsx.table import SheetTable, pick_sheets, read_sheet_table

#: The table header of the "SKP" sheet is the first row with at least this many known headings.
_MIN_KNOWN_HEADINGS = 3


def read_skp_workbook(
    path: Path,
    *,
    pendekatan: Pendekatan,
    layout: SkpLayout,
    parent_options: Sequence[RhkOption],
    periods: Sequence[Period] | None = None,
) -> SkpImportPreview:
    """Read an SKP workbook (docs/skp-xlsx-format.md) into a draft, collecting every problem.

    Args:
        path: The .xlsx file.
        pendekatan: The SKP's approach; the target rules depend on it.
        layout: JPT (a "Perspektif" column) or JA/JF (an "Aspek" column).
        parent_options: The Pejabat Penilai's RHK. When there are some, each "RHK Atasan yang
            Diintervensi" must be one of their texts; when there are none (the top of the
            tree), the text is kept as free text.
        periods: The person's periodic periods that year. With them, the optional "Rencana
            Aksi" sheet is read too; without them (no stored SKP yet) it is not.

    Returns:
        The draft (without ids) and the problems; a file that cannot be read at all gives a
        preview without a draft and with one problem.
    """
    try:
        sheets = load_sheets(path)
    except ValidationError as error:
        return SkpImportPreview(path.name, None, (SkpImportIssue(None, None, None, error.message),))
    issues: list[SkpImportIssue] = []
    picked = pick_sheets(sheets, issues)
    rhks: tuple[RhkDraft, ...] = ()
    reader: SkpSheetReader | None = None
    if SHEET_SKP in picked:
        columns = skp_columns(layout)
        table = read_sheet_table(
            picked[SHEET_SKP], columns, issues, min_known=_MIN_KNOWN_HEADINGS, other=_other(layout)
        )
        if table is not None:
            reader = SkpSheetReader(table, layout=layout, parent_options=parent_options)
            rhks = reader.rhks
    lampiran: dict[LampiranKind, tuple[str, ...]] = {}
    if SHEET_LAMPIRAN in picked:
        table = read_sheet_table(picked[SHEET_LAMPIRAN], LAMPIRAN_COLUMNS, issues, min_known=1)
        lampiran = _read_lampiran(table, issues) if table else {}
    expectations: dict[BehaviourValue, str] = {}
    if SHEET_EKSPEKTASI in picked:
        table = read_sheet_table(picked[SHEET_EKSPEKTASI], EKSPEKTASI_COLUMNS, issues, min_known=1)
        expectations = _read_expectations(table, issues) if table else {}
    draft = SkpDraft(pendekatan, rhks, lampiran, expectations)
    if reader is not None:
        issues[:0] = reader.checked(draft)
    order = {name: position for position, name in enumerate(SHEET_NAMES)}
    plans: SheetPlans | None = None
    sheet = _plans_sheet(sheets) if periods is not None else None
    if sheet is not None and periods is not None:
        order[sheet.title] = len(order)
        table = read_sheet_table(sheet, PLAN_COLUMNS, issues, min_known=_MIN_KNOWN_HEADINGS)
        if table is not None and reader is not None:
            plans_reader = PlansSheetReader(table, draft, periods)
            issues.extend(plans_reader.issues)
            plans = plans_reader.plans
    issues.sort(key=lambda issue: (order.get(issue.sheet or "", -1), issue.line or 0))
    return SkpImportPreview(path.name, draft, tuple(issues), plans)


def _plans_sheet(sheets: Sequence[SheetData]) -> SheetData | None:
    """The optional "Rencana Aksi" sheet, found by its name like the others."""
    return next((s for s in sheets if header_key(s.title) in RENCANA_AKSI_SHEET_NAMES), None)


def _other(layout: SkpLayout) -> dict[str, str]:
    """Headings of the other layout, which a file for this SKP should not have."""
    if layout is SkpLayout.JPT:
        return {
            "aspek": "kolom 'Aspek' untuk SKP JA/JF; SKP JPT ini memakai kolom 'Perspektif' "
            f"({labels(Perspektif)})."
        }
    return {
        "perspektif": "kolom 'Perspektif' hanya untuk SKP JPT; SKP ini memakai kolom 'Aspek' "
        f"({labels(Aspek)})."
    }


# --- "Lampiran" and "Ekspektasi" -----------------------------------------------------------------


def _read_lampiran(
    table: SheetTable, issues: list[SkpImportIssue]
) -> dict[LampiranKind, tuple[str, ...]]:
    jenis, uraian = LAMPIRAN_COLUMNS
    items: dict[LampiranKind, list[str]] = {}
    for row in table.rows:
        said = row.text(jenis)
        kind = lookup(said, LAMPIRAN_VALUES)
        if kind is None:
            start = (
                f"Jenis lampiran '{said}' tidak dikenal" if said else "Jenis lampiran wajib diisi"
            )
            issues.append(table.issue(row.line, jenis, f"{start}; tulis {labels(LampiranKind)}."))
        elif text := clean_text(row.text(uraian)):
            items.setdefault(kind, []).append(text)
    return {kind: tuple(texts) for kind, texts in items.items()}


def _read_expectations(
    table: SheetTable, issues: list[SkpImportIssue]
) -> dict[BehaviourValue, str]:
    nilai, ekspektasi = EKSPEKTASI_COLUMNS
    found: dict[BehaviourValue, tuple[int, str]] = {}
    for row in table.rows:
        said, text = row.text(nilai), clean_text(row.text(ekspektasi))
        value = lookup(said, VALUE_NAMES)
        if value is None:
            start = (
                f"Nilai BerAKHLAK '{said}' tidak dikenal" if said else "Nilai BerAKHLAK wajib diisi"
            )
            issues.append(table.issue(row.line, nilai, f"{start}; pilih {labels(BehaviourValue)}."))
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
